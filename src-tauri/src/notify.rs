//! A desktop notification when a long bulk job ends, so a user who switched to another window
//! learns it is done. The decision and the words are a pure function ([`message`]); sending it
//! goes through tauri-plugin-notification from Rust. What "long" means is read once at start-up
//! ([`long_job_from_env`]) into the app state.
//!
//! What we can and cannot know: on Linux the plugin sends the notification to the desktop's
//! notification service (D-Bus) in the background and reports no failure, so the log says the
//! notification was *sent*, never that it was shown. The E2E suite proves the sending with a
//! fake notification service (`tests/e2e/lib/notification-server.py`).

use std::time::Duration;

use metadesk_core::app::{SheetImport, UploadIntent, UploadPreview};
use metadesk_core::bulk::{RunStatus, RunSummary};
use metadesk_core::i18n::{Localizer, arg, count};
use metadesk_core::{Error, ErrorCode};
use tauri::{AppHandle, Runtime};
use tauri_plugin_notification::NotificationExt;

/// Jobs shorter than this end while the user is still looking: no notification.
pub const LONG_JOB: Duration = Duration::from_secs(30);

/// Lowers (or raises) [`LONG_JOB`] for this process, in seconds ("2", "0.5"). Read once at
/// start-up into `AppState::long_job`; the E2E suite sets it so a test run need not last 30 s.
pub const LONG_JOB_ENV: &str = "METADESK_LONG_JOB_SECS";

/// The long-job threshold from [`LONG_JOB_ENV`]'s value (`None`: not set): [`LONG_JOB`] unless
/// it is a number of seconds, zero or more. A bad value is logged and ignored.
pub fn long_job_from_env(value: Option<&str>) -> Duration {
    let Some(raw) = value else {
        return LONG_JOB;
    };
    match raw.trim().parse::<f64>().map(Duration::try_from_secs_f64) {
        Ok(Ok(threshold)) => threshold,
        _ => {
            tracing::warn!(
                value = raw,
                "{LONG_JOB_ENV} is not a number of seconds; long jobs stay those over {} s",
                LONG_JOB.as_secs()
            );
            LONG_JOB
        }
    }
}

/// Which phase ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    Preview,
    Apply,
}

/// Whether the job ended because the user cancelled it. In the app only the user cancels a
/// preview or an apply (the Cancel button, or "Cancel run and close" when closing the window),
/// so a cancelled status says the user already knows: no notification.
fn cancelled_by_user(ended: Ended, summary: &RunSummary) -> bool {
    match ended {
        Ended::Preview => summary.status == RunStatus::PreviewIncomplete,
        Ended::Apply => summary.status == RunStatus::Cancelled,
    }
}

/// The notification's title and body for a job that took `took`, in `l`'s language, or `None`
/// when it was shorter than `long_job` or the user cancelled it. `result` is the run's summary,
/// or the error the job failed with, said in `l`'s language as the window says it.
pub fn message(
    ended: Ended,
    took: Duration,
    long_job: Duration,
    result: Result<&RunSummary, &Error>,
    l: &Localizer,
) -> Option<(String, String)> {
    if took < long_job {
        return None;
    }
    if let Ok(summary) = result
        && cancelled_by_user(ended, summary)
    {
        return None;
    }
    let what = |s: &RunSummary| arg(s.kind.name());
    let n = |v: u64| count(v as f64);
    Some(match (ended, result) {
        (Ended::Preview, Ok(s)) => (
            l.msg("notify-preview-title", &[("what", what(s))]),
            l.msg(
                "notify-preview-body",
                &[
                    ("pending", n(s.counts.pending)),
                    ("unchanged", n(s.counts.unchanged)),
                    ("skipped", n(s.counts.skipped)),
                    ("folder", arg(s.place())),
                ],
            ),
        ),
        (Ended::Apply, Ok(s)) => {
            let c = &s.counts;
            let state = arg(match s.status {
                RunStatus::Completed => "finished",
                RunStatus::Stopped => "stopped",
                _ => "interrupted",
            });
            // In the run's own words: "3 moved", "12 put back".
            let done = l.msg(
                "notify-done",
                &[
                    ("words", arg(s.done_words.as_str())),
                    ("count", n(c.changed)),
                ],
            );
            let reason = match (&s.status, &s.reason) {
                (RunStatus::Stopped, Some(r)) => r.localized(l),
                _ => String::new(),
            };
            (
                l.msg(
                    "notify-apply-title",
                    &[("what", what(s)), ("state", state.clone())],
                ),
                l.msg(
                    if reason.is_empty() {
                        "notify-apply-body"
                    } else {
                        "notify-apply-body-with-reason"
                    },
                    &[
                        ("what", what(s)),
                        ("state", state),
                        ("done", arg(done)),
                        ("failed", n(c.failed)),
                        ("pending", n(c.pending)),
                        ("reason", arg(reason)),
                        ("folder", arg(s.place())),
                    ],
                ),
            )
        }
        (Ended::Preview, Err(e)) => preview_failed(e, l),
        (Ended::Apply, Err(e)) => (
            l.text("notify-apply-failed-title"),
            l.msg(
                "notify-apply-failed-body",
                &[("reason", arg(e.localized(l)))],
            ),
        ),
    })
}

