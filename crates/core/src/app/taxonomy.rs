//! The tag taxonomy's use cases beyond reading it (`Workspace::tags`, in `scopes.rs`): how many
//! assets under a folder hold each tag, and the taxonomy saved as a sheet people keep in Excel.
//!
//! Not here: the sheet's layout (`metadesk_sheets::taxonomy`), the requests
//! (`metadesk_assets::tags`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

use metadesk_assets::tags::TAGS_ROOT;
use metadesk_base::i18n::{Localizer, SavedText};
use metadesk_bulk::Scope;
use metadesk_clients::error::Result;
use metadesk_sheets::taxonomy::{CountColumn, taxonomy_csv, taxonomy_xlsx};

use crate::app::jobs::job_on;
use crate::app::sheet_files::file_name_of;
use crate::app::sheets::{SheetExport, Taken, save_whole, values_in_scope, with_extension_of};
use crate::app::{JobKind, Opened, SheetFormat, Workspace};

/// How many assets under a folder hold each tag, taken the way folder runs take their assets:
/// the folder and its subfolders listed (exact while AEM's index lags), then their `cq:tags`
/// looked up in batches, an asset the index does not hold yet read on its own.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TagCounts {
    /// The folder counted (with its subfolders).
    pub folder: String,
    /// The assets read.
    #[ts(type = "number")]
    pub assets: u64,
    /// By tag id: the assets that hold the tag or a tag below it (what a merge of it changes).
    #[ts(type = "Record<string, number>")]
    pub counts: BTreeMap<String, u64>,
    /// Folders that could not be listed: their assets are not counted.
    pub unlisted_folders: Vec<String>,
    /// Assets that could not be read (not counted), with the reason (words in the reader's
    /// language once a face has it: [`TagCounts::localize`]).
    #[ts(type = "Array<string>")]
    pub unread: Vec<SavedText>,
}

impl TagCounts {
    /// Whether every asset under the folder was counted.
    pub fn is_whole(&self) -> bool {
        self.unlisted_folders.is_empty() && self.unread.is_empty()
    }

    /// The assets that hold `id` or a tag below it.
    pub fn of(&self, id: &str) -> u64 {
        self.counts.get(id).copied().unwrap_or(0)
    }

    /// Words the unread assets' reasons in `l`'s language, as a face shows them.
    pub fn localize(&mut self, l: &Localizer) {
        self.unread.iter_mut().for_each(|r| r.localize(l));
    }
}

/// The tag ids one asset's `cq:tags` counts for: each tag it holds and every tag above it
/// (`ns:a/b` counts for `ns:a/b`, `ns:a` and `ns:`). AEM stores ids; a path under
/// `/content/cq:tags` is taken as the id it names.
fn counted_ids(held: Option<&Value>) -> BTreeSet<String> {
    let items: Vec<&str> = match held {
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
        Some(Value::String(one)) => vec![one.as_str()],
        _ => Vec::new(),
    };
    let mut ids = BTreeSet::new();
    for item in items {
        let id = match item
            .strip_prefix(TAGS_ROOT)
            .and_then(|p| p.strip_prefix('/'))
        {
            Some(path) => match path.split_once('/') {
                Some((ns, rest)) => format!("{ns}:{rest}"),
                None => format!("{path}:"),
            },
            None => item.trim().to_owned(),
        };
        let Some((ns, local)) = id.split_once(':') else {
            continue;
        };
        ids.insert(format!("{ns}:"));
        let mut above = String::new();
        for part in local.split('/').filter(|p| !p.is_empty()) {
            if !above.is_empty() {
                above.push('/');
            }
            above.push_str(part);
            ids.insert(format!("{ns}:{above}"));
        }
    }
    ids
}

/// A taxonomy saved as a sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SavedTaxonomy {
    /// The file's name, without its folder.
    pub file_name: String,
    /// How many tags it holds (namespaces included).
    #[ts(type = "number")]
    pub tags: usize,
    /// The counts of its last column, when a folder was counted.
    pub counts: Option<TagCounts>,
}

/// [`Workspace::tag_counts`] under `control` (a job's or a run's).
pub(crate) async fn count_tags(
    aem: &dyn metadesk_assets::AssetsApi,
    folder: &str,
    control: &metadesk_bulk::RunControl,
) -> Result<TagCounts> {
    let scope = Scope::Folder {
        folder: folder.to_owned(),
        recursive: true,
    }
    .into_run_scope()?;
    let mut report = SheetExport::default();
    let found = values_in_scope(
        aem,
        &scope,
        (&["cq:tags".to_owned()], Taken::AssetsAndFragments),
        control,
        &mut report,
    )
    .await?;
    let mut counts = BTreeMap::new();
    for asset in &found {
        for id in counted_ids(asset.values.get("cq:tags")) {
            *counts.entry(id).or_insert(0) += 1;
        }
    }
    Ok(TagCounts {
        folder: scope.folder().to_string(),
        assets: found.len() as u64,
        counts,
        unlisted_folders: report.unlisted_folders,
        unread: report.unread,
    })
}

impl Workspace {
    /// How many assets under `folder` (and its subfolders; content fragments included, as a tag
    /// change rewrites theirs) hold each tag. A folder that cannot be listed or an asset that
    /// cannot be read is said in the answer, never counted as holding nothing silently.
    pub async fn tag_counts(&self, opened: &Opened, folder: &str) -> Result<TagCounts> {
        let job = self
            .jobs
            .start(JobKind::Count, job_on("job-count-tags", folder))?;
        count_tags(opened.connected.assets.as_ref(), folder, job.control()).await
    }

    /// The whole taxonomy saved to `target` as one row a tag, its headers in `words`' language
    /// (written whole, then renamed into place; a name without the format's ending gets it),
    /// with how many assets under `under` hold each tag when a folder is given.
    /// Nothing is written when the taxonomy cannot be read whole.
    pub async fn save_taxonomy(
        &self,
        opened: &Opened,
        format: SheetFormat,
        words: &Localizer,
        under: Option<&str>,
        target: PathBuf,
    ) -> Result<SavedTaxonomy> {
        let tags = self.tags(opened).await?;
        let counts = match under {
            Some(folder) => Some(self.tag_counts(opened, folder).await?),
            None => None,
        };
        let counted = counts.as_ref().map(|c| CountColumn {
            folder: &c.folder,
            counts: &c.counts,
        });
        let bytes = match format {
            SheetFormat::Xlsx => taxonomy_xlsx(words, &tags, counted)?,
            SheetFormat::Csv => taxonomy_csv(words, &tags, counted)?,
        };
        let target = with_extension_of(target, format);
        let file_name = file_name_of(&target);
        save_whole(target, bytes).await?;
        Ok(SavedTaxonomy {
            file_name,
            tags: tags.len(),
            counts,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn an_asset_counts_for_each_tag_it_holds_and_every_tag_above_it_once() {
        let held = json!(["wknd:activity/surfing", "wknd:activity/hiking", "other:x"]);
        let ids: Vec<String> = counted_ids(Some(&held)).into_iter().collect();
        assert_eq!(
            ids,
            [
                "other:",
                "other:x",
                "wknd:",
                "wknd:activity",
                "wknd:activity/hiking",
                "wknd:activity/surfing"
            ]
        );
    }

    #[test]
    fn a_tag_held_as_a_path_or_alone_counts_as_its_id() {
        let ids = counted_ids(Some(&json!("/content/cq:tags/wknd/activity")));
        assert!(ids.contains("wknd:activity") && ids.contains("wknd:"));
        assert!(counted_ids(None).is_empty());
        assert!(counted_ids(Some(&json!(42))).is_empty());
    }
}
