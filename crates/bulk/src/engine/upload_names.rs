//! What an upload's target folders hold just before its files leave, from their listings (the
//! repository, exact) instead of one read per file: a listing serves [`GROUP`] files of its
//! folder, then the folder is listed again, so a file a colleague put at one of our paths since
//! the preview is still found just before ours would land on it. A path the listing holds is
//! then read on its own (whose file is it?); a folder too large to list cheaply is never
//! listed, each of its paths read.
//!
//! Not here: the plan's comparison (`upload_plan::compare`, listed the same way), sending.

use std::collections::HashMap;
use std::sync::Arc;

use metadesk_assets::classic::ClassicAssets;
use tokio::sync::Mutex;

use super::context::Ctx;

/// Files one listing serves before its folder is listed again.
const GROUP: usize = 8;
/// Listing pages a folder may take (more, and a read per file costs less).
const PAGES: usize = GROUP / 2;

/// The run's folder listings, shared by the files being sent.
#[derive(Default)]
pub(super) struct FolderNames {
    folders: Mutex<HashMap<String, Arc<Mutex<Listing>>>>,
}

#[derive(Default)]
struct Listing {
    /// The names it held when last listed; `None`: not listed (too large, or it failed).
    names: Option<std::collections::HashSet<String>>,
    /// Files this listing may still answer for.
    serves: usize,
    /// Too large to list: each path is read.
    too_large: bool,
}

impl FolderNames {
    /// Whether AEM surely holds nothing at `path` now: its folder's listing (listed again
    /// every [`GROUP`] files) does not name it. `false` sends the caller to read the path.
    pub(super) async fn surely_free(&self, ctx: &Ctx, aem: &ClassicAssets, path: &str) -> bool {
        let Some((folder, name)) = path.rsplit_once('/') else {
            return false;
        };
        let listing = {
            let mut folders = self.folders.lock().await;
            folders.entry(folder.to_owned()).or_default().clone()
        };
        let mut listing = listing.lock().await;
        if listing.too_large {
            return false;
        }
        if listing.serves == 0 {
            let listed = ctx.call(|| aem.names_in(folder, PAGES)).await;
            listing.too_large = matches!(listed, Ok(None));
            listing.names = listed.ok().flatten();
            listing.serves = GROUP;
        }
        listing.serves -= 1;
        listing
            .names
            .as_ref()
            .is_some_and(|names| !names.contains(name))
    }
}
