//! `POST /bin/wcmcommand` with `cmd=movePage`: AEM's move, the request its Move wizard sends for
//! assets and folders (`adobe-wire-lifecycle.md` §6; Adobe's aem-testing-clients
//! `WCMCommands.java` and `CQClient.java`, commit 49921a99). A form with one `srcPath` per
//! source, `destParentPath`, `destName` (one source only), `integrity`, and the pages to adjust
//! (`adjust`) and to publish (`publish`), each sent repeated or as one JSON-array string, as
//! Adobe's client sends them either way.
//!
//! As on AEM:
//! - classic tokens only, the CSRF token under the `csrf_required` fault, and the account's
//!   right to write both places (the read-only account and `write_denied` paths: 403);
//! - one commit: every source is checked before any moves (no source, no destination folder, a
//!   taken or doubled destination, a name AEM refuses, a folder into itself), and a refusal
//!   moves nothing;
//! - the referring pages named in `adjust` get the new paths; with `integrity=false` and no
//!   `adjust`, every referring page does (the Javadoc's drag-and-drop move). A page not adjusted
//!   keeps the old path. The published copy of a page keeps what it had until the page is
//!   published (`publish`): AEM republishes only what `publish` names;
//! - a published asset that moves is unpublished (Adobe's "Manage assets": a move unpublishes
//!   it), unless `publish` names it (its old or new path);
//! - the answer is Sling's HTML status page, 200 when done; it costs `commit_ms_per_asset` for
//!   each asset moved and each page adjusted.
//!
//! UNCONFIRMED, and so chosen to flatter no client: `integrity` left out counts as `true` (no
//! page adjusted unless named); the statuses of refusals; large moves as background jobs (AEM
//! makes one above a threshold whose default is not documented, and how a client sees it is
//! not either): under `Faults::move_job_above`, a larger move is answered 202 at once with
//! nothing checked, and checked and done (or refused, seen by no one) `move_job_ms` later (or
//! when a test says, `Sandbox::run_move_jobs_now`), so a client must read what AEM holds to
//! know what moved; never by default.
//!
//! Not here: the DAM's side of a move (`dam/moves.rs`), the pages (`references.rs`).

use axum::body::Bytes;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;

use crate::dam::{Agent, Node, Replication};
use crate::sling_response::respond;
use crate::{Shared, write};

const SERVLET: &str = "/bin/wcmcommand";

/// `POST /bin/wcmcommand`.
pub(crate) async fn command(
    State(shared): State<Shared>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let answer = |status: u16, message: &str| respond(status, SERVLET, message, Vec::new(), false);
    let principal = match crate::csrf::command_principal(&shared, &headers, SERVLET, false) {
        Ok(p) => p,
        Err(refused) => return *refused,
    };
    let form = match MoveForm::parse(&body) {
        Ok(f) => f,
        Err(message) => return answer(400, &message),
    };
    if let Some(after) = shared
        .faults
        .move_job(form.sources.len() + form.adjust.len())
    {
        // A background job: answered at once, done (or refused, unseen) later.
        shared.counters.bump(|c| c.move_jobs += 1);
        let (shared, location) = (shared.clone(), form.dest_parent.clone());
        tokio::spawn(async move {
            shared.faults.move_job_wait(after).await;
            if let Err((status, message)) = commit(&shared, &form, &principal).await {
                tracing::info!(status, message, "the sandbox's move job failed");
            }
        });
        return respond(202, &location, "Move job scheduled", Vec::new(), false);
    }
    let (moved, adjusted) = match commit(&shared, &form, &principal).await {
        Ok(done) => done,
        Err((status, message)) => return answer(status, &message),
    };
    let location = moved
        .first()
        .map_or(form.dest_parent.as_str(), |(_, new)| new);
    respond(
        200,
        location,
        &format!(
            "Moved {} asset(s); adjusted {} page(s)",
            moved.len(),
            adjusted.len()
        ),
        Vec::new(),
        false,
    )
}

