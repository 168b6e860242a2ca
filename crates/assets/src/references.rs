//! Where assets are used: AEM's reference search `GET /bin/wcm/references.json?path=A&path=B…
//! &predicate=wcmcontent&_charset_=utf-8` (`adobe-wire-lifecycle.md` §3), the request and a
//! lenient reading of its answer. UNCONFIRMED on AEMaaCS: the exact shape (documented as
//! `{"pages": [{srcPath, srcTitle, path, title, references, published, isPage}]}`), so a page
//! entry is taken when it names the page and the asset it uses, whatever else it holds or
//! lacks; `published` may be a boolean or a word. An answer without a list of pages is not
//! understood: an error, never "used nowhere".
//!
//! Not here: which assets to ask about, the cache of a report (`core/app/health.rs`).

use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

/// The most assets one reference search asks about: AEM takes `path` repeated, but each costs
/// a search of the content (UNCONFIRMED how much), so a request stays small.
pub const PATHS_AT_ONCE: usize = 20;

/// A page that uses an asset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PageUse {
    /// The asset used (`srcPath`).
    pub asset: String,
    /// The page (`path`).
    pub page: String,
    /// Its title, when the answer gives one.
    pub title: Option<String>,
    /// Whether the page is published, when the answer says.
    pub published: Option<bool>,
}

/// The query of one reference search of `paths`.
pub fn query(paths: &[&str]) -> Vec<(String, String)> {
    let mut q: Vec<(String, String)> = paths
        .iter()
        .map(|p| ("path".to_owned(), (*p).to_owned()))
        .collect();
    q.push(("predicate".to_owned(), "wcmcontent".to_owned()));
    q.push(("_charset_".to_owned(), "utf-8".to_owned()));
    q
}

/// The asset of a page entry that does not name one (no `srcPath`) when several paths were
/// asked: which of them the page uses cannot be told, so the asker asks again one path at a
/// time (issue 78), never drops the entry as "used nowhere".
pub const UNNAMED: &str = "";

/// The pages an answer lists, leniently; `None` when it holds no list of pages. A page entry
/// without an asset (`srcPath`) is credited to the only asset asked, if one was, and otherwise
/// kept with the asset [`UNNAMED`].
pub fn pages_of(answer: &Value, asked: &[&str]) -> Option<Vec<PageUse>> {
    let pages = match answer {
        Value::Array(items) => items,
        other => other.get("pages")?.as_array()?,
    };
    let text = |v: &Value, key: &str| v.get(key).and_then(Value::as_str).map(str::to_owned);
    let only = (asked.len() == 1).then(|| asked[0].to_owned());
    Some(
        pages
            .iter()
            .filter_map(|p| {
                let asset = text(p, "srcPath")
                    .or_else(|| only.clone())
                    .unwrap_or_else(|| UNNAMED.to_owned());
                let page = text(p, "path")?;
                let published = match p.get("published") {
                    Some(Value::Bool(b)) => Some(*b),
                    Some(Value::String(s)) => s.parse::<bool>().ok(),
                    _ => None,
                };
                Some(PageUse {
                    asset,
                    page,
                    title: text(p, "title"),
                    published,
                })
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// An entry that names no asset when several were asked is kept as [`UNNAMED`], not
    /// dropped (issue 78: dropped, its asset counted "used nowhere"). Seen failing with
    /// `pages_of(&bare, &["/a", "/b"])` empty when the entry was dropped.
    #[test]
    fn answers_are_read_leniently_and_a_shapeless_one_is_not_known() {
        let answer = json!({"pages": [
            {"srcPath": "/content/dam/a.jpg", "path": "/content/s/p", "title": "P", "published": true},
            {"srcPath": "/content/dam/b.jpg", "path": "/content/s/q", "published": "false", "extra": 1},
            {"srcPath": "/content/dam/b.jpg"},
        ]});
        let pages = pages_of(&answer, &["/content/dam/a.jpg", "/content/dam/b.jpg"]).unwrap();
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[0].published, Some(true));
        assert_eq!(pages[1].published, Some(false));
        assert_eq!(pages[1].title, None);
        let bare = json!([{"path": "/content/s/p"}]);
        assert_eq!(
            pages_of(&bare, &["/content/dam/a.jpg"]).unwrap()[0].asset,
            "/content/dam/a.jpg"
        );
        let unnamed = pages_of(&bare, &["/a", "/b"]).unwrap();
        assert_eq!(unnamed.len(), 1);
        assert_eq!(unnamed[0].asset, UNNAMED);
        assert_eq!(unnamed[0].page, "/content/s/p");
        for unknown in [json!({}), json!({"pages": "none"}), json!("ok")] {
            assert!(pages_of(&unknown, &["/a"]).is_none(), "{unknown}");
        }
        assert_eq!(
            query(&["/a", "/b"])
                .iter()
                .filter(|(k, _)| k == "path")
                .count(),
            2
        );
    }
}
