//! One spelling per asset path: every path the app acts on, whatever gave it (a sheet's row,
//! a list's entry, a search hit, a folder listing, a run's journal), is normalised and checked
//! here, so a batch write never names a node Sling would resolve elsewhere (`..`) or create
//! (a path AEM would not spell that way), and duplicates are found on one form. A leaf: it
//! imports nothing else of this crate.
//!
//! Not here: whether the asset exists (AEM answers that), a link's decoding (`bulk`'s list
//! entries).

use crate::DAM_ROOT;

/// Why a path is not one asset's canonical path; [`PathProblem::code`] names its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathProblem {
    /// Not under `/content/dam/`.
    OutsideDam,
    /// `/content/dam` itself.
    DamRoot,
    /// A `.` or `..` segment: Sling resolves it, so the write lands on another node.
    DotSegment,
    /// `//` inside the path.
    EmptySegment,
    /// A control character (a line break, a tab…): no asset's name holds one.
    ControlCharacter,
    /// Spaces or a `/` at an end, where a path must already be canonical (a journal's).
    Untrimmed,
}

impl PathProblem {
    /// The catalogue id of the problem's words (one argument: `path`).
    pub fn code(self) -> &'static str {
        match self {
            PathProblem::OutsideDam => "path-outside-dam",
            PathProblem::DamRoot => "path-dam-root",
            PathProblem::DotSegment => "path-dot-segment",
            PathProblem::EmptySegment => "path-empty-segment",
            PathProblem::ControlCharacter => "path-control-character",
            PathProblem::Untrimmed => "path-untrimmed",
        }
    }
}

/// Whether `text` holds a control character (C0 such as tab, LF and CR, DEL, or C1). The `url`
/// crate drops tab, LF and CR from a path as it parses it, so `.\t.` would reach AEM as `..`:
/// no text holding one may become part of a URL.
pub fn has_control(text: &str) -> bool {
    text.chars().any(char::is_control)
}

/// Whether one path segment may go into a URL as it is: no control character, not `.` or `..`
/// (which AEM's Sling resolves to another node).
pub fn sendable_segment(segment: &str) -> bool {
    !has_control(segment) && segment != "." && segment != ".."
}

/// The canonical form of an asset path as a person or AEM wrote it: spaces around it and a
/// trailing `/` removed; refused when it is outside the DAM, the DAM root, or holds a `.`,
/// `..` or empty segment or a control character.
pub fn canonical_asset_path(raw: &str) -> Result<String, PathProblem> {
    let path = raw.trim();
    let path = path.strip_suffix('/').unwrap_or(path);
    if has_control(path) {
        return Err(PathProblem::ControlCharacter);
    }
    if path == DAM_ROOT {
        return Err(PathProblem::DamRoot);
    }
    let Some(rest) = path
        .strip_prefix(DAM_ROOT)
        .and_then(|r| r.strip_prefix('/'))
    else {
        return Err(PathProblem::OutsideDam);
    };
    for segment in rest.split('/') {
        match segment {
            "" => return Err(PathProblem::EmptySegment),
            "." | ".." => return Err(PathProblem::DotSegment),
            _ => {}
        }
    }
    Ok(path.to_owned())
}

/// Characters AEM refuses in an asset or folder name.
pub const REFUSED_IN_NAMES: &[char] = &[
    '*', '/', ':', '[', ']', '|', '\\', '#', '%', '{', '}', '?', '&', '"',
];

/// Whether AEM refuses `name` for an asset or folder: empty, starting with `.`, or holding one
/// of [`REFUSED_IN_NAMES`] or a control character.
pub fn refused_name(name: &str) -> bool {
    name.is_empty() || name.starts_with('.') || name.contains(REFUSED_IN_NAMES) || has_control(name)
}

/// Whether `path` is already canonical, as every path the engine journals must be.
pub fn check_canonical(path: &str) -> Result<(), PathProblem> {
    if canonical_asset_path(path)? == path {
        Ok(())
    } else {
        Err(PathProblem::Untrimmed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_spelling_per_asset() {
        let ok = |raw: &str| canonical_asset_path(raw).unwrap();
        assert_eq!(ok("/content/dam/a/b c.jpg"), "/content/dam/a/b c.jpg");
        assert_eq!(ok("  /content/dam/a/x.jpg/ "), "/content/dam/a/x.jpg");
        assert_eq!(ok("/content/dam/a/..x.jpg"), "/content/dam/a/..x.jpg");
        let bad = |raw: &str| canonical_asset_path(raw).unwrap_err();
        assert_eq!(
            bad("/content/dam/wknd-shared/../en/x.jpg"),
            PathProblem::DotSegment
        );
        assert_eq!(bad("/content/dam/./x.jpg"), PathProblem::DotSegment);
        assert_eq!(bad("/content/dam/a/.."), PathProblem::DotSegment);
        assert_eq!(bad("/content/dam//x.jpg"), PathProblem::EmptySegment);
        assert_eq!(bad("/content/dam/a//"), PathProblem::EmptySegment);
        assert_eq!(bad("/content/dam/a\n.jpg"), PathProblem::ControlCharacter);
        assert_eq!(
            bad("/content/dam/a\u{7f}.jpg"),
            PathProblem::ControlCharacter
        );
        assert_eq!(bad("/content/dam"), PathProblem::DamRoot);
        assert_eq!(bad("/content/dam/"), PathProblem::DamRoot);
        assert_eq!(bad("/content/damx/a.jpg"), PathProblem::OutsideDam);
        assert_eq!(bad("/etc/passwd"), PathProblem::OutsideDam);
        assert_eq!(check_canonical("/content/dam/a.jpg"), Ok(()));
        assert_eq!(
            check_canonical("/content/dam/a.jpg/"),
            Err(PathProblem::Untrimmed)
        );
        assert_eq!(
            check_canonical("/content/dam/../a.jpg"),
            Err(PathProblem::DotSegment)
        );
    }
}
