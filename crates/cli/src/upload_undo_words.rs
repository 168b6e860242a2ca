//! An upload's undo run as `runs show` and `bulk resume` print it (`move_words::print_op`).
//!
//! Not here: `bulk undo` of an upload itself (`upload_undo.rs`).

use metadesk_core::bulk::upload_undo::{UndoState, UploadUndoView};
use metadesk_core::i18n::{Localizer, arg, count};

/// The undo's run as `runs show` and `bulk resume` print it: what it did, and each file kept
/// or not undone with why.
pub(crate) fn print_view(view: &UploadUndoView, l: &Localizer) {
    let state = |s: UndoState| view.rows.iter().filter(|r| r.state == s).count() as f64;
    let kept = view.rows.len() as f64 - state(UndoState::Deleted) - state(UndoState::Gone);
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
        if matches!(row.state, UndoState::Deleted | UndoState::Gone) {
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
