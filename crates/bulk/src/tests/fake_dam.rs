//! The in-memory DAM behind [`AssetsApi`] that the engine tests run against, with switches for
//! every fault a real AEM can show (throttles, refusals, lost answers, unreachable folders),
//! and a taxonomy whose tags' writes can lose their answers.

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{Map, Value};

use metadesk_assets::{AssetRef, AssetsApi, CallError, Current, Entry, EntryKind, Page, Write};
use metadesk_clients::aem::auth::BoxFuture;
use metadesk_credentials::credentials::ApiFamily;

#[derive(Default)]
pub(super) struct Dam {
    /// path → (metadata, version)
    pub(super) assets: BTreeMap<String, (Map<String, Value>, u64)>,
    pub(super) fragments: Vec<String>,
    pub(super) folders: Vec<String>,
}

#[derive(Default)]
pub(super) struct Faults {
    /// Writes that fail with a transient error before succeeding (per call countdown).
    pub(super) transient_writes: AtomicU32,
    /// Writes that are applied but whose answer is lost.
    pub(super) lost_answers: AtomicU32,
    pub(super) throttles: AtomicU32,
    pub(super) forbidden: Mutex<Vec<String>>,
    /// After this many calls, every call is an auth failure.
    pub(super) auth_after: Mutex<Option<u64>>,
    /// Every call fails as if the host could not be reached.
    pub(super) unreachable: std::sync::atomic::AtomicBool,
    /// Folders whose listing fails as if the host could not be reached.
    pub(super) unreachable_folders: Mutex<Vec<String>>,
    /// (asset path, property) the listing leaves out although the asset has it.
    pub(super) unlisted: Mutex<Vec<(String, String)>>,
    /// Assets whose every write fails (dropped connection) without being applied.
    pub(super) dropped_writes: Mutex<Vec<String>>,
    /// Assets whose every write is applied but its answer lost.
    pub(super) lost_writes: Mutex<Vec<String>>,
    /// Assets under which a batch write's answer says Sling created a node.
    pub(super) created_under: Mutex<Vec<String>>,
    /// Id look-ups (OpenAPI) that fail with a transient error before succeeding.
    pub(super) transient_resolves: AtomicU32,
    /// How the next reads end, in order: `false` = dropped connection. Empty: answered.
    pub(super) read_script: Mutex<std::collections::VecDeque<bool>>,
    /// Writes answered 412 without being applied (countdown).
    pub(super) conflicts: AtomicU32,
    /// An asset whose write makes the task fail (panic), as a bug in a task would.
    pub(super) crash_on: Mutex<Option<String>>,
    /// Assets a batched check or a search does not find (the search index lags behind the
    /// repository), while the listing shows them.
    pub(super) unindexed: Mutex<Vec<String>>,
    /// Each listing page holds at most this many children, without saying so (the paging
    /// states the limit asked for).
    pub(super) page_cap: Mutex<Option<u64>>,
    /// The listing states no total (`srn:paging` without one).
    pub(super) untotalled: std::sync::atomic::AtomicBool,
    /// A check asking for this path answers this much later than the others.
    pub(super) slow_check: Mutex<Option<(String, Duration)>>,
    /// The process stops dead at this request (counted from the fake's first): it and every
    /// later one never answer, as a process killed with that request in flight.
    pub(super) halt: Mutex<Option<Halt>>,
    /// Whether the halt was reached.
    pub(super) halted: std::sync::atomic::AtomicBool,
}

/// Where a run stops dead.
#[derive(Debug, Clone, Copy)]
pub(super) struct Halt {
    /// The request (by the fake's count) that never answers.
    pub(super) at: u64,
    /// Whether that request, a write, lands in AEM before the stop (its answer never read).
    pub(super) landed: bool,
}

