// Generated from crates/base/src/events.rs by the bindings test; do not edit.

export const FILES_DROPPED = 'files-dropped';
export const IMPORT_RESULT = 'import-result';
export const SANDBOX_STATUS = 'sandbox-status';
export const CLOSE_BLOCKED_BY_RUN = 'close-blocked-by-run';
export const SHEET_DROPPED = 'sheet-dropped';
export const UPLOAD_DROPPED = 'upload-dropped';
