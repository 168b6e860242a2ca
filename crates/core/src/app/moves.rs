//! Moving and renaming assets and folders (issue 76), the use case both faces ask: what moves
//! (a scope's assets into a folder, keeping their subfolders or flattened, renamed by a rule;
//! or a sheet's `Path` and `New path` rows, folders included), read and checked, planned as a
//! move's run (`bulk::moves`). The preview reads each source in the repository (its
//! `jcr:uuid`, whether it is on the website; the sources of one folder in one render of it),
//! what is at each new path, the folders to make,
//! whether the account may write there, and the pages that use each asset (AEM's reference
//! search, [`pages_using`]), each with whether it is on the website. Refused before anything
//! moves, each with why: a name AEM refuses, a rule that leaves no name, two assets landing
//! on one path (case included), a new path already taken (never overwritten), a folder moved
//! into itself, a source that is gone, a folder the account may not write, an asset whose
//! pages AEM could not tell (moving it could break them). A destination the account may not
//! write refuses the whole move, with nothing stored. Nothing is written; the run is applied,
//! resumed and undone as every run is ([`Workspace::apply_request`], `PreviewRequest::Undo`).
//!
//! Not here: reading the sources (`move_sources.rs`), what is at the new paths and the folders
//! to make (`move_targets.rs`), the plan's data and the names a rule gives (`bulk::moves`,
//! `bulk::move_names`), the check and write (`bulk::engine::moving`), the request
//! (`assets::moves`).

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::PathBuf;

use serde::Deserialize;
use serde_json::Value;
use ts_rs::TS;

use super::move_sources::{Listed, READS_AT_ONCE, Source, read_all};
use super::move_targets::{folders_to_make, taken_all};
use super::references::pages_using;
use super::sheets::{Taken, entries_asked};
use super::{Opened, Workspace, blocking};
use metadesk_assets::CallError;
use metadesk_assets::classic::ClassicAssets;
use metadesk_base::i18n::{SavedText, Text};
use metadesk_bulk::at_most::at_most;
use metadesk_bulk::engine::Reads;
use metadesk_bulk::move_names::{Destination, RenameRule, collisions, refusal};
use metadesk_bulk::moves::{MoveItem, MovePage, MovePlan, MoveRow, leaf, parent};
use metadesk_bulk::ops::OpPlan;
use metadesk_bulk::runs::RunSummary;
use metadesk_bulk::scope::RunScope;
use metadesk_bulk::spec::{RunKind, ScopeFilters};
use metadesk_bulk::{Engine, RunControl, RunSource};
use metadesk_clients::error::{Error, ErrorCode, Result};
use metadesk_credentials::credentials::ApiFamily;

/// What a person asks to move.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MoveAsk {
    pub what: MoveWhat,
    #[serde(flatten)]
    #[ts(flatten)]
    pub options: MoveOptions,
}

/// How it moves, whatever it is: the same for every face.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MoveOptions {
    /// A scope's assets all go straight into the folder, their subfolders not kept.
    #[serde(default)]
    pub flatten: bool,
    /// The rule naming each asset (`RenameRule::parse`'s form); none keeps the names.
    #[serde(default)]
    pub rename: Option<String>,
    /// After the move, what was on the website is published again.
    #[serde(default)]
    pub republish: bool,
    /// Pages the person unticked: left pointing at the old path, and reported.
    #[serde(default)]
    pub keep_pages: Vec<String>,
}

/// Where what moves comes from.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum MoveWhat {
    /// A scope's assets (a folder, a search, a list), into folder `to`.
    Scope { scope: RunScope, to: String },
    /// A sheet's rows: each `Path` goes to its `New path`.
    Sheet { file: PathBuf },
}

