//! The reads a field report makes: every read Metadesk relies on, each with the answer
//! Metadesk expects (an example whose values give the types, `key?` optional). None of them
//! changes anything in AEM: GETs, and POSTs that only ask (the OpenAPI search, by its
//! parameter's name since release 27550 and, where AEM refuses that with 400, by the old one).
//!
//! A read's path is built twice at once: the path sent, and the path the report shows, where
//! the folder and the asset are placeholders (`{folder}`, `{asset}`), so no name leaves.
//!
//! Not here: running them and recording the answers (`mod.rs`), shapes (`shape.rs`).

use metadesk_assets::open_search::{SEARCH, SEARCH_BEFORE_27550};
use metadesk_assets::probe::{REPLICATE_PRIVILEGE, WRITE_PRIVILEGE};
use metadesk_assets::schema::{CONF_FORMS, LIBS_FORMS};
use metadesk_credentials::credentials::ApiFamily;
use serde_json::{Value, json};

/// Where a read goes, as sent and as shown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Target {
    pub sent: String,
    pub shown: String,
    query: Vec<(String, String, String)>,
}

impl Target {
    fn at(path: &str) -> Self {
        Target {
            sent: path.to_owned(),
            shown: path.to_owned(),
            query: Vec::new(),
        }
    }

    /// `path`'s segments, each percent-encoded, shown as `{name}`.
    fn place(mut self, name: &str, path: &str) -> Self {
        self.sent.push_str(&encoded_path(path));
        self.shown.push('{');
        self.shown.push_str(name);
        self.shown.push('}');
        self
    }

    fn then(mut self, text: &str) -> Self {
        self.sent.push_str(text);
        self.shown.push_str(text);
        self
    }

    fn query(mut self, key: &str, value: &str) -> Self {
        self.query
            .push((key.to_owned(), value.to_owned(), value.to_owned()));
        self
    }

    /// A query parameter whose value is a place, shown as `{name}`.
    fn query_place(mut self, key: &str, name: &str, value: &str) -> Self {
        self.query
            .push((key.to_owned(), value.to_owned(), format!("{{{name}}}")));
        self
    }

    /// The paths with their queries.
    fn done(mut self) -> Self {
        if !self.query.is_empty() {
            let encode = || {
                let mut q = url::form_urlencoded::Serializer::new(String::new());
                for (k, sent, _) in &self.query {
                    q.append_pair(k, sent);
                }
                q.finish()
            };
            // What the report shows is read by people, never sent: as written, unencoded.
            let shown: Vec<String> = self
                .query
                .iter()
                .map(|(k, _, show)| format!("{k}={show}"))
                .collect();
            self.sent = format!("{}?{}", self.sent, encode());
            self.shown = format!("{}?{}", self.shown, shown.join("&"));
            self.query.clear();
        }
        self
    }
}

/// `folder` below `/content/dam`, as the Assets HTTP API names it (`""` for the DAM root).
fn below_dam(folder: &str) -> &str {
    folder
        .strip_prefix(metadesk_assets::DAM_ROOT)
        .unwrap_or(folder)
}

/// `path`'s segments percent-encoded, `/` kept.
fn encoded_path(path: &str) -> String {
    if path.split('/').all(str::is_empty) {
        return String::new();
    }
    // The URL crate encodes a segment as AEM's requests do (`assets/classic.rs`).
    let Ok(mut url) = url::Url::parse("http://localhost/") else {
        return path.to_owned();
    };
    if let Ok(mut parts) = url.path_segments_mut() {
        parts
            .clear()
            .extend(path.split('/').filter(|s| !s.is_empty()));
    }
    url.path().to_owned()
}

