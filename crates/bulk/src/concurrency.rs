//! The adaptive concurrency controller: how many requests may be in flight, how fast they may
//! start, and when to hold off entirely. Pure logic with the clock passed in, so it is tested
//! with synthetic latencies; [`super::request_gate`] wires it to tokio.
//!
//! Policy (AIMD on a latency gradient):
//! - every "window" of about `limit` completions, compare the window's mean latency with the
//!   baseline (the lowest recent window mean) and estimate how many of our requests wait in
//!   the server's queue: `limit × (1 − baseline / mean)` (by Little's law, the requests in
//!   flight beyond what the server serves at once). Grow by 1 when under half a request waits
//!   and the limit was actually reached; shrink by 1 as soon as about one waits, and by a fifth
//!   when the latency rises well above the baseline. After a shrink, the limit that queued is
//!   probed again only after a few quiet windows, so the run stays at the server's capacity
//!   instead of keeping a request or two queued behind it (which would double their latency);
//! - on a throttle (429, 406, 503) halve the limit, hold every new request until `Retry-After`
//!   (or a doubling default when the server gives none), and cap the start rate just below
//!   the rate the server accepted (answered without throttling) over the last second. Once no
//!   throttle has been seen for a while, probe that cap upward. Until a throttle comes while
//!   pacing, the cap is only a guess (the first throttle of an unpaced burst may share its
//!   window with other traffic: an earlier phase, another client), so it climbs fast after a
//!   second of quiet. Then quickly while it holds requests back and stays under the rate
//!   accepted at the last throttle that came while pacing, slowly otherwise, and above that
//!   ceiling only after a long quiet spell: every throttle costs a hold-off, so a limit once
//!   found is not tested again every few seconds. A throttle when nothing got through since the last one only
//!   lengthens the wait.
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
    /// Grow while fewer of our requests than this are estimated to wait in the server's queue.
    pub grow_queue: f64,
    /// Shrink by one when more than this many are estimated to wait in two windows in a row
    /// (one window is enough above twice this).
    pub shrink_queue: f64,
    /// Shrink by a fifth when window latency / baseline exceeds this.
    pub shrink_above: f64,
    /// Quiet windows needed before growing back to a limit that was just shrunk from; doubles
    /// each time that same limit queues again, up to `max_reprobe_windows`.
    pub reprobe_windows: u32,
    pub max_reprobe_windows: u32,
    /// How fast the baseline may rise per window towards higher latencies (a server that got
    /// slower for everyone is not our queue), as a fraction.
    pub baseline_drift: f64,
    /// Hold-off after a throttle without `Retry-After`; doubles on consecutive throttles.
    pub default_backoff: Duration,
    pub max_backoff: Duration,
    /// The longest `Retry-After` honoured; a longer one waits this long, then asks again.
    pub max_retry_after: Duration,
    /// After a throttle, start no faster than this fraction of the rate that was accepted.
    pub rate_margin: f64,
    /// Quiet time after a throttle before the rate cap is probed upward.
    pub probe_after: Duration,
    /// Upward probe of the rate cap, as a fraction per second.
    pub probe_per_sec: f64,
    /// The faster upward probe while the cap holds requests back and is below the rate
    /// accepted at the last throttle while pacing.
    pub recover_per_sec: f64,
    /// While no throttle has come under pacing yet, the cap comes only from an unpaced
    /// burst's throttle, whose window the server may have shared with other traffic (an
    /// earlier phase, another client): a guess that may be far too low. It is probed upward
    /// this fast, after `discover_after` of quiet, until a paced throttle shows the real rate.
    pub discover_per_sec: f64,
    pub discover_after: Duration,
    /// The probe stays below this fraction of the rate accepted when the last throttle came…
    pub probe_ceiling: f64,
    /// …until this long without a throttle.
    pub retest_after: Duration,
}

