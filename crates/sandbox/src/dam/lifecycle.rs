//! Seeded expiry, off times and images without alt text, when the sandbox is started with
//! [`crate::SandboxConfig::with_lifecycle`] (`adobe-wire-lifecycle.md` §4, §5): about one asset
//! in ten expired (`jcr:content/metadata/prism:expirationDate` up to a year in the past), one in
//! ten expiring within 30 days, one in ten expiring later, one in ten with a
//! `jcr:content/offTime` 10 to 60 days ahead, and one image in eight without `dc:description`.
//!
//! Dates count from the sandbox's start (its epoch), whole days plus twelve hours, so a test
//! that asks "within 30 days" minutes later sees the same assets. Off times are in the future
//! only: after one AEM hides the asset from its APIs, which the sandbox does not simulate.
//! Drawn from a stream of their own, so every other seeded value stays as it was.
//!
//! Not here: which pages use an asset (`references.rs`).

use serde_json::{Map, Value, json};

use super::{Dam, Kind, Mix, iso_ms};

const DAY_MS: u64 = 86_400_000;
const HALF_DAY_MS: u64 = DAY_MS / 2;

/// What the seed gives one asset.
struct Drawn {
    expires_ms: Option<u64>,
    off_time_ms: Option<u64>,
    without_description: bool,
}

impl Dam {
    /// Seeds expiry and the rest from now on, counting from `epoch_ms`.
    pub(crate) fn seed_lifecycle(&mut self, epoch_ms: u64) {
        self.lifecycle_epoch_ms = Some(epoch_ms);
    }

    fn drawn(&self, idx: u32) -> Option<Drawn> {
        let epoch = self.lifecycle_epoch_ms?;
        let kind = self.assets.get(idx as usize)?.kind;
        if kind == Kind::ContentFragment || idx as usize >= self.seeded {
            return None;
        }
        let mut r = Mix::new(self.seed, 11, u64::from(idx));
        let (class, days, desc) = (r.below(10), r.below(365) as u64, r.below(8));
        let expires_ms = match class {
            0 => Some(epoch - (1 + days) * DAY_MS - HALF_DAY_MS),
            1 => Some(epoch + (days % 29) * DAY_MS + HALF_DAY_MS),
            2 => Some(epoch + (45 + days) * DAY_MS + HALF_DAY_MS),
            _ => None,
        };
        let off_time_ms = (class == 3).then(|| epoch + (10 + days % 50) * DAY_MS + HALF_DAY_MS);
        Some(Drawn {
            expires_ms,
            off_time_ms,
            without_description: kind.is_image() && desc == 0,
        })
    }

    /// Adds the seeded expiry to, or takes the description from, an asset's seeded metadata.
    pub(crate) fn lifecycle_metadata(&self, idx: u32, m: &mut Map<String, Value>) {
        let Some(d) = self.drawn(idx) else { return };
        if let Some(ms) = d.expires_ms {
            m.insert("prism:expirationDate".into(), json!(iso_ms(ms)));
        }
        if d.without_description {
            m.remove("dc:description");
        }
    }

    /// `jcr:content/offTime` of an asset, when it has one.
    pub(crate) fn off_time_ms(&self, idx: u32) -> Option<u64> {
        self.drawn(idx)?.off_time_ms
    }
}

#[cfg(test)]
mod tests {
    use super::super::ASSETS_PER_FOLDER;
    use super::*;

    #[test]
    fn off_by_default_and_each_kind_present_when_on() {
        let mut d = Dam::generate(5, 400, ASSETS_PER_FOLDER);
        let plain: Vec<_> = (0..400).map(|i| d.metadata(i)).collect();
        assert!(
            plain
                .iter()
                .all(|m| !m.contains_key("prism:expirationDate"))
        );
        assert!((0..400).all(|i| d.off_time_ms(i).is_none()));
        let epoch = 1_800_000_000_000;
        d.seed_lifecycle(epoch);
        let expires: Vec<u64> = (0..400)
            .filter_map(|i| d.metadata(i).get("prism:expirationDate").cloned())
            .map(|v| super::super::super::qb_values::stored_date(&v).unwrap() as u64)
            .collect();
        assert!(expires.iter().any(|ms| *ms < epoch));
        assert!(
            expires
                .iter()
                .any(|ms| *ms > epoch && *ms < epoch + 30 * DAY_MS)
        );
        assert!(expires.iter().any(|ms| *ms > epoch + 30 * DAY_MS));
        assert!((0..400).any(|i| d.off_time_ms(i).is_some_and(|ms| ms > epoch)));
        let bare = (0..400u32).filter(|i| {
            d.assets[*i as usize].kind.is_image() && !d.metadata(*i).contains_key("dc:description")
        });
        assert!(bare.count() > 0);
        // Every other value stays what it was.
        let title = |m: &Map<String, Value>| m["dc:title"].clone();
        assert!((0..400).all(|i| title(&d.metadata(i)) == title(&plain[i as usize])));
    }
}