/// One read of the report.
#[derive(Debug, Clone)]
pub(super) struct Read {
    /// A stable key (`folder-listing`), also the catalogue's `field-report-read-…` id.
    pub id: &'static str,
    pub method: &'static str,
    pub target: Target,
    /// A JSON body (the OpenAPI search's).
    pub body: Option<Value>,
    /// Headers the read sends besides the token.
    pub headers: Vec<(&'static str, &'static str)>,
    /// The connections that rely on it; for the others it is recorded, not compared.
    pub relied_on: &'static [ApiFamily],
    /// Whether 404 is an answer Metadesk reads ("none here": a form nobody overlaid).
    pub absent_ok: bool,
    /// The answer Metadesk expects.
    pub expected: Value,
}

const CLASSIC: &[ApiFamily] = &[ApiFamily::Classic];
const OPENAPI: &[ApiFamily] = &[ApiFamily::OpenApi];

fn get(id: &'static str, target: Target, relied_on: &'static [ApiFamily], expected: Value) -> Read {
    Read {
        id,
        method: "GET",
        target: target.done(),
        body: None,
        headers: Vec::new(),
        relied_on,
        absent_ok: false,
        expected,
    }
}

/// The folder's listing: read first, since it names the asset the other reads ask about.
pub(super) fn listing(folder: &str) -> Read {
    get(
        "folder-listing",
        Target::at("/api/assets")
            .place("folder", below_dam(folder))
            .then(".json")
            .query("offset", "0")
            .query("limit", "5"),
        CLASSIC,
        json!({"class": [""], "properties?": {}, "entities?": [{"class": [""], "properties": {"name": ""}}]}),
    )
}

/// The OpenAPI search's read, by the parameter's name since release 27550.
pub(super) const OPEN_SEARCH: &str = "openapi-search";

/// The OpenAPI search of `folder`'s first assets, sent to `path` (the search with the
/// parameter by one of its names).
fn open_search(id: &'static str, path: &str, folder: &str) -> Read {
    let search = metadesk_assets::open_search::request_body(
        &metadesk_bulk::open_query::folder_items(folder, false),
        2,
        None,
    );
    Read {
        id,
        method: "POST",
        target: Target::at(path),
        body: Some(search),
        headers: vec![("X-Adobe-Accept-Experimental", "1")],
        relied_on: OPENAPI,
        absent_ok: false,
        expected: json!({"hits": {"results": [{"assetId": "", "repositoryMetadata": {}}]}}),
    }
}

/// The same search with the parameter by its name before release 27550, which Metadesk asks
/// with when the new name is refused with 400 (`open_search::send`): made only then, so the
/// report says which name this AEM answered.
pub(super) fn open_search_before_27550(folder: &str) -> Read {
    open_search("openapi-search-before-27550", SEARCH_BEFORE_27550, folder)
}

