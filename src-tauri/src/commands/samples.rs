//! The edit rows' live "before → after": the edits computed on the first assets of the scope
//! (`metadesk_core::app::rule_samples`; the assets are read once per scope, not per keystroke).

use crate::ipc_error::IpcError;
use metadesk_core::app::RuleSample;
use metadesk_core::bulk::{Edit, Filters};
use tauri::State;

use crate::state::AppState;
use crate::worded::Worded;

/// `edits` computed on the first assets of the scope (`folder` and `filters`, as a preview takes
/// them), each refused edit with its words, in the window's language.
#[tauri::command]
pub async fn rule_sample(
    state: State<'_, AppState>,
    connection_id: String,
    folder: String,
    filters: Filters,
    edits: Vec<Edit>,
) -> Result<RuleSample, IpcError> {
    let ws = &state.workspace;
    let opened = super::open_stored(&state, connection_id).await?;
    let mut sample = ws
        .rule_sample(&opened, &folder, &filters, edits)
        .await
        .worded(&state)?;
    sample.localize(&state.localizer());
    Ok(sample)
}
