//! How the command line words a tag import: a value in quotes, a property in words, what an
//! import wrote and what it left alone, and what its undo put back and kept. Used by `tags
//! import`, `tags undo-import` and by a run's summary (`bulk resume` of an import, `bulk undo`
//! and `runs show` of its undo).
//!
//! Not here: the import's commands and questions (`tags_import.rs`).

use metadesk_core::app::{LeftAloneReason, TagImportUndone, TagLeftAlone};
use metadesk_core::bulk::tag_import_undo::TagImportUndoView;
use metadesk_core::i18n::{Localizer, arg, count};

/// A value in quotes as the language writes them; `empty` when there is none.
pub(crate) fn quoted(value: Option<&str>, l: &Localizer) -> String {
    match value {
        Some(v) => l.msg("cli-tags-import-quoted", &[("text", arg(v))]),
        None => l.text("cli-tags-import-no-value"),
    }
}

/// What a property is, in words: `title`, `title (fr)`, `description`.
pub(crate) fn what(property: &str, l: &Localizer) -> String {
    match property.strip_prefix("jcr:title.") {
        Some(lang) => l.msg("cli-tags-import-what-title-in", &[("lang", arg(lang))]),
        None if property == "jcr:description" => l.text("cli-tags-import-what-description"),
        None => l.text("cli-tags-import-what-title"),
    }
}

fn changed_since_line(c: &TagLeftAlone, l: &Localizer) -> String {
    match &c.changed {
        None => l.msg("cli-tags-import-exists-now", &[("id", arg(c.id.as_str()))]),
        Some(changed) => l.msg(
            "cli-tags-import-changed-since",
            &[
                ("id", arg(c.id.as_str())),
                ("what", arg(what(&changed.property, l))),
                ("shown", arg(quoted(text(changed.preview.as_ref()), l))),
                ("now", arg(quoted(text(changed.now.as_ref()), l))),
            ],
        ),
    }
}

/// A tag's value as text (a title, a description): `None` when it has none.
fn text(value: Option<&serde_json::Value>) -> Option<&str> {
    value.and_then(serde_json::Value::as_str)
}

/// What an import's run wrote (`created` tags, `changed` values, run `id`), and each value it
/// left alone because AEM's had changed since the preview.
pub(crate) fn print_outcome(
    id: &str,
    created: usize,
    changed: usize,
    changed_since: &[TagLeftAlone],
    l: &Localizer,
) {
    for c in changed_since {
        eprintln!("{}", changed_since_line(c, l));
    }
    println!(
        "{}",
        l.msg(
            "cli-tags-import-done",
            &[
                ("created", count(created as f64)),
                ("changed", count(changed as f64)),
                ("id", arg(id)),
            ],
        )
    );
}

fn kept_line(tag: &str, reason: &LeftAloneReason, l: &Localizer) -> String {
    let t = ("tag", arg(tag));
    match reason {
        LeftAloneReason::ValueChanged(changed) => {
            let wrote = text(changed.preview.as_ref());
            l.msg(
                "cli-tags-undo-kept-value",
                &[
                    t,
                    ("what", arg(what(&changed.property, l))),
                    ("known", arg(if wrote.is_some() { "yes" } else { "no" })),
                    ("wrote", arg(quoted(wrote, l))),
                    ("now", arg(quoted(text(changed.now.as_ref()), l))),
                ],
            )
        }
        LeftAloneReason::TagChanged => l.msg("cli-tags-undo-kept-changed", &[t]),
        LeftAloneReason::HasChildren => l.msg("cli-tags-undo-kept-children", &[t]),
        LeftAloneReason::HoldsAssets => l.msg("cli-tags-undo-kept-assets", &[t]),
        LeftAloneReason::UsedByPages { page } => l.msg(
            "cli-tags-undo-kept-pages",
            &[t, ("page", arg(page.as_str()))],
        ),
        LeftAloneReason::Unchecked { detail } => l.msg(
            "cli-tags-undo-kept-unchecked",
            &[t, ("detail", arg(detail.localized(l)))],
        ),
        LeftAloneReason::NotDone { detail } => l.msg(
            "cli-tags-undo-not-done",
            &[t, ("detail", arg(detail.localized(l)))],
        ),
    }
}

/// What a tag import's undo did: each tag or value it kept and why, then its counts; when it
/// did not finish (stopped, cancelled, interrupted: `unfinished` is its run), that it did so
/// far and how to finish it. Shared by `tags undo-import` and every run summary of such an
/// undo (`bulk undo`, `runs show`).
pub(crate) fn print_undone(undone: &TagImportUndone, unfinished: Option<&str>, l: &Localizer) {
    for kept in &undone.kept {
        eprintln!("{}", kept_line(&kept.id, &kept.reason, l));
    }
    let mut args = vec![
        ("id", arg(undone.id.as_str())),
        ("restored", count(undone.restored as f64)),
        ("removed", count(undone.removed as f64)),
    ];
    let id = match unfinished {
        Some(run) => {
            args.push(("run", arg(run)));
            "cli-tags-undo-unfinished"
        }
        None => "cli-tags-undone",
    };
    println!("{}", l.msg(id, &args));
}

/// What a tag import's undo would do, as its preview says it (`bulk undo --dry-run`).
pub(crate) fn print_undo_plan(view: &TagImportUndoView, l: &Localizer) {
    let values = view.rows.iter().filter(|r| r.property.is_some()).count();
    let tags = view.rows.len() - values;
    println!(
        "{}",
        l.msg(
            "cli-tags-undo-planned",
            &[
                ("id", arg(view.import.as_str())),
                ("values", count(values as f64)),
                ("tags", count(tags as f64)),
            ],
        )
    );
}
