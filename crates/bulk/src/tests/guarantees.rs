//! Every operation that writes, through the one pipeline, held to the same guarantees: a
//! colleague's change made since the preview is kept and reported; an undo leaves work done
//! since; a run stopped dead at any request resumes exactly. An operation brings only its
//! values (one set, one computed, a sheet's row, a tag rewritten) or its plan (an undo, a
//! retry); each guarantee is checked on the classic API's batches, its writes one asset at a
//! time, and the OpenAPI family.
//!
//! Not here: publishing (the fake DAM does not replicate: `tests/integration/publish*.rs`),
//! content fragments (nor serve the Sites API: `tests/integration/fragments_cli.rs`), a process
//! killed for real (`tests/integration/bulk_cli.rs`, `bulk_batches.rs`).

use crate::RunSource;
use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::*;
use crate::engine::AssetEdits;

/// The operations that write metadata.
#[derive(Debug, Clone, Copy)]
enum Op {
    Set,
    Computed,
    Sheet,
    Retag,
    Undo,
    Retry,
}

const OPS: [Op; 6] = [
    Op::Set,
    Op::Computed,
    Op::Sheet,
    Op::Retag,
    Op::Undo,
    Op::Retry,
];

/// How AEM takes the writes.
#[derive(Debug, Clone, Copy)]
enum Aem {
    /// The classic API, many assets a request.
    ClassicBatches,
    /// The classic API refusing batches: an asset a request.
    ClassicPerAsset,
    /// The OpenAPI family: an asset a request, with If-Match.
    OpenApi,
}

const AEMS: [Aem; 3] = [Aem::ClassicBatches, Aem::ClassicPerAsset, Aem::OpenApi];

const N: usize = 4;

/// The asset a colleague changes.
const THEIRS: usize = 2;

impl Aem {
    fn family(self) -> ApiFamily {
        match self {
            Aem::ClassicBatches | Aem::ClassicPerAsset => ApiFamily::Classic,
            Aem::OpenApi => ApiFamily::OpenApi,
        }
    }

    /// `F` with [`N`] assets, each with a rights text and two tags.
    fn seeded(self) -> Arc<Fake> {
        let fake = match self {
            Aem::ClassicBatches => Fake::new(ApiFamily::Classic),
            Aem::ClassicPerAsset => Fake::per_asset(ApiFamily::Classic),
            Aem::OpenApi => Fake::new(ApiFamily::OpenApi),
        };
        fake.seed(
            F,
            N,
            |_| json!({"dc:rights": "old", "cq:tags": ["t:a", "t:x"]}),
        );
        fake
    }
}

fn asset(k: usize) -> String {
    format!("{F}/a{k:03}.jpg")
}

impl Op {
    /// The property its writes change.
    fn property(self) -> &'static str {
        match self {
            Op::Retag => "cq:tags",
            _ => "dc:rights",
        }
    }

    /// A colleague's value for that property.
    fn theirs(self) -> Value {
        match self {
            Op::Retag => json!(["t:theirs"]),
            _ => json!("theirs"),
        }
    }

    /// The edits of a run over the folder (an undo and a retry start from a set).
    fn edits(self) -> Vec<Edit> {
        match self {
            Op::Computed => vec![Edit {
                property: "dc:rights".into(),
                op: EditOp::Replace {
                    find: "old".into(),
                    replace: "new".into(),
                    regex: false,
                    ignore_case: false,
                    whole_word: false,
                },
            }],
            Op::Retag => vec![Edit {
                property: "cq:tags".into(),
                op: EditOp::Retag {
                    from: "t:a".into(),
                    to: Some("t:b".into()),
                },
            }],
            _ => vec![set("dc:rights", "new")],
        }
    }

    /// Previews the operation on `fake`: an undo, of a set applied first; a retry, of a set
    /// whose every write failed.
    async fn preview(self, api: Aem, e: &Engine, fake: &Fake) -> RunSummary {
        let control = RunControl::new();
        let family = api.family();
        match self {
            Op::Set | Op::Computed | Op::Retag => {
                e.plan(
                    RunSource::Scope(spec(family, self.edits())),
                    &control,
                    &no_progress(),
                )
                .await
            }
            Op::Sheet => {
                let rows = (0..N)
                    .map(|k| AssetEdits {
                        path: asset(k),
                        edits: vec![set("dc:rights", &format!("row {k}"))],
                        exported_modified: None,
                        exported_codes: None,
                    })
                    .collect();
                let sheet = RunSpec {
                    kind: RunKind::Sheet {
                        file: "rights.xlsx".into(),
                    },
                    ..spec(family, Vec::new())
                };
                e.plan(RunSource::Sheet(sheet, rows), &control, &no_progress())
                    .await
            }
            Op::Undo => {
                let set = applied_set(e, family).await;
                e.plan(RunSource::undo(&set), &control, &no_progress())
                    .await
            }
            Op::Retry => {
                *fake.faults.dropped_writes.lock().unwrap() = (0..N).map(asset).collect();
                let set = applied_set(e, family).await;
                fake.faults.dropped_writes.lock().unwrap().clear();
                e.plan(RunSource::retry(&set), &control, &no_progress())
                    .await
            }
        }
        .unwrap()
    }
}

