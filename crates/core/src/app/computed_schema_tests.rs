//! Values that rules compute, checked against the folder's metadata schema when the run is
//! planned, against the sandbox's `metadesk-brand` form over HTTP: a computed text outside the
//! Language dropdown's options, a Rating that is not a number and an expiry that is not a date
//! each skip their asset with that reason (the preview does not fail, nothing is written),
//! while a value the field allows is planned; the edit rows' live sample says the same.

use crate::app::PreviewRequest;
use serde_json::json;

use super::*;
use metadesk_base::i18n::Localizer;
use metadesk_bulk::{Action, Edit, EditOp, PlanRow, Progress, RunScope, ScopeFilters};
use metadesk_sandbox::{SAMPLE_FOLDER, Sandbox};

fn quiet(_: Progress) {}

async fn with_connection() -> (tempfile::TempDir, Workspace, Opened, Sandbox) {
    crate::app::test_support::sandboxed_workspace(12).await
}

fn template(property: &str, template: &str) -> Edit {
    Edit {
        property: property.into(),
        op: EditOp::Template {
            template: template.into(),
        },
    }
}

/// The sample folder's assets, content fragments aside (never edited, skipped for that).
async fn asset_paths(ws: &Workspace, opened: &Opened) -> Vec<String> {
    let listed = ws.folder_assets(opened, SAMPLE_FOLDER).await.unwrap();
    listed
        .assets
        .iter()
        .filter(|a| a.thumbnail)
        .map(|a| a.path.clone())
        .collect()
}

