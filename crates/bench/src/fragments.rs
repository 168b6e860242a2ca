//! Scenario 10, content fragments (issue 41): one field set on 2,000 fragments through AEM's
//! Sites API — the product's use case end to end (an OAuth Server-to-Server connection, the
//! fragments listed in pages of 50, each read with its ETag, each patched with `If-Match`, at
//! the engine's adaptive concurrency) — beside a sequential client doing the same reads and
//! patches one request at a time; fragments per second and requests per fragment.

use metadesk_core::app::PreviewRequest;
use std::time::Instant;

use metadesk_core::app::{ConnectionChoice, FragmentEdit, Workspace};
use metadesk_core::assets::fragments::{FragmentsApi, PAGE};
use metadesk_core::assets::{AssetRef, AssetsApi, DAM_ROOT, Write};
use metadesk_core::bulk::{Edit, EditOp, Progress, RunStatus};
use metadesk_sandbox::{Faults, Sandbox, SandboxConfig};
use serde_json::json;

use crate::Result;
use crate::harness::{self, secs};
use crate::report::{Section, Table, Target};

/// What both sides write into every fragment's rich text.
const VALUE: &str = "<p>Written by metadesk-bench</p>";

pub struct FragmentsOpts {
    pub fragments: usize,
    pub latency_ms: u64,
    pub capacity: usize,
}

/// The sandbox's OAuth Server-to-Server project imported into a workspace in `dir`.
fn workspace(sandbox: &Sandbox, dir: &std::path::Path) -> Result<(Workspace, String)> {
    harness::imported(sandbox, &sandbox.credentials().oauth_project_json, dir)
}

/// One request at a time: every list page, then each fragment read and patched.
async fn sequential(api: &FragmentsApi, value: &str) -> Result<u64> {
    let fragments = api.all(DAM_ROOT).await?;
    let mut changed = 0;
    for f in &fragments {
        let (_, etag) = api.fragment(&f.id).await?;
        let asset = AssetRef {
            path: f.path.clone(),
            id: Some(f.id.clone()),
        };
        let writes = [Write {
            property: "main".into(),
            value: Some(json!(value)),
        }];
        api.write(&asset, &writes, etag.as_deref()).await?;
        changed += 1;
    }
    Ok(changed)
}

pub async fn run(o: &FragmentsOpts) -> Result<Section> {
    let faults = Faults {
        latency_ms: o.latency_ms,
        capacity: Some(o.capacity),
        ..Faults::default()
    };
    let sandbox = Sandbox::start(
        SandboxConfig::default()
            .with_assets(o.fragments)
            .with_fragment_every(1)
            .with_key_bits(1024)
            .with_faults(faults),
    )
    .await?;
    let dir = tempfile::tempdir()?;
    let (ws, id) = workspace(&sandbox, dir.path())?;
    let opened = ws.open(ConnectionChoice::stored(id)).await?;
    let quiet = |_: Progress| {};
    // `main`, the rich text both models have: every fragment changes.
    let edit = |value: &str| FragmentEdit {
        folder: DAM_ROOT.into(),
        model: None,
        list: None,
        edits: vec![Edit {
            property: "main".into(),
            op: EditOp::Set {
                values: vec![value.into()],
            },
        }],
    };

    let before = sandbox.counters().requests_total;
    let t = Instant::now();
    let preview = ws
        .preview(&opened, PreviewRequest::Fragments(edit(VALUE)), &quiet)
        .await?;
    let previewed = t.elapsed();
    let applied = ws.apply(&opened, &preview.id, None, &quiet).await?;
    let whole = t.elapsed();
    if applied.status != RunStatus::Completed {
        return Err(format!("the fragment run ended {:?}", applied.status).into());
    }
    let c = sandbox.counters();
    let engine_requests = c.requests_total - before;
    let engine_changed = applied.counts.changed;
    let sites_requests = c.sites_list_pages + c.sites_reads + c.sites_patches;

    sandbox.reset();
    let api = FragmentsApi::new(opened.connected.client.clone(), None);
    let before = sandbox.counters().requests_total;
    let t = Instant::now();
    let one_by_one = sequential(&api, VALUE).await?;
    let sequential_time = t.elapsed();
    let sequential_requests = sandbox.counters().requests_total - before;
    sandbox.shutdown().await;

    let per = |requests: u64, n: u64| requests as f64 / n.max(1) as f64;
    let rate = |n: u64, d: std::time::Duration| n as f64 / d.as_secs_f64();
    let engine_rate = rate(engine_changed, whole);
    let sequential_rate = rate(one_by_one, sequential_time);
    let engine_per = per(engine_requests, engine_changed);
    let mut table = Table::new(&[
        "side",
        "fragments changed",
        "requests",
        "requests per fragment",
        "time s",
        "fragments per second",
    ]);
    table.row(vec![
        "Metadesk: preview (list pages, reads) + apply (patch with If-Match)".into(),
        engine_changed.to_string(),
        engine_requests.to_string(),
        format!("{engine_per:.3}"),
        secs(whole),
        format!("{engine_rate:.0}"),
    ]);
    table.row(vec![
        "sequential: list, then read and patch each, one request at a time".into(),
        one_by_one.to_string(),
        sequential_requests.to_string(),
        format!("{:.3}", per(sequential_requests, one_by_one)),
        secs(sequential_time),
        format!("{sequential_rate:.0}"),
    ]);
    Ok(Section {
        title: "10. Content fragments".into(),
        setup: vec![
            format!(
                "Sandbox (in process): {} content fragments under /content/dam (articles and \
                 adventures), {} ms latency a request, {} requests served at once; \
                 the product's Sites API client on the sandbox's OAuth Server-to-Server \
                 project, through the core's use case (`Workspace::preview`, then \
                 `apply`).",
                o.fragments, o.latency_ms, o.capacity
            ),
            format!(
                "Both sides set the rich-text field main of every fragment; list pages hold at \
                 most {PAGE} fragments (the Sites API's cap)."
            ),
        ],
        tables: vec![table],
        targets: vec![
            Target::new(
                "requests per fragment (list page, read, write)",
                "≤ 3",
                format!("{engine_per:.3}"),
                engine_per <= 3.0,
            ),
            Target::new(
                "fragments per second vs the sequential client",
                "> 1×",
                format!(
                    "{:.1}×",
                    engine_rate / sequential_rate.max(f64::MIN_POSITIVE)
                ),
                engine_rate > sequential_rate,
            ),
        ],
        notes: vec![format!(
            "The preview took {} s; the Sites API answered {sites_requests} of Metadesk's \
             requests (list pages, reads, patches), the rest were the token exchange.",
            secs(previewed)
        )],
    })
}
