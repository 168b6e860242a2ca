//! Where every subcommand finds the app's folders and keychain: `METADESK_HOME` when set (all
//! three folders under it: tests, portable use), otherwise the platform's folders of this
//! build's profile. Decided once in `main`, so `connections import` and `bulk --connection`
//! can never look in different places.
//!
//! Not here: what is kept there (connections, run journals) or what is done with it (the
//! core's use cases, over the [`Workspace`] built here).

use std::ffi::OsString;
use std::path::Path;
use std::sync::Arc;

use metadesk_core::Error;
use metadesk_core::app::Workspace;
use metadesk_core::dirs::{AppDirs, profile_name};
use metadesk_core::secrets::KeyringStore;

/// The variable that puts the app's folders under one folder.
pub const HOME_VARIABLE: &str = "METADESK_HOME";

/// The workspace over the folders from `METADESK_HOME` or the platform, and the OS keychain
/// under this build's profile name (the same entries as the app's).
pub fn workspace_from_environment() -> Result<Workspace, Error> {
    let profile = profile_name();
    let dirs = dirs_for(std::env::var_os(HOME_VARIABLE), &profile)?;
    Workspace::new(dirs, Arc::new(KeyringStore::new(profile)))
}

/// The folders under `home` when given (and not empty), else the platform's for `profile`.
fn dirs_for(home: Option<OsString>, profile: &str) -> Result<AppDirs, Error> {
    match home.filter(|h| !h.is_empty()) {
        Some(root) => Ok(AppDirs::under(Path::new(&root))),
        None => AppDirs::for_profile(profile),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metadesk_home_holds_all_three_folders() {
        let dirs = dirs_for(Some("/tmp/portable".into()), "p").unwrap();
        assert_eq!(dirs, AppDirs::under(Path::new("/tmp/portable")));
    }

    #[test]
    fn without_metadesk_home_the_profile_decides() {
        for unset in [None, Some(OsString::new())] {
            let dirs = dirs_for(unset, "com.example.profile").unwrap();
            assert_eq!(dirs, AppDirs::for_profile("com.example.profile").unwrap());
        }
    }
}