/// A fresh DAM, its runs folder and an engine on them, and `op` previewed.
async fn previewed(op: Op, api: Aem) -> (Arc<Fake>, tempfile::TempDir, Engine, RunSummary) {
    let fake = api.seeded();
    let dir = tempfile::tempdir().unwrap();
    let e = engine(fake.clone(), dir.path());
    let p = op.preview(api, &e, &fake).await;
    (fake, dir, e, p)
}

/// Runs `case` for every operation on every API, each in a task of its own, and fails naming
/// every case that failed (each one's message is printed above), not only the first.
async fn for_every_operation<Fut>(case: impl Fn(Op, Aem) -> Fut)
where
    Fut: std::future::Future<Output = ()> + Send + 'static,
{
    let mut failed = Vec::new();
    for api in AEMS {
        for op in OPS {
            if tokio::spawn(case(op, api)).await.is_err() {
                failed.push(format!("{op:?} on {api:?}"));
            }
        }
    }
    assert!(failed.is_empty(), "failed: {failed:?}");
}

/// Every asset's metadata, by path.
fn metadata(fake: &Fake) -> BTreeMap<String, Map<String, Value>> {
    let dam = fake.dam.lock().unwrap();
    dam.assets
        .iter()
        .map(|(path, (md, _))| (path.clone(), md.clone()))
        .collect()
}

fn writes_to(fake: &Fake, path: &str) -> usize {
    fake.writes.lock().unwrap().get(path).map_or(0, Vec::len)
}

/// Between the preview and the apply a colleague changes the property the run writes on one
/// asset: every operation leaves their value, fails that asset and says what changed.
#[tokio::test]
async fn every_operation_keeps_a_change_made_since_its_preview_and_says_so() {
    for_every_operation(|op, api| async move {
        let case = format!("{op:?} on {api:?}");
        let (fake, dir, e, p) = previewed(op, api).await;
        let theirs = asset(THEIRS);
        fake.set(&theirs, op.property(), op.theirs());
        let written = writes_to(&fake, &theirs);
        let s = e
            .apply(&p.id, &RunControl::new(), &no_progress())
            .await
            .unwrap();
        assert_eq!(fake.get(&theirs)[op.property()], op.theirs(), "{case}");
        assert_eq!(writes_to(&fake, &theirs), written, "{case}: written");
        assert_eq!(
            (s.counts.changed, s.counts.failed),
            (N as u64 - 1, 1),
            "{case}"
        );
        let rows = report_rows(dir.path(), &p.id);
        let row = rows.iter().find(|r| r.path == theirs).unwrap();
        assert_eq!(row.status, ReportStatus::Failed, "{case}");
        assert_eq!(
            row.changed_since
                .iter()
                .map(|c| (c.property.as_str(), c.now.clone()))
                .collect::<Vec<_>>(),
            [(op.property(), Some(op.theirs()))],
            "{case}"
        );
    })
    .await;
}

