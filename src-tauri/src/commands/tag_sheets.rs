//! The taxonomy's Excel round trip: the tags saved as a sheet (the save dialog picks the file,
//! its extension the format), and a taxonomy sheet (dropped, or picked with `choose_sheet_file`)
//! previewed (with `preview`, journaled as a run the page applies with `apply_run` as every
//! run, and reads back with `open_tag_import_run`) and undone; a tag renamed the same way. Each
//! command is a call to the core's use cases; the page gets file names, never paths.

use metadesk_core::app::{SavedTaxonomy, SheetFormat, TagImportRun};
use tauri::{AppHandle, Runtime, State, WebviewWindow};

use super::sheets::picked;
use crate::dialogs::Dialog;
use crate::ipc_error::IpcError;
use crate::state::AppState;
use crate::worded::Worded;

/// Asks where to save (proposing `tags.xlsx`), then writes every tag, one row each, with the
/// count of assets under `under` holding it when a folder is given. `None` when cancelled.
#[tauri::command]
pub async fn export_taxonomy<R: Runtime>(
    app: AppHandle<R>,
    window: WebviewWindow<R>,
    state: State<'_, AppState>,
    connection_id: String,
    under: Option<String>,
) -> Result<Option<SavedTaxonomy>, IpcError> {
    // A connection that cannot be opened is said before any dialog opens.
    let opened = super::open_stored(&state, connection_id).await?;
    let l = state.localizer();
    let dialog = Dialog::TaxonomyExport
        .builder(&app, &window, &l)
        .set_file_name("tags.xlsx");
    let Some(target) = picked(|done| dialog.save_file(done)).await else {
        return Ok(None);
    };
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned());
    let format = name
        .as_deref()
        .and_then(SheetFormat::from_file_name)
        .unwrap_or(SheetFormat::Xlsx);
    let mut saved = state
        .workspace
        .save_taxonomy(&opened, format, &l, under.as_deref(), target)
        .await
        .worded(&state)?;
    if let Some(counts) = saved.counts.as_mut() {
        counts.localize(&l);
    }
    Ok(Some(saved))
}

/// Tag import run `run_id` as the Tags page shows it again (opened from Activity).
#[tauri::command]
pub async fn open_tag_import_run(
    state: State<'_, AppState>,
    run_id: String,
) -> Result<TagImportRun, IpcError> {
    let l = state.localizer();
    let mut run = state
        .workspace
        .tag_import_run(&run_id, &l)
        .await
        .worded(&state)?;
    if let Some(why) = run.applied.as_mut().and_then(|a| a.stopped.as_mut()) {
        why.localize(&l);
    }
    Ok(run)
}
