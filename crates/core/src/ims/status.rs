//! What the connections page shows at a glance: "token valid 23 h 12 min", "renewing…",
//! "failed: why", certificate warnings at 30 and 3 days (as Adobe's emails), and a
//! development token's countdown with what to do when it ends. [`connection_health`]
//! computes it from an authorizer's [`TokenSnapshot`]; the UI only renders it.
//!
//! Not here: obtaining tokens. Nothing here holds a secret.

use serde::Serialize;
use time::{Duration, OffsetDateTime};

use crate::timefmt::rfc3339;
use ts_rs::TS;

use crate::aem::auth::TokenSnapshot;
use crate::credentials::CredentialKind;
use crate::error_code::ErrorCode;
use crate::ims::dev_token::GET_A_NEW_DEV_TOKEN;

/// Warn about a certificate this long before it ends, then urgently at the second mark.
pub const CERTIFICATE_WARNING_DAYS: i64 = 30;
pub const CERTIFICATE_URGENT_DAYS: i64 = 3;
/// Warn about a development token this long before it ends (they last 24 h).
pub const DEV_TOKEN_WARNING: Duration = Duration::hours(2);

/// How worried the UI should look.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum HealthLevel {
    Ok,
    /// Working on it (renewing).
    Busy,
    /// Works now, needs attention soon.
    Warning,
    /// Does not work until the user acts.
    Error,
}

/// The access token part of a connection's health.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(
    tag = "state",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum TokenStatus {
    /// Basic auth (local SDK): there is no token.
    NotNeeded,
    /// No token yet (or only an expired one); one is requested at the next use.
    NotYetObtained,
    /// A minted token with time left; it is renewed silently.
    Valid {
        expires_at: String,
        #[ts(type = "number")]
        seconds_left: i64,
    },
    /// A new token is being requested now.
    Renewing,
    /// The last request for a token failed.
    Failed { code: ErrorCode, reason: String },
    /// A development token: counts down, cannot be renewed.
    DevToken {
        expires_at: Option<String>,
        #[ts(type = "number | null")]
        seconds_left: Option<i64>,
        expired: bool,
    },
}

/// How close a certificate is to its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum CertificateLevel {
    Ok,
    /// Less than 30 days left.
    Soon,
    /// Less than 3 days left.
    Urgent,
    Expired,
}

/// The certificate of service credentials (it ends after a year).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CertificateStatus {
    pub expires_at: String,
    #[ts(type = "number")]
    pub days_left: i64,
    pub level: CertificateLevel,
    /// Plain words, including what to do when it is ending.
    pub message: String,
}

/// Everything the connections page shows about one connection's authentication.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionHealth {
    pub level: HealthLevel,
    /// One line: "token valid 23 h 12 min", "renewing…", "failed: …".
    pub summary: String,
    pub token: TokenStatus,
    pub certificate: Option<CertificateStatus>,
    /// What the user should do, when something needs doing.
    pub advice: Option<String>,
}

/// Computes a connection's health at `now`; the reason of a failure and the certificate's
/// message are in `l`'s language (the window and the CLI show them).
pub fn connection_health(
    l: &crate::i18n::Localizer,
    kind: CredentialKind,
    token: &TokenSnapshot,
    certificate_expires_at: Option<OffsetDateTime>,
    now: OffsetDateTime,
) -> ConnectionHealth {
    let (token_status, mut level, summary, mut advice) = match kind {
        CredentialKind::LocalSdk => (
            TokenStatus::NotNeeded,
            HealthLevel::Ok,
            "signs in with user name and password".to_string(),
            None,
        ),
        CredentialKind::LocalDevToken => dev_token_health(token, now),
        CredentialKind::ServiceCredentials | CredentialKind::OauthServerToServer => {
            minted_token_health(token, now, l)
        }
    };
    let certificate = match kind {
        CredentialKind::ServiceCredentials => {
            certificate_expires_at.map(|at| certificate_status_in(l, at, now))
        }
        _ => None,
    };
    let mut summary = summary;
    if let Some(cert) = &certificate
        && cert.level != CertificateLevel::Ok
    {
        let cert_level = if cert.level == CertificateLevel::Expired {
            HealthLevel::Error
        } else {
            HealthLevel::Warning
        };
        level = level.max(cert_level);
        summary = format!("{summary}; {}", short_certificate(cert));
        advice = Some(match advice {
            Some(a) => format!("{a} {}", cert.message),
            None => cert.message.clone(),
        });
    }
    ConnectionHealth {
        level,
        summary,
        token: token_status,
        certificate,
        advice,
    }
}

