//! The health report's reads against the sandbox (issue 78): through the engine's gate and
//! retries, so throttles change no count and the author's limit holds, and stopped as soon as
//! the job is cancelled.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use metadesk_bulk::concurrency::ControllerConfig;
use metadesk_bulk::scope::ScopeFilters;
use metadesk_bulk::{Progress, RunScope};
use metadesk_credentials::secrets::RunOnlyKeychain;
use metadesk_sandbox::{Faults, Sandbox, SandboxConfig};

use super::test_support::workspace_with;
use super::{ConnectionChoice, HealthReport, Opened, Workspace};

/// The folder the sandbox's 120 assets are under.
const FOLDER: &str = "/content/dam/wknd-shared/en/adventures";

async fn lifecycle() -> (tempfile::TempDir, Workspace, Opened, Sandbox) {
    let config = SandboxConfig::default()
        .with_assets(120)
        .with_key_bits(1024)
        .with_lifecycle(true);
    let sandbox = Sandbox::start(config).await.unwrap();
    let credential = sandbox.credentials().service_credentials_json.clone();
    let (dir, ws, id) = workspace_with(&sandbox, &credential, Arc::new(RunOnlyKeychain::default()));
    let opened = ws.open(ConnectionChoice::stored(id)).await.unwrap();
    (dir, ws, opened, sandbox)
}

fn scope() -> RunScope {
    let filters = ScopeFilters {
        recursive: true,
        ..ScopeFilters::default()
    };
    RunScope::checked(FOLDER, filters).unwrap()
}

/// Every list of a report, without the time it was made.
fn lists(r: &HealthReport) -> Vec<(u64, Vec<String>)> {
    let mut r = r.clone();
    r.lists_mut()
        .into_iter()
        .map(|l| (l.count, l.paths.clone()))
        .collect()
}

/// With AEM throttling (429 with Retry-After) and serving two requests at once, Health gives
/// the same report as without, its requests never more at once than a run's gate allows, and
/// its progress ends at its total. Seen failing (the reads sent straight, not through
/// `Reads`) with throttled reads counted as "not known" and unread assets.
#[tokio::test(flavor = "multi_thread")]
async fn throttles_change_no_count_and_the_gate_keeps_the_limit() {
    let (_dir, ws, opened, sandbox) = lifecycle().await;
    let calm = ws.health(&opened, &scope(), 30, &|_| {}).await.unwrap();
    assert!(calm.unread.is_empty() && calm.references_unknown.count == 0);
    sandbox
        .set_faults(Faults {
            throttle_rps: Some(20),
            capacity: Some(2),
            ..Faults::default()
        })
        .unwrap();
    let before = sandbox.counters();
    let last = std::sync::Mutex::new(None::<Progress>);
    let on_progress = |p: Progress| *last.lock().unwrap() = Some(p);
    let throttled = ws
        .health(&opened, &scope(), 30, &on_progress)
        .await
        .unwrap();
    let c = sandbox.counters();
    assert!(c.throttled > before.throttled, "no throttle: {c:?}");
    let counts = |r: &HealthReport| lists(r).iter().map(|l| l.0).collect::<Vec<_>>();
    assert_eq!(
        counts(&throttled),
        counts(&calm),
        "{:?} {:?} {:?}",
        throttled.unlisted_folders,
        throttled.unknown,
        throttled.unread
    );
    assert_eq!(lists(&throttled), lists(&calm));
    assert!(throttled.unread.is_empty(), "{:?}", throttled.unread);
    assert_eq!(throttled.unknown, calm.unknown);
    assert!(
        c.max_in_flight <= ControllerConfig::default().max as u64,
        "{}",
        c.max_in_flight
    );
    let last = last.lock().unwrap().clone().unwrap();
    assert!(last.finished && last.done == last.total && last.total == 5 * throttled.assets.count);
}

