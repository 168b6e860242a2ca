//! A sheet's cells checked against the metadata schema of each row's folder before its
//! preview: a value outside a dropdown's options, not a number or not a date is an error of
//! its cell (row and column named); a read-only column, an error of each row that changes it.
//! A schema that cannot be read is said once, as a warning of the sheet.
//!
//! Not here: the sheet's own checks (`metadesk_sheets`), the import (`app/sheets/import.rs`).

use metadesk_assets::schema::{ValueProblem, check_value};
use metadesk_base::i18n::SavedText;
use metadesk_sheets::{CellValue, Issue, Severity, Sheet};

use super::{OwnForms, SchemaReads};
use crate::app::{Opened, Workspace};

impl Workspace {
    /// The problems the schemas of the rows' folders find in `sheet`'s cells (rows in `skip`
    /// left out). A row whose folder cannot be read is not checked: its preview says why.
    pub(crate) async fn schema_issues(
        &self,
        opened: &Opened,
        sheet: &Sheet,
        skip: &std::collections::BTreeSet<u32>,
    ) -> Vec<Issue> {
        let mut issues = Vec::new();
        let mut said: Vec<SavedText> = Vec::new();
        let folder_of = |row: &metadesk_sheets::Row| {
            row.path
                .rsplit_once('/')
                .map_or(String::new(), |(f, _)| f.to_owned())
        };
        let rows = || sheet.rows.iter().filter(|r| !skip.contains(&r.number));
        let folders: std::collections::BTreeSet<String> = rows().map(folder_of).collect();
        let via = SchemaReads::aem(opened.connected.assets.as_ref());
        let own_forms = self
            .read_own_forms(
                opened,
                via,
                folders.iter().map(String::as_str),
                &OwnForms::new(),
            )
            .await;
        for row in rows() {
            let folder = folder_of(row);
            let Ok(schema) = self
                .folder_schema_from(opened, via, &folder, false, &own_forms)
                .await
            else {
                continue;
            };
            if let Some(why) = &schema.unavailable {
                let why = SavedText::from(why);
                if !said.contains(&why) {
                    issues.push(Issue::with_reason(
                        Severity::Warning,
                        None,
                        None,
                        why.clone(),
                    ));
                    said.push(why);
                }
                continue;
            }
            for cell in &row.cells {
                let Some(field) = schema.field(&sheet.columns[cell.column].property) else {
                    continue;
                };
                let problems: Vec<ValueProblem> = match &cell.value {
                    _ if field.read_only => vec![ValueProblem::ReadOnly],
                    CellValue::Set(values) => values
                        .iter()
                        .filter_map(|v| check_value(field, v).err())
                        .collect(),
                    CellValue::Clear => vec![],
                };
                for p in problems {
                    issues.push(Issue::with_reason(
                        Severity::Error,
                        Some(row.number),
                        Some(sheet.column_name(cell.column)),
                        SavedText::from(&p.text(field)),
                    ));
                }
            }
        }
        issues
    }
}
