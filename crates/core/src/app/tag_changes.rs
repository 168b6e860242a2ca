//! Merging, moving and deleting a tag with every asset that holds it fixed
//! (`adobe-wire-tags.md` §4: AEM itself leaves the old id on every asset). The assets'
//! `cq:tags` are rewritten by a bulk run like any other — previewed, checked against changes
//! made since, batched, journaled, reported, undoable — and only after every asset is done
//! does AEM's tag command move, merge or delete the tag node, activated again where it was
//! published so that the publish tier shows no duplicates.
//!
//! Not here: what the rewrite does to one list (`bulk::compute::tags`), the requests
//! (`assets::classic`), the words (`cli/src/tags.rs`, the window).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use metadesk_assets::CallError;
use metadesk_assets::tag_names::check_tag_id;
use metadesk_assets::tags::Tag;
use metadesk_bulk::runs;
use metadesk_bulk::scope::Scope;
use metadesk_bulk::{Edit, EditOp, RunStatus, RunSummary};
use metadesk_clients::error::{Error, ErrorCode, Result};

use crate::app::taxonomy_record::{check_rights, refused};
use crate::app::{OnProgress, Opened, Workspace, blocking};

/// A change to a tag that the assets holding it follow.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum TagChange {
    /// `tag` (and the tags below it) merged into the existing `into`.
    Merge { tag: String, into: String },
    /// `tag` (and the tags below it) moved or renamed to `to`, which must not exist yet.
    Move { tag: String, to: String },
    /// `tag` (and the tags below it) removed from every asset, then deleted.
    Delete { tag: String },
}

/// The window's tag change: the change, the folder whose assets follow it, the connection.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TagChangeRequest {
    pub connection_id: String,
    pub change: TagChange,
    /// The folder (and its subfolders) whose assets holding the tag are rewritten.
    pub under: String,
}

/// What AEM did to the tag once the assets were done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum TagChangeDone {
    Merged { activated: bool },
    Moved { activated: bool },
    Deleted,
}

/// The tag a run rewrites on its assets, and where it goes: a run whose only edit is a
/// [`EditOp::Retag`] of `cq:tags` is a tag change's run.
pub fn retag_of(edits: &[Edit]) -> Option<(&str, Option<&str>)> {
    match edits {
        [
            Edit {
                property,
                op: EditOp::Retag { from, to },
            },
        ] if property == "cq:tags" => Some((from, to.as_deref())),
        _ => None,
    }
}

impl TagChange {
    /// The tag changed.
    pub fn tag(&self) -> &str {
        match self {
            TagChange::Merge { tag, .. }
            | TagChange::Move { tag, .. }
            | TagChange::Delete { tag } => tag,
        }
    }

    /// Where the tag goes; `None` for a deletion.
    pub fn target(&self) -> Option<&str> {
        match self {
            TagChange::Merge { into, .. } => Some(into),
            TagChange::Move { to, .. } => Some(to),
            TagChange::Delete { .. } => None,
        }
    }

    /// The edit every asset under the folder goes through.
    pub fn edit(&self) -> Edit {
        Edit {
            property: "cq:tags".to_owned(),
            op: EditOp::Retag {
                from: self.tag().to_owned(),
                to: self.target().map(str::to_owned),
            },
        }
    }
}

/// Whether `id` is `ancestor` or a tag below it.
fn within(id: &str, ancestor: &str) -> bool {
    id == ancestor
        || if ancestor.ends_with(':') {
            id.starts_with(ancestor)
        } else {
            id.strip_prefix(ancestor)
                .is_some_and(|rest| rest.starts_with('/'))
        }
}

impl Workspace {
    /// Everything a tag change can get wrong, refused before anything is written: ids that
    /// are not tag ids, a tag or a merge target that does not exist, a move onto an existing
    /// tag, a merge or move into the tag's own children, and an account that may not change
    /// the taxonomy (AEM's own `canCreateTag`). Returns the taxonomy as read.
    pub async fn check_tag_change(&self, opened: &Opened, change: &TagChange) -> Result<Vec<Tag>> {
        for id in std::iter::once(change.tag()).chain(change.target()) {
            check_tag_id(id).map_err(|why| Error::worded(ErrorCode::InvalidInput, why))?;
        }
        let tags = self.tags(opened).await?;
        let exists = |id: &str| tags.iter().any(|t| t.id == id);
        if !exists(change.tag()) {
            return Err(refused(
                "error-tag-missing",
                vec![("id", change.tag().into())],
            ));
        }
        match change {
            TagChange::Merge { tag, into } => {
                if !exists(into) {
                    return Err(refused(
                        "error-tag-missing",
                        vec![("id", into.as_str().into())],
                    ));
                }
                if within(into, tag) {
                    return Err(refused(
                        "error-tag-into-itself",
                        vec![
                            ("id", tag.as_str().into()),
                            ("target", into.as_str().into()),
                        ],
                    ));
                }
            }
            TagChange::Move { tag, to } => {
                if exists(to) {
                    return Err(refused(
                        "error-tag-move-onto",
                        vec![("target", to.as_str().into())],
                    ));
                }
                if within(to, tag) {
                    return Err(refused(
                        "error-tag-into-itself",
                        vec![("id", tag.as_str().into()), ("target", to.as_str().into())],
                    ));
                }
            }
            TagChange::Delete { .. } => {}
        }
        check_rights(opened, change.tag()).await?;
        Ok(tags)
    }

