//! Sites pages that use assets, and `GET /bin/wcm/references.json`, AEM's reference search as
//! the DAM's delete warning and the References rail call it (`adobe-wire-lifecycle.md` §3):
//! `?path=A&path=B…&predicate=wcmcontent&_charset_=utf-8` answers `{"pages": [{srcPath,
//! srcTitle, path, title, references, published, isPage}]}`, one entry for each asset asked and
//! each page that uses it, in the order asked. UNCONFIRMED on AEMaaCS: the exact shape (a
//! client must read it leniently), references held by content fragments (none here), and which
//! tokens may call it (here: the classic ones, like every classic path; OAuth → 403).
//!
//! Seeded only with [`crate::SandboxConfig::with_lifecycle`]: for each leaf folder, a page
//! `/content/metadesk-site/en/<leaf>` using about one asset in three of that folder (published
//! for every other leaf), and its `…/gallery` page using half of those. [`crate::Sandbox::reference_page`]
//! sets a page as an author would; [`crate::Sandbox::reset`] restores the seeded ones.
//!
//! Not here: the assets (`dam/`).

use std::collections::BTreeMap;

use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use crate::auth::{self, Family};
use crate::dam::{Dam, Mix, Node};
use crate::{Shared, read, write};

/// Where the seeded pages live.
const SITE_ROOT: &str = "/content/metadesk-site/en";

/// One Sites page: its title, whether it is published, the DAM paths it uses on author, and
/// those the published copy uses (what the website shows, until the page is published again).
#[derive(Debug, Clone)]
pub(crate) struct SitePage {
    title: String,
    published: bool,
    assets: Vec<String>,
    live: Vec<String>,
}

/// Every page that uses an asset, by page path.
#[derive(Debug, Default)]
pub(crate) struct SitePages {
    pages: BTreeMap<String, SitePage>,
}

impl SitePages {
    /// The seeded pages of `dam` (none unless the sandbox seeds the lifecycle).
    pub(crate) fn seeded(dam: &Dam, seed: u64, lifecycle: bool) -> SitePages {
        let mut out = SitePages::default();
        if !lifecycle {
            return out;
        }
        for (n, folder) in dam
            .folders
            .iter()
            .filter(|f| !f.assets.is_empty())
            .enumerate()
        {
            let (mut main, mut gallery) = (Vec::new(), Vec::new());
            for idx in &folder.assets {
                let mut r = Mix::new(seed, 12, u64::from(*idx));
                let path = dam.asset_path(*idx);
                match r.below(6) {
                    0 => {
                        main.push(path.clone());
                        gallery.push(path);
                    }
                    1 => main.push(path),
                    _ => {}
                }
            }
            let page = format!("{SITE_ROOT}/{}-{n}", folder.name);
            let published = n % 2 == 0;
            out.set(&format!("{page}/gallery"), "Gallery", published, gallery);
            out.set(&page, &folder.name, published, main);
        }
        out
    }

    /// Sets the page at `path`; one that uses no asset is removed.
    pub(crate) fn set(&mut self, path: &str, title: &str, published: bool, assets: Vec<String>) {
        if assets.is_empty() {
            self.pages.remove(path);
            return;
        }
        let live = if published {
            assets.clone()
        } else {
            Vec::new()
        };
        let page = SitePage {
            title: title.to_owned(),
            published,
            assets,
            live,
        };
        self.pages.insert(path.to_owned(), page);
    }

    /// The page at `path` as the control API shows it: its title, whether it is published, the
    /// DAM paths it uses on author (`assets`) and on the website (`live`).
    pub(crate) fn state(&self, path: &str) -> Option<Value> {
        let page = self.pages.get(path)?;
        Some(json!({
            "path": path,
            "title": page.title,
            "published": page.published,
            "assets": page.assets,
            "live": page.live,
        }))
    }

    /// Rewrites the references of the pages `adjust` names (every page, for `None`) from each
    /// moved asset's old path to its new one, as AEM's move does; the published copies keep
    /// the old paths. Returns the pages changed.
    pub(crate) fn retarget(
        &mut self,
        moved: &[(String, String)],
        adjust: Option<&[String]>,
    ) -> Vec<String> {
        let renamed: BTreeMap<&str, &str> = moved
            .iter()
            .map(|(old, new)| (old.as_str(), new.as_str()))
            .collect();
        let mut changed = Vec::new();
        for (path, page) in &mut self.pages {
            if adjust.is_some_and(|only| !only.iter().any(|p| p == path)) {
                continue;
            }
            let mut touched = false;
            for asset in &mut page.assets {
                if let Some(new) = renamed.get(asset.as_str()) {
                    *asset = (*new).to_owned();
                    touched = true;
                }
            }
            if touched {
                changed.push(path.clone());
            }
        }
        changed
    }

