//! The two addresses a connection needs, checked and normalised: the IMS base URL (from a
//! credential's `imsEndpoint`) and the AEM author URL (inferred from a `cm-p…-e…` client id,
//! or given by the user).
//!
//! Rule for both: `https`, except on this computer (127.0.0.0/8, `localhost`, `::1`), where the
//! local AEM SDK and the sandbox run over plain `http`; IMS also only on Adobe's hosts
//! (`metadesk_base::net` decides both).

use url::Url;

use metadesk_base::net::{self, UrlProblem};

/// The IMS that Adobe Developer Console credentials use when the file does not name one.
pub const DEFAULT_IMS_BASE: &str = "https://ims-na1.adobelogin.com";

/// The local AEM SDK's author URL.
pub const LOCAL_SDK_URL: &str = "http://localhost:4502";

/// Turns an `imsEndpoint` (or an IMS address the user gives) into a base URL without a
/// trailing slash, or says why secrets may not go there (see [`metadesk_base::net::ims_origin`]: `https`
/// on `*.adobelogin.com`, or this computer).
pub fn normalise_ims_base(raw: &str) -> Result<String, UrlProblem> {
    net::ims_origin(raw).map(|url| url.origin().ascii_serialization())
}

/// Checks an AEM author URL and reduces it to its origin (`https://author-p1-e2.adobeaemcloud.com`).
/// A URL typed without a scheme is taken as `https://`.
pub fn normalise_aem_url(raw: &str) -> Result<String, UrlProblem> {
    let raw = raw.trim();
    let with_scheme = if raw.contains("://") {
        raw.to_string()
    } else {
        format!("https://{raw}")
    };
    normalise_origin(&with_scheme)
}

fn normalise_origin(text: &str) -> Result<String, UrlProblem> {
    let url = Url::parse(text).map_err(|_| UrlProblem::new("not-web", text))?;
    net::require_secure(&url)?;
    if !url.username().is_empty() || url.password().is_some() {
        return Err(UrlProblem::new("credentials-in-url", text));
    }
    if url.path() != "/" || url.query().is_some() || url.fragment().is_some() {
        return Err(UrlProblem::new("aem-path", text));
    }
    Ok(url.origin().ascii_serialization())
}

/// Whether two AEM addresses are the same environment: the same scheme, host (in any case) and
/// port, whatever trailing slash or path either carries. The one comparison behind every "same
/// AEM" rule (a run's connection, a listing connection's pairing).
pub fn same_aem(a: &str, b: &str) -> bool {
    let origin = |text: &str| Url::parse(text.trim()).ok().map(|u| u.origin());
    match (origin(a), origin(b)) {
        (Some(a), Some(b)) => a.is_tuple() && a == b,
        _ => false,
    }
}

/// Program and environment numbers of a client id like `cm-p7603-e12614-integration` (or
/// `…-integration-0`).
pub fn program_and_environment(client_id: &str) -> Option<(u64, u64)> {
    let rest = client_id.strip_prefix("cm-p")?;
    let (program, rest) = rest.split_once("-e")?;
    let environment = rest.split('-').next()?;
    Some((program.parse().ok()?, environment.parse().ok()?))
}

/// Program and environment numbers of a Cloud Service address
/// (`https://author-p7603-e12614.adobeaemcloud.com`); `None` for any other address.
pub fn cloud_place(aem_url: &str) -> Option<(u64, u64)> {
    let host = Url::parse(aem_url).ok()?.host_str()?.to_ascii_lowercase();
    let (name, domain) = host.split_once('.')?;
    if !matches!(domain, "adobeaemcloud.com" | "adobeaemcloud.net") {
        return None;
    }
    let rest = ["author-p", "publish-p", "preview-p"]
        .iter()
        .find_map(|tier| name.strip_prefix(tier))?;
    let (program, rest) = rest.split_once("-e")?;
    let environment = rest.split('-').next()?;
    Some((program.parse().ok()?, environment.parse().ok()?))
}

/// The author URL that AEM as a Cloud Service gives the environment of a `cm-p…-e…` client id.
pub fn infer_author_url(client_id: &str) -> Option<String> {
    let (p, e) = program_and_environment(client_id)?;
    Some(format!("https://author-p{p}-e{e}.adobeaemcloud.com"))
}

