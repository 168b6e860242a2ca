//! `metadesk-cli fragments list|set|append|remove|clear|replace`: content fragments' fields in
//! bulk, through the core's fragment use cases; an edit is a run like any other (preview, the
//! terminal's confirmation, apply, report; `bulk resume|undo|retry RUN` and `runs show RUN`
//! take it as they take an asset run).
//!
//! Not here: which fragments and what is written (the core's), asking and applying
//! (`bulk/applying.rs`, shared with `bulk`).

use std::path::PathBuf;

use clap::{Args, Subcommand};
use metadesk_core::app::{FragmentEdit, FragmentList, PreviewRequest, Workspace};
use metadesk_core::bulk::{Edit, EditOp};
use metadesk_core::i18n::{Localizer, arg};

use crate::bulk::open::ConnectionArgs;
use crate::bulk::rules::ReplaceFlags;
use crate::bulk::{WriteFlags, after_preview, cancellable, gate};
use crate::output;

#[derive(Args)]
pub struct FragmentsArgs {
    #[command(subcommand)]
    command: FragmentsCommand,
}

/// Which fragments: a folder's (its whole subtree) or a list's, of one model or all.
#[derive(Args, Clone)]
struct Which {
    #[command(flatten)]
    conn: ConnectionArgs,
    /// The folder whose content fragments are edited, with those of its subfolders.
    #[arg(long, required_unless_present = "list", conflicts_with = "list")]
    folder: Option<String>,
    /// Only the fragments of this model (its name or title, as `fragments list` shows it).
    #[arg(long, value_name = "MODEL")]
    model: Option<String>,
    /// The content fragments of a list: their paths (or links to them), one per line.
    #[arg(long, value_name = "FILE")]
    list: Option<PathBuf>,
    #[command(flatten)]
    write: WriteFlags,
}

#[derive(Args, Clone)]
struct FieldValues {
    /// The field, by its name (`fragments list` shows them); jcr:title and jcr:description are
    /// the fragment's own title and description.
    #[arg(long)]
    field: String,
    /// The value(s); repeat for several (a field that holds several values).
    #[arg(long = "value", required = true)]
    values: Vec<String>,
    #[command(flatten)]
    which: Which,
}

#[derive(Args, Clone)]
struct FieldOnly {
    /// The field, by its name (`fragments list` shows them); jcr:title and jcr:description are
    /// the fragment's own title and description.
    #[arg(long)]
    field: String,
    #[command(flatten)]
    which: Which,
}

#[derive(Args, Clone)]
struct FieldReplace {
    /// The field, by its name (`fragments list` shows them); jcr:title and jcr:description are
    /// the fragment's own title and description.
    #[arg(long)]
    field: String,
    #[command(flatten)]
    replace: ReplaceFlags,
    #[command(flatten)]
    which: Which,
}

#[derive(Args, Clone)]
struct ListArgs {
    #[command(flatten)]
    conn: ConnectionArgs,
    /// The folder whose content fragments are listed, with those of its subfolders.
    #[arg(long)]
    folder: String,
    /// Only the fragments of this model (its name or title).
    #[arg(long, value_name = "MODEL")]
    model: Option<String>,
    /// Print the fragments, their models and fields as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Subcommand)]
enum FragmentsCommand {
    /// List a folder's content fragments: title, model, status, and the fields their models
    /// give (name, type, one value or several, allowed values).
    List(ListArgs),
    /// Replace a field's value.
    Set(FieldValues),
    /// Add values to a field that holds several (no duplicates).
    Append(FieldValues),
    /// Remove values from a field that holds several.
    Remove(FieldValues),
    /// Empty a field.
    Clear(FieldOnly),
    /// Find and replace in a text field (rich text: its text only, its markup kept).
    Replace(FieldReplace),
}

pub async fn run(args: FragmentsArgs, ws: &Workspace, l: &Localizer) -> u8 {
    let (which, edit) = match args.command {
        FragmentsCommand::List(list) => return list_fragments(list, ws, l).await,
        FragmentsCommand::Set(v) => (v.which, edit(v.field, EditOp::Set { values: v.values })),
        FragmentsCommand::Append(v) => {
            (v.which, edit(v.field, EditOp::Append { values: v.values }))
        }
        FragmentsCommand::Remove(v) => {
            (v.which, edit(v.field, EditOp::Remove { values: v.values }))
        }
        FragmentsCommand::Clear(c) => (c.which, edit(c.field, EditOp::Clear)),
        FragmentsCommand::Replace(r) => (r.which, edit(r.field, r.replace.op())),
    };
    // What the command line can get wrong is refused before AEM is asked anything.
    let mut edits = vec![edit];
    if let Err(e) = metadesk_core::bulk::rules::validate_field_edits(&mut edits) {
        return output::fail(&e, l);
    }
    let list = match &which.list {
        Some(file) => match metadesk_core::app::read_list_path(file) {
            Ok(read) => Some(read.entries),
            Err(e) => return output::fail(&e, l),
        },
        None => None,
    };
    let opened = match ws.open(which.conn.choice()).await {
        Ok(o) => o,
        Err(e) => return output::fail(&e, l),
    };
    let gate = match gate(&opened, &which.write, l) {
        Ok(g) => g,
        Err(e) => return output::fail(&e, l),
    };
    let request = FragmentEdit {
        folder: which.folder.clone().unwrap_or_default(),
        model: which.model.clone(),
        list,
        edits,
    };
    let printer = output::progress_printer(l, !which.write.json);
    let preview = cancellable(
        ws,
        ws.preview(&opened, PreviewRequest::Fragments(request), &printer),
        l,
    )
    .await;
    let preview = match preview {
        Ok(p) => p,
        Err(e) => return output::fail(&e, l),
    };
    if !which.write.json {
        eprintln!(
            "{}",
            l.msg(
                "cli-bulk-scope",
                &[("scope", arg(preview.scope.localized(l)))]
            )
        );
    }
    after_preview(ws, &opened, preview, gate, &which.write, l).await
}

fn edit(property: String, op: EditOp) -> Edit {
    Edit { property, op }
}

async fn list_fragments(args: ListArgs, ws: &Workspace, l: &Localizer) -> u8 {
    let opened = match ws.open(args.conn.choice()).await {
        Ok(o) => o,
        Err(e) => return output::fail(&e, l),
    };
    let listed = match ws
        .list_fragments(&opened, &args.folder, args.model.as_deref())
        .await
    {
        Ok(listed) => listed,
        Err(e) => return output::fail(&e, l),
    };
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&listed).unwrap_or_default()
        );
    } else {
        print_list(&listed, l);
    }
    crate::exit_code::SUCCESS
}

/// The fragments as a table, then each field an edit may change.
fn print_list(listed: &FragmentList, l: &Localizer) {
    println!(
        "{}",
        l.msg(
            "cli-fragments-count",
            &[
                (
                    "count",
                    metadesk_core::i18n::count(listed.fragments.len() as f64)
                ),
                ("folder", arg(listed.folder.as_str())),
            ]
        )
    );
    for f in &listed.fragments {
        println!("  {}  {}  [{}]  {}", f.path, f.title, f.model, f.status);
    }
    println!("{}", l.text("cli-fragments-fields"));
    crate::schema::print_fields(&listed.fields.fields, l);
}
