//! Footprint: Metadesk's window beside a bare Tauri window (`crates/bench/bare-window`: the same
//! Tauri, features and release profile, one heading for a page), started alternately in one run
//! on the same display and session bus: time from start to the page loaded, idle memory (PSS of
//! the app and every process it started, WebKit's included, after it idled), binary sizes and
//! the `.deb`'s size.
//!
//! Needs a display and a session bus: `scripts/bench-footprint.sh` gives both (Xvfb and a private
//! D-Bus session) and builds what is measured.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::Result;
use crate::report::{Section, Table, Target};

/// What to measure and how.
pub struct FootprintOpts {
    pub app: PathBuf,
    pub bare: PathBuf,
    pub deb: Option<PathBuf>,
    pub runs: usize,
    pub idle_secs: u64,
}

/// Ready within this or the run fails.
const READY_LIMIT: Duration = Duration::from_secs(60);

/// One start of one binary.
struct Sample {
    ready: Duration,
    /// Metadesk logged that it paints its tiles on the CPU (false for the bare window).
    cpu_painting: bool,
    /// PSS in KiB by process name (summed when a name appears twice).
    pss: BTreeMap<String, u64>,
}

impl Sample {
    fn total(&self) -> u64 {
        self.pss.values().sum()
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    App,
    /// The bare window as Tauri configures it (WebKit decides who paints).
    Bare,
    /// The bare window with its tiles painted on the CPU, as Metadesk paints them on a machine
    /// without a GPU (`src-tauri/src/painting.rs`): the same terms for both pages.
    BareCpu,
}

impl Side {
    fn name(self) -> &'static str {
        match self {
            Side::App => "Metadesk",
            Side::Bare => "bare window",
            Side::BareCpu => "bare window, tiles on the CPU",
        }
    }
}

/// WebKitGTK's switch for painting tiles on the CPU, and Metadesk's own.
const WEBKIT_CPU_PAINTING: &str = "WEBKIT_SKIA_ENABLE_CPU_RENDERING";
const METADESK_PAINTING: &str = "METADESK_GPU_PAINTING";

pub fn run(o: &FootprintOpts) -> Result<Section> {
    if std::env::var_os("DISPLAY").is_none() {
        return Err("footprint needs a display: run it through scripts/bench-footprint.sh".into());
    }
    let (mut app, mut bare, mut bare_cpu) = (Vec::new(), Vec::new(), Vec::new());
    let mut app_cpu = Vec::new();
    for i in 0..o.runs {
        // Rotate who goes first, so a slow moment of the machine is shared.
        let mut order = [Side::Bare, Side::App, Side::BareCpu];
        order.rotate_left(i % 3);
        for side in order {
            let bin = if side == Side::App { &o.app } else { &o.bare };
            let sample = measure(bin, side, o.idle_secs)?;
            eprintln!(
                "footprint: {} run {}: ready {} ms, idle PSS {:.1} MiB",
                side.name(),
                i + 1,
                sample.ready.as_millis(),
                mib(sample.total())
            );
            match side {
                Side::App => {
                    app_cpu.push(sample.cpu_painting);
                    app.push(sample);
                }
                Side::Bare => bare.push(sample),
                Side::BareCpu => bare_cpu.push(sample),
            }
        }
    }
    let app_painting = if app_cpu.iter().all(|&c| c) {
        "on the CPU (this machine has no GPU)"
    } else if app_cpu.iter().any(|&c| c) {
        "on the CPU in some starts only"
    } else {
        "as WebKit decides (this machine has a GPU)"
    };
    Ok(section(o, &app, &bare, &bare_cpu, app_painting))
}

