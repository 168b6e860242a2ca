//! Which AEM host a connection's credentials may reach only once the user has trusted it by
//! name ([`host_needing_trust`]), the one place that decides it for the import, "Edit
//! address", a trust kept across a change, and every use.
//!
//! Adobe's AEM as a Cloud Service author hosts never need trust. This computer needs none only
//! where no Adobe-issued credential can go: the app's own sandbox, a local AEM SDK login, or a
//! credential whose IMS is on this computer too (its tokens come from there, so none of them is
//! Adobe's). An Adobe-issued credential (IMS at Adobe, or a development token whose IMS is
//! Adobe's or unknown) pointed at this computer needs trust like any other host: any program
//! of the user's can listen on a loopback port and collect its bearer tokens.
//!
//! Not here: what an address is ([`metadesk_base::net::aem_destination`]), asking and keeping
//! the trust (`checks`, `binding`).

use metadesk_base::net::{self, AemDestination};
use metadesk_credentials::credentials::CredentialKind;

/// The host (with its port) of `aem_url` that a credential of `kind`, with `ims_base`, marked
/// `sandbox` or not, may send to only once trusted by name; `None` when it needs no trust (or
/// the address does not parse, refused elsewhere).
pub(super) fn host_needing_trust(
    kind: CredentialKind,
    sandbox: bool,
    ims_base: Option<&str>,
    aem_url: &str,
) -> Option<String> {
    match net::aem_destination(aem_url)? {
        AemDestination::Adobe => None,
        AemDestination::ThisComputer(_)
            if sandbox || kind == CredentialKind::LocalSdk || ims_on_this_computer(ims_base) =>
        {
            None
        }
        AemDestination::ThisComputer(host) | AemDestination::Elsewhere(host) => Some(host),
    }
}

/// Where a host needing trust is, for the words asking for it (the catalogues'
/// `error-untrusted-host` and `error-host-not-trusted` read it as `place`): `here` (this
/// computer, asked of an Adobe-issued credential) or `elsewhere`.
pub(super) fn place_of(aem_url: &str) -> &'static str {
    match net::aem_destination(aem_url) {
        Some(AemDestination::ThisComputer(_)) => "here",
        _ => "elsewhere",
    }
}

/// Whether `ims_base` is an IMS on this computer (the sandbox's): a credential that gets its
/// tokens there holds none of Adobe's.
fn ims_on_this_computer(ims_base: Option<&str>) -> bool {
    ims_base
        .and_then(|ims| net::ims_origin(ims).ok())
        .is_some_and(|origin| origin.host().is_some_and(|host| net::is_loopback(&host)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const ADOBE_IMS: Option<&str> = Some("https://ims-na1.adobelogin.com");
    const LOCAL_IMS: Option<&str> = Some("http://127.0.0.1:4555");

    /// Seen failing before the rule: every credential on this computer needed no trust.
    #[test]
    fn this_computer_is_free_only_where_no_adobe_credential_goes() {
        use CredentialKind::*;
        for aem in ["http://127.0.0.1:4555", "http://localhost:4555"] {
            let host = aem.trim_start_matches("http://");
            // Adobe-issued: trusted by name like any other host.
            for (kind, ims) in [
                (OauthServerToServer, ADOBE_IMS),
                (ServiceCredentials, ADOBE_IMS),
                (LocalDevToken, ADOBE_IMS),
                (LocalDevToken, None),
            ] {
                assert_eq!(
                    host_needing_trust(kind, false, ims, aem).as_deref(),
                    Some(host),
                    "{kind:?} {ims:?} {aem}"
                );
            }
            // The sandbox, a local SDK, a credential of an IMS on this computer: free.
            for (kind, sandbox, ims) in [
                (LocalDevToken, true, ADOBE_IMS),
                (ServiceCredentials, true, LOCAL_IMS),
                (LocalSdk, false, None),
                (OauthServerToServer, false, LOCAL_IMS),
                (ServiceCredentials, false, Some("http://localhost:9")),
            ] {
                assert_eq!(
                    host_needing_trust(kind, sandbox, ims, aem),
                    None,
                    "{kind:?} {sandbox} {ims:?} {aem}"
                );
            }
        }
        // Elsewhere, nothing frees a host; Adobe's AEM hosts need no trust for anyone.
        for (kind, sandbox, ims) in [
            (LocalSdk, false, None),
            (ServiceCredentials, true, LOCAL_IMS),
        ] {
            assert_eq!(
                host_needing_trust(kind, sandbox, ims, "https://aem.example.test").as_deref(),
                Some("aem.example.test")
            );
        }
        assert_eq!(
            host_needing_trust(
                LocalDevToken,
                false,
                None,
                "https://author-p1-e2.adobeaemcloud.com"
            ),
            None
        );
    }
}
