//! The adaptive concurrency controller: how many requests may be in flight, how fast they may
//! start, and when to hold off entirely. Pure logic with the clock passed in, so it is tested
//! with synthetic latencies; [`super::gate`] wires it to tokio.
//!
//! Policy (AIMD on a latency gradient):
//! - every "window" of about `limit` completions, compare the window's mean latency with the
//!   baseline (the lowest window mean seen): grow by 1 when it stays near the baseline and the
//!   limit was actually reached; shrink by a fifth when it rises well above (the server is
//!   queueing our requests);
//! - on a throttle (429, 406, 503) halve the limit, hold every new request until `Retry-After`
//!   (or a doubling default when the server gives none), and cap the start rate just below
//!   the rate that was accepted in the last second; probe that cap upward slowly once no
//!   throttle has been seen for a while.
//!
//! Not here: retries (the engine decides), or waiting (the gate does).

use std::collections::VecDeque;
use std::time::{Duration, Instant};

/// Tunables; the defaults are the (start 4, between 1 and 32).
#[derive(Debug, Clone)]
pub struct ControllerConfig {
    pub initial: usize,
    pub min: usize,
    pub max: usize,
    /// Grow while window latency / baseline stays below this.
    pub grow_below: f64,
    /// Shrink when window latency / baseline exceeds this.
    pub shrink_above: f64,
    /// Hold-off after a throttle without `Retry-After`; doubles on consecutive throttles.
    pub default_backoff: Duration,
    pub max_backoff: Duration,
    /// After a throttle, start no faster than this fraction of the rate that was accepted.
    pub rate_margin: f64,
    /// Quiet time after a throttle before the rate cap is probed upward.
    pub probe_after: Duration,
    /// Upward probe of the rate cap, as a fraction per second.
    pub probe_per_sec: f64,
}

impl Default for ControllerConfig {
    fn default() -> Self {
        ControllerConfig {
            initial: 4,
            min: 1,
            max: 32,
            grow_below: 1.2,
            shrink_above: 1.5,
            default_backoff: Duration::from_secs(1),
            max_backoff: Duration::from_secs(30),
            rate_margin: 0.95,
            probe_after: Duration::from_secs(5),
            probe_per_sec: 0.005,
        }
    }
}

/// How a request ended, as far as the controller cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    /// An answer (any status but a throttle): its latency counts.
    Answered(Duration),
    /// 429/406/503, with `Retry-After` when given.
    Throttled(Option<Duration>),
    /// No usable answer (dropped, timed out): the slot is freed, latency ignored.
    Failed,
}

/// Why a request may not start yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wait {
    /// All slots are taken: wait for a completion.
    Slot,
    /// Hold off until then (throttle hold-off or rate cap).
    Until(Instant),
}

#[derive(Debug, Default)]
struct Window {
    count: u32,
    sum: Duration,
    saturated: bool,
    throttled: bool,
}

/// The controller's state.
#[derive(Debug)]
pub struct Controller {
    cfg: ControllerConfig,
    limit: usize,
    in_flight: usize,
    baseline: Option<Duration>,
    window: Window,
    hold_until: Option<Instant>,
    /// Start no faster than this many per second (learned from throttles).
    rate: Option<f64>,
    next_start: Option<Instant>,
    rate_checked: Option<Instant>,
    starts: VecDeque<Instant>,
    last_throttle: Option<Instant>,
    backoff_streak: u32,
    throttles: u64,
}

impl Controller {
    pub fn new(cfg: ControllerConfig) -> Self {
        let limit = cfg.initial.clamp(cfg.min.max(1), cfg.max.max(1));
        Controller {
            cfg,
            limit,
            in_flight: 0,
            baseline: None,
            window: Window::default(),
            hold_until: None,
            rate: None,
            next_start: None,
            rate_checked: None,
            starts: VecDeque::new(),
            last_throttle: None,
            backoff_streak: 0,
            throttles: 0,
        }
    }

