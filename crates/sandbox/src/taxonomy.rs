//! AEM's tag taxonomy under `/content/cq:tags` (`adobe-wire-tags.md`): the tags, their
//! rendering as Sling's default GET servlet gives it, and what `/bin/tagcommand` does to them,
//! hazards included: a moved or merged tag is not deleted but left as a hidden stub carrying
//! `cq:movedTo`, its target gets `cq:backlinks`, content keeps the old id, and a tag is
//! published only by its own activation. And the Sites pages under `/content` that use its
//! tags (`jcr:content/cq:tags`; none seeded), which the tag servlet's `list` command finds.
//!
//! Not here: HTTP (`tag_command.rs`, `classic.rs`), the tags seeded on assets (`dam/mod.rs`).

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

/// The taxonomy root, a `sling:Folder` (not a tag).
pub(crate) const TAGS_ROOT: &str = "/content/cq:tags";

/// Ids of the seeded tags that seeded assets hold (`dam/mod.rs`).
pub(crate) const SEEDED_ASSET_TAGS: &[&str] = &[
    "wknd-shared:activity/surfing",
    "wknd-shared:activity/cycling",
    "wknd-shared:activity/rock-climbing",
    "wknd-shared:season/summer",
    "wknd-shared:season/winter",
    "properties:orientation/portrait",
    "properties:orientation/landscape",
];

/// One node under the root: a `cq:Tag`, or a plain node a Sling POST made at a path where no
/// tag was.
#[derive(Debug, Clone)]
pub(crate) struct TagNode {
    pub primary_type: &'static str,
    /// `jcr:title`, `jcr:title.<lang>`, `jcr:description`, `cq:movedTo`, `cq:backlinks`,
    /// `cq:lastReplicated*`.
    pub props: Map<String, Value>,
}

impl TagNode {
    fn tag(props: Map<String, Value>) -> Self {
        Self {
            primary_type: "cq:Tag",
            props,
        }
    }

    fn is_tag(&self) -> bool {
        self.primary_type == "cq:Tag"
    }

    fn moved(&self) -> bool {
        self.props.contains_key("cq:movedTo")
    }
}

/// Why a tag command was refused: an HTTP status and Sling's message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Refusal {
    pub status: u16,
    pub message: String,
}

fn refuse(status: u16, message: impl Into<String>) -> Refusal {
    Refusal {
        status,
        message: message.into(),
    }
}

/// The taxonomy: nodes by their path below the root (`wknd-shared/activity/surfing`), and the
/// Sites pages that use its tags (none seeded).
#[derive(Debug, Clone)]
pub(crate) struct Taxonomy {
    nodes: BTreeMap<String, TagNode>,
    pub pages: Pages,
}

/// The path below the root of a tag id (`ns:a/b`, an id without a colon being in `default`) or
/// of an absolute path (`/content/cq:tags/ns/a/b`); `None` for anything else.
pub(crate) fn relative_path(id_or_path: &str) -> Option<String> {
    let s = id_or_path.trim().trim_end_matches('/');
    let rel = if let Some(rest) = s.strip_prefix(TAGS_ROOT) {
        rest.strip_prefix('/')?.to_owned()
    } else if s.starts_with('/') {
        return None;
    } else if let Some((ns, local)) = s.split_once(':') {
        if local.is_empty() {
            ns.to_owned()
        } else {
            format!("{ns}/{local}")
        }
    } else {
        format!("default/{s}")
    };
    let valid = rel.split('/').all(|seg| {
        !seg.is_empty()
            && seg
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_'))
    });
    valid.then_some(rel)
}

/// The id of a path below the root: `ns:a/b`, or `ns:` for a namespace.
pub(crate) fn id_of(rel: &str) -> String {
    match rel.split_once('/') {
        Some((ns, local)) => format!("{ns}:{local}"),
        None => format!("{rel}:"),
    }
}

fn parent_of(rel: &str) -> Option<&str> {
    rel.rsplit_once('/').map(|(p, _)| p)
}

/// Whether `rel` is the tag at `ancestor` or a tag below it.
pub(crate) fn within(rel: &str, ancestor: &str) -> bool {
    rel == ancestor || rel.starts_with(&format!("{ancestor}/"))
}

/// The Sites pages that hold tags: by page path (`/content/wknd/en/adventures`), the ids its
/// `jcr:content/cq:tags` holds.
#[derive(Debug, Clone, Default)]
pub(crate) struct Pages {
    tagged: BTreeMap<String, Vec<String>>,
}

impl Pages {
    /// Sets a page's `cq:tags` (none: the page holds no tag), as an author's page properties
    /// would.
    pub(crate) fn set(&mut self, path: &str, tags: Vec<String>) {
        if tags.is_empty() {
            self.tagged.remove(path);
        } else {
            self.tagged.insert(path.to_owned(), tags);
        }
    }

