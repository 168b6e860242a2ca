//! `metadesk-cli schema show|missing`: a folder's metadata schema in words (or JSON), and the
//! report of assets that lack required metadata or hold values the schema does not allow,
//! with a list file of those assets for `bulk --list` or `sheet export --list`.
//!
//! Not here: reading the schema and judging the assets (`metadesk_core::app`'s schema use
//! cases).

use std::path::PathBuf;

use clap::{Args, Subcommand};
use metadesk_core::Error;
use metadesk_core::app::{FolderSchema, Workspace};
use metadesk_core::assets::schema::{FieldKind, SchemaField};
use metadesk_core::i18n::{Localizer, arg, count};

use crate::bulk::open::ConnectionArgs;
use crate::bulk::{ScopeArgs, cancellable, chosen_scope};
use crate::exit_code::{SOME_FAILED, SUCCESS};
use crate::output;

#[derive(Args)]
pub struct SchemaArgs {
    #[command(subcommand)]
    command: SchemaCommand,
}

#[derive(Subcommand)]
enum SchemaCommand {
    /// Show a folder's metadata schema: its fields by tab, with their labels, properties,
    /// types, allowed values, and whether they are required or read-only.
    Show(ShowArgs),
    /// List the assets that lack a value their metadata schema requires, field by field, and
    /// the values it does not allow (exit 1 when there are any).
    Missing(MissingArgs),
}

