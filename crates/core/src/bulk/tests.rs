//! Engine tests against an in-memory DAM behind [`AssetStore`]: edits, preview = apply,
//! journal, resume, undo and fault handling, fast and without HTTP. The same behaviours are
//! tested against the sandbox in `tests/integration/bulk*.rs`.

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{Map, Value, json};

use crate::aem::auth::BoxFuture;
use crate::assets::{AssetRef, AssetStore, CallError, Current, Entry, EntryKind, Page, Write};
use crate::bulk::concurrency::ControllerConfig;
use crate::bulk::journal::{Record, journal_path, read_records};
use crate::bulk::*;
use crate::credentials::ApiFamily;
use crate::retry::RetryPolicy;

#[derive(Default)]
struct Dam {
    /// path → (metadata, version)
    assets: BTreeMap<String, (Map<String, Value>, u64)>,
    fragments: Vec<String>,
    folders: Vec<String>,
}

#[derive(Default)]
struct Faults {
    /// Writes that fail with a transient error before succeeding (per call countdown).
    transient_writes: AtomicU32,
    /// Writes that are applied but whose answer is lost.
    lost_answers: AtomicU32,
    throttles: AtomicU32,
    forbidden: Mutex<Vec<String>>,
    /// After this many calls, every call is an auth failure.
    auth_after: Mutex<Option<u64>>,
    /// Every call fails as if the host could not be reached.
    unreachable: std::sync::atomic::AtomicBool,
    /// Folders whose listing fails as if the host could not be reached.
    unreachable_folders: Mutex<Vec<String>>,
    /// (asset path, property) the listing leaves out although the asset has it.
    unlisted: Mutex<Vec<(String, String)>>,
    /// Assets whose every write fails (dropped connection) without being applied.
    dropped_writes: Mutex<Vec<String>>,
    /// Assets whose every write is applied but its answer lost.
    lost_writes: Mutex<Vec<String>>,
    /// Id look-ups (OpenAPI) that fail with a transient error before succeeding.
    transient_resolves: AtomicU32,
    /// How the next reads end, in order: `false` = dropped connection. Empty: answered.
    read_script: Mutex<std::collections::VecDeque<bool>>,
    /// Writes answered 412 without being applied (countdown).
    conflicts: AtomicU32,
    /// An asset whose write makes the task fail (panic), as a bug in a task would.
    crash_on: Mutex<Option<String>>,
}

struct Fake {
    family: ApiFamily,
    dam: Mutex<Dam>,
    faults: Faults,
    calls: AtomicU64,
    reads: AtomicU64,
    /// path → values written, in order.
    writes: Mutex<HashMap<String, Vec<Vec<Write>>>>,
    latency: Duration,
}

impl Fake {
    fn new(family: ApiFamily) -> Arc<Self> {
        Fake::with_latency(family, Duration::from_millis(1))
    }

    /// Every request takes `latency`, however many run at once (a server with room to spare).
    fn with_latency(family: ApiFamily, latency: Duration) -> Arc<Self> {
        Arc::new(Fake {
            family,
            dam: Mutex::new(Dam::default()),
            faults: Faults::default(),
            calls: AtomicU64::new(0),
            reads: AtomicU64::new(0),
            writes: Mutex::new(HashMap::new()),
            latency,
        })
    }

    fn seed(&self, folder: &str, n: usize, md: impl Fn(usize) -> Value) {
        let mut dam = self.dam.lock().unwrap();
        dam.folders.push(folder.to_owned());
        for k in 0..n {
            let Value::Object(m) = md(k) else { panic!() };
            dam.assets.insert(format!("{folder}/a{k:03}.jpg"), (m, 1));
        }
    }

    fn get(&self, path: &str) -> Map<String, Value> {
        self.dam.lock().unwrap().assets[path].0.clone()
    }

    fn set(&self, path: &str, property: &str, value: Value) {
        let mut dam = self.dam.lock().unwrap();
        let entry = dam.assets.get_mut(path).unwrap();
        entry.0.insert(property.into(), value);
        entry.1 += 1;
    }

    fn write_count(&self) -> usize {
        self.writes.lock().unwrap().values().map(Vec::len).sum()
    }

    fn gate(&self) -> Result<(), CallError> {
        let n = self.calls.fetch_add(1, Ordering::SeqCst);
        if self
            .faults
            .auth_after
            .lock()
            .unwrap()
            .is_some_and(|k| n >= k)
        {
            return Err(CallError::Auth("token revoked".into()));
        }
        if self.faults.unreachable.load(Ordering::SeqCst) {
            return Err(CallError::from_aem(crate::aem::AemError::Unreachable {
                host: "author-p1-e2.adobeaemcloud.com".into(),
                detail: "connection refused".into(),
            }));
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

fn etag(v: u64) -> String {
    format!("\"v{v}\"")
}

impl AssetStore for Fake {
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
            self.gate()?;
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
                return Err(CallError::from_aem(crate::aem::AemError::Unreachable {
                    host: "author-p1-e2.adobeaemcloud.com".into(),
                    detail: "connection reset".into(),
                }));
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
            let total = all.len() as u64;
            let entries: Vec<Entry> = all
                .into_iter()
                .skip(offset as usize)
                .take(limit as usize)
                .collect();
            let next = offset + entries.len() as u64;
            Ok(Page {
                entries,
                total: Some(total),
                next_offset: (next < total).then_some(next),
            })
        })
    }