    /// The pages holding the tag at `rel` (below the root) or a tag below it, as AEM finds
    /// tagged content; an id held in path form (`/content/cq:tags/ns/a`) counts as the id it
    /// names.
    pub(crate) fn using(&self, rel: &str) -> Vec<&str> {
        self.tagged
            .iter()
            .filter(|(_, tags)| {
                tags.iter()
                    .filter_map(|t| relative_path(t))
                    .any(|held| within(&held, rel))
            })
            .map(|(path, _)| path.as_str())
            .collect()
    }
}

impl Taxonomy {
    /// The seeded taxonomy: two namespaces, English titles, most with a French title and some
    /// with a description.
    pub(crate) fn seeded() -> Self {
        let seed: &[(&str, &str, Option<&str>, Option<&str>)] = &[
            ("wknd-shared", "WKND Shared", Some("WKND partagé"), None),
            (
                "wknd-shared/activity",
                "Activity",
                Some("Activité"),
                Some("What people do in the picture"),
            ),
            (
                "wknd-shared/activity/surfing",
                "Surfing",
                Some("Surf"),
                None,
            ),
            (
                "wknd-shared/activity/cycling",
                "Cycling",
                Some("Cyclisme"),
                None,
            ),
            (
                "wknd-shared/activity/rock-climbing",
                "Rock Climbing",
                Some("Escalade"),
                None,
            ),
            ("wknd-shared/season", "Season", Some("Saison"), None),
            (
                "wknd-shared/season/summer",
                "Summer",
                Some("Été"),
                Some("June to August"),
            ),
            ("wknd-shared/season/winter", "Winter", Some("Hiver"), None),
            (
                "properties",
                "Standard Tags",
                Some("Balises standard"),
                None,
            ),
            (
                "properties/orientation",
                "Orientation",
                Some("Orientation"),
                None,
            ),
            (
                "properties/orientation/portrait",
                "Portrait",
                Some("Portrait"),
                None,
            ),
            (
                "properties/orientation/landscape",
                "Landscape",
                Some("Paysage"),
                None,
            ),
        ];
        let nodes = seed
            .iter()
            .map(|(rel, title, fr, description)| {
                let mut props = Map::new();
                props.insert("jcr:title".into(), json!(title));
                if let Some(fr) = fr {
                    props.insert("jcr:title.fr".into(), json!(fr));
                }
                if let Some(d) = description {
                    props.insert("jcr:description".into(), json!(d));
                }
                ((*rel).to_owned(), TagNode::tag(props))
            })
            .collect();
        Self {
            nodes,
            pages: Pages::default(),
        }
    }

    /// The node at a path below the root.
    #[cfg(test)]
    pub(crate) fn node(&self, rel: &str) -> Option<&TagNode> {
        self.nodes.get(rel)
    }

    /// The names of a node's children (the root's where `rel` is empty).
    fn children(&self, rel: &str) -> Vec<String> {
        let prefix = if rel.is_empty() {
            String::new()
        } else {
            format!("{rel}/")
        };
        self.nodes
            .range(prefix.clone()..)
            .take_while(|(k, _)| k.starts_with(&prefix))
            .map(|(k, _)| &k[prefix.len()..])
            .filter(|name| !name.contains('/'))
            .map(str::to_owned)
            .collect()
    }

    /// Sling's JSON of the root (`rel` empty) or a node, with `depth` levels of children
    /// (`i64::MAX` for `infinity`); `None` where no node is.
    pub(crate) fn render(&self, rel: &str, depth: i64) -> Option<Value> {
        let mut out = Map::new();
        if rel.is_empty() {
            out.insert("jcr:primaryType".into(), json!("sling:Folder"));
        } else {
            let node = self.nodes.get(rel)?;
            out.insert("jcr:primaryType".into(), json!(node.primary_type));
            out.extend(node.props.clone());
        }
        if depth > 0 {
            for name in self.children(rel) {
                let child = if rel.is_empty() {
                    name.clone()
                } else {
                    format!("{rel}/{name}")
                };
                if let Some(v) = self.render(&child, depth - 1) {
                    out.insert(name, v);
                }
            }
        }
        Some(Value::Object(out))
    }

