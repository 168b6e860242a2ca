//! The required-metadata report: for a scope (a folder, a search, a list), which assets lack a
//! value their metadata schema requires, field by field, and which hold a value it does not
//! allow (outside a dropdown's options, not a number…). Each asset is judged by the schema of
//! its own folder, with its MIME type's sub-form.
//!
//! Not here: reading the schema (`mod.rs`), filling the gaps (a bulk edit or a sheet of the
//! assets listed, which the faces start).

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{Map, Value};
use ts_rs::TS;

use super::{FolderSchema, OwnForms, SchemaReads};
use crate::app::jobs::{job_cancelled, job_on};
use crate::app::sheets::{Taken, entries_asked};
use crate::app::{JobKind, Opened, SheetExport, Workspace};
use metadesk_assets::schema::{SchemaField, check_value};
use metadesk_assets::{AssetRef, CallError, Entry};
use metadesk_base::i18n::{Localizer, SavedText, Text};
use metadesk_bulk::at_most::in_order;
use metadesk_bulk::engine::Reads;
use metadesk_bulk::reasons::not_read;
use metadesk_bulk::{Engine, RunScope};
use metadesk_clients::error::{Error, Result};
use metadesk_credentials::credentials::ApiFamily;

/// An asset the report lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MissingAsset {
    pub path: String,
    pub name: String,
}

/// A required field and the assets that lack a value for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MissingField {
    pub property: String,
    pub label: String,
    pub tab: String,
    pub assets: Vec<MissingAsset>,
}

/// A value the asset's schema does not allow.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OffSchemaValue {
    pub path: String,
    pub property: String,
    pub label: String,
    pub value: String,
    /// Why, in words once localized.
    #[ts(type = "string")]
    pub problem: Text,
}

/// What the report found.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MissingReport {
    pub folder: String,
    #[ts(type = "number")]
    pub assets_checked: u64,
    /// Required fields with at least one asset lacking a value, in the schema's order.
    pub fields: Vec<MissingField>,
    pub off_schema: Vec<OffSchemaValue>,
    /// Why some folders' schemas could not be read (their assets are not judged), once each.
    #[ts(type = "Array<string>")]
    pub unavailable: Vec<Text>,
    /// Folders that could not be listed (their assets are not in the report).
    pub unlisted_folders: Vec<String>,
    /// Assets that could not be read, with the reason.
    #[ts(type = "Array<string>")]
    pub unread: Vec<SavedText>,
}

impl MissingReport {
    pub fn localize(&mut self, l: &Localizer) {
        self.off_schema
            .iter_mut()
            .for_each(|o| o.problem.localize(l));
        self.unavailable.iter_mut().for_each(|t| t.localize(l));
        self.unread.iter_mut().for_each(|r| r.localize(l));
    }

    /// Every asset the report lists as lacking a value, once each, sorted.
    pub fn assets_lacking(&self) -> Vec<String> {
        let mut paths: Vec<String> = self
            .fields
            .iter()
            .flat_map(|f| f.assets.iter().map(|a| a.path.clone()))
            .collect();
        paths.sort();
        paths.dedup();
        paths
    }
}

/// Whether `value` holds nothing: absent, empty text, or a list of empty texts.
pub(crate) fn is_empty(value: Option<&Value>) -> bool {
    match value {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.trim().is_empty(),
        Some(Value::Array(items)) => items.iter().all(|i| is_empty(Some(i))),
        Some(_) => false,
    }
}

/// The values of a property as text (`true`, `4`, each item of a list).
fn texts_of(value: &Value) -> Vec<String> {
    match value {
        Value::Array(items) => items.iter().flat_map(texts_of).collect(),
        Value::String(s) => vec![s.clone()],
        Value::Null => vec![],
        other => vec![other.to_string()],
    }
}

fn parent_of(path: &str) -> &str {
    path.rsplit_once('/').map_or(path, |(p, _)| p)
}

impl Workspace {
    /// The required-metadata report of `scope` (a folder's assets, a search's, a list's): every
    /// asset read, judged by its folder's schema. A job like a count: any new job cancels it.
    pub async fn missing_metadata(
        &self,
        opened: &Opened,
        scope: &RunScope,
    ) -> Result<MissingReport> {
        let folder = scope.folder().to_string();
        let job = self
            .jobs
            .start(JobKind::Count, job_on("job-missing-metadata", &folder))?;
        let engine = Engine::new(opened.connected.assets.clone(), self.runs_dir());
        let reads = engine.reads(job.control());
        // The scope's own schema first: a folder that does not exist is said now.
        self.scope_folder_schema(opened, &reads, &folder).await?;
        let mut listing = SheetExport::default();
        let entries =
            entries_asked(&reads, reads.aem(), scope, Taken::Assets, &mut listing).await?;
        self.missing_in(opened, scope, &reads, entries, listing, &|| {})
            .await
    }

    /// The schema of a report's scope `folder`, read through `reads` before anything else is
    /// asked: a folder that does not exist is said first.
    pub(crate) async fn scope_folder_schema(
        &self,
        opened: &Opened,
        reads: &Reads,
        folder: &str,
    ) -> Result<std::sync::Arc<FolderSchema>> {
        let via = SchemaReads::gated(reads);
        self.folder_schema_from(opened, via, folder, false, &OwnForms::new())
            .await
    }

