//! Checking edits before a run (property names, values, rules that read) and computing a
//! property's value after an edit, per asset: the typed values from the value before, the rules
//! from it and the asset's other properties and path, or the reason a rule cannot compute on
//! that asset.
//!
//! Not here: what an edit is (`edit.rs`), the text and date mechanisms (`compute/`), reading or
//! writing AEM.

use serde_json::Value;

use crate::compute::{self, Asset, Regexes, dates, template, text};
use crate::edit::{Edit, EditOp, Emptiness, regex_only};
use metadesk_assets::schema::{SchemaField, check_value};
use metadesk_assets::tag_names::check_tag_id;
use metadesk_base::i18n::{MessageArg, SavedText};
use metadesk_clients::error::{Error, ErrorCode, Result};

/// Checks edits and normalises their property names: values given, no property edited twice,
/// computing rules that read (a pattern, a template, a duration). The faces call it before
/// asking AEM anything; [`RunSpec::validated`] calls it again.
pub fn validate_edits(edits: &mut [Edit]) -> Result<()> {
    validate_edits_with(edits, validate_target)
}

/// [`validate_edits`] for content fragments, whose edits name fields ([`validate_field`]).
pub fn validate_field_edits(edits: &mut [Edit]) -> Result<()> {
    validate_edits_with(edits, validate_field)
}

fn validate_edits_with(edits: &mut [Edit], target: fn(&str) -> Result<String>) -> Result<()> {
    for edit in edits.iter_mut() {
        edit.property = target(&edit.property)?;
        validate_op(&edit.property, &mut edit.op)?;
    }
    edited_twice(edits).collect()
}

/// Checks what an edit does to `property` on its own: its values given and not blank, its rule
/// reads (a pattern, a template, a duration, a date); normalises a copy's source property.
/// [`validate_edits`] asks it of each edit; the window's form check asks it of each row.
pub fn validate_op(property: &str, op: &mut EditOp) -> Result<()> {
    check_rule(property, op)?;
    // A limited edit's values are checked like the edit's own ("only where empty" with no
    // value would otherwise clear the property).
    let op = match &*op {
        EditOp::Where { op, .. } => op.as_ref(),
        op => op,
    };
    match op {
        EditOp::Set { values }
        | EditOp::SetList { values }
        | EditOp::Append { values }
        | EditOp::Remove { values }
            if values.is_empty() =>
        {
            Err(Error::message(
                ErrorCode::InvalidInput,
                "error-edit-no-value",
                vec![("property", property.into())],
            ))
        }
        EditOp::Set { values }
        | EditOp::SetList { values }
        | EditOp::Append { values }
        | EditOp::Remove { values }
            if values.iter().any(|v| v.trim().is_empty()) =>
        {
            Err(Error::message(
                ErrorCode::InvalidInput,
                "error-edit-empty-value",
                vec![("property", property.into())],
            ))
        }
        _ => Ok(()),
    }
}

/// Each edit in order: refused when an edit before it already changes its property (names as
/// normalised), else taken. Two edits of one property would leave the result to their order.
pub fn edited_twice(edits: &[Edit]) -> impl Iterator<Item = Result<()>> + '_ {
    let mut seen = std::collections::HashSet::new();
    edits.iter().map(move |edit| {
        if seen.insert(edit.property.as_str()) {
            Ok(())
        } else {
            Err(Error::message(
                ErrorCode::InvalidInput,
                "error-edit-twice",
                vec![("property", edit.property.as_str().into())],
            ))
        }
    })
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

/// A content fragment field an edit may change: a model field's name (`price`, `main`: letters,
/// digits, `_`, `-`, `.`, starting with a letter or `_`) or the fragment's own title and
/// description (`jcr:title`, `jcr:description`), refused in words otherwise.
pub fn validate_field(raw: &str) -> Result<String> {
    let name = raw.trim();
    let own = [
        metadesk_assets::fragments::TITLE,
        metadesk_assets::fragments::DESCRIPTION,
    ];
    let field = name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'));
    if field || own.contains(&name) {
        return Ok(name.to_owned());
    }
    Err(Error::message(
        ErrorCode::InvalidInput,
        "error-bad-field-name",
        vec![("name", raw.into())],
    ))
}

/// Properties the repository keeps for itself (node type, identity, creation), which a
/// metadata edit must never name: AEM would refuse or, worse, take them.
const PROTECTED: [&str; 5] = [
    "jcr:primaryType",
    "jcr:mixinTypes",
    "jcr:uuid",
    "jcr:created",
    "jcr:createdBy",
];

