//! A local AEM SDK connection typed in by hand: URL (default `http://localhost:4502`), user
//! name, password. Validated like a file, so the app and the CLI treat it the same way.

use time::OffsetDateTime;

use super::fields::Problems;
use super::{CredentialKind, Draft, Recognised, Refusal, SecretField, SecretHint, urls};
use crate::secrets::Secret;
use crate::secrets::slots::SecretSlot;
use metadesk_base::i18n::Text;

/// Checks what the user typed. `url` of `None` or blank means the SDK's default address.
pub fn local_sdk(url: Option<&str>, user: &str, password: Secret) -> Result<Recognised, Refusal> {
    let mut problems = Problems::default();
    let url = url
        .map(str::trim)
        .filter(|u| !u.is_empty())
        .unwrap_or(urls::LOCAL_SDK_URL);
    let url = urls::normalise_aem_url(url)
        .map_err(|e| problems.add("refusal-aem-address", e.parts()))
        .ok();
    let user = user.trim().to_string();
    if user.is_empty() {
        problems.add("refusal-user-empty", Vec::new());
    }
    if password.expose().is_empty() {
        problems.add("refusal-password-empty", Vec::new());
    }
    let Some(url) = url else {
        return Err(Refusal {
            problems: problems.0,
        });
    };
    if !problems.is_empty() {
        return Err(Refusal {
            problems: problems.0,
        });
    }
    let host = urls::host_of(&url);
    let draft = Draft {
        choice: None,
        kind: CredentialKind::LocalSdk,
        summary: Text::new(
            "import-summary-sdk",
            vec![("url", url.as_str().into()), ("user", user.as_str().into())],
        ),
        ims_base: None,
        client_id: None,
        technical_account_id: None,
        technical_account_email: None,
        org: None,
        scopes: Vec::new(),
        acts_as: Some(user),
        certificate_expires_at: None,
        token_expires_at: None,
        suggested_name: Text::new(
            "name-suggestion-local-sdk",
            vec![("host", host.as_str().into())],
        ),
        aem_url: Some(url),
        // Never any character of a password typed in by hand.
        secret_hints: vec![SecretHint::Secret {
            field: SecretField::Password,
            hint: "••••".into(),
        }],
        secrets: vec![(SecretSlot::Password, password)],
        warnings: Vec::new(),
    };
    Recognised::new(vec![draft], OffsetDateTime::now_utc())
}
