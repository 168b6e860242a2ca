//! The republish that `bulk … --republish` and the undo of a republished edit run once the
//! run is applied: its own preview, confirmation and report, as any run.
//!
//! Not here: `publish` and `unpublish` (`publish.rs`).

use metadesk_core::app::{Opened, Workspace};
use metadesk_core::bulk::Agent;
use metadesk_core::i18n::{Localizer, arg};

use super::{WriteFlags, after_preview, cancellable, gate};
use crate::output::{self, OK};

/// After run `of` was applied: republishes the assets it changed that were published before
/// (its preview, confirmation and report as any run). Nothing when `of` changed nothing.
pub(super) async fn republish(
    ws: &Workspace,
    opened: &Opened,
    of: &str,
    agent: Agent,
    write: &WriteFlags,
    l: &Localizer,
) -> u8 {
    match ws.run_summary(of).await {
        Ok(s) if s.counts.changed > 0 => {}
        Ok(_) => return OK,
        Err(e) => return output::fail(&e, l),
    }
    let gate = match gate(opened, write, l) {
        Ok(g) => g,
        Err(e) => return output::fail(&e, l),
    };
    if !write.json {
        println!("{}", l.msg("cli-republish-start", &[("run", arg(of))]));
    }
    let printer = output::progress_printer(l, !write.json);
    let preview = cancellable(ws, ws.preview_republish(opened, of, agent, &printer), l).await;
    match preview {
        Ok(p) => after_preview(ws, opened, p, gate, write, l).await,
        Err(e) => output::fail(&e, l),
    }
}
