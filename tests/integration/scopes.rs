//! Scopes against the sandbox: a search (all / any) previewed and applied, a list with bad
//! entries, paging across several search pages while assets change, the reads a folder preview
//! saves by taking values from search hits, the count, the traversal stop in words, and a
//! search through an OAuth S2S connection's classic paired.

use crate::bulk_support::English;
use metadesk_core::bulk::RunSource;
use std::collections::{BTreeSet, HashSet};
use std::sync::atomic::{AtomicBool, Ordering};

use metadesk_core::assets::AssetsApi;
use metadesk_core::bulk::list_check::check_list;
use metadesk_core::bulk::searching::count_search;
use metadesk_core::bulk::{
    Action, Combine, Condition, Progress, RunControl, Scope, Settings, runs,
};
use metadesk_core::credentials::ApiFamily;
use metadesk_sandbox::{SAMPLE_FOLDER, Sandbox, SandboxConfig};
use serde_json::json;

use crate::bulk_support::*;

async fn one_folder(assets: usize) -> Sandbox {
    Sandbox::start(
        SandboxConfig::default()
            .with_assets(assets)
            .with_assets_per_folder(assets)
            .with_key_bits(1024),
    )
    .await
    .unwrap()
}

/// Every asset of the sandbox (path, metadata), content fragments left out.
fn assets_of(sb: &Sandbox) -> Vec<(String, serde_json::Map<String, serde_json::Value>)> {
    let dump = sb.dump(true);
    let mut out: Vec<_> = dump["assets"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["contentFragment"] == false)
        .map(|a| {
            (
                a["path"].as_str().unwrap().to_owned(),
                a["metadata"].as_object().unwrap().clone(),
            )
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn small_pages() -> Settings {
    Settings {
        search_page_size: 10,
        ..settings()
    }
}

fn planned(dir: &std::path::Path, run: &str) -> Vec<(String, Action, Option<String>)> {
    let page = runs::preview_page(&dir.join("runs"), run, None, 0, 100_000).unwrap();
    page.rows
        .into_iter()
        .map(|r| (r.path, r.action, r.reason.english()))
        .collect()
}

#[tokio::test]
async fn a_search_with_two_conditions_is_previewed_from_hits_and_applied() {
    let sb = one_folder(120).await;
    let dir = tempfile::tempdir().unwrap();
    let scope = Scope::Search {
        under: SAMPLE_FOLDER.into(),
        recursive: false,
        conditions: vec![
            Condition::parse("dc:rights is empty").unwrap(),
            Condition::parse("type is image/*").unwrap(),
        ],
        combine: Combine::All,
    };
    let expected: BTreeSet<String> = assets_of(&sb)
        .into_iter()
        .filter(|(_, m)| {
            !m.contains_key("dc:rights") && m["dc:format"].as_str().unwrap().starts_with("image/")
        })
        .map(|(p, _)| p)
        .collect();
    assert!(expected.len() > 3, "the seed has such assets");
    let scope = scope.into_run_scope().unwrap();
    let mut spec = spec(
        &sb,
        ApiFamily::Classic,
        scope.folder(),
        vec![set("dc:rights", "© WKND")],
    );
    spec.scope = scope.clone();
    let engine = engine(classic(&sb), dir.path()).with_settings(small_pages());
    let before = sb.counters().requests_total;
    let run = engine
        .plan(RunSource::Scope(spec), &RunControl::new(), &quiet())
        .await
        .unwrap();
    let requests = sb.counters().requests_total - before;
    let rows = planned(dir.path(), &run.id);
    let paths: BTreeSet<String> = rows.iter().map(|r| r.0.clone()).collect();
    assert_eq!(paths, expected);
    assert!(rows.iter().all(|r| r.1 == Action::Change));
    // Pages of 10 hits, no read per asset.
    assert!(
        requests <= expected.len() as u64 / 10 + 2,
        "{requests} requests for {} assets",
        expected.len()
    );
    let done = engine
        .apply(&run.id, &RunControl::new(), &quiet())
        .await
        .unwrap();
    assert_eq!(done.counts.changed, expected.len() as u64);
    for p in &expected {
        assert_eq!(metadata(&sb, p)["dc:rights"], "© WKND");
    }
    // The run records its scope.
    let summary = runs::summary(&dir.path().join("runs"), &run.id).unwrap();
    assert_eq!(
        summary
            .scope
            .localized(&metadesk_core::i18n::Localizer::english()),
        format!("the assets of {SAMPLE_FOLDER} where Copyright is empty and the file is an image")
    );
}

#[tokio::test]
async fn any_combines_conditions_and_the_count_is_one_request() {
    let sb = one_folder(80).await;
    let all = assets_of(&sb);
    sb.write_metadata(
        &all[0].0,
        vec![("cq:tags".into(), Some(json!(["wknd:activity/surfing"])))],
    );
    let scope = Scope::Search {
        under: SAMPLE_FOLDER.into(),
        recursive: true,
        conditions: vec![
            Condition::parse("tag is wknd:activity").unwrap(),
            Condition::parse("name matches *.pdf").unwrap(),
        ],
        combine: Combine::Any,
    };
    let expected = all
        .iter()
        .filter(|(p, _)| p.ends_with(".pdf") || *p == all[0].0)
        .count() as u64;
    let scope = scope.into_run_scope().unwrap();
    let aem = classic(&sb);
    let before = sb.counters().requests_total;
    let count = count_search(aem.as_ref(), &scope, &RunControl::new())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(sb.counters().requests_total - before, 1);
    assert_eq!(
        (count.assets, count.at_least, count.large),
        (expected, false, false)
    );
}

#[tokio::test]
async fn a_list_with_bad_entries_edits_the_rest_and_reports_each_problem() {
    let sb = one_folder(60).await;
    let dir = tempfile::tempdir().unwrap();
    let all = assets_of(&sb);
    let id = sb.asset(&all[2].0).unwrap()["assetId"]
        .as_str()
        .unwrap()
        .to_owned();
    let text = format!(
        "path\n{}\n{}/assets.html{}\n{id}\n/content/dam/nowhere/x.jpg\n{}\n{SAMPLE_FOLDER}\nnot a path\n",
        all[0].0,
        sb.base_url(),
        all[1].0.replace(' ', "%20"),
        all[0].0,
    );
    let entries = metadesk_core::app::list_entries(&text).unwrap();
    assert_eq!(entries.len(), 7);
    let aem = classic(&sb);
    let scope = Scope::List { entries }.into_run_scope().unwrap();
    let reach = metadesk_core::bulk::source::Reach::of(aem.as_ref(), "sandbox", false, None);
    let check = check_list(aem.as_ref(), &scope, &reach, &RunControl::new())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(check.assets, 3);
    let reasons: Vec<(u64, String)> = check
        .problems
        .iter()
        .map(|p| (p.line, p.reason.english_words()))
        .collect();
    assert_eq!(reasons.len(), 4, "{reasons:?}");
    assert!(reasons[0].1.starts_with("not found"), "{reasons:?}");
    assert_eq!(reasons[1], (5, "a duplicate of line 1".to_owned()));
    assert!(reasons[2].1.starts_with("a folder"));
    assert!(reasons[3].1.starts_with("not a DAM path"));

    let mut spec = spec(
        &sb,
        ApiFamily::Classic,
        scope.folder(),
        vec![set("xmpRights:UsageTerms", "ok")],
    );
    spec.scope = scope.clone();
    let engine = engine(aem, dir.path());
    let run = engine
        .plan(RunSource::Scope(spec), &RunControl::new(), &quiet())
        .await
        .unwrap();
    let rows = planned(dir.path(), &run.id);
    let skipped: Vec<&String> = rows
        .iter()
        .filter(|r| r.1 == Action::Skip)
        .map(|r| r.2.as_ref().unwrap())
        .collect();
    assert_eq!(skipped.len(), 4);
    assert!(skipped[1].starts_with("line 5: a duplicate"), "{skipped:?}");
    let done = engine
        .apply(&run.id, &RunControl::new(), &quiet())
        .await
        .unwrap();
    assert_eq!(done.counts.changed, 3);
    for (p, _) in &all[..3] {
        assert_eq!(metadata(&sb, p)["xmpRights:UsageTerms"], "ok");
    }
    assert!(!metadata(&sb, &all[3].0).contains_key("xmpRights:UsageTerms"));
}

#[tokio::test]
async fn paging_stays_correct_while_assets_stop_matching_during_the_preview() {
    let sb = one_folder(120).await;
    let dir = tempfile::tempdir().unwrap();
    let all = assets_of(&sb);
    let scope = Scope::Search {
        under: SAMPLE_FOLDER.into(),
        recursive: false,
        conditions: vec![Condition::parse("dc:title is not empty").unwrap()],
        combine: Combine::All,
    };
    let scope = scope.into_run_scope().unwrap();
    let mut spec = spec(
        &sb,
        ApiFamily::Classic,
        scope.folder(),
        vec![set("dc:rights", "R2")],
    );
    spec.scope = scope.clone();
    let engine = engine(classic(&sb), dir.path()).with_settings(small_pages());
    // After the first page (10 hits), someone else clears the title of those 10 (behind the
    // cursor: more than the walk re-reads) and of 3 assets further on.
    let changed = AtomicBool::new(false);
    let behind: Vec<String> = all[..10].iter().map(|a| a.0.clone()).collect();
    let ahead: Vec<String> = all[50..53].iter().map(|a| a.0.clone()).collect();
    let on_progress = |_p: Progress| {
        if !changed.swap(true, Ordering::SeqCst) {
            for p in behind.iter().chain(&ahead) {
                sb.write_metadata(p, vec![("dc:title".into(), None)]);
            }
        }
    };
    let run = engine
        .plan(RunSource::Scope(spec), &RunControl::new(), &on_progress)
        .await
        .unwrap();
    assert!(changed.load(Ordering::SeqCst));
    let rows = planned(dir.path(), &run.id);
    let paths: Vec<String> = rows.iter().map(|r| r.0.clone()).collect();
    let unique: HashSet<&String> = paths.iter().collect();
    assert_eq!(unique.len(), paths.len(), "no asset twice");
    let expected: BTreeSet<String> = all
        .iter()
        .map(|a| a.0.clone())
        .filter(|p| !ahead.contains(p))
        .collect();
    let got: BTreeSet<String> = paths.into_iter().collect();
    let skipped: Vec<_> = expected.difference(&got).collect();
    assert!(skipped.is_empty(), "skipped: {skipped:?}");
    assert_eq!(got, expected);
}

/// A folder's assets come from its listing and their values from batched checks of their
/// exact paths (dozens a request), not from a read each.
#[tokio::test]
async fn a_folder_preview_takes_values_from_batched_checks_with_far_fewer_requests() {
    let sb = one_folder(400).await;
    let dir = tempfile::tempdir().unwrap();
    let edit = vec![set("xmpRights:UsageTerms", "Licensed")];
    let aem = classic(&sb);
    // Listing pages of the product's size.
    let engine_of = |aem: std::sync::Arc<dyn AssetsApi>, dir: &std::path::Path| {
        metadesk_core::bulk::Engine::new(aem, dir.join("runs")).with_settings(
            metadesk_core::bulk::Settings {
                page_size: 100,
                ..settings()
            },
        )
    };
    let engine = engine_of(aem.clone(), dir.path());
    let before = sb.counters().requests_total;
    let run = engine
        .plan(
            RunSource::Scope(spec(&sb, ApiFamily::Classic, SAMPLE_FOLDER, edit.clone())),
            &RunControl::new(),
            &quiet(),
        )
        .await
        .unwrap();
    let by_checks = sb.counters().requests_total - before;
    assert_eq!(
        (run.counts.assets, run.counts.skipped),
        (400, 16),
        "16 fragments"
    );
    // The same preview over an AEM API that cannot check in batches: the listing, then one read
    // per asset.
    struct NoBatches(std::sync::Arc<metadesk_core::assets::ClassicAssets>);
    impl AssetsApi for NoBatches {
        fn family(&self) -> ApiFamily {
            self.0.family()
        }
        fn list<'a>(
            &'a self,
            f: &'a str,
            o: u64,
            l: u64,
        ) -> metadesk_core::aem::auth::BoxFuture<
            'a,
            Result<metadesk_core::assets::Page, metadesk_core::assets::CallError>,
        > {
            self.0.list(f, o, l)
        }
        fn resolve_id<'a>(
            &'a self,
            p: &'a str,
        ) -> metadesk_core::aem::auth::BoxFuture<
            'a,
            Result<Option<String>, metadesk_core::assets::CallError>,
        > {
            self.0.resolve_id(p)
        }
        fn read<'a>(
            &'a self,
            a: &'a metadesk_core::assets::AssetRef,
        ) -> metadesk_core::aem::auth::BoxFuture<
            'a,
            Result<metadesk_core::assets::Current, metadesk_core::assets::CallError>,
        > {
            self.0.read(a)
        }
        fn write<'a>(
            &'a self,
            a: &'a metadesk_core::assets::AssetRef,
            w: &'a [metadesk_core::assets::Write],
            m: Option<&'a str>,
        ) -> metadesk_core::aem::auth::BoxFuture<
            'a,
            Result<Option<String>, metadesk_core::assets::CallError>,
        > {
            self.0.write(a, w, m)
        }
        fn listing_carries(&self, p: &str) -> bool {
            self.0.listing_carries(p)
        }
    }
    let walk_engine = engine_of(
        std::sync::Arc::new(NoBatches(aem)),
        &dir.path().join("walk"),
    );
    let before = sb.counters().requests_total;
    let walked = walk_engine
        .plan(
            RunSource::Scope(spec(&sb, ApiFamily::Classic, SAMPLE_FOLDER, edit)),
            &RunControl::new(),
            &quiet(),
        )
        .await
        .unwrap();
    let by_walk = sb.counters().requests_total - before;
    assert_eq!(walked.counts, run.counts);
    // Both previews also ask where their assets stand on the website (the same few
    // QueryBuilder requests each), which narrows the ratio from the checks' alone.
    assert!(
        by_walk >= 15 * by_checks,
        "{by_walk} requests reading each asset vs {by_checks} checking in batches"
    );
}

