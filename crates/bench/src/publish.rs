//! Scenario 8, publishing (issue 39): a recursive publish of a 10,000-asset tree — the
//! preview (folder listings, each asset's publication state asked in batched QueryBuilder
//! requests) and the apply (`/bin/replicate.json`, 100 paths a request) — beside a sequential
//! client that publishes one asset per request, as "Quick Publish" asset by asset would; the
//! requests each made per asset and the assets published per second.

use metadesk_core::bulk::RunSource;
use std::time::Instant;

use metadesk_core::assets::folders::DamFolder;
use metadesk_core::assets::{AssetsApi, ClassicAssets, DAM_ROOT, EntryKind};
use metadesk_core::bulk::{
    Agent, Engine, Progress, Replication, RunControl, RunKind, RunScope, RunSpec,
};
use metadesk_core::credentials::ApiFamily;
use metadesk_sandbox::{Faults, Sandbox};

use crate::Result;
use crate::harness::{classic, secs, server_view, start_sandbox};
use crate::report::{Section, Table, Target};

pub struct PublishOpts {
    pub assets: usize,
    pub latency_ms: u64,
    pub capacity: usize,
    pub commit_ms_per_asset: u64,
}

fn publish_everything(sandbox: &Sandbox) -> RunSpec {
    RunSpec {
        connection: "bench".into(),
        connection_id: None,
        aem: sandbox.base_url(),
        family: ApiFamily::Classic,
        scope: RunScope::of_folder(DamFolder::root(), true),
        edits: Vec::new(),
        kind: RunKind::Publish {
            replication: Replication::Publish,
            agent: Agent::Publish,
            from: None,
        },
        account: Some(sandbox.credentials().dev_token_user.clone()),
        op: None,
    }
}

/// One asset per request, one request at a time: list each folder, replicate each asset.
async fn sequential(aem: &ClassicAssets, page_size: u64) -> Result<u64> {
    let mut published = 0;
    let mut folders = vec![DAM_ROOT.to_owned()];
    while let Some(folder) = folders.pop() {
        let mut offset = 0;
        loop {
            let page = aem
                .list(&folder, offset, page_size)
                .await
                .map_err(|e| format!("listing {folder} failed: {e}"))?;
            for entry in page.entries {
                if entry.kind == EntryKind::Folder {
                    folders.push(entry.path);
                    continue;
                }
                let paths = [entry.path.as_str()];
                aem.replicate(Replication::Publish, Agent::Publish, &paths)
                    .await
                    .map_err(|e| format!("publishing {} failed: {e}", entry.path))?;
                published += 1;
            }
            match page.next_offset {
                Some(next) => offset = next,
                None => break,
            }
        }
    }
    Ok(published)
}

pub async fn run(o: &PublishOpts) -> Result<Section> {
    let faults = Faults {
        latency_ms: o.latency_ms,
        capacity: Some(o.capacity),
        commit_ms_per_asset: o.commit_ms_per_asset,
        ..Faults::default()
    };
    let sandbox = start_sandbox(o.assets, faults).await?;
    let dir = tempfile::tempdir()?;
    let aem = classic(&sandbox)?;
    let engine = Engine::new(aem.clone(), dir.path().join("runs"));
    let quiet = |_: Progress| {};

    let before = sandbox.counters().requests_total;
    let t = Instant::now();
    let preview = engine
        .plan(
            RunSource::Scope(publish_everything(&sandbox)),
            &RunControl::new(),
            &quiet,
        )
        .await?;
    let previewed = t.elapsed();
    let preview_requests = sandbox.counters().requests_total - before;
    let applying = sandbox.clock();
    let applied = engine
        .apply(&preview.id, &RunControl::new(), &quiet)
        .await?;
    let whole = t.elapsed();
    let apply_view = server_view(&sandbox, applying, sandbox.clock(), o.capacity);
    let c = sandbox.counters();
    let engine_requests = c.requests_total - before;
    let engine_published = applied.counts.changed;
    let replications = c.replications;

    sandbox.reset();
    let before = sandbox.counters().requests_total;
    let t = Instant::now();
    let one_by_one = sequential(&aem, 100).await?;
    let sequential_time = t.elapsed();
    let sequential_requests = sandbox.counters().requests_total - before;
    sandbox.shutdown().await;

    let per_asset = |requests: u64, assets: u64| requests as f64 / assets.max(1) as f64;
    let rate = |assets: u64, d: std::time::Duration| assets as f64 / d.as_secs_f64();
    let engine_rate = rate(engine_published, whole);
    let sequential_rate = rate(one_by_one, sequential_time);
    let engine_per_asset = per_asset(engine_requests, engine_published);
    let mut table = Table::new(&[
        "side",
        "assets published",
        "requests",
        "requests per asset",
        "time s",
        "assets per second",
    ]);
    table.row(vec![
        "Metadesk: preview (listing, states) + apply (100 paths a request)".into(),
        engine_published.to_string(),
        engine_requests.to_string(),
        format!("{engine_per_asset:.3}"),
        secs(whole),
        format!("{engine_rate:.0}"),
    ]);
    table.row(vec![
        "sequential: one replication per asset".into(),
        one_by_one.to_string(),
        sequential_requests.to_string(),
        format!("{:.3}", per_asset(sequential_requests, one_by_one)),
        secs(sequential_time),
        format!("{sequential_rate:.0}"),
    ]);
    Ok(Section {
        title: "9. Publishing".into(),
        setup: vec![
            format!(
                "Sandbox (in process): {} assets under /content/dam (about 40 a folder), {} ms \
                 latency a request, {} requests served at once, {} ms of commit per asset \
                 replicated; the product's classic client.",
                o.assets, o.latency_ms, o.capacity, o.commit_ms_per_asset
            ),
            "Metadesk publishes the whole tree (recursive) with its preview first; the \
             sequential client lists the same folders and publishes each asset in a request of \
             its own, one request at a time."
                .into(),
        ],
        tables: vec![table],
        targets: vec![
            Target::new(
                "requests per asset, recursive publish, listing included",
                "< 0.15",
                format!("{engine_per_asset:.3}"),
                engine_per_asset < 0.15 && engine_published == o.assets as u64,
            ),
            Target::new(
                "assets per second vs the sequential client",
                "> 1×",
                format!(
                    "{:.1}×",
                    engine_rate / sequential_rate.max(f64::MIN_POSITIVE)
                ),
                engine_rate > sequential_rate,
            ),
        ],
        notes: vec![
            format!(
                "The preview took {} s and {preview_requests} requests (listings and the batched \
                 state queries); the apply sent {replications} replication requests.",
                secs(previewed)
            ),
            format!(
                "What bounds Metadesk's apply, as the server saw it (each kind of request: how \
                 many, from the first slot taken to the last given back, s into the apply, and \
                 how many held slots on average then): {}; slots busy on average {:.2}.",
                apply_view.phases, apply_view.utilisation
            ),
        ],
    })
}
