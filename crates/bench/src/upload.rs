//! Scenario 12, uploads (issue 65): 200 files of mixed sizes, some in several parts under AEM's
//! part sizes, uploaded with their metadata from a sheet by Metadesk (`plan_upload`,
//! `upload_metadata`, `upload`: what `metadesk-cli upload DIR --to FOLDER --metadata SHEET --yes`
//! runs) and without metadata by Adobe's `@adobe/aem-upload` 2.0.3 (node, the driver
//! `tests/interop/aem-upload-bench.mjs`), each against a fresh sandbox with the same latency,
//! capacity, commit cost and processing time. Every file is then checked on the sandbox (its
//! size and SHA-1; Metadesk's its title too).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use metadesk_core::app::ConnectionChoice;
use metadesk_core::assets::upload::WhenDifferent;
use metadesk_sandbox::{Counters, Faults, Sandbox, SandboxConfig, UploadSettings};
use serde_json::Value;

use crate::Result;
use crate::harness::{self, ServerView, secs, server_view};
use crate::report::{Section, Table, Target};

/// Issue 65's bound: Metadesk's files per second, metadata included, against aem-upload's.
const SPEEDUP: f64 = 1.5;
/// The subfolders the files are spread over (both sides create them).
const SUBFOLDERS: &[&str] = &["bench-a", "bench-b", "bench-c", "bench-d"];
const TARGET: &str = "/content/dam/wknd-shared/en";
const MIB: u64 = 1024 * 1024;

pub struct UploadOpts {
    pub files: usize,
    pub latency_ms: u64,
    pub capacity: usize,
    pub commit_ms_per_asset: u64,
    pub processing_ms: u64,
}

/// The files: one in 20 of 14–22 MiB (two or three parts of AEM's 10 MiB), one in 5 of
/// 1–4 MiB, the rest 20–300 KiB; contents from a fixed seed, so every file differs.
fn sizes(files: usize) -> Vec<u64> {
    (0..files as u64)
        .map(|i| match i {
            i if i % 20 == 0 => 14 * MIB + (i / 20 % 3) * 4 * MIB,
            i if i % 5 == 0 => MIB + (i * 7919 % (3 * MIB)),
            i => 20 * 1024 + (i * 104_729 % (280 * 1024)),
        })
        .collect()
}

fn bytes(n: u64, seed: u64) -> Vec<u8> {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect()
}

/// Writes the files under `dir/drop/{subfolder}/` and the sheet that describes them,
/// `dir/metadata.csv`; each file's path relative to `drop`, and its size.
fn generate(dir: &Path, files: usize) -> Result<Vec<(String, u64)>> {
    let drop = dir.join("drop");
    let mut made = Vec::new();
    let mut sheet = String::from("File,dc:title,dc:description\n");
    for (i, size) in sizes(files).into_iter().enumerate() {
        let sub = SUBFOLDERS[i % SUBFOLDERS.len()];
        std::fs::create_dir_all(drop.join(sub))?;
        let rel = format!("{sub}/photo-{i:03}.jpg");
        std::fs::write(drop.join(&rel), bytes(size, i as u64 + 1))?;
        sheet.push_str(&format!(
            "{rel},Bench photo {i},Uploaded by the benchmark ({size} bytes)\n"
        ));
        made.push((rel, size));
    }
    std::fs::write(dir.join("metadata.csv"), sheet)?;
    Ok(made)
}

async fn fresh(o: &UploadOpts) -> Result<Sandbox> {
    let faults = Faults {
        latency_ms: o.latency_ms,
        capacity: Some(o.capacity),
        commit_ms_per_asset: o.commit_ms_per_asset,
        ..Faults::default()
    };
    let upload = UploadSettings {
        processing: Duration::from_millis(o.processing_ms),
        ..UploadSettings::default()
    };
    let config = SandboxConfig::default()
        .with_assets(200)
        .with_key_bits(1024)
        .with_faults(faults)
        .with_upload(upload);
    Ok(Sandbox::start(config).await?)
}

/// What one side did.
struct Side {
    time: Duration,
    requests: u64,
    parts: u64,
    server: ServerView,
    /// Files found on the sandbox afterwards with the right size and SHA-1.
    whole: usize,
    /// Of those, files whose `dc:title` is the sheet's.
    described: usize,
    /// Files not yet `processed` when the side ended.
    processing: usize,
}

/// Where a side began on the sandbox: its counters and its request-log clock.
struct Began {
    counters: Counters,
    from: Duration,
}

impl Began {
    fn now(sandbox: &Sandbox) -> Self {
        Began {
            counters: sandbox.counters(),
            from: sandbox.clock(),
        }
    }

