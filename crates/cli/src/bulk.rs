//! `metadesk-cli bulk set|append|remove|clear|resume|undo|retry`: preview, confirm, apply,
//! report.
//!
//! A run uses a stored connection (`--connection NAME`) or, like Adobe's sample script
//! (seed 000), an AEM URL and a credential file (`--aem URL --file creds.json`) that is read
//! for this run only and never stored.

use std::collections::HashMap;
use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use clap::{Args, Subcommand};
use metadesk_core::assets::connect::{self, Connected};
use metadesk_core::bulk::{
    Edit, EditOp, Engine, Filters, RunControl, RunKind, RunSpec, RunStatus, RunSummary, runs,
};
use metadesk_core::connections::{ConnectionStore, ImportOptions};
use metadesk_core::secrets::{KeyringStore, Secret, SecretStore, SecretStoreError};
use metadesk_core::{Error, dirs::profile_name};

use crate::output::{self, OK, SOME_FAILED, USAGE};

#[derive(Args)]
pub struct BulkArgs {
    #[command(subcommand)]
    command: BulkCommand,
}

#[derive(Args, Clone)]
struct ConnectionArgs {
    /// A stored connection (name or id; see `metadesk-cli connections list`).
    #[arg(long, conflicts_with_all = ["aem", "file"])]
    connection: Option<String>,
    /// The AEM author URL, with `--file` (Adobe's sample-script form).
    #[arg(long, requires = "file")]
    aem: Option<String>,
    /// A credential file (Service Credentials, Local Development Token, OAuth S2S), used for
    /// this run only.
    #[arg(long, requires = "aem")]
    file: Option<PathBuf>,
    /// OAuth S2S only: a stored connection allowed on the classic API, used to list folders
    /// (no OpenAPI endpoint lists a folder's assets).
    #[arg(long, value_name = "CONNECTION")]
    list_with: Option<String>,
}

#[derive(Args, Clone)]
struct EditArgs {
    #[command(flatten)]
    conn: ConnectionArgs,
    /// The DAM folder: `/content/dam/…` (the sample's form without `/content/dam` works too).
    #[arg(long)]
    folder: String,
    /// The metadata property, `prefix:name` (e.g. dc:rights; `metadata/dc:rights` works too).
    #[arg(long)]
    property: String,
    /// Include the assets of subfolders.
    #[arg(long)]
    recursive: bool,
    /// Only assets whose name matches (`*` and `?`).
    #[arg(long, value_name = "PATTERN")]
    name: Option<String>,
    /// Only assets whose dc:format matches (e.g. `image/*`); may be repeated.
    #[arg(long = "format", value_name = "MIME")]
    formats: Vec<String>,
    /// Preview only: show what would change, write nothing.
    #[arg(long)]
    dry_run: bool,
    /// Apply without asking.
    #[arg(long)]
    yes: bool,
    /// Print the result as JSON (no progress bar).
    #[arg(long)]
    json: bool,
}

#[derive(Args, Clone)]
struct ValuedEdit {
    #[command(flatten)]
    edit: EditArgs,
    /// The value(s); repeat for several.
    #[arg(long = "value", required = true)]
    values: Vec<String>,
}

#[derive(Args, Clone)]
struct RunRef {
    /// The run id (see `metadesk-cli runs list`).
    run: String,
    #[command(flatten)]
    conn: ConnectionArgs,
    #[arg(long)]
    yes: bool,
    /// (undo, retry) Preview only.
    #[arg(long)]
    dry_run: bool,
    #[arg(long)]
    json: bool,
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
    Clear(EditArgs),
    /// Apply a previewed run, or finish an interrupted or cancelled one.
    Resume(RunRef),
    /// Restore every original value a run changed (itself a run, with preview and report).
    Undo(RunRef),
    /// Make a run's edits again on the assets that failed in it (read again first; itself a
    /// run, with preview and report).
    Retry(RunRef),
}

/// Secrets of a credential file given on the command line: held for this run only and
/// dropped at exit, because the user asked not to store anything. (Stored connections use
/// the OS keychain.)
#[derive(Default)]
struct ThisRunOnly(Mutex<HashMap<String, Secret>>);

impl SecretStore for ThisRunOnly {
    fn get(&self, key: &str) -> Result<Option<Secret>, SecretStoreError> {
        Ok(self.0.lock().map_err(|_| poisoned())?.get(key).cloned())
    }
    fn set(&self, key: &str, value: &Secret) -> Result<(), SecretStoreError> {
        self.0
            .lock()
            .map_err(|_| poisoned())?
            .insert(key.to_owned(), value.clone());
        Ok(())
    }
    fn delete(&self, key: &str) -> Result<(), SecretStoreError> {
        self.0.lock().map_err(|_| poisoned())?.remove(key);
        Ok(())
    }
    fn backend_name(&self) -> &'static str {
        "this run only"
    }
}

fn poisoned() -> SecretStoreError {
    SecretStoreError::Failed {
        detail: "internal lock poisoned".into(),
    }
}

