//! The kinds of run are told apart in a few files only (issue 64): a face or a stage asks
//! `RunKind`'s own methods (is it a publish, its words, what it is of, which page opens it)
//! rather than match its variants, so a new kind of run is added in those few files, not in
//! twenty. Making a `RunKind` is fine anywhere; a pattern on one (`match` arms, `matches!`,
//! `if let`, `let … else`) counts. Test code does not count.

use std::path::Path;

use crate::size::{is_rust_test_file, rust_code_not_tests};
use crate::sources::{files, read};

/// The files that may match a `RunKind`'s variants.
const MOST_FILES: usize = 4;

#[test]
fn run_kinds_are_matched_in_at_most_four_files() {
    let mut scanned = 0;
    let mut matching = Vec::new();
    for dir in ["crates", "src-tauri/src"] {
        for path in files(dir, &[".rs"]) {
            if is_rust_test_file(&path) {
                continue;
            }
            scanned += 1;
            let patterns = run_kind_patterns(&code_of(&path));
            if patterns > 0 {
                matching.push(format!("{}: {patterns}", path.display()));
            }
        }
    }
    // Walking the wrong folder would find nothing and pass: there are hundreds.
    assert!(scanned > 300, "only {scanned} source files found");
    assert!(
        matching.len() <= MOST_FILES,
        "RunKind is matched in {} files (at most {MOST_FILES}): ask one of its methods \
         (crates/bulk/src/run_kind.rs) instead of matching its variants:\n{}",
        matching.len(),
        matching.join("\n")
    );
}

/// A file's code: not its inline tests, not its comments.
fn code_of(path: &Path) -> String {
    let text = read(path);
    rust_code_not_tests(&text)
        .into_iter()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// How many times `code` matches a `RunKind::` variant as a pattern rather than makes one.
fn run_kind_patterns(code: &str) -> usize {
    code.match_indices("RunKind::")
        .filter(|(at, _)| is_pattern(code, *at))
        .count()
}

/// Whether the `RunKind::` at `at` is a pattern: after `let` (`if let`, `let … else`, a
/// `let (A | B)`), inside `matches!(`, or followed (past its fields) by a match arm's `=>`,
/// a guard's `if` or another alternative's `|`.
fn is_pattern(code: &str, at: usize) -> bool {
    let before = code[..at].trim_end();
    let before = before.strip_suffix('(').unwrap_or(before).trim_end();
    let last_word = before
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '_'))
        .next();
    if last_word == Some("let") || (before.ends_with('|') && !before.ends_with("||")) {
        return true;
    }
    if let Some(start) = code[..at].rfind("matches!(") {
        let between = &code[start + "matches!(".len()..at];
        let depth = between.matches('(').count() as i64 - between.matches(')').count() as i64;
        if !between.contains(';') && depth >= 0 {
            return true;
        }
    }
    let after = &code[at + "RunKind::".len()..];
    let name_end = after
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(after.len());
    let mut rest = after[name_end..].trim_start();
    if let Some(open) = rest.chars().next().filter(|c| *c == '{' || *c == '(') {
        let close = if open == '{' { '}' } else { ')' };
        let mut depth = 0;
        for (i, c) in rest.char_indices() {
            depth += i32::from(c == open) - i32::from(c == close);
            if depth == 0 {
                rest = rest[i + 1..].trim_start();
                break;
            }
        }
    }
    rest.starts_with("=>")
        || rest.starts_with("if ")
        || (rest.starts_with('|') && !rest.starts_with("||"))
}

#[test]
fn patterns_are_told_from_values() {
    let patterns = [
        "match k { RunKind::Edit => 1, _ => 0 }",
        "match k { RunKind::Undo { of } if of.is_empty() => 1, _ => 0 }",
        "match k { RunKind::Edit | RunKind::Retry { .. } => 1, _ => 0 }",
        "matches!(spec.kind, RunKind::Sheet { .. })",
        "matches!(\n    &s.kind,\n    RunKind::Publish {\n        from: Some(x),\n        ..\n    }\n)",
        "if let RunKind::Undo { of } = &kind {}",
        "let RunKind::Publish { agent, .. } = &run.kind else { continue };",
        "let (RunKind::Undo { of } | RunKind::Retry { of }) = &kind else { return };",
    ];
    for code in patterns {
        assert!(run_kind_patterns(code) > 0, "{code}");
    }
    let values = [
        "let kind = RunKind::Undo { of: run_id };",
        "RunSpec { kind: RunKind::Edit, ..spec }",
        "opened.spec(scope, edits, RunKind::Sheet { file: name.into() })",
        "assert_eq!(u.kind, RunKind::Retry { of: p.id.clone() });",
        "f(RunKind::Edit) || g()",
    ];
    for code in values {
        assert_eq!(run_kind_patterns(code), 0, "{code}");
    }
}
