//! Where a secret may be sent, decided in one place below `credentials`, `ims` and `aem`:
//! what "this computer" is ([`is_loopback`]), the transport rule for anything carrying a
//! credential ([`require_secure`]: `https`, or plain `http` on this computer only) and the IMS
//! allow-list ([`ims_origin`]: `https` on a host under `adobelogin.com`, or this computer).
//!
//! Not here: AEM addresses as users type them (`credentials::urls`), the HTTP clients.

use url::{Host, Url};

use crate::i18n::{Localizer, MessageArg, Part, Text};

/// The domain every Adobe IMS host lives under (`ims-na1.adobelogin.com`, `…-stg1…`).
const IMS_DOMAIN: &str = "adobelogin.com";

/// Whether `host` is this computer: `localhost`, 127.0.0.0/8 or `::1`. Only those may be
/// reached over plain `http`, and the sandbox and the local AEM SDK run there.
pub fn is_loopback(host: &Host<&str>) -> bool {
    match host {
        Host::Domain(name) => name.eq_ignore_ascii_case("localhost"),
        Host::Ipv4(ip) => ip.is_loopback(),
        Host::Ipv6(ip) => ip.is_loopback(),
    }
}

/// Refuses URLs a credential must not travel to: anything but `https`, except `http` on this
/// computer. The reason is a clause naming the URL ("\"http://x\" uses plain http; …").
pub fn require_secure(url: &Url) -> Result<(), UrlProblem> {
    let host = url.host().ok_or_else(|| UrlProblem::new("no-host", url))?;
    match url.scheme() {
        "https" => Ok(()),
        "http" if is_loopback(&host) => Ok(()),
        "http" => Err(UrlProblem::new("plain-http", url)),
        _ => Err(UrlProblem::new("not-web", url)),
    }
}

/// Why an address may not be used: a key of the catalogue's `url-problem` ("plain-http") and
/// the address as given. `Display` gives the English words (the log).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlProblem {
    pub problem: &'static str,
    pub text: String,
}

impl UrlProblem {
    pub fn new(problem: &'static str, text: impl ToString) -> Self {
        UrlProblem {
            problem,
            text: text.to_string(),
        }
    }

    /// The arguments `{ url-problem }` reads, for a message that includes it.
    pub fn args(&self) -> Vec<(&'static str, MessageArg)> {
        vec![
            ("problem", self.problem.into()),
            ("text", self.text.as_str().into()),
        ]
    }

    /// [`UrlProblem::args`] for a [`Text`].
    pub fn parts(&self) -> Vec<(&'static str, Part)> {
        self.args()
            .into_iter()
            .map(|(name, value)| (name, Part::Arg(value)))
            .collect()
    }

    /// The problem in `l`'s language.
    pub fn localized(&self, l: &Localizer) -> String {
        Text::new("url-problem", self.parts()).localized(l)
    }
}

impl std::fmt::Display for UrlProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.localized(&Localizer::english()))
    }
}

/// Reads an IMS address as a credential or a user gives it and returns its origin, or why it
/// may not receive secrets. A bare host (`ims-na1.adobelogin.com`, the real case) means
/// `https://`. Allowed: `https` on a host under `adobelogin.com`, or this computer (the
/// sandbox). Refused: anything else, including look-alikes (`adobelogin.com.evil.test`),
/// user-name tricks (`https://ims-na1.adobelogin.com@evil.test`) and IP addresses that are not
/// loopback. The host is compared after the URL parser has decoded and lower-cased it, so
/// percent-encoding and case cannot disguise another host.
pub fn ims_origin(raw: &str) -> Result<Url, UrlProblem> {
    let text = raw.trim().trim_end_matches('/');
    if text.is_empty() {
        return Err(UrlProblem::new("no-ims", ""));
    }
    let with_scheme = if text.contains("://") {
        text.to_string()
    } else {
        format!("https://{text}")
    };
    let url = Url::parse(&with_scheme).map_err(|e| {
        tracing::info!(error = %e, "an IMS address that does not parse");
        UrlProblem::new("bad-host", text)
    })?;
    if !url.username().is_empty() || url.password().is_some() {
        return Err(UrlProblem::new("credentials-in-url", text));
    }
    if url.path() != "/" || url.query().is_some() || url.fragment().is_some() {
        return Err(UrlProblem::new("ims-path", text));
    }
    require_secure(&url)?;
    let host = url.host().ok_or_else(|| UrlProblem::new("no-host", text))?;
    let adobe = matches!(host, Host::Domain(name) if is_under(name, IMS_DOMAIN));
    if !adobe && !is_loopback(&host) {
        return Err(UrlProblem::new("not-ims", text));
    }
    let origin = url.origin().ascii_serialization();
    Url::parse(&origin).map_err(|e| {
        tracing::info!(error = %e, "an IMS origin that does not parse");
        UrlProblem::new("unusable", text)
    })
}

