//! The bulk engine against the sandbox over the classic Assets HTTP API: every edit kind,
//! preview = apply, paging, subfolders, folders and content fragments untouched, faults
//! (5xx, dropped connections, 429/406 bursts, a token revoked mid-run), undo, and a read-only
//! account stopping the run.

// Test helpers panic on unexpected errors, like the tests themselves.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::bulk_support::English;
use metadesk_core::bulk::RunSource;
use std::sync::Arc;
use std::sync::atomic::Ordering;

use metadesk_core::assets::ClassicAssets;
use metadesk_core::bulk::concurrency::ControllerConfig;
use metadesk_core::bulk::{
    Action, Edit, EditOp, Engine, ReportRow, ReportStatus, RunControl, RunStatus, Settings,
    run_history, runs,
};
use metadesk_core::credentials::ApiFamily;
use metadesk_sandbox::{Faults, SAMPLE_FOLDER};
use serde_json::json;

use crate::bulk_support::*;

fn report(dir: &std::path::Path, id: &str) -> Vec<ReportRow> {
    let mut rows = Vec::new();
    runs::report(&dir.join("runs"), id, |r| {
        rows.push(r);
        Ok(())
    })
    .unwrap();
    rows
}

/// Every row's `after` is what the sandbox now holds; skipped rows were not written.
fn assert_state_matches_preview(sb: &metadesk_sandbox::Sandbox, dir: &std::path::Path, id: &str) {
    for row in runs::preview_page(&dir.join("runs"), id, None, 0, 100_000)
        .unwrap()
        .rows
    {
        let state = sb.asset(&row.path).unwrap();
        if row.action == Action::Skip {
            assert!(
                state["writes"].as_object().is_none_or(|w| w.is_empty()),
                "{} was written",
                row.path
            );
            continue;
        }
        for c in &row.changes {
            assert_eq!(
                state["metadata"].get(&c.property),
                c.after.as_ref(),
                "{} {}",
                row.path,
                c.property
            );
        }
    }
}

#[tokio::test]
async fn set_previews_then_applies_exactly_across_pages() {
    let sb = sandbox(200).await;
    let dir = tempfile::tempdir().unwrap();
    // The folder walked page by page (not searched), to see what its listing carries.
    let e = engine(classic(&sb), dir.path()).with_settings(Settings {
        check_folders: false,
        ..settings()
    });
    let p = e
        .plan(
            RunSource::Scope(spec(
                &sb,
                ApiFamily::Classic,
                SAMPLE_FOLDER,
                vec![set("metadata/dc:rights", "WKND Limited Use")],
            )),
            &RunControl::new(),
            &quiet(),
        )
        .await
        .unwrap();
    assert!(
        p.counts.assets > 20,
        "more than one page of 10: {:?}",
        p.counts
    );
    let rows = runs::preview_page(&dir.path().join("runs"), &p.id, None, 0, 1000)
        .unwrap()
        .rows;
    let cf = rows.iter().filter(|r| r.action == Action::Skip).count();
    assert!(cf >= 1, "the sample folder holds a content fragment");
    assert_eq!(sb.counters().writes_applied, 0, "a preview writes nothing");
    // Where the listing shows a dc:rights value, it is used; an asset whose entry shows none
    // may still have one the listing leaves out, so it is read.
    let unlisted = rows
        .iter()
        .filter(|r| r.action != Action::Skip)
        .filter(|r| metadata(&sb, &r.path).get("dc:rights").is_none())
        .count() as u64;
    assert!(
        unlisted > 0 && unlisted < p.counts.assets - cf as u64,
        "some assets have rights and some do not: {unlisted}"
    );
    assert_eq!(
        sb.counters()
            .requests
            .get("GET")
            .map(|m| m.values().sum::<u64>())
            .unwrap(),
        p.counts.assets.div_ceil(10) + unlisted,
        "one GET per listing page, and one per asset whose entry shows no dc:rights"
    );

    let s = e.apply(&p.id, &RunControl::new(), &quiet()).await.unwrap();
    assert_eq!(s.status, RunStatus::Completed);
    assert_eq!(s.counts.changed, p.counts.pending);
    assert_eq!(s.counts.failed, 0);
    assert_eq!(sb.counters().writes_applied, s.counts.changed);
    assert_state_matches_preview(&sb, dir.path(), &p.id);
    let r = report(dir.path(), &p.id);
    assert_eq!(r.len() as u64, p.counts.assets, "every asset accounted for");
}

