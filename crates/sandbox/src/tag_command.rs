//! The taxonomy over HTTP: `GET /content/cq:tags[/{tag}].{N|infinity}.json` (Sling's default
//! rendering), `POST /bin/tagcommand` (`createTag`, `deleteTag`, `moveTag`, `mergeTag`,
//! `activateTag`, `deactivateTag`, the check `canCreateTag`, and `list`, the Sites pages that
//! use a tag; Adobe's TagClient.java) and a Sling POST of properties to a
//! tag's path (`jcr:title.fr=…`). Changing the taxonomy needs a classic token of an account
//! allowed to (`Sandbox::set_taxonomy_access`; the read-only account never is); every answer
//! is Sling's HTML status page, as on AEM.
//!
//! Not here: the taxonomy itself (`taxonomy.rs`).

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::auth::Principal;
use crate::sling_response::respond;
use crate::taxonomy::{Refusal, TAGS_ROOT, id_of, relative_path};
use crate::{Shared, lock, write};

/// `GET /content/cq:tags…` after authentication; `rest` is what follows the root
/// (`.4.json`, `/wknd-shared.1.json`).
pub(crate) fn render(shared: &Shared, rest: &str) -> Response {
    let not_found = || (StatusCode::NOT_FOUND, "Not Found").into_response();
    let Some(rest) = rest.strip_suffix(".json") else {
        return not_found();
    };
    let (path, depth) = rest.rsplit_once('.').unwrap_or((rest, "0"));
    let depth: i64 = match depth {
        "infinity" | "-1" => i64::MAX,
        d => match d.parse() {
            Ok(n) if n >= 0 => n,
            _ => return not_found(),
        },
    };
    let rel = match path.strip_prefix('/') {
        None if path.is_empty() => String::new(),
        Some(p) => match relative_path(&format!("{TAGS_ROOT}/{p}")) {
            Some(rel) => rel,
            None => return not_found(),
        },
        None => return not_found(),
    };
    let tree = crate::read(&shared.taxonomy).render(&rel, depth);
    match tree {
        Some(tree) => crate::sling_json::answer(
            tree,
            &format!("{TAGS_ROOT}{path}"),
            depth,
            max_results(shared),
        ),
        None => not_found(),
    }
}

fn max_results(shared: &Shared) -> usize {
    shared
        .json_max_results
        .load(std::sync::atomic::Ordering::Relaxed)
}

/// Whether an account may change the taxonomy; the refusal otherwise.
fn may_change(shared: &Shared, principal: &Principal) -> Result<(), Refusal> {
    if principal.read_only || lock(&shared.taxonomy_denied).contains(&principal.user) {
        return Err(Refusal {
            status: 403,
            message: format!(
                "Forbidden: {} may not change tags under {TAGS_ROOT}",
                principal.user
            ),
        });
    }
    Ok(())
}

/// Whether the `write_denied` fault refuses changes to the tag at `rel` (below the taxonomy
/// root), as a missing write permission on part of the taxonomy would.
fn may_write(shared: &Shared, principal: &Principal, rel: &str) -> Result<(), Refusal> {
    let path = format!("{TAGS_ROOT}/{rel}");
    if shared.faults.write_denied(&path) {
        return Err(Refusal {
            status: 403,
            message: format!("Forbidden: {} may not change {path}", principal.user),
        });
    }
    Ok(())
}

