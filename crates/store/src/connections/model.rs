//! What a connection is: the stored, non-secret [`Connection`]; the redacted
//! [`ConnectionView`] the UI and the CLI show; the secrets read back for token code
//! ([`ConnectionSecrets`]); and the options of an import ([`ImportOptions`]).
//!
//! Not here: reading or writing them (`store`, `config`).

use serde::{Deserialize, Serialize};
use time::{Duration, OffsetDateTime};
use ts_rs::TS;

use super::auto_name::AutoName;
use super::binding::Binding;
use super::trust;
use metadesk_base::i18n::{Part, Text};
use metadesk_base::timefmt::rfc3339;
use metadesk_clients::error::{Error, ErrorCode};
use metadesk_credentials::credentials::{CredentialKind, SecretHint, hints, urls};
use metadesk_credentials::secrets::Secret;

/// Warn this long before a certificate expires (Adobe emails at 30 days).
const CERTIFICATE_WARNING: Duration = Duration::days(30);
/// Development tokens last a day, so "soon" means hours.
const TOKEN_WARNING: Duration = Duration::hours(2);

/// A connection as kept in the config file. Holds no secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Connection {
    /// Stable, random, used in keychain keys (`conn/<id>/…`).
    pub id: String,
    pub name: String,
    pub kind: CredentialKind,
    /// AEM author origin, e.g. `https://author-p1-e2.adobeaemcloud.com`.
    pub aem_url: String,
    /// IMS base URL (`https://ims-na1.adobelogin.com`), used for the token URL, the JWT `aud`
    /// and the metascope claims. `None` for local SDK connections.
    pub ims_base: Option<String>,
    pub client_id: Option<String>,
    /// The JWT `sub` of service credentials.
    pub technical_account_id: Option<String>,
    /// The AEM user to give permissions to.
    pub technical_account_email: Option<String>,
    /// IMS organisation (the JWT `iss`).
    pub org: Option<String>,
    /// Metascopes of service credentials, OAuth scopes of OAuth S2S credentials.
    #[serde(default)]
    pub scopes: Vec<String>,
    /// The person a development token acts as, or the local SDK user name.
    pub acts_as: Option<String>,
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub certificate_expires_at: Option<OffsetDateTime>,
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub token_expires_at: Option<OffsetDateTime>,
    #[serde(default)]
    pub production: bool,
    /// The app's own simulated AEM on this computer ("Try with a sandbox AEM"); never a real
    /// environment. Set only by `ConnectionStore::import_sandbox`.
    #[serde(default)]
    pub sandbox: bool,
    /// Safe hints shown instead of secrets ("client secret ••••1d47"), as data: each face words
    /// them in its reader's language. Files written before hold English words, read leniently.
    #[serde(default, deserialize_with = "hints::deserialize_lenient")]
    pub secret_hints: Vec<SecretHint>,
    #[serde(with = "time::serde::rfc3339")]
    pub imported_at: OffsetDateTime,
    /// OAuth S2S only: the id of a classic connection on the same AEM that finds its assets
    /// (lists folders, searches), paired once on the card and used by window and CLI alike.
    // Stored as `findsAssetsWith` before the pairing had one name.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        alias = "findsAssetsWith"
    )]
    pub paired_with: Option<String>,
    /// The host of `aem_url` the user trusted by name because it needs trust
    /// ([`Connection::host_needing_trust`]: not an AEM as a Cloud Service author host; this
    /// computer too for a credential issued by Adobe), by the window's confirmation or the
    /// CLI's `--trust-host`. Tokens go to such a host only while this names it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trusted_host: Option<String>,
}

impl Connection {
    /// The host of `aem_url` when tokens may not go there: one needing trust
    /// ([`Connection::host_needing_trust`]) the user has not trusted by name. Such a connection
    /// is flagged and not used.
    pub fn untrusted_host(&self) -> Option<String> {
        self.host_needing_trust()
            .filter(|host| self.trusted_host.as_deref() != Some(host.as_str()))
    }

    /// The host of `aem_url` this connection's credentials may reach only once trusted by name,
    /// whether trusted or not: any but Adobe's AEM hosts, this computer included unless the
    /// connection is the sandbox, a local SDK login or a credential of an IMS on this computer
    /// (`trust`).
    pub(super) fn host_needing_trust(&self) -> Option<String> {
        trust::host_needing_trust(
            self.kind,
            self.sandbox,
            self.ims_base.as_deref(),
            &self.aem_url,
        )
    }

    /// Where this connection's credentials go, as its binding in the keychain keeps it.
    pub fn binding(&self) -> Binding {
        Binding {
            kind: self.kind,
            aem_url: self.aem_url.clone(),
            ims_base: self.ims_base.clone(),
            trusted_host: self.trusted_host.clone(),
            sandbox: self.sandbox,
        }
    }