    /// The side, ended `to` on the request-log clock, after `time`; `checked` as [`check`]
    /// gives it.
    fn side(
        &self,
        sandbox: &Sandbox,
        capacity: usize,
        (to, time): (Duration, Duration),
        (whole, described, processing): (usize, usize, usize),
    ) -> Side {
        let after = sandbox.counters();
        Side {
            time,
            requests: after.requests_total - self.counters.requests_total,
            parts: after.storage_parts - self.counters.storage_parts,
            server: server_view(sandbox, self.from, to, capacity),
            whole,
            described,
            processing,
        }
    }
}

/// Checks every file on `sandbox` after a side.
fn check(sandbox: &Sandbox, made: &[(String, u64)], dir: &Path) -> (usize, usize, usize) {
    let (mut whole, mut described, mut processing) = (0, 0, 0);
    for (i, (rel, size)) in made.iter().enumerate() {
        let Some(state) = sandbox.asset(&format!("{TARGET}/{rel}")) else {
            continue;
        };
        let content = std::fs::read(dir.join("drop").join(rel)).unwrap_or_default();
        let sha1 = sha1_hex(&content);
        if state["size"].as_u64() == Some(*size) && state["metadata"]["dam:sha1"] == sha1 {
            whole += 1;
        }
        if state["metadata"]["dc:title"] == format!("Bench photo {i}") {
            described += 1;
        }
        if state["assetState"] != "processed" {
            processing += 1;
        }
    }
    (whole, described, processing)
}

fn sha1_hex(bytes: &[u8]) -> String {
    use sha1::{Digest, Sha1};
    Sha1::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

async fn metadesk(o: &UploadOpts, dir: &Path, made: &[(String, u64)]) -> Result<Side> {
    let sandbox = fresh(o).await?;
    let home = tempfile::tempdir()?;
    let (ws, id) = harness::imported(&sandbox, &sandbox.credentials().dev_token_json, home.path())?;
    let opened = ws.open(ConnectionChoice::stored(id)).await?;
    let began = Began::now(&sandbox);
    let t = Instant::now();
    let plan = ws
        .plan_upload(
            &opened,
            vec![dir.join("drop")],
            TARGET,
            WhenDifferent::NewVersion,
        )
        .await?;
    let sheet = ws
        .upload_metadata(&opened, &plan, &dir.join("metadata.csv"))
        .await?;
    if !sheet.errors.is_empty() || !sheet.without_row.is_empty() {
        return Err(format!("the sheet: {:?} {:?}", sheet.errors, sheet.without_row).into());
    }
    let summary = ws.upload(&opened, &plan, &sheet.by_file, None).await?;
    let (to, time) = (sandbox.clock(), t.elapsed());
    let uploaded = (summary.op.as_ref().and_then(|op| op.as_upload())).map_or(0, |u| u.uploaded);
    if uploaded != made.len() as u64 {
        return Err(format!("Metadesk uploaded {uploaded} of {}", made.len()).into());
    }
    let side = began.side(&sandbox, o.capacity, (to, time), check(&sandbox, made, dir));
    sandbox.shutdown().await;
    Ok(side)
}

/// The driver beside the interop tests, where `npm ci` put `@adobe/aem-upload`.
fn driver() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/interop/aem-upload-bench.mjs")
}

