//! What a preview found, in the terminal: the run's summary (with what AEM's search index did
//! not hold, and which search found the assets), the first few before → after, and every entry
//! it left out with why; as JSON with `--json`.
//!
//! Not here: asking and applying (`applying`).

use metadesk_core::app::{PreviewReferences, Workspace};
use std::collections::HashSet;

use metadesk_core::bulk::{Action, RunSummary};
use metadesk_core::i18n::{Localizer, arg, count};

use crate::output;

/// The undo of an edit that was republished republishes what it gives back on the website
/// (`plan_from_run`): says so under its summary, with how many; the assets it republishes.
async fn republished_by_undo(
    ws: &Workspace,
    summary: &RunSummary,
    l: &Localizer,
) -> HashSet<String> {
    let Ok(Some((republished, paths))) = ws.republished_after_undo(&summary.id).await else {
        return HashSet::new();
    };
    if !paths.is_empty() {
        let words = [
            ("count", count(paths.len() as f64)),
            ("run", arg(republished.edit.as_str())),
        ];
        println!("{}", l.msg("cli-undo-republishes", &words));
    }
    paths.into_iter().collect()
}

/// Shows what the preview found: counts and the first few before → after.
pub(super) async fn show_preview(ws: &Workspace, summary: &RunSummary, l: &Localizer) {
    output::print_summary(summary, l);
    let republishes = republished_by_undo(ws, summary, l).await;
    // The run's rows as the window reads them: through the Workspace.
    let changed = ws.preview_rows(&summary.id, Some(Action::Change), 0, 10);
    if let Ok(page) = changed.await {
        for row in &page.rows {
            // Where the asset stands on the website, in words: a publish row says only that.
            let website = row
                .publication
                .map(|state| metadesk_core::bulk::publish_words::state_words(state).localized(l));
            if summary.kind.publishes() {
                println!("  {}  {}", row.path, website.unwrap_or_default());
                continue;
            }
            let changes: Vec<String> = row
                .changes
                .iter()
                .filter(|c| c.before != c.after)
                .map(|c| {
                    format!(
                        "{}: {} → {}",
                        c.property,
                        metadesk_core::bulk::reasons::shown(c.before.as_ref(), l),
                        metadesk_core::bulk::reasons::shown(c.after.as_ref(), l)
                    )
                })
                .collect();
            // A fragment as `fragments list` shows it: its path, its title, its model.
            let named = match &row.fragment {
                Some(f) => format!("{}  {}  [{}]", row.path, f.title, f.model),
                None => row.path.clone(),
            };
            let then = if republishes.contains(&row.path) {
                format!(" · {}", l.text("cli-undo-row-republished"))
            } else {
                String::new()
            };
            match website {
                Some(website) => println!("  {named}  {}  ({website}{then})", changes.join("; ")),
                None => println!("  {named}  {}", changes.join("; ")),
            }
        }
        if summary.counts.pending > 10 {
            println!(
                "{}",
                l.msg(
                    "cli-bulk-more-changes",
                    &[
                        ("count", count(summary.counts.pending as f64 - 10.0)),
                        ("run", arg(summary.id.as_str())),
                    ],
                )
            );
        }
    }
    // Every entry left out is named with its reason (a typo in a list's path stays visible):
    // the first ones here, all of them in --json and in the run's report.
    let skipped = skipped_entries(ws, summary, SKIPPED_SHOWN, l).await;
    for entry in &skipped {
        println!(
            "{}",
            l.msg(
                "cli-bulk-skipped-entry",
                &[
                    ("path", arg(entry.path.as_str())),
                    ("reason", arg(entry.reason.as_str())),
                ],
            )
        );
    }
    let more = summary.counts.skipped.saturating_sub(skipped.len() as u64);
    if more > 0 {
        println!(
            "{}",
            l.msg(
                "cli-bulk-more-skipped",
                &[
                    ("count", count(more as f64)),
                    ("run", arg(summary.id.as_str())),
                ],
            )
        );
    }
}

/// How many skipped entries the terminal lists before saying how many more.
const SKIPPED_SHOWN: u64 = 20;

/// An entry a preview left out, with why, in the reader's language.
#[derive(serde::Serialize)]
struct SkippedEntry {
    path: String,
    reason: String,
}

/// The first `limit` entries `summary`'s preview left out.
async fn skipped_entries(
    ws: &Workspace,
    summary: &RunSummary,
    limit: u64,
    l: &Localizer,
) -> Vec<SkippedEntry> {
    let skipped = ws.preview_rows(&summary.id, Some(Action::Skip), 0, limit);
    let Ok(page) = skipped.await else {
        return Vec::new();
    };
    page.rows
        .into_iter()
        .map(|row| SkippedEntry {
            path: row.path,
            reason: row.reason.map(|r| r.localized(l)).unwrap_or_default(),
        })
        .collect()
}

/// A run's summary for --json, with every entry its preview left out and why.
pub(super) async fn print_summary_with_skipped(
    ws: &Workspace,
    preview: &RunSummary,
    references: Option<PreviewReferences>,
    l: &Localizer,
) {
    #[derive(serde::Serialize)]
    #[serde(rename_all = "camelCase")]
    struct WithSkipped {
        #[serde(flatten)]
        summary: RunSummary,
        skipped_entries: Vec<SkippedEntry>,
        /// Where an unpublish's or a tag deletion's or merge's assets are used.
        #[serde(skip_serializing_if = "Option::is_none")]
        references: Option<PreviewReferences>,
    }
    let mut summary = preview.clone();
    summary.localize(l);
    let answer = WithSkipped {
        skipped_entries: skipped_entries(ws, preview, preview.counts.skipped, l).await,
        summary,
        references,
    };
    if let Err(e) = output::print_json(&answer, &mut std::io::stdout().lock()) {
        output::fail(&e, l);
    }
}

/// A required field the run leaves empty, said on standard error (also with --json) before
/// the run is applied, with how to apply it anyway.
pub(super) fn warn_emptied_required(summary: &RunSummary, l: &Localizer) {
    for emptied in &summary.emptied_required {
        eprintln!(
            "{}",
            l.msg(
                "cli-bulk-emptied-required",
                &[
                    ("label", arg(emptied.label.as_str())),
                    ("property", arg(emptied.property.as_str())),
                    ("count", count(emptied.assets as f64)),
                ],
            )
        );
    }
}
