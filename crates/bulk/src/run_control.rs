//! [`RunControl`]: pause, resume and cancel a running preview or apply from another task (a
//! Tauri command, a Ctrl-C handler). Cheap to clone; every clone controls the same run.
//!
//! Pausing stops new requests from starting (requests in flight finish); cancelling lets
//! in-flight writes finish and starts nothing more. What was not started stays pending in the
//! journal, so a cancelled run can be resumed.

use std::sync::Arc;

use serde::Serialize;
use tokio::sync::watch;
use ts_rs::TS;

/// The state a run is asked to be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ControlState {
    Running,
    Paused,
    Cancelled,
}

/// A handle to pause, resume or cancel a run.
#[derive(Debug, Clone)]
pub struct RunControl {
    tx: Arc<watch::Sender<ControlState>>,
}

impl Default for RunControl {
    fn default() -> Self {
        Self::new()
    }
}

impl RunControl {
    pub fn new() -> Self {
        RunControl {
            tx: Arc::new(watch::channel(ControlState::Running).0),
        }
    }

    pub fn pause(&self) {
        self.tx.send_if_modified(|s| {
            let change = *s == ControlState::Running;
            if change {
                *s = ControlState::Paused;
            }
            change
        });
    }

    pub fn resume(&self) {
        self.tx.send_if_modified(|s| {
            let change = *s == ControlState::Paused;
            if change {
                *s = ControlState::Running;
            }
            change
        });
    }

    /// Final: a cancelled control cannot be resumed (resume the run with a new one).
    pub fn cancel(&self) {
        self.tx.send_replace(ControlState::Cancelled);
    }

    pub fn state(&self) -> ControlState {
        *self.tx.borrow()
    }

    pub fn is_cancelled(&self) -> bool {
        self.state() == ControlState::Cancelled
    }

    /// Resolves once cancelled: a job that cannot check between steps (one slow request, a
    /// server that never ends a list) races it and is dropped.
    pub async fn cancelled(&self) {
        let mut rx = self.tx.subscribe();
        let _ = rx.wait_for(|s| *s == ControlState::Cancelled).await;
    }

    /// Waits while paused; `false` once cancelled.
    pub async fn wait_runnable(&self) -> bool {
        let mut rx = self.tx.subscribe();
        loop {
            match *rx.borrow_and_update() {
                ControlState::Running => return true,
                ControlState::Cancelled => return false,
                ControlState::Paused => {}
            }
            if rx.changed().await.is_err() {
                return false;
            }
        }
    }

    /// Resolves when the state changes (used to wake waiters).
    pub(crate) async fn changed(&self) {
        let mut rx = self.tx.subscribe();
        let _ = rx.changed().await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[tokio::test]
    async fn pause_blocks_until_resume_and_cancel_is_final() {
        let c = RunControl::new();
        assert!(c.wait_runnable().await);
        c.pause();
        let waiter = tokio::spawn({
            let c = c.clone();
            async move { c.wait_runnable().await }
        });
        tokio::time::sleep(Duration::from_millis(20)).await;
        assert!(!waiter.is_finished());
        c.resume();
        assert!(waiter.await.unwrap());
        c.cancel();
        c.resume();
        assert_eq!(c.state(), ControlState::Cancelled);
        assert!(!c.wait_runnable().await);
    }
}