/// The move `form` asks, as one commit: every source checked before any moves (a refusal moves
/// nothing, with its status and words), the pages adjusted and published, the commit paid
/// for. What moved (old and new paths) and the pages adjusted.
async fn commit(
    shared: &Shared,
    form: &MoveForm,
    principal: &crate::auth::Principal,
) -> Result<(Vec<(String, String)>, Vec<String>), (u16, String)> {
    let now = crate::ims::now_ms();
    let (moved, adjusted) = {
        let mut dam = write(&shared.dam);
        // Every source checked before anything moves: the request is one commit.
        let mut plan = Vec::with_capacity(form.sources.len());
        let mut landing = std::collections::BTreeSet::new();
        for src in &form.sources {
            let name = match &form.dest_name {
                Some(n) => n.clone(),
                None => src.rsplit('/').next().unwrap_or_default().to_owned(),
            };
            let checked = dam.check_move(src, &form.dest_parent, &name);
            let (node, to, dest) = match checked {
                Ok(c) => c,
                Err(refusal) => {
                    let (status, message) = refusal.answer();
                    return Err((status, message));
                }
            };
            for path in [src.as_str(), dest.as_str()] {
                if principal.read_only || shared.faults.write_denied(path) {
                    return Err((
                        403,
                        format!("Forbidden: {} may not write {path}", principal.user),
                    ));
                }
            }
            if !landing.insert(dest.clone()) {
                return Err((409, format!("Destination already exists: {dest}")));
            }
            plan.push((node, to, name));
        }
        let mut moved = Vec::new();
        for (node, to, name) in plan {
            moved.extend(dam.relocate(node, to, &name, now));
        }
        // A move unpublishes what was published, unless `publish` names it.
        for (old, new) in &moved {
            let Some(Node::Asset(idx)) = dam.lookup(new) else {
                continue;
            };
            let live = dam.published_metadata(idx, Agent::Publish).is_some();
            let republish = form.publish.iter().any(|p| p == old || p == new);
            if republish {
                dam.replicate(
                    idx,
                    Agent::Publish,
                    Replication::Activate,
                    &principal.user,
                    now,
                );
            } else if live {
                dam.replicate(
                    idx,
                    Agent::Publish,
                    Replication::Deactivate,
                    &principal.user,
                    now,
                );
            }
        }
        drop(dam);
        let mut site = write(&shared.site_pages);
        let adjust = match (&form.adjust[..], form.integrity) {
            ([], false) => None,
            (named, _) => Some(named),
        };
        let adjusted = site.retarget(&moved, adjust);
        for page in &form.publish {
            site.publish(page);
        }
        (moved, adjusted)
    };
    shared.counters.bump(|c| {
        c.move_commands += 1;
        c.assets_moved += moved.len() as u64;
        c.pages_adjusted += adjusted.len() as u64;
    });
    tokio::time::sleep(shared.faults.commit_cost(moved.len() + adjusted.len())).await;
    Ok((moved, adjusted))
}

/// The `movePage` form, checked.
#[derive(Debug, PartialEq)]
struct MoveForm {
    sources: Vec<String>,
    dest_parent: String,
    dest_name: Option<String>,
    integrity: bool,
    adjust: Vec<String>,
    publish: Vec<String>,
}

