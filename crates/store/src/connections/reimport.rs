//! What an import may decide about where a connection's secrets go, and what a second import of
//! the same credential (same client id) may change without asking: the IMS a connection uses
//! ([`ims_base`]) and the differences that need the user's yes first ([`check_replace`]: another
//! IMS, another client secret or private key, another kind).
//!
//! Not here: the import itself and its keychain writes (`store`).

use super::model::{Connection, ImportOptions};
use metadesk_base::i18n::{Part, Text};
use metadesk_clients::error::{Error, ErrorCode, ReplaceNotice, Result};
use metadesk_credentials::credentials::{CredentialKind, urls};
use metadesk_credentials::secrets::slots::SecretSlot;
use metadesk_credentials::secrets::{ChunkedSecrets, Secret};

/// The IMS a connection will send its secrets to: the address the user gave (OAuth
/// Server-to-Server only: a Developer Console project never names one, other kinds carry
/// theirs), else the file's, else for OAuth Server-to-Server the one the connection already
/// uses, else Adobe's production IMS. Every address passes the allow-list of [`metadesk_base::net`].
pub(super) fn ims_base(
    kind: CredentialKind,
    from_file: Option<&str>,
    options: &ImportOptions,
    previous: Option<&Connection>,
) -> Result<Option<String>> {
    let given = options
        .ims_url
        .as_deref()
        .map(str::trim)
        .filter(|raw| !raw.is_empty());
    if let Some(raw) = given {
        if kind != CredentialKind::OauthServerToServer {
            return Err(Error::worded(
                ErrorCode::InvalidInput,
                Text::new(
                    "error-ims-only-for-oauth",
                    vec![("kind", kind.name().into())],
                ),
            ));
        }
        return urls::normalise_ims_base(raw)
            .map(Some)
            .map_err(|e| Error::message(ErrorCode::InvalidInput, "error-ims-address", e.args()));
    }
    if let Some(named) = from_file {
        return Ok(Some(named.to_string()));
    }
    if kind != CredentialKind::OauthServerToServer {
        return Ok(None);
    }
    let kept = previous
        .filter(|p| p.kind == kind)
        .and_then(|p| p.ims_base.clone());
    Ok(Some(
        kept.unwrap_or_else(|| urls::DEFAULT_IMS_BASE.to_string()),
    ))
}

/// Refuses to replace `previous` (a connection with the same client id) by `next` when the
/// file is another credential in disguise — another IMS, another secret, another kind — unless
/// the user said so (`options.replace`). A secret missing from the keychain is no difference:
/// importing the file again is how such a connection is repaired.
pub(super) fn check_replace(
    previous: &Connection,
    next: &Connection,
    secrets: &[(SecretSlot, Secret)],
    keychain: &ChunkedSecrets<'_>,
    options: &ImportOptions,
) -> Result<()> {
    if previous.client_id.is_none() || options.replace == Some(true) {
        return Ok(());
    }
    let mut differences = Vec::new();
    if previous.kind != next.kind {
        differences.push(Text::new(
            "replace-kind",
            vec![
                ("kind", next.kind.name().into()),
                ("previous", previous.kind.name().into()),
            ],
        ));
    }
    if previous.ims_base != next.ims_base {
        let host = |base: &Option<String>| -> Part {
            match base.as_deref() {
                Some(base) => urls::host_of(base).into(),
                None => Text::plain("replace-no-ims").into(),
            }
        };
        differences.push(Text::new(
            "replace-ims",
            vec![
                ("host", host(&next.ims_base)),
                ("previous", host(&previous.ims_base)),
            ],
        ));
    }
    for (slot, secret) in secrets {
        let field = match slot {
            SecretSlot::ClientSecret => "client-secret",
            SecretSlot::PrivateKey => "private-key",
            _ => continue,
        };
        if keychain
            .get(&slot.key(&previous.id))?
            .is_some_and(|stored| stored != *secret)
        {
            differences.push(Text::new("replace-secret", vec![("field", field.into())]));
        }
    }
    if differences.is_empty() {
        return Ok(());
    }
    Err(Error::NeedsReplace(Box::new(ReplaceNotice {
        connection_id: previous.id.clone(),
        connection_name: previous.name.clone(),
        differences,
    })))
}
