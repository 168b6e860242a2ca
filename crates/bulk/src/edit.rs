//! An edit of one property and what it does ([`EditOp`]): the typed values (set, append,
//! remove, clear) and the rules that compute the value per asset (find and replace, templates,
//! the file name, copy, case, spaces, dates, only where empty), with their words as a run's
//! summary lists them. Kept in each run's journal (its spec).
//!
//! Not here: checking a rule or computing a value (`rules.rs`), the text and date mechanisms
//! (`compute/`).

use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use crate::compute::{Case, Matching, template};
use metadesk_base::i18n::SavedText;

/// One change to one property.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Edit {
    /// `prefix:name`, e.g. `dc:rights`, on the asset's metadata node.
    pub property: String,
    pub op: EditOp,
}

/// What an edit does to its property.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
pub enum EditOp {
    /// Replace the value: one value is written as a single value (unless the property is
    /// already multi-valued), several as a multi-valued property.
    Set { values: Vec<String> },
    /// Replace the value with a list, even of one value: for a property known to hold several
    /// (a sheet's multi-value column), so that one value on an asset that has none yet is
    /// written as a list, not as text.
    SetList { values: Vec<String> },
    /// Add values to a multi-valued property, skipping those already present.
    Append { values: Vec<String> },
    /// Remove these values; the property is removed when none is left.
    Remove { values: Vec<String> },
    /// Remove the property.
    Clear,
    /// Find `find` in every text of the property and put `replace` instead.
    Replace {
        find: String,
        replace: String,
        /// `find` is a regular expression; `replace` may name its groups (`$1`, `${name}`).
        #[serde(default)]
        regex: bool,
        #[serde(default)]
        ignore_case: bool,
        /// Only where `find` is a whole word.
        #[serde(default)]
        whole_word: bool,
    },
    /// Set from a template naming the asset's properties and its `{name}`, `{filename}`,
    /// `{extension}`, `{folder}` and `{path}`: `{dc:title} — {name}`. An asset without a
    /// property the template names is skipped, with that reason.
    Template { template: String },
    /// Set from the asset's file name (or its path) by a regular expression whose groups the
    /// template names: `^(?<sku>\d+)_` and `{sku}`. An asset whose name does not match is
    /// skipped, with that reason.
    FromName {
        pattern: String,
        template: String,
        /// Match the whole path (`/content/dam/…/name.jpg`) rather than the file name.
        #[serde(default)]
        whole_path: bool,
    },
    /// Copy another property's value (one value or a list, as it is).
    Copy { from: String },
    /// Change the case of every text.
    Case { to: Case },
    /// Remove spaces at the ends of every text, and with `collapse` make each run of spaces
    /// inside one space.
    Trim {
        #[serde(default)]
        collapse: bool,
    },
    /// Move every date by a duration (`7d`, `-1w`, `+2h30m`), in the value's own time zone and
    /// form. A value that is not a date skips its asset, with that reason.
    ShiftDate { by: String },
    /// Every tag `from` in a list of tag ids (`cq:tags`), and every tag below it
    /// (`from/child`), becomes `to` (or the same tag below `to`); without `to` they are
    /// removed. A tag the list would then hold twice is kept once: what a merge, a move or a
    /// deletion of a tag does to the assets that hold it.
    Retag {
        from: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        to: Option<String>,
    },
    /// Set every date's day (`2025-01-31`, its time and zone kept), day and time
    /// (`2025-01-31T09:00`, its zone kept) or moment (`2025-01-31T09:00:00Z`, shown in the
    /// value's zone).
    SetDate { to: String },
    /// `op` only on the assets where the property is empty (fill the gaps) or only where it is
    /// not; the others are left as they are.
    Where {
        property_is: Emptiness,
        op: Box<EditOp>,
    },
}

/// Which assets a [`EditOp::Where`] edit changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Emptiness {
    /// No value, or an empty text or list.
    Empty,
    NotEmpty,
}

impl EditOp {
    /// Whether the result depends on the current value (so the classic API re-reads the asset
    /// just before writing it).
    pub fn depends_on_current(&self) -> bool {
        !matches!(
            self,
            EditOp::Set { .. } | EditOp::SetList { .. } | EditOp::Clear
        )
    }

    /// Whether the value after depends on more than the value before and the rule: such
    /// rules compute per asset, in [`after`].
    pub fn computes(&self) -> bool {
        !matches!(
            self,
            EditOp::Set { .. }
                | EditOp::SetList { .. }
                | EditOp::Append { .. }
                | EditOp::Remove { .. }
                | EditOp::Clear
        )
    }

