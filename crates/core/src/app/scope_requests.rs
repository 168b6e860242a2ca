//! What the window sends for the assets an edit applies to: the person's [`Scope`] (narrowed
//! by a name pattern and formats), and the folder typed, checked. The core turns them into the
//! run's folder and filters, so the window never repeats the rule (issue 43).
//!
//! Not here: counting, schemas or previews themselves (`scopes.rs`, `schemas/`, `runs.rs`).
//!
//! The use case in full (ARCHITECTURE.md points here): scopes: the folder typed, checked
//! (`check_folder`: every form the CLI takes, `/wknd-shared/en/…` gains `/content/dam`; the window
//! asks it, debounced, and keeps only "nothing typed yet"); Bulk edit's form as typed checked by
//! the core's own rules (`check_form`: a `FormCheckRequest` of the edits' properties, the edits
//! themselves (each row's rule, a property on two rows), the name pattern, a search's conditions, a
//! pasted list, a sheet's extra properties, answered as a `CheckedForm`, each field's problem in
//! the window's words, by `rules::validate_target`, `rules::validate_op` and `rules::edited_twice`
//! (as `rules::validate_edits`), `scope::check_name_pattern`, `Condition::validated`, the list's
//! empty refusal and `rules::validate_property`; the window asks it debounced,
//! `formCheck.svelte.ts`, and keeps only "nothing typed yet"); the person's `Scope` made a run's
//! folder and filters by the core alone (`Scope::into_run_scope_with`, the CLI's
//! `--name`/`--format` too, checked once as a `RunScope` that every later stage takes; the window
//! sends `ScopeRequest`/`ScopeEditsRequest`, `run_scope` gives the run's scope to the commands
//! that take it); count any scope (one `count_scope`: a folder, a
//! search or a list), preview a search / list scope, check a list, the generated query, saved
//! scopes per connection; whether AEM answers an OAuth connection's OpenAPI search; a list read
//! from a file (dropped or chosen). Here: `scope_requests.rs`, `form_checks.rs`, `scopes.rs`,
//! `list_files.rs`. The layers below: `bulk/scope/` (scopes in words, QueryBuilder, `chosen.rs`: a
//! scope and the run's scope it becomes), `bulk/searching.rs`, `bulk/open_query.rs`,
//! `assets/search.rs`, `assets/open_search.rs`. The window: `commands/scopes.rs` (`check_folder`,
//! `check_form`, `run_scope`, `count_scope`, query, list entries, list files, OpenAPI search
//! status, saved scopes); `drop.rs` (a dropped `.txt` is held for the list); `preview` (an edit),
//! `rule_sample`, `folder_schema`, `schema_problems`, `missing_metadata` take the scope
//! (`ui/src/features/bulk/folderCheck.svelte.ts` asks the folder). The CLI: `bulk … --under --where
//! --any --list --scope`.

use serde::Deserialize;
use ts_rs::TS;

use metadesk_bulk::{Edit, RunScope, Scope};
use metadesk_clients::error::Result;

/// The folder as the core takes it (`/content/dam/…`; the seed script's `/wknd-shared/en/…`
/// and `wknd-shared/en/…` forms gain `/content/dam`), or why not, before anything is sent.
pub fn check_folder(folder: &str) -> Result<String> {
    metadesk_assets::folders::normalize_folder(folder)
}

/// A scope as the window sends it: the person's choice, and Bulk edit's folder filters.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ScopeRequest {
    pub connection_id: String,
    pub scope: Scope,
    /// Only assets whose name matches this pattern; none (or empty) for every name.
    #[serde(default)]
    pub name: Option<String>,
    /// Only assets of these formats; none for every format.
    #[serde(default)]
    pub formats: Vec<String>,
}

impl ScopeRequest {
    /// The run's scope, checked ([`Scope::into_run_scope_with`]).
    pub fn run_scope(&self) -> Result<RunScope> {
        self.scope
            .clone()
            .into_run_scope_with(self.name.clone(), self.formats.clone())
    }
}

/// A scope's metadata schema, read again from AEM when `refresh`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SchemaRequest {
    pub scope: ScopeRequest,
    #[serde(default)]
    pub refresh: bool,
}

