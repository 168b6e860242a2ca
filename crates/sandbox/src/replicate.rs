//! `POST /bin/replicate.json`: AEM's replication command servlet, which the Sites and Assets
//! "Publish" actions call
//! (<https://experienceleague.adobe.com/en/docs/experience-manager-cloud-service/content/operations/replication>). A form with `cmd=Activate|Deactivate`
//! (any case) and one `path` per node, optionally `agentId=preview` for AEM's Preview tier
//! (the HTTP form of choosing that agent is UNCONFIRMED, §6.2).
//!
//! As on AEM: classic tokens only (an OAuth Server-to-Server token is refused like on every
//! classic path), the CSRF token under the `csrf_required` fault, and the request is one
//! commit: a path the account may not replicate (read-only account, `replicate_denied`) refuses
//! it whole with 403, a path that is not an asset with 404, and nothing is replicated. An
//! activation records `cq:lastReplicated`, `cq:lastReplicatedBy` and `cq:lastReplicationAction`
//! on the asset's `jcr:content` and copies its metadata to the tier (`dam/publication.rs`).
//!
//! Not here: the publication state itself (`dam/publication.rs`).

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, header};
use axum::response::Response;

use crate::dam::{Agent, Node, Replication};
use crate::sling_response::respond;
use crate::{Shared, write};

/// `POST /bin/replicate.json`.
pub(crate) async fn replicate(
    State(shared): State<Shared>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    const SERVLET: &str = "/bin/replicate";
    let wants_json = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("json"));
    let answer =
        |status: u16, message: &str| respond(status, SERVLET, message, Vec::new(), wants_json);
    let principal = match crate::csrf::command_principal(&shared, &headers, SERVLET, wants_json) {
        Ok(p) => p,
        Err(refused) => return *refused,
    };
    let form = match Form::parse(&body) {
        Ok(f) => f,
        Err(message) => return answer(400, &message),
    };
    // Every path is checked before anything is replicated: the request is all or nothing.
    let replicated = {
        let mut dam = write(&shared.dam);
        let mut assets = Vec::with_capacity(form.paths.len());
        for path in &form.paths {
            if principal.read_only || shared.faults.replicate_denied(path) {
                return answer(
                    403,
                    &format!(
                        "Forbidden: {} may not replicate {path} (crx:replicate)",
                        principal.user
                    ),
                );
            }
            match dam.lookup(path) {
                Some(Node::Asset(a)) => assets.push(a),
                _ => return answer(404, &format!("Not Found: no asset at {path}")),
            }
        }
        let now = crate::ims::now_ms();
        for a in &assets {
            dam.replicate(*a, form.agent, form.action, &principal.user, now);
        }
        assets.len()
    };
    shared.counters.bump(|c| {
        c.replications += 1;
        c.replicated += replicated as u64;
    });
    tokio::time::sleep(shared.faults.commit_cost(replicated)).await;
    answer(
        200,
        &format!(
            "Replication ({}) of {} path(s) started",
            form.action.word(),
            replicated
        ),
    )
}

/// The servlet's form, checked.
#[derive(Debug, PartialEq)]
struct Form {
    action: Replication,
    agent: Agent,
    paths: Vec<String>,
}

impl Form {
    fn parse(body: &[u8]) -> Result<Form, String> {
        let mut cmd = None;
        let mut agent = Agent::Publish;
        let mut paths = Vec::new();
        for (name, value) in url::form_urlencoded::parse(body) {
            match name.as_ref() {
                "cmd" => cmd = Some(value.into_owned()),
                "path" => paths.push(value.trim_end_matches('/').to_owned()),
                "agentId" => {
                    agent = match value.as_ref() {
                        "publish" => Agent::Publish,
                        "preview" => Agent::Preview,
                        other => {
                            return Err(format!("Bad Request: no replication agent {other:?}"));
                        }
                    }
                }
                _ => {}
            }
        }
        let action = match cmd.as_deref().map(str::to_ascii_lowercase).as_deref() {
            Some("activate") => Replication::Activate,
            Some("deactivate") => Replication::Deactivate,
            Some(other) => return Err(format!("Bad Request: unknown command {other:?}")),
            None => return Err("Bad Request: no cmd given".to_owned()),
        };
        if paths.is_empty() || paths.iter().any(String::is_empty) {
            return Err("Bad Request: no path given".to_owned());
        }
        Ok(Form {
            action,
            agent,
            paths,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_form_names_a_command_paths_and_maybe_the_preview_agent() {
        let form = Form::parse(
            b"_charset_=utf-8&cmd=activate&path=%2Fcontent%2Fdam%2Fa.jpg&path=/content/dam/b/",
        )
        .unwrap();
        assert_eq!(
            form,
            Form {
                action: Replication::Activate,
                agent: Agent::Publish,
                paths: vec!["/content/dam/a.jpg".into(), "/content/dam/b".into()],
            }
        );
        let form = Form::parse(b"cmd=Deactivate&agentId=preview&path=/content/dam/a.jpg").unwrap();
        assert_eq!(
            (form.action, form.agent),
            (Replication::Deactivate, Agent::Preview)
        );
        for bad in [
            &b"path=/content/dam/a.jpg"[..],
            b"cmd=Delete&path=/content/dam/a.jpg",
            b"cmd=Activate",
            b"cmd=Activate&path=",
            b"cmd=Activate&agentId=elsewhere&path=/content/dam/a.jpg",
        ] {
            assert!(
                Form::parse(bad).is_err(),
                "{}",
                String::from_utf8_lossy(bad)
            );
        }
    }
}
