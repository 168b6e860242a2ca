//! The names ARCHITECTURE.md gives outside its glossary are true: a backticked `Type::method`,
//! `Type.field` or `Type::Variant` in a use-case row is defined in one of the files that row
//! names (in a paragraph, somewhere in the sources), and a `module::item`
//! (`clients::aem::allows::can_do`, `store::connections::Authorizers::get`) in the files that
//! are that module, its whole path checked. A pointer that sends a reader to the wrong file
//! fails here.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::glossary::{all_sources, check};
use crate::sources::read;

#[test]
fn every_name_in_the_architecture_is_defined_where_it_says() {
    let sources: BTreeMap<PathBuf, String> = all_sources()
        .into_iter()
        .map(|path| {
            let text = read(&path);
            (path, text)
        })
        .collect();
    let architecture = read(Path::new("ARCHITECTURE.md"));
    let units = units(&architecture);
    assert!(
        units.len() > 10,
        "ARCHITECTURE.md has {} rows and paragraphs",
        units.len()
    );
    let mut wrong = Vec::new();
    for unit in &units {
        let named: Vec<(PathBuf, String)> = backticked(unit)
            .iter()
            .flat_map(|place| places(&sources, place))
            .collect();
        for name in backticked(unit) {
            if !is_name(&name) {
                continue;
            }
            let module_first = name.starts_with(|c: char| c.is_ascii_lowercase());
            // A use-case row says where its names live; a paragraph may name types it does
            // not place, which are then looked for everywhere.
            let in_row = unit.starts_with('|');
            let homes: Vec<(PathBuf, String)> = if module_first || named.is_empty() || !in_row {
                sources
                    .iter()
                    .map(|(p, t)| (p.clone(), t.clone()))
                    .collect()
            } else {
                named.clone()
            };
            if let Some(problem) = check(&name, &homes) {
                let start: String = unit.chars().take(60).collect();
                wrong.push(format!("{problem} (“{start}…”)"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "ARCHITECTURE.md names what is not where it says:\n{}",
        wrong.join("\n")
    );
}

/// The use-case table's rows and the conventions' paragraphs: what a name's "where" is read in.
fn units(architecture: &str) -> Vec<String> {
    let mut units = Vec::new();
    let mut section = "";
    let mut current = String::new();
    for line in architecture.lines() {
        if let Some(title) = line.strip_prefix("## ") {
            section = if title.starts_with("Glossary") {
                "glossary"
            } else {
                "other"
            };
        }
        if section == "glossary" {
            continue;
        }
        let starts = line.starts_with("- ") || line.starts_with('|') || line.trim().is_empty();
        if starts && !current.trim().is_empty() {
            units.push(std::mem::take(&mut current));
        }
        current.push_str(line);
        current.push(' ');
    }
    if !current.trim().is_empty() {
        units.push(current);
    }
    units
}

fn backticked(text: &str) -> Vec<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// `Type::method`, `module::item`, `Type.field`: not a file, a command or a single word.
fn is_name(text: &str) -> bool {
    (text.contains("::") || text.contains('.'))
        && text
            .split(['.', ':'])
            .filter(|part| !part.is_empty())
            .all(|part| part.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        && !text
            .split('.')
            .next_back()
            .is_some_and(|ext| ["rs", "ts", "md", "json", "svelte", "py", "sh"].contains(&ext))
}

/// The source files a backticked place names: a file (`runs.rs`, `engine/listed.rs`,
/// `src-tauri/src/worded.rs`) or a folder (`bulk/scope/`), every file whose path ends so.
fn places(sources: &BTreeMap<PathBuf, String>, place: &str) -> Vec<(PathBuf, String)> {
    let is_file = [".rs", ".ts", ".svelte"]
        .iter()
        .any(|ext| place.ends_with(ext));
    if !is_file && !place.ends_with('/') {
        return Vec::new();
    }
    let in_crate = place
        .split_once('/')
        .map(|(krate, rest)| format!("crates/{krate}/src/{rest}"));
    sources
        .iter()
        .filter(|(path, _)| {
            let path = path.to_string_lossy();
            let hit = |p: &str| {
                if is_file {
                    path == p || path.ends_with(&format!("/{p}"))
                } else {
                    path.starts_with(p) || path.contains(&format!("/{p}"))
                }
            };
            hit(place) || in_crate.as_deref().is_some_and(hit)
        })
        .map(|(p, t)| (p.clone(), t.clone()))
        .collect()
}

#[test]
fn a_method_named_beside_the_wrong_file_is_caught() {
    let sources: BTreeMap<PathBuf, String> = [
        (
            PathBuf::from("crates/core/src/app/opening.rs"),
            "impl super::Workspace {\n    pub fn open(&self) {\n    }\n}".to_string(),
        ),
        (
            PathBuf::from("crates/core/src/app/scopes.rs"),
            "impl super::Workspace {\n    pub fn require_folder_search(&self) {\n    }\n}"
                .to_string(),
        ),
    ]
    .into();
    let row = "| open a connection (`Workspace::require_folder_search`) | `opening.rs` |";
    let unit = units(row).remove(0);
    let named: Vec<_> = backticked(&unit)
        .iter()
        .flat_map(|p| places(&sources, p))
        .collect();
    assert_eq!(named.len(), 1);
    assert!(check("Workspace::require_folder_search", &named).is_some());
    let all: Vec<_> = sources.into_iter().collect();
    assert_eq!(check("Workspace::require_folder_search", &all), None);
    assert!(is_name("rules::validate_edits") && is_name("Engine.aem"));
    assert!(!is_name("bulk/spec.rs") && !is_name("runs.rs") && !is_name("aem"));
}
