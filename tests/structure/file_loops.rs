//! Inside a crate, no two Rust files import each other, directly or through others
//! (ARCHITECTURE.md, "Conventions"): such a loop means neither file can be read, changed or
//! moved alone, and shared types belong in a leaf file that imports nothing else of the crate.
//!
//! A file's imports are the `crate::`, `super::` and `self::` paths it names outside its tests
//! (in `use` trees, in code, and in macros' tokens), and the paths into its own child modules
//! (`runs::open(…)` in `app/mod.rs`: issue 75 found eleven loops that hid there), each taken to
//! the file that holds the longest module it names. Not imports: a re-export (`pub use`, followed
//! to the file that defines the name instead) and a visibility (`pub(super)`). The crate root is
//! left out: every child may use its re-exports.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use proc_macro2::{TokenStream, TokenTree};
use syn::visit::Visit;

use crate::sources::{files, read, root};

#[test]
fn no_two_files_of_a_crate_import_each_other() {
    let mut loops = Vec::new();
    for src in source_roots() {
        let graph = import_graph(&src);
        let files = graph
            .iter()
            .map(|(module, imports)| (module.clone(), imports.keys().cloned().collect()))
            .collect();
        for cycle in cycles(&files) {
            let names: Vec<String> = cycle.iter().map(module_name).collect();
            loops.push(format!("{}: {}", src.display(), names.join(" <-> ")));
            // Each import inside the loop, with a path that makes it, so the fix can be chosen.
            for from in &cycle {
                for (to, by) in &graph[from] {
                    if cycle.contains(to) {
                        let (from, to) = (module_name(from), module_name(to));
                        loops.push(format!("    {from} -> {to} (by `{by}`)"));
                    }
                }
            }
        }
    }
    assert!(
        loops.is_empty(),
        "files that import each other (move what they share to a leaf file):\n{}",
        loops.join("\n")
    );
}

/// `crates/*/src` and `src-tauri/src`, relative to the root.
fn source_roots() -> Vec<PathBuf> {
    let mut roots: Vec<PathBuf> = std::fs::read_dir(root().join("crates"))
        .unwrap()
        .map(|entry| {
            Path::new("crates")
                .join(entry.unwrap().file_name())
                .join("src")
        })
        .filter(|src| root().join(src).is_dir())
        .collect();
    roots.push(PathBuf::from("src-tauri/src"));
    roots.sort();
    roots
}

type Module = Vec<String>;

fn module_name(module: &Module) -> String {
    if module.is_empty() {
        "lib".to_string()
    } else {
        module.join("::")
    }
}

