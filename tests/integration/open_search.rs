//! AEM's OpenAPI search (`POST /adobe/assets/search`) against the sandbox: an OAuth
//! Server-to-Server connection previews and applies a search with its own token across several
//! cursor pages; an asset that comes to match during paging is not planned twice; a page that
//! fails is an error, never a shorter scope; a condition the search cannot express is refused in
//! words, or searched by the paired classic connection; an AEM without the search falls back to
//! the pairing or says what to import; a list resolves through it; the count and the list check
//! say which search was used; the sandbox refuses malformed queries with a 400.

use metadesk_core::bulk::RunSource;
use std::collections::BTreeSet;
use std::sync::Arc;
use std::sync::atomic::Ordering;

use metadesk_core::assets::{CallError, OpenApiAssets};
use metadesk_core::bulk::{Action, Combine, Condition, RunControl, Scope, Settings, runs};
use metadesk_core::credentials::ApiFamily;
use metadesk_sandbox::{SAMPLE_FOLDER, Sandbox, SandboxConfig};
use serde_json::{Value, json};

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

/// An OAuth S2S connection with no classic connection paired.
async fn unpaired(sb: &Sandbox) -> Arc<OpenApiAssets> {
    let token = s2s_token(sb).await;
    let c = sb.credentials();
    Arc::new(OpenApiAssets::unpaired(client(
        sb,
        bearer(&token, Some(&c.oauth_client_id)),
    )))
}

/// The sandbox's assets (not content fragments), in path order.
fn asset_paths(sb: &Sandbox) -> Vec<String> {
    sb.dump(true)["assets"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["contentFragment"] == false)
        .map(|a| a["path"].as_str().unwrap().to_owned())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}

fn small_pages() -> Settings {
    Settings {
        search_page_size: 10,
        ..settings()
    }
}

fn jpegs(sb: &Sandbox) -> BTreeSet<String> {
    sb.dump(true)["assets"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["contentFragment"] == false && a["metadata"]["dc:format"] == "image/jpeg")
        .map(|a| a["path"].as_str().unwrap().to_owned())
        .collect()
}

fn search_spec(sb: &Sandbox, conditions: &[&str], edit: &str) -> metadesk_core::bulk::RunSpec {
    let scope = Scope::Search {
        under: SAMPLE_FOLDER.into(),
        recursive: true,
        conditions: conditions
            .iter()
            .map(|c| Condition::parse(c).unwrap())
            .collect(),
        combine: Combine::All,
    }
    .into_run_scope()
    .unwrap();
    let mut spec = spec(
        sb,
        ApiFamily::OpenApi,
        scope.folder(),
        vec![set("dc:rights", edit)],
    );
    spec.scope = scope.clone();
    spec
}

