//! Where a move sends each asset: its new folder (keeping the subfolders it had under the
//! moved folder, or flattened) and its new name by a rule (lowercase, spaces to `-`, find and
//! replace, prefix, suffix, a number), and the refusals decided before anything is sent: a
//! name AEM refuses, a rule that leaves no name, two assets landing on one path (names
//! compared case-insensitively, as two such files cannot sit side by side on Windows or
//! macOS when downloaded), a folder moved into itself. Pure: no I/O.
//!
//! Not here: reading what is there (`metadesk_core::app::moves`), the plan (`moves.rs`).

use std::collections::HashMap;

use metadesk_assets::asset_path::{check_canonical, refused_name};
use metadesk_base::i18n::{SavedText, Text};

/// A rule giving each asset its new name. The extension is kept; the rule applies to the
/// name before it, in this order: lowercase, spaces, replace, prefix, suffix, number.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RenameRule {
    pub lowercase: bool,
    /// Runs of spaces become one `-`.
    pub spaces_to_dashes: bool,
    pub replace: Option<(String, String)>,
    pub prefix: String,
    pub suffix: String,
    /// Each asset numbered in path order from this, `-001` with this many digits.
    pub number: Option<(u64, usize)>,
}

impl RenameRule {
    /// Parses the CLI's and the window's form: comma-separated `lowercase`, `dashes`,
    /// `replace:FROM=TO`, `prefix:TEXT`, `suffix:TEXT`, `number[:START[:DIGITS]]`. A `\`
    /// keeps the character after it as it is (`\,` a comma, `\=` an equals sign, `\ ` a
    /// space the trimming around each part would drop, `\\` a backslash).
    pub fn parse(text: &str) -> Result<RenameRule, Text> {
        let mut rule = RenameRule::default();
        for part in split_unescaped(&escaped(text), ',') {
            let part = trimmed(part);
            if part.is_empty() {
                continue;
            }
            let shown = plain(part);
            let (word, value) = match split_once_unescaped(part, ':') {
                Some((word, value)) => (plain(word), value),
                None => (shown.clone(), &[][..]),
            };
            match word.as_str() {
                "lowercase" => rule.lowercase = true,
                "dashes" => rule.spaces_to_dashes = true,
                "replace" => {
                    let Some((from, to)) =
                        split_once_unescaped(value, '=').filter(|(f, _)| !f.is_empty())
                    else {
                        return Err(Text::new(
                            "move-rule-replace",
                            vec![("part", shown.as_str().into())],
                        ));
                    };
                    rule.replace = Some((plain(from), plain(to)));
                }
                "prefix" => rule.prefix = plain(value),
                "suffix" => rule.suffix = plain(value),
                "number" => {
                    let value = plain(value);
                    let mut values = value.split(':').filter(|v| !v.is_empty());
                    let start = values.next().map(str::parse::<u64>).transpose();
                    let digits = values.next().map(str::parse::<usize>).transpose();
                    match (start, digits) {
                        (Ok(start), Ok(digits)) if digits.is_none_or(|d| d <= 12) => {
                            rule.number = Some((start.unwrap_or(1), digits.unwrap_or(3)));
                        }
                        _ => {
                            return Err(Text::new(
                                "move-rule-number",
                                vec![("part", shown.as_str().into())],
                            ));
                        }
                    }
                }
                _ => {
                    return Err(Text::new(
                        "move-rule-unknown",
                        vec![("part", shown.as_str().into())],
                    ));
                }
            }
        }
        Ok(rule)
    }

    pub fn is_empty(&self) -> bool {
        *self == RenameRule::default()
    }

    /// The name `name` gets as the `n`th asset (from 0).
    pub fn apply(&self, name: &str, n: u64) -> String {
        let (stem, ext) = match name.rsplit_once('.') {
            Some((stem, ext)) if !stem.is_empty() => (stem, Some(ext)),
            _ => (name, None),
        };
        let mut stem = stem.to_owned();
        if self.lowercase {
            stem = stem.to_lowercase();
        }
        if self.spaces_to_dashes {
            stem = stem.split_whitespace().collect::<Vec<_>>().join("-");
        }
        if let Some((from, to)) = &self.replace {
            stem = stem.replace(from.as_str(), to);
        }
        stem = format!("{}{stem}{}", self.prefix, self.suffix);
        if let Some((start, digits)) = self.number {
            stem = format!("{stem}-{:0digits$}", start + n);
        }
        let ext = ext.map(|e| {
            if self.lowercase {
                e.to_lowercase()
            } else {
                e.to_owned()
            }
        });
        match ext {
            Some(ext) if !stem.is_empty() => format!("{stem}.{ext}"),
            // A rule that leaves no name before the extension leaves no name.
            Some(_) => String::new(),
            None => stem,
        }
    }
}