/// aem-upload's side, and how long after its upload call returned the last of its files was
/// processed (it does not wait: it writes no metadata).
async fn aem_upload(
    o: &UploadOpts,
    dir: &Path,
    made: &[(String, u64)],
) -> Result<(Side, Value, Duration)> {
    let sandbox = fresh(o).await?;
    let began = Began::now(&sandbox);
    let drop = dir.join("drop");
    let base = sandbox.base_url();
    let token = sandbox.credentials().dev_token.clone();
    let dirs: Vec<PathBuf> = SUBFOLDERS.iter().map(|s| drop.join(s)).collect();
    let t = Instant::now();
    let out = tokio::task::spawn_blocking(move || {
        Command::new("node")
            .arg(driver())
            .arg(TARGET)
            .args(&dirs)
            .env("SANDBOX_URL", base)
            .env("SANDBOX_TOKEN", token)
            .output()
    })
    .await??;
    let wall = t.elapsed();
    let to = sandbox.clock();
    if !out.status.success() {
        return Err(format!(
            "the aem-upload driver failed: {}",
            String::from_utf8_lossy(&out.stderr)
        )
        .into());
    }
    let line = String::from_utf8_lossy(&out.stdout);
    let report: Value = serde_json::from_str(line.lines().last().unwrap_or("{}"))?;
    let time = report["ms"]
        .as_f64()
        .map_or(wall, |ms| Duration::from_secs_f64(ms / 1000.0));
    let processing = check(&sandbox, made, dir).2;
    // Until every file is processed: what a user waits before the assets are usable (the
    // sandbox gives an asset its SHA-1 when it is processed, so the files are checked then).
    let waited = Instant::now();
    while check(&sandbox, made, dir).2 > 0 && waited.elapsed() < Duration::from_secs(60) {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let until_processed = time + waited.elapsed();
    let (whole, described, _) = check(&sandbox, made, dir);
    let side = began.side(
        &sandbox,
        o.capacity,
        (to, time),
        (whole, described, processing),
    );
    sandbox.shutdown().await;
    Ok((side, report, until_processed))
}

pub async fn run(o: &UploadOpts) -> Result<Section> {
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let load: Vec<&str> = load.split_whitespace().take(3).collect();
    let dir = tempfile::tempdir()?;
    eprintln!("upload: writing {} files…", o.files);
    let made = generate(dir.path(), o.files)?;
    let total: u64 = made.iter().map(|(_, s)| s).sum();
    let multi = made.iter().filter(|(_, s)| *s > 10 * MIB).count();
    eprintln!("upload: Metadesk…");
    let ours = metadesk(o, dir.path(), &made).await?;
    eprintln!("upload: @adobe/aem-upload…");
    let (theirs, report, until_processed) = aem_upload(o, dir.path(), &made).await?;

    let n = made.len() as f64;
    let rate = |t: Duration| n / t.as_secs_f64().max(1e-9);
    let speedup = rate(ours.time) / rate(theirs.time);
    let mut table = Table::new(&[
        "side",
        "files whole on the sandbox",
        "with the sheet's metadata",
        "still processing at the end",
        "requests to AEM",
        "parts to storage",
        "time s",
        "files per second",
        "slot utilisation",
    ]);
    let sides = [
        (
            "Metadesk: plan, sheet, upload run (folders, files; their processing waited for beside the sends, then their metadata in checked batches)",
            &ours,
        ),
        (
            "@adobe/aem-upload 2.0.3: FileSystemUpload, deep, default concurrency (no metadata)",
            &theirs,
        ),
    ];
    for (name, s) in sides {
        table.row(vec![
            name.into(),
            format!("{} of {}", s.whole, made.len()),
            s.described.to_string(),
            s.processing.to_string(),
            s.requests.to_string(),
            s.parts.to_string(),
            secs(s.time),
            format!("{:.1}", rate(s.time)),
            format!(
                "{:.2} ({:.1} of {})",
                s.server.utilisation,
                s.server.utilisation * o.capacity as f64,
                o.capacity
            ),
        ]);
    }
    let complete = ours.whole == made.len() && ours.described == made.len();
    Ok(Section {
        title: "12. Uploads against Adobe's aem-upload".into(),
        setup: vec![
            format!(
                "Files: {} ({:.0} MiB in all) in {} subfolders: {multi} of 14–22 MiB (two or \
                 three parts of AEM's 10 MiB minimum part, the sandbox's default), one in five \
                 of 1–4 MiB, the rest 20–300 KiB; a CSV sheet gives each a dc:title and a \
                 dc:description (Metadesk's side only).",
                made.len(),
                total as f64 / MIB as f64,
                SUBFOLDERS.len()
            ),
            format!(
                "Sandbox (in process, a fresh one per side): {} ms latency a request to AEM, {} \
                 requests served at once (the rest queue), {} ms of commit per asset a write \
                 changes; storage (the pre-signed part URLs) on its own port without latency or \
                 slot; an uploaded asset is `processing` for {} ms, then `processed`.",
                o.latency_ms, o.capacity, o.commit_ms_per_asset, o.processing_ms
            ),
            format!(
                "Metadesk: `Workspace::plan_upload`, `upload_metadata`, `upload` into {TARGET} \
                 (what `metadesk-cli upload DIR --to {TARGET} --metadata SHEET --yes` runs), \
                 timed from the plan to the run's end: it waits, beside the sends, for each \
                 asset's `dam:assetState` = processed before writing its metadata in the \
                 engine's checked batches (a check of exact paths, one Sling POST). aem-upload: \
                 `node tests/interop/aem-upload-bench.mjs {TARGET} DIR…` (the four subfolders), \
                 timed inside node around `FileSystemUpload.upload` (maxConcurrent {}), which \
                 returns once the last file is completed, before processing.",
                report["maxConcurrent"]
            ),
            format!(
                "The machine was loaded: load average {} (1, 5, 15 min) when the run began, \
                 other agents building on its cores; both sides ran on it one after the other.",
                load.join(", ")
            ),
        ],
        tables: vec![table],
        targets: vec![Target::new(
            "upload, files per second vs @adobe/aem-upload 2.0.3, metadata included",
            &format!("≥ {SPEEDUP}×"),
            format!("{speedup:.2}×"),
            speedup >= SPEEDUP && complete,
        )],
        notes: vec![
            format!(
                "aem-upload writes no metadata; its files were all processed {} s after its \
                 upload call began (the processing it does not wait for). Metadesk's time holds \
                 that wait and the metadata writes after it.",
                secs(until_processed)
            ),
            format!(
                "What bounds Metadesk's run, as the server saw it (each kind of request: how \
                 many, from the first slot taken to the last given back, s into the run, and \
                 how many held slots on average then): {}.",
                ours.server.phases
            ),
            format!("aem-upload's: {}.", theirs.server.phases),
        ],
    })
}
