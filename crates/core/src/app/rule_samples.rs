//! The live "before → after" under the edit rows while a rule is typed: the first assets of the
//! chosen scope (folder, search or list) are found and read once, kept for that scope, and
//! every keystroke computes the edits on them again with the preview's own code, asking AEM
//! nothing until the scope changes (or a run is applied, which may change their values).
//!
//! Not here: finding, reading and computing a sample (`bulk::sample`), the preview of the whole
//! scope (`runs.rs`).
//!
//! The use case in full (ARCHITECTURE.md points here): edits that compute the value per asset (find
//! and replace, templates, the file name, copy, case, spaces, dates; only where empty): the rule is
//! an `EditOp`, checked and computed in `bulk/rules.rs` (`rules::validate_edits`, `rules::after`)
//! with the mechanisms in `bulk/compute/` (text, template, dates; regexes compiled once per run);
//! planned like any edit, so the journal (the rule in its spec), report, undo and retry are the
//! same; the edit rows' live "before → after" on the scope's first assets, read once per scope and
//! computed again at each keystroke. Here: `runs.rs`, `rule_samples.rs`. The layers below:
//! `bulk/rules.rs`, `bulk/compute/`, `engine/planning.rs`, `bulk/sample.rs`. The window:
//! `commands/bulk.rs` (the window's `RuleFields`/`ruleForm.ts`), `commands/samples.rs`
//! (`RuleSample.svelte`). The CLI: `bulk replace`, `bulk set --template/--from-name/--copy-from`,
//! `bulk date`, `bulk case`, `bulk trim` (`bulk/rules.rs`).

use std::sync::Arc;

use serde::Serialize;
use ts_rs::TS;

use super::{Opened, Workspace};
use metadesk_base::i18n::{Localizer, Text};
use metadesk_bulk::sample::{self, SAMPLE_SIZE, SampleRow, SampleScope, SampledAsset};
use metadesk_bulk::spec::validate_edits;
use metadesk_bulk::{Edit, RunScope};
use metadesk_clients::error::{Error, Result};

/// The last sample read, by the scope it was read for. One only: the window shows one scope.
#[derive(Default)]
pub struct SampleCache {
    // Held while a sample is read, so that keystrokes meanwhile wait for it rather than each
    // ask AEM again.
    last: tokio::sync::Mutex<Option<(String, Arc<Vec<SampledAsset>>)>>,
}

impl SampleCache {
    /// Forgets the sample (its values may have changed).
    pub(crate) async fn forget(&self) {
        *self.last.lock().await = None;
    }
}

/// What the edit rows show under them.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RuleSample {
    /// The first assets of the scope, each with the edits that are not refused computed on it
    /// (in the order asked); none when the scope has no asset.
    pub assets: Vec<SampleRow>,
    /// One per edit asked: why it is refused, in the reader's words once localized, or null.
    #[ts(type = "Array<string | null>")]
    pub refused: Vec<Option<Text>>,
}

impl RuleSample {
    pub fn localize(&mut self, l: &Localizer) {
        for row in &mut self.assets {
            row.localize(l);
        }
        for text in self.refused.iter_mut().flatten() {
            text.localize(l);
        }
    }
}

impl Workspace {
    /// `edits` computed on the first assets of the scope. The assets are read the first time
    /// a scope is asked for and kept; each edit is checked on its own, a refused one answering
    /// its words in `refused`.
    pub async fn rule_sample(
        &self,
        opened: &Opened,
        scope: &RunScope,
        edits: Vec<Edit>,
    ) -> Result<RuleSample> {
        // The preview's schema (kept per folder); none (unreadable) checks nothing.
        let schema = self.scope_schema(opened, scope, false).await.ok();
        let schema = schema.as_ref().and_then(|s| s.schema.as_ref());
        let mut edits = edits;
        crate::app::schemas::templates_by_property(&mut edits, schema);
        let mut accepted = Vec::new();
        let mut refused = Vec::new();
        for mut edit in edits {
            match validate_edits(std::slice::from_mut(&mut edit)) {
                Ok(()) => {
                    accepted.push(edit);
                    refused.push(None);
                }
                Err(e) => refused.push(Some(words(e))),
            }
        }
        let sample = self.sample_of(opened, scope).await?;
        Ok(RuleSample {
            assets: sample::compute(&sample, &accepted, schema),
            refused,
        })
    }

    /// The sample of a scope: kept from the last call for the same scope, else read now.
    async fn sample_of(&self, opened: &Opened, scope: &RunScope) -> Result<Arc<Vec<SampledAsset>>> {
        let who = opened
            .connection_id
            .as_deref()
            .unwrap_or(opened.label.as_str());
        let key = serde_json::to_string(&(who, scope))
            .map_err(|e| Error::Internal(format!("a scope as a key: {e}")))?;
        let mut last = self.samples.last.lock().await;
        if let Some((known, sample)) = last.as_ref()
            && *known == key
        {
            return Ok(Arc::clone(sample));
        }
        let scope = SampleScope {
            scope,
            connection: &opened.label,
            stored: opened.connection_id.is_some(),
        };
        let read =
            sample::read_sample(opened.connected.assets.as_ref(), &scope, SAMPLE_SIZE).await?;
        let read = Arc::new(read);
        *last = Some((key, Arc::clone(&read)));
        Ok(read)
    }
}

/// A refused edit's words (every refusal of a rule is a catalogue message).
fn words(error: Error) -> Text {
    match error {
        Error::Message { message, .. } => message,
        other => Text::from(other.to_string().as_str()),
    }
}

#[cfg(test)]
#[path = "rule_samples_tests.rs"]
mod tests;
