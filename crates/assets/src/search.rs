//! AEM's QueryBuilder (`GET /bin/querybuilder.json`,
//! <https://experienceleague.adobe.com/en/docs/experience-manager-cloud-service/content/implementing/developing/full-stack/search/query-builder-api>)
//! as the engine uses it: one request per page, the page's hits read back as listing [`Entry`]s
//! (selective hits nest `jcr:content/metadata/…` as child objects), and the walk through all
//! pages of a query that stays correct while assets change ([`SearchWalk`]).
//!
//! Not here: what to search for (the conditions, in words, and their predicates are
//! `bulk::selection`), retries and concurrency (the caller's).

use std::collections::HashSet;

use serde_json::{Map, Value};

use super::{CallError, Entry, EntryKind};
use metadesk_base::i18n::Text;
use metadesk_clients::error::{Error, ErrorCode};

/// Rows asked for per page: Adobe advises `p.limit` "ideally 1000 or below"
/// (<https://experienceleague.adobe.com/en/docs/experience-manager-cloud-service/content/operations/query-and-indexing-best-practices>);
/// a few hundred keeps each answer small while reading hundreds of assets a request.
pub const SEARCH_PAGE: u64 = 500;

/// Hits re-read before the cursor on each page, to prove that no hit was skipped.
const OVERLAP: u64 = 8;

/// One answer of the QueryBuilder JSON servlet.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchPage {
    pub hits: Vec<Value>,
    /// The total, or with `p.guessTotal` only as far as it was counted (a lower bound).
    pub total: u64,
    /// More matches than `total` says.
    pub more: bool,
}

/// Reads a QueryBuilder answer; `success: false` is a refusal in the servlet's own words.
pub fn parse_page(body: &Value) -> Result<SearchPage, CallError> {
    if body.get("success").and_then(Value::as_bool) == Some(false) {
        return Err(CallError::Rejected {
            status: 200,
            detail: error_message(body)
                .map_or_else(|| Text::plain("assets-search-failed"), Text::from),
        });
    }
    let hits = body
        .get("hits")
        .and_then(Value::as_array)
        .cloned()
        .ok_or_else(|| CallError::Rejected {
            status: 200,
            detail: Text::plain("assets-search-no-hits"),
        })?;
    let total = body
        .get("total")
        .and_then(Value::as_u64)
        .unwrap_or(hits.len() as u64);
    let more = body.get("more").and_then(Value::as_bool).unwrap_or(false);
    Ok(SearchPage { hits, total, more })
}

/// The `errorMessage` of a failed query (UNCONFIRMED shape; see the sandbox's querybuilder.rs).
pub fn error_message(body: &Value) -> Option<String> {
    body.get("errorMessage")
        .and_then(Value::as_str)
        .map(str::to_owned)
}

/// The path of a hit (`jcr:path` in full and selective hits, `path` in simple ones).
pub fn hit_path(hit: &Value) -> Option<&str> {
    hit.get("jcr:path")
        .or_else(|| hit.get("path"))
        .and_then(Value::as_str)
}

/// A hit as a listing entry: its kind from `jcr:primaryType` and
/// `jcr:content/contentFragment`, its metadata from `jcr:content/metadata` (exactly the
/// properties asked for in `p.properties`: one that is absent is not set on the asset).
pub fn entry_of_hit(hit: &Value) -> Option<Entry> {
    let path = hit_path(hit)?.to_owned();
    let name = path.rsplit('/').next().unwrap_or_default().to_owned();
    let content = hit.get("jcr:content");
    let fragment = content
        .and_then(|c| c.get("contentFragment"))
        .is_some_and(|v| v.as_bool() == Some(true) || v.as_str() == Some("true"));
    let kind = match hit.get("jcr:primaryType").and_then(Value::as_str) {
        Some("dam:Asset") | None if fragment => EntryKind::ContentFragment,
        Some("dam:Asset") | None => EntryKind::Asset,
        Some(_) => EntryKind::Folder,
    };
    let metadata = content
        .and_then(|c| c.get("metadata"))
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_else(Map::new);
    Some(Entry {
        path,
        name,
        kind,
        metadata: Some(metadata),
    })
}

/// Where a selective hit says when its asset last changed (relative to the hit, as
/// `p.properties` asks for it).
pub const HIT_LAST_MODIFIED: &str = "jcr:content/jcr:lastModified";

/// When the hit's asset last changed (RFC 3339), when the hit says it in a form understood.
pub fn modified_of_hit(hit: &Value) -> Option<String> {
    hit.get("jcr:content")
        .and_then(|c| c.get("jcr:lastModified"))
        .and_then(Value::as_str)
        .and_then(metadesk_base::timefmt::parse_aem_time)
        .map(metadesk_base::timefmt::rfc3339)
}

