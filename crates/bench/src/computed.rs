//! Scenario 7, edits that compute (issue 30): the preview of 10,000 assets with a plain set,
//! a regular-expression replace and a template on the same property and the same scope, side
//! by side (interleaved runs, the median of each), and what computing the values alone costs.

use metadesk_core::bulk::RunSource;
use std::time::Instant;

use metadesk_core::bulk::compute::{Asset, Regexes};
use metadesk_core::bulk::spec::after;
use metadesk_core::bulk::{Edit, EditOp, Engine, Progress, RunControl, RunSpec};
use metadesk_sandbox::Faults;
use serde_json::{Map, Value, json};

use crate::Result;
use crate::harness::{set_everywhere, start_sandbox, timed_classic};
use crate::report::{Section, Table, Target};

pub struct ComputedOpts {
    pub assets: usize,
    pub runs: usize,
}

fn with_op(spec: &RunSpec, op: EditOp) -> RunSpec {
    RunSpec {
        edits: vec![Edit {
            property: "dc:title".into(),
            op,
        }],
        ..spec.clone()
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

pub async fn run(o: &ComputedOpts) -> Result<Section> {
    let sandbox = start_sandbox(o.assets, Faults::default()).await?;
    let dir = tempfile::tempdir()?;
    let plain = set_everywhere(&sandbox, "dc:title", "Adventure");
    let sides: Vec<(&str, RunSpec)> = vec![
        ("set (a typed value)", plain.clone()),
        (
            "replace, regular expression with groups",
            with_op(
                &plain,
                EditOp::Replace {
                    find: r"^(\w+) (\w+)$".into(),
                    replace: "$2, $1".into(),
                    regex: true,
                    ignore_case: true,
                    whole_word: false,
                },
            ),
        ),
        (
            "template {dc:title} ({name}, {folder})",
            with_op(
                &plain,
                EditOp::Template {
                    template: "{dc:title} ({name}, {folder})".into(),
                },
            ),
        ),
    ];
    let mut secs: Vec<Vec<f64>> = vec![Vec::new(); sides.len()];
    let mut planned = vec![0u64; sides.len()];
    let aem = timed_classic(&sandbox)?;
    let engine = Engine::new(aem, dir.path().join("runs"));
    // Interleaved, so a slower moment of the machine falls on every side alike.
    for _ in 0..o.runs.max(1) {
        for (k, (_, spec)) in sides.iter().enumerate() {
            let quiet = |_: Progress| {};
            let t = Instant::now();
            let run = engine
                .plan(RunSource::Scope(spec.clone()), &RunControl::new(), &quiet)
                .await?;
            secs[k].push(t.elapsed().as_secs_f64());
            planned[k] = run.counts.assets;
        }
    }
    sandbox.shutdown().await;

    let mut table = Table::new(&[
        "preview of dc:title",
        "assets planned",
        "median s",
        "vs set",
    ]);
    let base = median(secs[0].clone());
    let mut worst: f64 = 0.0;
    for (k, (name, _)) in sides.iter().enumerate() {
        let m = median(secs[k].clone());
        let over = (m / base - 1.0) * 100.0;
        if k > 0 {
            worst = worst.max(over);
        }
        table.row(vec![
            (*name).to_owned(),
            planned[k].to_string(),
            format!("{m:.3}"),
            if k == 0 {
                "—".into()
            } else {
                format!("{over:+.1} %")
            },
        ]);
    }
    let compute_alone = compute_only(o.assets);
    Ok(Section {
        title: "7. Edits that compute".into(),
        setup: vec![
            format!(
                "Sandbox (in process): {} assets under /content/dam, no latency, no faults; the \
                 product's classic client.",
                o.assets
            ),
            format!(
                "Preview only, of every asset of the tree (recursive), {} interleaved runs of \
                 each side; the median is shown.",
                o.runs.max(1)
            ),
        ],
        tables: vec![table],
        targets: vec![Target::new(
            "preview time over a plain set, worst rule",
            "< 5 %",
            format!("{worst:+.1} %"),
            worst < 5.0 && planned.iter().all(|p| *p == planned[0]),
        )],
        notes: vec![
            format!(
                "Computing alone (the rules on {} values in memory, no I/O): replace {:.1} ms, \
                 template {:.1} ms — the regular expression is compiled once per run.",
                o.assets, compute_alone.0, compute_alone.1
            ),
            "The template names dc:title, which the folder listing shows, so all three sides \
             make the same requests."
                .into(),
        ],
    })
}

/// Milliseconds to compute a replace and a template on `n` titles, in memory.
fn compute_only(n: usize) -> (f64, f64) {
    let replace = EditOp::Replace {
        find: r"^(\w+) (\w+)$".into(),
        replace: "$2, $1".into(),
        regex: true,
        ignore_case: true,
        whole_word: false,
    };
    let template = EditOp::Template {
        template: "{dc:title} ({name}, {folder})".into(),
    };
    let metadata: Vec<Map<String, Value>> = (0..n)
        .map(|k| {
            let mut m = Map::new();
            m.insert("dc:title".into(), json!(format!("Sunny Beach{k}")));
            m
        })
        .collect();
    let time = |op: &EditOp| {
        let regexes = Regexes::new(op.patterns());
        let t = Instant::now();
        for (k, md) in metadata.iter().enumerate() {
            let path = format!("/content/dam/f/a{k}.jpg");
            let asset = Asset {
                path: &path,
                metadata: md,
            };
            let _ = after(op, md.get("dc:title"), asset, &regexes);
        }
        t.elapsed().as_secs_f64() * 1000.0
    };
    (time(&replace), time(&template))
}
