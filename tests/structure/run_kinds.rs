//! The kinds of run and the operations are told apart in few files (issues 64 and 75): a face
//! or a stage asks `RunKind`'s, `OpPlan`'s and `OpView`'s own methods (is it a publish, its
//! words, what it is of, which page opens it, `OpView::as_move`…) rather than match their
//! variants, so a new kind of run is added in those files, not in twenty: two in Rust
//! (`run_kind.rs`, where each answers, and the engine's dispatch of an operation's write,
//! `engine/op_dispatch.rs`), one in the window (`ui/src/features/bulk/runKind.ts`). Making one
//! is fine anywhere; a pattern on one (`match` arms, `matches!`, `if let`, `let … else`) counts,
//! and in the window a read of a run's kind or operation tag (`kind.kind`, `op?.op`,
//! `from?.kind`). Test code does not count.

use std::path::Path;

use crate::size::{is_rust_test_file, rust_code_not_tests};
use crate::sources::{files, read};

/// The only Rust files that match a kind of run or an operation (`RunKind`, `OpPlan`,
/// `OpView`): what each answers, and the engine's dispatch of an operation's write.
const KIND_FILES: [&str; 2] = [
    "crates/bulk/src/run_kind.rs",
    "crates/bulk/src/engine/op_dispatch.rs",
];

/// The one window file that tells kinds of run apart.
const UI_FILE: &str = "ui/src/features/bulk/runKind.ts";

/// Seen failing with the engine's preview matching `RunKind` (`engine/mod.rs`) and the
/// operations' answers in a file of their own (`ops.rs`); before that with the CLI's words of a
/// run (`move_words.rs`), the core's undo of a tag import and of an upload matching `OpView`'s
/// variants.
#[test]
fn kinds_of_run_and_operations_are_matched_in_two_rust_files_only() {
    let matching: Vec<String> = rust_files_matching(|code| {
        run_kind_patterns(code) + patterns_of(code, "OpPlan::") + patterns_of(code, "OpView::")
    })
    .into_iter()
    .filter(|found| {
        !KIND_FILES
            .iter()
            .any(|f| found.starts_with(&format!("{f}:")))
    })
    .collect();
    assert!(
        matching.is_empty(),
        "a kind of run or an operation is matched outside {}: ask one of `RunKind`'s, \
         `OpPlan`'s or `OpView`'s methods (crates/bulk/src/run_kind.rs) instead of matching \
         its variants:\n{}",
        KIND_FILES.join(" and "),
        matching.join("\n")
    );
}

/// Each Rust source file (not a test) whose code `count` finds patterns in, with how many.
fn rust_files_matching(count: impl Fn(&str) -> usize) -> Vec<String> {
    let mut scanned = 0;
    let mut matching = Vec::new();
    for dir in ["crates", "src-tauri/src"] {
        for path in files(dir, &[".rs"]) {
            if is_rust_test_file(&path) {
                continue;
            }
            scanned += 1;
            let patterns = count(&code_of(&path));
            if patterns > 0 {
                matching.push(format!("{}: {patterns}", path.display()));
            }
        }
    }
    // Walking the wrong folder would find nothing and pass: there are hundreds.
    assert!(scanned > 300, "only {scanned} source files found");
    matching
}

#[test]
fn the_window_tells_run_kinds_apart_in_one_file() {
    let mut scanned = 0;
    let mut matching = Vec::new();
    for path in files("ui/src", &[".ts", ".svelte"]) {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        if name.ends_with(".test.ts") || name == "test-fixtures.ts" || name.ends_with(".d.ts") {
            continue;
        }
        scanned += 1;
        let reads = ui_kind_reads(&read(&path));
        if reads > 0 && path != Path::new(UI_FILE) {
            matching.push(format!("{}: {reads}", path.display()));
        }
    }
    assert!(scanned > 100, "only {scanned} window files found");
    assert!(
        matching.is_empty(),
        "the window reads a run's kind outside {UI_FILE}: ask one of its functions \
         (isPublication, undoOf, takesBack…) instead:\n{}",
        matching.join("\n")
    );
}

/// How many times window code reads a run's kind (`run.kind.kind`), its operation's tag
/// (`run.op?.op`) or a publication's origin (`kind.from?.kind`), outside comments.
fn ui_kind_reads(code: &str) -> usize {
    code.lines()
        .map(str::trim_start)
        .filter(|line| !(line.starts_with("//") || line.starts_with('*') || line.starts_with("/*")))
        .map(|line| {
            ["kind.kind", "op?.op", ".op.op", "from?.kind", "from.kind"]
                .iter()
                .map(|read| line.matches(read).count())
                .sum::<usize>()
        })
        .sum()
}

#[test]
fn window_reads_of_a_kind_are_found() {
    assert_eq!(ui_kind_reads("if (run.kind.kind === 'undo') return;"), 1);
    assert_eq!(
        ui_kind_reads("const m = run.op?.op === 'move' && k.from?.kind;"),
        2
    );
    assert_eq!(
        ui_kind_reads("// run.kind.kind is read in runKind.ts\n * kind.kind"),
        0
    );
    assert_eq!(ui_kind_reads("const k = scope.kind; isUndo(run)"), 0);
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
    patterns_of(code, "RunKind::")
}

/// How many times `code` matches a variant of the enum `prefix` names (`RunKind::`) as a
/// pattern rather than makes one.
fn patterns_of(code: &str, prefix: &str) -> usize {
    code.match_indices(prefix)
        .filter(|(at, _)| is_pattern(code, *at, prefix))
        .count()
}

/// Whether the `prefix` (`RunKind::`) at `at` is a pattern: after `let` (`if let`, `let …
/// else`, a `let (A | B)`), inside `matches!(`, or followed (past its fields) by a match arm's
/// `=>`, a guard's `if` or another alternative's `|`.
fn is_pattern(code: &str, at: usize, prefix: &str) -> bool {
    // Inside an option's `Some(…)` (a summary's operation), the pattern is the whole.
    let mut before = code[..at].trim_end();
    let mut wrappers = 0;
    while let Some(inner) = before.strip_suffix('(') {
        let inner = inner.trim_end();
        match inner.strip_suffix("Some") {
            Some(outer) => {
                before = outer.trim_end();
                wrappers += 1;
            }
            None => {
                before = inner;
                break;
            }
        }
    }
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
    let after = &code[at + prefix.len()..];
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
    for _ in 0..wrappers {
        rest = rest.strip_prefix(')').unwrap_or(rest).trim_start();
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
    // An operation wrapped in its summary's option is matched too; made, it is not.
    let op = "let Some(OpView::Move(view)) = &s.op else { return };";
    assert_eq!(patterns_of(op, "OpView::"), 1);
    let arm = "match &s.op { Some(OpView::Move(v)) => 1, _ => 0 }";
    assert_eq!(patterns_of(arm, "OpView::"), 1);
    let made = "spec.op = Some(OpPlan::Move(plan));";
    assert_eq!(patterns_of(made, "OpPlan::"), 0);
}
