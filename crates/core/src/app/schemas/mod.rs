//! What AEM's metadata schema says about a folder, as a use case: its effective form, kept per
//! connection and folder until the person asks to read it again; when it cannot be read (no
//! read on `/conf`, a form that no longer exists), the reason, said once, and editing goes on
//! with free property names. A reason that passes (a throttle, a 5xx, AEM out of reach, a
//! refused token) is kept for the one ask that met it only: the next ask reads again.
//! Values to write are checked against it before a preview.
//!
//! Not here: reading and parsing the forms (`metadesk_assets::schema`), the report of assets
//! lacking required values (`missing.rs`), a sheet's cells checked (`cells.rs`).
//!
//! The use case in full (ARCHITECTURE.md points here): a folder's metadata schema (kept per
//! connection and folder, read again on request; an unreadable form said once; a template's field
//! labels written as their properties: `schemas/labels.rs`; a list's is its assets' nearest common
//! folder's: `schemas::schema_folder`, `Workspace::scope_schema`), values checked against it before
//! a preview (read once per preview: the preview checks on the schema it read,
//! `schemas::refuse_edits`; the sandbox counts `schema_reads`) (a value a rule computes, per asset
//! when the run is planned: outside the field's options or type, that asset is skipped with why;
//! `engine/planning.rs`, `rules::schema_refusal`) and per cell in a sheet import, the
//! required-metadata report, sheets ordered, labelled and validated by it. Here: `schemas/`
//! (`mod.rs`: the schema, its cache, the edit checks; `missing.rs`: the report; `cells.rs`: a
//! sheet's cells). The layers below: `assets/schema/` (forms read and parsed, the folder's mapping,
//! MIME sub-forms, value checks), `sheets/guides.rs` (Excel's data validation). The window:
//! `commands/schemas.rs` (the folder's schema, each change's problems before a preview, the report;
//! the window's `PropertyPicker`/`ValueEditor`/`MissingReport`), `commands/bulk.rs`,
//! `commands/sheets.rs` (the checks, through the preview and the sheet import). The CLI: `schema
//! show`, `schema missing`; the checks in `bulk` and `sheet import`.

mod cells;
mod labels;
mod missing;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;

use serde::Serialize;
use ts_rs::TS;

use crate::app::jobs::job_cancelled;
use crate::app::{Opened, Workspace};
use metadesk_assets::schema::{
    FieldKind, Mapping, NodeSource, Schema, SchemaError, SchemaField, check_value, default_mapping,
    own_form, parent_in_dam, read_mapped,
};
use metadesk_assets::{AssetsApi, CallError};
use metadesk_base::i18n::{Localizer, Text};
use metadesk_bulk::at_most::at_most;
use metadesk_bulk::engine::Reads;
use metadesk_bulk::scope::ScopeSource;
use metadesk_bulk::{Edit, EditOp, RunScope};
use metadesk_clients::aem::auth::BoxFuture;
use metadesk_clients::error::{Error, ErrorCode, Result};
use metadesk_sheets::guides::{ColumnGuide, GuideKind};

pub use labels::templates_by_property;
pub use missing::{MissingAsset, MissingField, MissingReport, OffSchemaValue};
pub(crate) use missing::{is_empty, metadata_of};

/// A folder's metadata schema as the faces show it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FolderSchema {
    pub folder: String,
    /// `None` when it could not be read: then properties are typed by name.
    pub schema: Option<Schema>,
    /// Why it could not be read, in the reader's words once localized.
    #[ts(type = "string | null")]
    pub unavailable: Option<Text>,
}

impl FolderSchema {
    pub fn localize(&mut self, l: &Localizer) {
        if let Some(t) = &mut self.unavailable {
            t.localize(l);
        }
    }

    /// The form's field for `property` (its own or a MIME sub-form's), when there is a form.
    pub fn field(&self, property: &str) -> Option<&SchemaField> {
        self.schema.as_ref().and_then(|s| s.field(property))
    }
}

/// The schemas read so far, per connection and folder.
#[derive(Default)]
pub struct SchemaCache {
    read: Mutex<HashMap<(String, String), Kept>>,
}

