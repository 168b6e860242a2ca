//! The Health page and the previews' "used on N pages": a scope's health report (read-only),
//! and where the assets of a run's preview are used. Each command is a call to the core's use
//! cases (`metadesk_core::app::health`, `…::references`); the fixes the page offers are the
//! bulk commands' previews, opened prefilled by the window.

use crate::ipc_error::IpcError;
use metadesk_core::app::{
    ConnectionChoice, EXPIRING_WITHIN_DAYS, HealthReport, PreviewReferences, RunAction,
    ScopeRequest,
};
use metadesk_core::bulk::Progress;
use tauri::State;
use tauri::ipc::Channel;

use super::bulk::sender;
use crate::state::AppState;
use crate::worded::Worded;

/// The health report of a scope, expiry counted `expiring_within_days` ahead (30 when none),
/// its progress sent over `on_progress`. Nothing is written; any new job stops it.
#[tauri::command]
pub async fn health_report(
    state: State<'_, AppState>,
    request: ScopeRequest,
    expiring_within_days: Option<u32>,
    on_progress: Channel<Progress>,
) -> Result<HealthReport, IpcError> {
    let scope = request.run_scope().worded(&state)?;
    let opened = super::open_stored(&state, request.connection_id).await?;
    let days = expiring_within_days.unwrap_or(EXPIRING_WITHIN_DAYS);
    let mut report = state
        .workspace
        .health(&opened, &scope, days, &sender(on_progress))
        .await
        .worded(&state)?;
    report.localize(&state.localizer());
    Ok(report)
}

/// Where the assets of run `run_id`'s preview are used, for an unpublish, a tag deletion or a
/// tag merge (null for any other run); asked of AEM once a run.
#[tauri::command]
pub async fn preview_references(
    state: State<'_, AppState>,
    run_id: String,
) -> Result<Option<PreviewReferences>, IpcError> {
    let ws = &state.workspace;
    let (summary, opened) = ws
        .open_for_run(&run_id, ConnectionChoice::runs_own(), RunAction::Apply)
        .await
        .worded(&state)?;
    let found = ws
        .preview_references(&opened, &summary)
        .await
        .worded(&state)?;
    Ok(found.map(|r| {
        let mut r = std::sync::Arc::unwrap_or_clone(r);
        r.localize(&state.localizer());
        r
    }))
}
