//! AEM Developer Console Local Development Tokens: used as they are until they expire (24 h at
//! most), then refused *before* a request is sent, with what to do — no run fails halfway
//! with a bare 401. Adobe offers no way to renew them.
//!
//! Not here: minted tokens (`manager`).

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::Value;
use time::OffsetDateTime;

use crate::aem::auth::{Authorizer, BoxFuture, RequestCredentials, TokenSnapshot};
use crate::aem::error::AemError;
use crate::ims::clock::Clock;
use metadesk_base::i18n::{Part, Text};
use metadesk_credentials::secrets::Secret;

/// Where the user gets a new token, for the connection's health (the errors' words are the
/// catalogue's `aem-get-new-dev-token`).
pub const GET_A_NEW_DEV_TOKEN: &str = "Get a new one in the AEM Developer Console of this \
     environment (Integrations → Local token → Get Local Development Token), download it and \
     import it again.";

/// What the IMS access token itself says about its lifetime and user.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TokenClaims {
    pub expires_at: Option<OffsetDateTime>,
    /// `user_id` of the token: who it acts as.
    pub user_id: Option<String>,
}

/// Reads the payload of an IMS access token: `created_at` + `expires_in` (both milliseconds,
/// often as strings; <https://github.com/adobe/aio-lib-ims/blob/HEAD/src/ims.js>). Signatures
/// are not checked — only IMS and AEM can.
pub fn read_token_claims(token: &str) -> TokenClaims {
    let payload = token
        .split('.')
        .nth(1)
        .and_then(|p| URL_SAFE_NO_PAD.decode(p.trim_end_matches('=')).ok())
        .and_then(|bytes| serde_json::from_slice::<Value>(&bytes).ok());
    let Some(payload) = payload else {
        return TokenClaims::default();
    };
    let number = |key: &str| match payload.get(key) {
        Some(Value::Number(n)) => n.as_i64(),
        Some(Value::String(s)) => s.trim().parse::<i64>().ok(),
        _ => None,
    };
    let expires_at = match (number("created_at"), number("expires_in")) {
        (Some(created), Some(lifetime)) => created.checked_add(lifetime).and_then(|ms| {
            OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000).ok()
        }),
        _ => None,
    };
    TokenClaims {
        expires_at,
        user_id: payload
            .get("user_id")
            .and_then(Value::as_str)
            .map(str::to_string),
    }
}

/// A development token as an [`Authorizer`].
pub struct DevTokenAuthorizer {
    token: Secret,
    expires_at: Option<OffsetDateTime>,
    clock: Clock,
}

impl DevTokenAuthorizer {
    /// `expires_at` as recorded at import; when unknown it is read from the token.
    pub fn new(token: Secret, expires_at: Option<OffsetDateTime>, clock: Clock) -> Self {
        let expires_at = expires_at.or_else(|| read_token_claims(token.expose()).expires_at);
        DevTokenAuthorizer {
            token,
            expires_at,
            clock,
        }
    }

    pub fn expires_at(&self) -> Option<OffsetDateTime> {
        self.expires_at
    }

    fn expired_error(&self, at: OffsetDateTime) -> AemError {
        AemError::Auth(Text::new(
            "aem-dev-token-ended",
            vec![("at", Part::DateTime(at))],
        ))
    }
}