fn planned_paths(dir: &std::path::Path, run: &str) -> Vec<String> {
    runs::preview_page(&dir.join("runs"), run, None, 0, 100_000)
        .unwrap()
        .rows
        .into_iter()
        .filter(|r| r.action == Action::Change)
        .map(|r| r.path)
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn an_oauth_connection_searches_with_its_own_token_across_cursor_pages_and_applies() {
    let sb = one_folder(120).await;
    let dir = tempfile::tempdir().unwrap();
    let expected = jpegs(&sb);
    assert!(
        expected.len() > 25,
        "several pages of 10: {}",
        expected.len()
    );
    let aem = Watched::new(unpaired(&sb).await, Box::new(|_| None));
    let engine = metadesk_core::bulk::Engine::new(aem.clone(), dir.path().join("runs"))
        .with_settings(small_pages());
    let spec = search_spec(
        &sb,
        &["type is image/jpeg", "modified after 2000-01-01"],
        "S2S",
    );
    let run = engine
        .plan(RunSource::Scope(spec), &RunControl::new(), &quiet())
        .await
        .unwrap();
    let planned = planned_paths(dir.path(), &run.id);
    assert_eq!(planned.iter().cloned().collect::<BTreeSet<_>>(), expected);
    assert_eq!(planned.len(), expected.len(), "none twice");
    let pages = aem.open_pages.load(Ordering::SeqCst);
    assert_eq!(pages, expected.len().div_ceil(10), "every cursor followed");
    assert_eq!(aem.query_builder.load(Ordering::SeqCst), 0);
    let done = engine
        .apply(&run.id, &RunControl::new(), &quiet())
        .await
        .unwrap();
    assert_eq!(done.counts.changed, expected.len() as u64);
    for p in &expected {
        assert_eq!(metadata(&sb, p)["dc:rights"], "S2S");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn an_asset_that_comes_to_match_while_paging_is_planned_once() {
    let sb = one_folder(80).await;
    let dir = tempfile::tempdir().unwrap();
    let all = asset_paths(&sb);
    // Every other asset has the value searched for; the first one (in path order) does not.
    for p in all.iter().skip(1).step_by(2) {
        sb.write_metadata(p, vec![("dc:source".into(), Some(json!("batch-7")))]);
    }
    let first = all[0].clone();
    let sandbox = Arc::new(sb);
    let sb2 = sandbox.clone();
    // Before the second page, someone gives the first asset the value: the sandbox's cursor
    // (an offset) now repeats the last hit of the first page.
    let aem = Watched::new(
        unpaired(&sandbox).await,
        Box::new(move |n| {
            if n == 1 {
                sb2.write_metadata(&first, vec![("dc:source".into(), Some(json!("batch-7")))]);
            }
            None
        }),
    );
    let engine = metadesk_core::bulk::Engine::new(aem.clone(), dir.path().join("runs"))
        .with_settings(small_pages());
    let spec = search_spec(&sandbox, &["dc:source is batch-7"], "B7");
    let run = engine
        .plan(RunSource::Scope(spec), &RunControl::new(), &quiet())
        .await
        .unwrap();
    let planned = planned_paths(dir.path(), &run.id);
    let unique: BTreeSet<&String> = planned.iter().collect();
    assert_eq!(
        unique.len(),
        planned.len(),
        "an asset planned twice: {planned:?}"
    );
    assert_eq!(planned.len() as u64, run.counts.assets);
    // The total grew during the walk, so it read the pages again and found the newcomer too.
    assert_eq!(planned.len(), all.len() / 2 + 1);
    assert!(
        planned.contains(&all[0]),
        "the asset that came to match is planned"
    );
}

/// The mirror case, which a cursor alone cannot see: an asset of the first page stops matching
/// before the second, the offset cursor steps over the asset after it, and the changed total
/// makes the walk read the pages again. Every asset that matched throughout is planned, once.
#[tokio::test(flavor = "multi_thread")]
async fn an_asset_that_stops_matching_while_paging_does_not_hide_another() {
    let sb = one_folder(80).await;
    let dir = tempfile::tempdir().unwrap();
    let all = asset_paths(&sb);
    for p in &all {
        sb.write_metadata(p, vec![("dc:source".into(), Some(json!("batch-8")))]);
    }
    let leaving = all[0].clone();
    let sandbox = Arc::new(sb);
    let sb2 = sandbox.clone();
    let aem = Watched::new(
        unpaired(&sandbox).await,
        Box::new(move |n| {
            if n == 1 {
                sb2.write_metadata(
                    &leaving,
                    vec![("dc:source".into(), Some(json!("elsewhere")))],
                );
            }
            None
        }),
    );
    let engine = metadesk_core::bulk::Engine::new(aem.clone(), dir.path().join("runs"))
        .with_settings(small_pages());
    let spec = search_spec(&sandbox, &["dc:source is batch-8"], "B8");
    let run = engine
        .plan(RunSource::Scope(spec), &RunControl::new(), &quiet())
        .await
        .unwrap();
    let planned: BTreeSet<String> = planned_paths(dir.path(), &run.id).into_iter().collect();
    let missing: Vec<&String> = all[1..].iter().filter(|p| !planned.contains(*p)).collect();
    assert!(
        missing.is_empty(),
        "assets that matched throughout were not planned: {missing:?}"
    );
    assert_eq!(planned.len() as u64, run.counts.assets);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_page_that_fails_is_an_error_never_a_shorter_scope() {
    let sb = one_folder(120).await;
    let dir = tempfile::tempdir().unwrap();
    let aem = Watched::new(
        unpaired(&sb).await,
        Box::new(|n| {
            (n == 2).then(|| CallError::Rejected {
                status: 400,
                detail: "Invalid cursor".into(),
            })
        }),
    );
    let engine = metadesk_core::bulk::Engine::new(aem.clone(), dir.path().join("runs"))
        .with_settings(small_pages());
    let err = engine
        .plan(
            RunSource::Scope(search_spec(&sb, &["type is image/jpeg"], "x")),
            &RunControl::new(),
            &quiet(),
        )
        .await
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("stopped after 20 assets") && err.contains("Invalid cursor"),
        "{err}"
    );
    assert_eq!(sb.counters().writes_applied, 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_condition_it_cannot_express_is_refused_in_words_or_searched_by_the_pairing() {
    let sb = one_folder(60).await;
    let dir = tempfile::tempdir().unwrap();
    let alone = Watched::new(unpaired(&sb).await, Box::new(|_| None));
    let err = engine(alone.clone(), dir.path())
        .plan(
            RunSource::Scope(search_spec(
                &sb,
                &["type is image/jpeg", "dc:rights is empty"],
                "x",
            )),
            &RunControl::new(),
            &quiet(),
        )
        .await
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("cannot ask for \"Copyright is empty\"")
            && err.contains("empty or set")
            && err.contains("Paired connection"),
        "{err}"
    );
    assert_eq!(alone.open_pages.load(Ordering::SeqCst), 0, "nothing sent");
    // Paired: the classic connection's QueryBuilder searches instead.
    let paired = Watched::new(openapi(&sb).await, Box::new(|_| None));
    let run = engine(paired.clone(), &dir.path().join("paired"))
        .plan(
            RunSource::Scope(search_spec(
                &sb,
                &["type is image/jpeg", "dc:rights is empty"],
                "x",
            )),
            &RunControl::new(),
            &quiet(),
        )
        .await
        .unwrap();
    assert!(run.counts.assets > 0);
    assert_eq!(paired.open_pages.load(Ordering::SeqCst), 0);
    assert!(paired.query_builder.load(Ordering::SeqCst) > 0);
    assert_eq!(sb.counters().writes_applied, 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn without_the_search_the_pairing_searches_and_an_unpaired_connection_says_what_to_import() {
    let sb = one_folder(60).await;
    sb.set_openapi_search(false);
    let dir = tempfile::tempdir().unwrap();
    let expected = jpegs(&sb);
    let paired = Watched::new(openapi(&sb).await, Box::new(|_| None));
    let run = engine(paired.clone(), dir.path())
        .plan(
            RunSource::Scope(search_spec(&sb, &["type is image/jpeg"], "x")),
            &RunControl::new(),
            &quiet(),
        )
        .await
        .unwrap();
    assert_eq!(run.counts.assets, expected.len() as u64);
    assert_eq!(paired.open_pages.load(Ordering::SeqCst), 1, "asked once");
    assert!(paired.query_builder.load(Ordering::SeqCst) > 0);
    let alone = unpaired(&sb).await;
    let err = engine(alone, &dir.path().join("alone"))
        .plan(
            RunSource::Scope(search_spec(&sb, &["type is image/jpeg"], "x")),
            &RunControl::new(),
            &quiet(),
        )
        .await
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("does not answer its OpenAPI search")
            && err.contains("Import AEM service credentials"),
        "{err}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_window_counts_and_checks_lists_through_the_openapi_search_and_says_so() {
    use metadesk_core::app::SelectedCount;
    use metadesk_core::bulk::found_by::FoundBy;
    let sb = one_folder(60).await;
    let dir = tempfile::tempdir().unwrap();
    let (ws, opened) = crate::bulk_support::opened_workspace(
        &sb,
        &sb.credentials().oauth_project_json,
        dir.path(),
    )
    .await;
    // The card asks whether the OpenAPI search answers (it then does not ask to pair).
    assert!(ws.openapi_search_answers(&opened).await.unwrap());
    sb.set_openapi_search(false);
    assert!(!ws.openapi_search_answers(&opened).await.unwrap());
    sb.set_openapi_search(true);
    let scope = Scope::Search {
        under: SAMPLE_FOLDER.into(),
        recursive: false,
        conditions: vec![Condition::parse("type is image/jpeg").unwrap()],
        combine: Combine::All,
    };
    let Some(SelectedCount::Search(count)) = count_selected(&ws, &opened, scope).await.unwrap()
    else {
        panic!("not a search count")
    };
    assert_eq!(
        (count.assets, count.found_by.clone()),
        (jpegs(&sb).len() as u64, FoundBy::OpenapiSearch)
    );
    let some = jpegs(&sb).into_iter().next().unwrap();
    let id_of = sb.asset(&some).unwrap()["assetId"]
        .as_str()
        .map(str::to_owned);
    let mut entries = vec![
        some.clone(),
        "/content/dam/nowhere.jpg".into(),
        some.clone(),
    ];
    if let Some(id) = id_of {
        entries.push(id);
    }
    let Some(SelectedCount::List(check)) = count_selected(&ws, &opened, Scope::List { entries })
        .await
        .unwrap()
    else {
        panic!("not a list check")
    };
    assert_eq!(check.found_by, FoundBy::OpenapiSearch);
    assert_eq!(check.assets, 1);
    let english = metadesk_core::i18n::Localizer::english();
    let reasons: Vec<(u64, String)> = check
        .problems
        .iter()
        .map(|p| (p.line, p.reason.localized(&english)))
        .collect();
    assert!(reasons[0].1.starts_with("not found"), "{reasons:?}");
    assert_eq!(reasons[1], (3, "a duplicate of line 1".to_string()));
    // A condition it cannot express, unpaired: refused in words, nothing counted.
    let err = count_selected(
        &ws,
        &opened,
        Scope::Search {
            under: SAMPLE_FOLDER.into(),
            recursive: false,
            conditions: vec![Condition::parse("tag is wknd:activity").unwrap()],
            combine: Combine::All,
        },
    )
    .await
    .unwrap_err()
    .to_string();
    assert!(err.contains("not the tags below it"), "{err}");
}

#[tokio::test]
async fn the_sandbox_search_takes_s2s_tokens_and_refuses_malformed_queries_with_a_400() {
    let sb = one_folder(30).await;
    let token = s2s_token(&sb).await;
    let key = sb.credentials().oauth_client_id.clone();
    let http = reqwest::Client::new();
    let post = |body: Value, token: &str| {
        http.post(format!("{}/adobe/assets/search", sb.base_url()))
            .bearer_auth(token)
            .header("X-Api-Key", &key)
            .header("X-Adobe-Accept-Experimental", "1")
            .json(&body)
            .send()
    };
    let good = json!({"query": [{"term": {"repositoryMetadata.repo:parentPath": [SAMPLE_FOLDER]}}], "limit": 10});
    let answer = post(good.clone(), &token).await.unwrap();
    assert_eq!(answer.status(), 200);
    let body: Value = answer.json().await.unwrap();
    assert_eq!(body["hits"]["results"].as_array().unwrap().len(), 10);
    assert!(body["cursor"].is_string());
    for (bad, words) in [
        (json!({"query": {"term": {}}}), "query must be an array"),
        (
            json!({"query": [{"exists": {"field": "dc:rights"}}]}),
            "Unknown query item",
        ),
        (
            json!({"query": [{"term": {"assetMetadata.dc:rights": "R"}}]}),
            "array of strings",
        ),
        (json!({"query": [], "limit": 500}), "limit"),
        (json!({"query": [], "cursor": "not-mine"}), "Invalid cursor"),
        (json!({"query": [], "size": 3}), "Unknown property"),
    ] {
        let answer = post(bad.clone(), &token).await.unwrap();
        assert_eq!(answer.status(), 400, "{bad}");
        let problem: Value = answer.json().await.unwrap();
        assert!(
            problem["detail"].as_str().unwrap().contains(words),
            "{bad}: {problem}"
        );
    }
    // A development token is not an OpenAPI credential here; QueryBuilder refuses the S2S one.
    let refused = post(good, &sb.credentials().dev_token).await.unwrap();
    assert!(
        matches!(refused.status().as_u16(), 401 | 403),
        "{}",
        refused.status()
    );
    sb.set_openapi_search(false);
    let off = post(json!({"query": []}), &token).await.unwrap();
    assert_eq!(off.status(), 404);
}
