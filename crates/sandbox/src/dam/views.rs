//! How an asset and the whole tree are shown to tests: [`Dam::asset_state`] (`/__sandbox/asset`)
//! and [`Dam::dump`] (`/__sandbox/dump`).

use serde_json::{Value, json};

use super::{Dam, Kind, iso_ms, uuid_string};

impl Dam {
    /// Everything tests may want to know about one asset.
    pub(crate) fn asset_state(&self, idx: u32) -> Value {
        let a = &self.assets[idx as usize];
        let mut v = json!({
            "path": self.asset_path(idx),
            "name": &*a.name,
            "jcr:uuid": uuid_string(a.uuid),
            "assetId": format!("urn:aaid:aem:{}", uuid_string(a.uuid)),
            "revision": a.rev,
            "etag": self.etag(idx),
            "contentFragment": a.kind == Kind::ContentFragment,
            "size": a.size,
            "assetState": self.asset_processing_state(idx),
            "versions": a.binary.as_ref().map_or(0, |b| b.versions),
            "metadata": self.metadata(idx),
            "writes": a.overrides.clone().unwrap_or_default(),
            "publication": self.publication_state(idx),
        });
        if let Some(ms) = self.off_time_ms(idx) {
            v["offTime"] = json!(iso_ms(ms));
        }
        if a.kind == Kind::ContentFragment {
            v["elements"] = Value::Object(self.fragment_elements(idx));
            let fragment = self.fragment_json(idx);
            v["fields"] = fragment["fields"].clone();
            v["fragment"] = fragment;
        }
        v
    }

    /// The tree as JSON: folders, and assets with their writes (`full` adds all metadata); a
    /// content fragment says its model.
    pub(crate) fn dump(&self, full: bool) -> Value {
        let folders: Vec<Value> = self
            .folders
            .iter()
            .map(|f| {
                json!({
                    "path": &*f.path,
                    "jcr:uuid": uuid_string(f.uuid),
                    "folders": f.folders.len(),
                    "assets": f.assets.len(),
                })
            })
            .collect();
        let assets: Vec<Value> = (0..self.assets.len() as u32)
            .filter(|i| !self.assets[*i as usize].removed)
            .map(|i| {
                let a = &self.assets[i as usize];
                let mut v = json!({
                    "path": self.asset_path(i),
                    "jcr:uuid": uuid_string(a.uuid),
                    "revision": a.rev,
                    "contentFragment": a.kind == Kind::ContentFragment,
                });
                if a.kind == Kind::ContentFragment {
                    v["model"] = json!(self.fragment_model(i).name);
                }
                if let Some(o) = &a.overrides {
                    v["writes"] = json!(o);
                }
                if full {
                    v["metadata"] = Value::Object(self.metadata(i));
                }
                v
            })
            .collect();
        json!({ "seed": self.seed, "folders": folders, "assets": assets })
    }
}
