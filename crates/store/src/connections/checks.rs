//! The checks on what the user gives a connection before anything is stored: its name, the
//! host its tokens may go to, its pairing; and before its credentials are used, that it still
//! names the destinations bound to them. Storing lives in `store.rs`.

use metadesk_clients::error::{Error, ErrorCode, Result};
use metadesk_credentials::credentials::urls;

use super::binding::Binding;
use super::model::{Connection, ImportOptions};
use super::trust;

/// The longest connection name we accept; names are labels, not documents.
const MAX_NAME_CHARS: usize = 80;

/// An AEM address the user gave that cannot be used.
pub(super) fn aem_address(problem: metadesk_base::net::UrlProblem) -> Error {
    Error::message(ErrorCode::InvalidInput, "error-aem-address", problem.args())
}

pub(super) fn checked_name(name: &str, others: &[&Connection]) -> Result<String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::message(
            ErrorCode::InvalidInput,
            "error-name-empty",
            Vec::new(),
        ));
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(Error::message(
            ErrorCode::InvalidInput,
            "error-name-too-long",
            vec![("max", (MAX_NAME_CHARS as f64).into())],
        ));
    }
    if others
        .iter()
        .any(|c| c.name.to_lowercase() == name.to_lowercase())
    {
        return Err(Error::message(
            ErrorCode::InvalidInput,
            "error-name-taken",
            vec![("name", name.into())],
        ));
    }
    Ok(name.to_string())
}

/// `suggestion`, or `suggestion (2)`, `(3)`… if taken.
pub(super) fn unique_name(suggestion: &str, others: &[&Connection]) -> String {
    let taken = |name: &str| {
        others
            .iter()
            .any(|c| c.name.to_lowercase() == name.to_lowercase())
    };
    if !taken(suggestion) {
        return suggestion.to_string();
    }
    (2..)
        .map(|n| format!("{suggestion} ({n})"))
        .find(|name| !taken(name))
        .unwrap_or_else(|| suggestion.to_string())
}

/// Whether `paired` can find assets for `writer`: only an OAuth S2S connection needs one; the
/// paired must use the classic APIs (QueryBuilder, folder listings) and talk to the same AEM,
/// or the paths it finds would not be the writer's.
pub fn check_pairing(writer: &Connection, paired: &Connection) -> Result<()> {
    use metadesk_credentials::credentials::ApiFamily;
    if writer.kind.api_family() != ApiFamily::OpenApi {
        return Err(Error::message(
            ErrorCode::InvalidInput,
            "error-paired-not-needed",
            vec![("name", writer.name.as_str().into())],
        ));
    }
    if paired.kind.api_family() != ApiFamily::Classic {
        return Err(Error::message(
            ErrorCode::InvalidInput,
            "error-paired-cannot-find",
            vec![("name", paired.name.as_str().into())],
        ));
    }
    if !urls::same_aem(&paired.aem_url, &writer.aem_url) {
        return Err(Error::message(
            ErrorCode::InvalidInput,
            "error-paired-other-aem",
            vec![
                ("paired", paired.name.as_str().into()),
                ("pairedUrl", paired.aem_url.as_str().into()),
                ("name", writer.name.as_str().into()),
                ("url", writer.aem_url.as_str().into()),
            ],
        ));
    }
    Ok(())
}

/// The host of its AEM address `connection` trusts: `None` where it needs no trust
/// ([`Connection::host_needing_trust`]); else the one the user names now
/// (`options.trust_host`, in any case) or trusted before (`before`, the binding Metadesk saved,
/// never the file); else refused in words naming the host, nothing stored.
pub(super) fn trusted_host(
    connection: &Connection,
    options: &ImportOptions,
    before: Option<&Binding>,
) -> Result<Option<String>> {
    let Some(host) = connection.host_needing_trust() else {
        return Ok(None);
    };
    let named = options
        .trust_host
        .as_deref()
        .map(|h| h.trim().trim_end_matches('/').to_ascii_lowercase());
    if named.as_deref() == Some(host.as_str()) || before.is_some_and(|b| b.trusts(&host)) {
        return Ok(Some(host));
    }
    Err(Error::message(
        ErrorCode::UntrustedHost,
        "error-untrusted-host",
        vec![
            ("host", host.into()),
            ("place", trust::place_of(&connection.aem_url).into()),
        ],
    ))
}

/// Refuses, in words saying how to fix it, a connection whose destinations are not the ones
/// Metadesk bound to its secrets (`bound`, read from the keychain; `None`: never bound, an
/// older Metadesk saved it and it goes somewhere else than Adobe's hosts).
pub fn require_bound(connection: &Connection, bound: Option<&Binding>) -> Result<()> {
    let args = || {
        vec![
            ("name", connection.name.as_str().into()),
            ("url", connection.aem_url.as_str().into()),
        ]
    };
    match bound {
        Some(bound) if *bound == connection.binding() => Ok(()),
        Some(_) => {
            tracing::warn!(id = %connection.id, "the connections file names other destinations than the keychain's binding: not used");
            Err(Error::message(
                ErrorCode::UntrustedHost,
                "error-connection-changed-outside",
                args(),
            ))
        }
        None => Err(Error::message(
            ErrorCode::UntrustedHost,
            "error-connection-not-bound",
            args(),
        )),
    }
}
