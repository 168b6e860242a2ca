//! Scenario 1e, a whole checked run (issue 64, "keep the server busy"): `metadesk-cli bulk set
//! --folder /content/dam/wknd-shared --recursive --yes` as the core runs it
//! (`Workspace::preview`, then `apply`: the folder's form, the listings, the checks, the
//! checked batches), beside the sequential client on the same folder, against one sandbox
//! with the latency, capacity and commit cost of §1c; how busy the server's slots were on each
//! side, and which requests held them when, from the sandbox's own request log.

use std::future::Future;

use metadesk_core::app::ConnectionChoice;
use metadesk_sandbox::{Faults, Sandbox, SandboxConfig};

use crate::Result;
use crate::harness::{self, ServerView, SideRun, core_set, secs, sequential_set, server_view};
use crate::report::{Section, Table, Target};

/// Issue 64's bounds: the whole run against the sequential client, and the slots kept busy.
const SPEEDUP: f64 = 40.0;
const BUSY: f64 = 5.0 / 8.0;

pub struct WholeOpts {
    pub assets: usize,
    pub folder: String,
    pub latency_ms: u64,
    pub capacity: usize,
    pub commit_ms_per_asset: u64,
}

/// What one side did.
struct Side {
    run: SideRun,
    requests: u64,
    server: ServerView,
}

/// One side, `go`, with the requests and the slots it used.
async fn side(
    sandbox: &Sandbox,
    capacity: usize,
    go: impl Future<Output = Result<SideRun>>,
) -> Result<Side> {
    let before = sandbox.counters().requests_total;
    let run = go.await?;
    Ok(Side {
        requests: sandbox.counters().requests_total - before,
        server: server_view(sandbox, run.from, run.to, capacity),
        run,
    })
}

pub async fn run(o: &WholeOpts) -> Result<Section> {
    let faults = Faults {
        latency_ms: o.latency_ms,
        capacity: Some(o.capacity),
        commit_ms_per_asset: o.commit_ms_per_asset,
        ..Faults::default()
    };
    let config = SandboxConfig::default()
        .with_assets(o.assets)
        .with_key_bits(1024)
        .with_faults(faults);
    let sandbox = Sandbox::start(config).await?;
    let dump = sandbox.dump(false);
    let under = |p: &str| p.starts_with(&format!("{}/", o.folder));
    let folders = dump["folders"].as_array().map_or(0, |f| {
        f.iter()
            .filter(|f| f["path"].as_str().is_some_and(under))
            .count()
    });
    let dir = tempfile::tempdir()?;
    let (ws, id) = harness::imported(&sandbox, &sandbox.credentials().dev_token_json, dir.path())?;
    let opened = ws.open(ConnectionChoice::stored(id)).await?;
    eprintln!("whole: Metadesk on {} ({folders} folders)…", o.folder);
    let engine = side(
        &sandbox,
        o.capacity,
        core_set(&sandbox, &ws, &opened, &o.folder, "whole"),
    )
    .await?;
    sandbox.reset();
    eprintln!("whole: sequential client…");
    let sequential = side(&sandbox, o.capacity, sequential_set(&sandbox, &o.folder)).await?;
    sandbox.shutdown().await;

    let rate = |s: &Side| s.run.changed as f64 / s.run.time.as_secs_f64().max(1e-9);
    let speedup = rate(&engine) / rate(&sequential).max(f64::MIN_POSITIVE);
    let mut table = Table::new(&[
        "side",
        "assets changed",
        "requests",
        "requests per asset",
        "preview s",
        "whole run s",
        "assets per second",
        "slot utilisation",
    ]);
    let sides = [
        (
            "Metadesk: preview (form, listings, checks) + apply (checked batches)",
            &engine,
        ),
        (
            "sequential: list, then read and PUT each asset",
            &sequential,
        ),
    ];
    for (name, s) in sides {
        table.row(vec![
            name.into(),
            s.run.changed.to_string(),
            s.requests.to_string(),
            format!("{:.3}", s.requests as f64 / s.run.changed.max(1) as f64),
            s.run.preview.map_or_else(|| "-".into(), secs),
            secs(s.run.time),
            format!("{:.0}", rate(s)),
            format!(
                "{:.2} ({:.1} of {})",
                s.server.utilisation,
                s.server.utilisation * o.capacity as f64,
                o.capacity
            ),
        ]);
    }
    let exact = engine.run.changed == sequential.run.changed;
    let busy = engine.server.utilisation;
    Ok(Section {
        title: "1e. A whole checked run".into(),
        setup: vec![
            format!(
                "Sandbox (in process): {} assets, {folders} folders under {}; {} ms latency a \
                 request, {} requests served at once (the rest queue), {} ms of commit per \
                 asset a write changes, each while holding its slot.",
                o.assets, o.folder, o.latency_ms, o.capacity, o.commit_ms_per_asset
            ),
            format!(
                "Edit: set dc:rights on every asset under {} (recursive), as `metadesk-cli \
                 bulk set --folder {} --recursive --property dc:rights --value … --yes` does it \
                 (`Workspace::preview`, then `apply`, on the development token); the \
                 sequential client lists each folder, then reads and PUTs each asset, one \
                 request at a time. The sandbox is reset between the sides.",
                o.folder, o.folder
            ),
        ],
        tables: vec![table],
        targets: vec![
            Target::new(
                "whole checked run, assets per second vs the sequential client",
                &format!("≥ {SPEEDUP}×"),
                format!("{speedup:.1}×"),
                speedup >= SPEEDUP && exact,
            ),
            Target::new(
                "slots busy on average, whole checked run (sandbox's request log)",
                &format!("≥ {BUSY:.3} (5 of 8)"),
                format!("{busy:.3}"),
                busy >= BUSY,
            ),
        ],
        notes: vec![
            "Slot utilisation: from the sandbox's own request log (each request's slot taken \
             and given back), the slot time held during the side's run ÷ (its wall time × the \
             capacity)."
                .into(),
            format!(
                "What bounds Metadesk's run, as the server saw it (each kind of request: how \
                 many, from the first slot taken to the last given back, s into the run, and how \
                 many held slots on average then): {}.",
                engine.server.phases
            ),
            format!("The sequential client's: {}.", sequential.server.phases),
        ],
    })
}
