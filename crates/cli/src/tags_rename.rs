//! `metadesk-cli tags rename TAG --title NEW [--title-in LANG=TITLE]…`: a tag's title changed,
//! previewed in words (each title before → after), then applied with consent as a run of its
//! own, undone with `tags undo-rename RUN`. Nothing else.
//!
//! Not here: checking, writing and undoing the rename (`metadesk_core::app::taxonomy_rename`,
//! `taxonomy_undo`).

use std::collections::BTreeMap;

use clap::Args;
use metadesk_core::app::{TagImportApplied, TagRenamePreview, TagRenameRequest, Workspace};
use metadesk_core::i18n::{Localizer, arg, count};

use crate::bulk::gate;
use crate::bulk::open::ConnectionArgs;
use crate::exit_code::{SOME_FAILED, SUCCESS};
use crate::output;
use crate::tag_import_words::print_outcome;
use crate::tags_import::{ConsentArgs, change_line, consent};

#[derive(Args)]
pub struct RenameArgs {
    /// The tag renamed: `namespace:path/to/tag` (its id stays).
    #[arg(value_name = "TAG")]
    tag: String,
    /// Its new title.
    #[arg(long, value_name = "TITLE")]
    title: String,
    /// A new title in another language, by AEM's locale name: `--title-in fr=Surf`.
    #[arg(long, value_name = "LANG=TITLE", value_parser = lang_title)]
    title_in: Vec<(String, String)>,
    /// Print the preview (and, once applied, the outcome) as JSON.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    conn: ConnectionArgs,
    #[command(flatten)]
    consent: ConsentArgs,
}

/// `fr=Surf` as a language and a title.
fn lang_title(raw: &str) -> Result<(String, String), String> {
    raw.split_once('=')
        .map(|(lang, title)| (lang.trim().to_owned(), title.to_owned()))
        .ok_or_else(|| format!("LANG=TITLE, not {raw}"))
}

/// What `--json` prints: the preview, and the outcome once applied.
#[derive(serde::Serialize)]
struct Printed<'a> {
    preview: &'a TagRenamePreview,
    #[serde(skip_serializing_if = "Option::is_none")]
    applied: Option<&'a TagImportApplied>,
}

fn print(printed: &Printed<'_>, l: &Localizer) -> u8 {
    match output::print_json(printed, &mut std::io::stdout().lock()) {
        Ok(()) => SUCCESS,
        Err(e) => output::fail(&e, l),
    }
}

pub async fn rename(a: RenameArgs, ws: &Workspace, l: &Localizer) -> u8 {
    let request = TagRenameRequest {
        tag: a.tag.clone(),
        title: a.title.clone(),
        titles: a.title_in.iter().cloned().collect::<BTreeMap<_, _>>(),
    };
    let opened = match ws.open(a.conn.choice()).await {
        Ok(o) => o,
        Err(e) => return output::fail(&e, l),
    };
    let gate = match gate(&opened, &a.consent.flags(), l) {
        Ok(g) => g,
        Err(e) => return output::fail(&e, l),
    };
    let preview = match ws.preview_tag_rename(&opened, &request).await {
        Ok(p) => p,
        Err(e) => return output::fail(&e, l),
    };
    let words = [
        ("id", arg(preview.tag.as_str())),
        ("from", arg(preview.from.as_str())),
        ("to", arg(preview.to.as_str())),
    ];
    if !a.json {
        println!("{}", l.msg("cli-tags-rename-preview", &words));
        for change in &preview.changed {
            println!("{}", change_line(change, l));
        }
    }
    if a.consent.dry_run {
        if a.json {
            let printed = Printed {
                preview: &preview,
                applied: None,
            };
            return print(&printed, l);
        }
        println!(
            "{}",
            l.msg(
                "cli-tags-import-dry-run",
                &[("run", arg(preview.run_id.as_str()))]
            )
        );
        return SUCCESS;
    }
    let changes = preview.changed.len();
    let question = l.msg("cli-tags-rename-confirm", &words);
    let confirm_name = match consent(&opened, &gate, a.consent.yes, changes, &question, l) {
        Ok(true) => Some(opened.connection().name.clone()),
        Ok(false) => {
            println!("{}", l.text("cli-tags-import-not-applied"));
            return SUCCESS;
        }
        Err(e) => return output::fail(&e, l),
    };
    let applied = match ws
        .apply_taxonomy_run(&opened, &preview.run_id, confirm_name.as_deref())
        .await
    {
        Ok(done) => done,
        Err(e) => return output::fail(&e, l),
    };
    let failed = !applied.changed_since.is_empty() || applied.stopped.is_some();
    if a.json {
        let printed = Printed {
            preview: &preview,
            applied: Some(&applied),
        };
        let code = print(&printed, l);
        return if failed { SOME_FAILED } else { code };
    }
    print_outcome(&applied.id, 0, applied.changed, &applied.changed_since, l);
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
    println!(
        "{}",
        l.msg(
            "cli-tags-renamed",
            &[
                ("id", arg(preview.tag.as_str())),
                ("run", arg(applied.id.as_str())),
                ("changed", count(applied.changed as f64)),
            ],
        )
    );
    if failed { SOME_FAILED } else { SUCCESS }
}
