//! AEM's move of assets and folders: `POST /bin/wcmcommand` with `cmd=movePage`, the request
//! AEM's Move wizard sends (`adobe-wire-lifecycle.md` §6). The form is built as Adobe's
//! aem-testing-clients builds it (`WCMCommands.movePage` with the lists of pages to adjust and
//! to publish, each as one JSON-array string), and strictly: `integrity=true` with the pages to
//! adjust named, so AEM never chooses by itself which pages change. A request is checked before
//! it leaves: every path in the DAM and canonical, a name AEM takes, one new name for one
//! source only.
//!
//! Its answer is Sling's status page: only the status is read, and only 200 or 201 means moved;
//! a 202 (AEM's background job for a large move; how AEM tells of one is UNCONFIRMED) or any
//! other success is [`Moved::Later`]. A lost answer tells nothing of what moved: the caller
//! reads the asset back (by its `jcr:uuid`, at the old or the new path) before sending
//! anything again.
//!
//! Not here: which assets move where and what a run records (`bulk`), the pages that use an
//! asset (`references.rs`).

use metadesk_base::i18n::Text;

use crate::CallError;
use crate::asset_path::{check_canonical, refused_name};
use crate::classic::{ClassicAssets, refused_before_sending};

/// Sources one request moves at most. UNCONFIRMED: AEM states no limit, but a move above a
/// configurable number of assets or references becomes a background job whose default
/// threshold is not documented; a short request is one short commit.
pub const MOST_SOURCES: usize = 20;

/// What AEM's answer to a move says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moved {
    /// Moved, in the request's one commit (200 or 201).
    Done,
    /// Accepted to be done later (a background job, or an answer not known to mean done):
    /// what moved is found by reading AEM.
    Later,
}

/// One move request: its sources (assets or folders) to a folder, the pages whose references
/// AEM rewrites, and the paths it publishes after the move.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MoveRequest {
    /// What moves: assets or folders, each with everything in it.
    pub sources: Vec<String>,
    /// The folder they move into.
    pub dest_parent: String,
    /// A new name, for one source only; `None` keeps each source's name.
    pub dest_name: Option<String>,
    /// The referring pages AEM adjusts to the new paths.
    pub adjust: Vec<String>,
    /// The paths AEM publishes after the move (pages, and moved assets to republish).
    pub publish: Vec<String>,
}

impl MoveRequest {
    /// Why AEM must not be sent this request, in the reader's words; `Ok` when it may be.
    pub fn check(&self) -> Result<(), Text> {
        let path_problem = |path: &str| {
            check_canonical(path)
                .err()
                .map(|problem| Text::new(problem.code(), vec![("path", path.into())]))
        };
        if self.sources.is_empty() {
            return Err(Text::plain("move-no-source"));
        }
        if self.sources.len() > MOST_SOURCES {
            return Err(Text::new(
                "move-too-many-sources",
                vec![
                    ("count", (self.sources.len() as f64).into()),
                    ("most", (MOST_SOURCES as f64).into()),
                ],
            ));
        }
        for path in self.sources.iter().chain([&self.dest_parent]) {
            if let Some(problem) = path_problem(path) {
                return Err(problem);
            }
        }
        if let Some(name) = &self.dest_name {
            if refused_name(name) {
                return Err(Text::new(
                    "move-name-refused",
                    vec![("name", name.as_str().into())],
                ));
            }
            if self.sources.len() > 1 {
                return Err(Text::plain("move-one-name-one-source"));
            }
        }
        for source in &self.sources {
            if self.dest_parent == *source || self.dest_parent.starts_with(&format!("{source}/")) {
                return Err(Text::new(
                    "move-into-itself",
                    vec![("path", source.as_str().into())],
                ));
            }
        }
        Ok(())
    }

