//! `metadesk-cli move --connection NAME (--folder F [--recursive] | --list FILE | --where …)
//! --to FOLDER [--flatten] [--rename RULE] [--republish] [--keep-page PAGE…] [--dry-run |
//! --yes]` and `metadesk-cli move --sheet FILE …`: the core's move preview (each asset's old →
//! new path, the pages that use it, what is refused and why), printed; then, as every run,
//! asked or applied (`--yes`), resumed with `bulk resume RUN` and undone with `bulk undo RUN`.
//!
//! Not here: the plan, the refusals and the wire (the core's `preview_move`), the lines of a
//! move's rows (`move_words.rs`).

use std::path::PathBuf;

use clap::Args;
use metadesk_core::app::{MoveAsk, MoveOptions, MoveWhat, Workspace};
use metadesk_core::i18n::Localizer;

use crate::bulk::open::ConnectionArgs;
use crate::bulk::{ScopeArgs, WriteFlags, chosen_scope};
use crate::output;

#[derive(Args)]
pub struct MoveArgs {
    #[command(flatten)]
    conn: ConnectionArgs,
    /// The DAM folder whose assets move (with --where: searched under it).
    #[arg(long, value_name = "FOLDER", required_unless_present_any = ["list", "sheet"])]
    folder: Option<String>,
    /// Include the assets of its subfolders.
    #[arg(long)]
    recursive: bool,
    /// Only assets matching this condition (as `bulk --where`); repeat for several.
    #[arg(long = "where", value_name = "CONDITION", requires = "folder")]
    conditions: Vec<String>,
    /// Assets matching any of the --where conditions (default: all of them).
    #[arg(long, requires = "conditions")]
    any: bool,
    /// The assets of a list: DAM paths, Assets links or ids, one per line or a one-column CSV.
    #[arg(long, value_name = "FILE", conflicts_with = "folder")]
    list: Option<PathBuf>,
    /// A sheet (.xlsx or .csv) whose Path and New path columns say where each asset or folder
    /// goes; not with the scope's flags.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["to", "folder", "list"])]
    sheet: Option<PathBuf>,
    /// The DAM folder the scope's assets move into.
    #[arg(long, value_name = "FOLDER", required_unless_present = "sheet")]
    to: Option<String>,
    /// Put every asset straight into --to, not keeping the subfolders it had.
    #[arg(long)]
    flatten: bool,
    /// Rename each asset: comma-separated lowercase, dashes, replace:FROM=TO, prefix:TEXT,
    /// suffix:TEXT, number[:START[:DIGITS]].
    #[arg(long, value_name = "RULE")]
    rename: Option<String>,
    /// After the move, publish again what was on the website (moved assets and pages).
    #[arg(long)]
    republish: bool,
    /// A page left pointing at the old path (not adjusted); may be repeated.
    #[arg(long = "keep-page", value_name = "PAGE")]
    keep_pages: Vec<String>,
    #[command(flatten)]
    write: WriteFlags,
}

pub async fn run(args: MoveArgs, ws: &Workspace, l: &Localizer) -> u8 {
    let opened = match ws.open(args.conn.choice()).await {
        Ok(o) => o,
        Err(e) => return output::fail(&e, l),
    };
    let what = match (&args.sheet, &args.to) {
        (Some(file), _) => MoveWhat::Sheet { file: file.clone() },
        (None, Some(to)) => {
            let scope = ScopeArgs::of(
                args.folder.clone(),
                args.conditions.clone(),
                args.any,
                args.list.clone(),
                args.recursive,
            );
            if let Err(e) = scope.check() {
                return output::fail(&e, l);
            }
            match chosen_scope(&scope, &opened, ws, l) {
                Ok(scope) => MoveWhat::Scope {
                    scope,
                    to: to.clone(),
                },
                Err(e) => return output::fail(&e, l),
            }
        }
        _ => {
            eprintln!("{}", l.text("cli-move-what"));
            return crate::exit_code::FAILURE;
        }
    };
    let gate = match crate::bulk::gate(&opened, &args.write, l) {
        Ok(g) => g,
        Err(e) => return output::fail(&e, l),
    };
    let ask = MoveAsk {
        what,
        options: MoveOptions {
            flatten: args.flatten,
            rename: args.rename.clone(),
            republish: args.republish,
            keep_pages: args.keep_pages.clone(),
        },
    };
    let preview = match ws.preview_move(&opened, ask).await {
        Ok(p) => p,
        Err(e) => return output::fail(&e, l),
    };
    crate::bulk::after_preview(ws, &opened, preview, gate, &args.write, l).await
}
