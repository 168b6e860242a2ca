//! Engine tests against an in-memory DAM behind [`AssetsApi`]: edits, preview = apply,
//! journal, resume, undo and fault handling, fast and without HTTP. The same behaviours are
//! tested against the sandbox in `tests/integration/bulk*.rs`.

use crate::RunSource;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::json;

use crate::concurrency::ControllerConfig;
use crate::journal::{Record, journal_path, read_records};
use crate::*;
use metadesk_assets::{AssetRef, AssetsApi, CallError, Current, Page, Write};
use metadesk_base::retry::RetryPolicy;
use metadesk_clients::aem::auth::BoxFuture;
use metadesk_credentials::credentials::ApiFamily;

mod applying;
mod changed_since;
mod classic_listing;
mod computing;
mod fake_dam;
mod guarantees;
mod history;
mod index_lag;
mod odd_paths;
mod planning;
mod reports;
mod runs_safety;
mod undo;
mod views;

use fake_dam::*;

const F: &str = "/content/dam/f";

fn spec(family: ApiFamily, edits: Vec<Edit>) -> RunSpec {
    RunSpec {
        connection: "test".into(),
        connection_id: None,
        aem: "http://127.0.0.1:1".into(),
        family,
        scope: RunScope::checked(F, ScopeFilters::default()).unwrap(),
        edits,
        kind: RunKind::Edit,
        account: Some("tech@techacct.adobe.com".into()),
        op: None,
    }
}

/// `spec` with its filters changed by `change`, its scope checked again as any run's is.
fn filtered(mut spec: RunSpec, change: impl FnOnce(&mut ScopeFilters)) -> RunSpec {
    let mut filters = spec.scope.filters().clone();
    change(&mut filters);
    spec.scope = RunScope::checked(spec.scope.folder(), filters).unwrap();
    spec
}

/// `dc:rights` set to "new" on `F`'s assets, previewed.
async fn planned_set(e: &Engine, family: ApiFamily) -> RunSummary {
    e.plan(
        RunSource::Scope(spec(family, vec![set("dc:rights", "new")])),
        &RunControl::new(),
        &no_progress(),
    )
    .await
    .unwrap()
}

/// `dc:rights` set to "new" on `F`'s assets, previewed and applied: its run id.
async fn applied_set(e: &Engine, family: ApiFamily) -> String {
    let p = planned_set(e, family).await;
    e.apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    p.id
}

fn set(p: &str, v: &str) -> Edit {
    Edit {
        property: p.into(),
        op: EditOp::Set {
            values: vec![v.into()],
        },
    }
}

fn append(p: &str, v: &[&str]) -> Edit {
    Edit {
        property: p.into(),
        op: EditOp::Append {
            values: v.iter().map(|s| s.to_string()).collect(),
        },
    }
}

fn settings() -> Settings {
    Settings {
        page_size: 7,
        retry: RetryPolicy {
            initial_delay: Duration::from_millis(1),
            ..Settings::default().retry
        },
        progress_interval: Duration::from_millis(1),
        controller: ControllerConfig {
            default_backoff: Duration::from_millis(5),
            ..Default::default()
        },
        ..Settings::default()
    }
}

fn engine(aem: Arc<Fake>, dir: &std::path::Path) -> Engine {
    Engine::new(aem, dir.join("runs")).with_settings(settings())
}

/// An engine that reads each listed asset on its own (no batched checks of a folder's values),
/// as where AEM answers none: for tests of the listing and the reads themselves.
fn reading_engine(aem: Arc<Fake>, dir: &std::path::Path) -> Engine {
    Engine::new(aem, dir.join("runs")).with_settings(Settings {
        check_folders: false,
        ..settings()
    })
}

fn no_progress() -> impl Fn(Progress) + Send + Sync {
    |_p: Progress| {}
}

fn report_rows(dir: &std::path::Path, id: &str) -> Vec<ReportRow> {
    let mut rows = Vec::new();
    runs::report(&dir.join("runs"), id, |r| {
        rows.push(r);
        Ok(())
    })
    .unwrap();
    rows
}

/// The files in the runs folder, sorted (none when the folder was never created).
fn journals(dir: &std::path::Path) -> Vec<String> {
    match std::fs::read_dir(dir.join("runs")) {
        Ok(entries) => {
            let mut names: Vec<String> = entries
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
            names.sort();
            names
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(e) => panic!("{e}"),
    }
}

/// `F` with five assets (alternating JPEG and PDF) and a content fragment, three subfolders
/// with one PNG each, and a second top-level folder.
fn browsable() -> Arc<Fake> {
    let fake = Fake::new(ApiFamily::Classic);
    fake.dam.lock().unwrap().folders.push("/content/dam".into());
    fake.seed(F, 5, |k| {
        json!({"dc:format": if k % 2 == 0 { "image/jpeg" } else { "application/pdf" }, "dc:rights": "old"})
    });
    for sub in ["Alpha", "alps", "beta"] {
        fake.seed(
            &format!("{F}/{sub}"),
            1,
            |_| json!({"dc:format": "image/png"}),
        );
    }
    fake.seed("/content/dam/other", 0, |_| json!({}));
    fake.dam.lock().unwrap().fragments.push(format!("{F}/cf"));
    fake
}