/// The plan rows of the assets (content fragments left out).
async fn rows(ws: &Workspace, run: &str, paths: &[String]) -> Vec<PlanRow> {
    let page = ws.preview_rows(run, None, 0, 1000).await.unwrap();
    page.rows
        .into_iter()
        .filter(|r| paths.contains(&r.path))
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn computed_values_the_schema_does_not_allow_skip_their_assets_with_why() {
    let (_d, ws, opened, sb) = with_connection().await;
    let en = Localizer::english();
    let paths = asset_paths(&ws, &opened).await;
    for path in &paths {
        assert!(sb.write_metadata(path, vec![("dc:language".into(), Some(json!("en")))]));
    }
    let folder = || SAMPLE_FOLDER.to_owned();

    // "en" → "EN": not one of the dropdown's options on any asset.
    let upper = Edit {
        property: "dc:language".into(),
        op: EditOp::Case {
            to: metadesk_bulk::compute::Case::Upper,
        },
    };
    let run = ws
        .preview(
            &opened,
            PreviewRequest::Edit {
                scope: RunScope::checked(&folder(), ScopeFilters::default()).unwrap(),
                edits: vec![upper.clone()],
            },
            &quiet,
        )
        .await
        .expect("a value outside the options is the asset's reason, not a failed preview");
    let planned = rows(&ws, &run.id, &paths).await;
    assert_eq!(planned.len(), paths.len());
    for row in &planned {
        assert_eq!(row.action, Action::Skip, "{row:?}");
        let why = row.reason.as_ref().unwrap().localized(&en);
        assert!(
            why.contains(
                "\u{201c}EN\u{201d} is not one of the values Language (dc:language) allows"
            ),
            "{why}"
        );
        assert_eq!(row.changes[0].after, row.changes[0].before, "kept as it is");
    }
    // Applying it writes nothing.
    let before = sb.counters().writes_applied;
    ws.apply(&opened, &run.id, None, &quiet).await.unwrap();
    assert_eq!(sb.counters().writes_applied, before);
    assert_eq!(
        sb.asset(&paths[0]).unwrap()["metadata"]["dc:language"],
        "en"
    );

    // Not a number, not a date: the same, in the field's words.
    for (edit, words) in [
        (template("xmp:Rating", "{dc:title}"), "Rating (xmp:Rating)"),
        (
            template("prism:expirationDate", "{name}"),
            "Expires (prism:expirationDate)",
        ),
    ] {
        let run = ws
            .preview(
                &opened,
                PreviewRequest::Edit {
                    scope: RunScope::checked(&folder(), ScopeFilters::default()).unwrap(),
                    edits: vec![edit],
                },
                &quiet,
            )
            .await
            .unwrap();
        let planned = rows(&ws, &run.id, &paths).await;
        assert!(
            planned.iter().all(|r| r.action == Action::Skip),
            "{planned:?}"
        );
        let why = planned[0].reason.as_ref().unwrap().localized(&en);
        assert!(why.contains(words), "{why}");
    }

    // A computed value the field allows is planned as a change; so is a rule on a property
    // the form does not have.
    let run = ws
        .preview(
            &opened,
            PreviewRequest::Edit {
                scope: RunScope::checked(&folder(), ScopeFilters::default()).unwrap(),
                edits: vec![
                    template("xmp:Rating", "4"),
                    template("dc:creator", "{dc:language}"),
                ],
            },
            &quiet,
        )
        .await
        .unwrap();
    assert!(
        rows(&ws, &run.id, &paths)
            .await
            .iter()
            .all(|r| r.action == Action::Change)
    );

    // The live sample under the edit rows says the same per asset.
    let mut sample = ws
        .rule_sample(
            &opened,
            &RunScope::checked(SAMPLE_FOLDER, ScopeFilters::default()).unwrap(),
            vec![upper],
        )
        .await
        .unwrap();
    sample.localize(&en);
    let change = serde_json::to_value(&sample.assets[0].changes[0]).unwrap();
    assert!(
        change["reason"]
            .as_str()
            .unwrap()
            .contains("\u{201c}EN\u{201d} is not one of the values"),
        "{change}"
    );
    assert_eq!(change["after"], "en");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_template_names_fields_by_their_labels_and_a_skip_says_the_label() {
    let (_d, ws, opened, sb) = with_connection().await;
    let en = Localizer::english();
    let paths = asset_paths(&ws, &opened).await;
    let napa = &paths[0];
    for path in &paths {
        let city = (path == napa).then(|| json!("Napa"));
        assert!(sb.write_metadata(
            path,
            vec![
                ("dc:title".into(), Some(json!("Vines"))),
                ("photoshop:City".into(), city),
            ]
        ));
    }
    // The labels the form shows (any case), and a common property's French label.
    let edit = template("dc:description", "{Title} in {city} ({Titre})");
    let run = ws
        .preview(
            &opened,
            PreviewRequest::Edit {
                scope: RunScope::checked(SAMPLE_FOLDER, ScopeFilters::default()).unwrap(),
                edits: vec![edit],
            },
            &quiet,
        )
        .await
        .expect("labels are fields");
    // The journal keeps the properties.
    assert_eq!(
        run.edit_details[0].op,
        EditOp::Template {
            template: "{dc:title} in {photoshop:City} ({dc:title})".into()
        }
    );
    for row in rows(&ws, &run.id, &paths).await {
        if &row.path == napa {
            assert_eq!(row.action, Action::Change, "{row:?}");
            assert_eq!(row.changes[0].after, Some(json!("Vines in Napa (Vines)")));
        } else {
            assert_eq!(row.action, Action::Skip, "{row:?}");
            let why = row.reason.as_ref().unwrap().localized(&en);
            assert_eq!(why, "it has no City (photoshop:City)");
        }
    }

    // A label no field has is refused, naming it.
    let refused = ws
        .preview(
            &opened,
            PreviewRequest::Edit {
                scope: RunScope::checked(SAMPLE_FOLDER, ScopeFilters::default()).unwrap(),
                edits: vec![template("dc:description", "{Titel}")],
            },
            &quiet,
        )
        .await
        .unwrap_err()
        .localized(&en);
    assert!(
        refused.contains("names {Titel}, which is no field here"),
        "{refused}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn emptying_a_required_field_is_said_and_applied_only_once_acknowledged() {
    let (_d, ws, opened, sb) = with_connection().await;
    let en = Localizer::english();
    let paths = asset_paths(&ws, &opened).await;
    for path in &paths {
        assert!(sb.write_metadata(path, vec![("dc:title".into(), Some(json!("Vines")))]));
    }
    let clear = Edit {
        property: "dc:title".into(),
        op: EditOp::Clear,
    };
    let run = ws
        .preview(
            &opened,
            PreviewRequest::Edit {
                scope: RunScope::checked(SAMPLE_FOLDER, ScopeFilters::default()).unwrap(),
                edits: vec![clear],
            },
            &quiet,
        )
        .await
        .unwrap();
    assert_eq!(
        run.emptied_required,
        vec![metadesk_bulk::EmptiedRequired {
            property: "dc:title".into(),
            label: "Title".into(),
            assets: paths.len() as u64,
        }]
    );
    let before = sb.counters().writes_applied;
    let refused = ws
        .apply(&opened, &run.id, None, &quiet)
        .await
        .unwrap_err()
        .localized(&en);
    assert!(
        refused.contains("leaves fields the metadata form requires empty: Title (dc:title)"),
        "{refused}"
    );
    assert_eq!(
        sb.counters().writes_applied,
        before,
        "something was written"
    );
    let request = metadesk_bulk::ApplyRequest {
        run_id: run.id.clone(),
        confirm_name: None,
        empty_required: true,
        republish: false,
    };
    let applied = ws.apply_request(&opened, &request, &quiet).await.unwrap();
    assert_eq!(applied.counts.changed, paths.len() as u64);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_number_outside_the_range_the_form_gives_is_refused_saying_the_range() {
    let (_d, ws, opened, _sb) = with_connection().await;
    let schema = ws
        .folder_schema(&opened, SAMPLE_FOLDER, false)
        .await
        .unwrap();
    let rating = schema.schema.as_ref().unwrap().field("xmp:Rating").unwrap();
    assert_eq!(
        (rating.min.as_deref(), rating.max.as_deref()),
        (Some("0"), Some("5"))
    );
    let nine = Edit {
        property: "xmp:Rating".into(),
        op: EditOp::Set {
            values: vec!["9".into()],
        },
    };
    let refused = ws
        .check_edits_against_schema(&opened, SAMPLE_FOLDER, &[nine])
        .await
        .unwrap_err()
        .localized(&Localizer::english());
    assert!(
        refused
            .contains("\u{201c}9\u{201d} is outside what Rating (xmp:Rating) takes: from 0 to 5"),
        "{refused}"
    );
}
