//! Uploading files into a DAM folder (issue 65, its first slice): the plan (each file's size,
//! AEM path and what happens to it: `bulk::upload_plan`), then its send (folders made first,
//! each file's three-step direct binary upload: `assets::upload`). An OAuth Server-to-Server
//! connection is refused before any byte is sent: Adobe does not support those credentials
//! for AEM's upload API; service credentials from the AEM Developer Console and local
//! development tokens upload.
//!
//! Not yet: metadata from a sheet, a journal, resume, undo, the window's page. The plan and
//! the one-file write are kept apart so the engine can run them as an operation.

use std::path::PathBuf;

use super::{Opened, Workspace, blocking};
use metadesk_assets::CallError;
use metadesk_assets::classic::ClassicAssets;
use metadesk_assets::folders::DamFolder;
use metadesk_assets::upload::WhenDifferent;
use metadesk_bulk::upload_plan::{self, UploadPlan};
use metadesk_clients::error::Result;
use metadesk_clients::{Error, ErrorCode};
use metadesk_credentials::credentials::ApiFamily;

/// Each row's outcome, in the plan's order: `None` for a file not sent (the same, refused).
pub type UploadOutcomes = Vec<Option<std::result::Result<(), CallError>>>;

impl Workspace {
    /// Plans uploading `inputs` (files, and folders whose contents go in with their
    /// subfolders) into `folder`, which must exist; reads what AEM holds at each path, sends
    /// nothing.
    pub async fn plan_upload(
        &self,
        opened: &Opened,
        inputs: Vec<PathBuf>,
        folder: &str,
        when_different: WhenDifferent,
    ) -> Result<UploadPlan> {
        let aem = uploader(opened)?;
        let folder = DamFolder::parse(folder)?;
        let target = folder.as_str().to_owned();
        aem.node(&target, "")
            .await
            .map_err(|e| failed(&target, e))?;
        let mut plan = blocking(move || Ok(upload_plan::gather(&inputs, &target))).await?;
        upload_plan::compare(&aem, &mut plan, when_different)
            .await
            .map_err(|e| failed(folder.as_str(), e))?;
        Ok(plan)
    }

    /// Sends a plan made by [`Workspace::plan_upload`].
    pub async fn send_upload(&self, opened: &Opened, plan: &UploadPlan) -> Result<UploadOutcomes> {
        let aem = uploader(opened)?;
        upload_plan::send(&aem, plan)
            .await
            .map_err(|e| failed(&plan.folder, e))
    }
}

/// The connection's classic API, or the refusal of an OAuth Server-to-Server connection.
fn uploader(opened: &Opened) -> Result<ClassicAssets> {
    if opened.connected.family == ApiFamily::OpenApi {
        return Err(Error::message(
            ErrorCode::InvalidInput,
            "error-upload-oauth",
            vec![],
        ));
    }
    Ok(ClassicAssets::new(opened.connected.client.clone()))
}

fn failed(folder: &str, e: CallError) -> Error {
    match e {
        CallError::NotFound => Error::message(
            ErrorCode::NotFound,
            "error-no-such-folder",
            vec![("folder", folder.into())],
        ),
        CallError::Auth(e) | CallError::Unreachable(e) | CallError::Aem(e) => Error::Aem(e),
        other => Error::worded(
            ErrorCode::InvalidInput,
            metadesk_base::i18n::Text::new(
                "error-upload-failed",
                vec![("detail", other.text().into())],
            ),
        ),
    }
}
