//! One asset's metadata write on the classic path (where AEM refused a batch write, and a
//! batch's asset written on its own): the values in the Assets HTTP API's `PUT
//! /api/assets/{path}`, the removals as Sling's documented `name@Delete` on the asset's
//! metadata node. Whether a `PUT` with `null` removes a value is written nowhere Adobe
//! publishes, and an AEM that kept the value would have a clear or an undo report a change it
//! never made (docs/unconfirmed.md).
//!
//! Not here: batch writes (`batch.rs`), the OpenAPI family's JSON Patch (`openapi.rs`).

use reqwest::Method;
use serde_json::{Map, Value, json};

use crate::classic::{ClassicAssets, siren_detail};
use crate::{CallError, Write, json_or_error};

impl ClassicAssets {
    /// Writes `writes` to the asset at `path`: its values in one `PUT`, then its removals in
    /// one Sling POST. A write with both is two requests; the second refused leaves the
    /// asset's row failed, and a retry checks it again before writing.
    pub(crate) async fn write_one(&self, path: &str, writes: &[Write]) -> Result<(), CallError> {
        let (values, removals): (Vec<&Write>, Vec<&Write>) = writes
            .iter()
            .partition(|w| w.value.as_ref().is_some_and(|v| !v.is_null()));
        if !values.is_empty() {
            let url = self.dam_url(&["api", "assets"], path, "")?;
            let body = put_body(&values);
            let response = self
                .client
                .send(Method::PUT, url, |r| r.json(&body))
                .await
                .map_err(CallError::from_aem)?;
            json_or_error(response, siren_detail).await?;
        }
        if !removals.is_empty() {
            let mut url = self.dam_url(&["content", "dam"], path, "")?;
            if let Ok(mut parts) = url.path_segments_mut() {
                parts.push("jcr:content").push("metadata");
            }
            let fields = removals
                .iter()
                .map(|w| (format!("{}@Delete", w.property), String::new()));
            self.post_for_status(url, fields.collect()).await?;
        }
        Ok(())
    }
}

/// The `PUT` body of the values of a write (never a removal).
fn put_body(values: &[&Write]) -> Value {
    let properties: Map<String, Value> = values
        .iter()
        .filter_map(|w| Some((format!("metadata/{}", w.property), w.value.clone()?)))
        .collect();
    json!({ "class": "asset", "properties": properties })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_put_body_has_the_metadata_prefix_and_only_values() {
        let rights = Write {
            property: "dc:rights".into(),
            value: Some(json!("R")),
        };
        let subjects = Write {
            property: "dc:subject".into(),
            value: Some(json!(["a", "b"])),
        };
        assert_eq!(
            put_body(&[&rights, &subjects]),
            json!({"class": "asset", "properties": {"metadata/dc:rights": "R", "metadata/dc:subject": ["a", "b"]}})
        );
    }
}
