//! A move as the window asks it: [`MoveAsk`] with the sheet named by the id it is held under
//! (dropped or picked, `Workspace::hold_sheet_file`), so the page never sends a file's path.
//!
//! Not here: the move's preview (`super::moves`), the held files (`super::sheet_files`).

use serde::Deserialize;
use ts_rs::TS;

use super::{MoveAsk, MoveOptions, MoveWhat, ScopeRequest, Workspace};
use metadesk_clients::error::Result;

/// What the window asks to move, on which connection.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MoveRequest {
    pub from: MoveFrom,
    #[serde(flatten)]
    #[ts(flatten)]
    pub options: MoveOptions,
}

/// Where what moves comes from, as the window names it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum MoveFrom {
    /// A scope's assets (a folder, a search, a list), into folder `to`.
    #[serde(rename_all = "camelCase")]
    Scope { scope: ScopeRequest, to: String },
    /// The rows of the sheet held under `sheet_id`.
    #[serde(rename_all = "camelCase")]
    Sheet {
        connection_id: String,
        sheet_id: String,
    },
}

impl MoveRequest {
    /// The stored connection the move runs on.
    pub fn connection_id(&self) -> &str {
        match &self.from {
            MoveFrom::Scope { scope, .. } => &scope.connection_id,
            MoveFrom::Sheet { connection_id, .. } => connection_id,
        }
    }
}

impl Workspace {
    /// The core's [`MoveAsk`] for `request`: its scope checked, its held sheet's path found
    /// (why not when the sheet was forgotten).
    pub fn move_ask(&self, request: MoveRequest) -> Result<MoveAsk> {
        let MoveRequest { from, mut options } = request;
        let what = match from {
            MoveFrom::Scope { scope, to } => MoveWhat::Scope {
                scope: scope.run_scope()?,
                to,
            },
            MoveFrom::Sheet { sheet_id, .. } => MoveWhat::Sheet {
                file: self.held_sheet_path(&sheet_id)?,
            },
        };
        // An empty rule from the window keeps the names.
        options.rename = options.rename.filter(|r| !r.trim().is_empty());
        Ok(MoveAsk { what, options })
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use metadesk_clients::error::ErrorCode;
    use metadesk_credentials::secrets::RunOnlyKeychain;
    use metadesk_store::dirs::AppDirs;

    fn sheet_request(sheet_id: &str) -> MoveRequest {
        MoveRequest {
            from: MoveFrom::Sheet {
                connection_id: "c1".into(),
                sheet_id: sheet_id.into(),
            },
            options: MoveOptions {
                flatten: false,
                rename: Some(" ".into()),
                republish: true,
                keep_pages: vec!["/content/site/en".into()],
            },
        }
    }

    /// Seen failing with the window's sheet id sent as a path: a held sheet becomes its path
    /// in the core, an unknown id is refused in words, and a blank rule keeps the names.
    #[test]
    fn a_held_sheet_is_found_by_its_id_and_a_forgotten_one_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let secrets = std::sync::Arc::new(RunOnlyKeychain::default());
        let ws = Workspace::new(AppDirs::under(dir.path()), secrets).unwrap();
        let path = PathBuf::from("/home/ana/Sheets/renames.xlsx");
        let held = ws.hold_sheet_file(path.clone());
        let request = sheet_request(&held.id);
        assert_eq!(request.connection_id(), "c1");
        let ask = ws.move_ask(request).unwrap();
        assert_eq!(ask.what, MoveWhat::Sheet { file: path });
        assert_eq!(ask.options.rename, None);
        assert!(ask.options.republish);
        assert_eq!(ask.options.keep_pages, vec!["/content/site/en".to_owned()]);

        let err = ws.move_ask(sheet_request("sheet-999")).unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidInput);
        assert!(ws.held_sheet_path("sheet-999").is_err());
    }
}
