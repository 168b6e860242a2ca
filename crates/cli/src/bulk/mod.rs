//! `metadesk-cli bulk set|append|remove|clear|edit|resume|undo|retry`: preview, confirm,
//! apply, report.
//!
//! Not here: reaching AEM (`open`), turning `bulk edit`'s flags into edits (`edits`), asking
//! before writing and the production guard (`confirm`), the run history (`runs`).

mod confirm;
mod edits;
mod open;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use metadesk_core::Error;
use metadesk_core::bulk::{
    Action, EditOp, Engine, Filters, ReportStatus, RunControl, RunKind, RunSpec, RunStatus,
    RunSummary, runs,
};

use crate::home::Home;
use crate::output::{self, OK, SOME_FAILED, USAGE};
use confirm::ProductionGate;
use open::{ConnectionArgs, Opened, open_connection};

#[derive(Args)]
pub struct BulkArgs {
    #[command(subcommand)]
    command: BulkCommand,
}

/// Whether and how to write, shared by every bulk command.
#[derive(Args, Clone)]
struct WriteFlags {
    /// Preview only: show what would change, write nothing.
    #[arg(long)]
    dry_run: bool,
    /// Apply without asking.
    #[arg(long)]
    yes: bool,
    /// On a connection marked production: its name, to apply without typing it at a prompt
    /// (needed with --yes or without a terminal).
    #[arg(long, value_name = "NAME")]
    confirm_production: Option<String>,
    /// Print the result as JSON (no progress bar).
    #[arg(long)]
    json: bool,
}

/// Which assets a new run edits, and how it connects and writes.
#[derive(Args, Clone)]
struct ScopeArgs {
    #[command(flatten)]
    conn: ConnectionArgs,
    /// The DAM folder: `/content/dam/…` (the sample's form without `/content/dam` works too).
    #[arg(long)]
    folder: String,
    /// Include the assets of subfolders.
    #[arg(long)]
    recursive: bool,
    /// Only assets whose name matches (`*` and `?`).
    #[arg(long, value_name = "PATTERN")]
    name: Option<String>,
    /// Only assets whose dc:format matches (e.g. `image/*`); may be repeated.
    #[arg(long = "format", value_name = "MIME")]
    formats: Vec<String>,
    #[command(flatten)]
    write: WriteFlags,
}

#[derive(Args, Clone)]
struct ValuedEdit {
    /// The metadata property, `prefix:name` (e.g. dc:rights; `metadata/dc:rights` works too).
    #[arg(long)]
    property: String,
    /// The value(s); repeat for several.
    #[arg(long = "value", required = true)]
    values: Vec<String>,
    #[command(flatten)]
    scope: ScopeArgs,
}

#[derive(Args, Clone)]
struct ClearEdit {
    /// The metadata property, `prefix:name` (e.g. dc:rights; `metadata/dc:rights` works too).
    #[arg(long)]
    property: String,
    #[command(flatten)]
    scope: ScopeArgs,
}

#[derive(Args, Clone)]
struct ManyEdits {
    #[command(flatten)]
    edits: edits::EditFlags,
    #[command(flatten)]
    scope: ScopeArgs,
}

#[derive(Args, Clone)]
struct RunRef {
    /// The run id (see `metadesk-cli runs list`).
    run: String,
    #[command(flatten)]
    conn: ConnectionArgs,
    #[command(flatten)]
    write: WriteFlags,
}

#[derive(Subcommand)]
enum BulkCommand {
    /// Replace the property's value.
    Set(ValuedEdit),
    /// Add values to a multi-valued property (no duplicates).
    Append(ValuedEdit),
    /// Remove values from a multi-valued property.
    Remove(ValuedEdit),
    /// Remove the property.
    Clear(ClearEdit),
    /// Several edits in one run, e.g. `--set dc:rights=WKND --append dc:subject=a --append
    /// dc:subject=b --remove dc:subject=old --clear xmpRights:UsageTerms`.
    Edit(ManyEdits),
    /// Apply a previewed run, or finish an interrupted or cancelled one (--dry-run: show what
    /// is left, write nothing).
    Resume(RunRef),
    /// Restore every original value a run changed (itself a run, with preview and report).
    Undo(RunRef),
    /// Make a run's edits again on the assets that failed in it (read again first; itself a
    /// run, with preview and report).
    Retry(RunRef),
}

