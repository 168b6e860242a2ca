//! Numbers, dates and durations written as each language writes them. The digit grouping and
//! decimal separator come from `num-format`'s CLDR data (French: a narrow no-break space and a
//! comma); date patterns and duration words are catalogue messages, so translators own them.

use num_format::{Locale, ToFormattedString};
use time::format_description;

use super::{Lang, Localizer, arg, count};

fn locale(lang: Lang) -> &'static Locale {
    match lang {
        Lang::En => &Locale::en,
        Lang::Fr => &Locale::fr,
    }
}

pub(super) fn number(lang: Lang, value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let scale = 10f64.powi(decimals as i32);
    let rounded = (value.abs() * scale).round();
    let whole = (rounded / scale).trunc() as u64;
    let fraction = (rounded - whole as f64 * scale).round() as u64;
    let locale = locale(lang);
    let mut out = String::new();
    if value < 0.0 && rounded > 0.0 {
        out.push_str(locale.minus_sign());
    }
    out.push_str(&whole.to_formatted_string(locale));
    if decimals > 0 {
        out.push_str(locale.decimal());
        out.push_str(&format!("{fraction:0decimals$}"));
    }
    out
}

pub(super) fn datetime(l: &Localizer, at: time::OffsetDateTime) -> String {
    with_pattern(l, "format-datetime-utc", at)
}

pub(super) fn date(l: &Localizer, at: time::OffsetDateTime) -> String {
    with_pattern(l, "format-date", at)
}

/// `at` in UTC through the catalogue's pattern `id`: `time`'s format description language, with
/// the month's name as the argument `$month`.
fn with_pattern(l: &Localizer, id: &str, at: time::OffsetDateTime) -> String {
    let at = at.to_offset(time::UtcOffset::UTC);
    let month = l.msg(
        "format-month-short",
        &[("month", count(u8::from(at.month())))],
    );
    let pattern = l.msg(id, &[("month", arg(month))]);
    match format_description::parse_borrowed::<1>(&pattern)
        .ok()
        .and_then(|description| at.format(&description).ok())
    {
        Some(text) => text,
        None => {
            tracing::error!(pattern, "the catalogue's date pattern is not usable");
            crate::timefmt::rfc3339(at)
        }
    }
}

pub(super) fn duration(l: &Localizer, length: time::Duration) -> String {
    let n = |v: i64| count(v as f64);
    if length < time::Duration::minutes(1) {
        return l.text("format-duration-under-a-minute");
    }
    if length >= time::Duration::days(2) {
        return l.msg("format-duration-days", &[("days", n(length.whole_days()))]);
    }
    let (hours, minutes) = (length.whole_hours(), length.whole_minutes() % 60);
    l.msg(
        "format-duration-hours-minutes",
        &[("hours", n(hours)), ("minutes", n(minutes))],
    )
}
