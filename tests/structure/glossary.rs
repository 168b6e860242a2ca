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
                Some(path) => homes.push((path.clone(), read(&path))),
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

pub fn all_sources() -> Vec<PathBuf> {
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

/// Why `name` is not defined in any of `homes` (their paths and texts), or `None` when it
/// is. Every part of the name is checked: the field of `Type.field` in `Type`'s body, the
/// variant or method of `Type::x` in `Type`'s enum or `impl`, the module of `module::x` as the
/// name of the file (or folder) that defines `x`.
pub fn check(name: &str, homes: &[(PathBuf, String)]) -> Option<String> {
    let (path, field) = match name.split_once('.') {
        Some((path, field)) => (path, Some(field)),
        None => (name, None),
    };
    let parts: Vec<&str> = path.split("::").collect();
    if parts.iter().chain(&field).any(|part| !is_identifier(part)) {
        return None;
    }
    let first = parts[0];
    let last = parts[parts.len() - 1];
    let missing = |what: &str, wanted: &str| {
        Some(format!(
            "no {what} `{wanted}` (in `{name}`) in the files it names"
        ))
    };
    if !is_type(first) {
        if parts.len() == 1 || EXTERNAL.contains(&first) {
            return None; // a word (`aem`), or another project's name (`tauri::ipc::Channel`)
        }
        // `module::item`, `crate::module::Type::method`: the files that are that module (or
        // under it, where it re-exports them) hold the rest of the name.
        let modules: Vec<String> = parts[..parts.len() - 1]
            .iter()
            .take_while(|part| !is_type(part))
            .map(|part| part.strip_prefix("metadesk_").unwrap_or(part).to_string())
            .collect();
        let rest = parts[modules.len()..].join("::");
        let in_module: Vec<(PathBuf, String)> = homes
            .iter()
            .filter(|(path, _)| {
                let path = module_path(path);
                path.windows(modules.len())
                    .any(|window| window == modules.as_slice())
            })
            .cloned()
            .collect();
        if in_module.is_empty() {
            return missing("module", &modules.join("::"));
        }
        if is_type(&rest) || rest.contains("::") {
            return check(&rest, &in_module);
        }
        let kinds: &[&str] = if is_constant(last) {
            &["const", "static"]
        } else {
            &["fn", "async fn", "mod"]
        };
        return (!in_module
            .iter()
            .any(|(_, text)| defines(text, kinds, last) || reexports(text, last)))
        .then(|| {
            missing(
                if is_constant(last) {
                    "constant"
                } else {
                    "function"
                },
                last,
            )
        })
        .flatten();
    }
    const TYPES: &[&str] = &["struct", "enum", "trait", "type", "interface", "class"];
    // A method may be written in another file than its type's (`impl Workspace` in each
    // `core/app/` file): there the file names the `impl`.
    let bodies: Vec<Vec<&str>> = homes
        .iter()
        .flat_map(|(_, text)| blocks(text, |line| implements(line, first)))
        .collect();
    let declared = homes.iter().any(|(_, text)| defines(text, TYPES, first));
    if !declared && (parts.len() == 1 || bodies.is_empty()) {
        return missing("type", first);
    }
    if let Some(field) = field {
        let has = homes
            .iter()
            .flat_map(|(_, text)| blocks(text, |line| declares(line, TYPES, first)))
            .any(|body| body.iter().any(|line| is_field(line, field)));
        return (!has).then(|| missing("field", field)).flatten();
    }
    if parts.len() == 1 {
        return None;
    }
    if last.starts_with(|c: char| c.is_ascii_lowercase()) || is_constant(last) {
        let kinds: &[&str] = if is_constant(last) {
            &["const"]
        } else {
            &["fn", "async fn"]
        };
        let has = bodies
            .iter()
            .any(|body| body.iter().any(|line| defines(line, kinds, last)));
        return (!has).then(|| missing("method", last)).flatten();
    }
    // `Type::Variant`: a line of the enum's body starts with it.
    let has = homes
        .iter()
        .flat_map(|(_, text)| blocks(text, |line| declares(line, &["enum"], first)))
        .any(|body| {
            body.iter()
                .any(|line| starts_with_word(line.trim_start(), last))
        });
    (!has).then(|| missing("variant", last)).flatten()
}

/// The module a file is, from its crate's folder name down: `crates/clients/src/aem/allows.rs`
/// is `clients::aem::allows`, `crates/bulk/src/engine/mod.rs` is `bulk::engine`.
fn module_path(path: &std::path::Path) -> Vec<String> {
    let mut parts: Vec<String> = path
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .filter(|part| part != "crates" && part != "src")
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main" | "index")
    ) {
        parts.pop();
    }
    parts
}