/// A property an edit may change: a valid name ([`validate_property`]) that is not one the
/// repository keeps for itself (`jcr:primaryType`, `jcr:uuid`…, any `rep:` or `oak:` name),
/// refused in words before anything is sent.
pub fn validate_target(raw: &str) -> Result<String> {
    let name = validate_property(raw)?;
    let internal = name.starts_with("rep:") || name.starts_with("oak:");
    if internal || PROTECTED.contains(&name.as_str()) {
        return Err(Error::message(
            ErrorCode::InvalidInput,
            "error-protected-property",
            vec![("name", name.as_str().into())],
        ));
    }
    Ok(name)
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
pub(crate) fn apply_op(op: &EditOp, before: Option<&Value>) -> Option<Value> {
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
        EditOp::Retag { from, to } => {
            for id in std::iter::once(&*from).chain(to.as_ref()) {
                check_tag_id(id).map_err(|why| Error::worded(ErrorCode::InvalidInput, why))?;
            }
            if to.as_deref() == Some(from.as_str()) {
                return Err(refused("error-rule-retag-itself", property, vec![]));
            }
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

/// The longest value Metadesk writes into one property, in characters. AEM documents no
/// limit, but a longer text in a metadata field is nearly always a rule gone wrong (a
/// replacement pasted into every match), and Excel holds at most 32,767 characters in a cell.
pub const MAX_VALUE_CHARS: usize = 10_000;

/// The value of a property after `op` on `asset`, from its value `before` (`None` = absent);
/// or, for a rule that cannot compute on this asset (a template's property it lacks, a name
/// the pattern does not match, a value that is not a date, a result longer than
/// [`MAX_VALUE_CHARS`]), why, so the asset is skipped with that reason and the rest of the run
/// goes on. A rule that computes an empty text clears the property (`None`): Sling removes a
/// property sent an empty value, so the preview and the journal say so rather than `""`.
pub fn after(
    op: &EditOp,
    before: Option<&Value>,
    asset: Asset<'_>,
    regexes: &Regexes,
) -> std::result::Result<Option<Value>, SavedText> {
    after_in(op, before, asset, regexes, false)
}

/// [`after`] for a property that holds HTML when `html` (a content fragment's rich-text
/// field): find and replace, case and spaces change its text only, its markup kept
/// (`compute::markup`).
pub fn after_in(
    op: &EditOp,
    before: Option<&Value>,
    asset: Asset<'_>,
    regexes: &Regexes,
    html: bool,
) -> std::result::Result<Option<Value>, SavedText> {
    let value = computed(op, before, asset, regexes, html)?;
    let texts = |v: &Value| match v {
        Value::Array(items) => items.iter().filter_map(Value::as_str).map(str::len).max(),
        Value::String(s) => Some(s.len()),
        _ => None,
    };
    // Bytes first: a length in characters is only counted when it may be over.
    if let Some(value) = &value
        && texts(value).is_some_and(|bytes| bytes > MAX_VALUE_CHARS)
    {
        let longest = match value {
            Value::Array(items) => items
                .iter()
                .filter_map(Value::as_str)
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0),
            Value::String(s) => s.chars().count(),
            _ => 0,
        };
        if longest > MAX_VALUE_CHARS {
            return Err(SavedText::new(
                "reason-value-too-long",
                [
                    ("chars", (longest as u64).into()),
                    ("limit", (MAX_VALUE_CHARS as u64).into()),
                ],
            ));
        }
    }
    let computes = !matches!(
        op,
        EditOp::Set { .. }
            | EditOp::SetList { .. }
            | EditOp::Append { .. }
            | EditOp::Remove { .. }
            | EditOp::Clear
    );
    Ok(if computes {
        cleared_if_empty(value)
    } else {
        value
    })
}

/// A computed value as AEM stores it: an empty text is no value (Sling removes a property
/// sent `""`), a list keeps its non-empty texts and is no value when none is left.
fn cleared_if_empty(value: Option<Value>) -> Option<Value> {
    match value {
        Some(Value::String(s)) if s.is_empty() => None,
        Some(Value::Array(items)) => {
            let kept: Vec<Value> = items
                .into_iter()
                .filter(|v| v.as_str() != Some(""))
                .collect();
            (!kept.is_empty()).then_some(Value::Array(kept))
        }
        other => other,
    }
}

/// [`after`] before its bounds.
fn computed(
    op: &EditOp,
    before: Option<&Value>,
    asset: Asset<'_>,
    regexes: &Regexes,
    html: bool,
) -> std::result::Result<Option<Value>, SavedText> {
    let before = before.filter(|v| !v.is_null());
    let bad_rule = || SavedText::new("reason-rule-unreadable", []);
    let in_text = |t: &str, f: &dyn Fn(&str) -> String| {
        if html {
            compute::markup::in_text(t, f)
        } else {
            f(t)
        }
    };
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
                Ok(in_text(t, &|t| {
                    text::replace(t, find, replace, re.as_deref(), matching)
                }))
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
        EditOp::Retag { from, to } => match compute::tags::held_by_path(before, from) {
            Some(value) => Err(SavedText::new(
                "reason-tag-held-by-path",
                [("id", from.as_str().into()), ("value", value.into())],
            )),
            None => Ok(compute::tags::retagged(before, from, to.as_deref())),
        },
        EditOp::Case { to } => {
            compute::each_text(before, |t| Ok(in_text(t, &|t| text::change_case(t, *to))))
        }
        EditOp::Trim { collapse } => {
            compute::each_text(before, |t| Ok(in_text(t, &|t| text::trim(t, *collapse))))
        }
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
                computed(op, before, asset, regexes, html)
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

/// Why a computed value cannot go into its field of the folder's metadata schema (a text that
/// is not one of a dropdown's options, not a number, not a date…), for that asset's reason;
/// `None` when every value of it is allowed. The typed values are checked before the preview
/// (the core's schema check); a computed one is known only per asset.
pub fn schema_refusal(field: &SchemaField, after: Option<&Value>) -> Option<SavedText> {
    let text = |v: &Value| match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let texts: Vec<String> = match after {
        None | Some(Value::Null) => return None,
        Some(Value::Array(items)) => items.iter().map(text).collect(),
        Some(other) => vec![text(other)],
    };
    texts
        .iter()
        .find_map(|t| check_value(field, t).err())
        .map(|problem| SavedText::from(&problem.text(field)))
}
