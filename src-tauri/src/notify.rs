//! A desktop notification when a long bulk job ends, so a user who switched to another window
//! learns it is done. The decision and the words are a pure function ([`message`]); sending it
//! goes through tauri-plugin-notification from Rust, and a failure to show it (no notification
//! daemon, as in CI) is only logged.

use std::time::Duration;

use metadesk_core::bulk::{RunKind, RunStatus, RunSummary};
use tauri::{AppHandle, Runtime};
use tauri_plugin_notification::NotificationExt;

/// Jobs shorter than this end while the user is still looking: no notification.
pub const LONG_JOB: Duration = Duration::from_secs(30);

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

/// The notification's title and body for a job that took `took`, or `None` when it was short.
/// `result` is the run's summary, or the error's words when the job failed.
pub fn message(
    ended: Ended,
    took: Duration,
    result: Result<&RunSummary, &str>,
) -> Option<(String, String)> {
    if took < LONG_JOB {
        return None;
    }
    let what = |s: &RunSummary| match &s.kind {
        RunKind::Edit => "Bulk edit",
        RunKind::Undo { .. } => "Undo",
        RunKind::Retry { .. } => "Retry",
    };
    Some(match (ended, result) {
        (Ended::Preview, Ok(s)) if s.status == RunStatus::Previewed => (
            format!("{} preview ready", what(s)),
            format!(
                "{} to change, {} already as wanted, {} skipped — {}",
                thousands(s.counts.pending),
                thousands(s.counts.unchanged),
                thousands(s.counts.skipped),
                s.folder
            ),
        ),
        (Ended::Preview, Ok(s)) => (
            format!("{} preview cancelled", what(s)),
            format!("Nothing was written — {}", s.folder),
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
                RunStatus::Cancelled => "cancelled",
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

/// Shows the notification for a job that ended, when it was long. Never fails: a desktop
/// without a notification service only gets a log line.
pub fn job_ended<R: Runtime>(
    app: &AppHandle<R>,
    ended: Ended,
    took: Duration,
    result: Result<&RunSummary, &str>,
) {
    let Some((title, body)) = message(ended, took, result) else {
        return;
    };
    let app = app.clone();
    // Showing talks to the desktop's notification service (D-Bus on Linux) and may block.
    tauri::async_runtime::spawn_blocking(move || {
        match app
            .notification()
            .builder()
            .title(&title)
            .body(&body)
            .show()
        {
            Ok(()) => tracing::info!(%title, "notification shown"),
            Err(e) => tracing::warn!(error = %e, %title, "the notification could not be shown"),
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use metadesk_core::assets::ApiFamily;
    use metadesk_core::bulk::Counts;

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
        assert!(message(Ended::Apply, Duration::from_secs(29), Ok(&s)).is_none());
        assert!(message(Ended::Preview, Duration::from_secs(5), Ok(&s)).is_none());
        assert!(message(Ended::Apply, Duration::from_secs(30), Ok(&s)).is_some());
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
            Ok(&summary(RunStatus::Completed, counts)),
        )
        .unwrap();
        assert_eq!(title, "Bulk edit finished");
        assert_eq!(
            body,
            "Bulk edit finished: 1,980 changed, 20 failed — /content/dam/x"
        );

        let cancelled = Counts {
            changed: 500,
            pending: 1500,
            ..Counts::default()
        };
        let (_, body) = message(
            Ended::Apply,
            long,
            Ok(&summary(RunStatus::Cancelled, cancelled)),
        )
        .unwrap();
        assert_eq!(
            body,
            "Bulk edit cancelled: 500 changed, 1,500 not done yet — /content/dam/x"
        );

        let mut stopped = summary(RunStatus::Stopped, cancelled);
        stopped.reason = Some("the token was revoked".into());
        stopped.kind = RunKind::Undo { of: "r".into() };
        let (title, body) = message(Ended::Apply, long, Ok(&stopped)).unwrap();
        assert_eq!(title, "Undo stopped");
        assert!(body.contains("(the token was revoked)"), "{body}");

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
            Ok(&summary(RunStatus::Previewed, previewed)),
        )
        .unwrap();
        assert_eq!(title, "Bulk edit preview ready");
        assert_eq!(
            body,
            "2,500 to change, 400 already as wanted, 100 skipped — /content/dam/x"
        );

        let (title, body) = message(Ended::Apply, long, Err("Could not reach x.")).unwrap();
        assert_eq!(title, "Bulk edit failed");
        assert!(body.ends_with("Could not reach x."));
    }
}
