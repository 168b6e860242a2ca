//! The window previews every run through one command (issue 75): `preview`, with the core's
//! `PreviewAsk` saying what to preview and on which connection. A new operation adds a variant
//! to it, not a command of its own, so what opens the connection and plans the run is written
//! once, in the core. A window command whose name starts with `preview` counts, unless it is
//! one of the few named here whose answer is not a run's summary (an upload's files, a sheet's
//! rows, a run's rows); a tag import's and a tag rename's previews were such until they were
//! asked through `preview` too (seen failing with them). Likewise every previewed run is
//! written through one command, `apply_run`, by the run's id.

use crate::size::is_rust_test_file;
use crate::sources::{files, read};

/// The one window command that previews a run.
const THE_PREVIEW: &str = "preview";

/// The window commands whose name starts with `preview` that are not a run's preview: a run's
/// rows, where its assets are used, a credential file's choice, and the two previews whose
/// shape is their own until they are runs (an upload's files, a sheet's rows).
const OTHER_PREVIEWS: [&str; 5] = [
    "preview_rows",
    "preview_references",
    "preview_pending_choice",
    "preview_upload",
    "preview_sheet",
];

/// The one window command that writes a previewed run.
const THE_APPLY: &str = "apply_run";

#[test]
fn the_window_previews_every_run_through_one_command() {
    let mut commands = 0;
    let mut previews = Vec::new();
    for path in files("src-tauri/src/commands", &[".rs"]) {
        if is_rust_test_file(&path) {
            continue;
        }
        for (name, answer, _) in commands_of(&read(&path)) {
            commands += 1;
            let other = OTHER_PREVIEWS.contains(&name.as_str());
            if name.starts_with("preview") && (answer.contains("RunSummary") || !other) {
                previews.push(format!("{}: {name}", path.display()));
            }
        }
    }
    // Reading the wrong folder would find nothing and pass: the window has dozens.
    assert!(commands > 50, "only {commands} window commands found");
    assert!(
        previews.len() == 1 && previews[0].ends_with(&format!(": {THE_PREVIEW}")),
        "a run is previewed through the one `{THE_PREVIEW}` command (add a variant to \
         PreviewAsk, crates/core/src/app/previews_window.rs), not:\n{}",
        previews.join("\n")
    );
}

/// Every previewed run is written through one command, `apply_run`, by its id: a page never
/// sends a plan back to be written (a tag import's and a rename's did, checked again in the
/// core since the page could alter them), and no other command takes the production name.
/// Seen failing with `apply_tag_import` and `apply_tag_rename`, then with
/// `finish_unused_tag_change` (a tag change no asset follows, applied as every run now), and
/// with `undo_tag_import` (a tag import's undo, a run of its own now).
#[test]
fn the_window_applies_every_run_through_one_command() {
    let mut applies = Vec::new();
    for path in files("src-tauri/src/commands", &[".rs"]) {
        if is_rust_test_file(&path) {
            continue;
        }
        for (name, _, signature) in commands_of(&read(&path)) {
            // A command that takes the production name writes AEM behind its guard.
            if name.starts_with("apply") || signature.contains("confirm_name") {
                applies.push(format!("{}: {name}", path.display()));
            }
        }
    }
    assert!(
        applies.len() == 1 && applies[0].ends_with(&format!(": {THE_APPLY}")),
        "a previewed run is written through the one `{THE_APPLY}` command, by its id, not:\n{}",
        applies.join("\n")
    );
}

/// The window commands that answer one run's summary: the one preview, the one apply, and the
/// reading of a run.
const RUN_ANSWERS: [&str; 3] = [THE_PREVIEW, THE_APPLY, "run_summary"];

/// No other window command answers one run's summary: a command that journals a run under
/// another name is a preview by another name (its connection opened and its run planned
/// twice). Seen failing with `start_upload` (an upload's run journaled from its preview, asked
/// through `preview` since).
#[test]
fn no_other_window_command_answers_a_run() {
    let mut others = Vec::new();
    for path in files("src-tauri/src/commands", &[".rs"]) {
        if is_rust_test_file(&path) {
            continue;
        }
        for (name, answer, _) in commands_of(&read(&path)) {
            let one_run = answer.contains("RunSummary") && !answer.contains("Vec<");
            if one_run && !RUN_ANSWERS.contains(&name.as_str()) {
                others.push(format!("{}: {name}", path.display()));
            }
        }
    }
    assert!(
        others.is_empty(),
        "a run is journaled through the one `{THE_PREVIEW}` command (add a variant to \
         PreviewAsk, crates/core/src/app/previews_window.rs), not:\n{}",
        others.join("\n")
    );
}

/// Each `#[tauri::command]` function of `code`: its name, what it answers (the text from its
/// `->` to the `{` that opens its body) and its whole signature.
fn commands_of(code: &str) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("#[tauri::command]") {
        rest = &rest[at + "#[tauri::command]".len()..];
        let Some(fn_at) = rest.find("fn ") else { break };
        let signature = &rest[fn_at + 3..rest.find('{').unwrap_or(rest.len())];
        let name: String = signature
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let answer = signature.rsplit_once("->").map_or("", |(_, a)| a).trim();
        out.push((name, answer.to_owned(), signature.to_owned()));
    }
    out
}

#[test]
fn a_command_s_name_and_answer_are_read_from_its_signature() {
    let code = "#[tauri::command]\npub async fn preview<R: Runtime>(\n    ask: PreviewAsk,\n) -> Result<RunSummary, IpcError> {\n}\n\
                #[tauri::command]\npub fn pause_run(state: State<'_, AppState>) -> Result<(), IpcError> {}\n";
    let read: Vec<(String, String, bool)> = commands_of(code)
        .into_iter()
        .map(|(name, answer, signature)| (name, answer, signature.contains("ask: PreviewAsk")))
        .collect();
    assert_eq!(
        read,
        [
            (
                "preview".to_owned(),
                "Result<RunSummary, IpcError>".to_owned(),
                true
            ),
            (
                "pause_run".to_owned(),
                "Result<(), IpcError>".to_owned(),
                false
            ),
        ]
    );
}
