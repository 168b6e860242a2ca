//! Terminal output shared by `bulk` and `runs`: the progress bar (stderr, terminals only),
//! plain-words summaries, JSON, and the exit code of an error (`exit_code`).
//!
//! Not here: where the app's files are (`home`).

use std::io::{IsTerminal, Write};

use metadesk_core::Error;
use metadesk_core::bulk::by_folder::FolderOutcomes;
use metadesk_core::bulk::failures::FailureGroup;
use metadesk_core::bulk::tag_step::{TagCommand, TagStepState, TagStepView};
use metadesk_core::bulk::{Phase, Progress, RunStatus, RunSummary};
use metadesk_core::i18n::{Localizer, arg, count};

use crate::exit_code::{FAILURE, SOME_FAILED, SUCCESS};

/// Prints an error in the terminal's language and returns the exit code for it.
pub fn fail(err: &Error, l: &Localizer) -> u8 {
    for line in failure_lines(err, l) {
        eprintln!("{line}");
    }
    FAILURE
}

/// The lines printed for `err`. The error itself, with any developer detail, goes to the log
/// (`METADESK_LOG`), never into the words printed.
fn failure_lines(err: &Error, l: &Localizer) -> Vec<String> {
    tracing::error!(error = ?err, "command failed");
    let mut lines = vec![l.msg("cli-error", &[("message", arg(err.localized(l)))])];
    if err.code() == metadesk_core::ErrorCode::Internal {
        lines.push(l.text("cli-internal-log"));
    }
    lines
}

/// A run's status in words.
pub fn status_words(status: RunStatus, l: &Localizer) -> String {
    let key = match status {
        RunStatus::PreviewIncomplete => "preview-incomplete",
        RunStatus::Previewed => "previewed",
        RunStatus::Interrupted => "interrupted",
        RunStatus::Cancelled => "cancelled",
        RunStatus::Stopped => "stopped",
        RunStatus::Completed => "completed",
    };
    l.msg("cli-run-status", &[("status", arg(key))])
}

/// A one-line progress bar redrawn in place, only on a terminal and not in JSON mode.
pub fn progress_printer(l: &Localizer, enabled: bool) -> impl Fn(Progress) + Send + Sync {
    let enabled = enabled && std::io::stderr().is_terminal();
    let preview = l.text("cli-progress-preview");
    let apply = l.text("cli-progress-apply");
    let phase_width = preview.chars().count().max(apply.chars().count());
    // The callback outlives this call and runs on the engine's tasks: its own localizer.
    let l = Localizer::new(l.lang());
    move |p: Progress| {
        if !enabled {
            return;
        }
        let phase = match p.phase {
            Phase::Preview => &preview,
            Phase::Apply => &apply,
        };
        let phase = format!("{phase:<phase_width$}");
        let width = 30usize;
        let frac = if p.total > 0 {
            p.done as f64 / p.total as f64
        } else {
            0.0
        };
        let filled = ((frac * width as f64) as usize).min(width);
        let total = if p.total_known {
            p.total.to_string()
        } else {
            format!("{}+", p.total)
        };
        let eta = p
            .eta_secs
            .map(|s| l.msg("cli-progress-eta", &[("seconds", count(s.round()))]))
            .unwrap_or_default();
        let paused = if p.paused {
            l.text("cli-progress-paused")
        } else {
            String::new()
        };
        let counts = l.msg(
            "cli-progress-counts",
            &[
                ("done", count(p.done as f64)),
                ("total", arg(total)),
                ("changed", count(p.changed as f64)),
                ("unchanged", count(p.unchanged as f64)),
                ("skipped", count(p.skipped as f64)),
                ("failed", count(p.failed as f64)),
                ("rate", count(p.rate.round())),
                ("concurrency", count(p.concurrency as f64)),
            ],
        );
        let mut err = std::io::stderr().lock();
        let _ = write!(
            err,
            "\r{phase} [{}{}] {counts}{eta}{paused}\x1b[K",
            "#".repeat(filled),
            "-".repeat(width - filled),
        );
        if p.finished {
            let _ = writeln!(err);
        }
        let _ = err.flush();
    }
}