/// A character of a rule's text, and whether a `\` kept it as it is.
type Kept = (char, bool);

/// A rule's characters, each with whether a `\` kept it as it is.
fn escaped(text: &str) -> Vec<Kept> {
    let mut out = Vec::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match (c, chars.clone().next()) {
            ('\\', Some(next)) => {
                chars.next();
                out.push((next, true));
            }
            _ => out.push((c, false)),
        }
    }
    out
}

fn split_unescaped(text: &[Kept], at: char) -> Vec<&[Kept]> {
    text.split(|&(c, kept)| c == at && !kept).collect()
}

fn split_once_unescaped(text: &[Kept], at: char) -> Option<(&[Kept], &[Kept])> {
    let i = text.iter().position(|&(c, kept)| c == at && !kept)?;
    Some((&text[..i], &text[i + 1..]))
}

/// Without the spaces around it, unless kept by a `\`.
fn trimmed(text: &[Kept]) -> &[Kept] {
    let loose = |&(c, kept): &Kept| c.is_whitespace() && !kept;
    let start = text.iter().position(|c| !loose(c)).unwrap_or(text.len());
    let end = text
        .iter()
        .rposition(|c| !loose(c))
        .map_or(start, |i| i + 1);
    &text[start..end]
}

fn plain(text: &[Kept]) -> String {
    text.iter().map(|(c, _)| c).collect()
}

/// Where an asset of a moved folder goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Destination<'a> {
    /// The folder the assets move into.
    pub to: &'a str,
    /// The folder they were chosen in, whose subfolders are kept below `to` unless flattened.
    pub from_folder: &'a str,
    pub flatten: bool,
}

impl Destination<'_> {
    /// The new path of `path` named `name`.
    pub fn path_of(&self, path: &str, name: &str) -> String {
        let parent = crate::moves::parent(path);
        let below = if self.flatten {
            ""
        } else {
            parent
                .strip_prefix(self.from_folder)
                .filter(|rest| rest.is_empty() || rest.starts_with('/'))
                .unwrap_or("")
        };
        format!("{}{below}/{name}", self.to)
    }
}

/// Why moving `from` to `to` is refused before anything is sent, if it is: a path outside
/// the DAM or not canonical, a name AEM refuses or no name, a folder into itself.
pub fn refusal(from: &str, to: &str) -> Option<SavedText> {
    let name = crate::moves::leaf(to);
    if name.is_empty() {
        return Some(SavedText::new(
            "move-refused-no-name",
            [("path", from.into())],
        ));
    }
    if let Err(problem) = check_canonical(to) {
        return Some(SavedText::new(problem.code(), [("path", to.into())]));
    }
    if refused_name(name) {
        return Some(SavedText::new("move-name-refused", [("name", name.into())]));
    }
    if to == from {
        return Some(SavedText::new(
            "move-refused-same-path",
            [("path", from.into())],
        ));
    }
    if to.starts_with(&format!("{from}/")) {
        return Some(SavedText::new("move-into-itself", [("path", from.into())]));
    }
    None
}

