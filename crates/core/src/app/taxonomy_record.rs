//! What an import's undo goes by ([`ImportRecord`]): the AEM and connection it wrote through,
//! the tags it created, each value it changed with the one AEM held before. An import is a run:
//! its record is read from its journal; imports made before they were runs kept it in
//! `{data}/tag-imports/{id}.json`, still read. And the reads and checks the taxonomy's pages
//! make, retried as a run's are.
//!
//! Not here: the import (`taxonomy_import.rs`), the undo (`taxonomy_undo.rs`).

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use metadesk_assets::CallError;
use metadesk_base::i18n::{MessageArg, Part, Text};
use metadesk_bulk::Settings;
use metadesk_bulk::glance::{retried, worth_retrying};
use metadesk_bulk::run_control::RunControl;
use metadesk_clients::error::{Error, ErrorCode, Result};

pub use metadesk_bulk::tag_import::{NewTag, TagValueChange};

use crate::app::{Opened, Workspace};

/// 2: the record names the AEM and the stored connection it was made on.
const RECORD_VERSION: u32 = 2;

/// A row number or a count as a message argument.
pub(crate) fn number(n: usize) -> Part {
    Part::Arg(MessageArg::Number(n as f64))
}

pub(crate) fn refused(id: &'static str, args: Vec<(&'static str, Part)>) -> Error {
    Error::worded(ErrorCode::InvalidInput, Text::new(id, args))
}

/// `request` (a read or a check: the same request again does the same) sent as a run's
/// requests are retried (the engine's `Settings::retry`): a throttle waited out as long as AEM
/// asks (within the policy), a 5xx or an unreachable host asked again.
pub(crate) async fn sent<T, Fut>(request: impl FnMut() -> Fut) -> std::result::Result<T, CallError>
where
    Fut: std::future::Future<Output = std::result::Result<T, CallError>>,
{
    // Nobody cancels one taxonomy request half-way: the control is its own.
    match retried(
        &RunControl::new(),
        &Settings::default().retry,
        worth_retrying,
        request,
    )
    .await
    {
        Ok(Some(answer)) => Ok(answer),
        Ok(None) => Err(CallError::Transient(Text::plain("reason-cancelled"))),
        Err(tried) => Err(tried.error),
    }
}

/// What an import wrote, kept for its undo.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ImportRecord {
    version: u32,
    pub id: String,
    /// The connection it was written through (`Opened::label`).
    pub connection: String,
    /// The stored connection's id; none for a credential file (records of version 1 have
    /// none either).
    #[serde(default)]
    pub connection_id: Option<String>,
    /// The AEM author it wrote to; none in records of version 1, bound to the label alone.
    #[serde(default)]
    pub aem: Option<String>,
    pub file_name: String,
    pub at: String,
    pub created: Vec<NewTag>,
    pub changed: Vec<TagValueChange>,
}

impl ImportRecord {
    /// The record of tag import run `run_id` (`spec`): what its journal says it may have
    /// written.
    pub(crate) fn of_run(
        run_id: &str,
        spec: &metadesk_bulk::spec::RunSpec,
        created: Vec<NewTag>,
        changed: Vec<TagValueChange>,
        at: String,
    ) -> Self {
        ImportRecord {
            version: RECORD_VERSION,
            id: run_id.to_owned(),
            connection: spec.connection.clone(),
            connection_id: spec.connection_id.clone(),
            aem: Some(spec.aem.clone()),
            file_name: spec
                .op
                .as_ref()
                .and_then(|op| op.as_tag_import())
                .map(|p| p.file_name.clone())
                .unwrap_or_default(),
            at,
            created,
            changed,
        }
    }
}

impl Workspace {
    /// Where an import made before imports were runs kept its record.
    pub(crate) fn import_record_path(&self, id: &str) -> Option<PathBuf> {
        let safe = !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        safe.then(|| {
            self.dirs
                .data
                .join("tag-imports")
                .join(format!("{id}.json"))
        })
    }
}

/// Whether the account may change the taxonomy (AEM's own `canCreateTag`), asked about `id`.
pub(crate) async fn check_rights(opened: &Opened, id: &str) -> Result<()> {
    let check = [("cmd", "canCreateTag"), ("tag", id)];
    let aem = &opened.connected.assets;
    match sent(|| aem.tag_command(&check)).await {
        Ok(()) => Ok(()),
        Err(
            CallError::Rejected {
                status: 401 | 403, ..
            }
            | CallError::Forbidden(_),
        ) => Err(refused(
            "error-tag-no-rights",
            vec![("connection", opened.label.as_str().into())],
        )),
        Err(e) => Err(refused(
            "error-tag-unchecked",
            vec![("detail", e.text().into())],
        )),
    }
}
