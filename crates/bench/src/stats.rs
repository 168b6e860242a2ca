//! Pure arithmetic of the reports: percentiles, rates over a time window, shares, and the
//! least-squares line that tells whether time grows linearly with the number of assets.

use std::time::Duration;

/// The `p`-th percentile (0–100) by the nearest-rank method; `None` for no samples.
pub fn percentile(samples: &[Duration], p: f64) -> Option<Duration> {
    if samples.is_empty() {
        return None;
    }
    let mut sorted = samples.to_vec();
    sorted.sort_unstable();
    let rank = (p.clamp(0.0, 100.0) / 100.0 * sorted.len() as f64).ceil() as usize;
    sorted.get(rank.clamp(1, sorted.len()) - 1).copied()
}

/// Events per second among `times` (offsets from a common start) that fall in `[from, to)`.
pub fn rate_in(times: &[Duration], from: Duration, to: Duration) -> f64 {
    let span = to.saturating_sub(from).as_secs_f64();
    if span <= 0.0 {
        return 0.0;
    }
    let n = times.iter().filter(|t| **t >= from && **t < to).count();
    n as f64 / span
}

/// `part / whole` as a fraction; 0 when `whole` is 0.
pub fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// A least-squares line `y = intercept + slope·x` and how well it fits (R²).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fit {
    pub intercept: f64,
    pub slope: f64,
    pub r2: f64,
}

/// Fits a line through `(x, y)` points; `None` with fewer than two distinct x.
pub fn linear_fit(points: &[(f64, f64)]) -> Option<Fit> {
    let n = points.len() as f64;
    if points.len() < 2 {
        return None;
    }
    let mx = points.iter().map(|p| p.0).sum::<f64>() / n;
    let my = points.iter().map(|p| p.1).sum::<f64>() / n;
    let sxx: f64 = points.iter().map(|p| (p.0 - mx).powi(2)).sum();
    let sxy: f64 = points.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
    let syy: f64 = points.iter().map(|p| (p.1 - my).powi(2)).sum();
    if sxx <= 0.0 {
        return None;
    }
    let slope = sxy / sxx;
    let intercept = my - slope * mx;
    let residual: f64 = points
        .iter()
        .map(|p| (p.1 - intercept - slope * p.0).powi(2))
        .sum();
    let r2 = if syy > 0.0 { 1.0 - residual / syy } else { 1.0 };
    Some(Fit {
        intercept,
        slope,
        r2,
    })
}

/// Time per item at the largest size divided by time per item at the smallest: about 1 when
/// the time grows linearly, well above 1 when it grows faster. `points` are `(items, secs)`.
pub fn per_item_growth(points: &[(f64, f64)]) -> Option<f64> {
    let smallest = points
        .iter()
        .filter(|p| p.0 > 0.0)
        .min_by(|a, b| a.0.total_cmp(&b.0))?;
    let largest = points
        .iter()
        .filter(|p| p.0 > 0.0)
        .max_by(|a, b| a.0.total_cmp(&b.0))?;
    if largest.0 <= smallest.0 || smallest.1 <= 0.0 {
        return None;
    }
    Some((largest.1 / largest.0) / (smallest.1 / smallest.0))
}

