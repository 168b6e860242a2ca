//! The entries of a list as a person gives them (pasted, dropped or a file: one per line or a
//! one-column CSV), and what each names: a DAM path (from a path or an Assets UI link) or an
//! asset id (`urn:aaid:aem:`), or why it names nothing; and the folder holding a list's paths.
//! A leaf: it imports nothing else of this crate.
//!
//! Not here: resolving entries against AEM (`searching.rs`).

use metadesk_assets::DAM_ROOT;
use metadesk_assets::asset_path::{PathProblem, canonical_asset_path, has_control};
use metadesk_base::i18n::SavedText;
use metadesk_base::i18n::controls_shown;
use metadesk_clients::error::{Error, ErrorCode, Result};

/// The entries of a pasted or dropped list: one per line, or the first column of a CSV (a
/// header such as `path` or `assetPath` is skipped). Blank lines are dropped.
pub fn entries_from_text(text: &str) -> Result<Vec<String>> {
    let text = text.trim_start_matches('\u{feff}');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut entries = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| {
            Error::message(
                ErrorCode::InvalidInput,
                "error-list-unreadable",
                vec![("detail", e.to_string().into())],
            )
        })?;
        let fields: Vec<&str> = record.iter().filter(|f| !f.is_empty()).collect();
        // A plain list line with commas in a name is split by the reader: join it back.
        let entry = fields.join(",");
        if entry.is_empty() {
            continue;
        }
        let header = matches!(
            entry.to_ascii_lowercase().as_str(),
            "path" | "assetpath" | "asset path" | "asset" | "id" | "assetid" | "url" | "link"
        );
        if i == 0 && header {
            continue;
        }
        entries.push(entry);
    }
    Ok(entries)
}

/// What a list entry names.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Target {
    Path(String),
    /// The `jcr:uuid` of an `urn:aaid:aem:` id.
    Uuid(String),
}

fn is_uuid(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts.len() == 5
        && parts
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(p, n)| p.len() == n && p.chars().all(|c| c.is_ascii_hexdigit()))
}

fn dam_path(raw: &str) -> std::result::Result<String, SavedText> {
    canonical_asset_path(raw).map_err(|problem| {
        SavedText::new(
            problem.code(),
            [("path", controls_shown(raw.trim()).into())],
        )
    })
}

/// Reads one entry: a DAM path, an Assets UI link (`…/assets.html/content/dam/…`,
/// `…/assetdetails.html/content/dam/…`, also inside the Unified Shell's `#` part) or any link
/// to `/content/dam/…`, or an `urn:aaid:aem:` id.
pub(crate) fn target_of(entry: &str) -> std::result::Result<Target, SavedText> {
    let e = entry.trim();
    if let Some(id) = e.strip_prefix("urn:aaid:aem:") {
        let id = id.trim();
        return if is_uuid(id) {
            Ok(Target::Uuid(id.to_ascii_lowercase()))
        } else {
            Err(SavedText::new("reason-list-bad-asset-id", []))
        };
    }
    if e.starts_with("/content/dam/") {
        return dam_path(e).map(Target::Path);
    }
    if e.starts_with("http://") || e.starts_with("https://") {
        // `url` resolves `.` and `..` segments (`%2e%2e` too) as it parses: the path it gives
        // may name another asset than the link's text, so the text is checked first.
        link_text_check(e)?;
        let Ok(url) = url::Url::parse(e) else {
            return Err(SavedText::new("reason-list-bad-link", []));
        };
        // The asset's path is in the URL's path or, in the Unified Shell, after `#`.
        for part in [Some(url.path()), url.fragment()].into_iter().flatten() {
            let decoded = percent_decoded(part);
            if let Some(at) = decoded.find("/content/dam/") {
                let path = decoded[at..]
                    .split(['?', '#'])
                    .next()
                    .unwrap_or_default()
                    .to_owned();
                return dam_path(&path).map(Target::Path);
            }
        }
        return Err(SavedText::new("reason-list-link-outside-dam", []));
    }
    Err(SavedText::new("reason-list-not-an-entry", []))
}

/// Refuses a link whose own text (percent-decoded, before `url` resolves anything) has a `.`
/// or `..` segment in its path or, in the Unified Shell, after `#`, or whose asset path is not
/// canonical: in the same words as a plain path with that problem.
fn link_text_check(link: &str) -> std::result::Result<(), SavedText> {
    let decoded = percent_decoded(link);
    // `url` drops a tab, LF or CR anywhere in a link as it parses it: the link it reads is not
    // the one written.
    if has_control(&decoded) {
        return Err(SavedText::new(
            PathProblem::ControlCharacter.code(),
            [("path", controls_shown(link).into())],
        ));
    }
    let after_scheme = decoded
        .split_once("://")
        .map_or(decoded.as_str(), |(_, r)| r);
    let path = after_scheme.find('/').map_or("", |at| &after_scheme[at..]);
    for part in path.split('#') {
        let part = part.split('?').next().unwrap_or_default();
        let at = part.find("/content/dam/");
        if part.split('/').any(|s| s == "." || s == "..") {
            let shown = at.map_or(part, |at| &part[at..]);
            return Err(SavedText::new(
                PathProblem::DotSegment.code(),
                [("path", shown.into())],
            ));
        }
        if let Some(at) = at {
            dam_path(&part[at..])?;
        }
    }
    Ok(())
}

