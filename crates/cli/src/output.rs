//! Terminal output shared by `bulk` and `runs`: the progress bar (stderr, terminals only),
//! plain-words summaries, JSON and exit codes.
//!
//! Not here: where the app's files are (`home`).

use std::io::{IsTerminal, Write};

use metadesk_core::bulk::{Phase, Progress, RunSummary};

/// Exit codes (see main.rs).
pub const OK: u8 = 0;
pub const SOME_FAILED: u8 = 1;
pub const USAGE: u8 = 2;

/// Prints an error in words and returns the exit code for it.
pub fn fail(err: &metadesk_core::Error) -> u8 {
    eprintln!("error: {err}");
    USAGE
}

/// A one-line progress bar redrawn in place, only on a terminal and not in JSON mode.
pub fn progress_printer(enabled: bool) -> impl Fn(Progress) + Send + Sync {
    let enabled = enabled && std::io::stderr().is_terminal();
    move |p: Progress| {
        if !enabled {
            return;
        }
        let phase = match p.phase {
            Phase::Preview => "preview",
            Phase::Apply => "apply  ",
        };
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
            .map(|s| format!(" ETA {:.0}s", s))
            .unwrap_or_default();
        let paused = if p.paused { " PAUSED" } else { "" };
        let mut err = std::io::stderr().lock();
        let _ = write!(
            err,
            "\r{phase} [{}{}] {}/{} changed {} unchanged {} skipped {} failed {} · {:.0}/s · {} at once{eta}{paused}\x1b[K",
            "#".repeat(filled),
            "-".repeat(width - filled),
            p.done,
            total,
            p.changed,
            p.unchanged,
            p.skipped,
            p.failed,
            p.rate,
            p.concurrency,
        );
        if p.finished {
            let _ = writeln!(err);
        }
        let _ = err.flush();
    }
}

/// A run in a few lines of words.
pub fn print_summary(s: &RunSummary) {
    let c = &s.counts;
    println!(
        "Run {} ({}) on {} — {}",
        s.id,
        s.status.words(),
        s.connection,
        s.folder
    );
    if !s.edits.is_empty() {
        println!("  edits: {}", s.edits.join("; "));
    }
    println!(
        "  {} assets: {} changed, {} unchanged, {} skipped, {} failed, {} still to do",
        c.assets, c.changed, c.unchanged, c.skipped, c.failed, c.pending
    );
    if let Some(secs) = s.duration_secs {
        println!("  duration: {secs:.1} s");
    }
    if let Some(reason) = &s.reason {
        println!("  stopped because: {reason}");
    }
}

pub fn print_json(value: &impl serde::Serialize) {
    match serde_json::to_string_pretty(value) {
        Ok(text) => println!("{text}"),
        Err(e) => eprintln!("error: could not write JSON: {e}"),
    }
}
