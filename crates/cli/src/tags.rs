//! `metadesk-cli tags list|export|merge|move|delete` (and where `import`, `rename` go): AEM's tag taxonomy in the reader's
//! language, or as JSON; saved as a sheet (one row a tag, a title column per language) to keep
//! in Excel; and a tag merged, moved or deleted with every asset under a folder that holds it
//! fixed first, previewed and applied like any bulk edit, then the tag itself changed.
//!
//! Not here: reading the taxonomy, writing the sheet, checking and finishing a tag change
//! (`metadesk_core::app`).

use std::path::PathBuf;

use clap::{Args, Subcommand};
use metadesk_core::Error;
use metadesk_core::app::{SheetFormat, TagChange, TagCounts, Workspace};
use metadesk_core::assets::tags::Tag;
use metadesk_core::bulk::RunStatus;
use metadesk_core::i18n::{Localizer, arg, count};

use crate::bulk::open::ConnectionArgs;
use crate::bulk::{Ask, WriteFlags, after_preview, cancellable, consent_to, gate, then_republish};
use crate::exit_code::{SOME_FAILED, SUCCESS};
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
    /// Apply a taxonomy sheet (as `tags export` writes it): create the tags it adds and change
    /// titles, translations and descriptions (previewed first; nothing is ever deleted).
    Import(crate::tags_import::ImportArgs),
    /// Undo a tag import: put titles back and remove the tags it created, unless changed or
    /// used since. Undoes a rename too (`undo-rename RUN`): its old titles put back, unless
    /// changed since.
    #[command(alias = "undo-rename")]
    UndoImport(crate::tags_import::UndoImportArgs),
    /// Change a tag's title (and, with --title-in, its titles in other languages): previewed
    /// first; its id stays, so no asset changes. Undone with `tags undo-rename RUN`.
    Rename(crate::tags_rename::RenameArgs),
    /// Merge a tag (and the tags below it) into another: every asset under --under that holds
    /// it gets the other instead (previewed, then applied), then AEM merges the tag itself.
    Merge {
        /// The tag merged away: `namespace:path/to/tag`.
        tag: String,
        /// The tag it is merged into (it must exist).
        #[arg(long, value_name = "TAG")]
        into: String,
        #[command(flatten)]
        change: ChangeArgs,
    },
    /// Move or rename a tag (and the tags below it): every asset under --under that holds it
    /// gets the new id (previewed, then applied), then AEM moves the tag itself.
    Move {
        /// The tag moved: `namespace:path/to/tag`.
        tag: String,
        /// Its new id (no tag may have it yet).
        #[arg(long, value_name = "TAG")]
        to: String,
        #[command(flatten)]
        change: ChangeArgs,
    },
    /// Delete a tag (and the tags below it): removed from every asset under --under first
    /// (previewed, then applied), then deleted in AEM.
    Delete {
        /// The tag deleted: `namespace:path/to/tag`.
        tag: String,
        #[command(flatten)]
        change: ChangeArgs,
    },
}

/// Where a tag change fixes assets, and how it writes.
#[derive(Args)]
struct ChangeArgs {
    #[command(flatten)]
    conn: ConnectionArgs,
    /// The folder whose assets (with its subfolders') that hold the tag are fixed:
    /// `/content/dam/…`.
    #[arg(long, value_name = "FOLDER")]
    under: String,
    #[command(flatten)]
    write: WriteFlags,
    /// After applying, republish the changed assets that were published before (never one
    /// that was not), so the website shows the new tags.
    #[arg(long)]
    republish: bool,
}

#[derive(Args)]
struct ListArgs {
    #[command(flatten)]
    conn: ConnectionArgs,
    /// Print the tags as JSON.
    #[arg(long)]
    json: bool,
    /// Count, for each tag, the assets under this folder (and its subfolders) that hold it or
    /// a tag below it: `/content/dam/…`.
    #[arg(long, value_name = "FOLDER")]
    under: Option<String>,
}

#[derive(Args)]
struct ExportArgs {
    #[command(flatten)]
    conn: ConnectionArgs,
    /// The file to write: `.xlsx` or `.csv` (replaced if it exists).
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// Add a column counting, for each tag, the assets under this folder (and its subfolders)
    /// that hold it or a tag below it.
    #[arg(long, value_name = "FOLDER")]
    under: Option<String>,
}

pub async fn run(args: TagsArgs, ws: &Workspace, l: &Localizer) -> u8 {
    match args.command {
        TagsCommand::List(a) => list(a, ws, l).await,
        TagsCommand::Export(a) => export(a, ws, l).await,
        TagsCommand::Import(a) => crate::tags_import::import(a, ws, l).await,
        TagsCommand::UndoImport(a) => crate::tags_import::undo(a, ws, l).await,
        TagsCommand::Rename(a) => crate::tags_rename::rename(a, ws, l).await,
        TagsCommand::Merge { tag, into, change } => {
            change_tag(TagChange::Merge { tag, into }, change, ws, l).await
        }
        TagsCommand::Move { tag, to, change } => {
            change_tag(TagChange::Move { tag, to }, change, ws, l).await
        }
        TagsCommand::Delete { tag, change } => {
            change_tag(TagChange::Delete { tag }, change, ws, l).await
        }
    }
}