    fn resolve_id<'a>(&'a self, path: &'a str) -> BoxFuture<'a, Result<Option<String>, CallError>> {
        Box::pin(async move {
            if self.family == ApiFamily::Classic {
                return Ok(None);
            }
            self.gate()?;
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
            self.gate()?;
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
            self.gate()?;
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

    fn listing_carries(&self, property: &str) -> bool {
        self.family == ApiFamily::Classic && property.starts_with("dc:")
    }
}

const F: &str = "/content/dam/f";

fn spec(family: ApiFamily, edits: Vec<Edit>) -> RunSpec {
    RunSpec {
        connection: "test".into(),
        connection_id: None,
        aem: "http://127.0.0.1:1".into(),
        family,
        folder: F.into(),
        filters: Filters::default(),
        edits,
        kind: RunKind::Edit,
        account: Some("tech@techacct.adobe.com".into()),
    }
}

fn set(p: &str, v: &str) -> Edit {
    Edit {
        property: p.into(),
        op: EditOp::Set {
            values: vec![v.into()],
        },
    }
}

fn append(p: &str, v: &[&str]) -> Edit {
    Edit {
        property: p.into(),
        op: EditOp::Append {
            values: v.iter().map(|s| s.to_string()).collect(),
        },
    }
}

fn settings() -> Settings {
    Settings {
        page_size: 7,
        retry: RetryPolicy {
            initial_delay: Duration::from_millis(1),
            ..Settings::default().retry
        },
        progress_interval: Duration::from_millis(1),
        controller: ControllerConfig {
            default_backoff: Duration::from_millis(5),
            ..Default::default()
        },
        ..Settings::default()
    }
}

fn engine(store: Arc<Fake>, dir: &std::path::Path) -> Engine {
    Engine::new(store, dir.join("runs")).with_settings(settings())
}

fn no_progress() -> impl Fn(Progress) + Send + Sync {
    |_p: Progress| {}
}

fn report_rows(dir: &std::path::Path, id: &str) -> Vec<ReportRow> {
    let mut rows = Vec::new();
    runs::report(&dir.join("runs"), id, |r| {
        rows.push(r);
        Ok(())
    })
    .unwrap();
    rows
}

#[tokio::test]
async fn preview_lists_every_page_and_writes_nothing() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, 20, |k| {
        if k % 4 == 0 {
            json!({"dc:rights": "R"})
        } else {
            json!({"dc:rights": "old"})
        }
    });
    fake.dam.lock().unwrap().fragments.push(format!("{F}/cf"));
    let dir = tempfile::tempdir().unwrap();
    let e = engine(fake.clone(), dir.path());
    let events = Mutex::new(Vec::new());
    let on = |p: Progress| events.lock().unwrap().push(p);
    let s = e
        .preview(
            spec(ApiFamily::Classic, vec![set("dc:rights", "R")]),
            &RunControl::new(),
            &on,
        )
        .await
        .unwrap();
    assert_eq!(s.status, RunStatus::Previewed);
    assert_eq!(s.counts.assets, 21);
    assert_eq!(s.counts.unchanged, 5);
    assert_eq!(s.counts.skipped, 1, "the content fragment");
    assert_eq!(s.counts.pending, 15);
    assert_eq!(fake.write_count(), 0);
    assert_eq!(
        fake.reads.load(Ordering::SeqCst),
        0,
        "the listing carried dc:rights"
    );
    let last = events.lock().unwrap().last().cloned().unwrap();
    assert!(last.finished && last.total_known);
    assert_eq!((last.done, last.total), (21, 21));
    let rows = runs::preview_page(&dir.path().join("runs"), &s.id, None, 0, 100)
        .unwrap()
        .rows;
    assert_eq!(rows.len(), 21);
    let cf = rows.iter().find(|r| r.path.ends_with("/cf")).unwrap();
    assert_eq!(cf.action, Action::Skip);
    assert!(cf.reason.as_deref().unwrap().contains("content fragment"));
    assert_eq!(
        runs::preview_page(&dir.path().join("runs"), &s.id, None, 20, 5)
            .unwrap()
            .rows
            .len(),
        1
    );
}

#[tokio::test]
async fn a_value_missing_from_the_listing_is_read_and_undo_restores_it() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, 4, |k| match k {
        3 => json!({}),
        _ => json!({"dc:rights": format!("r{k}")}),
    });
    // The listing leaves out a001's dc:rights, which its metadata.json has.
    fake.faults
        .unlisted
        .lock()
        .unwrap()
        .push((format!("{F}/a001.jpg"), "dc:rights".into()));
    let dir = tempfile::tempdir().unwrap();
    let runs_dir = dir.path().join("runs");
    let e = engine(fake.clone(), dir.path());
    let p = e
        .preview(
            spec(ApiFamily::Classic, vec![set("dc:rights", "new")]),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    assert_eq!(
        fake.reads.load(Ordering::SeqCst),
        2,
        "a001 (left out of the listing) and a003 (no value) are read; a000 and a002 are not"
    );
    let rows = runs::preview_page(&runs_dir, &p.id, None, 0, 10)
        .unwrap()
        .rows;
    let before = |name: &str| {
        rows.iter()
            .find(|r| r.path.ends_with(name))
            .unwrap()
            .changes[0]
            .before
            .clone()
    };
    assert_eq!(before("a001.jpg"), Some(json!("r1")), "the real value");
    assert_eq!(before("a000.jpg"), Some(json!("r0")));
    assert_eq!(before("a003.jpg"), None);

    e.apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    let journal = journal_path(&runs_dir, &p.id);
    let a001 = rows
        .iter()
        .find(|r| r.path.ends_with("a001.jpg"))
        .unwrap()
        .i;
    let original = read_records(&journal)
        .unwrap()
        .find_map(|r| match r.unwrap() {
            Record::Writing { i, original, .. } if i == a001 => Some(original),
            _ => None,
        })
        .unwrap();
    assert_eq!(
        original["dc:rights"], "r1",
        "the journal holds the real original"
    );

    let u = e
        .preview_undo(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    e.apply(&u.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!(fake.get(&format!("{F}/a001.jpg"))["dc:rights"], "r1");
    assert_eq!(fake.get(&format!("{F}/a000.jpg"))["dc:rights"], "r0");
    assert!(!fake.get(&format!("{F}/a003.jpg")).contains_key("dc:rights"));
}

#[tokio::test]
async fn apply_writes_exactly_the_preview_and_records_originals_first() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(
        F,
        10,
        |k| json!({"dc:rights": format!("r{k}"), "dc:subject": ["x"]}),
    );
    fake.set(&format!("{F}/a003.jpg"), "dc:rights", json!("R"));
    let dir = tempfile::tempdir().unwrap();
    let e = engine(fake.clone(), dir.path());
    let p = e
        .preview(
            spec(ApiFamily::Classic, vec![set("dc:rights", "R")]),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    let preview = runs::preview_page(&dir.path().join("runs"), &p.id, None, 0, 100)
        .unwrap()
        .rows;
    let s = e
        .apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!(s.status, RunStatus::Completed);
    assert_eq!(
        (
            s.counts.changed,
            s.counts.unchanged,
            s.counts.failed,
            s.counts.pending
        ),
        (9, 1, 0, 0)
    );
    for row in &preview {
        let now = fake.get(&row.path);
        for c in &row.changes {
            assert_eq!(now.get(&c.property), c.after.as_ref(), "{}", row.path);
        }
    }
    assert_eq!(fake.write_count(), 9);
    assert!(
        fake.writes.lock().unwrap().values().all(|w| w.len() == 1),
        "each asset written once"
    );
    // The journal has each asset's original before its outcome.
    let path = journal_path(&dir.path().join("runs"), &p.id);
    let mut writing_seen = std::collections::HashSet::new();
    for r in read_records(&path).unwrap() {
        match r.unwrap() {
            Record::Writing { i, original, .. } => {
                assert!(original.contains_key("dc:rights"));
                writing_seen.insert(i);
            }
            Record::Outcome { i, .. } => assert!(writing_seen.contains(&i)),
            _ => {}
        }
    }
    assert!(
        e.apply(&p.id, &RunControl::new(), &no_progress())
            .await
            .is_err(),
        "complete runs are not applied again"
    );
}

#[tokio::test]
async fn append_remove_and_clear_on_multi_valued_properties() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, 3, |k| match k {
        0 => json!({"dc:subject": ["a", "b"], "cq:tags": ["t:1"], "dc:rights": "x"}),
        1 => json!({"dc:subject": "a"}),
        _ => json!({}),
    });
    let dir = tempfile::tempdir().unwrap();
    let e = engine(fake.clone(), dir.path());
    let edits = vec![
        append("dc:subject", &["b", "c"]),
        Edit {
            property: "cq:tags".into(),
            op: EditOp::Remove {
                values: vec!["t:1".into()],
            },
        },
        Edit {
            property: "dc:rights".into(),
            op: EditOp::Clear,
        },
    ];
    let p = e
        .preview(
            spec(ApiFamily::Classic, edits),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    assert_eq!(
        fake.reads.load(Ordering::SeqCst),
        3,
        "cq:tags is not in the listing: each asset is read"
    );
    e.apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!(
        fake.get(&format!("{F}/a000.jpg")),
        json!({"dc:subject": ["a", "b", "c"]})
            .as_object()
            .unwrap()
            .clone()
    );
    assert_eq!(
        fake.get(&format!("{F}/a001.jpg"))["dc:subject"],
        json!(["a", "b", "c"])
    );
    assert_eq!(
        fake.get(&format!("{F}/a002.jpg"))["dc:subject"],
        json!(["b", "c"])
    );
    // Append depends on the current value: re-read just before writing (3 preview + 3 apply).
    assert_eq!(fake.reads.load(Ordering::SeqCst), 6);
}

#[tokio::test]
async fn classic_append_detects_a_change_since_the_preview() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, 2, |_| json!({"dc:subject": ["a"]}));
    let dir = tempfile::tempdir().unwrap();
    let e = engine(fake.clone(), dir.path());
    let p = e
        .preview(
            spec(ApiFamily::Classic, vec![append("dc:subject", &["b"])]),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    fake.set(&format!("{F}/a001.jpg"), "dc:subject", json!(["a", "z"]));
    let s = e
        .apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!((s.counts.changed, s.counts.failed), (1, 1));
    assert_eq!(
        fake.get(&format!("{F}/a001.jpg"))["dc:subject"],
        json!(["a", "z"]),
        "not overwritten"
    );
    let rows = report_rows(dir.path(), &p.id);
    let failed = rows
        .iter()
        .find(|r| r.status == ReportStatus::Failed)
        .unwrap();
    assert!(
        failed
            .reason
            .as_deref()
            .unwrap()
            .contains("changed in AEM after the preview"),
        "{failed:?}"
    );
}

