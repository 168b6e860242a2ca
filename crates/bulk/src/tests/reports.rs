//! The CSV report as a spreadsheet reads it: values AEM users typed stay text.

use super::*;
use crate::RunSource;
use metadesk_base::timefmt::parse_rfc3339;

/// Values anyone with DAM access can type, which Excel and LibreOffice would run as formulas.
const HOSTILE: [&str; 7] = [
    "=HYPERLINK(\"http://x\",\"y\")",
    "+1+2",
    "-2+3",
    "@SUM(A1)",
    "\tcmd",
    "\rcmd",
    "=a,\"b\"",
];

#[tokio::test]
async fn report_cells_that_a_spreadsheet_would_run_are_written_as_text() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, HOSTILE.len(), |k| json!({"dc:rights": HOSTILE[k]}));
    let dir = tempfile::tempdir().unwrap();
    let e = engine(fake.clone(), dir.path());
    let p = e
        .plan(
            RunSource::Scope(spec(ApiFamily::Classic, vec![set("dc:rights", "=1+1")])),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    let mut out = Vec::new();
    report_csv::write_csv(
        &dir.path().join("runs"),
        &p.id,
        report_csv::CsvOptions {
            words: &metadesk_base::i18n::Localizer::english(),
            localized_headers: false,
        },
        &mut out,
    )
    .unwrap();
    let mut reader = csv::Reader::from_reader(out.as_slice());
    assert_eq!(
        reader.headers().unwrap(),
        vec![
            "path",
            "status",
            "reason",
            "dc:rights before",
            "dc:rights after"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), HOSTILE.len());
    for (k, row) in rows.iter().enumerate() {
        assert_eq!(&row[0], format!("{F}/a{k:03}.jpg"));
        // The value itself, behind the quote that makes a spreadsheet show it as text.
        assert_eq!(&row[3], format!("'{}", HOSTILE[k]), "row {k}");
        assert_eq!(&row[4], "'=1+1", "row {k}");
        for cell in row.iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "row {k}: {cell:?}"
            );
        }
    }
}

#[test]
fn ordinary_text_is_left_alone() {
    assert_eq!(
        metadesk_base::spreadsheet::spreadsheet_text("a-b = c"),
        "a-b = c"
    );
    assert_eq!(metadesk_base::spreadsheet::spreadsheet_text(""), "");
    assert_eq!(metadesk_base::spreadsheet::spreadsheet_text("'=x"), "'=x");
}