/// A folder's schema as kept.
#[derive(Clone)]
struct Kept {
    schema: Arc<FolderSchema>,
    /// When it was read, if it could not be for a reason that passes: it answers only the
    /// ask that read it (each of a report's assets in that folder), not the next one.
    passing: Option<Instant>,
}

impl SchemaCache {
    /// What is kept for `key` that may answer an ask made at `asked`.
    fn get(&self, key: &(String, String), asked: Instant) -> Option<Kept> {
        self.read
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(key)
            .filter(|kept| kept.passing.is_none_or(|read| read >= asked))
            .cloned()
    }

    fn put(&self, key: (String, String), kept: Kept) {
        self.read
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(key, kept);
    }
}

/// Whether a read that failed with `error` may answer if asked again later (a throttle, a 5xx,
/// AEM out of reach, a token refused until it is renewed), unlike a form that does not exist
/// or may not be read.
fn passes(error: &CallError) -> bool {
    metadesk_bulk::glance::worth_retrying(error) || matches!(error, CallError::Auth(_))
}

fn connection_key(opened: &Opened) -> String {
    opened
        .connection_id
        .clone()
        .unwrap_or_else(|| opened.label.clone())
}

/// Why a form could not be read, in words (the fallback's one sentence).
fn unavailable_words(form: &str, error: &CallError) -> Text {
    let (id, detail) = match error {
        CallError::NotFound => ("schema-unavailable-missing", Text::from("")),
        // AEM's own words: the generic 403 words speak of a change, and this is a read.
        CallError::Forbidden(words) => ("schema-unavailable-forbidden", Text::from(words.as_str())),
        other => ("schema-unavailable", other.text()),
    };
    Text::new(id, vec![("form", form.into()), ("detail", detail.into())])
}

/// The folder whose metadata schema guides a scope's values, labels and sheet: a folder's or a
/// search's own folder; for a list (whose run folder is the DAM root), the nearest folder
/// holding all its assets, when every entry names its path.
pub fn schema_folder(scope: &RunScope) -> String {
    list_schema_folder(scope).unwrap_or_else(|| scope.folder().to_string())
}

/// A list's [`schema_folder`]: its assets' nearest common folder, when every entry names its
/// path; `None` for a folder's or a search's scope (their run folder is it).
fn list_schema_folder(scope: &RunScope) -> Option<String> {
    match &scope.filters().selection {
        Some(ScopeSource::List { entries }) => metadesk_bulk::searching::list_folder(entries),
        _ => None,
    }
}

/// Where a schema's reads go.
#[derive(Clone, Copy)]
enum ReadsTo<'a> {
    Aem(&'a dyn AssetsApi),
    Gated(&'a Reads),
}

/// The reads of one ask for schemas (a page's, a sheet's check, a report), and when it was
/// made: a form that could not be read for a passing reason is read again by a later ask.
#[derive(Clone, Copy)]
pub(crate) struct SchemaReads<'a> {
    to: ReadsTo<'a>,
    asked: Instant,
}

impl<'a> SchemaReads<'a> {
    /// Straight to AEM: a page asking for one folder's form, a sheet's check.
    pub(crate) fn aem(api: &'a dyn AssetsApi) -> Self {
        SchemaReads {
            to: ReadsTo::Aem(api),
            asked: Instant::now(),
        }
    }

    /// Through a report's gate and retries ([`Reads`]), stopped when the report is.
    pub(crate) fn gated(reads: &'a Reads) -> Self {
        SchemaReads {
            to: ReadsTo::Gated(reads),
            asked: Instant::now(),
        }
    }

    /// Whether the work these reads serve was cancelled: what they read then is not kept (a
    /// read cut short would be kept as an unreadable form).
    fn stopped(&self) -> bool {
        match self.to {
            ReadsTo::Aem(_) => false,
            ReadsTo::Gated(reads) => reads.is_cancelled(),
        }
    }
}

impl NodeSource for SchemaReads<'_> {
    fn read_node<'a>(
        &'a self,
        path: &'a str,
        selector: &'a str,
    ) -> BoxFuture<'a, std::result::Result<serde_json::Value, CallError>> {
        match self.to {
            ReadsTo::Aem(api) => api.node_json(path, selector),
            ReadsTo::Gated(reads) => Box::pin(async move {
                match reads.call(|| reads.aem().node_json(path, selector)).await {
                    Ok(Some(node)) => Ok(node),
                    // Not kept: `stopped` says so to whoever reads the answer.
                    Ok(None) => Err(CallError::Transient("cancelled".into())),
                    Err(e) => Err(e),
                }
            }),
        }
    }
}

