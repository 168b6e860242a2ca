//! Scenario 17, the run history as Activity lists it: a real run's journal (5,000 assets
//! previewed and applied against the sandbox) copied as 200 runs, then listed with every
//! journal replayed each time (as before), beside the history kept between listings
//! (`RunHistory`, what `Workspace::list_runs` asks): its first listing, then Activity opened
//! again; and a page of a report, which looks for its run's latest undo in the history. In the
//! same run, on the same journals.

use std::time::{Duration, Instant};

use metadesk_core::bulk::run_history::RunHistory;
use metadesk_core::bulk::{RunSummary, run_undone, runs};
use metadesk_sandbox::Faults;

use crate::Result;
use crate::harness::{run_engine, set_everywhere, start_sandbox, timed_classic};
use crate::report::{Section, Table, Target};

pub struct HistoryOpts {
    /// Assets in the run whose journal is copied.
    pub assets: usize,
    /// Runs listed.
    pub runs: usize,
}

/// Seconds to the millisecond: a kept listing takes about one.
fn secs(d: Duration) -> String {
    format!("{:.3}", d.as_secs_f64())
}

/// The fastest of 3 listings by `list` (the machine is shared), and how many runs it gave.
fn best_of_3(mut list: impl FnMut() -> Result<usize>) -> Result<(Duration, usize)> {
    let mut best = Duration::MAX;
    let mut listed = 0;
    for _ in 0..3 {
        let t = Instant::now();
        listed = list()?;
        best = best.min(t.elapsed());
    }
    Ok((best, listed))
}

pub async fn run(o: &HistoryOpts) -> Result<Section> {
    let sandbox = start_sandbox(o.assets, Faults::default()).await?;
    let dir = tempfile::tempdir()?;
    let runs_dir = dir.path().join("runs");
    let aem = timed_classic(&sandbox)?;
    let run = run_engine(
        &aem,
        &runs_dir,
        set_everywhere(&sandbox, "dc:rights", "bench"),
    )
    .await?;
    let journal = runs::path_of(&runs_dir, &run.summary.id)?;
    let text = std::fs::read_to_string(&journal)?;
    for n in 1..o.runs {
        let id = format!("copy-{n:05}");
        std::fs::write(
            runs_dir.join(format!("{id}.jsonl")),
            text.replace(&run.summary.id, &id),
        )?;
    }
    // Before: each journal replayed one after the other, at every listing.
    let ids: Vec<String> = std::fs::read_dir(&runs_dir)?
        .flatten()
        .filter_map(|e| Some(e.file_name().to_str()?.strip_suffix(".jsonl")?.to_owned()))
        .collect();
    let replay_each = || -> Result<Vec<RunSummary>> {
        let each: std::result::Result<Vec<_>, _> =
            ids.iter().map(|id| runs::summary(&runs_dir, id)).collect();
        Ok(each?)
    };
    let (every, listed) = best_of_3(|| Ok(replay_each()?.len()))?;
    let history = RunHistory::default();
    let t = Instant::now();
    let first = history.list(&runs_dir)?.len();
    let first_time = t.elapsed();
    let (again, again_listed) = best_of_3(|| Ok(history.list(&runs_dir)?.len()))?;
    // A page of a report, as the window asks it each time a report opens, pages or filters:
    // its rows, and the latest undo of its run (found in the run history).
    let id = &run.summary.id;
    let page = |all: &[_]| -> Result<usize> {
        let page = runs::report_page(&runs_dir, id, None, 0, 100)?;
        let _undo = run_undone::latest_undo(all, id);
        Ok(page.rows.len())
    };
    let (page_before, _) = best_of_3(|| page(&replay_each()?))?;
    let (page_now, rows) = best_of_3(|| page(&history.list(&runs_dir)?))?;
    // A report opened: its run's summary, replayed from its journal each time (before), or
    // kept in the history while the journal is unchanged (`Workspace::run_summary`).
    let (opened_before, _) = best_of_3(|| Ok(runs::summary(&runs_dir, id).map(|_| 1)?))?;
    let (opened_now, _) = best_of_3(|| Ok(history.summary(&runs_dir, id).map(|_| 1)?))?;
    if [listed, first, again_listed] != [o.runs; 3] || rows != 100 {
        return Err(format!(
            "listed {listed}, {first} and {again_listed} of {} runs",
            o.runs
        )
        .into());
    }
    let mut table = Table::new(&["side", "runs listed", "time s", "ms a run"]);
    let ms_a_run = |d: Duration| format!("{:.2}", d.as_secs_f64() * 1000.0 / o.runs as f64);
    for (side, time) in [
        (
            "every journal replayed, one after the other, at each listing (before)",
            every,
        ),
        (
            "kept history, first listing (journals replayed side by side)",
            first_time,
        ),
        ("kept history, Activity opened again", again),
        (
            "a report's page of 100 rows, every journal replayed one after the other (before)",
            page_before,
        ),
        ("a report's page of 100 rows, kept history", page_now),
    ] {
        table.row(vec![
            side.into(),
            o.runs.to_string(),
            secs(time),
            ms_a_run(time),
        ]);
    }
    for (side, time) in [
        (
            "a report opened: its run's summary, its journal replayed (before)",
            opened_before,
        ),
        (
            "a report opened: its run's summary, kept history",
            opened_now,
        ),
    ] {
        table.row(vec![
            side.into(),
            "1".into(),
            secs(time),
            format!("{:.2}", time.as_secs_f64() * 1000.0),
        ]);
    }
    let bound = Duration::from_millis(100);
    Ok(Section {
        title: "17. The run history".into(),
        setup: vec![format!(
            "One run of {} assets previewed and applied against the in-process sandbox (its \
             journal {:.1} MB, {} lines), copied as {} runs in one runs folder; each side lists \
             them all (the fastest of 3, except the kept history's first listing, which can \
             happen once). RunHistory is what Workspace::list_runs asks each time Activity or \
             the Upload page opens, and Workspace::run_summary each time a report opens.",
            o.assets,
            text.len() as f64 / 1e6,
            text.lines().count(),
            o.runs
        )],
        tables: vec![table],
        targets: vec![
            Target::new(
                &format!(
                    "Activity opened again with {} runs of {} assets",
                    o.runs, o.assets
                ),
                &format!("< {} s", bound.as_secs_f64()),
                format!("{} s", secs(again)),
                again < bound,
            ),
            Target::new(
                &format!(
                    "a report's page among {} runs of {} assets",
                    o.runs, o.assets
                ),
                &format!("< {} s", bound.as_secs_f64()),
                format!("{} s", secs(page_now)),
                page_now < bound,
            ),
        ],
        notes: vec![
            format!(
                "Opened again, the history is {:.0}× faster than replaying every journal; its \
                 first listing {:.1}× (journals replayed one thread a core).",
                every.as_secs_f64() / again.as_secs_f64().max(1e-9),
                every.as_secs_f64() / first_time.as_secs_f64().max(1e-9),
            ),
            format!(
                "Before, every page of a report (opened, paged, filtered) replayed every \
                 journal to find its run's latest undo; with the history kept, a page is {:.0}× \
                 faster, the time of reading its own rows.",
                page_before.as_secs_f64() / page_now.as_secs_f64().max(1e-9),
            ),
            format!(
                "A report opened replayed its run's whole journal for its summary ({:.1} ms for \
                 this one); kept in the history while the journal is unchanged, it takes {:.3} ms.",
                opened_before.as_secs_f64() * 1000.0,
                opened_now.as_secs_f64() * 1000.0,
            ),
        ],
    })
}