/// A search that failed, in words: what happened and what to do.
pub fn search_failed(err: CallError) -> Error {
    match err {
        CallError::Rejected { detail, .. } | CallError::Transient(detail)
            if detail.to_string().contains("traversed more than") =>
        {
            Error::message(ErrorCode::InvalidInput, "error-search-too-wide", vec![])
        }
        // QueryBuilder is not an OpenAPI-based API, and only those take OAuth Server-to-Server
        // tokens (https://experienceleague.adobe.com/en/docs/experience-manager-learn/cloud-service/aem-apis/overview);
        // the status AEM answers them with is UNCONFIRMED. A user without read access gets 403 too.
        CallError::Forbidden(_) => {
            Error::message(ErrorCode::Auth, "error-search-forbidden", vec![])
        }
        CallError::Auth(e) => Error::Aem(e),
        CallError::Unreachable(e) => Error::Aem(e),
        CallError::Throttled { status, .. } => Error::message(
            ErrorCode::InvalidInput,
            "error-search-throttled",
            vec![("status", status.to_string().into())],
        ),
        CallError::NotFound => {
            Error::message(ErrorCode::InvalidInput, "error-search-not-answered", vec![])
        }
        other => Error::worded(
            ErrorCode::InvalidInput,
            Text::new("error-search-failed", vec![("detail", other.text().into())]),
        ),
    }
}

/// What one answer gave the walk.
#[derive(Debug, PartialEq)]
pub enum SearchStep {
    /// Hits not seen before, in path order.
    Hits(Vec<Value>),
    /// The window slipped past hits not yet seen: ask again (further back).
    Again,
}

/// All pages of one query, in path order, with no hit skipped or given twice while assets
/// start or stop matching during the walk.
///
/// How: the query is ordered by path (`orderby=path`) and each page re-reads a few hits before
/// the cursor (the last path handed out). Only hits after the cursor are new. If a page starts
/// *after* the cursor, hits before it stopped matching and the offsets moved back: hits may
/// have been jumped over, so the page is asked again from further back (up to the start). Hits
/// that come to match before the cursor are not in this walk (they were not there when it
/// passed); hits after it are. Paths are compared as the server orders them (byte order of
/// UTF-8, the same as Java's order but for characters outside the BMP versus U+E000–U+FFFF),
/// and a set of the paths handed out keeps even that case from giving one twice.
pub struct SearchWalk {
    predicates: Vec<(String, String)>,
    page_size: u64,
    /// Hits of the query (as it was then) up to the end of the last page.
    consumed: u64,
    overlap: u64,
    last: Option<String>,
    seen: HashSet<String>,
    done: bool,
}

impl SearchWalk {
    /// `predicates` select and shape the hits (`p.hits`, `p.properties`); the walk adds the
    /// order and the paging.
    pub fn new(predicates: Vec<(String, String)>, page_size: u64) -> Self {
        SearchWalk {
            predicates,
            page_size: page_size.max(1),
            consumed: 0,
            overlap: OVERLAP,
            last: None,
            seen: HashSet::new(),
            done: false,
        }
    }

    pub fn is_done(&self) -> bool {
        self.done
    }

    fn window(&self) -> (u64, u64) {
        let start = self.consumed.saturating_sub(self.overlap);
        (start, self.page_size + (self.consumed - start))
    }

    /// The parameters of the next request.
    pub fn request(&self) -> Vec<(String, String)> {
        let (start, limit) = self.window();
        let mut params = self.predicates.clone();
        params.extend([
            ("orderby".to_owned(), "path".to_owned()),
            ("p.offset".to_owned(), start.to_string()),
            ("p.limit".to_owned(), limit.to_string()),
            // Count only as far as this page: exact totals are slow
            // (https://experienceleague.adobe.com/en/docs/experience-manager-cloud-service/content/implementing/developing/full-stack/search/query-builder-api).
            ("p.guessTotal".to_owned(), "true".to_owned()),
        ]);
        params
    }