fn minted_token_health(
    token: &TokenSnapshot,
    now: OffsetDateTime,
    l: &crate::i18n::Localizer,
) -> (TokenStatus, HealthLevel, String, Option<String>) {
    if token.renewing {
        return (
            TokenStatus::Renewing,
            HealthLevel::Busy,
            "renewing…".into(),
            None,
        );
    }
    if let Some(err) = &token.last_error {
        let reason = err.localized(l);
        return (
            TokenStatus::Failed {
                code: err.code(),
                reason: reason.clone(),
            },
            HealthLevel::Error,
            format!("failed: {}", first_sentence(&reason)),
            Some(reason),
        );
    }
    match token.expires_at {
        Some(at) if at > now => (
            TokenStatus::Valid {
                expires_at: rfc3339(at),
                seconds_left: (at - now).whole_seconds(),
            },
            HealthLevel::Ok,
            format!("token valid {}", human_duration(at - now)),
            None,
        ),
        _ => (
            TokenStatus::NotYetObtained,
            HealthLevel::Ok,
            "no token yet; one is requested when needed".into(),
            None,
        ),
    }
}

fn dev_token_health(
    token: &TokenSnapshot,
    now: OffsetDateTime,
) -> (TokenStatus, HealthLevel, String, Option<String>) {
    let Some(at) = token.expires_at else {
        return (
            TokenStatus::DevToken {
                expires_at: None,
                seconds_left: None,
                expired: false,
            },
            HealthLevel::Warning,
            "development token (end unknown; they last at most 24 h)".into(),
            Some(format!(
                "When AEM stops accepting it: {}",
                GET_A_NEW_DEV_TOKEN.to_lowercase()
            )),
        );
    };
    let left = at - now;
    let status = TokenStatus::DevToken {
        expires_at: Some(rfc3339(at)),
        seconds_left: Some(left.whole_seconds().max(0)),
        expired: left <= Duration::ZERO,
    };
    if left <= Duration::ZERO {
        (
            status,
            HealthLevel::Error,
            "development token ended".into(),
            Some(format!(
                "Development tokens last 24 hours and cannot be renewed. {GET_A_NEW_DEV_TOKEN}"
            )),
        )
    } else if left < DEV_TOKEN_WARNING {
        (
            status,
            HealthLevel::Warning,
            format!("development token ends in {}", human_duration(left)),
            Some(format!(
                "Finish or pause long runs before it ends. {GET_A_NEW_DEV_TOKEN}"
            )),
        )
    } else {
        (
            status,
            HealthLevel::Ok,
            format!("development token valid {}", human_duration(left)),
            None,
        )
    }
}

/// The certificate of service credentials, with warnings at 30 and 3 days.
/// [`certificate_status`] with its message in `l`'s language.
pub fn certificate_status_in(
    l: &crate::i18n::Localizer,
    expires_at: OffsetDateTime,
    now: OffsetDateTime,
) -> CertificateStatus {
    use crate::i18n::{arg, count};
    let mut status = certificate_status(expires_at, now);
    let left = expires_at - now;
    let date = arg(l.date(expires_at));
    status.message = match status.level {
        CertificateLevel::Expired => l.msg("certificate-expired", &[("date", date)]),
        CertificateLevel::Urgent => l.msg(
            "certificate-urgent",
            &[("date", date), ("duration", arg(l.duration(left)))],
        ),
        CertificateLevel::Soon => l.msg(
            "certificate-soon",
            &[("date", date), ("days", count(left.whole_days() as f64))],
        ),
        CertificateLevel::Ok => l.msg("certificate-ok", &[("date", date)]),
    };
    status
}

pub fn certificate_status(expires_at: OffsetDateTime, now: OffsetDateTime) -> CertificateStatus {
    let left = expires_at - now;
    let days_left = left.whole_days();
    let renew = "In the AEM Developer Console (Integrations → Technical Accounts), add a new \
                 certificate or private key for this account, download the credentials and \
                 import them again.";
    let (level, message) = if left <= Duration::ZERO {
        (
            CertificateLevel::Expired,
            format!(
                "The certificate of these service credentials expired on {}; Adobe IMS no \
                 longer accepts them. {renew}",
                date(expires_at)
            ),
        )
    } else if days_left < CERTIFICATE_URGENT_DAYS {
        (
            CertificateLevel::Urgent,
            format!(
                "The certificate of these service credentials expires on {} (in {}). {renew}",
                date(expires_at),
                human_duration(left)
            ),
        )
    } else if days_left < CERTIFICATE_WARNING_DAYS {
        (
            CertificateLevel::Soon,
            format!(
                "The certificate of these service credentials expires on {} (in {days_left} \
                 days). {renew}",
                date(expires_at)
            ),
        )
    } else {
        (
            CertificateLevel::Ok,
            format!("The certificate is valid until {}.", date(expires_at)),
        )
    };
    CertificateStatus {
        expires_at: rfc3339(expires_at),
        days_left,
        level,
        message,
    }
}

