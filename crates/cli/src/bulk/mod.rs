//! `metadesk-cli bulk set|append|remove|clear|edit|replace|date|case|trim|resume|undo|retry`:
//! the core's preview and apply use cases, with the terminal's confirmation, progress bar and
//! report.
//!
//! Not here: reaching AEM (`open`), turning `bulk edit`'s flags into edits (`edits`) and the
//! computing edits' flags (`rules`), asking before writing and the production guard
//! (`confirm`), the run history (`runs`).

mod confirm;
mod edits;
pub(crate) mod open;
mod rules;

use std::io::IsTerminal;

use clap::{Args, Subcommand};
use metadesk_core::Error;
use metadesk_core::app::{Opened, RunAction, Workspace};
use metadesk_core::bulk::{
    Action, Combine, Condition, EditOp, Filters, ReportStatus, RunKind, RunStatus, RunSummary,
    Scope, runs,
};
use metadesk_core::i18n::{Localizer, arg, count};

use crate::output::{self, OK, SOME_FAILED, USAGE};
pub(crate) use confirm::ProductionGate;
use open::ConnectionArgs;

#[derive(Args)]
pub struct BulkArgs {
    #[command(subcommand)]
    command: BulkCommand,
}

/// Whether and how to write, shared by every bulk command.
#[derive(Args, Clone)]
pub(crate) struct WriteFlags {
    /// Preview only: show what would change, write nothing.
    #[arg(long)]
    pub(crate) dry_run: bool,
    /// Apply without asking.
    #[arg(long)]
    pub(crate) yes: bool,
    /// On a connection marked production: its name, to apply without typing it at a prompt
    /// (needed with --yes or without a terminal).
    #[arg(long, value_name = "NAME")]
    pub(crate) confirm_production: Option<String>,
    /// Print the result as JSON (no progress bar).
    #[arg(long)]
    pub(crate) json: bool,
}

/// Which assets a new run edits, and how it connects and writes.
#[derive(Args, Clone)]
struct ScopeArgs {
    #[command(flatten)]
    conn: ConnectionArgs,
    #[command(flatten)]
    select: SelectFlags,
    #[command(flatten)]
    write: WriteFlags,
}

/// Which assets: a folder, a search under one, a list or a saved scope, with the name and
/// format filters (shared by `bulk` and `sheet export`).
#[derive(Args, Clone)]
pub(crate) struct SelectFlags {
    /// The DAM folder: `/content/dam/…` (the sample's form without `/content/dam` works too).
    #[arg(long, required_unless_present_any = ["under", "list", "scope"], conflicts_with = "under")]
    folder: Option<String>,
    /// Search under this folder (with --where); same as --folder.
    #[arg(long, value_name = "PATH")]
    under: Option<String>,
    /// Only assets matching this condition, in the window's words; repeat for several, e.g.
    /// --where 'dc:rights is empty' --where 'tag is wknd:activity/surfing'. Forms: PROP is
    /// empty | is not empty | is VALUE | is not VALUE | contains TEXT | does not contain TEXT,
    /// tag is TAG, type is MIME (image/* for a family), modified|created before|after
    /// YYYY-MM-DD, name matches PATTERN.
    #[arg(long = "where", value_name = "CONDITION")]
    conditions: Vec<String>,
    /// Assets matching any of the --where conditions (default: all of them).
    #[arg(long, requires = "conditions")]
    any: bool,
    /// The assets of a list: DAM paths, Assets links or urn:aaid:aem: ids, one per line or a
    /// one-column CSV. Entries that name no asset are reported, the rest edited.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["folder", "under", "conditions", "scope"])]
    list: Option<std::path::PathBuf>,
    /// A scope saved for the connection (in the window's Bulk edit).
    #[arg(long, value_name = "NAME", conflicts_with_all = ["folder", "under", "conditions"])]
    scope: Option<String>,
    /// Include the assets of subfolders.
    #[arg(long)]
    recursive: bool,
    /// Only assets whose name matches (`*` and `?`).
    #[arg(long, value_name = "PATTERN")]
    name: Option<String>,
    /// Only assets whose dc:format matches (e.g. `image/*`); may be repeated.
    #[arg(long = "format", value_name = "MIME")]
    formats: Vec<String>,
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

/// `bulk set`: values, or a value computed per asset.
#[derive(Args, Clone)]
struct SetEdit {
    #[command(flatten)]
    rule: rules::RuleFlags,
    /// The value(s); repeat for several.
    #[arg(
        long = "value",
        required_unless_present_any = ["template", "copy_from"],
        conflicts_with_all = ["template", "copy_from"]
    )]
    values: Vec<String>,
    #[command(flatten)]
    computed: rules::ComputedSet,
    #[command(flatten)]
    scope: ScopeArgs,
}

