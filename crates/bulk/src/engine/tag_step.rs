//! A tag run's step, sent once its assets are all rewritten, as the operation trait asks it
//! (`operation.rs`): AEM's command on the tag (chosen at the preview, its condition checked
//! again just before it leaves), then the activations of both places where the tag was
//! published. The engine (`operating.rs`) journals each part `sending` before its request,
//! gates it, and checks a part whose answer was lost before anything is sent again: a command
//! found to have landed (the tag gone from the live taxonomy, its target there) is done, never
//! sent twice; an activation, the same when sent twice, is sent again.
//!
//! Not here: when the step is due (`tag_step.rs`, from the run's rows), the rewrite itself.

use futures_util::future::BoxFuture;

use metadesk_assets::classic::ClassicAssets;
use metadesk_assets::{AssetsApi, CallError};
use metadesk_base::i18n::SavedText;
use metadesk_clients::error::Result;

use super::context::Ctx;
use super::operating::{self, Gated};
use super::tag_reads::live_tag;
use crate::operation::{Found, Operation, Reader, Wrote};
use crate::parts::RunPart;
use crate::replay::Replay;
use crate::tag_step::{TagCommand, TagStep};

/// Sends what is left of the step of `replay`'s run: the command, then (once it is done) the
/// activations. A part AEM refuses, or that the taxonomy no longer allows, is journaled with
/// its reason; a resume checks it again.
pub(super) async fn finish(ctx: &Ctx, replay: &Replay) -> Result<()> {
    let Some(step) = replay.spec.tag_step() else {
        return Ok(());
    };
    let op = Step {
        step,
        parts: step.parts(),
    };
    // The step's parts are not the run's rows: its counts and progress are the assets'.
    operating::run(ctx, &op, &replay.parts, None).await?;
    Ok(())
}

/// The step as the engine runs it: its parts are its rows.
struct Step<'a> {
    step: &'a TagStep,
    parts: Vec<RunPart>,
}

impl Operation for Step<'_> {
    type Row = RunPart;

    fn rows(&self) -> &[RunPart] {
        &self.parts
    }

    fn part(&self, row: &RunPart) -> RunPart {
        row.clone()
    }

    fn refused(&self, _row: &RunPart) -> Option<SavedText> {
        None
    }

    fn stage(&self, row: &RunPart) -> u32 {
        // The activations publish what the command made.
        match row {
            RunPart::Command => 0,
            _ => 1,
        }
    }

    fn requests<'r>(&self, ready: Vec<&'r RunPart>) -> Vec<Vec<&'r RunPart>> {
        // The tag servlet does one command a request.
        ready.into_iter().map(|row| vec![row]).collect()
    }

    fn same_twice(&self, row: &RunPart) -> bool {
        // Activating a tag twice publishes the same tag.
        matches!(row, RunPart::Activate { .. })
    }

    fn check<'a>(
        &'a self,
        reader: &'a dyn Reader,
        row: &'a RunPart,
        _in_doubt: bool,
    ) -> BoxFuture<'a, Found> {
        Box::pin(async move {
            if *row != RunPart::Command {
                return Found::Ready;
            }
            let tag_live = match is_live(reader, Some(&self.step.tag)).await {
                Ok(live) => live,
                Err(why) => return Found::Unknown(why),
            };
            let target_live = match is_live(reader, self.step.target.as_deref()).await {
                Ok(live) => live,
                Err(why) => return Found::Unknown(why),
            };
            // An earlier command whose answer was lost landed.
            if !tag_live && (self.step.command == TagCommand::Delete || target_live) {
                return Found::Done;
            }
            match refusal(self.step, tag_live, target_live) {
                // Not for good: once the taxonomy allows it again, a resume sends it.
                Some(why) => Found::Unknown(why),
                None => Found::Ready,
            }
        })
    }

    fn write<'a>(
        &'a self,
        aem: &'a ClassicAssets,
        rows: &'a [&'a RunPart],
    ) -> BoxFuture<'a, std::result::Result<Wrote, CallError>> {
        Box::pin(async move {
            for row in rows {
                let fields = match row {
                    RunPart::Activate { tag } => {
                        vec![("cmd", "activateTag"), ("path", tag.as_str())]
                    }
                    _ => {
                        let mut fields = vec![
                            ("cmd", self.step.command.cmd()),
                            ("path", self.step.tag.as_str()),
                        ];
                        if let Some(target) = &self.step.target {
                            fields.push(("dest", target.as_str()));
                        }
                        fields
                    }
                };
                aem.tag_command(&fields).await?;
            }
            Ok(Wrote::Done)
        })
    }
}

/// Before an apply writes any asset of a tag run: the target the preview chose must still be
/// as it was (a merge's there, a move's free), or the assets would be rewritten to a tag the
/// command can no longer make right. `Some(why)` stops the apply with nothing written; a tag
/// gone already is no reason to leave its assets holding it.
pub(super) async fn refused_before_writing(ctx: &Ctx, step: &TagStep) -> Option<SavedText> {
    if step.command == TagCommand::Delete {
        return None;
    }
    // The target's node, as the step's own check reads it: not the whole taxonomy.
    let Some(reader) = Gated::of(ctx) else {
        return Some(SavedText::new("tag-step-needs-classic", []));
    };
    match is_live(&reader, step.target.as_deref()).await {
        Ok(target_live) => refusal(step, true, target_live),
        Err(why) => Some(why),
    }
}

/// Whether tag `id` is a live tag in AEM now (`None`: no tag, so not).
async fn is_live(reader: &dyn Reader, id: Option<&str>) -> Result<bool, SavedText> {
    match id {
        Some(id) => Ok(live_tag(reader, id, "0").await?.is_some()),
        None => Ok(false),
    }
}

/// What the preview chose can no longer be done as it was shown: the tag is gone, a merge's
/// target is gone (a move would recreate it), or a move's target exists now.
fn refusal(step: &TagStep, tag_live: bool, target_live: bool) -> Option<SavedText> {
    let target = step.target.clone().unwrap_or_default();
    let said = |code: &'static str| {
        Some(SavedText::new(
            code,
            [
                ("id", step.tag.as_str().into()),
                ("target", target.as_str().into()),
            ],
        ))
    };
    match step.command {
        _ if !tag_live => said("tag-step-tag-gone"),
        TagCommand::Merge if !target_live => said("tag-step-target-gone"),
        TagCommand::Move if target_live => said("tag-step-target-exists"),
        _ => None,
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_merge_whose_target_went_is_refused_not_turned_into_a_move() {
        let merge = TagStep {
            command: TagCommand::Merge,
            tag: "ns:a".into(),
            target: Some("ns:b".into()),
            activate: false,
        };
        assert!(refusal(&merge, true, true).is_none());
        let gone = refusal(&merge, true, false).unwrap();
        assert!(format!("{gone:?}").contains("tag-step-target-gone"));
        let onto = TagStep {
            command: TagCommand::Move,
            ..merge.clone()
        };
        assert!(refusal(&onto, true, false).is_none());
        assert!(format!("{:?}", refusal(&onto, true, true)).contains("tag-step-target-exists"));
        assert!(format!("{:?}", refusal(&merge, false, true)).contains("tag-step-tag-gone"));
    }
}
