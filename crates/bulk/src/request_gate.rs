//! The gate every request of a run passes: it asks the [`Controller`] for a slot, waits (for a
//! completion, a hold-off, a rate slot, or while paused) and hands out a [`Permit`] that
//! reports the request's outcome back when it ends.
//!
//! Not here: the policy (`concurrency.rs`) or retries (`engine/context.rs`, `Ctx::call`).

use std::sync::Mutex;
use std::time::{Duration, Instant};

use tokio::sync::Notify;

use crate::concurrency::{Controller, ControllerConfig, Signal, Wait};
use crate::run_control::RunControl;

/// The run was cancelled while waiting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cancelled;

pub struct Gate {
    controller: Mutex<Controller>,
    notify: Notify,
    control: RunControl,
}

impl Gate {
    pub fn new(cfg: ControllerConfig, control: RunControl) -> Self {
        Gate {
            controller: Mutex::new(Controller::new(cfg)),
            notify: Notify::new(),
            control,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Controller> {
        // A panic while holding this lock leaves plain counters behind; keep going.
        self.controller
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// (limit, in flight, throttles).
    /// Starts from `limit` requests at once (clamped to the configured bounds) instead of the
    /// configured initial one, before any request went through: a phase that follows another
    /// on the same AEM starts where that one's learning left it.
    pub fn start_at(&self, limit: usize) {
        self.lock().start_at(limit);
    }

    pub fn snapshot(&self) -> (usize, usize, u64) {
        let c = self.lock();
        (c.limit(), c.in_flight(), c.throttles())
    }

    /// Waits for a slot; `Err` once the run is cancelled.
    pub async fn acquire(&self) -> Result<Permit<'_>, Cancelled> {
        loop {
            if !self.control.wait_runnable().await {
                return Err(Cancelled);
            }
            let notified = self.notify.notified();
            tokio::pin!(notified);
            // Registered before the check, so a release in between is not missed.
            notified.as_mut().enable();
            let now = Instant::now();
            let wait = match self.lock().try_start(now) {
                Ok(()) => {
                    return Ok(Permit {
                        gate: self,
                        started: now,
                        done: false,
                    });
                }
                Err(wait) => wait,
            };
            let sleep = match wait {
                Wait::Slot => Duration::from_secs(3600),
                Wait::Until(t) => t.saturating_duration_since(now),
            };
            tokio::select! {
                _ = &mut notified => {}
                _ = tokio::time::sleep(sleep) => {}
                _ = self.control.changed() => {}
            }
        }
    }

    fn release(&self, signal: Signal) {
        self.lock().finish(Instant::now(), signal);
        self.notify.notify_waiters();
    }
}

/// One request's slot. Dropping it without [`Permit::finish`] counts as [`Signal::Failed`].
pub struct Permit<'a> {
    gate: &'a Gate,
    started: Instant,
    done: bool,
}

impl Permit<'_> {
    /// Reports how the request ended: an answer (latency measured from the permit), a throttle.
    pub fn answered(mut self) {
        self.done = true;
        let latency = self.started.elapsed();
        self.gate.release(Signal::Answered(latency));
    }

    pub fn throttled(mut self, retry_after: Option<Duration>) {
        self.done = true;
        self.gate.release(Signal::Throttled(retry_after));
    }
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        if !self.done {
            self.gate.release(Signal::Failed);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[tokio::test]
    async fn never_more_in_flight_than_the_limit() {
        let gate = Arc::new(Gate::new(
            ControllerConfig {
                initial: 3,
                max: 3,
                ..Default::default()
            },
            RunControl::new(),
        ));
        let now = Arc::new(AtomicUsize::new(0));
        let peak = Arc::new(AtomicUsize::new(0));
        let mut tasks = Vec::new();
        for _ in 0..20 {
            let (gate, now, peak) = (gate.clone(), now.clone(), peak.clone());
            tasks.push(tokio::spawn(async move {
                let permit = gate.acquire().await.unwrap();
                let n = now.fetch_add(1, Ordering::SeqCst) + 1;
                peak.fetch_max(n, Ordering::SeqCst);
                tokio::time::sleep(Duration::from_millis(5)).await;
                now.fetch_sub(1, Ordering::SeqCst);
                permit.answered();
            }));
        }
        for t in tasks {
            t.await.unwrap();
        }
        assert_eq!(peak.load(Ordering::SeqCst), 3);
    }

    #[tokio::test]
    async fn cancel_wakes_waiters_with_an_error() {
        let control = RunControl::new();
        let gate = Arc::new(Gate::new(
            ControllerConfig {
                initial: 1,
                max: 1,
                ..Default::default()
            },
            control.clone(),
        ));
        let held = gate.acquire().await.unwrap();
        let waiter = tokio::spawn({
            let gate = gate.clone();
            async move { gate.acquire().await.map(|p| p.answered()) }
        });
        tokio::time::sleep(Duration::from_millis(20)).await;
        control.cancel();
        assert_eq!(waiter.await.unwrap(), Err(Cancelled));
        held.answered();
    }
}
