//! Fingerprints of metadata: short codes that tell whether a value, or an asset's whole
//! metadata, is still what it was, without keeping the value. AEM as a Cloud Service leaves
//! `jcr:lastModified` as it was on metadata updates (adobe-wire-next §1.1), so a colleague's
//! edit is told by its values, never by that time: a sheet's export carries each value's code,
//! an upload journals its assets' metadata code once they are processed and described.
//!
//! Not here: reading the values (`metadesk_assets`), what is held back (`engine/planning.rs`,
//! `engine/upload_values.rs`, the core's upload undo).

use std::collections::BTreeMap;

use serde_json::{Map, Value};
use sha1::{Digest, Sha1};

/// A value as a list of texts, the form every reading gives alike: no value, `null` and `[]`
/// are none; a single value and a list of one are the same; numbers and booleans as written.
fn texts(value: Option<&Value>) -> Vec<String> {
    let one = |v: &Value| match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    match value {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items.iter().filter(|v| !v.is_null()).map(one).collect(),
        Some(v) => vec![one(v)],
    }
}

fn digest(parts: impl Iterator<Item = String>, hex_chars: usize) -> String {
    let mut hash = Sha1::new();
    for part in parts {
        hash.update(part.as_bytes());
        // A separator no text holds: ["a", "b"] and ["ab"] differ.
        hash.update([0x1f]);
    }
    let hex: String = hash.finalize().iter().map(|b| format!("{b:02x}")).collect();
    hex[..hex_chars].to_owned()
}

/// The code of one property's value: 8 hex digits (a 1 in 4 billion chance that a changed
/// value keeps its code).
pub fn value_code(value: Option<&Value>) -> String {
    let values = texts(value);
    let count = values.len().to_string();
    digest(std::iter::once(count).chain(values), 8)
}

/// The code of an asset's whole metadata node: every property but the repository's own
/// (`jcr:primaryType`, `jcr:mixinTypes`, `jcr:lastModified`…: they say what the node is, not
/// what a person wrote), in name order.
pub fn metadata_code(metadata: &Map<String, Value>) -> String {
    let sorted: BTreeMap<&String, &Value> = metadata
        .iter()
        .filter(|(name, value)| !name.starts_with("jcr:") && !texts(Some(value)).is_empty())
        .collect();
    let parts = sorted.into_iter().flat_map(|(name, value)| {
        let values = texts(Some(value));
        [name.clone(), values.len().to_string()]
            .into_iter()
            .chain(values)
    });
    digest(parts, 16)
}

/// Each exported property's value code, as a sheet's "Values when exported" cell holds them:
/// `dc:title=1a2b3c4d dc:subject=9f8e7d6c`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportedCodes(BTreeMap<String, String>);

impl ExportedCodes {
    /// The codes of `values`, property by property.
    pub fn of<'a>(values: impl Iterator<Item = (&'a str, Option<&'a Value>)>) -> Self {
        ExportedCodes(
            values
                .map(|(property, value)| (property.to_owned(), value_code(value)))
                .collect(),
        )
    }

    /// Reads a cell; `None` when it is not codes Metadesk wrote (typed over, cut short).
    pub fn parse(text: &str) -> Option<Self> {
        let mut codes = BTreeMap::new();
        for part in text.split_whitespace() {
            let (property, code) = part.rsplit_once('=')?;
            let well_formed = !property.is_empty()
                && code.len() == 8
                && code.bytes().all(|b| b.is_ascii_hexdigit());
            if !well_formed {
                return None;
            }
            codes.insert(property.to_owned(), code.to_ascii_lowercase());
        }
        (!codes.is_empty()).then_some(ExportedCodes(codes))
    }

    /// The cell's text.
    pub fn text(&self) -> String {
        self.0
            .iter()
            .map(|(property, code)| format!("{property}={code}"))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Those of `properties` whose value in `metadata` is no longer the exported one; a
    /// property the export did not hold is not told (the sheet gained its column since).
    pub fn changed<'a>(
        &self,
        metadata: &Map<String, Value>,
        properties: impl Iterator<Item = &'a str>,
    ) -> Vec<String> {
        let mut changed: Vec<String> = properties
            .filter(|p| {
                self.0
                    .get(*p)
                    .is_some_and(|code| *code != value_code(metadata.get(*p)))
            })
            .map(str::to_owned)
            .collect();
        changed.dedup();
        changed
    }
}

/// What an upload keeps of an asset as it leaves it (processed, then described): its
/// `jcr:uuid` (which asset it is: another one at the same path has another), its
/// `jcr:lastModified` (moved by a new binary or a reprocessing), its whole metadata's code
/// (moved by anyone's metadata update) and the codes of the values it writes. A journal written
/// before codes holds the time alone, and is compared by it; one written before identities
/// holds no `jcr:uuid`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Held {
    pub uuid: Option<String>,
    pub last_modified: Option<String>,
    metadata: Option<String>,
    values: ExportedCodes,
}

