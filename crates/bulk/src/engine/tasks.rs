//! A run's tasks (one per asset or batch): spawned at most so many at a time, and drained with
//! progress flowing and the first error kept.
//!
//! Not here: what a task does (`applying.rs`, `batched.rs`, `replicating.rs`, the previews).

use std::future::Future;
use std::time::Duration;

use tokio::task::JoinSet;

use super::context::Ctx;
use crate::progress::ProgressFn;
use metadesk_clients::error::{Error, Result};

/// The shortest wait between two progress events while batches run (a zero interval would
/// spin).
pub(super) const MIN_TICK: Duration = Duration::from_millis(50);

/// Tasks `feed` spawns, then drained. On an error (the journal cannot be written, a task
/// failed) no new task starts: the run is cancelled, the tasks in flight finish, and the first
/// error is returned. Progress is sent after each task ends and, with a `tick`, also every tick
/// while tasks run (a task that stands for a batch can take a while).
pub(super) async fn feed_and_drain(
    ctx: &Ctx,
    tick: Option<Duration>,
    on_progress: ProgressFn<'_>,
    feed: impl AsyncFnOnce(&mut JoinSet<Result<()>>) -> Result<()>,
) -> Result<()> {
    let mut tasks: JoinSet<Result<()>> = JoinSet::new();
    let fed = feed(&mut tasks).await;
    if fed.is_err() {
        ctx.control.cancel();
    }
    let mut first_error = fed.err();
    while !tasks.is_empty() {
        let joined = match tick {
            Some(tick) => tokio::select! {
                joined = join_one(&mut tasks) => joined,
                () = tokio::time::sleep(tick) => Ok(()),
            },
            None => join_one(&mut tasks).await,
        };
        if let Err(e) = joined
            && first_error.is_none()
        {
            ctx.control.cancel();
            first_error = Some(e);
        }
        ctx.progress(on_progress, false);
    }
    first_error.map_or(Ok(()), Err)
}

/// Spawns `task` in `set`, first waiting while `max` tasks are alive.
pub(super) async fn spawn_bounded(
    set: &mut JoinSet<Result<()>>,
    max: usize,
    task: impl Future<Output = Result<()>> + Send + 'static,
) -> Result<()> {
    while set.len() >= max {
        join_one(set).await?;
    }
    set.spawn(task);
    Ok(())
}

pub(super) async fn join_one(set: &mut JoinSet<Result<()>>) -> Result<()> {
    match set.join_next().await {
        Some(Ok(r)) => r,
        Some(Err(e)) => Err(Error::Internal(format!("a run task failed: {e}"))),
        None => Ok(()),
    }
}

pub(super) async fn drain(set: &mut JoinSet<Result<()>>) -> Result<()> {
    let mut first_error = None;
    while !set.is_empty() {
        if let Err(e) = join_one(set).await {
            first_error.get_or_insert(e);
        }
    }
    first_error.map_or(Ok(()), Err)
}