fn short_certificate(cert: &CertificateStatus) -> String {
    match cert.level {
        CertificateLevel::Expired => "certificate expired".into(),
        _ if cert.days_left < 1 => "certificate expires today".into(),
        _ if cert.days_left == 1 => "certificate expires in 1 day".into(),
        _ => format!("certificate expires in {} days", cert.days_left),
    }
}

/// "2 days", "23 h 12 min", "4 min", "less than a minute".
pub fn human_duration(d: Duration) -> String {
    if d < Duration::minutes(1) {
        return "less than a minute".into();
    }
    if d >= Duration::days(2) {
        return format!("{} days", d.whole_days());
    }
    let hours = d.whole_hours();
    let minutes = d.whole_minutes() % 60;
    if hours == 0 {
        format!("{minutes} min")
    } else if minutes == 0 {
        format!("{hours} h")
    } else {
        format!("{hours} h {minutes} min")
    }
}

fn date(at: OffsetDateTime) -> String {
    let at = at.to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02}",
        at.year(),
        u8::from(at.month()),
        at.day()
    )
}

/// The first sentence of a message, for the one-line summary (the full text is the advice).
fn first_sentence(text: &str) -> String {
    match text.find(". ") {
        Some(end) => text[..=end].to_string(),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aem::error::AemError;
    use crate::ims::errors::ImsError;

    fn now() -> OffsetDateTime {
        OffsetDateTime::from_unix_timestamp(1_800_000_000).unwrap()
    }

    fn snapshot(expires_in: Option<Duration>) -> TokenSnapshot {
        TokenSnapshot {
            expires_at: expires_in.map(|d| now() + d),
            renewing: false,
            last_error: None,
        }
    }

    #[test]
    fn durations_in_words() {
        assert_eq!(human_duration(Duration::seconds(30)), "less than a minute");
        assert_eq!(human_duration(Duration::minutes(4)), "4 min");
        assert_eq!(human_duration(Duration::hours(3)), "3 h");
        assert_eq!(
            human_duration(Duration::hours(23) + Duration::minutes(12) + Duration::seconds(59)),
            "23 h 12 min"
        );
        assert_eq!(human_duration(Duration::hours(47)), "47 h");
        assert_eq!(human_duration(Duration::days(12)), "12 days");
    }

    #[test]
    fn a_valid_token_shows_its_time_left() {
        let h = connection_health(
            &crate::i18n::Localizer::english(),
            CredentialKind::OauthServerToServer,
            &snapshot(Some(Duration::hours(23) + Duration::minutes(12))),
            None,
            now(),
        );
        assert_eq!(h.summary, "token valid 23 h 12 min");
        assert_eq!(h.level, HealthLevel::Ok);
        assert!(matches!(
            h.token,
            TokenStatus::Valid {
                seconds_left: 83_520,
                ..
            }
        ));
        assert_eq!(h.advice, None);
    }

    #[test]
    fn renewing_and_failed_tokens() {
        let mut s = snapshot(Some(Duration::minutes(5)));
        s.renewing = true;
        let h = connection_health(
            &crate::i18n::Localizer::english(),
            CredentialKind::ServiceCredentials,
            &s,
            None,
            now(),
        );
        assert_eq!(
            (h.summary.as_str(), h.level),
            ("renewing…", HealthLevel::Busy)
        );

        let err = AemError::Ims(ImsError::JwtExpired {
            detail: String::new(),
        });
        let s = TokenSnapshot {
            expires_at: None,
            renewing: false,
            last_error: Some(err.clone()),
        };
        let h = connection_health(
            &crate::i18n::Localizer::english(),
            CredentialKind::ServiceCredentials,
            &s,
            None,
            now(),
        );
        assert_eq!(h.level, HealthLevel::Error);
        assert!(
            h.summary
                .starts_with("failed: Adobe IMS rejected the signed request as expired."),
            "{}",
            h.summary
        );
        assert_eq!(h.advice, Some(err.to_string()));
        assert!(matches!(
            h.token,
            TokenStatus::Failed {
                code: ErrorCode::Auth,
                ..
            }
        ));
    }

    #[test]
    fn no_token_or_an_expired_cached_one_is_not_an_error() {
        for s in [snapshot(None), snapshot(Some(Duration::minutes(-3)))] {
            let h = connection_health(
                &crate::i18n::Localizer::english(),
                CredentialKind::ServiceCredentials,
                &s,
                None,
                now(),
            );
            assert_eq!(h.token, TokenStatus::NotYetObtained);
            assert_eq!(h.level, HealthLevel::Ok);
        }
    }

    #[test]
    fn certificate_warnings_at_30_and_3_days() {
        let cases = [
            (Duration::days(200), CertificateLevel::Ok, HealthLevel::Ok),
            (Duration::days(30), CertificateLevel::Ok, HealthLevel::Ok),
            (
                Duration::days(29) + Duration::hours(23),
                CertificateLevel::Soon,
                HealthLevel::Warning,
            ),
            (
                Duration::days(3),
                CertificateLevel::Soon,
                HealthLevel::Warning,
            ),
            (
                Duration::days(2) + Duration::hours(23),
                CertificateLevel::Urgent,
                HealthLevel::Warning,
            ),
            (
                Duration::hours(5),
                CertificateLevel::Urgent,
                HealthLevel::Warning,
            ),
            (
                Duration::hours(-1),
                CertificateLevel::Expired,
                HealthLevel::Error,
            ),
        ];
        for (left, cert_level, level) in cases {
            let h = connection_health(
                &crate::i18n::Localizer::english(),
                CredentialKind::ServiceCredentials,
                &snapshot(Some(Duration::hours(20))),
                Some(now() + left),
                now(),
            );
            let cert = h.certificate.clone().unwrap();
            assert_eq!((cert.level, h.level), (cert_level, level), "{left}");
            if cert_level == CertificateLevel::Ok {
                assert_eq!(h.summary, "token valid 20 h");
            } else {
                assert!(h.summary.contains("certificate"), "{}", h.summary);
                assert!(h.advice.unwrap().contains("add a new certificate"));
            }
        }
    }

    #[test]
    fn certificates_matter_only_for_service_credentials() {
        let h = connection_health(
            &crate::i18n::Localizer::english(),
            CredentialKind::OauthServerToServer,
            &snapshot(Some(Duration::hours(20))),
            Some(now() - Duration::days(1)),
            now(),
        );
        assert_eq!(h.certificate, None);
    }

    #[test]
    fn dev_token_counts_down_and_says_what_to_do() {
        let h = connection_health(
            &crate::i18n::Localizer::english(),
            CredentialKind::LocalDevToken,
            &snapshot(Some(Duration::hours(5))),
            None,
            now(),
        );
        assert_eq!(
            (h.summary.as_str(), h.level),
            ("development token valid 5 h", HealthLevel::Ok)
        );
        let h = connection_health(
            &crate::i18n::Localizer::english(),
            CredentialKind::LocalDevToken,
            &snapshot(Some(Duration::minutes(90))),
            None,
            now(),
        );
        assert_eq!(h.level, HealthLevel::Warning);
        assert_eq!(h.summary, "development token ends in 1 h 30 min");
        let h = connection_health(
            &crate::i18n::Localizer::english(),
            CredentialKind::LocalDevToken,
            &snapshot(Some(Duration::minutes(-1))),
            None,
            now(),
        );
        assert_eq!(h.level, HealthLevel::Error);
        assert!(h.advice.unwrap().contains("Get Local Development Token"));
        assert!(matches!(
            h.token,
            TokenStatus::DevToken {
                expired: true,
                seconds_left: Some(0),
                ..
            }
        ));
    }

    #[test]
    fn local_sdk_needs_no_token() {
        let h = connection_health(
            &crate::i18n::Localizer::english(),
            CredentialKind::LocalSdk,
            &TokenSnapshot::default(),
            None,
            now(),
        );
        assert_eq!(h.token, TokenStatus::NotNeeded);
        assert_eq!(h.level, HealthLevel::Ok);
    }

    #[test]
    fn the_ui_gets_camel_case_json() {
        let h = connection_health(
            &crate::i18n::Localizer::english(),
            CredentialKind::ServiceCredentials,
            &snapshot(Some(Duration::hours(1))),
            Some(now() + Duration::days(10)),
            now(),
        );
        let json = serde_json::to_value(&h).unwrap();
        assert_eq!(json["token"]["state"], "valid");
        assert_eq!(json["token"]["secondsLeft"], 3600);
        assert_eq!(json["certificate"]["daysLeft"], 10);
        assert_eq!(json["certificate"]["level"], "soon");
        assert_eq!(json["level"], "warning");
    }
}
