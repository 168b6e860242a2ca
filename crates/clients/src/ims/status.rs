//! What the connections page shows at a glance: "token valid 23 h 12 min", "renewing…",
//! "failed: why", certificate warnings at 30 and 3 days (as Adobe's emails), and a
//! development token's countdown with what to do when it ends, in the reader's language. [`connection_health`]
//! computes it from an authorizer's [`TokenSnapshot`]; the UI only renders it.
//!
//! Not here: obtaining tokens. Nothing here holds a secret.

use serde::Serialize;
use time::{Duration, OffsetDateTime};

use metadesk_base::timefmt::rfc3339;
use ts_rs::TS;

use crate::aem::auth::TokenSnapshot;
use metadesk_base::error_code::ErrorCode;
use metadesk_base::i18n::{Localizer, arg, count};
use metadesk_credentials::credentials::CredentialKind;

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
    /// One line in the reader's language: "token valid 23 h 12 min", "renewing…", "failed: …"
    /// (`connections show`; the window words its own from `token` and `certificate`).
    pub summary: String,
    pub token: TokenStatus,
    pub certificate: Option<CertificateStatus>,
    /// What the user should do, when something needs doing, in the reader's language.
    pub advice: Option<String>,
}

/// Computes a connection's health at `now`, its words in `l`'s language (the window and the
/// CLI show them).
pub fn connection_health(
    l: &Localizer,
    kind: CredentialKind,
    token: &TokenSnapshot,
    certificate_expires_at: Option<OffsetDateTime>,
    now: OffsetDateTime,
) -> ConnectionHealth {
    let (token_status, mut level, summary, mut advice) = match kind {
        CredentialKind::LocalSdk => (
            TokenStatus::NotNeeded,
            HealthLevel::Ok,
            l.text("health-sdk"),
            None,
        ),
        CredentialKind::LocalDevToken => dev_token_health(token, now, l),
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
        summary = l.msg(
            "health-with-certificate",
            &[
                ("summary", arg(summary)),
                ("certificate", arg(short_certificate(cert, l))),
            ],
        );
        // Both are whole sentences, so one follows the other.
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
    l: &Localizer,
) -> (TokenStatus, HealthLevel, String, Option<String>) {
    if token.renewing {
        return (
            TokenStatus::Renewing,
            HealthLevel::Busy,
            l.text("health-renewing"),
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
            l.msg("health-failed", &[("reason", arg(first_sentence(&reason)))]),
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
            l.msg(
                "health-token-valid",
                &[("duration", arg(l.duration(at - now)))],
            ),
            None,
        ),
        _ => (
            TokenStatus::NotYetObtained,
            HealthLevel::Ok,
            l.text("health-no-token"),
            None,
        ),
    }
}

fn dev_token_health(
    token: &TokenSnapshot,
    now: OffsetDateTime,
    l: &Localizer,
) -> (TokenStatus, HealthLevel, String, Option<String>) {
    let Some(at) = token.expires_at else {
        return (
            TokenStatus::DevToken {
                expires_at: None,
                seconds_left: None,
                expired: false,
            },
            HealthLevel::Warning,
            l.text("health-dev-token-end-unknown"),
            Some(l.text("health-advice-dev-token-end-unknown")),
        );
    };
    let left = at - now;
    let status = TokenStatus::DevToken {
        expires_at: Some(rfc3339(at)),
        seconds_left: Some(left.whole_seconds().max(0)),
        expired: left <= Duration::ZERO,
    };
    let duration = || [("duration", arg(l.duration(left)))];
    if left <= Duration::ZERO {
        (
            status,
            HealthLevel::Error,
            l.text("health-dev-token-ended"),
            Some(l.text("health-advice-dev-token-ended")),
        )
    } else if left < DEV_TOKEN_WARNING {
        (
            status,
            HealthLevel::Warning,
            l.msg("health-dev-token-ends", &duration()),
            Some(l.text("health-advice-dev-token-ending")),
        )
    } else {
        (
            status,
            HealthLevel::Ok,
            l.msg("health-dev-token-valid", &duration()),
            None,
        )
    }
}

/// The certificate of service credentials, with warnings at 30 and 3 days, its message in
/// `l`'s language.
pub fn certificate_status_in(
    l: &Localizer,
    expires_at: OffsetDateTime,
    now: OffsetDateTime,
) -> CertificateStatus {
    let left = expires_at - now;
    let days_left = left.whole_days();
    let date = arg(l.date(expires_at));
    let (level, message) = if left <= Duration::ZERO {
        (
            CertificateLevel::Expired,
            l.msg("certificate-expired", &[("date", date)]),
        )
    } else if days_left < CERTIFICATE_URGENT_DAYS {
        (
            CertificateLevel::Urgent,
            l.msg(
                "certificate-urgent",
                &[("date", date), ("duration", arg(l.duration(left)))],
            ),
        )
    } else if days_left < CERTIFICATE_WARNING_DAYS {
        (
            CertificateLevel::Soon,
            l.msg(
                "certificate-soon",
                &[("date", date), ("days", count(days_left as f64))],
            ),
        )
    } else {
        (
            CertificateLevel::Ok,
            l.msg("certificate-ok", &[("date", date)]),
        )
    };
    CertificateStatus {
        expires_at: rfc3339(expires_at),
        days_left,
        level,
        message,
    }
}

fn short_certificate(cert: &CertificateStatus, l: &Localizer) -> String {
    let state = match cert.level {
        CertificateLevel::Expired => "expired",
        _ if cert.days_left < 1 => "today",
        _ => "days",
    };
    l.msg(
        "health-certificate",
        &[
            ("state", arg(state)),
            ("days", count(cert.days_left as f64)),
        ],
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
    fn a_valid_token_shows_its_time_left() {
        let h = connection_health(
            &metadesk_base::i18n::Localizer::english(),
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
            &metadesk_base::i18n::Localizer::english(),
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
            said: String::new(),
        });
        let s = TokenSnapshot {
            expires_at: None,
            renewing: false,
            last_error: Some(err.clone()),
        };
        let h = connection_health(
            &metadesk_base::i18n::Localizer::english(),
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
                &metadesk_base::i18n::Localizer::english(),
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
                &metadesk_base::i18n::Localizer::english(),
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
            &metadesk_base::i18n::Localizer::english(),
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
            &metadesk_base::i18n::Localizer::english(),
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
            &metadesk_base::i18n::Localizer::english(),
            CredentialKind::LocalDevToken,
            &snapshot(Some(Duration::minutes(90))),
            None,
            now(),
        );
        assert_eq!(h.level, HealthLevel::Warning);
        assert_eq!(h.summary, "development token ends in 1 h 30 min");
        let h = connection_health(
            &metadesk_base::i18n::Localizer::english(),
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
            &metadesk_base::i18n::Localizer::english(),
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
            &metadesk_base::i18n::Localizer::english(),
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

    #[test]
    fn health_reads_in_the_readers_language() {
        let fr = Localizer::new(metadesk_base::i18n::Lang::Fr);
        let h = connection_health(
            &fr,
            CredentialKind::ServiceCredentials,
            &snapshot(Some(Duration::hours(23) + Duration::minutes(12))),
            Some(now() + Duration::days(10)),
            now(),
        );
        assert_eq!(
            h.summary,
            "jeton valide encore 23 h 12 min\u{202f}; le certificat expire dans 10 jours"
        );
        assert!(
            h.advice
                .unwrap()
                .starts_with("Le certificat de ces identifiants de service expire le "),
        );
        let h = connection_health(
            &fr,
            CredentialKind::LocalDevToken,
            &snapshot(Some(Duration::minutes(-1))),
            None,
            now(),
        );
        assert_eq!(h.summary, "jeton de développement expiré");
        assert!(
            h.advice
                .unwrap()
                .contains("Obtenir le jeton de développement local")
        );
        let h = connection_health(
            &fr,
            CredentialKind::LocalSdk,
            &TokenSnapshot::default(),
            None,
            now(),
        );
        assert_eq!(
            h.summary,
            "se connecte avec un nom d’utilisateur et un mot de passe"
        );
    }
}
