//! Merging, moving and deleting a tag with every asset that holds it fixed
//! (`adobe-wire-tags.md` §4: AEM itself leaves the old id on every asset). The assets'
//! `cq:tags` are rewritten by a bulk run like any other — previewed, checked against changes
//! made since, batched, journaled, reported, undoable — and only after every asset that may
//! hold the tag is done (none left alone, none failed) does AEM's tag command move, merge or
//! delete the tag node, activated again where it was published so that the publish tier shows
//! no duplicates. That command is the run's last step, chosen at the preview and journaled
//! (`metadesk_bulk::tag_step`): an undo or a retry of the run never sends it, a resume sends
//! what is left of it.
//!
//! Not here: what the rewrite does to one list (`bulk::compute::tags`), the requests
//! (`assets::classic`), the words (`cli/src/tags.rs`, the window).

use serde::Deserialize;
use ts_rs::TS;

use metadesk_assets::tag_names::check_tag_id;
use metadesk_assets::tags::Tag;
use metadesk_bulk::scope::Scope;
use metadesk_bulk::tag_step::{TagCommand, TagStep, TagStepState};
use metadesk_bulk::{Edit, EditOp, RunStatus, RunSummary};
use metadesk_clients::error::{Error, ErrorCode, Result};

use crate::app::taxonomy_record::{check_rights, number, refused};
use crate::app::{OnProgress, Opened, Workspace};

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
    /// on every asset under `under` (and its subfolders) that holds the tag. AEM's command on
    /// the tag is chosen now and journaled with the run (its [`TagStep`]): the apply sends it
    /// once every asset is rewritten, checking first that the taxonomy still allows it.
    pub async fn preview_tag_change(
        &self,
        opened: &Opened,
        change: &TagChange,
        under: &str,
        on_progress: OnProgress<'_>,
    ) -> Result<RunSummary> {
        let tags = self.check_tag_change(opened, change).await?;
        let step = TagStep {
            command: change.command(),
            tag: change.tag().to_owned(),
            target: change.target().map(str::to_owned),
            activate: tags.iter().any(|t| t.id == change.tag() && t.published),
        };
        let scope = Scope::Folder {
            folder: under.to_owned(),
            recursive: true,
        }
        .into_run_scope()?;
        self.preview_spec(opened, scope, vec![change.edit()], Some(step), on_progress)
            .await
    }

    /// A tag change's previewed run that has no asset to change (a complete read found none
    /// under its folder holding the tag): applied at once, which sends AEM's command on the
    /// tag. A production connection needs its name typed, as for any apply. Refused for any
    /// other run, for one with assets left to change, and for one whose read was not whole (a
    /// folder not listed, an asset not read or left alone may hold the tag).
    pub async fn finish_unused_tag_change(
        &self,
        opened: &Opened,
        run_id: &str,
        confirm_name: Option<&str>,
    ) -> Result<RunSummary> {
        let summary = self.run_summary(run_id).await?;
        let Some(step) = summary.tag_step.clone() else {
            return Err(refused(
                "error-tag-not-a-tag-run",
                vec![("run", run_id.into())],
            ));
        };
        // Asked twice (a double click, a second window): the first did it.
        if step.state == TagStepState::Done {
            return Ok(summary);
        }
        if summary.status != RunStatus::Previewed || summary.counts.pending > 0 {
            return Err(refused(
                "error-tag-assets-first",
                vec![("id", step.step.tag.as_str().into())],
            ));
        }
        // A read that was not whole is refused by the apply, as the window's is.
        self.apply(opened, run_id, confirm_name, &|_| {}).await
    }
}

/// Refuses to apply a tag change's preview that has no asset left to change when its read was
/// not whole (a folder not listed, an asset not read or left alone may hold the tag): applied,
/// it would ask AEM's command on the tag, which the engine would then keep unsent. Said before
/// anything, on every path that applies it (the window's `apply_run`, `tags …`).
pub(crate) fn refuse_unwhole_tag_step(summary: &RunSummary) -> Result<()> {
    let Some(step) = &summary.tag_step else {
        return Ok(());
    };
    let unused = summary.status == RunStatus::Previewed && summary.counts.pending == 0;
    if unused && step.left_alone > 0 {
        return Err(refused(
            "error-tag-read-not-whole",
            vec![
                ("id", step.step.tag.as_str().into()),
                ("count", number(step.left_alone as usize)),
            ],
        ));
    }
    Ok(())
}

impl TagChange {
    /// AEM's command for this change, chosen once, at the preview.
    pub fn command(&self) -> TagCommand {
        match self {
            TagChange::Merge { .. } => TagCommand::Merge,
            TagChange::Move { .. } => TagCommand::Move,
            TagChange::Delete { .. } => TagCommand::Delete,
        }
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
