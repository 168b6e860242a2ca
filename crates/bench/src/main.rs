//! `metadesk-bench`: benchmarks of the bulk engine against the sandbox — capacity, throttling
//! and scale — printed as tables, and with `--write FILE` written as BENCHMARKS.md. These are
//! measurements compared side by side in one run, not tests: `scripts/test.sh` never runs them.
//!
//! ```text
//! cargo build --release -p metadesk-cli -p metadesk-sandbox
//! cargo run --release -p metadesk-bench -- all --write BENCHMARKS.md
//! cargo run --release -p metadesk-bench -- capacity --assets 200     # a quick look
//! cargo run --release -p metadesk-bench -- reads                      # fewer reads
//! cargo run --release -p metadesk-bench -- batches --write BENCHMARKS.md  # checked writes in batches
//! cargo run --release -p metadesk-bench -- publish --write BENCHMARKS.md  # a 10,000-asset publish
//! cargo run --release -p metadesk-bench -- fragments --write BENCHMARKS.md  # 2,000 content fragments
//! cargo run --release -p metadesk-bench -- tags --write BENCHMARKS.md  # a tag held by 1,000 assets merged
//! cargo run --release -p metadesk-bench -- trees --write BENCHMARKS.md  # a tree of 35 small folders
//! cargo run --release -p metadesk-bench -- whole --write BENCHMARKS.md  # bulk set on wknd-shared
//! cargo run --release -p metadesk-bench -- upload --write BENCHMARKS.md  # 200 files vs aem-upload
//! cargo run --release -p metadesk-bench -- health --write BENCHMARKS.md  # a folder's health report
//! scripts/bench-footprint.sh      # the window beside a bare Tauri window (needs Xvfb)
//! ```

mod batches;
mod capacity;
mod computed;
mod facts;
mod footprint;
mod fragments;
mod harness;
mod health;
mod history;
mod moves;
mod publish;
mod reads;
mod report;
mod scale;
mod schema_forms;
mod sequential;
mod sheets;
mod sheets_scale;
mod stats;
mod tag_import;
mod tags;
mod throttle;
mod timing;
mod trees;
mod upload;
mod whole;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::report::Section;

pub type Result<T, E = Box<dyn std::error::Error + Send + Sync>> = std::result::Result<T, E>;

/// Benchmarks of the bulk engine against the sandbox (loopback only).
#[derive(Debug, Parser)]
#[command(name = "metadesk-bench", version)]
struct Cli {
    #[command(subcommand)]
    scenario: Scenario,
    #[command(flatten)]
    opts: Opts,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Subcommand)]
