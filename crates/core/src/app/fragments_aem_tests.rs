//! Content fragments against the hazards of a real AEM (issue 50), reproduced by the sandbox: a
//! model whose title is not its node name, AEM's statuses, a list that repeats its cursor, a
//! slow list cancelled from the window, a build before 21331 refusing its own ETag, an ETag too
//! long to keep, and no Sites API client kept once its run ends.

use crate::app::PreviewRequest;
use std::sync::Arc;
use std::time::Duration;

use serde_json::json;

use super::test_support::workspace_with;
use super::{ConnectionChoice, FragmentEdit, Opened, Workspace};
use metadesk_assets::fragments::MAX_ETAG_BYTES;
use metadesk_assets::{AssetRef, AssetsApi};
use metadesk_base::i18n::{Lang, Localizer};
use metadesk_bulk::{Edit, EditOp, ReportStatus};
use metadesk_credentials::secrets::RunOnlyKeychain;
use metadesk_sandbox::{Faults, FragmentFaults, SAMPLE_FOLDER, Sandbox, SandboxConfig};

/// `assets` assets in the sample folder, every `every`th a content fragment, and an OAuth
/// Server-to-Server connection to it, opened.
async fn sites(assets: usize, every: usize) -> (tempfile::TempDir, Workspace, Opened, Sandbox) {
    let sandbox = Sandbox::start(
        SandboxConfig::default()
            .with_assets(assets)
            .with_assets_per_folder(assets)
            .with_fragment_every(every)
            .with_key_bits(1024),
    )
    .await
    .unwrap();
    let oauth = sandbox.credentials().oauth_project_json.clone();
    let (dir, ws, id) = workspace_with(&sandbox, &oauth, Arc::new(RunOnlyKeychain::default()));
    let opened = ws.open(ConnectionChoice::stored(id)).await.unwrap();
    (dir, ws, opened, sandbox)
}

fn fragment_faults(sandbox: &Sandbox, fragments: FragmentFaults) {
    sandbox
        .set_faults(Faults {
            fragments,
            ..Faults::default()
        })
        .unwrap();
}

fn words(e: &metadesk_clients::error::Error, lang: Lang) -> String {
    e.localized(&Localizer::new(lang))
}

#[tokio::test]
async fn a_model_is_chosen_by_its_node_name_or_its_title() {
    let (_dir, ws, opened, _sandbox) = sites(24, 2).await;
    // The sandbox names its models as AEM does: `name` is the title ("Adventure Trip"), the
    // node name (`adventure`) only ends the model's path.
    let by_node = ws
        .list_fragments(&opened, SAMPLE_FOLDER, Some("adventure"))
        .await
        .unwrap();
    assert!(!by_node.fragments.is_empty());
    assert!(
        by_node
            .fragments
            .iter()
            .all(|f| f.model == "Adventure Trip")
    );
    for title in ["Adventure Trip", "adventure trip"] {
        let by_title = ws
            .list_fragments(&opened, SAMPLE_FOLDER, Some(title))
            .await
            .unwrap();
        assert_eq!(by_title.fragments, by_node.fragments, "{title}");
    }
    let all = ws
        .list_fragments(&opened, SAMPLE_FOLDER, None)
        .await
        .unwrap();
    let adventure = all.models.iter().find(|m| m.name == "adventure").unwrap();
    assert_eq!(adventure.title, "Adventure Trip");
    assert_eq!(adventure.fragments as usize, by_node.fragments.len());
}

#[tokio::test]
async fn statuses_are_shown_as_aem_sends_them() {
    let (_dir, ws, opened, _sandbox) = sites(24, 2).await;
    let listed = ws
        .list_fragments(&opened, SAMPLE_FOLDER, None)
        .await
        .unwrap();
    assert!(!listed.fragments.is_empty());
    for f in &listed.fragments {
        assert!(
            ["DRAFT", "MODIFIED", "UNPUBLISHED", "PUBLISHED"].contains(&f.status.as_str()),
            "{f:?}"
        );
    }
    // Never published: a draft, as AEM says it.
    assert!(listed.fragments.iter().any(|f| f.status == "DRAFT"));
}

#[tokio::test]
async fn a_list_that_repeats_its_cursor_stops_in_words() {
    // 120 fragments: pages of 50, so the list has cursors to repeat.
    let (_dir, ws, opened, sandbox) = sites(120, 1).await;
    fragment_faults(
        &sandbox,
        FragmentFaults {
            cursor_repeats: true,
            ..FragmentFaults::default()
        },
    );
    let listing = ws.list_fragments(&opened, SAMPLE_FOLDER, None);
    let e = tokio::time::timeout(Duration::from_secs(30), listing)
        .await
        .expect("the list never ended")
        .unwrap_err();
    let en = words(&e, Lang::En);
    assert!(en.contains("same page cursor twice"), "{en}");
    assert!(en.contains(SAMPLE_FOLDER), "{en}");
    let fr = words(&e, Lang::Fr);
    assert!(fr.contains("même curseur de page"), "{fr}");
    assert!(sandbox.counters().sites_list_pages <= 3);

    // The engine's paging (a preview's) stops the same way.
    let api = ws.fragments_api(&opened, None).unwrap();
    let mut offset = 0;
    let mut pages = 0;
    let e = loop {
        match api.list(SAMPLE_FOLDER, offset, 50).await {
            Ok(page) => offset = page.next_offset.expect("a list that repeats never ends"),
            Err(e) => break e,
        }
        pages += 1;
        assert!(pages < 5, "the engine's list followed a repeated cursor");
    };
    assert!(e.to_string().contains("same page cursor twice"), "{e}");
}

