//! What the in-process scenarios share: a sandbox started with the sandbox library, a classic
//! Assets API client on its development token wrapped in a [`TimedAem`], and one engine run
//! (preview then apply) with the engine's default settings, timed phase by phase.

use metadesk_core::app::PreviewRequest;
use metadesk_core::bulk::RunSource;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use metadesk_core::aem::client::build_http_client;
use metadesk_core::aem::{AemClient, RequestCredentials, StaticAuthorizer};
use metadesk_core::assets::ClassicAssets;
use metadesk_core::assets::folders::DamFolder;
use metadesk_core::bulk::{
    Edit, EditOp, Engine, Progress, RunControl, RunKind, RunScope, RunSpec, RunStatus, RunSummary,
};
use metadesk_core::credentials::ApiFamily;
use metadesk_core::secrets::Secret;
use metadesk_sandbox::{Faults, Sandbox, SandboxConfig};

use crate::Result;
use crate::timing::{Call, TimedAem};

/// Starts a sandbox on a free loopback port with `assets` assets and `faults` from the start.
pub async fn start_sandbox(assets: usize, faults: Faults) -> Result<Sandbox> {
    let config = SandboxConfig::default()
        .with_assets(assets)
        .with_key_bits(1024)
        .with_faults(faults);
    Ok(Sandbox::start(config).await?)
}

/// The product's classic Assets API client (same HTTP client settings as the app), on the
/// sandbox's development token, recording every call; its batch checks and writes are not
/// offered, so the engine reads and writes one asset per request (the capacity and throttling
/// scenarios measure that path; `batches.rs` compares it with the batched one).
pub fn timed_classic(sandbox: &Sandbox) -> Result<Arc<TimedAem>> {
    Ok(Arc::new(TimedAem::new(classic(sandbox)?).per_asset()))
}

pub fn classic(sandbox: &Sandbox) -> Result<Arc<ClassicAssets>> {
    let auth = StaticAuthorizer::new(
        RequestCredentials::Bearer {
            token: Secret::new(sandbox.credentials().dev_token.clone()),
            api_key: None,
        },
        "the sandbox refused its own development token",
    );
    let client = AemClient::new(build_http_client()?, &sandbox.base_url(), Arc::new(auth))?;
    Ok(Arc::new(ClassicAssets::new(client)))
}

/// `dc:rights` (or `property`) set to `value` on every asset under the DAM root, recursively.
pub fn set_everywhere(sandbox: &Sandbox, property: &str, value: &str) -> RunSpec {
    RunSpec {
        connection: "bench".into(),
        connection_id: None,
        aem: sandbox.base_url(),
        family: ApiFamily::Classic,
        scope: RunScope::of_folder(DamFolder::root(), true),
        edits: vec![Edit {
            property: property.into(),
            op: EditOp::Set {
                values: vec![value.into()],
            },
        }],
        kind: RunKind::Edit,
        account: Some(sandbox.credentials().dev_token_user.clone()),
        op: None,
    }
}

/// One engine run, preview then apply, and what AEM saw during each phase.
pub struct EngineRun {
    pub preview: Duration,
    pub apply: Duration,
    pub summary: RunSummary,
    pub preview_calls: Vec<Call>,
    /// Apply-phase calls, with times as offsets from the start of the apply.
    pub apply_calls: Vec<Call>,
    /// The controller's concurrency limit as the apply's progress events reported it.
    pub apply_limits: Vec<u32>,
}

impl EngineRun {
    pub fn whole(&self) -> Duration {
        self.preview + self.apply
    }
}

/// Previews then applies `spec` with the engine's default [`metadesk_core::bulk::Settings`].
pub async fn run_engine(
    aem: &Arc<TimedAem>,
    runs_dir: &std::path::Path,
    spec: RunSpec,
) -> Result<EngineRun> {
    let engine = Engine::new(aem.clone(), runs_dir);
    let control = RunControl::new();
    let quiet = |_: Progress| {};
    aem.take();
    let t = Instant::now();
    let previewed = engine
        .plan(RunSource::Scope(spec), &control, &quiet)
        .await?;
    let preview = t.elapsed();
    if previewed.status != RunStatus::Previewed {
        return Err(format!("the preview ended {:?}", previewed.status).into());
    }
    let preview_calls = aem.take();
    let apply_start = aem.now();
    let limits = Mutex::new(Vec::new());
    let record = |p: Progress| {
        limits
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(p.concurrency);
    };
    let t = Instant::now();
    let summary = engine.apply(&previewed.id, &control, &record).await?;
    let apply = t.elapsed();
    let apply_calls = aem
        .take()
        .into_iter()
        .map(|c| Call {
            start: c.start.saturating_sub(apply_start),
            ..c
        })
        .collect();
    Ok(EngineRun {
        preview,
        apply,
        summary,
        preview_calls,
        apply_calls,
        apply_limits: limits.into_inner().unwrap_or_else(PoisonError::into_inner),
    })
}

