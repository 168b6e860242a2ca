//! What an upload's run did, in words: shared by `upload` (after sending) and the run summaries
//! (`bulk resume`, `runs show`).
//!
//! Not here: the plan's lines (`upload.rs`).

use metadesk_core::bulk::runs::RunSummary;
use metadesk_core::i18n::{Localizer, arg, count};

/// What the run did: its id (to resume or undo it), the files uploaded, failed and left alone.
pub fn print_run(summary: &RunSummary, l: &Localizer) {
    let Some(view) = summary.op.as_ref().and_then(|op| op.as_upload()) else {
        return;
    };
    println!(
        "{}",
        l.msg(
            "cli-upload-run",
            &[
                ("run", arg(summary.id.as_str())),
                ("uploaded", count(view.uploaded as f64)),
                ("failed", count(view.failed as f64)),
                ("left", count(view.changed_since.len() as f64)),
                ("pending", count(summary.counts.pending as f64)),
            ]
        )
    );
    for path in &view.changed_since {
        println!(
            "{}",
            l.msg("cli-upload-changed-since", &[("path", arg(path.as_str()))])
        );
    }
    for path in &view.metadata_left_alone {
        println!(
            "{}",
            l.msg(
                "cli-upload-metadata-left-alone",
                &[("path", arg(path.as_str()))]
            )
        );
    }
    if let Some(why) = &view.reason {
        println!(
            "{}",
            l.msg(
                "cli-upload-last-refusal",
                &[("detail", arg(why.localized(l)))]
            )
        );
    }
}

/// Why an upload stopped, where no file's refusal said it (AEM refused the token), and how to
/// finish one that left files failed or not sent: a resume checks each, then sends what is
/// not there (`bulk resume` says both itself with its summary).
pub fn print_finish(summary: &RunSummary, l: &Localizer) {
    let view = summary.op.as_ref().and_then(|op| op.as_upload());
    if let Some(reason) = &summary.reason
        && view.is_some_and(|view| view.reason.is_none())
    {
        println!(
            "{}",
            l.msg(
                "cli-summary-stopped",
                &[("reason", arg(reason.localized(l)))]
            )
        );
    }
    if summary.resumable {
        println!(
            "{}",
            l.msg("cli-bulk-finish-hint", &[("run", arg(summary.id.as_str()))])
        );
    }
}
