//! Scenario 2, throttling: a sandbox that lets `rps` requests through per one-second window
//! and throttles the rest, once answering 429 with `Retry-After` (AEM) and once 406 without
//! it (the CDN's traffic filter). The engine applies long enough to measure what it sustains
//! once it has learned the limit (after the first 10 s of the apply).

use std::time::Duration;

use metadesk_core::assets::DAM_ROOT;
use metadesk_sandbox::Faults;

use crate::Result;
use crate::harness::{fresh_value, run_engine, secs, set_everywhere, start_sandbox, timed_classic};
use crate::report::{Section, Table, Target};
use crate::stats::{rate_in, share};
use crate::timing::{Call, End, Op, of};

/// Measurements start this long after the apply starts (learning the limit is excluded).
pub const WARM_UP: Duration = Duration::from_secs(10);

#[derive(Debug, Clone)]
pub struct ThrottleOpts {
    pub rps: u32,
    /// Assets = rps × this, so the apply lasts about this many seconds at the limit.
    pub secs: u32,
    pub latency_ms: u64,
}

/// What one throttle variant measured over the apply phase.
pub struct Measured {
    pub apply: Duration,
    pub ok_writes: usize,
    pub throttled: usize,
    pub warm_rate: f64,
    pub sustained_rate: f64,
    /// Successful requests of any kind (reads and writes) per second after the warm-up: each
    /// write comes with its check (a read), and the throttle counts both.
    pub sustained_requests: f64,
    pub throttled_after: usize,
    pub calls_after: usize,
    pub series: Vec<f64>,
}

/// Sustained rate and throttled share after `warm_up`, from apply-phase calls.
pub fn measure(calls: &[Call], apply: Duration, warm_up: Duration) -> Measured {
    let ok_done: Vec<Duration> = of(calls, Op::Write)
        .filter(|c| c.end == End::Ok)
        .map(Call::finish)
        .collect();
    let ok_any: Vec<Duration> = calls
        .iter()
        .filter(|c| c.end == End::Ok)
        .map(Call::finish)
        .collect();
    let throttled = |c: &Call| matches!(c.end, End::Throttled(_));
    let after: Vec<&Call> = calls.iter().filter(|c| c.start >= warm_up).collect();
    let step = Duration::from_secs(5);
    let series = (0..)
        .map(|k| step * k)
        .take_while(|from| *from < apply)
        .map(|from| rate_in(&ok_done, from, (from + step).min(apply)))
        .collect();
    Measured {
        apply,
        ok_writes: ok_done.len(),
        throttled: calls.iter().filter(|c| throttled(c)).count(),
        warm_rate: rate_in(&ok_done, Duration::ZERO, warm_up.min(apply)),
        sustained_rate: rate_in(&ok_done, warm_up, apply),
        sustained_requests: rate_in(&ok_any, warm_up, apply),
        throttled_after: after.iter().filter(|c| throttled(c)).count(),
        calls_after: after.len(),
        series,
    }
}

