//! Date rules: shift a date by a duration, or set its day or time, keeping the value's time
//! zone and the form AEM wrote it in (`2024-09-03T13:15:03.000+02:00`, the JSON renderer's
//! `Tue Sep 03 2024 13:15:03 GMT+0200`, or a day alone, `2024-09-03`).
//!
//! Not here: which values of a property a rule applies to (`compute/mod.rs`).

use time::format_description::BorrowedFormatItem;
use time::macros::format_description;
use time::{Date, Duration, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

const ECMA: &[BorrowedFormatItem<'_>] = format_description!(
    "[weekday repr:short] [month repr:short] [day] [year] [hour]:[minute]:[second] \
     GMT[offset_hour sign:mandatory][offset_minute]"
);
const DAY: &[BorrowedFormatItem<'_>] = format_description!("[year]-[month]-[day]");
const ISO_LOCAL: &[BorrowedFormatItem<'_>] =
    format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]");
const ISO_LOCAL_MINUTES: &[BorrowedFormatItem<'_>] =
    format_description!("[year]-[month]-[day]T[hour]:[minute]");

/// A date value and the form to write it back in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dated {
    pub at: OffsetDateTime,
    pub form: Form,
}

/// How a date was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// ISO 8601 with a time: this many digits of a second's fraction, `Z` or `+hh:mm`.
    Iso { fraction: usize, zulu: bool },
    /// `Tue Sep 03 2024 13:15:03 GMT+0200`.
    Ecma,
    /// `2024-09-03`.
    Day,
}

/// `text` read as a date AEM writes, with its form; `None` when it is not one.
pub fn read(text: &str) -> Option<Dated> {
    let text = text.trim();
    if let Ok(day) = Date::parse(text, DAY) {
        return Some(Dated {
            at: PrimitiveDateTime::new(day, Time::MIDNIGHT).assume_utc(),
            form: Form::Day,
        });
    }
    if let Ok(at) = OffsetDateTime::parse(text, ECMA) {
        return Some(Dated {
            at,
            form: Form::Ecma,
        });
    }
    let at = OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339).ok()?;
    let fraction = text
        .split_once('.')
        .map(|(_, rest)| rest.chars().take_while(char::is_ascii_digit).count())
        .unwrap_or(0);
    let zulu = text.ends_with(['Z', 'z']);
    Some(Dated {
        at,
        form: Form::Iso { fraction, zulu },
    })
}

/// `dated` written in its form.
pub fn write(dated: Dated) -> String {
    let at = dated.at;
    match dated.form {
        Form::Day => at.date().format(DAY).unwrap_or_default(),
        Form::Ecma => at.format(ECMA).unwrap_or_default(),
        Form::Iso { fraction, zulu } => {
            let mut out = at.format(ISO_LOCAL).unwrap_or_default();
            if fraction > 0 {
                let nanos = format!("{:09}", at.nanosecond());
                out.push('.');
                out.push_str(&nanos[..fraction.min(9)]);
                out.extend(std::iter::repeat_n('0', fraction.saturating_sub(9)));
            }
            let offset = at.offset();
            if zulu && offset == UtcOffset::UTC {
                out.push('Z');
            } else {
                let (h, m, _) = offset.as_hms();
                let sign = if offset.is_negative() { '-' } else { '+' };
                out.push_str(&format!("{sign}{:02}:{:02}", h.abs(), m.abs()));
            }
            out
        }
    }
}

/// Reads a duration: a sign and amounts with units, `7d`, `-1w`, `+2h30m`, `90s` (`w` weeks,
/// `d` days, `h` hours, `m` minutes, `s` seconds; spaces allowed; amounts are capped far beyond
/// any real date so that nothing overflows). `None` when it is not one.
pub fn duration(text: &str) -> Option<Duration> {
    let text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let (negative, mut rest) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text.as_str()),
    };
    if rest.is_empty() {
        return None;
    }
    let mut total = Duration::ZERO;
    while !rest.is_empty() {
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        let amount: i64 = rest.get(..digits)?.parse().ok()?;
        let unit = rest[digits..].chars().next()?;
        let step = match unit.to_ascii_lowercase() {
            'w' => Duration::weeks(amount.min(1_000_000)),
            'd' => Duration::days(amount.min(10_000_000)),
            'h' => Duration::hours(amount.min(100_000_000)),
            'm' => Duration::minutes(amount.min(10_000_000_000)),
            's' => Duration::seconds(amount.min(1_000_000_000_000)),
            _ => return None,
        };
        total = total.checked_add(step)?;
        rest = &rest[digits + unit.len_utf8()..];
    }
    Some(if negative { -total } else { total })
}

/// `dated` moved by `by`, in its own time zone; `None` when a day alone is moved by part of a
/// day or the result is out of range.
pub fn shift(dated: Dated, by: Duration) -> Option<Dated> {
    if dated.form == Form::Day && by.whole_seconds() % 86_400 != 0 {
        return None;
    }
    Some(Dated {
        at: dated.at.checked_add(by)?,
        form: dated.form,
    })
}

/// What a "set the date" rule gives: a day (the time and zone kept), a day and time (the zone
/// kept), or a moment with its zone (shown in the value's zone).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewDate {
    Day(Date),
    Local(PrimitiveDateTime),
    Moment(OffsetDateTime),
}

/// Reads what a "set the date" rule gives; `None` when it is not a date.
pub fn new_date(text: &str) -> Option<NewDate> {
    let text = text.trim();
    if let Ok(day) = Date::parse(text, DAY) {
        return Some(NewDate::Day(day));
    }
    if let Ok(local) = PrimitiveDateTime::parse(text, ISO_LOCAL)
        .or_else(|_| PrimitiveDateTime::parse(text, ISO_LOCAL_MINUTES))
    {
        return Some(NewDate::Local(local));
    }
    read(text).and_then(|d| match d.form {
        Form::Day => None,
        _ => Some(NewDate::Moment(d.at)),
    })
}

/// `dated` set to `to`, in its own zone and form.
pub fn set(dated: Dated, to: NewDate) -> Dated {
    let at = dated.at;
    let at = match to {
        NewDate::Day(day) => at.replace_date(day),
        NewDate::Local(local) => local.assume_offset(at.offset()),
        NewDate::Moment(moment) => moment.to_offset(at.offset()),
    };
    Dated {
        at,
        form: dated.form,
    }
}

/// A date for a property that has none: only a moment with its zone says everything (written
/// as AEM writes a new date, `2024-09-03T13:15:03.000+02:00`).
pub fn new_value(to: NewDate) -> Option<Dated> {
    match to {
        NewDate::Moment(at) => Some(Dated {
            at,
            form: Form::Iso {
                fraction: 3,
                zulu: at.offset() == UtcOffset::UTC,
            },
        }),
        NewDate::Day(_) | NewDate::Local(_) => None,
    }
}
