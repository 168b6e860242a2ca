//! Scenario 4, fewer reads: the preview of a property the folder listing does not show
//! (`xmpRights:UsageTerms`), over the same tree, both walking the folders (the listings say
//! which assets there are), once reading each asset (the engine without batched checks) and
//! once asking the listed assets' values in QueryBuilder checks of their exact paths (the
//! engine's default on a classic connection). Requests are counted by the sandbox, so both
//! sides are counted the same way.

use metadesk_core::bulk::RunSource;
use std::sync::Arc;
use std::time::Instant;

use metadesk_core::bulk::{Engine, Progress, RunControl, Settings};
use metadesk_sandbox::Faults;

use crate::Result;
use crate::harness::{set_everywhere, start_sandbox};
use crate::report::{Section, Table, Target};

pub struct ReadsOpts {
    pub assets: usize,
}

struct Side {
    name: &'static str,
    requests: u64,
    secs: f64,
    planned: u64,
}

pub async fn run(o: &ReadsOpts) -> Result<Section> {
    let sandbox = start_sandbox(o.assets, Faults::default()).await?;
    let dir = tempfile::tempdir()?;
    let mut sides = Vec::new();
    for (name, checks) in [
        ("walk + one read per asset", false),
        ("walk + batched checks", true),
    ] {
        sandbox.reset();
        let aem = Arc::new(classic_of(&sandbox)?);
        let engine = Engine::new(aem, dir.path().join(name)).with_settings(Settings {
            check_folders: checks,
            ..Settings::default()
        });
        let spec = set_everywhere(&sandbox, "xmpRights:UsageTerms", "Licensed");
        let before = sandbox.counters().requests_total;
        let t = Instant::now();
        let quiet = |_: Progress| {};
        let run = engine
            .plan(RunSource::Scope(spec), &RunControl::new(), &quiet)
            .await?;
        sides.push(Side {
            name,
            requests: sandbox.counters().requests_total - before,
            secs: t.elapsed().as_secs_f64(),
            planned: run.counts.assets,
        });
    }
    sandbox.shutdown().await;
    let mut table = Table::new(&["preview", "assets planned", "requests", "preview s"]);
    for s in &sides {
        table.row(vec![
            s.name.to_owned(),
            s.planned.to_string(),
            s.requests.to_string(),
            format!("{:.2}", s.secs),
        ]);
    }
    let (walk, checked) = (&sides[0], &sides[1]);
    let ratio = walk.requests as f64 / checked.requests.max(1) as f64;
    Ok(Section {
        title: "4. Fewer reads".into(),
        setup: vec![
            format!(
                "Sandbox (in process): {} assets under /content/dam, no latency, no faults.",
                o.assets
            ),
            "Preview only: set xmpRights:UsageTerms (not in the classic folder listing) on every \
             asset of the tree (recursive)."
                .into(),
        ],
        tables: vec![table],
        targets: vec![Target::new(
            "requests, a read per asset ÷ batched checks",
            "≥ 20×",
            format!("{ratio:.1}×"),
            ratio >= 20.0 && walk.planned == checked.planned,
        )],
        notes: vec![
            "Both sides list every folder (100 children a page): a folder's assets come from its \
             listings, never from a search (AEM's index lags behind the repository). Then one \
             metadata.json GET per asset, or QueryBuilder checks of the listed assets' exact \
             paths (p.hits=selective with p.properties naming the edited property; as many \
             paths as keep the URL under 7,000 characters, about 50), no GET per asset; both \
             plan the same rows."
                .into(),
        ],
    })
}

/// The product's classic client on the sandbox's development token, without the harness's
/// timing decorator (which does not forward searches).
fn classic_of(sandbox: &metadesk_sandbox::Sandbox) -> Result<metadesk_core::assets::ClassicAssets> {
    use metadesk_core::aem::client::build_http_client;
    use metadesk_core::aem::{AemClient, RequestCredentials, StaticAuthorizer};
    use metadesk_core::secrets::Secret;
    let auth = StaticAuthorizer::new(
        RequestCredentials::Bearer {
            token: Secret::new(sandbox.credentials().dev_token.clone()),
            api_key: None,
        },
        "the sandbox refused its own development token",
    );
    let client = AemClient::new(build_http_client()?, &sandbox.base_url(), Arc::new(auth))?;
    Ok(metadesk_core::assets::ClassicAssets::new(client))
}
