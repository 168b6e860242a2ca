//! `metadesk-cli tags import FILE` and `tags undo-import ID`: a taxonomy sheet's changes
//! previewed in words (each tag created, each title, translation and description before →
//! after), then applied with consent; and an import undone. Nothing else.
//!
//! Not here: reading and checking the sheet, writing, recording and undoing
//! (`metadesk_core::app::taxonomy_import`, `taxonomy_undo`).

use std::path::PathBuf;

use clap::Args;
use metadesk_core::Error;
use metadesk_core::app::{TagImportPreview, TagImportUndone, TagValueChange, Workspace};
use metadesk_core::i18n::{Localizer, arg, count};

use crate::bulk::open::ConnectionArgs;
use crate::bulk::{ProductionGate, WriteFlags, ask_for_name, ask_yes_no, gate};
use crate::exit_code::{SOME_FAILED, SUCCESS};
use crate::output;
use crate::tag_import_words::{print_outcome, print_undone, quoted, what};

#[derive(Args)]
pub struct ImportArgs {
    /// The sheet: `.xlsx` or `.csv`, as `tags export` writes it.
    #[arg(value_name = "FILE")]
    sheet: PathBuf,
    #[command(flatten)]
    conn: ConnectionArgs,
    #[command(flatten)]
    consent: ConsentArgs,
}

/// How a tag import, a rename or their undo is agreed to.
#[derive(Args)]
pub(crate) struct ConsentArgs {
    /// Preview only: show what would change, write nothing.
    #[arg(long)]
    pub(crate) dry_run: bool,
    /// Apply without asking.
    #[arg(long)]
    pub(crate) yes: bool,
    /// On a connection marked production: its name, to apply without typing it at a prompt
    /// (needed with --yes or without a terminal).
    #[arg(long, value_name = "NAME")]
    confirm_production: Option<String>,
}

#[derive(Args)]
pub struct UndoImportArgs {
    /// The import's id, as `tags import` printed it.
    #[arg(value_name = "IMPORT")]
    id: String,
    #[command(flatten)]
    conn: ConnectionArgs,
    #[command(flatten)]
    consent: ConsentArgs,
}

impl ConsentArgs {
    pub(crate) fn flags(&self) -> WriteFlags {
        WriteFlags {
            dry_run: self.dry_run,
            yes: self.yes,
            confirm_production: self.confirm_production.clone(),
            empty_required: false,
            json: false,
        }
    }
}

pub(crate) fn change_line(c: &TagValueChange, l: &Localizer) -> String {
    l.msg(
        "cli-tags-import-change",
        &[
            ("id", arg(c.id.as_str())),
            ("what", arg(what(&c.property, l))),
            ("before", arg(quoted(c.before.as_deref(), l))),
            ("after", arg(quoted(Some(&c.after), l))),
        ],
    )
}

fn show(preview: &TagImportPreview, l: &Localizer) {
    println!(
        "{}",
        l.msg(
            "cli-tags-import-preview",
            &[
                ("file", arg(preview.file_name.as_str())),
                ("created", count(preview.created.len() as f64)),
                ("changed", count(preview.changed.len() as f64)),
            ],
        )
    );
    for tag in &preview.created {
        let title = tag.title.as_deref();
        println!(
            "{}",
            l.msg(
                "cli-tags-import-create",
                &[
                    ("id", arg(tag.id.as_str())),
                    ("title", arg(quoted(title, l))),
                ],
            )
        );
        for (lang, title) in &tag.titles {
            let what = what(&format!("jcr:title.{lang}"), l);
            println!(
                "{}",
                l.msg(
                    "cli-tags-import-create-value",
                    &[("what", arg(what)), ("value", arg(quoted(Some(title), l)))],
                )
            );
        }
        if let Some(d) = &tag.description {
            let what = what("jcr:description", l);
            println!(
                "{}",
                l.msg(
                    "cli-tags-import-create-value",
                    &[("what", arg(what)), ("value", arg(quoted(Some(d), l)))],
                )
            );
        }
    }
    for change in &preview.changed {
        println!("{}", change_line(change, l));
    }
}

/// Asks before writing, as the bulk commands do: the production name where the connection is
/// production, else yes/no on a terminal; `--yes` answers for a script.
pub(crate) fn consent(
    opened: &metadesk_core::app::Opened,
    gate: &ProductionGate,
    yes: bool,
    changes: usize,
    question: &str,
    l: &Localizer,
) -> Result<bool, Error> {
    use std::io::IsTerminal;
    let (mut input, mut prompt) = (std::io::stdin().lock(), std::io::stderr());
    match gate {
        ProductionGate::AskForName => ask_for_name(
            opened.connection(),
            changes as u64,
            &mut input,
            &mut prompt,
            l,
        )
        .map(|_| true),
        ProductionGate::Passed if yes => Ok(true),
        ProductionGate::Passed if !std::io::stdin().is_terminal() => Err(Error::InvalidInput(
            l.text("cli-not-applying-without-confirmation"),
        )),
        ProductionGate::Passed => ask_yes_no(question, &mut input, &mut prompt, l),
    }
}

