//! `metadesk-cli upload DIR|FILE… --connection NAME --to FOLDER [--dry-run | --yes
//! [--confirm-production NAME]] [--json]`:
//! the core's upload plan (each file's size, AEM path and what happens to it), printed; with
//! `--yes`, sent as a run (resumed with `bulk resume RUN`, undone with `bulk undo RUN`).
//! Without `--yes` nothing is sent.
//!
//! Not here: the plan, the refusals and the wire (the core's `plan_upload`, `upload`).

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use metadesk_core::app::{SheetMetadata, Workspace, replaced_paths};
use metadesk_core::assets::upload::WhenDifferent;
use metadesk_core::bulk::RunStatus;
use metadesk_core::bulk::runs::RunSummary;
use metadesk_core::bulk::upload_plan::{Intent, UploadPlan};
use metadesk_core::i18n::{Localizer, arg, count};
use serde_json::{Value, json};

use crate::bulk::open::ConnectionArgs;
use crate::bulk::production_gate;
use crate::exit_code::{FAILURE, SOME_FAILED, SUCCESS};
use crate::output;

#[derive(Args)]
pub struct UploadArgs {
    /// The files and folders to upload; a folder's contents go in with their subfolders.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    conn: ConnectionArgs,
    /// The DAM folder they go into (it must exist).
    #[arg(long, value_name = "FOLDER")]
    to: String,
    /// Where another file is already at a file's path: give that asset a new version, or
    /// replace it with a new asset.
    #[arg(long, value_enum, default_value_t = WhenDifferentArg::NewVersion)]
    when_different: WhenDifferentArg,
    /// A sheet of values for the files: a File column (the path below the folder given) and one
    /// column per property, `|` between a list's values.
    #[arg(long, value_name = "SHEET")]
    metadata: Option<PathBuf>,
    /// Show the plan only, send nothing.
    #[arg(long, conflicts_with = "yes")]
    dry_run: bool,
    /// Upload without asking.
    #[arg(long)]
    yes: bool,
    /// On a connection marked production: its name, typed to confirm the upload.
    #[arg(long, value_name = "NAME")]
    confirm_production: Option<String>,
    /// Print the plan and the outcome as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum WhenDifferentArg {
    NewVersion,
    Replace,
}

pub async fn run(args: UploadArgs, ws: &Workspace, l: &Localizer) -> u8 {
    let when_different = match args.when_different {
        WhenDifferentArg::NewVersion => WhenDifferent::NewVersion,
        WhenDifferentArg::Replace => WhenDifferent::Replace,
    };
    let opened = match ws.open(args.conn.choice()).await {
        Ok(o) => o,
        Err(e) => return output::fail(&e, l),
    };
    // The production guard before anything is read: an upload sends only with --yes, so the
    // name is given, never asked.
    let confirm = args.confirm_production.as_deref();
    if args.yes
        && !args.dry_run
        && let Err(e) = production_gate(opened.connection(), confirm, true, false, l)
    {
        return output::fail(&e, l);
    }
    let plan = match ws
        .plan_upload(&opened, args.paths.clone(), &args.to, when_different)
        .await
    {
        Ok(plan) => plan,
        Err(e) => return output::fail(&e, l),
    };
    let sheet = match &args.metadata {
        Some(sheet) => match ws.upload_metadata(&opened, &plan, sheet).await {
            Ok(read) => read,
            Err(e) => return output::fail(&e, l),
        },
        None => SheetMetadata::default(),
    };
    // Before a file replaces an asset: where that asset is used (its pages show the new one).
    let replaced = replaced_paths(&plan);
    let references = if replaced.is_empty() {
        None
    } else {
        match ws.replaced_references(&opened, &replaced).await {
            Ok(mut found) => {
                found.localize(l);
                Some(found)
            }
            Err(e) => {
                let message = e.localized(l);
                eprintln!(
                    "{}",
                    l.msg("cli-references-failed", &[("message", arg(message))])
                );
                None
            }
        }
    };
    let send =
        args.yes && !args.dry_run && sheet.errors.is_empty() && plan.rows.iter().any(|r| r.sends());
    let ran = if send {
        match ws.upload(&opened, &plan, &sheet.by_file, confirm).await {
            Ok(summary) => Some(summary),
            Err(e) => return output::fail(&e, l),
        }
    } else {
        None
    };
    if args.json {
        let mut shown = as_json(&plan, &sheet, ran.as_ref(), l);
        if let Some(found) = &references {
            shown["references"] = serde_json::to_value(found).unwrap_or_default();
        }
        println!(
            "{}",
            serde_json::to_string_pretty(&shown).unwrap_or_default()
        );
    } else {
        print_plan(&plan, l);
        if let Some(found) = &references {
            crate::bulk::references::show_references(found, l);
        }
        print_sheet(&sheet, args.metadata.is_some(), l);
        match &ran {
            Some(summary) => {
                crate::upload_words::print_run(summary, l);
                crate::upload_words::print_finish(summary, l);
            }
            None if args.yes && sheet.errors.is_empty() => {
                println!("{}", l.msg("cli-upload-nothing-to-send", &[]));
            }
            None if !args.dry_run => eprintln!("{}", l.text("cli-upload-needs-yes")),
            None => {}
        }
    }
    let refused = !sheet.errors.is_empty()
        || plan
            .rows
            .iter()
            .any(|r| matches!(r.intent, Intent::Refused(_)));
    let unfinished = ran
        .as_ref()
        .is_some_and(|s| s.status != RunStatus::Completed || s.counts.skipped > 0);
    // Stopped because the account may not write: nothing more was done (`exit_code.rs`).
    if ran
        .as_ref()
        .is_some_and(RunSummary::stopped_for_write_access)
    {
        FAILURE
    } else if refused || unfinished {
        SOME_FAILED
    } else {
        SUCCESS
    }
}

