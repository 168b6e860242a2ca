//! Tags: a tag merged, moved or deleted with the assets under a folder that hold it fixed
//! first. The preview is a bulk run like any other (`preview` with a tag change ask; applied,
//! reported and undone by the bulk commands, the tag itself changed by the core once its
//! assets are done; a change no asset under the folder follows is applied with `apply_run` too,
//! which sends AEM's command at once). And how many assets under a folder hold each tag.

use metadesk_core::app::TagCounts;
use tauri::State;

use crate::ipc_error::IpcError;
use crate::state::AppState;
use crate::worded::Worded;

/// How many assets under `folder` (and its subfolders) hold each tag or a tag below it; folders
/// that could not be listed and assets that could not be read are in the answer, in words.
#[tauri::command]
pub async fn count_tags(
    state: State<'_, AppState>,
    connection_id: String,
    folder: String,
) -> Result<TagCounts, IpcError> {
    let opened = super::open_stored(&state, connection_id).await?;
    let mut counts = state
        .workspace
        .tag_counts(&opened, &folder)
        .await
        .worded(&state)?;
    counts.localize(&state.localizer());
    Ok(counts)
}
