//! Which assets a run edits, beyond "the assets of a folder": a search (conditions in words,
//! combined with *all* or *any*, under the run's folder) or a list (DAM paths, Assets UI links,
//! `urn:aaid:aem:` ids). [`Scope`] is the form a person chooses and saves; [`ScopeSource`] is what
//! a [`super::RunSpec`] records of it (the folder and "with subfolders" stay in the spec).
//!
//! The words of a condition are the same in the window and on the command line
//! (`dc:rights is empty`, `tag is wknd:activity/surfing`, `modified after 2026-03-01`,
//! `expires before today`, `expires within 30 days`), and
//! [`Condition::parse`] reads back what [`Condition::describe`] writes.
//!
//! Not here: sending the query or walking its pages (`assets::search`), resolving a list
//! against AEM (`searching.rs`).
//!
//! This file holds the types; the rest is one file per job: [`Scope`] and a run's parts
//! (`chosen.rs`), reading conditions in English or French (`parsing.rs`), their words
//! (`wording.rs`), the QueryBuilder query (`querybuilder.rs`) and expiry (`expiry.rs`).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

mod chosen;
mod expiry;
pub(crate) mod filters;
mod parsing;
mod querybuilder;
mod wording;

pub use chosen::{RunScope, Scope};
pub use expiry::{EXPIRY_PROPERTY, days_of, expiry_bounds};
pub use filters::{FragmentScope, ScopeFilters};
pub use parsing::check_name_pattern;
pub use querybuilder::{folder_predicates, hit_properties, query_text, search_predicates};
pub use wording::{conditions_reason, scope_reason};

/// A scope of this size or more is better done by AEM's own bulk tools.
pub const LARGE_SCOPE: u64 = 50_000;

/// One condition on an asset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Condition {
    IsEmpty {
        property: String,
    },
    IsNotEmpty {
        property: String,
    },
    Equals {
        property: String,
        value: String,
    },
    NotEquals {
        property: String,
        value: String,
    },
    Contains {
        property: String,
        value: String,
    },
    NotContains {
        property: String,
        value: String,
    },
    /// Tagged with this tag or one below it (`wknd:activity/surfing`).
    Tagged {
        tag: String,
    },
    /// `dc:format` is this type (`image/jpeg`) or in this family (`image/*`).
    FileType {
        format: String,
    },
    /// Dates are days (`YYYY-MM-DD`, UTC): "before" is before that day, "after" from it on.
    ModifiedBefore {
        date: String,
    },
    ModifiedAfter {
        date: String,
    },
    CreatedBefore {
        date: String,
    },
    CreatedAfter {
        date: String,
    },
    /// `prism:expirationDate` (the "Expires" field of AEM's Advanced tab) before that day;
    /// `date` is a day or `today`, kept as written so that a saved search stays current.
    ExpiresBefore {
        date: String,
    },
    /// `prism:expirationDate` on that day or later (a day or `today`).
    ExpiresAfter {
        date: String,
    },
    /// `prism:expirationDate` from now to `days` days from now (not yet expired).
    ExpiresWithin {
        days: u32,
    },
    /// The file name matches (`*` any run, `?` one character; case as typed).
    NameMatches {
        pattern: String,
    },
}

/// How conditions combine.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Combine {
    #[default]
    All,
    Any,
}

/// What a run records of a scope other than a folder's assets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ScopeSource {
    /// The assets under the run's folder that match the conditions.
    Search {
        conditions: Vec<Condition>,
        #[serde(default)]
        combine: Combine,
    },
    /// The assets of a list, as given (one entry per line, resolved when previewed).
    List { entries: Vec<String> },
}

#[cfg(test)]
mod tests;