pub async fn run(args: BulkArgs, home: &Home) -> u8 {
    let (scope, edits) = match args.command {
        BulkCommand::Set(v) => (
            v.scope,
            Ok(vec![edit(v.property, EditOp::Set { values: v.values })]),
        ),
        BulkCommand::Append(v) => (
            v.scope,
            Ok(vec![edit(v.property, EditOp::Append { values: v.values })]),
        ),
        BulkCommand::Remove(v) => (
            v.scope,
            Ok(vec![edit(v.property, EditOp::Remove { values: v.values })]),
        ),
        BulkCommand::Clear(c) => (c.scope, Ok(vec![edit(c.property, EditOp::Clear)])),
        BulkCommand::Edit(m) => (m.scope, edits::edits(&m.edits)),
        BulkCommand::Resume(r) => return resume(r, home).await,
        BulkCommand::Undo(r) => {
            let kind = RunKind::Undo { of: r.run.clone() };
            return plan_from_run(r, kind, home).await;
        }
        BulkCommand::Retry(r) => {
            let kind = RunKind::Retry { of: r.run.clone() };
            return plan_from_run(r, kind, home).await;
        }
    };
    // Everything the command line can get wrong is refused before AEM is asked anything.
    let edits = match edits {
        Ok(e) => e,
        Err(e) => return output::fail(&e),
    };
    let opened = match open_connection(&scope.conn, None, home) {
        Ok(o) => o,
        Err(e) => return output::fail(&e),
    };
    let filters = Filters {
        recursive: scope.recursive,
        name: scope.name.clone(),
        formats: scope.formats.clone(),
    };
    let spec = opened
        .spec(scope.folder.clone(), filters, edits, RunKind::Edit)
        .validated();
    match spec {
        Ok(spec) => preview_then_apply(opened, spec, &scope.write, home).await,
        Err(e) => output::fail(&e),
    }
}

fn edit(property: String, op: EditOp) -> metadesk_core::bulk::Edit {
    metadesk_core::bulk::Edit { property, op }
}

/// The production guard, decided before anything is previewed or written. A dry run writes
/// nothing, so it needs no guard.
fn gate(opened: &Opened, write: &WriteFlags) -> Result<ProductionGate, Error> {
    if write.dry_run {
        return Ok(ProductionGate::Passed);
    }
    confirm::production_gate(
        &opened.connected.connection,
        write.confirm_production.as_deref(),
        write.yes,
        std::io::stdin().is_terminal(),
    )
}

/// Asks before applying `assets` changes: the production name when the guard says so, else
/// y/N unless --yes. `Ok(false)` = the person said no.
fn consent(opened: &Opened, gate: &ProductionGate, yes: bool, assets: u64) -> Result<bool, Error> {
    let (mut input, mut prompt) = (std::io::stdin().lock(), std::io::stderr());
    match gate {
        ProductionGate::AskForName => confirm::ask_for_name(
            &opened.connected.connection,
            assets,
            &mut input,
            &mut prompt,
        )
        .map(|()| true),
        ProductionGate::Passed if yes => Ok(true),
        ProductionGate::Passed if !std::io::stdin().is_terminal() => Err(Error::InvalidInput(
            "Not applying without confirmation: add --yes (or --dry-run to only preview).".into(),
        )),
        ProductionGate::Passed => {
            confirm::ask_yes_no(&format!("Change {assets} assets?"), &mut input, &mut prompt)
        }
    }
}

/// Cancels on the first Ctrl-C (writes in flight finish); a second one exits at once.
fn cancel_on_ctrl_c(control: &RunControl) -> tokio::task::JoinHandle<()> {
    let control = control.clone();
    tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            eprintln!(
                "\nStopping: letting the writes under way finish… (Ctrl-C again to quit now)"
            );
            control.cancel();
            if tokio::signal::ctrl_c().await.is_ok() {
                std::process::exit(i32::from(SOME_FAILED));
            }
        }
    })
}

/// Shows what the preview found: counts and the first few before → after.
fn show_preview(dir: &Path, summary: &RunSummary) {
    output::print_summary(summary);
    if let Ok(page) = runs::preview_page(dir, &summary.id, Some(Action::Change), 0, 10) {
        for row in &page.rows {
            let changes: Vec<String> = row
                .changes
                .iter()
                .filter(|c| c.before != c.after)
                .map(|c| {
                    format!(
                        "{}: {} → {}",
                        c.property,
                        metadesk_core::bulk::reasons::shown(c.before.as_ref()),
                        metadesk_core::bulk::reasons::shown(c.after.as_ref())
                    )
                })
                .collect();
            println!("  {}  {}", row.path, changes.join("; "));
        }
        if summary.counts.pending > 10 {
            println!(
                "  … and {} more (runs show {} --csv FILE)",
                summary.counts.pending - 10,
                summary.id
            );
        }
    }
}

fn exit_code(s: &RunSummary) -> u8 {
    match s.status {
        RunStatus::Completed if s.counts.failed == 0 => OK,
        RunStatus::Stopped => USAGE,
        _ => SOME_FAILED,
    }
}

async fn apply(engine: &Engine, dir: &Path, id: &str, json: bool) -> u8 {
    let control = RunControl::new();
    let ctrl_c = cancel_on_ctrl_c(&control);
    let printer = output::progress_printer(!json);
    let result = engine.apply(id, &control, &printer).await;
    ctrl_c.abort();
    let s = match result {
        Ok(s) => s,
        Err(e) => return output::fail(&e),
    };
    if json {
        output::print_json(&s);
        return exit_code(&s);
    }
    output::print_summary(&s);
    if s.counts.failed > 0 {
        let mut shown = 0;
        let _ = runs::report(dir, &s.id, |row| {
            if row.status == ReportStatus::Failed && shown < 5 {
                shown += 1;
                println!("  failed {}: {}", row.path, row.reason.unwrap_or_default());
            }
            Ok(())
        });
    }
    if s.counts.failed > 0 || s.counts.pending > 0 {
        println!(
            "  report: metadesk-cli runs show {} (--csv FILE for every asset)",
            s.id
        );
    }
    if s.counts.pending > 0 {
        println!("  finish it: metadesk-cli bulk resume {}", s.id);
    }
    exit_code(&s)
}

