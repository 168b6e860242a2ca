//! Numbers, dates and durations written as each language writes them (`Localizer::number`,
//! `datetime`, `date`, `duration`). The digit grouping and
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

impl Localizer {
    /// `value` with this language's digit grouping and decimal separator, `decimals` digits
    /// after it (`1,234.5` in English, `1 234,5` in French).
    pub fn number(&self, value: f64, decimals: usize) -> String {
        number(self.lang, value, decimals)
    }

    /// A point in time, in UTC, as this language writes it ("22 Nov 2026, 10:00 UTC",
    /// "22 nov. 2026 à 10:00 UTC"); the pattern is the catalogue's.
    pub fn datetime(&self, at: time::OffsetDateTime) -> String {
        with_pattern(self, "format-datetime-utc", at)
    }

    /// A day, in UTC, as this language writes it ("22 Nov 2026", "22 nov. 2026").
    pub fn date(&self, at: time::OffsetDateTime) -> String {
        with_pattern(self, "format-date", at)
    }

    /// A length of time in words, rounded to what matters ("3 h 20 min", "2 days").
    pub fn duration(&self, length: time::Duration) -> String {
        duration(self, length)
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

fn duration(l: &Localizer, length: time::Duration) -> String {
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
