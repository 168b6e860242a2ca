//! `metadesk-cli bulk set|append|remove|clear|edit|replace|date|case|trim|resume|undo|retry|
//! republish`: the core's preview and apply use cases, with the terminal's confirmation,
//! progress bar and report.
//!
//! This file holds the commands and their flags; the rest is one file per job: which assets
//! (`scope_args`), reaching AEM (`open`), turning `bulk edit`'s flags into edits (`edits`) and the
//! rules' flags (`rules`), what a preview shows (`preview`), asking before writing
//! and the production guard (`confirm`), applying, resuming, undoing and retrying
//! (`applying`), republishing what an edit changed, after it or later (`republish`). Not here:
//! the run history (`runs`).

mod applying;
mod confirm;
mod edits;
mod from_run;
pub(crate) mod open;
mod preview;
pub(crate) mod references;
mod republish;
pub(crate) mod rules;
mod run_args;
mod scope_args;

use clap::{Args, Subcommand};
use metadesk_core::app::{Opened, PreviewRequest, RunAction, Workspace};
use metadesk_core::bulk::{EditOp, RunScope};
use metadesk_core::i18n::{Localizer, arg};

use crate::output;
use applying::resume;
pub(crate) use applying::{after_preview, cancellable};
pub(crate) use confirm::{
    Ask, ProductionGate, ask_for_name, ask_yes_no, consent_to, gate, production_gate,
};
use from_run::plan_from_run;
use open::ConnectionArgs;
pub(crate) use republish::{AgentArg, then_republish};
use run_args::RunRef;
pub(crate) use run_args::WriteFlags;
pub(crate) use scope_args::{ScopeArgs, chosen_scope};

#[derive(Args)]
pub struct BulkArgs {
    #[command(subcommand)]
    command: BulkCommand,
}

/// Which assets a new run edits, and how it connects and writes.
#[derive(Args, Clone)]
struct NewRunArgs {
    #[command(flatten)]
    conn: ConnectionArgs,
    #[command(flatten)]
    scope: ScopeArgs,
    #[command(flatten)]
    write: WriteFlags,
    /// After applying, republish the changed assets that were published before (never one
    /// that was not), so the website shows the new values.
    #[arg(long)]
    republish: bool,
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
    run: NewRunArgs,
}

/// `bulk set`: values, or a value computed per asset.
#[derive(Args, Clone)]
struct SetEdit {
    #[command(flatten)]
    property: rules::PropertyFlags,
    /// The value(s); repeat for several.
    #[arg(
        long = "value",
        required_unless_present_any = ["template", "copy_from"],
        conflicts_with_all = ["template", "copy_from"]
    )]
    values: Vec<String>,
    #[command(flatten)]
    rule: rules::RuleArgs,
    #[command(flatten)]
    run: NewRunArgs,
}

#[derive(Args, Clone)]
struct ReplaceEdit {
    #[command(flatten)]
    property: rules::PropertyFlags,
    #[command(flatten)]
    replace: rules::ReplaceFlags,
    #[command(flatten)]
    run: NewRunArgs,
}

#[derive(Args, Clone)]
struct DateEdit {
    #[command(flatten)]
    property: rules::PropertyFlags,
    #[command(flatten)]
    date: rules::DateFlags,
    #[command(flatten)]
    run: NewRunArgs,
}

#[derive(Args, Clone)]
struct CaseEdit {
    #[command(flatten)]
    property: rules::PropertyFlags,
    /// The case: upper, lower, title (each word capitalised) or sentence (the first word).
    #[arg(long, value_enum, value_name = "CASE")]
    to: rules::CaseTo,
    #[command(flatten)]
    run: NewRunArgs,
}

#[derive(Args, Clone)]
struct TrimEdit {
    #[command(flatten)]
    property: rules::PropertyFlags,
    /// Also make each run of spaces inside one space.
    #[arg(long)]
    collapse: bool,
    #[command(flatten)]
    run: NewRunArgs,
}

#[derive(Args, Clone)]
struct ClearEdit {
    /// The metadata property, `prefix:name` (e.g. dc:rights; `metadata/dc:rights` works too).
    #[arg(long)]
    property: String,
    #[command(flatten)]
    run: NewRunArgs,
}

#[derive(Args, Clone)]
struct ManyEdits {
    #[command(flatten)]
    edits: edits::EditFlags,
    #[command(flatten)]
    run: NewRunArgs,
}

