//! A run's edits as one line each, for its summary: what an edit does, or what an undo, a retry,
//! a sheet, a publish or a tag import is of.
//!
//! Not here: the words themselves (the catalogues), the rest of the summary (`runs.rs`).

use metadesk_base::i18n::SavedText;

use crate::spec::{RunKind, RunSpec};

/// The lines of `spec`'s edits.
pub(crate) fn edit_lines(spec: &RunSpec) -> Vec<SavedText> {
    let described = spec.edits.iter().map(|e| e.op.describe(&e.property));
    let of_run = |code: &str, run: &str| SavedText::new(code, [("run", run.into())]);
    match &spec.kind {
        RunKind::Undo { of } => vec![of_run("run-edit-undo", of)],
        // What is retried, then the edits it makes again.
        RunKind::Retry { of } => std::iter::once(of_run("run-edit-retry", of))
            .chain(described)
            .collect(),
        RunKind::Sheet { file } => {
            vec![SavedText::new(
                "run-edit-sheet",
                [("file", file.as_str().into())],
            )]
        }
        RunKind::Edit => described.collect(),
        RunKind::TagImport { file } => vec![SavedText::new(
            "run-tag-import",
            [("file", file.as_str().into())],
        )],
        RunKind::Upload { folder, files } => vec![SavedText::new(
            "run-upload",
            [
                ("files", (*files as f64).into()),
                ("folder", folder.as_str().into()),
            ],
        )],
        RunKind::Publish {
            replication,
            agent,
            from,
        } => vec![crate::publish_words::run_line(
            *replication,
            *agent,
            from.as_ref(),
        )],
    }
}