#[tokio::test]
async fn openapi_uses_etags_and_reports_a_412() {
    let fake = Fake::new(ApiFamily::OpenApi);
    fake.seed(F, 4, |_| json!({"dc:rights": "old"}));
    let dir = tempfile::tempdir().unwrap();
    let e = engine(fake.clone(), dir.path());
    let p = e
        .preview(
            spec(ApiFamily::OpenApi, vec![set("dc:rights", "new")]),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    let rows = runs::preview_page(&dir.path().join("runs"), &p.id, None, 0, 10)
        .unwrap()
        .rows;
    assert!(rows.iter().all(|r| r.etag.is_some() && r.id.is_some()));
    // Someone edits one asset between preview and apply.
    fake.set(&format!("{F}/a002.jpg"), "dc:rights", json!("theirs"));
    let s = e
        .apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!((s.counts.changed, s.counts.failed), (3, 1));
    assert_eq!(fake.get(&format!("{F}/a002.jpg"))["dc:rights"], "theirs");
    let r = report_rows(dir.path(), &p.id);
    let failed = r.iter().find(|r| r.status == ReportStatus::Failed).unwrap();
    assert!(
        failed.reason.as_deref().unwrap().contains("412"),
        "{failed:?}"
    );
}

#[tokio::test]
async fn a_lost_answer_on_openapi_is_recognised_as_our_own_write() {
    let fake = Fake::new(ApiFamily::OpenApi);
    fake.seed(F, 3, |_| json!({"dc:rights": "old"}));
    fake.faults.lost_answers.store(1, Ordering::SeqCst);
    let dir = tempfile::tempdir().unwrap();
    let e = engine(fake.clone(), dir.path());
    let p = e
        .preview(
            spec(ApiFamily::OpenApi, vec![set("dc:rights", "new")]),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    let s = e
        .apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!(
        (s.counts.changed, s.counts.failed, s.counts.unchanged),
        (3, 0, 0)
    );
}

#[tokio::test]
async fn transient_failures_and_throttles_are_retried() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, 12, |_| json!({"dc:rights": "old"}));
    fake.faults.transient_writes.store(5, Ordering::SeqCst);
    fake.faults.throttles.store(4, Ordering::SeqCst);
    let dir = tempfile::tempdir().unwrap();
    let e = engine(fake.clone(), dir.path());
    let p = e
        .preview(
            spec(ApiFamily::Classic, vec![set("dc:rights", "new")]),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    let s = e
        .apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!((s.counts.changed, s.counts.failed), (12, 0));
}

#[tokio::test]
async fn each_request_has_its_own_retry_budget() {
    let defaults = settings();
    let three = Settings {
        retry: RetryPolicy {
            max_retries: 2,
            ..defaults.retry.clone()
        },
        ..defaults
    };
    let dir = tempfile::tempdir().unwrap();
    let runs_dir = dir.path().join("runs");

    // Preview (OpenAPI): the id look-up needs all 3 attempts, then the read does too.
    let fake = Fake::new(ApiFamily::OpenApi);
    fake.seed(F, 1, |_| json!({"dc:rights": "old"}));
    let e = engine(fake.clone(), dir.path()).with_settings(three.clone());
    fake.faults.transient_resolves.store(2, Ordering::SeqCst);
    fake.faults
        .read_script
        .lock()
        .unwrap()
        .extend([false, false]);
    let sp = spec(ApiFamily::OpenApi, vec![set("dc:rights", "new")]);
    let p = e
        .preview(sp.clone(), &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!(p.counts.pending, 1, "read on its own third attempt: {p:?}");

    // A read that never answers: the words count the read's attempts, not the look-up's.
    fake.faults.transient_resolves.store(2, Ordering::SeqCst);
    fake.faults
        .read_script
        .lock()
        .unwrap()
        .extend([false, false, false]);
    let p2 = e
        .preview(sp, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    let row = &runs::preview_page(&runs_dir, &p2.id, None, 0, 1)
        .unwrap()
        .rows[0];
    let reason = row.reason.as_deref().unwrap();
    assert_eq!(row.action, Action::Skip);
    assert!(
        reason.contains("after 3 attempts") && reason.contains("preview again"),
        "{reason}"
    );

    // Apply (OpenAPI, the asset in doubt after a kill): the re-read before the write needs 3
    // attempts, the write is answered 412, and the re-read after it gets its own budget (it
    // needs 2), so the report says 412, not a network failure.
    let path = journal_path(&runs_dir, &p.id);
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str("{\"t\":\"apply_started\",\"at\":\"2026-01-01T00:00:00Z\"}\n");
    text.push_str("{\"t\":\"writing\",\"i\":0,\"original\":{\"dc:rights\":\"old\"}}\n");
    std::fs::write(&path, text).unwrap();
    fake.faults
        .read_script
        .lock()
        .unwrap()
        .extend([false, false, true, false]);
    fake.faults.conflicts.store(1, Ordering::SeqCst);
    let s = e
        .apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!(s.counts.failed, 1, "{s:?}");
    let reason = report_rows(dir.path(), &p.id)[0].reason.clone().unwrap();
    assert!(reason.contains("(412)"), "{reason}");
    assert_eq!(fake.get(&format!("{F}/a000.jpg"))["dc:rights"], "old");
}

#[tokio::test]
async fn forbidden_writes_fail_with_advice_naming_the_account() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, 3, |_| json!({"dc:rights": "old"}));
    fake.faults
        .forbidden
        .lock()
        .unwrap()
        .push(format!("{F}/a001.jpg"));
    let dir = tempfile::tempdir().unwrap();
    let e = engine(fake.clone(), dir.path());
    let p = e
        .preview(
            spec(ApiFamily::Classic, vec![set("dc:rights", "new")]),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    let s = e
        .apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!((s.counts.changed, s.counts.failed), (2, 1));
    let rows = report_rows(dir.path(), &p.id);
    let reason = rows
        .iter()
        .find(|r| r.status == ReportStatus::Failed)
        .unwrap()
        .reason
        .clone()
        .unwrap();
    assert!(
        reason.contains("tech@techacct.adobe.com") && reason.contains("DAM Users"),
        "{reason}"
    );
    let mut csv = Vec::new();
    runs::write_csv(&dir.path().join("runs"), &p.id, &mut csv).unwrap();
    let csv = String::from_utf8(csv).unwrap();
    assert!(
        csv.starts_with("path,status,reason,dc:rights before,dc:rights after\n"),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), 4);
    assert!(
        csv.contains("/content/dam/f/a000.jpg,changed,,old,new"),
        "{csv}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_classic_preview_that_reads_every_asset_keeps_its_concurrency() {
    // No asset's listing shows dc:rights, so each one is read, and the server's latency is
    // flat. The classic family's id lookup answers at once without a request; counted as a
    // request, it set the controller's baseline near zero, every real request then looked
    // queued, and the limit fell to 1 within a second (a preview six times as slow). Noise
    // may cost a step now and then, never the whole way down.
    let fake = Fake::with_latency(ApiFamily::Classic, Duration::from_millis(50));
    fake.seed(F, 150, |_| json!({"dc:format": "image/jpeg"}));
    let dir = tempfile::tempdir().unwrap();
    let e = engine(fake.clone(), dir.path());
    let limits = Mutex::new(Vec::new());
    let record = |p: Progress| limits.lock().unwrap().push(p.concurrency);
    let p = e
        .preview(
            spec(ApiFamily::Classic, vec![set("dc:rights", "new")]),
            &RunControl::new(),
            &record,
        )
        .await
        .unwrap();
    assert_eq!(p.counts.pending, 150);
    assert_eq!(
        fake.reads.load(Ordering::SeqCst),
        150,
        "every asset was read"
    );
    let limits = limits.into_inner().unwrap();
    assert!(
        limits.iter().all(|&l| l > 1),
        "the limit fell to 1 with a flat latency: {limits:?}"
    );
}

#[tokio::test]
async fn an_account_that_cannot_write_stops_the_run_after_five_refusals() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, 60, |_| json!({"dc:rights": "old"}));
    let every: Vec<String> = (0..60).map(|k| format!("{F}/a{k:03}.jpg")).collect();
    fake.faults.forbidden.lock().unwrap().extend(every.clone());
    let dir = tempfile::tempdir().unwrap();
    let e = engine(fake.clone(), dir.path());
    let p = e
        .preview(
            spec(ApiFamily::Classic, vec![set("dc:rights", "new")]),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    let calls_before = fake.calls.load(Ordering::SeqCst);
    let s = e
        .apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!(s.status, RunStatus::Stopped, "{s:?}");
    let reason = s.reason.clone().unwrap();
    assert!(
        reason.contains("refused the first 5 changes (403)")
            && reason.contains("can read but not change")
            && reason.contains("the technical account tech@techacct.adobe.com")
            && reason.contains("resume"),
        "{reason}"
    );
    // The refusals say nothing about the assets themselves: every asset stays pending, so
    // one resume does them all.
    assert_eq!(
        (s.counts.failed, s.counts.changed, s.counts.pending),
        (0, 0, 60),
        "{:?}",
        s.counts
    );
    // A classic set reads nothing during apply: every call was a write.
    let writes = fake.calls.load(Ordering::SeqCst) - calls_before;
    let limit = settings().controller.max as u64;
    assert!((5..=5 + limit).contains(&writes), "{writes} writes sent");

    // Write access given: resume does everything.
    fake.faults.forbidden.lock().unwrap().clear();
    let resumed = e
        .apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!(
        (
            resumed.status,
            resumed.counts.changed,
            resumed.counts.failed,
            resumed.counts.pending
        ),
        (RunStatus::Completed, 60, 0, 0)
    );
}

#[tokio::test]
async fn fewer_refusals_than_the_stop_needs_end_as_failures() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, 3, |_| json!({"dc:rights": "old"}));
    let every: Vec<String> = (0..3).map(|k| format!("{F}/a{k:03}.jpg")).collect();
    fake.faults.forbidden.lock().unwrap().extend(every);
    let dir = tempfile::tempdir().unwrap();
    let e = engine(fake.clone(), dir.path());
    let p = e
        .preview(
            spec(ApiFamily::Classic, vec![set("dc:rights", "new")]),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    let s = e
        .apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!(
        (s.status, s.counts.failed, s.counts.pending),
        (RunStatus::Completed, 3, 0),
        "{s:?}"
    );
    let rows = runs::report_page(
        &dir.path().join("runs"),
        &p.id,
        Some(ReportStatus::Failed),
        0,
        10,
    )
    .unwrap()
    .rows;
    assert_eq!(rows.len(), 3);
    assert!(rows.iter().all(|r| {
        r.reason
            .as_deref()
            .is_some_and(|why| why.contains("can read but not change"))
    }));
}

#[tokio::test]
async fn refusals_after_an_accepted_write_are_failures_of_those_assets() {
    for forbidden in [0..4, 10..30] {
        let fake = Fake::new(ApiFamily::Classic);
        fake.seed(F, 30, |_| json!({"dc:rights": "old"}));
        let paths: Vec<String> = forbidden
            .clone()
            .map(|k| format!("{F}/a{k:03}.jpg"))
            .collect();
        fake.faults.forbidden.lock().unwrap().extend(paths);
        let dir = tempfile::tempdir().unwrap();
        let e = engine(fake.clone(), dir.path()).with_settings(Settings {
            controller: ControllerConfig {
                initial: 1,
                max: 1,
                ..settings().controller
            },
            ..settings()
        });
        let p = e
            .preview(
                spec(ApiFamily::Classic, vec![set("dc:rights", "new")]),
                &RunControl::new(),
                &no_progress(),
            )
            .await
            .unwrap();
        let s = e
            .apply(&p.id, &RunControl::new(), &no_progress())
            .await
            .unwrap();
        let refused = forbidden.len() as u64;
        assert_eq!(
            (s.status, s.counts.failed, s.counts.changed),
            (RunStatus::Completed, refused, 30 - refused),
            "{forbidden:?}: {s:?}"
        );
    }
}

#[tokio::test]
async fn revoked_credentials_stop_the_run_and_resume_finishes_it() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, 30, |_| json!({"dc:rights": "old"}));
    let dir = tempfile::tempdir().unwrap();
    let e = engine(fake.clone(), dir.path());
    let p = e
        .preview(
            spec(ApiFamily::Classic, vec![set("dc:rights", "new")]),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    let calls = fake.calls.load(Ordering::SeqCst);
    *fake.faults.auth_after.lock().unwrap() = Some(calls + 10);
    let s = e
        .apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!(s.status, RunStatus::Stopped);
    assert!(s.reason.as_deref().unwrap().contains("revoked"));
    assert_eq!(
        s.counts.failed, 0,
        "assets not written are pending, not failed"
    );
    assert_eq!(s.counts.changed + s.counts.pending, 30);
    *fake.faults.auth_after.lock().unwrap() = None;
    let s = e
        .apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!(
        (s.status, s.counts.changed, s.counts.pending),
        (RunStatus::Completed, 30, 0)
    );
    assert!(fake.writes.lock().unwrap().values().all(|w| w.len() == 1));
}

#[tokio::test]
async fn cancel_lets_writes_in_flight_finish_and_resume_does_the_rest() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, 40, |_| json!({"dc:rights": "old"}));
    let dir = tempfile::tempdir().unwrap();
    let e = engine(fake.clone(), dir.path());
    let p = e
        .preview(
            spec(ApiFamily::Classic, vec![set("dc:rights", "new")]),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    let control = RunControl::new();
    let c2 = control.clone();
    let on = move |p: Progress| {
        if p.done >= 5 {
            c2.cancel();
        }
    };
    let s = e.apply(&p.id, &control, &on).await.unwrap();
    assert_eq!(s.status, RunStatus::Cancelled);
    assert!(
        s.counts.changed >= 5 && s.counts.pending > 0,
        "{:?}",
        s.counts
    );
    assert_eq!(
        s.counts.changed as usize,
        fake.write_count(),
        "every write started was finished and recorded"
    );
    let s = e
        .apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!((s.status, s.counts.changed), (RunStatus::Completed, 40));
    assert_eq!(fake.write_count(), 40);
}

