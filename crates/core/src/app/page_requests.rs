//! What the window sends for a page of something: a run's preview or report rows, a folder's
//! subfolders. One argument struct per command (issue 43), each a ts-rs binding.
//!
//! Not here: reading the pages (`runs.rs`).

use serde::Deserialize;
use ts_rs::TS;

use metadesk_bulk::{Action, ReportStatus};

/// A page of a run's preview rows; `action` none means every row.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PreviewRowsRequest {
    pub run_id: String,
    pub action: Option<Action>,
    #[ts(type = "number")]
    pub offset: u64,
    #[ts(type = "number")]
    pub limit: u64,
}

/// A page of a run's report; `status` none means every asset.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReportRowsRequest {
    pub run_id: String,
    pub status: Option<ReportStatus>,
    #[ts(type = "number")]
    pub offset: u64,
    #[ts(type = "number")]
    pub limit: u64,
}

/// A page of a folder's subfolders on a connection, from `offset`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FolderPageRequest {
    pub connection_id: String,
    pub folder: String,
    #[ts(type = "number")]
    pub offset: u64,
}
