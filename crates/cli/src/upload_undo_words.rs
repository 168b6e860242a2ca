//! An upload's undo run as `bulk undo` (its preview, then what it did), `runs show` and
//! `bulk resume` print it (`move_words::print_op`).
//!
//! Not here: planning the undo (the core's `preview_upload_undo`).

use metadesk_core::bulk::upload_undo::{UndoState, UploadUndoView};
use metadesk_core::i18n::{Localizer, arg, count};

/// The undo's run as `bulk undo`, `runs show` and `bulk resume` print it: what is left to
/// delete, what it did, and each file kept or refused with why.
pub(crate) fn print_view(view: &UploadUndoView, l: &Localizer) {
    let state = |s: UndoState| view.rows.iter().filter(|r| r.state == s).count() as f64;
    // Previewed: nothing is deleted yet, and each file is checked again just before its delete.
    let planned = state(UndoState::Planned) + state(UndoState::InDoubt);
    if planned > 0.0 {
        println!(
            "{}",
            l.msg(
                "cli-upload-undo-planned",
                &[("run", arg(&view.upload)), ("files", count(planned))]
            )
        );
    }
    if planned > 0.0 && planned == view.rows.len() as f64 {
        return;
    }
    let kept = state(UndoState::Kept) + state(UndoState::Failed);
    println!(
        "{}",
        l.msg(
            "cli-upload-undone",
            &[
                ("run", arg(&view.upload)),
                ("deleted", count(state(UndoState::Deleted))),
                ("gone", count(state(UndoState::Gone))),
                ("kept", count(kept)),
            ]
        )
    );
    for row in &view.rows {
        if !matches!(row.state, UndoState::Kept | UndoState::Failed) {
            continue;
        }
        let why = row
            .reason
            .as_ref()
            .map(|r| r.localized(l))
            .unwrap_or_default();
        println!("  {}: {why}", row.path);
    }
}
