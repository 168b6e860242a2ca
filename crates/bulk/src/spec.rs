//! What a run is asked to do: [`RunSpec`] (connection, folder, scope filters, edits) and the
//! pure logic of an edit: validating property names and rules, and computing a property's
//! value after the edit from its value before (and, for the rules that compute, from the
//! asset's other properties and its path).
//!
//! Not here: reading or writing AEM, the journal, or the text and date mechanisms of the
//! rules (`compute/`).

use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use super::compute::{self, Asset, Case, Matching, Regexes, dates, template, text};
use super::selection::Selection;
use metadesk_assets::folders::normalize_folder;
use metadesk_base::i18n::{MessageArg, SavedText};
use metadesk_clients::error::{Error, ErrorCode, Result};
use metadesk_credentials::credentials::ApiFamily;

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

/// Which assets of the folder a run touches.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Filters {
    /// Include the assets of subfolders, at any depth.
    pub recursive: bool,
    /// Only assets whose name matches this pattern (`*` and `?`, case-insensitive).
    #[serde(default)]
    pub name: Option<String>,
    /// Only assets whose `dc:format` matches one of these (`image/*`, `application/pdf`).
    #[serde(default)]
    pub formats: Vec<String>,
    /// Assets chosen by a search under the folder or by a list, rather than all the folder's
    /// assets; absent for a folder scope (and in journals written before scopes existed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub selection: Option<Selection>,
}

impl Filters {
    /// Whether an asset named `name` is in scope (the format is checked separately). Used by
    /// the preview and the scope count alike, so both select the same assets.
    pub fn name_matches(&self, name: &str) -> bool {
        self.name
            .as_deref()
            .is_none_or(|pattern| glob_match(pattern, name))
    }

    /// Whether `format` (`dc:format`; `None` when unknown) passes the format filter.
    pub fn format_matches(&self, format: Option<&str>) -> bool {
        self.formats.is_empty()
            || format.is_some_and(|f| self.formats.iter().any(|p| glob_match(p, f)))
    }
}

/// Whether a run edits assets or undoes an earlier run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RunKind {
    Edit,
    /// Restores the original values that run `of` changed.
    Undo {
        of: String,
    },
    /// The same edits as run `of`, on the assets that failed in it (read again first).
    Retry {
        of: String,
    },
    /// Per-asset values from a spreadsheet (`file`: its name, for the activity list); the
    /// edits of each asset are in the plan rows, not in [`RunSpec::edits`].
    Sheet {
        file: String,
    },
}

/// Everything that defines a run; stored as the journal's first record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RunSpec {
    /// The stored connection's name, or a label such as the credential file for ad-hoc runs.
    pub connection: String,
    /// The stored connection's id, so a run still finds its connection after a rename; absent
    /// for ad-hoc runs (and in journals written before it existed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub connection_id: Option<String>,
    /// The author URL the run talks to.
    pub aem: String,
    pub family: ApiFamily,
    /// `/content/dam/…`.
    pub folder: String,
    pub filters: Filters,
    pub edits: Vec<Edit>,
    pub kind: RunKind,
    /// Who writes (technical-account email or user), named in "no write access" reasons.
    #[serde(default)]
    pub account: Option<String>,
}

/// What the app asks for when the user previews a bulk edit: the rest of the [`RunSpec`]
/// (address, API family, account) comes from the stored connection.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RunRequest {
    pub connection_id: String,
    /// `/content/dam/…`.
    pub folder: String,
    pub filters: Filters,
    pub edits: Vec<Edit>,
}

/// What the app sends to apply (or resume) a previewed run.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ApplyRequest {
    pub run_id: String,
    /// On a connection marked production, the connection's name as the user typed it.
    #[serde(default)]
    pub confirm_name: Option<String>,
}

impl RunSpec {
    /// Checks the folder, the edits and the filters; normalises the folder and property names
    /// (`metadata/dc:rights`, the seed script's form, becomes `dc:rights`).
    pub fn validated(mut self) -> Result<Self> {
        self.folder = normalize_folder(&self.folder)?;
        if matches!(self.kind, RunKind::Edit) && self.edits.is_empty() {
            return Err(Error::message(
                ErrorCode::InvalidInput,
                "error-edit-none",
                vec![],
            ));
        }
        validate_edits(&mut self.edits)?;
        Ok(self)
    }
}

