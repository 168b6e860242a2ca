//! A folder scope for an OAuth Server-to-Server connection with no classic connection paired,
//! against the sandbox: counted, previewed (across several pages of AEM's OpenAPI search while
//! assets change), applied with `If-Match` and undone through the window's use cases; its
//! thumbnail strip from the search's first page; refused in words only where AEM does not
//! answer that search; the tag picker's fallback to typed ids; and which search found a run's
//! assets, recorded in its journal and shown by `runs show`.

// Test helpers panic on unexpected errors, like the tests themselves.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::cli_process::OutputRetried;
use metadesk_core::app::PreviewRequest;
use metadesk_core::bulk::RunSource;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use std::sync::atomic::Ordering;

use metadesk_core::app::{ConnectionChoice, Opened, RunAction, SelectedCount, Workspace};
use metadesk_core::assets::OpenApiAssets;
use metadesk_core::bulk::found_by::FoundBy;
use metadesk_core::bulk::{Action, RunControl, RunSpec, Scope, ScopeFilters, Settings, runs};
use metadesk_core::credentials::ApiFamily;
use metadesk_core::error::ErrorCode;
use metadesk_sandbox::{SAMPLE_FOLDER, Sandbox, SandboxConfig};
use serde_json::json;

use crate::bulk_support::*;

/// A sandbox whose sample folder holds `assets` assets and whose parent holds more folders.
async fn sandbox_with(assets: usize, per_folder: usize) -> Sandbox {
    Sandbox::start(
        SandboxConfig::default()
            .with_assets(assets)
            .with_assets_per_folder(per_folder)
            .with_key_bits(1024),
    )
    .await
    .unwrap()
}

pub(crate) struct App {
    pub(crate) ws: Workspace,
    pub(crate) oauth: String,
    pub(crate) classic: String,
    /// The command line's home over the same folders (`runs show`).
    pub(crate) cli: crate::bulk_cli::CliHome,
}

fn import(ws: &Workspace, sb: &Sandbox, json: &str, oauth: bool) -> String {
    let recognised = metadesk_core::credentials::inspect(json.as_bytes()).unwrap();
    let options = metadesk_core::connections::ImportOptions {
        aem_url: Some(sb.base_url()),
        ims_url: oauth.then(|| sb.credentials().ims_endpoint.clone()),
        ..Default::default()
    };
    ws.connections()
        .import(&recognised, &options)
        .unwrap()
        .connection
        .id
}

pub(crate) fn app(sb: &Sandbox) -> App {
    let cli = crate::bulk_cli::CliHome::new(sb);
    let ws = Workspace::new(
        metadesk_core::dirs::AppDirs::under(&cli.home),
        Arc::new(metadesk_core::secrets::RunOnlyKeychain::default()),
    )
    .unwrap();
    let oauth = import(&ws, sb, &sb.credentials().oauth_project_json, true);
    let classic = import(&ws, sb, &sb.credentials().service_credentials_json, false);
    App {
        ws,
        oauth,
        classic,
        cli,
    }
}

/// The sandbox's assets (not content fragments) under `folder` (`recursive`: at any depth).
pub(crate) fn assets_under(sb: &Sandbox, folder: &str, recursive: bool) -> BTreeSet<String> {
    sb.dump(true)["assets"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["contentFragment"] == false)
        .map(|a| a["path"].as_str().unwrap().to_owned())
        .filter(|p| {
            let parent = p.rsplit_once('/').unwrap().0;
            parent == folder || (recursive && parent.starts_with(&format!("{folder}/")))
        })
        .collect()
}

/// A folder's count, as the window asks for it.
async fn folder_count(
    ws: &Workspace,
    opened: &Opened,
    folder: &str,
    filters: &ScopeFilters,
) -> metadesk_core::error::Result<metadesk_core::bulk::ScopeCount> {
    match ws
        .count_scope(opened, &scoped(folder, filters.clone()), &|_| {})
        .await?
    {
        Some(SelectedCount::Folder(count)) => Ok(count),
        other => panic!("not a folder's count: {other:?}"),
    }
}

fn folder_scope(folder: &str, recursive: bool) -> Scope {
    Scope::Folder {
        folder: folder.into(),
        recursive,
    }
}

fn quiet_app() -> impl Fn(metadesk_core::bulk::Progress) + Send + Sync {
    |_| {}
}

async fn count(ws: &Workspace, opened: &Opened, folder: &str, filters: &ScopeFilters) -> u64 {
    folder_count(ws, opened, folder, filters)
        .await
        .unwrap()
        .assets
}

