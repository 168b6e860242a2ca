//! `metadesk-cli doctor`: the app's start-up checks, one line per step.

use std::io::Write;

use metadesk_core::dirs::AppDirs;
use metadesk_core::health;
use metadesk_core::secrets::SecretStore;

pub fn run(store: &dyn SecretStore, dirs: &AppDirs, out: &mut dyn Write) -> u8 {
    let all_ok = std::cell::Cell::new(true);
    let lines = std::cell::RefCell::new(Vec::new());
    health::check(store, dirs, &|step| {
        all_ok.set(all_ok.get() && step.ok);
        let mark = if step.ok { "ok  " } else { "FAIL" };
        lines
            .borrow_mut()
            .push(format!("{mark} {}: {}", step.label, step.detail));
    });
    for line in lines.into_inner() {
        let _ = writeln!(out, "{line}");
    }
    if all_ok.get() { 0 } else { crate::FAILURE }
}

#[cfg(test)]
mod tests {
    use super::*;
    use metadesk_core::secrets::{RunOnlyKeychain, SecretStoreError};

    #[test]
    fn reports_each_step_and_fails_without_a_keychain() {
        let tmp = tempfile::tempdir().unwrap();
        let dirs = AppDirs::under(tmp.path());
        let store = RunOnlyKeychain::new();
        let mut out = Vec::new();
        assert_eq!(run(&store, &dirs, &mut out), 0);
        store.fail_with(Some(SecretStoreError::Locked));
        let mut out = Vec::new();
        assert_eq!(run(&store, &dirs, &mut out), crate::FAILURE);
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.contains("FAIL System keychain: The system keychain is locked."),
            "{text}"
        );
    }
}
