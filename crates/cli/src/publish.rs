//! `metadesk-cli publish|unpublish`: the core's publish preview on any scope `bulk` takes, then
//! the same confirmation, production guard, progress and report as every run.
//!
//! Not here: planning and replicating (the core), the scope flags (`bulk/scope_args.rs`), the
//! republish after an edit (`bulk/republish.rs`).

use clap::Args;
use metadesk_core::app::{PreviewRequest, Workspace};
use metadesk_core::bulk::{Agent, Replication};
use metadesk_core::i18n::Localizer;

use crate::bulk::open::ConnectionArgs;
use crate::bulk::{AgentArg, ScopeArgs, WriteFlags, after_preview, cancellable, open_scope};
use crate::output;

#[derive(Args)]
pub struct PublishArgs {
    #[command(flatten)]
    conn: ConnectionArgs,
    #[command(flatten)]
    scope: ScopeArgs,
    #[command(flatten)]
    write: WriteFlags,
    /// Where to publish: publish (the website) or preview (AEM's Preview tier).
    #[arg(long, value_enum, default_value_t = AgentArg::Publish)]
    agent: AgentArg,
}

/// `publish` or `unpublish` a scope.
pub async fn run(args: PublishArgs, replication: Replication, ws: &Workspace, l: &Localizer) -> u8 {
    let (opened, scope, gate) = match open_scope(&args.conn, &args.scope, &args.write, ws, l).await
    {
        Ok(parts) => parts,
        Err(code) => return code,
    };
    let printer = output::progress_printer(l, !args.write.json);
    let agent = Agent::from(args.agent);
    let preview = cancellable(
        ws,
        ws.preview(
            &opened,
            PreviewRequest::Publish {
                scope,
                replication,
                agent,
            },
            &printer,
        ),
        l,
    )
    .await;
    match preview {
        Ok(p) => after_preview(ws, &opened, p, gate, &args.write, l).await,
        Err(e) => output::fail(&e, l),
    }
}
