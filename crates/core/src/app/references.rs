//! Where a preview's assets are used (issue 66, `adobe-wire-lifecycle.md` §3): for the preview
//! of an unpublish, of a tag deletion, of a tag merge or of an upload's replacements, the Sites pages that use each asset it
//! changes, asked of AEM's reference search [`PATHS_AT_ONCE`] paths a request, at most
//! [`ASKED_AT_MOST`] assets a preview (the rest are counted, not asked), each asset asked once,
//! and kept for the run (the last run asked), so that the faces' pages and a `--json` ask AEM
//! once. An unpublish warns of each asset a published page uses (a page whose state the answer
//! does not tell counts as published: the warning errs on the safe side). What AEM cannot tell
//! is said (`unknown`), never taken as "used nowhere". Nothing is written.
//!
//! Not here: the request and the lenient reading of its answer (`assets::references`), the
//! health report's counts (`health.rs`, which asks through [`pages_using`] too).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use futures_util::{StreamExt, stream};

use serde::Serialize;
use ts_rs::TS;

use super::{Opened, Workspace};
use metadesk_assets::CallError;
use metadesk_assets::references::{PATHS_AT_ONCE, PageUse};
use metadesk_base::i18n::{Localizer, Text};
use metadesk_bulk::engine::Reads;
use metadesk_bulk::tag_step::TagCommand;
use metadesk_bulk::{Action, Engine, Replication, RunControl, RunSummary};
use metadesk_clients::error::{Error, Result};

/// The most assets of one preview whose pages are asked: each request costs AEM a search of
/// its content, so a preview of 100,000 assets does not send 5,000 of them.
pub const ASKED_AT_MOST: u64 = 1_000;

/// One asset of a preview and the pages that use it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AssetUse {
    pub path: String,
    /// The pages, sorted by path.
    pub pages: Vec<PageUse>,
    /// How many of them are published, or may be (the answer did not say).
    #[ts(type = "number")]
    pub published_pages: u64,
}

/// Where a preview's assets are used.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PreviewReferences {
    pub run_id: String,
    /// The assets a page uses, by path; those no page uses are not listed.
    pub assets: Vec<AssetUse>,
    /// How many of the preview's assets were asked about.
    #[ts(type = "number")]
    pub asked: u64,
    /// How many were not (beyond [`ASKED_AT_MOST`]).
    #[ts(type = "number")]
    pub not_asked: u64,
    /// The run unpublishes: its assets on published pages are warned of.
    pub unpublishes: bool,
    /// Why AEM could not tell, in the reader's words once localized; null when it could.
    #[ts(type = "string | null")]
    pub unknown: Option<Text>,
    /// The assets asked whose pages AEM could not tell (issue 78): not known, never "used
    /// nowhere".
    pub unknown_assets: Vec<String>,
}

impl PreviewReferences {
    /// The assets a published page uses, when the run unpublishes them (a page that will show
    /// a broken image); empty for any other run.
    pub fn warned(&self) -> Vec<&AssetUse> {
        self.assets
            .iter()
            .filter(|a| self.unpublishes && a.published_pages > 0)
            .collect()
    }

    pub fn localize(&mut self, l: &Localizer) {
        if let Some(t) = self.unknown.as_mut() {
            t.localize(l);
        }
    }
}

/// The last run's references, kept while the faces show its preview.
#[derive(Default)]
pub struct ReferenceCache {
    last: tokio::sync::Mutex<Option<Arc<PreviewReferences>>>,
    /// How each connection's AEM answers a search of several paths, by connection label.
    shapes: std::sync::Mutex<HashMap<String, Arc<ReferenceShape>>>,
}

impl ReferenceCache {
    /// What is known of how `opened`'s AEM answers a reference search of several paths.
    pub(crate) fn shape(&self, opened: &Opened) -> Arc<ReferenceShape> {
        let key = opened
            .connection_id
            .clone()
            .unwrap_or_else(|| opened.label.clone());
        self.shape_of(&key)
    }

    /// What is known of how the AEM of connection `key` (its id, or a label for one not
    /// stored) answers a reference search of several paths.
    pub(crate) fn shape_of(&self, key: &str) -> Arc<ReferenceShape> {
        let mut shapes = self.shapes.lock().unwrap_or_else(|e| e.into_inner());
        Arc::clone(shapes.entry(key.to_owned()).or_default())
    }
}

