//! The one rule for what may use what inside the core (ARCHITECTURE.md), checked on the
//! source: a module may use the modules of the layers below its own, never those above.
//! Test code is left out (a test may drive a module from above, as the engine tests do).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The core's modules, bottom first. Modules in one layer may use each other: `ims` implements
/// the authorizer that `aem`'s requests call, and `aem` reports IMS's errors.
const LAYERS: &[&[&str]] = &[
    &[
        "error_code",
        "i18n",
        "timefmt",
        "retry",
        "events",
        "net",
        "spreadsheet",
        "excel_csv",
        // Test helpers (feature `test-support`): what was logged.
        "testing",
    ],
    &["secrets"],
    &["credentials"],
    &["ims", "aem"],
    &["error"],
    &["dirs", "lock_file", "thumbnails", "file_names"],
    &["health"],
    &["connections"],
    &["assets"],
    &["console"],
    &["bulk"],
    &["sheets"],
    &["app"],
    &["bindings"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

/// The source files of a top-level module, test-only files left out.
fn files_of(src: &Path, module: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let file = src.join(format!("{module}.rs"));
    if file.is_file() {
        out.push(file);
    }
    let mut dirs = vec![src.join(module)];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if name == "tests" || name == "tests.rs" || name == "testing.rs" {
                continue;
            }
            if path.is_dir() {
                dirs.push(path);
            } else if name.ends_with(".rs") {
                out.push(path);
            }
        }
    }
    out
}

/// The code of a file without comments and `#[cfg(test)]` items (a test module is the last
/// item of a file by convention here; a `#[cfg(test)] mod x;` line names a test-only file).
fn non_test_code(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("#[cfg(test)]") {
            match lines.peek() {
                Some(next) if next.trim_end().ends_with('{') => break,
                Some(_) => {
                    lines.next();
                    continue;
                }
                None => break,
            }
        }
        if trimmed.starts_with("//") {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The top-level modules that `code` names as `crate::NAME`.
fn uses(code: &str, modules: &[&str]) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if modules.contains(&name.as_str()) {
            found.insert(name);
        }
    }
    found
}

#[test]
fn every_module_uses_only_the_layers_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let lib = std::fs::read_to_string(src.join("lib.rs")).unwrap();
    let modules: Vec<&str> = lib
        .lines()
        .filter_map(|l| {
            l.strip_prefix("pub mod ")
                .or_else(|| l.strip_prefix("mod "))
        })
        .filter_map(|l| l.strip_suffix(';'))
        .filter(|m| *m != "layers")
        .collect();
    let mut broken = Vec::new();
    for module in &modules {
        let Some(own) = layer_of(module) else {
            broken.push(format!("{module} is in no layer: place it in LAYERS"));
            continue;
        };
        for file in files_of(&src, module) {
            let code = non_test_code(&std::fs::read_to_string(&file).unwrap());
            for used in uses(&code, &modules) {
                let below = layer_of(&used).is_some_and(|l| l <= own);
                if used != *module && !below {
                    broken.push(format!("{} uses {used}, a layer above", file.display()));
                }
            }
        }
    }
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

#[test]
fn the_check_sees_a_use_from_above_and_ignores_tests_and_comments() {
    let code = non_test_code(
        "use crate::secrets::Secret;\n// crate::app in a comment\n#[cfg(test)]\nmod testing;\n\
         fn f() { crate::bulk::x(); }\n#[cfg(test)]\nmod tests {\n    use crate::app::Workspace;\n}\n",
    );
    let found = uses(&code, &["secrets", "bulk", "app"]);
    assert_eq!(found.into_iter().collect::<Vec<_>>(), ["bulk", "secrets"]);
}
