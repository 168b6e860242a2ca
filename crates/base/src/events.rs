//! The events the Rust side sends to the window, by name. The names are exported to the UI
//! with the other bindings (`ui/src/ipc/bindings/AppEvents.ts`), so a renamed event cannot
//! leave the page listening for a name that is never sent.
//!
//! Not here: what each event carries (its payload type is exported with the bindings too).

/// An event the window listens for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppEvent {
    /// The names (never the paths) of files just dropped on the window.
    FilesDropped,
    /// What happened to one dropped file (`FileOutcome`).
    ImportResult,
    /// The built-in sandbox started, runs, stopped or failed (`SandboxStatus`).
    SandboxStatus,
    /// The user tried to close the window while a bulk job runs; the page asks first.
    CloseBlockedByRun,
    /// A sheet file was dropped on the window and is held for import (`HeldSheet`).
    SheetDropped,
    /// Files or folders were dropped on the Upload page and are held for it (`HeldUpload`).
    UploadDropped,
}

impl AppEvent {
    pub const ALL: [AppEvent; 6] = [
        AppEvent::FilesDropped,
        AppEvent::ImportResult,
        AppEvent::SandboxStatus,
        AppEvent::CloseBlockedByRun,
        AppEvent::SheetDropped,
        AppEvent::UploadDropped,
    ];

    /// The name the event is sent under.
    pub const fn name(self) -> &'static str {
        match self {
            AppEvent::FilesDropped => "files-dropped",
            AppEvent::ImportResult => "import-result",
            AppEvent::SandboxStatus => "sandbox-status",
            AppEvent::CloseBlockedByRun => "close-blocked-by-run",
            AppEvent::SheetDropped => "sheet-dropped",
            AppEvent::UploadDropped => "upload-dropped",
        }
    }

    /// The TypeScript constant that names it (`FILES_DROPPED`).
    fn constant(self) -> String {
        self.name().replace('-', "_").to_ascii_uppercase()
    }
}

/// The TypeScript module of every event name.
pub fn typescript() -> String {
    let mut out = String::from(
        "// Generated from crates/base/src/events.rs by the bindings test; do not edit.\n\n",
    );
    for event in AppEvent::ALL {
        out.push_str(&format!(
            "export const {} = '{}';\n",
            event.constant(),
            event.name()
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_distinct_and_the_module_declares_each() {
        let mut names: Vec<_> = AppEvent::ALL.iter().map(|e| e.name()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), AppEvent::ALL.len());
        let ts = typescript();
        assert!(
            ts.contains("export const FILES_DROPPED = 'files-dropped';\n"),
            "{ts}"
        );
        assert!(ts.contains("export const CLOSE_BLOCKED_BY_RUN = 'close-blocked-by-run';\n"));
    }
}
