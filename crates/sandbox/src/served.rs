//! The request log: for each AEM request that took a capacity slot, what it was, when it
//! arrived, when it got its slot and when it gave it back (latency, the handler and any commit
//! cost included), as a server's access log would say. From it a benchmark says how busy the
//! server was — the mean requests holding a slot ÷ the capacity over a span
//! ([`utilisation`]) — and which kinds of request held the slots when ([`spans_by_kind`]).
//!
//! Times are offsets from the sandbox's start (or its last reset), in microseconds.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::lock;

/// Requests the log keeps at most: a benchmark's runs fit many times over; a sandbox left
/// serving for days does not grow without end (the later requests go unlogged).
const MAX_LOGGED: usize = 2_000_000;

/// One request as the server served it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Served {
    /// What it was (`request_kinds.rs`: "assets api get", "sling post", "check of paths"…).
    pub kind: String,
    /// When it reached the server, µs.
    pub arrived_us: u64,
    /// When it got a capacity slot (after waiting its turn), µs.
    pub started_us: u64,
    /// When it gave the slot back, answered, µs.
    pub ended_us: u64,
}

/// The log, shared by all requests; cleared on reset.
pub(crate) struct ServedLog {
    epoch: Mutex<Instant>,
    entries: Mutex<Vec<Served>>,
}

impl Default for ServedLog {
    fn default() -> Self {
        ServedLog {
            epoch: Mutex::new(Instant::now()),
            entries: Mutex::new(Vec::new()),
        }
    }
}

impl ServedLog {
    /// The log's clock now.
    pub(crate) fn now(&self) -> Duration {
        lock(&self.epoch).elapsed()
    }

    fn offset(&self, at: Instant) -> u64 {
        let epoch = *lock(&self.epoch);
        at.saturating_duration_since(epoch).as_micros() as u64
    }

    /// Logs a request that arrived at `arrived`, held a slot from `started` until now.
    pub(crate) fn record(&self, kind: &str, arrived: Instant, started: Instant) {
        let ended = Instant::now();
        let entry = Served {
            kind: kind.to_owned(),
            arrived_us: self.offset(arrived),
            started_us: self.offset(started),
            ended_us: self.offset(ended),
        };
        let mut entries = lock(&self.entries);
        if entries.len() < MAX_LOGGED {
            entries.push(entry);
        }
    }

    pub(crate) fn snapshot(&self) -> Vec<Served> {
        lock(&self.entries).clone()
    }

    pub(crate) fn clear(&self) {
        *lock(&self.epoch) = Instant::now();
        lock(&self.entries).clear();
    }
}

impl crate::Sandbox {
    /// The request log since the start or the last reset: each AEM request that held a
    /// capacity slot, and when.
    pub fn served(&self) -> Vec<Served> {
        self.shared.counters.served.snapshot()
    }

    /// The request log's clock now: mark a span to measure [`utilisation`] over.
    pub fn clock(&self) -> Duration {
        self.shared.counters.served.now()
    }
}

/// The time a request held its slot within `[from, to)`.
fn held_within(s: &Served, from: u64, to: u64) -> u64 {
    s.ended_us.min(to).saturating_sub(s.started_us.max(from))
}

/// Mean requests holding a slot over `[from, to)` ÷ `capacity`: 1.0 when every slot was busy
/// all along. 0 for an empty span.
pub fn utilisation(log: &[Served], capacity: usize, from: Duration, to: Duration) -> f64 {
    let (from, to) = (from.as_micros() as u64, to.as_micros() as u64);
    if to <= from || capacity == 0 {
        return 0.0;
    }
    let held: u64 = log.iter().map(|s| held_within(s, from, to)).sum();
    held as f64 / ((to - from) as f64 * capacity as f64)
}

/// When requests of one kind held slots.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KindSpan {
    pub requests: u64,
    /// The first slot taken and the last given back, µs.
    pub first_us: u64,
    pub last_us: u64,
    /// Mean requests of this kind holding a slot between those two.
    pub mean_in_service: f64,
}

/// Each kind's span in `log`: when its first request got a slot, when its last gave it
/// back, and how many held slots on average in between — the phases of a run as the server
/// saw them.
pub fn spans_by_kind(log: &[Served]) -> BTreeMap<String, KindSpan> {
    let mut out: BTreeMap<String, (KindSpan, u64)> = BTreeMap::new();
    for s in log {
        let (span, held) = out.entry(s.kind.clone()).or_insert((
            KindSpan {
                requests: 0,
                first_us: s.started_us,
                last_us: s.ended_us,
                mean_in_service: 0.0,
            },
            0,
        ));
        span.requests += 1;
        span.first_us = span.first_us.min(s.started_us);
        span.last_us = span.last_us.max(s.ended_us);
        *held += s.ended_us.saturating_sub(s.started_us);
    }
    out.into_iter()
        .map(|(kind, (mut span, held))| {
            let width = span.last_us.saturating_sub(span.first_us).max(1);
            span.mean_in_service = held as f64 / width as f64;
            (kind, span)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn served(kind: &str, started_us: u64, ended_us: u64) -> Served {
        Served {
            kind: kind.into(),
            arrived_us: started_us,
            started_us,
            ended_us,
        }
    }

    #[test]
    fn utilisation_is_slot_time_held_over_capacity_time() {
        let log = [
            served("a", 0, 100),
            served("a", 0, 100),
            served("b", 100, 200),
        ];
        let ms = |us: u64| Duration::from_micros(us);
        // 300 µs held of 2 × 200 µs.
        assert!((utilisation(&log, 2, ms(0), ms(200)) - 0.75).abs() < 1e-9);
        // Only what falls in the span counts.
        assert!((utilisation(&log, 2, ms(100), ms(200)) - 0.5).abs() < 1e-9);
        assert_eq!(utilisation(&log, 2, ms(5), ms(5)), 0.0);
        let spans = spans_by_kind(&log);
        assert_eq!(spans["a"].requests, 2);
        assert!((spans["a"].mean_in_service - 2.0).abs() < 1e-9);
        assert_eq!((spans["b"].first_us, spans["b"].last_us), (100, 200));
    }
}
