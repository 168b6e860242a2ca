//! `metadesk-cli runs list|show`: the run history and per-run reports (CSV export, and every
//! asset's before → after as JSON lines).
//!
//! Not here: starting or applying runs (`bulk`).

use std::io::Write;
use std::path::Path;

use clap::{Args, Subcommand};
use metadesk_core::Error;
use metadesk_core::bulk::{ReportStatus, runs};

use crate::output::{self, OK, SOME_FAILED};

#[derive(Args)]
pub struct RunsArgs {
    #[command(subcommand)]
    command: RunsCommand,
}

#[derive(Subcommand)]
enum RunsCommand {
    /// Every run, newest first: when, connection, folder, edits, counts, duration, status.
    List {
        #[arg(long)]
        json: bool,
    },
    /// One run's summary and report; `--csv FILE` exports every asset with its outcome.
    Show {
        run: String,
        /// Write the report as CSV to this file (`-` for standard output). An existing file is
        /// not replaced unless `--force` is given.
        #[arg(long, value_name = "FILE", conflicts_with_all = ["json", "jsonl"])]
        csv: Option<String>,
        /// With --csv: replace the file if it exists.
        #[arg(long, requires = "csv")]
        force: bool,
        /// Print the run's summary as JSON.
        #[arg(long, conflicts_with = "jsonl")]
        json: bool,
        /// Print every asset as one JSON object per line: path, status (for a previewed run,
        /// `pending` = will change), reason, and the before → after of each edited property.
        #[arg(long)]
        jsonl: bool,
    },
}

pub async fn run(args: RunsArgs, dir: &Path) -> u8 {
    match args.command {
        RunsCommand::List { json } => list(dir, json),
        RunsCommand::Show {
            run,
            csv,
            force,
            json,
            jsonl,
        } => show(dir, &run, csv.as_deref(), force, json, jsonl),
    }
}

fn list(dir: &Path, json: bool) -> u8 {
    let list = match runs::list(dir) {
        Ok(list) => list,
        Err(e) => return output::fail(&e),
    };
    if json {
        output::print_json(&list);
        return OK;
    }
    if list.is_empty() {
        println!("No runs yet.");
    }
    for s in list {
        let c = s.counts;
        println!(
            "{}  {:<18} {:<12} {}  [{}]  {} changed, {} unchanged, {} skipped, {} failed, {} to do{}",
            s.id,
            s.status.words(),
            s.connection,
            s.folder,
            s.edits.join("; "),
            c.changed,
            c.unchanged,
            c.skipped,
            c.failed,
            c.pending,
            s.duration_secs
                .map(|d| format!(", {d:.1} s"))
                .unwrap_or_default(),
        );
    }
    OK
}

fn show(dir: &Path, run: &str, csv: Option<&str>, force: bool, json: bool, jsonl: bool) -> u8 {
    let summary = match runs::summary(dir, run) {
        Ok(s) => s,
        Err(e) => return output::fail(&e),
    };
    let written = match csv {
        Some("-") => runs::write_csv(dir, run, &mut std::io::stdout().lock()),
        Some(target) => write_replacing_only_when_done(Path::new(target), force, |out| {
            runs::write_csv(dir, run, out)
        })
        .inspect(|()| eprintln!("Report written to {target}.")),
        None if jsonl => print_rows(dir, run),
        None if json => {
            output::print_json(&summary);
            Ok(())
        }
        None => {
            output::print_summary(&summary);
            print_problems(dir, run);
            Ok(())
        }
    };
    if let Err(e) = written {
        return output::fail(&e);
    }
    if summary.counts.failed > 0 {
        SOME_FAILED
    } else {
        OK
    }
}

/// The first assets that did not simply change or stay as they were, with the reason.
fn print_problems(dir: &Path, run: &str) {
    let mut shown = 0;
    let _ = runs::report(dir, run, |row| {
        if row.status != ReportStatus::Changed
            && row.status != ReportStatus::Unchanged
            && shown < 20
        {
            shown += 1;
            println!(
                "  {} {}: {}",
                row.status.words(),
                row.path,
                row.reason.unwrap_or_default()
            );
        }
        Ok(())
    });
}