/// Requests in flight over time, from `(start, end)` intervals: the time-weighted mean between
/// the first start and the last end, and the maximum.
pub fn in_flight(intervals: &[(Duration, Duration)]) -> (f64, usize) {
    let mut events: Vec<(Duration, i64)> = Vec::with_capacity(intervals.len() * 2);
    for (start, end) in intervals {
        events.push((*start, 1));
        events.push((*end.max(start), -1));
    }
    // Ends before starts at the same instant: a slot handed over is not two in flight.
    events.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    let (mut now, mut max, mut area) = (0i64, 0i64, 0.0);
    let mut last = events.first().map(|e| e.0).unwrap_or_default();
    for (t, delta) in &events {
        area += now as f64 * t.saturating_sub(last).as_secs_f64();
        last = *t;
        now += delta;
        max = max.max(now);
    }
    let span = match (events.first(), events.last()) {
        (Some(a), Some(b)) => b.0.saturating_sub(a.0).as_secs_f64(),
        _ => 0.0,
    };
    let mean = if span > 0.0 { area / span } else { 0.0 };
    (mean, usize::try_from(max).unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(v: u64) -> Duration {
        Duration::from_millis(v)
    }

    #[test]
    fn percentile_uses_nearest_rank() {
        let samples: Vec<Duration> = (1..=100).rev().map(ms).collect();
        assert_eq!(percentile(&samples, 95.0), Some(ms(95)));
        assert_eq!(percentile(&samples, 50.0), Some(ms(50)));
        assert_eq!(percentile(&samples, 100.0), Some(ms(100)));
        assert_eq!(percentile(&samples, 0.0), Some(ms(1)));
        assert_eq!(percentile(&[ms(7)], 95.0), Some(ms(7)));
        assert_eq!(percentile(&[], 95.0), None);
        // A slow tail of 6 in 100 shows at p95.
        let mut tail: Vec<Duration> = vec![ms(50); 94];
        tail.extend([ms(200); 6]);
        assert_eq!(percentile(&tail, 95.0), Some(ms(200)));
    }

    #[test]
    fn rate_counts_only_the_window() {
        // One event every 10 ms for 20 s: 100/s, whatever the window.
        let times: Vec<Duration> = (0..2000).map(|k| ms(10 * k)).collect();
        let r = rate_in(&times, Duration::from_secs(10), Duration::from_secs(20));
        assert!((r - 100.0).abs() < 1e-9, "{r}");
        // Nothing happened in the first second except 5 events.
        let sparse = [ms(100), ms(200), ms(300), ms(400), ms(500), ms(1500)];
        assert!((rate_in(&sparse, ms(0), ms(1000)) - 5.0).abs() < 1e-9);
        assert_eq!(rate_in(&sparse, ms(1000), ms(1000)), 0.0);
        assert_eq!(share(3, 200), 0.015);
        assert_eq!(share(1, 0), 0.0);
    }

    #[test]
    fn in_flight_is_time_weighted() {
        // Two overlapping for half the time, then one: mean 1.5 over 2 s... of 3 s span.
        let a = (ms(0), ms(2000));
        let b = (ms(1000), ms(3000));
        let (mean, max) = in_flight(&[a, b]);
        assert_eq!(max, 2);
        assert!((mean - 4.0 / 3.0).abs() < 1e-9, "{mean}");
        // Back-to-back requests never count as two.
        let (mean, max) = in_flight(&[(ms(0), ms(10)), (ms(10), ms(20))]);
        assert_eq!(max, 1);
        assert!((mean - 1.0).abs() < 1e-9);
        assert_eq!(in_flight(&[]), (0.0, 0));
    }

    #[test]
    fn linear_growth_passes_and_quadratic_does_not() {
        let linear = [(25_000.0, 10.5), (50_000.0, 20.5), (100_000.0, 40.5)];
        let fit = linear_fit(&linear).unwrap();
        assert!((fit.slope - 0.0004).abs() < 1e-9, "{fit:?}");
        assert!((fit.intercept - 0.5).abs() < 1e-6, "{fit:?}");
        assert!(fit.r2 > 0.999);
        let growth = per_item_growth(&linear).unwrap();
        assert!((0.95..1.0).contains(&growth), "{growth}");

        let quadratic = [(25_000.0, 10.0), (50_000.0, 40.0), (100_000.0, 160.0)];
        assert!((per_item_growth(&quadratic).unwrap() - 4.0).abs() < 1e-9);
        assert!(linear_fit(&quadratic).unwrap().r2 < 0.99);
        assert_eq!(linear_fit(&[(1.0, 1.0)]), None);
        assert_eq!(linear_fit(&[(1.0, 1.0), (1.0, 2.0)]), None);
    }
}