pub(super) struct Fake {
    pub(super) family: ApiFamily,
    pub(super) dam: Mutex<Dam>,
    pub(super) faults: Faults,
    pub(super) calls: AtomicU64,
    pub(super) reads: AtomicU64,
    /// path → values written, in order.
    pub(super) writes: Mutex<HashMap<String, Vec<Vec<Write>>>>,
    pub(super) latency: Duration,
    /// Whether it checks and writes many assets per request, as the classic family does
    /// (on by default for a classic fake, so the engine's tests go through the batched path).
    pub(super) batching: std::sync::atomic::AtomicBool,
    /// Batch checks and batch writes answered.
    pub(super) checks: AtomicU64,
    pub(super) batch_writes: AtomicU64,
    /// Whether it answers QueryBuilder folder searches ([`AssetsApi::search`]); off by default.
    pub(super) searchable: std::sync::atomic::AtomicBool,
    /// Searches answered.
    pub(super) searches: AtomicU64,
    /// Listings and checks under way, and what was seen of them at once.
    pub(super) busy: Mutex<Busy>,
}

/// Listings and checks under way: whether a walk lists several folders at once, and checks the
/// values of what it listed while it lists on.
#[derive(Default)]
pub(super) struct Busy {
    lists: usize,
    checks: usize,
    pub(super) most_lists: usize,
    pub(super) checked_while_listing: bool,
}

/// A listing (`true`) or a check under way, until dropped.
struct Doing<'a>(&'a Fake, bool);

impl<'a> Doing<'a> {
    fn start(fake: &'a Fake, listing: bool) -> Self {
        let mut b = fake.busy.lock().unwrap();
        if listing {
            b.lists += 1;
            b.most_lists = b.most_lists.max(b.lists);
        } else {
            b.checks += 1;
        }
        b.checked_while_listing |= b.lists > 0 && b.checks > 0;
        Doing(fake, listing)
    }
}

impl Drop for Doing<'_> {
    fn drop(&mut self) {
        let mut b = self.0.busy.lock().unwrap();
        if self.1 {
            b.lists -= 1;
        } else {
            b.checks -= 1;
        }
    }
}

impl Fake {
    pub(super) fn new(family: ApiFamily) -> Arc<Self> {
        Fake::with_latency(family, Duration::from_millis(1))
    }

    /// A classic fake that writes one asset per request (as an AEM refusing batch writes), for
    /// tests of the per-asset path's own mechanics.
    pub(super) fn per_asset(family: ApiFamily) -> Arc<Self> {
        let fake = Fake::new(family);
        fake.batching.store(false, Ordering::SeqCst);
        fake
    }

    /// Every request takes `latency`, however many run at once (a server with room to spare).
    pub(super) fn with_latency(family: ApiFamily, latency: Duration) -> Arc<Self> {
        Arc::new(Fake {
            family,
            dam: Mutex::new(Dam::default()),
            faults: Faults::default(),
            calls: AtomicU64::new(0),
            reads: AtomicU64::new(0),
            writes: Mutex::new(HashMap::new()),
            latency,
            batching: std::sync::atomic::AtomicBool::new(family == ApiFamily::Classic),
            checks: AtomicU64::new(0),
            batch_writes: AtomicU64::new(0),
            searchable: std::sync::atomic::AtomicBool::new(false),
            searches: AtomicU64::new(0),
            busy: Mutex::new(Busy::default()),
        })
    }

    pub(super) fn seed(&self, folder: &str, n: usize, md: impl Fn(usize) -> Value) {
        let mut dam = self.dam.lock().unwrap();
        dam.folders.push(folder.to_owned());
        for k in 0..n {
            let Value::Object(m) = md(k) else { panic!() };
            dam.assets.insert(format!("{folder}/a{k:03}.jpg"), (m, 1));
        }
    }

    pub(super) fn get(&self, path: &str) -> Map<String, Value> {
        self.dam.lock().unwrap().assets[path].0.clone()
    }

    pub(super) fn set(&self, path: &str, property: &str, value: Value) {
        let mut dam = self.dam.lock().unwrap();
        let entry = dam.assets.get_mut(path).unwrap();
        entry.0.insert(property.into(), value);
        entry.1 += 1;
    }

    pub(super) fn write_count(&self) -> usize {
        self.writes.lock().unwrap().values().map(Vec::len).sum()
    }

