//! Why a run's assets failed, said once per reason: how many assets, in which folders (most
//! first), and what to do about it, for the report's summary in the window and the CLI, so a
//! refusal met on 40 assets of one folder is one sentence naming that folder, not 40.
//!
//! Not here: each row's reason (`reasons.rs`), the report itself (`runs.rs`).

use std::collections::HashMap;
use std::path::Path;

use serde::Serialize;
use ts_rs::TS;

use crate::runs::{ReportStatus, report};
use metadesk_base::i18n::{Localizer, SavedText};
use metadesk_clients::error::Result;

/// How many folders a group names; the rest are counted.
pub const FOLDERS_NAMED: usize = 5;

/// The failed assets that share one reason.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FailureGroup {
    /// Why, as each of its rows says it (in the reader's language once localized).
    #[ts(type = "string")]
    pub reason: SavedText,
    /// What to do about it, where there is something to say once for all of them.
    #[ts(type = "string | null")]
    pub advice: Option<SavedText>,
    #[ts(type = "number")]
    pub assets: u64,
    /// The folders of these assets, the one with most of them first (at most
    /// [`FOLDERS_NAMED`]).
    pub folders: Vec<String>,
    /// Folders not named.
    #[ts(type = "number")]
    pub more_folders: u64,
}

impl FailureGroup {
    /// Its words in `l`'s language.
    pub fn localize(&mut self, l: &Localizer) {
        self.reason.localize(l);
        if let Some(advice) = &mut self.advice {
            advice.localize(l);
        }
    }
}

/// The failures of run `run_id`, one group per reason, the largest first.
pub fn failures(runs_dir: &Path, run_id: &str) -> Result<Vec<FailureGroup>> {
    // By the reason as the journal keeps it: the same words with the same arguments.
    let mut groups: Vec<(SavedText, u64, HashMap<String, u64>)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    report(runs_dir, run_id, |row| {
        if row.status != ReportStatus::Failed {
            return Ok(());
        }
        let reason = row
            .reason
            .unwrap_or_else(|| SavedText::new("reason-unknown", []));
        let key = serde_json::to_string(&reason).unwrap_or_default();
        let at = *index.entry(key).or_insert_with(|| {
            groups.push((reason, 0, HashMap::new()));
            groups.len() - 1
        });
        let folder = row.path.rsplit_once('/').map_or("", |(f, _)| f).to_owned();
        let group = &mut groups[at];
        group.1 += 1;
        *group.2.entry(folder).or_default() += 1;
        Ok(())
    })?;
    let mut out: Vec<FailureGroup> = groups
        .into_iter()
        .map(|(reason, assets, folders)| {
            let mut folders: Vec<(String, u64)> = folders.into_iter().collect();
            folders.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            let more_folders = folders.len().saturating_sub(FOLDERS_NAMED) as u64;
            FailureGroup {
                advice: advice(&reason),
                reason,
                assets,
                folders: folders
                    .into_iter()
                    .take(FOLDERS_NAMED)
                    .map(|(f, _)| f)
                    .collect(),
                more_folders,
            }
        })
        .collect();
    out.sort_by_key(|g| std::cmp::Reverse(g.assets));
    Ok(out)
}

/// What to do about a reason, said once for its group: whom to ask for write access.
fn advice(reason: &SavedText) -> Option<SavedText> {
    let SavedText::Coded { code, args } = reason else {
        return None;
    };
    (code == "reason-forbidden-write").then(|| {
        let who = args.get("who").cloned().unwrap_or_default();
        SavedText::new("advice-write-access", [("who", who)])
    })
}