/// The nearest folder holding every asset of a list, when each entry names its path (a DAM
/// path or a link to one): the folder whose metadata schema guides the list's values and
/// sheet. `None` when an entry is an asset id (its folder is known only once AEM is asked) or
/// names no asset: the DAM root's schema then, as for any scope AEM has not answered yet.
pub fn list_folder(entries: &[String]) -> Option<String> {
    let mut common: Option<String> = None;
    for entry in entries {
        let Ok(Target::Path(path)) = target_of(entry) else {
            return None;
        };
        let parent = path.rsplit_once('/').map_or(DAM_ROOT, |(p, _)| p);
        common = Some(match common {
            None => parent.to_owned(),
            Some(held) => common_ancestor(&held, parent),
        });
    }
    common
}

/// The deepest folder holding both `a` and `b` (both under the DAM root).
fn common_ancestor(a: &str, b: &str) -> String {
    let shared: Vec<&str> = a
        .split('/')
        .zip(b.split('/'))
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x)
        .collect();
    let folder = shared.join("/");
    if folder.len() < DAM_ROOT.len() {
        DAM_ROOT.to_owned()
    } else {
        folder
    }
}

fn percent_decoded(s: &str) -> String {
    url::form_urlencoded::parse(format!("x={}", s.replace('+', "%2B")).as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_else(|| s.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Seen failing without the check of the link's text: `url` resolved each of these to
    /// another asset's path, which the list then named.
    #[test]
    fn a_link_with_dot_segments_is_refused_not_resolved() {
        let host = "https://author-p1-e2.adobeaemcloud.com";
        for (link, shown) in [
            (
                format!("{host}/assets.html/content/dam/wknd/../en/x.jpg"),
                "/content/dam/wknd/../en/x.jpg",
            ),
            (
                format!("{host}/assets.html/content/dam/wknd/%2e%2e/en/x.jpg"),
                "/content/dam/wknd/../en/x.jpg",
            ),
            (
                format!("{host}/assetdetails.html/content/dam/wknd/.%2E/en/x.jpg?x=1"),
                "/content/dam/wknd/../en/x.jpg",
            ),
            (
                format!("{host}/assets.html/content/dam/wknd/./x.jpg"),
                "/content/dam/wknd/./x.jpg",
            ),
            (
                format!("{host}/content/x/../dam/wknd/x.jpg"),
                "/content/x/../dam/wknd/x.jpg",
            ),
            (
                "https://experience.adobe.com/#/@org/aem/ui/assetdetails.html/content/dam/a/%2E%2E/b/y.png"
                    .to_owned(),
                "/content/dam/a/../b/y.png",
            ),
        ] {
            let why = target_of(&link).unwrap_err();
            assert_eq!(why.code(), Some("path-dot-segment"), "{link}");
            assert_eq!(
                why,
                SavedText::new("path-dot-segment", [("path", shown.into())]),
                "{link}"
            );
        }
        let why = target_of(&format!("{host}/assets.html/content/dam/wknd//x.jpg")).unwrap_err();
        assert_eq!(why.code(), Some("path-empty-segment"));
        // Dots inside a name are not segments.
        assert_eq!(
            target_of(&format!("{host}/assets.html/content/dam/wknd/..x..jpg")),
            Ok(Target::Path("/content/dam/wknd/..x..jpg".into()))
        );
    }

    /// Seen failing without the link's own check: `url` dropped the tab of `.\t.` before
    /// `/content/dam`, read `..` and took the link for `/content/dam/x.jpg`. A plain path
    /// holding one is refused with the control character shown, not printed as a tab.
    #[test]
    fn a_control_character_in_an_entry_is_refused_and_shown() {
        let host = "https://author-p1-e2.adobeaemcloud.com";
        for (entry, shown) in [
            (
                format!("{host}/a/.\t./content/dam/x.jpg"),
                format!("{host}/a/.\\t./content/dam/x.jpg"),
            ),
            (
                format!("{host}/a/.%09./content/dam/x.jpg"),
                format!("{host}/a/.%09./content/dam/x.jpg"),
            ),
            (
                format!("{host}/assets.html/content/dam/a/.\r./x.jpg"),
                format!("{host}/assets.html/content/dam/a/.\\r./x.jpg"),
            ),
            (
                "/content/dam/a/.\t./x.jpg".to_owned(),
                "/content/dam/a/.\\t./x.jpg".to_owned(),
            ),
        ] {
            assert_eq!(
                target_of(&entry),
                Err(SavedText::new(
                    "path-control-character",
                    [("path", shown.as_str().into())]
                )),
                "{entry:?}"
            );
        }
    }
}