/// Checks edits and normalises their property names: values given, no property edited twice,
/// computing rules that read (a pattern, a template, a duration). The faces call it before
/// asking AEM anything; [`RunSpec::validated`] calls it again.
pub fn validate_edits(edits: &mut [Edit]) -> Result<()> {
    for edit in edits.iter_mut() {
        edit.property = validate_property(&edit.property)?;
        check_rule(&edit.property, &mut edit.op)?;
        match &edit.op {
            EditOp::Set { values }
            | EditOp::SetList { values }
            | EditOp::Append { values }
            | EditOp::Remove { values }
                if values.is_empty() =>
            {
                return Err(Error::message(
                    ErrorCode::InvalidInput,
                    "error-edit-no-value",
                    vec![("property", edit.property.as_str().into())],
                ));
            }
            EditOp::Set { values }
            | EditOp::SetList { values }
            | EditOp::Append { values }
            | EditOp::Remove { values }
                if values.iter().any(|v| v.trim().is_empty()) =>
            {
                return Err(Error::message(
                    ErrorCode::InvalidInput,
                    "error-edit-empty-value",
                    vec![("property", edit.property.as_str().into())],
                ));
            }
            _ => {}
        }
    }
    let mut seen = std::collections::HashSet::new();
    for edit in edits.iter() {
        if !seen.insert(edit.property.as_str()) {
            return Err(Error::message(
                ErrorCode::InvalidInput,
                "error-edit-twice",
                vec![("property", edit.property.as_str().into())],
            ));
        }
    }
    Ok(())
}

/// Accepts `prefix:name` (and `metadata/prefix:name`); returns `prefix:name`.
pub fn validate_property(raw: &str) -> Result<String> {
    let name = raw.trim();
    let name = name.strip_prefix("metadata/").unwrap_or(name);
    let valid_part = |s: &str, first_letter: bool| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
            && (!first_letter || s.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_'))
    };
    match name.split_once(':') {
        Some((prefix, local)) if valid_part(prefix, true) && valid_part(local, false) => {
            Ok(name.to_owned())
        }
        _ => Err(Error::message(
            ErrorCode::InvalidInput,
            "error-bad-property-name",
            vec![("name", raw.into())],
        )),
    }
}

/// `*` any run of characters, `?` one character; case-insensitive.
pub fn glob_match(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.to_lowercase().chars().collect();
    let t: Vec<char> = text.to_lowercase().chars().collect();
    let (mut pi, mut ti) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some((pi, ti));
            pi += 1;
        } else if let Some((sp, st)) = star {
            pi = sp + 1;
            ti = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|c| *c == '*')
}

/// The property's values as a list: absent → none, a scalar → one, an array → its items.
fn as_list(value: Option<&Value>) -> Vec<Value> {
    match value {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items.clone(),
        Some(other) => vec![other.clone()],
    }
}

/// Compares a stored value with a string given by the user (numbers and booleans by text).
fn same_value(stored: &Value, given: &str) -> bool {
    match stored {
        Value::String(s) => s == given,
        other => serde_json::from_str::<Value>(given).is_ok_and(|g| &g == other),
    }
}

/// The value of a property after an edit that needs nothing but its value before (`None` =
/// absent): set, append, remove, clear. The rules that compute go through [`after`]; given
/// one, this leaves the value as it is.
fn apply_op(op: &EditOp, before: Option<&Value>) -> Option<Value> {
    let before = before.filter(|v| !v.is_null());
    match op {
        EditOp::Set { values } => {
            let multi = values.len() > 1 || before.is_some_and(Value::is_array);
            if multi {
                Some(Value::Array(
                    values.iter().map(|v| Value::String(v.clone())).collect(),
                ))
            } else {
                values.first().map(|v| Value::String(v.clone()))
            }
        }
        EditOp::SetList { values } => (!values.is_empty())
            .then(|| Value::Array(values.iter().map(|v| Value::String(v.clone())).collect())),
        EditOp::Append { values } => {
            let mut list = as_list(before);
            for v in values {
                if !list.iter().any(|x| same_value(x, v)) {
                    list.push(Value::String(v.clone()));
                }
            }
            if list.is_empty() {
                None
            } else if !before.is_some_and(Value::is_array) && list.len() == 1 && before.is_some() {
                // Appending what a single value already holds leaves it as it is.
                before.cloned()
            } else {
                Some(Value::Array(list))
            }
        }
        EditOp::Remove { values } => {
            let list = as_list(before);
            let kept: Vec<Value> = list
                .iter()
                .filter(|x| !values.iter().any(|v| same_value(x, v)))
                .cloned()
                .collect();
            if kept.len() == list.len() {
                before.cloned()
            } else if kept.is_empty() {
                None
            } else {
                Some(Value::Array(kept))
            }
        }
        EditOp::Clear => None,
        _ => before.cloned(),
    }
}

