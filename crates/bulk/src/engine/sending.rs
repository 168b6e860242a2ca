//! How one request of the engine is sent: through a [`Gate`] (the concurrency limit and the
//! throttle hold-offs every run keeps), a throttle waited out and sent again, a 5xx or a lost
//! answer sent again after a backoff (a write's never: it may have landed), given up as soon as
//! the work is cancelled. The one loop a run's phase (`context.rs`, `Ctx::call`…) and reads
//! outside a run (`reads.rs`: the health report's) send through.
//!
//! Not here: the policy of the limit (`concurrency.rs`), the waiting for a slot
//! (`request_gate.rs`).

use std::future::Future;

use super::Settings;
use crate::request_gate::Gate;
use crate::run_control::RunControl;
use metadesk_assets::CallError;

/// How a request is sent.
#[derive(Clone, Copy)]
pub(super) struct Sending {
    /// The concurrency controller learns from its latency.
    pub(super) measured: bool,
    /// Sent again after a failure that may hide one that was done (only a read may be).
    pub(super) resend: bool,
}

/// Why a request gave up.
pub(super) enum Failure {
    /// Cancelled (or stopped) while waiting: the asset stays pending.
    Cancelled,
    Call(CallError, u32),
}

impl Failure {
    /// A failure AEM may get over (a 5xx, a lost answer, no connection): a write it ended may
    /// have landed, and may go again once a check says it did not.
    pub(super) fn passing(&self) -> bool {
        matches!(
            self,
            Failure::Call(CallError::Transient(_) | CallError::Unreachable(_), _)
        )
    }

    /// The same failure, its attempts counting `sends` earlier sends of the same write (sent
    /// again after a check), so that its words say how often it was really tried.
    pub(super) fn after(self, sends: u32) -> Failure {
        match self {
            Failure::Call(e, attempts) => Failure::Call(e, attempts + sends),
            cancelled => cancelled,
        }
    }
}

/// What a request is sent through: the gate, the retry settings, the work's control.
pub(super) struct Sender<'a> {
    pub(super) gate: &'a Gate,
    pub(super) settings: &'a Settings,
    pub(super) control: &'a RunControl,
}

impl Sender<'_> {
    /// Waits the backoff before retry `n` (from 1) of a request, `attempts` sent so far;
    /// `Err(Cancelled)` when the work is cancelled meanwhile.
    pub(super) async fn back_off(&self, n: u32, attempts: u32) -> Result<(), Failure> {
        let wait = self
            .settings
            .retry
            .backoff_with_jitter(n.saturating_sub(1), attempts);
        tokio::select! {
            _ = tokio::time::sleep(wait) => Ok(()),
            _ = self.control.changed() => {
                if self.control.is_cancelled() {
                    Err(Failure::Cancelled)
                } else {
                    Ok(())
                }
            }
        }
    }

    /// Sends `f` until it answers or gives up; `attempts` says how many were sent. A refused
    /// token comes back as `Failure::Call(CallError::Auth)` at once: the caller stops.
    pub(super) async fn send<T, F, Fut>(
        &self,
        attempts: &mut u32,
        how: Sending,
        f: F,
    ) -> Result<T, Failure>
    where
        F: Fn() -> Fut,
        Fut: Future<Output = Result<T, CallError>>,
    {
        let measured = how.measured;
        *attempts = 0;
        let mut throttled = 0u32;
        loop {
            let permit = self.gate.acquire().await.map_err(|_| Failure::Cancelled)?;
            *attempts += 1;
            match f().await {
                Ok(v) => {
                    if measured {
                        permit.answered();
                    }
                    return Ok(v);
                }
                Err(CallError::Throttled {
                    status,
                    retry_after,
                }) => {
                    permit.throttled(retry_after);
                    throttled += 1;
                    if throttled > self.settings.max_throttled {
                        return Err(Failure::Call(
                            CallError::Throttled {
                                status,
                                retry_after,
                            },
                            *attempts,
                        ));
                    }
                }
                Err(e @ (CallError::Transient(_) | CallError::Unreachable(_))) => {
                    drop(permit);
                    let transient = *attempts - throttled;
                    if !how.resend || transient > self.settings.retry.max_retries {
                        return Err(Failure::Call(e, transient));
                    }
                    self.back_off(transient, *attempts).await?;
                }
                Err(CallError::Auth(msg)) => {
                    drop(permit);
                    return Err(Failure::Call(CallError::Auth(msg), *attempts));
                }
                Err(other) => {
                    if measured {
                        permit.answered();
                    }
                    return Err(Failure::Call(other, *attempts));
                }
            }
        }
    }
}