    /// The form fields, in the order Adobe's client sends them (`_charset_` is added by the
    /// sender, like every Sling form's).
    pub fn form(&self) -> Vec<(String, String)> {
        let list = |paths: &[String]| serde_json::to_string(paths).unwrap_or_default();
        let mut form = vec![
            ("cmd".to_owned(), "movePage".to_owned()),
            (
                "destName".to_owned(),
                self.dest_name.clone().unwrap_or_default(),
            ),
            ("destParentPath".to_owned(), self.dest_parent.clone()),
            ("before".to_owned(), String::new()),
            ("shallow".to_owned(), "false".to_owned()),
            ("integrity".to_owned(), "true".to_owned()),
        ];
        form.extend(
            self.sources
                .iter()
                .map(|s| ("srcPath".to_owned(), s.clone())),
        );
        form.push(("adjust".to_owned(), list(&self.adjust)));
        form.push(("publish".to_owned(), list(&self.publish)));
        form
    }
}

impl ClassicAssets {
    /// Sends `request` (checked first: a request AEM must not get is refused with its reason
    /// and nothing is sent), with the CSRF token when AEM issues one.
    pub async fn move_nodes(&self, request: &MoveRequest) -> Result<Moved, CallError> {
        request.check().map_err(refused_before_sending)?;
        let url = self
            .client
            .url("/bin/wcmcommand")
            .map_err(CallError::from_aem)?;
        Ok(match self.post_status(url, request.form()).await? {
            200 | 201 => Moved::Done,
            // 202 is a job accepted; any other success is not one we know: not done either.
            _ => Moved::Later,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request() -> MoveRequest {
        MoveRequest {
            sources: vec!["/content/dam/a/x.jpg".into()],
            dest_parent: "/content/dam/b".into(),
            dest_name: Some("y.jpg".into()),
            adjust: vec!["/content/site/en/home".into()],
            publish: Vec::new(),
        }
    }

    #[test]
    fn the_form_is_adobe_s_with_integrity_and_the_pages_named() {
        let form = request().form();
        let get = |k: &str| {
            form.iter()
                .filter(|(n, _)| n == k)
                .map(|(_, v)| v.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(get("cmd"), ["movePage"]);
        assert_eq!(get("integrity"), ["true"]);
        assert_eq!(get("srcPath"), ["/content/dam/a/x.jpg"]);
        assert_eq!(get("destParentPath"), ["/content/dam/b"]);
        assert_eq!(get("destName"), ["y.jpg"]);
        assert_eq!(get("adjust"), ["[\"/content/site/en/home\"]"]);
        assert_eq!(get("publish"), ["[]"]);
    }

    #[test]
    fn a_request_aem_must_not_get_is_refused_with_its_reason() {
        assert_eq!(request().check(), Ok(()));
        let refused = |change: fn(&mut MoveRequest)| {
            let mut r = request();
            change(&mut r);
            r.check().unwrap_err().id().unwrap().to_owned()
        };
        assert_eq!(refused(|r| r.sources.clear()), "move-no-source");
        assert_eq!(
            refused(|r| r.sources = vec!["/content/dam/a/x.jpg".into(); MOST_SOURCES + 1]),
            "move-too-many-sources"
        );
        assert_eq!(
            refused(|r| r.dest_parent = "/content/site".into()),
            "path-outside-dam"
        );
        assert_eq!(
            refused(|r| r.dest_parent = "/content/dam/a/../b".into()),
            "path-dot-segment"
        );
        assert_eq!(
            refused(|r| r.dest_parent = "/content/dam/b/".into()),
            "path-untrimmed"
        );
        assert_eq!(
            refused(|r| r.dest_name = Some("a:b.jpg".into())),
            "move-name-refused"
        );
        assert_eq!(
            refused(|r| r.dest_name = Some(String::new())),
            "move-name-refused"
        );
        assert_eq!(
            refused(|r| r.sources.push("/content/dam/a/z.jpg".into())),
            "move-one-name-one-source"
        );
        assert_eq!(
            refused(|r| {
                r.sources = vec!["/content/dam/a".into()];
                r.dest_name = None;
                r.dest_parent = "/content/dam/a/sub".into();
            }),
            "move-into-itself"
        );
    }
}
