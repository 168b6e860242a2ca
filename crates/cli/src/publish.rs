//! `metadesk-cli publish|unpublish`: the core's publish preview on any scope `bulk` takes, then
//! the same confirmation, production guard, progress and report as every run; and the
//! republish that `bulk … --republish` and the undo of a republished edit run after applying.
//!
//! Not here: planning and replicating (the core), the scope flags (`bulk/select.rs`).

use clap::{Args, ValueEnum};
use metadesk_core::app::{Opened, Workspace};
use metadesk_core::bulk::{Agent, Replication};
use metadesk_core::i18n::{Localizer, arg};

use crate::bulk::open::ConnectionArgs;
use crate::bulk::{SelectFlags, WriteFlags, after_preview, cancellable, gate, open_scope};
use crate::output::{self, OK};

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

#[derive(Args)]
pub struct PublishArgs {
    #[command(flatten)]
    conn: ConnectionArgs,
    #[command(flatten)]
    select: SelectFlags,
    #[command(flatten)]
    write: WriteFlags,
    /// Where to publish: publish (the website) or preview (AEM's Preview tier).
    #[arg(long, value_enum, default_value_t = AgentArg::Publish)]
    agent: AgentArg,
}

/// `publish` or `unpublish` a scope.
pub async fn run(args: PublishArgs, replication: Replication, ws: &Workspace, l: &Localizer) -> u8 {
    let (opened, folder, filters, gate) =
        match open_scope(&args.conn, &args.select, &args.write, ws, l).await {
            Ok(parts) => parts,
            Err(code) => return code,
        };
    let printer = output::progress_printer(l, !args.write.json);
    let agent = Agent::from(args.agent);
    let preview = cancellable(
        ws,
        ws.preview_publish(&opened, folder, filters, replication, agent, &printer),
        l,
    )
    .await;
    match preview {
        Ok(p) => after_preview(ws, &opened, p, gate, &args.write, l).await,
        Err(e) => output::fail(&e, l),
    }
}

/// After run `of` was applied: republishes the assets it changed that were published before
/// (its preview, confirmation and report as any run). Nothing when `of` changed nothing.
pub(crate) async fn republish(
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