/// Whether a run's preview shows references: an unpublish (AEM's pages lose the asset), a tag
/// deletion or merge (pages that list assets by tag change).
fn shows_references(summary: &RunSummary) -> bool {
    let unpublishes = matches!(
        summary.kind.publishing(),
        Some((Replication::Unpublish, _, _))
    );
    let retags = summary
        .tag_step
        .as_ref()
        .is_some_and(|s| matches!(s.step.command, TagCommand::Delete | TagCommand::Merge));
    unpublishes || retags
}

/// How this AEM answers a reference search of several paths, learnt as it answers (issue 78):
/// once one of its multi-path answers has an entry that does not name an asked asset (no
/// `srcPath`, or one matching no path asked), later searches ask one path at a time. Kept per
/// connection in the workspace ([`ReferenceCache`]), never in a global.
#[derive(Debug, Default)]
pub(crate) struct ReferenceShape {
    one_at_a_time: AtomicBool,
}

impl ReferenceShape {
    /// Whether this AEM's multi-path answers were seen not to name their assets.
    pub(crate) fn one_at_a_time(&self) -> bool {
        self.one_at_a_time.load(Ordering::Relaxed)
    }

    /// From now on, ask this AEM one path at a time (a field report saw its multi-path answer
    /// not name its assets).
    pub(crate) fn ask_one_at_a_time(&self) {
        self.one_at_a_time.store(true, Ordering::Relaxed);
    }
}

/// What the reference search told of some assets.
#[derive(Debug, Default)]
pub(crate) struct Uses {
    /// The pages that use the assets whose answer was read, sorted by asset then page.
    pub pages: Vec<PageUse>,
    /// The assets whose answer could not be read, with why, in the order asked: where they are
    /// used is not known (never "used nowhere").
    pub unknown: Vec<(String, CallError)>,
}

impl Uses {
    /// The paths of [`Uses::unknown`].
    pub(crate) fn unknown_paths(&self) -> Vec<String> {
        self.unknown.iter().map(|(p, _)| p.clone()).collect()
    }

    /// Why the first unknown asset is unknown, in the reader's words once localized.
    pub(crate) fn unknown_text(&self) -> Option<Text> {
        let (_, e) = self.unknown.first()?;
        Some(Text::new(
            "references-unknown-assets",
            vec![
                ("count", (self.unknown.len() as f64).into()),
                ("reason", e.text().into()),
            ],
        ))
    }
}

/// The error of an entry that names no asset asked, when one path was asked.
fn unnamed() -> CallError {
    CallError::Rejected {
        status: 200,
        detail: Text::plain("assets-references-unnamed"),
    }
}

/// Why a path was not asked: the work was cancelled first.
fn not_asked() -> CallError {
    CallError::Rejected {
        status: 0,
        detail: Text::plain("references-not-asked-cancelled"),
    }
}

/// How many reference searches are asked side by side. The engine's gate bounds what AEM is
/// sent (its adaptive limit); this bounds only what waits for it.
const SEARCHES_AT_ONCE: usize = 8;

