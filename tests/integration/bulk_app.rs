//! What the app's bulk screen asks of the core, against the sandbox: folder pages over several
//! pages, path completion, scope counts equal to what the preview plans, retry of the assets a
//! faulty run could not write, preview and report pages with filters and totals, the errors
//! the user sees (OAuth cannot list, 403 naming the technical account, an expired development
//! token, an unreachable host) and every bad input refused in words.

// Test helpers panic on unexpected errors, like the tests themselves.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::bulk_support::English;
use metadesk_core::bulk::RunSource;
use std::collections::BTreeSet;
use std::sync::Arc;

use metadesk_core::aem::AemClient;
use metadesk_core::assets::browse::{self, FolderEntry};
use metadesk_core::assets::connect;
use metadesk_core::assets::{AssetsApi, ClassicAssets};
use metadesk_core::bulk::{
    Action, Edit, EditOp, ReportStatus, RunControl, RunKind, RunScope, RunStatus, ScopeFilters,
    Settings, run_history, runs, scope_count,
};
use metadesk_core::connections::{AuthContext, Authorizers};
use metadesk_core::connections::{ConnectionStore, ImportOptions};
use metadesk_core::credentials::ApiFamily;
use metadesk_core::error::ErrorCode;
use metadesk_core::ims::{Clock, DevTokenAuthorizer};
use metadesk_core::retry::RetryPolicy;
use metadesk_core::secrets::{RunOnlyKeychain, Secret};
use metadesk_sandbox::{Faults, SAMPLE_FOLDER, Sandbox, SandboxConfig};

use crate::bulk_support::*;

/// A sandbox whose listings hold at most `page` children, so paging is exercised.
async fn paged_sandbox(assets: usize, page: usize) -> Sandbox {
    Sandbox::start(
        SandboxConfig::default()
            .with_assets(assets)
            .with_key_bits(1024)
            .with_max_page_limit(page),
    )
    .await
    .unwrap()
}

fn parent_of(path: &str) -> &str {
    path.rsplit_once('/').unwrap().0
}

/// The sandbox's own view of a folder: (subfolders, assets).
fn dumped(sb: &Sandbox, folder: &str) -> (u64, u64) {
    let dump = sb.dump(false);
    let f = dump["folders"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == folder)
        .unwrap();
    (
        f["folders"].as_u64().unwrap(),
        f["assets"].as_u64().unwrap(),
    )
}

