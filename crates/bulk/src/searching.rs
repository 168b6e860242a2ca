//! Running the scopes of `scope/` against AEM: the cheap live count of a search, and the
//! resolution of a list (DAM paths, Assets UI links, `urn:aaid:aem:` ids; one per line or a
//! one-column CSV) into the assets it names, with each entry that names none listed with the
//! reason. A list is resolved in batches of QueryBuilder lookups (exact paths and `jcr:uuid`s in
//! one OR group), whose selective hits also carry the values a preview needs.
//!
//! Not here: the preview itself (`engine`), the words of a condition (`scope/wording.rs`).

use std::collections::{HashMap, HashSet};
use std::future::Future;

use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

use super::found_by::FoundBy;
use super::glance::{GLANCE, retried, worth_retrying};
use super::list_entries::{Target, target_of};
pub use super::list_entries::{entries_from_text, list_folder};
use super::open_query::lookup_items;
use super::run_control::RunControl;
use super::scope::{LARGE_SCOPE, search_predicates};
use super::scope::{RunScope, ScopeSource};
use metadesk_assets::open_search::OpenHit;
use metadesk_assets::search::{SearchPage, entry_of_hit, hit_path, search_failed};
use metadesk_assets::{AssetsApi, CallError, Entry, EntryKind};
use metadesk_base::i18n::SavedText;
use metadesk_clients::error::{Error, Result};

/// Entries looked up per request.
pub const LOOKUP_BATCH: usize = 50;

/// How many assets a search selects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SearchCount {
    /// Which search counted.
    pub found_by: FoundBy,
    /// Matching assets (content fragments left out), counted up to [`LARGE_SCOPE`].
    #[ts(type = "number")]
    pub assets: u64,
    /// There are more than `assets` (the count stopped at [`LARGE_SCOPE`]).
    pub at_least: bool,
    /// [`LARGE_SCOPE`] or more: AEM's own bulk tools suit such a scope better.
    pub large: bool,
}

/// An entry of a list that names no asset a run can edit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ListProblem {
    /// 1-based position in the list.
    #[ts(type = "number")]
    pub line: u64,
    pub entry: String,
    /// Words in the reader's language once the window is sent it (`ListCheck::localize`).
    #[ts(type = "string")]
    pub reason: SavedText,
}

/// A list resolved against AEM.
#[derive(Debug, Clone, Default)]
pub struct ResolvedList {
    /// The assets, in list order, with the hit's values of the properties asked for.
    pub assets: Vec<Entry>,
    pub problems: Vec<ListProblem>,
    /// Paths the search did not find that the repository holds (AEM's index had not caught up
    /// with them yet): read on their own ([`confirm_unfound`]) and among `assets`.
    pub unindexed: u64,
}

/// Reads on its own each path entry the search did not find, before it is called "not found":
/// AEM's search index lags behind the repository, so a path just uploaded is missing from the
/// lookup's hits but not from AEM. `read(path)` gives the node's Sling JSON at level 1
/// (`AssetsApi::node_json(path, "1")`, which says its type and whether it is a content
/// fragment); an error leaves the entry not found (nothing could tell otherwise).
pub async fn confirm_unfound<F, Fut>(resolved: &mut ResolvedList, mut read: F)
where
    F: FnMut(String) -> Fut,
    Fut: Future<Output = std::result::Result<Value, CallError>>,
{
    let mut kept = Vec::with_capacity(resolved.problems.len());
    for mut problem in std::mem::take(&mut resolved.problems) {
        let unfound = problem.reason.code() == Some("reason-list-not-found");
        let path = match target_of(&problem.entry) {
            Ok(Target::Path(path)) if unfound => path,
            _ => {
                kept.push(problem);
                continue;
            }
        };
        let node = read(path.clone()).await.ok();
        match node.as_ref().and_then(|n| entry_of_node(&path, n)) {
            Some(entry) if entry.kind == EntryKind::Asset => {
                resolved.unindexed += 1;
                resolved.assets.push(entry);
            }
            Some(entry) => {
                problem.reason = match entry.kind {
                    EntryKind::Folder => SavedText::new("reason-list-folder", []),
                    _ => SavedText::new("reason-list-content-fragment", []),
                };
                kept.push(problem);
            }
            None => kept.push(problem),
        }
    }
    resolved.problems = kept;
}

