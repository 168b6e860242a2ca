//! Logging to a daily file in the app's log folder, the last [`KEPT_LOG_FILES`] days kept, and
//! panics written there too (a release build on Windows has no console to print them on).
//! Secrets never reach it: they are held in `Secret`, whose `Debug` is redacted, and error
//! messages never include them.
//!
//! Not here: the CLI's logging (stderr, off unless `METADESK_LOG` says otherwise).

use std::path::Path;

use tracing_appender::rolling::{RollingFileAppender, Rotation};
use tracing_subscriber::EnvFilter;

/// Days of logs kept: enough to cover a problem reported after a weekend or a holiday.
pub const KEPT_LOG_FILES: usize = 14;

/// Starts file logging and sends panics to it. `METADESK_LOG` sets the filter (default
/// `info`). Logging that cannot start (a folder that cannot be written) is not fatal: the
/// start-up check in the window reports the folder.
pub fn init(log_dir: &Path) {
    let appender = match appender(log_dir) {
        Ok(appender) => appender,
        Err(e) => {
            eprintln!(
                "Metadesk cannot write its log in {}: {e}",
                log_dir.display()
            );
            return;
        }
    };
    let filter = EnvFilter::try_from_env("METADESK_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    // The appender is written synchronously, not through tracing-appender's background
    // worker: a panic that aborts the process (one crossing the window system's callbacks)
    // would lose the worker's unwritten lines, the very ones that explain the crash. The app
    // logs a few lines a second at most.
    let installed = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(appender)
        .with_ansi(false)
        .try_init()
        .is_ok();
    if installed {
        log_panics();
    }
}

/// `metadesk.log.YYYY-MM-DD` in `log_dir`, a new file each day; the oldest are removed so
/// that at most [`KEPT_LOG_FILES`] remain (at start and at each new day).
fn appender(log_dir: &Path) -> Result<RollingFileAppender, tracing_appender::rolling::InitError> {
    RollingFileAppender::builder()
        .rotation(Rotation::DAILY)
        .filename_prefix("metadesk.log")
        .max_log_files(KEPT_LOG_FILES)
        .build(log_dir)
}

/// Logs every panic (message, place, backtrace) as an error, then lets the usual report run.
fn log_panics() {
    let usual = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let backtrace = std::backtrace::Backtrace::force_capture();
        tracing::error!(%backtrace, "Metadesk panicked: {info}");
        usual(info);
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn log_files(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with("metadesk.log"))
            .collect();
        names.sort();
        names
    }

    #[test]
    fn old_logs_are_removed_and_today_s_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        for day in 1..=20 {
            std::fs::write(
                dir.path().join(format!("metadesk.log.2020-01-{day:02}")),
                "x",
            )
            .unwrap();
            // Age is the files' creation time, which the file system keeps to a few ms.
            std::thread::sleep(std::time::Duration::from_millis(15));
        }
        std::fs::write(dir.path().join("other.txt"), "not a log").unwrap();
        let _appender = appender(dir.path()).unwrap();
        let kept = log_files(dir.path());
        assert_eq!(kept.len(), KEPT_LOG_FILES, "{kept:?}");
        // The newest old ones, and today's.
        let old: Vec<&String> = kept.iter().filter(|n| n.contains("2020-01-")).collect();
        assert_eq!(old.len(), KEPT_LOG_FILES - 1, "{kept:?}");
        assert_eq!(old[0], "metadesk.log.2020-01-08", "{kept:?}");
        assert!(dir.path().join("other.txt").exists());
    }

    #[test]
    fn a_panic_is_written_to_the_log_file() {
        let dir = tempfile::tempdir().unwrap();
        let subscriber = tracing_subscriber::fmt()
            .with_writer(appender(dir.path()).unwrap())
            .with_ansi(false)
            .finish();
        log_panics();
        tracing::subscriber::with_default(subscriber, || {
            let crashed = std::panic::catch_unwind(|| panic!("the window broke: 42"));
            assert!(crashed.is_err());
        });
        let _ = std::panic::take_hook();
        let files = log_files(dir.path());
        assert_eq!(files.len(), 1, "{files:?}");
        let text = std::fs::read_to_string(dir.path().join(&files[0])).unwrap();
        assert!(text.contains("Metadesk panicked"), "{text}");
        assert!(text.contains("the window broke: 42"), "{text}");
        assert!(
            text.contains("logging.rs"),
            "the place of the panic: {text}"
        );
    }
}