/// The pages that use each of `paths`: [`PATHS_AT_ONCE`] paths a request while this AEM's
/// answers name the asset of each page (`shape`), one at a time once they do not (a chunk whose
/// answer does not is asked again path by path, and so is a chunk whose answer holds no list of
/// pages, for that chunk only); each path asked once, [`SEARCHES_AT_ONCE`] requests side by
/// side. Every request goes through `reads` (the engine's gate and retries, its
/// cancellation). A path whose own answer cannot be read, or names another asset, is
/// [`Uses::unknown`]; an [`Error`] when AEM is gone or the token refused. `progress` is told
/// how many paths were answered so far, in the order asked; once `reads` is cancelled nothing
/// more is sent (what was not asked is then unknown). The one function every reader of
/// references goes through: Health, the previews of an unpublish, a tag deletion or merge, an
/// upload's replacements, a move's.
pub(crate) async fn pages_using(
    reads: &Reads,
    paths: &[String],
    shape: &ReferenceShape,
    progress: &(dyn Fn(u64) + Sync),
) -> Result<Uses> {
    let mut seen: HashSet<&str> = HashSet::new();
    let unique: Vec<&str> = paths
        .iter()
        .map(String::as_str)
        .filter(|p| seen.insert(p))
        .collect();
    let at_once = if shape.one_at_a_time() {
        1
    } else {
        PATHS_AT_ONCE
    };
    let chunks: Vec<&[&str]> = unique.chunks(at_once).collect();
    // Built before any is polled: a closure that lived on in this future would make it not
    // `Send` for every lifetime, and the window could not spawn it. Answered in the order
    // asked, so that progress counts up and a cancellation cuts at one place.
    let asks: Vec<_> = chunks
        .iter()
        .map(|chunk| ask_chunk(reads, chunk, shape))
        .collect();
    let mut answers = stream::iter(asks).buffered(SEARCHES_AT_ONCE).enumerate();
    let mut found = Uses::default();
    let mut done = 0u64;
    while let Some((at, answer)) = answers.next().await {
        let (chunk, next) = (chunks[at], at + 1);
        let answer = answer?;
        found.pages.extend(answer.pages);
        found.unknown.extend(answer.unknown);
        if let Some(from) = answer.cancelled_from {
            let left = chunk[from..]
                .iter()
                .chain(chunks[next..].iter().copied().flatten());
            found
                .unknown
                .extend(left.map(|p| ((*p).to_owned(), not_asked())));
            break;
        }
        done += chunk.len() as u64;
        progress(done);
    }
    found
        .pages
        .sort_by(|a, b| (&a.asset, &a.page).cmp(&(&b.asset, &b.page)));
    found.pages.dedup();
    Ok(found)
}

/// What one chunk's searches found.
#[derive(Default)]
struct ChunkUses {
    pages: Vec<PageUse>,
    unknown: Vec<(String, CallError)>,
    /// Cancelled before the chunk's path at this index was answered: it and those after it
    /// were not asked.
    cancelled_from: Option<usize>,
}

/// The pages that use the paths of `chunk`: asked together when it holds several and this
/// AEM's answers name each page's asset, else (or when they turn out not to) one by one.
async fn ask_chunk(reads: &Reads, chunk: &[&str], shape: &ReferenceShape) -> Result<ChunkUses> {
    let aem = reads.aem();
    let mut found = ChunkUses::default();
    if chunk.len() > 1 && !shape.one_at_a_time() {
        match reads.call(|| aem.references(chunk)).await {
            Ok(None) => {
                found.cancelled_from = Some(0);
                return Ok(found);
            }
            Ok(Some(answer)) if answer.iter().all(|u| chunk.contains(&u.asset.as_str())) => {
                found.pages = answer;
                return Ok(found);
            }
            // Entries that do not say which asset they use: asked again one by one, and so
            // from now on for this AEM.
            Ok(Some(_)) => shape.one_at_a_time.store(true, Ordering::Relaxed),
            // An answer that holds no list of pages: this chunk's paths asked one by one, so
            // that only those whose own answer cannot be read are unknown.
            Err(CallError::Rejected { status: 200, .. }) => {}
            Err(CallError::Unreachable(e) | CallError::Auth(e)) => return Err(Error::Aem(e)),
            Err(e) => {
                found.unknown = chunk.iter().map(|p| ((*p).to_owned(), e.clone())).collect();
                return Ok(found);
            }
        }
    }
    for (n, path) in chunk.iter().enumerate() {
        match reads
            .call(|| aem.references(std::slice::from_ref(path)))
            .await
        {
            Ok(None) => {
                found.cancelled_from = Some(n);
                return Ok(found);
            }
            Ok(Some(answer)) if answer.iter().all(|u| u.asset == *path) => {
                found.pages.extend(answer);
            }
            Ok(Some(_)) => found.unknown.push(((*path).to_owned(), unnamed())),
            Err(CallError::Unreachable(e) | CallError::Auth(e)) => return Err(Error::Aem(e)),
            Err(e) => found.unknown.push(((*path).to_owned(), e)),
        }
    }
    Ok(found)
}

/// `uses` grouped by asset, in path order.
fn by_asset(uses: Vec<PageUse>) -> Vec<AssetUse> {
    let mut grouped: BTreeMap<String, Vec<PageUse>> = BTreeMap::new();
    for u in uses {
        grouped.entry(u.asset.clone()).or_default().push(u);
    }
    grouped
        .into_iter()
        .map(|(path, pages)| AssetUse {
            published_pages: pages.iter().filter(|p| p.published != Some(false)).count() as u64,
            path,
            pages,
        })
        .collect()
}