#[derive(Args)]
struct ShowArgs {
    #[command(flatten)]
    conn: ConnectionArgs,
    /// The DAM folder: `/content/dam/…`.
    #[arg(long)]
    folder: String,
    /// Print the schema as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
struct MissingArgs {
    #[command(flatten)]
    conn: ConnectionArgs,
    /// Which assets, as for `bulk`: --folder [--recursive], --under with --where [--any],
    /// --list FILE or --scope NAME, and the --name and --format filters.
    #[command(flatten)]
    scope: ScopeArgs,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
    /// Also write the paths of the assets lacking a required value to this file, one a line,
    /// for `bulk … --list FILE` or `sheet export --list FILE`.
    #[arg(long, value_name = "FILE")]
    list_out: Option<PathBuf>,
}

pub async fn run(args: SchemaArgs, ws: &Workspace, l: &Localizer) -> u8 {
    match args.command {
        SchemaCommand::Show(a) => show(a, ws, l).await,
        SchemaCommand::Missing(a) => missing(a, ws, l).await,
    }
}

fn kind_words(field: &SchemaField, l: &Localizer) -> String {
    let kind = match field.kind {
        FieldKind::Text => "text",
        FieldKind::MultiText => "multi-text",
        FieldKind::Number => "number",
        FieldKind::Date => "date",
        FieldKind::Dropdown => "dropdown",
        FieldKind::Tags => "tags",
        FieldKind::Checkbox => "checkbox",
        FieldKind::Other => "other",
    };
    let mut words = vec![l.msg("cli-schema-kind", &[("kind", arg(kind))])];
    if field.required {
        words.push(l.text("cli-schema-required"));
    }
    if field.read_only {
        words.push(l.text("cli-schema-read-only"));
    }
    let mut line = l.msg(
        "cli-schema-field",
        &[
            ("label", arg(field.label.as_str())),
            ("property", arg(field.property.as_str())),
            ("kind", arg(words.join(", "))),
        ],
    );
    if !field.options.is_empty() {
        let options: Vec<String> = field
            .options
            .iter()
            .map(|c| {
                if c.text == c.value {
                    c.value.clone()
                } else {
                    format!("{} ({})", c.value, c.text)
                }
            })
            .collect();
        line.push_str(&l.msg(
            "cli-schema-options",
            &[("options", arg(options.join(", ")))],
        ));
    }
    line
}

pub(crate) fn print_fields(fields: &[SchemaField], l: &Localizer) {
    let mut tab: Option<&str> = None;
    for field in fields {
        if tab != Some(field.tab.as_str()) {
            tab = Some(field.tab.as_str());
            println!("{}", field.tab);
        }
        println!("  {}", kind_words(field, l));
    }
}

fn print_schema(schema: &FolderSchema, l: &Localizer) {
    let Some(form) = &schema.schema else {
        return;
    };
    let line = match &form.mapped_on {
        Some(on) => l.msg(
            "cli-schema-form-mapped",
            &[
                ("form", arg(form.form.as_str())),
                ("folder", arg(on.as_str())),
            ],
        ),
        None => l.msg(
            "cli-schema-form-default",
            &[("form", arg(form.form.as_str()))],
        ),
    };
    println!("{line}");
    print_fields(&form.fields, l);
    for sub in &form.mime_forms {
        println!();
        println!(
            "{}",
            l.msg("cli-schema-mime", &[("mime", arg(sub.mime.as_str()))])
        );
        print_fields(&sub.fields, l);
    }
    println!();
    println!("{}", l.text("cli-schema-not-covered"));
}

async fn show(a: ShowArgs, ws: &Workspace, l: &Localizer) -> u8 {
    let opened = match ws.open(a.conn.choice()).await {
        Ok(o) => o,
        Err(e) => return output::fail(&e, l),
    };
    let schema = match ws.folder_schema(&opened, &a.folder, false).await {
        Ok(s) => s,
        Err(e) => return output::fail(&e, l),
    };
    let mut schema = (*schema).clone();
    schema.localize(l);
    if let Some(why) = &schema.unavailable {
        eprintln!(
            "{}",
            l.msg("cli-schema-warning", &[("message", arg(why.to_string()))])
        );
    }
    if a.json {
        if let Err(e) = output::print_json(&schema, &mut std::io::stdout().lock()) {
            return output::fail(&e, l);
        }
    } else {
        print_schema(&schema, l);
    }
    SUCCESS
}

async fn missing(a: MissingArgs, ws: &Workspace, l: &Localizer) -> u8 {
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
    let report = cancellable(ws, ws.missing_metadata(&opened, &scope), l).await;
    let mut report = match report {
        Ok(r) => r,
        Err(e) => return output::fail(&e, l),
    };
    report.localize(l);
    output::print_report_gaps(
        &report.unavailable,
        &report.unlisted_folders,
        &report.unread,
        l,
    );
    if let Some(file) = &a.list_out {
        let mut text = report.assets_lacking().join("\n");
        text.push('\n');
        if let Err(e) = std::fs::write(file, text) {
            let path = file.display().to_string();
            return output::fail(
                &Error::io_doing("io-write", vec![("path", path.into())], e),
                l,
            );
        }
    }
    if a.json {
        if let Err(e) = output::print_json(&report, &mut std::io::stdout().lock()) {
            return output::fail(&e, l);
        }
    } else {
        println!(
            "{}",
            l.msg(
                "cli-schema-checked",
                &[
                    ("count", count(report.assets_checked as f64)),
                    ("folder", arg(report.folder.as_str())),
                ],
            )
        );
        for field in &report.fields {
            println!(
                "{}",
                l.msg(
                    "cli-schema-lacking",
                    &[
                        ("count", count(field.assets.len() as f64)),
                        ("label", arg(field.label.as_str())),
                        ("property", arg(field.property.as_str())),
                    ],
                )
            );
            for asset in &field.assets {
                println!("  {}", asset.path);
            }
        }
        if !report.off_schema.is_empty() {
            println!(
                "{}",
                l.msg(
                    "cli-schema-off",
                    &[("count", count(report.off_schema.len() as f64))],
                )
            );
            for off in &report.off_schema {
                println!("  {}: {}", off.path, off.problem);
            }
        }
        if report.fields.is_empty() && report.off_schema.is_empty() {
            println!("{}", l.text("cli-schema-all-filled"));
        }
    }
    if report.fields.is_empty() && report.off_schema.is_empty() {
        SUCCESS
    } else {
        SOME_FAILED
    }
}
