//! `POST /adobe/sites/cf/fragments/publish`: the Sites API's publication of content fragments,
//! the way an OAuth Server-to-Server client publishes them (AEM's replication servlet takes no
//! such token). As Adobe's own client sends it (reference adobe-wire-next §5.1, §6.3): a body
//! `{paths[], workflowModelId, filterReferencesByStatus[]}`, publish with the model
//! `/var/workflow/models/scheduled_activation_with_references`, unpublish with
//! `/var/workflow/models/scheduled_deactivation`; the answer says each path's status
//! (`SUCCESS_TRIGGERED`, `ERROR_NOT_FOUND`, `ERROR_FORBIDDEN`) and the workflow started.
//!
//! AEM runs that workflow later; the sandbox replicates at once to the publish tier, so a test
//! reads the result of its request straight after it (the tier a later read sees either way).
//! A path that is not a fragment, or one the account may not replicate, is said in its item
//! and nothing of that request is replicated.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use crate::dam::{Agent, Replication};
use crate::openapi::problem;
use crate::{Shared, write};

/// The workflow model that publishes fragments and what they reference.
pub(crate) const ACTIVATE_MODEL: &str = "/var/workflow/models/scheduled_activation_with_references";
/// The workflow model that unpublishes them.
pub(crate) const DEACTIVATE_MODEL: &str = "/var/workflow/models/scheduled_deactivation";

/// `POST /adobe/sites/cf/fragments/publish`.
pub(crate) async fn publish(
    State(shared): State<Shared>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let principal = match crate::sites::authorise(&shared, &headers) {
        Ok(p) => p,
        Err(r) => return *r,
    };
    let Ok(body) = serde_json::from_slice::<Value>(&body) else {
        return problem(400, "the body is not JSON");
    };
    let action = match body.get("workflowModelId").and_then(Value::as_str) {
        None | Some(ACTIVATE_MODEL) => Replication::Activate,
        Some(DEACTIVATE_MODEL) => Replication::Deactivate,
        Some(other) => return problem(400, &format!("unknown workflow model {other}")),
    };
    let paths: Vec<&str> = match body.get("paths").and_then(Value::as_array) {
        Some(paths) if !paths.is_empty() => paths.iter().filter_map(Value::as_str).collect(),
        _ => return problem(400, "paths: at least one fragment path is needed"),
    };
    let mut dam = write(&shared.dam);
    let statuses: Vec<(&str, &str, Option<u32>)> = paths
        .iter()
        .map(|path| match dam.fragment_at(path) {
            None => (*path, "ERROR_NOT_FOUND", None),
            Some(_) if principal.read_only || shared.faults.replicate_denied(path) => {
                (*path, "ERROR_FORBIDDEN", None)
            }
            Some(idx) => (*path, "SUCCESS_TRIGGERED", Some(idx)),
        })
        .collect();
    let all = statuses.iter().all(|(_, _, idx)| idx.is_some());
    if all {
        let now = crate::ims::now_ms();
        for idx in statuses.iter().filter_map(|(_, _, idx)| *idx) {
            dam.replicate(idx, Agent::Publish, action, &principal.user, now);
        }
        shared.counters.bump(|c| {
            c.replications += 1;
            c.replicated += statuses.len() as u64;
        });
    }
    let items: Vec<Value> = statuses
        .iter()
        .map(|(path, status, _)| json!({"path": path, "status": status}))
        .collect();
    let workflow = all.then(|| format!("sandbox-workflow-{}", crate::ims::now_ms()));
    axum::Json(json!({"items": items, "workflowInstanceId": workflow})).into_response()
}
