//! Scopes as use cases: preview an edit of a scope (folder, search or list), count what a scope
//! selects (live, cheaply), check a list, show a search's query, and the saved scopes of each
//! connection (`scopes.json` in the app's data folder: small, written whole and atomically).
//!
//! Not here: the words of a condition and their predicates (`bulk::selection`), sending
//! searches and resolving lists (`bulk::searching`).

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::jobs::job_on;
use super::previews::OnProgress;
use super::{JobKind, Opened, Workspace};
use metadesk_assets::CallError;
use metadesk_assets::tags::Tag;
use metadesk_base::i18n::SavedText;
use metadesk_base::i18n::{Localizer, Text};
use metadesk_bulk::Combine;
use metadesk_bulk::found_by::FoundBy;
use metadesk_bulk::list_check::{check_list, check_search};
use metadesk_bulk::open_query;
use metadesk_bulk::scope::{self, Scope, ScopeSource};
use metadesk_bulk::searching::{self, ListCheck, SearchCount};
use metadesk_bulk::source::Reach;
use metadesk_bulk::{Edit, RunScope, RunSummary, ScopeCount};
use metadesk_clients::error::{Error, ErrorCode, MessageArg, Result};
use metadesk_credentials::credentials::ApiFamily;

/// Longest name of a saved scope.
const NAME_MAX: usize = 80;

/// A scope kept under a name for one connection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SavedScope {
    pub name: String,
    pub scope: Scope,
    /// When it was saved (RFC 3339).
    pub saved: String,
    /// The scope in words (`the assets of … where …`): catalogue words worded in the reader's
    /// language by [`SavedScope::localize`] (files saved before kept English text, which is
    /// worded again when read).
    #[serde(default = "no_words")]
    #[ts(type = "string")]
    pub words: SavedText,
}

fn no_words() -> SavedText {
    SavedText::Plain(String::new())
}

impl SavedScope {
    /// Words the scope in `l`'s language, as a face shows it.
    pub fn localize(&mut self, l: &Localizer) {
        self.words.localize(l);
    }
}

/// What counting a scope found: a folder's running count, a search's count, a list's check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SelectedCount {
    Folder(ScopeCount),
    Search(SearchCount),
    List(ListCheck),
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct ScopesFile {
    #[serde(default)]
    v: u32,
    /// Saved scopes by connection id, in the order they were saved.
    #[serde(default)]
    connections: BTreeMap<String, Vec<SavedScope>>,
}

impl Workspace {
    fn scopes_path(&self) -> PathBuf {
        self.dirs().data.join("scopes.json")
    }

    fn read_scopes(&self) -> Result<ScopesFile> {
        let path = self.scopes_path();
        match std::fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| {
                Error::message(
                    ErrorCode::InvalidInput,
                    "error-file-damaged",
                    vec![
                        ("file", path.display().to_string().into()),
                        ("detail", e.to_string().into()),
                    ],
                )
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(ScopesFile::default()),
            Err(e) => Err(Error::io_doing(
                "io-read",
                vec![("path", path.display().to_string().into())],
                e,
            )),
        }
    }

    fn write_scopes(&self, file: &ScopesFile) -> Result<()> {
        metadesk_store::dirs::write_json_file(&self.scopes_path(), file, "saved scopes")
    }

    /// The scopes saved for a connection, in the order they were saved.
    pub fn saved_scopes(&self, connection_id: &str) -> Result<Vec<SavedScope>> {
        let mut saved = self
            .read_scopes()?
            .connections
            .remove(connection_id)
            .unwrap_or_default();
        // Worded from the scope itself: a file may hold words of an older version (English).
        for s in &mut saved {
            if let Ok(run) = s.scope.clone().into_run_scope() {
                s.words = scope::scope_reason(run.folder(), run.filters());
            }
        }
        Ok(saved)
    }