    /// Publishes the page at `path` as it is on author; false when there is no such page.
    pub(crate) fn publish(&mut self, path: &str) -> bool {
        let Some(page) = self.pages.get_mut(path) else {
            return false;
        };
        page.published = true;
        page.live = page.assets.clone();
        true
    }

    /// The pages that use the asset at `asset`, in path order.
    pub(crate) fn using<'a>(
        &'a self,
        asset: &'a str,
    ) -> impl Iterator<Item = (&'a str, &'a SitePage)> + 'a {
        self.pages
            .iter()
            .filter(move |(_, p)| p.assets.iter().any(|a| a == asset))
            .map(|(path, p)| (path.as_str(), p))
    }
}

/// `GET /bin/wcm/references.json`.
pub(crate) async fn search(
    State(shared): State<Shared>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Response {
    if let Err(e) = auth::authenticate(&shared, &headers, Family::Classic) {
        return crate::core_response::auth_failure(e, "/bin/wcm/references");
    }
    let asked: Vec<String> = url::form_urlencoded::parse(raw.unwrap_or_default().as_bytes())
        .into_owned()
        .filter(|(k, _)| k == "path")
        .map(|(_, v)| v)
        .collect();
    if asked.is_empty() {
        return (StatusCode::BAD_REQUEST, "No path given").into_response();
    }
    if asked.iter().any(|p| shared.faults.references_unreadable(p)) {
        // Something that holds no list of pages (`Faults::references_unreadable`).
        return axum::Json(json!({"status": "unavailable"})).into_response();
    }
    let dam = read(&shared.dam);
    let site = read(&shared.site_pages);
    let mut pages = Vec::new();
    for src in &asked {
        let src_title = match dam.lookup(src) {
            Some(Node::Asset(a)) => dam
                .metadata(a)
                .get("dc:title")
                .cloned()
                .unwrap_or_else(|| json!(src.rsplit('/').next().unwrap_or(src))),
            _ => Value::Null,
        };
        for (path, page) in site.using(src) {
            pages.push(json!({
                "srcPath": src,
                "srcTitle": src_title,
                "path": path,
                "title": page.title,
                "references": [format!("{path}/jcr:content/root/container/image/fileReference")],
                "published": page.published,
                "isPage": true,
            }));
        }
    }
    if asked.len() > 1 && shared.faults.references_unnamed_when_several() {
        pages
            .iter_mut()
            .filter_map(Value::as_object_mut)
            .for_each(|p| {
                p.remove("srcPath");
                p.remove("srcTitle");
            });
    }
    if shared.faults.references_bare_list() {
        return axum::Json(Value::Array(pages)).into_response();
    }
    axum::Json(json!({ "pages": pages })).into_response()
}

impl crate::Sandbox {
    /// Sets the Sites page at `path` (under `/content`) as an author would: its title, whether
    /// it is published, and the DAM paths it uses (none removes it). The reference search
    /// finds it; [`crate::Sandbox::reset`] restores the seeded pages.
    pub fn reference_page(&self, path: &str, title: &str, published: bool, assets: &[&str]) {
        let assets = assets.iter().map(|a| (*a).to_owned()).collect();
        write(&self.shared.site_pages).set(path, title, published, assets);
    }

    /// The DAM paths the page at `path` uses on author, and those its published copy uses
    /// (empty when it was never published); `None` when there is no such page.
    pub fn page_references(&self, path: &str) -> Option<(Vec<String>, Vec<String>)> {
        let site = read(&self.shared.site_pages);
        let page = site.pages.get(path)?;
        Some((page.assets.clone(), page.live.clone()))
    }

    /// The paths of the pages that use the asset at `asset`, as the reference search finds them.
    pub fn pages_using(&self, asset: &str) -> Vec<String> {
        read(&self.shared.site_pages)
            .using(asset)
            .map(|(path, _)| path.to_owned())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeded_pages_only_with_the_lifecycle_and_set_replaces() {
        let dam = Dam::generate(3, 200, crate::dam::ASSETS_PER_FOLDER);
        assert!(SitePages::seeded(&dam, 3, false).pages.is_empty());
        let mut site = SitePages::seeded(&dam, 3, true);
        let used = (0..200u32)
            .map(|i| dam.asset_path(i))
            .filter(|p| site.using(p).next().is_some())
            .count();
        assert!(used > 20 && used < 120, "{used}");
        let asset = dam.asset_path(0);
        site.set("/content/x/a", "A", true, vec![asset.clone()]);
        assert!(site.using(&asset).any(|(p, _)| p == "/content/x/a"));
        site.set("/content/x/a", "A", true, Vec::new());
        assert!(!site.using(&asset).any(|(p, _)| p == "/content/x/a"));
    }
}