#[tokio::test]
async fn folder_pages_follow_paging_and_completion_lists_every_page() {
    let sb = paged_sandbox(400, 3).await;
    let aem = classic(&sb);
    let parent = parent_of(SAMPLE_FOLDER);
    let (folders, _) = dumped(&sb, parent);
    assert!(folders > 3, "more subfolders than one page: {folders}");

    let mut seen = Vec::new();
    let mut offset = Some(0);
    let mut pages = 0;
    while let Some(o) = offset {
        let page = browse::folder_page(aem.as_ref(), parent, o, 50)
            .await
            .unwrap();
        assert_eq!(page.folder, parent);
        assert!(page.folders.len() <= 3, "the server's page limit holds");
        seen.extend(page.folders);
        offset = page.next_offset;
        pages += 1;
    }
    assert!(pages > 1);
    assert_eq!(seen.len() as u64, folders);
    assert!(seen.iter().any(|f| f.path == SAMPLE_FOLDER));

    // The sample folder: its assets counted page by page.
    let (_, assets) = dumped(&sb, SAMPLE_FOLDER);
    let mut counted = 0;
    let mut offset = Some(0);
    while let Some(o) = offset {
        let page = browse::folder_page(aem.as_ref(), SAMPLE_FOLDER, o, 3)
            .await
            .unwrap();
        counted += page.assets;
        assert_eq!(page.total, Some(assets));
        offset = page.next_offset;
    }
    assert_eq!(counted, assets);

    // Completion follows the parent's pages: every subfolder, then those matching.
    let all = browse::complete(aem.as_ref(), &format!("{parent}/"), 1000)
        .await
        .unwrap();
    let names = |v: &[FolderEntry]| v.iter().map(|e| e.name.clone()).collect::<BTreeSet<_>>();
    assert_eq!(names(&all), names(&seen));
    let sample = SAMPLE_FOLDER.rsplit('/').next().unwrap();
    let typed = format!("{parent}/{}", sample[..4].to_uppercase());
    let matched = browse::complete(aem.as_ref(), &typed, 1000).await.unwrap();
    assert!(
        matched.iter().any(|e| e.path == SAMPLE_FOLDER),
        "{matched:?}"
    );
    assert!(
        matched
            .iter()
            .all(|e| e.name.to_lowercase().starts_with(&sample[..4]))
    );
    // Without /content/dam, like the CLI.
    let short = typed.trim_start_matches("/content/dam");
    assert_eq!(
        browse::complete(aem.as_ref(), short, 1000).await.unwrap(),
        matched
    );
    let roots = browse::complete(aem.as_ref(), "/content/dam/", 100)
        .await
        .unwrap();
    assert!(roots.iter().any(|e| e.path == "/content/dam/wknd-shared"));
    assert!(
        browse::complete(aem.as_ref(), "/content/dam/no-such/x", 10)
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn the_scope_count_equals_the_previews_assets() {
    let sb = paged_sandbox(300, 7).await;
    let dir = tempfile::tempdir().unwrap();
    let aem = classic(&sb);
    let e = engine(aem.clone(), dir.path());
    let root = "/content/dam";
    let cases = [
        (SAMPLE_FOLDER, ScopeFilters::default()),
        (
            root,
            ScopeFilters {
                recursive: true,
                ..ScopeFilters::default()
            },
        ),
        (
            root,
            ScopeFilters {
                recursive: true,
                name: Some("*1.JPG".into()),
                ..ScopeFilters::default()
            },
        ),
        (
            root,
            ScopeFilters {
                recursive: true,
                formats: vec!["image/*".into()],
                ..ScopeFilters::default()
            },
        ),
        (
            root,
            ScopeFilters {
                recursive: true,
                name: Some("*e*".into()),
                formats: vec!["application/pdf".into(), "video/*".into()],
                ..ScopeFilters::default()
            },
        ),
        (root, ScopeFilters::default()),
    ];
    let mut nonzero = 0;
    for (folder, filters) in cases {
        let updates = std::sync::Mutex::new(Vec::new());
        let on = |c: metadesk_core::bulk::ScopeCount| updates.lock().unwrap().push(c);
        let scope = scoped(folder, filters.clone());
        let count = scope_count::count(aem.as_ref(), &scope, &RunControl::new(), &on)
            .await
            .unwrap();
        let mut sp = spec(&sb, ApiFamily::Classic, folder, vec![set("dc:rights", "R")]);
        sp.scope = scope.clone();
        let p = e
            .plan(RunSource::Scope(sp), &RunControl::new(), &quiet())
            .await
            .unwrap();
        let rows = runs::preview_page(&dir.path().join("runs"), &p.id, Some(Action::Skip), 0, 1000)
            .unwrap();
        assert!(
            rows.rows.iter().all(|r| r
                .reason
                .english()
                .as_deref()
                .unwrap()
                .contains("content fragment")),
            "only content fragments are skipped here"
        );
        assert!(count.done, "{filters:?}");
        assert_eq!(
            (count.assets, count.content_fragments),
            (p.counts.assets - p.counts.skipped, p.counts.skipped),
            "{filters:?}"
        );
        assert_eq!(updates.lock().unwrap().last(), Some(&count));
        if count.assets > 0 {
            nonzero += 1;
        }
    }
    assert!(nonzero >= 4, "the filters select something in most cases");
}

#[tokio::test]
async fn retry_after_write_faults_changes_exactly_the_failed_assets() {
    let sb = sandbox(200).await;
    let dir = tempfile::tempdir().unwrap();
    let runs_dir = dir.path().join("runs");
    // One attempt per write, so injected 500s end as failures.
    let defaults = settings();
    let e = metadesk_core::bulk::Engine::new(classic(&sb), &runs_dir).with_settings(Settings {
        retry: RetryPolicy {
            max_retries: 0,
            ..defaults.retry.clone()
        },
        ..defaults
    });
    let p = e
        .plan(
            RunSource::Scope(spec(
                &sb,
                ApiFamily::Classic,
                SAMPLE_FOLDER,
                vec![set("dc:rights", "Retried")],
            )),
            &RunControl::new(),
            &quiet(),
        )
        .await
        .unwrap();
    sb.set_faults(Faults {
        error_rate: 0.4,
        error_statuses: vec![500],
        ..Faults::default()
    })
    .unwrap();
    let first = e.apply(&p.id, &RunControl::new(), &quiet()).await.unwrap();
    assert!(
        first.counts.failed > 0 && first.counts.changed > 0,
        "{:?}",
        first.counts
    );
    let failed = runs::report_page(&runs_dir, &p.id, Some(ReportStatus::Failed), 0, 1000).unwrap();
    assert_eq!(failed.total, first.counts.failed);
    let failed: BTreeSet<String> = failed.rows.into_iter().map(|r| r.path).collect();

    sb.set_faults(Faults::default()).unwrap();
    let puts = sb.counters().writes_applied;
    let r = e
        .plan(RunSource::retry(&p.id), &RunControl::new(), &quiet())
        .await
        .unwrap();
    assert_eq!(r.kind, RunKind::Retry { of: p.id.clone() });
    assert_eq!(r.counts.pending, first.counts.failed);
    let planned: BTreeSet<String> = runs::preview_page(&runs_dir, &r.id, None, 0, 1000)
        .unwrap()
        .rows
        .into_iter()
        .map(|r| r.path)
        .collect();
    assert_eq!(planned, failed, "the retry plans exactly the failed assets");
    let done = e.apply(&r.id, &RunControl::new(), &quiet()).await.unwrap();
    assert_eq!(
        (done.status, done.counts.changed, done.counts.failed),
        (RunStatus::Completed, first.counts.failed, 0)
    );
    assert_eq!(sb.counters().writes_applied - puts, first.counts.failed);
    // Every planned asset of the first run now holds the value, written exactly once.
    let all = runs::preview_page(&runs_dir, &p.id, Some(Action::Change), 0, 1000).unwrap();
    for row in all.rows {
        let state = sb.asset(&row.path).unwrap();
        assert_eq!(state["metadata"]["dc:rights"], "Retried", "{}", row.path);
        assert_eq!(state["revision"], 1, "{} written once", row.path);
    }
    let history = run_history::list(&runs_dir).unwrap();
    assert!(
        history[0].edit_lines(&metadesk_core::i18n::Localizer::english())[0]
            .starts_with("retry of the failed assets of run")
    );
    // Undo of the retry restores what the retry changed.
    let u = e
        .plan(RunSource::undo(&r.id), &RunControl::new(), &quiet())
        .await
        .unwrap();
    assert_eq!(u.counts.pending, first.counts.failed);
    let err = e
        .plan(RunSource::retry(&r.id), &RunControl::new(), &quiet())
        .await
        .unwrap_err();
    assert!(err.to_string().contains("nothing to retry"), "{err}");
}

#[tokio::test]
async fn preview_and_report_pages_filter_with_totals() {
    let sb = sandbox(200).await;
    let dir = tempfile::tempdir().unwrap();
    let runs_dir = dir.path().join("runs");
    let e = engine(classic(&sb), dir.path());
    let p = e
        .plan(
            RunSource::Scope(spec(
                &sb,
                ApiFamily::Classic,
                SAMPLE_FOLDER,
                vec![set("dc:rights", "Paged")],
            )),
            &RunControl::new(),
            &quiet(),
        )
        .await
        .unwrap();
    let all = runs::preview_page(&runs_dir, &p.id, None, 0, 7).unwrap();
    assert_eq!((all.rows.len(), all.total), (7, p.counts.assets));
    let change = runs::preview_page(&runs_dir, &p.id, Some(Action::Change), 5, 1000).unwrap();
    assert_eq!(change.total, p.counts.pending);
    assert_eq!(change.rows.len() as u64, p.counts.pending - 5);
    let skip = runs::preview_page(&runs_dir, &p.id, Some(Action::Skip), 0, 1000).unwrap();
    assert_eq!(skip.total, p.counts.skipped);
    assert!(skip.total >= 1, "the content fragment");
    let pending = runs::report_page(&runs_dir, &p.id, Some(ReportStatus::Pending), 0, 3).unwrap();
    assert_eq!((pending.rows.len(), pending.total), (3, p.counts.pending));
    e.apply(&p.id, &RunControl::new(), &quiet()).await.unwrap();
    let changed = runs::report_page(&runs_dir, &p.id, Some(ReportStatus::Changed), 2, 4).unwrap();
    assert_eq!((changed.rows.len(), changed.total), (4, p.counts.pending));
    assert!(
        changed
            .rows
            .iter()
            .all(|r| r.status == ReportStatus::Changed)
    );
    let every = runs::report_page(&runs_dir, &p.id, None, 0, 100_000).unwrap();
    assert_eq!(every.total, p.counts.assets);
    assert_eq!(
        runs::report_page(&runs_dir, &p.id, Some(ReportStatus::Pending), 0, 10)
            .unwrap()
            .total,
        0
    );
}

/// A connection store over an in-memory keychain with one sandbox credential imported.
fn store_with(
    sb: &Sandbox,
    json: &str,
) -> (
    ConnectionStore,
    Arc<RunOnlyKeychain>,
    String,
    tempfile::TempDir,
) {
    let dir = tempfile::tempdir().unwrap();
    let keychain = Arc::new(RunOnlyKeychain::default());
    let store = ConnectionStore::new(dir.path(), keychain.clone());
    let recognised = metadesk_core::credentials::inspect(json.as_bytes()).unwrap();
    let options = ImportOptions {
        aem_url: Some(sb.base_url()),
        ..ImportOptions::default()
    };
    let id = store.import(&recognised, &options).unwrap().connection.id;
    (store, keychain, id, dir)
}

#[tokio::test(flavor = "multi_thread")]
async fn an_oauth_connection_browses_folders_but_says_it_cannot_list_their_assets() {
    // Where AEM answers the OpenAPI search, such a connection finds a folder's assets with it
    // (tests/integration/open_folder.rs); here AEM does not.
    let sb = sandbox(50).await;
    let (store, keychain, id, _dir) = store_with(&sb, &sb.credentials().oauth_project_json);
    let ctx = AuthContext::new(
        metadesk_core::aem::client::build_http_client().unwrap(),
        keychain,
    );
    let authorizers = Authorizers::new();
    let connected =
        tokio::task::block_in_place(|| connect::open_shared(&store, &id, None, &authorizers, &ctx))
            .unwrap();
    assert_eq!(connected.family, ApiFamily::OpenApi);
    // Folders are browsed through the Folders API; a folder's assets cannot be listed.
    let page = browse::folder_page(connected.assets.as_ref(), SAMPLE_FOLDER, 0, 10)
        .await
        .unwrap();
    assert_eq!(page.folder, SAMPLE_FOLDER);
    sb.set_openapi_search(false);
    let dir = tempfile::tempdir().unwrap();
    let e = engine(connected.assets.clone(), dir.path());
    let err = e
        .plan(
            RunSource::Scope(spec(
                &sb,
                ApiFamily::OpenApi,
                SAMPLE_FOLDER,
                vec![set("dc:rights", "x")],
            )),
            &RunControl::new(),
            &quiet(),
        )
        .await
        .unwrap_err();
    let words = err.to_string();
    assert!(
        words.contains("does not answer its OpenAPI search")
            && words.contains("Import AEM service credentials"),
        "{words}"
    );
    let err = scope_count::count(
        connected.assets.as_ref(),
        &scoped(SAMPLE_FOLDER, ScopeFilters::default()),
        &RunControl::new(),
        &|_| {},
    )
    .await
    .unwrap_err();
    // The count goes through the run's source: the same words as the preview's, and a name
    // it does not know is not shown as "".
    let words = err.to_string();
    assert!(
        words.starts_with("This connection is an OAuth Server-to-Server connection")
            && words.contains("does not answer its OpenAPI search"),
        "{words}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_read_only_technical_account_is_named_in_the_403_reason() {
    let sb = sandbox(100).await;
    let creds = sb.credentials();
    let (store, keychain, id, _dir) = store_with(&sb, &creds.read_only_service_credentials_json);
    let ctx = AuthContext::new(
        metadesk_core::aem::client::build_http_client().unwrap(),
        keychain,
    );
    let connected = tokio::task::block_in_place(|| {
        connect::open_shared(&store, &id, None, &Authorizers::new(), &ctx)
    })
    .unwrap();
    assert_eq!(
        connected.account.as_deref(),
        Some(creds.read_only_technical_account_email.as_str())
    );
    let dir = tempfile::tempdir().unwrap();
    let e = engine(connected.assets.clone(), dir.path());
    let mut sp = spec(
        &sb,
        ApiFamily::Classic,
        SAMPLE_FOLDER,
        vec![set("dc:rights", "no")],
    );
    sp.account = connected.account.clone();
    let p = e
        .plan(RunSource::Scope(sp), &RunControl::new(), &quiet())
        .await
        .unwrap();
    let s = e.apply(&p.id, &RunControl::new(), &quiet()).await.unwrap();
    // The window shows the run's reason where the report starts, and Resume for the rest.
    assert_eq!(s.status, RunStatus::Stopped, "{s:?}");
    assert_eq!((s.counts.failed, s.counts.pending), (0, p.counts.pending));
    let reason = s.reason.english().unwrap();
    assert!(
        reason.contains(&format!(
            "the technical account {}",
            creds.read_only_technical_account_email
        )) && reason.contains("write access"),
        "{reason}"
    );
}

#[tokio::test]
async fn an_expired_development_token_says_how_to_get_a_new_one() {
    let sb = sandbox(100).await;
    let dir = tempfile::tempdir().unwrap();
    let expired = |sb: &Sandbox| {
        let auth = DevTokenAuthorizer::new(
            Secret::new(sb.credentials().dev_token.clone()),
            Some(time::OffsetDateTime::now_utc() - time::Duration::minutes(5)),
            Clock::system(),
        );
        Arc::new(ClassicAssets::new(client(sb, Arc::new(auth))))
    };
    // Preview: the error the window shows.
    let err = engine(expired(&sb), dir.path())
        .plan(
            RunSource::Scope(spec(
                &sb,
                ApiFamily::Classic,
                SAMPLE_FOLDER,
                vec![set("dc:rights", "x")],
            )),
            &RunControl::new(),
            &quiet(),
        )
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Auth);
    assert!(
        err.to_string().contains("development token")
            && err
                .to_string()
                .contains("Get a new one in the AEM Developer Console"),
        "{err}"
    );
    // Apply: the token ends after the preview; the run stops with that reason, resumable.
    let p = engine(classic(&sb), dir.path())
        .plan(
            RunSource::Scope(spec(
                &sb,
                ApiFamily::Classic,
                SAMPLE_FOLDER,
                vec![set("dc:rights", "x")],
            )),
            &RunControl::new(),
            &quiet(),
        )
        .await
        .unwrap();
    let s = engine(expired(&sb), dir.path())
        .apply(&p.id, &RunControl::new(), &quiet())
        .await
        .unwrap();
    assert_eq!(s.status, RunStatus::Stopped);
    assert!(
        s.reason
            .english()
            .as_deref()
            .unwrap()
            .contains("Get a new one"),
        "{s:?}"
    );
    assert_eq!(
        s.counts.pending, p.counts.pending,
        "nothing written, all resumable"
    );
}

#[tokio::test]
async fn an_unreachable_host_is_named() {
    let sb = sandbox(10).await;
    let dir = tempfile::tempdir().unwrap();
    let nowhere = AemClient::new(
        metadesk_core::aem::client::build_http_client().unwrap(),
        "http://127.0.0.1:9",
        bearer("t", None),
    )
    .unwrap();
    let aem: Arc<dyn AssetsApi> = Arc::new(ClassicAssets::new(nowhere));
    let err = engine(aem.clone(), dir.path())
        .plan(
            RunSource::Scope(spec(
                &sb,
                ApiFamily::Classic,
                SAMPLE_FOLDER,
                vec![set("dc:rights", "x")],
            )),
            &RunControl::new(),
            &quiet(),
        )
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Network);
    assert!(
        err.to_string().contains("Could not reach 127.0.0.1"),
        "{err}"
    );
    let err = browse::folder_page(aem.as_ref(), SAMPLE_FOLDER, 0, 10)
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Network);
    assert!(
        err.to_string().contains("Could not reach 127.0.0.1"),
        "{err}"
    );
}

