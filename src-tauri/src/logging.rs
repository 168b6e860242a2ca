//! Logging to a daily file in the app's log folder. Secrets never reach it: they are held in
//! `Secret`, whose `Debug` is redacted, and error messages never include them.

use std::path::Path;

use tracing_appender::non_blocking::WorkerGuard;
use tracing_subscriber::EnvFilter;

/// Starts file logging; keep the guard alive for the life of the app so lines are flushed.
/// `METADESK_LOG` sets the filter (default `info`).
pub fn init(log_dir: &Path) -> Option<WorkerGuard> {
    let appender = tracing_appender::rolling::daily(log_dir, "metadesk.log");
    let (writer, guard) = tracing_appender::non_blocking(appender);
    let filter = EnvFilter::try_from_env("METADESK_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    let installed = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(writer)
        .with_ansi(false)
        .try_init()
        .is_ok();
    installed.then_some(guard)
}
