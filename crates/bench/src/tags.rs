//! Scenario 11, a tag merge (issue 51): a tag held by 1,000 assets merged into another through
//! the core's use case, as the CLI's `tags merge` drives it (`Workspace::preview_tag_change`,
//! then `apply`, which merges the tag node once every asset is done), beside a sequential client
//! that reads and rewrites each holder's `cq:tags` one request at a time, then asks AEM's tag
//! command to merge; requests per asset and time.

use std::time::{Duration, Instant};

use metadesk_core::app::{ConnectionChoice, Opened, TagChange, Workspace};
use metadesk_core::assets::{AssetRef, AssetsApi, DAM_ROOT, Write};
use metadesk_core::bulk::{Progress, RunStatus};
use metadesk_sandbox::{Faults, Sandbox};
use serde_json::{Value, json};

use crate::Result;
use crate::harness::{self, classic, secs, start_sandbox};
use crate::report::{Section, Table, Target};

/// The tag merged, held by half the assets.
const FROM: &str = "wknd-shared:activity/surfing";
/// The tag it is merged into, which some holders hold already.
const INTO: &str = "wknd-shared:activity/cycling";
/// A tag the other assets hold, so that the scope's assets do not all hold the merged one.
const OTHER: &str = "wknd-shared:season/winter";

pub struct TagsOpts {
    pub assets: usize,
    pub latency_ms: u64,
    pub capacity: usize,
    pub commit_ms_per_asset: u64,
}

/// `wanted` assets (fragments aside), spread over the tree, hold `FROM` (a quarter of them
/// `INTO` too); every other asset holds only `OTHER`. Returns the holders' paths.
fn seed(sandbox: &Sandbox, wanted: usize) -> Vec<String> {
    let dump = sandbox.dump(false);
    let assets = dump["assets"].as_array().cloned().unwrap_or_default();
    let images = assets
        .iter()
        .filter(|a| !a["contentFragment"].as_bool().unwrap_or(false))
        .count()
        .max(1);
    let mut holders = Vec::new();
    let mut k = 0;
    for a in &assets {
        let path = a["path"].as_str().unwrap_or_default();
        let fragment = a["contentFragment"].as_bool().unwrap_or(false);
        // Image k holds the tag when the share wanted/images steps up at it: exactly
        // `wanted` of them, evenly spread.
        let holds = !fragment && (k + 1) * wanted / images != k * wanted / images;
        if !fragment {
            k += 1;
        }
        let tags = if holds {
            holders.push(path.to_owned());
            if holders.len() % 4 == 0 {
                json!([FROM, INTO])
            } else {
                json!([FROM, OTHER])
            }
        } else {
            json!([OTHER])
        };
        sandbox.write_metadata(path, vec![("cq:tags".into(), Some(tags))]);
    }
    holders
}

/// What one side did.
struct Side {
    time: Duration,
    preview: Option<Duration>,
    changed: u64,
    requests: u64,
    tag_commands: u64,
}

/// The product's side: the merge checked and previewed, then applied (the tag merged at its
/// end), as `metadesk-cli tags merge … --yes` does it.
async fn engine_side(sandbox: &Sandbox, ws: &Workspace, opened: &Opened) -> Result<Side> {
    let change = TagChange::Merge {
        tag: FROM.into(),
        into: INTO.into(),
    };
    let quiet = |_: Progress| {};
    let before = sandbox.counters();
    let t = Instant::now();
    let preview = ws
        .preview_tag_change(opened, &change, DAM_ROOT, &quiet)
        .await?;
    let previewed = t.elapsed();
    let applied = ws.apply(opened, &preview.id, None, &quiet).await?;
    let time = t.elapsed();
    if applied.status != RunStatus::Completed || applied.counts.failed > 0 {
        return Err(format!(
            "the merge's run ended {:?}: {:?}",
            applied.status, applied.counts
        )
        .into());
    }
    let after = sandbox.counters();
    Ok(Side {
        time,
        preview: Some(previewed),
        changed: applied.counts.changed,
        requests: after.requests_total - before.requests_total,
        tag_commands: after.tag_commands - before.tag_commands,
    })
}

/// One request at a time: each holder read, its `cq:tags` written with `INTO` in place of
/// `FROM` (once), then AEM's tag command merges the tag.
async fn sequential_side(sandbox: &Sandbox, holders: &[String]) -> Result<Side> {
    let aem = classic(sandbox)?;
    let before = sandbox.counters();
    let t = Instant::now();
    let mut changed = 0;
    for path in holders {
        let asset = AssetRef {
            path: path.clone(),
            id: None,
        };
        let current = aem.read(&asset).await.map_err(|e| format!("{e}"))?;
        let held: Vec<String> = match current.metadata.get("cq:tags") {
            Some(Value::Array(v)) => v
                .iter()
                .filter_map(|t| t.as_str())
                .map(String::from)
                .collect(),
            _ => Vec::new(),
        };
        let mut tags: Vec<String> = Vec::new();
        for tag in held {
            let tag = if tag == FROM { INTO.to_owned() } else { tag };
            if !tags.contains(&tag) {
                tags.push(tag);
            }
        }
        let writes = [Write {
            property: "cq:tags".into(),
            value: Some(json!(tags)),
        }];
        aem.write(&asset, &writes, None)
            .await
            .map_err(|e| format!("writing {path} failed: {e}"))?;
        changed += 1;
    }
    aem.tag_command(&[("cmd", "mergeTag"), ("path", FROM), ("dest", INTO)])
        .await
        .map_err(|e| format!("merging the tag failed: {e}"))?;
    let time = t.elapsed();
    let after = sandbox.counters();
    Ok(Side {
        time,
        preview: None,
        changed,
        requests: after.requests_total - before.requests_total,
        tag_commands: after.tag_commands - before.tag_commands,
    })
}