pub async fn import(a: ImportArgs, ws: &Workspace, l: &Localizer) -> u8 {
    let opened = match ws.open(a.conn.choice()).await {
        Ok(o) => o,
        Err(e) => return output::fail(&e, l),
    };
    let gate = match gate(&opened, &a.consent.flags(), l) {
        Ok(g) => g,
        Err(e) => return output::fail(&e, l),
    };
    let preview = match ws.preview_tag_import(&opened, &a.sheet).await {
        Ok(p) => p,
        Err(e) => return output::fail(&e, l),
    };
    let run_id = preview.run_id.clone();
    if preview.is_empty() {
        println!(
            "{}",
            l.msg(
                "cli-tags-import-nothing",
                &[("file", arg(preview.file_name.as_str()))]
            )
        );
        return SUCCESS;
    }
    show(&preview, l);
    if a.consent.dry_run {
        println!(
            "{}",
            l.msg("cli-tags-import-dry-run", &[("run", arg(run_id.as_str()))])
        );
        return SUCCESS;
    }
    let changes = preview.created.len() + preview.changed.len();
    let question = l.msg(
        "cli-tags-import-confirm",
        &[("count", count(changes as f64))],
    );
    // Consent given (on production, the name typed or `--yes` with its flag) is the name the
    // core's apply asks of every run.
    let confirm_name = match consent(&opened, &gate, a.consent.yes, changes, &question, l) {
        Ok(true) => opened.connection().name.clone(),
        Ok(false) => {
            println!("{}", l.text("cli-tags-import-not-applied"));
            return SUCCESS;
        }
        Err(e) => return output::fail(&e, l),
    };
    let applied = match ws
        .apply_taxonomy_run(&opened, &run_id, Some(&confirm_name))
        .await
    {
        Ok(done) => done,
        Err(e) => return output::fail(&e, l),
    };
    print_outcome(
        &applied.id,
        applied.created,
        applied.changed,
        &applied.changed_since,
        l,
    );
    if let Some(why) = &applied.stopped {
        eprintln!("{}", why.localized(l));
        eprintln!(
            "{}",
            l.msg(
                "cli-tags-import-resume",
                &[("id", arg(applied.id.as_str()))]
            )
        );
    }
    if applied.changed_since.is_empty() && applied.stopped.is_none() {
        SUCCESS
    } else {
        SOME_FAILED
    }
}

pub async fn undo(a: UndoImportArgs, ws: &Workspace, l: &Localizer) -> u8 {
    let opened = match ws.open(a.conn.choice()).await {
        Ok(o) => o,
        Err(e) => return output::fail(&e, l),
    };
    if a.consent.dry_run {
        println!(
            "{}",
            l.msg("cli-tags-undo-dry-run", &[("id", arg(a.id.as_str()))])
        );
        return SUCCESS;
    }
    let gate = match gate(&opened, &a.consent.flags(), l) {
        Ok(g) => g,
        Err(e) => return output::fail(&e, l),
    };
    // A rename is undone the same way (a taxonomy plan of one tag's titles): asked as one.
    let renamed = ws.run_summary(&a.id).await.ok();
    let question = match renamed.as_ref().and_then(|s| s.kind.renamed_tag()) {
        Some((tag, from, to)) => l.msg(
            "cli-tags-undo-rename-confirm",
            &[("tag", arg(tag)), ("from", arg(from)), ("to", arg(to))],
        ),
        None => l.msg("cli-tags-undo-confirm", &[("id", arg(a.id.as_str()))]),
    };
    // Consent given is the name the core's apply asks of every run, the undo's too.
    let confirm_name = match consent(&opened, &gate, a.consent.yes, 1, &question, l) {
        Ok(true) => opened.connection().name.clone(),
        Ok(false) => {
            println!("{}", l.text("cli-tags-import-not-applied"));
            return SUCCESS;
        }
        Err(e) => return output::fail(&e, l),
    };
    let undone = ws
        .undo_confirmed_tag_import(&opened, &a.id, Some(&confirm_name))
        .await;
    let undone: TagImportUndone = match undone {
        Ok(u) => u,
        Err(e) => return output::fail(&e, l),
    };
    print_undone(&undone, None, l);
    if undone.kept.is_empty() {
        SUCCESS
    } else {
        SOME_FAILED
    }
}
