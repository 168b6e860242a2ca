//! Content fragments: which model each seeded one is of, its field values (seeded from
//! `(seed, index)` like an asset's metadata, only changed fields stored), its status, the Sites
//! API's shape of it, GraphQL's elements, and changing it all at once.
//!
//! A fragment's title and description are its asset's `dc:title` and `dc:description` (each
//! model's `title` field is the same value), so an edit made through any API shows in all of
//! them, GraphQL included. Not here: the models (`cf_models.rs`), HTTP (`sites.rs`).

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

use super::cf_models::{ACTIVITIES, ADVENTURE, ARTICLE, DIFFICULTIES, FieldDef, FieldType, Model};
use super::{
    ADJECTIVES, AUTHORS, Agent, Dam, Kind, Mix, NOUNS, Node, Replication, SUBJECTS, iso_ms,
    uuid_string,
};

/// Who made the seeded fragments and their seeded changes.
const SEEDED_BY: &str = "admin";

/// What one change of a fragment writes (checked before: see [`Dam::fragment_change`]).
#[derive(Debug, Clone, Default)]
pub(crate) struct Change {
    title: Option<String>,
    description: Option<String>,
    fields: Vec<(&'static str, Vec<Value>)>,
}

/// What a patch operation names in a fragment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    Title,
    Description,
    /// A field by its position in the model (and in a fragment's `fields`).
    Field(usize),
}

impl Dam {
    pub(crate) fn is_fragment(&self, idx: u32) -> bool {
        self.assets[idx as usize].kind == Kind::ContentFragment
    }

    /// The fragment asset at `path`, if there is one.
    pub(crate) fn fragment_at(&self, path: &str) -> Option<u32> {
        match self.lookup(path)? {
            Node::Asset(a) if self.is_fragment(a) && !self.assets[a as usize].removed => Some(a),
            _ => None,
        }
    }

    /// The fragment whose id (its `jcr:uuid`) is `id`.
    pub(crate) fn fragment_by_id(&self, id: &str) -> Option<u32> {
        match self.lookup_uuid(super::parse_uuid(id)?)? {
            Node::Asset(a) if self.is_fragment(a) => Some(a),
            _ => None,
        }
    }