#[tokio::test]
async fn multi_valued_edits_recursive_without_touching_folders() {
    let sb = sandbox(300).await;
    let dir = tempfile::tempdir().unwrap();
    let e = engine(classic(&sb), dir.path());
    let parent = SAMPLE_FOLDER.rsplit_once('/').unwrap().0.to_owned();
    let edits = vec![
        Edit {
            property: "dc:subject".into(),
            op: EditOp::Append {
                values: values(&["metadesk", "outdoor"]),
            },
        },
        Edit {
            property: "cq:tags".into(),
            op: EditOp::Append {
                values: values(&["wknd:activity/cycling"]),
            },
        },
        Edit {
            property: "dc:rights".into(),
            op: EditOp::Clear,
        },
    ];
    let sp = filtered(spec(&sb, ApiFamily::Classic, &parent, edits), |f| {
        f.recursive = true
    });
    let flat = e
        .plan(
            RunSource::Scope(spec(&sb, ApiFamily::Classic, &parent, sp.edits.clone())),
            &RunControl::new(),
            &quiet(),
        )
        .await
        .unwrap();
    let p = e
        .plan(RunSource::Scope(sp), &RunControl::new(), &quiet())
        .await
        .unwrap();
    assert!(
        p.counts.assets > flat.counts.assets,
        "subfolders add assets: {:?} vs {:?}",
        p.counts,
        flat.counts
    );
    let s = e.apply(&p.id, &RunControl::new(), &quiet()).await.unwrap();
    assert_eq!((s.counts.failed, s.counts.pending), (0, 0));
    assert_state_matches_preview(&sb, dir.path(), &p.id);
    let rows = runs::preview_page(&dir.path().join("runs"), &p.id, None, 0, 100_000)
        .unwrap()
        .rows;
    let changed = rows.iter().find(|r| r.action == Action::Change).unwrap();
    let md = metadata(&sb, &changed.path);
    let subjects = md["dc:subject"].as_array().unwrap();
    assert!(subjects.contains(&json!("metadesk")));
    assert_eq!(
        subjects.iter().filter(|s| *s == "outdoor").count(),
        1,
        "no duplicates"
    );
    assert!(!md.contains_key("dc:rights"));
    // Folders: no PUT went to a folder (every PUT is one of the planned assets).
    assert_eq!(sb.counters().writes_applied, s.counts.changed);

    // Remove what was appended: the multi-valued property shrinks back.
    let rm = vec![Edit {
        property: "dc:subject".into(),
        op: EditOp::Remove {
            values: values(&["metadesk"]),
        },
    }];
    let p2 = e
        .plan(
            RunSource::Scope(spec(&sb, ApiFamily::Classic, SAMPLE_FOLDER, rm)),
            &RunControl::new(),
            &quiet(),
        )
        .await
        .unwrap();
    e.apply(&p2.id, &RunControl::new(), &quiet()).await.unwrap();
    for row in runs::preview_page(&dir.path().join("runs"), &p2.id, None, 0, 1000)
        .unwrap()
        .rows
    {
        if row.action != Action::Skip {
            assert!(
                !metadata(&sb, &row.path)["dc:subject"]
                    .as_array()
                    .unwrap()
                    .contains(&json!("metadesk"))
            );
        }
    }
}