/// The reads that need only the folder.
pub(super) fn of_folder(folder: &str) -> Vec<Read> {
    let qb = |id, extra: Option<&str>| {
        let mut t = Target::at("/bin/querybuilder.json")
            .query_place("path", "folder", folder)
            .query("type", "dam:Asset")
            .query("p.limit", "2")
            .query("p.hits", "selective")
            .query("p.properties", "jcr:path jcr:content/metadata/dc:title");
        if let Some(privilege) = extra {
            t = t.query("hasPermission", privilege);
        }
        get(
            id,
            t,
            CLASSIC,
            json!({"success?": true, "hits": [{"jcr:path": ""}], "total": 0, "more?": true}),
        )
    };
    vec![
        get(
            "csrf-token",
            Target::at("/libs/granite/csrf/token.json"),
            CLASSIC,
            json!({"token": ""}),
        ),
        get(
            "current-user",
            Target::at("/libs/granite/security/currentuser.json"),
            CLASSIC,
            json!({"authorizableId": ""}),
        ),
        get(
            "folder-node",
            Target::at("").place("folder", folder).then(".1.json"),
            CLASSIC,
            json!({"jcr:primaryType": ""}),
        ),
        get(
            "folder-settings",
            Target::at("")
                .place("folder", folder)
                .then("/jcr:content.json"),
            CLASSIC,
            json!({"jcr:primaryType": "", "metadataSchema?": ""}),
        ),
        qb("querybuilder", None),
        qb("permission-modify", Some(WRITE_PRIVILEGE)),
        qb("permission-replicate", Some(REPLICATE_PRIVILEGE)),
        open_search(OPEN_SEARCH, SEARCH, folder),
        Read {
            headers: vec![("X-Adobe-Accept-Experimental", "1")],
            ..get(
                "folders-api",
                Target::at("/adobe/folders")
                    .query_place("path", "folder", folder)
                    .query("limit", "5"),
                OPENAPI,
                json!({"children": [{"path?": ""}]}),
            )
        },
        get(
            "schema-default-libs",
            Target::at(&format!("{LIBS_FORMS}/default.infinity.json")),
            CLASSIC,
            json!({"jcr:primaryType": ""}),
        ),
        Read {
            // Only where someone changed the default form.
            absent_ok: true,
            ..get(
                "schema-default-conf",
                Target::at(&format!("{CONF_FORMS}/default.infinity.json")),
                CLASSIC,
                json!({"jcr:primaryType": ""}),
            )
        },
        get(
            "tags",
            Target::at("/content/cq:tags.1.json"),
            CLASSIC,
            json!({"jcr:primaryType": ""}),
        ),
        Read {
            headers: vec![("X-Adobe-Accept-Experimental", "1")],
            ..get(
                "fragments",
                Target::at("/adobe/sites/cf/fragments")
                    .query_place("path", "folder", folder)
                    .query("limit", "2"),
                OPENAPI,
                json!({"items": [{"id": "", "path": "", "model?": {"id": ""}}], "cursor?": ""}),
            )
        },
        Read {
            headers: vec![("X-Adobe-Accept-Experimental", "1")],
            ..get(
                "fragment-models",
                Target::at("/adobe/sites/cf/models"),
                OPENAPI,
                json!({"items": [{"id": ""}]}),
            )
        },
        get(
            "graphql-endpoints",
            Target::at("/content/_cq_graphql.1.json"),
            CLASSIC,
            json!({"jcr:primaryType?": ""}),
        ),
        get(
            "persisted-queries",
            Target::at("/graphql/list.json"),
            CLASSIC,
            json!([{"queries": [{"path?": {"shortForm": ""}}]}]),
        ),
    ]
}

/// The reads about one asset of the folder.
pub(super) fn of_asset(asset: &str) -> Vec<Read> {
    vec![
        get(
            "asset-node",
            Target::at("").place("asset", asset).then(".2.json"),
            CLASSIC,
            json!({"jcr:primaryType": "", "jcr:content": {"metadata?": {}}}),
        ),
        // The two renderings of its metadata that uploads and unpublishes compare (their
        // codes, `assets::fingerprint`): each value's type should agree between them.
        get(
            "asset-content",
            Target::at("")
                .place("asset", asset)
                .then("/jcr:content.1.json"),
            CLASSIC,
            json!({"jcr:lastModified": "", "dam:assetState?": "", "metadata": {}}),
        ),
        get(
            "asset-check",
            Target::at("/bin/querybuilder.json")
                .query("group.p.or", "true")
                .query_place("group.1_path", "asset", asset)
                .query("group.1_path.exact", "true")
                .query("p.limit", "1")
                .query("p.hits", "full")
                .query("p.nodedepth", "2"),
            CLASSIC,
            json!({"hits": [{"jcr:path": "", "jcr:content": {"jcr:lastModified": "", "metadata": {}}}]}),
        ),
        get(
            "references",
            Target::at("/bin/wcm/references.json")
                .query_place("path", "asset", asset)
                .query("predicate", "wcmcontent")
                .query("_charset_", "utf-8"),
            CLASSIC,
            json!({"pages": [{"srcPath?": "", "path": ""}]}),
        ),
    ]
}