/// A preview that failed with `e`, in `l`'s language.
fn preview_failed(e: &Error, l: &Localizer) -> (String, String) {
    (
        l.text("notify-preview-failed-title"),
        l.msg(
            "notify-preview-failed-body",
            &[("reason", arg(e.localized(l)))],
        ),
    )
}

/// What a sheet's check and preview ended with, as a notification says it: the run it planned,
/// or (errors stopped the sheet, nothing planned) why, naming the file.
pub fn sheet_checked(import: &SheetImport) -> Result<&RunSummary, Error> {
    import.run.as_ref().ok_or_else(|| {
        Error::message(
            ErrorCode::InvalidInput,
            "notify-sheet-has-errors",
            vec![
                ("file", import.file_name.as_str().into()),
                ("count", (import.issue_counts.errors as f64).into()),
            ],
        )
    })
}

/// The notification's title and body for an upload's preview that took `took` (hashing many
/// large files takes minutes), or `None` when it was shorter than `long_job`: how many files
/// would go, how many are there already, how many are refused; or that the sheet's errors
/// hold every file back. `result` is the preview, or the error it failed with. An
/// upload's preview is not a run: nothing to cancel, and its words are its own.
pub fn upload_message(
    took: Duration,
    long_job: Duration,
    result: Result<&UploadPreview, &Error>,
    l: &Localizer,
) -> Option<(String, String)> {
    if took < long_job {
        return None;
    }
    let preview = match result {
        Ok(preview) => preview,
        Err(e) => return Some(preview_failed(e, l)),
    };
    let title = l.msg("notify-preview-title", &[("what", arg("upload"))]);
    let folder = ("folder", arg(preview.folder.as_str()));
    let n = |v: usize| count(v as f64);
    if let (Some(sheet), false) = (&preview.sheet, preview.sheet_errors.is_empty()) {
        let body = l.msg(
            "notify-upload-preview-blocked",
            &[
                ("sheet", arg(sheet.as_str())),
                ("count", n(preview.sheet_errors.len())),
                folder,
            ],
        );
        return Some((title, body));
    }
    let with = |wanted: &[UploadIntent]| {
        let files = preview.files.iter();
        files.filter(|f| wanted.contains(&f.intent)).count()
    };
    let body = l.msg(
        "notify-upload-preview-body",
        &[
            (
                "send",
                n(with(&[
                    UploadIntent::New,
                    UploadIntent::NewVersion,
                    UploadIntent::Replace,
                ])),
            ),
            ("same", n(with(&[UploadIntent::Same]))),
            ("refused", n(with(&[UploadIntent::Refused]))),
            folder,
        ],
    );
    Some((title, body))
}

