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

/// `suggestion`; if taken, `suggestion (account)` with the account that tells the two apart
/// (issue 77: "(2)" did not say which one is the read-only account), else `suggestion (2)`,
/// `(3)`….
pub(super) fn unique_name(
    suggestion: &str,
    account: Option<&str>,
    others: &[&Connection],
) -> String {
    let taken = |name: &str| {
        others
            .iter()
            .any(|c| c.name.to_lowercase() == name.to_lowercase())
    };
    if !taken(suggestion) {
        return suggestion.to_string();
    }
    if let Some(account) = account.map(str::trim).filter(|a| !a.is_empty()) {
        let named = format!("{suggestion} ({account})");
        if !taken(&named) {
            return named;
        }
    }
    (2..)
        .map(|n| format!("{suggestion} ({n})"))
        .find(|name| !taken(name))
        .unwrap_or_else(|| suggestion.to_string())
}

/// The connection `wanted` names, as a person or a script types it: its id; its name without
/// regard to case; its name by its letters and digits alone ("program 14726 environment
/// 686683" for "Program 14726 · environment 686683", as a shell is typed); else, as AEM's
/// addresses name a Cloud Service environment (`p14726-e686683`, older versions' default
/// name), the one connection for it. Several for it are named in the refusal, never guessed.
pub(super) fn find_named<'a>(all: &'a [Connection], wanted: &str) -> Result<&'a Connection> {
    let wanted = wanted.trim();
    let key = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let by_id = all.iter().find(|c| c.id == wanted);
    let by_name = || {
        all.iter()
            .find(|c| c.name.to_lowercase() == wanted.to_lowercase())
    };
    let by_key = || {
        let typed = key(wanted);
        let mut same = all
            .iter()
            .filter(|c| !typed.is_empty() && key(&c.name) == typed);
        same.next().filter(|_| same.next().is_none())
    };
    if let Some(found) = by_id.or_else(by_name).or_else(by_key) {
        return Ok(found);
    }
    let for_place: Vec<&Connection> = match typed_place(wanted) {
        Some(place) => all.iter().filter(|c| place_of(c) == Some(place)).collect(),
        None => Vec::new(),
    };
    match for_place.as_slice() {
        [one] => Ok(one),
        [] => Err(Error::message(
            ErrorCode::NotFound,
            "error-no-such-connection",
            vec![("name", wanted.into())],
        )),
        several => {
            let names: Vec<&str> = several.iter().map(|c| c.name.as_str()).collect();
            Err(Error::message(
                ErrorCode::InvalidInput,
                "error-connection-ambiguous",
                vec![("name", wanted.into()), ("names", names.join(", ").into())],
            ))
        }
    }
}

/// `p14726-e686683` as typed (any case): the program and environment numbers.
fn typed_place(typed: &str) -> Option<(u64, u64)> {
    let rest = typed.to_ascii_lowercase();
    let (program, environment) = rest.strip_prefix('p')?.split_once("-e")?;
    Some((program.parse().ok()?, environment.parse().ok()?))
}

/// The Cloud Service environment a connection is for: its credential's client id says it
/// (`cm-p14726-e686683-…`), else its address.
fn place_of(c: &Connection) -> Option<(u64, u64)> {
    c.client_id
        .as_deref()
        .and_then(urls::program_and_environment)
        .or_else(|| urls::cloud_place(&c.aem_url))
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
