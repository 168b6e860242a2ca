//! Scenario 16, a folder's health report: every asset's values, off time, website state and
//! the pages that use it, through the core's use case as the window's Health page and
//! `metadesk-cli health` ask it (`Workspace::health`), beside a sequential client asking the
//! same of each asset, one request awaited at a time. Some assets were uploaded just before,
//! so AEM's search index does not hold them: each is read from the repository. Time and
//! requests per asset.

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use metadesk_core::app::ConnectionChoice;
use metadesk_core::assets::{AssetsApi, DAM_ROOT};
use metadesk_core::bulk::RunScope;
use metadesk_core::bulk::scope::ScopeFilters;
use metadesk_sandbox::{Faults, Sandbox};

use crate::Result;
use crate::harness::{self, classic, secs, server_view, start_sandbox};
use crate::report::{Section, Table, Target};

pub struct HealthOpts {
    pub assets: usize,
    pub unindexed: usize,
    pub latency_ms: u64,
    pub capacity: usize,
}

/// The folder every asset of the sandbox is under.
const ROOT: &str = DAM_ROOT;

/// What one side did.
struct Side {
    time: Duration,
    assets: u64,
    requests: u64,
}

/// The assets the report covers (fragments aside) and their folders.
fn assets_of(sandbox: &Sandbox) -> (Vec<String>, BTreeSet<String>) {
    let dump = sandbox.dump(false);
    let assets: Vec<String> = dump["assets"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .filter(|a| !a["contentFragment"].as_bool().unwrap_or(false))
        .filter_map(|a| a["path"].as_str().map(str::to_owned))
        .collect();
    let folders = assets
        .iter()
        .filter_map(|p| p.rsplit_once('/').map(|(f, _)| f.to_owned()))
        .collect();
    (assets, folders)
}

/// `n` assets uploaded by a colleague just now: in their folders' listings, in no search.
fn upload_fresh(sandbox: &Sandbox, folders: &BTreeSet<String>, n: usize) -> Result<()> {
    for (i, folder) in folders.iter().cycle().take(n).enumerate() {
        sandbox.upload(
            &format!("{folder}/fresh-{i:03}.jpg"),
            serde_json::json!({"dc:format": "image/jpeg"}),
        )?;
    }
    Ok(())
}

pub async fn run(o: &HealthOpts) -> Result<Section> {
    let faults = Faults {
        latency_ms: o.latency_ms,
        capacity: Some(o.capacity),
        index_lag_secs: 3600,
        ..Faults::default()
    };
    let sandbox = start_sandbox(o.assets, faults).await?;
    let (_, folders) = assets_of(&sandbox);
    upload_fresh(&sandbox, &folders, o.unindexed)?;
    let (assets, folders) = assets_of(&sandbox);
    let dir = tempfile::tempdir()?;
    let (ws, id) = harness::imported(&sandbox, &sandbox.credentials().dev_token_json, dir.path())?;
    let opened = ws.open(ConnectionChoice::stored(id)).await?;

    // Metadesk: the folder and its subfolders, as the Health page asks it.
    let scope = RunScope::checked(
        ROOT,
        ScopeFilters {
            recursive: true,
            ..ScopeFilters::default()
        },
    )?;
    let before = sandbox.counters();
    let from = sandbox.clock();
    let t = Instant::now();
    let report = ws.health(&opened, &scope, 30, &|_| {}).await?;
    let time = t.elapsed();
    let view = server_view(&sandbox, from, sandbox.clock(), o.capacity);
    let after = sandbox.counters();
    if report.assets.count != assets.len() as u64 || !report.unread.is_empty() {
        return Err(format!(
            "the report held {} of {} assets, {} unread",
            report.assets.count,
            assets.len(),
            report.unread.len()
        )
        .into());
    }
    let engine = Side {
        time,
        assets: report.assets.count,
        requests: after.requests_total - before.requests_total,
    };

    // Sequential: each folder listed, then each asset read two levels down (its values, its
    // off time and its website state in one read) and the pages that use it asked.
    let aem = classic(&sandbox)?;
    let before = sandbox.counters();
    let t = Instant::now();
    let mut read = 0u64;
    for folder in &folders {
        aem.node_json(folder, "1")
            .await
            .map_err(|e| format!("listing {folder} failed: {e}"))?;
    }
    for path in &assets {
        aem.node_json(path, "2")
            .await
            .map_err(|e| format!("reading {path} failed: {e}"))?;
        aem.references(&[path.as_str()])
            .await
            .map_err(|e| format!("the pages using {path}: {e}"))?;
        read += 1;
    }
    let time = t.elapsed();
    let after = sandbox.counters();
    let sequential = Side {
        time,
        assets: read,
        requests: after.requests_total - before.requests_total,
    };
    sandbox.shutdown().await;

    let rate = |s: &Side| s.assets as f64 / s.time.as_secs_f64();
    let per = |s: &Side| s.requests as f64 / s.assets.max(1) as f64;
    let speedup = rate(&engine) / rate(&sequential).max(f64::MIN_POSITIVE);
    let mut table = Table::new(&[
        "side",
        "assets",
        "requests",
        "requests per asset",
        "time s",
        "assets per second",
    ]);
    for (name, s) in [
        (
            "Metadesk: listing, batched checks, reads side by side",
            &engine,
        ),
        (
            "sequential: each asset read and its pages asked, awaited",
            &sequential,
        ),
    ] {
        table.row(vec![
            name.into(),
            s.assets.to_string(),
            s.requests.to_string(),
            format!("{:.2}", per(s)),
            secs(s.time),
            format!("{:.1}", rate(s)),
        ]);
    }
    Ok(Section {
        title: "16. Health".into(),
        setup: vec![
            format!(
                "Sandbox (in process): {} assets under /content/dam (about 40 a folder), {} of \
                 them uploaded just before the report, which AEM's search index does not hold \
                 (index_lag_secs = 3600); {} ms latency a request, {} requests served at once; \
                 the product's classic client on the development token.",
                assets.len(),
                o.unindexed,
                o.latency_ms,
                o.capacity
            ),
            "Metadesk goes through the core as the Health page and `metadesk-cli health` do \
             (`Workspace::health`, /content/dam and its subfolders): the folders' listings, the \
             required fields' check, each asset's values, off time and website state in \
             batched checks of exact paths, the batches of a step side by side, each asset \
             the index does not hold read from the repository, those reads side by side too, \
             and the pages that use the assets, 20 a search, searches side by side; \
             the folders' forms read side by side too, and every read under the adaptive \
             limit. The sequential client lists each folder, then reads each \
             asset two levels down (its values, off time and website state in one read) and \
             asks which pages use it, one request awaited at a time."
                .into(),
        ],
        tables: vec![table],
        targets: vec![Target::new(
            "a folder's health report, assets per second vs the sequential client",
            "> 1×",
            format!("{speedup:.1}×"),
            speedup > 1.0,
        )],
        notes: vec![
            format!(
                "What bounds Metadesk, as the server saw it (each kind of request: how many, \
                 from the first slot taken to the last given back, s into the report, and how \
                 many held slots on average then): {}; slots busy on average {:.2}.",
                view.phases, view.utilisation
            ),
            "Before 2026-11-30 the report's required fields' check read each asset's metadata \
             one request at a time, as did its batched checks and its reads of the assets the \
             index does not hold; only the reference searches went side by side. Built at \
             that commit (9292b92c) with this scenario added and run just before this one on \
             the same machine: 30.36 s, 649 requests, 3.5× the sequential client, its \
             metadata reads 0.8 at once and its checks 0.3 at once. Then, until the run \
             after it, the folders' forms (\"node read\", \"schema read\") were read a \
             folder at a time, outside the gate: 7.79 s, 649 requests, 13.5×, its node reads \
             1.0 at once (the section as it stood, the same command, on this machine)."
                .into(),
        ],
    })
}
