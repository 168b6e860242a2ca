//! An undo or a retry of a stored run: a new run planned from that run's journal, on the
//! connection it used, then asked about and applied as any preview is; the undo of an edit that
//! was republished republishes what it restored.
//!
//! Not here: asking and applying (`applying`), the republish itself (`republish`).

use metadesk_core::app::{PreviewRequest, RunAction, Workspace};
use metadesk_core::i18n::{Localizer, arg};

use super::applying::{after_preview, cancellable};
use super::confirm::gate;
use super::republish::then_republish;
use super::run_args::RunRef;
use crate::output;

/// Undo or retry of a stored run: a new run planned from that run's journal, on the
/// connection it used (or the one given, on the same AEM).
pub(super) async fn plan_from_run(r: RunRef, to: RunAction, ws: &Workspace, l: &Localizer) -> u8 {
    let (undone, opened) = match ws.open_for_run(&r.run, r.conn.choice(), to).await {
        Ok(both) => both,
        Err(e) => return output::fail(&e, l),
    };
    let gate = match gate(&opened, &r.write, l) {
        Ok(g) => g,
        Err(e) => return output::fail(&e, l),
    };
    let printer = output::progress_printer(l, !r.write.json);
    let of = r.run.clone();
    let request = match to {
        RunAction::Retry => PreviewRequest::Retry { of },
        _ => PreviewRequest::Undo { of },
    };
    let preview = cancellable(ws, ws.preview(&opened, request, &printer), l).await;
    let preview = match preview {
        Ok(preview) => preview,
        Err(e) => return output::fail(&e, l),
    };
    // A republish's undo leaves the website and author as they are: what does give the values
    // back is the undo of the edit it republished (which republishes them).
    if to == RunAction::Undo
        && let Some(edit) = undone.kind.republish_of()
        && !r.write.json
    {
        let command = format!("metadesk-cli bulk undo {edit}");
        let words = [
            ("run", arg(r.run.as_str())),
            ("edit", arg(edit)),
            ("command", arg(command.as_str())),
        ];
        println!("{}", l.msg("cli-undo-of-republish", &words));
    }
    let id = preview.id.clone();
    let code = after_preview(ws, &opened, preview, gate, &r.write, l).await;
    // Undoing an edit that was republished republishes the values it restored, there too.
    if to == RunAction::Undo {
        return code.max(then_republish(ws, &opened, &id, None, &r.write, l).await);
    }
    code
}