impl MoveForm {
    fn parse(body: &[u8]) -> Result<MoveForm, String> {
        let mut cmd = None;
        let mut form = MoveForm {
            sources: Vec::new(),
            dest_parent: String::new(),
            dest_name: None,
            integrity: true,
            adjust: Vec::new(),
            publish: Vec::new(),
        };
        let mut dest_path = None;
        for (name, value) in url::form_urlencoded::parse(body) {
            let value = value.into_owned();
            match name.as_ref() {
                "cmd" => cmd = Some(value),
                "srcPath" => form.sources.push(value.trim_end_matches('/').to_owned()),
                "destParentPath" => form.dest_parent = value.trim_end_matches('/').to_owned(),
                "destName" if !value.is_empty() => form.dest_name = Some(value),
                "destPath" if !value.is_empty() => dest_path = Some(value),
                "integrity" => form.integrity = value != "false",
                "adjust" => form.adjust.extend(paths_of(&value)?),
                "publish" => form.publish.extend(paths_of(&value)?),
                _ => {}
            }
        }
        match cmd.as_deref() {
            Some("movePage") => {}
            Some(other) => return Err(format!("Bad Request: unknown command {other:?}")),
            None => return Err("Bad Request: no cmd given".to_owned()),
        }
        if form.sources.is_empty() || form.sources.iter().any(String::is_empty) {
            return Err("Bad Request: no srcPath given".to_owned());
        }
        // `destPath` stands for the parent and the name, for one source.
        if let Some(path) = dest_path
            && form.dest_parent.is_empty()
            && let Some((parent, name)) = path.trim_end_matches('/').rsplit_once('/')
        {
            form.dest_parent = parent.to_owned();
            form.dest_name = Some(name.to_owned());
        }
        if form.dest_parent.is_empty() {
            return Err("Bad Request: no destParentPath given".to_owned());
        }
        if form.dest_name.is_some() && form.sources.len() > 1 {
            return Err("Bad Request: destName is only allowed with a single srcPath".to_owned());
        }
        Ok(form)
    }
}

/// A path parameter's paths: one path, or a JSON array of them as one string.
fn paths_of(value: &str) -> Result<Vec<String>, String> {
    if value.trim_start().starts_with('[') {
        return serde_json::from_str::<Vec<String>>(value)
            .map_err(|_| format!("Bad Request: not a list of paths: {value}"));
    }
    Ok(if value.is_empty() {
        Vec::new()
    } else {
        vec![value.to_owned()]
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_form_takes_its_lists_repeated_or_as_one_json_array() {
        let repeated = MoveForm::parse(
            b"_charset_=utf-8&cmd=movePage&srcPath=/content/dam/a/x.jpg&destParentPath=/content/dam/b/\
              &destName=y.jpg&integrity=true&adjust=/content/s/p1&adjust=/content/s/p2",
        )
        .unwrap();
        assert_eq!(repeated.adjust, ["/content/s/p1", "/content/s/p2"]);
        assert_eq!(repeated.dest_parent, "/content/dam/b");
        assert_eq!(repeated.dest_name.as_deref(), Some("y.jpg"));
        let json = MoveForm::parse(
            b"cmd=movePage&srcPath=/content/dam/a/x.jpg&destParentPath=/content/dam/b\
              &adjust=%5B%22%2Fcontent%2Fs%2Fp1%22%2C%22%2Fcontent%2Fs%2Fp2%22%5D&publish=%5B%5D",
        )
        .unwrap();
        assert_eq!(json.adjust, repeated.adjust);
        assert!(json.integrity, "integrity left out counts as true");
        let by_dest_path = MoveForm::parse(
            b"cmd=movePage&srcPath=/content/dam/a/x.jpg&destPath=/content/dam/b/z.jpg",
        )
        .unwrap();
        assert_eq!(
            (by_dest_path.dest_parent.as_str(), by_dest_path.dest_name),
            ("/content/dam/b", Some("z.jpg".to_owned()))
        );
    }

    #[test]
    fn a_form_aem_refuses_is_refused_whole() {
        for (body, words) in [
            (
                &b"cmd=copyPage&srcPath=/a&destParentPath=/b"[..],
                "unknown command",
            ),
            (b"cmd=movePage&destParentPath=/b", "no srcPath"),
            (b"cmd=movePage&srcPath=/a", "no destParentPath"),
            (
                b"cmd=movePage&srcPath=/a&srcPath=/c&destParentPath=/b&destName=x",
                "single srcPath",
            ),
            (
                b"cmd=movePage&srcPath=/a&destParentPath=/b&adjust=%5B1%5D",
                "not a list",
            ),
        ] {
            let err = MoveForm::parse(body).unwrap_err();
            assert!(err.contains(words), "{err}");
        }
    }
}
