//! What every stage and face asks of a run's kind, answered in this one file: is it a publish,
//! what run it follows, its name and its words, which later runs it may have. The others ask
//! these methods rather than match `RunKind`'s variants (tests/structure/run_kinds.rs), so a new
//! kind of run is added here, in the engine's dispatch (`engine/mod.rs`) and little else.
//!
//! Not here: what defines a run (`spec.rs`), planning any kind (`engine/`).

use metadesk_base::i18n::SavedText;
use metadesk_clients::error::{Error, ErrorCode, Result};

use crate::spec::{Agent, PublishFrom, Replication, RunKind};

impl RunKind {
    /// Whether the run publishes or unpublishes rather than edits.
    pub fn publishes(&self) -> bool {
        matches!(self, RunKind::Publish { .. })
    }

    /// Whether it is a new edit of a scope (not an undo, a retry, a sheet…).
    pub fn is_edit(&self) -> bool {
        matches!(self, RunKind::Edit)
    }

    /// Whether it brought files in (an upload, undone by deleting what it made).
    pub fn is_upload(&self) -> bool {
        matches!(self, RunKind::Upload { .. })
    }

    /// Whether its values come from a sheet's rows.
    pub fn is_sheet(&self) -> bool {
        matches!(self, RunKind::Sheet { .. })
    }