/// After the run, a colleague changes one asset it wrote: the run's undo gives every other
/// asset back what it had and leaves theirs.
#[tokio::test]
async fn every_operation_s_undo_leaves_work_done_since() {
    for_every_operation(|op, api| async move {
        let case = format!("{op:?} on {api:?}");
        let (fake, _dir, e, p) = previewed(op, api).await;
        let before = metadata(&fake);
        let s = e
            .apply(&p.id, &RunControl::new(), &no_progress())
            .await
            .unwrap();
        assert_eq!(s.counts.changed, N as u64, "{case}");
        let theirs = asset(THEIRS);
        fake.set(&theirs, op.property(), op.theirs());
        let u = e
            .plan(RunSource::undo(&p.id), &RunControl::new(), &no_progress())
            .await
            .unwrap();
        let s = e
            .apply(&u.id, &RunControl::new(), &no_progress())
            .await
            .unwrap();
        assert_eq!(fake.get(&theirs)[op.property()], op.theirs(), "{case}");
        assert_eq!(s.counts.changed, N as u64 - 1, "{case}");
        for k in (0..N).filter(|k| *k != THEIRS) {
            assert_eq!(fake.get(&asset(k)), before[&asset(k)], "{case}: asset {k}");
        }
    })
    .await;
}

/// The apply stops dead at each of its requests in turn (a write either lands or not), as a
/// process killed then; a new engine resumes the run. Each resumed run ends as the run did
/// uninterrupted: the same values in AEM, the same counts, and no asset written twice.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_operation_stopped_dead_at_any_request_resumes_exactly() {
    for_every_operation(|op, api| async move {
        let (expected, counts) = {
            let (fake, _dir, e, p) = previewed(op, api).await;
            let s = e
                .apply(&p.id, &RunControl::new(), &no_progress())
                .await
                .unwrap();
            (metadata(&fake), s.counts)
        };
        for landed in [false, true] {
            for at in 0.. {
                let case = format!(
                    "{op:?} on {api:?}, stopped at the apply's request {at} (landed: \
                         {landed})"
                );
                let (fake, dir, _, p) = previewed(op, api).await;
                fake.writes.lock().unwrap().clear();
                let halt = Halt {
                    at: fake.calls.load(Ordering::SeqCst) + at,
                    landed,
                };
                *fake.faults.halt.lock().unwrap() = Some(halt);
                let run = tokio::spawn({
                    let (e, id) = (engine(fake.clone(), dir.path()), p.id.clone());
                    async move { e.apply(&id, &RunControl::new(), &no_progress()).await }
                });
                while !run.is_finished() && !fake.faults.halted.load(Ordering::SeqCst) {
                    tokio::time::sleep(Duration::from_millis(1)).await;
                }
                if run.is_finished() && !fake.faults.halted.load(Ordering::SeqCst) {
                    // The whole apply took fewer requests: every stop was tried.
                    assert!(at > 0, "{case}: the apply sent nothing");
                    break;
                }
                run.abort();
                let _ = run.await;
                *fake.faults.halt.lock().unwrap() = None;
                // Requests the stopped apply had in flight on tasks of their own end on their
                // own, and with them its hold on the run (slower under Wine): the resume waits
                // for the run to be free, as a person's second attempt would.
                let mut waits = 0;
                let s = loop {
                    match engine(fake.clone(), dir.path())
                        .apply(&p.id, &RunControl::new(), &no_progress())
                        .await
                    {
                        Err(e) if e.message_id() == Some("error-run-locked") => {
                            waits += 1;
                            assert!(waits < 6_000, "{case}: the stopped apply never let go");
                            tokio::time::sleep(Duration::from_millis(5)).await;
                        }
                        other => break other.unwrap_or_else(|e| panic!("{case}: {e}")),
                    }
                };
                assert_eq!(metadata(&fake), expected, "{case}");
                assert_eq!(
                    (s.counts.changed, s.counts.failed, s.counts.pending),
                    (counts.changed, counts.failed, counts.pending),
                    "{case}"
                );
                for (path, writes) in fake.writes.lock().unwrap().iter() {
                    assert_eq!(writes.len(), 1, "{case}: {path} written again");
                }
            }
        }
    })
    .await;
}