#[tokio::test]
async fn a_failed_task_stops_new_writes_lets_the_others_finish_and_resume_completes() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, 60, |_| json!({"dc:rights": "old"}));
    let dir = tempfile::tempdir().unwrap();
    let e = engine(fake.clone(), dir.path());
    let p = e
        .preview(
            spec(ApiFamily::Classic, vec![set("dc:rights", "new")]),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    let crashing = format!("{F}/a020.jpg");
    *fake.faults.crash_on.lock().unwrap() = Some(crashing.clone());
    let err = e
        .apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap_err();
    assert!(err.to_string().contains("a run task failed"), "{err}");
    let s = runs::summary(&dir.path().join("runs"), &p.id).unwrap();
    assert_eq!(s.status, RunStatus::Interrupted);
    assert!(
        s.counts.pending > 1,
        "no new write after the failure: {s:?}"
    );
    assert_eq!(s.counts.failed, 0);
    assert_eq!(
        s.counts.changed as usize,
        fake.write_count(),
        "every write in flight finished and was journaled"
    );

    *fake.faults.crash_on.lock().unwrap() = None;
    let s = e
        .apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!((s.status, s.counts.changed), (RunStatus::Completed, 60));
    assert!(fake.writes.lock().unwrap().values().all(|w| w.len() == 1));
    assert_eq!(fake.get(&crashing)["dc:rights"], "new");
}

#[tokio::test]
async fn pause_holds_new_writes_until_resumed() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, 20, |_| json!({"dc:rights": "old"}));
    let dir = tempfile::tempdir().unwrap();
    let e = Arc::new(engine(fake.clone(), dir.path()));
    let p = e
        .preview(
            spec(ApiFamily::Classic, vec![set("dc:rights", "new")]),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    let control = RunControl::new();
    control.pause();
    let task = tokio::spawn({
        let (e, control, id) = (e.clone(), control.clone(), p.id.clone());
        async move { e.apply(&id, &control, &|_p: Progress| {}).await }
    });
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(fake.write_count(), 0);
    control.resume();
    let s = task.await.unwrap().unwrap();
    assert_eq!(s.counts.changed, 20);
}

#[tokio::test]
async fn an_in_doubt_write_is_checked_before_it_is_repeated() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, 3, |_| json!({"dc:rights": "old"}));
    let dir = tempfile::tempdir().unwrap();
    let e = engine(fake.clone(), dir.path());
    let p = e
        .preview(
            spec(ApiFamily::Classic, vec![set("dc:rights", "new")]),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    // Simulate a crash: write intents for assets 0 and 1 are on disk (and a torn outcome
    // line); asset 0's write landed, asset 1's did not.
    let path = journal_path(&dir.path().join("runs"), &p.id);
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str("{\"t\":\"apply_started\",\"at\":\"2026-01-01T00:00:00Z\"}\n");
    text.push_str("{\"t\":\"writing\",\"i\":0,\"original\":{\"dc:rights\":\"old\"}}\n");
    text.push_str(
        "{\"t\":\"writing\",\"i\":1,\"original\":{\"dc:rights\":\"old\"}}\n{\"t\":\"outc",
    );
    std::fs::write(&path, text).unwrap();
    fake.set(&format!("{F}/a000.jpg"), "dc:rights", json!("new"));
    let status = runs::summary(&dir.path().join("runs"), &p.id)
        .unwrap()
        .status;
    assert_eq!(status, RunStatus::Interrupted);
    let s = e
        .apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!((s.counts.changed, s.counts.failed), (3, 0));
    let writes = fake.writes.lock().unwrap();
    assert!(
        !writes.contains_key(&format!("{F}/a000.jpg")),
        "landed write not repeated"
    );
    assert_eq!(writes[&format!("{F}/a001.jpg")].len(), 1);
}