    /// Takes the answer to [`SearchWalk::request`].
    pub fn take(&mut self, page: SearchPage) -> SearchStep {
        let (start, limit) = self.window();
        let paths: Vec<Option<&str>> = page.hits.iter().map(hit_path).collect();
        if let Some(last) = self.last.as_deref()
            && start > 0
            && paths.first().copied().flatten().is_none_or(|p| p > last)
        {
            self.overlap = self.overlap.saturating_mul(4).min(self.consumed);
            return SearchStep::Again;
        }
        let count = page.hits.len() as u64;
        let mut new = Vec::new();
        for hit in page.hits {
            let Some(path) = hit_path(&hit).map(str::to_owned) else {
                continue;
            };
            if self
                .last
                .as_deref()
                .is_some_and(|last| path.as_str() <= last)
            {
                continue;
            }
            if self.seen.insert(path.clone()) {
                self.last = Some(path);
                new.push(hit);
            }
        }
        self.consumed = start + count;
        self.overlap = OVERLAP;
        self.done = count < limit || !page.more && start + count >= page.total;
        SearchStep::Hits(new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// A server over a sorted list of paths that can change between requests.
    fn answer(all: &[String], params: &[(String, String)]) -> SearchPage {
        let get = |k: &str| {
            params
                .iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.parse::<usize>().unwrap())
                .unwrap()
        };
        let (offset, limit) = (get("p.offset"), get("p.limit"));
        let hits: Vec<Value> = all
            .iter()
            .skip(offset)
            .take(limit)
            .map(|p| json!({"jcr:path": p}))
            .collect();
        let upto = offset + limit;
        SearchPage {
            total: all.len().min(upto) as u64,
            more: all.len() > upto,
            hits,
        }
    }

    fn names(n: usize) -> Vec<String> {
        (0..n)
            .map(|i| format!("/content/dam/f/a{i:04}.jpg"))
            .collect()
    }

    fn walk_with(mut all: Vec<String>, change: impl Fn(usize, &mut Vec<String>)) -> Vec<String> {
        let mut walk = SearchWalk::new(vec![], 10);
        let mut out = Vec::new();
        let mut requests = 0;
        while !walk.is_done() {
            change(requests, &mut all);
            requests += 1;
            assert!(requests < 1000, "the walk ends");
            if let SearchStep::Hits(hits) = walk.take(answer(&all, &walk.request())) {
                out.extend(hits.iter().map(|h| hit_path(h).unwrap().to_owned()));
            }
        }
        out
    }

    #[test]
    fn a_still_set_is_walked_once_in_order() {
        let all = names(95);
        assert_eq!(walk_with(all.clone(), |_, _| {}), all);
        assert_eq!(walk_with(names(100), |_, _| {}), names(100));
        assert!(walk_with(vec![], |_, _| {}).is_empty());
    }

    #[test]
    fn hits_that_stop_matching_before_the_cursor_do_not_make_the_walk_skip_any() {
        let all = names(95);
        // After each page, the first 15 remaining hits stop matching (say, the run's own
        // condition no longer holds for assets someone else just fixed).
        let out = walk_with(all.clone(), |i, set| {
            if i > 0 && i < 4 {
                let gone: Vec<String> = set.iter().take(15).cloned().collect();
                set.retain(|p| !gone.contains(p));
            }
        });
        let mut expected: Vec<String> = out.clone();
        expected.sort();
        expected.dedup();
        assert_eq!(out, expected, "in order, none twice");
        // Every hit that never stopped matching was handed out.
        let removed: HashSet<String> = all.iter().take(45).cloned().collect();
        for p in all.iter().filter(|p| !removed.contains(*p)) {
            assert!(out.contains(p), "{p} skipped");
        }
    }

    #[test]
    fn hits_that_start_matching_before_the_cursor_are_not_given_twice() {
        let out = walk_with(names(60), |i, set| {
            if i == 2 {
                for k in 0..7 {
                    set.push(format!("/content/dam/f/a0000-{k}.jpg"));
                }
                set.sort();
            }
        });
        let unique: HashSet<&String> = out.iter().collect();
        assert_eq!(unique.len(), out.len());
        for p in names(60) {
            assert!(out.contains(&p), "{p} skipped");
        }
    }

    #[test]
    fn hits_read_as_entries_with_nested_metadata() {
        let hit = json!({"jcr:path": "/content/dam/a b.jpg", "jcr:primaryType": "dam:Asset",
            "jcr:content": {"metadata": {"dc:rights": "R"}}});
        let e = entry_of_hit(&hit).unwrap();
        assert_eq!((e.name.as_str(), e.kind), ("a b.jpg", EntryKind::Asset));
        assert_eq!(e.metadata.unwrap()["dc:rights"], "R");
        let cf = json!({"jcr:path": "/content/dam/cf", "jcr:content": {"contentFragment": true}});
        assert_eq!(entry_of_hit(&cf).unwrap().kind, EntryKind::ContentFragment);
        let folder = json!({"jcr:path": "/content/dam/f", "jcr:primaryType": "sling:Folder"});
        assert_eq!(entry_of_hit(&folder).unwrap().kind, EntryKind::Folder);
        let failed = json!({"success": false, "errorMessage": "The query read or traversed more than 100000 nodes."});
        let err = parse_page(&failed).unwrap_err();
        assert!(search_failed(err).to_string().contains("too many assets"));
        assert!(
            search_failed(CallError::Forbidden(String::new()))
                .to_string()
                .contains("OAuth Server-to-Server")
        );
    }
}