/// Every asset of the run as a JSON line, streamed (a run of 100,000 assets is never held in
/// memory).
fn print_rows(dir: &Path, run: &str) -> Result<(), Error> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let io = |e| Error::io("could not write the report", e);
    runs::report(dir, run, |row| {
        serde_json::to_writer(&mut out, &row)
            .map_err(|e| Error::Internal(format!("a report row could not be written: {e}")))?;
        out.write_all(b"\n").map_err(io)
    })?;
    out.flush().map_err(io)
}

/// Writes `target` through a temporary file in the same folder that is renamed into place
/// only once complete, so a failure never leaves a half-written report (nor, with `force`,
/// destroys the file it was to replace). Without `force` an existing file is refused: a
/// report is cheap to write again under another name, the file it would replace may not be.
fn write_replacing_only_when_done(
    target: &Path,
    force: bool,
    write: impl FnOnce(&mut dyn Write) -> Result<(), Error>,
) -> Result<(), Error> {
    let shown = target.display();
    let exists = || {
        Error::InvalidInput(format!(
            "{shown} already exists; choose another file name, or add --force to replace it."
        ))
    };
    if !force && target.exists() {
        return Err(exists());
    }
    let folder = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let io = |what: &str, e| Error::io(format!("could not {what} {shown}"), e);
    let mut builder = tempfile::Builder::new();
    builder.prefix(".metadesk-report-").suffix(".part");
    // The report is not secret: the usual permissions for a new file, not a temp file's 0600.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder
        .tempfile_in(folder)
        .map_err(|e| io("create a file next to", e))?;
    {
        let mut out = std::io::BufWriter::new(temp.as_file_mut());
        write(&mut out)?;
        out.flush().map_err(|e| io("write", e))?;
    }
    temp.as_file().sync_all().map_err(|e| io("write", e))?;
    let persisted = if force {
        temp.persist(target)
    } else {
        temp.persist_noclobber(target)
    };
    match persisted {
        Ok(_) => Ok(()),
        // Created by someone else while we were writing.
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => Err(exists()),
        Err(e) => Err(io("write", e.error)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    fn half_then_fail(out: &mut dyn Write) -> Result<(), Error> {
        out.write_all(b"path,status\n/content/dam/a.jpg,changed\n")
            .unwrap();
        Err(Error::Internal("the journal is damaged".into()))
    }

    #[test]
    fn a_failure_midway_leaves_no_file_behind() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("report.csv");
        let err = write_replacing_only_when_done(&target, false, half_then_fail).unwrap_err();
        assert!(err.to_string().contains("damaged"), "{err}");
        assert!(entries(tmp.path()).is_empty(), "{:?}", entries(tmp.path()));
    }

    #[test]
    fn a_failure_midway_keeps_the_file_it_was_to_replace() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("report.csv");
        std::fs::write(&target, "yesterday's report\n").unwrap();
        write_replacing_only_when_done(&target, true, half_then_fail).unwrap_err();
        assert_eq!(
            std::fs::read_to_string(&target).unwrap(),
            "yesterday's report\n"
        );
        assert_eq!(entries(tmp.path()), ["report.csv"]);
    }

    #[test]
    fn an_existing_file_is_replaced_only_with_force() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("report.csv");
        std::fs::write(&target, "keep me\n").unwrap();
        let err = write_replacing_only_when_done(&target, false, |out| {
            out.write_all(b"new\n").unwrap();
            Ok(())
        })
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "{} already exists; choose another file name, or add --force to replace it.",
                target.display()
            )
        );
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep me\n");
        write_replacing_only_when_done(&target, true, |out| {
            out.write_all(b"new\n").unwrap();
            Ok(())
        })
        .unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new\n");
        assert_eq!(entries(tmp.path()), ["report.csv"]);
    }

    #[cfg(unix)]
    #[test]
    fn the_report_gets_a_new_file_s_usual_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("report.csv");
        write_replacing_only_when_done(&target, false, |out| {
            out.write_all(b"x\n").unwrap();
            Ok(())
        })
        .unwrap();
        let ordinary = tmp.path().join("ordinary");
        std::fs::write(&ordinary, "x").unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&target), mode(&ordinary));
    }
}
