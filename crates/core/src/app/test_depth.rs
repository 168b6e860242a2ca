//! How far "Test connection" goes, and the folder its write check is made on: shared by the
//! token test (`tokens.rs`) and the checklist of what AEM allows (`allows.rs`). A leaf.

use metadesk_assets::DAM_ROOT;
use metadesk_clients::error::{Error, ErrorCode, Result};

/// How far "Test connection" goes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum TestDepth {
    /// A token, who AEM says we are, a read of the DAM.
    #[default]
    Quick,
    /// Also "what this AEM allows", path by path; the write permission is checked on `folder`
    /// (the DAM root when none).
    Deep { folder: Option<String> },
}

/// The folder the write permission is checked on: a DAM path, without a trailing slash.
pub(crate) fn folder_to_check(folder: Option<&str>) -> Result<String> {
    let Some(folder) = folder.map(str::trim).filter(|f| !f.is_empty()) else {
        return Ok(DAM_ROOT.to_owned());
    };
    let folder = folder.trim_end_matches('/');
    let under_dam = folder == DAM_ROOT
        || folder
            .strip_prefix(DAM_ROOT)
            .is_some_and(|rest| rest.starts_with('/'));
    if !under_dam || folder.split('/').any(|s| s == "." || s == "..") {
        return Err(Error::message(
            ErrorCode::InvalidInput,
            "error-allows-folder",
            vec![("folder", folder.into())],
        ));
    }
    Ok(folder.to_owned())
}