#[tokio::test]
async fn a_search_that_would_read_too_much_says_so_in_words() {
    let sb = Sandbox::start(
        SandboxConfig::default()
            .with_assets(120)
            .with_assets_per_folder(120)
            .with_key_bits(1024)
            .with_query_traversal_limit(50),
    )
    .await
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let scope = Scope::Search {
        under: SAMPLE_FOLDER.into(),
        recursive: false,
        conditions: vec![Condition::parse("dc:rights is empty").unwrap()],
        combine: Combine::All,
    }
    .into_run_scope()
    .unwrap();
    let mut spec = spec(
        &sb,
        ApiFamily::Classic,
        scope.folder(),
        vec![set("dc:rights", "x")],
    );
    spec.scope = scope.clone();
    let before = sb.counters().requests_total;
    let err = engine(classic(&sb), dir.path())
        .plan(RunSource::Scope(spec), &RunControl::new(), &quiet())
        .await
        .unwrap_err()
        .to_string();
    assert!(err.contains("too many assets"), "{err}");
    assert_eq!(sb.counters().requests_total - before, 1, "not retried");
    let err = count_search(classic(&sb).as_ref(), &scope, &RunControl::new())
        .await
        .unwrap_err()
        .to_string();
    assert!(err.contains("Choose a smaller folder"), "{err}");
    // A sheet export of the scope walks it as a preview does, and says the same (it said "The
    // search failed: …" with AEM's own words before the one lister).
    let a = crate::open_folder::app(&sb);
    let opened =
        a.ws.open(metadesk_core::app::ConnectionChoice::stored(&a.classic))
            .await
            .unwrap();
    let err =
        a.ws.export_sheet(
            &opened,
            &scope,
            &["dc:rights".to_owned()],
            metadesk_core::app::SheetFormat::Csv,
            &metadesk_core::i18n::Localizer::english(),
        )
        .await
        .unwrap_err()
        .to_string();
    assert!(err.contains("Choose a smaller folder"), "{err}");
    assert_eq!(sb.counters().writes_applied, 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn an_oauth_connection_searches_through_its_classic_lister_and_writes_with_if_match() {
    let sb = one_folder(40).await;
    let dir = tempfile::tempdir().unwrap();
    let all = assets_of(&sb);
    let scope = Scope::Search {
        under: SAMPLE_FOLDER.into(),
        recursive: false,
        conditions: vec![Condition::parse("name matches *.pdf").unwrap()],
        combine: Combine::All,
    };
    let expected: Vec<&String> = all
        .iter()
        .map(|a| &a.0)
        .filter(|p| p.ends_with(".pdf"))
        .collect();
    let scope = scope.into_run_scope().unwrap();
    let mut spec = spec(
        &sb,
        ApiFamily::OpenApi,
        scope.folder(),
        vec![set("dc:rights", "S2S")],
    );
    spec.scope = scope.clone();
    let engine = engine(openapi(&sb).await, dir.path());
    let run = engine
        .plan(RunSource::Scope(spec), &RunControl::new(), &quiet())
        .await
        .unwrap();
    assert_eq!(run.counts.assets, expected.len() as u64);
    let done = engine
        .apply(&run.id, &RunControl::new(), &quiet())
        .await
        .unwrap();
    assert_eq!(done.counts.changed, expected.len() as u64);
    for p in expected {
        assert_eq!(metadata(&sb, p)["dc:rights"], "S2S");
    }
}
