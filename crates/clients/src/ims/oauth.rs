//! Adobe Developer Console OAuth Server-to-Server: the [`OAuthClient`] inputs and the form of
//! the client-credentials request to `/ims/token/v3`
//! (<https://developer.adobe.com/developer-console/docs/guides/authentication/ServerToServerAuthentication/ims>).
//! Its tokens are for the OpenAPI-based `/adobe/*` APIs, which also want `X-Api-Key: {clientId}`
//! (<https://experienceleague.adobe.com/en/docs/experience-manager-learn/cloud-service/aem-apis/openapis/invoke-api-using-oauth-s2s>).
//!
//! Not here: sending the request (`exchange`).

use crate::ims::ImsBase;
use crate::ims::errors::ImsError;
use metadesk_base::i18n::Text;
use metadesk_credentials::secrets::Secret;

/// Everything the client-credentials grant needs.
#[derive(Debug, Clone)]
pub struct OAuthClient {
    /// Usually `https://ims-na1.adobelogin.com`.
    pub ims_base: ImsBase,
    pub client_id: String,
    pub client_secret: Secret,
    /// e.g. `AdobeID`, `openid`, `aem.assets.author`, `aem.folders`.
    pub scopes: Vec<String>,
}

impl OAuthClient {
    /// Checks every field, so a broken credential is reported before anything is sent.
    pub fn validate(&self) -> Result<(), ImsError> {
        let mut missing = Vec::new();
        if self.client_id.trim().is_empty() {
            missing.push("client-id");
        }
        if self.client_secret.expose().trim().is_empty() {
            missing.push("client-secret");
        }
        if self.scope().is_empty() {
            missing.push("scopes");
        }
        if missing.is_empty() {
            Ok(())
        } else {
            Err(ImsError::InvalidCredential(Text::new(
                "ims-incomplete-oauth",
                vec![("missing", crate::ims::missing_fields(&missing))],
            )))
        }
    }

    /// The `scope` form field: comma-joined, trimmed, no empty items.
    pub fn scope(&self) -> String {
        self.scopes
            .iter()
            .flat_map(|s| s.split(','))
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(",")
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn client(ims: &str) -> OAuthClient {
        OAuthClient {
            ims_base: ImsBase::parse(ims).unwrap(),
            client_id: "0a1b2c3d4e5f".into(),
            client_secret: Secret::new("p8e-oauth-secret-99"),
            scopes: vec!["AdobeID".into(), " openid".into(), "aem.folders,".into()],
        }
    }

    #[test]
    fn scopes_are_comma_joined() {
        assert_eq!(
            client("ims-na1.adobelogin.com").scope(),
            "AdobeID,openid,aem.folders"
        );
    }

    #[test]
    fn incomplete_clients_are_refused_with_a_reason() {
        let mut c = client("ims-na1.adobelogin.com");
        c.client_id = " ".into();
        c.scopes = vec![",".into()];
        let err = c.validate().unwrap_err().to_string();
        assert!(err.contains("client id, scopes missing"), "{err}");
        let mut c = client("ims-na1.adobelogin.com");
        c.client_secret = Secret::new("");
        let err = c.validate().unwrap_err().to_string();
        assert!(err.contains("client secret missing"), "{err}");
        assert!(client("ims-na1.adobelogin.com").validate().is_ok());
    }
}