    /// Refuses, in words naming the host, a connection whose tokens would go to a host the
    /// user has not trusted.
    pub fn require_trusted_host(&self) -> Result<(), Error> {
        match self.untrusted_host() {
            None => Ok(()),
            Some(host) => Err(Error::message(
                ErrorCode::UntrustedHost,
                "error-host-not-trusted",
                vec![
                    ("name", self.name.as_str().into()),
                    ("host", host.into()),
                    ("place", trust::place_of(&self.aem_url).into()),
                ],
            )),
        }
    }

    /// What identifies "the same credential" on a second import: the client id, or for
    /// development tokens and SDK logins, who it acts as on which server.
    pub(crate) fn identity(&self) -> String {
        identity(
            self.kind,
            self.client_id.as_deref(),
            self.acts_as.as_deref(),
            &self.aem_url,
        )
    }

    /// When the credential stops working, if it does on its own.
    pub fn expires_at(&self) -> Option<OffsetDateTime> {
        self.certificate_expires_at.or(self.token_expires_at)
    }

    pub fn status(&self, now: OffsetDateTime) -> ConnectionStatus {
        let Some(expires) = self.expires_at() else {
            return ConnectionStatus::Ok;
        };
        let left = expires - now;
        let warn_within = if self.certificate_expires_at.is_some() {
            CERTIFICATE_WARNING
        } else {
            TOKEN_WARNING
        };
        if left <= Duration::ZERO {
            ConnectionStatus::Expired
        } else if left < warn_within {
            ConnectionStatus::ExpiresSoon {
                days: left.whole_days().clamp(0, 30) as i32,
            }
        } else {
            ConnectionStatus::Ok
        }
    }

    /// Its name as facts when Metadesk made it (shown in each reader's language), else `None`.
    pub fn auto_name(&self) -> Option<AutoName> {
        AutoName::of(
            &self.name,
            self.client_id.as_deref(),
            self.technical_account_email.as_deref(),
        )
    }

    /// The redacted view of this connection.
    pub fn view(&self, now: OffsetDateTime) -> ConnectionView {
        let status = self.status(now);
        ConnectionView {
            id: self.id.clone(),
            name: self.name.clone(),
            kind: self.kind,
            aem_url: self.aem_url.clone(),
            host: urls::host_of(&self.aem_url),
            ims_base: self.ims_base.clone(),
            ims_host: self.ims_base.as_deref().map(urls::host_of),
            client_id: self.client_id.clone(),
            technical_account_email: self.technical_account_email.clone(),
            acts_as: self.acts_as.clone(),
            org: self.org.clone(),
            scopes: self.scopes.clone(),
            certificate_expires_at: self.certificate_expires_at.map(rfc3339),
            token_expires_at: self.token_expires_at.map(rfc3339),
            production: self.production,
            sandbox: self.sandbox,
            status_words: status_words(&status, self.expires_at(), now),
            status,
            secret_hints: self.secret_hints.clone(),
            imported_at: rfc3339(self.imported_at),
            paired_with: self.paired_with.clone(),
            untrusted_host: self.untrusted_host(),
            edits_fragments: self.kind.edits_fragments(),
            auto_name: self.auto_name(),
        }
    }
}

pub(crate) fn identity(
    kind: CredentialKind,
    client_id: Option<&str>,
    acts_as: Option<&str>,
    aem_url: &str,
) -> String {
    match (kind, client_id) {
        (_, Some(client_id)) => format!("client:{client_id}"),
        (CredentialKind::LocalSdk, None) => format!("sdk:{}@{aem_url}", acts_as.unwrap_or("")),
        (_, None) => format!("token:{}@{aem_url}", acts_as.unwrap_or("")),
    }
}

/// Whether a connection still works on its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "state", rename_all = "camelCase")]
pub enum ConnectionStatus {
    Ok,
    /// Expires within 30 days (certificates) or 2 hours (development tokens); `days` is whole
    /// days left, 0 on the last day.
    ExpiresSoon {
        days: i32,
    },
    Expired,
}

/// "ok", "expires in 12 days", "expires in 3 hours", "expired on 14 Feb 2026".
fn status_words(
    status: &ConnectionStatus,
    expires: Option<OffsetDateTime>,
    now: OffsetDateTime,
) -> Text {
    match (status, expires) {
        (ConnectionStatus::Expired, Some(at)) => {
            Text::new("connection-status-expired", vec![("date", Part::Date(at))])
        }
        (ConnectionStatus::ExpiresSoon { days: 0 }, Some(at)) => Text::new(
            "connection-status-expires-hours",
            vec![("hours", ((at - now).whole_hours().max(0) as f64).into())],
        ),
        (ConnectionStatus::ExpiresSoon { days }, Some(_)) => Text::new(
            "connection-status-expires-days",
            vec![("days", f64::from(*days).into())],
        ),
        _ => Text::plain("connection-status-ok"),
    }
}