    /// Checks the change ([`Self::check_tag_change`]), then previews the rewrite of `cq:tags`
    /// on every asset under `under` (and its subfolders) that holds the tag.
    pub async fn preview_tag_change(
        &self,
        opened: &Opened,
        change: &TagChange,
        under: &str,
        on_progress: OnProgress<'_>,
    ) -> Result<RunSummary> {
        self.check_tag_change(opened, change).await?;
        let scope = Scope::Folder {
            folder: under.to_owned(),
            recursive: true,
        }
        .into_run_scope()?;
        self.preview_edit(opened, scope, vec![change.edit()], on_progress)
            .await
    }

    /// Once every asset is done: AEM merges the tag `from` into `to` where that exists, moves
    /// it there where it does not, deletes it without `to`; then activates its new place and
    /// the stub left at the old one where the tag was published. `None` when AEM no longer
    /// has the tag (changed already: a second finish does nothing).
    pub async fn finish_tag_change(
        &self,
        opened: &Opened,
        from: &str,
        to: Option<&str>,
    ) -> Result<Option<TagChangeDone>> {
        let tags = self.tags(opened).await?;
        let Some(tag) = tags.iter().find(|t| t.id == from) else {
            return Ok(None);
        };
        let published = tag.published;
        let (command, done) = match to {
            None => ("deleteTag", TagChangeDone::Deleted),
            Some(to) if tags.iter().any(|t| t.id == to) => (
                "mergeTag",
                TagChangeDone::Merged {
                    activated: published,
                },
            ),
            Some(_) => (
                "moveTag",
                TagChangeDone::Moved {
                    activated: published,
                },
            ),
        };
        let aem = &opened.connected.assets;
        let failed = |e: CallError| {
            refused(
                "error-tag-command",
                vec![("id", from.into()), ("detail", e.text().into())],
            )
        };
        let mut fields = vec![("cmd", command), ("path", from)];
        if let Some(to) = to {
            fields.push(("dest", to));
        }
        aem.tag_command(&fields).await.map_err(failed)?;
        if published && let Some(to) = to {
            for path in [from, to] {
                aem.tag_command(&[("cmd", "activateTag"), ("path", path)])
                    .await
                    .map_err(failed)?;
            }
        }
        Ok(Some(done))
    }

    /// A tag change's previewed run that has no asset to change (none under its folder holds
    /// the tag): AEM changes the tag at once, as an apply would have once its assets were done.
    /// Refused for any other run, and for one with assets left to change.
    pub async fn finish_unused_tag_change(
        &self,
        opened: &Opened,
        run_id: &str,
    ) -> Result<Option<TagChangeDone>> {
        let (dir, id) = (self.runs_dir(), run_id.to_owned());
        let (summary, spec) =
            blocking(move || Ok((runs::summary(&dir, &id)?, runs::spec(&dir, &id)?))).await?;
        let Some((from, to)) = retag_of(&spec.edits) else {
            return Err(refused(
                "error-tag-not-a-tag-run",
                vec![("run", run_id.into())],
            ));
        };
        let untouched = summary.status == RunStatus::Previewed
            && summary.counts.pending == 0
            && summary.counts.changed == 0
            && summary.counts.failed == 0;
        if !untouched {
            return Err(refused("error-tag-assets-first", vec![("id", from.into())]));
        }
        self.finish_tag_change(opened, from, to).await
    }

    /// After an apply: when the run was a tag change's and every asset is done (none failed,
    /// none left), AEM changes the tag itself ([`Self::finish_tag_change`]).
    pub(crate) async fn finish_if_tag_change(
        &self,
        opened: &Opened,
        applied: &RunSummary,
    ) -> Result<()> {
        let done = applied.status == RunStatus::Completed
            && applied.counts.failed == 0
            && applied.counts.pending == 0;
        if !done {
            return Ok(());
        }
        let (dir, id) = (self.runs_dir(), applied.id.clone());
        let spec = blocking(move || runs::spec(&dir, &id)).await?;
        if let Some((from, to)) = retag_of(&spec.edits) {
            self.finish_tag_change(opened, from, to).await?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tag_is_within_itself_and_its_children_only() {
        assert!(within("ns:a", "ns:a"));
        assert!(within("ns:a/b", "ns:a"));
        assert!(!within("ns:ab", "ns:a"));
        assert!(within("ns:a", "ns:"));
        assert!(!within("other:a", "ns:"));
    }
}
