//! [`Scope`], a scope as a person chooses and saves it, and the run's folder and filters it
//! becomes (and comes back from).
//!
//! Not here: reading conditions (`parsing.rs`), their words (`wording.rs`), the count of a
//! scope (`crate::scope_count`).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Combine, Condition, ScopeSource};
use crate::spec::ScopeFilters;
use metadesk_assets::folders::normalize_folder;
use metadesk_clients::error::{Error, ErrorCode, Result};

/// A scope as a person chooses (and saves) it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Scope {
    Folder {
        folder: String,
        recursive: bool,
    },
    Search {
        under: String,
        recursive: bool,
        conditions: Vec<Condition>,
        #[serde(default)]
        combine: Combine,
    },
    List {
        entries: Vec<String>,
    },
}

impl Scope {
    /// The run's folder and filters for this scope (a list's folder is the DAM root).
    pub fn into_run_scope(self) -> Result<(String, ScopeFilters)> {
        match self {
            Scope::Folder { folder, recursive } => Ok((
                normalize_folder(&folder)?,
                ScopeFilters {
                    recursive,
                    ..ScopeFilters::default()
                },
            )),
            Scope::Search {
                under,
                recursive,
                conditions,
                combine,
            } => {
                let conditions = conditions
                    .into_iter()
                    .map(Condition::validated)
                    .collect::<Result<Vec<_>>>()?;
                let filters = ScopeFilters {
                    recursive,
                    selection: Some(ScopeSource::Search {
                        conditions,
                        combine,
                    }),
                    ..ScopeFilters::default()
                };
                Ok((normalize_folder(&under)?, filters))
            }
            Scope::List { entries } => {
                let entries: Vec<String> = entries
                    .into_iter()
                    .map(|e| e.trim().to_owned())
                    .filter(|e| !e.is_empty())
                    .collect();
                if entries.is_empty() {
                    return Err(Error::message(
                        ErrorCode::InvalidInput,
                        "error-list-empty",
                        vec![],
                    ));
                }
                let filters = ScopeFilters {
                    selection: Some(ScopeSource::List { entries }),
                    ..ScopeFilters::default()
                };
                Ok((metadesk_assets::DAM_ROOT.to_owned(), filters))
            }
        }
    }

    /// The run's folder and filters for this scope narrowed by a name pattern and formats (Bulk
    /// edit's folder filters, the CLI's `--name` and `--format`): the one place both faces
    /// turn what a person chose into what a run takes.
    pub fn into_run_scope_with(
        self,
        name: Option<String>,
        formats: Vec<String>,
    ) -> Result<(String, ScopeFilters)> {
        let (folder, mut filters) = self.into_run_scope()?;
        let name = name.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty());
        if let Some(name) = &name {
            super::check_name_pattern(name)?;
        }
        filters.name = name;
        filters.formats = formats;
        Ok((folder, filters))
    }

    /// The scope a run was given, from its spec.
    pub fn of_run(folder: &str, filters: &ScopeFilters) -> Scope {
        match &filters.selection {
            None => Scope::Folder {
                folder: folder.to_owned(),
                recursive: filters.recursive,
            },
            Some(ScopeSource::Search {
                conditions,
                combine,
            }) => Scope::Search {
                under: folder.to_owned(),
                recursive: filters.recursive,
                conditions: conditions.clone(),
                combine: *combine,
            },
            Some(ScopeSource::List { entries }) => Scope::List {
                entries: entries.clone(),
            },
        }
    }
}
