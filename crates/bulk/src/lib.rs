//! The bulk metadata engine: plan (preview), apply, journal, resume, undo, report.
//!
//! A run starts with [`Engine::plan`] from its [`RunSource`] (a scope, a sheet's rows, an
//! earlier run's journal, a tag sheet's or an upload's plan), which writes the plan to the
//! run's journal; [`Engine::apply`] writes exactly that plan, and is also how an
//! interrupted or cancelled run is resumed. [`runs`] lists runs and builds reports from the
//! journals. The app and the CLI both drive it through [`RunControl`] and a [`Progress`]
//! callback.
//!
//! Not here: HTTP details of the Assets APIs (`metadesk_assets`), connections and tokens.

pub mod at_most;
pub mod by_folder;
pub mod compute;
pub mod concurrency;
pub mod edit;
pub mod engine;
pub mod failures;
pub mod found_by;
pub mod glance;
pub mod journal;
pub mod list_check;
mod list_entries;
pub mod move_names;
pub mod moves;
pub mod open_query;
pub mod open_walk;
pub mod operation;
pub mod ops;
pub mod parts;
pub mod progress;
pub mod property_titles;
pub mod publish_words;
pub mod reasons;
pub mod replay;
pub mod report_csv;
pub mod republished;
pub mod request_gate;
pub mod rules;
pub mod run_control;
pub mod run_history;
mod run_kind;
pub mod run_page;
pub mod run_undone;
pub mod runs;
pub mod sample;
pub mod scope;
pub mod scope_count;
pub mod scope_walk;
pub mod searching;
pub mod source;
pub mod spec;
pub mod tag_import;
pub mod tag_import_undo;
pub mod tag_step;
pub mod undo_links;
pub mod upload;
pub mod upload_plan;
pub mod upload_undo;
pub mod write_paths;

pub use engine::{Engine, RunSource, Settings};
pub use journal::{
    Action, ChangedSince, EmptiedRequired, Outcome, PlanRow, PreviewCounts, PropertyChange,
};
pub use progress::{Phase, Progress};
pub use replay::{Counts, RunStatus};
pub use run_control::{ControlState, RunControl};
pub use runs::{PreviewPage, ReportPage, ReportRow, ReportStatus, RunSummary};
pub use scope::{Combine, Condition, RunScope, Scope, ScopeSource};
pub use scope_count::ScopeCount;
pub use spec::{
    Agent, ApplyRequest, Edit, EditOp, Emptiness, FragmentScope, PublishFrom, Replication, RunKind,
    RunRequest, RunSpec, ScopeFilters,
};

#[cfg(test)]
mod tests;
