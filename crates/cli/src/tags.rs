//! `metadesk-cli tags list|export`: AEM's tag taxonomy in the reader's language, or as JSON,
//! and saved as a sheet (one row a tag, a title column per language) to keep in Excel.
//!
//! Not here: reading the taxonomy and writing the sheet (`metadesk_core::app`).

use std::path::PathBuf;

use clap::{Args, Subcommand};
use metadesk_core::Error;
use metadesk_core::app::{SheetFormat, Workspace};
use metadesk_core::assets::tags::Tag;
use metadesk_core::i18n::{Localizer, arg, count};

use crate::bulk::open::ConnectionArgs;
use crate::exit_code::SUCCESS;
use crate::output;

#[derive(Args)]
pub struct TagsArgs {
    #[command(subcommand)]
    command: TagsCommand,
}

#[derive(Subcommand)]
enum TagsCommand {
    /// List every tag of the taxonomy: its title in your language, its id and description
    /// (with --json, its titles in every language).
    List(ListArgs),
    /// Save the taxonomy as a sheet (.xlsx or .csv): one row a tag with its id, title, a title
    /// column per language and its description.
    Export(ExportArgs),
}

#[derive(Args)]
struct ListArgs {
    #[command(flatten)]
    conn: ConnectionArgs,
    /// Print the tags as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
struct ExportArgs {
    #[command(flatten)]
    conn: ConnectionArgs,
    /// The file to write: `.xlsx` or `.csv` (replaced if it exists).
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
}

pub async fn run(args: TagsArgs, ws: &Workspace, l: &Localizer) -> u8 {
    match args.command {
        TagsCommand::List(a) => list(a, ws, l).await,
        TagsCommand::Export(a) => export(a, ws, l).await,
    }
}

/// One line a tag, indented by its depth: `Surf (wknd-shared:activity/surfing)`.
fn line(tag: &Tag, l: &Localizer) -> String {
    let depth = tag.id.split_once(':').map_or(0, |(_, local)| {
        if local.is_empty() {
            0
        } else {
            local.split('/').count()
        }
    });
    let title = tag.title_in(l.lang().tag());
    let mut text = l.msg(
        "cli-tags-line",
        &[("title", arg(title)), ("id", arg(tag.id.as_str()))],
    );
    if let Some(d) = &tag.description {
        text.push_str(&l.msg("cli-tags-description", &[("description", arg(d.as_str()))]));
    }
    format!("{}{text}", "  ".repeat(depth))
}

async fn list(a: ListArgs, ws: &Workspace, l: &Localizer) -> u8 {
    let opened = match ws.open(a.conn.choice()).await {
        Ok(o) => o,
        Err(e) => return output::fail(&e, l),
    };
    let tags = match ws.tags(&opened).await {
        Ok(t) => t,
        Err(e) => return output::fail(&e, l),
    };
    if a.json {
        if let Err(e) = output::print_json(&tags, &mut std::io::stdout().lock()) {
            return output::fail(&e, l);
        }
        return SUCCESS;
    }
    if tags.is_empty() {
        println!("{}", l.text("cli-tags-none"));
    }
    for tag in &tags {
        println!("{}", line(tag, l));
    }
    SUCCESS
}

async fn export(a: ExportArgs, ws: &Workspace, l: &Localizer) -> u8 {
    let name = a.out.file_name().map(|n| n.to_string_lossy().into_owned());
    let Some(format) = name.as_deref().and_then(SheetFormat::from_file_name) else {
        return output::fail(
            &Error::InvalidInput(l.msg(
                "cli-sheet-out-format",
                &[("file", arg(a.out.display().to_string()))],
            )),
            l,
        );
    };
    let opened = match ws.open(a.conn.choice()).await {
        Ok(o) => o,
        Err(e) => return output::fail(&e, l),
    };
    match ws.save_taxonomy(&opened, format, l, a.out.clone()).await {
        Ok(saved) => {
            println!(
                "{}",
                l.msg(
                    "cli-tags-exported",
                    &[
                        ("tags", count(saved.tags as f64)),
                        ("path", arg(a.out.display().to_string())),
                    ],
                )
            );
            SUCCESS
        }
        Err(e) => output::fail(&e, l),
    }
}