#[tokio::test]
async fn undo_restores_a_write_in_doubt_that_landed_after_a_kill() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, 3, |k| json!({"dc:rights": format!("r{k}")}));
    let dir = tempfile::tempdir().unwrap();
    let runs_dir = dir.path().join("runs");
    let e = engine(fake.clone(), dir.path());
    let p = e
        .preview(
            spec(ApiFamily::Classic, vec![set("dc:rights", "new")]),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    // Killed mid-apply: the intents of a000 and a001 are on disk, no outcome. a000's write
    // landed, a001's did not.
    let path = journal_path(&runs_dir, &p.id);
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str("{\"t\":\"apply_started\",\"at\":\"2026-01-01T00:00:00Z\"}\n");
    text.push_str("{\"t\":\"writing\",\"i\":0,\"original\":{\"dc:rights\":\"r0\"}}\n");
    text.push_str("{\"t\":\"writing\",\"i\":1,\"original\":{\"dc:rights\":\"r1\"}}\n");
    std::fs::write(&path, text).unwrap();
    fake.set(&format!("{F}/a000.jpg"), "dc:rights", json!("new"));
    assert_eq!(
        runs::summary(&runs_dir, &p.id).unwrap().status,
        RunStatus::Interrupted
    );

    let u = e
        .preview_undo(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!(
        (u.counts.assets, u.counts.pending, u.counts.unchanged),
        (2, 1, 1),
        "a000 to restore, a001 already as wanted"
    );
    let u = e
        .apply(&u.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!((u.status, u.counts.changed), (RunStatus::Completed, 1));
    assert_eq!(fake.get(&format!("{F}/a000.jpg"))["dc:rights"], "r0");
    assert_eq!(fake.get(&format!("{F}/a001.jpg"))["dc:rights"], "r1");
    assert_eq!(fake.get(&format!("{F}/a002.jpg"))["dc:rights"], "r2");
    assert!(
        !fake
            .writes
            .lock()
            .unwrap()
            .contains_key(&format!("{F}/a001.jpg")),
        "a write that did not land is not undone"
    );
}

#[tokio::test]
async fn undo_restores_a_failed_write_that_landed_and_leaves_one_that_did_not() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, 3, |k| json!({"dc:rights": format!("r{k}")}));
    let (landed, not_landed) = (format!("{F}/a000.jpg"), format!("{F}/a001.jpg"));
    fake.faults.lost_writes.lock().unwrap().push(landed.clone());
    fake.faults
        .dropped_writes
        .lock()
        .unwrap()
        .push(not_landed.clone());
    let dir = tempfile::tempdir().unwrap();
    let runs_dir = dir.path().join("runs");
    let e = engine(fake.clone(), dir.path());
    let p = e
        .preview(
            spec(ApiFamily::Classic, vec![set("dc:rights", "new")]),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    let s = e
        .apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!((s.counts.changed, s.counts.failed), (1, 2));
    assert_eq!(
        fake.get(&landed)["dc:rights"],
        "new",
        "applied although every answer was lost"
    );
    assert_eq!(fake.get(&not_landed)["dc:rights"], "r1");

    fake.faults.lost_writes.lock().unwrap().clear();
    fake.faults.dropped_writes.lock().unwrap().clear();
    let u = e
        .preview_undo(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!(
        (u.counts.assets, u.counts.pending, u.counts.unchanged),
        (3, 2, 1)
    );
    let unchanged = runs::preview_page(&runs_dir, &u.id, Some(Action::Unchanged), 0, 10)
        .unwrap()
        .rows;
    assert_eq!(unchanged[0].path, not_landed, "already as wanted");
    e.apply(&u.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!(fake.get(&landed)["dc:rights"], "r0");
    assert_eq!(fake.get(&format!("{F}/a002.jpg"))["dc:rights"], "r2");
    assert_eq!(fake.get(&not_landed)["dc:rights"], "r1");
    assert!(
        !fake.writes.lock().unwrap().contains_key(&not_landed),
        "nothing ever written to the asset whose writes did not land"
    );
}

#[tokio::test]
async fn undo_leaves_a_value_set_the_same_way_by_someone_else() {
    // OpenAPI: after the preview someone sets a001 to the run's value; our If-Match write is
    // refused (412), so the run wrote nothing there and its undo must not revert their edit.
    let fake = Fake::new(ApiFamily::OpenApi);
    fake.seed(F, 2, |k| json!({"dc:rights": format!("r{k}")}));
    let dir = tempfile::tempdir().unwrap();
    let e = engine(fake.clone(), dir.path());
    let p = e
        .preview(
            spec(ApiFamily::OpenApi, vec![set("dc:rights", "new")]),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    let theirs = format!("{F}/a001.jpg");
    fake.set(&theirs, "dc:rights", json!("new"));
    let s = e
        .apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!((s.counts.changed, s.counts.unchanged), (1, 1));
    let u = e
        .preview_undo(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!((u.counts.assets, u.counts.pending), (1, 1), "{u:?}");
    e.apply(&u.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!(fake.get(&format!("{F}/a000.jpg"))["dc:rights"], "r0");
    assert_eq!(fake.get(&theirs)["dc:rights"], "new", "their edit stays");
}

#[tokio::test]
async fn undo_restores_originals_except_where_changed_since() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, 5, |k| {
        if k == 4 {
            json!({})
        } else {
            json!({"dc:rights": format!("r{k}")})
        }
    });
    let dir = tempfile::tempdir().unwrap();
    let e = engine(fake.clone(), dir.path());
    let p = e
        .preview(
            spec(ApiFamily::Classic, vec![set("dc:rights", "new")]),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    e.apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    fake.set(&format!("{F}/a001.jpg"), "dc:rights", json!("edited later"));
    let u = e
        .preview_undo(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!(u.kind, RunKind::Undo { of: p.id.clone() });
    assert_eq!((u.counts.pending, u.counts.skipped), (4, 1));
    let u = e
        .apply(&u.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!(u.counts.changed, 4);
    assert_eq!(fake.get(&format!("{F}/a000.jpg"))["dc:rights"], "r0");
    assert_eq!(
        fake.get(&format!("{F}/a001.jpg"))["dc:rights"],
        "edited later"
    );
    assert_eq!(fake.get(&format!("{F}/a003.jpg"))["dc:rights"], "r3");
    assert!(
        !fake.get(&format!("{F}/a004.jpg")).contains_key("dc:rights"),
        "absent before → removed"
    );
    let list = runs::list(&dir.path().join("runs")).unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0].id, u.id, "newest first");
}

#[tokio::test]
async fn recursion_filters_and_missing_folders() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, 3, |_| json!({"dc:format": "image/jpeg"}));
    fake.seed(
        &format!("{F}/sub"),
        2,
        |_| json!({"dc:format": "application/pdf"}),
    );
    let dir = tempfile::tempdir().unwrap();
    let e = engine(fake.clone(), dir.path());
    let flat = e
        .preview(
            spec(ApiFamily::Classic, vec![set("dc:rights", "R")]),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    assert_eq!(flat.counts.assets, 3);
    let mut deep = spec(ApiFamily::Classic, vec![set("dc:rights", "R")]);
    deep.filters.recursive = true;
    assert_eq!(
        e.preview(deep.clone(), &RunControl::new(), &no_progress())
            .await
            .unwrap()
            .counts
            .assets,
        5
    );
    deep.filters.formats = vec!["application/*".into()];
    assert_eq!(
        e.preview(deep.clone(), &RunControl::new(), &no_progress())
            .await
            .unwrap()
            .counts
            .assets,
        2
    );
    deep.filters.formats.clear();
    deep.filters.name = Some("A00[?".into());
    assert_eq!(
        e.preview(deep.clone(), &RunControl::new(), &no_progress())
            .await
            .unwrap()
            .counts
            .assets,
        0
    );
    deep.filters.name = Some("*1.JPG".into());
    assert_eq!(
        e.preview(deep.clone(), &RunControl::new(), &no_progress())
            .await
            .unwrap()
            .counts
            .assets,
        2
    );
    deep.folder = "/content/dam/nope".into();
    let err = e
        .preview(deep, &RunControl::new(), &no_progress())
        .await
        .unwrap_err();
    assert!(err.to_string().contains("does not exist"), "{err}");
}

#[tokio::test]
async fn a_second_apply_of_the_same_run_is_refused_while_one_runs() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, 30, |_| json!({"dc:rights": "old"}));
    let dir = tempfile::tempdir().unwrap();
    let e = Arc::new(engine(fake.clone(), dir.path()));
    let p = e
        .preview(
            spec(ApiFamily::Classic, vec![set("dc:rights", "new")]),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    let control = RunControl::new();
    control.pause();
    let first = tokio::spawn({
        let (e, control, id) = (e.clone(), control.clone(), p.id.clone());
        async move { e.apply(&id, &control, &|_p: Progress| {}).await }
    });
    tokio::time::sleep(Duration::from_millis(50)).await;
    let second = e.apply(&p.id, &RunControl::new(), &no_progress()).await;
    assert!(second.unwrap_err().to_string().contains("another"));
    control.resume();
    assert_eq!(first.await.unwrap().unwrap().counts.changed, 30);
}

/// The journals in the runs folder (none when the folder was never created).
fn journals(dir: &std::path::Path) -> Vec<String> {
    match std::fs::read_dir(dir.join("runs")) {
        Ok(entries) => entries
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(e) => panic!("{e}"),
    }
}

#[tokio::test]
async fn a_preview_that_fails_before_planning_anything_stores_no_run() {
    let dir = tempfile::tempdir().unwrap();
    let runs_dir = dir.path().join("runs");
    let sp = || spec(ApiFamily::Classic, vec![set("dc:rights", "R")]);

    // A folder that does not exist.
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, 3, |_| json!({}));
    let e = engine(fake.clone(), dir.path());
    let mut missing = sp();
    missing.folder = "/content/dam/nope".into();
    let err = e
        .preview(missing, &RunControl::new(), &no_progress())
        .await
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("The folder /content/dam/nope does not exist"),
        "{err}"
    );
    assert_eq!(journals(dir.path()), Vec::<String>::new());

    // Credentials refused.
    *fake.faults.auth_after.lock().unwrap() = Some(0);
    let err = e
        .preview(sp(), &RunControl::new(), &no_progress())
        .await
        .unwrap_err();
    assert_eq!(err.code(), crate::error::ErrorCode::Auth);
    assert!(err.to_string().contains("token revoked"), "{err}");
    assert_eq!(journals(dir.path()), Vec::<String>::new());
    *fake.faults.auth_after.lock().unwrap() = None;

    // The host cannot be reached.
    fake.faults.unreachable.store(true, Ordering::SeqCst);
    let err = e
        .preview(sp(), &RunControl::new(), &no_progress())
        .await
        .unwrap_err();
    assert_eq!(err.code(), crate::error::ErrorCode::Network);
    assert!(
        err.to_string()
            .contains("Could not reach author-p1-e2.adobeaemcloud.com"),
        "{err}"
    );
    assert_eq!(journals(dir.path()), Vec::<String>::new());
    assert!(runs::list(&runs_dir).unwrap().is_empty());
    fake.faults.unreachable.store(false, Ordering::SeqCst);

    // Undo and retry of a real run: the same failures leave only that run.
    fake.faults
        .forbidden
        .lock()
        .unwrap()
        .push(format!("{F}/a002.jpg"));
    let p = e
        .preview(sp(), &RunControl::new(), &no_progress())
        .await
        .unwrap();
    let applied = e
        .apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!((applied.counts.changed, applied.counts.failed), (2, 1));
    let only_the_run = vec![format!("{}.jsonl", p.id)];
    *fake.faults.auth_after.lock().unwrap() = Some(0);
    for err in [
        e.preview_undo(&p.id, &RunControl::new(), &no_progress())
            .await
            .unwrap_err(),
        e.preview_retry(&p.id, &RunControl::new(), &no_progress())
            .await
            .unwrap_err(),
    ] {
        assert!(err.to_string().contains("token revoked"), "{err}");
        assert_eq!(journals(dir.path()), only_the_run);
    }
    *fake.faults.auth_after.lock().unwrap() = None;
    fake.faults.unreachable.store(true, Ordering::SeqCst);
    for err in [
        e.preview_undo(&p.id, &RunControl::new(), &no_progress())
            .await
            .unwrap_err(),
        e.preview_retry(&p.id, &RunControl::new(), &no_progress())
            .await
            .unwrap_err(),
    ] {
        assert!(err.to_string().contains("Could not reach"), "{err}");
        assert_eq!(journals(dir.path()), only_the_run);
    }
}

#[tokio::test]
async fn a_deleted_asset_and_an_unreachable_host_are_reported_in_words() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, 3, |_| json!({"dc:rights": "old"}));
    let dir = tempfile::tempdir().unwrap();
    let e = engine(fake.clone(), dir.path());
    let sp = |v: &str| spec(ApiFamily::Classic, vec![set("dc:rights", v)]);

    // Deleted between the preview and the apply.
    let p = e
        .preview(sp("new"), &RunControl::new(), &no_progress())
        .await
        .unwrap();
    let gone = format!("{F}/a001.jpg");
    fake.dam.lock().unwrap().assets.remove(&gone);
    let s = e
        .apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!((s.counts.changed, s.counts.failed), (2, 1));
    let row = report_rows(dir.path(), &p.id)
        .into_iter()
        .find(|r| r.path == gone)
        .unwrap();
    assert_eq!(row.status, ReportStatus::Failed);
    assert_eq!(
        row.reason.as_deref(),
        Some("the asset no longer exists (404): it was moved or deleted after the preview")
    );

    // The host goes away between the preview and the apply.
    let p = e
        .preview(sp("newer"), &RunControl::new(), &no_progress())
        .await
        .unwrap();
    fake.faults.unreachable.store(true, Ordering::SeqCst);
    let s = e
        .apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!((s.status, s.counts.failed), (RunStatus::Completed, 2));
    for row in report_rows(dir.path(), &p.id) {
        assert_eq!(row.status, ReportStatus::Failed);
        assert_eq!(
            row.reason.as_deref(),
            Some(
                "Could not reach author-p1-e2.adobeaemcloud.com: connection refused (6 \
                 attempts); AEM did not confirm the change. Retry the failed assets to try \
                 again."
            )
        );
    }
}

#[tokio::test]
async fn bad_property_names_are_refused_naming_the_property_and_the_form() {
    let fake = browsable();
    let dir = tempfile::tempdir().unwrap();
    let e = engine(fake.clone(), dir.path());
    for bad in ["rights", "dc rights", ":x", "x:", ""] {
        let err = e
            .preview(
                spec(ApiFamily::Classic, vec![set(bad, "R")]),
                &RunControl::new(),
                &no_progress(),
            )
            .await
            .unwrap_err();
        assert_eq!(err.code(), crate::error::ErrorCode::InvalidInput);
        let words = err.to_string();
        assert!(
            words.starts_with(&format!("\"{bad}\" is not a metadata property name"))
                && words.contains("prefix:name")
                && words.contains("dc:rights"),
            "{bad}: {words}"
        );
    }
    assert_eq!(journals(dir.path()), Vec::<String>::new(), "nothing stored");
    assert_eq!(fake.calls.load(Ordering::SeqCst), 0, "nothing asked of AEM");
}

