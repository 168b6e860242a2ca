//! ARCHITECTURE.md's glossary matches the code: each name it gives a concept is defined where
//! it says (a renamed type, or one moved to another file, fails here until the table follows).
//!
//! In the *in code* column, a backticked `Type` (or `Type.field`, `Type::Variant`) must be a
//! Rust `pub struct|enum|trait|type` or an exported TypeScript `type|interface|class`, a
//! `Type::function` or `module::function` a `fn`, a `module::CONSTANT` a `pub const`, each in
//! one of the files of the *where it lives* column. Lowercase words (`aem`) and crate names are
//! words, not checked.

use std::path::PathBuf;

use crate::sources::{files, read};

#[test]
fn every_name_in_the_glossary_is_defined_where_the_glossary_says() {
    let all = all_sources();
    let rows = glossary_rows(&read(std::path::Path::new("ARCHITECTURE.md")));
    assert!(rows.len() >= 20, "the glossary has {} rows", rows.len());
    let mut wrong = Vec::new();
    for row in &rows {
        let mut homes = Vec::new();
        for place in backticked(&row.lives_in) {
            match resolve(&all, &place) {
                Some(path) => homes.push(read(&path)),
                None => wrong.push(format!("{}: no file `{place}`", row.concept)),
            }
        }
        for name in backticked(&row.in_code) {
            if let Some(problem) = check(&name, &homes) {
                wrong.push(format!("{}: {problem}", row.concept));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "ARCHITECTURE.md's glossary does not match the code:\n{}",
        wrong.join("\n")
    );
}

struct Row {
    concept: String,
    in_code: String,
    lives_in: String,
}

/// The table under `## Glossary`, without its header.
fn glossary_rows(architecture: &str) -> Vec<Row> {
    architecture
        .lines()
        .skip_while(|line| !line.starts_with("## Glossary"))
        .skip(1)
        .skip_while(|line| !line.starts_with('|'))
        .take_while(|line| line.starts_with('|'))
        .skip(2)
        .map(|line| {
            let cells: Vec<&str> = line.trim_matches('|').split(" | ").map(str::trim).collect();
            assert_eq!(cells.len(), 4, "a glossary row has four cells: {line}");
            Row {
                concept: cells[0].to_string(),
                in_code: cells[1].to_string(),
                lives_in: cells[3].to_string(),
            }
        })
        .collect()
}

fn backticked(cell: &str) -> Vec<String> {
    cell.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

fn all_sources() -> Vec<PathBuf> {
    let mut all = Vec::new();
    for dir in ["crates", "src-tauri/src"] {
        all.extend(files(dir, &[".rs"]));
    }
    all.extend(files("ui/src", &[".ts", ".svelte"]));
    all
}

/// A path as the architecture writes it: from the root, or a crate's file by its folder name
/// (`bulk/spec.rs` for `crates/bulk/src/spec.rs`), or the end of a path (`cli/src/…`).
fn resolve(all: &[PathBuf], place: &str) -> Option<PathBuf> {
    let in_crate = place
        .split_once('/')
        .map(|(krate, rest)| format!("crates/{krate}/src/{rest}"));
    let suffix = format!("/{place}");
    all.iter()
        .find(|path| {
            let path = path.to_string_lossy();
            path == place || Some(path.as_ref()) == in_crate.as_deref() || path.ends_with(&suffix)
        })
        .cloned()
}

/// Why `name` is not defined in any of `homes` (their texts), or `None` when it is.
fn check(name: &str, homes: &[String]) -> Option<String> {
    let name = name.split('.').next().unwrap_or(name);
    let parts: Vec<&str> = name.split("::").collect();
    if parts.iter().any(|part| !is_identifier(part)) {
        return None;
    }
    let first = parts[0];
    let last = parts[parts.len() - 1];
    let found = |what: &str, kinds: &[&str], wanted: &str| {
        if homes.iter().any(|text| defines(text, kinds, wanted)) {
            None
        } else {
            Some(format!(
                "no {what} `{wanted}` (in `{name}`) in the files it names"
            ))
        }
    };
    // A method may be written in another file than its type's (`impl Workspace` in each
    // `core/app/` file): there the file names the `impl`.
    let method_home = parts.len() > 1 && homes.iter().any(|text| implements(text, first));
    if is_type(first) && !method_home {
        const TYPES: &[&str] = &["struct", "enum", "trait", "type", "interface", "class"];
        if let Some(problem) = found("type", TYPES, first) {
            return Some(problem);
        }
    }
    if parts.len() > 1 && last.chars().all(|c| c.is_ascii_uppercase() || c == '_') {
        return found("constant", &["const"], last);
    }
    if parts.len() > 1 && last.starts_with(|c: char| c.is_ascii_lowercase()) {
        return found("function", &["fn", "async fn"], last);
    }
    None
}

fn is_identifier(word: &str) -> bool {
    !word.is_empty() && word.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// `Scope`, not `aem` nor `FAILURE`.
fn is_type(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_uppercase())
        && word.chars().any(|c| c.is_ascii_lowercase())
}

/// Whether a line of `text` defines `name` as one of `kinds`: `pub struct Name`, `pub(crate)
/// fn name`, `export interface Name`, `pub const NAME`…
fn defines(text: &str, kinds: &[&str], name: &str) -> bool {
    text.lines().any(|line| {
        let mut rest = line.trim_start();
        for prefix in [
            "pub(crate) ",
            "pub(super) ",
            "pub ",
            "export default ",
            "export ",
        ] {
            rest = rest.strip_prefix(prefix).unwrap_or(rest);
        }
        kinds.iter().any(|kind| {
            rest.strip_prefix(kind)
                .and_then(|after| after.strip_prefix(' '))
                .and_then(|after| after.strip_prefix(name))
                .is_some_and(|after| !after.starts_with(|c: char| c.is_alphanumeric() || c == '_'))
        })
    })
}

/// Whether `text` has an `impl Name {` block (`impl super::Name {` too; not `impl Trait for
/// Name`).
fn implements(text: &str, name: &str) -> bool {
    text.lines().any(|line| {
        line.trim_start()
            .strip_prefix("impl ")
            .and_then(|after| after.strip_suffix('{'))
            .is_some_and(|path| path.trim_end().rsplit("::").next() == Some(name))
    })
}

#[test]
fn definitions_are_told_from_mentions() {
    let text = "pub struct Scope {\nimpl Scope {\n    pub fn into_run_scope(self)\nexport interface ScopeDraft {\npub const FAILURE: u8 = 2;";
    let homes = [text.to_string()];
    assert_eq!(check("Scope::into_run_scope", &homes), None);
    assert_eq!(check("ScopeDraft", &homes), None);
    assert_eq!(check("exit_code::FAILURE", &homes), None);
    assert_eq!(check("aem", &homes), None);
    assert!(check("Scopes", &homes).is_some());
    assert!(check("Scope::into_run_parts", &homes).is_some());
    assert!(check("exit_code::USAGE", &homes).is_some());
    let methods = ["impl super::Workspace {\n    pub async fn apply(".to_string()];
    assert_eq!(check("Workspace::apply", &methods), None);
    assert!(check("Workspace::undo", &methods).is_some());
}
