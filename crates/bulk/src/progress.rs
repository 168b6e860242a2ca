//! [`Progress`]: the event stream the CLI's progress bar and the app's bulk-edit screen both
//! render, and the tracker that computes rate and ETA and limits how often events are sent.
//!
//! Not here: how events are shown (CLI, UI).

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use serde::Serialize;
use ts_rs::TS;

/// Which part of a run is under way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Listing the folder and reading current values.
    Preview,
    /// Writing.
    Apply,
}

/// One progress event.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Progress {
    pub run_id: String,
    pub phase: Phase,
    /// Assets handled in this phase.
    #[ts(type = "number")]
    pub done: u64,
    /// Assets to handle in this phase (while listing: found so far).
    #[ts(type = "number")]
    pub total: u64,
    /// False while the listing is still finding assets (the total may grow).
    pub total_known: bool,
    #[ts(type = "number")]
    pub changed: u64,
    #[ts(type = "number")]
    pub unchanged: u64,
    #[ts(type = "number")]
    pub skipped: u64,
    #[ts(type = "number")]
    pub failed: u64,
    /// Assets per second over the last few seconds.
    pub rate: f64,
    /// Seconds left at that rate; null when unknown.
    pub eta_secs: Option<f64>,
    /// Requests allowed in flight right now.
    pub concurrency: u32,
    pub paused: bool,
    /// Throttled answers (429/406/503) so far.
    #[ts(type = "number")]
    pub throttled: u64,
    /// The last event of the phase.
    pub finished: bool,
}

/// The callback progress goes to; the app forwards it to a Tauri `Channel`.
pub type ProgressFn<'a> = &'a (dyn Fn(Progress) + Send + Sync);

/// Rate over a sliding window, and event throttling.
pub struct Tracker {
    window: Duration,
    done_at: VecDeque<(Instant, u64)>,
    last_emit: Option<Instant>,
    interval: Duration,
}

impl Tracker {
    pub fn new(interval: Duration) -> Self {
        Tracker {
            window: Duration::from_secs(5),
            done_at: VecDeque::new(),
            last_emit: None,
            interval,
        }
    }

    /// Records that `done` assets are handled at `now`; returns the rate per second.
    pub fn observe(&mut self, now: Instant, done: u64) -> f64 {
        self.done_at.push_back((now, done));
        while self
            .done_at
            .front()
            .is_some_and(|(t, _)| now.duration_since(*t) > self.window)
        {
            self.done_at.pop_front();
        }
        match self.done_at.front() {
            Some((t, d)) if now.duration_since(*t) > Duration::from_millis(200) => {
                (done - d) as f64 / now.duration_since(*t).as_secs_f64()
            }
            _ => 0.0,
        }
    }

    /// Whether an event is due (always for the final one).
    pub fn due(&mut self, now: Instant, last: bool) -> bool {
        let due = last
            || self
                .last_emit
                .is_none_or(|t| now.duration_since(t) >= self.interval);
        if due {
            self.last_emit = Some(now);
        }
        due
    }
}

/// Seconds left for `remaining` at `rate`.
pub fn eta(remaining: u64, rate: f64) -> Option<f64> {
    (rate > 0.0).then(|| remaining as f64 / rate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rate_and_eta_follow_recent_completions() {
        let mut t = Tracker::new(Duration::from_millis(100));
        let t0 = Instant::now();
        assert_eq!(t.observe(t0, 0), 0.0);
        let rate = t.observe(t0 + Duration::from_secs(2), 100);
        assert!((rate - 50.0).abs() < 1e-9);
        assert_eq!(eta(100, rate), Some(2.0));
        assert_eq!(eta(100, 0.0), None);
        // Old samples fall out of the 5-second window.
        let rate = t.observe(t0 + Duration::from_secs(10), 110);
        assert_eq!(rate, 0.0);
    }

    #[test]
    fn events_are_limited_to_one_per_interval_except_the_last() {
        let mut t = Tracker::new(Duration::from_millis(100));
        let t0 = Instant::now();
        assert!(t.due(t0, false));
        assert!(!t.due(t0 + Duration::from_millis(50), false));
        assert!(t.due(t0 + Duration::from_millis(60), true));
        assert!(t.due(t0 + Duration::from_millis(200), false));
    }
}