#[tokio::test]
async fn classic_set_and_clear_write_without_reading_append_and_remove_read_first() {
    let remove = |p: &str, v: &[&str]| Edit {
        property: p.into(),
        op: EditOp::Remove {
            values: v.iter().map(|s| s.to_string()).collect(),
        },
    };
    let clear = |p: &str| Edit {
        property: p.into(),
        op: EditOp::Clear,
    };
    let cases: Vec<(Vec<Edit>, u64)> = vec![
        (vec![set("dc:rights", "new")], 0),
        (vec![clear("dc:rights")], 0),
        (vec![set("xmpRights:UsageTerms", "terms")], 0),
        (vec![append("dc:subject", &["c"])], 6),
        (vec![remove("dc:subject", &["a"])], 6),
        (
            vec![set("dc:rights", "new"), append("dc:subject", &["c"])],
            6,
        ),
    ];
    for (edits, reads_in_apply) in cases {
        let fake = Fake::new(ApiFamily::Classic);
        fake.seed(
            F,
            6,
            |_| json!({"dc:rights": "old", "dc:subject": ["a", "b"]}),
        );
        let dir = tempfile::tempdir().unwrap();
        let e = engine(fake.clone(), dir.path());
        let p = e
            .preview(
                spec(ApiFamily::Classic, edits.clone()),
                &RunControl::new(),
                &no_progress(),
            )
            .await
            .unwrap();
        assert_eq!(p.counts.pending, 6);
        let before = fake.reads.load(Ordering::SeqCst);
        let s = e
            .apply(&p.id, &RunControl::new(), &no_progress())
            .await
            .unwrap();
        assert_eq!(s.counts.changed, 6);
        assert_eq!(
            fake.reads.load(Ordering::SeqCst) - before,
            reads_in_apply,
            "{edits:?}"
        );
    }
}

#[tokio::test]
async fn a_runs_duration_is_the_time_it_was_working() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, 4, |_| json!({"dc:rights": "old"}));
    let dir = tempfile::tempdir().unwrap();
    let runs_dir = dir.path().join("runs");
    let e = engine(fake.clone(), dir.path());
    let p = e
        .preview(
            spec(ApiFamily::Classic, vec![set("dc:rights", "new")]),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    assert!(p.duration_secs.is_some_and(|d| (0.0..60.0).contains(&d)));
    // The engine gives the first writing record of an apply its time.
    e.apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    let stamped = read_records(&journal_path(&runs_dir, &p.id))
        .unwrap()
        .filter(|r| matches!(r, Ok(Record::Writing { at: Some(_), .. })))
        .count();
    assert!(stamped >= 1);

    // A journal written over days: previewed in 10 s, applied three days later (20 s), an
    // apply killed 7 s in (its last timed record), resumed a week later (3 s).
    let spec_line = serde_json::to_string(&Record::Run {
        v: 1,
        id: "r".into(),
        created: "2026-01-01T10:00:00Z".into(),
        spec: spec(ApiFamily::Classic, vec![set("dc:rights", "new")]),
    })
    .unwrap();
    let journal = |tail: &str| {
        format!(
            "{spec_line}\n\
             {{\"t\":\"row\",\"i\":0,\"path\":\"{F}/a.jpg\",\"action\":\"change\",\"changes\":[]}}\n\
             {{\"t\":\"previewed\",\"at\":\"2026-01-01T10:00:10Z\",\"counts\":{{\"assets\":1,\"willChange\":1,\"unchanged\":0,\"skipped\":0,\"filteredOut\":0,\"folders\":0}}}}\n\
             {tail}"
        )
    };
    let duration = |name: &str, tail: &str| {
        std::fs::write(journal_path(&runs_dir, name), journal(tail)).unwrap();
        runs::summary(&runs_dir, name).unwrap().duration_secs
    };
    assert_eq!(duration("previewed", ""), Some(10.0));
    let applied_later = "\
        {\"t\":\"apply_started\",\"at\":\"2026-01-04T09:00:00Z\"}\n\
        {\"t\":\"writing\",\"i\":0,\"original\":{},\"at\":\"2026-01-04T09:00:01Z\"}\n\
        {\"t\":\"outcome\",\"i\":0,\"outcome\":\"changed\"}\n\
        {\"t\":\"ended\",\"at\":\"2026-01-04T09:00:20Z\",\"status\":\"completed\"}\n";
    assert_eq!(duration("applied", applied_later), Some(30.0));
    let killed_then_resumed = "\
        {\"t\":\"apply_started\",\"at\":\"2026-01-04T09:00:00Z\"}\n\
        {\"t\":\"writing\",\"i\":0,\"original\":{},\"at\":\"2026-01-04T09:00:01Z\"}\n\
        {\"t\":\"outcome\",\"i\":0,\"outcome\":\"failed\",\"at\":\"2026-01-04T09:00:07Z\"}\n\
        {\"t\":\"writing\",\"i\":1,\"original\":{}}\n\
        {\"t\":\"apply_started\",\"at\":\"2026-01-11T12:00:00Z\"}\n\
        {\"t\":\"ended\",\"at\":\"2026-01-11T12:00:03Z\",\"status\":\"completed\"}\n";
    assert_eq!(duration("resumed", killed_then_resumed), Some(20.0));
    // Killed and not resumed (yet): up to the last timed record.
    let killed = &killed_then_resumed[..killed_then_resumed
        .find("{\"t\":\"apply_started\",\"at\":\"2026-01-11")
        .unwrap()];
    assert_eq!(duration("killed", killed), Some(17.0));
    // A preview that did not finish has no duration yet.
    std::fs::write(
        journal_path(&runs_dir, "incomplete"),
        format!("{spec_line}\n"),
    )
    .unwrap();
    assert_eq!(
        runs::summary(&runs_dir, "incomplete")
            .unwrap()
            .duration_secs,
        None
    );
}

// ---- The app's views: folder pages, completion, scope counts, retry, pages of rows ----------

use crate::assets::browse;

/// `F` with five assets (alternating JPEG and PDF) and a content fragment, three subfolders
/// with one PNG each, and a second top-level folder.
fn browsable() -> Arc<Fake> {
    let fake = Fake::new(ApiFamily::Classic);
    fake.dam.lock().unwrap().folders.push("/content/dam".into());
    fake.seed(F, 5, |k| {
        json!({"dc:format": if k % 2 == 0 { "image/jpeg" } else { "application/pdf" }, "dc:rights": "old"})
    });
    for sub in ["Alpha", "alps", "beta"] {
        fake.seed(
            &format!("{F}/{sub}"),
            1,
            |_| json!({"dc:format": "image/png"}),
        );
    }
    fake.seed("/content/dam/other", 0, |_| json!({}));
    fake.dam.lock().unwrap().fragments.push(format!("{F}/cf"));
    fake
}

#[tokio::test]
async fn folder_pages_page_through_subfolders_and_assets() {
    let fake = browsable();
    let first = browse::folder_page(fake.as_ref(), F, 0, 4).await.unwrap();
    assert_eq!(first.folder, F);
    let names: Vec<&str> = first.folders.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, vec!["Alpha", "alps", "beta"]);
    assert_eq!(first.folders[0].path, format!("{F}/Alpha"));
    assert_eq!(
        (first.assets, first.total, first.next_offset),
        (1, Some(9), Some(4))
    );
    let (mut offset, mut assets, mut pages) = (first.next_offset, first.assets, 1);
    while let Some(o) = offset {
        let page = browse::folder_page(fake.as_ref(), F, o, 4).await.unwrap();
        assert!(page.folders.is_empty());
        assets += page.assets;
        offset = page.next_offset;
        pages += 1;
    }
    assert_eq!(
        (assets, pages),
        (6, 3),
        "five assets and the content fragment"
    );
    // The CLI's form without /content/dam works too.
    let short = browse::folder_page(fake.as_ref(), "f/", 0, 100)
        .await
        .unwrap();
    assert_eq!((short.folder.as_str(), short.next_offset), (F, None));

    let missing = browse::folder_page(fake.as_ref(), "/content/dam/nope", 0, 10)
        .await
        .unwrap_err();
    assert_eq!(missing.code(), crate::error::ErrorCode::NotFound);
    assert!(
        missing.to_string().contains("/content/dam/nope")
            && missing.to_string().contains("does not exist"),
        "{missing}"
    );
    let outside = browse::folder_page(fake.as_ref(), "/content/sites/x", 0, 10)
        .await
        .unwrap_err();
    assert!(
        outside.to_string().contains("/content/sites/x")
            && outside.to_string().contains("not a DAM folder"),
        "{outside}"
    );
}

#[tokio::test]
async fn completion_lists_the_parent_and_matches_the_last_segment() {
    let fake = browsable();
    let names = |v: Vec<browse::FolderEntry>| v.into_iter().map(|e| e.name).collect::<Vec<_>>();
    let al = browse::complete(fake.as_ref(), "/content/dam/f/AL", 10)
        .await
        .unwrap();
    assert_eq!(names(al.clone()), vec!["Alpha", "alps"]);
    assert_eq!(al[0].path, format!("{F}/Alpha"));
    assert_eq!(
        names(browse::complete(fake.as_ref(), "f/al", 10).await.unwrap()),
        vec!["Alpha", "alps"],
        "without /content/dam, like the CLI"
    );
    assert_eq!(
        names(
            browse::complete(fake.as_ref(), "/content/dam/f/", 10)
                .await
                .unwrap()
        ),
        vec!["Alpha", "alps", "beta"]
    );
    assert_eq!(
        names(
            browse::complete(fake.as_ref(), "/content/dam/", 10)
                .await
                .unwrap()
        ),
        vec!["f", "other"]
    );
    assert_eq!(
        names(browse::complete(fake.as_ref(), "", 10).await.unwrap()),
        vec!["f", "other"]
    );
    assert_eq!(
        names(
            browse::complete(fake.as_ref(), "/content/dam/o", 10)
                .await
                .unwrap()
        ),
        vec!["other"]
    );
    assert_eq!(
        browse::complete(fake.as_ref(), "/content/da", 10)
            .await
            .unwrap()[0]
            .path,
        "/content/dam"
    );
    assert_eq!(
        browse::complete(fake.as_ref(), "/content/dam/f/al", 1)
            .await
            .unwrap()
            .len(),
        1
    );
    assert!(
        browse::complete(fake.as_ref(), "/content/dam/nope/x", 10)
            .await
            .unwrap()
            .is_empty(),
        "a parent that does not exist completes to nothing"
    );
    let outside = browse::complete(fake.as_ref(), "/content/sites/x", 10)
        .await
        .unwrap_err();
    assert!(
        outside.to_string().contains("not a DAM folder"),
        "{outside}"
    );
    let dots = browse::complete(fake.as_ref(), "/content/dam/../x", 10)
        .await
        .unwrap_err();
    assert!(dots.to_string().contains(".."), "{dots}");
}