enum Scenario {
    /// Engine vs a sequential client against a server of limited capacity.
    Capacity,
    /// Sustained rate and throttled share under a 429 and a 406 throttle.
    Throttle,
    /// CLI peak memory and time vs N (separate processes; needs the release binaries).
    Scale,
    /// Requests of a preview of a property the folder listing does not show: walk + reads vs
    /// search hits.
    Reads,
    /// All four.
    All,
    /// Checked writes in batches (with no index lag, and with a few assets the index does not
    /// hold yet) vs per asset vs the sequential client (issues 28, 37). Not part of `all`:
    /// `--write` replaces only its section.
    Batches,
    /// A 2,000-row sheet import (read, checked, previewed, applied) vs the sequential client
    /// doing the same writes. Not part of `all`: `--write` replaces only its section.
    Sheets,
    /// Sheet files of 10k–100k rows written and read back (time and peak RSS, each step in
    /// its own process). Not part of `all`: `--write` replaces only its section.
    SheetsScale,
    /// A 10,000-asset preview with a plain set, a regular-expression replace and a template,
    /// side by side. Not part of `all`: `--write` replaces only its section.
    Computed,
    /// Parsing a schema form whose dropdown holds up to 700,000 options, beside the quadratic
    /// de-duplication it replaced. Not part of `all`: `--write` replaces only its section.
    SchemaForms,
    /// A recursive publish of 10,000 assets (preview and apply) vs a sequential client
    /// publishing one asset per request (issue 39). Not part of `all`: `--write` replaces only
    /// its section.
    Publish,
    /// One field set on 2,000 content fragments through the Sites API vs a sequential client
    /// (issue 41). Not part of `all`: `--write` replaces only its section.
    Fragments,
    /// A tag held by half of 2,000 assets merged into another, through the core, vs a
    /// sequential client (issue 51). Not part of `all`: `--write` replaces only its section.
    Tags,
    /// 1,000 assets renamed from a sheet through the core vs one move request a file, awaited
    /// (issue 76). Not part of `all`: `--write` replaces only its section.
    Moves,
    /// A taxonomy sheet of 421 new tags (titles and French titles) imported through the core vs
    /// a sequential client sending the same writes (issue 75). Not part of `all`: `--write`
    /// replaces only its section.
    TagImport,
    /// A checked recursive edit of a tree of 35 small folders with assets the index does not
    /// hold yet, through the core, vs the sequential client, requests by kind (issue 49). Not
    /// part of `all`: `--write` replaces only its section.
    Trees,
    /// `bulk set --folder /content/dam/wknd-shared --recursive --yes` through the core vs
    /// the sequential client, with the slots' utilisation and the phases from the sandbox's
    /// request log (issue 64). Not part of `all`: `--write` replaces only its section.
    Whole,
    /// 200 files of mixed sizes uploaded with their metadata through the core vs Adobe's
    /// `@adobe/aem-upload` 2.0.3 (node, from tests/interop), a fresh sandbox each (issue 65).
    /// Not part of `all`: `--write` replaces only its section.
    Upload,
    /// A health report of 1,000 assets, some the index does not hold, through the core vs a
    /// sequential client asking the same of each asset. Not part of `all`: `--write` replaces
    /// only its section.
    Health,
    /// 200 runs of 5,000 assets listed as Activity lists them: every journal replayed, beside
    /// the history kept between listings. Not part of `all`: `--write` replaces only its
    /// section.
    History,
    /// One step of `sheets-scale` (run by it, in a child process).
    #[command(hide = true)]
    SheetsScaleStep,
    /// The window beside a bare Tauri window: idle memory, time to the page, sizes. Not part
    /// of `all` (it needs a display and release builds of both): scripts/bench-footprint.sh.
    Footprint,
}

/// How a scenario is run and written, said once for each (the match names every scenario,
/// so a new one cannot be left out of a list).
struct Shape {
    /// Part of `all`.
    in_all: bool,
    /// Run on its own, its section alone replaced by `--write`.
    alone: bool,
    /// Its section names the command line that made it.
    command: bool,
    /// Its targets are rows of the summary too.
    summary: bool,
}

impl Scenario {
    fn shape(self) -> Shape {
        use Scenario::*;
        let (in_all, alone, command, summary) = match self {
            Capacity | Throttle | Scale | Reads => (true, false, false, false),
            All | SheetsScaleStep | Footprint => (false, false, false, false),
            SheetsScale | Computed => (false, true, false, false),
            Batches => (false, true, true, false),
            Sheets | SchemaForms | Publish | Fragments | Tags | Moves | TagImport | Trees
            | Whole | Upload | Health | History => (false, true, true, true),
        };
        Shape {
            in_all,
            alone,
            command,
            summary,
        }
    }
}

