//! A tag renamed: its title (`jcr:title`) and, where asked, its titles in other languages
//! (`jcr:title.<lang>`) changed by a Sling POST to the tag's node (`adobe-wire-tags.md` §3).
//! The tag's id stays, so no asset is rewritten. The rename is a run of its own
//! (`RunKind::TagRename`, named "Rename of the tag Surf to Surfing" in Activity and `runs
//! list`) carrying a taxonomy plan as an import does: journaled before its write, a value AEM
//! changed since the preview left alone and said, undone by `undo_tag_import` (the old title
//! put back unless someone changed it since). The preview journals the run; Apply writes that
//! run, never a plan the window sends back.
//!
//! Not here: writing the plan (`metadesk_bulk::engine`), the undo (`taxonomy_undo.rs`), the
//! words (`cli/src/tags_rename.rs`, the window).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use metadesk_assets::tag_names::{check_tag_id, check_tag_property};
use metadesk_assets::tags::Tag;
use metadesk_base::i18n::Text;
use metadesk_bulk::spec::{MAX_VALUE_CHARS, RunKind};
use metadesk_bulk::tag_import::TagImportPlan;
use metadesk_clients::error::{Error, ErrorCode, Result};

use crate::app::taxonomy_record::{TagValueChange, check_rights, number, refused};
use crate::app::{Opened, Workspace};

/// A rename asked for: the tag, its new title, and new titles in other languages (by AEM's
/// locale name, `fr`, `pt_br`); a language left out keeps its title.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TagRenameRequest {
    pub tag: String,
    pub title: String,
    #[serde(default)]
    pub titles: BTreeMap<String, String>,
}

/// What a rename would change: the tag's title before and after, and each value written with
/// the one AEM holds now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TagRenamePreview {
    pub tag: String,
    /// The title AEM holds now.
    pub from: String,
    /// The title asked for.
    pub to: String,
    pub changed: Vec<TagValueChange>,
    /// The run journaled with this plan, Previewed, that Apply writes (`Workspace::apply`, the
    /// window's `apply_run`): what is written is what was previewed, never a plan sent back.
    pub run_id: String,
}

/// The values a rename writes to `tag`, refused in words before anything is read: an empty
/// title, a language that is none, a value too long.
fn values(request: &TagRenameRequest) -> Result<Vec<(String, String)>> {
    let worded = |why| Error::worded(ErrorCode::InvalidInput, why);
    check_tag_id(&request.tag).map_err(worded)?;
    let id = || ("id", request.tag.as_str().into());
    let title = request.title.trim();
    if title.is_empty() {
        return Err(refused("error-tag-rename-empty", vec![id()]));
    }
    let mut out = vec![("jcr:title".to_owned(), title.to_owned())];
    for (lang, value) in &request.titles {
        let property = format!("jcr:title.{lang}");
        check_tag_property(&property).map_err(worded)?;
        let value = value.trim();
        if !value.is_empty() {
            out.push((property, value.to_owned()));
        }
    }
    if out.iter().any(|(_, v)| v.chars().count() > MAX_VALUE_CHARS) {
        return Err(refused(
            "error-tag-rename-too-long",
            vec![id(), ("limit", number(MAX_VALUE_CHARS))],
        ));
    }
    Ok(out)
}

/// The rename of `request.tag` against the taxonomy as read: a tag that does not exist, or
/// titles it already has, refused.
fn plan(request: &TagRenameRequest, tags: &[Tag]) -> Result<TagRenamePreview> {
    let values = values(request)?;
    let Some(tag) = tags.iter().find(|t| t.id == request.tag) else {
        return Err(refused(
            "error-tag-missing",
            vec![("id", request.tag.as_str().into())],
        ));
    };
    let changed: Vec<TagValueChange> = values
        .into_iter()
        .filter(|(p, v)| tag.value(p) != Some(v.as_str()))
        .map(|(property, after)| TagValueChange {
            row: 0,
            id: tag.id.clone(),
            before: tag.value(&property).map(str::to_owned),
            property,
            after,
        })
        .collect();
    if changed.is_empty() {
        return Err(refused(
            "error-tag-rename-same",
            vec![
                ("id", tag.id.as_str().into()),
                ("title", tag.title.as_str().into()),
            ],
        ));
    }
    Ok(TagRenamePreview {
        tag: tag.id.clone(),
        from: tag.title.clone(),
        to: request.title.trim().to_owned(),
        changed,
        run_id: String::new(),
    })
}

