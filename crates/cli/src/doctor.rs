//! `metadesk-cli doctor`: the app's start-up checks, one line per step.

use std::io::Write;

use metadesk_core::app::Workspace;
use metadesk_core::i18n::{Localizer, arg};

use crate::exit_code;

pub fn run(workspace: &Workspace, out: &mut dyn Write, l: &Localizer) -> u8 {
    let all_ok = std::cell::Cell::new(true);
    let lines = std::cell::RefCell::new(Vec::new());
    workspace.check_health(
        &|step| {
            all_ok.set(all_ok.get() && step.ok);
            let mark = l.text(if step.ok {
                "cli-test-mark-ok"
            } else {
                "cli-test-mark-fail"
            });
            lines.borrow_mut().push(l.msg(
                "cli-doctor-line",
                &[
                    ("mark", arg(mark)),
                    ("label", arg(step.label)),
                    ("detail", arg(step.detail)),
                ],
            ));
        },
        l,
    );
    for line in lines.into_inner() {
        let _ = writeln!(out, "{line}");
    }
    if all_ok.get() {
        exit_code::SUCCESS
    } else {
        exit_code::FAILURE
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use metadesk_core::dirs::AppDirs;
    use metadesk_core::secrets::{RunOnlyKeychain, SecretStoreError};

    #[test]
    fn reports_each_step_and_fails_without_a_keychain() {
        let tmp = tempfile::tempdir().unwrap();
        let dirs = AppDirs::under(tmp.path());
        let store = Arc::new(RunOnlyKeychain::new());
        let workspace = Workspace::new(dirs, store.clone()).unwrap();
        let en = Localizer::english();
        let mut out = Vec::new();
        assert_eq!(run(&workspace, &mut out, &en), 0);
        store.fail_with(Some(SecretStoreError::Locked));
        let mut out = Vec::new();
        assert_eq!(run(&workspace, &mut out, &en), crate::exit_code::FAILURE);
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.contains("FAIL System keychain: The system keychain is locked."),
            "{text}"
        );
    }
}