/// A republish's outcome in the window's words: "published 6 · not on the website, left alone
/// 18" (those were never published, or taken down, before the edit). `None` for other runs and
/// before its apply.
fn republished_line(s: &RunSummary, l: &Localizer) -> Option<String> {
    if s.kind.republish_of().is_none() || s.applied_at.is_none() {
        return None;
    }
    let states = s.publication.unwrap_or_default();
    let left = states.never_published + states.unpublished;
    Some(l.msg(
        "cli-summary-republished",
        &[
            ("published", count(s.counts.changed as f64)),
            ("left", count(left as f64)),
        ],
    ))
}

/// What a run did per direct subfolder of its folder (the window's small bars, as lines); nothing
/// when all its assets are in the folder itself.
pub fn print_folders(folders: &FolderOutcomes, l: &Localizer) {
    if folders.folders.iter().all(|f| f.folder.is_empty()) {
        return;
    }
    println!("{}", l.msg("cli-summary-by-folder", &[]));
    for f in &folders.folders {
        let name = match f.folder.as_str() {
            "" => l.msg("cli-summary-folder-itself", &[]),
            folder => folder.to_owned(),
        };
        let c = &f.counts;
        println!(
            "{}",
            l.msg(
                "cli-summary-folder",
                &[
                    ("folder", arg(name)),
                    ("changed", count(c.changed as f64)),
                    ("unchanged", count(c.unchanged as f64)),
                    ("skipped", count(c.skipped as f64)),
                    ("failed", count(c.failed as f64)),
                    ("pending", count(c.pending as f64)),
                ],
            )
        );
    }
    if folders.more_folders > 0 {
        let more = count(folders.more_folders as f64);
        println!("{}", l.msg("cli-summary-more-folders", &[("count", more)]));
    }
}

/// A run in a few lines of the terminal's language.
pub fn print_summary(s: &RunSummary, l: &Localizer) {
    let c = &s.counts;
    println!(
        "{}",
        l.msg(
            "cli-summary-heading",
            &[
                ("run", arg(s.id.as_str())),
                ("status", arg(status_words(s.status, l))),
                ("connection", arg(s.connection.as_str())),
                ("folder", arg(s.place())),
            ],
        )
    );
    if !s.edits.is_empty() {
        println!(
            "{}",
            l.msg(
                "cli-summary-edits",
                &[("edits", arg(s.edit_lines(l).join("; ")))],
            )
        );
    }
    if let Some(states) = &s.publication {
        let lines: Vec<String> = states.lines().iter().map(|t| t.localized(l)).collect();
        // An edit's assets by where they stand on the website; a publish run's on its tier.
        let id = if s.kind.publishes() {
            "cli-summary-publication"
        } else {
            "cli-summary-on-website"
        };
        println!("{}", l.msg(id, &[("states", arg(lines.join(", ")))]));
    }
    if let Some(line) = republished_line(s, l) {
        println!("{line}");
    }
    // A tag import, an upload or an operation says its own counts (below).
    if s.counts_assets() {
        println!(
            "{}",
            l.msg(
                "cli-summary-counts",
                &[
                    ("assets", count(c.assets as f64)),
                    ("changed", count(c.changed as f64)),
                    ("unchanged", count(c.unchanged as f64)),
                    ("skipped", count(c.skipped as f64)),
                    ("failed", count(c.failed as f64)),
                    ("pending", count(c.pending as f64)),
                ],
            )
        );
    }
    if let Some(found_by) = &s.found_by {
        println!(
            "{}",
            l.msg("cli-summary-found", &[("how", arg(found_by.words(l)))])
        );
    }
    // What AEM's search index did not know: assets read one by one, or when a search's scope
    // was taken.
    if let Some(notice) = &s.index_notice {
        println!("{}", notice.localized(l));
    }
    // Said once: AEM refused batch writes, so the run wrote one asset per request.
    if let Some(notice) = &s.write_notice {
        println!("{}", notice.localized(l));
    }
    if let Some(secs) = s.duration_secs {
        println!(
            "{}",
            l.msg(
                "cli-summary-duration",
                &[("seconds", arg(l.number(secs, 1)))],
            )
        );
    }
    if let Some(reason) = &s.reason {
        println!(
            "{}",
            l.msg(
                "cli-summary-stopped",
                &[("reason", arg(reason.localized(l)))],
            )
        );
    }
    if let Some(line) = tag_step_line(s, l) {
        println!("{line}");
    }
    crate::upload_words::print_run(s, l);
    crate::move_words::print_op(s, l);
    if let Some(view) = s.op.as_ref().and_then(|op| op.as_tag_import()) {
        crate::tag_import_words::print_outcome(
            &s.id,
            view.created,
            view.changed,
            &view.changed_since,
            l,
        );
    }
}