/// The sandbox credential `json` imported into a workspace in `dir` as the window and the CLI
/// hold a connection; its id. The sandbox's host and port are trusted by name, as a
/// development token (Adobe-issued) on this computer needs (the address is
/// `http://127.0.0.1:PORT`); a credential of the sandbox's own IMS needs none and ignores it.
pub fn imported(
    sandbox: &Sandbox,
    json: &str,
    dir: &std::path::Path,
) -> Result<(metadesk_core::app::Workspace, String)> {
    let ws = metadesk_core::app::Workspace::new(
        metadesk_core::dirs::AppDirs::under(dir),
        Arc::new(metadesk_core::secrets::RunOnlyKeychain::default()),
    )?;
    let recognised = metadesk_core::credentials::inspect(json.as_bytes())?;
    let options = metadesk_core::connections::ImportOptions {
        aem_url: Some(sandbox.base_url()),
        trust_host: Some(sandbox.base_url().trim_start_matches("http://").to_owned()),
        ..Default::default()
    };
    let id = ws
        .connections()
        .import(&recognised, &options)?
        .connection
        .id;
    Ok((ws, id))
}

/// A value no seeded asset has, so every asset in scope changes.
pub fn fresh_value(label: &str) -> String {
    let stamp = time::OffsetDateTime::now_utc().unix_timestamp();
    format!("metadesk-bench {label} {stamp}")
}

/// Milliseconds with one decimal.
pub fn ms(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1000.0)
}

/// Seconds with two decimals.
pub fn secs(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64())
}

/// How busy the server was over a side's run, from the sandbox's own request log.
pub struct ServerView {
    /// Mean requests holding a capacity slot ÷ the capacity.
    pub utilisation: f64,
    /// Each kind of request in the order it started: how many, when the first took a slot
    /// and the last gave it back (s into the run), and how many held slots on average then.
    pub phases: String,
}

/// The sandbox's request log between `from` and `to` (its clock, [`Sandbox::clock`]).
pub fn server_view(sandbox: &Sandbox, from: Duration, to: Duration, capacity: usize) -> ServerView {
    let log: Vec<_> = sandbox
        .served()
        .into_iter()
        .filter(|s| s.started_us >= from.as_micros() as u64 && s.ended_us <= to.as_micros() as u64)
        .collect();
    let utilisation = metadesk_sandbox::utilisation(&log, capacity, from, to);
    let mut spans: Vec<_> = metadesk_sandbox::spans_by_kind(&log).into_iter().collect();
    spans.sort_by_key(|(_, s)| s.first_us);
    let at = |us: u64| (us.saturating_sub(from.as_micros() as u64)) as f64 / 1e6;
    let phases = spans
        .iter()
        .map(|(kind, s)| {
            format!(
                "{kind} ×{}: {:.2}–{:.2} s, {:.1} at once",
                s.requests,
                at(s.first_us),
                at(s.last_us),
                s.mean_in_service
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    ServerView {
        utilisation,
        phases,
    }
}

/// One side of a scenario through the core or the sequential client: its time, the sandbox's
/// log clock around it, and what it changed.
pub struct SideRun {
    pub time: Duration,
    pub preview: Option<Duration>,
    pub changed: u64,
    /// The sandbox's request-log clock when the side started and ended.
    pub from: Duration,
    pub to: Duration,
}

/// `dc:rights` set to a fresh value on every asset under `folder` (recursive) as the window
/// and `metadesk-cli bulk set --yes` do it: `Workspace::preview`, then `apply`.
pub async fn core_set(
    sandbox: &Sandbox,
    ws: &metadesk_core::app::Workspace,
    opened: &metadesk_core::app::Opened,
    folder: &str,
    label: &str,
) -> Result<SideRun> {
    let quiet = |_: Progress| {};
    let edits = vec![Edit {
        property: "dc:rights".into(),
        op: EditOp::Set {
            values: vec![fresh_value(label)],
        },
    }];
    let filters = metadesk_core::bulk::ScopeFilters {
        recursive: true,
        ..Default::default()
    };
    let scope = RunScope::checked(folder, filters)?;
    let from = sandbox.clock();
    let t = Instant::now();
    let preview = ws
        .preview(opened, PreviewRequest::Edit { scope, edits }, &quiet)
        .await?;
    let previewed = t.elapsed();
    let applied = ws.apply(opened, &preview.id, None, &quiet).await?;
    let time = t.elapsed();
    let to = sandbox.clock();
    if applied.status != RunStatus::Completed || applied.counts.failed > 0 {
        return Err(format!("the run ended {:?}: {:?}", applied.status, applied.counts).into());
    }
    Ok(SideRun {
        time,
        preview: Some(previewed),
        changed: applied.counts.changed,
        from,
        to,
    })
}

/// The same edit by the sequential client (`sequential.rs`), one request at a time.
pub async fn sequential_set(sandbox: &Sandbox, folder: &str) -> Result<SideRun> {
    let aem = classic(sandbox)?;
    let from = sandbox.clock();
    let t = Instant::now();
    let s = crate::sequential::run(
        aem.as_ref(),
        folder,
        "dc:rights",
        &fresh_value("sequential"),
        metadesk_core::bulk::Settings::default().page_size,
    )
    .await?;
    Ok(SideRun {
        time: t.elapsed(),
        preview: None,
        changed: s.written,
        from,
        to: sandbox.clock(),
    })
}