#[tokio::test]
async fn faults_end_as_the_preview_said_with_an_exact_report() {
    for status in [429u16, 406] {
        let sb = sandbox(200).await;
        let dir = tempfile::tempdir().unwrap();
        // xmpRights:UsageTerms is not in the listing: the preview walking the folder reads
        // every asset (not taking the values from search hits, to meet the faults).
        let e = engine(classic(&sb), dir.path()).with_settings(Settings {
            check_folders: false,
            ..settings()
        });
        let sp = spec(
            &sb,
            ApiFamily::Classic,
            SAMPLE_FOLDER,
            vec![
                set("dc:rights", "Faulty but fine"),
                set("xmpRights:UsageTerms", "Faulty terms"),
            ],
        );
        let faults = Faults {
            latency_ms: 2,
            error_rate: 0.2,
            drop_rate: 0.1,
            // The first requests are throttled however slowly a machine sends (under Wine the
            // preview's dropped connections and their back-offs kept it under any rate), and
            // the rate throttles a fast machine's bursts too.
            throttle_first: 3,
            throttle_rps: Some(30),
            throttle_status: status,
            ..Faults::default()
        };
        // Reads: dropped connections and throttles (error_rate fails writes only).
        sb.set_faults(faults.clone()).unwrap();
        let p = e
            .plan(RunSource::Scope(sp), &RunControl::new(), &quiet())
            .await
            .unwrap();
        let after_preview = sb.counters();
        assert!(
            after_preview.dropped_connections > 0
                && after_preview.throttled > 0
                && after_preview.count("GET", status) > 0,
            "{status}: the preview met faults: {after_preview:?}"
        );
        let rows = runs::preview_page(&dir.path().join("runs"), &p.id, None, 0, 1000)
            .unwrap()
            .rows;
        for row in rows.iter().filter(|r| r.action == Action::Skip) {
            assert!(
                row.reason
                    .english()
                    .as_deref()
                    .unwrap()
                    .contains("content fragment"),
                "{status}: only content fragments are skipped, every read was retried: {row:?}"
            );
        }
        let read_ok = after_preview.count("GET", 200);
        let listed = rows.len() as u64;
        assert!(
            read_ok >= listed,
            "{status}: every asset read ({read_ok} GETs answered for {listed} rows)"
        );
        for row in rows.iter().filter(|r| r.action == Action::Change) {
            let md = metadata(&sb, &row.path);
            for c in &row.changes {
                assert_eq!(md.get(&c.property), c.before.as_ref(), "{}", row.path);
            }
        }

        // Writes: 5xx, dropped connections and throttles.
        let s = e.apply(&p.id, &RunControl::new(), &quiet()).await.unwrap();
        let c = sb.counters();
        // 5xx and dropped connections, not necessarily throttles: a batched apply sends a
        // handful of requests (a check and a POST per 100 assets), which a slow machine (Wine)
        // may send under the rate. The preview above met the throttle.
        assert!(
            c.injected_errors > 0 && c.dropped_connections > after_preview.dropped_connections,
            "{status}: the apply met faults: {c:?} (after the preview: {after_preview:?})"
        );
        assert_eq!(s.status, RunStatus::Completed, "{s:?}");
        assert_eq!(
            (s.counts.changed, s.counts.failed),
            (p.counts.pending, 0),
            "{status}: {:?}",
            s.counts
        );
        assert_state_matches_preview(&sb, dir.path(), &p.id);
        let r = report(dir.path(), &p.id);
        assert_eq!(r.len() as u64, p.counts.assets, "every asset accounted for");
        assert_eq!(
            r.iter()
                .filter(|r| r.status == ReportStatus::Changed)
                .count() as u64,
            s.counts.changed
        );
        assert_eq!(
            r.iter()
                .filter(|r| r.status == ReportStatus::Skipped)
                .count() as u64,
            p.counts.skipped
        );
    }
}

#[tokio::test]
async fn a_token_revoked_mid_run_is_reminted_once_and_the_run_completes() {
    let sb = Arc::new(sandbox(200).await);
    let dir = tempfile::tempdir().unwrap();
    let mint = {
        let sb = sb.clone();
        move || sb.issue_dev_token("dev.user@metadesk.example", false)
    };
    let auth = Arc::new(Reminting {
        current: std::sync::Mutex::new(sb.credentials().dev_token.clone()),
        mint: Box::new(mint),
        renewals: Default::default(),
    });
    let aem = Arc::new(ClassicAssets::new(client(&sb, auth.clone())));
    let e = engine(aem, dir.path());
    let p = e
        .plan(
            RunSource::Scope(spec(
                &sb,
                ApiFamily::Classic,
                SAMPLE_FOLDER,
                vec![set("dc:rights", "R2")],
            )),
            &RunControl::new(),
            &quiet(),
        )
        .await
        .unwrap();
    // Each token stops working after 5 more requests (the apply sends about 11: a check and a
    // write per batch of 8, and a CSRF token).
    sb.set_faults(Faults {
        revoke_after: Some(sb.counters().requests_total + 5),
        ..Faults::default()
    })
    .unwrap();
    let s = e.apply(&p.id, &RunControl::new(), &quiet()).await.unwrap();
    assert_eq!(
        (s.status, s.counts.failed),
        (RunStatus::Completed, 0),
        "{s:?}"
    );
    assert!(auth.renewals.load(Ordering::SeqCst) >= 1);
    assert_state_matches_preview(&sb, dir.path(), &p.id);
}