/// The form each folder names itself (`None`: it takes its parent's), or why it could not be
/// read, by folder.
pub(crate) type OwnForms = HashMap<String, std::result::Result<Option<String>, CallError>>;

/// Folders whose own form is read at once when a sheet names many ([`Workspace::read_own_forms`]).
const FOLDERS_AT_ONCE: usize = 6;

impl Workspace {
    /// The metadata schema of `folder` on this connection: read once, then kept until
    /// `refresh` asks for AEM's again. A form (or a folder's properties) that cannot be read is
    /// not an error: the answer says why (once, as it is kept too) and properties are typed by
    /// name. A folder that does not exist is.
    pub async fn folder_schema(
        &self,
        opened: &Opened,
        folder: &str,
        refresh: bool,
    ) -> Result<Arc<FolderSchema>> {
        let via = SchemaReads::aem(opened.connected.assets.as_ref());
        self.folder_schema_from(opened, via, folder, refresh, &OwnForms::new())
            .await
    }

    /// [`Workspace::folder_schema`], its reads sent `via` a report's gate or straight, taking
    /// the form a folder names itself from `own_forms` where they were read already
    /// ([`Workspace::read_own_forms`]).
    pub(crate) async fn folder_schema_from(
        &self,
        opened: &Opened,
        via: SchemaReads<'_>,
        folder: &str,
        refresh: bool,
        own_forms: &OwnForms,
    ) -> Result<Arc<FolderSchema>> {
        let folder = metadesk_assets::folders::normalize_folder(folder)?;
        let kept = self.checked_folder_schema(opened, via, folder, refresh, own_forms);
        Ok(kept.await?.schema)
    }

    /// Keeps `answer` for `key` (`passing`: it could not be read for a reason that passes),
    /// unless the reads that made it were cancelled meanwhile.
    fn keep(
        &self,
        via: SchemaReads<'_>,
        key: (String, String),
        answer: FolderSchema,
        passing: bool,
    ) -> Result<Kept> {
        if via.stopped() {
            return Err(job_cancelled());
        }
        let kept = Kept {
            schema: Arc::new(answer),
            passing: passing.then(Instant::now),
        };
        self.schemas.put(key, kept.clone());
        Ok(kept)
    }