    /// One saved scope by name (case-insensitive).
    pub fn saved_scope(&self, connection_id: &str, name: &str) -> Result<SavedScope> {
        let all = self.saved_scopes(connection_id)?;
        let names: Vec<String> = all.iter().map(|s| s.name.clone()).collect();
        all.into_iter()
            .find(|s| s.name.eq_ignore_ascii_case(name.trim()))
            .ok_or_else(|| {
                if names.is_empty() {
                    Error::message(
                        ErrorCode::NotFound,
                        "error-no-such-scope",
                        vec![("name", name.into())],
                    )
                } else {
                    Error::message(
                        ErrorCode::NotFound,
                        "error-no-such-scope-saved",
                        vec![("name", name.into()), ("saved", names.join(", ").into())],
                    )
                }
            })
    }

    /// Saves `scope` as `name` for a connection, replacing a scope of the same name. The scope
    /// is checked first (folder, conditions, a list that is not empty): nothing is stored
    /// otherwise.
    pub fn save_scope(&self, connection_id: &str, name: &str, scope: Scope) -> Result<SavedScope> {
        let name = name.trim();
        if name.is_empty() || name.chars().count() > NAME_MAX {
            return Err(Error::message(
                ErrorCode::InvalidInput,
                "error-scope-name-length",
                vec![("max", MessageArg::Number(NAME_MAX as f64))],
            ));
        }
        self.connections().get(connection_id)?;
        let run = scope.into_run_scope()?;
        let saved = SavedScope {
            name: name.to_owned(),
            words: scope::scope_reason(run.folder(), run.filters()),
            scope: Scope::of_run(&run),
            saved: metadesk_base::timefmt::now_rfc3339(),
        };
        let mut file = self.read_scopes()?;
        file.v = 1;
        let list = file
            .connections
            .entry(connection_id.to_owned())
            .or_default();
        list.retain(|s| !s.name.eq_ignore_ascii_case(name));
        list.push(saved.clone());
        self.write_scopes(&file)?;
        Ok(saved)
    }

    /// Deletes a saved scope.
    pub fn delete_scope(&self, connection_id: &str, name: &str) -> Result<()> {
        let mut file = self.read_scopes()?;
        let list = file
            .connections
            .entry(connection_id.to_owned())
            .or_default();
        let before = list.len();
        list.retain(|s| !s.name.eq_ignore_ascii_case(name.trim()));
        if list.len() == before {
            return Err(Error::message(
                ErrorCode::NotFound,
                "error-no-such-scope",
                vec![("name", name.into())],
            ));
        }
        self.write_scopes(&file)
    }

    /// Previews an edit of `scope`: journals the plan (with the scope in the run's spec),
    /// writes nothing to AEM.
    pub async fn preview_scope(
        &self,
        opened: &Opened,
        scope: Scope,
        edits: Vec<Edit>,
        on_progress: OnProgress<'_>,
    ) -> Result<RunSummary> {
        let scope = scope.into_run_scope()?;
        let request = crate::app::PreviewRequest::Edit { scope, edits };
        self.preview(opened, request, on_progress).await
    }