impl Workspace {
    /// Where the assets run `summary`'s preview changes are used, for an unpublish, a tag
    /// deletion or a tag merge; `None` for any other run. Asked once a run: asked again for the
    /// same run, the answer kept is given back.
    pub async fn preview_references(
        &self,
        opened: &Opened,
        summary: &RunSummary,
    ) -> Result<Option<Arc<PreviewReferences>>> {
        if !shows_references(summary) {
            return Ok(None);
        }
        let mut last = self.references.last.lock().await;
        if let Some(kept) = last.as_ref().filter(|r| r.run_id == summary.id) {
            return Ok(Some(Arc::clone(kept)));
        }
        let page = self
            .preview_rows(&summary.id, Some(Action::Change), 0, ASKED_AT_MOST)
            .await?;
        let paths: Vec<String> = page.rows.into_iter().map(|r| r.path).collect();
        let uses = self.uses_of(opened, &paths).await?;
        let found = Arc::new(PreviewReferences {
            run_id: summary.id.clone(),
            unknown: uses.unknown_text(),
            unknown_assets: uses.unknown_paths(),
            assets: by_asset(uses.pages),
            asked: paths.len() as u64,
            not_asked: page.total.saturating_sub(paths.len() as u64),
            unpublishes: summary.kind.publishes(),
        });
        *last = Some(Arc::clone(&found));
        Ok(Some(found))
    }

    /// Where the assets an upload would replace (`paths`: the files that differ from what AEM
    /// holds there) are used, for its preview: the first [`ASKED_AT_MOST`] asked, the rest
    /// counted. Nothing is written.
    pub async fn replaced_references(
        &self,
        opened: &Opened,
        paths: &[String],
    ) -> Result<PreviewReferences> {
        let asked = &paths[..paths.len().min(ASKED_AT_MOST as usize)];
        let uses = self.uses_of(opened, asked).await?;
        Ok(PreviewReferences {
            run_id: String::new(),
            unknown: uses.unknown_text(),
            unknown_assets: uses.unknown_paths(),
            assets: by_asset(uses.pages),
            asked: asked.len() as u64,
            not_asked: (paths.len() - asked.len()) as u64,
            unpublishes: false,
        })
    }

    /// The pages that use `paths`, through [`pages_using`] with this connection's known shape,
    /// sent as a run's reads are (the engine's gate and retries).
    async fn uses_of(&self, opened: &Opened, paths: &[String]) -> Result<Uses> {
        let shape = self.references.shape(opened);
        let engine = Engine::new(opened.connected.assets.clone(), self.runs_dir());
        let reads = engine.reads(&RunControl::new());
        pages_using(&reads, paths, &shape, &|_| {}).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(asset: &str, page: &str, published: Option<bool>) -> PageUse {
        PageUse {
            asset: asset.into(),
            page: page.into(),
            title: None,
            published,
        }
    }

    #[test]
    fn pages_are_grouped_by_asset_and_unknown_states_count_as_published() {
        let grouped = by_asset(vec![
            page("/b.jpg", "/p1", Some(false)),
            page("/a.jpg", "/p1", None),
            page("/a.jpg", "/p2", Some(true)),
            page("/b.jpg", "/p2", Some(false)),
        ]);
        assert_eq!(grouped.len(), 2);
        assert_eq!(grouped[0].path, "/a.jpg");
        assert_eq!(grouped[0].published_pages, 2);
        assert_eq!(grouped[1].pages.len(), 2);
        assert_eq!(grouped[1].published_pages, 0);
        let refs = PreviewReferences {
            run_id: "r".into(),
            assets: grouped,
            asked: 2,
            not_asked: 0,
            unpublishes: true,
            unknown: None,
            unknown_assets: Vec::new(),
        };
        let warned: Vec<&str> = refs.warned().iter().map(|a| a.path.as_str()).collect();
        assert_eq!(warned, ["/a.jpg"]);
        let retag = PreviewReferences {
            unpublishes: false,
            ..refs
        };
        assert!(retag.warned().is_empty());
    }
}
