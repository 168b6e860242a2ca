//! The system's file dialogs the commands open: each one's title and file filter, in the
//! window's language (the app's `dialog-…` messages), set on a dialog parented to the window.
//!
//! Not here: what is done with the file picked (the commands), the file names suggested.

use metadesk_core::i18n::{Localizer, arg};
use metadesk_core::sheets::SHEET_EXTENSIONS;
use tauri::{AppHandle, Runtime, WebviewWindow};
use tauri_plugin_dialog::{DialogExt, FileDialogBuilder};

/// Which dialog a command opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialog {
    CredentialFiles,
    ReportCsv,
    SheetExportXlsx,
    SheetExportCsv,
    TaxonomyExport,
    SheetImport,
    SheetProblems,
    ListFile,
    ConsoleCsv,
    ConsoleJson,
    FieldReport,
}

impl Dialog {
    /// The title's message id, and the filter's message id with the extensions it shows.
    fn parts(self) -> (&'static str, &'static str, &'static [&'static str]) {
        use metadesk_core::app::LIST_EXTENSIONS;
        const CSV: &[&str] = &["csv"];
        const JSON: &[&str] = &["json"];
        match self {
            Dialog::CredentialFiles => (
                "dialog-credentials-title",
                "dialog-filter-credentials",
                JSON,
            ),
            Dialog::ReportCsv => ("dialog-report-title", "dialog-filter-csv", CSV),
            Dialog::SheetExportXlsx => {
                ("dialog-sheet-export-title", "dialog-filter-xlsx", &["xlsx"])
            }
            Dialog::SheetExportCsv => ("dialog-sheet-export-title", "dialog-filter-csv", CSV),
            Dialog::TaxonomyExport => (
                "dialog-tags-export-title",
                "dialog-filter-sheets",
                &["xlsx", "csv"],
            ),
            Dialog::SheetImport => (
                "dialog-sheet-import-title",
                "dialog-filter-sheets",
                SHEET_EXTENSIONS,
            ),
            Dialog::SheetProblems => ("dialog-problems-title", "dialog-filter-csv", CSV),
            Dialog::ListFile => ("dialog-list-title", "dialog-filter-lists", LIST_EXTENSIONS),
            Dialog::ConsoleCsv => ("dialog-console-title", "dialog-filter-csv", CSV),
            Dialog::ConsoleJson => ("dialog-console-title", "dialog-filter-json", JSON),
            Dialog::FieldReport => ("dialog-field-report-title", "dialog-filter-json", JSON),
        }
    }

    /// The title and the filter's label in `l`'s language (`CSV files (.csv)`), and the
    /// extensions the filter lets through.
    pub fn words(self, l: &Localizer) -> (String, String, &'static [&'static str]) {
        let (title, filter, extensions) = self.parts();
        let shown: Vec<String> = extensions.iter().map(|e| format!(".{e}")).collect();
        let label = l.msg(filter, &[("extensions", arg(shown.join(", ")))]);
        (l.text(title), label, extensions)
    }

    /// The dialog, titled and filtered in `l`'s language, over `window`.
    pub fn builder<R: Runtime>(
        self,
        app: &AppHandle<R>,
        window: &WebviewWindow<R>,
        l: &Localizer,
    ) -> FileDialogBuilder<R> {
        let (title, label, extensions) = self.words(l);
        app.dialog()
            .file()
            .set_title(title)
            .add_filter(label, extensions)
            .set_parent(window)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use metadesk_core::i18n::Lang;

    #[test]
    fn titles_and_filters_are_in_the_windows_language() {
        let fr = Localizer::new(Lang::Fr);
        let (title, label, extensions) = Dialog::ReportCsv.words(&fr);
        assert_eq!(title, "Exporter le rapport en CSV");
        assert_eq!(label, "Fichiers CSV (.csv)");
        assert_eq!(extensions, &["csv"]);
        let (title, label, _) = Dialog::SheetImport.words(&fr);
        assert_eq!(title, "Importer une feuille de calcul");
        assert_eq!(label, "Feuilles de calcul (.xlsx, .xlsm, .xls, .ods, .csv)");
        let en = Localizer::english();
        assert_eq!(
            Dialog::CredentialFiles.words(&en).1,
            "Credential files (.json)"
        );
    }

    #[test]
    fn no_dialog_says_english_in_french() {
        let en = Localizer::english();
        let fr = Localizer::new(Lang::Fr);
        for dialog in [
            Dialog::CredentialFiles,
            Dialog::ReportCsv,
            Dialog::SheetExportXlsx,
            Dialog::SheetExportCsv,
            Dialog::TaxonomyExport,
            Dialog::SheetImport,
            Dialog::SheetProblems,
            Dialog::ListFile,
            Dialog::ConsoleCsv,
            Dialog::ConsoleJson,
            Dialog::FieldReport,
        ] {
            let (en_title, en_label, _) = dialog.words(&en);
            let (fr_title, fr_label, _) = dialog.words(&fr);
            assert_ne!(en_title, fr_title, "{dialog:?}");
            assert_ne!(en_label, fr_label, "{dialog:?}");
        }
    }
}
