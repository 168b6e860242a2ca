//! Bulk edit's form checked by the core, as typed: the edits' property names, the name
//! pattern, a search's conditions, a pasted list and a sheet's extra properties, each with the
//! problem the preview (or the CLI) would refuse it with, in the window's words. The window asks
//! once typing settles and keeps only what is purely display ("nothing typed yet"), so no rule
//! is written twice (issue 43). Nothing is sent to AEM.
//!
//! Not here: the folder typed (`scope_requests::check_folder`), the rules of a computed edit
//! (`rules::validate_edits`, through the preview and `rule_sample`), the schema's checks
//! (`schemas/`).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use metadesk_base::i18n::Localizer;
use metadesk_bulk::scope::check_name_pattern;
use metadesk_bulk::{Condition, Scope};
use metadesk_clients::error::Result;

/// What the window has typed, as it would send it; an empty field is the window's to say.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FormCheckRequest {
    /// The edits' properties, one per row (`dc:title`, `metadata/dc:rights`).
    #[serde(default)]
    pub properties: Vec<String>,
    /// The folder's name pattern (`*.jpg`); none or empty for every name.
    #[serde(default)]
    pub name: Option<String>,
    /// A search's conditions, one per row.
    #[serde(default)]
    pub conditions: Vec<Condition>,
    /// A list as pasted (lines, or a one-column CSV); none when the scope is not a list.
    #[serde(default)]
    pub list: Option<String>,
    /// The sheet export's extra properties, one per name typed.
    #[serde(default)]
    pub sheet_properties: Vec<String>,
}

/// Each field's problem in the window's words (none: the core takes it), in the request's
/// order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CheckedForm {
    pub properties: Vec<Option<String>>,
    pub name: Option<String>,
    pub conditions: Vec<Option<String>>,
    pub list: Option<String>,
    pub sheet_properties: Vec<Option<String>>,
}

/// The problems of a form as typed, by the rules a preview (or the CLI) applies: an edit's
/// property (`rules::validate_target`), a name pattern (`scope::check_name_pattern`, as
/// `Scope::into_run_scope_with`), a condition (`Condition::validated`), a list read as the core
/// reads it then refused empty (`Scope::into_run_scope`), a sheet's property
/// (`rules::validate_property`, as the export).
pub fn check_form(request: &FormCheckRequest, l: &Localizer) -> CheckedForm {
    let words = |checked: Result<()>| checked.err().map(|e| e.localized(l));
    CheckedForm {
        properties: request
            .properties
            .iter()
            .map(|p| words(metadesk_bulk::rules::validate_target(p).map(drop)))
            .collect(),
        name: request
            .name
            .as_deref()
            .and_then(|n| words(check_name_pattern(n))),
        conditions: request
            .conditions
            .iter()
            .map(|c| words(c.clone().validated().map(drop)))
            .collect(),
        list: request.list.as_deref().and_then(|text| {
            words(
                super::list_entries(text)
                    .and_then(|entries| Scope::List { entries }.into_run_scope().map(drop)),
            )
        }),
        sheet_properties: request
            .sheet_properties
            .iter()
            .map(|p| words(metadesk_bulk::rules::validate_property(p).map(drop)))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use metadesk_base::i18n::Lang;

    fn en() -> Localizer {
        Localizer::new(Lang::En)
    }

    /// Each bad field gets the core's own refusal, naming what it refuses; a good one none.
    #[test]
    fn each_bad_field_is_said_in_words_naming_it() {
        let request = FormCheckRequest {
            properties: vec!["dc:title".into(), "title".into(), "jcr:uuid".into()],
            name: Some("photos/*.jpg".into()),
            conditions: vec![
                Condition::IsEmpty {
                    property: "metadata/dc:rights".into(),
                },
                Condition::IsEmpty {
                    property: "rights".into(),
                },
                Condition::ModifiedAfter {
                    date: "2026-02-30".into(),
                },
                Condition::NameMatches {
                    pattern: "a/b.jpg".into(),
                },
            ],
            list: Some("path\n\n".into()),
            sheet_properties: vec!["dc:x".into(), "x y".into()],
        };
        let problems = check_form(&request, &en());
        let [ok, bad, protected] = &problems.properties[..] else {
            panic!("{problems:?}")
        };
        assert_eq!(ok, &None);
        assert!(
            bad.as_deref()
                .unwrap()
                .contains("\"title\" is not a metadata property name"),
            "{bad:?}"
        );
        assert!(
            protected.as_deref().unwrap().contains("jcr:uuid"),
            "{protected:?}"
        );
        assert_eq!(
            problems.name.as_deref(),
            Some("\"photos/*.jpg\" is a path: a name pattern matches file names only.")
        );
        assert_eq!(problems.conditions[0], None);
        assert!(
            problems.conditions[1]
                .as_deref()
                .unwrap()
                .contains("\"rights\"")
        );
        assert!(
            problems.conditions[2]
                .as_deref()
                .unwrap()
                .contains("2026-02-30")
        );
        assert!(
            problems.conditions[3]
                .as_deref()
                .unwrap()
                .contains("a/b.jpg")
        );
        assert_eq!(
            problems.list.as_deref(),
            Some("The list is empty: give one DAM path, Assets link or asset id per line.")
        );
        assert_eq!(problems.sheet_properties[0], None);
        assert!(
            problems.sheet_properties[1]
                .as_deref()
                .unwrap()
                .contains("\"x y\"")
        );
    }

    #[test]
    fn a_good_form_has_no_problem() {
        let request = FormCheckRequest {
            properties: vec!["metadata/dc:title".into()],
            name: Some(" *.jpg ".into()),
            conditions: vec![Condition::NameMatches {
                pattern: "summer-*".into(),
            }],
            list: Some("/content/dam/a/b.jpg\n".into()),
            sheet_properties: vec![],
        };
        let problems = check_form(&request, &en());
        assert_eq!(
            problems,
            CheckedForm {
                properties: vec![None],
                conditions: vec![None],
                ..CheckedForm::default()
            }
        );
    }

    /// The same rule refuses a name pattern with a folder in it where a run's scope is made (the
    /// CLI's `--name`, the window's preview), not only in the form's check.
    #[test]
    fn a_runs_scope_refuses_a_name_pattern_with_a_folder() {
        let scope = Scope::Folder {
            folder: "/content/dam/a".into(),
            recursive: false,
        };
        let refused = scope
            .into_run_scope_with(Some("a/*.jpg".into()), vec![])
            .unwrap_err();
        assert!(refused.localized(&en()).contains("\"a/*.jpg\" is a path"));
    }
}
