//! Content fragment edits against the sandbox's Sites API: the patch built against a fresh
//! read, the fields' types and options checked before anything is sent, a colleague's change
//! since the preview kept, rich text edited in its text only, the undo, and the refusal of a
//! connection that cannot reach the Sites API.

use crate::app::PreviewRequest;
use std::sync::Arc;

use serde_json::{Value, json};

use super::test_support::workspace_with;
use super::{ConnectionChoice, FragmentEdit, Opened, RunAction, Workspace};
use metadesk_base::i18n::Localizer;
use metadesk_bulk::{Edit, EditOp, ReportStatus, RunStatus};
use metadesk_credentials::secrets::RunOnlyKeychain;
use metadesk_sandbox::{SAMPLE_FOLDER, Sandbox, SandboxConfig};

/// 24 assets in the sample folder, every other one a content fragment (articles, and every
/// fourth an adventure), and an OAuth Server-to-Server connection to it, opened.
async fn fragments_workspace() -> (tempfile::TempDir, Workspace, Opened, Sandbox) {
    let sandbox = Sandbox::start(
        SandboxConfig::default()
            .with_assets(24)
            .with_assets_per_folder(24)
            .with_fragment_every(2)
            .with_key_bits(1024),
    )
    .await
    .unwrap();
    let oauth = sandbox.credentials().oauth_project_json.clone();
    let (dir, ws, id) = workspace_with(&sandbox, &oauth, Arc::new(RunOnlyKeychain::default()));
    let opened = ws.open(ConnectionChoice::stored(id)).await.unwrap();
    (dir, ws, opened, sandbox)
}

fn set(field: &str, values: &[&str]) -> Edit {
    Edit {
        property: field.into(),
        op: EditOp::Set {
            values: values.iter().map(|v| v.to_string()).collect(),
        },
    }
}

fn request(model: Option<&str>, edits: Vec<Edit>) -> FragmentEdit {
    FragmentEdit {
        folder: SAMPLE_FOLDER.into(),
        model: model.map(str::to_owned),
        list: None,
        edits,
    }
}