/// The domain of AEM as a Cloud Service's author hosts.
const AEM_CLOUD_DOMAIN: &str = ".adobeaemcloud.com";

/// Whether `name` is an AEM as a Cloud Service author host:
/// `author-p<digits>-e<digits>[-cmstg].adobeaemcloud.com`, exactly (not a look-alike such as
/// `author-p1-e2.adobeaemcloud.com.evil.test`).
pub fn is_aem_author_host(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    let Some(label) = name.strip_suffix(AEM_CLOUD_DOMAIN) else {
        return false;
    };
    let label = label.strip_suffix("-cmstg").unwrap_or(label);
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    label
        .strip_prefix("author-p")
        .and_then(|rest| rest.split_once("-e"))
        .is_some_and(|(program, environment)| digits(program) && digits(environment))
}

/// Where an AEM address would send a connection's credentials, for the trust rule
/// (`store::connections::trust` decides, knowing the credential).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AemDestination {
    /// `https` on an AEM as a Cloud Service author host.
    Adobe,
    /// This computer (the sandbox, the local AEM SDK, or any program listening there); the
    /// host with its port, as a trust names it (`127.0.0.1:4502`).
    ThisComputer(String),
    /// Any other host, with its port if any.
    Elsewhere(String),
}

/// Where `aem_url` sends credentials; `None` for an address that does not parse (refused
/// elsewhere).
pub fn aem_destination(aem_url: &str) -> Option<AemDestination> {
    let url = Url::parse(aem_url.trim()).ok()?;
    let host = url.host()?;
    if matches!(&host, Host::Domain(name) if url.scheme() == "https" && is_aem_author_host(name)) {
        return Some(AemDestination::Adobe);
    }
    let named = match url.port() {
        Some(port) => format!("{host}:{port}"),
        None => host.to_string(),
    };
    Some(if is_loopback(&host) {
        AemDestination::ThisComputer(named)
    } else {
        AemDestination::Elsewhere(named)
    })
}