impl Workspace {
    /// Previews the move `ask` asks: journals its plan as a run, moves nothing.
    pub async fn preview_move(&self, opened: &Opened, ask: MoveAsk) -> Result<RunSummary> {
        let aem = mover(opened)?;
        let rule = match &ask.options.rename {
            Some(text) => {
                RenameRule::parse(text).map_err(|t| Error::worded(ErrorCode::InvalidInput, t))?
            }
            None => RenameRule::default(),
        };
        let engine = Engine::new(opened.connected.assets.clone(), self.runs_dir());
        let control = RunControl::new();
        let reads = engine.reads(&control);
        let (pairs, to) = match &ask.what {
            MoveWhat::Scope { scope, to } => {
                let to = metadesk_assets::folders::DamFolder::parse(to)?
                    .as_str()
                    .to_owned();
                (
                    scope_pairs(&reads, scope, &to, ask.options.flatten, &rule).await?,
                    Some(to),
                )
            }
            MoveWhat::Sheet { file } => (sheet_pairs(file).await?, None),
        };
        if pairs.is_empty() {
            return Err(Error::message(
                ErrorCode::InvalidInput,
                "error-move-nothing",
                vec![],
            ));
        }
        if let Some(to) = &to {
            refuse_unwritable(&reads, &aem, to, opened.connected.account.as_deref()).await?;
        }
        let (sources, mut listed) = read_all(&reads, pairs).await?;
        let mut plan = plan_of(&reads, &aem, sources, &mut listed, &ask).await?;
        self.add_pages(opened, &reads, &mut plan, &ask.options.keep_pages)
            .await?;
        let items = plan.items().count() as u64;
        let mut spec = opened.spec(
            RunScope::checked(
                to.as_deref().unwrap_or(metadesk_assets::DAM_ROOT),
                ScopeFilters::default(),
            )?,
            Vec::new(),
            RunKind::Move {
                items,
                to,
                undo_of: None,
            },
        );
        spec.op = Some(OpPlan::Move(plan));
        engine
            .plan(RunSource::Planned(spec), &control, &|_| {})
            .await
    }

    /// The pages that use each asset to move; an asset whose pages AEM could not tell is
    /// refused (moving it could leave a page pointing nowhere).
    async fn add_pages(
        &self,
        opened: &Opened,
        reads: &Reads,
        plan: &mut MovePlan,
        keep: &[String],
    ) -> Result<()> {
        let asked: Vec<String> = plan
            .items()
            .filter(|i| i.refused.is_none())
            .map(|i| i.from.clone())
            .collect();
        let shape = self.references.shape(opened);
        let uses = pages_using(reads, &asked, &shape, &|_| {}).await?;
        let unknown: HashSet<String> = uses.unknown_paths().into_iter().collect();
        let mut pages: BTreeMap<&str, Vec<MovePage>> = BTreeMap::new();
        for page in &uses.pages {
            pages
                .entry(page.asset.as_str())
                .or_default()
                .push(MovePage {
                    path: page.page.clone(),
                    title: page.title.clone(),
                    published: page.published,
                    adjust: !keep.contains(&page.page),
                });
        }
        for row in &mut plan.rows {
            let MoveRow::Move(item) = row else { continue };
            if item.refused.is_some() {
                continue;
            }
            if unknown.contains(&item.from) {
                item.refused = Some(said("move-refused-pages-unknown", &item.from));
            } else if let Some(found) = pages.get(item.from.as_str()) {
                item.pages = found.clone();
            }
        }
        Ok(())
    }
}

/// The connection's classic API, or the refusal of an OAuth Server-to-Server connection:
/// AEM's move is a classic request.
fn mover(opened: &Opened) -> Result<ClassicAssets> {
    if opened.connected.family == ApiFamily::OpenApi {
        return Err(Error::message(
            ErrorCode::InvalidInput,
            "error-move-oauth",
            vec![],
        ));
    }
    Ok(ClassicAssets::new(opened.connected.client.clone()))
}

fn said(code: &str, path: &str) -> SavedText {
    SavedText::new(code, [("path", path.into())])
}

/// Refuses, before anything is read or stored, a destination the account may not write.
async fn refuse_unwritable(
    reads: &Reads,
    aem: &ClassicAssets,
    folder: &str,
    account: Option<&str>,
) -> Result<()> {
    match may_modify(reads, aem, folder).await {
        Ok(Some(false)) => Err(Error::worded(
            ErrorCode::InvalidInput,
            Text::new(
                "error-move-read-only",
                vec![
                    ("folder", folder.into()),
                    ("account", account.unwrap_or("").into()),
                ],
            ),
        )),
        Ok(_) => Ok(()),
        Err(CallError::NotFound) => Ok(()),
        Err(CallError::Auth(e) | CallError::Unreachable(e)) => Err(Error::Aem(e)),
        // AEM's permission check is only a first look: the move's answer says the rest.
        Err(e) => {
            tracing::info!(error = %e, "AEM's permission check did not answer");
            Ok(())
        }
    }
}

