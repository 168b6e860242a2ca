//! One read outside a run's gate (a count, a listing page, a search page, a list's lookup):
//! retried for throttles (waiting as long as AEM asks, within the policy), 5xx and unreachable
//! hosts; it waits while the run is paused and gives up as soon as it is cancelled.
//!
//! Not here: a run's own requests, which pass its concurrency gate (`engine/context.rs`,
//! `Ctx::call`).

use std::future::Future;
use std::time::Duration;

use crate::run_control::RunControl;
use metadesk_assets::CallError;
use metadesk_base::retry::RetryPolicy;

/// A read someone is waiting on (a count, a preview's listing): it gives up sooner than a run's
/// writes, and waits at most 10 s for a throttle.
pub const GLANCE: RetryPolicy = RetryPolicy {
    max_retries: 4,
    initial_delay: Duration::from_millis(200),
    max_delay: Duration::from_secs(10),
};

/// A read that failed for good.
#[derive(Debug)]
pub struct Tried {
    pub error: CallError,
    /// Attempts made, the last one included.
    pub attempts: u32,
}

/// Throttles, 5xx and unreachable hosts: what may answer if asked again.
pub fn worth_retrying(error: &CallError) -> bool {
    matches!(
        error,
        CallError::Throttled { .. } | CallError::Transient(_) | CallError::Unreachable(_)
    )
}

/// `request()` until it answers, `retry` says its error is not worth another try, or `policy`'s
/// retries are spent; `Ok(None)` once `control` is cancelled.
pub async fn retried<T, Fut>(
    control: &RunControl,
    policy: &RetryPolicy,
    retry: fn(&CallError) -> bool,
    mut request: impl FnMut() -> Fut,
) -> Result<Option<T>, Tried>
where
    Fut: Future<Output = Result<T, CallError>>,
{
    let mut attempts = 0u32;
    loop {
        if !control.wait_runnable().await {
            return Ok(None);
        }
        attempts += 1;
        let wait = match request().await {
            Ok(answer) => return Ok(Some(answer)),
            Err(error) if attempts <= policy.max_retries && retry(&error) => {
                let asked = match error {
                    CallError::Throttled { retry_after, .. } => retry_after,
                    _ => None,
                };
                policy.wait_for(asked, attempts - 1, attempts)
            }
            Err(error) => return Err(Tried { error, attempts }),
        };
        tokio::select! {
            _ = tokio::time::sleep(wait) => {}
            _ = control.changed() => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    fn quick() -> RetryPolicy {
        RetryPolicy {
            max_retries: 2,
            initial_delay: Duration::from_millis(1),
            max_delay: Duration::from_millis(5),
        }
    }

    #[tokio::test]
    async fn retries_what_is_worth_it_then_gives_the_attempts() {
        let control = RunControl::new();
        let calls = Cell::new(0);
        let got: Result<Option<()>, Tried> = retried(&control, &quick(), worth_retrying, || {
            calls.set(calls.get() + 1);
            async { Err(CallError::Transient("503".into())) }
        })
        .await;
        let tried = got.unwrap_err();
        assert_eq!((tried.attempts, calls.get()), (3, 3));
    }

    #[tokio::test]
    async fn an_error_not_worth_retrying_is_given_at_once() {
        let control = RunControl::new();
        let got: Result<Option<()>, Tried> = retried(
            &control,
            &quick(),
            |_| false,
            || async { Err(CallError::Transient("503".into())) },
        )
        .await;
        assert_eq!(got.unwrap_err().attempts, 1);
    }

    #[tokio::test]
    async fn a_cancelled_run_sends_nothing() {
        let control = RunControl::new();
        control.cancel();
        let calls = Cell::new(0);
        let got = retried(&control, &quick(), worth_retrying, || {
            calls.set(calls.get() + 1);
            async { Ok(1) }
        })
        .await;
        assert!(matches!(got, Ok(None)));
        assert_eq!(calls.get(), 0);
    }
}
