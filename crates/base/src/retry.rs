//! The one retry policy of every request Metadesk sends (IMS, folder listings, the bulk
//! engine's reads and writes): how many times, exponential backoff with a little jitter so
//! concurrent retries spread out, and `Retry-After` (seconds or an HTTP date) read the same way
//! everywhere and capped (as <https://github.com/adobe/aio-lib-core-networking/blob/HEAD/src/HttpExponentialBackoff.js>
//! does). What counts as worth retrying is the caller's: a 4xx other than 429 never is.
//!
//! Written here rather than taken from a crate (`backon`, `backoff`): the engine's retries are
//! entangled with its concurrency gate (a throttle releases a permit and slows every request,
//! a cancel must interrupt a wait), so only the arithmetic is shared, and it is a few lines.

use std::time::Duration;

use reqwest::header::{HeaderMap, RETRY_AFTER};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc2822;

/// How persistently to retry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Retries after the first attempt.
    pub max_retries: u32,
    /// The wait before the first retry; doubled for each further one.
    pub initial_delay: Duration,
    /// The longest wait. For IMS a `Retry-After` asking for more ends the retries, so a click
    /// on "Test connection" never hangs for minutes; elsewhere the wait is capped at it.
    pub max_delay: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_retries: 3,
            initial_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(30),
        }
    }
}

impl RetryPolicy {
    /// A policy with tiny delays, for tests.
    pub fn quick() -> Self {
        RetryPolicy {
            max_retries: 3,
            initial_delay: Duration::from_millis(5),
            max_delay: Duration::from_secs(5),
        }
    }

    /// The wait before retry number `retry` (0-based): `initial × 2^retry`.
    pub fn backoff(&self, retry: u32) -> Duration {
        self.initial_delay
            .saturating_mul(2u32.saturating_pow(retry.min(16)))
            .min(self.max_delay)
    }

    /// [`Self::backoff`] plus up to a quarter more, spread by `seed` (an attempt or request
    /// number), so requests that failed together do not all come back at once.
    pub fn backoff_with_jitter(&self, retry: u32, seed: u32) -> Duration {
        let backoff = self.backoff(retry);
        backoff + backoff.mul_f64(jitter_fraction(seed))
    }

    /// How long to wait for an answer that asked for `asked` (`Retry-After`), or the backoff;
    /// never longer than `max_delay`.
    pub fn wait_for(&self, asked: Option<Duration>, retry: u32, seed: u32) -> Duration {
        asked
            .unwrap_or_else(|| self.backoff_with_jitter(retry, seed))
            .min(self.max_delay)
    }
}

/// A cheap deterministic jitter in [0, 0.25).
fn jitter_fraction(seed: u32) -> f64 {
    let x = seed.wrapping_mul(2_654_435_761) >> 16;
    f64::from(x % 1000) / 4000.0
}

/// `Retry-After` of an answer, if it has a readable one.
pub fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?;
    parse_retry_after(value, OffsetDateTime::now_utc())
}

/// Whether an HTTP status is worth another attempt.
pub fn is_retryable_status(status: u16) -> bool {
    status == 429 || (500..=599).contains(&status)
}

/// Reads `Retry-After`: delta seconds, or an HTTP date relative to `now`. A date in the past
/// means "now"; anything unreadable is ignored (the backoff applies).
pub fn parse_retry_after(value: &str, now: OffsetDateTime) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let date = OffsetDateTime::parse(value, &Rfc2822).ok()?;
    let wait = date - now;
    Some(Duration::try_from(wait).unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_from_the_initial_delay_and_is_capped() {
        let policy = RetryPolicy::default();
        assert_eq!(policy.backoff(0), Duration::from_millis(500));
        assert_eq!(policy.backoff(1), Duration::from_millis(1000));
        assert_eq!(policy.backoff(2), Duration::from_millis(2000));
        assert_eq!(policy.backoff(40), Duration::from_secs(30));
    }

    #[test]
    fn jitter_adds_at_most_a_quarter_and_the_wait_is_capped() {
        let policy = RetryPolicy::default();
        for seed in 0..200 {
            let wait = policy.backoff_with_jitter(1, seed);
            assert!(wait >= Duration::from_millis(1000), "{wait:?}");
            assert!(wait < Duration::from_millis(1250), "{wait:?}");
        }
        let asked = Some(Duration::from_secs(3600));
        assert_eq!(policy.wait_for(asked, 0, 0), policy.max_delay);
        assert_eq!(
            policy.wait_for(Some(Duration::from_secs(2)), 0, 0),
            Duration::from_secs(2)
        );
    }

    #[test]
    fn only_throttling_and_server_errors_are_retried() {
        for status in [429, 500, 502, 503, 504] {
            assert!(is_retryable_status(status), "{status}");
        }
        for status in [200, 301, 400, 401, 403, 404, 406] {
            assert!(!is_retryable_status(status), "{status}");
        }
    }

    #[test]
    fn retry_after_is_read_from_an_answer_s_headers() {
        use reqwest::header::HeaderValue;
        let mut headers = HeaderMap::new();
        assert_eq!(retry_after(&headers), None);
        headers.insert(RETRY_AFTER, HeaderValue::from_static("3"));
        assert_eq!(retry_after(&headers), Some(Duration::from_secs(3)));
        headers.insert(
            RETRY_AFTER,
            HeaderValue::from_static("Wed, 21 Oct 2015 07:28:00 GMT"),
        );
        assert_eq!(retry_after(&headers), Some(Duration::ZERO));
    }

    #[test]
    fn retry_after_in_seconds_or_as_an_http_date() {
        let now = OffsetDateTime::parse("Sun, 06 Nov 1994 08:49:37 GMT", &Rfc2822).unwrap();
        assert_eq!(parse_retry_after("7", now), Some(Duration::from_secs(7)));
        assert_eq!(parse_retry_after(" 0 ", now), Some(Duration::ZERO));
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 08:50:07 GMT", now),
            Some(Duration::from_secs(30))
        );
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 08:00:00 GMT", now),
            Some(Duration::ZERO),
            "a date in the past means retry now"
        );
        assert_eq!(parse_retry_after("soon", now), None);
        assert_eq!(parse_retry_after("-5", now), None);
    }
}
