//! A connection's destinations bound to its secrets: where its credentials may go (its kind,
//! AEM address, IMS address, the host the user trusted and the sandbox mark) is kept beside
//! them in the keychain (`conn/<id>/binding`), written only by Metadesk's own changes (an
//! import, "Edit address", trusting a host). `connections.json` is a plain file any program of
//! the user can edit: a connection whose file no longer says what the keychain holds sends
//! nothing (`checks::require_bound`), so pointing it at a server on this computer collects no token.
//!
//! Connections saved before the binding existed have none. One whose credentials go only to
//! Adobe's own hosts (an AEM as a Cloud Service author host over https, IMS under
//! `adobelogin.com`, nothing trusted, not the sandbox) is bound when first used: no program on
//! this computer could have collected anything there, whoever wrote the address. Any other
//! (this computer, a host trusted by name) may have been edited before the upgrade, so it is
//! refused until the person sets its address again (`Binding::may_bind_unseen`).
//!
//! Not here: reading and writing the keychain (`store`).

use serde::{Deserialize, Serialize};

use metadesk_base::net;
use metadesk_credentials::credentials::CredentialKind;
use metadesk_credentials::secrets::Secret;

/// What decides where a connection's credentials go, as Metadesk last saved it
/// (`Connection::binding` gives a connection's own).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Binding {
    pub(super) kind: CredentialKind,
    pub(super) aem_url: String,
    pub(super) ims_base: Option<String>,
    pub(super) trusted_host: Option<String>,
    pub(super) sandbox: bool,
}

impl Binding {
    /// The keychain entry's value. Not secret itself, but kept where the secrets are, out of
    /// reach of an edit to the connections file.
    pub(super) fn to_secret(&self) -> Secret {
        // A struct of strings and flags always serialises.
        Secret::new(serde_json::to_string(self).unwrap_or_default())
    }

    /// The binding an entry holds; `None` when it is not one (never written by Metadesk).
    pub(super) fn from_secret(secret: &Secret) -> Option<Self> {
        serde_json::from_str(secret.expose()).ok()
    }

    /// Whether this binding trusts exactly `host` (a host needing trust, as
    /// `Connection::host_needing_trust` names it): what an address set again, or a re-import,
    /// keeps of the trust given before (none when the host changed).
    pub(super) fn trusts(&self, host: &str) -> bool {
        self.trusted_host.as_deref() == Some(host)
    }

    /// Whether a connection saved before bindings existed may be bound without asking: its
    /// credentials go only to Adobe's hosts, which no program on this computer can stand in
    /// for, whoever wrote the address.
    pub(super) fn may_bind_unseen(&self) -> bool {
        // Named, not "needs no trust": that also holds for this computer, even over https.
        let adobe_aem = reqwest::Url::parse(&self.aem_url).is_ok_and(|url| {
            url.scheme() == "https"
                && url.port().is_none()
                && url.domain().is_some_and(net::is_aem_author_host)
        });
        adobe_aem
            && self.ims_base.as_deref().is_none_or(adobe_ims)
            && self.trusted_host.is_none()
            && !self.sandbox
    }
}

/// Whether `ims` is Adobe's IMS (https, under `adobelogin.com`), not this computer.
pub(super) fn adobe_ims(ims: &str) -> bool {
    net::ims_origin(ims).is_ok_and(|origin| {
        origin
            .host_str()
            .is_some_and(|host| host.ends_with(".adobelogin.com"))
    })
}
