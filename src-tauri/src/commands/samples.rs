//! The edit rows' live "before → after": the edits computed on the first assets of the scope
//! (`metadesk_core::app::rule_samples`; the assets are read once per scope, not per keystroke).

use crate::ipc_error::IpcError;
use metadesk_core::app::{RuleSample, ScopeEditsRequest};
use tauri::State;

use crate::state::AppState;
use crate::worded::Worded;

/// The edits computed on the first assets of the scope (as a preview takes it), each refused
/// edit with its words, in the window's language.
#[tauri::command]
pub async fn rule_sample(
    state: State<'_, AppState>,
    request: ScopeEditsRequest,
) -> Result<RuleSample, IpcError> {
    let ws = &state.workspace;
    let scope = request.scope.run_scope().worded(&state)?;
    let opened = super::open_stored(&state, request.scope.connection_id).await?;
    let mut sample = ws
        .rule_sample(&opened, &scope, request.edits)
        .await
        .worded(&state)?;
    sample.localize(&state.localizer());
    Ok(sample)
}
