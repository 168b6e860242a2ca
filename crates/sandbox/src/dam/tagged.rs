//! The tags seeded on assets: about half the assets (content fragments too, whose tags live in
//! their metadata as an asset's do) hold one or two of the seeded taxonomy's tags, drawn from a
//! stream of their own so that no other seeded value changes.
//!
//! Not here: the taxonomy itself (`taxonomy.rs`).

use serde_json::{Value, json};

use super::{Dam, Mix};
use crate::taxonomy::SEEDED_ASSET_TAGS;

impl Dam {
    /// The `cq:tags` an asset is seeded with, if any.
    pub(crate) fn seeded_tags(&self, idx: u32) -> Option<Value> {
        let mut t = Mix::new(self.seed, 7, u64::from(idx));
        if t.below(2) != 0 {
            return None;
        }
        let first = t.pick(SEEDED_ASSET_TAGS);
        let second = t.pick(SEEDED_ASSET_TAGS);
        Some(if t.below(2) == 0 || first == second {
            json!([first])
        } else {
            json!([first, second])
        })
    }
}
