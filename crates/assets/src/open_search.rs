//! AEM's author-tier OpenAPI search (`POST /adobe/assets/search`,
//! <https://experienceleague.adobe.com/en/docs/experience-cloud-kcs/kbarticles/ka-32230>): what
//! an OAuth Server-to-Server connection finds assets with. One request per page; the answer read
//! leniently (its shape is UNCONFIRMED: several plausible places for the hits, the cursor and the
//! total are accepted); every page of a cursor followed ([`OpenSearchWalk`]), a walk cut short
//! being an error and never the whole.
//!
//! What is sent is strict, and as Adobe's clients send it (`adobe-clients.md`):
//! `POST /adobe/assets/search?allowUnindexedSearch=true` with `{"query": [items…], "limit": n,
//! "sort": [{"field": "…", "order": "asc"}], "cursor": "…"}`, items built by `bulk::open_query`
//! from documented kinds only (`term`, `range`). The parameter's name is the one AEM took from
//! maintenance release 27550 on (ASSETS-70312, `adobe-wire-lifecycle.md` §2.7); an AEM before
//! it knows only `allowUnsafeSearch` (Adobe's working author example, KB ka-32230), ignores the
//! new name and refuses the search with 400: the same page is then asked once more with the
//! old name, and the client remembers that this AEM wants it ([`send`]).
//!
//! Not here: which conditions become which items (`bulk::open_query`), retries (the caller's).

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};

use reqwest::Method;
use reqwest::header::CONTENT_TYPE;
use serde_json::{Map, Value, json};

use super::{CallError, Entry, EntryKind, json_or_error};
use metadesk_base::i18n::{Part, Text};
use metadesk_clients::aem::AemClient;

/// Hits asked for per page (the Folders API's documented maximum; the search's is UNCONFIRMED).
pub const OPEN_PAGE: u64 = 50;
/// Pages followed at most (500,000 hits): beyond that AEM is taken to be looping.
const MAX_PAGES: usize = 10_000;
/// The field the hits are sorted on: the path, which an edit of metadata never changes.
pub const SORT_FIELD: &str = "repositoryMetadata.repo:path";

/// One answer of the OpenAPI search.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenPage {
    pub hits: Vec<OpenHit>,
    /// Where the next page starts; `None` on the last one.
    pub cursor: Option<String>,
    /// All matches, when AEM says; `at_least` when it says only a lower bound.
    pub total: Option<u64>,
    pub at_least: bool,
}

/// One asset found.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenHit {
    /// `urn:aaid:aem:…`, when the hit carries it.
    pub id: Option<String>,
    pub path: String,
    /// `assetMetadata`, when the hit carries it.
    pub metadata: Option<Map<String, Value>>,
}

impl OpenHit {
    /// The hit as a listing entry (its metadata is not taken for a read: the OpenAPI family
    /// reads each asset for its ETag before planning).
    pub fn entry(&self) -> Entry {
        Entry {
            path: self.path.clone(),
            name: self.path.rsplit('/').next().unwrap_or_default().to_owned(),
            kind: EntryKind::Asset,
            metadata: None,
        }
    }
}

/// The request body of one page.
pub fn request_body(items: &[Value], limit: u64, cursor: Option<&str>) -> Value {
    let sort = json!([{"field": SORT_FIELD, "order": "asc"}]);
    let mut body = json!({"query": items, "limit": limit, "sort": sort});
    if let Some(c) = cursor {
        body["cursor"] = json!(c);
    }
    body
}

/// The search, as sent: the parameter that allows a search no index serves, by its name since
/// maintenance release 27550 (`adobe-wire-lifecycle.md` §2.7).
pub const SEARCH: &str = "/adobe/assets/search?allowUnindexedSearch=true";
/// The same, by the name an AEM before release 27550 knows (KB ka-32230).
pub const SEARCH_BEFORE_27550: &str = "/adobe/assets/search?allowUnsafeSearch=true";

