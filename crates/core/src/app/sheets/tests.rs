use super::*;
use metadesk_sheets::Severity;
use std::path::PathBuf;

use super::export::with_extension_of;
use super::import::common_folder;

#[test]
fn an_export_s_unread_assets_are_worded_in_the_reader_s_language() {
    let export = SheetExport {
        assets: 1,
        unlisted_folders: Vec::new(),
        unread: vec![SavedText::new(
            "sheet-export-unread-line",
            [
                ("line", 3.into()),
                ("entry", "/content/dam/x.jpg".into()),
                (
                    "why",
                    serde_json::to_value(SavedText::new("reason-list-not-found", [])).unwrap(),
                ),
            ],
        )],
        ..SheetExport::default()
    };
    let words = |lang| {
        let mut e = export.clone();
        e.localize(&Localizer::new(lang));
        serde_json::to_value(&e.unread).unwrap()
    };
    assert_eq!(
        words(metadesk_base::i18n::Lang::Fr),
        serde_json::json!([
            "ligne 3 (/content/dam/x.jpg)\u{a0}: introuvable dans AEM (ou invisible pour cette connexion)"
        ])
    );
    assert_eq!(
        words(metadesk_base::i18n::Lang::En),
        serde_json::json!([
            "line 3 (/content/dam/x.jpg): not found in AEM (or this connection may not see it)"
        ])
    );
}

#[test]
fn a_saved_export_gets_the_ending_of_its_format() {
    let t = |name: &str, f| with_extension_of(PathBuf::from(name), f);
    assert_eq!(
        t("/d/shots.xlsx", SheetFormat::Xlsx),
        PathBuf::from("/d/shots.xlsx")
    );
    assert_eq!(
        t("/d/shots", SheetFormat::Xlsx),
        PathBuf::from("/d/shots.xlsx")
    );
    assert_eq!(
        t("/d/shots.CSV", SheetFormat::Csv),
        PathBuf::from("/d/shots.CSV")
    );
    assert_eq!(
        t("/d/shots.xlsx", SheetFormat::Csv),
        PathBuf::from("/d/shots.xlsx.csv")
    );
}

#[test]
fn the_problems_of_a_sheet_as_csv_with_formula_looking_text_kept_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("problems.csv");
    let issues = vec![
        Issue {
            severity: Severity::Error,
            row: Some(7),
            column: Some("D (Title (dc:title))".into()),
            message: "Row 7, column D (Title (dc:title)): =HYPERLINK is a formula".into(),
            problem: None,
        },
        Issue {
            severity: Severity::Warning,
            row: None,
            column: None,
            message: "Éclair, a warning".into(),
            problem: None,
        },
    ];
    assert_eq!(
        write_issues_csv(&issues, &Localizer::english(), &target).unwrap(),
        "problems.csv"
    );
    let text = std::fs::read_to_string(&target).unwrap();
    assert_eq!(
        text,
        "\u{feff}Row,Column,Severity,Problem\r\n\
         7,D (Title (dc:title)),error,\"Row 7, column D (Title (dc:title)): =HYPERLINK is a formula\"\r\n\
         ,,warning,\"Éclair, a warning\"\r\n"
    );
}

/// An import's answer with `n` problems (every third a warning), on row 2, 3, …
fn import_with_problems(n: u32) -> SheetImport {
    let issues = (0..n)
        .map(|i| {
            let severity = if i % 3 == 0 {
                Severity::Warning
            } else {
                Severity::Error
            };
            Issue::with_reason(
                severity,
                Some(i + 2),
                None,
                SavedText::new("sheet-row-without-path", []),
            )
        })
        .collect();
    SheetImport {
        import_id: String::new(),
        file_name: "many.csv".into(),
        format: metadesk_base::i18n::Text::new("sheet-format-csv", vec![]),
        rows: u64::from(n),
        issue_counts: IssueCounts::default(),
        issues,
        skipped_rows: Vec::new(),
        run: None,
    }
}

fn workspace(dir: &std::path::Path) -> crate::app::Workspace {
    let keychain = std::sync::Arc::new(metadesk_credentials::secrets::RunOnlyKeychain::default());
    crate::app::Workspace::new(metadesk_store::dirs::AppDirs::under(dir), keychain).unwrap()
}