/// What the sheet gives and what is wrong with it, before anything is sent.
fn print_sheet(sheet: &SheetMetadata, given: bool, l: &Localizer) {
    if !given {
        return;
    }
    for (path, values) in &sheet.by_file {
        let values: Vec<String> = values
            .iter()
            .map(|(p, v)| format!("{p} = {}", v.join(" | ")))
            .collect();
        println!("  {path}: {}", values.join("; "));
    }
    for error in &sheet.errors {
        println!("{}", error.localized(l));
    }
    for path in &sheet.without_row {
        println!(
            "{}",
            l.msg("cli-upload-no-row", &[("path", arg(path.as_str()))])
        );
    }
    if !sheet.errors.is_empty() {
        println!("{}", l.text("cli-upload-sheet-stops"));
    }
}

/// The intent's key (`cli-upload-intent`, the JSON's `intent`).
fn intent_key(intent: &Intent) -> &'static str {
    match intent {
        Intent::New => "new",
        Intent::Same => "same",
        Intent::Different(WhenDifferent::NewVersion) => "new-version",
        Intent::Different(WhenDifferent::Replace) => "replace",
        Intent::Refused(_) => "refused",
    }
}

fn print_plan(plan: &UploadPlan, l: &Localizer) {
    let tally = |key: &str| {
        plan.rows
            .iter()
            .filter(|r| intent_key(&r.intent) == key)
            .count() as f64
    };
    println!(
        "{}",
        l.msg(
            "cli-upload-plan",
            &[
                ("files", count(plan.rows.len() as f64)),
                ("folder", arg(plan.folder.as_str())),
                ("new", count(tally("new"))),
                ("same", count(tally("same"))),
                ("different", count(tally("new-version") + tally("replace"))),
                ("refused", count(tally("refused"))),
            ]
        )
    );
    for row in &plan.rows {
        let intent = l.msg(
            "cli-upload-intent",
            &[("intent", arg(intent_key(&row.intent)))],
        );
        let mut line = format!("  {intent}  {}  {}", row.size, row.aem_path);
        if let Intent::Refused(why) = &row.intent {
            line.push_str(&format!(
                "  ({}: {})",
                row.local.display(),
                why.localized(l)
            ));
        }
        println!("{line}");
    }
}

fn as_json(
    plan: &UploadPlan,
    sheet: &SheetMetadata,
    ran: Option<&RunSummary>,
    l: &Localizer,
) -> Value {
    let files: Vec<Value> = plan
        .rows
        .iter()
        .map(|row| {
            let mut file = json!({
                "local": row.local.display().to_string(),
                "aemPath": row.aem_path,
                "size": row.size,
                "intent": intent_key(&row.intent),
            });
            if let Intent::Refused(why) = &row.intent {
                file["reason"] = json!(why.localized(l));
            }
            file
        })
        .collect();
    let run = ran.map(|s| {
        let upload = s.op.as_ref().and_then(|op| op.as_upload());
        json!({
            "id": s.id,
            "status": s.status,
            "upload": upload,
            "reason": upload.and_then(|u| u.reason.as_ref()).map(|r| r.localized(l)),
        })
    });
    json!({
        "folder": plan.folder,
        "folders": plan.folders,
        "sent": ran.is_some(),
        "run": run,
        "metadata": sheet.by_file,
        "sheetErrors": sheet.errors.iter().map(|e| e.localized(l)).collect::<Vec<_>>(),
        "withoutRow": sheet.without_row,
        "files": files,
    })
}