#[tokio::test]
async fn bad_inputs_are_refused_in_words() {
    let sb = sandbox(10).await;
    let dir = tempfile::tempdir().unwrap();
    let runs_dir = dir.path().join("runs");
    let aem = classic(&sb);
    let e = engine(aem.clone(), dir.path());
    let c = RunControl::new();
    for outside in ["/content/sites/wknd", "/content/experience-fragments/x"] {
        let page = browse::folder_page(aem.as_ref(), outside, 0, 10)
            .await
            .unwrap_err();
        // Refused as the run's scope is made: no count or preview can be handed it.
        let scope = RunScope::checked(outside, ScopeFilters::default()).unwrap_err();
        for err in [page, scope] {
            assert_eq!(err.code(), ErrorCode::InvalidInput);
            assert!(err.to_string().contains(outside), "{err}");
        }
    }
    let missing = "/content/dam/no/such/folder";
    for err in [
        browse::folder_page(aem.as_ref(), missing, 0, 10)
            .await
            .unwrap_err(),
        scope_count::count(
            aem.as_ref(),
            &scoped(missing, ScopeFilters::default()),
            &c,
            &|_| {},
        )
        .await
        .unwrap_err(),
    ] {
        assert_eq!(err.code(), ErrorCode::NotFound);
        assert!(err.to_string().contains(missing), "{err}");
    }
    let empty = Edit {
        property: "dc:subject".into(),
        op: EditOp::Remove {
            values: vec![" ".into()],
        },
    };
    let err = e
        .plan(
            RunSource::Scope(spec(&sb, ApiFamily::Classic, SAMPLE_FOLDER, vec![empty])),
            &c,
            &quiet(),
        )
        .await
        .unwrap_err();
    assert!(err.to_string().contains("empty value"), "{err}");
    for id in ["20990101-000000-000-0000", "../runs/x", "..", "a/b"] {
        for err in [
            e.apply(id, &c, &quiet()).await.unwrap_err(),
            e.plan(RunSource::retry(id), &c, &quiet())
                .await
                .unwrap_err(),
            e.plan(RunSource::undo(id), &c, &quiet()).await.unwrap_err(),
            runs::report_page(&runs_dir, id, None, 0, 1).unwrap_err(),
            runs::preview_page(&runs_dir, id, None, 0, 1).unwrap_err(),
        ] {
            let words = err.to_string();
            assert!(
                words == format!("There is no run {id}.")
                    || words == format!("\"{id}\" is not a run id."),
                "{id}: {words}"
            );
        }
    }
}