/// The entry of a repository node read as Sling JSON at level 1: an asset (a content fragment
/// when its `jcr:content` says so) or a folder; `None` for any other node.
fn entry_of_node(path: &str, node: &Value) -> Option<Entry> {
    let kind = match node.get("jcr:primaryType").and_then(Value::as_str)? {
        "dam:Asset" => {
            let fragment = node
                .pointer("/jcr:content/contentFragment")
                .is_some_and(|v| v.as_bool() == Some(true) || v.as_str() == Some("true"));
            if fragment {
                EntryKind::ContentFragment
            } else {
                EntryKind::Asset
            }
        }
        "sling:Folder" | "sling:OrderedFolder" | "nt:folder" => EntryKind::Folder,
        _ => return None,
    };
    Some(Entry {
        path: path.to_owned(),
        name: path.rsplit('/').next().unwrap_or_default().to_owned(),
        kind,
        // Read on its own for its values, as any asset no hit stands for.
        metadata: None,
    })
}

/// What the window shows of a list before a preview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ListCheck {
    /// Which search resolved the list.
    pub found_by: FoundBy,
    #[ts(type = "number")]
    pub assets: u64,
    pub problems: Vec<ListProblem>,
}

impl ListCheck {
    /// The problems' reasons in `l`'s language, as the window shows them.
    pub fn localize(&mut self, l: &metadesk_base::i18n::Localizer) {
        for problem in &mut self.problems {
            problem.reason.localize(l);
        }
    }
}

/// The lookup of one batch: an OR group of exact paths and `jcr:uuid`s.
fn lookup_params(batch: &[&Target], extra: &[(String, String)]) -> Vec<(String, String)> {
    let mut params = vec![("group.p.or".to_owned(), "true".to_owned())];
    for (i, target) in batch.iter().enumerate() {
        let n = i + 1;
        match target {
            Target::Path(p) => {
                params.push((format!("group.{n}_path"), p.clone()));
                params.push((format!("group.{n}_path.exact"), "true".into()));
            }
            Target::Uuid(u) => {
                params.push((format!("group.{n}_property"), "jcr:uuid".into()));
                params.push((format!("group.{n}_property.value"), u.clone()));
            }
        }
    }
    params.extend(extra.iter().cloned());
    // Each entry names at most one node; twice the batch leaves room to spare.
    params.push(("p.limit".into(), (batch.len() * 2).to_string()));
    params
}

/// The lookup of exact `paths` (at most [`LOOKUP_BATCH`]), the hits carrying `properties`
/// (relative to each hit, e.g. `jcr:content/jcr:lastModified`) besides their path.
pub fn paths_lookup(paths: &[&str], properties: &[&str]) -> Vec<(String, String)> {
    let targets: Vec<Target> = paths
        .iter()
        .map(|p| Target::Path((*p).to_owned()))
        .collect();
    let refs: Vec<&Target> = targets.iter().collect();
    let props = std::iter::once("jcr:path")
        .chain(properties.iter().copied())
        .collect::<Vec<_>>()
        .join(" ");
    let extra = [
        ("p.hits".to_owned(), "selective".to_owned()),
        ("p.properties".to_owned(), props),
    ];
    lookup_params(&refs, &extra)
}

/// Resolves `entries` with `search` (one QueryBuilder page per call, retried by the caller).
/// `hit_params` are the `p.hits`/`p.properties` of the preview (`jcr:uuid` is added).
pub async fn resolve_list<F, Fut>(
    entries: &[String],
    hit_params: &[(String, String)],
    mut search: F,
) -> std::result::Result<ResolvedList, CallError>
where
    F: FnMut(Vec<(String, String)>) -> Fut,
    Fut: Future<Output = std::result::Result<SearchPage, CallError>>,
{
    let mut extra: Vec<(String, String)> = hit_params.to_vec();
    if let Some((_, props)) = extra.iter_mut().find(|(k, _)| k == "p.properties") {
        props.push_str(" jcr:uuid");
    }
    let extra = &extra;
    resolve_targets(entries, |batch| {
        let params = lookup_params(batch, extra);
        let page = search(params);
        async move { page.await.map(|p| p.hits) }
    })
    .await
}

