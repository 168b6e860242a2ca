//! Every relative link in README.md, ARCHITECTURE.md and `docs/` leads somewhere: to a file or
//! folder of the checkout and, with a `#anchor`, to a heading of that Markdown file (as GitHub
//! makes its anchors). A guide moved or a heading renamed fails here, not in a reader's hands.
//! Links to the web (`https:`, `mailto:`) are not followed: no test reaches the internet.

use std::path::{Path, PathBuf};

use crate::sources::{files, read, root};

#[test]
fn every_relative_link_in_the_readme_and_the_guides_resolves() {
    let mut pages = vec![PathBuf::from("README.md"), PathBuf::from("ARCHITECTURE.md")];
    pages.extend(files("docs", &[".md"]));
    assert!(pages.len() > 5, "the guides in docs/ are missing");
    let mut broken = Vec::new();
    for page in &pages {
        for target in links(&read(page)) {
            if let Some(problem) = check(page, &target) {
                broken.push(format!("{}: ({target}) {problem}", page.display()));
            }
        }
    }
    assert!(
        broken.is_empty(),
        "links that lead nowhere:\n{}",
        broken.join("\n")
    );
}

/// The targets of a page's Markdown links and images (`[text](target)`, `![alt](target "t")`),
/// outside code blocks and code spans.
fn links(markdown: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut in_block = false;
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            in_block = !in_block;
            continue;
        }
        if in_block {
            continue;
        }
        // Code spans hold text such as `a[i](b)` that is no link.
        let prose: String = line.split('`').step_by(2).collect::<Vec<_>>().join(" ");
        let mut rest = prose.as_str();
        while let Some(at) = rest.find("](") {
            let after = &rest[at + 2..];
            let Some(end) = after.find(')') else { break };
            let target = after[..end].split_whitespace().next().unwrap_or("");
            found.push(target.to_string());
            rest = &after[end..];
        }
    }
    found
}

/// Why `target`, linked from `page`, leads nowhere; `None` when it resolves.
fn check(page: &Path, target: &str) -> Option<String> {
    if target.is_empty() {
        return Some("an empty link".to_string());
    }
    if target.contains("://") || target.starts_with("mailto:") {
        return None;
    }
    let (file, anchor) = match target.split_once('#') {
        Some((file, anchor)) => (file, Some(anchor)),
        None => (target, None),
    };
    let linked = if file.is_empty() {
        page.to_path_buf()
    } else {
        let joined = page.parent().unwrap_or(Path::new("")).join(file);
        match normalised(&joined) {
            Some(path) => path,
            None => return Some("goes above the checkout".to_string()),
        }
    };
    if !root().join(&linked).exists() {
        return Some(format!("no file {}", linked.display()));
    }
    let anchor = anchor?;
    if linked.extension().is_none_or(|ext| ext != "md") {
        return None;
    }
    let slugs: Vec<String> = read(&linked)
        .lines()
        .filter(|line| line.starts_with('#'))
        .map(|line| slug(line.trim_start_matches('#')))
        .collect();
    (!slugs.iter().any(|s| s == anchor))
        .then(|| format!("no heading #{anchor} in {}", linked.display()))
}

/// `a/b/../c` as `a/c`; `None` above the root.
fn normalised(path: &Path) -> Option<PathBuf> {
    let mut parts: Vec<&std::ffi::OsStr> = Vec::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                parts.pop()?;
            }
            std::path::Component::CurDir => {}
            other => parts.push(other.as_os_str()),
        }
    }
    Some(parts.iter().collect())
}

/// A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces as `-`.
fn slug(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ' || *c == '-' || *c == '_')
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

#[test]
fn links_are_read_outside_code_and_anchors_follow_github() {
    let page = "See [the guide](docs/a.md#first-steps) and ![x](images/b.png \"t\").\n\
                `[not](a link)`\n```\n[nor](this)\n```\n";
    assert_eq!(links(page), ["docs/a.md#first-steps", "images/b.png"]);
    assert_eq!(
        slug(" What is tested, and where"),
        "what-is-tested-and-where"
    );
    assert_eq!(
        slug("Your first five minutes, with the built-in sandbox"),
        "your-first-five-minutes-with-the-built-in-sandbox"
    );
    assert_eq!(
        check(Path::new("README.md"), "docs/nowhere.md"),
        Some("no file docs/nowhere.md".to_string())
    );
    assert!(check(Path::new("README.md"), "#no-such-heading").is_some());
    assert_eq!(check(Path::new("README.md"), "https://rustup.rs"), None);
}