/// The reference search of two assets at once (issue 78): whether this AEM's answer to
/// several paths names the asset each page uses (`srcPath`), which Metadesk needs to ask 20
/// paths a request; where it does not, Metadesk asks one path at a time.
pub(super) fn references_several(asset: &str, other: &str) -> Read {
    get(
        REFERENCES_SEVERAL,
        Target::at("/bin/wcm/references.json")
            .query_place("path", "asset", asset)
            .query_place("path", "other_asset", other)
            .query("predicate", "wcmcontent")
            .query("_charset_", "utf-8"),
        CLASSIC,
        json!({"pages": [{"srcPath": "", "path": ""}]}),
    )
}

/// The key of [`references_several`].
pub(super) const REFERENCES_SEVERAL: &str = "references-several";

/// The assets an answer of the listing names, under `folder`, in its order.
pub(super) fn assets_named(listing: &Value, folder: &str) -> Vec<String> {
    let Some(entities) = listing.get("entities").and_then(Value::as_array) else {
        return Vec::new();
    };
    entities
        .iter()
        .filter(|e| {
            e.get("class")
                .and_then(Value::as_array)
                .is_some_and(|c| c.iter().any(|c| c.as_str() == Some("assets/asset")))
        })
        .filter_map(|e| e.pointer("/properties/name").and_then(Value::as_str))
        .map(|name| format!("{}/{name}", folder.trim_end_matches('/')))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_target_sends_the_names_and_shows_placeholders() {
        let t = Target::at("/bin/querybuilder.json")
            .query_place("path", "folder", "/content/dam/été 2026")
            .query("p.limit", "2")
            .done();
        assert_eq!(
            t.sent,
            "/bin/querybuilder.json?path=%2Fcontent%2Fdam%2F%C3%A9t%C3%A9+2026&p.limit=2"
        );
        assert_eq!(t.shown, "/bin/querybuilder.json?path={folder}&p.limit=2");
        let listing = listing("/content/dam/a b");
        assert_eq!(
            listing.target.sent,
            "/api/assets/a%20b.json?offset=0&limit=5"
        );
        assert_eq!(
            listing.target.shown,
            "/api/assets{folder}.json?offset=0&limit=5"
        );
        assert_eq!(
            super::listing("/content/dam").target.sent,
            "/api/assets.json?offset=0&limit=5"
        );
        let node = Target::at("")
            .place("asset", "/content/dam/a b/x#1.jpg")
            .then(".2.json");
        assert_eq!(node.sent, "/content/dam/a%20b/x%231.jpg.2.json");
        assert_eq!(node.shown, "{asset}.2.json");
    }

    #[test]
    fn no_read_shows_a_name() {
        let folder = "/content/dam/secret-campaign";
        let asset = "/content/dam/secret-campaign/launch.jpg";
        let reads = listing_and_all(folder, asset);
        for read in reads {
            assert!(
                !read.target.shown.contains("secret"),
                "{}",
                read.target.shown
            );
        }
    }

    fn listing_and_all(folder: &str, asset: &str) -> Vec<Read> {
        let mut reads = vec![listing(folder)];
        reads.extend(of_folder(folder));
        reads.extend(of_asset(asset));
        reads.push(references_several(
            asset,
            "/content/dam/secret-campaign/teaser.jpg",
        ));
        reads
    }

    #[test]
    fn the_first_asset_is_found_in_a_siren_listing() {
        let listing = json!({"entities": [
            {"class": ["assets/folder"], "properties": {"name": "sub"}},
            {"class": ["assets/asset"], "properties": {"name": "b.jpg"}}]});
        assert_eq!(
            assets_named(&listing, "/content/dam/f/"),
            ["/content/dam/f/b.jpg"]
        );
        assert!(assets_named(&json!({}), "/content/dam/f").is_empty());
    }
}