#[derive(Debug, clap::Args)]
struct Opts {
    /// Capacity: assets in the sandbox.
    #[arg(long, global = true, default_value_t = 2000)]
    assets: usize,
    /// Capacity: latency of every request, in ms.
    #[arg(long, global = true, default_value_t = 50)]
    latency_ms: u64,
    /// Capacity: requests the sandbox serves at once.
    #[arg(long, global = true, default_value_t = 8)]
    capacity: usize,
    /// Batches: milliseconds the sandbox spends per asset a write changes.
    #[arg(long, global = true, default_value_t = 2)]
    commit_ms_per_asset: u64,
    /// Batches: assets uploaded just before the lagging side's run, not yet in AEM's search
    /// index (they are in their folders' listings).
    #[arg(long, global = true, default_value_t = 20)]
    unindexed: usize,
    /// Capacity: skip the sequential client (a quick look at the engine; no ratio).
    #[arg(long, global = true)]
    no_baseline: bool,
    /// Throttling: requests per second let through.
    #[arg(long, global = true, default_value_t = 100)]
    rps: u32,
    /// Throttling: assets = rps × this (about this many seconds of apply at the limit).
    #[arg(long, global = true, default_value_t = 40)]
    throttle_secs: u32,
    /// Throttling: latency of every request, in ms.
    #[arg(long, global = true, default_value_t = 5)]
    throttle_latency_ms: u64,
    /// Scale: the numbers of assets, comma-separated.
    #[arg(
        long,
        global = true,
        value_delimiter = ',',
        default_value = "25000,50000,100000"
    )]
    sizes: Vec<usize>,
    /// Scale: the metadesk-cli binary (default: next to this one).
    #[arg(long, global = true)]
    cli: Option<PathBuf>,
    /// Scale: the metadesk-sandbox binary (default: next to this one).
    #[arg(long, global = true)]
    sandbox_bin: Option<PathBuf>,
    /// Edits that compute: assets in the sandbox.
    #[arg(long, global = true, default_value_t = 10_000)]
    computed_assets: usize,
    /// Publishing: assets in the sandbox.
    #[arg(long, global = true, default_value_t = 10_000)]
    publish_assets: usize,
    /// Publishing: latency of every request, in ms.
    #[arg(long, global = true, default_value_t = 5)]
    publish_latency_ms: u64,
    /// Fewer reads: assets in the sandbox.
    #[arg(long, global = true, default_value_t = 2000)]
    reads_assets: usize,
    /// Footprint: the Metadesk binary (default: next to this one).
    #[arg(long, global = true)]
    app: Option<PathBuf>,
    /// Footprint: the bare window binary (default: next to this one).
    #[arg(long, global = true)]
    bare: Option<PathBuf>,
    /// Footprint: the .deb whose size is reported.
    #[arg(long, global = true)]
    deb: Option<PathBuf>,
    /// Footprint: starts of each window.
    #[arg(long, global = true, default_value_t = 3)]
    runs: usize,
    /// Footprint: seconds each window idles after its page loaded, before its memory is read.
    #[arg(long, global = true, default_value_t = 10)]
    idle_secs: u64,
    /// Sheets at scale: the numbers of rows, comma-separated.
    #[arg(
        long,
        global = true,
        value_delimiter = ',',
        default_value = "10000,50000,100000"
    )]
    sheet_sizes: Vec<usize>,
    /// Sheets at scale, one step: export or import.
    #[arg(long, global = true, hide = true)]
    step: Option<sheets_scale::Step>,
    /// Sheets at scale, one step: the file format.
    #[arg(long, global = true, hide = true)]
    format: Option<sheets_scale::Format>,
    /// Sheets at scale, one step: rows.
    #[arg(long, global = true, hide = true)]
    rows: Option<usize>,
    /// Sheets at scale, one step: the file written or read.
    #[arg(long, global = true, hide = true)]
    file: Option<PathBuf>,
    /// Trees: assets in the sandbox.
    #[arg(long, global = true, default_value_t = 420)]
    tree_assets: usize,
    /// Trees: assets a leaf folder holds at most (420 assets of 15: 35 folders in all).
    #[arg(long, global = true, default_value_t = 15)]
    tree_per_folder: usize,
    /// Trees: assets uploaded just before each side, not yet in AEM's search index.
    #[arg(long, global = true, default_value_t = 4)]
    tree_unindexed: usize,
    /// Whole: the folder edited, recursively.
    #[arg(long, global = true, default_value = "/content/dam/wknd-shared")]
    whole_folder: String,
    /// Write the results as Markdown (BENCHMARKS.md) to this file.
    /// Upload: files uploaded by each side.
    #[arg(long, global = true, default_value_t = 200)]
    upload_files: usize,
    /// Upload: how long the sandbox processes an uploaded asset, in ms.
    #[arg(long, global = true, default_value_t = 1500)]
    processing_ms: u64,
    #[arg(long, global = true, value_name = "FILE")]
    write: Option<PathBuf>,
}