    /// The required-metadata report of `entries` (`scope`'s, listed in `listing`), each asset
    /// read through `reads` (the engine's gate and retries; the health report's own),
    /// `progress` told after each asset.
    pub(crate) async fn missing_in(
        &self,
        opened: &Opened,
        scope: &RunScope,
        reads: &Reads,
        entries: Vec<Entry>,
        listing: SheetExport,
        progress: &(dyn Fn() + Sync),
    ) -> Result<MissingReport> {
        let folder = scope.folder().to_string();
        let via = SchemaReads::gated(reads);
        let mut missing: BTreeMap<String, (SchemaField, Vec<MissingAsset>)> = BTreeMap::new();
        let mut order: Vec<String> = Vec::new();
        let mut report = MissingReport {
            folder: folder.clone(),
            assets_checked: 0,
            fields: Vec::new(),
            off_schema: Vec::new(),
            unavailable: Vec::new(),
            unlisted_folders: listing.unlisted_folders,
            unread: listing.unread,
        };
        // A window of assets at a time: their metadata read side by side (the gate bounds what
        // reaches AEM), then judged in the listing's order; memory stays bounded by the window.
        let mut entries = entries.into_iter();
        let mut own_forms = OwnForms::new();
        loop {
            let window: Vec<Entry> = entries.by_ref().take(WINDOW).collect();
            if window.is_empty() {
                break;
            }
            if reads.is_cancelled() {
                return Err(job_cancelled());
            }
            // The forms the window's folders name, side by side and through the gate too; an
            // ancestor read for one window is not read again for the next.
            let folders = window.iter().map(|entry| parent_of(&entry.path));
            let read = self.read_own_forms(opened, via, folders, &own_forms).await;
            own_forms.extend(read);
            let mut judged = Vec::with_capacity(window.len());
            for entry in window {
                let folder = parent_of(&entry.path);
                let schema: std::sync::Arc<FolderSchema> = self
                    .folder_schema_from(opened, via, folder, false, &own_forms)
                    .await?;
                judged.push((entry, schema));
            }
            let asks = judged
                .iter()
                .map(|(entry, schema)| async move {
                    // An asset whose folder has no form is not read.
                    let answer = match schema.schema {
                        Some(_) => Some(metadata_of(reads, &entry.path).await),
                        None => None,
                    };
                    progress();
                    answer
                })
                .collect();
            let answers = in_order(asks, READS_AT_ONCE).await;
            for ((entry, schema), answer) in judged.into_iter().zip(answers) {
                let Some(form) = &schema.schema else {
                    if let Some(why) = &schema.unavailable
                        && !report.unavailable.contains(why)
                    {
                        report.unavailable.push(why.clone());
                    }
                    continue;
                };
                let metadata = match answer {
                    Some(Ok(Some(current))) => current,
                    Some(Ok(None)) => return Err(job_cancelled()),
                    None => continue,
                    Some(Err(CallError::Unreachable(e) | CallError::Auth(e))) => {
                        return Err(Error::Aem(e));
                    }
                    Some(Err(e)) => {
                        report.unread.push(SavedText::new(
                            "sheet-export-unread",
                            [
                                ("path", entry.path.as_str().into()),
                                (
                                    "why",
                                    serde_json::to_value(not_read(&e, None, 1)).unwrap_or_default(),
                                ),
                            ],
                        ));
                        continue;
                    }
                };
                let format = metadata.get("dc:format").and_then(Value::as_str);
                if !scope.filters().format_matches(format) {
                    continue;
                }
                report.assets_checked += 1;
                for field in form.fields_for(format) {
                    let value = metadata.get(&field.property);
                    if field.required && is_empty(value) {
                        let slot = missing.entry(field.property.clone()).or_insert_with(|| {
                            order.push(field.property.clone());
                            (field.clone(), Vec::new())
                        });
                        slot.1.push(MissingAsset {
                            path: entry.path.clone(),
                            name: entry.name.clone(),
                        });
                        continue;
                    }
                    if field.read_only {
                        continue;
                    }
                    for text in value.map(texts_of).unwrap_or_default() {
                        if let Err(p) = check_value(&field, &text) {
                            report.off_schema.push(OffSchemaValue {
                                path: entry.path.clone(),
                                property: field.property.clone(),
                                label: field.label.clone(),
                                value: text,
                                problem: p.text(&field),
                            });
                        }
                    }
                }
            }
        }
        report.fields = order
            .into_iter()
            .filter_map(|p| missing.remove(&p))
            .map(|(field, mut assets)| {
                assets.sort_by(|a, b| a.path.cmp(&b.path));
                MissingField {
                    property: field.property,
                    label: field.label,
                    tab: field.tab,
                    assets,
                }
            })
            .collect();
        report.off_schema.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(report)
    }
}

/// Assets whose metadata is read at once, and judged together (memory stays bounded by it).
const WINDOW: usize = 256;

/// Metadata reads sent at once; the gate may let fewer through (AEM's answers teach it).
const READS_AT_ONCE: usize = 8;

/// The metadata of the asset at `path`, read on its own through `reads` (its id looked up first
/// on the OpenAPI family; `None`: the reads were cancelled).
pub(crate) async fn metadata_of(
    reads: &Reads,
    path: &str,
) -> std::result::Result<Option<Map<String, Value>>, CallError> {
    let store = reads.aem();
    let read = || async {
        let mut asset = AssetRef {
            path: path.to_owned(),
            id: None,
        };
        if store.family() == ApiFamily::OpenApi {
            asset.id = store.resolve_id(path).await?;
        }
        store.read(&asset).await
    };
    Ok(reads.call(read).await?.map(|current| current.metadata))
}
