//! Bulk edit's form checked by the core, as typed: the edits' property names, what each edit
//! does (its values, its rule), a property edited twice, the name pattern, a search's
//! conditions, a pasted list and a sheet's extra properties, each with the
//! problem the preview (or the CLI) would refuse it with, in the window's words. The window asks
//! once typing settles and keeps only what is purely display ("nothing typed yet"), so no rule
//! is written twice (issue 43). Nothing is sent to AEM.
//!
//! Not here: the folder typed (`scope_requests::check_folder`), the schema's checks
//! (`schemas/`).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use metadesk_base::i18n::Localizer;
use metadesk_bulk::compute::template;
use metadesk_bulk::rules::{edited_twice, validate_op, validate_target};
use metadesk_bulk::scope::check_name_pattern;
use metadesk_bulk::{Condition, Edit, EditOp, Scope};
use metadesk_clients::error::Result;

/// What the window has typed, as it would send it; an empty field is the window's to say.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FormCheckRequest {
    /// The edits' properties, one per row (`dc:title`, `metadata/dc:rights`).
    #[serde(default)]
    pub properties: Vec<String>,
    /// The edits as the preview would send them, one per row (each row's action or rule, and a
    /// property edited on two rows).
    #[serde(default)]
    pub edits: Vec<Edit>,
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
    /// Each edit's problem with what it does: no value, a rule that does not read.
    pub edits: Vec<Option<String>>,
    /// Each edit's property when a row above already changes it.
    pub repeated: Vec<Option<String>>,
    pub name: Option<String>,
    pub conditions: Vec<Option<String>>,
    pub list: Option<String>,
    pub sheet_properties: Vec<Option<String>>,
}