#[tokio::test]
async fn a_token_that_cannot_be_renewed_stops_the_run_and_resume_finishes_it() {
    let sb = sandbox(200).await;
    let dir = tempfile::tempdir().unwrap();
    let e = engine(classic(&sb), dir.path());
    let p = e
        .plan(
            RunSource::Scope(spec(
                &sb,
                ApiFamily::Classic,
                SAMPLE_FOLDER,
                vec![set("dc:rights", "R3")],
            )),
            &RunControl::new(),
            &quiet(),
        )
        .await
        .unwrap();
    sb.set_faults(Faults {
        revoke_after: Some(sb.counters().requests_total + 8),
        ..Faults::default()
    })
    .unwrap();
    let stopped = e.apply(&p.id, &RunControl::new(), &quiet()).await.unwrap();
    assert_eq!(stopped.status, RunStatus::Stopped);
    assert!(
        stopped.counts.pending > 0 && stopped.counts.failed == 0,
        "{:?}",
        stopped.counts
    );
    assert!(stopped.reason.is_some());
    // A new token (the user re-imports the dev token): resume does exactly what is left.
    sb.set_faults(Faults::default()).unwrap();
    let fresh = sb.issue_dev_token("dev.user@metadesk.example", false);
    let e2 = engine(
        Arc::new(ClassicAssets::new(client(&sb, bearer(&fresh, None)))),
        dir.path(),
    );
    let puts_before = sb.counters().writes_applied;
    let s = e2.apply(&p.id, &RunControl::new(), &quiet()).await.unwrap();
    assert_eq!(
        (s.status, s.counts.pending, s.counts.failed),
        (RunStatus::Completed, 0, 0)
    );
    assert_eq!(s.counts.changed, p.counts.pending);
    assert_eq!(
        sb.counters().writes_applied - puts_before,
        stopped.counts.pending,
        "only what was left is written"
    );
    assert_state_matches_preview(&sb, dir.path(), &p.id);
}