/// What became of a tag run's tag itself, or what an undo of one did not take back; `None`
/// for any other run.
pub fn tag_step_line(s: &RunSummary, l: &Localizer) -> Option<String> {
    if let Some(undone) = &s.undoes_tag_step {
        return Some(undo_words(undone, l));
    }
    let view = s.tag_step.as_ref()?;
    let step = &view.step;
    let args = [
        ("id", arg(step.tag.as_str())),
        ("target", arg(step.target.as_deref().unwrap_or_default())),
        ("run", arg(s.id.as_str())),
        ("count", count(view.left_alone as f64)),
        (
            "reason",
            arg(view
                .reason
                .as_ref()
                .map(|r| r.localized(l))
                .unwrap_or_default()),
        ),
    ];
    let id = match view.state {
        TagStepState::Done => match step.command {
            TagCommand::Merge => "cli-tags-merged",
            TagCommand::Move => "cli-tags-moved",
            TagCommand::Delete => "cli-tags-deleted",
        },
        TagStepState::LeftAlone if s.status == RunStatus::Previewed => "cli-tags-step-will-keep",
        TagStepState::LeftAlone => "cli-tags-step-kept",
        TagStepState::Refused => "cli-tags-step-refused",
        TagStepState::InDoubt => "cli-tags-step-in-doubt",
        TagStepState::Waiting if s.status == RunStatus::Previewed => "cli-tags-then",
        TagStepState::Waiting => "cli-tags-step-waiting",
    };
    Some(l.msg(id, &args))
}

/// The undo of a tag run gives the assets their tags back; the tag itself stays as AEM left it.
fn undo_words(undone: &TagStepView, l: &Localizer) -> String {
    let step = &undone.step;
    let args = [
        ("id", arg(step.tag.as_str())),
        ("target", arg(step.target.as_deref().unwrap_or_default())),
    ];
    let id = match step.command {
        TagCommand::Merge => "cli-tags-undo-keeps-merge",
        TagCommand::Move => "cli-tags-undo-keeps-move",
        TagCommand::Delete => "cli-tags-undo-keeps-delete",
    };
    l.msg(id, &args)
}

/// The exit code a tag run's step asks for: the tag not changed (kept, refused, interrupted,
/// still waiting for its assets) is a run not done.
pub fn tag_step_code(s: &RunSummary) -> u8 {
    match s.tag_step.as_ref().map(|v| v.state) {
        None | Some(TagStepState::Done) => SUCCESS,
        // Not applied yet (a dry run, or the person said no): nothing is wrong.
        Some(TagStepState::Waiting) if s.status == RunStatus::Previewed => SUCCESS,
        Some(_) => SOME_FAILED,
    }
}