/// The problems of a form as typed, by the rules a preview (or the CLI) applies: an edit's
/// property (`rules::validate_target`), a name pattern (`scope::check_name_pattern`, as
/// `Scope::into_run_scope_with`), an edit's action and its property edited twice
/// (`rules::validate_op`, `rules::edited_twice`, as `rules::validate_edits`), a condition (`Condition::validated`), a list read as the core
/// reads it then refused empty (`Scope::into_run_scope`), a sheet's property
/// (`rules::validate_property`, as the export).
pub fn check_form(request: &FormCheckRequest, l: &Localizer) -> CheckedForm {
    let words = |checked: Result<()>| checked.err().map(|e| e.localized(l));
    // Property names as the preview normalises them (`metadata/dc:title` is `dc:title`); a bad
    // one is answered in `properties` and its edit still checked under the name typed.
    let mut edits = request.edits.clone();
    for edit in &mut edits {
        if let Ok(name) = validate_target(&edit.property) {
            edit.property = name;
        }
        labels_left_to_preview(&mut edit.op);
    }
    CheckedForm {
        edits: edits
            .iter_mut()
            .map(|edit| words(validate_op(&edit.property, &mut edit.op)))
            .collect(),
        repeated: edited_twice(&edits).map(words).collect(),
        properties: request
            .properties
            .iter()
            .map(|p| words(validate_target(p).map(drop)))
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

/// A template's fields that may be labels of the folder's form (`{City}`) are taken as
/// properties here: only the preview reads that form (`schemas::labels`), and it names a label
/// no field has. Asset fields, properties and the template's reading are still checked.
fn labels_left_to_preview(op: &mut EditOp) {
    let mut op = op;
    while let EditOp::Where { op: inner, .. } = op {
        op = inner;
    }
    if let EditOp::Template { template: text } = op {
        *text = template::with_properties(text, |_| Some("metadesk:label".to_owned()));
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
            ..FormCheckRequest::default()
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
            ..FormCheckRequest::default()
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

    fn edit(property: &str, op: EditOp) -> Edit {
        Edit {
            property: property.into(),
            op,
        }
    }

    /// Each row's edit as the preview would send it.
    fn edits_checked(edits: Vec<Edit>) -> CheckedForm {
        check_form(
            &FormCheckRequest {
                edits,
                ..FormCheckRequest::default()
            },
            &en(),
        )
    }

    /// A rule that does not read is refused beside its row with the core's words naming the
    /// problem (the preview's, `rules::validate_edits`), and only that row.
    #[test]
    fn each_rule_problem_is_said_beside_its_row() {
        let cases = [
            (
                edit(
                    "dc:title",
                    EditOp::Replace {
                        find: "(a".into(),
                        replace: "b".into(),
                        regex: true,
                        ignore_case: false,
                        whole_word: false,
                    },
                ),
                "The pattern of dc:title, \"(a\", is not a valid regular expression: a group opened with ( is not closed",
            ),
            (
                edit(
                    "dc:title",
                    EditOp::FromName {
                        pattern: r"^(?<sku>\d+)_".into(),
                        template: "{sku}-{size}".into(),
                        whole_path: false,
                    },
                ),
                "The template of dc:title names {size}, which is no field here",
            ),
            (
                edit(
                    "dc:title",
                    EditOp::Copy {
                        from: "metadata/dc:title".into(),
                    },
                ),
                "dc:title cannot be copied into itself; choose another property to copy.",
            ),
            (
                edit(
                    "dc:date",
                    EditOp::ShiftDate {
                        by: "7 parsecs".into(),
                    },
                ),
                "The date shift of dc:date, \"7 parsecs\", is not a duration",
            ),
            (
                edit(
                    "dc:date",
                    EditOp::Where {
                        property_is: metadesk_bulk::Emptiness::Empty,
                        op: Box::new(EditOp::SetDate {
                            to: "2025-02-30".into(),
                        }),
                    },
                ),
                "The date for dc:date, \"2025-02-30\", is not a date",
            ),
            (
                edit(
                    "dc:title",
                    EditOp::Template {
                        template: "  ".into(),
                    },
                ),
                "The template of dc:title is empty.",
            ),
        ];
        for (bad, words) in cases {
            let good = edit(
                "dc:rights",
                EditOp::Set {
                    values: vec!["CC-BY".into()],
                },
            );
            let checked = edits_checked(vec![good, bad.clone()]);
            assert_eq!(checked.edits[0], None, "{bad:?}");
            let said = checked.edits[1]
                .as_deref()
                .unwrap_or_else(|| panic!("{bad:?} taken"));
            assert!(said.starts_with(words), "{bad:?}: {said}");
            assert_eq!(checked.repeated, vec![None, None]);
        }
    }

    /// A template may name a field by the label the folder's form shows (`{City}`), which only
    /// the preview reads; asset fields and properties are taken; a good rule has no problem.
    #[test]
    fn good_rules_and_labels_have_no_problem() {
        let checked = edits_checked(vec![
            edit(
                "dc:title",
                EditOp::Template {
                    template: "{City} — {name} ({dc:creator})".into(),
                },
            ),
            edit(
                "dc:description",
                EditOp::FromName {
                    pattern: r"^(?P<sku>\d+)_".into(),
                    template: "{sku} {1}".into(),
                    whole_path: false,
                },
            ),
            edit(
                "dc:rights",
                EditOp::Copy {
                    from: "dc:creator".into(),
                },
            ),
            edit(
                "dc:date",
                EditOp::ShiftDate {
                    by: "-1w 2d".into(),
                },
            ),
        ]);
        assert_eq!(checked.edits, vec![None; 4]);
    }

    /// Two rows on one property (as the preview normalises names) are refused on the second,
    /// naming the property; the first is taken.
    #[test]
    fn a_property_on_two_rows_is_refused_on_the_second() {
        let checked = edits_checked(vec![
            edit(
                "dc:title",
                EditOp::Set {
                    values: vec!["A".into()],
                },
            ),
            edit("dc:rights", EditOp::Clear),
            edit(
                "metadata/dc:title",
                EditOp::Template {
                    template: "{name}".into(),
                },
            ),
        ]);
        assert_eq!(checked.edits, vec![None, None, None]);
        assert_eq!(
            checked.repeated,
            vec![
                None,
                None,
                Some("dc:title is edited twice in one run; combine the two edits into one.".into())
            ]
        );
    }
}