/// The matching of a file-name pattern: always a regular expression.
fn regex_only() -> Matching {
    Matching {
        regex: true,
        ..Matching::default()
    }
}

/// A rule refused before anything is read, its problem named.
fn refused(id: &'static str, property: &str, args: Vec<(&'static str, MessageArg)>) -> Error {
    let mut all = vec![("property", property.into())];
    all.extend(args);
    Error::message(ErrorCode::InvalidInput, id, all)
}

/// Checks a computing rule before a run: its regular expressions read (else the problem and
/// where), its templates name known fields, its duration or date reads; normalises a copy's
/// source property.
fn check_rule(property: &str, op: &mut EditOp) -> Result<()> {
    let bad_pattern = |pattern: &str, e: text::PatternError| {
        refused(
            "error-rule-regex",
            property,
            vec![
                ("pattern", pattern.into()),
                ("problem", e.problem.into()),
                ("position", (e.position as f64).into()),
            ],
        )
    };
    match op {
        EditOp::Replace { find, .. } if find.is_empty() => {
            return Err(refused("error-rule-find-empty", property, vec![]));
        }
        EditOp::Replace { .. } => {
            if let Some((pattern, matching)) = op.patterns() {
                text::finder(pattern, matching).map_err(|e| bad_pattern(pattern, e))?;
            }
        }
        EditOp::Template { template } => check_template(property, template, &[])?,
        EditOp::FromName {
            pattern, template, ..
        } => {
            text::check_pattern(pattern).map_err(|e| bad_pattern(pattern, e))?;
            let re = regex::Regex::new(pattern).map_err(|_| {
                bad_pattern(
                    pattern,
                    text::PatternError {
                        problem: "too-big",
                        position: 1,
                    },
                )
            })?;
            let mut groups: Vec<String> = re.capture_names().flatten().map(str::to_owned).collect();
            groups.extend((0..re.captures_len()).map(|i| i.to_string()));
            check_template(property, template, &groups)?;
        }
        EditOp::Copy { from } => {
            *from = validate_property(from)?;
            if from == property {
                return Err(refused("error-rule-copy-itself", property, vec![]));
            }
        }
        EditOp::ShiftDate { by } if dates::duration(by).is_none() => {
            return Err(refused(
                "error-rule-duration",
                property,
                vec![("by", by.as_str().into())],
            ));
        }
        EditOp::SetDate { to } if dates::new_date(to).is_none() => {
            return Err(refused(
                "error-rule-date",
                property,
                vec![("date", to.as_str().into())],
            ));
        }
        EditOp::Where { op, .. } => {
            if matches!(**op, EditOp::Where { .. }) {
                return Err(refused("error-rule-where-twice", property, vec![]));
            }
            check_rule(property, op)?;
        }
        _ => {}
    }
    Ok(())
}

/// A template reads, is not empty, and names only asset fields, `groups` (a file-name
/// pattern's) and properties (`prefix:name`).
fn check_template(property: &str, template: &str, groups: &[String]) -> Result<()> {
    if template.trim().is_empty() {
        return Err(refused("error-rule-template-empty", property, vec![]));
    }
    let pieces = template::pieces(template).map_err(|e| {
        let (problem, position) = match e {
            template::TemplateError::Unclosed(at) => ("unclosed", at),
            template::TemplateError::Unopened(at) => ("unopened", at),
            template::TemplateError::EmptyField(at) => ("empty", at),
        };
        refused(
            "error-rule-template-brace",
            property,
            vec![
                ("problem", problem.into()),
                ("position", (position as f64).into()),
            ],
        )
    })?;
    for piece in pieces {
        if let template::Piece::Field(field) = piece {
            let known = template::ASSET_FIELDS.contains(&field)
                || groups.iter().any(|g| g == field)
                || (field.contains(':') && validate_property(field).is_ok());
            if !known {
                return Err(refused(
                    "error-rule-template-field",
                    property,
                    vec![("field", field.into())],
                ));
            }
        }
    }
    Ok(())
}

