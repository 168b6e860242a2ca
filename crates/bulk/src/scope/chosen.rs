//! [`Scope`], a scope as a person chooses and saves it, and [`RunScope`], the run's checked
//! folder and filters it becomes (and comes back from).
//!
//! Not here: reading conditions (`parsing.rs`), their words (`wording.rs`), the count of a
//! scope (`crate::scope_count`).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::filters::ScopeFilters;
use super::{Combine, Condition, ScopeSource};
use metadesk_assets::folders::DamFolder;
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
    /// The run's scope for this one (a list's folder is the DAM root), checked.
    pub fn into_run_scope(self) -> Result<RunScope> {
        self.into_run_scope_with(None, Vec::new())
    }

    /// The run's scope for this one narrowed by a name pattern and formats (Bulk edit's folder
    /// filters, the CLI's `--name` and `--format`): the one place both faces turn what a
    /// person chose into what a run takes.
    pub fn into_run_scope_with(
        self,
        name: Option<String>,
        formats: Vec<String>,
    ) -> Result<RunScope> {
        let (folder, recursive, selection) = match self {
            Scope::Folder { folder, recursive } => (folder, recursive, None),
            Scope::Search {
                under,
                recursive,
                conditions,
                combine,
            } => (
                under,
                recursive,
                Some(ScopeSource::Search {
                    conditions,
                    combine,
                }),
            ),
            Scope::List { entries } => (
                metadesk_assets::DAM_ROOT.to_owned(),
                false,
                Some(ScopeSource::List { entries }),
            ),
        };
        let filters = ScopeFilters {
            recursive,
            name,
            formats,
            selection,
            fragments: None,
        };
        RunScope::checked(&folder, filters)
    }

    /// The scope a run was given, from its spec.
    pub fn of_run(scope: &RunScope) -> Scope {
        let (folder, filters) = (scope.folder().to_string(), scope.filters());
        match &filters.selection {
            None => Scope::Folder {
                folder,
                recursive: filters.recursive,
            },
            Some(ScopeSource::Search {
                conditions,
                combine,
            }) => Scope::Search {
                under: folder,
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

/// A run's scope, checked once ([`RunScope::checked`]): its folder a DAM folder, its search
/// conditions and name pattern valid, a list's entries trimmed and at least one. Every stage
/// after takes it as it is. A journal's is read back with its folder checked again and its
/// filters as the run recorded them (they were checked when the run was made).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RunScope {
    #[ts(type = "string")]
    folder: DamFolder,
    filters: ScopeFilters,
}

impl RunScope {
    /// `folder` and `filters` checked: the one way a run's scope is made (from a [`Scope`], or
    /// from the window's request, which sends them back as it was given them).
    pub fn checked(folder: &str, filters: ScopeFilters) -> Result<Self> {
        let folder = DamFolder::parse(folder)?;
        let name = filters
            .name
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty());
        if let Some(name) = &name {
            super::check_name_pattern(name)?;
        }
        let selection = match filters.selection {
            None => None,
            Some(ScopeSource::Search {
                conditions,
                combine,
            }) => Some(ScopeSource::Search {
                conditions: conditions
                    .into_iter()
                    .map(Condition::validated)
                    .collect::<Result<Vec<_>>>()?,
                combine,
            }),
            Some(ScopeSource::List { entries }) => {
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
                Some(ScopeSource::List { entries })
            }
        };
        Ok(RunScope {
            folder,
            filters: ScopeFilters {
                name,
                selection,
                ..filters
            },
        })
    }

    /// Every asset of `folder` (and of its subfolders when `recursive`): nothing else to check.
    pub fn of_folder(folder: DamFolder, recursive: bool) -> Self {
        RunScope {
            folder,
            filters: ScopeFilters {
                recursive,
                ..ScopeFilters::default()
            },
        }
    }

    /// The folder, or the folder a search looks under (the DAM root for a list).
    pub fn folder(&self) -> &DamFolder {
        &self.folder
    }

    pub fn filters(&self) -> &ScopeFilters {
        &self.filters
    }
}
