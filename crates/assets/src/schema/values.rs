//! Whether a typed value fits a schema field: one of a dropdown's options, a number, a date,
//! `true`/`false` for a checkbox; a read-only field takes none. Text, tags and widgets Metadesk
//! does not know take any value.
//!
//! Not here: which field a property has (`Schema::fields_for`), where the value comes from (a
//! bulk edit, a sheet's cell).

use metadesk_base::i18n::{Part, Text};

use super::{FieldKind, SchemaField};

/// How many of a dropdown's options a refusal quotes ("… and 118 more").
pub const QUOTED_OPTIONS: usize = 5;

/// Why a value does not fit a field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValueProblem {
    NotAnOption {
        value: String,
    },
    NotANumber {
        value: String,
    },
    /// A number below the field's `min` or above its `max`.
    OutOfRange {
        value: String,
    },
    NotADate {
        value: String,
    },
    NotABoolean {
        value: String,
    },
    ReadOnly,
}

impl ValueProblem {
    /// The problem in words, naming the field by its label and property.
    pub fn text(&self, field: &SchemaField) -> Text {
        let named = |id: &'static str, value: &str| {
            Text::new(
                id,
                vec![
                    ("value", value.into()),
                    ("label", field.label.as_str().into()),
                    ("property", field.property.as_str().into()),
                ],
            )
        };
        match self {
            ValueProblem::NotAnOption { value } => {
                // A few options, not the list: a reason is kept per skipped asset, and a
                // dropdown may offer thousands.
                let quoted: Vec<String> = field
                    .options
                    .iter()
                    .take(QUOTED_OPTIONS)
                    .map(|c| format!("\u{201c}{}\u{201d}", c.value))
                    .collect();
                let more = field.options.len().saturating_sub(QUOTED_OPTIONS);
                let options = if more == 0 {
                    Text::from(quoted.join(", "))
                } else {
                    Text::new(
                        "schema-options-and-more",
                        vec![
                            ("options", Part::from(Text::from(quoted.join(", ")))),
                            ("more", (more as f64).into()),
                        ],
                    )
                };
                Text::new(
                    "schema-value-not-option",
                    vec![
                        ("value", value.as_str().into()),
                        ("label", field.label.as_str().into()),
                        ("property", field.property.as_str().into()),
                        ("options", Part::from(options)),
                    ],
                )
            }
            ValueProblem::NotANumber { value } => named("schema-value-not-number", value),
            ValueProblem::OutOfRange { value } => Text::new(
                "schema-value-out-of-range",
                vec![
                    ("value", value.as_str().into()),
                    ("label", field.label.as_str().into()),
                    ("property", field.property.as_str().into()),
                    ("min", field.min.as_deref().unwrap_or("none").into()),
                    ("max", field.max.as_deref().unwrap_or("none").into()),
                ],
            ),
            ValueProblem::NotADate { value } => named("schema-value-not-date", value),
            ValueProblem::NotABoolean { value } => named("schema-value-not-boolean", value),
            ValueProblem::ReadOnly => named("schema-field-read-only", ""),
        }
    }
}

/// Whether `value` (one value, as typed) may be written to `field`.
pub fn check_value(field: &SchemaField, value: &str) -> Result<(), ValueProblem> {
    if field.read_only {
        return Err(ValueProblem::ReadOnly);
    }
    let v = value.trim();
    let owned = || value.to_owned();
    match field.kind {
        FieldKind::Dropdown
            if !field.options.is_empty() && !field.options.iter().any(|c| c.value == value) =>
        {
            Err(ValueProblem::NotAnOption { value: owned() })
        }
        FieldKind::Number if !v.parse::<f64>().is_ok_and(f64::is_finite) => {
            Err(ValueProblem::NotANumber { value: owned() })
        }
        FieldKind::Number if !in_range(field, v) => {
            Err(ValueProblem::OutOfRange { value: owned() })
        }
        FieldKind::Date if !is_date(v) => Err(ValueProblem::NotADate { value: owned() }),
        FieldKind::Checkbox
            if !(v.eq_ignore_ascii_case("true") || v.eq_ignore_ascii_case("false")) =>
        {
            Err(ValueProblem::NotABoolean { value: owned() })
        }
        _ => Ok(()),
    }
}

/// `2026-03-31`, or a time as AEM stores one (`2026-03-31T09:00:00.000+02:00`), or as a sheet
/// gives a date cell back (`2026-03-31T00:00:00.000`, no offset).
fn is_date(v: &str) -> bool {
    use time::format_description::well_known::Rfc3339;
    let day = time::macros::format_description!("[year]-[month]-[day]");
    let local = time::macros::format_description!(
        "[year]-[month]-[day]T[hour]:[minute]:[second][optional [.[subsecond]]]"
    );
    time::Date::parse(v, &day).is_ok()
        || time::OffsetDateTime::parse(v, &Rfc3339).is_ok()
        || time::PrimitiveDateTime::parse(v, &local).is_ok()
}

/// Whether the number `v` lies within `field`'s bounds (a bound the form does not give holds).
fn in_range(field: &SchemaField, v: &str) -> bool {
    let Ok(n) = v.parse::<f64>() else {
        return true;
    };
    let bound = |b: &Option<String>| b.as_deref().and_then(|b| b.parse::<f64>().ok());
    bound(&field.min).is_none_or(|min| n >= min) && bound(&field.max).is_none_or(|max| n <= max)
}