    /// [`Workspace::folder_schema_from`] of a folder checked and normalised already (a run's
    /// scope's, a parent's), as kept: not normalised again.
    async fn checked_folder_schema(
        &self,
        opened: &Opened,
        via: SchemaReads<'_>,
        folder: String,
        refresh: bool,
        own_forms: &OwnForms,
    ) -> Result<Kept> {
        let key = (connection_key(opened), folder.clone());
        if !refresh && let Some(known) = self.schemas.get(&key, via.asked) {
            return Ok(known);
        }
        // AEM refuses an OAuth S2S token on `/conf` and folders' Sling JSON (classic paths);
        // its paired connection is not asked either (UNCONFIRMED that it may read them).
        if opened.cannot_find_assets() {
            let answer = FolderSchema {
                folder,
                schema: None,
                unavailable: Some(Text::plain("schema-unavailable-oauth")),
            };
            return self.keep(via, key, answer, false);
        }
        let own = match own_forms.get(&folder) {
            Some(known) => known.clone(),
            None => own_form(&via, &folder).await,
        };
        let effective = match own {
            Ok(Some(form)) => {
                let mapped_on = Some(folder.clone());
                read_mapped(&via, Mapping { form, mapped_on }).await
            }
            // A folder naming no form takes its parent's, kept once for all its subfolders: a
            // sheet over dozens of folders reads each folder's own nodes, not every ancestor's
            // again for each.
            Ok(None) => match parent_in_dam(&folder) {
                Some(parent) => {
                    let inherited = Box::pin(self.checked_folder_schema(
                        opened,
                        via,
                        parent.to_owned(),
                        refresh,
                        own_forms,
                    ))
                    .await?;
                    let answer = FolderSchema {
                        folder,
                        schema: inherited.schema.schema.clone(),
                        unavailable: inherited.schema.unavailable.clone(),
                    };
                    return self.keep(via, key, answer, inherited.passing.is_some());
                }
                None => read_mapped(&via, default_mapping()).await,
            },
            Err(e) => Err(SchemaError::Folder(e)),
        };
        let passing = match &effective {
            Err(SchemaError::Form { error, .. } | SchemaError::Folder(error)) => passes(error),
            Ok(_) => false,
        };
        let answer = match effective {
            Ok(schema) => FolderSchema {
                folder,
                schema: Some(schema),
                unavailable: None,
            },
            Err(SchemaError::Form { form, error }) => {
                tracing::info!(%form, %error, "the metadata schema could not be read");
                FolderSchema {
                    folder,
                    schema: None,
                    unavailable: Some(unavailable_words(&form, &error)),
                }
            }
            Err(SchemaError::Folder(CallError::NotFound)) => {
                return Err(Error::message(
                    ErrorCode::NotFound,
                    "error-no-such-folder",
                    vec![("folder", folder.into())],
                ));
            }
            // An account that may not read folders' Sling JSON (an OAuth S2S token on a
            // classic path) still edits, by property names.
            Err(SchemaError::Folder(e)) => {
                tracing::info!(%folder, error = %e, "no metadata schema: the folder was not read");
                FolderSchema {
                    unavailable: Some(Text::new(
                        "schema-unavailable-folder",
                        vec![
                            ("folder", folder.as_str().into()),
                            ("detail", e.text().into()),
                        ],
                    )),
                    folder,
                    schema: None,
                }
            }
        };
        self.keep(via, key, answer, passing)
    }

    /// The forms `folders` and their ancestors name themselves, for the folders whose schema
    /// is not kept yet and that `known` does not hold, read `via` a report's gate or straight:
    /// [`FOLDERS_AT_ONCE`] folders read at once instead of one after the other (a sheet or a
    /// report may name dozens of folders, two requests each).
    pub(crate) async fn read_own_forms(
        &self,
        opened: &Opened,
        via: SchemaReads<'_>,
        folders: impl Iterator<Item = &str>,
        known: &OwnForms,
    ) -> OwnForms {
        let mut wanted = std::collections::BTreeSet::new();
        for folder in folders {
            let Ok(mut at) = metadesk_assets::folders::normalize_folder(folder) else {
                continue;
            };
            loop {
                let key = (connection_key(opened), at.clone());
                let kept = self.schemas.get(&key, via.asked).is_some() || known.contains_key(&at);
                if kept || !wanted.insert(at.clone()) {
                    break;
                }
                match parent_in_dam(&at) {
                    Some(parent) => at = parent.to_owned(),
                    None => break,
                }
            }
        }
        // An OAuth S2S token reads no folder's node: `checked_folder_schema` says so unread.
        if opened.cannot_find_assets() {
            return OwnForms::new();
        }
        let via = &via;
        let reads = wanted
            .into_iter()
            .map(|folder| async move {
                let own = own_form(via, &folder).await;
                (folder, own)
            })
            .collect();
        let found = at_most(reads, FOLDERS_AT_ONCE).await;
        if via.stopped() {
            // Cut short: nothing is taken as read (each is read again, and said cancelled).
            return OwnForms::new();
        }
        found.into_iter().collect()
    }

    /// Refuses, before a preview, edits whose values the schema of `folder` does not allow (a
    /// value outside a dropdown's options, not a number, not a date…) or that change a
    /// read-only field, every problem in words. No schema (unreadable): nothing is refused.
    pub async fn check_edits_against_schema(
        &self,
        opened: &Opened,
        folder: &str,
        edits: &[Edit],
    ) -> Result<()> {
        // A folder that cannot be read is the preview's to say, in its words.
        let Ok(schema) = self.folder_schema(opened, folder, false).await else {
            return Ok(());
        };
        refuse_edits(&schema, edits)
    }