/// The host (and port, if any) of a normalised URL, for lists ("author-p1-e2.adobeaemcloud.com").
pub fn host_of(url: &str) -> String {
    Url::parse(url)
        .ok()
        .and_then(|u| {
            let host = u.host_str()?.to_string();
            Some(match u.port() {
                Some(port) => format!("{host}:{port}"),
                None => host,
            })
        })
        .unwrap_or_else(|| url.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ims_endpoint_forms() {
        assert_eq!(
            normalise_ims_base("ims-na1.adobelogin.com").unwrap(),
            DEFAULT_IMS_BASE
        );
        assert_eq!(
            normalise_ims_base(" ims-na1.adobelogin.com/ ").unwrap(),
            DEFAULT_IMS_BASE
        );
        assert_eq!(
            normalise_ims_base("https://ims-na1-stg1.adobelogin.com").unwrap(),
            "https://ims-na1-stg1.adobelogin.com"
        );
        assert_eq!(
            normalise_ims_base("http://127.0.0.1:8123").unwrap(),
            "http://127.0.0.1:8123"
        );
        assert_eq!(
            normalise_ims_base("http://localhost:9").unwrap(),
            "http://localhost:9"
        );
        assert_eq!(
            normalise_ims_base("http://[::1]:9").unwrap(),
            "http://[::1]:9"
        );
        assert!(
            normalise_ims_base("http://ims-na1.adobelogin.com")
                .unwrap_err()
                .to_string()
                .contains("https")
        );
        assert!(normalise_ims_base("").is_err());
    }

    #[test]
    fn aem_url_forms() {
        let cloud = "https://author-p1-e2.adobeaemcloud.com";
        assert_eq!(normalise_aem_url(cloud).unwrap(), cloud);
        assert_eq!(normalise_aem_url(&format!("{cloud}/")).unwrap(), cloud);
        assert_eq!(
            normalise_aem_url("author-p1-e2.adobeaemcloud.com").unwrap(),
            cloud
        );
        assert_eq!(normalise_aem_url(LOCAL_SDK_URL).unwrap(), LOCAL_SDK_URL);
        assert!(normalise_aem_url("http://author-p1-e2.adobeaemcloud.com").is_err());
        assert!(normalise_aem_url("https://u:p@host.example").is_err());
        assert!(
            normalise_aem_url("https://host.example/content/dam")
                .unwrap_err()
                .to_string()
                .contains("path")
        );
        assert!(normalise_aem_url("ftp://host.example").is_err());
        assert!(normalise_aem_url("not a url").is_err());
    }

    #[test]
    fn author_url_is_inferred_from_cloud_client_ids() {
        assert_eq!(
            infer_author_url("cm-p7603-e12614-integration").as_deref(),
            Some("https://author-p7603-e12614.adobeaemcloud.com")
        );
        assert_eq!(
            program_and_environment("cm-p1-e2-integration-0"),
            Some((1, 2))
        );
        assert_eq!(infer_author_url("cm-px-e2-integration"), None);
        assert_eq!(infer_author_url("0a1b2c3d4e5f"), None);
    }

    #[test]
    fn cloud_places_are_read_from_cloud_addresses_only() {
        let place = |url| cloud_place(url);
        assert_eq!(
            place("https://author-p7603-e12614.adobeaemcloud.com"),
            Some((7603, 12614))
        );
        assert_eq!(
            place("https://AUTHOR-p1-e2-cmstg.adobeaemcloud.net/"),
            Some((1, 2))
        );
        assert_eq!(place("https://author-p1-e2.example.com"), None);
        assert_eq!(place("http://127.0.0.1:4502"), None);
        assert_eq!(place("not a url"), None);
    }

    #[test]
    fn same_aem_compares_origins() {
        let cloud = "https://author-p1-e2.adobeaemcloud.com";
        assert!(same_aem(cloud, "https://AUTHOR-p1-e2.adobeaemcloud.com/"));
        assert!(same_aem(
            cloud,
            "https://author-p1-e2.adobeaemcloud.com:443"
        ));
        assert!(!same_aem(cloud, "https://author-p1-e3.adobeaemcloud.com"));
        assert!(!same_aem("http://127.0.0.1:4502", "http://127.0.0.1:4503"));
        assert!(!same_aem("http://localhost:4502", "https://localhost:4502"));
        assert!(!same_aem("not a url", "not a url"));
    }

    #[test]
    fn host_of_keeps_the_port() {
        assert_eq!(host_of("http://localhost:4502"), "localhost:4502");
        assert_eq!(host_of("https://a.example"), "a.example");
    }
}