/// Starts `bin` with fresh folders, waits for its page, lets it idle, reads its memory, ends it.
fn measure(bin: &Path, side: Side, idle_secs: u64) -> Result<Sample> {
    let home = tempfile::tempdir()?;
    let (data, config, cache) = (
        home.path().join("data"),
        home.path().join("config"),
        home.path().join("cache"),
    );
    let started = Instant::now();
    let mut command = Command::new(bin);
    // Metadesk chooses for itself; each bare side is told.
    command.env_remove(METADESK_PAINTING);
    match side {
        Side::App | Side::Bare => command.env_remove(WEBKIT_CPU_PAINTING),
        Side::BareCpu => command.env(WEBKIT_CPU_PAINTING, "1"),
    };
    let mut child = command
        .env("XDG_DATA_HOME", &data)
        .env("XDG_CONFIG_HOME", &config)
        .env("XDG_CACHE_HOME", &cache)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("{}: {e}", bin.display()))?;
    let ready = wait_ready(&mut child, side, &data, started);
    let ready = match ready {
        Ok(r) => r,
        Err(e) => {
            end(&mut child);
            return Err(e);
        }
    };
    std::thread::sleep(Duration::from_secs(idle_secs));
    // PSS splits a shared page among every process mapping it, so another WebKit window on the
    // machine (a parallel test run) would halve the libraries' share and make either side look
    // 50-80 MiB lighter. Read only while no process outside this family maps them.
    let waited = Instant::now();
    let family_now = loop {
        let ours = family(child.id());
        let others = foreign_sharers(&ours);
        if others.is_empty() {
            break ours;
        }
        if waited.elapsed() > FOREIGN_LIMIT {
            end(&mut child);
            return Err(format!(
                "other processes kept WebKit's libraries mapped for {} s (pids {others:?}): \
                 PSS would be understated; measure when they have finished",
                FOREIGN_LIMIT.as_secs()
            )
            .into());
        }
        std::thread::sleep(Duration::from_secs(2));
    };
    let mut pss = BTreeMap::new();
    for pid in family_now {
        if let Some((name, kib)) = pss_of(pid) {
            *pss.entry(name).or_default() += kib;
        }
    }
    end(&mut child);
    let cpu_painting = side == Side::App && log_says(&data, "painted on the CPU");
    Ok(Sample {
        ready,
        cpu_painting,
        pss,
    })
}

/// How long a sample waits for other WebKit processes to end before the run fails.
const FOREIGN_LIMIT: Duration = Duration::from_secs(300);

/// Processes outside `ours` that map the same WebKitGTK or software-OpenGL (Mesa's libLLVM)
/// files as `ours` (the libraries that make up most of the shared PSS). Compared by path: rustc's
/// own libLLVM is another file.
fn foreign_sharers(ours: &[u32]) -> Vec<u32> {
    let maps = |pid: u32| std::fs::read_to_string(format!("/proc/{pid}/maps")).unwrap_or_default();
    let mut shared: Vec<String> = ours
        .iter()
        .flat_map(|&pid| {
            maps(pid)
                .lines()
                .filter_map(|l| l.split_whitespace().nth(5).map(str::to_owned))
                .filter(|path| path.contains("libwebkit2gtk") || path.contains("libLLVM"))
                .collect::<Vec<_>>()
        })
        .collect();
    shared.sort();
    shared.dedup();
    if shared.is_empty() {
        return Vec::new();
    }
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| !ours.contains(pid))
        // The X server maps Mesa's libLLVM too (for its own GLX); it serves both windows alike.
        .filter(|&pid| !is_display_server(pid))
        .filter(|&pid| {
            let theirs = maps(pid);
            shared.iter().any(|path| theirs.contains(path.as_str()))
        })
        .collect()
}

fn is_display_server(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/comm"))
        .is_ok_and(|name| matches!(name.trim(), "Xvfb" | "Xorg" | "Xwayland"))
}