/// The folders' forms are read through the gate too: a workspace that has kept none, its first
/// report meeting throttles, gives the calm report, the limit held. Seen failing (the forms read straight, each throttle one more "could not be read") with the
/// required fields said unknown.
#[tokio::test(flavor = "multi_thread")]
async fn the_folders_forms_are_read_through_the_gate_too() {
    let (_dir, ws, opened, sandbox) = lifecycle().await;
    let calm = ws.health(&opened, &scope(), 30, &|_| {}).await.unwrap();
    assert!(calm.unknown.is_empty(), "{:?}", calm.unknown);
    let fresh = || async {
        let credential = sandbox.credentials().service_credentials_json.clone();
        let keychain = Arc::new(RunOnlyKeychain::default());
        let (dir, ws, id) = workspace_with(&sandbox, &credential, keychain);
        let opened = ws.open(ConnectionChoice::stored(id)).await.unwrap();
        (dir, ws, opened)
    };
    let (_dir2, ws2, opened2) = fresh().await;
    // The first requests are the forms' (as when another client has just spent the limit).
    sandbox
        .set_faults(Faults {
            throttle_first: 3,
            throttle_rps: Some(20),
            capacity: Some(2),
            ..Faults::default()
        })
        .unwrap();
    let before = sandbox.counters();
    let throttled = ws2.health(&opened2, &scope(), 30, &|_| {}).await.unwrap();
    let c = sandbox.counters();
    assert!(c.throttled > before.throttled, "no throttle: {c:?}");
    assert_eq!(throttled.unknown, calm.unknown);
    assert_eq!(lists(&throttled), lists(&calm));
    assert!(c.max_in_flight <= ControllerConfig::default().max as u64);
}

/// A token AEM stops taking mid-report, that cannot be renewed (IMS down), ends the report
/// with that refusal, and the reads side by side not sent yet are not sent: a few refused
/// (those already on their way), not the rest of the window. Seen failing (each read meeting
/// the refusal itself) with about a hundred refused.
#[tokio::test(flavor = "multi_thread")]
async fn a_refused_token_ends_the_report_without_sending_the_rest() {
    let (_dir, ws, opened, sandbox) = lifecycle().await;
    // Kept: the report's first requests are its listing, then each asset's metadata.
    ws.folder_schema(&opened, FOLDER, false).await.unwrap();
    ws.folder_schema(&opened, metadesk_sandbox::SAMPLE_FOLDER, false)
        .await
        .unwrap();
    let refused = |s: &Sandbox| -> u64 {
        let c = s.counters();
        c.requests.values().filter_map(|by| by.get(&401)).sum()
    };
    let before = refused(&sandbox);
    sandbox
        .set_faults(Faults {
            revoke_after: Some(sandbox.counters().requests_total + 20),
            ims_outage: true,
            latency_ms: 20,
            ..Faults::default()
        })
        .unwrap();
    let got = ws.health(&opened, &scope(), 30, &|_| {}).await;
    let error = got.expect_err("the report went on with a refused token");
    // AEM's refusal, said as why the token could not be renewed (IMS's trouble).
    assert!(
        matches!(error, metadesk_clients::error::Error::Aem(_)),
        "{error:?}"
    );
    let refused = refused(&sandbox) - before;
    let limit = ControllerConfig::default().max as u64;
    assert!(
        refused >= 1 && refused <= limit,
        "{refused} requests refused"
    );
}

/// A Health cancelled while it reads sends nothing more: AEM's index has not seen the folder,
/// so each asset is read on its own, and the job is cancelled once the off times are being
/// read (after the schema's and the report's values). Seen failing (the reads sent straight,
/// not through `Reads`) with the rest of the report's requests sent after the cancel.
#[tokio::test(flavor = "multi_thread")]
async fn a_cancelled_health_stops_sending() {
    let (_dir, ws, opened, sandbox) = lifecycle().await;
    sandbox
        .set_faults(Faults {
            index_lag: vec![FOLDER.to_owned()],
            ..Faults::default()
        })
        .unwrap();
    let at_cancel = AtomicU64::new(0);
    let side_by_side = AtomicU64::new(0);
    let left = AtomicU64::new(0);
    let on_progress = |p: Progress| {
        if p.done > 2 * p.total / 5 && at_cancel.load(Ordering::SeqCst) == 0 {
            at_cancel.store(sandbox.counters().requests_total, Ordering::SeqCst);
            side_by_side.store(u64::from(p.concurrency), Ordering::SeqCst);
            left.store(p.total - p.done, Ordering::SeqCst);
            ws.jobs().cancel().unwrap();
        }
    };
    let got = ws.health(&opened, &scope(), 30, &on_progress).await;
    assert!(got.is_err(), "not cancelled");
    let at_cancel = at_cancel.load(Ordering::SeqCst);
    assert!(at_cancel > 0, "never told progress");
    let after = sandbox.counters().requests_total - at_cancel;
    // The reads the gate let out before the cancel may reach AEM after it (on a slow machine,
    // Wine's sockets, they did: two); none is let out after, so what arrives after the cancel
    // is at most what the gate had out, far fewer than the reads the report had left.
    let side_by_side = side_by_side.load(Ordering::SeqCst);
    let left = left.load(Ordering::SeqCst);
    assert!(
        after <= side_by_side && side_by_side < left,
        "{after} requests after the cancel, {side_by_side} side by side, {left} reads left"
    );
}