impl Authorizer for DevTokenAuthorizer {
    fn credentials(&self) -> BoxFuture<'_, Result<RequestCredentials, AemError>> {
        Box::pin(async move {
            if let Some(at) = self.expires_at
                && at <= self.clock.now()
            {
                return Err(self.expired_error(at));
            }
            Ok(RequestCredentials::Bearer {
                token: self.token.clone(),
                api_key: None,
            })
        })
    }

    fn renew<'a>(
        &'a self,
        _rejected: &'a RequestCredentials,
    ) -> BoxFuture<'a, Result<RequestCredentials, AemError>> {
        Box::pin(async move {
            match self.expires_at {
                Some(at) if at <= self.clock.now() => Err(self.expired_error(at)),
                _ => Err(AemError::Auth(Text::plain("aem-dev-token-refused"))),
            }
        })
    }

    fn snapshot(&self) -> TokenSnapshot {
        TokenSnapshot {
            expires_at: self.expires_at,
            renewing: false,
            last_error: None,
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use time::Duration;

    /// An IMS-shaped token created at `created_ms` living `lifetime_ms`.
    pub(crate) fn fake_token(created_ms: i64, lifetime_ms: i64) -> String {
        let payload = serde_json::json!({
            "type": "access_token",
            "user_id": "jdoe@AdobeID",
            "created_at": created_ms.to_string(),
            "expires_in": lifetime_ms.to_string(),
        });
        format!(
            "eyJhbGciOiJSUzI1NiJ9.{}.c2ln",
            URL_SAFE_NO_PAD.encode(payload.to_string())
        )
    }

    #[test]
    fn claims_are_read_from_the_token() {
        let claims = read_token_claims(&fake_token(1_800_000_000_000, 86_400_000));
        assert_eq!(
            claims.expires_at,
            Some(OffsetDateTime::from_unix_timestamp(1_800_086_400).unwrap())
        );
        assert_eq!(claims.user_id.as_deref(), Some("jdoe@AdobeID"));
        assert_eq!(read_token_claims("opaque-token"), TokenClaims::default());
        assert_eq!(read_token_claims("a.!!!.c"), TokenClaims::default());
    }

    #[tokio::test]
    async fn used_as_is_until_it_ends_then_refused_with_what_to_do() {
        let created = OffsetDateTime::from_unix_timestamp(1_800_000_000).unwrap();
        let (clock, hand) = Clock::manual(created + Duration::hours(23));
        let token = fake_token(1_800_000_000_000, 86_400_000);
        let auth = DevTokenAuthorizer::new(Secret::new(token.as_str()), None, clock);
        match auth.credentials().await.unwrap() {
            RequestCredentials::Bearer { token: t, api_key } => {
                assert_eq!(t.expose(), token);
                assert_eq!(api_key, None);
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            auth.snapshot().expires_at,
            Some(created + Duration::days(1))
        );
        hand.advance(Duration::hours(1));
        let err = auth.credentials().await.unwrap_err().to_string();
        assert!(err.contains("ended on 16 Jan 2027, 08:00 UTC"), "{err}");
        assert!(err.contains("Get Local Development Token"), "{err}");
    }

    /// A refusal built once (kept in the token's snapshot, shown later) is written in the
    /// language of whoever reads it, not frozen in the one it was first shown in.
    #[tokio::test]
    async fn an_ended_token_is_told_in_the_readers_language() {
        use metadesk_base::i18n::checks::assert_reads_french;
        use metadesk_base::i18n::{Lang, Localizer};
        let created = OffsetDateTime::from_unix_timestamp(1_800_000_000).unwrap();
        let (clock, _) = Clock::manual(created + Duration::days(2));
        let token = fake_token(1_800_000_000_000, 86_400_000);
        let auth = DevTokenAuthorizer::new(Secret::new(token.as_str()), None, clock);
        let ended = auth.credentials().await.unwrap_err();
        let (clock, _) = Clock::manual(created);
        let fresh = DevTokenAuthorizer::new(Secret::new(token.as_str()), None, clock);
        let creds = fresh.credentials().await.unwrap();
        let refused = fresh.renew(&creds).await.unwrap_err();
        let fr = Localizer::new(Lang::Fr);
        for err in [&ended, &refused] {
            assert_eq!(err.code(), metadesk_base::error_code::ErrorCode::Auth);
            let french = err.localized(&fr);
            assert_reads_french(&french);
            assert!(french.contains("Console développeur AEM"), "{french}");
            let english = err.localized(&Localizer::english());
            assert!(english.contains("Get Local Development Token"), "{english}");
        }
        let french = ended.localized(&fr);
        assert!(
            french.contains("a expiré le 16 janv. 2027 à 08:00 UTC"),
            "{french}"
        );
    }

    #[tokio::test]
    async fn a_rejected_dev_token_is_not_retried() {
        let (clock, _) = Clock::manual(OffsetDateTime::from_unix_timestamp(1_800_000_000).unwrap());
        let auth = DevTokenAuthorizer::new(Secret::new("opaque"), None, clock);
        let creds = auth.credentials().await.unwrap();
        let err = auth.renew(&creds).await.unwrap_err().to_string();
        assert!(err.contains("refused the local development token"), "{err}");
    }
}