#[derive(Args, Clone)]
struct ReplaceEdit {
    #[command(flatten)]
    rule: rules::RuleFlags,
    #[command(flatten)]
    replace: rules::ReplaceFlags,
    #[command(flatten)]
    scope: ScopeArgs,
}

#[derive(Args, Clone)]
struct DateEdit {
    #[command(flatten)]
    rule: rules::RuleFlags,
    #[command(flatten)]
    date: rules::DateFlags,
    #[command(flatten)]
    scope: ScopeArgs,
}

#[derive(Args, Clone)]
struct CaseEdit {
    #[command(flatten)]
    rule: rules::RuleFlags,
    /// The case: upper, lower, title (each word capitalised) or sentence (the first word).
    #[arg(long, value_enum, value_name = "CASE")]
    to: rules::CaseTo,
    #[command(flatten)]
    scope: ScopeArgs,
}

#[derive(Args, Clone)]
struct TrimEdit {
    #[command(flatten)]
    rule: rules::RuleFlags,
    /// Also make each run of spaces inside one space.
    #[arg(long)]
    collapse: bool,
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
    /// Replace the property's value: with values, or computed per asset from a template, the
    /// file name or another property.
    Set(SetEdit),
    /// Add values to a multi-valued property (no duplicates).
    Append(ValuedEdit),
    /// Remove values from a multi-valued property.
    Remove(ValuedEdit),
    /// Remove the property.
    Clear(ClearEdit),
    /// Several edits in one run, e.g. `--set dc:rights=WKND --append dc:subject=a --append
    /// dc:subject=b --remove dc:subject=old --clear xmpRights:UsageTerms`.
    Edit(ManyEdits),
    /// Find and replace in every value of the property: plain text or a regular expression.
    Replace(ReplaceEdit),
    /// Move or set the dates of the property, keeping each value's time zone and form.
    Date(DateEdit),
    /// Change the case of every value of the property.
    Case(CaseEdit),
    /// Remove spaces at the ends of every value of the property (and collapse those inside).
    Trim(TrimEdit),
    /// Apply a previewed run, or finish an interrupted or cancelled one (--dry-run: show what
    /// is left, write nothing).
    Resume(RunRef),
    /// Restore every original value a run changed (itself a run, with preview and report).
    Undo(RunRef),
    /// Make a run's edits again on the assets that failed in it (read again first; itself a
    /// run, with preview and report).
    Retry(RunRef),
}