/// Where assets are used is asked in searches of 20 paths, several side by side (the gate still
/// bounds them), and finds each page as the searches one after another did. Seen failing with
/// the searches asked one after another: never more than one request in flight.
#[tokio::test(flavor = "multi_thread")]
async fn reference_searches_go_side_by_side_and_find_every_page() {
    let (_dir, ws, opened, sandbox) = lifecycle().await;
    let paths: Vec<String> = (0..100)
        .map(|i| format!("/content/dam/wknd-shared/en/used/a{i}.jpg"))
        .collect();
    for p in 0..5 {
        let used: Vec<&str> = paths
            .iter()
            .skip(p)
            .step_by(5)
            .map(String::as_str)
            .collect();
        sandbox.reference_page(&format!("/content/wknd/en/p{p}"), "Page", p % 2 == 0, &used);
    }
    sandbox
        .set_faults(Faults {
            latency_ms: 40,
            ..Faults::default()
        })
        .unwrap();
    let searches = |s: &Sandbox| s.counters().by_kind.get("references").copied().unwrap_or(0);
    let before = searches(&sandbox);
    let found = ws.replaced_references(&opened, &paths).await.unwrap();
    assert_eq!(found.asked, 100);
    assert!(found.unknown_assets.is_empty(), "{:?}", found.unknown);
    assert_eq!(found.assets.len(), 100);
    for asset in &found.assets {
        let pages: Vec<String> = asset.pages.iter().map(|p| p.page.clone()).collect();
        assert_eq!(pages, sandbox.pages_using(&asset.path), "{}", asset.path);
    }
    // Five searches of twenty, each path asked once…
    assert_eq!(searches(&sandbox) - before, 5);
    // …and more than one of them at a time.
    let most = sandbox.counters().max_in_flight;
    assert!(most >= 2, "at most {most} request in flight");
}

/// Assets AEM's index has not seen yet are each read from the repository (their values, their
/// off time, their website state): those reads go side by side, the gate still bounding them,
/// and the report says of each what the index would have. Seen failing with the reads sent one
/// after another (never more than one request in flight).
#[tokio::test(flavor = "multi_thread")]
async fn the_reads_of_assets_the_index_has_not_seen_go_side_by_side() {
    let (_dir, ws, opened, sandbox) = lifecycle().await;
    sandbox.reset();
    sandbox
        .set_faults(Faults {
            index_lag_secs: 3600,
            latency_ms: 40,
            ..Faults::default()
        })
        .unwrap();
    let fresh: Vec<String> = (0..12).map(|i| format!("{FOLDER}/fresh-{i}.jpg")).collect();
    for path in &fresh {
        sandbox
            .upload(
                path,
                serde_json::json!({"dc:format": "image/jpeg", "dc:description": null}),
            )
            .unwrap();
    }
    let list = ScopeFilters {
        selection: Some(metadesk_bulk::scope::ScopeSource::List {
            entries: fresh.clone(),
        }),
        ..ScopeFilters::default()
    };
    let scope = RunScope::checked(FOLDER, list).unwrap();
    let report = ws.health(&opened, &scope, 30, &|_| {}).await.unwrap();
    assert_eq!(report.assets.count, 12, "{report:?}");
    assert!(report.unread.is_empty(), "{:?}", report.unread);
    assert_eq!(report.without_description.paths, {
        let mut all = fresh.clone();
        all.sort();
        all
    });
    assert_eq!(report.used_nowhere.count, 12);
    let most = sandbox.counters().max_in_flight;
    assert!(most >= 2, "at most {most} request in flight");
}