/// Edits on a scope: a preview, a rule's sample, their problems with the schema.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ScopeEditsRequest {
    pub scope: ScopeRequest,
    pub edits: Vec<Edit>,
}

/// A scope saved under a name for a connection (replacing one of the same name).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SaveScopeRequest {
    pub connection_id: String,
    pub name: String,
    pub scope: Scope,
}

#[cfg(test)]
mod tests {
    use super::*;
    use metadesk_base::i18n::{Lang, Localizer};
    use metadesk_bulk::ScopeSource;

    fn folder_scope(folder: &str) -> ScopeRequest {
        ScopeRequest {
            connection_id: "c".into(),
            scope: Scope::Folder {
                folder: folder.into(),
                recursive: true,
            },
            name: Some(" *.jpg ".into()),
            formats: vec!["image/*".into()],
        }
    }

    #[test]
    fn the_seed_scripts_folder_forms_are_dam_folders() {
        for typed in [
            "/wknd-shared/en/adventures/napa-wine-tasting",
            "wknd-shared/en/adventures/napa-wine-tasting/",
            " /content/dam/wknd-shared/en/adventures/napa-wine-tasting ",
        ] {
            assert_eq!(
                check_folder(typed).unwrap(),
                "/content/dam/wknd-shared/en/adventures/napa-wine-tasting",
                "{typed}"
            );
        }
        assert_eq!(check_folder("/content/dam/").unwrap(), "/content/dam");
    }

    #[test]
    fn a_bad_folder_is_refused_in_words_naming_it() {
        let fr = Localizer::new(Lang::Fr);
        let outside = check_folder("/content/sites/x").unwrap_err();
        assert_eq!(
            outside.to_string(),
            "\"/content/sites/x\" is not a DAM folder: it must start with /content/dam/."
        );
        assert_eq!(
            outside.localized(&fr),
            "«\u{a0}/content/sites/x\u{a0}» n’est pas un dossier de la DAM\u{a0}: il doit commencer par \
             /content/dam/."
        );
        let dots = check_folder("/wknd-shared/../x").unwrap_err();
        assert_eq!(
            dots.to_string(),
            "\"/wknd-shared/../x\" contains . or .. segments."
        );
        assert!(check_folder("   ").is_err());
    }

    #[test]
    fn a_folder_scope_becomes_the_runs_folder_and_filters() {
        let scope = folder_scope("/wknd-shared/en").run_scope().unwrap();
        let filters = scope.filters();
        assert_eq!(scope.folder().as_str(), "/content/dam/wknd-shared/en");
        assert!(filters.recursive);
        assert_eq!(filters.name.as_deref(), Some("*.jpg"));
        assert_eq!(filters.formats, ["image/*"]);
        assert_eq!(filters.selection, None);
        // A refused folder is refused before any run part is made.
        assert!(folder_scope("/content/x").run_scope().is_err());
    }

    #[test]
    fn a_list_scope_runs_from_the_dam_root_with_its_entries() {
        let request = ScopeRequest {
            connection_id: "c".into(),
            scope: Scope::List {
                entries: vec![" /content/dam/a/b.jpg ".into(), String::new()],
            },
            name: Some(String::new()),
            formats: vec![],
        };
        let scope = request.run_scope().unwrap();
        assert_eq!(scope.folder().as_str(), "/content/dam");
        assert_eq!(scope.filters().name, None);
        assert_eq!(
            scope.filters().selection,
            Some(ScopeSource::List {
                entries: vec!["/content/dam/a/b.jpg".into()]
            })
        );
    }

    #[test]
    fn the_window_sends_a_scope_in_camel_case() {
        let request: ScopeEditsRequest = serde_json::from_value(serde_json::json!({
            "scope": {
                "connectionId": "c",
                "scope": {"kind": "folder", "folder": "wknd-shared/en", "recursive": false},
                "name": null,
                "formats": []
            },
            "edits": []
        }))
        .unwrap();
        assert_eq!(
            request.scope.run_scope().unwrap().folder().as_str(),
            "/content/dam/wknd-shared/en"
        );
    }
}