    /// `createTag`: the tag at `rel` with its title and description. Missing parents are
    /// created with their names as titles, as AEM's tag manager does.
    pub(crate) fn create(
        &mut self,
        rel: &str,
        title: Option<&str>,
        description: Option<&str>,
    ) -> Result<(), Refusal> {
        if self.nodes.get(rel).is_some_and(TagNode::is_tag) {
            return Err(refuse(409, format!("Tag already exists: {}", id_of(rel))));
        }
        let mut missing = Vec::new();
        let mut up = parent_of(rel);
        while let Some(p) = up {
            if self.nodes.get(p).is_some_and(TagNode::is_tag) {
                break;
            }
            missing.push(p.to_owned());
            up = parent_of(p);
        }
        for p in missing {
            let name = p.rsplit('/').next().unwrap_or(&p).to_owned();
            let mut props = Map::new();
            props.insert("jcr:title".into(), json!(name));
            self.nodes.insert(p, TagNode::tag(props));
        }
        let mut props = Map::new();
        let name = rel.rsplit('/').next().unwrap_or(rel);
        props.insert("jcr:title".into(), json!(title.unwrap_or(name)));
        if let Some(d) = description.filter(|d| !d.is_empty()) {
            props.insert("jcr:description".into(), json!(d));
        }
        self.nodes.insert(rel.to_owned(), TagNode::tag(props));
        Ok(())
    }

    fn existing_tag(&self, rel: &str) -> Result<&TagNode, Refusal> {
        self.nodes
            .get(rel)
            .filter(|n| n.is_tag())
            .ok_or_else(|| refuse(404, format!("Tag not found: {}", id_of(rel))))
    }

    /// `deleteTag`: the tag and everything below it. Content that holds it keeps its id.
    pub(crate) fn delete(&mut self, rel: &str) -> Result<(), Refusal> {
        self.existing_tag(rel)?;
        self.nodes.retain(|k, _| !within(k, rel));
        Ok(())
    }

    /// `moveTag`: the tag and its children go to `dest`, which must not exist; each old node
    /// stays as a stub pointing at its new place.
    pub(crate) fn move_to(&mut self, rel: &str, dest: &str) -> Result<(), Refusal> {
        if self.existing_tag(rel)?.moved() {
            return Err(refuse(
                409,
                format!("Tag was already moved: {}", id_of(rel)),
            ));
        }
        if self.nodes.get(dest).is_some_and(TagNode::is_tag) {
            return Err(refuse(409, format!("Tag already exists: {}", id_of(dest))));
        }
        if within(dest, rel) {
            return Err(refuse(400, "A tag cannot be moved below itself"));
        }
        if let Some(p) = parent_of(dest) {
            self.create_parents(p);
        }
        self.relocate(rel, dest);
        Ok(())
    }

    /// `mergeTag`: the tag (and its children) merged into the existing `dest`; the old nodes
    /// stay as stubs pointing at it.
    pub(crate) fn merge_into(&mut self, rel: &str, dest: &str) -> Result<(), Refusal> {
        if self.existing_tag(rel)?.moved() {
            return Err(refuse(
                409,
                format!("Tag was already moved: {}", id_of(rel)),
            ));
        }
        self.existing_tag(dest)?;
        if within(dest, rel) {
            return Err(refuse(
                400,
                "A tag cannot be merged into itself or its children",
            ));
        }
        self.relocate(rel, dest);
        Ok(())
    }

    fn create_parents(&mut self, rel: &str) {
        if !self.nodes.get(rel).is_some_and(TagNode::is_tag) {
            let _ = self.create(rel, None, None);
        }
    }

    /// Moves every live node of `rel`'s subtree to the same place under `dest` (kept where
    /// one is already there), leaving `cq:movedTo` stubs and `cq:backlinks`.
    fn relocate(&mut self, rel: &str, dest: &str) {
        let subtree: Vec<(String, TagNode)> = self
            .nodes
            .iter()
            .filter(|(k, n)| within(k, rel) && n.is_tag() && !n.moved())
            .map(|(k, n)| (k.clone(), n.clone()))
            .collect();
        for (old, node) in subtree {
            let new = format!("{dest}{}", &old[rel.len()..]);
            let target = self.nodes.entry(new.clone()).or_insert_with(|| {
                let mut props = node.props.clone();
                props.remove("cq:backlinks");
                props.remove("cq:lastReplicated");
                props.remove("cq:lastReplicationAction");
                TagNode::tag(props)
            });
            let backlinks = target
                .props
                .entry("cq:backlinks")
                .or_insert_with(|| json!([]));
            if let Some(list) = backlinks.as_array_mut() {
                list.push(json!(format!("{TAGS_ROOT}/{old}")));
            }
            let mut stub = Map::new();
            stub.insert("cq:movedTo".into(), json!(format!("{TAGS_ROOT}/{new}")));
            if let Some(t) = node.props.get("jcr:title") {
                stub.insert("jcr:title".into(), t.clone());
            }
            self.nodes.insert(old, TagNode::tag(stub));
        }
    }