#[tokio::test]
async fn a_subfolder_that_cannot_be_listed_is_in_the_plan_and_the_count_not_left_out() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed("/content/dam/f", 2, |_| json!({}));
    fake.seed("/content/dam/f/locked", 3, |_| json!({}));
    fake.seed("/content/dam/f/open", 1, |_| json!({}));
    fake.faults
        .forbidden
        .lock()
        .unwrap()
        .push("/content/dam/f/locked".into());
    let dir = tempfile::tempdir().unwrap();
    let mut sp = spec(ApiFamily::Classic, vec![set("dc:rights", "R")]);
    sp.folder = "/content/dam/f".into();
    sp.filters.recursive = true;
    let p = engine(fake.clone(), dir.path())
        .preview(sp, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!((p.counts.assets, p.counts.skipped), (4, 1), "{p:?}");
    let rows = report_rows(dir.path(), &p.id);
    let locked = rows
        .iter()
        .find(|r| r.path == "/content/dam/f/locked")
        .expect("a row for the folder");
    assert_eq!(locked.status, ReportStatus::Skipped);
    let reason = locked.reason.as_deref().unwrap();
    assert!(reason.contains("could not be listed"), "{reason}");

    let count = scope::count(
        fake.as_ref(),
        "/content/dam/f",
        &Filters {
            recursive: true,
            ..Filters::default()
        },
        &RunControl::new(),
        &|_| {},
    )
    .await
    .unwrap();
    assert_eq!((count.assets, count.unlisted_folders), (3, 1), "{count:?}");
}

/// A subfolder whose listing cannot reach the host says nothing about the folder: the count and
/// the preview walk the same way, and both stop with the same error instead of calling it
/// empty.
#[tokio::test]
async fn an_unreachable_subfolder_ends_the_count_and_the_preview_alike() {
    let fake = browsable();
    fake.faults
        .unreachable_folders
        .lock()
        .unwrap()
        .push(format!("{F}/alps"));
    let dir = tempfile::tempdir().unwrap();
    let mut sp = spec(ApiFamily::Classic, vec![set("dc:rights", "R")]);
    sp.folder = F.into();
    sp.filters.recursive = true;
    let preview = engine(fake.clone(), dir.path())
        .preview(sp, &RunControl::new(), &no_progress())
        .await
        .unwrap_err();
    let count = scope::count(
        fake.as_ref(),
        F,
        &Filters {
            recursive: true,
            ..Filters::default()
        },
        &RunControl::new(),
        &|_| {},
    )
    .await
    .unwrap_err();
    assert_eq!(preview.to_string(), count.to_string());
    assert!(preview.to_string().contains("author-p1-e2"), "{preview}");
}

#[tokio::test]
async fn the_scope_count_equals_what_the_preview_plans() {
    let fake = browsable();
    let dir = tempfile::tempdir().unwrap();
    let e = engine(fake.clone(), dir.path());
    let mut cases = Vec::new();
    for recursive in [false, true] {
        for name in [None, Some("a000*"), Some("*1.JPG")] {
            for formats in [
                vec![],
                vec!["image/*".to_owned()],
                vec!["application/pdf".to_owned()],
            ] {
                cases.push(Filters {
                    recursive,
                    name: name.map(str::to_owned),
                    formats,
                });
            }
        }
    }
    for filters in cases {
        let updates = Mutex::new(Vec::new());
        let on = |c: ScopeCount| updates.lock().unwrap().push(c);
        let count = scope::count_paged(fake.as_ref(), F, &filters, &RunControl::new(), &on, 3)
            .await
            .unwrap();
        let mut sp = spec(ApiFamily::Classic, vec![set("dc:rights", "R")]);
        sp.filters = filters.clone();
        let p = e
            .preview(sp, &RunControl::new(), &no_progress())
            .await
            .unwrap();
        assert!(count.done);
        assert_eq!(
            (count.assets, count.content_fragments),
            (p.counts.assets - p.counts.skipped, p.counts.skipped),
            "{filters:?}"
        );
        let preview_counts = runs::list(&dir.path().join("runs")).unwrap();
        assert_eq!(preview_counts[0].id, p.id);
        let updates = updates.into_inner().unwrap();
        assert_eq!(
            updates.last(),
            Some(&count),
            "the last update is the result"
        );
        assert!(updates[..updates.len() - 1].iter().all(|u| !u.done));
    }
    let deep = scope::count(
        fake.as_ref(),
        F,
        &Filters {
            recursive: true,
            ..Filters::default()
        },
        &RunControl::new(),
        &|_| {},
    )
    .await
    .unwrap();
    assert_eq!(
        (
            deep.assets,
            deep.content_fragments,
            deep.folders,
            deep.filtered_out
        ),
        (8, 1, 3, 0)
    );
    let named = scope::count(
        fake.as_ref(),
        F,
        &Filters {
            name: Some("a000.jpg".into()),
            ..Filters::default()
        },
        &RunControl::new(),
        &|_| {},
    )
    .await
    .unwrap();
    assert_eq!(
        (named.assets, named.filtered_out),
        (1, 5),
        "4 assets and the fragment left out"
    );

    // Cancelled: what was counted so far, not done.
    let control = RunControl::new();
    control.cancel();
    let cancelled = scope::count(fake.as_ref(), F, &Filters::default(), &control, &|_| {})
        .await
        .unwrap();
    assert!(!cancelled.done);

    let missing = scope::count(
        fake.as_ref(),
        "/content/dam/nope",
        &Filters::default(),
        &RunControl::new(),
        &|_| {},
    )
    .await
    .unwrap_err();
    assert!(
        missing.to_string().contains("/content/dam/nope"),
        "{missing}"
    );
    let outside = scope::count(
        fake.as_ref(),
        "/etc/x",
        &Filters::default(),
        &RunControl::new(),
        &|_| {},
    )
    .await
    .unwrap_err();
    assert!(outside.to_string().contains("/etc/x"), "{outside}");
}