pub async fn run(o: &ThrottleOpts) -> Result<Section> {
    let assets = o.rps as usize * o.secs as usize;
    let sandbox = start_sandbox(assets, Faults::default()).await?;
    let aem = timed_classic(&sandbox)?;
    let dir = tempfile::tempdir()?;
    let r = f64::from(o.rps);
    let mut table = Table::new(&[
        "throttle",
        "assets changed",
        "failed",
        "successful writes",
        "apply s",
        "writes/s first 10 s",
        "writes/s after 10 s",
        "requests/s after 10 s",
        "throttled (all apply)",
        "throttled after 10 s",
        "requests after 10 s",
        "throttled share after 10 s",
        "server throttled (whole run)",
    ]);
    let mut targets = Vec::new();
    let mut notes = Vec::new();
    for status in [429u16, 406] {
        sandbox.reset();
        sandbox.set_faults(Faults {
            latency_ms: o.latency_ms,
            throttle_rps: Some(o.rps),
            throttle_status: status,
            ..Faults::default()
        })?;
        eprintln!(
            "throttle: {status} at {} requests/s, {assets} assets…",
            o.rps
        );
        let spec = set_everywhere(&sandbox, "dc:rights", &fresh_value(&status.to_string()));
        let e = run_engine(&aem, dir.path(), spec).await?;
        let m = measure(&e.apply_calls, e.apply, WARM_UP);
        let counters = sandbox.counters();
        let throttled_share = share(m.throttled_after, m.calls_after);
        let label = if status == 429 {
            "429 + Retry-After"
        } else {
            "406, no Retry-After"
        };
        table.row(vec![
            label.to_owned(),
            e.summary.counts.changed.to_string(),
            e.summary.counts.failed.to_string(),
            m.ok_writes.to_string(),
            secs(m.apply),
            format!("{:.1}", m.warm_rate),
            format!("{:.1}", m.sustained_rate),
            format!("{:.1}", m.sustained_requests),
            m.throttled.to_string(),
            m.throttled_after.to_string(),
            m.calls_after.to_string(),
            format!("{:.2} %", 100.0 * throttled_share),
            counters.throttled.to_string(),
        ]);
        // The throttle counts requests, and each write comes with its check (a read).
        targets.push(Target::new(
            &format!("{status}: successful requests/s after 10 s (writes and their checks)"),
            &format!("≥ 0.9 × {} = {:.0}/s", o.rps, 0.9 * r),
            format!("{:.1}/s", m.sustained_requests),
            m.sustained_requests >= 0.9 * r && m.apply > WARM_UP,
        ));
        targets.push(Target::new(
            &format!("{status}: requests throttled after 10 s"),
            "< 2 %",
            format!("{:.2} %", 100.0 * throttled_share),
            throttled_share < 0.02 && m.apply > WARM_UP,
        ));
        let series: Vec<String> = m.series.iter().map(|v| format!("{v:.0}")).collect();
        let when: Vec<String> = e
            .apply_calls
            .iter()
            .filter(|c| matches!(c.end, End::Throttled(_)))
            .map(|c| format!("{:.1}", c.start.as_secs_f64()))
            .collect();
        notes.push(format!(
            "{label}: successful writes/s in each 5 s of the apply: {}; throttled requests \
             started at (s into the apply): {}.",
            series.join(", "),
            when.join(", ")
        ));
        if m.apply < WARM_UP * 2 {
            notes.push(format!(
                "{label}: the apply lasted only {} s; use more assets (--throttle-secs) for a \
                 meaningful sustained rate.",
                secs(m.apply)
            ));
        }
    }
    sandbox.shutdown().await;
    notes.insert(
        0,
        "Every call the engine makes is recorded by the timing decorator, retries included: a \
         throttled answer counts as one throttled request and its retry as another. \
         Sustained rate = successful writes answered after the first 10 s of the apply, \
         divided by the rest of the apply; throttled share = throttled requests among the \
         requests started after the first 10 s. The sandbox is reset between the variants."
            .into(),
    );
    Ok(Section {
        title: "2. Throttling".into(),
        setup: vec![
            format!(
                "Sandbox (in process): {assets} assets under {DAM_ROOT} (about {} s of writes \
                 at the limit), latency_ms = {}, throttle_rps = {} per one-second window.",
                o.secs, o.latency_ms, o.rps
            ),
            "Edit: set dc:rights on every asset of the tree (recursive), engine defaults.".into(),
        ],
        tables: vec![table],
        targets,
        notes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(op: Op, start_ms: u64, latency_ms: u64, end: End) -> Call {
        Call {
            op,
            start: Duration::from_millis(start_ms),
            latency: Duration::from_millis(latency_ms),
            end,
        }
    }

    #[test]
    fn the_warm_up_is_left_out() {
        let mut calls = Vec::new();
        // First 10 s: a burst of throttles and 50 writes.
        for k in 0..100 {
            calls.push(call(Op::Write, k * 10, 5, End::Throttled(429)));
        }
        for k in 0..50 {
            calls.push(call(Op::Write, 1000 + k * 100, 5, End::Ok));
        }
        // Next 10 s: 90 writes per second, one throttle.
        for k in 0..900 {
            calls.push(call(Op::Write, 10_000 + k * 11, 5, End::Ok));
        }
        calls.push(call(Op::Write, 15_000, 5, End::Throttled(406)));
        let m = measure(&calls, Duration::from_secs(20), WARM_UP);
        assert_eq!(m.ok_writes, 950);
        assert_eq!(m.throttled, 101);
        assert!(
            (m.sustained_rate - 90.0).abs() < 1e-9,
            "{}",
            m.sustained_rate
        );
        assert!((m.warm_rate - 5.0).abs() < 1e-9, "{}", m.warm_rate);
        assert_eq!((m.throttled_after, m.calls_after), (1, 901));
        assert_eq!(m.series.len(), 4);
    }
}
