//! `metadesk-cli bulk undo RUN` of an upload's run: the assets it created deleted, those
//! someone changed since kept and named, what it cannot give back said. Needs `--yes` (or
//! `--dry-run`, which deletes nothing and says so), and on a connection marked production
//! `--confirm-production NAME`.
//!
//! Not here: deciding what is deleted (the core's `undo_upload`).

use metadesk_core::app::{Opened, Workspace};
use metadesk_core::i18n::SavedText;
use metadesk_core::i18n::{Localizer, arg, count};
use serde_json::json;

use crate::bulk::{WriteFlags, production_gate};
use crate::exit_code::{FAILURE, SOME_FAILED, SUCCESS};
use crate::output;

pub(crate) async fn undo(
    ws: &Workspace,
    opened: &Opened,
    run: &str,
    write: &WriteFlags,
    l: &Localizer,
) -> u8 {
    let (yes, json) = (write.yes, write.json);
    if !yes {
        eprintln!(
            "{}",
            l.msg("cli-upload-undo-needs-yes", &[("run", arg(run))])
        );
        return FAILURE;
    }
    // It deletes assets: on production, not without the name (given, as --yes asks nothing).
    let confirm = write.confirm_production.as_deref();
    if let Err(e) = production_gate(opened.connection(), confirm, true, false, l) {
        return output::fail(&e, l);
    }
    let done = match ws.undo_upload(opened, run, confirm).await {
        Ok(done) => done,
        Err(e) => return output::fail(&e, l),
    };
    let why = |kept: &SavedText| kept.localized(l);
    if json {
        let kept: Vec<_> = done
            .kept
            .iter()
            .map(|(path, kept)| json!({"path": path, "reason": why(kept)}))
            .collect();
        let out = json!({"run": run, "undoRun": done.run, "deleted": done.deleted, "gone": done.gone, "kept": kept});
        println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
    } else {
        println!(
            "{}",
            l.msg(
                "cli-upload-undone",
                &[
                    ("run", arg(run)),
                    ("deleted", count(done.deleted.len() as f64)),
                    ("gone", count(done.gone.len() as f64)),
                    ("kept", count(done.kept.len() as f64)),
                ]
            )
        );
        for (path, kept) in &done.kept {
            println!("  {path}: {}", why(kept));
        }
    }
    if done.kept.is_empty() {
        SUCCESS
    } else {
        SOME_FAILED
    }
}