/// Resolves `entries` with AEM's OpenAPI search: exact paths and asset ids looked up
/// [`LOOKUP_BATCH`] at a time (`lookup` runs one query, every page followed). Returns the
/// asset id of each asset found, by path, for the reads that follow.
pub async fn resolve_list_open<F, Fut>(
    entries: &[String],
    mut lookup: F,
) -> std::result::Result<(ResolvedList, HashMap<String, String>), Error>
where
    F: FnMut(Vec<Value>) -> Fut,
    Fut: Future<Output = std::result::Result<Vec<OpenHit>, Error>>,
{
    let ids = std::sync::Mutex::new(HashMap::new());
    let resolved = resolve_targets(entries, |batch| {
        let paths: Vec<&str> = batch
            .iter()
            .filter_map(|t| match t {
                Target::Path(p) => Some(p.as_str()),
                Target::Uuid(_) => None,
            })
            .collect();
        let urns: Vec<String> = batch
            .iter()
            .filter_map(|t| match t {
                Target::Uuid(u) => Some(format!("urn:aaid:aem:{u}")),
                Target::Path(_) => None,
            })
            .collect();
        let urns: Vec<&str> = urns.iter().map(String::as_str).collect();
        let queries: Vec<Fut> = lookup_items(&paths, &urns)
            .into_iter()
            .map(&mut lookup)
            .collect();
        let ids = &ids;
        async move {
            let mut hits = Vec::new();
            for query in queries {
                for hit in query.await? {
                    // As a QueryBuilder hit, so both searches resolve a list alike.
                    let uuid = hit
                        .id
                        .as_deref()
                        .and_then(|i| i.strip_prefix("urn:aaid:aem:"));
                    let mut value =
                        serde_json::json!({"jcr:path": hit.path, "jcr:primaryType": "dam:Asset"});
                    if let Some(uuid) = uuid {
                        value["jcr:uuid"] = Value::from(uuid);
                    }
                    if let Some(id) = &hit.id
                        && let Ok(mut ids) = ids.lock()
                    {
                        ids.insert(hit.path.clone(), id.clone());
                    }
                    hits.push(value);
                }
            }
            Ok::<_, Error>(hits)
        }
    })
    .await?;
    let ids = ids.into_inner().unwrap_or_default();
    Ok((resolved, ids))
}

/// The resolution of a list, whatever the search: `lookup` answers one batch of targets with
/// hits in QueryBuilder's selective shape (`jcr:path`, `jcr:primaryType`, `jcr:uuid`, …).
async fn resolve_targets<F, Fut, E>(
    entries: &[String],
    mut lookup: F,
) -> std::result::Result<ResolvedList, E>
where
    F: FnMut(&[&Target]) -> Fut,
    Fut: Future<Output = std::result::Result<Vec<Value>, E>>,
{
    let mut out = ResolvedList::default();
    let mut parsed: Vec<(u64, &String, Target)> = Vec::new();
    let mut first_line: HashMap<Target, u64> = HashMap::new();
    for (i, entry) in entries.iter().enumerate() {
        let line = i as u64 + 1;
        let problem = |reason: SavedText| ListProblem {
            line,
            entry: entry.clone(),
            reason,
        };
        match target_of(entry) {
            Err(reason) => out.problems.push(problem(reason)),
            Ok(target) => match first_line.get(&target) {
                Some(first) => out.problems.push(problem(SavedText::new(
                    "reason-list-duplicate",
                    [("line", (*first).into())],
                ))),
                None => {
                    first_line.insert(target.clone(), line);
                    parsed.push((line, entry, target));
                }
            },
        }
    }
    let mut by_path: HashMap<String, Value> = HashMap::new();
    let mut by_uuid: HashMap<String, String> = HashMap::new();
    let targets: Vec<&Target> = parsed.iter().map(|(_, _, t)| t).collect();
    for batch in targets.chunks(LOOKUP_BATCH) {
        for hit in lookup(batch).await? {
            let Some(path) = hit_path(&hit).map(str::to_owned) else {
                continue;
            };
            if let Some(uuid) = hit.get("jcr:uuid").and_then(Value::as_str) {
                by_uuid.insert(uuid.to_ascii_lowercase(), path.clone());
            }
            by_path.insert(path, hit);
        }
    }
    let mut seen_paths: HashMap<String, u64> = HashMap::new();
    for (line, entry, target) in parsed {
        let problem = |reason: SavedText| ListProblem {
            line,
            entry: entry.clone(),
            reason,
        };
        let path = match &target {
            Target::Path(p) => Some(p.clone()),
            Target::Uuid(u) => by_uuid.get(u).cloned(),
        };
        let Some(entry_found) = path
            .as_ref()
            .and_then(|p| by_path.get(p))
            .and_then(entry_of_hit)
        else {
            out.problems
                .push(problem(SavedText::new("reason-list-not-found", [])));
            continue;
        };
        if let Some(first) = seen_paths.get(&entry_found.path) {
            out.problems.push(problem(SavedText::new(
                "reason-list-same-asset",
                [("line", (*first).into())],
            )));
            continue;
        }
        seen_paths.insert(entry_found.path.clone(), line);
        match entry_found.kind {
            EntryKind::Folder => out
                .problems
                .push(problem(SavedText::new("reason-list-folder", []))),
            EntryKind::ContentFragment => out
                .problems
                .push(problem(SavedText::new("reason-list-content-fragment", []))),
            EntryKind::Asset => out.assets.push(entry_found),
        }
    }
    out.problems.sort_by_key(|p| p.line);
    Ok(out)
}

