//! When to try an IMS request again, and how long to wait: network errors, 5xx and 429 are
//! retried up to three times with exponential backoff from 500 ms, and a `Retry-After`
//! (seconds or an HTTP date) replaces the backoff (adobe-wire §7, as aio-lib-core-networking).
//! 4xx other than 429 are never retried: asking again with the same credential cannot help.

use std::time::Duration;

use time::OffsetDateTime;
use time::format_description::well_known::Rfc2822;

/// How persistently to retry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Retries after the first attempt.
    pub max_retries: u32,
    /// The wait before the first retry; doubled for each further one.
    pub initial_delay: Duration,
    /// The longest wait we accept. A `Retry-After` asking for more ends the retries, so a
    /// click on "Test connection" never hangs for minutes.
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
    fn only_throttling_and_server_errors_are_retried() {
        for status in [429, 500, 502, 503, 504] {
            assert!(is_retryable_status(status), "{status}");
        }
        for status in [200, 301, 400, 401, 403, 404, 406] {
            assert!(!is_retryable_status(status), "{status}");
        }
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