    /// Every fourth seeded fragment is an `adventure`, the others `article`s.
    pub(crate) fn fragment_model(&self, idx: u32) -> &'static Model {
        if (idx as usize / self.fragment_every) % 4 == 3 {
            &ADVENTURE
        } else {
            &ARTICLE
        }
    }

    /// The seeded values of a fragment's fields, by name (the title is metadata: not here).
    /// `article` draws its author and main text first, as fragments did before models had
    /// more fields, so those values stay what they were.
    fn seeded_fields(&self, idx: u32) -> BTreeMap<&'static str, Vec<Value>> {
        let mut r = Mix::new(self.seed, 4, u64::from(idx));
        let mut m = BTreeMap::new();
        if self.fragment_model(idx).name == ARTICLE.name {
            m.insert("author", vec![json!(r.pick(AUTHORS))]);
            let (adj, noun) = (r.pick(ADJECTIVES), r.pick(NOUNS));
            m.insert(
                "main",
                vec![json!(format!(
                    "<p>Join us for a {adj} {noun} experience.</p>"
                ))],
            );
            m.insert("keywords", distinct(&mut r, SUBJECTS, 3));
            let day = 86_400_000 * (1 + r.below(60) as u64);
            m.insert(
                "publishDate",
                vec![json!(iso_ms(self.created_ms(idx) + day))],
            );
            return m;
        }
        let options = |o: &[(&'static str, &'static str)]| o.iter().map(|(v, _)| *v).collect();
        let difficulties: Vec<&str> = options(DIFFICULTIES);
        m.insert("difficulty", vec![json!(r.pick(&difficulties))]);
        m.insert("activities", distinct(&mut r, &options(ACTIVITIES), 3));
        m.insert("price", vec![json!(49 + 25 * r.below(12))]);
        m.insert("featured", vec![json!(r.below(4) == 0)]);
        // Some adventures have no hero image yet; the others show the nearest image before them.
        let hero = (r.below(5) != 0)
            .then(|| {
                (idx.saturating_sub(25)..idx)
                    .rev()
                    .find(|i| self.assets[*i as usize].kind.is_image())
            })
            .flatten();
        m.insert(
            "heroImage",
            hero.map(|i| json!(self.asset_path(i)))
                .into_iter()
                .collect(),
        );
        let (adj, noun) = (r.pick(ADJECTIVES), r.pick(NOUNS));
        m.insert(
            "main",
            vec![json!(format!(
                "<p>Explore the {adj} {noun} with a local guide.</p>"
            ))],
        );
        m
    }

    /// The fragment's title: its `dc:title` (its name when someone removed that).
    pub(crate) fn fragment_title(&self, idx: u32) -> String {
        match self.metadata(idx).get("dc:title") {
            Some(Value::String(s)) => s.clone(),
            _ => self.assets[idx as usize].name.to_string(),
        }
    }

    /// Each field of the fragment's model with its current values, in the model's order.
    pub(crate) fn fragment_fields(&self, idx: u32) -> Vec<(&'static FieldDef, Vec<Value>)> {
        let mut seeded = self.seeded_fields(idx);
        let edits = self.fragment_edits.get(&idx);
        let title = self.metadata(idx).get("dc:title").cloned();
        self.fragment_model(idx)
            .fields
            .iter()
            .map(|f| {
                let values = if f.name == "title" {
                    title.clone().into_iter().collect()
                } else {
                    edits
                        .and_then(|e| e.fields.get(f.name).cloned())
                        .or_else(|| seeded.remove(f.name))
                        .unwrap_or_default()
                };
                (f, values)
            })
            .collect()
    }

    /// As AEM says it (the statuses Adobe's own client filters on): DRAFT (never published),
    /// PUBLISHED, MODIFIED (changed since it was published) or UNPUBLISHED (unpublished since).
    pub(crate) fn fragment_status(&self, idx: u32) -> &'static str {
        match self.assets[idx as usize].publication.get(Agent::Publish) {
            None => "DRAFT",
            Some(t) if t.action == Replication::Deactivate => "UNPUBLISHED",
            Some(t) if self.modified_ms(idx) > t.at_ms => "MODIFIED",
            Some(_) => "PUBLISHED",
        }
    }

    /// The Sites API's fragment (`GET /adobe/sites/cf/fragments/{id}`).
    pub(crate) fn fragment_json(&self, idx: u32) -> Value {
        let a = &self.assets[idx as usize];
        let fields: Vec<Value> = self
            .fragment_fields(idx)
            .into_iter()
            .map(|(f, values)| {
                let mut v = json!({
                    "name": f.name,
                    "type": f.ty.name(),
                    "multiple": f.multiple,
                    "values": values,
                });
                if f.ty == FieldType::LongText {
                    v["mimeType"] = json!("text/html");
                }
                v
            })
            .collect();
        let description = match self.metadata(idx).get("dc:description") {
            Some(Value::String(s)) => s.clone(),
            _ => String::new(),
        };
        let by = self
            .fragment_edits
            .get(&idx)
            .and_then(|e| e.by.clone())
            .unwrap_or_else(|| SEEDED_BY.to_owned());
        json!({
            "id": uuid_string(a.uuid),
            "path": self.asset_path(idx),
            "name": &*a.name,
            "title": self.fragment_title(idx),
            "description": description,
            "model": self.fragment_model(idx).reference(),
            "status": self.fragment_status(idx),
            "created": { "at": iso_ms(self.created_ms(idx)), "by": SEEDED_BY },
            "modified": { "at": iso_ms(self.modified_ms(idx)), "by": by },
            "fields": fields,
        })
    }

    /// GraphQL's elements of a fragment: `title` and `description` from its metadata, then
    /// each other field (a single one as its value or `null`, a multiple one as a list).
    pub(crate) fn fragment_elements(&self, idx: u32) -> Map<String, Value> {
        let md = self.metadata(idx);
        let mut m = Map::new();
        for key in ["title", "description"] {
            let v = md.get(&format!("dc:{key}")).cloned();
            m.insert(key.into(), v.unwrap_or(Value::Null));
        }
        for (f, mut values) in self.fragment_fields(idx) {
            if f.name == "title" {
                continue;
            }
            let v = if f.multiple {
                Value::Array(values)
            } else if values.is_empty() {
                Value::Null
            } else {
                values.swap_remove(0)
            };
            m.insert(f.name.into(), v);
        }
        m
    }

    /// The fragments at `path` in tree order: the fragment there, or those in the folder
    /// there and every folder below it (sub-folders first, then assets, as listings order
    /// them); none for any other path.
    /// The fragments directly in the folder at `path` (or the fragment there), not its
    /// subfolders' ([`crate::faults::FragmentFaults::direct_children`]).
    pub(crate) fn fragments_in(&self, path: &str) -> Vec<u32> {
        match self.lookup(path) {
            Some(Node::Folder(f)) => self.folders[f as usize]
                .assets
                .iter()
                .copied()
                .filter(|a| self.is_fragment(*a))
                .collect(),
            Some(Node::Asset(a)) if self.is_fragment(a) => vec![a],
            _ => Vec::new(),
        }
    }

    pub(crate) fn fragments_under(&self, path: &str) -> Vec<u32> {
        fn walk(dam: &Dam, folder: u32, out: &mut Vec<u32>) {
            let f = &dam.folders[folder as usize];
            for sub in &f.folders {
                walk(dam, *sub, out);
            }
            out.extend(f.assets.iter().copied().filter(|a| dam.is_fragment(*a)));
        }
        let mut out = Vec::new();
        match self.lookup(path) {
            Some(Node::Folder(f)) => walk(self, f, &mut out),
            Some(Node::Asset(a)) if self.is_fragment(a) => out.push(a),
            _ => {}
        }
        out
    }

    /// Checks every `(target, value)` of one change of fragment `idx` (`value`: a string for
    /// the title or description, an array for a field) and returns what to write, or the
    /// first refusal, naming the field. Nothing is written either way.
    pub(crate) fn fragment_change(
        &self,
        idx: u32,
        edits: &[(Target, Value)],
    ) -> Result<Change, String> {
        let fields = self.fragment_model(idx).fields;
        let mut change = Change::default();
        for (target, value) in edits {
            match target {
                Target::Title => match value.as_str().map(str::trim) {
                    Some(t) if !t.is_empty() => change.title = Some(value_text(value)),
                    _ => {
                        return Err(format!(
                            "title takes text that is not empty; {value} is not one"
                        ));
                    }
                },
                Target::Description => match value {
                    Value::String(s) => change.description = Some(s.clone()),
                    _ => return Err(format!("description takes text; {value} is not one")),
                },
                Target::Field(i) => {
                    let Some(f) = fields.get(*i) else {
                        return Err(format!(
                            "the fragment has {} fields (0 to {}): there is no field {i}",
                            fields.len(),
                            fields.len().saturating_sub(1)
                        ));
                    };
                    let values = f.check(value)?;
                    if f.name == "title" {
                        change.title = values.first().map(value_text);
                    } else {
                        change.fields.retain(|(n, _)| *n != f.name);
                        change.fields.push((f.name, values));
                    }
                }
            }
        }
        Ok(change)
    }

    /// Writes a checked change as one revision (a new ETag) by `by` at `now_ms`. Stays
    /// MODIFIED even when it lands in the millisecond of the last publication.
    pub(crate) fn apply_fragment(&mut self, idx: u32, change: Change, by: &str, now_ms: u64) {
        let published = self.assets[idx as usize]
            .publication
            .get(Agent::Publish)
            .map(|t| t.at_ms);
        let a = &mut self.assets[idx as usize];
        let metadata = [
            ("dc:title", change.title),
            ("dc:description", change.description),
        ];
        for (key, value) in metadata {
            if let Some(v) = value {
                a.overrides
                    .get_or_insert_with(Default::default)
                    .insert(key.to_owned(), json!(v));
            }
        }
        a.rev += 1;
        a.modified_ms = Some(published.map_or(now_ms, |p| now_ms.max(p + 1)));
        let edits = self.fragment_edits.entry(idx).or_default();
        edits.fields.extend(change.fields);
        edits.by = Some(by.to_owned());
    }

    /// A change by field name as another AEM user makes it in the fragment editor: `field` is
    /// `title`, `description` or a field of the fragment's model; `values` as the Sites API
    /// gives them (`description` takes none, for empty, or one).
    pub(crate) fn edit_fragment_as(
        &mut self,
        path: &str,
        field: &str,
        values: Vec<Value>,
        by: &str,
        now_ms: u64,
    ) -> Result<(), String> {
        let idx = self
            .fragment_at(path)
            .ok_or_else(|| format!("no content fragment at {path}"))?;
        let target = match field {
            "description" => {
                let text = match values.as_slice() {
                    [] => json!(""),
                    [one] => one.clone(),
                    _ => return Err("description takes one value".into()),
                };
                return self.change_now(idx, &[(Target::Description, text)], by, now_ms);
            }
            "title" => Target::Field(0),
            name => {
                let fields = self.fragment_model(idx).fields;
                let Some(i) = fields.iter().position(|f| f.name == name) else {
                    let names: Vec<&str> = fields.iter().map(|f| f.name).collect();
                    return Err(format!(
                        "the fragment's model has no field {name:?}; it has description, {}",
                        names.join(", ")
                    ));
                };
                Target::Field(i)
            }
        };
        self.change_now(idx, &[(target, Value::Array(values))], by, now_ms)
    }

    fn change_now(
        &mut self,
        idx: u32,
        edits: &[(Target, Value)],
        by: &str,
        now_ms: u64,
    ) -> Result<(), String> {
        let change = self.fragment_change(idx, edits)?;
        self.apply_fragment(idx, change, by, now_ms);
        Ok(())
    }
}

