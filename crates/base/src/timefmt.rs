//! RFC 3339 times, the one text form of a time that Metadesk stores (journals, connections)
//! and sends to the window (which shows it in the user's time zone). Words for times
//! ("14 Feb 2026", "in 3 h") live with the messages that use them.

use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// `t` as RFC 3339 (`2026-02-14T10:30:00Z` for UTC).
pub fn rfc3339(t: OffsetDateTime) -> String {
    // Formatting fails only for years outside 0..=9999, which no clock or token gives.
    t.format(&Rfc3339).unwrap_or_else(|_| t.to_string())
}

/// Now, in UTC, as RFC 3339.
pub fn now_rfc3339() -> String {
    rfc3339(OffsetDateTime::now_utc())
}

/// An RFC 3339 time, or `None` when `s` is not one.
pub fn parse_rfc3339(s: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(s, &Rfc3339).ok()
}

/// A time as AEM writes it: RFC 3339 (`2024-09-03T13:15:03.000Z`), or the Sling JSON
/// renderer's legacy ECMA form (`Tue Sep 03 2024 13:15:03 GMT+0000`, its default;
/// <https://github.com/apache/sling-org-apache-sling-servlets-get>). `None` for anything else.
pub fn parse_aem_time(s: &str) -> Option<OffsetDateTime> {
    let s = s.trim();
    parse_rfc3339(s).or_else(|| {
        let ecma = time::macros::format_description!(
            "[weekday repr:short] [month repr:short] [day] [year] [hour]:[minute]:[second] \
             GMT[offset_hour sign:mandatory][offset_minute]"
        );
        OffsetDateTime::parse(s, ecma).ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aem_times_in_both_forms() {
        let t = OffsetDateTime::from_unix_timestamp(1_725_369_303).unwrap();
        assert_eq!(parse_aem_time("Tue Sep 03 2024 13:15:03 GMT+0000"), Some(t));
        assert_eq!(parse_aem_time("Tue Sep 03 2024 15:15:03 GMT+0200"), Some(t));
        assert_eq!(parse_aem_time("2024-09-03T13:15:03Z"), Some(t));
        assert_eq!(parse_aem_time("2024-09-03 13:15:03"), None);
        assert_eq!(parse_aem_time(""), None);
    }

    #[test]
    fn round_trips_and_refuses_other_forms() {
        let t = OffsetDateTime::from_unix_timestamp(1_771_065_000).unwrap();
        assert_eq!(rfc3339(t), "2026-02-14T10:30:00Z");
        assert_eq!(parse_rfc3339("2026-02-14T10:30:00Z"), Some(t));
        assert_eq!(parse_rfc3339("14 Feb 2026"), None);
    }
}
