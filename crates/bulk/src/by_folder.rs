//! Tallies per direct subfolder of a scope's folder, for the small bars beside a count ("how many
//! in each subfolder") and in a report ("changed and failed in each subfolder"): an asset in a
//! deeper folder counts towards the direct subfolder it is under, one in the folder itself
//! towards `""`. The biggest are kept, the rest counted, so a folder of 5,000 subfolders sends
//! a few lines.
//!
//! A leaf: the count's walk is `scope_count.rs`; reading a run's rows is the core's
//! (`core/app/runs.rs`, over `runs::report`).

use std::collections::HashMap;

use serde::Serialize;
use ts_rs::TS;

use crate::replay::Counts;
use crate::runs::ReportStatus;

/// How many folders a count or a report shows a bar for; the rest are counted.
pub const FOLDERS_SHOWN: usize = 8;

/// The folder an asset at `path` counts towards within `root`: the name of the direct subfolder
/// it is under, `""` for the folder itself, or, for an asset outside `root` (a list's or a
/// search's), its own folder's whole path.
pub fn folder_within(root: &str, path: &str) -> String {
    let root = root.trim_end_matches('/');
    let parent = path.rsplit_once('/').map_or("", |(f, _)| f);
    let Some(rest) = path.strip_prefix(root).and_then(|r| r.strip_prefix('/')) else {
        return parent.to_owned();
    };
    match rest.split_once('/') {
        Some((first, _)) => first.to_owned(),
        None => String::new(),
    }
}

/// The assets a count found in one folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FolderCount {
    /// The direct subfolder's name; `""` for the folder itself.
    pub folder: String,
    #[ts(type = "number")]
    pub assets: u64,
}

/// What a run did to the assets of one folder: a run's counts, for that folder alone.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FolderOutcome {
    /// The direct subfolder's name; `""` for the folder itself; a whole path for assets outside
    /// the run's folder.
    pub folder: String,
    #[serde(flatten)]
    #[ts(flatten)]
    pub counts: Counts,
}

/// A run's outcomes per direct subfolder of its folder, the folders with most assets first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FolderOutcomes {
    /// At most [`FOLDERS_SHOWN`].
    pub folders: Vec<FolderOutcome>,
    /// Folders with assets in the run that are not in `folders`.
    #[ts(type = "number")]
    pub more_folders: u64,
}

/// Assets counted per folder as a walk meets them.
#[derive(Debug, Default)]
pub struct CountTally {
    assets: HashMap<String, u64>,
}

impl CountTally {
    /// A direct subfolder met at `path`, counted even if nothing in it passes the filters.
    pub fn folder(&mut self, root: &str, path: &str) {
        let key = folder_within(root, &format!("{path}/_"));
        self.assets.entry(key).or_default();
    }

    /// An asset at `path` that the count selects.
    pub fn asset(&mut self, root: &str, path: &str) {
        *self.assets.entry(folder_within(root, path)).or_default() += 1;
    }

    /// The folders with most assets first (by name among equals), at most [`FOLDERS_SHOWN`],
    /// and how many folders are left out. The folder itself is left out when it holds none.
    pub fn biggest(&self) -> (Vec<FolderCount>, u64) {
        let all = self
            .assets
            .iter()
            .filter(|(folder, assets)| !folder.is_empty() || **assets > 0)
            .map(|(folder, assets)| FolderCount {
                folder: folder.clone(),
                assets: *assets,
            })
            .collect();
        biggest_first(all, |f| f.assets, |f| &f.folder)
    }
}

/// A run's report rows gathered per folder.
#[derive(Debug, Default)]
pub struct OutcomeTally {
    folders: HashMap<String, FolderOutcome>,
}

impl OutcomeTally {
    /// One report row, of an asset at `path` within the run's folder `root`.
    pub fn add(&mut self, root: &str, path: &str, status: ReportStatus) {
        let folder = folder_within(root, path);
        let tally = self
            .folders
            .entry(folder.clone())
            .or_insert_with(|| FolderOutcome {
                folder,
                ..FolderOutcome::default()
            });
        let counts = &mut tally.counts;
        counts.assets += 1;
        let n = match status {
            ReportStatus::Changed => &mut counts.changed,
            ReportStatus::Unchanged => &mut counts.unchanged,
            ReportStatus::Skipped => &mut counts.skipped,
            ReportStatus::Failed => &mut counts.failed,
            ReportStatus::Pending => &mut counts.pending,
        };
        *n += 1;
    }

    /// The folders with most assets first (by name among equals), at most [`FOLDERS_SHOWN`].
    pub fn finish(self) -> FolderOutcomes {
        let all = self.folders.into_values().collect();
        let (folders, more_folders) = biggest_first(all, |f| f.counts.assets, |f| &f.folder);
        FolderOutcomes {
            folders,
            more_folders,
        }
    }
}