    /// Counts what a run's scope selects, the shape a preview takes: a folder is listed
    /// (running counts to `on_update`), a search (`filters.selection`) is counted by AEM in one
    /// request, a list is resolved. Any new job cancels it: a folder's count then says
    /// `done: false`, a search's or a list's is `None`.
    pub async fn count_scope(
        &self,
        opened: &Opened,
        scope: &RunScope,
        on_update: &(dyn Fn(ScopeCount) + Send + Sync),
    ) -> Result<Option<SelectedCount>> {
        let (folder, filters) = (scope.folder(), scope.filters());
        let store = opened.connected.assets.as_ref();
        // The scope's source decides which search counts it (`bulk::source`): an OAuth
        // Server-to-Server connection's own OpenAPI search first, its paired classic connection's
        // QueryBuilder when that cannot.
        let stored = opened.connection_id.is_some();
        let reach = Reach::of(store, &opened.label, stored, None);
        let paired = opened.paired_with.clone();
        match &filters.selection {
            None => {
                let count = self.count_folder(opened, scope, on_update).await?;
                Ok(Some(SelectedCount::Folder(count)))
            }
            Some(ScopeSource::Search { .. }) => {
                let job = self
                    .jobs
                    .start(JobKind::Count, job_on("job-count-search", folder))?;
                let count = check_search(store, scope, &reach, job.control()).await?;
                Ok(count.map(|c| {
                    SelectedCount::Search(SearchCount {
                        found_by: c.found_by.through(paired),
                        ..c
                    })
                }))
            }
            Some(ScopeSource::List { .. }) => {
                let job = self
                    .jobs
                    .start(JobKind::Count, Text::plain("job-check-list"))?;
                let check = check_list(store, scope, &reach, job.control()).await?;
                Ok(check.map(|c| {
                    SelectedCount::List(ListCheck {
                        found_by: c.found_by.through(paired),
                        ..c
                    })
                }))
            }
        }
    }

    /// Whether AEM answers this connection's OpenAPI search: how an OAuth Server-to-Server
    /// connection finds assets without a classic connection paired (its card says what to import
    /// only when neither works). One request for one hit; `false` for other kinds of connection
    /// and when AEM does not offer the search or refuses this connection.
    pub async fn openapi_search_answers(&self, opened: &Opened) -> Result<bool> {
        use metadesk_assets::open_search::{request_body, unavailable};
        if opened.connected.family != ApiFamily::OpenApi {
            return Ok(false);
        }
        let items = open_query::query_items(metadesk_assets::DAM_ROOT, false, &[], Combine::All)
            .map_err(|e| Error::Internal(e.condition.to_string()))?;
        match opened
            .connected
            .assets
            .open_search(&request_body(&items, 1, None))
            .await
        {
            Ok(_) => Ok(true),
            Err(e) if unavailable(&e) || matches!(e, CallError::Forbidden(_)) => {
                tracing::info!(error = %e, "AEM does not answer this connection's OpenAPI search");
                Ok(false)
            }
            Err(e) => Err(open_query::failed(e, &opened.label)),
        }
    }

    /// Refuses, in words, a folder scope that nothing can find the assets of: an OAuth S2S
    /// connection with no classic connection paired, on an AEM that does not answer its
    /// OpenAPI search (one request for one hit tells). Anything else may go on.
    pub(crate) async fn require_folder_search(&self, opened: &Opened) -> Result<()> {
        if !opened.cannot_find_assets() || self.openapi_search_answers(opened).await? {
            return Ok(());
        }
        opened.require_paired()
    }

    /// AEM's tags, for the tag picker of a search, read with the connection itself (an OAuth
    /// S2S connection's own token may be refused on `/content/cq:tags`, a classic path; the
    /// paired connection reads them when there is one). An error (AEM refused, no tag tree)
    /// means the picker takes a typed tag id instead.
    pub async fn tags(&self, opened: &Opened) -> Result<Vec<Tag>> {
        opened.connected.assets.tags().await.map_err(|e| {
            tracing::info!(error = %e, "the tag tree could not be read");
            Error::worded(
                ErrorCode::NotFound,
                Text::new("error-tags-unread", vec![("detail", e.text().into())]),
            )
        })
    }