/// Whether a value counts as empty for [`EditOp::Where`]: absent, an empty text or list.
fn is_empty(value: Option<&Value>) -> bool {
    match value {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.trim().is_empty(),
        Some(Value::Array(items)) => items.is_empty(),
        Some(_) => false,
    }
}

/// One computed text as the property's new value: a list of it where the property is a list.
fn set_text(before: Option<&Value>, text: String) -> Option<Value> {
    let one = Value::String(text);
    Some(if before.is_some_and(Value::is_array) {
        Value::Array(vec![one])
    } else {
        one
    })
}

/// The value of a property after `op` on `asset`, from its value `before` (`None` = absent);
/// or, for a rule that cannot compute on this asset (a template's property it lacks, a name
/// the pattern does not match, a value that is not a date), why, so the asset is skipped with
/// that reason and the rest of the run goes on.
pub fn after(
    op: &EditOp,
    before: Option<&Value>,
    asset: Asset<'_>,
    regexes: &Regexes,
) -> std::result::Result<Option<Value>, SavedText> {
    let before = before.filter(|v| !v.is_null());
    let bad_rule = || SavedText::new("reason-rule-unreadable", []);
    match op {
        EditOp::Set { .. }
        | EditOp::SetList { .. }
        | EditOp::Append { .. }
        | EditOp::Remove { .. }
        | EditOp::Clear => Ok(apply_op(op, before)),
        EditOp::Replace { find, replace, .. } => {
            let (pattern, matching) = op.patterns().ok_or_else(bad_rule)?;
            let re = regexes.get(pattern, matching).map_err(|_| bad_rule())?;
            compute::each_text(before, |t| {
                Ok(text::replace(t, find, replace, re.as_deref(), matching))
            })
        }
        EditOp::Template { template } => {
            let pieces = template::pieces(template).map_err(|_| bad_rule())?;
            let value = template::fill(&pieces, |f| asset.field(f)).map_err(missing_field)?;
            Ok(set_text(before, value))
        }
        EditOp::FromName {
            pattern,
            template,
            whole_path,
        } => {
            let re = regexes.get(pattern, regex_only()).map_err(|_| bad_rule())?;
            let re = re.ok_or_else(bad_rule)?;
            let subject = if *whole_path {
                asset.path
            } else {
                asset.path.rsplit('/').next().unwrap_or_default()
            };
            let caps = re.captures(subject).ok_or_else(|| {
                SavedText::new(
                    "reason-name-no-match",
                    [
                        ("name", subject.into()),
                        ("pattern", pattern.as_str().into()),
                    ],
                )
            })?;
            let pieces = template::pieces(template).map_err(|_| bad_rule())?;
            let group = |f: &str| {
                caps.name(f)
                    .or_else(|| f.parse::<usize>().ok().and_then(|i| caps.get(i)))
                    .map(|m| m.as_str().to_owned())
            };
            let value = template::fill(&pieces, |f| {
                group(f)
                    .filter(|g| !g.is_empty())
                    .or_else(|| asset.field(f))
            })
            .map_err(missing_field)?;
            Ok(set_text(before, value))
        }
        EditOp::Copy { from } => match asset.metadata.get(from).filter(|v| !is_empty(Some(v))) {
            Some(value) => Ok(Some(value.clone())),
            None => Err(missing_field(from)),
        },
        EditOp::Case { to } => compute::each_text(before, |t| Ok(text::change_case(t, *to))),
        EditOp::Trim { collapse } => compute::each_text(before, |t| Ok(text::trim(t, *collapse))),
        EditOp::ShiftDate { by } => {
            let by = dates::duration(by).ok_or_else(bad_rule)?;
            compute::each_text(before, |t| {
                let date = dates::read(t).ok_or_else(|| not_a_date(t))?;
                dates::shift(date, by)
                    .map(dates::write)
                    .ok_or_else(|| SavedText::new("reason-date-shift", [("value", t.into())]))
            })
        }
        EditOp::SetDate { to } => {
            let to = dates::new_date(to).ok_or_else(bad_rule)?;
            if is_empty(before) {
                return match dates::new_value(to) {
                    Some(date) => Ok(Some(Value::String(dates::write(date)))),
                    None => Err(SavedText::new("reason-date-none", [])),
                };
            }
            compute::each_text(before, |t| {
                let date = dates::read(t).ok_or_else(|| not_a_date(t))?;
                Ok(dates::write(dates::set(date, to)))
            })
        }
        EditOp::Where { property_is, op } => {
            if (*property_is == Emptiness::Empty) == is_empty(before) {
                after(op, before, asset, regexes)
            } else {
                Ok(before.cloned())
            }
        }
    }
}

