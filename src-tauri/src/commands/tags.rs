//! Tags: a tag merged, moved or deleted with the assets under a folder that hold it fixed
//! first. The preview is a bulk run like any other (`preview` with a tag change ask; applied,
//! reported and undone by the bulk commands, the tag itself changed by the core once its
//! assets are done); a change no asset
//! under the folder follows is finished at once. And how many assets under a folder hold each
//! tag.

use metadesk_core::app::{ConnectionChoice, RunAction, TagCounts};
use metadesk_core::bulk::RunSummary;
use tauri::State;

use crate::ipc_error::IpcError;
use crate::state::AppState;
use crate::worded::Worded;

/// Changes the tag of a previewed tag change that no asset follows (a whole read found none
/// holding the tag): the run is applied, which sends AEM's command on the tag; on a production
/// connection, `confirm_name` is the connection's name as the user typed it. The run's summary
/// says what AEM did (`tagStep`).
#[tauri::command]
pub async fn finish_unused_tag_change(
    state: State<'_, AppState>,
    run_id: String,
    confirm_name: Option<String>,
) -> Result<RunSummary, IpcError> {
    let ws = &state.workspace;
    let result = async {
        let (_, opened) = ws
            .open_for_run(&run_id, ConnectionChoice::runs_own(), RunAction::Apply)
            .await?;
        ws.finish_unused_tag_change(&opened, &run_id, confirm_name.as_deref())
            .await
    }
    .await;
    let mut summary = result.worded(&state)?;
    summary.localize(&state.localizer());
    Ok(summary)
}

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