#[tokio::test]
async fn retry_plans_and_changes_exactly_the_failed_assets() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, 6, |k| json!({"dc:rights": format!("r{k}")}));
    let forbidden = [
        format!("{F}/a001.jpg"),
        format!("{F}/a004.jpg"),
        format!("{F}/a005.jpg"),
    ];
    fake.faults
        .forbidden
        .lock()
        .unwrap()
        .extend(forbidden.iter().cloned());
    let dir = tempfile::tempdir().unwrap();
    let runs_dir = dir.path().join("runs");
    let e = engine(fake.clone(), dir.path());
    let p = e
        .preview(
            spec(ApiFamily::Classic, vec![set("dc:rights", "new")]),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    let first = e
        .apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!((first.counts.changed, first.counts.failed), (3, 3));

    // The access is fixed; someone already set one of the failed assets by hand.
    fake.faults.forbidden.lock().unwrap().clear();
    fake.set(&forbidden[2], "dc:rights", json!("new"));
    let r = e
        .preview_retry(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!(r.kind, RunKind::Retry { of: p.id.clone() });
    assert_eq!(r.status, RunStatus::Previewed);
    assert_eq!(
        (r.counts.assets, r.counts.pending, r.counts.unchanged),
        (3, 2, 1)
    );
    assert_eq!(r.folder, F);
    assert!(
        r.edits[0].contains("retry of the failed assets of run") && r.edits[0].contains(&p.id),
        "{:?}",
        r.edits
    );
    assert_eq!(r.edits[1], "dc:rights: set \"new\"");
    let rows = runs::preview_page(&runs_dir, &r.id, None, 0, 100).unwrap();
    let mut paths: Vec<&str> = rows.rows.iter().map(|r| r.path.as_str()).collect();
    paths.sort_unstable();
    assert_eq!(
        paths,
        forbidden.iter().map(String::as_str).collect::<Vec<_>>()
    );
    let before_changes: Vec<_> = rows
        .rows
        .iter()
        .filter(|r| r.action == Action::Change)
        .collect();
    assert_eq!(
        before_changes[0].changes[0].before,
        Some(json!("r1")),
        "read again now"
    );

    let writes_before = fake.write_count();
    let applied = e
        .apply(&r.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!(
        (
            applied.status,
            applied.counts.changed,
            applied.counts.failed
        ),
        (RunStatus::Completed, 2, 0)
    );
    assert_eq!(
        fake.write_count() - writes_before,
        2,
        "only the failed ones are written"
    );
    for k in 0..6 {
        assert_eq!(fake.get(&format!("{F}/a{k:03}.jpg"))["dc:rights"], "new");
    }
    let failed = runs::report_page(&runs_dir, &r.id, Some(ReportStatus::Failed), 0, 10).unwrap();
    assert_eq!(failed.total, 0);

    // Undo of the retry restores what the retry changed (and nothing else).
    let u = e
        .preview_undo(&r.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!(u.counts.pending, 2);
    e.apply(&u.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!(fake.get(&forbidden[0])["dc:rights"], "r1");
    assert_eq!(fake.get(&forbidden[1])["dc:rights"], "r4");
    assert_eq!(
        fake.get(&forbidden[2])["dc:rights"],
        "new",
        "not changed by the retry"
    );
    assert_eq!(fake.get(&format!("{F}/a000.jpg"))["dc:rights"], "new");

    // Nothing failed: nothing to retry. An undo is not retried (it is planned again).
    let none = e
        .preview_retry(&r.id, &RunControl::new(), &no_progress())
        .await
        .unwrap_err();
    assert!(none.to_string().contains("nothing to retry"), "{none}");
    assert_eq!(none.code(), crate::error::ErrorCode::InvalidInput);
    let undo = e
        .preview_retry(&u.id, &RunControl::new(), &no_progress())
        .await
        .unwrap_err();
    assert!(undo.to_string().contains("is an undo"), "{undo}");
    // A retry spec given to the plain preview is refused.
    let mut wrong = spec(ApiFamily::Classic, vec![set("dc:rights", "x")]);
    wrong.kind = RunKind::Retry { of: p.id.clone() };
    assert!(
        e.preview(wrong, &RunControl::new(), &no_progress())
            .await
            .is_err()
    );
}

#[tokio::test]
async fn preview_and_report_pages_filter_and_count_in_all() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(
        F,
        12,
        |k| json!({"dc:rights": if k < 2 { "R" } else { "old" }}),
    );
    fake.dam.lock().unwrap().fragments.push(format!("{F}/cf"));
    fake.faults
        .forbidden
        .lock()
        .unwrap()
        .push(format!("{F}/a007.jpg"));
    let dir = tempfile::tempdir().unwrap();
    let runs_dir = dir.path().join("runs");
    let e = engine(fake.clone(), dir.path());
    let p = e
        .preview(
            spec(ApiFamily::Classic, vec![set("dc:rights", "R")]),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    let all = runs::preview_page(&runs_dir, &p.id, None, 0, 5).unwrap();
    assert_eq!((all.rows.len(), all.total), (5, 13));
    let change = runs::preview_page(&runs_dir, &p.id, Some(Action::Change), 8, 5).unwrap();
    assert_eq!((change.rows.len(), change.total), (2, 10));
    assert!(change.rows.iter().all(|r| r.action == Action::Change));
    let unchanged = runs::preview_page(&runs_dir, &p.id, Some(Action::Unchanged), 0, 50).unwrap();
    assert_eq!(unchanged.total, 2);
    let skip = runs::preview_page(&runs_dir, &p.id, Some(Action::Skip), 0, 50).unwrap();
    assert_eq!(
        (skip.total, skip.rows[0].path.as_str()),
        (1, format!("{F}/cf").as_str())
    );
    assert!(
        runs::preview_page(&runs_dir, &p.id, None, 100, 5)
            .unwrap()
            .rows
            .is_empty()
    );

    // Before the apply, the changes are pending.
    let pending = runs::report_page(&runs_dir, &p.id, Some(ReportStatus::Pending), 0, 3).unwrap();
    assert_eq!((pending.rows.len(), pending.total), (3, 10));
    e.apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    let every = runs::report_page(&runs_dir, &p.id, None, 10, 10).unwrap();
    assert_eq!((every.rows.len(), every.total), (3, 13));
    let changed = runs::report_page(&runs_dir, &p.id, Some(ReportStatus::Changed), 0, 100).unwrap();
    assert_eq!(changed.total, 9);
    let failed = runs::report_page(&runs_dir, &p.id, Some(ReportStatus::Failed), 0, 100).unwrap();
    assert_eq!(failed.total, 1);
    assert_eq!(failed.rows[0].path, format!("{F}/a007.jpg"));
    assert!(
        failed.rows[0]
            .reason
            .as_deref()
            .unwrap()
            .contains("tech@techacct.adobe.com")
    );
    let skipped = runs::report_page(&runs_dir, &p.id, Some(ReportStatus::Skipped), 0, 100).unwrap();
    assert_eq!(skipped.total, 1);
}

#[tokio::test]
async fn bad_inputs_are_refused_in_words() {
    let fake = browsable();
    let dir = tempfile::tempdir().unwrap();
    let runs_dir = dir.path().join("runs");
    let e = engine(fake.clone(), dir.path());
    let quiet = no_progress();
    let c = RunControl::new();

    let mut outside = spec(ApiFamily::Classic, vec![set("dc:rights", "R")]);
    outside.folder = "/content/sites/wknd".into();
    let err = e
        .preview(outside, &c, &quiet)
        .await
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("/content/sites/wknd") && err.contains("not a DAM folder"),
        "{err}"
    );

    let empty = Edit {
        property: "dc:subject".into(),
        op: EditOp::Append { values: vec![] },
    };
    let err = e
        .preview(spec(ApiFamily::Classic, vec![empty]), &c, &quiet)
        .await
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("dc:subject") && err.contains("at least one value"),
        "{err}"
    );
    let blank = Edit {
        property: "dc:rights".into(),
        op: EditOp::Set {
            values: vec![String::new()],
        },
    };
    let err = e
        .preview(spec(ApiFamily::Classic, vec![blank]), &c, &quiet)
        .await
        .unwrap_err()
        .to_string();
    assert!(err.contains("empty value"), "{err}");
    let err = e
        .preview(spec(ApiFamily::Classic, vec![]), &c, &quiet)
        .await
        .unwrap_err()
        .to_string();
    assert!(err.contains("no edit"), "{err}");

    for unknown in ["20990101-000000-000-beef", "nope"] {
        for err in [
            e.apply(unknown, &c, &quiet).await.unwrap_err(),
            e.preview_undo(unknown, &c, &quiet).await.unwrap_err(),
            e.preview_retry(unknown, &c, &quiet).await.unwrap_err(),
            runs::summary(&runs_dir, unknown).unwrap_err(),
            runs::preview_page(&runs_dir, unknown, None, 0, 1).unwrap_err(),
            runs::report_page(&runs_dir, unknown, None, 0, 1).unwrap_err(),
        ] {
            assert!(
                err.to_string()
                    .contains(&format!("There is no run {unknown}")),
                "{err}"
            );
        }
    }
    for bad in ["../x", "../../etc/passwd", "a/b", "x.jsonl", ""] {
        for err in [
            e.apply(bad, &c, &quiet).await.unwrap_err(),
            e.preview_undo(bad, &c, &quiet).await.unwrap_err(),
            e.preview_retry(bad, &c, &quiet).await.unwrap_err(),
            runs::summary(&runs_dir, bad).unwrap_err(),
            runs::preview_page(&runs_dir, bad, None, 0, 1).unwrap_err(),
            runs::report_page(&runs_dir, bad, None, 0, 1).unwrap_err(),
        ] {
            assert!(err.to_string().contains("is not a run id"), "{bad}: {err}");
            assert_eq!(err.code(), crate::error::ErrorCode::InvalidInput);
        }
    }
}

#[tokio::test]
async fn listing_failures_say_what_to_do_where_the_user_is() {
    // An OAuth connection listing with its own token: AEM answers 403 on the classic API.
    struct Refusing(ApiFamily, CallError);
    impl AssetStore for Refusing {
        fn family(&self) -> ApiFamily {
            self.0
        }
        fn list<'a>(
            &'a self,
            _: &'a str,
            _: u64,
            _: u64,
        ) -> BoxFuture<'a, Result<Page, CallError>> {
            let e = self.1.clone();
            Box::pin(async move { Err(e) })
        }
        fn resolve_id<'a>(
            &'a self,
            _: &'a str,
        ) -> BoxFuture<'a, Result<Option<String>, CallError>> {
            Box::pin(async { Ok(None) })
        }
        fn read<'a>(&'a self, _: &'a AssetRef) -> BoxFuture<'a, Result<Current, CallError>> {
            Box::pin(async { Err(CallError::NotFound) })
        }
        fn write<'a>(
            &'a self,
            _: &'a AssetRef,
            _: &'a [Write],
            _: Option<&'a str>,
        ) -> BoxFuture<'a, Result<Option<String>, CallError>> {
            Box::pin(async { Err(CallError::NotFound) })
        }
        fn listing_carries(&self, _: &str) -> bool {
            false
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let oauth = Arc::new(Refusing(
        ApiFamily::OpenApi,
        CallError::Forbidden("no".into()),
    ));
    let e = Engine::new(oauth.clone(), dir.path().join("runs")).with_settings(settings());
    let err = e
        .preview(
            spec(ApiFamily::OpenApi, vec![set("dc:rights", "R")]),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("OAuth Server-to-Server credential cannot list folders")
            && err.to_string().contains("Service Credentials connection"),
        "{err}"
    );
    let err = browse::folder_page(oauth.as_ref(), F, 0, 10)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("cannot list folders"), "{err}");

    let expired = crate::aem::AemError::Auth(format!(
        "The local development token of this connection ended. {}",
        crate::ims::dev_token::GET_A_NEW_DEV_TOKEN
    ));
    let store = Arc::new(Refusing(ApiFamily::Classic, CallError::from_aem(expired)));
    let e = Engine::new(store.clone(), dir.path().join("runs")).with_settings(settings());
    let err = e
        .preview(
            spec(ApiFamily::Classic, vec![set("dc:rights", "R")]),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap_err();
    assert_eq!(err.code(), crate::error::ErrorCode::Auth);
    assert!(
        err.to_string()
            .contains("Get a new one in the AEM Developer Console"),
        "{err}"
    );

    let unreachable = crate::aem::AemError::Unreachable {
        host: "author-p1-e2.adobeaemcloud.com".into(),
        detail: "connection refused".into(),
    };
    let store = Arc::new(Refusing(
        ApiFamily::Classic,
        CallError::from_aem(unreachable),
    ));
    let e = Engine::new(store.clone(), dir.path().join("runs")).with_settings(settings());
    let err = e
        .preview(
            spec(ApiFamily::Classic, vec![set("dc:rights", "R")]),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap_err();
    assert_eq!(err.code(), crate::error::ErrorCode::Network);
    assert!(
        err.to_string()
            .contains("Could not reach author-p1-e2.adobeaemcloud.com"),
        "{err}"
    );
    let err = scope::count(
        store.as_ref(),
        F,
        &Filters::default(),
        &RunControl::new(),
        &|_| {},
    )
    .await
    .unwrap_err();
    assert!(
        err.to_string().contains("Could not reach author-p1-e2"),
        "{err}"
    );
}
