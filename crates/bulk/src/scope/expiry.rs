//! Conditions on expiry (issue 66): `expires before|after DATE|today` and `expires within N
//! days`, on `jcr:content/metadata/prism:expirationDate` (the "Expires" field of AEM's Advanced
//! tab, `adobe-wire-lifecycle.md` §4), as QueryBuilder `daterange` predicates. `today` is kept
//! as written and read when the query is made, so a saved search stays current.
//!
//! Not here: reading the rest of a condition's words (`parsing.rs`), the other predicates
//! (`querybuilder.rs`).

use metadesk_clients::error::{Error, ErrorCode, Result};
use time::{Duration, OffsetDateTime};

use super::Condition;

/// Where AEM keeps an asset's expiry, relative to the asset.
pub const EXPIRY_PROPERTY: &str = "jcr:content/metadata/prism:expirationDate";
/// The longest "expires within" a search takes: ten years.
const MOST_DAYS: u32 = 3_650;

/// A day (`YYYY-MM-DD`) or `today` (`aujourd’hui` in French), checked.
pub(super) fn day_or_today(
    raw: &str,
    check_day: impl Fn(&str) -> Result<String>,
) -> Result<String> {
    let d = raw.trim();
    match d.to_lowercase().as_str() {
        "today" | "aujourd’hui" | "aujourd'hui" => Ok("today".to_owned()),
        _ => check_day(d),
    }
}

/// A number of days as people write it (`30`, `30 days`, `30 jours`, `30d`), 1 to ten years;
/// `None` for anything else. Also the health report's expiry window.
pub fn days_of(raw: &str) -> Option<u32> {
    let t = raw.trim().to_lowercase();
    let number = ["days", "day", "jours", "jour", "d", "j"]
        .iter()
        .find_map(|unit| t.strip_suffix(unit))
        .unwrap_or(&t)
        .trim();
    number
        .parse::<u32>()
        .ok()
        .filter(|n| (1..=MOST_DAYS).contains(n))
}

/// The days of `expires within N days`, checked ([`days_of`]).
pub(super) fn within_days(raw: &str) -> Result<u32> {
    days_of(raw).ok_or_else(|| {
        Error::message(
            ErrorCode::InvalidInput,
            "error-condition-bad-days",
            vec![
                ("days", raw.trim().into()),
                ("most", f64::from(MOST_DAYS).into()),
            ],
        )
    })
}

/// A QueryBuilder date: `2026-03-01T00:00:00.000Z`.
fn query_date(t: OffsetDateTime) -> String {
    let d = t.date();
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.000Z",
        d.year(),
        u8::from(d.month()),
        d.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// The bounds of an expiry condition at `now`: `(lower, upper)`, each a date and whether it is
/// inclusive; `None` for a condition on something else.
pub fn expiry_bounds(
    condition: &Condition,
    now: OffsetDateTime,
) -> Option<(Option<String>, Option<String>)> {
    let now = now.to_offset(time::UtcOffset::UTC);
    let day = |d: &str| match d {
        "today" => query_date(now.replace_time(time::Time::MIDNIGHT)),
        d => format!("{d}T00:00:00.000Z"),
    };
    match condition {
        Condition::ExpiresBefore { date } => Some((None, Some(day(date)))),
        Condition::ExpiresAfter { date } => Some((Some(day(date)), None)),
        Condition::ExpiresWithin { days } => Some((
            Some(query_date(now)),
            Some(query_date(now + Duration::days(i64::from(*days)))),
        )),
        _ => None,
    }
}

/// The `daterange` predicates of an expiry condition (`id` is its numbered name,
/// `1_daterange`): lower bounds inclusive, upper ones not, as "after" and "before" days are.
pub(super) fn expiry_predicates(condition: &Condition, id: &str, out: &mut Vec<(String, String)>) {
    let Some((lower, upper)) = expiry_bounds(condition, OffsetDateTime::now_utc()) else {
        return;
    };
    out.push((format!("{id}.property"), EXPIRY_PROPERTY.into()));
    if let Some(lower) = lower {
        out.push((format!("{id}.lowerBound"), lower));
        out.push((format!("{id}.lowerOperation"), ">=".into()));
    }
    if let Some(upper) = upper {
        out.push((format!("{id}.upperBound"), upper));
        out.push((format!("{id}.upperOperation"), "<".into()));
    }
}