#[tokio::test]
async fn a_slow_listing_is_a_job_that_cancel_stops_at_once() {
    let (_dir, ws, opened, sandbox) = sites(24, 2).await;
    sandbox
        .set_faults(Faults {
            latency_ms: 60_000,
            ..Faults::default()
        })
        .unwrap();
    let cancel = async {
        for _ in 0..250 {
            if ws.jobs().describe().is_some() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        assert_eq!(
            ws.jobs().describe().as_deref(),
            Some(format!("listing the content fragments of {SAMPLE_FOLDER}").as_str())
        );
        ws.jobs().cancel().unwrap();
    };
    let listing = async {
        tokio::time::timeout(
            Duration::from_secs(10),
            ws.list_fragments(&opened, SAMPLE_FOLDER, None),
        )
        .await
        .expect("the listing did not stop when cancelled")
    };
    let ((), listed) = tokio::join!(cancel, listing);
    let e = listed.unwrap_err();
    assert_eq!(
        words(&e, Lang::En),
        format!(
            "The listing of the content fragments of {SAMPLE_FOLDER} was cancelled. Nothing was \
             written."
        )
    );
    assert!(ws.jobs().describe().is_none(), "the job ended with it");
}

#[tokio::test]
async fn an_aem_before_21331_refusing_its_own_etag_is_told_and_never_looped_on() {
    let (_dir, ws, opened, sandbox) = sites(24, 2).await;
    fragment_faults(
        &sandbox,
        FragmentFaults {
            before_21331: true,
            ..FragmentFaults::default()
        },
    );
    let edit = FragmentEdit {
        folder: SAMPLE_FOLDER.into(),
        // By its title: AEM's `name`, which a client before item 7's fix matched too, so
        // this test sees the 412 alone.
        model: Some("Adventure Trip".into()),
        list: None,
        edits: vec![Edit {
            property: "price".into(),
            op: EditOp::Set {
                values: vec!["123".into()],
            },
        }],
    };
    let preview = ws
        .preview(&opened, PreviewRequest::Fragments(edit), &|_| {})
        .await
        .unwrap();
    let n = preview.counts.pending;
    assert!(n > 0, "{preview:?}");
    let applied = ws.apply(&opened, &preview.id, None, &|_| {}).await.unwrap();
    assert_eq!(applied.counts.failed, n, "{applied:?}");
    // One refused patch a fragment: no loop on an ETag that can never be taken.
    assert_eq!(sandbox.counters().sites_patches, n);
    let report = ws
        .report_rows(&applied.id, Some(ReportStatus::Failed), 0, 100)
        .await
        .unwrap();
    for row in &report.rows {
        let reason = row.reason.as_ref().unwrap();
        let en = reason.localized(&Localizer::english());
        assert!(en.contains("releases before 21331"), "{en}");
        assert!(en.contains("Update AEM"), "{en}");
        assert!(en.contains(&row.path), "{en}");
        let fr = reason.localized(&Localizer::new(Lang::Fr));
        assert!(fr.contains("antérieures à la 21331"), "{fr}");
        assert!(row.changed_since.is_empty());
    }
}

#[tokio::test]
async fn an_etag_past_8_kb_is_refused_in_words_and_nothing_is_written() {
    let (_dir, ws, opened, sandbox) = sites(24, 2).await;
    let path = ws
        .list_fragments(&opened, SAMPLE_FOLDER, None)
        .await
        .unwrap()
        .fragments[0]
        .path
        .clone();
    let api = ws.fragments_api(&opened, None).unwrap();
    let asset = AssetRef {
        path: path.clone(),
        id: None,
    };
    // At the limit, taken.
    fragment_faults(
        &sandbox,
        FragmentFaults {
            etag_bytes: Some(MAX_ETAG_BYTES),
            ..FragmentFaults::default()
        },
    );
    let current = api.read(&asset).await.unwrap();
    assert_eq!(current.etag.map(|e| e.len()), Some(MAX_ETAG_BYTES));
    fragment_faults(
        &sandbox,
        FragmentFaults {
            etag_bytes: Some(20_000),
            ..FragmentFaults::default()
        },
    );
    let e = api.read(&asset).await.unwrap_err();
    let en = e.to_string();
    assert!(en.contains(&path), "{en}");
    assert!(en.contains("ETag of 20,000 bytes"), "{en}");
    assert!(en.contains("8,192"), "{en}");
    let write = [metadesk_assets::Write {
        property: "jcr:title".into(),
        value: Some(json!("New")),
    }];
    assert!(api.write(&asset, &write, None).await.is_err());
    assert_eq!(sandbox.counters().sites_patches, 0);
}

#[tokio::test]
async fn no_sites_api_client_outlives_its_run() {
    let (_dir, ws, opened, _sandbox) = sites(24, 2).await;
    let first = ws.fragments_api(&opened, Some("adventure")).unwrap();
    let kept = Arc::downgrade(&first);
    let second = ws.fragments_api(&opened, Some("adventure")).unwrap();
    assert!(!Arc::ptr_eq(&first, &second), "each use case opens its own");
    drop((first, second));
    let edit = FragmentEdit {
        folder: SAMPLE_FOLDER.into(),
        model: Some("adventure".into()),
        list: None,
        edits: vec![Edit {
            property: "price".into(),
            op: EditOp::Set {
                values: vec!["77".into()],
            },
        }],
    };
    for _ in 0..2 {
        let preview = ws
            .preview(&opened, PreviewRequest::Fragments(edit.clone()), &|_| {})
            .await
            .unwrap();
        ws.apply(&opened, &preview.id, None, &|_| {}).await.unwrap();
    }
    assert!(
        kept.upgrade().is_none(),
        "what a client learnt (ids, representations, cursors) is freed when its run ends"
    );
}