/// Sends one page's request with the connection's own token. `old_name` is what this client
/// learnt of its AEM: whether it knows the parameter only by its name before release 27550.
///
/// Strict in what is sent, lenient in what is accepted: the new name first; a 400 may be an
/// AEM before 27550, which ignores a parameter it does not know and refuses the unindexed
/// search, so the same page (a read: asking twice changes nothing) is asked once more with the
/// old name. Only an answer to the old name teaches the client to send it first from then on.
/// When both are refused, the old name's answer is the one returned: an AEM that knows the new
/// name ignores the old one and refuses the query for the same fault, while an AEM before 27550
/// says what is wrong with the query only to the name it knows.
pub async fn send(
    client: &AemClient,
    body: &Value,
    old_name: &AtomicBool,
) -> Result<Value, CallError> {
    if old_name.load(Ordering::Relaxed) {
        return send_to(client, SEARCH_BEFORE_27550, body).await;
    }
    match send_to(client, SEARCH, body).await {
        Err(CallError::Rejected { status: 400, .. }) => {
            let answer = send_to(client, SEARCH_BEFORE_27550, body).await?;
            tracing::info!(
                "AEM takes the search's parameter only by its name before release 27550 \
                 (allowUnsafeSearch); this connection sends that name from now on"
            );
            old_name.store(true, Ordering::Relaxed);
            Ok(answer)
        }
        answered => answered,
    }
}

async fn send_to(client: &AemClient, path: &str, body: &Value) -> Result<Value, CallError> {
    let url = client.url(path).map_err(CallError::from_aem)?;
    let text = body.to_string();
    let response = client
        .send(Method::POST, url, |r| {
            r.header("X-Adobe-Accept-Experimental", "1")
                .header(CONTENT_TYPE, "application/json")
                .body(text.clone())
        })
        .await
        .map_err(CallError::from_aem)?;
    let (answer, _) = json_or_error(response, crate::problem_detail).await?;
    Ok(answer)
}

/// Whether a failure means this AEM does not offer the search (so a paired classic connection
/// may search instead): 404, 501, or words saying it is not enabled. Anything else (403, a 400,
/// a 5xx) is a failure of the search itself.
pub fn unavailable(error: &CallError) -> bool {
    match error {
        CallError::NotFound => true,
        CallError::Rejected { status: 501, .. } => true,
        CallError::Rejected { detail, .. } => says_not_offered(&detail.to_string()),
        CallError::Forbidden(detail) => says_not_offered(detail),
        _ => false,
    }
}

/// Whether AEM's words say the search is not offered here.
fn says_not_offered(detail: &str) -> bool {
    let d = detail.to_ascii_lowercase();
    d.contains("not enabled") || d.contains("not available")
}

/// An answer of the search that cannot be used, told by `detail` (an `assets-search-…`).
fn bad(detail: Text) -> CallError {
    CallError::Rejected {
        status: 200,
        detail,
    }
}

fn text<'a>(v: &'a Value, keys: &[&str]) -> Option<&'a str> {
    keys.iter()
        .find_map(|k| v.get(*k).and_then(Value::as_str))
        .filter(|s| !s.is_empty())
}

/// A number, or an object holding one (`{"total": n}`, `{"value": n}`) with its relation.
fn total_of(v: &Value) -> Option<(u64, bool)> {
    if let Some(n) = v.as_u64() {
        return Some((n, false));
    }
    let n = v
        .get("total")
        .or_else(|| v.get("value"))
        .or_else(|| v.get("count"))
        .and_then(Value::as_u64)?;
    let relation = text(v, &["relation"]).unwrap_or("eq").to_ascii_lowercase();
    Some((
        n,
        matches!(relation.as_str(), "gte" | "gt" | "lower_bound" | "at_least"),
    ))
}