/// Whether `name` is a host under `domain` (`ims-na1.adobelogin.com` under `adobelogin.com`;
/// not `adobelogin.com` itself, not `evil-adobelogin.com`, not `adobelogin.com.evil.test`).
fn is_under(name: &str, domain: &str) -> bool {
    name.len() > domain.len() + 1
        && name
            .strip_suffix(domain)
            .is_some_and(|prefix| prefix.ends_with('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Seen failing without it: a look-alike host was taken as Adobe's.
    #[test]
    fn only_aem_author_hosts_are_adobe_and_loopback_is_this_computer() {
        for adobe in [
            "https://author-p1-e2.adobeaemcloud.com",
            "https://AUTHOR-P7603-E12614.adobeaemcloud.com/",
            "https://author-p1-e2-cmstg.adobeaemcloud.com",
        ] {
            assert_eq!(
                aem_destination(adobe),
                Some(AemDestination::Adobe),
                "{adobe}"
            );
        }
        for (local, host) in [
            ("http://127.0.0.1:4502", "127.0.0.1:4502"),
            ("http://localhost:4502", "localhost:4502"),
            ("https://127.0.0.1:8443", "127.0.0.1:8443"),
            ("http://[::1]:9", "[::1]:9"),
        ] {
            assert_eq!(
                aem_destination(local),
                Some(AemDestination::ThisComputer(host.into())),
                "{local}"
            );
        }
        for (bad, host) in [
            (
                "https://author-p1-e2.adobeaemcloud.com.evil.test",
                "author-p1-e2.adobeaemcloud.com.evil.test",
            ),
            (
                "https://evil-author-p1-e2.adobeaemcloud.com",
                "evil-author-p1-e2.adobeaemcloud.com",
            ),
            (
                "https://publish-p1-e2.adobeaemcloud.com",
                "publish-p1-e2.adobeaemcloud.com",
            ),
            (
                "https://author-p-e2.adobeaemcloud.com",
                "author-p-e2.adobeaemcloud.com",
            ),
            (
                "https://author-px-e2.adobeaemcloud.com",
                "author-px-e2.adobeaemcloud.com",
            ),
            ("https://aem.example.com", "aem.example.com"),
            ("https://10.0.0.5", "10.0.0.5"),
        ] {
            assert_eq!(
                aem_destination(bad),
                Some(AemDestination::Elsewhere(host.into())),
                "{bad}"
            );
        }
        assert_eq!(aem_destination("not a url"), None);
    }

    fn origin(raw: &str) -> Result<String, String> {
        ims_origin(raw)
            .map(|u| u.origin().ascii_serialization())
            .map_err(|e| e.to_string())
    }

    #[test]
    fn adobe_ims_hosts_and_this_computer_are_allowed() {
        for (raw, expected) in [
            ("ims-na1.adobelogin.com", "https://ims-na1.adobelogin.com"),
            (
                " ims-na1.adobelogin.com/ ",
                "https://ims-na1.adobelogin.com",
            ),
            (
                "https://ims-na1-stg1.adobelogin.com",
                "https://ims-na1-stg1.adobelogin.com",
            ),
            (
                "https://IMS-NA1.AdobeLogin.com",
                "https://ims-na1.adobelogin.com",
            ),
            (
                "https://ims-na1.adobelogin.com:443",
                "https://ims-na1.adobelogin.com",
            ),
            ("http://127.0.0.1:8123", "http://127.0.0.1:8123"),
            ("http://localhost:9", "http://localhost:9"),
            ("http://[::1]:9", "http://[::1]:9"),
            ("https://127.0.0.1:9", "https://127.0.0.1:9"),
        ] {
            assert_eq!(origin(raw).as_deref(), Ok(expected), "{raw}");
        }
    }

    #[test]
    fn every_other_ims_address_is_refused_in_words() {
        let cases = [
            ("", "no IMS address"),
            ("http://ims-na1.adobelogin.com", "plain http"),
            ("https://ims.example.com", "is not Adobe IMS"),
            ("https://adobelogin.com", "is not Adobe IMS"),
            ("https://evil-adobelogin.com", "is not Adobe IMS"),
            ("https://adobelogin.com.evil.test", "is not Adobe IMS"),
            ("adobelogin.com.evil.test", "is not Adobe IMS"),
            (
                "https://ims-na1.adobelogin.com.evil.test",
                "is not Adobe IMS",
            ),
            ("https://ims-na1.adobelogin.com.", "is not Adobe IMS"),
            ("https://ims-na1.adobelogin.co", "is not Adobe IMS"),
            (
                "https://ims-na1.adobelogin.com@evil.test",
                "user name or password",
            ),
            (
                "https://evil.test@ims-na1.adobelogin.com",
                "user name or password",
            ),
            (
                "https://u:p@ims-na1.adobelogin.com",
                "user name or password",
            ),
            (
                "https://evil.test\\@ims-na1.adobelogin.com",
                "without a path",
            ),
            ("https://evil.test#.adobelogin.com", "without a path"),
            ("https://evil.test?.adobelogin.com", "without a path"),
            ("https://evil.test/.adobelogin.com", "without a path"),
            ("https://10.0.0.1", "is not Adobe IMS"),
            ("https://192.168.1.20:8443", "is not Adobe IMS"),
            ("https://[fe80::1]", "is not Adobe IMS"),
            ("https://[::ffff:10.0.0.1]", "is not Adobe IMS"),
            ("https://0x7f000002.example", "is not Adobe IMS"),
            ("http://10.0.0.1", "plain http"),
            ("https://ims-na1.adobelogin.com/ims/token", "without a path"),
            ("ftp://ims-na1.adobelogin.com", "not a web address"),
            ("ims na1", "not a valid host name"),
        ];
        for (raw, expected) in cases {
            let err = origin(raw).expect_err(raw);
            assert!(err.contains(expected), "{raw:?}: {err}");
        }
    }

    #[test]
    fn secure_means_https_or_this_computer() {
        let ok = |u: &str| require_secure(&Url::parse(u).unwrap()).is_ok();
        assert!(ok("https://author-p1-e2.adobeaemcloud.com"));
        assert!(ok("http://localhost:4502"));
        assert!(ok("http://127.0.0.2:4502"));
        assert!(ok("http://[::1]:4502"));
        assert!(!ok("http://author-p1-e2.adobeaemcloud.com"));
        assert!(!ok("http://localhost.evil.test"));
        assert!(!ok("ftp://localhost"));
    }
}