impl Default for ControllerConfig {
    fn default() -> Self {
        ControllerConfig {
            // What AEM as a Cloud Service serves one client at once (as many listings as a
            // walk sends together): a run uses those slots from its first requests instead of
            // growing to them one window at a time, which on a run of a few seconds never got
            // there. A server that serves fewer queues them, and the limit shrinks.
            initial: metadesk_assets::folders::LISTINGS_AT_ONCE,
            min: 1,
            max: 32,
            grow_queue: 0.3,
            shrink_queue: 0.75,
            shrink_above: 1.5,
            reprobe_windows: 10,
            max_reprobe_windows: 160,
            baseline_drift: 0.001,
            default_backoff: Duration::from_secs(1),
            max_backoff: Duration::from_secs(30),
            // Twice the AEM CDN's default rate-limit penalty (300 s): a real hold-off is
            // honoured in full, while a bogus header (days, a date far ahead) costs at most
            // ten minutes and one more throttled request, instead of a run that silently
            // never moves again. A longer penalty a customer configured (up to 3600 s) is
            // waited out in steps of this.
            max_retry_after: Duration::from_secs(600),
            rate_margin: 0.95,
            probe_after: Duration::from_secs(5),
            probe_per_sec: 0.005,
            recover_per_sec: 0.05,
            discover_per_sec: 0.25,
            discover_after: Duration::from_secs(1),
            probe_ceiling: 0.97,
            retest_after: Duration::from_secs(30),
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
    /// The limit last shrunk from because requests queued, and the quiet windows since.
    queued_at: Option<usize>,
    quiet_windows: u32,
    /// Quiet windows needed now before growing back to `queued_at`.
    reprobe_after: u32,
    /// Windows in a row that showed one of ours queued.
    queued_windows: u32,
    hold_until: Option<Instant>,
    /// Start no faster than this many per second (learned from throttles).
    rate: Option<f64>,
    next_start: Option<Instant>,
    rate_checked: Option<Instant>,
    starts: VecDeque<Instant>,
    /// Answers (not throttled) in the last second.
    answered: VecDeque<Instant>,
    answered_since_throttle: u64,
    /// The accepted rate when the last throttle came while the rate cap was in force (a
    /// throttle of an unpaced burst says less: others may have used the same window).
    ceiling: Option<f64>,
    /// When the rate cap last held a request back.
    capped_at: Option<Instant>,
    /// The probe's speed in force (fraction per second; 0 while not probing).
    probing: f64,
    last_throttle: Option<Instant>,
    backoff_streak: u32,
    throttles: u64,
}

impl Controller {
    /// The limit set to `limit` (within the configured bounds), as if learnt: see
    /// [`crate::request_gate::Gate::start_at`].
    pub fn start_at(&mut self, limit: usize) {
        self.limit = limit.clamp(self.cfg.min.max(1), self.cfg.max.max(1));
    }

    pub fn new(cfg: ControllerConfig) -> Self {
        let limit = cfg.initial.clamp(cfg.min.max(1), cfg.max.max(1));
        let reprobe_after = cfg.reprobe_windows;
        Controller {
            cfg,
            limit,
            in_flight: 0,
            baseline: None,
            window: Window::default(),
            queued_at: None,
            quiet_windows: 0,
            reprobe_after,
            queued_windows: 0,
            hold_until: None,
            rate: None,
            next_start: None,
            rate_checked: None,
            starts: VecDeque::new(),
            answered: VecDeque::new(),
            answered_since_throttle: 0,
            ceiling: None,
            capped_at: None,
            probing: 0.0,
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
                self.capped_at = Some(now);
                return Err(Wait::Until(next));
            }
            // No credit for idle time (a burst would overrun a fixed one-second window), but a
            // start that comes a little late (timer granularity, scheduling) keeps the
            // schedule: otherwise every late wake-up would lower the rate actually sent.
            let due = match self.next_start {
                Some(next) if now.duration_since(next) < interval => next,
                _ => now,
            };
            self.next_start = Some(due + interval);
        }
        self.in_flight += 1;
        if self.in_flight >= self.limit {
            self.window.saturated = true;
        }
        self.starts.push_back(now);
        trim_to_last_second(&mut self.starts, now);
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
                self.answered.push_back(now);
                trim_to_last_second(&mut self.answered, now);
                self.answered_since_throttle += 1;
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
        // At the minimum limit nothing of ours is queued: that latency is the floor. Above
        // it, the lowest recent window mean, allowed to drift up slowly.
        let baseline = match self.baseline {
            Some(b) if self.limit > self.cfg.min => {
                b.mul_f64(1.0 + self.cfg.baseline_drift.max(0.0)).min(mean)
            }
            _ => mean,
        };
        self.baseline = Some(baseline);
        if window.throttled {
            return;
        }
        let ratio = mean.as_secs_f64() / baseline.as_secs_f64().max(1e-6);
        let queued = self.limit as f64 * (1.0 - 1.0 / ratio.max(1e-6));
        if queued > self.cfg.shrink_queue {
            self.queued_windows += 1;
        } else {
            self.queued_windows = 0;
        }
        if ratio > self.cfg.shrink_above {
            let shrunk = (self.limit as f64 * 0.8).floor() as usize;
            self.shrink_to(shrunk.min(self.limit - 1));
        } else if self.queued_windows >= 2 || queued > 2.0 * self.cfg.shrink_queue {
            // One noisy window is not a queue; two in a row, or a long one, is.
            self.shrink_to(self.limit - 1);
        } else if queued < self.cfg.grow_queue && window.saturated {
            self.quiet_windows += 1;
            let next = self.limit + 1;
            let wait = self.queued_at == Some(next) && self.quiet_windows < self.reprobe_after;
            if !wait {
                self.limit = next.min(self.cfg.max);
                self.quiet_windows = 0;
                // Past the limit that queued: it no longer applies.
                if self.queued_at.is_some_and(|q| self.limit > q) {
                    self.queued_at = None;
                    self.reprobe_after = self.cfg.reprobe_windows;
                }
            }
        }
    }

    fn shrink_to(&mut self, limit: usize) {
        if limit < self.limit {
            // The same limit queued again: wait twice as long before the next probe.
            self.reprobe_after = if self.queued_at == Some(self.limit) {
                self.reprobe_after
                    .saturating_mul(2)
                    .min(self.cfg.max_reprobe_windows)
            } else {
                self.cfg.reprobe_windows
            };
            self.queued_at = Some(self.limit);
        }
        self.limit = limit.max(self.cfg.min.max(1));
        self.quiet_windows = 0;
        self.queued_windows = 0;
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
        let wait = match retry_after {
            Some(asked) if asked > self.cfg.max_retry_after => {
                tracing::warn!(
                    asked_secs = asked.as_secs(),
                    waiting_secs = self.cfg.max_retry_after.as_secs(),
                    "Retry-After longer than we wait; asking again sooner"
                );
                Some(self.cfg.max_retry_after)
            }
            other => other,
        };
        let wait = wait.unwrap_or_else(|| {
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
        let paced = self.rate.is_some();
        // Nothing answered since the last reaction: the rate learned then still stands.
        let nothing_through = self.last_throttle.is_some() && self.answered_since_throttle == 0;
        self.last_throttle = Some(now);
        self.answered_since_throttle = 0;
        self.limit = (self.limit / 2).max(self.cfg.min);
        self.rate_checked = Some(now);
        self.next_start = None;
        trim_to_last_second(&mut self.answered, now);
        let accepted = if self.answered.is_empty() {
            // No answer yet to go by: what we were sending (less if we ran shorter).
            let span = self
                .starts
                .front()
                .map(|t| now.duration_since(*t).as_secs_f64())
                .unwrap_or(1.0)
                .clamp(0.05, 1.0);
            self.starts.len() as f64 / span
        } else {
            // What the server let through over the last second.
            self.answered.len() as f64
        };
        self.starts.clear();
        if nothing_through {
            return;
        }
        let cap = self.cfg.rate_margin * self.rate.map_or(accepted, |r| r.min(accepted));
        self.rate = Some(cap.max(1.0));
        if paced {
            // While probing, the last second's answers include what the probe added in that
            // second beyond what the server allows: take that back.
            self.ceiling = Some((accepted / (1.0 + self.probing)).max(1.0));
        }
        self.probing = 0.0;
    }

    fn probe_rate(&mut self, now: Instant) {
        let (Some(rate), Some(last)) = (self.rate, self.last_throttle) else {
            return;
        };
        let checked = self.rate_checked.unwrap_or(now);
        self.rate_checked = Some(now);
        let quiet = now.duration_since(last);
        let discovering = self.ceiling.is_none();
        let wait = if discovering {
            self.cfg.discover_after
        } else {
            self.cfg.probe_after
        };
        if quiet < wait {
            self.probing = 0.0;
            return;
        }
        let secs = now.duration_since(checked).as_secs_f64();
        let capped = self
            .capped_at
            .is_some_and(|t| now.duration_since(t) < Duration::from_secs(1));
        let below = self
            .ceiling
            .is_none_or(|c| rate < c * self.cfg.probe_ceiling);
        let speed = match (capped, discovering, below) {
            (true, true, _) => self.cfg.discover_per_sec,
            (true, false, true) => self.cfg.recover_per_sec,
            _ => self.cfg.probe_per_sec,
        };
        self.probing = speed;
        let mut probed = rate * (1.0 + speed * secs);
        if let Some(ceiling) = self.ceiling
            && quiet < self.cfg.retest_after
        {
            probed = probed.min(rate.max(ceiling * self.cfg.probe_ceiling));
        }
        self.rate = Some(probed);
    }
}

/// Drops the instants older than one second.
fn trim_to_last_second(times: &mut VecDeque<Instant>, now: Instant) {
    while times
        .front()
        .is_some_and(|t| now.duration_since(*t) > Duration::from_secs(1))
    {
        times.pop_front();
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
    fn starts_at_eight_and_stays_within_bounds() {
        let c = Controller::new(ControllerConfig::default());
        assert_eq!(c.limit(), 8);
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
    fn stays_at_the_capacity_instead_of_queueing_behind_it() {
        // Every request beyond the capacity of 8 doubles someone's latency: the limit may
        // probe 9 now and then, but must spend most of its time at 8.
        let limits = simulate(8, 50 * MS, 400);
        let tail = &limits[100..];
        assert!(tail.iter().all(|l| (8..=9).contains(l)), "{tail:?}");
        let above = tail.iter().filter(|l| **l > 8).count();
        assert!(
            above * 4 <= tail.len(),
            "{above} of {} rounds above 8",
            tail.len()
        );
    }

    #[test]
    fn a_server_slower_for_everyone_is_not_taken_for_our_queue() {
        let mut c = Controller::new(ControllerConfig::default());
        let mut now = Instant::now();
        let mut round = |c: &mut Controller, latency: Duration| {
            let mut started = 0;
            while c.try_start(now).is_ok() {
                started += 1;
            }
            now += latency;
            for _ in 0..started {
                c.finish(now, Signal::Answered(latency));
            }
        };
        for _ in 0..100 {
            round(&mut c, 50 * MS);
        }
        assert_eq!(c.limit(), 32);
        // Latency rises by 30 % whatever our concurrency: the baseline follows it.
        for _ in 0..5 {
            round(&mut c, 65 * MS);
        }
        assert!(c.limit() < 32, "a rise is at first taken for queueing");
        for _ in 0..400 {
            round(&mut c, 65 * MS);
        }
        assert_eq!(c.limit(), 32, "flat latency again: back to the maximum");
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
        assert_eq!(c.limit(), 8, "one at a time never proves more would help");
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
    fn a_retry_after_longer_than_ten_minutes_waits_ten_minutes() {
        for asked in [Duration::from_secs(86_400), Duration::MAX / 4] {
            let mut c = Controller::new(ControllerConfig::default());
            let now = Instant::now();
            c.try_start(now).unwrap();
            c.finish(now, Signal::Throttled(Some(asked)));
            assert_eq!(
                c.try_start(now + MS),
                Err(Wait::Until(now + Duration::from_secs(600)))
            );
            assert!(c.try_start(now + Duration::from_secs(600)).is_ok());
        }
        // Up to the cap, the server's wait is honoured as given.
        let mut c = Controller::new(ControllerConfig::default());
        let now = Instant::now();
        c.try_start(now).unwrap();
        c.finish(now, Signal::Throttled(Some(Duration::from_secs(300))));
        assert_eq!(
            c.try_start(now + MS),
            Err(Wait::Until(now + Duration::from_secs(300)))
        );
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

    /// Starts and answers one request every `gap` from `from` for `span`; returns the end.
    fn steady(c: &mut Controller, from: Instant, gap: Duration, span: Duration) -> Instant {
        let mut t = from;
        while t < from + span {
            if c.try_start(t).is_ok() {
                c.finish(t + MS, Signal::Answered(MS));
            }
            t += gap;
        }
        t
    }

    #[test]
    fn the_rate_learned_is_what_the_server_let_through() {
        // A burst at 1,000/s gets 100 answers in 0.1 s, then the server throttles: the cap is
        // just under the 100/s it accepted, not under the 1,000/s we sent.
        let mut c = Controller::new(ControllerConfig::default());
        let t0 = Instant::now();
        let end = steady(&mut c, t0, MS, 100 * MS);
        c.finish(end, Signal::Throttled(Some(Duration::from_secs(1))));
        let rate = c.rate().unwrap();
        assert!((94.0..=96.0).contains(&rate), "{rate}");
    }

    #[test]
    fn an_unpaced_burst_sets_no_ceiling_and_the_cap_recovers_quickly() {
        // Others used most of the window: our burst got 40 through. The cap starts at 38/s
        // but, while it holds requests back and no paced throttle has shown the real rate,
        // climbs fast (25 %/s) after a second of quiet: past 90/s within 5 s.
        let cfg = ControllerConfig::default();
        let mut c = Controller::new(cfg.clone());
        let t0 = Instant::now();
        let end = steady(&mut c, t0, MS, 40 * MS);
        c.finish(end, Signal::Throttled(Some(Duration::from_secs(1))));
        assert!((37.0..=39.0).contains(&c.rate().unwrap()));
        assert!(c.ceiling.is_none());
        steady(
            &mut c,
            end + Duration::from_secs(1),
            MS,
            Duration::from_secs(4),
        );
        let rate = c.rate().unwrap();
        assert!(rate > 90.0, "{rate}");
    }

    /// The default tunables without the fast discovery after an unpaced throttle, for tests
    /// whose first throttle only sets the scene.
    fn without_discovery() -> ControllerConfig {
        ControllerConfig {
            discover_after: Duration::from_secs(3600),
            ..ControllerConfig::default()
        }
    }

    #[test]
    fn the_probe_stays_under_the_throttled_rate_until_a_long_quiet_spell() {
        let cfg = without_discovery();
        let mut c = Controller::new(cfg.clone());
        let t0 = Instant::now();
        let end = steady(&mut c, t0, MS, 100 * MS);
        c.finish(end, Signal::Throttled(Some(Duration::from_secs(1))));
        // A throttle while pacing at the cap of 95/s (91/s on this 1 ms clock): what went
        // through in the last second is the ceiling.
        let resume = end + Duration::from_secs(1);
        let t = steady(&mut c, resume, MS, Duration::from_secs(1));
        c.finish(t, Signal::Throttled(Some(Duration::from_secs(1))));
        let learned = c.rate().unwrap();
        assert!((85.0..=91.0).contains(&learned), "{learned}");
        let ceiling = learned / cfg.rate_margin;
        // Quiet, sending as fast as the cap allows: the cap climbs to 97 % of the ceiling and
        // stays there.
        let resume = t + Duration::from_secs(1);
        let t = steady(&mut c, resume, MS, cfg.retest_after - 2 * MS * 1000);
        let rate = c.rate().unwrap();
        assert!(
            (rate / ceiling - cfg.probe_ceiling).abs() < 0.001,
            "{rate} vs {ceiling}"
        );
        // After `retest_after` without a throttle it probes above, slowly (0.5 %/s).
        steady(&mut c, t, MS, Duration::from_secs(15));
        let rate = c.rate().unwrap();
        assert!(
            rate > ceiling && rate < ceiling * 1.1,
            "{rate} vs {ceiling}"
        );
    }

    #[test]
    fn a_throttle_while_recovering_fast_sets_the_ceiling_a_probe_second_lower() {
        let cfg = ControllerConfig::default();
        let mut c = Controller::new(cfg.clone());
        let t0 = Instant::now();
        let end = steady(&mut c, t0, MS, 50 * MS);
        c.finish(end, Signal::Throttled(Some(Duration::from_secs(1))));
        // Discovering at 25 %/s from 47.5/s; the server throttles once 105 got through in a
        // second: the pace it had allowed a probe-second earlier is the ceiling.
        let mut t = end + Duration::from_secs(1);
        loop {
            t = steady(&mut c, t, MS, 100 * MS);
            if c.answered.len() >= 105 {
                break;
            }
        }
        c.finish(t, Signal::Throttled(Some(Duration::from_secs(1))));
        let ceiling = c.ceiling.unwrap();
        let through = c.answered.len() as f64;
        assert!(
            (ceiling - through / (1.0 + cfg.discover_per_sec)).abs() < 1e-9,
            "{ceiling} from {through}"
        );
    }

    #[test]
    fn a_throttle_with_nothing_through_only_waits_longer() {
        let mut c = Controller::new(without_discovery());
        let t0 = Instant::now();
        let end = steady(&mut c, t0, MS, 100 * MS);
        c.finish(end, Signal::Throttled(None));
        let learned = c.rate().unwrap();
        // The hold ends; the very first request is throttled again.
        let again = end + Duration::from_secs(1);
        assert!(c.try_start(again).is_ok());
        c.finish(again, Signal::Throttled(None));
        assert_eq!(c.rate(), Some(learned), "no answer: nothing new learned");
        assert_eq!(
            c.try_start(again),
            Err(Wait::Until(again + Duration::from_secs(2))),
            "the wait doubles"
        );
    }

    #[test]
    fn late_starts_keep_the_paced_schedule() {
        let mut c = Controller::new(without_discovery());
        let t0 = Instant::now();
        let end = steady(&mut c, t0, MS, 100 * MS);
        c.finish(end, Signal::Throttled(Some(Duration::ZERO)));
        let rate = c.rate().unwrap();
        let interval = Duration::from_secs_f64(1.0 / rate);
        // Every wake-up comes 2 ms after the slot it waited for: the rate sent stays the cap.
        let mut t = end + Duration::from_secs(1);
        let mut started = 0;
        let until = t + Duration::from_secs(4);
        while t < until {
            match c.try_start(t) {
                Ok(()) => {
                    started += 1;
                    c.finish(t, Signal::Answered(MS));
                }
                Err(Wait::Until(next)) => t = next + 2 * MS,
                Err(Wait::Slot) => unreachable!(),
            }
        }
        let sent = f64::from(started) / 4.0;
        assert!(
            (sent - rate).abs() < 1.5,
            "sent {sent}/s, cap {rate}/s ({interval:?})"
        );
        // After an idle spell, no burst: one start, then the next waits a full interval.
        let idle = until + Duration::from_secs(3);
        assert!(c.try_start(idle).is_ok());
        c.finish(idle, Signal::Answered(MS));
        assert_eq!(c.try_start(idle), Err(Wait::Until(idle + interval)));
    }

    #[test]
    fn failures_free_slots_without_moving_the_limit() {
        let mut c = Controller::new(ControllerConfig {
            initial: 4,
            ..ControllerConfig::default()
        });
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
