//! Exporting a scope's metadata as a sheet: the walk of a folder, a search or a list, and the
//! sheet written (XLSX or CSV) or saved to a file.
//!
//! Not here: the file formats (`metadesk_sheets::writing`), importing a sheet (`import.rs`).

use std::path::PathBuf;

use serde_json::Value;

use crate::app::jobs::{job_cancelled, job_on};
use crate::app::sheet_files::file_name_of;
use crate::app::whole_file::write_whole_file;
use crate::app::{JobKind, Opened, Workspace, blocking};
use std::collections::HashMap;

use metadesk_assets::search::{HIT_LAST_MODIFIED, hit_path, modified_of_hit};
use metadesk_assets::{AssetRef, CallError, Current, EntryKind};
use metadesk_base::i18n::Localizer;
use metadesk_base::i18n::SavedText;
use metadesk_base::timefmt::now_rfc3339;
use metadesk_bulk::reasons::not_read;
use metadesk_bulk::searching::{LOOKUP_BATCH, paths_lookup, search_with_retries};
use metadesk_bulk::{RunScope, ScopeSource};
use metadesk_clients::error::{Error, ErrorCode, Result};
use metadesk_credentials::credentials::ApiFamily;
use metadesk_sheets::writing::{
    ExportColumn, ExportInfo, ExportRow, write_csv_guided, write_xlsx_guided,
};

use super::{SavedSheet, SheetExport, SheetFormat};

/// The name a sheet export of `scope` suggests for its file (`ext`: its format's ending): the
/// folder's last name, or for a list the last name of the folder its paths share ("list" when
/// its entries are links or ids, which name no folder before they are looked up).
pub fn export_file_name(scope: &RunScope, ext: &str) -> String {
    let folder = match &scope.filters().selection {
        Some(ScopeSource::List { entries }) => {
            let paths: Vec<&str> = entries
                .iter()
                .map(|e| e.trim())
                .filter(|e| e.starts_with("/content/dam/"))
                .collect();
            if paths.is_empty() {
                return format!("metadesk-list.{ext}");
            }
            super::import::common_folder(paths.into_iter())
        }
        _ => scope.folder().to_string(),
    };
    let last = folder.rsplit('/').next().unwrap_or("dam");
    crate::file_names::safe_file_name(&format!("metadesk-{last}.{ext}"))
}

impl Workspace {
    /// [`Self::export_sheet`] saved to `target` (written whole, then renamed into place; an
    /// existing file is replaced: the save dialog asked, or the CLI's --out named it). A name without the format's ending
    /// gets it.
    // The arguments are the export's own choices, as `export_sheet` takes them, plus the target.
    #[allow(clippy::too_many_arguments)]
    pub async fn save_sheet_export(
        &self,
        opened: &Opened,
        scope: &RunScope,
        properties: &[String],
        format: SheetFormat,
        words: &Localizer,
        target: PathBuf,
    ) -> Result<SavedSheet> {
        let target = with_extension_of(target, format);
        let (bytes, export) = self
            .export_sheet(opened, scope, properties, format, words)
            .await?;
        let file_name = file_name_of(&target);
        save_whole(target, bytes).await?;
        Ok(SavedSheet { file_name, export })
    }