    /// The catalogue id of the words for its rows done, with `count` (`count-changed`): an
    /// upload's are uploaded, an undo's put back, a publication's published or taken off. An
    /// operation's run says its own (`OpView::done_words`).
    pub fn done_words(&self) -> &'static str {
        match self {
            RunKind::Upload { .. } => "count-uploaded",
            RunKind::Undo { .. } => "count-put-back",
            RunKind::Publish { replication, .. } => match replication {
                Replication::Publish => "count-published",
                Replication::Unpublish => "count-unpublished",
            },
            RunKind::Edit
            | RunKind::Retry { .. }
            | RunKind::Sheet { .. }
            | RunKind::TagImport { .. }
            | RunKind::TagRename { .. }
            | RunKind::Move { .. } => "count-changed",
        }
    }

    /// A short name that stays the same in every language (`edit`, `undo`, `retry`, `sheet`,
    /// `publish`, `tags`): an argument of the words that name the kind of run.
    pub fn name(&self) -> &'static str {
        match self {
            RunKind::Edit => "edit",
            RunKind::Undo { .. } => "undo",
            RunKind::Retry { .. } => "retry",
            RunKind::Sheet { .. } => "sheet",
            RunKind::Publish { .. } => "publish",
            RunKind::TagImport { .. } => "tags",
            RunKind::TagRename { .. } => "rename",
            RunKind::Upload { .. } => "upload",
            RunKind::Move { .. } => "move",
        }
    }

    /// A publish run's replication, tier, and the run its assets come from (if not its scope).
    pub fn publishing(&self) -> Option<(Replication, Agent, Option<&PublishFrom>)> {
        match self {
            RunKind::Publish {
                replication,
                agent,
                from,
            } => Some((*replication, *agent, from.as_ref())),
            _ => None,
        }
    }

    /// The edit run a republish republishes.
    pub fn republish_of(&self) -> Option<&str> {
        match self.publishing() {
            Some((_, _, Some(PublishFrom::Republish { of }))) => Some(of),
            _ => None,
        }
    }

    /// Whether it moves assets (its undo is a move back, its retry a resume).
    pub fn is_move(&self) -> bool {
        matches!(self, RunKind::Move { .. })
    }

    /// The run an undo undoes.
    pub fn undo_of(&self) -> Option<&str> {
        match self {
            RunKind::Undo { of }
            | RunKind::Move {
                undo_of: Some(of), ..
            } => Some(of),
            _ => None,
        }
    }

    /// The run whose report this run, once applied, marks undone: an undo of its values or
    /// files, or the undo of its publication. (A move's undo is a move of its own: its report,
    /// not the move's, says where each asset went back.)
    pub fn takes_back(&self) -> Option<&str> {
        match self {
            RunKind::Undo { of }
            | RunKind::Publish {
                from: Some(PublishFrom::Undo { of }),
                ..
            } => Some(of),
            _ => None,
        }
    }

    /// The run it goes back to: what an undo undoes, a retry retries, a republish or a
    /// publish's undo comes from; the window links the two by it.
    pub fn goes_back_to(&self) -> Option<&str> {
        match self {
            RunKind::Undo { of }
            | RunKind::Retry { of }
            | RunKind::Move {
                undo_of: Some(of), ..
            }
            | RunKind::Publish {
                from: Some(PublishFrom::Republish { of } | PublishFrom::Undo { of }),
                ..
            } => Some(of),
            _ => None,
        }
    }

    /// The run an undo or a retry is planned from.
    pub fn from_run(&self) -> Option<&str> {
        match self {
            RunKind::Undo { of } | RunKind::Retry { of } => Some(of),
            _ => None,
        }
    }

    /// The sheet's or the taxonomy sheet's file name, for a run that comes from one.
    pub fn file(&self) -> Option<&str> {
        match self {
            RunKind::Sheet { file } | RunKind::TagImport { file } => Some(file),
            _ => None,
        }
    }

    /// A tag's rename: the tag, its title before and the one it was given.
    /// Where a run `id` of this kind is shown when it is not its own report: an import or a
    /// rename on the Tags page, an upload on the Upload page, a move (or its undo) in the Move
    /// panel. `None`: its report, unless its operation says otherwise (`OpView::page`).
    pub fn page(&self, id: &str) -> Option<crate::run_page::RunPage> {
        use crate::run_page::RunPage;
        match self {
            RunKind::TagImport { .. } | RunKind::TagRename { .. } => {
                Some(RunPage::Tags { run: id.to_owned() })
            }
            RunKind::Upload { .. } => Some(RunPage::Upload { run: id.to_owned() }),
            RunKind::Move { .. } => Some(RunPage::Move),
            _ => None,
        }
    }

    pub fn renamed_tag(&self) -> Option<(&str, &str, &str)> {
        match self {
            RunKind::TagRename { tag, from, to } => Some((tag, from, to)),
            _ => None,
        }
    }

    /// Whether the edits of its spec are what it does (an edit, a retry): a summary shows
    /// them; the other kinds' are in their rows or their plan.
    pub fn shows_edits(&self) -> bool {
        matches!(self, RunKind::Edit | RunKind::Retry { .. })
    }

    /// Whether its preview says where each asset stands on the website (an edit's, a sheet's,
    /// an undo's: a republish may follow them).
    pub fn asks_publication(&self) -> bool {
        matches!(
            self,
            RunKind::Edit | RunKind::Sheet { .. } | RunKind::Undo { .. }
        )
    }

    /// Why a retry of a run of this kind (`run`) is refused, if it is: a sheet's rows, a
    /// publish and an undo are not planned again.
    pub fn refuses_retry(&self, run: &str) -> Option<Error> {
        let (code, more) = match self {
            RunKind::Sheet { file } => ("error-retry-of-sheet", Some(("file", file.as_str()))),
            RunKind::Publish { .. } => ("error-retry-of-publish", None),
            RunKind::Undo { of } => ("error-retry-of-undo", Some(("undone", of.as_str()))),
            _ => return None,
        };
        let mut args = vec![("run", run.into())];
        if let Some((name, value)) = more {
            args.push((name, value.into()));
        }
        Some(Error::message(ErrorCode::InvalidInput, code, args))
    }

    /// Why an undo or (`retry`) a retry of a run of this kind (`run`) is refused before it is
    /// planned: a tag import, a tag's rename and an upload are finished by resuming them (their
    /// undos are planned from their journals: the core's `preview_from_run`).
    pub fn refuses_plan_from(&self, run: &str, retry: bool) -> Result<()> {
        match self {
            RunKind::TagImport { file } if retry => Err(Error::message(
                ErrorCode::InvalidInput,
                "error-run-of-tag-import",
                vec![("run", run.into()), ("file", file.as_str().into())],
            )),
            RunKind::TagRename { tag, .. } if retry => Err(Error::message(
                ErrorCode::InvalidInput,
                "error-run-of-tag-rename",
                vec![("run", run.into()), ("id", tag.as_str().into())],
            )),
            RunKind::Move { .. } if retry => Err(Error::message(
                ErrorCode::InvalidInput,
                "error-retry-of-move",
                vec![("run", run.into())],
            )),
            RunKind::Upload { .. } if retry => Err(Error::message(
                ErrorCode::InvalidInput,
                "error-run-of-upload",
                vec![("run", run.into())],
            )),
            _ => Ok(()),
        }
    }

    /// The lines a summary shows for the run: what it is of, then `described`, its edits in
    /// words, where they are what it does.
    pub(crate) fn lines(&self, described: impl Iterator<Item = SavedText>) -> Vec<SavedText> {
        let of_run = |code: &str, run: &str| SavedText::new(code, [("run", run.into())]);
        match self {
            RunKind::Undo { of } => vec![of_run("run-edit-undo", of)],
            // What is retried, then the edits it makes again.
            RunKind::Retry { of } => std::iter::once(of_run("run-edit-retry", of))
                .chain(described)
                .collect(),
            RunKind::Sheet { file } => {
                vec![SavedText::new(
                    "run-edit-sheet",
                    [("file", file.as_str().into())],
                )]
            }
            RunKind::Edit => described.collect(),
            RunKind::TagImport { file } => vec![SavedText::new(
                "run-tag-import",
                [("file", file.as_str().into())],
            )],
            RunKind::TagRename { tag, from, to } => vec![SavedText::new(
                "run-tag-rename",
                [
                    ("tag", tag.as_str().into()),
                    ("from", from.as_str().into()),
                    ("to", to.as_str().into()),
                ],
            )],
            RunKind::Upload { folder, files } => vec![SavedText::new(
                "run-upload",
                [
                    ("files", (*files as f64).into()),
                    ("folder", folder.as_str().into()),
                ],
            )],
            RunKind::Move { items, to, undo_of } => vec![match (undo_of, to) {
                (Some(of), _) => of_run("run-move-undo", of),
                (None, Some(to)) => SavedText::new(
                    "run-move-to",
                    [
                        ("count", (*items as f64).into()),
                        ("folder", to.as_str().into()),
                    ],
                ),
                (None, None) => SavedText::new("run-move", [("count", (*items as f64).into())]),
            }],
            RunKind::Publish {
                replication,
                agent,
                from,
            } => vec![crate::publish_words::run_line(
                *replication,
                *agent,
                from.as_ref(),
            )],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_names_its_rows_done() {
        let publish = |replication| RunKind::Publish {
            replication,
            agent: Agent::Publish,
            from: None,
        };
        let undo = RunKind::Undo { of: "r1".into() };
        let upload = RunKind::Upload {
            folder: "/content/dam/a".into(),
            files: 2,
        };
        let said: Vec<&str> = [
            RunKind::Edit,
            undo,
            upload,
            publish(Replication::Publish),
            publish(Replication::Unpublish),
        ]
        .iter()
        .map(RunKind::done_words)
        .collect();
        assert_eq!(
            said,
            [
                "count-changed",
                "count-put-back",
                "count-uploaded",
                "count-published",
                "count-unpublished"
            ]
        );
    }
}