async fn preview_then_apply(opened: Opened, spec: RunSpec, write: &WriteFlags, home: &Home) -> u8 {
    let gate = match gate(&opened, write) {
        Ok(g) => g,
        Err(e) => return output::fail(&e),
    };
    let dir = home.runs_dir();
    let engine = Engine::new(opened.connected.store.clone(), dir.clone());
    let control = RunControl::new();
    let ctrl_c = cancel_on_ctrl_c(&control);
    let printer = output::progress_printer(!write.json);
    let kind = spec.kind.clone();
    let preview = match &spec.kind {
        RunKind::Edit => engine.preview(spec, &control, &printer).await,
        RunKind::Undo { of } => engine.preview_undo(of, &control, &printer).await,
        RunKind::Retry { of } => engine.preview_retry(of, &control, &printer).await,
    };
    ctrl_c.abort();
    let preview = match (preview, opened.listing_hint()) {
        (Ok(p), _) => p,
        // A new edit run lists the folder first; undo, retry and resume know their assets.
        (Err(e), Some(hint)) if matches!(kind, RunKind::Edit) => {
            eprintln!("error: {e} {hint}");
            return USAGE;
        }
        (Err(e), _) => return output::fail(&e),
    };
    if !write.json {
        show_preview(&dir, &preview);
    }
    if preview.status != RunStatus::Previewed {
        eprintln!("The preview was cancelled; nothing was written.");
        return SOME_FAILED;
    }
    if write.dry_run || preview.counts.pending == 0 {
        if write.json {
            output::print_json(&preview);
        } else if preview.counts.pending == 0 {
            println!("Nothing to change.");
        } else {
            println!(
                "Dry run: nothing was written. Every asset's before → after: metadesk-cli runs \
                 show {} --jsonl (or --csv FILE). Apply exactly this with: metadesk-cli bulk \
                 resume {}",
                preview.id, preview.id
            );
        }
        return OK;
    }
    match consent(&opened, &gate, write.yes, preview.counts.pending) {
        Ok(true) => apply(&engine, &dir, &preview.id, write.json).await,
        Ok(false) => {
            println!(
                "Not applied. Apply later with: metadesk-cli bulk resume {}",
                preview.id
            );
            OK
        }
        Err(e) => {
            output::fail(&e);
            eprintln!(
                "Not applied. Apply later with: metadesk-cli bulk resume {}",
                preview.id
            );
            USAGE
        }
    }
}

fn stored_run(dir: &Path, run: &str) -> Result<RunSummary, Error> {
    runs::summary(dir, run)
}

async fn resume(r: RunRef, home: &Home) -> u8 {
    let dir: PathBuf = home.runs_dir();
    let summary = match stored_run(&dir, &r.run) {
        Ok(s) => s,
        Err(e) => return output::fail(&e),
    };
    if r.write.dry_run {
        // Nothing to open: what is left is in the journal.
        if r.write.json {
            output::print_json(&summary);
        } else {
            show_preview(&dir, &summary);
            println!("Dry run: nothing was written.");
        }
        return OK;
    }
    let opened = match open_connection(&r.conn, Some(&summary), home) {
        Ok(o) => o,
        Err(e) => return output::fail(&e),
    };
    let gate = match gate(&opened, &r.write) {
        Ok(g) => g,
        Err(e) => return output::fail(&e),
    };
    // A run that was already under way was agreed to then; only a previewed one (or the
    // production guard) asks now.
    let ask = summary.status == RunStatus::Previewed || gate == ProductionGate::AskForName;
    if ask {
        match consent(&opened, &gate, r.write.yes, summary.counts.pending) {
            Ok(true) => {}
            Ok(false) => return OK,
            Err(e) => return output::fail(&e),
        }
    }
    let engine = Engine::new(opened.connected.store.clone(), dir.clone());
    apply(&engine, &dir, &r.run, r.write.json).await
}

/// Undo or retry of a stored run: a new run planned from that run's journal, on the
/// connection it used (or the one given).
async fn plan_from_run(r: RunRef, kind: RunKind, home: &Home) -> u8 {
    let summary = match stored_run(&home.runs_dir(), &r.run) {
        Ok(s) => s,
        Err(e) => return output::fail(&e),
    };
    let opened = match open_connection(&r.conn, Some(&summary), home) {
        Ok(o) => o,
        Err(e) => return output::fail(&e),
    };
    let spec = opened.spec(summary.folder.clone(), Filters::default(), Vec::new(), kind);
    preview_then_apply(opened, spec, &r.write, home).await
}