fn value_text(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_owned()
}

/// One to `most` different items of `from`, as JSON strings.
fn distinct(r: &mut Mix, from: &[&str], most: usize) -> Vec<Value> {
    let n = 1 + r.below(most);
    let mut out: Vec<&str> = Vec::with_capacity(n);
    while out.len() < n.min(from.len()) {
        let s = r.pick(from);
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out.into_iter().map(|s| json!(s)).collect()
}

#[cfg(test)]
mod tests {
    use super::super::ASSETS_PER_FOLDER;
    use super::*;

    fn dam() -> Dam {
        Dam::generate(5, 400, ASSETS_PER_FOLDER)
    }

    #[test]
    fn both_models_are_seeded_with_every_field_typed() {
        let d = dam();
        let all = d.fragments_under("/content/dam");
        assert_eq!(all.len(), d.fragments().count());
        let adventure = all
            .iter()
            .find(|i| d.fragment_model(**i).name == "adventure")
            .copied()
            .unwrap();
        let v = d.fragment_json(adventure);
        // AEM's `name` of a model is its title; the node name ends its path.
        assert_eq!(v["model"]["name"], "Adventure Trip");
        assert!(v["model"]["path"].as_str().unwrap().ends_with("/adventure"));
        assert_eq!(v["fields"][0]["values"], json!([v["title"]]));
        for (f, values) in d.fragment_fields(adventure) {
            assert_eq!(
                f.check(&Value::Array(values.clone())),
                Ok(values),
                "{}",
                f.name
            );
        }
        assert_eq!(v["fields"][6]["mimeType"], "text/html");
        assert!(d.fragment_model(3).name == "article");
        assert_eq!(d.metadata(adventure)["cq:model"], json!(ADVENTURE.path()));
    }

    #[test]
    fn a_change_is_one_revision_and_shows_in_graphql_elements() {
        let mut d = dam();
        let idx = d.fragments().next().unwrap();
        let (etag, title) = (d.etag(idx), d.fragment_title(idx));
        let change = d
            .fragment_change(
                idx,
                &[
                    (Target::Field(1), json!(["Ann Author"])),
                    (Target::Field(2), json!(["x", "y"])),
                    (Target::Description, json!("New words")),
                ],
            )
            .unwrap();
        d.apply_fragment(idx, change, "me", 1);
        assert_ne!(d.etag(idx), etag);
        assert_eq!(d.assets[idx as usize].rev, 1);
        let el = d.fragment_elements(idx);
        assert_eq!(el["author"], "Ann Author");
        assert_eq!(el["keywords"], json!(["x", "y"]));
        assert_eq!(el["description"], "New words");
        assert_eq!(el["title"], json!(title));
        assert_eq!(d.fragment_json(idx)["modified"]["by"], "me");
        // The title field is the fragment's title.
        d.edit_fragment_as(&d.asset_path(idx), "title", vec![json!("T2")], "you", 2)
            .unwrap();
        assert_eq!(d.fragment_json(idx)["title"], "T2");
        assert_eq!(d.fragment_elements(idx)["title"], "T2");
        d.reset();
        assert_eq!(d.fragment_elements(idx)["title"], json!(title));
        assert_ne!(d.fragment_elements(idx)["author"], "Ann Author");
    }

    #[test]
    fn a_refused_change_names_the_field_and_writes_nothing() {
        let d = dam();
        let idx = d.fragments().next().unwrap();
        let e = d
            .fragment_change(
                idx,
                &[
                    (Target::Field(1), json!(["ok"])),
                    (Target::Field(9), json!(["x"])),
                ],
            )
            .unwrap_err();
        assert!(e.contains("no field 9"), "{e}");
        assert!(
            d.fragment_change(idx, &[(Target::Title, json!(""))])
                .is_err()
        );
        assert!(
            d.fragment_change(idx, &[(Target::Description, json!(3))])
                .is_err()
        );
        assert_eq!(d.assets[idx as usize].rev, 0);
    }

    #[test]
    fn status_follows_publication() {
        let mut d = dam();
        // The seed publishes some fragments: start from one it never published.
        let idx = d
            .fragments()
            .find(|&i| {
                d.assets[i as usize]
                    .publication
                    .get(Agent::Publish)
                    .is_none()
            })
            .unwrap();
        assert_eq!(d.fragment_status(idx), "DRAFT", "never published");
        let t = d.modified_ms(idx) + 1_000;
        d.replicate(idx, Agent::Publish, Replication::Activate, "admin", t);
        assert_eq!(d.fragment_status(idx), "PUBLISHED");
        let change = d
            .fragment_change(idx, &[(Target::Field(1), json!(["A"]))])
            .unwrap();
        // In the very millisecond of the publication, still a change after it.
        d.apply_fragment(idx, change, "me", t);
        assert_eq!(d.fragment_status(idx), "MODIFIED");
        d.replicate(idx, Agent::Publish, Replication::Deactivate, "admin", t + 5);
        assert_eq!(d.fragment_status(idx), "UNPUBLISHED");
    }

    #[test]
    fn every_asset_can_be_a_fragment() {
        let d = Dam::generate_with(5, 2_000, ASSETS_PER_FOLDER, 1);
        assert_eq!(d.fragments().count(), 2_000);
        assert_eq!(d.fragments_under("/content/dam").len(), 2_000);
        let adventures = d
            .fragments()
            .filter(|i| d.fragment_model(*i).name == "adventure")
            .count();
        assert_eq!(adventures, 500);
    }
}
