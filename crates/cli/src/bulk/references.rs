//! Where a preview's assets are used, in the terminal (issue 66): under the preview of an
//! unpublish, a tag deletion or a tag merge, each asset a page uses with "used on N pages" and
//! the pages, and a warning before unpublishing assets that published pages use; in `--json`,
//! the same as `references`. The core decides which runs ask and keeps the answer for the run.
//!
//! Not here: asking AEM (`core/app/references.rs`), the rest of the preview (`preview`).

use std::sync::Arc;

use metadesk_core::app::{ASKED_AT_MOST, Opened, PreviewReferences, Workspace};
use metadesk_core::bulk::RunSummary;
use metadesk_core::i18n::{Localizer, arg, count};

/// Where `summary`'s assets are used, localized, when its kind of run shows it; a failure to
/// ask is said on standard error and leaves the preview as it is.
pub(super) async fn references_of(
    ws: &Workspace,
    opened: &Opened,
    summary: &RunSummary,
    l: &Localizer,
) -> Option<PreviewReferences> {
    match ws.preview_references(opened, summary).await {
        Ok(found) => found.map(|r| {
            let mut r = Arc::unwrap_or_clone(r);
            r.localize(l);
            r
        }),
        Err(e) => {
            eprintln!(
                "{}",
                l.msg("cli-references-failed", &[("message", arg(e.localized(l)))])
            );
            None
        }
    }
}

/// The assets pages use and their pages, then the warning of an unpublish (on standard error,
/// where a script sees it too).
pub(crate) fn show_references(r: &PreviewReferences, l: &Localizer) {
    // What AEM could not tell is said, with its assets, and never counted as "used nowhere"
    // (issue 78); what it told is shown as well.
    if let Some(unknown) = &r.unknown {
        eprintln!("{}", unknown.localized(l));
        for path in &r.unknown_assets {
            eprintln!("      {path}");
        }
    }
    if r.assets.is_empty() && r.unknown_assets.is_empty() && r.unknown.is_none() {
        println!(
            "{}",
            l.msg("cli-references-none", &[("count", count(r.asked as f64))])
        );
    }
    for asset in &r.assets {
        let words = [
            ("path", arg(asset.path.as_str())),
            ("count", count(asset.pages.len() as f64)),
        ];
        println!("{}", l.msg("cli-references-asset", &words));
        for page in &asset.pages {
            let state = match page.published {
                Some(true) => l.text("cli-references-published"),
                Some(false) => l.text("cli-references-not-published"),
                None => String::new(),
            };
            let title = page.title.as_deref().unwrap_or_default();
            let line = [page.page.as_str(), title, state.as_str()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join("  ");
            println!("      {line}");
        }
    }
    if r.not_asked > 0 {
        let words = [
            ("count", count(r.not_asked as f64)),
            ("max", count(ASKED_AT_MOST as f64)),
        ];
        println!("{}", l.msg("cli-references-not-asked", &words));
    }
    let warned = r.warned().len();
    if warned > 0 {
        show_references_warning(warned, l);
    }
}

/// The warning before unpublishing `warned` assets that published pages use.
pub(super) fn show_references_warning(warned: usize, l: &Localizer) {
    let words = [("count", count(warned as f64))];
    eprintln!("{}", l.msg("cli-references-unpublish-warning", &words));
}
