//! `metadesk-cli sheet export|import`: the core's sheet use cases, with the terminal's list of
//! problems, confirmation, progress and report (the same as `bulk` once the sheet is previewed).
//!
//! Not here: the formats and checks (`metadesk_core::sheets`), previewing and applying
//! (`metadesk_core::app`).

use std::path::PathBuf;

use clap::{Args, Subcommand};
use metadesk_core::Error;
use metadesk_core::app::{SheetFormat, SheetImport, Workspace, read_sheet_file};
use metadesk_core::i18n::{Localizer, arg, count};
use metadesk_core::sheets::Severity;

use crate::bulk::open::ConnectionArgs;
use crate::bulk::{ScopeArgs, WriteFlags, after_preview, cancellable, chosen_scope, gate};
use crate::exit_code::{FAILURE, SOME_FAILED, SUCCESS};
use crate::output;

#[derive(Args)]
pub struct SheetArgs {
    #[command(subcommand)]
    command: SheetCommand,
}

#[derive(Subcommand)]
enum SheetCommand {
    /// Write a sheet (.xlsx or .csv, from --out's extension) of the assets of a folder, one
    /// column per property.
    Export(ExportArgs),
    /// Check an edited sheet (.xlsx, .xls, .ods, .csv; Metadesk's or AEM's Metadata Export),
    /// preview the cells that change, and apply them.
    Import(ImportArgs),
}

#[derive(Args)]
struct ExportArgs {
    #[command(flatten)]
    conn: ConnectionArgs,
    /// Which assets, as for `bulk`: --folder [--recursive], --under with --where [--any],
    /// --list FILE or --scope NAME, and the --name and --format filters.
    #[command(flatten)]
    scope: ScopeArgs,
    /// A property to export, `prefix:name` (e.g. dc:title); repeat for several.
    #[arg(long = "property", required = true, value_name = "PROPERTY")]
    properties: Vec<String>,
    /// The file to write: `.xlsx` or `.csv`.
    #[arg(long)]
    out: PathBuf,
}

#[derive(Args)]
struct ImportArgs {
    /// The sheet.
    #[arg(value_name = "FILE")]
    sheet: PathBuf,
    #[command(flatten)]
    conn: ConnectionArgs,
    /// Leave out the rows that have errors and preview the others (errors in the headers or
    /// the file still stop the import).
    #[arg(long)]
    skip_invalid_rows: bool,
    #[command(flatten)]
    write: WriteFlags,
}

pub async fn run(args: SheetArgs, ws: &Workspace, l: &Localizer) -> u8 {
    match args.command {
        SheetCommand::Export(a) => export(a, ws, l).await,
        SheetCommand::Import(a) => import(a, ws, l).await,
    }
}

async fn export(a: ExportArgs, ws: &Workspace, l: &Localizer) -> u8 {
    let out_name = a.out.file_name().map(|n| n.to_string_lossy().into_owned());
    let Some(format) = out_name.as_deref().and_then(SheetFormat::from_file_name) else {
        return output::fail(
            &Error::InvalidInput(l.msg(
                "cli-sheet-out-format",
                &[("file", arg(a.out.display().to_string()))],
            )),
            l,
        );
    };
    if let Err(e) = a.scope.check() {
        return output::fail(&e, l);
    }
    let opened = match ws.open(a.conn.choice()).await {
        Ok(o) => o,
        Err(e) => return output::fail(&e, l),
    };
    let scope = match chosen_scope(&a.scope, &opened, ws, l) {
        Ok(scope) => scope,
        Err(e) => return output::fail(&e, l),
    };
    // Written whole beside --out, then renamed over it: an export interrupted part-way (a
    // full disk, a kill) leaves the file that was there, never half a sheet.
    let saved = cancellable(
        ws,
        ws.save_sheet_export(&opened, &scope, &a.properties, format, l, a.out.clone()),
        l,
    )
    .await;
    let report = match saved {
        Ok(saved) => saved.export,
        Err(e) => return output::fail(&e, l),
    };
    let file = a.out.display().to_string();
    let wrote = l.msg(
        "cli-sheet-wrote",
        &[("count", count(report.assets as f64)), ("file", arg(file))],
    );
    println!("{wrote}");
    // What AEM's search index did not know: assets read one by one (all in the sheet), or the
    // time a search's scope was taken.
    if let Some(notice) = &report.index_notice {
        println!("{}", notice.localized(l));
    }
    for folder in &report.unlisted_folders {
        let words = l.msg(
            "cli-sheet-folder-unlisted",
            &[("folder", arg(folder.as_str()))],
        );
        eprintln!("{words}");
    }
    for unread in &report.unread {
        let reason = unread.localized(l);
        eprintln!("{}", l.msg("cli-sheet-unread", &[("reason", arg(reason))]));
    }
    if report.unlisted_folders.is_empty() && report.unread.is_empty() {
        SUCCESS
    } else {
        SOME_FAILED
    }
}

fn print_issues(import: &SheetImport, l: &Localizer) {
    for issue in &import.issues {
        let severity = match issue.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let words = l.msg(
            "cli-sheet-issue",
            &[
                ("severity", arg(severity)),
                ("message", arg(issue.message.to_string())),
            ],
        );
        eprintln!("{words}");
    }
}

async fn import(a: ImportArgs, ws: &Workspace, l: &Localizer) -> u8 {
    let file_name = a
        .sheet
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // The window's limits: a regular file (not a pipe or a device), at most MAX_SHEET_BYTES.
    let bytes = match read_sheet_file(&a.sheet) {
        Ok(b) => b,
        Err(e) => return output::fail(&e, l),
    };
    let opened = match ws.open(a.conn.choice()).await {
        Ok(o) => o,
        Err(e) => return output::fail(&e, l),
    };
    let gate = match gate(&opened, &a.write, l) {
        Ok(g) => g,
        Err(e) => return output::fail(&e, l),
    };
    let printer = output::progress_printer(l, !a.write.json);
    let import = cancellable(
        ws,
        ws.import_sheet(&opened, &file_name, bytes, a.skip_invalid_rows, &printer),
        l,
    )
    .await;
    let mut import = match import {
        Ok(i) => i,
        Err(e) => return output::fail(&e, l),
    };
    // The terminal prints every problem, not the window's first page.
    if import.issue_counts.total > import.issues.len() as u64 {
        match ws.all_sheet_issues(&import.import_id) {
            Ok(all) => import.issues = all.to_vec(),
            Err(e) => return output::fail(&e, l),
        }
    }
    import.issues.iter_mut().for_each(|i| i.localize(l));
    import.format.localize(l);
    print_issues(&import, l);
    // A sheet with errors comes back without a preview (none is kept), unless its rows in
    // error were left out.
    let Some(preview) = import.run.clone() else {
        let errors = import
            .issues
            .iter()
            .filter(|i| i.severity == Severity::Error)
            .count();
        if a.write.json
            && let Err(e) = output::print_json(&import, &mut std::io::stdout().lock())
        {
            return output::fail(&e, l);
        }
        let words = l.msg(
            "cli-sheet-has-errors",
            &[
                ("file", arg(file_name.as_str())),
                ("count", count(errors as f64)),
            ],
        );
        eprintln!("{words}");
        return FAILURE;
    };
    if !import.skipped_rows.is_empty() {
        let rows = import
            .skipped_rows
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        let words = l.msg(
            "cli-sheet-rows-left-out",
            &[
                ("count", count(import.skipped_rows.len() as f64)),
                ("rows", arg(rows)),
            ],
        );
        eprintln!("{words}");
    }
    after_preview(ws, &opened, preview, gate, &a.write, l).await
}
