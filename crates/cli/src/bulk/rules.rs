//! The flags of the rules (edits that compute a value per asset): `bulk replace`, `bulk set
//! --template`/`--from-name`/`--copy-from`, `bulk date`, `bulk case`, `bulk trim`, and
//! `--only-where` on each, turned into the engine's [`Edit`]s.
//!
//! Not here: checking the rules (a pattern that reads, a template naming known fields:
//! `spec::validate_edits`, the same check as the window's).

use clap::{Args, ValueEnum};
use metadesk_core::bulk::compute::Case;
use metadesk_core::bulk::{Edit, EditOp, Emptiness};

/// `--only-where`: limit an edit to the assets where the property is empty, or is not.
#[derive(Clone, Copy, ValueEnum)]
pub enum OnlyWhere {
    Empty,
    NotEmpty,
}

/// The property a rule edits, and `--only-where`: flags every rule shares.
#[derive(Args, Clone)]
pub struct PropertyFlags {
    /// The metadata property, `prefix:name` (e.g. dc:rights; `metadata/dc:rights` works too).
    #[arg(long)]
    pub property: String,
    /// Only the assets where the property is empty (fill the gaps), or only where it is not.
    #[arg(long, value_enum, value_name = "WHERE")]
    pub only_where: Option<OnlyWhere>,
}

impl PropertyFlags {
    /// The edit of the property by `op`, limited by `--only-where`.
    pub fn edit(&self, op: EditOp) -> Edit {
        let op = match self.only_where {
            None => op,
            Some(only) => EditOp::Where {
                property_is: match only {
                    OnlyWhere::Empty => Emptiness::Empty,
                    OnlyWhere::NotEmpty => Emptiness::NotEmpty,
                },
                op: Box::new(op),
            },
        };
        Edit {
            property: self.property.clone(),
            op,
        }
    }
}

/// `bulk replace`.
#[derive(Args, Clone)]
pub struct ReplaceFlags {
    /// The text to find (a regular expression with --regex).
    #[arg(long, value_name = "TEXT")]
    pub find: String,
    /// What to put instead (empty to delete what is found); with --regex, $1 or ${name} put
    /// back what a group found.
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub replace: String,
    /// --find is a regular expression.
    #[arg(long)]
    pub regex: bool,
    /// Find WKND, Wknd and wknd alike.
    #[arg(long)]
    pub ignore_case: bool,
    /// Only where --find is a whole word (not inside a longer word).
    #[arg(long)]
    pub whole_word: bool,
}

impl ReplaceFlags {
    pub fn op(&self) -> EditOp {
        EditOp::Replace {
            find: self.find.clone(),
            replace: self.replace.clone(),
            regex: self.regex,
            ignore_case: self.ignore_case,
            whole_word: self.whole_word,
        }
    }
}

/// The rules of `bulk set` (instead of --value): a template, a file name's parts, a copy.
#[derive(Args, Clone, Default)]
pub struct RuleArgs {
    /// Set from a template: {Title} (a field's label, as the form shows it) or {dc:title} is a
    /// property's value, {name} the file name without its extension, {filename}, {extension},
    /// {folder} (the folder's name), {path}; {{ and }} write a brace. An asset missing a value
    /// it names is skipped, with why.
    #[arg(long, value_name = "TEMPLATE", conflicts_with = "copy_from")]
    pub template: Option<String>,
    /// With --template: a regular expression matched on the file name, whose groups the
    /// template names ({sku} for (?<sku>…), {1} for the first group). An asset whose name does
    /// not match is skipped, with why.
    #[arg(long, value_name = "PATTERN", requires = "template")]
    pub from_name: Option<String>,
    /// With --from-name: match the whole path rather than the file name.
    #[arg(long, requires = "from_name")]
    pub whole_path: bool,
    /// Copy another property's value (one value or a list, as it is).
    #[arg(long, value_name = "PROPERTY")]
    pub copy_from: Option<String>,
}

impl RuleArgs {
    /// The rule, when one of them was given.
    pub fn op(&self) -> Option<EditOp> {
        if let Some(from) = &self.copy_from {
            return Some(EditOp::Copy { from: from.clone() });
        }
        let template = self.template.clone()?;
        Some(match &self.from_name {
            Some(pattern) => EditOp::FromName {
                pattern: pattern.clone(),
                template,
                whole_path: self.whole_path,
            },
            None => EditOp::Template { template },
        })
    }
}

/// `bulk date`.
#[derive(Args, Clone)]
#[group(required = true, multiple = false, id = "change")]
pub struct DateFlags {
    /// Move every date by a duration: 7d, -1w, +2h30m (w weeks, d days, h hours, m minutes,
    /// s seconds), in the value's own time zone.
    #[arg(
        long,
        value_name = "DURATION",
        allow_hyphen_values = true,
        group = "change"
    )]
    pub shift: Option<String>,
    /// Set every date: a day (2025-01-31: its time and zone kept), a day and time
    /// (2025-01-31T09:00: its zone kept) or a moment with its zone (2025-01-31T09:00:00Z).
    #[arg(long, value_name = "DATE", group = "change")]
    pub to: Option<String>,
}

impl DateFlags {
    pub fn op(&self) -> EditOp {
        match (&self.shift, &self.to) {
            (Some(by), _) => EditOp::ShiftDate { by: by.clone() },
            (None, to) => EditOp::SetDate {
                to: to.clone().unwrap_or_default(),
            },
        }
    }
}

/// `bulk case --to`.
#[derive(Clone, Copy, ValueEnum)]
pub enum CaseTo {
    Upper,
    Lower,
    Title,
    Sentence,
}

impl CaseTo {
    pub fn op(self) -> EditOp {
        EditOp::Case {
            to: match self {
                CaseTo::Upper => Case::Upper,
                CaseTo::Lower => Case::Lower,
                CaseTo::Title => Case::Title,
                CaseTo::Sentence => Case::Sentence,
            },
        }
    }
}