    /// The metadata schema of a scope (a list's is its assets' nearest common folder's,
    /// [`schema_folder`]), kept like [`Workspace::folder_schema`].
    pub async fn scope_schema(
        &self,
        opened: &Opened,
        scope: &RunScope,
        refresh: bool,
    ) -> Result<Arc<FolderSchema>> {
        match list_schema_folder(scope) {
            Some(folder) => self.folder_schema(opened, &folder, refresh).await,
            // The run's folder was checked as the scope was made: not normalised again.
            None => {
                let folder = scope.folder().to_string();
                let via = SchemaReads::aem(opened.connected.assets.as_ref());
                let none = OwnForms::new();
                let kept = self.checked_folder_schema(opened, via, folder, refresh, &none);
                Ok(kept.await?.schema)
            }
        }
    }
}

/// Refuses edits whose values `schema` does not allow, every problem in words (the preview's
/// check, on the schema it has read once).
pub fn refuse_edits(schema: &FolderSchema, edits: &[Edit]) -> Result<()> {
    let problems = edit_problems(schema, edits);
    if problems.is_empty() {
        return Ok(());
    }
    Err(Error::worded(
        ErrorCode::InvalidInput,
        Text::new(
            "error-schema-refused",
            vec![
                ("folder", schema.folder.as_str().into()),
                ("problems", metadesk_base::i18n::Part::List(problems)),
            ],
        ),
    ))
}

impl Workspace {
    /// Each edit's problems with the schema of the scope (one list per edit, in order, empty
    /// when it is allowed), for a face to show next to the change before it asks for a
    /// preview. The same rule and schema as the preview's refusal; no schema (unreadable):
    /// none.
    pub async fn edit_problems_by_edit(
        &self,
        opened: &Opened,
        scope: &RunScope,
        edits: &[Edit],
    ) -> Result<Vec<Vec<Text>>> {
        let schema = self.scope_schema(opened, scope, false).await?;
        Ok(edits
            .iter()
            .map(|e| edit_problems(&schema, std::slice::from_ref(e)))
            .collect())
    }
}

/// Each value of `edits` the schema does not allow, in words.
pub fn edit_problems(schema: &FolderSchema, edits: &[Edit]) -> Vec<Text> {
    let mut problems = Vec::new();
    for edit in edits {
        let Some(field) = schema.field(&edit.property) else {
            continue;
        };
        let values: &[String] = match &edit.op {
            EditOp::Set { values } | EditOp::SetList { values } | EditOp::Append { values } => {
                values
            }
            // Removing values or the property writes no new value.
            _ => &[],
        };
        if field.read_only {
            problems.push(metadesk_assets::schema::ValueProblem::ReadOnly.text(field));
            continue;
        }
        for value in values {
            if let Err(p) = check_value(field, value) {
                problems.push(p.text(field));
            }
        }
    }
    problems
}

/// A sheet's property columns ordered by the schema (its fields' order, then the others as
/// asked) and each one's guide for Excel (label, required, allowed values, kind); no schema:
/// as asked, unguided.
pub fn guided_columns(
    schema: &FolderSchema,
    properties: Vec<String>,
) -> (Vec<String>, Vec<Option<ColumnGuide>>) {
    let Some(form) = &schema.schema else {
        return (properties, Vec::new());
    };
    let position = |p: &String| {
        form.fields
            .iter()
            .chain(form.mime_forms.iter().flat_map(|m| m.fields.iter()))
            .position(|f| &f.property == p)
            .unwrap_or(usize::MAX)
    };
    let mut ordered = properties;
    // Stable: properties the schema does not know keep the order they were asked in.
    ordered.sort_by_key(position);
    let guides = ordered
        .iter()
        .map(|p| {
            schema.field(p).map(|f| ColumnGuide {
                label: f.label.clone(),
                required: f.required,
                options: if f.read_only {
                    Vec::new()
                } else {
                    f.options.iter().map(|c| c.value.clone()).collect()
                },
                kind: match f.kind {
                    _ if f.read_only => GuideKind::Text,
                    FieldKind::Number => GuideKind::Number,
                    FieldKind::Date => GuideKind::Date,
                    FieldKind::Checkbox => GuideKind::Checkbox,
                    _ => GuideKind::Text,
                },
            })
        })
        .collect();
    (ordered, guides)
}

#[cfg(test)]
mod tests;