    /// Exports the metadata of the assets of `scope` (a folder's, and its subfolders' when
    /// recursive, with the name and format filters; a search's; a list's) as a sheet with one column per property, its headers and
    /// notes in `words`' language (the person who opens it in Excel reads them).
    pub async fn export_sheet(
        &self,
        opened: &Opened,
        scope: &RunScope,
        properties: &[String],
        format: SheetFormat,
        words: &Localizer,
    ) -> Result<(Vec<u8>, SheetExport)> {
        let (folder, filters) = (scope.folder(), scope.filters());
        let properties: Vec<String> = properties
            .iter()
            .map(|p| metadesk_bulk::spec::validate_property(p))
            .collect::<Result<_>>()?;
        if properties.is_empty() {
            return Err(Error::message(
                ErrorCode::InvalidInput,
                "error-sheet-no-properties",
                vec![],
            ));
        }
        let job = self
            .jobs
            .start(JobKind::Count, job_on("job-export-sheet", folder))?;
        let control = job.control();
        let aem = opened.connected.assets.as_ref();
        // Ordered and labelled by the scope's metadata schema, when it can be read.
        let schema_folder = crate::app::schemas::schema_folder(scope);
        let (properties, guides) = match self.folder_schema(opened, &schema_folder, false).await {
            Ok(schema) => crate::app::schemas::guided_columns(&schema, properties),
            Err(_) => (properties, Vec::new()),
        };
        let mut report = SheetExport::default();
        let mut found = values_in_scope(
            aem,
            scope,
            (&properties, Taken::Assets),
            control,
            &mut report,
        )
        .await?;
        found.sort_by(|a, b| a.path.cmp(&b.path));
        let columns: Vec<ExportColumn> = properties
            .iter()
            .map(|p| ExportColumn::for_property(p, found.iter().filter_map(|f| f.values.get(p))))
            .collect();
        let rows: Vec<ExportRow> = found
            .into_iter()
            .map(|f| ExportRow {
                path: f.path,
                name: f.name,
                // Empty where the API does not say (the Assets OpenAPI).
                last_modified: f.modified,
                values: properties
                    .iter()
                    .map(|p| f.values.get(p).cloned())
                    .collect(),
            })
            .collect();
        report.assets = rows.len() as u64;
        report.index_notice = metadesk_bulk::found_by::index_notice(
            None,
            matches!(
                filters.selection,
                Some(metadesk_bulk::scope::ScopeSource::Search { .. })
            ),
            report.unindexed,
            report.searched_at.as_deref(),
        );
        let bytes = match format {
            SheetFormat::Xlsx => write_xlsx_guided(
                words,
                &ExportInfo {
                    connection: opened.label.clone(),
                    folder: folder.to_string(),
                    recursive: filters.recursive,
                    exported_at: now_rfc3339(),
                },
                &columns,
                &guides,
                &rows,
            )?,
            SheetFormat::Csv => write_csv_guided(words, &columns, &guides, &rows)?,
        };
        Ok((bytes, report))
    }
}

/// Which of a scope's entries are taken: a sheet's rows and a schema's gaps are its assets
/// (fragments are edited by their fields); a tag count counts fragments too, since a tag change
/// rewrites their tags as well (`RunSpec::edits_fragment_tags`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Taken {
    Assets,
    AssetsAndFragments,
}

impl Taken {
    fn takes(self, kind: EntryKind) -> bool {
        kind == EntryKind::Asset
            || (self == Taken::AssetsAndFragments && kind == EntryKind::ContentFragment)
    }
}

/// One asset of a scope with the values of the properties asked for.
pub(crate) struct FoundAsset {
    pub path: String,
    pub name: String,
    /// Only the properties asked for (those it holds).
    pub values: serde_json::Map<String, Value>,
    /// When it last changed; `None` where the API does not say (the Assets OpenAPI).
    pub modified: Option<String>,
}

