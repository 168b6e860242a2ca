//! The checks of a sheet that need AEM's answer: each row's asset exists, is inside the
//! exported folder, has not changed in AEM since the export, and a field AEM holds as one
//! value is not given several.
//!
//! Not here: reading AEM (the caller lists the assets and passes what it found).

use std::collections::HashMap;

use serde_json::Value;

use super::{CellValue, Issue, Severity, Sheet};
use crate::timefmt::parse_rfc3339;

/// What AEM holds for one asset now.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AssetNow {
    /// RFC 3339.
    pub last_modified: Option<String>,
    /// `prefix:name` → value.
    pub properties: serde_json::Map<String, Value>,
}

/// Whether AEM changed the asset after the sheet's last-modified time.
pub fn changed_since_export(sheet_time: Option<&str>, now: &AssetNow) -> bool {
    match (
        sheet_time.and_then(parse_rfc3339),
        now.last_modified.as_deref().and_then(parse_rfc3339),
    ) {
        (Some(exported), Some(current)) => current > exported,
        _ => false,
    }
}

/// A row outside the folder the sheet was exported from: allowed, but said.
pub fn outside_folder(row: &super::Row, folder: &str) -> Option<Issue> {
    let folder = folder.trim_end_matches('/');
    (!row.path.starts_with(&format!("{folder}/"))).then(|| {
        Issue::new(
            Severity::Warning,
            Some(row.number),
            None,
            format!(
                "{} is outside the exported folder {folder}; it will be changed too. Delete \
                 the row if that is not meant.",
                row.path
            ),
        )
    })
}

/// The problems of `sheet`'s rows against what AEM holds (`assets`, by path; an asset that
/// is absent does not exist), with `folder` the folder the sheet is applied to.
pub fn check_against_aem(
    sheet: &Sheet,
    assets: &HashMap<String, AssetNow>,
    folder: Option<&str>,
    aem_name: &str,
) -> Vec<Issue> {
    let mut issues = Vec::new();
    let scope = folder.or(sheet.exported_folder.as_deref());
    for row in &sheet.rows {
        let Some(now) = assets.get(&row.path) else {
            issues.push(Issue::new(
                Severity::Error,
                Some(row.number),
                None,
                format!(
                    "there is no asset at {} in {aem_name}; correct the path (copy it from \
                     AEM) or delete the row.",
                    row.path
                ),
            ));
            continue;
        };
        if let Some(scope) = scope {
            issues.extend(outside_folder(row, scope));
        }
        if changed_since_export(row.last_modified.as_deref(), now) && !row.cells.is_empty() {
            issues.push(Issue::new(
                Severity::Warning,
                Some(row.number),
                None,
                format!(
                    "{} was changed in AEM ({}) after the sheet was exported ({}); its cells \
                     that differ from AEM now are not written, so that change is kept. \
                     Export again to edit it.",
                    row.path,
                    now.last_modified.as_deref().unwrap_or("?"),
                    row.last_modified.as_deref().unwrap_or("?")
                ),
            ));
        }
        for cell in &row.cells {
            let column = &sheet.columns[cell.column];
            if let CellValue::Set(values) = &cell.value
                && values.len() > 1
                && column.multi.is_none()
                && now
                    .properties
                    .get(&column.property)
                    .is_some_and(|v| !v.is_array() && !v.is_null())
            {
                issues.push(Issue::new(
                    Severity::Error,
                    Some(row.number),
                    Some(sheet.column_name(cell.column)),
                    format!(
                        "{} holds one value in AEM, but the cell has {} separated by |; keep \
                         one, or write \\| for a | that belongs to the text.",
                        column.property,
                        values.len()
                    ),
                ));
            }
        }
    }
    issues
}