/// `all` with the most assets first (by name among equals), cut to [`FOLDERS_SHOWN`], and how
/// many were cut.
fn biggest_first<T>(mut all: Vec<T>, assets: fn(&T) -> u64, name: fn(&T) -> &str) -> (Vec<T>, u64) {
    all.sort_by(|a, b| assets(b).cmp(&assets(a)).then_with(|| name(a).cmp(name(b))));
    let more = all.len().saturating_sub(FOLDERS_SHOWN) as u64;
    all.truncate(FOLDERS_SHOWN);
    (all, more)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_asset_counts_towards_the_direct_subfolder_it_is_under() {
        let root = "/content/dam/wknd/";
        assert_eq!(folder_within(root, "/content/dam/wknd/a.jpg"), "");
        assert_eq!(folder_within(root, "/content/dam/wknd/city/a.jpg"), "city");
        assert_eq!(
            folder_within(root, "/content/dam/wknd/city/x/y/a.jpg"),
            "city"
        );
        // A sibling whose name starts like the folder's is not inside it.
        assert_eq!(
            folder_within(root, "/content/dam/wknd-old/b.jpg"),
            "/content/dam/wknd-old"
        );
    }

    #[test]
    fn a_count_keeps_the_biggest_folders_and_counts_the_rest() {
        let root = "/content/dam/r";
        let mut tally = CountTally::default();
        tally.folder(root, "/content/dam/r/empty");
        for i in 0..10u64 {
            for n in 0..=i {
                tally.asset(root, &format!("/content/dam/r/f{i}/deep/a{n}.jpg"));
            }
        }
        let (shown, more) = tally.biggest();
        assert_eq!(shown.len(), FOLDERS_SHOWN);
        assert_eq!(
            shown[0],
            FolderCount {
                folder: "f9".into(),
                assets: 10
            }
        );
        assert_eq!(shown[7].folder, "f2");
        // f1, f0 and the empty folder; the folder itself holds nothing, so it is not one.
        assert_eq!(more, 3);
    }

    #[test]
    fn the_folder_itself_is_shown_when_it_holds_assets() {
        let root = "/content/dam/r";
        let mut tally = CountTally::default();
        tally.asset(root, "/content/dam/r/a.jpg");
        tally.asset(root, "/content/dam/r/s/b.jpg");
        tally.asset(root, "/content/dam/r/s/c.jpg");
        let (shown, more) = tally.biggest();
        let names: Vec<(&str, u64)> = shown
            .iter()
            .map(|f| (f.folder.as_str(), f.assets))
            .collect();
        assert_eq!(names, [("s", 2), ("", 1)]);
        assert_eq!(more, 0);
    }

    #[test]
    fn a_report_tallies_each_status_per_folder() {
        let root = "/content/dam/r";
        let mut tally = OutcomeTally::default();
        for n in 0..11 {
            tally.add(
                root,
                &format!("/content/dam/r/crimson/a{n}.jpg"),
                ReportStatus::Failed,
            );
        }
        tally.add(root, "/content/dam/r/crimson/b.jpg", ReportStatus::Changed);
        tally.add(root, "/content/dam/r/azure/x/a.jpg", ReportStatus::Changed);
        tally.add(root, "/content/dam/r/azure/b.jpg", ReportStatus::Unchanged);
        tally.add(root, "/content/dam/r/azure/c.jpg", ReportStatus::Skipped);
        tally.add(root, "/content/dam/r/azure/d.jpg", ReportStatus::Pending);
        let out = tally.finish();
        assert_eq!(out.more_folders, 0);
        assert_eq!(
            out.folders,
            [
                FolderOutcome {
                    folder: "crimson".into(),
                    counts: Counts {
                        assets: 12,
                        changed: 1,
                        failed: 11,
                        ..Counts::default()
                    },
                },
                FolderOutcome {
                    folder: "azure".into(),
                    counts: Counts {
                        assets: 4,
                        changed: 1,
                        unchanged: 1,
                        skipped: 1,
                        pending: 1,
                        ..Counts::default()
                    },
                },
            ]
        );
    }

    #[test]
    fn a_report_keeps_the_biggest_folders() {
        let mut tally = OutcomeTally::default();
        for i in 0..12 {
            tally.add("/r", &format!("/r/f{i:02}/a.jpg"), ReportStatus::Changed);
        }
        let out = tally.finish();
        assert_eq!(out.folders.len(), FOLDERS_SHOWN);
        assert_eq!(out.folders[0].folder, "f00");
        assert_eq!(out.more_folders, 4);
    }
}