    /// Requests allowed in flight now.
    pub fn limit(&self) -> usize {
        self.limit
    }

    pub fn in_flight(&self) -> usize {
        self.in_flight
    }

    /// The learned start-rate cap, if a throttle taught one.
    pub fn rate(&self) -> Option<f64> {
        self.rate
    }

    /// Throttled answers seen.
    pub fn throttles(&self) -> u64 {
        self.throttles
    }

    /// Takes a slot if a request may start at `now`.
    pub fn try_start(&mut self, now: Instant) -> Result<(), Wait> {
        if let Some(until) = self.hold_until {
            if now < until {
                return Err(Wait::Until(until));
            }
            self.hold_until = None;
        }
        if self.in_flight >= self.limit {
            return Err(Wait::Slot);
        }
        if let Some(rate) = self.rate {
            self.probe_rate(now);
            let interval = Duration::from_secs_f64(1.0 / rate.max(0.1));
            if let Some(next) = self.next_start
                && now < next
            {
                return Err(Wait::Until(next));
            }
            // No credit for idle time: a burst would overrun a fixed one-second window.
            self.next_start = Some(self.next_start.map_or(now, |n| n.max(now)) + interval);
        }
        self.in_flight += 1;
        if self.in_flight >= self.limit {
            self.window.saturated = true;
        }
        self.starts.push_back(now);
        while self
            .starts
            .front()
            .is_some_and(|t| now.duration_since(*t) > Duration::from_secs(1))
        {
            self.starts.pop_front();
        }
        Ok(())
    }

    /// Frees the slot of a request that ended with `signal`.
    pub fn finish(&mut self, now: Instant, signal: Signal) {
        self.in_flight = self.in_flight.saturating_sub(1);
        match signal {
            Signal::Answered(latency) => {
                if self.hold_until.is_none() {
                    self.backoff_streak = 0;
                }
                self.window.count += 1;
                self.window.sum += latency;
                if self.window.count as usize >= self.limit.max(4) {
                    self.evaluate();
                }
            }
            Signal::Throttled(retry_after) => self.on_throttle(now, retry_after),
            Signal::Failed => {}
        }
    }

    fn evaluate(&mut self) {
        let window = std::mem::take(&mut self.window);
        let mean = window.sum / window.count.max(1);
        // At the minimum limit nothing of ours is queued: that latency is the floor.
        let baseline = match self.baseline {
            Some(b) if self.limit > self.cfg.min => b.min(mean),
            _ => mean,
        };
        self.baseline = Some(baseline);
        if window.throttled {
            return;
        }
        let ratio = mean.as_secs_f64() / baseline.as_secs_f64().max(1e-6);
        if ratio > self.cfg.shrink_above {
            let shrunk = (self.limit as f64 * 0.8).floor() as usize;
            self.limit = shrunk.min(self.limit - 1).max(self.cfg.min);
        } else if ratio < self.cfg.grow_below && window.saturated {
            self.limit = (self.limit + 1).min(self.cfg.max);
        }
    }

    fn on_throttle(&mut self, now: Instant, retry_after: Option<Duration>) {
        self.throttles += 1;
        self.window.throttled = true;
        // The answers of requests that were already in flight when the first throttle came
        // back say the same thing: react once per hold-off.
        // (Within 250 ms of the last reaction counts as the same burst, even with a zero
        // `Retry-After`.)
        let already_holding = self.hold_until.is_some_and(|until| now < until)
            || self
                .last_throttle
                .is_some_and(|t| now.duration_since(t) < Duration::from_millis(250));
        let wait = retry_after.unwrap_or_else(|| {
            let factor = 2u32.saturating_pow(self.backoff_streak.min(16));
            self.cfg
                .default_backoff
                .saturating_mul(factor)
                .min(self.cfg.max_backoff)
        });
        let until = now + wait;
        self.hold_until = Some(self.hold_until.map_or(until, |h| h.max(until)));
        if already_holding {
            return;
        }
        self.backoff_streak += 1;
        self.last_throttle = Some(now);
        self.limit = (self.limit / 2).max(self.cfg.min);
        // What the server accepted over the last second (less if we were running shorter).
        let span = self
            .starts
            .front()
            .map(|t| now.duration_since(*t).as_secs_f64())
            .unwrap_or(1.0)
            .clamp(0.05, 1.0);
        let accepted = self.starts.len() as f64 / span;
        let cap = self.cfg.rate_margin * self.rate.map_or(accepted, |r| r.min(accepted));
        self.rate = Some(cap.max(1.0));
        self.rate_checked = Some(now);
        self.next_start = None;
        self.starts.clear();
    }

