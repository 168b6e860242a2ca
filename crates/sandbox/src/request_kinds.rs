//! What an answered request was, in words a benchmark or a test can count by
//! (`Counters::by_kind`): a folder listing, an asset's read, a QueryBuilder check of exact paths
//! or of folders (with their publication states), a publication-state query, a search, an
//! OpenAPI search by the name of its parameter, a Sling POST, a CSRF token, a token exchange…
//! Told from the method, the path and the query string only, as a request log would.

/// The kind of a request to `path` with `query` (its raw query string).
pub(crate) fn kind(method: &str, path: &str, query: &str) -> &'static str {
    match (method, path) {
        (_, p) if p.starts_with("/ims/") => "ims token",
        ("GET", "/libs/granite/csrf/token.json") => "csrf token",
        ("GET", "/libs/granite/security/currentuser.json") => "current user",
        ("GET", "/bin/querybuilder.json") => query_kind(query),
        ("POST", "/bin/replicate.json") => "replicate",
        ("POST", "/bin/tagcommand") => "tag command",
        ("POST", "/bin/wcmcommand") => "wcm command",
        ("GET", "/bin/wcm/references.json") => "references",
        ("GET", p) if p == "/api/assets.json" || p.starts_with("/api/assets/") => "assets api get",
        ("PUT", p) if p.starts_with("/api/assets/") => "assets api put",
        ("DELETE", p) if p.starts_with("/api/assets/") => "assets api delete",
        ("GET", p) if p.starts_with("/content/cq:tags") => "taxonomy read",
        ("GET", p) if p.ends_with("/jcr:content/metadata.json") => "metadata read",
        ("GET", p) if p.starts_with("/content/") => "node read",
        ("POST", p) if p.starts_with("/content/cq:tags") => "taxonomy post",
        ("POST", p) if p.ends_with(".initiateUpload.json") => "upload initiate",
        ("POST", p) if p.ends_with(".completeUpload.json") => "upload complete",
        ("POST", p) if p.starts_with("/content/") => "sling post",
        ("POST", p) if p.starts_with("/api/assets/") => "assets api post",
        ("GET", p) if p.starts_with("/conf/") || p.starts_with("/libs/dam/") => "schema read",
        ("POST", "/adobe/assets/search") => open_search_kind(query),
        (_, p) if p.starts_with("/adobe/") => "openapi",
        (_, p) if p.starts_with("/graphql/") => "graphql",
        _ => "other",
    }
}

/// An OpenAPI search, by the name it allows an unindexed search with: the name since release
/// 27550, the name before it, or none (`assets_search.rs`).
fn open_search_kind(query: &str) -> &'static str {
    let allows = |name: &str| {
        url::form_urlencoded::parse(query.as_bytes()).any(|(k, v)| k == name && v == "true")
    };
    if allows("allowUnindexedSearch") {
        "openapi search"
    } else if allows("allowUnsafeSearch") {
        "openapi search allowUnsafeSearch"
    } else {
        "openapi search without allowing"
    }
}

/// A QueryBuilder request, by what it asks: an asset's publication on a tier, values of exact
/// paths, values of whole folders, or a search.
fn query_kind(query: &str) -> &'static str {
    let params: Vec<(String, String)> = url::form_urlencoded::parse(query.as_bytes())
        .into_owned()
        .collect();
    let has = |suffix: &str| {
        params
            .iter()
            .any(|(k, v)| k.ends_with(suffix) && v == "true")
    };
    let properties = params
        .iter()
        .find(|(k, _)| k == "p.properties")
        .map_or("", |(_, v)| v.as_str());
    if properties.contains("cq:lastReplicat") && properties.contains("jcr:content/metadata/") {
        "check of values and states"
    } else if properties.contains("cq:lastReplicat") {
        "state query"
    } else if params.iter().any(|(k, _)| k.ends_with("hasPermission")) {
        "permission query"
    } else if has("_path.exact") {
        "check of paths"
    } else if has("_path.flat") && params.iter().any(|(k, _)| k == "group.p.or") {
        "check of folders"
    } else {
        "search"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_are_told_apart() {
        assert_eq!(
            kind("GET", "/api/assets/a/b.json", "limit=20"),
            "assets api get"
        );
        assert_eq!(
            kind("GET", "/content/dam/a/x.jpg/jcr:content/metadata.json", ""),
            "metadata read"
        );
        assert_eq!(
            kind(
                "GET",
                "/bin/querybuilder.json",
                "group.p.or=true&group.1_path=%2Fcontent%2Fdam%2Fa%2Fx.jpg&group.1_path.exact=true"
            ),
            "check of paths"
        );
        assert_eq!(
            kind(
                "GET",
                "/bin/querybuilder.json",
                "group.p.or=true&group.1_path=%2Fcontent%2Fdam%2Fa&group.1_path.flat=true&type=dam%3AAsset"
            ),
            "check of folders"
        );
        assert_eq!(
            kind(
                "GET",
                "/bin/querybuilder.json",
                "group.p.or=true&group.1_path=%2Fx&group.1_path.exact=true\
                 &p.properties=jcr%3Apath+jcr%3Acontent%2Fcq%3AlastReplicated"
            ),
            "state query"
        );
        assert_eq!(
            kind(
                "GET",
                "/bin/querybuilder.json",
                "group.p.or=true&group.1_path=%2Fcontent%2Fdam%2Fa&group.1_path.flat=true\
                 &p.properties=jcr%3Apath+jcr%3Acontent%2Fmetadata%2Fdc%3Atitle\
                 +jcr%3Acontent%2Fcq%3AlastReplicated"
            ),
            "check of values and states"
        );
        assert_eq!(
            kind(
                "GET",
                "/bin/querybuilder.json",
                "path=%2Fcontent%2Fdam&type=dam%3AAsset"
            ),
            "search"
        );
        assert_eq!(kind("POST", "/content/dam/a", ""), "sling post");
        assert_eq!(
            kind("POST", "/adobe/assets/search", "allowUnindexedSearch=true"),
            "openapi search"
        );
        assert_eq!(
            kind("POST", "/adobe/assets/search", "allowUnsafeSearch=true"),
            "openapi search allowUnsafeSearch"
        );
        assert_eq!(
            kind("POST", "/adobe/assets/search", ""),
            "openapi search without allowing"
        );
        assert_eq!(kind("POST", "/ims/exchange/jwt", ""), "ims token");
    }
}