#[test]
fn a_thousand_problems_answer_a_first_page_with_the_counts_then_later_pages_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let ws = workspace(dir.path());
    let answer = ws.keep_issues(import_with_problems(1000));
    assert_eq!(answer.issues.len(), FIRST_ISSUES);
    assert_eq!(FIRST_ISSUES, 200);
    assert_eq!(
        answer.issue_counts,
        IssueCounts {
            errors: 666,
            warnings: 334,
            total: 1000
        }
    );
    assert!(answer.has_errors());
    let rows = |issues: &[Issue]| issues.iter().map(|i| i.row.unwrap()).collect::<Vec<_>>();
    assert_eq!(rows(&answer.issues), (2..202).collect::<Vec<_>>());
    let id = &answer.import_id;
    let mut seen = rows(&answer.issues);
    let mut offset = answer.issues.len();
    loop {
        let page = ws.sheet_issues(id, IssueFilter::All, offset, 300).unwrap();
        assert_eq!(page.total, 1000);
        if page.issues.is_empty() {
            break;
        }
        offset += page.issues.len();
        seen.extend(rows(&page.issues));
    }
    assert_eq!(seen, (2..1002).collect::<Vec<_>>());
    // The filter is the core's: the warnings alone, counted and paged.
    let warnings = ws.sheet_issues(id, IssueFilter::Warnings, 10, 5).unwrap();
    assert_eq!(warnings.total, 334);
    assert_eq!(rows(&warnings.issues), vec![32, 35, 38, 41, 44]);
    let errors = ws.sheet_issues(id, IssueFilter::Errors, 0, 2).unwrap();
    assert_eq!((errors.total, rows(&errors.issues)), (666, vec![3, 4]));
    // A page is capped, whatever is asked.
    let big = ws
        .sheet_issues(id, IssueFilter::All, 0, usize::MAX)
        .unwrap();
    assert_eq!(big.issues.len(), MAX_ISSUES_PAGE);
    // The export writes them all, from the core, in the reader's language.
    let target = dir.path().join("problems.csv");
    let fr = Localizer::new(metadesk_base::i18n::Lang::Fr);
    ws.export_sheet_issues(id, &target, &fr).unwrap();
    let text = std::fs::read_to_string(&target).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1001, "{}", &text[..300]);
    assert!(lines[1].starts_with("2,,warning,Ligne 2"), "{}", lines[1]);
    assert!(lines[1000].starts_with("1001,,"), "{}", lines[1000]);
}

#[test]
fn only_the_last_imports_keep_their_problems() {
    let dir = tempfile::tempdir().unwrap();
    let ws = workspace(dir.path());
    let first = ws.keep_issues(import_with_problems(3)).import_id;
    for _ in 0..3 {
        ws.keep_issues(import_with_problems(3));
    }
    let gone = ws
        .sheet_issues(&first, IssueFilter::All, 0, 10)
        .unwrap_err();
    let words = gone.localized(&Localizer::english());
    assert!(words.contains("no longer on hand"), "{words}");
    let target = dir.path().join("p.csv");
    assert!(
        ws.export_sheet_issues(&first, &target, &Localizer::english())
            .is_err()
    );
    assert!(!target.exists());
}

#[test]
fn a_file_too_large_to_be_a_sheet_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.csv");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(MAX_SHEET_BYTES + 1).unwrap();
    let err = read_sheet_file(&path).unwrap_err().to_string();
    assert!(
        err.contains("huge.csv is 256 MB, too large for a sheet"),
        "{err}"
    );
    let err = read_sheet_file(&dir.path().join("gone.csv"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("could not read gone.csv"), "{err}");
    let fr = metadesk_base::i18n::Localizer::new(metadesk_base::i18n::Lang::Fr);
    let words = read_sheet_file(&dir.path().join("gone.csv"))
        .unwrap_err()
        .localized(&fr);
    assert_eq!(
        words,
        "impossible de lire gone.csv\u{a0}: le fichier ou le dossier n’existe pas"
    );
    metadesk_base::i18n::checks::assert_reads_french(&words);
}

#[test]
fn the_common_folder_of_a_sheet() {
    assert_eq!(
        common_folder(["/content/dam/a/b/x.jpg", "/content/dam/a/c/y.jpg"].into_iter()),
        "/content/dam/a"
    );
    assert_eq!(
        common_folder(["/content/dam/x.jpg"].into_iter()),
        "/content/dam"
    );
}

/// Without the regular-file check, the FIFO hung the read and `/dev/zero` read until the
/// memory ran out (the size check passes: a device says it holds 0 bytes).
#[cfg(unix)]
#[test]
fn a_sheet_that_is_a_pipe_or_a_device_is_refused_at_once() {
    use metadesk_credentials::regular_file::testing::{pipes_and_devices, within_seconds};
    let dir = tempfile::tempdir().unwrap();
    for path in pipes_and_devices(dir.path(), "sheet.csv") {
        let shown = path.display().to_string();
        let err = within_seconds(move || read_sheet_file(&path))
            .unwrap_err()
            .to_string();
        assert!(err.contains("not a regular file"), "{shown}: {err}");
    }
}

/// The export's suggested file name: a folder's last name; a list's shared folder, not the
/// DAM's root its scope starts from; "list" when the entries name no folder.
#[test]
fn an_export_suggests_its_folder_or_its_lists_folder_for_a_name() {
    use metadesk_bulk::{RunScope, ScopeFilters, ScopeSource};
    let folder =
        RunScope::checked("/content/dam/wknd/en/adventures", ScopeFilters::default()).unwrap();
    assert_eq!(
        super::export_file_name(&folder, "xlsx"),
        "metadesk-adventures.xlsx"
    );
    let list = |entries: &[&str]| {
        let filters = ScopeFilters {
            selection: Some(ScopeSource::List {
                entries: entries.iter().map(|e| (*e).to_owned()).collect(),
            }),
            ..ScopeFilters::default()
        };
        RunScope::checked("/content/dam", filters).unwrap()
    };
    let shared = list(&[
        "/content/dam/wknd/en/surf/a.jpg",
        " /content/dam/wknd/en/surf/b.jpg ",
        "/content/dam/wknd/en/surf/waves/c.jpg",
    ]);
    assert_eq!(super::export_file_name(&shared, "csv"), "metadesk-surf.csv");
    let links = list(&["urn:aaid:aem:1234"]);
    assert_eq!(
        super::export_file_name(&links, "xlsx"),
        "metadesk-list.xlsx"
    );
}
