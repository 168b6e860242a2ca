//! What every stage and face asks of a run's kind and of its operation, answered in this one
//! file: is it a publish, what run it follows, its name and its words, which later runs it may
//! have, whether a scope previews it; an operation's view, counts, report rows, undo's plan,
//! page and words. The others ask these methods rather than match the variants of `RunKind`,
//! `OpPlan` or `OpView` (tests/structure/run_kinds.rs), so a new kind of run is added here, in
//! the engine's dispatch of its write (`engine/op_dispatch.rs`) and little else.
//!
//! Not here: what defines a run (`spec.rs`) and an operation (`ops.rs`), planning and writing
//! any kind (`engine/`).

use metadesk_base::i18n::SavedText;
use metadesk_clients::error::{Error, ErrorCode, Result};

use crate::operation::{ReportStatus, RowCounts};
use crate::ops::{OpPlan, OpView};
use crate::parts::PartJournal;
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

    /// Refuses a preview of a scope for a run of this kind, which starts elsewhere: an undo or a
    /// retry from an earlier run's journal, a sheet from its rows, an operation from its plan.
    /// An edit and a publication are previewed from their scope.
    pub fn check_scope_preview(&self) -> Result<()> {
        let kind = match self {
            RunKind::Edit | RunKind::Publish { .. } => return Ok(()),
            RunKind::Undo { .. } | RunKind::Retry { .. } | RunKind::Sheet { .. } => self.name(),
            RunKind::TagImport { .. }
            | RunKind::TagRename { .. }
            | RunKind::Upload { .. }
            | RunKind::Move { .. } => {
                return Err(Error::Internal("this run starts with its plan".into()));
            }
        };
        Err(Error::message(
            ErrorCode::InvalidInput,
            "error-plan-with",
            vec![("kind", kind.into())],
        ))
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

impl OpPlan {
    /// Whether its rows are its own parts, journaled and written by the operation driver: all
    /// but a tag change, whose rows are its assets' edits.
    pub fn owns_rows(&self) -> bool {
        !matches!(self, OpPlan::TagChange(_))
    }

    /// A tag change's step, when it is one.
    pub fn as_tag_step(&self) -> Option<&crate::tag_step::TagStep> {
        match self {
            OpPlan::TagChange(step) => Some(step),
            _ => None,
        }
    }

    /// The summary's view as `journal` leaves the run; `None` for a tag change, whose summary
    /// shows its assets and its step (`TagStepView`).
    pub fn view(&self, journal: &PartJournal) -> Option<OpView> {
        Some(match self {
            OpPlan::Move(plan) => OpView::Move(plan.view(journal)),
            OpPlan::TagImport(plan) => OpView::TagImport(plan.view(journal)),
            OpPlan::Upload(plan) => OpView::Upload(plan.view(journal)),
            OpPlan::UploadUndo(plan) => OpView::UploadUndo(plan.view(journal)),
            OpPlan::TagImportUndo(plan) => OpView::TagImportUndo(plan.view(journal)),
            OpPlan::TagChange(_) => return None,
        })
    }

    /// How far its rows went, as `journal` leaves the run; `None` for a tag change, whose rows
    /// are its assets'.
    pub fn counts(&self, journal: &PartJournal) -> Option<RowCounts> {
        Some(match self {
            OpPlan::Move(plan) => plan.view(journal).counts,
            OpPlan::TagImport(plan) => plan.counts(journal),
            OpPlan::Upload(plan) => plan.row_counts(journal),
            OpPlan::UploadUndo(plan) => plan.view(journal).counts,
            OpPlan::TagImportUndo(plan) => plan.view(journal).counts,
            OpPlan::TagChange(_) => return None,
        })
    }

    /// Each row's path (a tag's id and property), where the run left it and why, for its
    /// report; `None` for a tag change, whose report is its assets'.
    pub fn report_rows(
        &self,
        journal: &PartJournal,
    ) -> Option<Vec<(String, ReportStatus, Option<SavedText>)>> {
        Some(match self {
            OpPlan::Move(plan) => plan
                .view(journal)
                .rows
                .into_iter()
                .map(|row| (row.from, row.state.report(), row.reason))
                .collect(),
            OpPlan::TagImport(plan) => plan.report_rows(journal),
            OpPlan::Upload(plan) => plan.report_rows(journal),
            OpPlan::UploadUndo(plan) => plan
                .view(journal)
                .rows
                .into_iter()
                .map(|row| (row.path, row.state.report(), row.reason))
                .collect(),
            OpPlan::TagImportUndo(plan) => plan
                .view(journal)
                .rows
                .into_iter()
                .map(|row| {
                    let what = match row.property {
                        Some(property) => format!("{} {property}", row.tag),
                        None => row.tag,
                    };
                    (what, row.state.report(), row.reason)
                })
                .collect(),
            OpPlan::TagChange(_) => return None,
        })
    }

    /// A tag import's plan, when it is one.
    pub fn as_tag_import(&self) -> Option<&crate::tag_import::TagImportPlan> {
        match self {
            OpPlan::TagImport(plan) => Some(plan),
            _ => None,
        }
    }

    /// An upload's plan, when it is one.
    pub fn into_upload(self) -> Option<crate::upload::UploadRunPlan> {
        match self {
            OpPlan::Upload(plan) => Some(plan),
            _ => None,
        }
    }

    /// The plan of the undo of a run that left `journal`, and how many items it takes back;
    /// `None` when it did nothing to take back.
    pub fn undo(&self, journal: &PartJournal) -> Option<(OpPlan, u64)> {
        match self {
            OpPlan::Move(plan) => {
                let back = plan.undo(journal)?;
                let items = back.items().count() as u64;
                Some((OpPlan::Move(back), items))
            }
            // An import's undo is planned from what holds its tags, which the core reads.
            OpPlan::TagImport(_) => None,
            // An upload's undo is planned from what AEM holds of its files, which the core reads.
            OpPlan::Upload(_) => None,
            // What an undo deleted is not uploaded again by undoing it: the upload again does.
            OpPlan::UploadUndo(_) => None,
            // What an undo put back is the import's to write again: importing the sheet again.
            OpPlan::TagImportUndo(_) => None,
            // Its undo is its assets' edits undone, as any edit's (the tag stays as AEM has it).
            OpPlan::TagChange(_) => None,
        }
    }
}

impl OpView {
    /// A move's (or its undo's) rows, when it is one.
    pub fn as_move(&self) -> Option<&crate::moves::MoveView> {
        match self {
            OpView::Move(view) => Some(view),
            _ => None,
        }
    }

    /// An upload's files, when it is one.
    pub fn as_upload(&self) -> Option<&crate::upload::UploadView> {
        match self {
            OpView::Upload(view) => Some(view),
            _ => None,
        }
    }

    /// An upload's undo's files, when it is one.
    pub fn as_upload_undo(&self) -> Option<&crate::upload_undo::UploadUndoView> {
        match self {
            OpView::UploadUndo(view) => Some(view),
            _ => None,
        }
    }

    /// A tag import's tags and values, when it is one.
    pub fn as_tag_import(&self) -> Option<&crate::tag_import::TagImportView> {
        match self {
            OpView::TagImport(view) => Some(view),
            _ => None,
        }
    }

    /// A tag import's undo's rows, when it is one.
    pub fn as_tag_import_undo(&self) -> Option<&crate::tag_import_undo::TagImportUndoView> {
        match self {
            OpView::TagImportUndo(view) => Some(view),
            _ => None,
        }
    }

    /// Whether a taxonomy run left tags or values as they are (a colleague's change since the
    /// preview, a tag its undo kept): the taxonomy is not as the sheet or the undo would have
    /// it, said in the CLI's exit code whichever command applied the run. Rows a move or an
    /// upload's undo left alone are someone else's to keep, as an edit's are.
    pub fn leaves_taxonomy_work(&self) -> bool {
        match self {
            OpView::TagImport(view) => !view.changed_since.is_empty(),
            OpView::TagImportUndo(view) => view
                .rows
                .iter()
                .any(|row| row.state.report() == ReportStatus::Skipped),
            OpView::Move(_) | OpView::Upload(_) | OpView::UploadUndo(_) => false,
        }
    }

    /// Where its run writes when that is not its scope's folder (a tag import's, a rename's
    /// and their undos' placeholder is the DAM's root): the taxonomy's root.
    pub fn writes_under(&self) -> Option<&'static str> {
        match self {
            OpView::TagImport(_) | OpView::TagImportUndo(_) => {
                Some(metadesk_assets::tags::TAGS_ROOT)
            }
            OpView::Move(_) | OpView::Upload(_) | OpView::UploadUndo(_) => None,
        }
    }

    /// Where its run `run` is shown: a move in the Move panel, a tag import on the Tags page, an
    /// undo with what it undoes.
    pub fn page(&self, run: &str) -> crate::run_page::RunPage {
        use crate::run_page::RunPage;
        match self {
            OpView::Move(_) => RunPage::Move,
            OpView::TagImport(_) => RunPage::Tags {
                run: run.to_owned(),
            },
            OpView::Upload(_) => RunPage::Upload {
                run: run.to_owned(),
            },
            OpView::UploadUndo(view) => RunPage::Upload {
                run: view.upload.clone(),
            },
            OpView::TagImportUndo(view) => RunPage::Tags {
                run: view.import.clone(),
            },
        }
    }

    /// The catalogue id of the words for its rows done, with `count`: moved, written (a tag
    /// import's tags and values), deleted (an upload's undo), put back (a tag import's undo).
    pub fn done_words(&self) -> &'static str {
        match self {
            OpView::Move(_) => "count-moved",
            OpView::TagImport(_) => "count-written",
            OpView::Upload(_) => "count-uploaded",
            OpView::UploadUndo(_) => "count-deleted",
            OpView::TagImportUndo(_) => "count-put-back",
        }
    }

    /// Its words in the reader's language.
    pub fn localize(&mut self, l10n: &metadesk_base::i18n::Localizer) {
        match self {
            OpView::Move(view) => view.localize(l10n),
            OpView::TagImport(view) => {
                if let Some(reason) = &mut view.reason {
                    reason.localize(l10n);
                }
            }
            OpView::Upload(view) => {
                if let Some(reason) = &mut view.reason {
                    reason.localize(l10n);
                }
            }
            OpView::UploadUndo(view) => view.localize(l10n),
            OpView::TagImportUndo(view) => view.localize(l10n),
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

    /// An edit and a publication are previewed from a scope; an undo, a retry or a sheet asked
    /// that way is refused in words naming it, an operation's run as the engine's own mistake.
    #[test]
    fn only_edits_and_publications_are_previewed_from_a_scope() {
        let publish = RunKind::Publish {
            replication: Replication::Publish,
            agent: Agent::Publish,
            from: None,
        };
        assert!(RunKind::Edit.check_scope_preview().is_ok());
        assert!(publish.check_scope_preview().is_ok());
        let undo = RunKind::Undo { of: "r1".into() };
        let Err(refused) = undo.check_scope_preview() else {
            panic!("an undo is previewed from its run's journal");
        };
        assert_eq!(refused.code(), ErrorCode::InvalidInput);
        let said = format!("{refused:?}");
        assert!(
            said.contains("error-plan-with") && said.contains("undo"),
            "{said}"
        );
        let upload = RunKind::Upload {
            folder: "/content/dam/a".into(),
            files: 2,
        };
        assert!(matches!(
            upload.check_scope_preview(),
            Err(Error::Internal(_))
        ));
    }
}