/// One line a tag, indented by its depth: `Surf (wknd-shared:activity/surfing)`, then how many
/// assets hold it when a folder was counted.
fn line(tag: &Tag, counts: Option<&TagCounts>, l: &Localizer) -> String {
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
    if let Some(c) = counts {
        text.push_str(&l.msg("cli-tags-count", &[("count", count(c.of(&tag.id) as f64))]));
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
    let counts = match &a.under {
        Some(folder) => match cancellable(ws, ws.tag_counts(&opened, folder), l).await {
            Ok(c) => Some(c),
            Err(e) => return output::fail(&e, l),
        },
        None => None,
    };
    if a.json {
        let listed: Vec<serde_json::Value> =
            tags.iter().map(|t| tag_json(t, counts.as_ref())).collect();
        if let Err(e) = output::print_json(&listed, &mut std::io::stdout().lock()) {
            return output::fail(&e, l);
        }
    } else {
        if tags.is_empty() {
            println!("{}", l.text("cli-tags-none"));
        }
        for tag in &tags {
            println!("{}", line(tag, counts.as_ref(), l));
        }
    }
    counts.map_or(SUCCESS, |c| said_what_was_not_counted(c, l))
}

/// A tag as `tags list --json` prints it: with `count` when a folder was counted.
fn tag_json(tag: &Tag, counts: Option<&TagCounts>) -> serde_json::Value {
    let mut value = serde_json::to_value(tag).unwrap_or_default();
    if let (Some(c), Some(fields)) = (counts, value.as_object_mut()) {
        fields.insert("count".into(), c.of(&tag.id).into());
    }
    value
}

/// Warnings for the folders and assets a count could not see; the exit code says whether the
/// counts are whole.
fn said_what_was_not_counted(mut counts: TagCounts, l: &Localizer) -> u8 {
    counts.localize(l);
    for folder in &counts.unlisted_folders {
        eprintln!(
            "{}",
            l.msg(
                "cli-tags-folder-unlisted",
                &[("folder", arg(folder.as_str()))]
            )
        );
    }
    for unread in &counts.unread {
        eprintln!(
            "{}",
            l.msg("cli-tags-unread", &[("reason", arg(unread.localized(l)))])
        );
    }
    if counts.is_whole() {
        SUCCESS
    } else {
        SOME_FAILED
    }
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
    let saved = cancellable(
        ws,
        ws.save_taxonomy(&opened, format, l, a.under.as_deref(), a.out.clone()),
        l,
    )
    .await;
    match saved {
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
            saved
                .counts
                .map_or(SUCCESS, |c| said_what_was_not_counted(c, l))
        }
        Err(e) => output::fail(&e, l),
    }
}

/// The assets first (preview, consent, apply, report), then the tag itself: the run's last
/// step, sent by the core only once every asset that may hold the tag was rewritten. With no
/// asset to rewrite (a whole read found none holding it), the tag is changed at once, after the
/// same consent as any write (the production name included).
async fn change_tag(change: TagChange, a: ChangeArgs, ws: &Workspace, l: &Localizer) -> u8 {
    let opened = match ws.open(a.conn.choice()).await {
        Ok(o) => o,
        Err(e) => return output::fail(&e, l),
    };
    let gate = match gate(&opened, &a.write, l) {
        Ok(g) => g,
        Err(e) => return output::fail(&e, l),
    };
    if a.republish
        && let Err(e) = opened.require_publishes()
    {
        return output::fail(&e, l);
    }
    let printer = output::progress_printer(l, !a.write.json);
    let preview = cancellable(
        ws,
        ws.preview_tag_change(&opened, &change, &a.under, &printer),
        l,
    )
    .await;
    let preview = match preview {
        Ok(p) => p,
        Err(e) => return output::fail(&e, l),
    };
    let id = preview.id.clone();
    let at_once = preview.status == RunStatus::Previewed && preview.counts.pending == 0;
    let asks = gate.clone();
    let code = after_preview(ws, &opened, preview, gate, &a.write, l).await;
    if a.write.dry_run || code != SUCCESS {
        if a.write.dry_run {
            // With --json, standard output holds the JSON alone (a script parses it whole).
            let then = l.msg("cli-tags-then", &[("id", arg(change.tag()))]);
            if a.write.json {
                eprintln!("{then}");
            } else {
                println!("{then}");
            }
        }
        return code;
    }
    let mut done = match ws.run_summary(&id).await {
        Ok(s) => s,
        Err(e) => return output::fail(&e, l),
    };
    let whole = done.tag_step.as_ref().is_some_and(|s| s.left_alone == 0);
    if at_once && whole {
        let question = l.msg("cli-tags-confirm-at-once", &[("id", arg(change.tag()))]);
        let name_prompt = l.msg(
            "cli-production-prompt-tag",
            &[
                ("name", arg(opened.connection().name.as_str())),
                ("id", arg(change.tag())),
            ],
        );
        let ask = Ask {
            question: &question,
            name_prompt: &name_prompt,
        };
        let name = match consent_to(&opened, &asks, &a.write, ask, l) {
            Ok(Some(name)) => name,
            Ok(None) => {
                println!("{}", l.text("cli-tags-import-not-applied"));
                return SUCCESS;
            }
            Err(e) => return output::fail(&e, l),
        };
        let finished = ws.finish_unused_tag_change(&opened, &id, name.as_deref());
        done = match cancellable(ws, finished, l).await {
            Ok(s) => s,
            Err(e) => return output::fail(&e, l),
        };
    }
    let mut code = code;
    code = code.max(then_republish(ws, &opened, &id, Some(a.republish), &a.write, l).await);
    // Said again last, where it is seen: what became of the tag itself (the JSON has it too).
    if let Some(line) = output::tag_step_line(&done, l) {
        if a.write.json {
            eprintln!("{line}");
        } else {
            println!("{line}");
        }
    }
    code.max(output::tag_step_code(&done))
}