/// Reads one answer. Lenient where the shape is UNCONFIRMED: the hits under `hits.results`,
/// `hits`, `results` or `items`; each hit's path at `repositoryMetadata.repo:path`, `repo:path`
/// or `path`, its id at `assetId`, `id` or `repositoryMetadata.repo:assetId`; the cursor at
/// `cursor`, `nextCursor`, `next_cursor`, or under `paging`, `hits` or `search_metadata`; the
/// total at `search_metadata.totalCount`, `totalCount`, `total` or `hits.total` (a number or
/// `{total|value, relation}`, `gte` meaning a lower bound). An answer with no list of hits, or
/// a hit without a path, is an error: it is not "nothing found".
pub fn parse_answer(body: &Value) -> Result<OpenPage, CallError> {
    let list = body
        .get("hits")
        .and_then(|h| h.get("results"))
        .or_else(|| body.get("hits").filter(|h| h.is_array()))
        .or_else(|| body.get("results"))
        .or_else(|| body.get("items"))
        .and_then(Value::as_array)
        .ok_or_else(|| bad(Text::plain("assets-search-no-hits")))?;
    let mut hits = Vec::with_capacity(list.len());
    for hit in list {
        let repo = hit.get("repositoryMetadata").unwrap_or(&Value::Null);
        let path = text(repo, &["repo:path"])
            .or_else(|| text(hit, &["repo:path", "path"]))
            .ok_or_else(|| bad(Text::plain("assets-search-hit-without-path")))?;
        let id = text(hit, &["assetId", "id"])
            .or_else(|| text(repo, &["repo:assetId"]))
            .map(str::to_owned);
        hits.push(OpenHit {
            id,
            path: path.trim_end_matches('/').to_owned(),
            metadata: hit.get("assetMetadata").and_then(Value::as_object).cloned(),
        });
    }
    let nested = |key: &str| body.get(key).filter(|v| v.is_object());
    let cursor = text(body, &["cursor", "nextCursor", "next_cursor"])
        .or_else(|| {
            ["paging", "hits", "search_metadata", "page"]
                .iter()
                .find_map(|k| nested(k).and_then(|v| text(v, &["cursor", "nextCursor"])))
        })
        .map(str::to_owned);
    let total = body
        .get("search_metadata")
        .and_then(|m| m.get("totalCount").or_else(|| m.get("total")))
        .or_else(|| body.get("totalCount"))
        .or_else(|| body.get("total"))
        .or_else(|| nested("hits").and_then(|h| h.get("total")))
        .and_then(total_of);
    Ok(OpenPage {
        hits,
        cursor,
        total: total.map(|t| t.0),
        at_least: total.is_some_and(|t| t.1),
    })
}

/// All pages of one search, each asset handed out once.
///
/// How paging stays correct while assets change: the walk asks for the hits in path order (a
/// metadata edit, Metadesk's own included, never moves an asset in it) and follows AEM's
/// cursors to the end. An asset that comes to match, or whose place in the order changes, may
/// be given again on a later page (an offset-like cursor shifts); the set of asset ids (paths
/// for hits without one) handed out keeps it from being counted twice. A cursor given twice,
/// or more than [`MAX_PAGES`] pages, is AEM looping: an error, like any page that fails.
///
/// An asset that stops matching *before* the cursor moves the rest back by one, and the
/// cursor then steps over one asset that never left. The cursor cannot show that, but AEM's
/// exact total can: when a pass's totals differ from page to page, or it ends having handed out
/// fewer assets than the last exact total, the walk goes through the pages once more, handing
/// out only what it had not (at most [`MAX_PASSES`] passes, then an error: the scope never
/// settled). Without exact totals (`gte`, or none) there is nothing to compare; AEM's own
/// paging decides.
pub struct OpenSearchWalk {
    items: Vec<Value>,
    page_size: u64,
    cursor: Option<String>,
    cursors: HashSet<String>,
    seen: HashSet<String>,
    pages: usize,
    done: bool,
    /// Passes through the pages begun (see above).
    passes: usize,
    /// The exact total of this pass's first page.
    pass_total: Option<u64>,
    /// Whether this pass saw the exact total change.
    unsettled: bool,
    /// Hits handed out so far.
    pub read: usize,
}

/// How many times a walk goes through the pages while AEM's totals keep changing.
const MAX_PASSES: usize = 3;

impl OpenSearchWalk {
    pub fn new(items: Vec<Value>, page_size: u64) -> Self {
        OpenSearchWalk {
            items,
            page_size: page_size.clamp(1, OPEN_PAGE),
            cursor: None,
            cursors: HashSet::new(),
            seen: HashSet::new(),
            pages: 0,
            done: false,
            passes: 1,
            pass_total: None,
            unsettled: false,
            read: 0,
        }
    }

    pub fn is_done(&self) -> bool {
        self.done
    }

    /// The body of the next request.
    pub fn request(&self) -> Value {
        request_body(&self.items, self.page_size, self.cursor.as_deref())
    }

