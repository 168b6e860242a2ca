//! The wall clock the token code reads, injectable so tests can move time instead of
//! sleeping. Production code uses [`Clock::system`].

use std::fmt;
use std::sync::{Arc, Mutex};

use time::{Duration, OffsetDateTime};

/// "What time is it?" — the system clock, or a hand-set one in tests.
#[derive(Clone)]
pub struct Clock(Arc<dyn Fn() -> OffsetDateTime + Send + Sync>);

impl Clock {
    pub fn system() -> Self {
        Clock(Arc::new(OffsetDateTime::now_utc))
    }

    /// The system clock running `seconds` ahead (negative: behind), as on a computer whose
    /// clock is wrong.
    pub fn system_skewed(seconds: i64) -> Self {
        Clock::from_fn(move || OffsetDateTime::now_utc() + Duration::seconds(seconds))
    }

    /// A clock that reads `f`.
    pub fn from_fn(f: impl Fn() -> OffsetDateTime + Send + Sync + 'static) -> Self {
        Clock(Arc::new(f))
    }

    /// A clock standing at `start` that tests move with [`ManualClock::advance`].
    pub fn manual(start: OffsetDateTime) -> (Self, ManualClock) {
        let now = Arc::new(Mutex::new(start));
        let read = Arc::clone(&now);
        let clock = Clock::from_fn(move || *read.lock().unwrap_or_else(|p| p.into_inner()));
        (clock, ManualClock(now))
    }

    pub fn now(&self) -> OffsetDateTime {
        (self.0)()
    }
}

impl Default for Clock {
    fn default() -> Self {
        Clock::system()
    }
}

impl fmt::Debug for Clock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Clock({})", self.now())
    }
}

/// The handle that moves a [`Clock::manual`] clock.
#[derive(Clone)]
pub struct ManualClock(Arc<Mutex<OffsetDateTime>>);

impl ManualClock {
    pub fn advance(&self, by: Duration) {
        let mut now = self.0.lock().unwrap_or_else(|p| p.into_inner());
        *now += by;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manual_clock_moves_only_when_told() {
        let start = OffsetDateTime::from_unix_timestamp(1_700_000_000).unwrap();
        let (clock, hand) = Clock::manual(start);
        assert_eq!(clock.now(), start);
        hand.advance(Duration::minutes(5));
        assert_eq!(clock.now(), start + Duration::minutes(5));
        let system = Clock::system().now();
        assert!((system - OffsetDateTime::now_utc()).abs() < Duration::seconds(5));
        let behind = Clock::system_skewed(-600).now();
        let off = OffsetDateTime::now_utc() - behind;
        assert!(
            off > Duration::seconds(595) && off < Duration::seconds(605),
            "{off}"
        );
    }
}