pub async fn run(o: &TagsOpts) -> Result<Section> {
    let faults = Faults {
        latency_ms: o.latency_ms,
        capacity: Some(o.capacity),
        commit_ms_per_asset: o.commit_ms_per_asset,
        ..Faults::default()
    };
    let sandbox = start_sandbox(o.assets, faults).await?;
    let dir = tempfile::tempdir()?;
    let (ws, id) = harness::imported(&sandbox, &sandbox.credentials().dev_token_json, dir.path())?;
    let opened = ws.open(ConnectionChoice::stored(id)).await?;

    let holders = seed(&sandbox, o.assets / 2);
    let engine = engine_side(&sandbox, &ws, &opened).await?;
    let merged = !ws.tags(&opened).await?.iter().any(|t| t.id == FROM);
    if !merged || engine.tag_commands == 0 {
        return Err("the engine's run left the tag unmerged".into());
    }

    // Every write, and the merge, undone: the same assets hold the same tags again.
    sandbox.reset();
    let again = seed(&sandbox, o.assets / 2);
    let sequential = sequential_side(&sandbox, &again).await?;
    sandbox.shutdown().await;

    let n = holders.len() as u64;
    let per = |s: &Side| s.requests as f64 / s.changed.max(1) as f64;
    let rate = |s: &Side| s.changed as f64 / s.time.as_secs_f64();
    let engine_per = per(&engine);
    let speedup = rate(&engine) / rate(&sequential).max(f64::MIN_POSITIVE);
    let mut table = Table::new(&[
        "side",
        "assets holding the tag",
        "assets changed",
        "requests",
        "requests per asset",
        "tag commands",
        "preview s",
        "whole merge s",
        "assets per second",
    ]);
    for (name, s) in [
        (
            "Metadesk: check + preview (listings, batched checks) + apply (batched writes) + merge",
            &engine,
        ),
        (
            "sequential: read and write each holder, then mergeTag",
            &sequential,
        ),
    ] {
        table.row(vec![
            name.into(),
            n.to_string(),
            s.changed.to_string(),
            s.requests.to_string(),
            format!("{:.3}", per(s)),
            s.tag_commands.to_string(),
            s.preview.map_or_else(|| "-".into(), secs),
            secs(s.time),
            format!("{:.0}", rate(s)),
        ]);
    }
    Ok(Section {
        title: "11. Tag merge".into(),
        setup: vec![
            format!(
                "Sandbox (in process): {} assets under /content/dam (about 40 a folder), {} ms \
                 latency a request, {} requests served at once, {} ms of commit per asset \
                 written; the product's classic client on the development token.",
                o.assets, o.latency_ms, o.capacity, o.commit_ms_per_asset
            ),
            format!(
                "{n} assets hold {FROM} (a quarter of them {INTO} too), the others only {OTHER}; \
                 both sides merge {FROM} into {INTO} on every asset under /content/dam, then \
                 have AEM's /bin/tagcommand merge the tag."
            ),
            "Metadesk goes through the core as `metadesk-cli tags merge --yes` does \
             (`Workspace::preview_tag_change`, which checks the change and the account's \
             rights, then `apply`, which merges the tag once every asset is done); the \
             sequential client is handed the holders' paths (the search that would find them \
             is not counted) and reads, then writes, each one, one request at a time."
                .into(),
        ],
        tables: vec![table],
        targets: vec![
            Target::new(
                "requests per asset, merge of a tag held by 1,000 assets (whole merge)",
                "≤ 0.15",
                format!("{engine_per:.3}"),
                engine_per <= 0.15 && engine.changed == n,
            ),
            Target::new(
                "assets per second vs the sequential client",
                "> 1×",
                format!("{speedup:.1}×"),
                speedup > 1.0,
            ),
        ],
        notes: vec![
            "Requests are those the sandbox answered, from the check to the tag merged: \
             Metadesk's include the taxonomy read by the check and again before the merge, \
             the canCreateTag check, every folder listing of the tree (assets that do not \
             hold the tag included), the batched checks and the CSRF token."
                .into(),
            format!(
                "Metadesk lists and checks every asset under the folder, whether it holds the \
                 tag or not: its {} requests are {:.3} per asset of the {}-asset tree.",
                engine.requests,
                engine.requests as f64 / o.assets.max(1) as f64,
                o.assets
            ),
            "The sandbox is reset between the sides (every write and the merge undone) and \
             the same assets seeded again."
                .into(),
        ],
    })
}