/// What a run is labelled with, and how it connects.
struct Opened {
    label: String,
    /// The stored connection's id; none for a `--file` run.
    connection_id: Option<String>,
    connected: Connected,
    /// Keeps the throw-away config folder of a `--file` run alive until the run ends.
    _scratch: Option<Scratch>,
}

struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Opens the connection given on the command line or, for resume/undo/retry without one, the
/// connection of the earlier run `stored` (by id first: it may have been renamed since).
fn open_connection(args: &ConnectionArgs, stored: Option<&RunSummary>) -> Result<Opened, Error> {
    if let (Some(aem), Some(file)) = (&args.aem, &args.file) {
        let scratch = std::env::temp_dir().join(format!("metadesk-cli-{}", std::process::id()));
        let scratch = Scratch(scratch);
        let keychain: Arc<dyn SecretStore> = Arc::new(ThisRunOnly::default());
        let store = ConnectionStore::new(&scratch.0, keychain.clone());
        let recognised = metadesk_core::credentials::read_credential_file(file)
            .and_then(|bytes| metadesk_core::credentials::inspect(&bytes))
            .map_err(Error::from)?;
        let imported = store.import(
            &recognised,
            &ImportOptions {
                aem_url: Some(aem.clone()),
                ..ImportOptions::default()
            },
        )?;
        let connected = connect::open(&store, keychain, &imported.connection.id, None)?;
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        return Ok(Opened {
            label: format!("file:{name}"),
            connection_id: None,
            connected,
            _scratch: Some(scratch),
        });
    }
    let stored_label = stored.map(|s| s.connection.as_str());
    let name = match (&args.connection, stored_label) {
        (Some(n), _) => n.clone(),
        (None, Some(label)) if !label.starts_with("file:") => stored
            .and_then(|s| s.connection_id.clone())
            .unwrap_or_else(|| label.to_owned()),
        (None, Some(label)) => {
            return Err(Error::InvalidInput(format!(
                "This run used the credential file {}; give it again with --aem URL --file FILE.",
                label.trim_start_matches("file:")
            )));
        }
        (None, None) => {
            return Err(Error::InvalidInput(
                "Say which AEM to use: --connection NAME, or --aem URL --file CREDENTIALS.json."
                    .into(),
            ));
        }
    };
    let keychain: Arc<dyn SecretStore> = Arc::new(KeyringStore::new(profile_name()));
    let store = ConnectionStore::open(&output::app_dirs()?, keychain.clone());
    let connected = connect::open(&store, keychain, &name, args.list_with.as_deref())?;
    Ok(Opened {
        label: connected.connection.name.clone(),
        connection_id: Some(connected.connection.id.clone()),
        connected,
        _scratch: None,
    })
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

fn confirm(question: &str) -> Result<bool, Error> {
    if !std::io::stdin().is_terminal() {
        return Err(Error::InvalidInput(
            "Not applying without confirmation: add --yes (or --dry-run to only preview).".into(),
        ));
    }
    eprint!("{question} [y/N] ");
    let _ = std::io::stderr().flush();
    let mut answer = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut answer)
        .map_err(|e| Error::io("could not read the answer", e))?;
    Ok(matches!(answer.trim(), "y" | "Y" | "yes" | "Yes"))
}