/// `bulk republish RUN`: a run, and the tier to republish to.
#[derive(Args, Clone)]
struct RepublishRef {
    #[command(flatten)]
    of: RunRef,
    /// Where to republish: publish (the website) or preview (AEM's Preview tier).
    #[arg(long, value_enum, default_value_t = AgentArg::Publish)]
    agent: AgentArg,
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
    /// Republish what an applied run changed, on the assets that were published before it
    /// (never one that was not; itself a run, with preview and report).
    Republish(RepublishRef),
}

pub async fn run(args: BulkArgs, ws: &Workspace, l: &Localizer) -> u8 {
    let (new_run, edits) = match args.command {
        BulkCommand::Set(v) => {
            let op = v.rule.op().unwrap_or(EditOp::Set { values: v.values });
            (v.run, Ok(vec![v.property.edit(op)]))
        }
        BulkCommand::Replace(r) => (r.run, Ok(vec![r.property.edit(r.replace.op())])),
        BulkCommand::Date(d) => (d.run, Ok(vec![d.property.edit(d.date.op())])),
        BulkCommand::Case(c) => (c.run, Ok(vec![c.property.edit(c.to.op())])),
        BulkCommand::Trim(t) => (
            t.run,
            Ok(vec![t.property.edit(EditOp::Trim {
                collapse: t.collapse,
            })]),
        ),
        BulkCommand::Append(v) => (
            v.run,
            Ok(vec![edit(v.property, EditOp::Append { values: v.values })]),
        ),
        BulkCommand::Remove(v) => (
            v.run,
            Ok(vec![edit(v.property, EditOp::Remove { values: v.values })]),
        ),
        BulkCommand::Clear(c) => (c.run, Ok(vec![edit(c.property, EditOp::Clear)])),
        BulkCommand::Edit(m) => (m.run, edits::edits(&m.edits, l)),
        BulkCommand::Resume(r) => return resume(r, ws, l).await,
        BulkCommand::Undo(r) => return plan_from_run(r, RunAction::Undo, ws, l).await,
        BulkCommand::Retry(r) => return plan_from_run(r, RunAction::Retry, ws, l).await,
        BulkCommand::Republish(r) => {
            return republish::republish_run(r.of, r.agent.into(), ws, l).await;
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
    let (opened, scope, gate) =
        match open_scope(&new_run.conn, &new_run.scope, &new_run.write, ws, l).await {
            Ok(parts) => parts,
            Err(code) => return code,
        };
    // A republish this connection cannot make is refused before the edit is written.
    if new_run.republish
        && let Err(e) = opened.require_publishes()
    {
        return output::fail(&e, l);
    }
    let printer = output::progress_printer(l, !new_run.write.json);
    let preview = cancellable(
        ws,
        ws.preview(&opened, PreviewRequest::Edit { scope, edits }, &printer),
        l,
    )
    .await;
    let preview = match preview {
        Ok(p) => p,
        Err(e) => return output::fail(&e, l),
    };
    if !new_run.write.json {
        eprintln!(
            "{}",
            l.msg(
                "cli-bulk-scope",
                &[("scope", arg(preview.scope.localized(l)))]
            )
        );
    }
    let id = preview.id.clone();
    let code = after_preview(ws, &opened, preview, gate, &new_run.write, l).await;
    let asked = Some(new_run.republish);
    code.max(republish::then_republish(ws, &opened, &id, asked, &new_run.write, l).await)
}

/// What a new run on a scope starts with: the conditions read (before AEM is asked anything,
/// like the edits), the connection opened, the scope chosen and the production guard; else the
/// exit code once the reason is printed.
pub(crate) async fn open_scope(
    conn: &ConnectionArgs,
    scope: &ScopeArgs,
    write: &WriteFlags,
    ws: &Workspace,
    l: &Localizer,
) -> Result<(Opened, RunScope, confirm::ProductionGate), u8> {
    scope.check().map_err(|e| output::fail(&e, l))?;
    let opened = ws
        .open(conn.choice())
        .await
        .map_err(|e| output::fail(&e, l))?;
    conn.note_unused_paired(&opened, l);
    let scope = chosen_scope(scope, &opened, ws, l).map_err(|e| output::fail(&e, l))?;
    let gate = gate(&opened, write, l).map_err(|e| output::fail(&e, l))?;
    Ok((opened, scope, gate))
}

fn edit(property: String, op: EditOp) -> metadesk_core::bulk::Edit {
    metadesk_core::bulk::Edit { property, op }
}