/// A connection as the UI and `connections list` show it. Secrets appear only as hints.
///
/// Its serialized form carries facts and machine keys only (`kind`, `status`, RFC 3339 dates,
/// structured `secretHints`), never words: the window words them itself in the language it
/// shows (features/connections/wording.ts), and `connections list --json` is read by scripts,
/// which need the same keys whatever the terminal's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionView {
    pub id: String,
    pub name: String,
    pub kind: CredentialKind,
    pub aem_url: String,
    /// "author-p1-e2.adobeaemcloud.com" or "localhost:4502".
    pub host: String,
    pub ims_base: Option<String>,
    /// Where the connection's secrets go to get tokens: "ims-na1.adobelogin.com", or
    /// "127.0.0.1:4555" for the sandbox. `None` for kinds that never ask IMS.
    pub ims_host: Option<String>,
    pub client_id: Option<String>,
    /// The AEM user to give permissions to.
    pub technical_account_email: Option<String>,
    pub acts_as: Option<String>,
    pub org: Option<String>,
    pub scopes: Vec<String>,
    /// RFC 3339, UTC.
    pub certificate_expires_at: Option<String>,
    /// RFC 3339, UTC.
    pub token_expires_at: Option<String>,
    pub production: bool,
    /// The app's own simulated AEM on this computer: show it as such, never like a real one.
    pub sandbox: bool,
    pub status: ConnectionStatus,
    /// The status in words for a face that prints them ("expires in 3 hours", "expired on
    /// 14 Feb 2026"); not serialized (see above).
    #[serde(skip)]
    #[ts(skip)]
    pub status_words: Text,
    /// e.g. "client secret ••••1d47", "private key (2048-bit RSA)", as data.
    pub secret_hints: Vec<SecretHint>,
    pub imported_at: String,
    /// OAuth S2S only: the id of its paired connection, which finds its assets (null: none).
    pub paired_with: Option<String>,
    /// The host of its AEM address when that needs trust (not Adobe's; this computer too for a
    /// credential issued by Adobe) and the user has not trusted it: the connection is not used
    /// until they do (null: none).
    pub untrusted_host: Option<String>,
    /// Whether its tokens reach content fragments (AEM's Sites API): the window offers only
    /// such connections for fragments.
    pub edits_fragments: bool,
    /// Its name as facts when Metadesk made it (null: the person's own, shown as it is): the
    /// window words it in its reader's language, told apart from another connection to the
    /// same environment by its account (issue 77). `name` stays the stored one.
    pub auto_name: Option<AutoName>,
}

/// The user's choices for an import. All optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct ImportOptions {
    /// The connection's name; default: the suggestion ("p12345-e67890").
    #[ts(optional)]
    pub name: Option<String>,
    /// The AEM author URL; default: inferred from a `cm-p…-e…` client id. Required for kinds
    /// that name no environment (development tokens, OAuth S2S).
    #[ts(optional)]
    pub aem_url: Option<String>,
    /// Which credential of a file that holds several (`CredentialChoice.key`).
    #[ts(optional)]
    pub choice: Option<String>,
    /// Mark as production; default: unchanged on update, off for new connections.
    #[ts(optional)]
    pub production: Option<bool>,
    /// The IMS an OAuth Server-to-Server credential gets its tokens from (a Developer Console
    /// project never names one); default: the one the connection already uses, else Adobe's
    /// production IMS. Only `https` on `*.adobelogin.com` or this computer is accepted.
    #[ts(optional)]
    pub ims_url: Option<String>,
    /// Replace a stored connection with the same client id even though the file's IMS, secret
    /// or kind differ (the user confirmed, or gave `--replace`).
    #[ts(optional)]
    pub replace: Option<bool>,
    /// The host of the AEM address the user trusts although it is not Adobe's (the window's
    /// confirmation, `--trust-host`): required for any host but AEM as a Cloud Service's
    /// author hosts, this computer included for a credential issued by Adobe (the sandbox, a
    /// local SDK login and a credential of an IMS on this computer need none there).
    #[ts(optional)]
    pub trust_host: Option<String>,
}

/// The secrets of a connection, read back from the keychain for the token code. Only the ones
/// its kind uses are present.
#[derive(Debug, Default)]
pub struct ConnectionSecrets {
    pub client_secret: Option<Secret>,
    /// PKCS#1 PEM with LF line endings.
    pub private_key_pem: Option<Secret>,
    pub dev_token: Option<Secret>,
    pub password: Option<Secret>,
    /// Where Metadesk bound the secrets to go (`None`: never bound): no authorizer is built
    /// for a connection whose file says otherwise.
    pub binding: Option<Binding>,
}
