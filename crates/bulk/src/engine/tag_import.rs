//! Writing a tag import's run: the taxonomy read once, then each tag created (parents first)
//! and each value written, through the run's gate (its retries, its throttling, its pause and
//! cancel). Each write is journaled `sending` durably before its request, then `done` or
//! `refused`; a value or a tag AEM holds differently than the preview showed is `left_alone`
//! and never written. A resume sends exactly what is left: a tag whose creation's answer was
//! lost and that AEM has is done; a value already as the import wants it is done. No write is
//! sent again blind: a creation whose answer was lost waits for the resume; values whose
//! answer was lost are decided at once as a resume would, from the tag read again (done, sent
//! again while the run's retries last, or left alone when someone else changed them).
//!
//! And the start of an import's (or an upload's) run, whose journal holds its plan.
//!
//! Not here: what the import writes and what its journal says (`tag_import.rs`), its undo.

use std::collections::HashMap;

use metadesk_assets::CallError;
use metadesk_assets::tags::{Tag, node_path};
use metadesk_base::i18n::SavedText;
use metadesk_clients::error::{Error, Result};

use super::Engine;
use super::context::{Ctx, Failure};
use super::tag_step::{journal_part, why};
use crate::journal::{PreviewCounts, Record};
use crate::parts::{PartJournal, PartState, RunPart};
use crate::replay::Replay;
use crate::runs::{self, RunSummary};
use crate::spec::RunSpec;
use crate::tag_import::{NewTag, PlannedValue, TagImportPlan};
use metadesk_base::timefmt::now_rfc3339;

impl Engine {
    /// Starts a tag import's run (`spec.tag_import`, planned against the taxonomy by the
    /// caller): its journal holds the plan and counts as previewed; [`Self::apply`] writes it.
    pub(super) async fn start_tag_import(&self, spec: RunSpec) -> Result<RunSummary> {
        if spec.tag_import.is_none() {
            return Err(Error::Internal("a tag import's run needs its plan".into()));
        }
        self.start_planned(spec).await
    }

    /// Starts an upload's run (`spec.upload`, planned against AEM by the caller), as
    /// [`Self::start_tag_import`] does.
    pub(super) async fn start_upload(&self, spec: RunSpec) -> Result<RunSummary> {
        if spec.upload.is_none() {
            return Err(Error::Internal("an upload's run needs its plan".into()));
        }
        self.start_planned(spec).await
    }

    /// Starts an operation's run (`spec.op`, planned against AEM by the caller), as
    /// [`Self::start_tag_import`] does.
    pub(super) async fn start_operation(&self, spec: RunSpec) -> Result<RunSummary> {
        if spec.op.is_none() {
            return Err(Error::Internal("an operation's run needs its plan".into()));
        }
        self.start_planned(spec).await
    }

    /// A run whose plan is its spec's: its journal, counted as previewed.
    pub(super) async fn start_planned(&self, spec: RunSpec) -> Result<RunSummary> {
        self.check_family(&spec)?;
        let (id, journal) = self.start_run(&spec).await?;
        journal
            .append_durable(&Record::Previewed {
                at: now_rfc3339(),
                counts: PreviewCounts::default(),
                found_by: None,
                unindexed: 0,
                searched_at: None,
                emptied_required: Vec::new(),
                // Nothing was read: the apply starts as any does.
                concurrency: None,
            })
            .await?;
        drop(journal);
        runs::summary(&self.runs_dir, &id)
    }
}

/// Writes what is left of `replay`'s import. `Some(why)` when AEM refused a write (or the
/// taxonomy could not be read): the run stops there, and a resume tries again.
pub(super) async fn apply(ctx: &Ctx, replay: &Replay) -> Result<Option<SavedText>> {
    let Some(plan) = replay.spec.tag_import.as_ref() else {
        return Ok(None);
    };
    let tags = match ctx.call(|| ctx.aem.tags()).await {
        Ok(tags) => tags,
        Err(failure) => return Ok(Some(why(ctx, failure))),
    };
    let live: HashMap<&str, &Tag> = tags.iter().map(|t| (t.id.as_str(), t)).collect();
    let journal = &replay.parts;
    for tag in &plan.created {
        if ctx.control.is_cancelled() {
            return Ok(None);
        }
        if let Some(refused) = create(ctx, journal, tag, live.contains_key(tag.id.as_str())).await?
        {
            return Ok(Some(refused));
        }
    }
    let values = plan.values();
    let mut start = 0;
    while start < values.len() {
        let tag = values[start].tag;
        let end = start + values[start..].iter().take_while(|v| v.tag == tag).count();
        if ctx.control.is_cancelled() {
            return Ok(None);
        }
        let current = live.get(tag).copied();
        if let Some(refused) = write_tag(ctx, journal, plan, &values[start..end], current).await? {
            return Ok(Some(refused));
        }
        start = end;
    }
    Ok(None)
}

