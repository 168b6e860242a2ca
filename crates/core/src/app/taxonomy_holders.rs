//! Whether content may hold a tag, asked before an undo removes a tag it created. AEM's search
//! index lags behind the repository (a colleague's tagging of a minute ago is not in it), so it
//! may only find a holder quickly: "no holder" comes from exact reads alone — the DAM's folders
//! listed and each asset's `cq:tags` read (`Workspace::tag_counts` over `/content/dam`, once for
//! every tag asked), and AEM's list of the Sites pages that use the tag (`/bin/tagcommand`
//! `cmd=list`). A read that is not whole (a folder not listed, an asset not read, an answer not
//! understood) is "not known", with its reason in words: the tag is then kept.
//!
//! Not here: what undo does with the answer (`taxonomy_undo.rs`).

use metadesk_assets::DAM_ROOT;
use metadesk_base::i18n::SavedText;
use metadesk_clients::error::Error;

use crate::app::taxonomy_record::{Resend, sent};
use crate::app::{Opened, TagCounts, Workspace};
use metadesk_assets::tags::node_path as tag_path;

/// What may hold a tag.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum TagHeldBy {
    /// Nothing: every folder was listed and every asset read, and AEM listed no page.
    Nothing,
    /// Assets (or content fragments) hold it or a tag below it.
    Assets,
    /// Sites pages use it or a tag below it; `page` is one of them.
    Pages { page: String },
    /// What holds it could not be read whole: why, in words.
    Unknown(SavedText),
}

/// The reads that answer [`Holders::of`] for one undo: the DAM's is made once, when first
/// needed, and kept for every tag asked after.
pub(crate) struct Holders<'a> {
    ws: &'a Workspace,
    opened: &'a Opened,
    dam: Option<Result<TagCounts, SavedText>>,
}

impl<'a> Holders<'a> {
    pub(crate) fn new(ws: &'a Workspace, opened: &'a Opened) -> Self {
        Holders {
            ws,
            opened,
            dam: None,
        }
    }

    /// What may hold the tag `id`: the index's answer when it finds an asset, else the exact
    /// reads'.
    pub(crate) async fn of(&mut self, id: &str) -> TagHeldBy {
        if index_finds_holder(self.opened, id).await {
            return TagHeldBy::Assets;
        }
        let dam = match &self.dam {
            Some(read) => read,
            None => {
                let read = self.ws.tag_counts(self.opened, DAM_ROOT).await;
                self.dam.insert(read.map_err(|e| words_of(&e)))
            }
        };
        match dam {
            Err(why) => return TagHeldBy::Unknown(why.clone()),
            Ok(counts) => {
                if let Some(why) = not_whole(counts) {
                    return TagHeldBy::Unknown(why);
                }
                if counts.of(id) > 0 {
                    return TagHeldBy::Assets;
                }
            }
        }
        let (aem, path) = (&self.opened.connected.assets, tag_path(id));
        match sent(Resend::Harmless, || aem.tag_pages(&path)).await {
            Ok(pages) => match pages.into_iter().next() {
                Some(page) => TagHeldBy::Pages { page },
                None => TagHeldBy::Nothing,
            },
            Err(e) => TagHeldBy::Unknown(SavedText::new(
                "tags-undo-pages-unknown",
                [("detail", SavedText::from(&e.text()).into_arg())],
            )),
        }
    }
}

/// Why a read of the DAM is not whole, in words; `None` when it is.
fn not_whole(counts: &TagCounts) -> Option<SavedText> {
    if let Some(folder) = counts.unlisted_folders.first() {
        return Some(SavedText::new(
            "tags-undo-unlisted",
            [
                ("count", counts.unlisted_folders.len().into()),
                ("folder", folder.as_str().into()),
            ],
        ));
    }
    counts.unread.first().map(|first| {
        SavedText::new(
            "tags-undo-unread",
            [
                ("count", counts.unread.len().into()),
                ("first", first.clone().into_arg()),
            ],
        )
    })
}

/// An error's words, by their catalogue id when it has one.
fn words_of(e: &Error) -> SavedText {
    match e {
        Error::Message { message, .. } => SavedText::from(message),
        Error::Aem(aem) => SavedText::from(&aem.text()),
        other => SavedText::Plain(other.to_string()),
    }
}

/// Whether AEM's search finds an asset holding the tag (exact id on `cq:tags`). Its index lags:
/// `false` says only that the index does not know of one yet (or did not answer).
async fn index_finds_holder(opened: &Opened, id: &str) -> bool {
    let params: Vec<(String, String)> = [
        ("path", DAM_ROOT),
        ("type", "dam:Asset"),
        ("tagid", id),
        ("tagid.property", "jcr:content/metadata/cq:tags"),
        ("p.limit", "1"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    let found = opened.connected.assets.search(&params).await;
    found.is_ok_and(|page| !page.hits.is_empty() || page.total > 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use metadesk_base::i18n::Localizer;

    /// A folder not listed or an asset not read makes the DAM's read not whole, said in words
    /// naming it; only a whole read may say "no holder". Seen failing with the unlisted folders
    /// not looked at (the read was taken as whole).
    #[test]
    fn a_read_with_a_folder_unlisted_or_an_asset_unread_is_not_whole() {
        let en = Localizer::english();
        let mut counts = TagCounts::default();
        assert_eq!(not_whole(&counts), None);
        counts.unread = vec![SavedText::Plain("/content/dam/a.jpg: 403".into())];
        let why = not_whole(&counts).unwrap().localized(&en);
        assert!(
            why.contains("an asset could not be read: /content/dam/a.jpg: 403"),
            "{why}"
        );
        counts.unlisted_folders = vec!["/content/dam/b".into(), "/content/dam/c".into()];
        let why = not_whole(&counts).unwrap().localized(&en);
        assert!(why.contains("2 folders could not be listed"), "{why}");
        assert!(why.contains("/content/dam/b"), "{why}");
    }
}