/// The assets of `scope` (walked by [`entries_to_export`]) with their values of
/// `properties`: looked up by exact path in batches, and an asset the index does not hold yet
/// read on its own (counted in `report.unindexed`), so the list is the repository's. An asset
/// that cannot be read is said in `report.unread`, never left out silently.
pub(crate) async fn values_in_scope(
    aem: &dyn metadesk_assets::AssetsApi,
    scope: &RunScope,
    (properties, taken): (&[String], Taken),
    control: &metadesk_bulk::RunControl,
    report: &mut SheetExport,
) -> Result<Vec<FoundAsset>> {
    let filters = scope.filters();
    let mut found = Vec::new();
    let entries = entries_to_export(aem, scope, taken, control, report).await?;
    for chunk in entries.chunks(LOOKUP_BATCH) {
        let mut looked_up = LookedUp::ask(aem, chunk, properties, control).await;
        for entry in chunk.iter().cloned() {
            if control.is_cancelled() {
                return Err(job_cancelled());
            }
            let missed = looked_up.missed(&entry.path);
            let read = match looked_up.take(&entry.path) {
                Some(found) => Ok(found),
                None => read_one(aem, &entry.path).await,
            };
            if read.is_ok() && missed {
                report.unindexed += 1;
            }
            match read {
                Ok((current, modified)) => {
                    let format = current.metadata.get("dc:format").and_then(Value::as_str);
                    if filters.format_matches(format) {
                        // Only the sheet's properties are kept: a whole asset's metadata, held
                        // for every asset of a 100,000-asset export, would not fit the memory
                        // an export may take.
                        let mut metadata = current.metadata;
                        let kept = properties
                            .iter()
                            .filter_map(|p| metadata.remove_entry(p))
                            .collect();
                        found.push(FoundAsset {
                            path: entry.path,
                            name: entry.name,
                            values: kept,
                            modified,
                        });
                    }
                }
                Err(CallError::Unreachable(e)) => return Err(Error::Aem(e)),
                Err(CallError::Auth(why)) => return Err(Error::Aem(why)),
                Err(e) => report.unread.push(SavedText::new(
                    "sheet-export-unread",
                    [
                        ("path", entry.path.as_str().into()),
                        (
                            "why",
                            serde_json::to_value(not_read(&e, None, 1)).unwrap_or_default(),
                        ),
                    ],
                )),
            }
        }
    }
    Ok(found)
}

/// The assets a sheet export holds, from the scope's one source (`bulk::source`): a folder's
/// (walked page by page), a search's or a list's (resolved; entries that name no asset are said
/// in `report`), filtered by name. A folder that cannot be listed is said in `report`; a search
/// that fails part-way fails the export (a partial read is never the whole).
pub(crate) async fn entries_to_export(
    aem: &dyn metadesk_assets::AssetsApi,
    scope: &RunScope,
    taken: Taken,
    control: &metadesk_bulk::RunControl,
    report: &mut SheetExport,
) -> Result<Vec<metadesk_assets::Entry>> {
    let asker = metadesk_bulk::scope_walk::Glance { aem, control };
    entries_asked(&asker, aem, scope, taken, report).await
}

/// [`entries_to_export`], its requests sent by `asker` (the health report's go through the
/// engine's gate: `bulk::engine::Reads`).
pub(crate) async fn entries_asked(
    asker: &impl metadesk_bulk::scope_walk::Asker,
    aem: &dyn metadesk_assets::AssetsApi,
    scope: &RunScope,
    taken: Taken,
    report: &mut SheetExport,
) -> Result<Vec<metadesk_assets::Entry>> {
    use metadesk_bulk::scope_walk::Pages;
    use metadesk_bulk::source::{Reach, Source, Step};
    let filters = scope.filters();
    let pages = Pages {
        listing: 100,
        search: 500,
        listings_at_once: metadesk_assets::folders::LISTINGS_AT_ONCE,
    };
    // Its callers name no connection: a failed OpenAPI search is worded without it.
    let reach = Reach::of(aem, "", false, None);
    let mut source = Source::of(scope, [], pages, &reach)?;
    if source.searches() {
        // A search holds what AEM's index holds now: the sheet's notes say when.
        report.searched_at = Some(now_rfc3339());
    }
    let mut entries = Vec::new();
    loop {
        match source.next(asker).await? {
            Step::Page(page) => entries.extend(page.into_iter().map(|f| f.entry)),
            Step::Done => break,
            Step::Cancelled => return Err(job_cancelled()),
            Step::Unlisted { folder, .. } => report.unlisted_folders.push(folder),
            Step::Problems(problems) => report.unread.extend(problems.iter().map(|p| {
                SavedText::new(
                    "sheet-export-unread-line",
                    [
                        ("line", p.line.into()),
                        ("entry", p.entry.as_str().into()),
                        ("why", serde_json::to_value(&p.reason).unwrap_or_default()),
                    ],
                )
            })),
        }
    }
    entries.retain(|e| taken.takes(e.kind) && filters.name_matches(&e.name));
    Ok(entries)
}

