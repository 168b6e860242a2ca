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

use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

use serde::Serialize;
use ts_rs::TS;

use super::{Opened, Workspace};
use metadesk_assets::references::{PATHS_AT_ONCE, PageUse};
use metadesk_assets::{AssetsApi, CallError};
use metadesk_base::i18n::{Localizer, Text};
use metadesk_bulk::tag_step::TagCommand;
use metadesk_bulk::{Action, Replication, RunSummary};
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

/// The pages that use each of `paths`, [`PATHS_AT_ONCE`] paths a request, each path asked
/// once, sorted by asset then page; `Err` with AEM's reason when it cannot tell, and an
/// [`Error`] when AEM is gone or the token refused.
pub(crate) async fn pages_using(
    aem: &dyn AssetsApi,
    paths: &[String],
) -> Result<std::result::Result<Vec<PageUse>, CallError>> {
    let mut uses = Vec::new();
    let mut asked: HashSet<&str> = HashSet::new();
    let unique: Vec<&str> = paths
        .iter()
        .map(String::as_str)
        .filter(|p| asked.insert(p))
        .collect();
    for chunk in unique.chunks(PATHS_AT_ONCE) {
        match aem.references(chunk).await {
            // An answer may name assets not asked (a lenient reading): only those asked count.
            Ok(found) => uses.extend(
                found
                    .into_iter()
                    .filter(|u| asked.contains(u.asset.as_str())),
            ),
            Err(CallError::Unreachable(e) | CallError::Auth(e)) => return Err(Error::Aem(e)),
            Err(e) => return Ok(Err(e)),
        }
    }
    uses.sort_by(|a, b| (&a.asset, &a.page).cmp(&(&b.asset, &b.page)));
    uses.dedup();
    Ok(Ok(uses))
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
        let (assets, unknown) = uses_of(opened, &paths).await?;
        let found = Arc::new(PreviewReferences {
            run_id: summary.id.clone(),
            assets,
            asked: paths.len() as u64,
            not_asked: page.total.saturating_sub(paths.len() as u64),
            unpublishes: summary.kind.publishes(),
            unknown,
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
        let (assets, unknown) = uses_of(opened, asked).await?;
        Ok(PreviewReferences {
            run_id: String::new(),
            assets,
            asked: asked.len() as u64,
            not_asked: (paths.len() - asked.len()) as u64,
            unpublishes: false,
            unknown,
        })
    }
}

/// The assets of `paths` pages use, or why AEM could not tell.
async fn uses_of(opened: &Opened, paths: &[String]) -> Result<(Vec<AssetUse>, Option<Text>)> {
    Ok(
        match pages_using(opened.connected.assets.as_ref(), paths).await? {
            Ok(uses) => (by_asset(uses), None),
            Err(e) => (
                Vec::new(),
                Some(Text::new(
                    "health-references-unknown",
                    vec![("reason", e.text().into())],
                )),
            ),
        },
    )
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