pub(crate) fn planned(ws: &Workspace, run: &str) -> Vec<String> {
    runs::preview_page(&ws.runs_dir(), run, None, 0, 100_000)
        .unwrap()
        .rows
        .into_iter()
        .filter(|r| r.action == Action::Change)
        .map(|r| r.path)
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn an_unpaired_oauth_connection_counts_previews_applies_and_undoes_a_folder() {
    // The sample folder holds 60 assets and its parent more folders: the OpenAPI search's
    // pages (50 at most) are followed, and subfolders are included or not as asked.
    let sb = sandbox_with(300, 60).await;
    let a = app(&sb);
    let ws = &a.ws;
    let opened = ws.open(ConnectionChoice::stored(&a.oauth)).await.unwrap();
    assert!(opened.cannot_find_assets(), "not paired");
    let parent = SAMPLE_FOLDER.rsplit_once('/').unwrap().0;
    let flat = assets_under(&sb, SAMPLE_FOLDER, false);
    let deep = assets_under(&sb, parent, true);
    assert!(flat.len() > 50 && deep.len() > flat.len(), "{}", deep.len());

    // Counted by AEM in one request each, exact; with a name filter, said to be before it.
    let before = sb.counters().requests_total;
    let plain = ScopeFilters::default();
    let recursive = ScopeFilters {
        recursive: true,
        ..ScopeFilters::default()
    };
    assert_eq!(
        count(ws, &opened, SAMPLE_FOLDER, &plain).await,
        flat.len() as u64
    );
    assert_eq!(
        count(ws, &opened, parent, &recursive).await,
        deep.len() as u64
    );
    let c = folder_count(ws, &opened, parent, &recursive).await.unwrap();
    let estimate = c.estimate.expect("the search counted it");
    assert!(c.done && !estimate.at_least && !estimate.before_filters);
    let named = ScopeFilters {
        name: Some("*.jpg".into()),
        ..ScopeFilters::default()
    };
    let c = folder_count(ws, &opened, SAMPLE_FOLDER, &named)
        .await
        .unwrap();
    assert!(c.estimate.unwrap().before_filters, "{c:?}");
    assert!(
        sb.counters().requests_total - before <= 8,
        "no walk to count"
    );
    let scope = folder_scope(SAMPLE_FOLDER, false).into_run_scope().unwrap();
    let Some(SelectedCount::Folder(c)) = ws.count_scope(&opened, &scope, &|_| {}).await.unwrap()
    else {
        panic!("a folder's count")
    };
    assert_eq!(c.assets, flat.len() as u64);

    // The thumbnail strip: the folder's first assets from the search's first page.
    let strip = ws.folder_assets(&opened, SAMPLE_FOLDER).await.unwrap();
    assert_eq!(strip.assets.len(), 48);
    assert!(strip.assets.iter().all(|x| flat.contains(&x.path)));
    assert_eq!(strip.more, flat.len() as u64 - 48);
    assert!(!strip.complete);

    // Previewed through the search with the name filter applied to each hit; every asset
    // planned once; the journal says which search found them.
    let run = ws
        .preview_scope(
            &opened,
            folder_scope(SAMPLE_FOLDER, false),
            vec![set("dc:rights", "Found by S2S")],
            &quiet_app(),
        )
        .await
        .unwrap();
    let paths = planned(ws, &run.id);
    assert_eq!(paths.iter().cloned().collect::<BTreeSet<_>>(), flat);
    assert_eq!(paths.len(), flat.len(), "none twice");
    assert_eq!(run.found_by, Some(FoundBy::OpenapiSearch));

    // Someone changes one asset between the preview and the apply: If-Match keeps it.
    let theirs = paths[3].clone();
    sb.edit_asset(&theirs, json!({"dc:rights": "Theirs"}))
        .unwrap();
    let done = ws
        .apply(&opened, &run.id, None, &quiet_app())
        .await
        .unwrap();
    assert_eq!(done.counts.changed, flat.len() as u64 - 1);
    assert_eq!(
        metadata(&sb, &theirs)["dc:rights"],
        "Theirs",
        "not overwritten"
    );
    for p in paths.iter().filter(|p| **p != theirs) {
        assert_eq!(metadata(&sb, p)["dc:rights"], "Found by S2S");
    }

    // Undone on the same connection: every asset it changed goes back; theirs stays.
    let (_, again) = ws
        .open_for_run(
            &run.id,
            ConnectionChoice::RunsOwn { paired_with: None },
            RunAction::Undo,
        )
        .await
        .unwrap();
    let undo = ws
        .preview(
            &again,
            PreviewRequest::Undo { of: run.id.clone() },
            &quiet_app(),
        )
        .await
        .unwrap();
    ws.apply(&again, &undo.id, None, &quiet_app())
        .await
        .unwrap();
    for p in paths.iter().filter(|p| **p != theirs) {
        assert!(
            metadata(&sb, p)
                .get("dc:rights")
                .is_none_or(|v| v != "Found by S2S")
        );
    }
    assert_eq!(metadata(&sb, &theirs)["dc:rights"], "Theirs");

    // With subfolders and a name filter: only the matching assets at any depth.
    let jpgs: BTreeSet<String> = deep
        .iter()
        .filter(|p| p.ends_with(".jpg"))
        .cloned()
        .collect();
    let run = ws
        .preview(
            &opened,
            PreviewRequest::Edit {
                scope: scoped(
                    parent,
                    ScopeFilters {
                        recursive: true,
                        name: Some("*.jpg".into()),
                        ..ScopeFilters::default()
                    },
                ),
                edits: vec![set("dc:rights", "Deep")],
            },
            &quiet_app(),
        )
        .await
        .unwrap();
    assert_eq!(
        planned(ws, &run.id).into_iter().collect::<BTreeSet<_>>(),
        jpgs
    );
}

fn folder_spec(sb: &Sandbox) -> RunSpec {
    spec(
        sb,
        ApiFamily::OpenApi,
        SAMPLE_FOLDER,
        vec![set("dc:rights", "Paged")],
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn a_folder_paged_through_the_search_while_assets_change_plans_each_asset_once() {
    let sb = Arc::new(sandbox_with(80, 80).await);
    let dir = tempfile::tempdir().unwrap();
    let all: Vec<String> = assets_under(&sb, SAMPLE_FOLDER, false)
        .into_iter()
        .collect();
    assert!(all.len() > 40, "several pages of 10");
    let token = s2s_token(&sb).await;
    let inner = Arc::new(OpenApiAssets::unpaired(client(
        &sb,
        bearer(&token, Some(&sb.credentials().oauth_client_id)),
    )));
    // Before the third page: someone deletes an asset of the first page (the sandbox's
    // offset cursor then steps over the asset after the second page's last) and edits the
    // metadata of assets on either side of the cursor (which must not move them).
    let (gone, sb2, all2) = (all[2].clone(), sb.clone(), all.clone());
    let aem = Watched::new(
        inner,
        Box::new(move |n| {
            if n == 2 {
                assert!(sb2.remove_asset(&gone));
                for p in [&all2[0], &all2[25], &all2[60]] {
                    sb2.write_metadata(p, vec![("dc:title".into(), Some(json!("Edited")))]);
                }
            }
            None
        }),
    );
    let engine = metadesk_core::bulk::Engine::new(aem.clone(), dir.path().join("runs"))
        .with_settings(Settings {
            search_page_size: 10,
            ..settings()
        });
    let run = engine
        .plan(
            RunSource::Scope(folder_spec(&sb)),
            &RunControl::new(),
            &quiet(),
        )
        .await
        .unwrap();
    let rows = runs::preview_page(&dir.path().join("runs"), &run.id, None, 0, 100_000)
        .unwrap()
        .rows;
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for r in &rows {
        *seen.entry(r.path.clone()).or_default() += 1;
    }
    let twice: Vec<_> = seen.iter().filter(|(_, n)| **n > 1).collect();
    assert!(twice.is_empty(), "planned twice: {twice:?}");
    let skipped: Vec<&String> = all
        .iter()
        .filter(|p| **p != all[2] && !seen.contains_key(*p))
        .collect();
    assert!(skipped.is_empty(), "stepped over: {skipped:?}");
    assert!(
        aem.open_pages.load(Ordering::SeqCst) > all.len().div_ceil(10),
        "the changed total made the walk read the pages again"
    );
    assert_eq!(run.found_by, Some(FoundBy::OpenapiSearch));
}

#[tokio::test(flavor = "multi_thread")]
async fn where_aem_does_not_answer_the_search_a_folder_is_refused_in_words() {
    let sb = sandbox_with(60, 60).await;
    let a = app(&sb);
    let ws = &a.ws;
    let opened = ws.open(ConnectionChoice::stored(&a.oauth)).await.unwrap();
    sb.set_openapi_search(false);
    let before = sb.counters();
    let refusals = [
        folder_count(ws, &opened, SAMPLE_FOLDER, &ScopeFilters::default())
            .await
            .unwrap_err(),
        ws.folder_assets(&opened, SAMPLE_FOLDER).await.unwrap_err(),
        ws.preview_scope(
            &opened,
            folder_scope(SAMPLE_FOLDER, true),
            vec![set("dc:rights", "never")],
            &quiet_app(),
        )
        .await
        .unwrap_err(),
    ];
    for e in refusals {
        assert_eq!(e.code(), ErrorCode::InvalidInput, "{e}");
        let words = e.to_string();
        assert!(
            words.contains("does not answer its OpenAPI search")
                && words.contains("Import AEM service credentials")
                && words.contains("\"Paired connection\""),
            "{words}"
        );
    }
    assert!(ws.list_runs().await.unwrap().is_empty(), "no run journaled");
    assert_eq!(
        sb.counters().count("PATCH", 200),
        before.count("PATCH", 200),
        "nothing written"
    );
    assert_eq!(sb.counters().count("GET", 403), before.count("GET", 403));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_tag_picker_reads_tags_where_it_can_and_otherwise_asks_for_typed_ids() {
    let sb = sandbox_with(40, 40).await;
    let a = app(&sb);
    let ws = &a.ws;
    // Unpaired: AEM refuses the OAuth token on /content/cq:tags; the picker is told in plain
    // words to type a tag's id (never the old "needs a classic connection" refusal).
    let opened = ws.open(ConnectionChoice::stored(&a.oauth)).await.unwrap();
    let e = ws.tags(&opened).await.unwrap_err();
    assert_eq!(e.code(), ErrorCode::NotFound, "{e}");
    let words = e.to_string();
    assert!(
        words.contains("AEM's tags could not be read") && words.contains("type a tag's id"),
        "{words}"
    );
    assert!(!words.contains("Paired connection"), "{words}");
    // Paired: the classic connection reads the tree.
    ws.connections()
        .set_paired(&a.oauth, Some(&a.classic))
        .unwrap();
    let paired = ws.open(ConnectionChoice::stored(&a.oauth)).await.unwrap();
    let tags = ws.tags(&paired).await.unwrap();
    assert!(
        tags.iter()
            .any(|t| t.id.starts_with("wknd-shared:activity")),
        "{tags:?}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_journal_records_which_search_found_the_assets_and_runs_show_says_it() {
    let sb = sandbox_with(30, 30).await;
    let a = app(&sb);
    let ws = &a.ws;
    let edits = || vec![set("dc:rights", "Who found me")];
    // The classic connection finds a folder's assets by listing it (AEM's search index may not
    // hold an upload of the last minutes), its values in batched checks.
    let classic = ws.open(ConnectionChoice::stored(&a.classic)).await.unwrap();
    let listed = ws
        .preview_scope(
            &classic,
            folder_scope(SAMPLE_FOLDER, false),
            edits(),
            &quiet_app(),
        )
        .await
        .unwrap();
    assert_eq!(
        listed.found_by,
        Some(FoundBy::FolderListing { connection: None })
    );
    // Paired, the OAuth connection's folder is listed through the classic one, named.
    let name = ws.connections().get(&a.classic).unwrap().name;
    ws.connections()
        .set_paired(&a.oauth, Some(&a.classic))
        .unwrap();
    let paired = ws.open(ConnectionChoice::stored(&a.oauth)).await.unwrap();
    let through = ws
        .preview_scope(
            &paired,
            folder_scope(SAMPLE_FOLDER, false),
            edits(),
            &quiet_app(),
        )
        .await
        .unwrap();
    assert_eq!(
        through.found_by,
        Some(FoundBy::FolderListing {
            connection: Some(name.clone())
        })
    );
    // A search the OpenAPI search cannot ask goes through QueryBuilder on the paired one.
    let empty = Scope::Search {
        under: SAMPLE_FOLDER.into(),
        recursive: false,
        conditions: vec![metadesk_core::bulk::Condition::parse("dc:rights is empty").unwrap()],
        combine: Default::default(),
    };
    let qb = ws
        .preview_scope(&paired, empty, edits(), &quiet_app())
        .await
        .unwrap();
    assert_eq!(
        qb.found_by,
        Some(FoundBy::QueryBuilder {
            connection: Some(name.clone())
        })
    );
    // Read back from the journal (the run history), and in the command line's words.
    let history = ws.list_runs().await.unwrap();
    let of = |id: &str| {
        history
            .iter()
            .find(|r| r.id == id)
            .unwrap()
            .found_by
            .clone()
    };
    assert_eq!(of(&qb.id), qb.found_by);
    let english = shown(&a, "C", &through.id).await;
    assert!(
        english.contains(&format!(
            "assets: found in the folder's contents, listed through \"{name}\""
        )),
        "{english}"
    );
    // In French where LANG says the desktop's language (Linux: see main.rs).
    if cfg!(all(unix, not(target_os = "macos"))) {
        let french = shown(&a, "fr_FR.UTF-8", &qb.id).await;
        assert!(
            french.contains(&format!(
                "trouvées par une recherche dans AEM, par «\u{a0}{name}\u{a0}»"
            )),
            "{french}"
        );
    }
}

/// `runs show RUN` in the language `lang` (as `LANG`), its standard output.
async fn shown(a: &App, lang: &str, run: &str) -> String {
    let mut cmd = a.cli.command(&["runs", "show", run]);
    cmd.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang)
        .stdin(std::process::Stdio::null());
    let out = tokio::task::spawn_blocking(move || cmd.output_retried())
        .await
        .unwrap()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}