    /// Counts a request and answers the faults every request can meet; never returns for a
    /// request at or past the halt (but the one that lands, [`Fake::leave`]).
    async fn enter(&self) -> Result<u64, CallError> {
        let n = self.calls.fetch_add(1, Ordering::SeqCst);
        let halt = *self.faults.halt.lock().unwrap();
        if let Some(h) = halt
            && (n > h.at || (n == h.at && !h.landed))
        {
            self.stop_dead().await;
        }
        self.gate(n).map(|()| n)
    }

    /// After a write landed: never returns when it was the halt's request.
    async fn leave(&self, n: u64) {
        let halt = *self.faults.halt.lock().unwrap();
        if halt.is_some_and(|h| h.at == n) {
            self.stop_dead().await;
        }
    }

    async fn stop_dead(&self) {
        self.faults.halted.store(true, Ordering::SeqCst);
        std::future::pending::<()>().await;
    }

    fn gate(&self, n: u64) -> Result<(), CallError> {
        if self
            .faults
            .auth_after
            .lock()
            .unwrap()
            .is_some_and(|k| n >= k)
        {
            return Err(CallError::Auth(metadesk_clients::aem::AemError::Auth(
                "token revoked".into(),
            )));
        }
        if self.faults.unreachable.load(Ordering::SeqCst) {
            return Err(CallError::from_aem(
                metadesk_clients::aem::AemError::Unreachable {
                    host: "author-p1-e2.adobeaemcloud.com".into(),
                    detail: "connection refused".into(),
                },
            ));
        }
        if self
            .faults
            .throttles
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |t| t.checked_sub(1))
            .is_ok()
        {
            return Err(CallError::Throttled {
                status: 429,
                retry_after: Some(Duration::from_millis(0)),
            });
        }
        Ok(())
    }
}

pub(super) fn etag(v: u64) -> String {
    format!("\"v{v}\"")
}

impl AssetsApi for Fake {
    fn family(&self) -> ApiFamily {
        self.family
    }