/// AEM's permission check of `folder`, through the gate (`None`: it did not say, or the
/// preview was cancelled).
async fn may_modify(
    reads: &Reads,
    aem: &ClassicAssets,
    folder: &str,
) -> std::result::Result<Option<bool>, CallError> {
    Ok(reads.call(|| aem.may_modify(folder)).await?.flatten())
}

/// Each asset of `scope` and where it goes: into `to`, under the subfolder it had below the
/// scope's folder unless `flatten`, named by `rule` (numbered in path order). The whole scope
/// is listed or the preview is refused: a partial listing is never taken as the folder.
async fn scope_pairs(
    reads: &Reads,
    scope: &RunScope,
    to: &str,
    flatten: bool,
    rule: &RenameRule,
) -> Result<Vec<(String, String)>> {
    let mut listing = Default::default();
    let entries = entries_asked(reads, reads.aem(), scope, Taken::Assets, &mut listing).await?;
    if let Some(folder) = listing.unlisted_folders.first() {
        return Err(Error::message(
            ErrorCode::InvalidInput,
            "error-move-unlisted",
            vec![("folder", folder.as_str().into())],
        ));
    }
    let mut paths: Vec<String> = entries.into_iter().map(|e| e.path).collect();
    paths.sort();
    paths.dedup();
    let destination = Destination {
        to,
        from_folder: scope.folder(),
        flatten,
    };
    Ok(paths
        .into_iter()
        .enumerate()
        .map(|(n, from)| {
            let name = rule.apply(leaf(&from), n as u64);
            let to = destination.path_of(&from, &name);
            (from, to)
        })
        .collect())
}

/// A sheet's rows: `Path` and `New path` (their French headers too), each new path a full
/// path in the DAM. A row whose new path is relative, holds `..` or is outside the DAM refuses
/// the sheet, naming the row: nothing is read or stored.
async fn sheet_pairs(file: &std::path::Path) -> Result<Vec<(String, String)>> {
    let name = crate::app::sheet_files::file_name_of(file);
    let owned = file.to_owned();
    let bytes = blocking(move || crate::app::sheets::read_sheet_file(&owned)).await?;
    let rows = metadesk_sheets::workbook_rows(&name, &bytes)
        .map_err(|t| Error::worded(ErrorCode::InvalidInput, t))?;
    let bad = |code: &'static str, args: Vec<(&'static str, metadesk_base::i18n::Part)>| {
        Error::worded(ErrorCode::InvalidInput, Text::new(code, args))
    };
    let header = |cell: &str| cell.trim().to_lowercase();
    let Some((at, head)) = rows.iter().enumerate().find(|(_, r)| {
        r.iter()
            .any(|c| ["path", "chemin"].contains(&header(c).as_str()))
    }) else {
        return Err(bad(
            "error-move-sheet-columns",
            vec![("file", name.as_str().into())],
        ));
    };
    let column = |names: &[&str]| {
        head.iter()
            .position(|c| names.contains(&header(c).as_str()))
    };
    let (Some(from_at), Some(to_at)) = (
        column(&["path", "chemin"]),
        column(&["new path", "nouveau chemin"]),
    ) else {
        return Err(bad(
            "error-move-sheet-columns",
            vec![("file", name.as_str().into())],
        ));
    };
    let mut pairs = Vec::new();
    for (n, row) in rows.iter().enumerate().skip(at + 1) {
        let cell = |i: usize| row.get(i).map(|c| c.trim()).unwrap_or("");
        let (from, to) = (cell(from_at), cell(to_at));
        if from.is_empty() && to.is_empty() {
            continue;
        }
        let line = (n + 1) as f64;
        for path in [from, to] {
            if let Err(problem) = metadesk_assets::asset_path::check_canonical(path) {
                return Err(bad(
                    "error-move-sheet-path",
                    vec![
                        ("row", line.into()),
                        ("path", path.into()),
                        ("problem", Text::plain(problem.code()).into()),
                    ],
                ));
            }
        }
        pairs.push((from.to_owned(), to.to_owned()));
    }
    Ok(pairs)
}