    /// The query a search scope sends, for an AEM administrator to read: QueryBuilder's
    /// predicates, or with `found_by` [`FoundBy::OpenapiSearch`] (the search that counted it) the
    /// body of the OpenAPI search's first page.
    pub fn scope_query(&self, scope: Scope, found_by: Option<&FoundBy>) -> Result<String> {
        let run = scope.into_run_scope()?;
        let (folder, filters) = (run.folder(), run.filters());
        match &filters.selection {
            Some(ScopeSource::Search {
                conditions,
                combine,
            }) if found_by == Some(&FoundBy::OpenapiSearch) => {
                let items =
                    open_query::query_items(folder, filters.recursive, conditions, *combine)
                        .map_err(|why| why.refusal("this connection"))?;
                let body = metadesk_assets::open_search::request_body(
                    &items,
                    metadesk_assets::open_search::OPEN_PAGE,
                    None,
                );
                Ok(format!(
                    "POST {}\n{}",
                    metadesk_assets::open_search::SEARCH,
                    serde_json::to_string_pretty(&body).unwrap_or_default()
                ))
            }
            Some(ScopeSource::Search {
                conditions,
                combine,
            }) => Ok(scope::query_text(&scope::search_predicates(
                folder,
                filters.recursive,
                conditions,
                *combine,
            ))),
            _ => Err(Error::message(
                ErrorCode::InvalidInput,
                "error-query-of-search-only",
                vec![],
            )),
        }
    }
}