impl Workspace {
    /// What renaming `request.tag` would change, every problem refused in words before
    /// anything is written: the titles asked for, the tag's existence, titles it has already,
    /// and the account's right to change the taxonomy (AEM's own `canCreateTag`). The rename
    /// is journaled as a run, Previewed, that [`Workspace::apply`] writes as every run: the
    /// taxonomy read again first, a title AEM changed since the preview left alone and said;
    /// undone with [`Self::undo_tag_import`] by the run's id.
    pub async fn preview_tag_rename(
        &self,
        opened: &Opened,
        request: &TagRenameRequest,
    ) -> Result<TagRenamePreview> {
        values(request)?;
        let tags = self.tags(opened).await?;
        let mut preview = plan(request, &tags)?;
        check_rights(opened, &preview.tag).await?;
        let label = Text::new(
            "job-tag-rename",
            vec![
                ("id", preview.tag.as_str().into()),
                ("title", preview.to.as_str().into()),
            ],
        );
        let kind = RunKind::TagRename {
            tag: preview.tag.clone(),
            from: preview.from.clone(),
            to: preview.to.clone(),
        };
        let plan = TagImportPlan {
            file_name: preview.tag.clone(),
            created: Vec::new(),
            changed: preview.changed.clone(),
        };
        preview.run_id = self
            .journal_taxonomy_plan(opened, kind, plan, label)
            .await?;
        Ok(preview)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(id: &str, title: &str) -> Tag {
        Tag {
            id: id.into(),
            title: title.into(),
            trail: title.into(),
            titles: BTreeMap::from([("fr".to_owned(), format!("{title} fr"))]),
            description: None,
            published: false,
        }
    }

    fn ask(tag: &str, title: &str, fr: Option<&str>) -> TagRenameRequest {
        TagRenameRequest {
            tag: tag.into(),
            title: title.into(),
            titles: fr
                .map(|t| BTreeMap::from([("fr".to_owned(), t.to_owned())]))
                .unwrap_or_default(),
        }
    }

    #[test]
    fn only_the_titles_that_change_are_written_with_what_aem_held() {
        let tags = [tag("ns:", "NS"), tag("ns:surf", "Surf")];
        let p = plan(&ask("ns:surf", " Surfing ", Some("Surf fr")), &tags).unwrap();
        assert_eq!((p.from.as_str(), p.to.as_str()), ("Surf", "Surfing"));
        assert_eq!(p.changed.len(), 1);
        assert_eq!(p.changed[0].property, "jcr:title");
        assert_eq!(p.changed[0].before.as_deref(), Some("Surf"));
        let fr = plan(&ask("ns:surf", "Surf", Some("Le surf")), &tags).unwrap();
        assert_eq!(fr.changed[0].property, "jcr:title.fr");
        assert!(plan(&ask("ns:", "Namespace", None), &tags).is_ok());
    }

    #[test]
    fn each_bad_rename_is_refused_in_words() {
        let tags = [tag("ns:", "NS"), tag("ns:surf", "Surf")];
        let en = metadesk_base::i18n::Localizer::english();
        let said = |r: TagRenameRequest| plan(&r, &tags).unwrap_err().localized(&en);
        assert!(said(ask("ns:surf", "  ", None)).contains("empty"));
        assert!(said(ask("ns:nope", "X", None)).contains("ns:nope"));
        assert!(said(ask("ns:surf", "Surf", None)).contains("already"));
        let bad_lang = said(ask("ns:surf", "X", Some("x")).with_lang("x y"));
        assert!(bad_lang.contains("x y"), "{bad_lang}");
        let long = "x".repeat(MAX_VALUE_CHARS + 1);
        assert!(said(ask("ns:surf", &long, None)).contains("longer"));
    }

    impl TagRenameRequest {
        fn with_lang(mut self, lang: &str) -> Self {
            self.titles = BTreeMap::from([(lang.to_owned(), "T".to_owned())]);
            self
        }
    }
}