/// The values of `field` of the fragment at `path`, as the Sites API holds them.
fn values(sandbox: &Sandbox, path: &str, field: &str) -> Value {
    let state = sandbox.fragment_state(path).unwrap();
    state["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == field)
        .map(|f| f["values"].clone())
        .unwrap_or(Value::Null)
}

#[tokio::test]
async fn a_models_field_is_set_applied_and_undone() {
    let (_dir, ws, opened, sandbox) = fragments_workspace().await;
    let listed = ws
        .list_fragments(&opened, SAMPLE_FOLDER, Some("adventure"))
        .await
        .unwrap();
    assert!(!listed.fragments.is_empty());
    // The model's title, as AEM names it.
    assert!(listed.fragments.iter().all(|f| f.model == "Adventure Trip"));
    let difficulty = listed.fields.field("difficulty").unwrap();
    assert_eq!(difficulty.options.len(), 3);
    assert!(!difficulty.multiple);
    let paths: Vec<String> = listed.fragments.iter().map(|f| f.path.clone()).collect();
    let before: Vec<Value> = paths
        .iter()
        .map(|p| values(&sandbox, p, "difficulty"))
        .collect();

    let preview = ws
        .preview(
            &opened,
            PreviewRequest::Fragments(request(
                Some("adventure"),
                vec![set("difficulty", &["challenging"])],
            )),
            &|_| {},
        )
        .await
        .unwrap();
    assert_eq!(preview.status, RunStatus::Previewed);
    assert!(preview.fragments.is_some());
    let patches_before = sandbox.counters().sites_patches;
    assert_eq!(patches_before, 0, "a preview writes nothing");
    let applied = ws.apply(&opened, &preview.id, None, &|_| {}).await.unwrap();
    assert_eq!(applied.status, RunStatus::Completed);
    for p in &paths {
        assert_eq!(
            values(&sandbox, p, "difficulty"),
            json!(["challenging"]),
            "{p}"
        );
    }
    // Three list pages (the listing above, the preview's check, its plan); then, as each use
    // case has its own client, the apply asks each fragment's id (a list of its path), reads
    // the representation its patch indexes, and writes it.
    let c = sandbox.counters();
    let n = paths.len() as u64;
    assert!(
        c.sites_list_pages + c.sites_reads + c.sites_patches <= 3 * n + 3,
        "{c:?}"
    );

    let (_, opened_again) = ws
        .open_for_run(
            &applied.id,
            ConnectionChoice::RunsOwn { paired_with: None },
            RunAction::Undo,
        )
        .await
        .unwrap();
    let undo = ws
        .preview(
            &opened_again,
            PreviewRequest::Undo {
                of: applied.id.clone(),
            },
            &|_| {},
        )
        .await
        .unwrap();
    let undone = ws
        .apply(&opened_again, &undo.id, None, &|_| {})
        .await
        .unwrap();
    assert_eq!(undone.status, RunStatus::Completed);
    let after: Vec<Value> = paths
        .iter()
        .map(|p| values(&sandbox, p, "difficulty"))
        .collect();
    assert_eq!(after, before);
}

/// The adventures as listed, and a preview setting their difficulty.
async fn preview_adventures(
    ws: &Workspace,
    opened: &Opened,
) -> (super::FragmentList, metadesk_bulk::RunSummary) {
    let listed = ws
        .list_fragments(opened, SAMPLE_FOLDER, Some("adventure"))
        .await
        .unwrap();
    let preview = ws
        .preview(
            opened,
            PreviewRequest::Fragments(request(
                Some("adventure"),
                vec![set("difficulty", &["challenging"])],
            )),
            &|_| {},
        )
        .await
        .unwrap();
    (listed, preview)
}

/// A fragment keeps one identity: its preview and report rows carry the title and model the
/// list showed, not only the node name of its path.
#[tokio::test]
async fn preview_and_report_rows_name_each_fragment_by_its_title_and_model() {
    let (_dir, ws, opened, _sandbox) = fragments_workspace().await;
    let (listed, preview) = preview_adventures(&ws, &opened).await;
    let named = |path: &str| {
        let f = listed.fragments.iter().find(|f| f.path == path).unwrap();
        Some(metadesk_assets::fragments::FragmentName {
            title: f.title.clone(),
            model: f.model.clone(),
        })
    };
    let rows = ws.preview_rows(&preview.id, None, 0, 100).await.unwrap();
    assert_eq!(rows.rows.len(), listed.fragments.len());
    for row in &rows.rows {
        assert_eq!(row.fragment, named(&row.path), "{}", row.path);
        assert!(!row.fragment.as_ref().unwrap().title.is_empty());
    }
    let applied = ws.apply(&opened, &preview.id, None, &|_| {}).await.unwrap();
    let report = ws.report_rows(&applied.id, None, 0, 100).await.unwrap();
    assert!(!report.rows.is_empty());
    for row in &report.rows {
        assert_eq!(row.fragment, named(&row.path), "{}", row.path);
    }
}

/// Issue 68: a fragments preview says where each fragment stands on the website, as an asset
/// edit's does, from the status the Sites API gives (`DRAFT` never published, `PUBLISHED`,
/// `MODIFIED` changed since, `UNPUBLISHED`), so the window can say which live ones stay out of
/// date until republished.
#[tokio::test]
async fn a_fragments_preview_says_where_each_fragment_stands_on_the_website() {
    use metadesk_assets::publication::PublicationState;
    let (_dir, ws, opened, sandbox) = fragments_workspace().await;
    let first = ws
        .list_fragments(&opened, SAMPLE_FOLDER, Some("adventure"))
        .await
        .unwrap();
    // One live, one taken off; the others as the seed left them.
    assert!(sandbox.replicate_as(&first.fragments[0].path, true, "admin"));
    assert!(sandbox.replicate_as(&first.fragments[1].path, true, "admin"));
    assert!(sandbox.replicate_as(&first.fragments[1].path, false, "admin"));
    let (listed, preview) = preview_adventures(&ws, &opened).await;
    let rows = ws.preview_rows(&preview.id, None, 0, 100).await.unwrap();
    assert_eq!(rows.rows.len(), listed.fragments.len());
    for row in &rows.rows {
        let status = &listed
            .fragments
            .iter()
            .find(|f| f.path == row.path)
            .unwrap()
            .status;
        let expected = match status.as_str() {
            "DRAFT" | "NEW" => PublicationState::NeverPublished,
            "PUBLISHED" => PublicationState::UpToDate,
            "MODIFIED" => PublicationState::Modified,
            "UNPUBLISHED" => PublicationState::Unpublished,
            other => panic!("status {other}"),
        };
        assert_eq!(row.publication, Some(expected), "{} ({status})", row.path);
    }
    let live =
        |r: &&metadesk_bulk::PlanRow| r.publication.is_some_and(PublicationState::is_published);
    let on_website = rows.rows.iter().filter(live).count() as u64;
    assert!(on_website > 0, "the seed publishes some fragments");
    assert!(
        on_website < rows.rows.len() as u64,
        "and leaves some unpublished"
    );
    let changing_live = rows
        .rows
        .iter()
        .filter(live)
        .filter(|r| r.action == metadesk_bulk::Action::Change)
        .count() as u64;
    assert_eq!(preview.to_change_on_website, Some(changing_live));
    let counts = preview.publication.expect("the preview counts the states");
    assert_eq!(counts.up_to_date + counts.modified, on_website);
}

#[tokio::test]
async fn a_colleagues_change_since_the_preview_is_kept_and_reported() {
    let (_dir, ws, opened, sandbox) = fragments_workspace().await;
    let preview = ws
        .preview(
            &opened,
            PreviewRequest::Fragments(request(
                Some("article"),
                vec![set("author", &["Desk Team"])],
            )),
            &|_| {},
        )
        .await
        .unwrap();
    let rows = ws
        .preview_rows(&preview.id, Some(metadesk_bulk::Action::Change), 0, 100)
        .await
        .unwrap();
    let theirs = rows.rows[0].path.clone();
    sandbox
        .edit_fragment(&theirs, "author", vec![json!("A Colleague")])
        .unwrap();
    let applied = ws.apply(&opened, &preview.id, None, &|_| {}).await.unwrap();
    assert_eq!(applied.counts.failed, 1, "{applied:?}");
    assert_eq!(values(&sandbox, &theirs, "author"), json!(["A Colleague"]));
    let report = ws
        .report_rows(&applied.id, Some(ReportStatus::Failed), 0, 10)
        .await
        .unwrap();
    let row = &report.rows[0];
    assert_eq!(row.path, theirs);
    assert_eq!(row.status, ReportStatus::Failed);
    assert_eq!(row.changed_since.len(), 1);
    let reason = row
        .reason
        .as_ref()
        .unwrap()
        .localized(&Localizer::english());
    assert!(reason.contains("A Colleague"), "{reason}");
    // The report's bars per folder: every asset once, the failed one among them.
    let folders = ws.run_folders(&applied.id).await.unwrap();
    assert_eq!(folders.more_folders, 0);
    let sum = |pick: fn(&metadesk_bulk::by_folder::FolderOutcome) -> u64| {
        folders.folders.iter().map(pick).sum::<u64>()
    };
    assert_eq!(sum(|f| f.counts.failed), 1);
    assert_eq!(sum(|f| f.counts.changed), applied.counts.changed);
    assert_eq!(sum(|f| f.counts.assets), applied.counts.assets);
    for other in rows.rows.iter().skip(1) {
        assert_eq!(
            values(&sandbox, &other.path, "author"),
            json!(["Desk Team"])
        );
    }
}

#[tokio::test]
async fn rich_text_is_replaced_in_its_text_only() {
    let (_dir, ws, opened, sandbox) = fragments_workspace().await;
    let listed = ws
        .list_fragments(&opened, SAMPLE_FOLDER, Some("article"))
        .await
        .unwrap();
    let path = listed.fragments[0].path.clone();
    sandbox
        .edit_fragment(
            &path,
            "main",
            vec![json!("<p class=\"Join\">Join <b>us</b> &amp; Join</p>")],
        )
        .unwrap();
    let replace = Edit {
        property: "main".into(),
        op: EditOp::Replace {
            find: "Join".into(),
            replace: "Meet".into(),
            regex: false,
            ignore_case: false,
            whole_word: false,
        },
    };
    let preview = ws
        .preview(
            &opened,
            PreviewRequest::Fragments(request(Some("article"), vec![replace])),
            &|_| {},
        )
        .await
        .unwrap();
    ws.apply(&opened, &preview.id, None, &|_| {}).await.unwrap();
    assert_eq!(
        values(&sandbox, &path, "main"),
        json!(["<p class=\"Join\">Meet <b>us</b> &amp; Meet</p>"])
    );
}

#[tokio::test]
async fn values_a_field_cannot_take_are_refused_in_words_before_anything_is_sent() {
    let (_dir, ws, opened, sandbox) = fragments_workspace().await;
    let runs_before = ws.list_runs().await.unwrap().len();
    let en = Localizer::english();
    let refused = |edits: Vec<Edit>| {
        let ws = &ws;
        let opened = &opened;
        async move {
            ws.preview(
                opened,
                PreviewRequest::Fragments(request(Some("adventure"), edits)),
                &|_| {},
            )
            .await
            .unwrap_err()
            .localized(&Localizer::english())
        }
    };
    let m = refused(vec![set("difficulty", &["extreme"])]).await;
    assert!(
        m.contains("“extreme” is not one of the values Difficulty"),
        "{m}"
    );
    let m = refused(vec![set("price", &["cheap"])]).await;
    assert!(m.contains("“cheap” is not a number"), "{m}");
    let m = refused(vec![set("difficulty", &["easy", "moderate"])]).await;
    assert!(m.contains("Difficulty (difficulty) takes one value"), "{m}");
    let m = refused(vec![Edit {
        property: "price".into(),
        op: EditOp::Append {
            values: vec!["3".into()],
        },
    }])
    .await;
    assert!(m.contains("Price (price) holds one value"), "{m}");
    let m = refused(vec![set("heroImage", &["sunset.jpg"])]).await;
    assert!(m.contains("a path such as /content/dam/"), "{m}");
    let m = refused(vec![set("colour", &["red"])]).await;
    assert!(m.contains("no fragment here has a field colour"), "{m}");
    let m = refused(vec![set("heroImage", &[""])]).await;
    assert!(m.contains("heroImage"), "{m}");
    let m = refused(vec![set("dc:title", &["x"])]).await;
    assert!(m.contains("is not a content fragment field name"), "{m}");
    assert_eq!(sandbox.counters().sites_patches, 0);
    assert_eq!(sandbox.counters().sites_reads, 0, "no fragment was read");
    assert_eq!(ws.list_runs().await.unwrap().len(), runs_before, "no run");
    let _ = en;
}

#[tokio::test]
async fn a_connection_of_another_kind_is_told_so_before_anything_is_sent() {
    let (_dir, ws, _opened, sandbox) = fragments_workspace().await;
    let service = sandbox.credentials().service_credentials_json.clone();
    let (_dir2, ws2, id) = workspace_with(&sandbox, &service, Arc::new(RunOnlyKeychain::default()));
    let opened = ws2.open(ConnectionChoice::stored(id)).await.unwrap();
    let before = sandbox.counters().requests_total;
    let m = ws2
        .preview(
            &opened,
            PreviewRequest::Fragments(request(None, vec![set("author", &["x"])])),
            &|_| {},
        )
        .await
        .unwrap_err()
        .localized(&Localizer::english());
    assert!(m.contains("cannot edit content fragments"), "{m}");
    assert!(m.contains("OAuth Server-to-Server"), "{m}");
    let m = ws2
        .list_fragments(&opened, SAMPLE_FOLDER, None)
        .await
        .unwrap_err()
        .localized(&Localizer::english());
    assert!(m.contains("cannot edit content fragments"), "{m}");
    assert_eq!(
        sandbox.counters().requests_total,
        before,
        "nothing was sent"
    );
    drop(ws);
}

/// AEM's Sites API throttles (429 with Retry-After): the run waits and goes on, every fragment
/// written once, none failed.
#[tokio::test]
async fn a_throttled_sites_api_slows_the_run_and_every_fragment_is_written() {
    let (_dir, ws, opened, sandbox) = fragments_workspace().await;
    let preview = ws
        .preview(
            &opened,
            PreviewRequest::Fragments(request(
                Some("article"),
                vec![set("author", &["Desk Team"])],
            )),
            &|_| {},
        )
        .await
        .unwrap();
    sandbox
        .set_faults(metadesk_sandbox::Faults {
            throttle_rps: Some(5),
            throttle_status: 429,
            ..metadesk_sandbox::Faults::default()
        })
        .unwrap();
    let applied = ws.apply(&opened, &preview.id, None, &|_| {}).await.unwrap();
    assert_eq!(applied.status, RunStatus::Completed, "{applied:?}");
    assert_eq!(applied.counts.failed, 0);
    assert!(
        sandbox.counters().throttled > 0,
        "the throttle never answered"
    );
    let rows = ws.preview_rows(&preview.id, None, 0, 100).await.unwrap();
    for row in &rows.rows {
        assert_eq!(values(&sandbox, &row.path, "author"), json!(["Desk Team"]));
    }
}

/// Issue 68: a fragments run's changes are republished as an asset edit's are: the preview
/// plans the live fragments it changed, the apply publishes them through the Sites API (their
/// OAuth Server-to-Server connection's way), and the website then serves the new value; one
/// never published is left alone.
#[tokio::test]
async fn a_fragments_run_is_republished_and_the_website_serves_the_new_values() {
    let (_dir, ws, opened, sandbox) = fragments_workspace().await;
    let listed = ws
        .list_fragments(&opened, SAMPLE_FOLDER, Some("adventure"))
        .await
        .unwrap();
    let live = listed.fragments[0].path.clone();
    assert!(sandbox.replicate_as(&live, true, "admin"));
    let draft = listed
        .fragments
        .iter()
        .find(|f| f.status == "DRAFT" && f.path != live)
        .map(|f| f.path.clone());
    let title = "Republished with Metadesk";
    let edit = ws
        .preview(
            &opened,
            PreviewRequest::Fragments(request(
                Some("adventure"),
                vec![set(metadesk_assets::fragments::TITLE, &[title])],
            )),
            &|_| {},
        )
        .await
        .unwrap();
    let applied = ws.apply(&opened, &edit.id, None, &|_| {}).await.unwrap();
    assert!(applied.counts.changed > 0);
    let served = |path: &str| {
        sandbox
            .published(path, false)
            .map(|m| m["dc:title"].clone())
    };
    assert_ne!(
        served(&live),
        Some(json!(title)),
        "the website still shows the old title"
    );

    let republish = ws
        .preview(
            &opened,
            PreviewRequest::Republish {
                of: applied.id.clone(),
                agent: metadesk_bulk::Agent::Publish,
            },
            &|_| {},
        )
        .await
        .unwrap();
    let rows = ws.preview_rows(&republish.id, None, 0, 100).await.unwrap();
    let row = |path: &str| rows.rows.iter().find(|r| r.path == path);
    assert_eq!(
        row(&live).map(|r| r.action),
        Some(metadesk_bulk::Action::Change),
        "the live fragment is to be republished"
    );
    if let Some(draft) = &draft {
        assert_ne!(
            row(draft).map(|r| r.action),
            Some(metadesk_bulk::Action::Change),
            "a fragment never published stays off the website"
        );
    }
    let done = ws
        .apply(&opened, &republish.id, None, &|_| {})
        .await
        .unwrap();
    assert_eq!(done.status, RunStatus::Completed, "{done:?}");
    assert_eq!(
        served(&live),
        Some(json!(title)),
        "the website serves the new title"
    );
    assert_eq!(
        sandbox.fragment_state(&live).unwrap()["status"],
        "PUBLISHED"
    );
    if let Some(draft) = &draft {
        assert!(sandbox.published(draft, false).is_none());
    }
}
