//! Futures run a few at a time, their outputs in the order they end (or, `in_order`, in
//! theirs): built first, then polled here, so that no closure taking a borrowed row lives in
//! the caller's future (such a closure makes the future not `Send` for every lifetime, and the
//! window could not spawn it).
//!
//! Not here: the gate that bounds a run's requests (`request_gate.rs`): this bounds the work
//! in memory; each request still waits its turn there.

use futures_util::StreamExt;
use futures_util::stream::FuturesUnordered;

/// Runs `futures`, at most `n` at once (at least one), and returns their outputs.
pub async fn at_most<F: Future>(futures: Vec<F>, n: usize) -> Vec<F::Output> {
    let mut waiting = futures.into_iter();
    let mut running = FuturesUnordered::new();
    running.extend(waiting.by_ref().take(n.max(1)));
    let mut outputs = Vec::new();
    while let Some(output) = running.next().await {
        outputs.push(output);
        if let Some(next) = waiting.next() {
            running.push(next);
        }
    }
    outputs
}

/// [`at_most`], the outputs in the order of `futures`, not in the order they end (a report
/// read side by side still lists its assets as they were listed).
pub async fn in_order<F: Future>(futures: Vec<F>, n: usize) -> Vec<F::Output> {
    let placed = futures
        .into_iter()
        .enumerate()
        .map(|(place, future)| async move { (place, future.await) })
        .collect();
    let mut outputs = at_most(placed, n).await;
    outputs.sort_by_key(|(place, _)| *place);
    outputs.into_iter().map(|(_, output)| output).collect()
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;

    #[tokio::test]
    async fn no_more_than_n_run_at_once_and_every_one_ends() {
        let now = AtomicUsize::new(0);
        let most = AtomicUsize::new(0);
        let work = |i: usize| {
            let (now, most) = (&now, &most);
            async move {
                let running = now.fetch_add(1, Ordering::SeqCst) + 1;
                most.fetch_max(running, Ordering::SeqCst);
                tokio::task::yield_now().await;
                now.fetch_sub(1, Ordering::SeqCst);
                i
            }
        };
        let mut out = at_most((0..20).map(work).collect(), 3).await;
        out.sort_unstable();
        assert_eq!(out, (0..20).collect::<Vec<_>>());
        assert_eq!(most.load(Ordering::SeqCst), 3);
    }

    #[tokio::test]
    async fn in_order_gives_the_outputs_in_the_futures_order_whatever_ends_first() {
        // The later a future is, the sooner it ends.
        let work = |i: usize| async move {
            for _ in 0..(20 - i) {
                tokio::task::yield_now().await;
            }
            i
        };
        let ended = at_most((0..20).map(work).collect(), 20).await;
        assert_ne!(ended, (0..20).collect::<Vec<_>>(), "they ended in order");
        let out = in_order((0..20).map(work).collect(), 20).await;
        assert_eq!(out, (0..20).collect::<Vec<_>>());
    }
}