/// The plan of `sources`: each one's row, refused where it cannot go, and the folders to
/// make first.
async fn plan_of(
    reads: &Reads,
    aem: &ClassicAssets,
    sources: Vec<Source>,
    listed: &mut Listed,
    ask: &MoveAsk,
) -> Result<MovePlan> {
    let targets: Vec<(usize, &str)> = sources
        .iter()
        .enumerate()
        .map(|(i, s)| (i, s.to.as_str()))
        .collect();
    let clashes: BTreeMap<usize, usize> = collisions(&targets).into_iter().collect();
    let moving: HashSet<&str> = sources.iter().map(|s| s.from.as_str()).collect();
    let taken = taken_all(
        reads,
        listed,
        sources.iter().map(|s| s.to.as_str()).collect(),
    )
    .await?;
    let writable = writable_all(
        reads,
        aem,
        sources
            .iter()
            .filter(|s| s.node.is_some())
            .map(|s| parent(&s.from))
            .collect(),
    )
    .await;
    let mut items = Vec::new();
    for (i, source) in sources.iter().enumerate() {
        let Some(node) = &source.node else {
            items.push(refused_item(
                source,
                said("move-refused-gone", &source.from),
            ));
            continue;
        };
        let why = refusal(&source.from, &source.to)
            .or_else(|| {
                clashes.get(&i).map(|other| {
                    SavedText::new(
                        "move-refused-same-target",
                        [
                            ("path", source.to.as_str().into()),
                            ("other", sources[*other].from.as_str().into()),
                        ],
                    )
                })
            })
            .or_else(|| taken[i].then(|| said("move-refused-taken", &source.to)))
            // Into a folder that moves too: the order of the two would decide.
            .or_else(|| {
                moving
                    .iter()
                    .any(|m| *m != source.from && source.to.starts_with(&format!("{m}/")))
                    .then(|| said("move-refused-into-moving", &source.to))
            });
        let parent_of_source = parent(&source.from);
        let why = why.or_else(|| {
            let may = writable.get(parent_of_source).copied().unwrap_or(true);
            (!may).then(|| said("move-refused-no-write", parent_of_source))
        });
        let item = MoveItem {
            from: source.from.clone(),
            to: source.to.clone(),
            uuid: node
                .get("jcr:uuid")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned(),
            folder: node
                .get("jcr:primaryType")
                .and_then(Value::as_str)
                .is_some_and(|t| t != "dam:Asset"),
            fingerprint: metadesk_bulk::engine::fingerprint(node),
            unchanged_since: false,
            published: published(node),
            pages: Vec::new(),
            refused: why.or_else(|| {
                // An asset AEM gives no uuid cannot be found again after a lost answer.
                node.get("jcr:uuid")
                    .is_none()
                    .then(|| said("move-refused-no-uuid", &source.from))
            }),
        };
        items.push(item);
    }
    let folders = folders_to_make(reads, listed, &items).await?;
    let mut rows: Vec<MoveRow> = folders
        .into_iter()
        .map(|path| MoveRow::Folder { path })
        .collect();
    rows.extend(items.into_iter().map(MoveRow::Move));
    Ok(MovePlan {
        rows,
        republish: ask.options.republish,
    })
}

/// Whether the account may write each of `folders` (AEM's permission check, asked once a
/// folder and side by side; a folder whose check does not answer counts as writable, the
/// move's own answer saying the rest).
async fn writable_all<'f>(
    reads: &Reads,
    aem: &ClassicAssets,
    folders: BTreeSet<&'f str>,
) -> BTreeMap<&'f str, bool> {
    let asks = folders
        .into_iter()
        .map(|folder| async move {
            let may = !matches!(may_modify(reads, aem, folder).await, Ok(Some(false)));
            (folder, may)
        })
        .collect();
    at_most(asks, READS_AT_ONCE).await.into_iter().collect()
}

fn refused_item(source: &Source, why: SavedText) -> MoveItem {
    MoveItem {
        from: source.from.clone(),
        to: source.to.clone(),
        uuid: String::new(),
        folder: false,
        fingerprint: None,
        unchanged_since: false,
        published: false,
        pages: Vec::new(),
        refused: Some(why),
    }
}

/// Whether the node's last replication put it on the website.
fn published(node: &Value) -> bool {
    node.pointer("/jcr:content/cq:lastReplicationAction")
        .and_then(Value::as_str)
        .is_some_and(|a| a == "Activate")
}
