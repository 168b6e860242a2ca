//! Why a run's assets failed, said once per reason: how many assets, in which folders (most
//! first), and what to do about it, for the report's summary in the window and the CLI, so a
//! refusal met on 40 assets of one folder is one sentence naming that folder, not 40.
//!
//! A leaf: reading the report is `runs::failures`; each row's reason is `reasons.rs`.

use std::collections::HashMap;

use serde::Serialize;
use ts_rs::TS;

use metadesk_base::i18n::{Localizer, SavedText};

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

/// Failed assets gathered into groups by their reason, as a report is read
/// (`runs::failures`): by the reason as the journal keeps it, the same words with the same
/// arguments.
#[derive(Default)]
pub struct Grouping {
    groups: Vec<(SavedText, u64, HashMap<String, u64>)>,
    index: HashMap<String, usize>,
}

impl Grouping {
    /// One failed asset at `path`, with its reason.
    pub fn add(&mut self, reason: Option<SavedText>, path: &str) {
        let reason = reason.unwrap_or_else(|| SavedText::new("reason-unknown", []));
        let key = serde_json::to_string(&reason).unwrap_or_default();
        let groups = &mut self.groups;
        let at = *self.index.entry(key).or_insert_with(|| {
            groups.push((reason, 0, HashMap::new()));
            groups.len() - 1
        });
        let folder = path.rsplit_once('/').map_or("", |(f, _)| f).to_owned();
        let group = &mut self.groups[at];
        group.1 += 1;
        *group.2.entry(folder).or_default() += 1;
    }

    /// The groups, the largest first, each with its folders (most assets first).
    pub fn finish(self) -> Vec<FailureGroup> {
        let mut out: Vec<FailureGroup> = self
            .groups
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
        out
    }
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