fn missing_field(field: &str) -> SavedText {
    SavedText::new("reason-field-missing", [("field", field.into())])
}

fn not_a_date(value: &str) -> SavedText {
    SavedText::new("reason-not-a-date", [("value", value.into())])
}

/// The regular expressions of `edits`, compiled once for a run.
pub fn regexes_of(edits: &[Edit]) -> Regexes {
    Regexes::new(edits.iter().filter_map(|e| e.op.patterns()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    fn spec(edits: Vec<Edit>) -> RunSpec {
        RunSpec {
            connection: "c".into(),
            connection_id: None,
            aem: "http://127.0.0.1".into(),
            family: ApiFamily::Classic,
            folder: "/content/dam/f".into(),
            filters: Filters::default(),
            edits,
            kind: RunKind::Edit,
            account: None,
        }
    }

    #[test]
    fn property_names_must_be_prefix_colon_name() {
        for ok in [
            "dc:rights",
            "dc:subject",
            "xmpRights:UsageTerms",
            "cq:tags",
            "metadata/dc:rights",
        ] {
            assert!(validate_property(ok).is_ok(), "{ok}");
        }
        assert_eq!(
            validate_property("metadata/dc:rights").unwrap(),
            "dc:rights"
        );
        for bad in [
            "rights",
            "dc:",
            ":x",
            "dc:a/b",
            "jcr:content/metadata/dc:x",
            "dc:a b",
            "1x:y",
            "",
        ] {
            assert!(validate_property(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn folders_are_normalised_under_the_dam() {
        assert_eq!(
            normalize_folder("/content/dam/a/b/").unwrap(),
            "/content/dam/a/b"
        );
        assert_eq!(
            normalize_folder("/wknd-shared/en").unwrap(),
            "/content/dam/wknd-shared/en"
        );
        assert_eq!(normalize_folder("/content/dam").unwrap(), "/content/dam");
        assert!(normalize_folder("/content/sites/x").is_err());
        assert!(normalize_folder("/content/dam/../x").is_err());
        assert!(normalize_folder("").is_err());
    }

    #[test]
    fn specs_reject_empty_and_duplicate_edits() {
        assert!(spec(vec![]).validated().is_err());
        let set = |p: &str| Edit {
            property: p.into(),
            op: EditOp::Set { values: s(&["x"]) },
        };
        assert!(
            spec(vec![set("dc:rights"), set("metadata/dc:rights")])
                .validated()
                .is_err()
        );
        let empty = Edit {
            property: "dc:subject".into(),
            op: EditOp::Append { values: vec![] },
        };
        assert!(spec(vec![empty]).validated().is_err());
        let blank = Edit {
            property: "dc:rights".into(),
            op: EditOp::Set { values: s(&["  "]) },
        };
        let err = spec(vec![blank]).validated().unwrap_err().to_string();
        assert!(
            err.contains("empty value") && err.contains("dc:rights"),
            "{err}"
        );
        let ok = spec(vec![set("metadata/dc:rights")]).validated().unwrap();
        assert_eq!(ok.edits[0].property, "dc:rights");
    }

    #[test]
    fn globs_match_names_and_formats() {
        assert!(glob_match("*.JPG", "a.jpg"));
        assert!(glob_match("img-??.png", "IMG-01.png"));
        assert!(!glob_match("img-??.png", "img-1.png"));
        assert!(glob_match("image/*", "image/jpeg"));
        assert!(!glob_match("image/*", "video/mp4"));
        assert!(glob_match("*", ""));
        assert!(glob_match("a*b*c", "axxbyyc"));
        assert!(!glob_match("a*b*c", "axxbyy"));
        let mut sp = spec(vec![]);
        sp.filters.formats = s(&["image/*"]);
        assert!(sp.filters.format_matches(Some("image/png")));
        assert!(!sp.filters.format_matches(None));
        assert!(sp.filters.name_matches("anything"));
    }

    #[test]
    fn set_replaces_single_and_multi_values() {
        let one = EditOp::Set { values: s(&["R"]) };
        assert_eq!(apply_op(&one, None), Some(json!("R")));
        assert_eq!(apply_op(&one, Some(&json!("old"))), Some(json!("R")));
        assert_eq!(apply_op(&one, Some(&json!(["a", "b"]))), Some(json!(["R"])));
        let two = EditOp::Set {
            values: s(&["a", "b"]),
        };
        assert_eq!(apply_op(&two, Some(&json!("x"))), Some(json!(["a", "b"])));
    }

    #[test]
    fn a_list_of_one_value_stays_a_list_on_an_asset_without_one() {
        let one = EditOp::SetList { values: s(&["R"]) };
        assert_eq!(apply_op(&one, None), Some(json!(["R"])));
        assert_eq!(apply_op(&one, Some(&json!("old"))), Some(json!(["R"])));
        assert_eq!(apply_op(&one, Some(&json!(["R"]))), Some(json!(["R"])));
        let en = metadesk_base::i18n::Localizer::english();
        assert_eq!(
            one.describe("dc:rights").localized(&en),
            "dc:rights: set the list \"R\""
        );
    }

    #[test]
    fn an_edit_is_described_in_the_readers_language() {
        let fr = metadesk_base::i18n::Localizer::new(metadesk_base::i18n::Lang::Fr);
        let set = EditOp::Set {
            values: s(&["a", "b"]),
        };
        assert_eq!(
            set.describe("dc:subject").localized(&fr),
            "dc:subject\u{a0}: remplacer par \"a\", \"b\""
        );
        assert_eq!(
            EditOp::Clear.describe("dc:rights").localized(&fr),
            "dc:rights\u{a0}: effacer"
        );
    }

    #[test]
    fn append_adds_missing_values_only() {
        let op = EditOp::Append {
            values: s(&["b", "c", "c"]),
        };
        assert_eq!(apply_op(&op, None), Some(json!(["b", "c"])));
        assert_eq!(
            apply_op(&op, Some(&json!(["a", "b"]))),
            Some(json!(["a", "b", "c"]))
        );
        assert_eq!(
            apply_op(&op, Some(&json!("a"))),
            Some(json!(["a", "b", "c"]))
        );
        let same = EditOp::Append { values: s(&["a"]) };
        assert_eq!(apply_op(&same, Some(&json!(["a"]))), Some(json!(["a"])));
        assert_eq!(apply_op(&same, Some(&json!("a"))), Some(json!("a")));
    }

    #[test]
    fn remove_drops_values_and_the_property_when_empty() {
        let op = EditOp::Remove { values: s(&["a"]) };
        assert_eq!(apply_op(&op, Some(&json!(["a", "b"]))), Some(json!(["b"])));
        assert_eq!(apply_op(&op, Some(&json!(["a"]))), None);
        assert_eq!(apply_op(&op, Some(&json!("a"))), None);
        assert_eq!(apply_op(&op, Some(&json!("b"))), Some(json!("b")));
        assert_eq!(apply_op(&op, None), None);
        let num = EditOp::Remove { values: s(&["3"]) };
        assert_eq!(apply_op(&num, Some(&json!([3, 4]))), Some(json!([4])));
    }

    #[test]
    fn clear_removes() {
        assert_eq!(apply_op(&EditOp::Clear, Some(&json!("x"))), None);
        assert_eq!(apply_op(&EditOp::Clear, None), None);
        assert!(EditOp::Append { values: vec![] }.depends_on_current());
        assert!(!EditOp::Clear.depends_on_current());
    }

    /// French words, the template fields people type (`{name}`, `{folder}`: syntax, like a
    /// property's name) aside.
    fn reads_french(text: &str) {
        let re = regex::Regex::new(r"\{[^{}]*\}").unwrap();
        metadesk_base::i18n::checks::assert_reads_french(&re.replace_all(text, "{}"));
    }

    fn rule(property: &str, op: EditOp) -> Result<RunSpec> {
        spec(vec![Edit {
            property: property.into(),
            op,
        }])
        .validated()
    }

    #[test]
    fn bad_rules_are_refused_in_words_with_where() {
        let en = metadesk_base::i18n::Localizer::english();
        let fr = metadesk_base::i18n::Localizer::new(metadesk_base::i18n::Lang::Fr);
        let words = |r: Result<RunSpec>| {
            let e = r.unwrap_err();
            match &e {
                Error::Message { message, .. } => {
                    reads_french(&message.localized(&fr));
                    message.localized(&en)
                }
                other => panic!("{other:?}"),
            }
        };
        let bad_regex = EditOp::Replace {
            find: "WKND (\\w+".into(),
            replace: "$1".into(),
            regex: true,
            ignore_case: false,
            whole_word: false,
        };
        assert_eq!(
            words(rule("dc:title", bad_regex)),
            "The pattern of dc:title, \"WKND (\\w+\", is not a valid regular expression: a group \
             opened with ( is not closed (at character 6)."
        );
        let unknown = EditOp::Template {
            template: "{dc:title} {title}".into(),
        };
        assert!(
            words(rule("dc:description", unknown))
                .contains("names {title}, which is no known field")
        );
        let brace = EditOp::Template {
            template: "{dc:title".into(),
        };
        assert!(words(rule("dc:description", brace)).contains("(at character 1)"));
        let group = EditOp::FromName {
            pattern: "^(?<sku>\\d+)_".into(),
            template: "{sku}-{size}".into(),
            whole_path: false,
        };
        assert!(words(rule("dc:identifier", group)).contains("{size}"));
        let shift = EditOp::ShiftDate {
            by: "a week".into(),
        };
        assert!(words(rule("xmp:date", shift)).contains("\"a week\", is not a duration"));
        let date = EditOp::SetDate {
            to: "31/01/2025".into(),
        };
        assert!(words(rule("xmp:date", date)).contains("is not a date"));
        let itself = EditOp::Copy {
            from: "metadata/dc:title".into(),
        };
        assert!(words(rule("dc:title", itself)).contains("cannot be copied into itself"));
        let twice = EditOp::Where {
            property_is: Emptiness::Empty,
            op: Box::new(EditOp::Where {
                property_is: Emptiness::Empty,
                op: Box::new(EditOp::Clear),
            }),
        };
        assert!(words(rule("dc:title", twice)).contains("limited twice"));
        let empty = EditOp::Replace {
            find: String::new(),
            replace: "x".into(),
            regex: false,
            ignore_case: false,
            whole_word: false,
        };
        assert!(words(rule("dc:title", empty)).contains("needs the text to find"));
        // Good rules pass, a copy's source normalised.
        let ok = rule(
            "dc:alt",
            EditOp::Copy {
                from: "metadata/dc:title".into(),
            },
        )
        .unwrap();
        assert_eq!(
            ok.edits[0].op,
            EditOp::Copy {
                from: "dc:title".into()
            }
        );
        let ok = EditOp::FromName {
            pattern: "^(?<sku>\\d+)_".into(),
            template: "{sku} {1} {name} {dc:title}".into(),
            whole_path: false,
        };
        assert!(rule("dc:identifier", ok).is_ok());
    }

    #[test]
    fn every_rule_is_described_in_both_languages() {
        let en = metadesk_base::i18n::Localizer::english();
        let fr = metadesk_base::i18n::Localizer::new(metadesk_base::i18n::Lang::Fr);
        let where_empty = EditOp::Where {
            property_is: Emptiness::Empty,
            op: Box::new(EditOp::Case { to: Case::Title }),
        };
        assert_eq!(
            where_empty.describe("dc:title").localized(&en),
            "dc:title: capitalise each word (only where empty)"
        );
        for op in [
            where_empty,
            EditOp::Template {
                template: "{name}".into(),
            },
            EditOp::FromName {
                pattern: "^x".into(),
                template: "{name}".into(),
                whole_path: true,
            },
            EditOp::Copy {
                from: "dc:title".into(),
            },
            EditOp::Trim { collapse: true },
            EditOp::ShiftDate { by: "7d".into() },
            EditOp::SetDate {
                to: "2025-01-31".into(),
            },
            EditOp::Replace {
                find: "a".into(),
                replace: "b".into(),
                regex: false,
                ignore_case: true,
                whole_word: true,
            },
        ] {
            reads_french(&op.describe("dc:title").localized(&fr));
            let english = op.describe("dc:title").localized(&en);
            assert!(
                !english.contains("{$"),
                "a variable left unfilled: {english}"
            );
        }
    }
}