/// The report of a run whose values were already as wanted, as CSV in `l`'s language.
async fn csv_of_an_unchanged_run(
    l: &metadesk_base::i18n::Localizer,
    localized_headers: bool,
) -> String {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, 1, |_| json!({"dc:rights": "R"}));
    let dir = tempfile::tempdir().unwrap();
    let e = engine(fake.clone(), dir.path());
    let p = e
        .plan(
            RunSource::Scope(spec(ApiFamily::Classic, vec![set("dc:rights", "R")])),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    let mut out = Vec::new();
    let options = report_csv::CsvOptions {
        words: l,
        localized_headers,
    };
    report_csv::write_csv(&dir.path().join("runs"), &p.id, options, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[tokio::test]
async fn a_french_report_keeps_its_keys_unless_headers_in_french_are_asked_for() {
    let fr = metadesk_base::i18n::Localizer::new(metadesk_base::i18n::Lang::Fr);
    let keys = csv_of_an_unchanged_run(&fr, false).await;
    assert_eq!(
        keys,
        format!(
            "path,status,reason,dc:rights before,dc:rights after\n\
             {F}/a000.jpg,unchanged,déjà comme souhaité lors de l’aperçu,R,R\n"
        )
    );
    let headed = csv_of_an_unchanged_run(&fr, true).await;
    assert!(
        headed.starts_with("Chemin,Statut,Raison,dc:rights avant,dc:rights après\n"),
        "{headed}"
    );
    // The values stay machine-readable keys.
    assert!(headed.contains(",unchanged,"), "{headed}");
    let en = metadesk_base::i18n::Localizer::english();
    let english = csv_of_an_unchanged_run(&en, true).await;
    assert!(
        english.starts_with("Path,Status,Reason,dc:rights before,dc:rights after\n"),
        "{english}"
    );
    assert!(english.contains(",unchanged,already as wanted at the preview,"));
}

/// A journal written before reasons had ids: every reason is plain English text.
#[tokio::test]
async fn a_journal_with_reasons_in_plain_text_is_read_and_shown_as_it_is() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, 2, |_| json!({"dc:rights": "old"}));
    let dir = tempfile::tempdir().unwrap();
    let e = engine(fake.clone(), dir.path());
    let p = e
        .plan(
            RunSource::Scope(spec(ApiFamily::Classic, vec![set("dc:rights", "new")])),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    // A run of today says which search found its assets; the old journal below does not.
    assert_eq!(
        p.found_by,
        Some(crate::found_by::FoundBy::FolderListing { connection: None })
    );
    let runs_dir = dir.path().join("runs");
    let path = runs_dir.join(format!("{}.jsonl", p.id));
    let journal = std::fs::read_to_string(&path).unwrap();
    let definition = journal.lines().next().unwrap();
    let old = [
        definition.to_owned(),
        json!({"t": "row", "i": 0, "path": format!("{F}/a000.jpg"), "action": "skip",
               "reason": "content fragment: an asset edit leaves it as it is (content fragments have an edit of their own: “Content fragments” in Bulk edit)",
               "changes": []})
        .to_string(),
        json!({"t": "row", "i": 1, "path": format!("{F}/a001.jpg"), "action": "change",
               "changes": [{"property": "dc:rights", "before": "old", "after": "new"}]})
        .to_string(),
        json!({"t": "previewed", "at": "2026-01-01T10:00:00Z",
               "counts": {"assets": 2, "willChange": 1, "unchanged": 0, "skipped": 1,
                          "filteredOut": 0, "folders": 0}})
        .to_string(),
        json!({"t": "apply_started", "at": "2026-01-01T10:01:00Z"}).to_string(),
        json!({"t": "outcome", "i": 1, "outcome": "failed",
               "reason": "the asset no longer exists (404): it was moved or deleted after the preview"})
        .to_string(),
        json!({"t": "ended", "at": "2026-01-01T10:02:00Z", "status": "stopped",
               "reason": "The development token has expired."})
        .to_string(),
    ];
    std::fs::write(&path, old.join("\n") + "\n").unwrap();

    let fr = metadesk_base::i18n::Localizer::new(metadesk_base::i18n::Lang::Fr);
    let mut summary = runs::summary(&runs_dir, &p.id).unwrap();
    assert_eq!(
        summary.found_by, None,
        "an old journal loads, and says no found_by"
    );
    summary.localize(&fr);
    assert_eq!(
        serde_json::to_value(&summary).unwrap()["reason"],
        "The development token has expired."
    );
    let mut page = runs::report_page(&runs_dir, &p.id, None, 0, 10).unwrap();
    page.localize(&fr);
    let reasons: Vec<_> = page
        .rows
        .iter()
        .map(|r| serde_json::to_value(&r.reason).unwrap())
        .collect();
    assert_eq!(
        reasons,
        [
            json!(
                "content fragment: an asset edit leaves it as it is (content fragments have an edit of their own: “Content fragments” in Bulk edit)"
            ),
            json!("the asset no longer exists (404): it was moved or deleted after the preview"),
        ]
    );
    let mut out = Vec::new();
    let options = report_csv::CsvOptions {
        words: &fr,
        localized_headers: false,
    };
    report_csv::write_csv(&runs_dir, &p.id, options, &mut out).unwrap();
    let csv = String::from_utf8(out).unwrap();
    assert!(
        csv.contains(",failed,the asset no longer exists (404)"),
        "{csv}"
    );
}

/// A journal written before "which search found the assets" had one name keeps it as `finder`.
#[tokio::test]
async fn a_journal_that_says_finder_still_says_which_search_found_the_assets() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, 1, |_| json!({"dc:rights": "old"}));
    let dir = tempfile::tempdir().unwrap();
    let e = engine(fake.clone(), dir.path());
    let p = e
        .plan(
            RunSource::Scope(spec(ApiFamily::Classic, vec![set("dc:rights", "new")])),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    let runs_dir = dir.path().join("runs");
    let path = runs_dir.join(format!("{}.jsonl", p.id));
    let journal = std::fs::read_to_string(&path).unwrap();
    assert!(journal.contains("\"found_by\":"), "{journal}");
    std::fs::write(&path, journal.replace("\"found_by\":", "\"finder\":")).unwrap();

    let summary = runs::summary(&runs_dir, &p.id).unwrap();
    assert_eq!(
        summary.found_by,
        Some(crate::found_by::FoundBy::FolderListing { connection: None })
    );
}

#[tokio::test]
async fn a_preview_says_until_when_it_is_fresh_and_an_apply_says_when_it_started() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, 2, |_| json!({"dc:rights": "old"}));
    let dir = tempfile::tempdir().unwrap();
    let e = engine(fake.clone(), dir.path());
    let p = e
        .plan(
            RunSource::Scope(spec(ApiFamily::Classic, vec![set("dc:rights", "new")])),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    let runs_dir = dir.path().join("runs");
    let previewed = runs::summary(&runs_dir, &p.id).unwrap();
    let at = parse_rfc3339(previewed.previewed_at.as_deref().unwrap()).unwrap();
    let until = parse_rfc3339(previewed.preview_fresh_until.as_deref().unwrap()).unwrap();
    assert_eq!(until - at, runs::PREVIEW_FRESH_FOR);
    assert_eq!(previewed.applied_at, None);
    e.apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    let applied = runs::summary(&runs_dir, &p.id).unwrap();
    assert!(
        applied
            .applied_at
            .as_deref()
            .and_then(parse_rfc3339)
            .unwrap()
            >= at
    );
    assert_eq!(
        applied.preview_fresh_until, None,
        "an applied run is not applied again from its preview"
    );
}