    /// The other properties the rule reads (a template's, a copy's source), so the preview
    /// reads them with the edited one.
    pub fn reads(&self) -> Vec<&str> {
        match self {
            EditOp::Template { template } | EditOp::FromName { template, .. } => {
                template::fields(template)
                    .into_iter()
                    .filter(|f| f.contains(':'))
                    .collect()
            }
            EditOp::Copy { from } => vec![from.as_str()],
            EditOp::Where { op, .. } => op.reads(),
            _ => Vec::new(),
        }
    }

    /// The regular expressions the rule runs (compiled once for a run: [`Regexes`]).
    pub fn patterns(&self) -> Option<(&str, Matching)> {
        match self {
            EditOp::Replace {
                find,
                regex,
                ignore_case,
                whole_word,
                ..
            } => Some((
                find.as_str(),
                Matching {
                    regex: *regex,
                    ignore_case: *ignore_case,
                    whole_word: *whole_word,
                },
            )),
            EditOp::FromName { pattern, .. } => Some((pattern.as_str(), regex_only())),
            EditOp::Where { op, .. } => op.patterns(),
            _ => None,
        }
    }

    /// A short description for lists and reports: `set "x"`, `append "a", "b"`, `clear`.
    /// The edit of `property` as a run's summary lists it (`dc:rights: set "…"`), in the
    /// reader's language when shown.
    pub fn describe(&self, property: &str) -> SavedText {
        let quoted = |v: &[String]| {
            v.iter()
                .map(|s| format!("\"{s}\""))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let yes = |b: bool| Value::from(if b { "yes" } else { "no" });
        let p = || ("property", Value::from(property));
        let (op, values) = match self {
            EditOp::Set { values } => ("set", quoted(values)),
            EditOp::SetList { values } => ("set-list", quoted(values)),
            EditOp::Append { values } => ("append", quoted(values)),
            EditOp::Remove { values } => ("remove", quoted(values)),
            EditOp::Clear => ("clear", String::new()),
            EditOp::Replace {
                find,
                replace,
                regex,
                ignore_case,
                whole_word,
            } => {
                return SavedText::new(
                    "run-edit-replace",
                    [
                        p(),
                        ("find", find.as_str().into()),
                        ("replace", replace.as_str().into()),
                        ("regex", yes(*regex)),
                        ("ignoreCase", yes(*ignore_case)),
                        ("wholeWord", yes(*whole_word)),
                    ],
                );
            }
            EditOp::Template { template } => {
                return SavedText::new(
                    "run-edit-template",
                    [p(), ("template", template.as_str().into())],
                );
            }
            EditOp::FromName {
                pattern,
                template,
                whole_path,
            } => {
                return SavedText::new(
                    "run-edit-from-name",
                    [
                        p(),
                        ("pattern", pattern.as_str().into()),
                        ("template", template.as_str().into()),
                        ("wholePath", yes(*whole_path)),
                    ],
                );
            }
            EditOp::Copy { from } => {
                return SavedText::new("run-edit-copy", [p(), ("from", from.as_str().into())]);
            }
            EditOp::Retag { from, to } => {
                return match to {
                    Some(to) => SavedText::new(
                        "run-edit-retag",
                        [
                            p(),
                            ("from", from.as_str().into()),
                            ("to", to.as_str().into()),
                        ],
                    ),
                    None => SavedText::new("run-edit-untag", [p(), ("from", from.as_str().into())]),
                };
            }
            EditOp::Case { to } => {
                let to = serde_json::to_value(to).unwrap_or_default();
                return SavedText::new("run-edit-case", [p(), ("to", to)]);
            }
            EditOp::Trim { collapse } => {
                return SavedText::new("run-edit-trim", [p(), ("collapse", yes(*collapse))]);
            }
            EditOp::ShiftDate { by } => {
                return SavedText::new("run-edit-shift-date", [p(), ("by", by.as_str().into())]);
            }
            EditOp::SetDate { to } => {
                return SavedText::new("run-edit-set-date", [p(), ("date", to.as_str().into())]);
            }
            EditOp::Where { property_is, op } => {
                let is = serde_json::to_value(property_is).unwrap_or_default();
                let edit = op.describe(property).into_arg();
                return SavedText::new("run-edit-where", [("edit", edit), ("is", is)]);
            }
        };
        SavedText::new(
            "run-edit",
            [
                ("property", property.into()),
                ("op", op.into()),
                ("values", values.into()),
            ],
        )
    }
}

/// The matching of a file-name pattern: always a regular expression.
pub(crate) fn regex_only() -> Matching {
    Matching {
        regex: true,
        ..Matching::default()
    }
}