/// Marks a [`Held`] text with codes (a time never starts so); the second form adds the
/// asset's `jcr:uuid`.
const HELD_MARK: &str = "held1";
const HELD_MARK_2: &str = "held2";

impl Held {
    /// The asset as AEM holds it now: `metadata` its whole metadata node, `properties` those
    /// whose values are to be checked before a write.
    pub fn of(
        last_modified: Option<String>,
        metadata: &Map<String, Value>,
        properties: &[String],
    ) -> Self {
        Held {
            uuid: None,
            last_modified,
            metadata: Some(metadata_code(metadata)),
            values: ExportedCodes::of(properties.iter().map(|p| (p.as_str(), metadata.get(p)))),
        }
    }

    /// The same, for the asset whose `jcr:uuid` is `uuid`.
    pub fn with_uuid(self, uuid: Option<String>) -> Self {
        Held { uuid, ..self }
    }

    /// An asset known by its identity alone (its processing was not seen to end): which
    /// asset it is, nothing of what it holds.
    pub fn identity(uuid: Option<String>) -> Self {
        Held {
            uuid,
            last_modified: None,
            metadata: None,
            values: ExportedCodes::default(),
        }
    }

    /// Whether it says what the asset held (its metadata's code), not only which it is.
    pub fn complete(&self) -> bool {
        self.metadata.is_some()
    }

    /// Whether a change since can be told by it: its codes, or at least its time (an older
    /// journal's); an identity alone tells none.
    pub fn tells_changes(&self) -> bool {
        self.metadata.is_some() || self.last_modified.is_some()
    }

    /// As the journal keeps it.
    pub fn text(&self) -> String {
        format!(
            "{HELD_MARK_2}|{}|{}|{}|{}",
            self.uuid.as_deref().unwrap_or_default(),
            self.last_modified.as_deref().unwrap_or_default(),
            self.metadata.as_deref().unwrap_or_default(),
            self.values.text()
        )
    }

    /// From the journal: a text from before codes is a time, one from before identities has
    /// no `jcr:uuid`.
    pub fn parse(text: &str) -> Self {
        let some = |s: &str| (!s.is_empty()).then(|| s.to_owned());
        let mut parts = text.splitn(5, '|');
        match [(); 5].map(|()| parts.next()) {
            [
                Some(HELD_MARK_2),
                Some(uuid),
                Some(time),
                Some(code),
                Some(values),
            ] => Held {
                uuid: some(uuid),
                last_modified: some(time),
                metadata: some(code),
                values: ExportedCodes::parse(values).unwrap_or_default(),
            },
            [Some(HELD_MARK), Some(time), Some(code), Some(values), rest] => Held {
                uuid: None,
                last_modified: some(time),
                metadata: some(code),
                // A `|` in the codes was never written: what follows one is not codes.
                values: match rest {
                    None => ExportedCodes::parse(values).unwrap_or_default(),
                    Some(_) => ExportedCodes::default(),
                },
            },
            _ => Held {
                uuid: None,
                last_modified: Some(text.to_owned()),
                metadata: None,
                values: ExportedCodes::default(),
            },
        }
    }

    /// Whether anyone changed the asset since: a new binary or a reprocessing (its time), or
    /// any metadata value (its whole metadata `now`, where the journal has its code).
    pub fn asset_changed(&self, last_modified: Option<&str>, now: &Map<String, Value>) -> bool {
        self.last_modified.as_deref() != last_modified
            || self
                .metadata
                .as_ref()
                .is_some_and(|code| *code != metadata_code(now))
    }

