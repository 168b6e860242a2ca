//! The size rule: a source file holds at most 700 lines that are not tests, so a module with
//! several jobs becomes a folder with one file per job (ARCHITECTURE.md, "Conventions").
//!
//! Counted: Rust under `crates/` and `src-tauri/src` (an inline `#[cfg(test)] mod … { }` at the
//! top level does not count; files under a `tests/` folder, `tests.rs` and `*_tests.rs` are
//! tests), TypeScript and Svelte under `ui/src` (not `*.test.ts`, not the generated
//! `ui/src/ipc/bindings/`).

use std::path::Path;

use crate::sources::{files, read};

const MOST_LINES: usize = 700;

#[test]
fn no_source_file_holds_more_than_700_lines_that_are_not_tests() {
    let mut counted = 0;
    let mut too_long = Vec::new();
    let mut check = |path: &Path, lines: usize| {
        counted += 1;
        if lines > MOST_LINES {
            too_long.push(format!("{}: {lines} lines", path.display()));
        }
    };
    for dir in ["crates", "src-tauri/src"] {
        for path in files(dir, &[".rs"]) {
            if !is_rust_test_file(&path) {
                check(&path, rust_lines_not_tests(&read(&path)));
            }
        }
    }
    for path in files("ui/src", &[".ts", ".svelte"]) {
        let name = path.to_string_lossy();
        if !name.ends_with(".test.ts") && !path.starts_with("ui/src/ipc/bindings") {
            check(&path, read(&path).lines().count());
        }
    }
    // Walking the wrong folder would find nothing and pass: there are hundreds.
    assert!(counted > 300, "only {counted} source files found");
    assert!(
        too_long.is_empty(),
        "files past {MOST_LINES} lines that are not tests (split each into a folder with one \
         file per job, or move its tests to a tests.rs beside it):\n{}",
        too_long.join("\n")
    );
}

/// A whole file of tests: under a `tests/` folder, `tests.rs`, `*_tests.rs`.
pub(crate) fn is_rust_test_file(path: &Path) -> bool {
    let name = path.file_name().unwrap().to_string_lossy();
    name == "tests.rs"
        || name.ends_with("_tests.rs")
        || path.components().any(|part| part.as_os_str() == "tests")
}

/// How many lines of a Rust file are not tests ([`rust_code_not_tests`]).
fn rust_lines_not_tests(text: &str) -> usize {
    rust_code_not_tests(text).len()
}

/// A Rust file's lines outside its top-level inline test modules (`#[cfg(test)]`, other
/// attributes, then `mod name {` up to the `}` that closes it at the start of a line).
pub(crate) fn rust_code_not_tests(text: &str) -> Vec<&str> {
    let lines: Vec<&str> = text.lines().collect();
    let mut code = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].starts_with("#[cfg(test)]") {
            let mut j = i + 1;
            while j < lines.len() && lines[j].starts_with("#[") {
                j += 1;
            }
            if j < lines.len() && lines[j].starts_with("mod ") && lines[j].trim_end().ends_with('{')
            {
                let end = (j + 1..lines.len()).find(|&k| lines[k].starts_with('}'));
                i = end.map_or(lines.len(), |k| k + 1);
                continue;
            }
        }
        code.push(lines[i]);
        i += 1;
    }
    code
}

#[test]
fn an_inline_test_module_does_not_count_and_what_follows_it_does() {
    let text =
        "fn a() {}\n#[cfg(test)]\n#[allow(x)]\nmod tests {\n    fn t() {\n    }\n}\nfn b() {}\n";
    assert_eq!(rust_lines_not_tests(text), 2);
    // A test item that is not an inline module (a `mod tests;` line) counts as code.
    assert_eq!(
        rust_lines_not_tests("#[cfg(test)]\nmod tests;\nfn a() {}\n"),
        3
    );
}
