//! Republishing what an edit changed: after `bulk … --republish` and the undo of a republished
//! edit, once the run is applied, or later with `bulk republish RUN`; its own preview,
//! confirmation and report, as any run. The tier flag `--agent` that `publish` shares.
//!
//! Not here: `publish` and `unpublish` (`publish.rs`).

use clap::ValueEnum;
use metadesk_core::app::{Opened, PreviewRequest, RunAction, Workspace};
use metadesk_core::bulk::Agent;
use metadesk_core::i18n::{Localizer, arg};

use super::applying::{after_preview, cancellable};
use super::confirm::gate;
use super::run_args::{RunRef, WriteFlags};
use crate::exit_code::SUCCESS;
use crate::output;

/// Which tier a publish run goes to.
#[derive(Clone, Copy, Debug, Default, ValueEnum)]
pub(crate) enum AgentArg {
    /// The publish tier: the website.
    #[default]
    Publish,
    /// AEM's Preview tier.
    Preview,
}

impl From<AgentArg> for Agent {
    fn from(a: AgentArg) -> Self {
        match a {
            AgentArg::Publish => Agent::Publish,
            AgentArg::Preview => Agent::Preview,
        }
    }
}

/// After run `of` was applied: republishes the assets it changed that were published before
/// (its preview, confirmation and report as any run), when the core says it is to be
/// (`Workspace::republish_after`: `asked` is the user's `--republish`, `None` an undo's
/// default). Nothing on a dry run, nor when nothing it changed is to go live.
pub(crate) async fn then_republish(
    ws: &Workspace,
    opened: &Opened,
    of: &str,
    asked: Option<bool>,
    write: &WriteFlags,
    l: &Localizer,
) -> u8 {
    if write.dry_run {
        return SUCCESS;
    }
    match ws.republish_after(of, asked).await {
        Ok(Some(agent)) => plan(ws, opened, of, agent, write, l).await,
        Ok(None) => SUCCESS,
        Err(e) => output::fail(&e, l),
    }
}

/// `bulk republish RUN`: republishes what run `r.run` changed, on the connection it was made
/// with (or the one given, on the same AEM). A run that changed nothing, a publish run, or a
/// connection that cannot publish is refused in words by the core.
pub(super) async fn republish_run(r: RunRef, agent: Agent, ws: &Workspace, l: &Localizer) -> u8 {
    let (_, opened) = match ws
        .open_for_run(&r.run, r.conn.choice(), RunAction::Republish)
        .await
    {
        Ok(both) => both,
        Err(e) => return output::fail(&e, l),
    };
    plan(ws, &opened, &r.run, agent, &r.write, l).await
}

/// The republish's preview, then the confirmation and apply every run has.
async fn plan(
    ws: &Workspace,
    opened: &Opened,
    of: &str,
    agent: Agent,
    write: &WriteFlags,
    l: &Localizer,
) -> u8 {
    let gate = match gate(opened, write, l) {
        Ok(g) => g,
        Err(e) => return output::fail(&e, l),
    };
    if !write.json {
        println!("{}", l.msg("cli-republish-start", &[("run", arg(of))]));
    }
    let printer = output::progress_printer(l, !write.json);
    let request = PreviewRequest::Republish {
        of: of.to_owned(),
        agent,
    };
    let preview = cancellable(ws, ws.preview(opened, request, &printer), l).await;
    match preview {
        Ok(p) => after_preview(ws, opened, p, gate, write, l).await,
        Err(e) => output::fail(&e, l),
    }
}
