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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_refuses_other_forms() {
        let t = OffsetDateTime::from_unix_timestamp(1_771_065_000).unwrap();
        assert_eq!(rfc3339(t), "2026-02-14T10:30:00Z");
        assert_eq!(parse_rfc3339("2026-02-14T10:30:00Z"), Some(t));
        assert_eq!(parse_rfc3339("14 Feb 2026"), None);
    }
}