/// A binary built next to this one (same target folder and profile).
fn sibling(name: &str) -> Result<PathBuf> {
    let exe = std::env::current_exe()?;
    let dir = exe.parent().ok_or("this binary has no folder")?;
    Ok(dir.join(name))
}

/// The command as a person would type it again (with the build of the binaries the scale
/// scenario runs).
fn command_line(scale: bool) -> String {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .map(|a| report::shown_path(std::path::Path::new(&a)))
        .collect();
    let build = if scale {
        "cargo build --release -p metadesk-cli -p metadesk-sandbox && "
    } else {
        ""
    };
    // A debug build's numbers say so in their command too.
    let release = if cfg!(debug_assertions) {
        ""
    } else {
        "--release "
    };
    format!(
        "{build}cargo run {release}-p metadesk-bench -- {}",
        args.join(" ")
    )
}

/// Adds the machine and build to a section written on its own (not under `all`'s header),
/// and with `command`, the command line that made it with the profile overrides given to
/// `cargo run` (they reach this process too, while the build line reads the workspace's
/// profile).
fn stamp_alone(section: &mut Section, command: bool) {
    let facts = facts::gather();
    section.setup.push(format!(
        "{}; {} CPU(s), {}; {}.",
        facts.date, facts.nproc, facts.memory, facts.build
    ));
    if !command {
        return;
    }
    let overrides: Vec<String> = [
        "CARGO_PROFILE_RELEASE_LTO",
        "CARGO_PROFILE_RELEASE_CODEGEN_UNITS",
    ]
    .iter()
    .filter_map(|k| std::env::var(k).ok().map(|v| format!("{k}={v}")))
    .collect();
    let prefix = if overrides.is_empty() {
        String::new()
    } else {
        format!("{} ", overrides.join(" "))
    };
    section
        .setup
        .insert(0, format!("Command: `{prefix}{}`", command_line(false)));
    if !overrides.is_empty() {
        section.notes.push(format!(
            "Built with the profile overrides in the command ({}), not the workspace's release \
             profile the build line names: a faster build, slightly slower code.",
            overrides.join(", ")
        ));
    }
}

/// Replaces `section` in the file at `path`, and with `summary` its rows of the summary's
/// targets; the other sections stay as they were.
fn write_section(path: &std::path::Path, section: &Section, summary: bool) -> Result<()> {
    let mut existing = std::fs::read_to_string(path).unwrap_or_default();
    if summary {
        existing = report::splice_targets(&existing, &section.title, &section.targets);
    }
    let md = report::splice(
        &existing,
        &section.title,
        &report::section_md(section, true),
    );
    std::fs::write(path, md)?;
    eprintln!("wrote the {} section of {}", section.title, path.display());
    Ok(())
}

