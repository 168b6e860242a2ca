//! Scenario 3, scale: the release `metadesk-cli bulk set … --yes --json` against a
//! `metadesk-sandbox` process of N assets, for several N, in two layouts: a tree of small
//! folders edited recursively, and one folder holding all N assets (the listing then pages
//! through a single huge folder). Each program runs as its own process
//! so that only the CLI's memory is measured: its peak RSS is `VmHWM` from
//! `/proc/<pid>/status`, polled every 10 ms while it runs (a high-water mark, so polling only
//! misses a peak reached in the last 10 ms before exit).

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::Result;
use crate::harness::{fresh_value, secs};
use crate::report::{Section, Table, Target};
use crate::stats::{linear_fit, per_item_growth};

/// The RSS bound of the CLI through preview and apply.
pub const RSS_BOUND_MB: f64 = 150.0;
/// Time per asset at the largest N may exceed that at the smallest N by at most this factor.
pub const GROWTH_BOUND: f64 = 1.25;

#[derive(Debug, Clone)]
pub struct ScaleOpts {
    pub sizes: Vec<usize>,
    pub cli: PathBuf,
    pub sandbox_bin: PathBuf,
}

/// How the N assets are laid out in the sandbox, and what the CLI is asked to edit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    /// About 40 assets per folder under brand/locale/section folders; `--recursive` from
    /// /content/dam.
    Tree,
    /// Every asset in one folder; that folder, not recursive.
    Flat,
}

impl Layout {
    fn words(self) -> &'static str {
        match self {
            Layout::Tree => "tree of 40-asset folders",
            Layout::Flat => "one folder",
        }
    }
}

/// One CLI run.
struct Point {
    layout: Layout,
    assets: usize,
    changed: u64,
    failed: u64,
    status: String,
    wall: Duration,
    peak_kb: u64,
}

/// Kills the sandbox process (ours, by its handle) however the scenario ends.
struct Sandboxed(Child);

impl Drop for Sandboxed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// `VmHWM` of a live process, in kB.
fn peak_rss_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status.lines().find_map(|line| {
        let rest = line.strip_prefix("VmHWM:")?;
        rest.trim().trim_end_matches("kB").trim().parse().ok()
    })
}

/// Starts the sandbox binary on a free port; returns it and its base URL once the credential
/// files are written.
fn start_sandbox(
    bin: &Path,
    assets: usize,
    layout: Layout,
    creds: &Path,
) -> Result<(Sandboxed, String)> {
    let per_folder = match layout {
        Layout::Tree => metadesk_sandbox::ASSETS_PER_FOLDER,
        Layout::Flat => assets,
    };
    let mut child = Command::new(bin)
        .args(["--port", "0", "--key-bits", "1024", "--assets"])
        .arg(assets.to_string())
        .arg("--assets-per-folder")
        .arg(per_folder.to_string())
        .arg("--write-credentials")
        .arg(creds)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", bin.display()))?;
    let stdout = child.stdout.take().ok_or("the sandbox has no stdout")?;
    let sandbox = Sandboxed(child);
    let mut url = None;
    let mut lines = BufReader::new(stdout).lines();
    for line in lines.by_ref() {
        let line = line?;
        if let Some(u) = line.strip_prefix("metadesk-sandbox listening on ") {
            url = Some(u.trim().to_owned());
        }
        if line.starts_with("credentials written to") {
            break;
        }
    }
    // Keep reading what it prints: closing the pipe would make its next line fail.
    std::thread::spawn(move || lines.for_each(drop));
    let url = url.ok_or("the sandbox stopped before saying where it listens")?;
    Ok((sandbox, url))
}