/// Until the page has loaded: the bare window prints `page loaded`; Metadesk logs it.
fn wait_ready(child: &mut Child, side: Side, data: &Path, started: Instant) -> Result<Duration> {
    let (tx, rx) = mpsc::channel();
    if let Some(out) = child.stdout.take() {
        std::thread::spawn(move || {
            for line in BufReader::new(out).lines().map_while(|l| l.ok()) {
                if line.trim() == "page loaded" {
                    let _ = tx.send(());
                }
            }
        });
    }
    loop {
        let seen = match side {
            Side::Bare | Side::BareCpu => rx.try_recv().is_ok(),
            Side::App => log_says(data, "page loaded"),
        };
        if seen {
            return Ok(started.elapsed());
        }
        if let Ok(Some(status)) = child.try_wait() {
            return Err(format!("the app exited before its page loaded ({status})").into());
        }
        if started.elapsed() > READY_LIMIT {
            return Err("the page did not load within 60 s".into());
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Whether Metadesk's log (under the XDG data folder it was given: its profile's folder, which
/// a debug build names differently) has `words`.
fn log_says(data: &Path, words: &str) -> bool {
    let files = |dir: PathBuf| std::fs::read_dir(dir).into_iter().flatten().flatten();
    std::fs::read_dir(data)
        .into_iter()
        .flatten()
        .flatten()
        .flat_map(|profile| files(profile.path().join("logs")))
        .any(|e| std::fs::read_to_string(e.path()).is_ok_and(|text| text.contains(words)))
}

/// `pid` and every process below it.
fn family(pid: u32) -> Vec<u32> {
    let mut parents: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
    if let Ok(entries) = std::fs::read_dir("/proc") {
        for e in entries.flatten() {
            let Some(p) = e.file_name().to_str().and_then(|s| s.parse::<u32>().ok()) else {
                continue;
            };
            if let Some(ppid) = parent_of(p) {
                parents.entry(ppid).or_default().push(p);
            }
        }
    }
    let mut out = vec![pid];
    let mut i = 0;
    while i < out.len() {
        if let Some(kids) = parents.get(&out[i]) {
            out.extend(kids);
        }
        i += 1;
    }
    out
}

fn parent_of(pid: u32) -> Option<u32> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // `pid (comm) state ppid …`: comm may hold spaces and parentheses, so cut at the last ')'.
    let rest = &stat[stat.rfind(')')? + 1..];
    rest.split_whitespace().nth(1)?.parse().ok()
}

/// (process name, PSS in KiB) from smaps_rollup, as smem sums it.
fn pss_of(pid: u32) -> Option<(String, u64)> {
    let rollup = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).ok()?;
    let kib = rollup.lines().find_map(|l| {
        let v = l.strip_prefix("Pss:")?;
        v.trim().trim_end_matches("kB").trim().parse().ok()
    })?;
    let name = std::fs::read_to_string(format!("/proc/{pid}/comm"))
        .ok()?
        .trim()
        .to_owned();
    Some((name, kib))
}

/// Ends the app and what it started (WebKit's processes end with it, but are not trusted to).
fn end(child: &mut Child) {
    let kids = family(child.id());
    let _ = child.kill();
    let _ = child.wait();
    for pid in kids.into_iter().skip(1) {
        if std::path::Path::new(&format!("/proc/{pid}")).exists() {
            let _ = Command::new("kill").arg(pid.to_string()).status();
        }
    }
}

fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    match v.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

fn size_mib(path: &Path) -> Option<f64> {
    std::fs::metadata(path)
        .ok()
        .map(|m| m.len() as f64 / 1024.0 / 1024.0)
}

fn section(
    o: &FootprintOpts,
    app: &[Sample],
    bare: &[Sample],
    bare_cpu: &[Sample],
    app_painting: &str,
) -> Section {
    let pss = |s: &[Sample]| median(s.iter().map(|x| mib(x.total())).collect());
    let ready = |s: &[Sample]| median(s.iter().map(|x| x.ready.as_secs_f64() * 1000.0).collect());
    let (app_pss, bare_pss, cpu_pss) = (pss(app), pss(bare), pss(bare_cpu));
    let (app_ready, bare_ready, cpu_ready) = (ready(app), ready(bare), ready(bare_cpu));

    let mut main = Table::new(&[
        "window",
        "idle PSS MiB (median)",
        "runs",
        "page loaded ms (median)",
        "binary MiB",
        "package MiB",
    ]);
    let all = |s: &[Sample], f: &dyn Fn(&Sample) -> String| {
        s.iter().map(f).collect::<Vec<_>>().join(", ")
    };
    let size = |p: &Path| size_mib(p).map_or("-".into(), |m| format!("{m:.1}"));
    let deb = o.deb.as_deref().and_then(size_mib);
    let window_row = |name: &str, s: &[Sample], bin: &Path, package: String| {
        vec![
            name.to_owned(),
            format!("{:.1}", pss(s)),
            all(s, &|x| format!("{:.0}", mib(x.total()))),
            format!("{:.0}", ready(s)),
            size(bin),
            package,
        ]
    };
    main.row(window_row(
        &format!("Metadesk, tiles painted {app_painting}"),
        app,
        &o.app,
        deb.map_or("-".into(), |m| format!("{m:.1} (.deb)")),
    ));
    main.row(window_row(
        "bare Tauri window, as Tauri configures it",
        bare,
        &o.bare,
        "-".into(),
    ));
    main.row(window_row(
        "bare Tauri window, tiles painted on the CPU",
        bare_cpu,
        &o.bare,
        "-".into(),
    ));
    for (name, pss, ready) in [
        ("Metadesk ÷ bare window", bare_pss, bare_ready),
        (
            "Metadesk ÷ bare window, tiles on the CPU",
            cpu_pss,
            cpu_ready,
        ),
    ] {
        main.row(vec![
            name.into(),
            format!("{:.2}×", app_pss / pss),
            String::new(),
            format!("{:.2}×", app_ready / ready),
            String::new(),
            String::new(),
        ]);
    }

    // Where the memory is: by process, median of each side's runs.
    let mut names: Vec<String> = app
        .iter()
        .chain(bare)
        .chain(bare_cpu)
        .flat_map(|s| s.pss.keys().cloned())
        .collect();
    names.sort();
    names.dedup();
    let by_name = |s: &[Sample], n: &str| {
        median(
            s.iter()
                .map(|x| mib(x.pss.get(n).copied().unwrap_or(0)))
                .collect(),
        )
    };
    let mut parts = Table::new(&[
        "process",
        "Metadesk PSS MiB",
        "bare window PSS MiB",
        "bare window, tiles on the CPU, PSS MiB",
    ]);
    for n in &names {
        parts.row(vec![
            n.clone(),
            format!("{:.1}", by_name(app, n)),
            format!("{:.1}", by_name(bare, n)),
            format!("{:.1}", by_name(bare_cpu, n)),
        ]);
    }

    let ratio = |ours: f64, theirs: f64, unit: &str| {
        format!("{:.2}× ({ours:.0} vs {theirs:.0} {unit})", ours / theirs)
    };
    let mut targets = vec![
        Target::new(
            "idle PSS, Metadesk ÷ bare window",
            "≤ 1.15×",
            ratio(app_pss, bare_pss, "MiB"),
            app_pss / bare_pss <= 1.15,
        ),
        Target::new(
            "idle PSS, Metadesk ÷ bare window painting its tiles on the CPU too",
            "≤ 1.15×",
            ratio(app_pss, cpu_pss, "MiB"),
            app_pss / cpu_pss <= 1.15,
        ),
        Target::new(
            "page loaded, Metadesk ÷ bare window",
            "≤ 1.2×",
            ratio(app_ready, bare_ready, "ms"),
            app_ready / bare_ready <= 1.2,
        ),
        Target::new(
            "page loaded, Metadesk ÷ bare window painting its tiles on the CPU too",
            "≤ 1.2×",
            ratio(app_ready, cpu_ready, "ms"),
            app_ready / cpu_ready <= 1.2,
        ),
    ];
    if let Some(m) = deb {
        targets.push(Target::new(
            ".deb size",
            "< 10 MiB",
            format!("{m:.1} MiB"),
            m < 10.0,
        ));
    }
    Section {
        title: "5. Footprint".into(),
        setup: vec![
            format!(
                "Metadesk: {}; bare window: {}.",
                crate::report::shown_path(&o.app),
                crate::report::shown_path(&o.bare)
            ),
            format!(
                "{} starts of each of the three, in rotating order, on one Xvfb display and one private D-Bus session \
                 with GNOME Keyring; fresh XDG folders for every start (no connections).",
                o.runs
            ),
            format!(
                "Idle PSS: {} s after the page loaded, the sum of Pss in /proc/PID/smaps_rollup \
                 over the app and every process below it (WebKit's web and network processes), as \
                 smem counts it; read only while no other process maps WebKitGTK or libLLVM \
                 (another WebKit window would take a share of those pages).",
                o.idle_secs
            ),
        ],
        tables: vec![main, parts],
        targets,
        notes: vec![
            "Page loaded: from spawning the process to the webview's page-load-finished event, \
             which the bare window prints and Metadesk logs (polled every 5 ms in both cases). \
             Metadesk's page goes on with its start-up checks (keychain, connections) after that."
                .into(),
            "Metadesk paints its page's tiles on the CPU on a machine without a GPU \
             (`src-tauri/src/painting.rs`); the bare window is measured both as Tauri \
             configures it and with WebKit's `WEBKIT_SKIA_ENABLE_CPU_RENDERING=1`, so the \
             comparison on equal terms is in the table too."
                .into(),
            "Both binaries are built by the same `cargo build --release` with \
             `--features tauri/custom-protocol`, as `tauri build` does for the packages."
                .into(),
        ],
    }
}
