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

use metadesk_core::bulk::{RunKind, RunStatus, RunSummary};
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

/// `1980` → `1,980`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
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

/// The notification's title and body for a job that took `took`, or `None` when it was shorter
/// than `long_job` or the user cancelled it. `result` is the run's summary, or the error's
/// words when the job failed.
pub fn message(
    ended: Ended,
    took: Duration,
    long_job: Duration,
    result: Result<&RunSummary, &str>,
) -> Option<(String, String)> {
    if took < long_job {
        return None;
    }
    if let Ok(summary) = result
        && cancelled_by_user(ended, summary)
    {
        return None;
    }
    let what = |s: &RunSummary| match &s.kind {
        RunKind::Edit => "Bulk edit",
        RunKind::Undo { .. } => "Undo",
        RunKind::Retry { .. } => "Retry",
        RunKind::Sheet { .. } => "Sheet import",
    };
    Some(match (ended, result) {
        (Ended::Preview, Ok(s)) => (
            format!("{} preview ready", what(s)),
            format!(
                "{} to change, {} already as wanted, {} skipped — {}",
                thousands(s.counts.pending),
                thousands(s.counts.unchanged),
                thousands(s.counts.skipped),
                s.folder
            ),
        ),
        (Ended::Apply, Ok(s)) => {
            let c = &s.counts;
            let mut parts = vec![format!("{} changed", thousands(c.changed))];
            if c.failed > 0 {
                parts.push(format!("{} failed", thousands(c.failed)));
            }
            if c.pending > 0 {
                parts.push(format!("{} not done yet", thousands(c.pending)));
            }
            let state = match s.status {
                RunStatus::Completed => "finished",
                RunStatus::Stopped => "stopped",
                _ => "interrupted",
            };
            let reason = match (&s.status, &s.reason) {
                (RunStatus::Stopped, Some(r)) => format!(" ({r})"),
                _ => String::new(),
            };
            (
                format!("{} {state}", what(s)),
                format!(
                    "{} {state}: {}{reason} — {}",
                    what(s),
                    parts.join(", "),
                    s.folder
                ),
            )
        }
        (Ended::Preview, Err(words)) => (
            "Preview failed".to_owned(),
            format!("The preview could not finish: {words}"),
        ),
        (Ended::Apply, Err(words)) => (
            "Bulk edit failed".to_owned(),
            format!("The bulk edit could not finish: {words}"),
        ),
    })
}

/// Sends the notification for a job that ended, when it was long and not cancelled by the
/// user. Never fails: a desktop without a notification service only gets a log line, where the
/// plugin reports one at all.
pub fn job_ended<R: Runtime>(
    app: &AppHandle<R>,
    ended: Ended,
    took: Duration,
    long_job: Duration,
    result: Result<&RunSummary, &str>,
) {
    let Some((title, body)) = message(ended, took, long_job, result) else {
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
    use metadesk_core::bulk::Counts;
    use metadesk_core::credentials::ApiFamily;

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
            scope: "the assets of /content/dam/x".into(),
            kind: RunKind::Edit,
            edits: vec!["dc:rights: set \"R\"".into()],
            status,
            counts,
            duration_secs: None,
            reason: None,
        }
    }

    #[test]
    fn thousands_are_separated() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1980), "1,980");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn only_long_jobs_notify() {
        let s = summary(RunStatus::Completed, Counts::default());
        assert!(message(Ended::Apply, Duration::from_secs(29), LONG_JOB, Ok(&s)).is_none());
        assert!(message(Ended::Preview, Duration::from_secs(5), LONG_JOB, Ok(&s)).is_none());
        assert!(message(Ended::Apply, Duration::from_secs(30), LONG_JOB, Ok(&s)).is_some());
        // A lowered threshold (the E2E suite's) counts the same way.
        let lowered = Duration::from_secs(3);
        assert!(message(Ended::Apply, Duration::from_secs(2), lowered, Ok(&s)).is_none());
        assert!(message(Ended::Apply, Duration::from_secs(3), lowered, Ok(&s)).is_some());
    }

    #[test]
    fn a_job_the_user_cancelled_does_not_notify() {
        let long = Duration::from_secs(600);
        let counts = Counts {
            changed: 500,
            pending: 1500,
            ..Counts::default()
        };
        let cancelled = summary(RunStatus::Cancelled, counts);
        assert_eq!(message(Ended::Apply, long, LONG_JOB, Ok(&cancelled)), None);
        let preview = summary(RunStatus::PreviewIncomplete, Counts::default());
        assert_eq!(message(Ended::Preview, long, LONG_JOB, Ok(&preview)), None);
        // Ended on its own without finishing: the user is told.
        let (title, body) = message(
            Ended::Apply,
            long,
            LONG_JOB,
            Ok(&summary(RunStatus::Interrupted, counts)),
        )
        .unwrap();
        assert_eq!(title, "Bulk edit interrupted");
        assert!(body.contains("1,500 not done yet"), "{body}");
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
        stopped.reason = Some("the token was revoked".into());
        stopped.kind = RunKind::Undo { of: "r".into() };
        let (title, body) = message(Ended::Apply, long, LONG_JOB, Ok(&stopped)).unwrap();
        assert_eq!(title, "Undo stopped");
        assert_eq!(
            body,
            "Undo stopped: 500 changed, 1,500 not done yet (the token was revoked) — /content/dam/x"
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
        )
        .unwrap();
        assert_eq!(title, "Bulk edit preview ready");
        assert_eq!(
            body,
            "2,500 to change, 400 already as wanted, 100 skipped — /content/dam/x"
        );

        let (title, body) =
            message(Ended::Apply, long, LONG_JOB, Err("Could not reach x.")).unwrap();
        assert_eq!(title, "Bulk edit failed");
        assert!(body.ends_with("Could not reach x."));
    }
}