/// For each of `targets` (index, new path), the other index already landing on the same
/// path, names compared case-insensitively: every second one is refused.
pub fn collisions(targets: &[(usize, &str)]) -> Vec<(usize, usize)> {
    let mut first: HashMap<String, usize> = HashMap::new();
    let mut clashes = Vec::new();
    for (i, path) in targets {
        match first.get(&path.to_lowercase()) {
            Some(other) => clashes.push((*i, *other)),
            None => {
                first.insert(path.to_lowercase(), *i);
            }
        }
    }
    clashes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_backslash_keeps_commas_equals_and_spaces_in_a_rule_s_text() {
        let rule =
            RenameRule::parse(r"replace:Beach\,\ Summer=a\=b, prefix:Sun\ , suffix:\\x").unwrap();
        assert_eq!(
            rule.replace,
            Some(("Beach, Summer".to_owned(), "a=b".to_owned()))
        );
        assert_eq!(rule.prefix, "Sun ");
        assert_eq!(rule.suffix, "\\x");
        assert_eq!(rule.apply("Beach, Summer 1.jpg", 0), "Sun a=b 1\\x.jpg");
        // Unescaped, the comma still ends a part.
        assert!(RenameRule::parse("replace:a,b=c").is_err());
    }

    #[test]
    fn a_rule_renames_the_name_and_keeps_its_extension() {
        let rule =
            RenameRule::parse("lowercase,dashes,replace:img_=summer-,prefix:2026-,number:1:2")
                .unwrap();
        assert_eq!(
            rule.apply("IMG_2231 Beach.JPG", 0),
            "2026-summer-2231-beach-01.jpg"
        );
        assert_eq!(
            rule.apply("IMG_2232 Beach.JPG", 4),
            "2026-summer-2232-beach-05.jpg"
        );
        let suffix = RenameRule::parse("suffix:-web").unwrap();
        assert_eq!(suffix.apply("logo.png", 0), "logo-web.png");
        assert_eq!(suffix.apply("README", 0), "README-web");
        assert!(RenameRule::parse("").unwrap().is_empty());
    }

    #[test]
    fn a_rule_that_leaves_no_name_is_refused() {
        let rule = RenameRule::parse("replace:beach=").unwrap();
        let name = rule.apply("beach.jpg", 0);
        assert_eq!(name, "");
        let to = format!("/content/dam/b/{name}");
        let why = refusal("/content/dam/a/beach.jpg", &to).unwrap();
        assert_eq!(why.code(), Some("move-refused-no-name"));
    }

    #[test]
    fn bad_rules_are_refused_in_words() {
        for (text, code) in [
            ("upper", "move-rule-unknown"),
            ("replace:=x", "move-rule-replace"),
            ("replace:x", "move-rule-replace"),
            ("number:a", "move-rule-number"),
            ("number:1:40", "move-rule-number"),
        ] {
            assert_eq!(
                RenameRule::parse(text).unwrap_err().id(),
                Some(code),
                "{text}"
            );
        }
    }

    #[test]
    fn subfolders_are_kept_or_flattened() {
        let keep = Destination {
            to: "/content/dam/archive",
            from_folder: "/content/dam/campaign",
            flatten: false,
        };
        assert_eq!(
            keep.path_of("/content/dam/campaign/shoes/a.jpg", "a.jpg"),
            "/content/dam/archive/shoes/a.jpg"
        );
        assert_eq!(
            keep.path_of("/content/dam/campaign/a.jpg", "b.jpg"),
            "/content/dam/archive/b.jpg"
        );
        let flat = Destination {
            flatten: true,
            ..keep
        };
        assert_eq!(
            flat.path_of("/content/dam/campaign/shoes/a.jpg", "a.jpg"),
            "/content/dam/archive/a.jpg"
        );
    }

    #[test]
    fn refusals_name_the_problem() {
        let cases = [
            (
                "/content/dam/a/x.jpg",
                "/content/dam/b/x*.jpg",
                "move-name-refused",
            ),
            ("/content/dam/a", "/content/dam/a/b/a", "move-into-itself"),
            (
                "/content/dam/a/x.jpg",
                "/content/dam/a/x.jpg",
                "move-refused-same-path",
            ),
        ];
        for (from, to, code) in cases {
            assert_eq!(
                refusal(from, to)
                    .and_then(|t| t.code().map(str::to_owned))
                    .as_deref(),
                Some(code)
            );
        }
        assert!(refusal("/content/dam/a/x.jpg", "/content/other/x.jpg").is_some());
        assert!(refusal("/content/dam/a/x.jpg", "/content/dam/../x.jpg").is_some());
        assert!(refusal("/content/dam/a/x.jpg", "/content/dam/b/y.jpg").is_none());
    }

    #[test]
    fn two_assets_on_one_path_collide_whatever_their_case() {
        let targets = [
            (0, "/content/dam/b/A.jpg"),
            (1, "/content/dam/b/a.jpg"),
            (2, "/content/dam/b/c.jpg"),
        ];
        assert_eq!(collisions(&targets), vec![(1, 0)]);
    }
}