/// One search request, retried as a [`GLANCE`] ([`retried`]); `None` when cancelled. A search
/// AEM stopped for traversing too many nodes would stop again: it is not retried.
pub async fn search_with_retries(
    aem: &dyn AssetsApi,
    params: &[(String, String)],
    control: &RunControl,
) -> std::result::Result<Option<SearchPage>, CallError> {
    let retry = |e: &CallError| {
        worth_retrying(e)
            && !matches!(e, CallError::Transient(d) if d.to_string().contains("traversed more than"))
    };
    retried(control, &GLANCE, retry, || aem.search(params))
        .await
        .map_err(|t| t.error)
}

/// The conditions of a search scope, and how they combine; an error for another scope.
pub(crate) fn conditions_of(
    scope: &RunScope,
) -> Result<(&[crate::scope::Condition], crate::scope::Combine)> {
    match &scope.filters().selection {
        Some(ScopeSource::Search {
            conditions,
            combine,
        }) => Ok((conditions, *combine)),
        _ => Err(Error::Internal("a search count of another scope".into())),
    }
}

/// Counts what a search scope selects with one request: AEM counts up to [`LARGE_SCOPE`]
/// (`p.guessTotal`), so the count stays cheap however large the scope.
pub async fn count_search(
    aem: &dyn AssetsApi,
    scope: &RunScope,
    control: &RunControl,
) -> Result<Option<SearchCount>> {
    let (folder, filters) = (scope.folder(), scope.filters());
    let (conditions, combine) = conditions_of(scope)?;
    let mut params = search_predicates(folder, filters.recursive, conditions, combine);
    params.extend([
        ("p.offset".to_owned(), "0".to_owned()),
        ("p.limit".to_owned(), "1".to_owned()),
        ("p.guessTotal".to_owned(), LARGE_SCOPE.to_string()),
        ("p.hits".to_owned(), "selective".to_owned()),
        ("p.properties".to_owned(), "jcr:path".to_owned()),
    ]);
    let Some(page) = search_with_retries(aem, &params, control)
        .await
        .map_err(search_failed)?
    else {
        return Ok(None);
    };
    Ok(Some(SearchCount {
        found_by: FoundBy::QueryBuilder { connection: None },
        assets: page.total,
        at_least: page.more,
        large: page.total >= LARGE_SCOPE,
    }))
}