/// The entries of a pasted or dropped list (lines, or a one-column CSV).
pub fn list_entries(text: &str) -> Result<Vec<String>> {
    searching::entries_from_text(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use metadesk_bulk::Condition;

    fn workspace() -> (tempfile::TempDir, Workspace) {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::new(
            metadesk_store::dirs::AppDirs::under(dir.path()),
            std::sync::Arc::new(metadesk_credentials::secrets::RunOnlyKeychain::default()),
        )
        .unwrap();
        (dir, ws)
    }

    /// A workspace with the sandbox's service credentials imported.
    async fn with_connection() -> (
        tempfile::TempDir,
        Workspace,
        String,
        metadesk_sandbox::Sandbox,
    ) {
        crate::app::test_support::sandboxed_connection(60).await
    }

    fn search(words: &[&str]) -> Scope {
        Scope::Search {
            under: metadesk_sandbox::SAMPLE_FOLDER.into(),
            recursive: false,
            conditions: words.iter().map(|w| Condition::parse(w).unwrap()).collect(),
            combine: Default::default(),
        }
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn saved_scopes_are_kept_per_connection_replaced_by_name_and_deleted() {
        let (_d, ws, id, _sb) = with_connection().await;
        assert!(ws.saved_scopes(&id).unwrap().is_empty());
        ws.save_scope(&id, "No rights", search(&["dc:rights is empty"]))
            .unwrap();
        let saved = ws
            .save_scope(
                &id,
                "no RIGHTS",
                search(&["dc:rights is empty", "type is image/*"]),
            )
            .unwrap();
        let en = metadesk_base::i18n::Localizer::english();
        let fr = metadesk_base::i18n::Localizer::new(metadesk_base::i18n::Lang::Fr);
        let words = saved.words.localized(&en);
        assert!(
            words.ends_with("where Copyright is empty and the file is an image"),
            "{words}"
        );
        let mut shown = saved.clone();
        shown.localize(&fr);
        assert_eq!(
            serde_json::to_value(&shown).unwrap()["words"],
            format!(
                "les ressources de {} où Copyright est vide et le fichier est une image",
                metadesk_sandbox::SAMPLE_FOLDER
            )
        );
        // A file saved by an older version holds English words: they are worded again.
        let file = std::fs::read_to_string(ws.scopes_path()).unwrap();
        let mut json: serde_json::Value = serde_json::from_str(&file).unwrap();
        json["connections"][&id][0]["words"] = "the assets of … (English)".into();
        std::fs::write(ws.scopes_path(), json.to_string()).unwrap();
        let mut read = ws.saved_scopes(&id).unwrap();
        read[0].localize(&fr);
        assert_eq!(read[0].words, shown.words);
        let all = ws.saved_scopes(&id).unwrap();
        assert_eq!(all.len(), 1, "same name (any case) replaces");
        assert_eq!(
            ws.saved_scope(&id, "No Rights").unwrap().scope,
            all[0].scope
        );
        assert!(ws.saved_scopes("another-connection").unwrap().is_empty());
        assert!(ws.save_scope("unknown", "x", search(&[])).is_err());
        assert!(ws.save_scope(&id, "  ", search(&[])).is_err());
        let err = ws.saved_scope(&id, "other").unwrap_err().to_string();
        assert!(err.contains("Saved: no RIGHTS"), "{err}");
        ws.delete_scope(&id, "NO RIGHTS").unwrap();
        assert!(ws.saved_scopes(&id).unwrap().is_empty());
        assert!(ws.delete_scope(&id, "NO RIGHTS").is_err());
        // A damaged file is reported, not overwritten by a save.
        std::fs::write(ws.scopes_path(), "{oops").unwrap();
        assert!(ws.save_scope(&id, "x", search(&[])).is_err());
        assert_eq!(std::fs::read_to_string(ws.scopes_path()).unwrap(), "{oops");
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn a_scope_is_counted_previewed_and_its_query_shown() {
        let (_d, ws, id, sb) = with_connection().await;
        let opened = ws
            .open(crate::app::ConnectionChoice::stored(id))
            .await
            .unwrap();
        let scope = search(&["dc:rights is empty"]);
        let count = crate::app::tests::count_selected(&ws, &opened, scope.clone())
            .await
            .unwrap();
        let Some(SelectedCount::Search(count)) = count else {
            panic!("{count:?}")
        };
        let query = ws.scope_query(scope.clone(), None).unwrap();
        let open = ws
            .scope_query(
                search(&["type is image/png"]),
                Some(&FoundBy::OpenapiSearch),
            )
            .unwrap();
        assert!(
            open.starts_with("POST /adobe/assets/search?allowUnindexedSearch=true\n")
                && open.contains("\"repositoryMetadata.dc:format\"")
                && open.contains("\"sort\""),
            "{open}"
        );
        assert!(query.contains("1_group.p.not=true") && query.contains("operation=not"));
        let edits = vec![Edit {
            property: "dc:rights".into(),
            op: metadesk_bulk::EditOp::Set {
                values: vec!["R".into()],
            },
        }];
        let run = ws
            .preview_scope(&opened, scope, edits, &|_| {})
            .await
            .unwrap();
        assert_eq!(run.counts.assets, count.assets);
        let en = metadesk_base::i18n::Localizer::english();
        assert!(
            run.scope
                .localized(&en)
                .ends_with("where Copyright is empty")
        );
        assert_eq!(run.list_entries, None);
        let list = Scope::List {
            entries: vec!["/content/dam/none.jpg".into()],
        };
        let checked = crate::app::tests::count_selected(&ws, &opened, list)
            .await
            .unwrap();
        let Some(SelectedCount::List(check)) = checked else {
            panic!("{checked:?}")
        };
        assert_eq!((check.assets, check.problems.len()), (0, 1));
        assert_eq!(sb.counters().writes_applied, 0);
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn the_tag_picker_reads_aems_tag_tree() {
        let (_d, ws, id, _sb) = with_connection().await;
        let opened = ws
            .open(crate::app::ConnectionChoice::stored(id))
            .await
            .unwrap();
        let tags = ws.tags(&opened).await.unwrap();
        let surfing = tags
            .iter()
            .find(|t| t.id == "wknd-shared:activity/surfing")
            .unwrap_or_else(|| panic!("{tags:?}"));
        assert_eq!(surfing.trail, "WKND Shared › Activity › Surfing");
        assert_eq!(surfing.title_in("fr"), "Surf");
        assert!(
            tags.iter()
                .any(|t| t.id == "properties:orientation/portrait")
        );
    }

    #[test]
    fn a_scope_that_is_not_valid_is_not_saved() {
        let (_d, ws) = workspace();
        let bad = Scope::Search {
            under: "/content/dam/a".into(),
            recursive: true,
            conditions: vec![Condition::IsEmpty {
                property: "rights".into(),
            }],
            combine: Default::default(),
        };
        assert!(ws.save_scope("nope", "x", bad).is_err());
        assert!(!ws.scopes_path().exists(), "nothing written");
    }
}