/// `createTag` of `tag`, unless done already; a tag that exists now is the import's only when
/// its earlier request left without an answer (it landed), else someone made it meanwhile and
/// it is left alone.
async fn create(
    ctx: &Ctx,
    journal: &PartJournal,
    tag: &NewTag,
    exists: bool,
) -> Result<Option<SavedText>> {
    let part = RunPart::Create {
        tag: tag.id.clone(),
    };
    let state = journal.state(&part);
    match state {
        Some(PartState::Done | PartState::LeftAlone) => return Ok(None),
        // Sent before (its answer lost, or a failure that may hide a landed request): AEM has it.
        Some(PartState::Sending | PartState::Refused) if exists => {
            journal_part(ctx, part, PartState::Done, None, None).await?;
            return Ok(None);
        }
        _ if exists => {
            journal_part(ctx, part, PartState::LeftAlone, None, None).await?;
            return Ok(None);
        }
        _ => {}
    }
    let mut fields = vec![("cmd", "createTag"), ("tag", tag.id.as_str())];
    if let Some(t) = &tag.title {
        fields.push(("jcr:title", t));
    }
    if let Some(d) = &tag.description {
        fields.push(("jcr:description", d));
    }
    journal_part(ctx, part.clone(), PartState::Sending, None, None).await?;
    // Never sent again blind: AEM refuses to create a tag twice, and a resume finds it made.
    match ctx
        .call_write(&mut 0, || ctx.aem.tag_command(&fields))
        .await
    {
        Ok(()) => {
            journal_part(ctx, part, PartState::Done, None, None).await?;
            Ok(None)
        }
        Err(failure) => refused(ctx, vec![part], &tag.id, why(ctx, failure)).await,
    }
}

/// The values of one tag (`current`: as read at the start; `None` for a tag created by this
/// apply), each checked against what the preview showed: the ones still as shown written in
/// one request, the others left alone.
async fn write_tag(
    ctx: &Ctx,
    journal: &PartJournal,
    plan: &TagImportPlan,
    values: &[PlannedValue<'_>],
    current: Option<&Tag>,
) -> Result<Option<SavedText>> {
    let Some(first) = values.first() else {
        return Ok(None);
    };
    // A tag the preview would create that someone else made: none of its values are written.
    let created = RunPart::Create {
        tag: first.tag.to_owned(),
    };
    if plan.created.iter().any(|t| t.id == first.tag)
        && journal.state(&created) == Some(PartState::LeftAlone)
    {
        return Ok(None);
    }
    let pending = values.iter().filter(|value| {
        !matches!(
            journal.state(&value.part()),
            Some(PartState::Done | PartState::LeftAlone)
        )
    });
    let mut to_send = decide(ctx, pending, current).await?;
    if to_send.is_empty() {
        return Ok(None);
    }
    for value in &to_send {
        journal_part(ctx, value.part(), PartState::Sending, None, None).await?;
    }
    let path = node_path(first.tag);
    // Writes whose answer was lost (a timeout, a dropped connection, a 5xx): each may have
    // landed, and a colleague may have changed a value since, so the tag is read again and
    // only what still holds the preview's value is sent again (at most the run's retries).
    let mut lost = 0u32;
    loop {
        let fields: Vec<(&str, Option<&str>)> = to_send
            .iter()
            .map(|v| (v.property.as_str(), Some(v.after)))
            .collect();
        let parts = || to_send.iter().map(|v| v.part()).collect::<Vec<_>>();
        let failure = match ctx
            .call_write(&mut 0, || ctx.aem.tag_properties(&path, &fields))
            .await
        {
            Ok(()) => {
                for part in parts() {
                    journal_part(ctx, part, PartState::Done, None, None).await?;
                }
                return Ok(None);
            }
            // The run's retries spent: the reason counts every attempt, the lost ones too.
            Err(Failure::Call(e @ (CallError::Transient(_) | CallError::Unreachable(_)), n))
                if lost >= ctx.settings.retry.max_retries =>
            {
                Failure::Call(e, lost + n)
            }
            Err(Failure::Call(e @ (CallError::Transient(_) | CallError::Unreachable(_)), n)) => {
                tracing::info!(
                    error = %e,
                    tag = first.tag,
                    "the answer to a tag's write was lost: reading the tag again"
                );
                lost += 1;
                if ctx.back_off(lost, lost + n).await.is_err() {
                    // Cancelled: its parts stay `sending`, and a resume decides as here.
                    return Ok(None);
                }
                match ctx.call(|| ctx.aem.tags()).await {
                    Ok(tags) => {
                        let now = tags.iter().find(|t| t.id == first.tag);
                        to_send = decide(ctx, to_send.into_iter(), now).await?;
                        if to_send.is_empty() {
                            return Ok(None);
                        }
                        continue;
                    }
                    Err(failure) => failure,
                }
            }
            Err(failure) => failure,
        };
        return refused(ctx, parts(), first.tag, why(ctx, failure)).await;
    }
}

/// Decides each of `values` against the tag as AEM holds it now (`None`: no such tag): as the
/// import wants it, done; as the preview showed it, to be sent (returned); anything else
/// someone else's, left alone with what AEM holds.
async fn decide<'p, 'a: 'p>(
    ctx: &Ctx,
    values: impl Iterator<Item = &'p PlannedValue<'a>>,
    now: Option<&Tag>,
) -> Result<Vec<&'p PlannedValue<'a>>> {
    let mut to_send = Vec::new();
    for value in values {
        let held = now.and_then(|t| t.value(&value.property));
        if held == Some(value.after) {
            journal_part(ctx, value.part(), PartState::Done, None, None).await?;
        } else if held == value.before {
            to_send.push(value);
        } else {
            let held = held.map(str::to_owned);
            journal_part(ctx, value.part(), PartState::LeftAlone, None, held).await?;
        }
    }
    Ok(to_send)
}

/// `parts` refused by AEM: journaled with the reason, which stops the run.
async fn refused(
    ctx: &Ctx,
    parts: Vec<RunPart>,
    tag: &str,
    detail: SavedText,
) -> Result<Option<SavedText>> {
    let reason = SavedText::new(
        "tags-import-stopped",
        [("id", tag.into()), ("detail", detail.into_arg())],
    );
    for part in parts {
        journal_part(ctx, part, PartState::Refused, Some(reason.clone()), None).await?;
    }
    Ok(Some(reason))
}