/// Sends the notification for a job that ended, when it was long and not cancelled by the
/// user. Never fails: a desktop without a notification service only gets a log line, where the
/// plugin reports one at all.
pub fn job_ended<R: Runtime>(
    app: &AppHandle<R>,
    ended: Ended,
    took: Duration,
    long_job: Duration,
    result: Result<&RunSummary, &Error>,
    l: &Localizer,
) {
    send(app, message(ended, took, long_job, result, l), took);
}

/// Sends the notification for an upload's preview that ended, when it was long
/// ([`upload_message`]), as [`job_ended`] does for a run.
pub fn upload_previewed<R: Runtime>(
    app: &AppHandle<R>,
    took: Duration,
    long_job: Duration,
    result: Result<&UploadPreview, &Error>,
    l: &Localizer,
) {
    send(app, upload_message(took, long_job, result, l), took);
}

/// Shows `said` (a title and a body) on the desktop; `None`: only a log line.
fn send<R: Runtime>(app: &AppHandle<R>, said: Option<(String, String)>, took: Duration) {
    let Some((title, body)) = said else {
        tracing::info!(
            took_secs = took.as_secs_f64(),
            "no desktop notification: the job was short, or the user cancelled it"
        );
        return;
    };
    let app = app.clone();
    // On Linux the plugin sends on a task of its own; on macOS and Windows it talks to the
    // system's notification centre right here, which may block: never on an async worker.
    tauri::async_runtime::spawn_blocking(move || {
        match app
            .notification()
            .builder()
            .title(&title)
            .body(&body)
            .show()
        {
            Ok(()) => tracing::info!(%title, "notification sent to the desktop"),
            Err(e) => tracing::warn!(error = %e, %title, "the notification could not be sent"),
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use metadesk_core::bulk::{Counts, RunKind};
    use metadesk_core::credentials::ApiFamily;
    use metadesk_core::i18n::Lang;

    fn summary(status: RunStatus, counts: Counts) -> RunSummary {
        RunSummary {
            id: "20260101-000000-000-abcd".into(),
            created: "2026-01-01T00:00:00Z".into(),
            connection: "prod".into(),
            connection_id: None,
            aem: "https://author-p1-e2.adobeaemcloud.com".into(),
            family: ApiFamily::Classic,
            folder: "/content/dam/x".into(),
            recursive: false,
            scope: metadesk_core::i18n::SavedText::new(
                "scope-folder",
                [("place", "/content/dam/x".into())],
            ),
            list_entries: None,
            found_by: None,
            conditions: None,
            kind: RunKind::Edit,
            goes_back_to: None,
            undoes: None,
            undo_links: Default::default(),
            edits: vec![metadesk_core::i18n::SavedText::Plain(
                "dc:rights: set \"R\"".into(),
            )],
            edit_details: Vec::new(),
            status,
            counts,
            duration_secs: None,
            reason: None,
            write_notice: None,
            unindexed: 0,
            searched_at: None,
            index_notice: None,
            publication: None,
            changed_on_website: None,
            to_change_on_website: None,
            previewed_at: None,
            applied_at: None,
            preview_fresh_until: None,
            emptied_required: Vec::new(),
            fragments: None,
            tag_step: None,
            op: None,
            opens: metadesk_core::bulk::run_page::RunPage::Report,
            undoes_tag_step: None,
            done_words: "count-changed".into(),
            resumable: false,
        }
    }

    #[test]
    fn only_long_jobs_notify() {
        let en = Localizer::english();
        let s = summary(RunStatus::Completed, Counts::default());
        assert!(message(Ended::Apply, Duration::from_secs(29), LONG_JOB, Ok(&s), &en).is_none());
        assert!(
            message(
                Ended::Preview,
                Duration::from_secs(5),
                LONG_JOB,
                Ok(&s),
                &en
            )
            .is_none()
        );
        assert!(message(Ended::Apply, Duration::from_secs(30), LONG_JOB, Ok(&s), &en).is_some());
        // A lowered threshold (the E2E suite's) counts the same way.
        let lowered = Duration::from_secs(3);
        assert!(message(Ended::Apply, Duration::from_secs(2), lowered, Ok(&s), &en).is_none());
        assert!(message(Ended::Apply, Duration::from_secs(3), lowered, Ok(&s), &en).is_some());
    }

    #[test]
    fn a_job_the_user_cancelled_does_not_notify() {
        let en = Localizer::english();
        let long = Duration::from_secs(600);
        let counts = Counts {
            changed: 500,
            pending: 1500,
            ..Counts::default()
        };
        let cancelled = summary(RunStatus::Cancelled, counts);
        assert_eq!(
            message(Ended::Apply, long, LONG_JOB, Ok(&cancelled), &en),
            None
        );
        let preview = summary(RunStatus::PreviewIncomplete, Counts::default());
        assert_eq!(
            message(Ended::Preview, long, LONG_JOB, Ok(&preview), &en),
            None
        );
        // Ended on its own without finishing: the user is told.
        let (title, body) = message(
            Ended::Apply,
            long,
            LONG_JOB,
            Ok(&summary(RunStatus::Interrupted, counts)),
            &en,
        )
        .unwrap();
        assert_eq!(title, "Bulk edit interrupted");
        assert!(body.contains("1,500 not done yet"), "{body}");
    }

    /// A tag import names the taxonomy it wrote, not the DAM folder that stands in for its
    /// scope. Seen failing with "— /content/dam".
    #[test]
    fn a_tag_import_names_the_taxonomy_it_wrote() {
        use metadesk_core::bulk::ops::OpView;
        use metadesk_core::bulk::tag_import::TagImportView;
        let mut import = summary(RunStatus::Completed, Counts::default());
        import.folder = "/content/dam".into();
        import.kind = RunKind::TagImport {
            file: "tags.csv".into(),
        };
        import.op = Some(OpView::TagImport(TagImportView {
            file_name: "tags.csv".into(),
            planned: 2,
            created: 1,
            changed: 1,
            changed_since: Vec::new(),
            reason: None,
        }));
        let en = Localizer::english();
        let (_, body) = message(Ended::Apply, LONG_JOB, LONG_JOB, Ok(&import), &en).unwrap();
        assert!(body.ends_with("— /content/cq:tags"), "{body}");
    }

    /// A move says what it did in its own words, as Activity does (the summary's
    /// `done_words`). Seen failing with "Bulk edit finished: 3 changed".
    #[test]
    fn a_move_says_it_moved_in_english_and_french() {
        let mut moved = summary(
            RunStatus::Completed,
            Counts {
                changed: 3,
                ..Counts::default()
            },
        );
        moved.kind = RunKind::Move {
            items: 3,
            to: None,
            undo_of: None,
        };
        moved.done_words = "count-moved".into();
        let (title, body) = message(
            Ended::Apply,
            LONG_JOB,
            LONG_JOB,
            Ok(&moved),
            &Localizer::english(),
        )
        .unwrap();
        assert_eq!(title, "Move finished");
        assert_eq!(body, "Move finished: 3 moved — /content/dam/x");
        let fr = Localizer::new(Lang::Fr);
        let (_, body) = message(Ended::Apply, LONG_JOB, LONG_JOB, Ok(&moved), &fr).unwrap();
        assert_eq!(
            body,
            "Opération de déplacement terminée\u{a0}: 3 déplacées — /content/dam/x"
        );
    }

    /// A sheet of 10 rows, `file_name`, checked with 2 errors and no run planned.
    fn sheet_with_two_errors(file_name: &str) -> SheetImport {
        SheetImport {
            import_id: "i".into(),
            file_name: file_name.into(),
            format: metadesk_core::i18n::Text::plain("sheet-format-csv"),
            rows: 10,
            issue_counts: metadesk_core::app::IssueCounts {
                errors: 2,
                warnings: 0,
                total: 2,
            },
            issues: Vec::new(),
            skipped_rows: Vec::new(),
            run: None,
        }
    }

    /// A long sheet check tells the desktop as any preview does: the run it planned, or, when
    /// errors stopped the sheet, which file and how many errors. That `preview_sheet` sends it
    /// is seen end to end (`tests/e2e/specs/09-sheets.test.mjs`, seen failing when it sent
    /// none).
    #[test]
    fn a_sheet_stopped_by_its_errors_says_so() {
        let mut import = sheet_with_two_errors("rights.csv");
        let en = Localizer::english();
        let stopped = sheet_checked(&import).unwrap_err();
        let (title, body) =
            message(Ended::Preview, LONG_JOB, LONG_JOB, Err(&stopped), &en).unwrap();
        assert_eq!(title, "Preview failed");
        assert_eq!(
            body,
            "The preview could not finish: rights.csv has 2 errors; nothing was written."
        );
        import.run = Some(summary(RunStatus::Previewed, Counts::default()));
        assert_eq!(
            sheet_checked(&import).ok(),
            Some(import.run.as_ref().unwrap())
        );
    }

    /// A long upload preview (many large files read) tells the desktop what it would send, in
    /// the reader's language, or that the sheet's errors hold every file back; a short one
    /// says nothing. That `preview_upload` sends it is seen end to end
    /// (`tests/e2e/specs/28-upload.test.mjs`, seen failing when it sent none).
    #[test]
    fn a_long_upload_preview_says_what_it_would_send() {
        use metadesk_core::app::UploadPreviewFile;
        let file = |name: &str, intent| UploadPreviewFile {
            aem_path: format!("/content/dam/in/{name}"),
            size: 3,
            intent,
            reason: None,
            metadata: Default::default(),
        };
        let mut preview = UploadPreview {
            id: "p".into(),
            folder: "/content/dam/in".into(),
            folders: Vec::new(),
            files: vec![
                file("a.jpg", UploadIntent::New),
                file("b.jpg", UploadIntent::NewVersion),
                file("c.jpg", UploadIntent::Same),
                file("d.jpg", UploadIntent::Refused),
            ],
            sheet: Some("values.csv".into()),
            sheet_errors: Vec::new(),
            without_row: Vec::new(),
            references: None,
            references_unknown: None,
        };
        let (en, fr) = (Localizer::english(), Localizer::new(Lang::Fr));
        let short = Duration::from_secs(29);
        assert!(upload_message(short, LONG_JOB, Ok(&preview), &en).is_none());
        let said = |l: &Localizer, p: &UploadPreview| upload_message(LONG_JOB, LONG_JOB, Ok(p), l);
        assert_eq!(
            said(&en, &preview),
            Some((
                "Upload preview ready".to_owned(),
                "2 to send, 1 already there, 1 refused — /content/dam/in".to_owned()
            ))
        );
        assert_eq!(
            said(&fr, &preview).unwrap().1,
            "2 à envoyer, 1 déjà présent, 1 refusé — /content/dam/in"
        );
        preview.sheet_errors = vec!["Row 2: no such file".into(), "Row 3: no such file".into()];
        assert_eq!(
            said(&en, &preview).unwrap().1,
            "values.csv has 2 errors to correct before any file is sent — /content/dam/in"
        );
        let gone = Error::message(ErrorCode::InvalidInput, "error-upload-preview-gone", vec![]);
        let failed = upload_message(LONG_JOB, LONG_JOB, Err(&gone), &en)
            .unwrap()
            .1;
        assert!(
            failed.starts_with("The preview could not finish: "),
            "{failed}"
        );
        assert!(failed.ends_with(&gone.localized(&en)), "{failed}");
    }

    #[test]
    fn the_threshold_comes_from_the_environment_or_stays_30_s() {
        assert_eq!(long_job_from_env(None), LONG_JOB);
        assert_eq!(long_job_from_env(Some("4")), Duration::from_secs(4));
        assert_eq!(long_job_from_env(Some(" 0.5 ")), Duration::from_millis(500));
        assert_eq!(long_job_from_env(Some("0")), Duration::ZERO);
        for bad in ["", "soon", "-3", "NaN", "inf", "1e400", "1e300"] {
            assert_eq!(long_job_from_env(Some(bad)), LONG_JOB, "{bad:?}");
        }
    }

    #[test]
    fn words_say_what_ended_and_how() {
        let en = Localizer::english();
        let long = Duration::from_secs(95);
        let counts = Counts {
            assets: 2000,
            changed: 1980,
            failed: 20,
            ..Counts::default()
        };
        let (title, body) = message(
            Ended::Apply,
            long,
            LONG_JOB,
            Ok(&summary(RunStatus::Completed, counts)),
            &en,
        )
        .unwrap();
        assert_eq!(title, "Bulk edit finished");
        assert_eq!(
            body,
            "Bulk edit finished: 1,980 changed, 20 failed — /content/dam/x"
        );

        let part_done = Counts {
            changed: 500,
            pending: 1500,
            ..Counts::default()
        };
        let mut stopped = summary(RunStatus::Stopped, part_done);
        stopped.reason = Some(metadesk_core::i18n::SavedText::Plain(
            "the token was revoked".into(),
        ));
        stopped.kind = RunKind::Undo { of: "r".into() };
        stopped.done_words = "count-put-back".into();
        let (title, body) = message(Ended::Apply, long, LONG_JOB, Ok(&stopped), &en).unwrap();
        assert_eq!(title, "Undo stopped");
        assert_eq!(
            body,
            "Undo stopped: 500 put back, 1,500 not done yet (the token was revoked) — /content/dam/x"
        );

        let previewed = Counts {
            assets: 3000,
            pending: 2500,
            unchanged: 400,
            skipped: 100,
            ..Counts::default()
        };
        let (title, body) = message(
            Ended::Preview,
            long,
            LONG_JOB,
            Ok(&summary(RunStatus::Previewed, previewed)),
            &en,
        )
        .unwrap();
        assert_eq!(title, "Bulk edit preview ready");
        assert_eq!(
            body,
            "2,500 to change, 400 already as wanted, 100 skipped — /content/dam/x"
        );

        let complete = Error::message(
            ErrorCode::InvalidInput,
            "error-run-complete",
            vec![("run", "r1".into())],
        );
        let (title, body) = message(Ended::Apply, long, LONG_JOB, Err(&complete), &en).unwrap();
        assert_eq!(title, "Bulk edit failed");
        assert!(body.ends_with(&complete.localized(&en)), "{body}");
    }

    /// A job that failed says why in the reader's language, as the window says it: the error's
    /// own words in French for a French reader. Seen failing with the error's English text
    /// (`to_string`), which every failure notification carried before.
    #[test]
    fn a_failure_is_said_in_the_reader_s_language() {
        let fr = Localizer::new(Lang::Fr);
        let complete = Error::message(
            ErrorCode::InvalidInput,
            "error-run-complete",
            vec![("run", "r1".into())],
        );
        let in_french = complete.localized(&fr);
        assert_ne!(in_french, complete.localized(&Localizer::english()));
        let (_, body) = message(Ended::Apply, LONG_JOB, LONG_JOB, Err(&complete), &fr).unwrap();
        assert!(body.ends_with(&in_french), "{body}");
        let (_, body) = upload_message(LONG_JOB, LONG_JOB, Err(&complete), &fr).unwrap();
        assert!(body.ends_with(&in_french), "{body}");
        let import = sheet_with_two_errors("droits.csv");
        let stopped = sheet_checked(&import).unwrap_err();
        let (_, body) = message(Ended::Preview, LONG_JOB, LONG_JOB, Err(&stopped), &fr).unwrap();
        assert_eq!(
            body,
            "L’aperçu n’a pas pu aboutir\u{a0}: droits.csv contient 2 erreurs\u{202f}; rien n’a été écrit."
        );
    }

    #[test]
    fn notifications_speak_french() {
        let fr = Localizer::new(Lang::Fr);
        let counts = Counts {
            assets: 2000,
            changed: 1980,
            failed: 20,
            ..Counts::default()
        };
        let (title, body) = message(
            Ended::Apply,
            Duration::from_secs(95),
            LONG_JOB,
            Ok(&summary(RunStatus::Completed, counts)),
            &fr,
        )
        .unwrap();
        assert_eq!(title, "Modification en masse terminée");
        assert_eq!(
            body,
            "Modification en masse terminée\u{a0}: 1\u{202f}980 modifiées, 20 en échec — /content/dam/x"
        );
    }
}