pub async fn run(args: BulkArgs, ws: &Workspace, l: &Localizer) -> u8 {
    let (scope, edits) = match args.command {
        BulkCommand::Set(v) => {
            let op = v.computed.op().unwrap_or(EditOp::Set { values: v.values });
            (v.scope, Ok(vec![v.rule.edit(op)]))
        }
        BulkCommand::Replace(r) => (r.scope, Ok(vec![r.rule.edit(r.replace.op())])),
        BulkCommand::Date(d) => (d.scope, Ok(vec![d.rule.edit(d.date.op())])),
        BulkCommand::Case(c) => (c.scope, Ok(vec![c.rule.edit(c.to.op())])),
        BulkCommand::Trim(t) => (
            t.scope,
            Ok(vec![t.rule.edit(EditOp::Trim {
                collapse: t.collapse,
            })]),
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
        BulkCommand::Edit(m) => (m.scope, edits::edits(&m.edits, l)),
        BulkCommand::Resume(r) => return resume(r, ws, l).await,
        BulkCommand::Undo(r) => {
            let kind = RunKind::Undo { of: r.run.clone() };
            return plan_from_run(r, kind, RunAction::Undo, ws, l).await;
        }
        BulkCommand::Retry(r) => {
            let kind = RunKind::Retry { of: r.run.clone() };
            return plan_from_run(r, kind, RunAction::Retry, ws, l).await;
        }
    };
    // Everything the command line can get wrong is refused before AEM is asked anything:
    // the flags, then the rules (a pattern that does not read, a template naming no field).
    let edits = match edits.and_then(|mut e| {
        metadesk_core::bulk::spec::validate_edits(&mut e)?;
        Ok(e)
    }) {
        Ok(e) => e,
        Err(e) => return output::fail(&e, l),
    };
    // Conditions are read before AEM is asked anything, like the edits.
    if let Err(e) = scope.select.check() {
        return output::fail(&e, l);
    }
    let opened = match ws.open(scope.conn.choice()).await {
        Ok(o) => o,
        Err(e) => return output::fail(&e, l),
    };
    scope.conn.note_unused_paired(&opened, l);
    let (folder, filters) = match chosen_scope(&scope.select, &opened, ws, l) {
        Ok(parts) => parts,
        Err(e) => return output::fail(&e, l),
    };
    let gate = match gate(&opened, &scope.write, l) {
        Ok(g) => g,
        Err(e) => return output::fail(&e, l),
    };
    let printer = output::progress_printer(l, !scope.write.json);
    let preview = cancellable(
        ws,
        ws.preview_edit(&opened, folder, filters, edits, &printer),
        l,
    )
    .await;
    let preview = match preview {
        Ok(p) => p,
        Err(e) => return output::fail(&e, l),
    };
    if !scope.write.json {
        eprintln!(
            "{}",
            l.msg(
                "cli-bulk-scope",
                &[("scope", arg(preview.scope.localized(l)))]
            )
        );
    }
    after_preview(ws, &opened, preview, gate, &scope.write, l).await
}

impl SelectFlags {
    /// Refuses conditions that do not parse, before AEM is asked anything.
    pub(crate) fn check(&self) -> Result<(), Error> {
        match self
            .conditions
            .iter()
            .find_map(|c| Condition::parse(c).err())
        {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}

/// The run's folder and filters from the scope flags: a saved scope, a list file, a search
/// (`--where`) or a folder; the name and format filters apply to each.
pub(crate) fn chosen_scope(
    args: &SelectFlags,
    opened: &Opened,
    ws: &Workspace,
    l: &Localizer,
) -> Result<(String, Filters), Error> {
    let scope = if let Some(name) = &args.scope {
        ws.saved_scope(&opened.connection().id, name)?.scope
    } else if let Some(file) = &args.list {
        // Read as the window reads a dropped list: a .txt, a one-column .csv or a workbook's
        // first column, refused in words when empty, not text, too large or wider.
        Scope::List {
            entries: metadesk_core::app::read_list_path(file)?.entries,
        }
    } else {
        let folder = args
            .under
            .clone()
            .or_else(|| args.folder.clone())
            .ok_or_else(|| Error::InvalidInput(l.text("cli-which-folder")))?;
        if args.conditions.is_empty() {
            Scope::Folder {
                folder,
                recursive: args.recursive,
            }
        } else {
            Scope::Search {
                under: folder,
                recursive: args.recursive,
                conditions: args
                    .conditions
                    .iter()
                    .map(|c| Condition::parse(c))
                    .collect::<Result<_, _>>()?,
                combine: if args.any { Combine::Any } else { Combine::All },
            }
        }
    };
    let (folder, mut filters) = scope.into_run_parts()?;
    filters.name.clone_from(&args.name);
    filters.formats.clone_from(&args.formats);
    Ok((folder, filters))
}

fn edit(property: String, op: EditOp) -> metadesk_core::bulk::Edit {
    metadesk_core::bulk::Edit { property, op }
}

/// The production guard, decided before anything is previewed or written. A dry run writes
/// nothing, so it needs no guard.
pub(crate) fn gate(
    opened: &Opened,
    write: &WriteFlags,
    l: &Localizer,
) -> Result<ProductionGate, Error> {
    if write.dry_run {
        return Ok(ProductionGate::Passed);
    }
    confirm::production_gate(
        opened.connection(),
        write.confirm_production.as_deref(),
        write.yes,
        std::io::stdin().is_terminal(),
        l,
    )
}

/// Asks before applying `assets` changes. `Ok(Some(name))` = go ahead (with the production name
/// typed or given, for the core's guard), `Ok(None)` = the person said no.
fn consent(
    opened: &Opened,
    gate: &ProductionGate,
    write: &WriteFlags,
    assets: u64,
    l: &Localizer,
) -> Result<Option<Option<String>>, Error> {
    let (mut input, mut prompt) = (std::io::stdin().lock(), std::io::stderr());
    let given = write.confirm_production.clone();
    match gate {
        ProductionGate::AskForName => {
            confirm::ask_for_name(opened.connection(), assets, &mut input, &mut prompt, l)
                .map(|typed| Some(Some(typed)))
        }
        ProductionGate::Passed if write.yes => Ok(Some(given)),
        ProductionGate::Passed if !std::io::stdin().is_terminal() => Err(Error::InvalidInput(
            l.text("cli-not-applying-without-confirmation"),
        )),
        ProductionGate::Passed => {
            let question = l.msg("cli-confirm-change", &[("count", count(assets as f64))]);
            confirm::ask_yes_no(&question, &mut input, &mut prompt, l)
                .map(|yes| yes.then_some(given))
        }
    }
}

/// Runs `work`, cancelling the workspace's job on the first Ctrl-C (writes in flight finish,
/// the run can be resumed); a second Ctrl-C exits at once.
pub(crate) async fn cancellable<T>(
    ws: &Workspace,
    work: impl std::future::Future<Output = T>,
    l: &Localizer,
) -> T {
    let mut work = std::pin::pin!(work);
    let mut interrupted = false;
    loop {
        tokio::select! {
            done = &mut work => return done,
            signal = tokio::signal::ctrl_c() => {
                if signal.is_err() {
                    // No signal handling here: just finish the work.
                    return work.await;
                }
                if interrupted {
                    std::process::exit(i32::from(SOME_FAILED));
                }
                interrupted = true;
                eprintln!("\n{}", l.text("cli-bulk-stopping"));
                let _ = ws.jobs().cancel();
            }
        }
    }
}

/// Shows what the preview found: counts and the first few before → after.
fn show_preview(ws: &Workspace, summary: &RunSummary, l: &Localizer) {
    output::print_summary(summary, l);
    if let Ok(page) = runs::preview_page(&ws.runs_dir(), &summary.id, Some(Action::Change), 0, 10) {
        for row in &page.rows {
            let changes: Vec<String> = row
                .changes
                .iter()
                .filter(|c| c.before != c.after)
                .map(|c| {
                    format!(
                        "{}: {} → {}",
                        c.property,
                        metadesk_core::bulk::reasons::shown(c.before.as_ref(), l),
                        metadesk_core::bulk::reasons::shown(c.after.as_ref(), l)
                    )
                })
                .collect();
            println!("  {}  {}", row.path, changes.join("; "));
        }
        if summary.counts.pending > 10 {
            println!(
                "{}",
                l.msg(
                    "cli-bulk-more-changes",
                    &[
                        ("count", count(summary.counts.pending as f64 - 10.0)),
                        ("run", arg(summary.id.as_str())),
                    ],
                )
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

async fn apply(
    ws: &Workspace,
    opened: &Opened,
    id: &str,
    confirm_name: Option<&str>,
    json: bool,
    l: &Localizer,
) -> u8 {
    let printer = output::progress_printer(l, !json);
    let result = cancellable(ws, ws.apply(opened, id, confirm_name, &printer), l).await;
    let s = match result {
        Ok(s) => s,
        Err(e) => return output::fail(&e, l),
    };
    if json {
        output::print_summary_json(&s, l);
        return exit_code(&s);
    }
    output::print_summary(&s, l);
    if s.counts.failed > 0 {
        let mut shown = 0;
        let _ = runs::report(&ws.runs_dir(), &s.id, |row| {
            if row.status == ReportStatus::Failed && shown < 5 {
                shown += 1;
                let reason = row.reason.map(|r| r.localized(l)).unwrap_or_default();
                println!(
                    "{}",
                    l.msg(
                        "cli-bulk-failed-asset",
                        &[("path", arg(row.path.as_str())), ("reason", arg(reason))],
                    )
                );
            }
            Ok(())
        });
    }
    if s.counts.failed > 0 || s.counts.pending > 0 {
        println!(
            "{}",
            l.msg("cli-bulk-report-hint", &[("run", arg(s.id.as_str()))])
        );
    }
    if s.counts.pending > 0 {
        println!(
            "{}",
            l.msg("cli-bulk-finish-hint", &[("run", arg(s.id.as_str()))])
        );
    }
    exit_code(&s)
}

/// After a preview: show it, then (unless a dry run, or nothing changes) ask and apply.
pub(crate) async fn after_preview(
    ws: &Workspace,
    opened: &Opened,
    preview: RunSummary,
    gate: ProductionGate,
    write: &WriteFlags,
    l: &Localizer,
) -> u8 {
    if !write.json {
        show_preview(ws, &preview, l);
    }
    if preview.status != RunStatus::Previewed {
        eprintln!("{}", l.text("cli-bulk-preview-cancelled"));
        return SOME_FAILED;
    }
    if write.dry_run || preview.counts.pending == 0 {
        if write.json {
            output::print_summary_json(&preview, l);
        } else if preview.counts.pending == 0 {
            println!("{}", l.text("cli-bulk-nothing-to-change"));
        } else {
            println!(
                "{}",
                l.msg("cli-bulk-dry-run", &[("run", arg(preview.id.as_str()))])
            );
        }
        return OK;
    }
    match consent(opened, &gate, write, preview.counts.pending, l) {
        Ok(Some(name)) => apply(ws, opened, &preview.id, name.as_deref(), write.json, l).await,
        Ok(None) => {
            println!(
                "{}",
                l.msg("cli-bulk-not-applied", &[("run", arg(preview.id.as_str()))])
            );
            OK
        }
        Err(e) => {
            output::fail(&e, l);
            eprintln!(
                "{}",
                l.msg("cli-bulk-not-applied", &[("run", arg(preview.id.as_str()))])
            );
            USAGE
        }
    }
}

async fn resume(r: RunRef, ws: &Workspace, l: &Localizer) -> u8 {
    if r.write.dry_run {
        // Nothing to open: what is left is in the journal.
        let summary = match ws.run_summary(&r.run).await {
            Ok(s) => s,
            Err(e) => return output::fail(&e, l),
        };
        if r.write.json {
            output::print_summary_json(&summary, l);
        } else {
            show_preview(ws, &summary, l);
            println!("{}", l.text("cli-bulk-dry-run-resume"));
        }
        return OK;
    }
    let (summary, opened) = match ws
        .open_for_run(&r.run, r.conn.choice(), RunAction::Resume)
        .await
    {
        Ok(both) => both,
        Err(e) => return output::fail(&e, l),
    };
    let gate = match gate(&opened, &r.write, l) {
        Ok(g) => g,
        Err(e) => return output::fail(&e, l),
    };
    // A run that was already under way was agreed to then; only a previewed one (or the
    // production guard) asks now.
    let ask = summary.status == RunStatus::Previewed || gate == ProductionGate::AskForName;
    let name = if ask {
        match consent(&opened, &gate, &r.write, summary.counts.pending, l) {
            Ok(Some(name)) => name,
            Ok(None) => return OK,
            Err(e) => return output::fail(&e, l),
        }
    } else {
        r.write.confirm_production.clone()
    };
    apply(ws, &opened, &r.run, name.as_deref(), r.write.json, l).await
}

/// Undo or retry of a stored run: a new run planned from that run's journal, on the
/// connection it used (or the one given, on the same AEM).
async fn plan_from_run(
    r: RunRef,
    kind: RunKind,
    to: RunAction,
    ws: &Workspace,
    l: &Localizer,
) -> u8 {
    let (_, opened) = match ws.open_for_run(&r.run, r.conn.choice(), to).await {
        Ok(both) => both,
        Err(e) => return output::fail(&e, l),
    };
    let gate = match gate(&opened, &r.write, l) {
        Ok(g) => g,
        Err(e) => return output::fail(&e, l),
    };
    let printer = output::progress_printer(l, !r.write.json);
    let preview = cancellable(ws, ws.preview_from_run(&opened, kind, &printer), l).await;
    match preview {
        Ok(preview) => after_preview(ws, &opened, preview, gate, &r.write, l).await,
        Err(e) => output::fail(&e, l),
    }
}