/// A file's module path in its crate: `engine/mod.rs` is `engine`, `lib.rs` the root.
fn module_of(src: &Path, file: &Path) -> Module {
    let relative = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Module = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// Test files are not part of the crate's shape: a test may reach anything.
fn is_test_file(path: &Path) -> bool {
    let name = path.file_name().unwrap().to_string_lossy();
    path.components().any(|c| c.as_os_str() == "tests")
        || name == "tests.rs"
        || name == "testing.rs"
        || name.ends_with("_tests.rs")
}

/// Which module (file) each file imports, each with the first path found that makes it. A
/// name a file re-exports (`pub use child::Name`) is taken to the file that defines it: a
/// re-export does not hide a loop, and is not a use of its own.
fn import_graph(src: &Path) -> BTreeMap<Module, BTreeMap<Module, String>> {
    let src_str = src.to_string_lossy().into_owned();
    let sources: BTreeMap<Module, PathBuf> = files(&src_str, &[".rs"])
        .into_iter()
        .filter(|path| !is_test_file(path))
        .map(|path| (module_of(src, &path), path))
        .collect();
    let parsed: BTreeMap<&Module, Paths> = sources
        .iter()
        .map(|(module, path)| {
            let text = read(path);
            let file = syn::parse_file(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let mut paths = Paths::default();
            paths.visit_file(&file);
            (module, paths)
        })
        .collect();
    let held_by = |target: &[String]| {
        (0..=target.len())
            .rev()
            .map(|n| target[..n].to_vec())
            .find(|prefix| sources.contains_key(prefix))
    };
    // Each file's re-exports: the name, and the path it stands for from the crate root.
    let reexports: BTreeMap<&Module, BTreeMap<String, Module>> = parsed
        .iter()
        .map(|(module, paths)| {
            let names = paths
                .reexported
                .iter()
                .filter_map(|(name, path)| {
                    let child = module
                        .iter()
                        .chain(path.first())
                        .cloned()
                        .collect::<Module>();
                    let target = if sources.contains_key(&child) {
                        module.iter().chain(path).cloned().collect()
                    } else {
                        absolute(module, path)?
                    };
                    Some((name.clone(), target))
                })
                .collect();
            (*module, names)
        })
        .collect();
    let mut graph = BTreeMap::new();
    for (module, paths) in &parsed {
        let mut imports = BTreeMap::new();
        for named in &paths.found {
            let Some(mut target) =
                absolute(module, named).or_else(|| child_path(module, named, &sources))
            else {
                continue;
            };
            let mut file = held_by(&target);
            // Through re-exports (a few hops at most) to the file that defines the name.
            for _ in 0..8 {
                let Some(at) = &file else { break };
                let Some(name) = target.get(at.len()) else {
                    break;
                };
                let Some(to) = reexports.get(at).and_then(|names| names.get(name)) else {
                    break;
                };
                if to == &target {
                    break;
                }
                target = to.iter().chain(&target[at.len() + 1..]).cloned().collect();
                file = held_by(&target);
            }
            if let Some(file) = file
                && !file.is_empty()
                && &file != *module
            {
                imports.entry(file).or_insert_with(|| named.join("::"));
            }
        }
        graph.insert((*module).clone(), imports);
    }
    graph
}

/// `path` (as written in `module`) from the crate root, or `None` for another crate's path.
fn absolute(module: &Module, path: &[String]) -> Option<Module> {
    match path.first().map(String::as_str) {
        Some("crate") => Some(path[1..].to_vec()),
        Some("self") => Some(module.iter().chain(&path[1..]).cloned().collect()),
        Some("super") => {
            let ups = path.iter().take_while(|s| *s == "super").count();
            let mut base = module.clone();
            base.truncate(base.len().saturating_sub(ups));
            Some(
                base.into_iter()
                    .chain(path[ups..].iter().cloned())
                    .collect(),
            )
        }
        _ => None,
    }
}

/// `path` from the crate root when it starts with one of `module`'s own children
/// (`runs::open(…)` in `app/mod.rs`): a parent's use of its child counts as any other.
/// A single name is left out: a module alone is no value, so it is a variable.
fn child_path(
    module: &Module,
    path: &[String],
    sources: &BTreeMap<Module, PathBuf>,
) -> Option<Module> {
    let first = path.first()?;
    if path.len() < 2 {
        return None;
    }
    let child: Module = module.iter().chain([first]).cloned().collect();
    sources
        .contains_key(&child)
        .then(|| module.iter().chain(path).cloned().collect())
}

/// The `crate`/`self`/`super` paths a file names outside `#[cfg(test)]` items.
#[derive(Default)]
struct Paths {
    found: Vec<Vec<String>>,
    /// `pub use` items: the name they make public, and the path they name.
    reexported: Vec<(String, Vec<String>)>,
}

fn is_cfg_test(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|attr| {
        attr.path().is_ident("cfg")
            && attr
                .parse_args::<syn::Meta>()
                .is_ok_and(|meta| meta.path().is_ident("test"))
    })
}

impl Paths {
    fn use_tree(&mut self, prefix: &mut Vec<String>, tree: &syn::UseTree) {
        match tree {
            syn::UseTree::Path(p) => {
                prefix.push(p.ident.to_string());
                self.use_tree(prefix, &p.tree);
                prefix.pop();
            }
            syn::UseTree::Name(n) => self.found.push(with(prefix, &n.ident)),
            syn::UseTree::Rename(r) => self.found.push(with(prefix, &r.ident)),
            syn::UseTree::Glob(_) => self.found.push(prefix.clone()),
            syn::UseTree::Group(g) => {
                for item in &g.items {
                    self.use_tree(prefix, item);
                }
            }
        }
    }

    /// Paths in a macro's tokens (`format!("{}", crate::x::NAME)`), which syn leaves unparsed.
    fn tokens(&mut self, tokens: TokenStream) {
        let trees: Vec<TokenTree> = tokens.into_iter().collect();
        let mut i = 0;
        while i < trees.len() {
            if let TokenTree::Group(group) = &trees[i] {
                self.tokens(group.stream());
            }
            let starts = matches!(&trees[i], TokenTree::Ident(id)
                if *id == "crate" || *id == "self" || *id == "super");
            let follows =
                i == 0 || !matches!(&trees[i - 1], TokenTree::Punct(p) if p.as_char() == ':');
            if starts && follows {
                let mut path = vec![trees[i].to_string()];
                let mut j = i + 1;
                while let (
                    Some(TokenTree::Punct(a)),
                    Some(TokenTree::Punct(b)),
                    Some(TokenTree::Ident(id)),
                ) = (trees.get(j), trees.get(j + 1), trees.get(j + 2))
                {
                    if a.as_char() != ':' || b.as_char() != ':' {
                        break;
                    }
                    path.push(id.to_string());
                    j += 3;
                }
                if path.len() > 1 {
                    self.found.push(path);
                }
                i = j;
            } else {
                i += 1;
            }
        }
    }
}

fn with(prefix: &[String], ident: &syn::Ident) -> Vec<String> {
    let mut path = prefix.to_vec();
    path.push(ident.to_string());
    path
}

impl<'a> Visit<'a> for Paths {
    fn visit_item(&mut self, item: &'a syn::Item) {
        let attrs = match item {
            syn::Item::Mod(m) => &m.attrs,
            syn::Item::Use(u) => &u.attrs,
            syn::Item::Fn(f) => &f.attrs,
            syn::Item::Impl(i) => &i.attrs,
            syn::Item::Const(c) => &c.attrs,
            syn::Item::Static(s) => &s.attrs,
            syn::Item::Struct(s) => &s.attrs,
            syn::Item::Enum(e) => &e.attrs,
            _ => return syn::visit::visit_item(self, item),
        };
        if !is_cfg_test(attrs) {
            syn::visit::visit_item(self, item);
        }
    }

    fn visit_item_use(&mut self, item: &'a syn::ItemUse) {
        let before = self.found.len();
        self.use_tree(&mut Vec::new(), &item.tree);
        if !matches!(item.vis, syn::Visibility::Inherited) {
            // A re-export is a module's public face, not a use: the names it makes public
            // are followed to the file that defines them, from each file that uses them.
            let public = self
                .found
                .drain(before..)
                .filter_map(|path| Some((path.last()?.clone(), path)));
            let public: Vec<_> = public.collect();
            self.reexported.extend(public);
        }
    }

    /// `pub(super)` names a module but imports nothing from it.
    fn visit_visibility(&mut self, _: &'a syn::Visibility) {}

    fn visit_path(&mut self, path: &'a syn::Path) {
        self.found
            .push(path.segments.iter().map(|s| s.ident.to_string()).collect());
        syn::visit::visit_path(self, path);
    }

    fn visit_macro(&mut self, mac: &'a syn::Macro) {
        self.tokens(mac.tokens.clone());
        syn::visit::visit_macro(self, mac);
    }
}

/// The loops of `graph`: its strongly connected parts of more than one file (Tarjan).
fn cycles(graph: &BTreeMap<Module, BTreeSet<Module>>) -> Vec<Vec<Module>> {
    struct Walk<'g> {
        graph: &'g BTreeMap<Module, BTreeSet<Module>>,
        index: BTreeMap<&'g Module, usize>,
        low: BTreeMap<&'g Module, usize>,
        stack: Vec<&'g Module>,
        found: Vec<Vec<Module>>,
    }
    impl<'g> Walk<'g> {
        fn visit(&mut self, at: &'g Module) {
            let n = self.index.len();
            self.index.insert(at, n);
            self.low.insert(at, n);
            self.stack.push(at);
            for next in self.graph.get(at).into_iter().flatten() {
                if !self.index.contains_key(next) {
                    self.visit(next);
                    let low = self.low[at].min(self.low[next]);
                    self.low.insert(at, low);
                } else if self.stack.contains(&next) {
                    let low = self.low[at].min(self.index[next]);
                    self.low.insert(at, low);
                }
            }
            if self.low[at] == self.index[at] {
                let mut part = Vec::new();
                while let Some(top) = self.stack.pop() {
                    part.push(top.clone());
                    if top == at {
                        break;
                    }
                }
                if part.len() > 1 {
                    part.sort();
                    self.found.push(part);
                }
            }
        }
    }
    let mut walk = Walk {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        found: Vec::new(),
    };
    for module in graph.keys() {
        if !walk.index.contains_key(module) {
            walk.visit(module);
        }
    }
    walk.found
}

#[test]
fn a_loop_through_a_third_file_is_found_and_a_parent_is_not_one() {
    let m = |s: &str| -> Module { s.split("::").map(str::to_string).collect() };
    let graph: BTreeMap<Module, BTreeSet<Module>> = [
        (m("a"), [m("b")].into()),
        (m("b"), [m("c")].into()),
        (m("c"), [m("a")].into()),
        (m("d"), [m("a")].into()),
    ]
    .into();
    assert_eq!(cycles(&graph), vec![vec![m("a"), m("b"), m("c")]]);
    assert_eq!(
        absolute(&m("engine::checks"), &m("super::super::found_by::X")),
        Some(m("found_by::X"))
    );
    let mut paths = Paths::default();
    paths.visit_file(
        &syn::parse_file(
            "use super::{a::X, b};\nfn f() { g!(crate::c::D); }\n#[cfg(test)]\nmod tests { use crate::e; }",
        )
        .unwrap(),
    );
    let found: BTreeSet<String> = paths.found.iter().map(|p| p.join("::")).collect();
    for wanted in ["super::a::X", "super::b", "crate::c::D"] {
        assert!(found.contains(wanted), "{wanted} not in {found:?}");
    }
    assert!(!found.iter().any(|p| p.starts_with("crate::e")));
    // A re-export is followed to the file that defines the name (seen hiding
    // `spec <-> scope::chosen` before).
    let mut paths = Paths::default();
    paths.visit_file(&syn::parse_file("pub use chosen::{RunScope, Scope};\nuse x::Y;").unwrap());
    assert_eq!(
        paths.reexported,
        vec![
            ("RunScope".to_string(), m("chosen::RunScope")),
            ("Scope".to_string(), m("chosen::Scope"))
        ]
    );
}

/// Seen failing before issue 75's change: a parent's `child::f` was no import, so eight loops
/// (the engine's 22 files among them) went unseen; and a `pub(super)` counted as a use of the
/// parent, which would have made every child with one a loop.
#[test]
fn a_parent_s_use_of_its_child_counts_and_a_visibility_or_re_export_does_not() {
    let m = |s: &str| -> Module { s.split("::").map(str::to_string).collect() };
    let sources: BTreeMap<Module, PathBuf> = [
        (m("app"), PathBuf::from("app/mod.rs")),
        (m("app::runs"), PathBuf::from("app/runs.rs")),
    ]
    .into();
    assert_eq!(
        child_path(&m("app"), &m("runs::open"), &sources),
        Some(m("app::runs::open"))
    );
    // A single name is a variable, and a path into another crate is not the parent's child.
    assert_eq!(child_path(&m("app"), &m("runs"), &sources), None);
    assert_eq!(
        child_path(&m("app"), &m("serde::Serialize"), &sources),
        None
    );
    let mut paths = Paths::default();
    paths.visit_file(
        &syn::parse_file(
            "pub(super) fn f() { runs::open(); }
pub use runs::Run;",
        )
        .unwrap(),
    );
    let found: Vec<String> = paths.found.iter().map(|p| p.join("::")).collect();
    assert_eq!(found, vec!["runs::open"]);
    assert_eq!(paths.reexported, vec![("Run".to_string(), m("runs::Run"))]);
}