#[tokio::test]
async fn undo_restores_every_original_value() {
    let sb = sandbox(200).await;
    let dir = tempfile::tempdir().unwrap();
    let e = engine(classic(&sb), dir.path());
    let originals: Vec<(String, Option<serde_json::Value>)> = runs::preview_page(
        &dir.path().join("runs"),
        &e.plan(
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
        .unwrap()
        .id,
        None,
        0,
        1000,
    )
    .unwrap()
    .rows
    .into_iter()
    .filter(|r| r.action != Action::Skip)
    .map(|r| {
        (
            r.path.clone(),
            metadata(&sb, &r.path).get("dc:rights").cloned(),
        )
    })
    .collect();
    assert!(
        originals.iter().any(|(_, v)| v.is_none()),
        "some assets start without rights"
    );
    let edits = vec![
        set("dc:rights", "Undo me"),
        Edit {
            property: "dc:subject".into(),
            op: EditOp::Append {
                values: values(&["temp"]),
            },
        },
    ];
    let p = e
        .plan(
            RunSource::Scope(spec(&sb, ApiFamily::Classic, SAMPLE_FOLDER, edits)),
            &RunControl::new(),
            &quiet(),
        )
        .await
        .unwrap();
    e.apply(&p.id, &RunControl::new(), &quiet()).await.unwrap();
    let u = e
        .plan(RunSource::undo(&p.id), &RunControl::new(), &quiet())
        .await
        .unwrap();
    let u = e.apply(&u.id, &RunControl::new(), &quiet()).await.unwrap();
    assert_eq!((u.status, u.counts.failed), (RunStatus::Completed, 0));
    for (path, rights) in originals {
        let md = metadata(&sb, &path);
        assert_eq!(md.get("dc:rights"), rights.as_ref(), "{path}");
        assert!(
            !md["dc:subject"]
                .as_array()
                .unwrap()
                .contains(&json!("temp")),
            "{path}"
        );
    }
    let history = run_history::list(&dir.path().join("runs")).unwrap();
    assert_eq!(history[0].id, u.id);
    assert_eq!(history.len(), 3);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_read_only_technical_account_stops_the_run_after_five_refusals() {
    let sb = sandbox(200).await;
    let creds = sb.credentials();
    let (connected, _home) = connect_stored(&sb, &creds.read_only_service_credentials_json);
    let dir = tempfile::tempdir().unwrap();
    let limit = 4;
    let e =
        Engine::new(connected.assets.clone(), dir.path().join("runs")).with_settings(Settings {
            controller: ControllerConfig {
                max: limit,
                ..settings().controller
            },
            ..settings()
        });
    let mut sp = spec(
        &sb,
        ApiFamily::Classic,
        SAMPLE_FOLDER,
        vec![set("dc:rights", "nope")],
    );
    sp.account = connected.account.clone();
    let p = e
        .plan(RunSource::Scope(sp), &RunControl::new(), &quiet())
        .await
        .unwrap();
    assert!(p.counts.pending > 20, "{:?}", p.counts);
    let s = e.apply(&p.id, &RunControl::new(), &quiet()).await.unwrap();
    assert_eq!(s.status, RunStatus::Stopped, "{s:?}");
    let reason = s.reason.english().unwrap();
    assert!(
        reason.contains("refused the first 5 changes (403)")
            && reason.contains(&format!(
                "the technical account {}",
                creds.read_only_technical_account_email
            ))
            && reason.contains("may not change the assets it tried"),
        "{reason}"
    );
    // The refusals are about the account, not the assets: nothing failed, everything waits
    // for a resume once write access is given.
    assert_eq!(
        (s.counts.changed, s.counts.failed, s.counts.pending),
        (0, 0, p.counts.pending),
        "{:?}",
        s.counts
    );
    let refused = sb.counters().count("PUT", 403);
    assert!(
        (5..=5 + limit as u64).contains(&refused),
        "{refused} writes sent: none after the stop but those already in flight"
    );
    let r = report(dir.path(), &p.id);
    assert_eq!(
        r.iter()
            .filter(|r| r.status == ReportStatus::Pending)
            .count() as u64,
        p.counts.pending
    );
    assert!(r.iter().all(|r| r.status != ReportStatus::Failed));
}

#[tokio::test]
async fn a_host_gone_during_the_apply_fails_each_asset_in_words() {
    let sb = sandbox(100).await;
    let dir = tempfile::tempdir().unwrap();
    let e = engine(classic(&sb), dir.path());
    let p = e
        .plan(
            RunSource::Scope(spec(
                &sb,
                ApiFamily::Classic,
                SAMPLE_FOLDER,
                vec![set("dc:rights", "never written")],
            )),
            &RunControl::new(),
            &quiet(),
        )
        .await
        .unwrap();
    assert!(p.counts.pending > 0);
    // `http://127.0.0.1:PORT`: the words name the host.
    let host = sb.base_url()["http://".len()..]
        .split(':')
        .next()
        .unwrap()
        .to_owned();
    sb.shutdown().await;
    let s = e.apply(&p.id, &RunControl::new(), &quiet()).await.unwrap();
    assert_eq!(
        (s.status, s.counts.failed, s.counts.changed),
        (RunStatus::Completed, p.counts.pending, 0)
    );
    for row in report(dir.path(), &p.id)
        .into_iter()
        .filter(|r| r.status == ReportStatus::Failed)
    {
        let reason = row.reason.english().unwrap();
        assert!(
            reason.starts_with(&format!("Could not reach {host}: "))
                && reason.contains("(6 attempts); AEM did not confirm the change")
                && reason.ends_with("Retry the failed assets to try again."),
            "{reason}"
        );
    }
}

#[tokio::test]
/// The classic write paths have no If-Match, so every classic write is preceded by a check of
/// its asset (that nobody changed it since the preview), whatever the edit: one QueryBuilder
/// request per batch, just before the batch's write.
async fn classic_writes_check_each_batch_just_before_writing_it() {
    let clear = Edit {
        property: "dc:rights".into(),
        op: EditOp::Clear,
    };
    let append = Edit {
        property: "dc:subject".into(),
        op: EditOp::Append {
            values: values(&["read-first"]),
        },
    };
    let remove = Edit {
        property: "dc:subject".into(),
        op: EditOp::Remove {
            values: values(&["read-first"]),
        },
    };
    let sb = sandbox(100).await;
    let dir = tempfile::tempdir().unwrap();
    let e = engine(classic(&sb), dir.path());
    let gets = || {
        sb.counters()
            .requests
            .get("GET")
            .map_or(0, |m| m.values().sum::<u64>())
    };
    let cases = [
        vec![set("dc:rights", "set after reading")],
        vec![clear],
        vec![append],
        vec![remove],
    ];
    for edits in cases {
        let p = e
            .plan(
                RunSource::Scope(spec(&sb, ApiFamily::Classic, SAMPLE_FOLDER, edits.clone())),
                &RunControl::new(),
                &quiet(),
            )
            .await
            .unwrap();
        assert!(p.counts.pending > 0, "{edits:?}: {:?}", p.counts);
        let before = gets();
        let s = e.apply(&p.id, &RunControl::new(), &quiet()).await.unwrap();
        assert_eq!(s.counts.changed, p.counts.pending, "{edits:?}");
        let reads = gets() - before;
        // One check per batch of 8, plus the CSRF token the first batch write fetches.
        let batches = s.counts.changed.div_ceil(8);
        assert!(
            (batches..=batches + 1).contains(&reads),
            "{edits:?}: {reads} GETs during the apply for {batches} batches"
        );
        assert_state_matches_preview(&sb, dir.path(), &p.id);
    }
}