/// The distinct properties a run's edits touch or read (a template's, a copy's source), for
/// `p.properties`.
pub fn edited_properties(edits: &[super::Edit]) -> Vec<&str> {
    let mut seen = HashSet::new();
    edits
        .iter()
        .flat_map(|e| std::iter::once(e.property.as_str()).chain(e.op.reads()))
        .filter(|p| seen.insert(*p))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// A path the lookup did not find is read on its own: an asset joins the list (counted as
    /// one the index did not hold), a content fragment or a folder gets its own reason, a path
    /// that holds nothing or cannot be read stays "not found"; an id is not read (it has no
    /// path). Seen failing before `confirm_unfound` existed (every one stayed "not found").
    #[tokio::test]
    async fn a_path_the_lookup_did_not_find_is_read_on_its_own() {
        let entries: Vec<String> = [
            "/content/dam/f/new.jpg",
            "/content/dam/f/cf",
            "/content/dam/f/sub",
            "/content/dam/f/gone.jpg",
            "/content/dam/f/refused.jpg",
            "urn:aaid:aem:0a1b2c3d-0000-4000-8000-00000000abcd",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let mut resolved = resolve_targets(&entries, |_| async { Ok::<_, CallError>(Vec::new()) })
            .await
            .unwrap();
        assert_eq!(resolved.problems.len(), 6);
        confirm_unfound(&mut resolved, |path| async move {
            match path.rsplit('/').next().unwrap() {
                "new.jpg" => Ok(json!({"jcr:primaryType": "dam:Asset", "jcr:content": {}})),
                "cf" => Ok(json!({"jcr:primaryType": "dam:Asset", "jcr:content": {"contentFragment": true}})),
                "sub" => Ok(json!({"jcr:primaryType": "sling:OrderedFolder"})),
                "refused.jpg" => Err(CallError::Forbidden("no".into())),
                _ => Err(CallError::NotFound),
            }
        })
        .await;
        assert_eq!(resolved.unindexed, 1);
        let assets: Vec<&str> = resolved.assets.iter().map(|a| a.path.as_str()).collect();
        assert_eq!(assets, ["/content/dam/f/new.jpg"]);
        assert_eq!(resolved.assets[0].metadata, None, "read for its values");
        let reasons: Vec<(u64, Option<&str>)> = resolved
            .problems
            .iter()
            .map(|p| (p.line, p.reason.code()))
            .collect();
        assert_eq!(
            reasons,
            [
                (2, Some("reason-list-content-fragment")),
                (3, Some("reason-list-folder")),
                (4, Some("reason-list-not-found")),
                (5, Some("reason-list-not-found")),
                (6, Some("reason-list-not-found")),
            ]
        );
    }

    #[test]
    fn entries_come_from_lines_or_a_one_column_csv() {
        let text = "\u{feff}path\r\n/content/dam/a.jpg\n\n\"/content/dam/b, c.jpg\"\n  urn:aaid:aem:0a1b2c3d-0000-4000-8000-00000000abcd  \n/content/dam/x,y.jpg,\n";
        assert_eq!(
            entries_from_text(text).unwrap(),
            [
                "/content/dam/a.jpg",
                "/content/dam/b, c.jpg",
                "urn:aaid:aem:0a1b2c3d-0000-4000-8000-00000000abcd",
                "/content/dam/x,y.jpg"
            ]
        );
        assert!(entries_from_text("").unwrap().is_empty());
    }

    #[test]
    fn a_lists_folder_is_the_nearest_one_holding_every_path() {
        let of = |entries: &[&str]| {
            list_folder(&entries.iter().map(|e| e.to_string()).collect::<Vec<_>>())
        };
        assert_eq!(
            of(&["/content/dam/wknd/en/a.jpg", "/content/dam/wknd/en/b.jpg"]).as_deref(),
            Some("/content/dam/wknd/en")
        );
        assert_eq!(
            of(&[
                "/content/dam/wknd/en/a.jpg",
                "https://author-p1-e2.adobeaemcloud.com/assets.html/content/dam/wknd/fr/b.jpg"
            ])
            .as_deref(),
            Some("/content/dam/wknd"),
            "a link counts by the path it holds"
        );
        // A shared beginning of a name is not a shared folder.
        assert_eq!(
            of(&["/content/dam/wknd/a.jpg", "/content/dam/wknd-shared/b.jpg"]).as_deref(),
            Some("/content/dam")
        );
        assert_eq!(of(&["/content/dam/a.jpg"]).as_deref(), Some("/content/dam"));
        assert_eq!(
            of(&[
                "/content/dam/wknd/a.jpg",
                "urn:aaid:aem:0a1b2c3d-0000-4000-8000-00000000abcd"
            ]),
            None,
            "an id's folder is not known before AEM is asked"
        );
        assert_eq!(of(&["/content/dam/wknd/a.jpg", "not an entry"]), None);
        assert_eq!(of(&[]), None);
    }

    #[test]
    fn entries_name_paths_links_and_ids() {
        let path = |e: &str| target_of(e).unwrap();
        let p = |s: &str| Target::Path(s.into());
        assert_eq!(
            path("/content/dam/wknd/a b.jpg"),
            p("/content/dam/wknd/a b.jpg")
        );
        assert_eq!(
            path("https://author-p1-e2.adobeaemcloud.com/assets.html/content/dam/wknd/a%20b.jpg"),
            p("/content/dam/wknd/a b.jpg")
        );
        assert_eq!(
            path(
                "https://author-p1-e2.adobeaemcloud.com/assetdetails.html/content/dam/wknd/x.jpg?x=1"
            ),
            p("/content/dam/wknd/x.jpg")
        );
        assert_eq!(
            path(
                "https://experience.adobe.com/#/@org/aem/ui/assetdetails.html/content/dam/wknd/y.png"
            ),
            p("/content/dam/wknd/y.png")
        );
        assert_eq!(
            path("urn:aaid:aem:0A1B2C3D-0000-4000-8000-00000000ABCD"),
            Target::Uuid("0a1b2c3d-0000-4000-8000-00000000abcd".into())
        );
        for bad in [
            "wknd/a.jpg",
            "urn:aaid:aem:nope",
            "https://example.com/page.html",
            "/content/dam",
            "/content/dam/../etc/x",
            "/content/dam/a/./x.jpg",
            "/content/dam//x.jpg",
            "/content/dam/a\u{1}b.jpg",
        ] {
            assert!(target_of(bad).is_err(), "{bad}");
        }
    }

    #[tokio::test]
    async fn unknown_duplicate_and_non_asset_entries_are_listed_with_reasons() {
        let entries: Vec<String> = [
            "/content/dam/a.jpg",
            "not a path",
            "/content/dam/a.jpg/",
            "/content/dam/folder",
            "/content/dam/missing.jpg",
            "urn:aaid:aem:0a1b2c3d-0000-4000-8000-00000000abcd",
            "/content/dam/cf",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let answer = SearchPage {
            hits: vec![
                json!({"jcr:path": "/content/dam/a.jpg", "jcr:primaryType": "dam:Asset",
                    "jcr:uuid": "0a1b2c3d-0000-4000-8000-00000000abcd",
                    "jcr:content": {"metadata": {"dc:rights": "R"}}}),
                json!({"jcr:path": "/content/dam/folder", "jcr:primaryType": "sling:Folder"}),
                json!({"jcr:path": "/content/dam/cf", "jcr:primaryType": "dam:Asset",
                    "jcr:content": {"contentFragment": true}}),
            ],
            total: 3,
            more: false,
        };
        let mut asked = Vec::new();
        let resolved = resolve_list(&entries, &[], |params| {
            asked.push(params);
            let answer = answer.clone();
            async move { Ok(answer) }
        })
        .await
        .unwrap();
        assert_eq!(asked.len(), 1, "one batch");
        assert!(asked[0].contains(&("group.1_path.exact".into(), "true".into())));
        assert_eq!(resolved.assets.len(), 1);
        assert_eq!(
            resolved.assets[0].metadata.as_ref().unwrap()["dc:rights"],
            "R"
        );
        let en = metadesk_base::i18n::Localizer::english();
        let reasons: Vec<(u64, String)> = resolved
            .problems
            .iter()
            .map(|p| (p.line, p.reason.localized(&en)))
            .collect();
        assert_eq!(reasons.len(), 6, "{reasons:?}");
        assert!(reasons[0].1.starts_with("not a DAM path"));
        assert_eq!(reasons[1], (3, "a duplicate of line 1".into()));
        assert!(reasons[2].1.starts_with("a folder"));
        assert!(reasons[3].1.starts_with("not found"));
        assert_eq!(reasons[4], (6, "the same asset as line 1".into()));
        assert!(reasons[5].1.contains("content fragment"));
    }
}