/// Why a run's assets failed, once per reason: how many, why, in which folders, then what to
/// do about it (after an apply, and in `runs show`).
pub fn print_failures(groups: &[FailureGroup], l: &Localizer) {
    for group in groups {
        println!("{}", failure_line(group, l));
        if let Some(advice) = &group.advice {
            println!("    {}", advice.localized(l));
        }
    }
}

/// A group of failed assets in one line: how many, why, and in which folders.
fn failure_line(group: &FailureGroup, l: &Localizer) -> String {
    let mut folders = group.folders.join(", ");
    if group.more_folders > 0 {
        let more = l.msg(
            "cli-bulk-more-folders",
            &[("count", count(group.more_folders as f64))],
        );
        folders = format!("{folders} {more}");
    }
    l.msg(
        "cli-bulk-failure-group",
        &[
            ("count", count(group.assets as f64)),
            ("reason", arg(group.reason.localized(l))),
            ("folders", arg(folders)),
        ],
    )
}

/// A run's summary as JSON, its stop reason in the terminal's language (a failure to print it
/// is told on stderr).
pub fn print_summary_json(s: &RunSummary, l: &Localizer) {
    let mut s = s.clone();
    s.localize(l);
    if let Err(e) = print_json(&s, &mut std::io::stdout().lock()) {
        fail(&e, l);
    }
}

/// `value` as indented JSON on `out`.
pub fn print_json(value: &impl serde::Serialize, out: &mut impl Write) -> Result<(), Error> {
    // Our own types always encode: a failure here is a bug, told as one.
    let text = serde_json::to_string_pretty(value).map_err(|e| Error::Internal(e.to_string()))?;
    writeln!(out, "{text}").map_err(|e| Error::io_doing("io-print-json", Vec::new(), e))
}

/// What a report could not tell (`warnings`, localized), the folders it could not list and
/// the assets it could not read, one line each on stderr (the schema check's and the health
/// report's words).
pub fn print_report_gaps(
    warnings: &[metadesk_core::i18n::Text],
    folders: &[String],
    unread: &[metadesk_core::i18n::SavedText],
    l: &Localizer,
) {
    for why in warnings {
        let words = l.msg("cli-schema-warning", &[("message", arg(why.to_string()))]);
        eprintln!("{words}");
    }
    for folder in folders {
        let words = l.msg(
            "cli-schema-folder-unlisted",
            &[("folder", arg(folder.as_str()))],
        );
        eprintln!("{words}");
    }
    for why in unread {
        eprintln!(
            "{}",
            l.msg("cli-schema-unread", &[("reason", arg(why.localized(l)))])
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use metadesk_core::i18n::Lang;
    use metadesk_core::testing::logged;

    #[test]
    fn an_internal_error_prints_no_detail_and_logs_it() {
        let detail = "a report row could not be written: broken pipe";
        let err = Error::Internal(detail.to_owned());
        let mut lines = Vec::new();
        let log = logged(|| lines = failure_lines(&err, &Localizer::new(Lang::Fr)));
        assert_eq!(
            lines,
            [
                "erreur\u{a0}: Une erreur interne s’est produite dans Metadesk. Elle ne vient pas \
                 de ce que vous avez fait\u{202f}; les détails figurent dans le journal des \
                 événements de Metadesk.",
                "Pour voir les détails, relancez la commande avec METADESK_LOG=error.",
            ]
        );
        assert!(log.contains(detail), "the log has the detail: {log}");
    }

    /// Standard output closed early (`metadesk-cli runs list --json | head -c1`).
    struct Closed;

    impl Write for Closed {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::Error::from(std::io::ErrorKind::BrokenPipe))
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn json_that_cannot_be_printed_is_told_in_french() {
        let fr = Localizer::new(Lang::Fr);
        let said = print_json(&["a"], &mut Closed).unwrap_err().localized(&fr);
        assert_eq!(
            said,
            "impossible d’afficher le JSON\u{a0}: le programme qui lisait la sortie s’est arrêté"
        );
        let mut out = Vec::new();
        print_json(&["a"], &mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "[\n  \"a\"\n]\n");
    }
}