    /// Whether anyone changed what a write of `properties` would overwrite: a new binary or a
    /// reprocessing (its time), or one of their values (`now` holds at least those).
    pub fn values_changed(
        &self,
        last_modified: Option<&str>,
        now: &Map<String, Value>,
        properties: &[String],
    ) -> bool {
        self.last_modified.as_deref() != last_modified
            || !self
                .values
                .changed(now, properties.iter().map(String::as_str))
                .is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_value_reads_alike_whichever_way_aem_gave_it() {
        assert_eq!(
            value_code(Some(&json!("a"))),
            value_code(Some(&json!(["a"])))
        );
        assert_eq!(value_code(None), value_code(Some(&json!(null))));
        assert_eq!(value_code(None), value_code(Some(&json!([]))));
        assert_eq!(value_code(Some(&json!(5))), value_code(Some(&json!("5"))));
        assert_ne!(
            value_code(Some(&json!(["a", "b"]))),
            value_code(Some(&json!(["ab"])))
        );
        assert_ne!(
            value_code(Some(&json!(["a", "b"]))),
            value_code(Some(&json!(["b", "a"])))
        );
        assert_ne!(value_code(Some(&json!(""))), value_code(None));
    }

    #[test]
    fn codes_round_trip_through_their_cell_and_tell_what_changed() {
        let exported = json!({"dc:title": "Sea", "dc:subject": ["blue", "green"]});
        let exported = exported.as_object().unwrap();
        let codes = ExportedCodes::of(
            ["dc:title", "dc:subject", "dc:rights"]
                .into_iter()
                .map(|p| (p, exported.get(p))),
        );
        let read = ExportedCodes::parse(&codes.text()).unwrap();
        assert_eq!(read, codes);
        let mut now = exported.clone();
        now.insert("dc:title".into(), json!("Ocean"));
        now.insert("dc:creator".into(), json!("them"));
        let edited = ["dc:title", "dc:subject", "dc:rights", "dc:creator"];
        assert_eq!(read.changed(&now, edited.into_iter()), vec!["dc:title"]);
        now.insert("dc:rights".into(), json!("theirs"));
        assert_eq!(
            read.changed(&now, edited.into_iter()),
            vec!["dc:title", "dc:rights"]
        );
    }

    #[test]
    fn a_cell_typed_over_is_not_taken_for_codes() {
        for text in [
            "",
            "anything",
            "dc:title=xyz",
            "dc:title=1a2b3c4d junk",
            "=1a2b3c4d",
        ] {
            assert_eq!(ExportedCodes::parse(text), None, "{text:?}");
        }
    }

    #[test]
    fn a_metadata_code_moves_with_any_value_a_person_writes_and_no_other() {
        let base = json!({"dc:title": "Sea", "jcr:primaryType": "nt:unstructured", "dam:size": 5});
        let base = base.as_object().unwrap().clone();
        let code = metadata_code(&base);
        let mut housekeeping = base.clone();
        housekeeping.insert(
            "jcr:lastModified".into(),
            json!("Tue Sep 03 2024 13:15:03 GMT+0000"),
        );
        housekeeping.insert("dc:empty".into(), json!([]));
        assert_eq!(metadata_code(&housekeeping), code);
        for (property, value) in [
            ("dc:description", json!("added")),
            ("dc:title", json!("Ocean")),
            ("dam:size", json!(6)),
        ] {
            let mut changed = base.clone();
            changed.insert(property.into(), value);
            assert_ne!(metadata_code(&changed), code, "{property}");
        }
    }

    #[test]
    fn held_tells_a_metadata_change_the_time_does_not_show() {
        let md = json!({"dc:title": "Sea", "dc:format": "image/jpeg"});
        let md = md.as_object().unwrap().clone();
        let props = vec!["dc:title".to_owned()];
        let held = Held::of(Some("2026-01-01T10:00:00Z".into()), &md, &props);
        let read = Held::parse(&held.text());
        assert_eq!(read, held);
        let t = Some("2026-01-01T10:00:00Z");
        assert!(!read.asset_changed(t, &md));
        assert!(!read.values_changed(t, &md, &props));
        let mut theirs = md.clone();
        theirs.insert("dc:description".into(), json!("a colleague's"));
        assert!(read.asset_changed(t, &theirs), "any value added");
        assert!(
            !read.values_changed(t, &theirs, &props),
            "not one the write overwrites"
        );
        theirs.insert("dc:title".into(), json!("Ocean"));
        assert!(read.values_changed(t, &theirs, &props));
        assert!(
            read.asset_changed(Some("2026-01-02T10:00:00Z"), &md),
            "a new binary"
        );
        let old = Held::parse("2026-01-01T10:00:00Z");
        assert!(
            !old.asset_changed(t, &theirs),
            "an older journal goes by its time"
        );
        assert!(old.asset_changed(Some("2026-01-02T10:00:00Z"), &md));
    }

    /// An asset's identity is kept beside its codes and read back; a journal written before
    /// identities (`held1`) reads as before, with none. Seen failing before `held2`: the
    /// identity was not kept, so an undo could not tell another asset at the same path.
    #[test]
    fn held_keeps_the_asset_s_identity_and_reads_older_texts() {
        let md = json!({"dc:title": "Sea"});
        let md = md.as_object().unwrap().clone();
        let props = vec!["dc:title".to_owned()];
        let uuid = Some("5c0f7e2a-0000-4000-8000-000000000001".to_owned());
        let held =
            Held::of(Some("2026-01-01T10:00:00Z".into()), &md, &props).with_uuid(uuid.clone());
        let read = Held::parse(&held.text());
        assert_eq!(read, held);
        assert_eq!(read.uuid, uuid);
        assert!(read.complete());
        let older = Held::parse("held1|2026-01-01T10:00:00Z|0123456789abcdef|dc:title=1a2b3c4d");
        assert_eq!(older.uuid, None);
        assert_eq!(older.last_modified.as_deref(), Some("2026-01-01T10:00:00Z"));
        assert!(older.complete());
        let only = Held::parse(&Held::identity(uuid.clone()).text());
        assert_eq!((only.complete(), only.uuid), (false, uuid));
    }
}
