//! The flags the bulk commands share: how a command writes ([`WriteFlags`]) and a run named on
//! the command line ([`RunRef`]).

use clap::Args;

use super::open::ConnectionArgs;

/// Whether and how to write, shared by every bulk command.
#[derive(Args, Clone)]
pub(crate) struct WriteFlags {
    /// Preview only: show what would change, write nothing.
    #[arg(long)]
    pub(crate) dry_run: bool,
    /// Apply without asking.
    #[arg(long)]
    pub(crate) yes: bool,
    /// On a connection marked production: its name, to apply without typing it at a prompt
    /// (needed with --yes or without a terminal).
    #[arg(long, value_name = "NAME")]
    pub(crate) confirm_production: Option<String>,
    /// Apply even where the changes leave fields the metadata form requires empty (the
    /// preview names them).
    #[arg(long)]
    pub(crate) empty_required: bool,
    /// Print the result as JSON (no progress bar).
    #[arg(long)]
    pub(crate) json: bool,
}

/// A run named on the command line (`bulk undo RUN`, `bulk resume RUN`…), with how to connect
/// and write.
#[derive(Args, Clone)]
pub(super) struct RunRef {
    /// The run id (see `metadesk-cli runs list`).
    pub(super) run: String,
    #[command(flatten)]
    pub(super) conn: ConnectionArgs,
    #[command(flatten)]
    pub(super) write: WriteFlags,
}