    /// `activateTag` / `deactivateTag`: the tag's own publication.
    pub(crate) fn replicate(
        &mut self,
        rel: &str,
        activate: bool,
        now: &str,
    ) -> Result<(), Refusal> {
        let node = self
            .nodes
            .get_mut(rel)
            .filter(|n| n.is_tag())
            .ok_or_else(|| refuse(404, format!("Tag not found: {}", id_of(rel))))?;
        node.props.insert("cq:lastReplicated".into(), json!(now));
        node.props.insert(
            "cq:lastReplicationAction".into(),
            json!(if activate { "Activate" } else { "Deactivate" }),
        );
        Ok(())
    }

    /// A Sling POST to a node below the root: properties set (`None` removes). Where no node
    /// is, Sling creates a plain one (not a tag), as it does anywhere.
    pub(crate) fn set_properties(&mut self, rel: &str, changes: Vec<(String, Option<Value>)>) {
        let node = self.nodes.entry(rel.to_owned()).or_insert_with(|| TagNode {
            primary_type: "nt:unstructured",
            props: Map::new(),
        });
        for (name, value) in changes {
            match value {
                Some(v) => node.props.insert(name, v),
                None => node.props.remove(&name),
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_uses_a_tag_it_holds_or_one_below_it_by_id_or_path() {
        let mut pages = Pages::default();
        pages.set(
            "/content/wknd/en/a",
            vec!["wknd-shared:season/monsoon".into()],
        );
        pages.set(
            "/content/wknd/en/b",
            vec!["/content/cq:tags/wknd-shared/season/monsoon/heavy".into()],
        );
        pages.set(
            "/content/wknd/en/c",
            vec!["wknd-shared:season/monsoonal".into()],
        );
        assert_eq!(
            pages.using("wknd-shared/season/monsoon"),
            ["/content/wknd/en/a", "/content/wknd/en/b"]
        );
        pages.set("/content/wknd/en/a", Vec::new());
        assert_eq!(
            pages.using("wknd-shared/season/monsoon"),
            ["/content/wknd/en/b"]
        );
    }

    #[test]
    fn ids_and_paths_name_the_same_node() {
        assert_eq!(
            relative_path("wknd-shared:activity/surfing").as_deref(),
            Some("wknd-shared/activity/surfing")
        );
        assert_eq!(
            relative_path("/content/cq:tags/wknd-shared/activity").as_deref(),
            Some("wknd-shared/activity")
        );
        assert_eq!(relative_path("plain").as_deref(), Some("default/plain"));
        assert_eq!(relative_path("ns:").as_deref(), Some("ns"));
        assert_eq!(relative_path("/content/dam/x"), None);
        assert_eq!(relative_path("ns:a//b"), None);
        assert_eq!(
            id_of("wknd-shared/activity/surfing"),
            "wknd-shared:activity/surfing"
        );
        assert_eq!(id_of("ns"), "ns:");
    }

    #[test]
    fn a_move_leaves_a_stub_and_keeps_children() {
        let mut t = Taxonomy::seeded();
        t.move_to("wknd-shared/activity", "wknd-shared/sport")
            .unwrap();
        let stub = t.node("wknd-shared/activity/surfing").unwrap();
        assert_eq!(
            stub.props["cq:movedTo"],
            json!("/content/cq:tags/wknd-shared/sport/surfing")
        );
        let moved = t.node("wknd-shared/sport/surfing").unwrap();
        assert_eq!(moved.props["jcr:title.fr"], json!("Surf"));
        assert_eq!(
            moved.props["cq:backlinks"],
            json!(["/content/cq:tags/wknd-shared/activity/surfing"])
        );
        assert_eq!(
            t.move_to("wknd-shared/season", "wknd-shared/sport")
                .unwrap_err()
                .status,
            409
        );
    }

    #[test]
    fn a_merge_needs_its_target_and_never_goes_into_its_own_child() {
        let mut t = Taxonomy::seeded();
        assert_eq!(
            t.merge_into("wknd-shared/activity", "wknd-shared/activity/surfing")
                .unwrap_err()
                .status,
            400
        );
        assert_eq!(
            t.merge_into("wknd-shared/activity/surfing", "wknd-shared/nope")
                .unwrap_err()
                .status,
            404
        );
        t.merge_into(
            "wknd-shared/activity/surfing",
            "wknd-shared/activity/cycling",
        )
        .unwrap();
        assert!(t.node("wknd-shared/activity/surfing").unwrap().moved());
        let rendered = t.render("wknd-shared", 2).unwrap();
        assert_eq!(
            rendered["activity"]["surfing"]["cq:movedTo"],
            json!("/content/cq:tags/wknd-shared/activity/cycling")
        );
    }

    #[test]
    fn creating_makes_missing_parents_as_aem_does() {
        let mut t = Taxonomy::seeded();
        t.create("brand/colour/red", Some("Red"), None).unwrap();
        assert!(t.node("brand/colour").unwrap().is_tag());
        assert_eq!(
            t.create("brand/colour/red", None, None).unwrap_err().status,
            409
        );
    }
}
