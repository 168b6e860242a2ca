//! What the DAM keeps beside its nodes' seeded values: a fragment's edits, the moves made since
//! the seed, and each asset's last replication to each tier. Data only: what changes it lives in
//! `fragments.rs`, `moves.rs` and `publication.rs`, each an `impl Dam` of its own.

use std::collections::{BTreeMap, HashMap};

use serde_json::Value;

use super::node::Node;

/// A fragment's stored changes: the fields written since the seed (title and description
/// excepted: they are metadata writes) and who wrote last.
#[derive(Debug, Clone, Default)]
pub(crate) struct Edits {
    pub(super) fields: BTreeMap<&'static str, Vec<Value>>,
    pub(super) by: Option<String>,
}

/// The moves made since the seed, for `Dam::reset`, and when each asset last moved, for the
/// search index's lag.
#[derive(Debug, Default)]
pub(crate) struct Moves {
    pub(super) log: Vec<Relocation>,
    pub(super) moved_ms: HashMap<u32, u64>,
}

/// Where a node was before one move.
#[derive(Debug)]
pub(super) struct Relocation {
    pub(super) node: Node,
    pub(super) parent: u32,
    pub(super) name: Box<str>,
}

/// Where a replication goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Agent {
    Publish,
    Preview,
}

impl Agent {
    /// The suffix of the `jcr:content` properties that record this tier's replications.
    pub(crate) fn suffix(self) -> &'static str {
        match self {
            Agent::Publish => "",
            Agent::Preview => "_preview",
        }
    }
}

/// What a replication did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Replication {
    Activate,
    Deactivate,
}

impl Replication {
    pub(crate) fn word(self) -> &'static str {
        match self {
            Replication::Activate => "Activate",
            Replication::Deactivate => "Deactivate",
        }
    }
}

/// The last replication to one tier.
#[derive(Debug, Clone)]
pub(crate) struct Tier {
    pub action: Replication,
    pub at_ms: u64,
    pub by: String,
    /// The asset's writes as they were when it was activated (the tier serves the seeded
    /// values with these over them): kept as writes, not whole copies, so a large seeded DAM
    /// stays small.
    pub(super) writes: BTreeMap<String, Value>,
}

/// The last replication to each tier; `None` where the asset never went.
#[derive(Debug, Clone, Default)]
pub(crate) struct Tiers {
    pub(super) publish: Option<Tier>,
    pub(super) preview: Option<Tier>,
}

impl Tiers {
    pub(crate) fn get(&self, agent: Agent) -> Option<&Tier> {
        match agent {
            Agent::Publish => self.publish.as_ref(),
            Agent::Preview => self.preview.as_ref(),
        }
    }
    pub(super) fn slot(&mut self, agent: Agent) -> &mut Option<Tier> {
        match agent {
            Agent::Publish => &mut self.publish,
            Agent::Preview => &mut self.preview,
        }
    }
}