    fn probe_rate(&mut self, now: Instant) {
        let (Some(rate), Some(last)) = (self.rate, self.last_throttle) else {
            return;
        };
        let checked = self.rate_checked.unwrap_or(now);
        self.rate_checked = Some(now);
        if now.duration_since(last) < self.cfg.probe_after {
            return;
        }
        let secs = now.duration_since(checked).as_secs_f64();
        self.rate = Some(rate * (1.0 + self.cfg.probe_per_sec * secs));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MS: Duration = Duration::from_millis(1);

    /// Simulates a server with `capacity` slots and `service` time per request: requests
    /// beyond the capacity queue, so latency = service × ceil(in flight / capacity) roughly.
    fn simulate(capacity: usize, service: Duration, rounds: usize) -> Vec<usize> {
        let mut c = Controller::new(ControllerConfig::default());
        let t0 = Instant::now();
        let mut now = t0;
        let mut limits = Vec::new();
        for _ in 0..rounds {
            let mut started = 0;
            while c.try_start(now).is_ok() {
                started += 1;
            }
            let queued = started as f64 / capacity as f64;
            let latency = service.mul_f64(queued.max(1.0));
            now += latency;
            for _ in 0..started {
                c.finish(now, Signal::Answered(latency));
            }
            limits.push(c.limit());
        }
        limits
    }

    #[test]
    fn starts_at_four_and_stays_within_bounds() {
        let c = Controller::new(ControllerConfig::default());
        assert_eq!(c.limit(), 4);
        let limits = simulate(1000, 50 * MS, 200);
        assert!(limits.iter().all(|l| (1..=32).contains(l)));
        assert_eq!(
            *limits.last().unwrap(),
            32,
            "flat latency grows to the maximum"
        );
    }

    #[test]
    fn settles_near_the_servers_capacity_when_latency_rises() {
        let limits = simulate(8, 50 * MS, 300);
        let tail = &limits[200..];
        assert!(
            tail.iter().all(|l| (8..=12).contains(l)),
            "limit should hover just above the capacity of 8: {tail:?}"
        );
    }

    #[test]
    fn shrinks_when_latency_rises_well_above_baseline() {
        let mut c = Controller::new(ControllerConfig {
            initial: 10,
            ..Default::default()
        });
        let now = Instant::now();
        // A baseline window at 50 ms…
        for _ in 0..10 {
            c.try_start(now).unwrap();
        }
        for _ in 0..10 {
            c.finish(now, Signal::Answered(50 * MS));
        }
        let before = c.limit();
        // …then the server starts queueing: 200 ms.
        for _ in 0..before {
            c.try_start(now).unwrap();
        }
        for _ in 0..before {
            c.finish(now, Signal::Answered(200 * MS));
        }
        assert!(c.limit() < before, "{} !< {before}", c.limit());
    }

    #[test]
    fn does_not_grow_when_the_limit_was_not_reached() {
        let mut c = Controller::new(ControllerConfig::default());
        let now = Instant::now();
        for _ in 0..20 {
            c.try_start(now).unwrap();
            c.finish(now, Signal::Answered(10 * MS));
        }
        assert_eq!(c.limit(), 4, "one at a time never proves more would help");
    }

    #[test]
    fn throttle_halves_holds_off_for_retry_after_and_caps_the_rate() {
        let mut c = Controller::new(ControllerConfig {
            initial: 16,
            ..Default::default()
        });
        let t0 = Instant::now();
        // 16 starts spread over 0.5 s: an accepted rate of about 32/s.
        for k in 0..16u32 {
            c.try_start(t0 + 31 * MS * k).unwrap();
        }
        let now = t0 + 500 * MS;
        c.finish(now, Signal::Throttled(Some(Duration::from_secs(2))));
        assert_eq!(c.limit(), 8);
        // Other in-flight answers of the same burst do not halve again.
        c.finish(now, Signal::Throttled(Some(Duration::from_secs(2))));
        assert_eq!(c.limit(), 8);
        assert_eq!(c.throttles(), 2);
        assert_eq!(
            c.try_start(now + MS),
            Err(Wait::Until(now + Duration::from_secs(2)))
        );
        for _ in 0..14 {
            c.finish(now, Signal::Throttled(Some(Duration::from_secs(2))));
        }
        assert_eq!(c.limit(), 8);
        let rate = c.rate().unwrap();
        assert!((25.0..35.0).contains(&rate), "{rate}");
        // After the hold-off, starts are spaced by 1/rate.
        let later = now + Duration::from_secs(2);
        assert!(c.try_start(later).is_ok());
        match c.try_start(later) {
            Err(Wait::Until(t)) => {
                let gap = t.duration_since(later).as_secs_f64();
                assert!((gap - 1.0 / rate).abs() < 1e-3, "{gap}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn throttles_without_retry_after_back_off_exponentially() {
        let mut c = Controller::new(ControllerConfig::default());
        let mut now = Instant::now();
        let mut waits = Vec::new();
        for _ in 0..3 {
            c.try_start(now).unwrap();
            c.finish(now, Signal::Throttled(None));
            match c.try_start(now) {
                Err(Wait::Until(t)) => {
                    waits.push(t.duration_since(now));
                    now = t;
                }
                other => panic!("{other:?}"),
            }
        }
        assert_eq!(
            waits,
            vec![
                Duration::from_secs(1),
                Duration::from_secs(2),
                Duration::from_secs(4)
            ]
        );
        assert_eq!(c.limit(), 1);
    }

    #[test]
    fn the_rate_cap_is_probed_upward_after_a_quiet_spell() {
        let mut c = Controller::new(ControllerConfig {
            initial: 16,
            ..Default::default()
        });
        let t0 = Instant::now();
        for k in 0..10u32 {
            c.try_start(t0 + 100 * MS * k).unwrap();
        }
        let now = t0 + Duration::from_secs(1);
        for _ in 0..10 {
            c.finish(now, Signal::Throttled(Some(Duration::ZERO)));
        }
        assert_eq!(c.limit(), 8, "one burst, one halving");
        let learned = c.rate().unwrap();
        assert!((8.0..10.0).contains(&learned), "{learned}");
        let mut t = now;
        for _ in 0..60 {
            t += Duration::from_secs(1);
            let _ = c.try_start(t);
            c.finish(t, Signal::Answered(MS));
        }
        let probed = c.rate().unwrap();
        assert!(
            probed > learned * 1.15 && probed < learned * 1.5,
            "{learned} → {probed}"
        );
    }

    #[test]
    fn failures_free_slots_without_moving_the_limit() {
        let mut c = Controller::new(ControllerConfig::default());
        let now = Instant::now();
        for _ in 0..4 {
            c.try_start(now).unwrap();
        }
        assert_eq!(c.try_start(now), Err(Wait::Slot));
        c.finish(now, Signal::Failed);
        assert_eq!(c.in_flight(), 3);
        assert_eq!(c.limit(), 4);
        assert!(c.try_start(now).is_ok());
    }
}