    /// Takes the answer to [`OpenSearchWalk::request`]: the hits not handed out before.
    pub fn take(&mut self, page: OpenPage) -> Result<Vec<OpenHit>, CallError> {
        self.pages += 1;
        let exact = page.total.filter(|_| !page.at_least);
        if self.cursor.is_none() {
            self.pass_total = exact;
        } else if exact.is_some() && exact != self.pass_total {
            self.unsettled = true;
        }
        let mut new = Vec::new();
        for hit in page.hits {
            let key = hit.id.clone().unwrap_or_else(|| hit.path.clone());
            if self.seen.insert(key) {
                new.push(hit);
            }
        }
        self.read += new.len();
        match page.cursor {
            None => {
                let missed = exact.is_some_and(|total| (self.seen.len() as u64) < total);
                if !(self.unsettled || missed) {
                    self.done = true;
                } else if self.passes < MAX_PASSES {
                    tracing::info!(
                        pass = self.passes,
                        handed_out = self.seen.len(),
                        total = ?exact,
                        "AEM's search results changed while being read; reading them again"
                    );
                    self.passes += 1;
                    self.cursor = None;
                    self.cursors.clear();
                    self.unsettled = false;
                } else {
                    return Err(bad(Text::new(
                        "assets-search-kept-changing",
                        vec![("passes", Part::from(MAX_PASSES as f64))],
                    )));
                }
            }
            Some(c) if !self.cursors.insert(c.clone()) => {
                return Err(bad(Text::plain("assets-same-cursor")));
            }
            Some(_) if self.pages >= MAX_PAGES => {
                return Err(bad(Text::new(
                    "assets-endless-pages",
                    vec![("pages", Part::from(MAX_PAGES as f64))],
                )));
            }
            Some(c) => self.cursor = Some(c),
        }
        Ok(new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(path: &str) -> Value {
        json!({"assetId": format!("urn:aaid:aem:{path}"), "repositoryMetadata": {"repo:path": path}})
    }

    #[test]
    fn a_page_is_asked_for_as_adobe_s_clients_ask() {
        let items = [json!({"term": {"repositoryMetadata.repo:parentPath": ["/content/dam/a"]}})];
        assert_eq!(
            request_body(&items, 50, Some("c2")),
            json!({
                "query": items,
                "limit": 50,
                "sort": [{"field": "repositoryMetadata.repo:path", "order": "asc"}],
                "cursor": "c2",
            })
        );
    }

    #[test]
    fn several_plausible_shapes_are_read() {
        let sandbox_like = json!({"hits": {"results": [hit("/content/dam/a.jpg")]},
            "search_metadata": {"count": 1, "totalCount": {"total": 120, "relation": "gte"}},
            "cursor": "c1"});
        let page = parse_answer(&sandbox_like).unwrap();
        assert_eq!(page.hits[0].path, "/content/dam/a.jpg");
        assert_eq!(
            page.hits[0].id.as_deref(),
            Some("urn:aaid:aem:/content/dam/a.jpg")
        );
        assert_eq!(
            (page.cursor.as_deref(), page.total, page.at_least),
            (Some("c1"), Some(120), true)
        );

        let flat = json!({"items": [{"id": "urn:aaid:aem:1", "repo:path": "/content/dam/b/"}],
            "paging": {"nextCursor": "n2"}, "totalCount": 7});
        let page = parse_answer(&flat).unwrap();
        assert_eq!(
            (page.hits[0].path.as_str(), page.hits[0].id.as_deref()),
            ("/content/dam/b", Some("urn:aaid:aem:1"))
        );
        assert_eq!(
            (page.cursor.as_deref(), page.total, page.at_least),
            (Some("n2"), Some(7), false)
        );

        let es_like = json!({"hits": {"results": [{"path": "/content/dam/c", "assetMetadata": {"dc:title": "C"}}],
            "total": {"value": 3, "relation": "eq"}, "cursor": "h3"}});
        let page = parse_answer(&es_like).unwrap();
        assert_eq!(page.hits[0].metadata.as_ref().unwrap()["dc:title"], "C");
        assert_eq!((page.cursor.as_deref(), page.total), (Some("h3"), Some(3)));

        let last = json!({"results": [], "nextCursor": ""});
        let page = parse_answer(&last).unwrap();
        assert!(page.hits.is_empty() && page.cursor.is_none() && page.total.is_none());
    }

    #[test]
    fn an_answer_without_hits_or_a_hit_without_a_path_is_an_error() {
        for body in [
            json!({}),
            json!({"hits": {"total": 3}}),
            json!([]),
            json!({"results": [{"assetId": "x"}]}),
        ] {
            assert!(parse_answer(&body).is_err(), "{body}");
        }
    }

    #[test]
    fn only_404_501_and_not_enabled_mean_unavailable() {
        assert!(unavailable(&CallError::NotFound));
        assert!(unavailable(&CallError::Rejected {
            status: 501,
            detail: "".into()
        }));
        assert!(unavailable(&CallError::Forbidden(
            "Search is not enabled for this program".into()
        )));
        assert!(!unavailable(&CallError::Forbidden(
            "client id not allowed".into()
        )));
        assert!(!unavailable(&CallError::Rejected {
            status: 400,
            detail: "bad term".into()
        }));
        assert!(!unavailable(&CallError::Transient(
            "AEM answered 500".into()
        )));
    }

    #[test]
    fn the_walk_hands_each_asset_out_once_and_stops_on_a_loop() {
        let page = |paths: &[&str], cursor: Option<&str>| OpenPage {
            hits: paths
                .iter()
                .map(|p| {
                    parse_answer(&json!({"results": [hit(p)]}))
                        .unwrap()
                        .hits
                        .remove(0)
                })
                .collect(),
            cursor: cursor.map(str::to_owned),
            total: None,
            at_least: false,
        };
        let mut walk = OpenSearchWalk::new(vec![], 2);
        assert_eq!(walk.request()["limit"], 2);
        assert_eq!(walk.take(page(&["/a", "/b"], Some("c1"))).unwrap().len(), 2);
        assert_eq!(walk.request()["cursor"], "c1");
        // An asset came to match before the cursor: the next page repeats "/b".
        let new = walk.take(page(&["/b", "/c"], Some("c2"))).unwrap();
        assert_eq!(
            new.iter().map(|h| h.path.as_str()).collect::<Vec<_>>(),
            ["/c"]
        );
        assert!(
            walk.take(page(&["/d"], Some("c2"))).is_err(),
            "a cursor given twice is a loop"
        );
        let mut walk = OpenSearchWalk::new(vec![], 2);
        walk.take(page(&["/a"], None)).unwrap();
        assert!(walk.is_done() && walk.read == 1);
    }

    fn counted(paths: &[&str], cursor: Option<&str>, total: u64) -> OpenPage {
        let mut page = parse_answer(&json!({
            "results": paths.iter().map(|p| hit(p)).collect::<Vec<_>>(),
            "totalCount": {"total": total, "relation": "eq"}}))
        .unwrap();
        page.cursor = cursor.map(str::to_owned);
        page
    }

    fn paths(hits: Vec<OpenHit>) -> Vec<String> {
        hits.into_iter().map(|h| h.path).collect()
    }

    /// "/a" stops matching after the first page: the offset cursor then steps over "/c". The
    /// total went from 4 to 3, so the walk reads the pages again and hands "/c" out.
    #[test]
    fn an_asset_stepped_over_when_another_stops_matching_is_found_on_a_second_pass() {
        let mut walk = OpenSearchWalk::new(vec![], 2);
        assert_eq!(
            paths(walk.take(counted(&["/a", "/b"], Some("2"), 4)).unwrap()),
            ["/a", "/b"]
        );
        assert_eq!(paths(walk.take(counted(&["/d"], None, 3)).unwrap()), ["/d"]);
        assert!(!walk.is_done(), "a pass whose total changed is read again");
        assert!(
            walk.request().get("cursor").is_none(),
            "the second pass starts at the top"
        );
        assert_eq!(
            paths(walk.take(counted(&["/b", "/c"], Some("2"), 3)).unwrap()),
            ["/c"]
        );
        assert!(walk.take(counted(&["/d"], None, 3)).unwrap().is_empty());
        assert!(walk.is_done() && walk.read == 4);
    }

    /// A pass that ends with fewer assets handed out than AEM's exact total is read again; one
    /// that never settles is an error, never a part taken for the whole.
    #[test]
    fn a_scope_that_never_settles_is_an_error() {
        let mut walk = OpenSearchWalk::new(vec![], 2);
        walk.take(counted(&["/a"], None, 2)).unwrap();
        assert!(!walk.is_done());
        walk.take(counted(&["/a"], None, 2)).unwrap();
        assert!(!walk.is_done());
        let err = walk.take(counted(&["/a"], None, 2)).unwrap_err();
        assert!(err.to_string().contains("kept changing"), "{err}");
    }
}