/// One `bulk set` run of the CLI with a throw-away HOME, XDG folders and data folder.
fn run_cli(
    cli: &Path,
    url: &str,
    creds: &Path,
    home: &Path,
    layout: Layout,
    value: &str,
) -> Result<Point> {
    for dir in [
        "home", "config", "data", "cache", "state", "metadesk", "tmp",
    ] {
        std::fs::create_dir_all(home.join(dir))?;
    }
    let started = Instant::now();
    let mut child = Command::new(cli)
        .args(["bulk", "set", "--aem", url, "--file"])
        .arg(creds.join("service-credentials.json"))
        .args(match layout {
            Layout::Tree => &["--folder", "/content/dam", "--recursive"][..],
            Layout::Flat => &["--folder", metadesk_sandbox::SAMPLE_FOLDER][..],
        })
        .args([
            "--property",
            "dc:rights",
            "--value",
            value,
            "--yes",
            "--json",
        ])
        .env("HOME", home.join("home"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("METADESK_HOME", home.join("metadesk"))
        .env("TMPDIR", home.join("tmp"))
        // No keychain is reachable: the --file mode must not need one.
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .stdin(Stdio::null())
        // Files, not pipes: the loop below only polls for the exit, and a JSON answer larger
        // than a pipe's buffer (every skipped entry is in it) would block the CLI forever.
        .stdout(std::fs::File::create(home.join("stdout.json"))?)
        .stderr(std::fs::File::create(home.join("stderr.txt"))?)
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", cli.display()))?;
    let pid = child.id();
    let mut peak_kb = 0;
    let status = loop {
        if let Some(kb) = peak_rss_kb(pid) {
            peak_kb = peak_kb.max(kb);
        }
        if let Some(status) = child.try_wait()? {
            break status;
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let wall = started.elapsed();
    let stdout = std::fs::read_to_string(home.join("stdout.json"))?;
    let summary: Value = serde_json::from_str(stdout.trim()).map_err(|e| {
        let stderr = std::fs::read_to_string(home.join("stderr.txt")).unwrap_or_default();
        format!(
            "the CLI ({status}) printed no JSON summary ({e}): {} {}",
            stdout.trim(),
            stderr.trim()
        )
    })?;
    let count = |k: &str| summary["counts"][k].as_u64().unwrap_or(0);
    Ok(Point {
        layout,
        assets: 0,
        changed: count("changed"),
        failed: count("failed"),
        status: summary["status"].as_str().unwrap_or("?").to_owned(),
        wall,
        peak_kb,
    })
}

fn mb(kb: u64) -> f64 {
    kb as f64 / 1024.0
}

pub fn run(o: &ScaleOpts) -> Result<Section> {
    for bin in [&o.cli, &o.sandbox_bin] {
        if !bin.is_file() {
            return Err(format!(
                "{} is missing: build it first with \
                 `cargo build --release -p metadesk-cli -p metadesk-sandbox`",
                bin.display()
            )
            .into());
        }
    }
    let mut points = Vec::new();
    for layout in [Layout::Tree, Layout::Flat] {
        for &n in &o.sizes {
            eprintln!(
                "scale: {n} assets ({}), CLI against a sandbox process…",
                layout.words()
            );
            let tmp = tempfile::tempdir()?;
            let creds = tmp.path().join("creds");
            let (sandbox, url) = start_sandbox(&o.sandbox_bin, n, layout, &creds)?;
            let mut p = run_cli(
                &o.cli,
                &url,
                &creds,
                &tmp.path().join("cli"),
                layout,
                &fresh_value("scale"),
            )?;
            drop(sandbox);
            p.assets = n;
            points.push(p);
        }
    }

    let mut table = Table::new(&[
        "layout",
        "assets (N)",
        "assets changed",
        "failed",
        "run status",
        "preview + apply s",
        "µs per asset",
        "CLI peak RSS MB",
    ]);
    for p in &points {
        table.row(vec![
            p.layout.words().to_owned(),
            p.assets.to_string(),
            p.changed.to_string(),
            p.failed.to_string(),
            p.status.clone(),
            secs(p.wall),
            format!("{:.0}", p.wall.as_secs_f64() * 1e6 / p.assets.max(1) as f64),
            format!("{:.1}", mb(p.peak_kb)),
        ]);
    }
    let all_done = points
        .iter()
        .all(|p| p.failed == 0 && p.status == "completed" && p.changed > 0);
    let peak = points.iter().map(|p| p.peak_kb).max().unwrap_or(0);
    let largest = points.iter().map(|p| p.assets).max().unwrap_or(0);
    let mut targets = vec![Target::new(
        "CLI peak RSS, preview + apply",
        &format!("< {RSS_BOUND_MB:.0} MB at every N and layout (largest {largest})"),
        format!("{:.1} MB", mb(peak)),
        mb(peak) < RSS_BOUND_MB && all_done,
    )];
    let mut notes = vec![
        "Each N and layout runs a fresh `metadesk-sandbox` process (no faults, free port, \
         --write-credentials, --assets-per-folder 40 for the tree or N for one folder) and one \
         CLI process: `metadesk-cli bulk set --aem URL --file service-credentials.json \
         --property dc:rights --value … --yes --json`, with `--folder /content/dam --recursive` \
         for the tree and `--folder` the single folder otherwise; HOME, XDG_* folders, \
         METADESK_HOME and TMPDIR in a temporary folder and no D-Bus session address (the \
         --file mode keeps the secrets in a per-run in-memory store; no keychain is touched). \
         The time is the CLI process's wall time: start-up, token exchange, preview, apply and \
         the summary."
            .to_owned(),
    ];
    for layout in [Layout::Tree, Layout::Flat] {
        let xy: Vec<(f64, f64)> = points
            .iter()
            .filter(|p| p.layout == layout)
            .map(|p| (p.assets as f64, p.wall.as_secs_f64()))
            .collect();
        if let Some(g) = per_item_growth(&xy) {
            targets.push(Target::new(
                &format!("time grows linearly with N ({})", layout.words()),
                &format!("µs/asset at largest N ≤ {GROWTH_BOUND} × at smallest N"),
                format!("{g:.2}×"),
                g <= GROWTH_BOUND && all_done,
            ));
        }
        if let Some(f) = linear_fit(&xy) {
            notes.push(format!(
                "{}: least-squares line seconds ≈ {:.2} + {:.1} µs × N (R² = {:.4}).",
                layout.words(),
                f.intercept,
                f.slope * 1e6,
                f.r2
            ));
        }
    }
    if !all_done {
        notes.push("Not every run completed without failures: see the table.".into());
    }
    Ok(Section {
        title: "3. Scale".into(),
        setup: vec![
            format!(
                "CLI: {} (separate process); sandbox: {} (separate process).",
                crate::report::shown_path(&o.cli),
                crate::report::shown_path(&o.sandbox_bin)
            ),
            format!(
                "N = {}.",
                o.sizes
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ],
        tables: vec![table],
        targets,
        notes,
    })
}