    fn list<'a>(
        &'a self,
        folder: &'a str,
        offset: u64,
        limit: u64,
    ) -> BoxFuture<'a, Result<Page, CallError>> {
        Box::pin(async move {
            self.enter().await?;
            let _doing = Doing::start(self, true);
            // A listing is a request like any other: an instant one would look to the
            // controller like the server's normal latency.
            tokio::time::sleep(self.latency).await;
            if self
                .faults
                .forbidden
                .lock()
                .unwrap()
                .iter()
                .any(|f| f == folder)
            {
                return Err(CallError::Forbidden("no read access".into()));
            }
            if self
                .faults
                .unreachable_folders
                .lock()
                .unwrap()
                .iter()
                .any(|f| f == folder)
            {
                return Err(CallError::from_aem(
                    metadesk_clients::aem::AemError::Unreachable {
                        host: "author-p1-e2.adobeaemcloud.com".into(),
                        detail: "connection reset".into(),
                    },
                ));
            }
            let dam = self.dam.lock().unwrap();
            if !dam.folders.iter().any(|f| f == folder) {
                return Err(CallError::NotFound);
            }
            let direct = |p: &str| {
                p.strip_prefix(folder)
                    .and_then(|r| r.strip_prefix('/'))
                    .is_some_and(|r| !r.contains('/'))
            };
            let mut all: Vec<Entry> = Vec::new();
            for f in dam.folders.iter().filter(|f| direct(f)) {
                all.push(Entry {
                    path: f.clone(),
                    name: f.rsplit('/').next().unwrap().into(),
                    kind: EntryKind::Folder,
                    metadata: None,
                });
            }
            let unlisted = self.faults.unlisted.lock().unwrap();
            for (p, (md, _)) in dam.assets.iter().filter(|(p, _)| direct(p)) {
                // The listing carries dc: properties only, like the classic API.
                let listed: Map<String, Value> = md
                    .iter()
                    .filter(|(k, _)| k.starts_with("dc:"))
                    .filter(|(k, _)| !unlisted.iter().any(|(up, uk)| up == p && uk == *k))
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                all.push(Entry {
                    path: p.clone(),
                    name: p.rsplit('/').next().unwrap().into(),
                    kind: EntryKind::Asset,
                    metadata: Some(listed),
                });
            }
            for p in dam.fragments.iter().filter(|p| direct(p)) {
                all.push(Entry {
                    path: p.clone(),
                    name: p.rsplit('/').next().unwrap().into(),
                    kind: EntryKind::ContentFragment,
                    metadata: None,
                });
            }
            // Sent as AEM's Siren listing and read by the real parser, so a silent cap and a
            // missing total are followed (or not) as they would be against AEM.
            let total = all.len();
            let cap = self.faults.page_cap.lock().unwrap().unwrap_or(limit);
            let entities: Vec<Value> = all
                .into_iter()
                .skip(offset as usize)
                .take(limit.min(cap) as usize)
                .map(|e| siren_entity(&e))
                .collect();
            let paging = if self.faults.untotalled.load(Ordering::SeqCst) {
                serde_json::json!({"offset": offset, "limit": limit})
            } else {
                serde_json::json!({"total": total, "offset": offset, "limit": limit})
            };
            let body =
                serde_json::json!({"properties": {"srn:paging": paging}, "entities": entities});
            metadesk_assets::classic::parse_listing(folder, offset, limit, &body)
        })
    }

    fn resolve_id<'a>(&'a self, path: &'a str) -> BoxFuture<'a, Result<Option<String>, CallError>> {
        Box::pin(async move {
            if self.family == ApiFamily::Classic {
                return Ok(None);
            }
            self.enter().await?;
            if self
                .faults
                .transient_resolves
                .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |t| t.checked_sub(1))
                .is_ok()
            {
                return Err(CallError::Transient("connection dropped".into()));
            }
            Ok(Some(format!("urn:aaid:aem:{path}")))
        })
    }

    fn read<'a>(&'a self, asset: &'a AssetRef) -> BoxFuture<'a, Result<Current, CallError>> {
        Box::pin(async move {
            self.enter().await?;
            tokio::time::sleep(self.latency).await;
            self.reads.fetch_add(1, Ordering::SeqCst);
            if self.faults.read_script.lock().unwrap().pop_front() == Some(false) {
                return Err(CallError::Transient("connection dropped".into()));
            }
            if self.family == ApiFamily::OpenApi {
                assert!(asset.id.is_some(), "OpenAPI reads need the asset id");
            }
            let dam = self.dam.lock().unwrap();
            let (md, v) = dam.assets.get(&asset.path).ok_or(CallError::NotFound)?;
            Ok(Current {
                metadata: md.clone(),
                etag: (self.family == ApiFamily::OpenApi).then(|| etag(*v)),
            })
        })
    }

    fn write<'a>(
        &'a self,
        asset: &'a AssetRef,
        writes: &'a [Write],
        if_match: Option<&'a str>,
    ) -> BoxFuture<'a, Result<Option<String>, CallError>> {
        Box::pin(async move {
            let n = self.enter().await?;
            tokio::time::sleep(self.latency).await;
            if self.faults.crash_on.lock().unwrap().as_deref() == Some(asset.path.as_str()) {
                panic!("a task failed while writing {}", asset.path);
            }
            if self.faults.forbidden.lock().unwrap().contains(&asset.path) {
                return Err(CallError::Forbidden("no write".into()));
            }
            if self
                .faults
                .transient_writes
                .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |t| t.checked_sub(1))
                .is_ok()
                || self
                    .faults
                    .dropped_writes
                    .lock()
                    .unwrap()
                    .contains(&asset.path)
            {
                return Err(CallError::Transient("connection dropped".into()));
            }
            if self
                .faults
                .conflicts
                .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |t| t.checked_sub(1))
                .is_ok()
            {
                return Err(CallError::Conflict);
            }
            let new_version = {
                let mut dam = self.dam.lock().unwrap();
                let (md, v) = dam.assets.get_mut(&asset.path).ok_or(CallError::NotFound)?;
                if let Some(m) = if_match
                    && m != etag(*v)
                {
                    return Err(CallError::Conflict);
                }
                for w in writes {
                    match &w.value {
                        Some(val) => md.insert(w.property.clone(), val.clone()),
                        None => md.remove(&w.property),
                    };
                }
                *v += 1;
                *v
            };
            self.writes
                .lock()
                .unwrap()
                .entry(asset.path.clone())
                .or_default()
                .push(writes.to_vec());
            self.leave(n).await;
            if self
                .faults
                .lost_answers
                .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |t| t.checked_sub(1))
                .is_ok()
                || self
                    .faults
                    .lost_writes
                    .lock()
                    .unwrap()
                    .contains(&asset.path)
            {
                return Err(CallError::Transient("answer lost".into()));
            }
            Ok((self.family == ApiFamily::OpenApi).then(|| etag(new_version)))
        })
    }

    fn can_search(&self) -> bool {
        self.searchable.load(Ordering::SeqCst)
    }

    /// A folder query, answered from the index: an unindexed asset is not found. Hits carry
    /// every metadata property (a superset of a selective hit's).
    fn search<'a>(
        &'a self,
        params: &'a [(String, String)],
    ) -> BoxFuture<'a, Result<metadesk_assets::search::SearchPage, CallError>> {
        Box::pin(async move {
            self.enter().await?;
            tokio::time::sleep(self.latency).await;
            self.searches.fetch_add(1, Ordering::SeqCst);
            let Some((folder, flat, offset, limit)) = folder_query(params) else {
                return Err(CallError::Rejected {
                    status: 400,
                    detail: "the fake answers folder queries only".into(),
                });
            };
            let unindexed = self.faults.unindexed.lock().unwrap().clone();
            let dam = self.dam.lock().unwrap();
            let under = |p: &str| {
                p.strip_prefix(folder.as_str())
                    .and_then(|r| r.strip_prefix('/'))
                    .is_some_and(|r| !flat || !r.contains('/'))
            };
            let found: Vec<(&String, &Map<String, Value>)> = dam
                .assets
                .iter()
                .filter(|(p, _)| under(p) && !unindexed.contains(p))
                .map(|(p, (md, _))| (p, md))
                .collect();
            let total = found.len() as u64;
            let hits: Vec<Value> = found
                .into_iter()
                .skip(offset)
                .take(limit)
                .map(|(p, md)| {
                    serde_json::json!({
                        "jcr:path": p,
                        "jcr:primaryType": "dam:Asset",
                        "jcr:content": {"metadata": md},
                    })
                })
                .collect();
            let more = (offset + hits.len()) < total as usize;
            Ok(metadesk_assets::search::SearchPage { hits, total, more })
        })
    }

    fn listing_carries(&self, property: &str) -> bool {
        self.family == ApiFamily::Classic && property.starts_with("dc:")
    }

    fn batches(&self) -> bool {
        self.batching.load(Ordering::SeqCst)
    }

    fn check_many<'a>(
        &'a self,
        paths: &'a [&'a str],
        properties: &'a [String],
    ) -> BoxFuture<'a, Result<metadesk_assets::batch::Checked, CallError>> {
        Box::pin(async move {
            self.enter().await?;
            let _doing = Doing::start(self, false);
            tokio::time::sleep(self.latency).await;
            let slow = self.faults.slow_check.lock().unwrap().clone();
            if let Some((path, later)) = slow
                && paths.contains(&path.as_str())
            {
                tokio::time::sleep(later).await;
            }
            self.checks.fetch_add(1, Ordering::SeqCst);
            let unindexed = self.faults.unindexed.lock().unwrap().clone();
            let dam = self.dam.lock().unwrap();
            Ok(paths
                .iter()
                .filter(|p| !unindexed.iter().any(|u| u == *p))
                .filter_map(|p| {
                    let (md, _) = dam.assets.get(*p)?;
                    let wanted = properties
                        .iter()
                        .filter_map(|k| Some((k.clone(), md.get(k)?.clone())))
                        .collect();
                    Some(((*p).to_owned(), wanted))
                })
                .collect())
        })
    }

    /// One commit: a forbidden asset refuses the whole batch; a dropped write fails it
    /// unapplied; a lost answer applies it all.
    fn write_many<'a>(
        &'a self,
        folder: &'a str,
        assets: &'a [metadesk_assets::batch::AssetWrite],
    ) -> BoxFuture<'a, Result<metadesk_assets::batch::Written, CallError>> {
        Box::pin(async move {
            let n = self.enter().await?;
            tokio::time::sleep(self.latency).await;
            let paths: Vec<String> = assets
                .iter()
                .map(|a| format!("{folder}/{}", a.name))
                .collect();
            let forbidden = self.faults.forbidden.lock().unwrap().clone();
            if paths.iter().any(|p| forbidden.contains(p)) {
                return Err(CallError::Forbidden("no write".into()));
            }
            let dropped = self.faults.dropped_writes.lock().unwrap().clone();
            if paths.iter().any(|p| dropped.contains(p))
                || self
                    .faults
                    .transient_writes
                    .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |t| t.checked_sub(1))
                    .is_ok()
            {
                return Err(CallError::Transient("connection dropped".into()));
            }
            if let Some(crash) = self.faults.crash_on.lock().unwrap().as_deref()
                && paths.iter().any(|p| p == crash)
            {
                panic!("a task failed while writing {crash}");
            }
            {
                let mut dam = self.dam.lock().unwrap();
                assert!(
                    paths.iter().all(|p| dam.assets.contains_key(p)),
                    "a batch posted a path that holds no asset: {paths:?}"
                );
                for (path, asset) in paths.iter().zip(assets) {
                    let (md, v) = dam.assets.get_mut(path).unwrap();
                    for w in &asset.writes {
                        match &w.value {
                            Some(val) => md.insert(w.property.clone(), val.clone()),
                            None => md.remove(&w.property),
                        };
                    }
                    *v += 1;
                }
            }
            self.batch_writes.fetch_add(1, Ordering::SeqCst);
            {
                let mut writes = self.writes.lock().unwrap();
                for (path, asset) in paths.iter().zip(assets) {
                    writes
                        .entry(path.clone())
                        .or_default()
                        .push(asset.writes.clone());
                }
            }
            self.leave(n).await;
            let lost = self.faults.lost_writes.lock().unwrap().clone();
            if paths.iter().any(|p| lost.contains(p))
                || self
                    .faults
                    .lost_answers
                    .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |t| t.checked_sub(1))
                    .is_ok()
            {
                return Err(CallError::Transient("answer lost".into()));
            }
            let created = self.faults.created_under.lock().unwrap().clone();
            Ok(metadesk_assets::batch::Written {
                changed: paths
                    .iter()
                    .filter(|p| !created.contains(p))
                    .cloned()
                    .collect(),
                created: paths
                    .into_iter()
                    .filter(|p| created.contains(p))
                    .map(|p| (p.clone(), format!("{p}/jcr:content/metadata")))
                    .collect(),
                stray: Vec::new(),
            })
        })
    }
}

/// A listing entry as AEM's Siren listing shows it.
fn siren_entity(e: &Entry) -> Value {
    let mut properties = serde_json::json!({"name": e.name});
    let class = match e.kind {
        EntryKind::Folder => "assets/folder",
        EntryKind::Asset | EntryKind::ContentFragment => "assets/asset",
    };
    if e.kind == EntryKind::ContentFragment {
        properties["contentFragment"] = Value::Bool(true);
    }
    if let Some(md) = &e.metadata {
        properties["metadata"] = Value::Object(md.clone());
    }
    serde_json::json!({"class": [class], "properties": properties})
}

/// What a QueryBuilder folder query of the fake asks: `path` (its subtree, or its children with
/// `path.flat`), paged by `p.offset` and `p.limit`.
fn folder_query(params: &[(String, String)]) -> Option<(String, bool, usize, usize)> {
    let get = |k: &str| params.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
    let folder = get("path")?.to_owned();
    let flat = get("path.flat") == Some("true");
    let offset = get("p.offset").and_then(|v| v.parse().ok()).unwrap_or(0);
    let limit = get("p.limit").and_then(|v| v.parse().ok()).unwrap_or(10);
    Some((folder, flat, offset, limit))
}