/// Shows what the preview found: counts and the first few before → after.
fn show_preview(summary: &RunSummary, json: bool) {
    if json {
        return;
    }
    output::print_summary(summary);
    if let Ok(dir) = output::runs_dir()
        && let Ok(page) = runs::preview_page(
            &dir,
            &summary.id,
            Some(metadesk_core::bulk::Action::Change),
            0,
            10,
        )
    {
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

async fn apply(engine: &Engine, id: &str, json: bool) -> u8 {
    let control = RunControl::new();
    let ctrl_c = cancel_on_ctrl_c(&control);
    let printer = output::progress_printer(!json);
    let result = engine.apply(id, &control, &printer).await;
    ctrl_c.abort();
    match result {
        Ok(s) => {
            if json {
                output::print_json(&s);
            } else {
                output::print_summary(&s);
                if s.counts.failed > 0
                    && let Ok(dir) = output::runs_dir()
                {
                    let mut shown = 0;
                    let _ = runs::report(&dir, &s.id, |row| {
                        if row.status == metadesk_core::bulk::ReportStatus::Failed && shown < 5 {
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
            }
            exit_code(&s)
        }
        Err(e) => output::fail(&e),
    }
}

async fn preview_then_apply(
    opened: Opened,
    spec: RunSpec,
    dry_run: bool,
    yes: bool,
    json: bool,
) -> u8 {
    let dir = match output::runs_dir() {
        Ok(d) => d,
        Err(e) => return output::fail(&e),
    };
    let engine = Engine::new(opened.connected.store.clone(), dir);
    let control = RunControl::new();
    let ctrl_c = cancel_on_ctrl_c(&control);
    let printer = output::progress_printer(!json);
    let preview = match &spec.kind {
        RunKind::Edit => engine.preview(spec, &control, &printer).await,
        RunKind::Undo { of } => engine.preview_undo(of, &control, &printer).await,
        RunKind::Retry { of } => engine.preview_retry(of, &control, &printer).await,
    };
    ctrl_c.abort();
    let preview = match preview {
        Ok(p) => p,
        Err(e) => return output::fail(&e),
    };
    show_preview(&preview, json);
    if preview.status != RunStatus::Previewed {
        eprintln!("The preview was cancelled; nothing was written.");
        return SOME_FAILED;
    }
    if dry_run || preview.counts.pending == 0 {
        if json {
            output::print_json(&preview);
        } else if preview.counts.pending == 0 {
            println!("Nothing to change.");
        } else {
            println!(
                "Dry run: nothing was written. Apply exactly this with: metadesk-cli bulk resume {}",
                preview.id
            );
        }
        return OK;
    }
    if !yes {
        match confirm(&format!("Change {} assets?", preview.counts.pending)) {
            Ok(true) => {}
            Ok(false) => {
                println!(
                    "Not applied. Apply later with: metadesk-cli bulk resume {}",
                    preview.id
                );
                return OK;
            }
            Err(e) => return output::fail(&e),
        }
    }
    apply(&engine, &preview.id, json).await
}

fn edit_spec(args: &EditArgs, op: EditOp, opened: &Opened) -> Result<RunSpec, Error> {
    RunSpec {
        connection: opened.label.clone(),
        connection_id: opened.connection_id.clone(),
        aem: opened.connected.aem_url.clone(),
        family: opened.connected.family,
        folder: args.folder.clone(),
        filters: Filters {
            recursive: args.recursive,
            name: args.name.clone(),
            formats: args.formats.clone(),
        },
        edits: vec![Edit {
            property: args.property.clone(),
            op,
        }],
        kind: RunKind::Edit,
        account: opened.connected.account.clone(),
    }
    .validated()
}

pub async fn run(args: BulkArgs) -> u8 {
    let (edit, op) = match args.command {
        BulkCommand::Set(v) => (v.edit, EditOp::Set { values: v.values }),
        BulkCommand::Append(v) => (v.edit, EditOp::Append { values: v.values }),
        BulkCommand::Remove(v) => (v.edit, EditOp::Remove { values: v.values }),
        BulkCommand::Clear(e) => (e, EditOp::Clear),
        BulkCommand::Resume(r) => return resume(r).await,
        BulkCommand::Undo(r) => return undo(r).await,
        BulkCommand::Retry(r) => return retry(r).await,
    };
    let opened = match open_connection(&edit.conn, None) {
        Ok(o) => o,
        Err(e) => return output::fail(&e),
    };
    let spec = match edit_spec(&edit, op, &opened) {
        Ok(s) => s,
        Err(e) => return output::fail(&e),
    };
    preview_then_apply(opened, spec, edit.dry_run, edit.yes, edit.json).await
}

fn stored_run(run: &str) -> Result<RunSummary, Error> {
    runs::summary(&output::runs_dir()?, run)
}

async fn resume(r: RunRef) -> u8 {
    let summary = match stored_run(&r.run) {
        Ok(s) => s,
        Err(e) => return output::fail(&e),
    };
    let opened = match open_connection(&r.conn, Some(&summary)) {
        Ok(o) => o,
        Err(e) => return output::fail(&e),
    };
    let dir = match output::runs_dir() {
        Ok(d) => d,
        Err(e) => return output::fail(&e),
    };
    let engine = Engine::new(opened.connected.store.clone(), dir);
    if !r.yes && summary.status == RunStatus::Previewed {
        match confirm(&format!("Change {} assets?", summary.counts.pending)) {
            Ok(true) => {}
            Ok(false) => return OK,
            Err(e) => return output::fail(&e),
        }
    }
    apply(&engine, &r.run, r.json).await
}

async fn undo(r: RunRef) -> u8 {
    let kind = RunKind::Undo { of: r.run.clone() };
    plan_from_run(r, kind).await
}

async fn retry(r: RunRef) -> u8 {
    let kind = RunKind::Retry { of: r.run.clone() };
    plan_from_run(r, kind).await
}

/// Undo or retry of a stored run: a new run planned from that run's journal, on the
/// connection it used (or the one given).
async fn plan_from_run(r: RunRef, kind: RunKind) -> u8 {
    let summary = match stored_run(&r.run) {
        Ok(s) => s,
        Err(e) => return output::fail(&e),
    };
    let opened = match open_connection(&r.conn, Some(&summary)) {
        Ok(o) => o,
        Err(e) => return output::fail(&e),
    };
    let spec = RunSpec {
        connection: opened.label.clone(),
        connection_id: opened.connection_id.clone(),
        aem: opened.connected.aem_url.clone(),
        family: opened.connected.family,
        folder: summary.folder.clone(),
        filters: Filters::default(),
        edits: Vec::new(),
        kind,
        account: opened.connected.account.clone(),
    };
    preview_then_apply(opened, spec, r.dry_run, r.yes, r.json).await
}