fn run(cli: Cli) -> Result<()> {
    let o = &cli.opts;
    let which = cli.scenario;
    let wants = |s: Scenario| which == s || (which == Scenario::All && s.shape().in_all);
    if which == Scenario::SheetsScaleStep {
        let (Some(step), Some(format), Some(rows), Some(file)) =
            (o.step, o.format, o.rows, &o.file)
        else {
            return Err("sheets-scale-step needs --step, --format, --rows and --file".into());
        };
        return sheets_scale::step(step, format, rows, file);
    }
    if cfg!(debug_assertions) {
        eprintln!("warning: a debug build; benchmark numbers need --release");
    }
    let runtime = tokio::runtime::Runtime::new()?;
    let mut sections: Vec<Section> = Vec::new();
    let mut show = |s: Section| {
        print!("{}", report::section_text(&s));
        sections.push(s);
    };
    if wants(Scenario::Capacity) {
        show(runtime.block_on(capacity::run(&capacity::CapacityOpts {
            assets: o.assets,
            latency_ms: o.latency_ms,
            capacity: o.capacity,
            baseline: !o.no_baseline,
        }))?);
    }
    if wants(Scenario::Throttle) {
        show(runtime.block_on(throttle::run(&throttle::ThrottleOpts {
            rps: o.rps,
            secs: o.throttle_secs,
            latency_ms: o.throttle_latency_ms,
        }))?);
    }
    if wants(Scenario::Scale) {
        show(scale::run(&scale::ScaleOpts {
            sizes: o.sizes.clone(),
            cli: o.cli.clone().map_or_else(|| sibling("metadesk-cli"), Ok)?,
            sandbox_bin: o
                .sandbox_bin
                .clone()
                .map_or_else(|| sibling("metadesk-sandbox"), Ok)?,
        })?);
    }
    if wants(Scenario::Reads) {
        show(runtime.block_on(reads::run(&reads::ReadsOpts {
            assets: o.reads_assets,
        }))?);
    }
    if which.shape().alone {
        let mut section = if which == Scenario::Batches {
            runtime.block_on(batches::run(&batches::BatchesOpts {
                assets: o.assets,
                latency_ms: o.latency_ms,
                capacity: o.capacity,
                commit_ms_per_asset: o.commit_ms_per_asset,
                unindexed: o.unindexed,
            }))?
        } else if which == Scenario::Publish {
            runtime.block_on(publish::run(&publish::PublishOpts {
                assets: o.publish_assets,
                latency_ms: o.publish_latency_ms,
                capacity: o.capacity,
                commit_ms_per_asset: o.commit_ms_per_asset,
            }))?
        } else if which == Scenario::Fragments {
            runtime.block_on(fragments::run(&fragments::FragmentsOpts {
                fragments: o.assets,
                latency_ms: o.latency_ms,
                capacity: o.capacity,
            }))?
        } else if which == Scenario::Tags {
            runtime.block_on(tags::run(&tags::TagsOpts {
                assets: o.assets,
                latency_ms: o.latency_ms,
                capacity: o.capacity,
                commit_ms_per_asset: o.commit_ms_per_asset,
            }))?
        } else if which == Scenario::Moves {
            runtime.block_on(moves::run(&moves::MovesOpts {
                assets: 1000,
                latency_ms: o.latency_ms,
                capacity: o.capacity,
                commit_ms_per_asset: o.commit_ms_per_asset,
            }))?
        } else if which == Scenario::TagImport {
            runtime.block_on(tag_import::run(&tag_import::TagImportOpts {
                groups: 20,
                per_group: 20,
                latency_ms: o.latency_ms,
                capacity: o.capacity,
            }))?
        } else if which == Scenario::Trees {
            runtime.block_on(trees::run(&trees::TreesOpts {
                assets: o.tree_assets,
                per_folder: o.tree_per_folder,
                unindexed: o.tree_unindexed,
                latency_ms: o.latency_ms,
                capacity: o.capacity,
                commit_ms_per_asset: o.commit_ms_per_asset,
            }))?
        } else if which == Scenario::Whole {
            runtime.block_on(whole::run(&whole::WholeOpts {
                assets: o.assets,
                folder: o.whole_folder.clone(),
                latency_ms: o.latency_ms,
                capacity: o.capacity,
                commit_ms_per_asset: o.commit_ms_per_asset,
            }))?
        } else if which == Scenario::Upload {
            runtime.block_on(upload::run(&upload::UploadOpts {
                files: o.upload_files,
                latency_ms: o.latency_ms,
                capacity: o.capacity,
                commit_ms_per_asset: o.commit_ms_per_asset,
                processing_ms: o.processing_ms,
            }))?
        } else if which == Scenario::Health {
            runtime.block_on(health::run(&health::HealthOpts {
                assets: 1000,
                unindexed: 40,
                latency_ms: o.latency_ms,
                capacity: o.capacity,
            }))?
        } else if which == Scenario::History {
            runtime.block_on(history::run(&history::HistoryOpts {
                assets: 5000,
                runs: 200,
            }))?
        } else if which == Scenario::Computed {
            runtime.block_on(computed::run(&computed::ComputedOpts {
                assets: o.computed_assets,
                runs: o.runs.max(5),
            }))?
        } else if which == Scenario::SchemaForms {
            schema_forms::run(&[70_000, 350_000, 700_000], 50_000)?
        } else if which == Scenario::Sheets {
            runtime.block_on(sheets::run(&sheets::SheetsOpts {
                assets: o.assets,
                latency_ms: o.latency_ms,
                capacity: o.capacity,
                commit_ms_per_asset: o.commit_ms_per_asset,
            }))?
        } else {
            sheets_scale::run(&o.sheet_sizes)?
        };
        stamp_alone(&mut section, which.shape().command);
        print!("{}", report::section_text(&section));
        if let Some(path) = &o.write {
            write_section(path, &section, which.shape().summary)?;
        }
        return Ok(());
    }
    if which == Scenario::Footprint {
        let mut section = footprint::run(&footprint::FootprintOpts {
            app: o.app.clone().map_or_else(|| sibling("metadesk"), Ok)?,
            bare: o
                .bare
                .clone()
                .map_or_else(|| sibling("metadesk-bare-window"), Ok)?,
            deb: o.deb.clone(),
            runs: o.runs.max(1),
            idle_secs: o.idle_secs,
        })?;
        let facts = facts::gather();
        section.setup.insert(
            0,
            format!(
                "Command: `scripts/bench-footprint.sh` (= `{}` under Xvfb and a private D-Bus \
                 session); {}; {} CPU(s), {}; {}.",
                command_line(false),
                facts.date,
                facts.nproc,
                facts.memory,
                facts.build
            ),
        );
        print!("{}", report::section_text(&section));
        if let Some(path) = &o.write {
            // The engine's scenarios stay as they were: only this section is replaced.
            let existing = std::fs::read_to_string(path).unwrap_or_default();
            let md = report::splice(
                &existing,
                &section.title,
                &report::section_md(&section, true),
            );
            std::fs::write(path, md)?;
            eprintln!("wrote the footprint section of {}", path.display());
        }
        return Ok(());
    }
    if let Some(path) = &o.write
        && which != Scenario::All
    {
        // One scenario of `all`: only its section and its rows of the summary's targets are
        // replaced, the others stay as they were.
        for mut section in sections {
            stamp_alone(&mut section, true);
            let existing = std::fs::read_to_string(path).unwrap_or_default();
            let md = report::splice(
                &report::splice_targets(&existing, &section.title, &section.targets),
                &section.title,
                &report::section_md(&section, false),
            );
            std::fs::write(path, md)?;
            eprintln!("wrote the {} section of {}", section.title, path.display());
        }
        return Ok(());
    }
    if let Some(path) = &o.write {
        // The footprint and sheets sections (written by their own runs) are kept.
        let old = std::fs::read_to_string(path).unwrap_or_default();
        let mut md = report::markdown(
            &sections,
            &facts::gather(),
            &command_line(wants(Scenario::Scale)),
        );
        for title in [
            "1c. Checked writes in batches",
            "5. Footprint",
            "6. Sheets",
            "6b. Sheets at scale",
        ] {
            if let Some(section) = report::section_of(&old, title) {
                md = format!("{}\n{section}", md.trim_end());
            }
        }
        std::fs::write(path, md)?;
        eprintln!("wrote {}", path.display());
    }
    Ok(())
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("metadesk-bench: {e}");
            ExitCode::FAILURE
        }
    }
}
