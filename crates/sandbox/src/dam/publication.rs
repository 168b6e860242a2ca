//! Each asset's publication: its last replication to each tier (the publish tier, and AEM's
//! Preview tier), which `jcr:content` records as `cq:lastReplicated`, `cq:lastReplicatedBy` and
//! `cq:lastReplicationAction` (the Preview tier's with a `_preview` suffix: UNCONFIRMED in Adobe's
//! documents), and the copy of the metadata each tier serves since an
//! activation. Seeded assets start in every state a real DAM holds: never published,
//! published and up to date, published then modified, unpublished.
//!
//! Not here: the replication servlet's HTTP (`replicate.rs`).

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

use super::kept::{Agent, Replication, Tier, Tiers};
use super::{Dam, Mix};

/// Who published the seeded assets that start published.
const SEEDED_BY: &str = "admin";

impl Dam {
    /// Gives every seeded asset its starting publication, from `(seed, index)` like its values:
    /// 4 in 10 never published, 4 published after their last change, 1 published before it, 1
    /// published then unpublished.
    pub(crate) fn seed_publications(&mut self) {
        for idx in 0..self.assets.len() as u32 {
            let created = self.created_ms(idx);
            let mut r = Mix::new(self.seed, 6, u64::from(idx));
            let (action, at_ms) = match r.below(10) {
                0..=3 => {
                    self.assets[idx as usize].publication = Tiers::default();
                    continue;
                }
                4..=7 => (Replication::Activate, created + 3_600_000),
                8 => (Replication::Activate, created + 600_000),
                _ => (Replication::Deactivate, created + 3 * 3_600_000),
            };
            self.assets[idx as usize].publication = Tiers {
                publish: Some(Tier {
                    action,
                    at_ms,
                    by: SEEDED_BY.to_owned(),
                    writes: BTreeMap::new(),
                }),
                preview: None,
            };
        }
    }

    /// Replicates asset `idx` to `agent`'s tier as `by`, at `now_ms`: an activation copies its
    /// current metadata there, a deactivation withdraws it.
    pub(crate) fn replicate(
        &mut self,
        idx: u32,
        agent: Agent,
        action: Replication,
        by: &str,
        now_ms: u64,
    ) {
        let a = &mut self.assets[idx as usize];
        let writes = match action {
            Replication::Activate => a.overrides.clone().unwrap_or_default(),
            Replication::Deactivate => BTreeMap::new(),
        };
        *a.publication.slot(agent) = Some(Tier {
            action,
            at_ms: now_ms,
            by: by.to_owned(),
            writes,
        });
    }

    /// The metadata `agent`'s tier serves for asset `idx`: `None` when it was never activated
    /// there or was deactivated since.
    pub(crate) fn published_metadata(&self, idx: u32, agent: Agent) -> Option<Map<String, Value>> {
        let tier = self.assets[idx as usize].publication.get(agent)?;
        if tier.action != Replication::Activate {
            return None;
        }
        let mut m = self.base_metadata(idx);
        for (k, v) in &tier.writes {
            if v.is_null() {
                m.remove(k);
            } else {
                m.insert(k.clone(), v.clone());
            }
        }
        Some(m)
    }

    /// What tests see of an asset's publication: per tier, the last replication and the
    /// metadata the tier serves.
    pub(crate) fn publication_state(&self, idx: u32) -> Value {
        let mut out = Map::new();
        for (name, agent) in [("publish", Agent::Publish), ("preview", Agent::Preview)] {
            let Some(tier) = self.assets[idx as usize].publication.get(agent) else {
                out.insert(name.into(), Value::Null);
                continue;
            };
            out.insert(
                name.into(),
                json!({
                    "action": tier.action.word(),
                    "at": super::iso_ms(tier.at_ms),
                    "by": tier.by,
                    "metadata": self.published_metadata(idx, agent),
                }),
            );
        }
        Value::Object(out)
    }

    /// The replication properties `jcr:content` carries for asset `idx` (dates in ms since the
    /// epoch: each renderer writes them in its own form).
    pub(crate) fn replication_properties(&self, idx: u32) -> Vec<(String, ReplicationValue)> {
        let mut out = Vec::new();
        for agent in [Agent::Publish, Agent::Preview] {
            let Some(tier) = self.assets[idx as usize].publication.get(agent) else {
                continue;
            };
            let s = agent.suffix();
            out.push((
                format!("cq:lastReplicated{s}"),
                ReplicationValue::Date(tier.at_ms),
            ));
            out.push((
                format!("cq:lastReplicatedBy{s}"),
                ReplicationValue::Text(tier.by.clone()),
            ));
            out.push((
                format!("cq:lastReplicationAction{s}"),
                ReplicationValue::Text(tier.action.word().to_owned()),
            ));
        }
        out
    }
}

/// A replication property's value: a date or a text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum ReplicationValue {
    Date(u64),
    Text(String),
}