/// `POST /bin/tagcommand`.
pub(crate) async fn command(
    State(shared): State<Shared>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    const SERVLET: &str = "/bin/tagcommand";
    let answer = |status: u16, message: &str| respond(status, SERVLET, message, Vec::new(), false);
    let principal = match crate::csrf::command_principal(&shared, &headers, SERVLET, false) {
        Ok(p) => p,
        Err(refused) => return *refused,
    };
    if let Err(r) = may_change(&shared, &principal) {
        return answer(r.status, &r.message);
    }
    let field = |name: &str| {
        url::form_urlencoded::parse(&body)
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
    };
    let tag_of = |name: &str| -> Result<String, Refusal> {
        let value = field(name).ok_or_else(|| Refusal {
            status: 400,
            message: format!("Bad Request: missing {name}"),
        })?;
        relative_path(&value).ok_or_else(|| Refusal {
            status: 400,
            message: format!("Bad Request: not a tag id or path: {value}"),
        })
    };
    let cmd = field("cmd").unwrap_or_default();
    // The pages that use a tag: a read, changes nothing.
    if cmd == "list" {
        return match tag_of("path") {
            Ok(rel) => pages_using(shared.as_ref(), &rel),
            Err(r) => answer(r.status, &r.message),
        };
    }
    // AEM's check before a change: the account's right was checked above; nothing changes.
    if cmd == "canCreateTag" {
        return answer(200, "OK");
    }
    let result = (|| {
        let mut taxonomy = write(&shared.taxonomy);
        match cmd.as_str() {
            "createTag" => {
                let rel = match field("parentTagID") {
                    Some(parent) => {
                        let parent = relative_path(&parent).ok_or_else(|| Refusal {
                            status: 400,
                            message: format!("Bad Request: not a tag id: {parent}"),
                        })?;
                        let name = field("tag").unwrap_or_default();
                        relative_path(&format!("{TAGS_ROOT}/{parent}/{name}")).ok_or_else(|| {
                            Refusal {
                                status: 400,
                                message: format!("Bad Request: not a tag name: {name}"),
                            }
                        })?
                    }
                    None => tag_of("tag")?,
                };
                may_write(&shared, &principal, &rel)?;
                taxonomy.create(
                    &rel,
                    field("jcr:title").as_deref(),
                    field("jcr:description").as_deref(),
                )
            }
            "deleteTag" => {
                let rel = tag_of("path")?;
                may_write(&shared, &principal, &rel)?;
                taxonomy.delete(&rel)
            }
            "moveTag" | "mergeTag" => {
                let (from, to) = (tag_of("path")?, tag_of("dest")?);
                may_write(&shared, &principal, &from)?;
                may_write(&shared, &principal, &to)?;
                if cmd == "moveTag" {
                    taxonomy.move_to(&from, &to)
                } else {
                    taxonomy.merge_into(&from, &to)
                }
            }
            "activateTag" | "deactivateTag" => {
                let rel = tag_of("path")?;
                may_write(&shared, &principal, &rel)?;
                let now = crate::dam::iso_ms(crate::ims::now_ms());
                taxonomy.replicate(&rel, cmd == "activateTag", &now)
            }
            other => Err(Refusal {
                status: 400,
                message: format!("Bad Request: unknown command {other:?}"),
            }),
        }
    })();
    match result {
        Ok(()) => {
            shared.counters.bump(|c| c.tag_commands += 1);
            answer(200, "OK")
        }
        Err(r) => answer(r.status, &r.message),
    }
}

/// A Sling POST to a node below the taxonomy root: its properties, in one commit.
pub(crate) fn post_properties(
    shared: &Shared,
    principal: &Principal,
    target: &str,
    changes: Vec<(String, Option<serde_json::Value>)>,
) -> Result<(), Refusal> {
    may_change(shared, principal)?;
    let rel = relative_path(target).ok_or_else(|| Refusal {
        status: 400,
        message: format!("Bad Request: not a tag path: {target}"),
    })?;
    may_write(shared, principal, &rel)?;
    // One refused property refuses the request: Sling commits it as one.
    for (name, _) in &changes {
        may_write(shared, principal, &format!("{rel}/{name}"))?;
    }
    write(&shared.taxonomy).set_properties(&rel, changes);
    Ok(())
}

/// The `list` command's answer for the tag at `rel`: the pages that use it or a tag below it.
/// UNCONFIRMED: the shape AEM gives (`adobe-wire-tags.md` §3 says only "the pages that use a
/// tag"); the sandbox sends JSON `{"tag", "pages": [{"path", "title"}]}`, and a client must
/// take any other answer as "not known", never as "no page".
fn pages_using(shared: &crate::Inner, rel: &str) -> Response {
    let taxonomy = crate::read(&shared.taxonomy);
    let pages: Vec<serde_json::Value> = taxonomy
        .pages
        .using(rel)
        .into_iter()
        .map(|path| {
            let title = path.rsplit('/').next().unwrap_or(path);
            serde_json::json!({"path": path, "title": title})
        })
        .collect();
    axum::Json(serde_json::json!({"tag": id_of(rel), "pages": pages})).into_response()
}

impl crate::Sandbox {
    /// Sets the tags (`jcr:content/cq:tags`) of the Sites page at `path` (under `/content`) as
    /// an author's page properties would; none: the page holds no tag. The tag servlet's
    /// `list` command finds it. [`crate::Sandbox::reset`] removes it.
    pub fn tag_page(&self, path: &str, tags: &[&str]) {
        let tags = tags.iter().map(|t| (*t).to_owned()).collect();
        write(&self.shared.taxonomy).pages.set(path, tags);
    }
}