/// Whether `text` re-exports `name` (`pub use message::Text;`, `pub use a::{B, Text};`).
fn reexports(text: &str, name: &str) -> bool {
    text.split(';').any(|statement| {
        let statement = statement.trim_start();
        statement.starts_with("pub use ")
            && statement
                .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .any(|word| word == name)
    })
}

/// Other projects' crates ARCHITECTURE.md names in passing.
const EXTERNAL: &[&str] = &["tauri", "std", "tokio", "serde", "axum", "syn"];

fn is_constant(word: &str) -> bool {
    word.chars()
        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

fn starts_with_word(text: &str, word: &str) -> bool {
    text.strip_prefix(word)
        .is_some_and(|after| !after.starts_with(|c: char| c.is_alphanumeric() || c == '_'))
}

/// Whether a line of a struct's or interface's body declares `field` (`pub field: T`,
/// `field?: T`, `readonly field: T`).
fn is_field(line: &str, field: &str) -> bool {
    let mut rest = line.trim_start();
    for prefix in ["pub(crate) ", "pub(super) ", "pub ", "readonly "] {
        rest = rest.strip_prefix(prefix).unwrap_or(rest);
    }
    rest.strip_prefix(field)
        .is_some_and(|after| after.starts_with(':') || after.starts_with("?:"))
}

/// The bodies (lines up to the matching `}`) of the blocks whose first line satisfies `opens`.
fn blocks(text: &str, opens: impl Fn(&str) -> bool) -> Vec<Vec<&str>> {
    let lines: Vec<&str> = text.lines().collect();
    let mut found = Vec::new();
    for (start, line) in lines.iter().enumerate() {
        if !opens(line) {
            continue;
        }
        let mut depth = 0i32;
        let mut body = Vec::new();
        for line in &lines[start..] {
            depth += line.matches('{').count() as i32 - line.matches('}').count() as i32;
            body.push(*line);
            if depth <= 0 && line.contains('}') {
                break;
            }
        }
        found.push(body);
    }
    found
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
    text.lines().any(|line| declares(line, kinds, name))
}

fn declares(line: &str, kinds: &[&str], name: &str) -> bool {
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
}

/// Whether `line` opens an `impl Name {` block (`impl super::Name {`, `impl<T> Name<T> {`
/// too; not `impl Trait for Name`).
fn implements(line: &str, name: &str) -> bool {
    let Some(rest) = line.trim_start().strip_prefix("impl") else {
        return false;
    };
    let rest = match rest.strip_prefix('<') {
        Some(generic) => generic.split_once('>').map_or("", |(_, after)| after),
        None => rest,
    };
    let Some(path) = rest.trim().strip_suffix('{') else {
        return false;
    };
    let path = path.trim_end();
    let path = path.split('<').next().unwrap_or(path);
    !path.contains(" for ") && path.rsplit("::").next() == Some(name)
}

#[test]
fn definitions_are_told_from_mentions() {
    let text = "pub struct Scope {\n    pub folder: String,\n}\nimpl Scope {\n    pub fn into_run_scope(self) {\n    }\n}\npub enum RunKind {\n    Undo,\n    Retry { of: String },\n}\nexport interface ScopeDraft {\n  name?: string;\n}\npub const FAILURE: u8 = 2;\npub fn count() {}";
    let homes = [(
        PathBuf::from("crates/cli/src/exit_code.rs"),
        text.to_string(),
    )];
    assert_eq!(check("Scope::into_run_scope", &homes), None);
    assert_eq!(check("Scope.folder", &homes), None);
    assert_eq!(check("ScopeDraft.name", &homes), None);
    assert_eq!(check("RunKind::Retry", &homes), None);
    assert_eq!(check("ScopeDraft", &homes), None);
    assert_eq!(check("exit_code::FAILURE", &homes), None);
    assert_eq!(check("exit_code::count", &homes), None);
    assert_eq!(check("aem", &homes), None);
    assert!(check("Scopes", &homes).is_some());
    assert!(
        check("Scope.filters", &homes).is_some(),
        "a field the type lacks"
    );
    assert!(check("Scope::into_run_parts", &homes).is_some());
    assert!(
        check("RunKind::Publish", &homes).is_some(),
        "a variant the enum lacks"
    );
    assert!(check("exit_code::USAGE", &homes).is_some());
    assert!(
        check("spec::count", &homes).is_some(),
        "the function is in another module"
    );
    assert!(
        check("RunKind::count", &homes).is_some(),
        "a free function is no method"
    );
    let methods = [(
        PathBuf::from("crates/core/src/app/runs.rs"),
        "impl super::Workspace {\n    pub async fn apply(&self) {\n    }\n}\nfn undo() {}"
            .to_string(),
    )];
    assert_eq!(check("Workspace::apply", &methods), None);
    assert!(check("Workspace::undo", &methods).is_some());
}