/// Reads one asset whole, and when it last changed.
async fn read_one(
    aem: &dyn metadesk_assets::AssetsApi,
    path: &str,
) -> std::result::Result<(Current, Option<String>), CallError> {
    let mut asset = AssetRef {
        path: path.to_owned(),
        id: None,
    };
    if aem.family() == ApiFamily::OpenApi {
        asset.id = aem.resolve_id(path).await?;
    }
    // Read first: an import compares AEM's time now with this one, so a change between the two
    // reads is taken as made after the export (held back).
    let modified = aem.last_modified(&asset).await?;
    Ok((aem.read(&asset).await?, modified))
}

/// The values of up to [`LOOKUP_BATCH`] assets of an export, from one QueryBuilder lookup of
/// their exact paths (the classic API; none elsewhere: each asset is read). AEM's index lags
/// behind the repository: an asset the lookup did not return is read on its own
/// ([`read_one`]) and counted, never left out of the sheet.
struct LookedUp {
    hits: HashMap<String, Value>,
    /// The lookup answered: an asset absent from its hits is not in AEM's index yet.
    answered: bool,
}

impl LookedUp {
    async fn ask(
        aem: &dyn metadesk_assets::AssetsApi,
        entries: &[metadesk_assets::Entry],
        properties: &[String],
        control: &metadesk_bulk::RunControl,
    ) -> Self {
        let mut looked_up = LookedUp {
            hits: HashMap::new(),
            answered: false,
        };
        if aem.family() != ApiFamily::Classic || !aem.can_search() {
            return looked_up;
        }
        let mut wanted: Vec<String> = vec![
            HIT_LAST_MODIFIED.to_owned(),
            "jcr:content/metadata/dc:format".to_owned(),
        ];
        wanted.extend(
            properties
                .iter()
                .map(|p| format!("jcr:content/metadata/{p}")),
        );
        let wanted: Vec<&str> = wanted.iter().map(String::as_str).collect();
        let paths: Vec<&str> = entries.iter().map(|e| e.path.as_str()).collect();
        let params = paths_lookup(&paths, &wanted);
        match search_with_retries(aem, &params, control).await {
            Ok(Some(page)) => {
                looked_up.answered = true;
                for hit in page.hits {
                    if let Some(path) = hit_path(&hit).map(str::to_owned) {
                        looked_up.hits.insert(path, hit);
                    }
                }
            }
            Ok(None) => {}
            Err(e) => {
                tracing::info!(error = %e, "an export's lookup failed: its assets are read one by one")
            }
        }
        looked_up
    }

    /// Whether the lookup answered without `path`: AEM's index does not hold it yet.
    fn missed(&self, path: &str) -> bool {
        self.answered && !self.hits.contains_key(path)
    }

    /// The asset's values and when it last changed, from its hit.
    fn take(&mut self, path: &str) -> Option<(Current, Option<String>)> {
        let hit = self.hits.remove(path)?;
        let modified = modified_of_hit(&hit);
        let metadata = hit
            .pointer("/jcr:content/metadata")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        Some((
            Current {
                metadata,
                etag: None,
            },
            modified,
        ))
    }
}

/// `target` with the ending of `format` (added when the name has another or none).
/// Writes `bytes` to `target` whole, then renames it into place (an existing file is
/// replaced: the save dialog asked, or the CLI's --out named it).
pub(crate) async fn save_whole(target: PathBuf, bytes: Vec<u8>) -> Result<()> {
    blocking(move || {
        write_whole_file(&target, true, |out| {
            out.write_all(&bytes).map_err(|e| {
                Error::io_doing(
                    "io-write",
                    vec![("path", target.display().to_string().into())],
                    e,
                )
            })
        })
    })
    .await
}

pub(crate) fn with_extension_of(target: PathBuf, format: SheetFormat) -> PathBuf {
    let name = file_name_of(&target);
    if SheetFormat::from_file_name(&name) == Some(format) {
        return target;
    }
    let ext = match format {
        SheetFormat::Xlsx => "xlsx",
        SheetFormat::Csv => "csv",
    };
    let mut s = target.into_os_string();
    s.push(format!(".{ext}"));
    PathBuf::from(s)
}
