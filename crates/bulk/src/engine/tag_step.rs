//! Sending a tag run's step once its assets are all rewritten: AEM's command on the tag (chosen
//! at the preview, its condition checked again just before it leaves), then the activations.
//! Each part is journaled `sending` durably before its request and `done` or `refused` after,
//! so a resume after a kill at any point sends exactly what is left: a command found to have
//! landed (the tag gone from the live taxonomy) is not sent again, an activation is.
//!
//! Not here: when the step is due (`tag_step.rs`, from the run's rows), the rewrite itself.

use metadesk_assets::tags::Tag;
use metadesk_base::i18n::SavedText;
use metadesk_base::timefmt::now_rfc3339;
use metadesk_clients::error::Result;

use super::context::{Ctx, Failure};
use crate::journal::Record;
use crate::parts::{PartState, RunPart};
use crate::reasons;
use crate::replay::Replay;
use crate::tag_step::{TagCommand, TagStep};

/// Sends what is left of the step of `replay`'s run, in order; stops at the first part AEM
/// refuses or the taxonomy no longer allows (journaled with its reason).
pub(super) async fn finish(ctx: &Ctx, replay: &Replay) -> Result<()> {
    let Some(step) = replay.spec.tag_step.as_ref() else {
        return Ok(());
    };
    for part in step.parts() {
        if replay.parts.state(&part) == Some(PartState::Done) {
            continue;
        }
        if ctx.control.is_cancelled() {
            return Ok(());
        }
        let sent = match &part {
            RunPart::Command => command(ctx, step).await?,
            RunPart::Activate { tag } => activate(ctx, tag).await?,
            // An import's or an upload's parts: never in a tag change's step.
            RunPart::Create { .. }
            | RunPart::Value { .. }
            | RunPart::Folder { .. }
            | RunPart::File { .. }
            | RunPart::Metadata { .. }
            | RunPart::Moved { .. }
            | RunPart::Deleted { .. }
            | RunPart::Restored { .. }
            | RunPart::Removed { .. } => continue,
        };
        if let Err(reason) = sent {
            return journal(ctx, part, PartState::Refused, Some(reason)).await;
        }
        journal(ctx, part, PartState::Done, None).await?;
    }
    Ok(())
}

/// Appends one record of the step, durably: a `sending` must be on disk before its request.
async fn journal(
    ctx: &Ctx,
    part: RunPart,
    state: PartState,
    reason: Option<SavedText>,
) -> Result<()> {
    journal_part(ctx, part, state, reason, None).await
}

/// [`journal`] with what AEM held, for a part left alone (`now`).
pub(super) async fn journal_part(
    ctx: &Ctx,
    part: RunPart,
    state: PartState,
    reason: Option<SavedText>,
    now: Option<String>,
) -> Result<()> {
    ctx.journal
        .append_durable(&Record::Part {
            part,
            state,
            at: now_rfc3339(),
            reason,
            now,
        })
        .await
}

/// The command: not sent when the taxonomy already shows its result (an earlier attempt whose
/// answer was lost); refused when what it needs changed since the preview.
async fn command(ctx: &Ctx, step: &TagStep) -> Result<Result<(), SavedText>> {
    let tags = match ctx.call(|| ctx.aem.tags()).await {
        Ok(tags) => tags,
        Err(failure) => return Ok(Err(why(ctx, failure))),
    };
    let live = |id: &str| tags.iter().any(|t: &Tag| t.id == id);
    let target_live = step.target.as_deref().is_some_and(live);
    let landed = !live(&step.tag) && (step.command == TagCommand::Delete || target_live);
    if landed {
        return Ok(Ok(()));
    }
    if let Some(reason) = refusal(step, live(&step.tag), target_live) {
        return Ok(Err(reason));
    }
    journal(ctx, RunPart::Command, PartState::Sending, None).await?;
    let mut fields = vec![("cmd", step.command.cmd()), ("path", step.tag.as_str())];
    if let Some(target) = &step.target {
        fields.push(("dest", target.as_str()));
    }
    // Never sent again blind: an answer lost after AEM merged is found out on the next resume.
    let sent = ctx
        .call_write(&mut 0, || ctx.aem.tag_command(&fields))
        .await;
    Ok(sent.map_err(|failure| why(ctx, failure)))
}

/// Before an apply writes any asset of a tag run: the target the preview chose must still be
/// as it was (a merge's there, a move's free), or the assets would be rewritten to a tag the
/// command can no longer make right. `Some(why)` stops the apply with nothing written; a tag
/// gone already is no reason to leave its assets holding it.
pub(super) async fn refused_before_writing(ctx: &Ctx, step: &TagStep) -> Option<SavedText> {
    if step.command == TagCommand::Delete {
        return None;
    }
    let tags = match ctx.call(|| ctx.aem.tags()).await {
        Ok(tags) => tags,
        Err(failure) => return Some(why(ctx, failure)),
    };
    let target_live = step
        .target
        .as_deref()
        .is_some_and(|id| tags.iter().any(|t: &Tag| t.id == id));
    refusal(step, true, target_live)
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

/// An activation: the same request twice publishes the same tag, so it is retried as a read.
async fn activate(ctx: &Ctx, tag: &str) -> Result<Result<(), SavedText>> {
    journal(
        ctx,
        RunPart::Activate {
            tag: tag.to_owned(),
        },
        PartState::Sending,
        None,
    )
    .await?;
    let fields = [("cmd", "activateTag"), ("path", tag)];
    let sent = ctx.call(|| ctx.aem.tag_command(&fields)).await;
    Ok(sent.map_err(|failure| why(ctx, failure)))
}

pub(super) fn why(ctx: &Ctx, failure: Failure) -> SavedText {
    match failure {
        Failure::Cancelled => SavedText::new("reason-cancelled", []),
        Failure::Call(e, attempts) => {
            reasons::call_failed(&e, ctx.spec.account.as_deref(), attempts)
        }
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
