//! Writing a tag import's run: the taxonomy read once, then each tag created (parents first)
//! and each value written, through the run's gate (its retries, its throttling, its pause and
//! cancel). Each write is journaled `sending` durably before its request, then `done` or
//! `refused`; a value or a tag AEM holds differently than the preview showed is `left_alone`
//! and never written. A resume sends exactly what is left: a tag whose creation's answer was
//! lost and that AEM has is done; a value already as the import wants it is done.
//!
//! And the start of an import's (or an upload's) run, whose journal holds its plan.
//!
//! Not here: what the import writes and what its journal says (`tag_import.rs`), its undo.

use std::collections::HashMap;

use metadesk_assets::tags::{Tag, node_path};
use metadesk_base::i18n::SavedText;
use metadesk_clients::error::{Error, Result};

use super::context::Ctx;
use super::tag_step::{journal_part, why};
use super::{Engine, now_rfc3339};
use crate::journal::{PreviewCounts, Record};
use crate::replay::Replay;
use crate::runs::{self, RunSummary};
use crate::spec::RunSpec;
use crate::tag_import::{NewTag, PlannedValue, TagImportPlan};
use crate::tag_step::{StepJournal, StepState, TagPart};

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

    /// A run whose plan is its spec's: its journal, counted as previewed.
    async fn start_planned(&self, spec: RunSpec) -> Result<RunSummary> {
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
    let journal = &replay.tag_step;
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
    journal: &StepJournal,
    tag: &NewTag,
    exists: bool,
) -> Result<Option<SavedText>> {
    let part = TagPart::Create {
        tag: tag.id.clone(),
    };
    let state = journal.state(&part);
    match state {
        Some(StepState::Done | StepState::LeftAlone) => return Ok(None),
        // Sent before (its answer lost, or a failure that may hide a landed request): AEM has it.
        Some(StepState::Sending | StepState::Refused) if exists => {
            journal_part(ctx, part, StepState::Done, None, None).await?;
            return Ok(None);
        }
        _ if exists => {
            journal_part(ctx, part, StepState::LeftAlone, None, None).await?;
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
    journal_part(ctx, part.clone(), StepState::Sending, None, None).await?;
    // Never sent again blind: AEM refuses to create a tag twice, and a resume finds it made.
    match ctx
        .call_write(&mut 0, || ctx.aem.tag_command(&fields))
        .await
    {
        Ok(()) => {
            journal_part(ctx, part, StepState::Done, None, None).await?;
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
    journal: &StepJournal,
    plan: &TagImportPlan,
    values: &[PlannedValue<'_>],
    current: Option<&Tag>,
) -> Result<Option<SavedText>> {
    let Some(first) = values.first() else {
        return Ok(None);
    };
    // A tag the preview would create that someone else made: none of its values are written.
    let created = TagPart::Create {
        tag: first.tag.to_owned(),
    };
    if plan.created.iter().any(|t| t.id == first.tag)
        && journal.state(&created) == Some(StepState::LeftAlone)
    {
        return Ok(None);
    }
    let mut to_send = Vec::new();
    for value in values {
        let part = value.part();
        if matches!(
            journal.state(&part),
            Some(StepState::Done | StepState::LeftAlone)
        ) {
            continue;
        }
        let now = current.and_then(|t| t.value(&value.property));
        if now == Some(value.after) {
            journal_part(ctx, part, StepState::Done, None, None).await?;
        } else if now == value.before {
            to_send.push(value);
        } else {
            let now = now.map(str::to_owned);
            journal_part(ctx, part, StepState::LeftAlone, None, now).await?;
        }
    }
    if to_send.is_empty() {
        return Ok(None);
    }
    let parts: Vec<TagPart> = to_send.iter().map(|v| v.part()).collect();
    for part in &parts {
        journal_part(ctx, part.clone(), StepState::Sending, None, None).await?;
    }
    let fields: Vec<(&str, Option<&str>)> = to_send
        .iter()
        .map(|v| (v.property.as_str(), Some(v.after)))
        .collect();
    let path = node_path(first.tag);
    // The same values set twice are the same values: retried as a read is.
    match ctx.call(|| ctx.aem.tag_properties(&path, &fields)).await {
        Ok(()) => {
            for part in parts {
                journal_part(ctx, part, StepState::Done, None, None).await?;
            }
            Ok(None)
        }
        Err(failure) => refused(ctx, parts, first.tag, why(ctx, failure)).await,
    }
}

/// `parts` refused by AEM: journaled with the reason, which stops the run.
async fn refused(
    ctx: &Ctx,
    parts: Vec<TagPart>,
    tag: &str,
    detail: SavedText,
) -> Result<Option<SavedText>> {
    let reason = SavedText::new(
        "tags-import-stopped",
        [("id", tag.into()), ("detail", detail.into_arg())],
    );
    for part in parts {
        journal_part(ctx, part, StepState::Refused, Some(reason.clone()), None).await?;
    }
    Ok(Some(reason))
}
