//! A file named in a module's `//!` lines or in ARCHITECTURE.md exists: a pointer such as "not
//! here: retries (`engine/context.rs`)" is how a newcomer finds the next file, and a renamed
//! file left such pointers to nothing (`request_gate.rs` pointed to the engine as a file after
//! it became a folder).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::sources::{files, read};

#[test]
fn every_rust_file_named_in_module_docs_and_the_architecture_exists() {
    let mut all: Vec<PathBuf> = Vec::new();
    for dir in ["crates", "src-tauri", "tests"] {
        all.extend(files(dir, &[".rs"]));
    }
    let known: BTreeSet<String> = all
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let mut missing = Vec::new();
    for path in &all {
        for (n, line) in read(path).lines().enumerate() {
            if line.trim_start().starts_with("//!") {
                for name in rust_file_names(line) {
                    if !exists(&known, &name) {
                        missing.push(format!("{}:{}: {name}", path.display(), n + 1));
                    }
                }
            }
        }
    }
    let architecture = Path::new("ARCHITECTURE.md");
    for (n, line) in read(architecture).lines().enumerate() {
        for name in rust_file_names(line) {
            if !exists(&known, &name) {
                missing.push(format!("ARCHITECTURE.md:{}: {name}", n + 1));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "files named that do not exist (renamed? a module that became a folder is `name/`):\n{}",
        missing.join("\n")
    );
}

/// The `.rs` names in a line: `engine/context.rs`, `dam.rs`; not a pattern (`*_tests.rs`).
fn rust_file_names(line: &str) -> Vec<String> {
    line.split(|c: char| !(c.is_alphanumeric() || "_./-".contains(c)))
        .map(|word| word.trim_start_matches("./").trim_end_matches('.'))
        .filter(|word| word.ends_with(".rs") && !word.starts_with('_') && word.len() > 3)
        .map(str::to_string)
        .collect()
}

/// A path from the root, the end of one (`bulk/write_paths.rs`, `connections/tests.rs`), or a
/// crate's file by the crate's folder name (`bulk/write_paths.rs` for
/// `crates/bulk/src/write_paths.rs`).
fn exists(known: &BTreeSet<String>, name: &str) -> bool {
    let in_crate = name
        .split_once('/')
        .map(|(krate, rest)| format!("crates/{krate}/src/{rest}"));
    known.iter().any(|path| {
        path == name || path.ends_with(&format!("/{name}")) || Some(path) == in_crate.as_ref()
    })
}

#[test]
fn names_are_read_out_of_words_and_backticks() {
    assert_eq!(
        rust_file_names("//! Not here: retries (`engine/context.rs`), dam.rs. Or *_tests.rs"),
        ["engine/context.rs", "dam.rs"]
    );
}
