//! Sites pages under `/content` that hold tags (`jcr:content/cq:tags`), and the tag servlet's
//! `list` command that finds them: `POST /bin/tagcommand` `cmd=list&path=<tag>` answers the
//! pages that use the tag or a tag below it, as AEM's tag console lists "the pages that use a
//! tag" (`adobe-wire-tags.md` §3; Adobe's TagClient.java `listTag`). AEM answers from the
//! repository's tagging, not from the DAM's assets: an asset is never listed here.
//!
//! UNCONFIRMED: the answer's exact shape. The sandbox sends JSON `{"pages": [{"path",
//! "title"}]}`; a client must take any other answer as "not known", never as "no page".
//!
//! Not here: the DAM's assets and their tags (`dam/`), the taxonomy (`taxonomy.rs`).

use std::collections::BTreeMap;

use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use crate::taxonomy::{id_of, relative_path, within};

/// The pages that hold tags: by page path (`/content/wknd/en/adventures`), the ids its
/// `jcr:content/cq:tags` holds.
#[derive(Debug, Clone, Default)]
pub(crate) struct Pages {
    tagged: BTreeMap<String, Vec<String>>,
}

impl Pages {
    /// Sets a page's `cq:tags` (none: the page holds no tag), as an author's page properties
    /// would.
    pub(crate) fn set(&mut self, path: &str, tags: Vec<String>) {
        if tags.is_empty() {
            self.tagged.remove(path);
        } else {
            self.tagged.insert(path.to_owned(), tags);
        }
    }

    /// The pages holding the tag at `rel` (below the taxonomy root) or a tag below it; an id
    /// held in path form (`/content/cq:tags/ns/a`) counts as the id it names.
    fn using(&self, rel: &str) -> Vec<&str> {
        self.tagged
            .iter()
            .filter(|(_, tags)| {
                tags.iter()
                    .filter_map(|t| relative_path(t))
                    .any(|held| within(&held, rel))
            })
            .map(|(path, _)| path.as_str())
            .collect()
    }

    /// The `list` command's answer for the tag at `rel`.
    pub(crate) fn list(&self, rel: &str) -> Response {
        let pages: Vec<Value> = self
            .using(rel)
            .into_iter()
            .map(|path| {
                let title = path.rsplit('/').next().unwrap_or(path);
                json!({"path": path, "title": title})
            })
            .collect();
        axum::Json(json!({"tag": id_of(rel), "pages": pages})).into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_uses_a_tag_it_holds_or_one_below_it_by_id_or_path() {
        let mut pages = Pages::default();
        pages.set("/content/wknd/en/a", vec!["wknd-shared:season/monsoon".into()]);
        pages.set(
            "/content/wknd/en/b",
            vec!["/content/cq:tags/wknd-shared/season/monsoon/heavy".into()],
        );
        pages.set("/content/wknd/en/c", vec!["wknd-shared:season/monsoonal".into()]);
        assert_eq!(
            pages.using("wknd-shared/season/monsoon"),
            ["/content/wknd/en/a", "/content/wknd/en/b"]
        );
        pages.set("/content/wknd/en/a", Vec::new());
        assert_eq!(
            pages.using("wknd-shared/season/monsoon"),
            ["/content/wknd/en/b"]
        );
    }
}
