//! Publishing content fragments through the Sites API (`POST /adobe/sites/cf/fragments/publish`,
//! reference adobe-wire-next §5.1, §6.3): the request's body, and its answer read path by path.
//! AEM starts a workflow per request: publish with the model that takes the fragments'
//! references along, unpublish with the deactivation model; each path's `status` says whether
//! it was taken (`SUCCESS_TRIGGERED`) or why not. The Sites API reaches only the publish tier.

use serde_json::{Value, json};

use crate::CallError;
use crate::publication::{Agent, Replication};
use metadesk_base::i18n::Text;

/// The workflow model AEM's own client publishes fragments with.
const ACTIVATE: &str = "/var/workflow/models/scheduled_activation_with_references";
/// The one it unpublishes them with.
const DEACTIVATE: &str = "/var/workflow/models/scheduled_deactivation";

/// Refuses AEM's Preview tier in words: the Sites API's publication names no tier.
pub(super) fn publish_tier_only(agent: Agent) -> Result<(), CallError> {
    match agent {
        Agent::Publish => Ok(()),
        Agent::Preview => Err(CallError::Rejected {
            status: 0,
            detail: Text::plain("assets-fragments-no-preview"),
        }),
    }
}

/// The body publishing (or unpublishing) `paths`.
pub(super) fn request(replication: Replication, paths: &[&str]) -> Value {
    let model = match replication {
        Replication::Publish => ACTIVATE,
        Replication::Unpublish => DEACTIVATE,
    };
    json!({
        "paths": paths,
        "workflowModelId": model,
        "filterReferencesByStatus": [],
    })
}

/// Every path taken, else the first that was not, in words (a path refused as forbidden is
/// AEM's 403, so the run says the account may not publish it).
pub(super) fn outcome(answer: &Value, paths: &[&str]) -> Result<(), CallError> {
    let items = answer
        .get("items")
        .and_then(Value::as_array)
        .ok_or_else(|| super::wire::unusable("items"))?;
    let status_of = |path: &str| {
        items
            .iter()
            .find(|i| i.get("path").and_then(Value::as_str) == Some(path))
            .and_then(|i| i.get("status"))
            .and_then(Value::as_str)
    };
    for path in paths {
        match status_of(path) {
            Some("SUCCESS_TRIGGERED") => {}
            Some("ERROR_FORBIDDEN") => return Err(CallError::Forbidden((*path).to_owned())),
            Some("ERROR_NOT_FOUND") => return Err(CallError::NotFound),
            status => {
                return Err(CallError::Rejected {
                    status: 0,
                    detail: Text::new(
                        "assets-fragment-not-published",
                        vec![
                            ("path", (*path).into()),
                            ("status", status.unwrap_or("—").into()),
                        ],
                    ),
                });
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_path_must_be_taken() {
        let paths = ["/content/dam/a", "/content/dam/b"];
        let answer = |b: &str| {
            json!({"items": [
                {"path": "/content/dam/a", "status": "SUCCESS_TRIGGERED"},
                {"path": "/content/dam/b", "status": b},
            ]})
        };
        assert_eq!(outcome(&answer("SUCCESS_TRIGGERED"), &paths), Ok(()));
        assert_eq!(
            outcome(&answer("ERROR_FORBIDDEN"), &paths),
            Err(CallError::Forbidden("/content/dam/b".into()))
        );
        assert_eq!(
            outcome(&answer("ERROR_NOT_FOUND"), &paths),
            Err(CallError::NotFound)
        );
        let Err(CallError::Rejected { detail, .. }) = outcome(&answer("ERROR_INVALID"), &paths)
        else {
            panic!("an unknown status is a refusal");
        };
        assert!(detail.to_string().contains("ERROR_INVALID"), "{detail}");
        assert!(outcome(&json!({}), &paths).is_err(), "no items");
        assert_eq!(
            request(Replication::Unpublish, &paths)["workflowModelId"],
            DEACTIVATE
        );
        assert!(publish_tier_only(Agent::Preview).is_err());
    }
}
