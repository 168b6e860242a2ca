//! The seeded DAM: a deterministic folder tree with assets and content fragments, plus the writes
//! applied to it.
//!
//! Seeded values are never stored: an asset's base metadata is recomputed from `(seed, index)`
//! on each read and only writes are kept, so 100,000 assets cost a few megabytes and generate in
//! well under a second. HTTP shapes (Siren, OpenAPI, GraphQL) live in their own modules; this one
//! knows nothing about HTTP or auth.

mod binaries;
pub(crate) mod cf_models;
mod changes;
mod fragments;
mod ids;
mod kept;
mod lifecycle;
mod moves;
mod node;
mod publication;
mod tagged;
mod views;

pub(crate) use binaries::{Binary, Completion, FolderRefusal, refused_name};
pub(crate) use fragments::Target;
pub(crate) use ids::{parse_uuid, uuid_string};
pub(crate) use kept::{Agent, Edits, Moves, Replication, Tiers};
pub(crate) use node::Node;
pub(crate) use publication::ReplicationValue;

use std::collections::{BTreeMap, HashMap, HashSet};

use serde_json::{Map, Value, json};

/// Where the DAM starts, as in AEM.
pub const DAM_ROOT: &str = "/content/dam";

/// The first leaf folder is fixed whatever the seed, so docs and replays of Adobe's sample (which
/// uses this very folder) have a stable target.
pub const SAMPLE_FOLDER: &str = "/content/dam/wknd-shared/en/adventures/napa-wine-tasting";

const BRANDS: &[&str] = &[
    "wknd-shared",
    "northwind",
    "contoso-outdoor",
    "fabrikam",
    "globex",
    "initech",
    "umbrella",
    "stark-industries",
];
const LOCALES: &[&str] = &["en", "de", "fr", "ja"];
const SECTIONS: &[&str] = &[
    "adventures",
    "campaigns",
    "products",
    "lifestyle",
    "events",
    "press",
];
const ADJECTIVES: &[&str] = &[
    "alpine", "amber", "autumn", "bold", "bright", "coastal", "crimson", "desert", "dusky",
    "electric", "emerald", "frosty", "golden", "hidden", "island", "jade", "lunar", "misty",
    "northern", "ocean", "pacific", "quiet", "rustic", "sandy", "silver", "solar", "summer",
    "urban", "velvet", "wild", "winter", "zesty",
];
const NOUNS: &[&str] = &[
    "bay", "bike", "cabin", "canyon", "city", "coffee", "dunes", "festival", "forest", "garden",
    "harbor", "hike", "kayak", "lake", "market", "meadow", "mountain", "night", "orchard", "peak",
    "picnic", "reef", "river", "road", "ski", "skyline", "studio", "sunset", "surf", "trail",
    "valley", "vineyard",
];
const SUBJECTS: &[&str] = &[
    "outdoor",
    "travel",
    "lifestyle",
    "product",
    "people",
    "landscape",
    "food",
    "sport",
    "family",
    "summer",
    "winter",
    "campaign",
    "editorial",
    "adventure",
    "nature",
    "urban",
];
const RIGHTS: &[&str] = &[
    "© WKND Adventures",
    "Editorial use only",
    "Internal use only",
    "Licensed until 2027-12-31",
    "Royalty-free",
];
const CREATORS: &[&str] = &[
    "Adobe Photoshop 25.0 (Macintosh)",
    "Adobe Photoshop Lightroom Classic 13.1 (Windows)",
    "Adobe Illustrator 28.0",
    "Adobe InDesign 19.0",
];
const AUTHORS: &[&str] = &[
    "Jacob Wester",
    "Stacey Roswells",
    "Kumar Selvaraj",
    "Ayo Ogunseinde",
];
/// Every `FRAGMENT_EVERY`-th asset (offset 3, so the sample folder has one) is a content
/// fragment unless the sandbox is told otherwise (`SandboxConfig::with_fragment_every`).
pub const FRAGMENT_EVERY: usize = 25;
/// Leaf folders hold about this many assets unless the sandbox is told otherwise: more than
/// the default page of 20, so listing one needs paging.
pub const ASSETS_PER_FOLDER: usize = 40;
/// Seeded creation dates start here (2023-01-01T00:00:00Z) and advance an hour per asset.
const CREATED_BASE_MS: u64 = 1_672_531_200_000;

/// What kind of file a seeded asset is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Jpeg,
    Png,
    Tiff,
    Mp4,
    Pdf,
    ContentFragment,
}

impl Kind {
    pub(crate) fn mime(self) -> &'static str {
        match self {
            Kind::Jpeg => "image/jpeg",
            Kind::Png => "image/png",
            Kind::Tiff => "image/tiff",
            Kind::Mp4 => "video/mp4",
            Kind::Pdf => "application/pdf",
            Kind::ContentFragment => "text/html",
        }
    }
    fn extension(self) -> &'static str {
        match self {
            Kind::Jpeg => ".jpg",
            Kind::Png => ".png",
            Kind::Tiff => ".tif",
            Kind::Mp4 => ".mp4",
            Kind::Pdf => ".pdf",
            Kind::ContentFragment => "",
        }
    }
    /// The kind of a file uploaded under `name`, by its extension (AEM finds the MIME type the
    /// same way when the upload does not say).
    fn of_name(name: &str) -> Kind {
        let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
        match ext.as_deref() {
            Some("png") => Kind::Png,
            Some("tif" | "tiff") => Kind::Tiff,
            Some("mp4") => Kind::Mp4,
            Some("pdf") => Kind::Pdf,
            _ => Kind::Jpeg,
        }
    }
    fn is_image(self) -> bool {
        matches!(self, Kind::Jpeg | Kind::Png | Kind::Tiff)
    }
}

pub(crate) struct Folder {
    pub path: Box<str>,
    pub name: Box<str>,
    pub parent: Option<u32>,
    pub folders: Vec<u32>,
    pub assets: Vec<u32>,
    pub uuid: u128,
    pub props: BTreeMap<String, Value>,
}

pub(crate) struct Asset {
    pub folder: u32,
    pub name: Box<str>,
    pub uuid: u128,
    pub kind: Kind,
    pub size: u64,
    pub rev: u32,
    /// When the last write landed (ms since the epoch); `None` until the first write.
    pub modified_ms: Option<u64>,
    /// Writes on top of the seeded metadata; `Value::Null` marks a removed property.
    pub overrides: Option<BTreeMap<String, Value>>,
    /// Deleted by another user ([`Dam::remove_asset`]): in no folder, found by no path or id.
    pub removed: bool,
    /// When it was uploaded after the DAM was seeded (ms since the epoch; [`Dam::upload`]);
    /// `None` for a seeded asset. AEM's search index finds an upload only some time after it
    /// (`Faults::index_lag_secs`), while its folder's listing shows it at once.
    pub uploaded_ms: Option<u64>,
    /// Its last replication to each tier (`publication.rs`): what `jcr:content` says, and the
    /// copy of the metadata that tier serves.
    pub publication: Tiers,
    /// What a direct binary upload sent (`binaries.rs`); `None` for seeded assets and
    /// [`Dam::upload`]s, whose metadata is drawn from the seed.
    pub binary: Option<Binary>,
}

/// The whole repository state.
pub(crate) struct Dam {
    seed: u64,
    pub folders: Vec<Folder>,
    pub assets: Vec<Asset>,
    by_path: HashMap<Box<str>, Node>,
    by_uuid: HashMap<u128, Node>,
    /// Assets the seed made; those after them were uploaded ([`Dam::upload`]).
    seeded: usize,
    /// Folders the seed made; those after them were made through the Assets HTTP API.
    seeded_folders: usize,
    /// Every this many seeded assets, one is a content fragment.
    fragment_every: usize,
    /// Content fragments' changed fields, by asset (`fragments.rs`).
    fragment_edits: HashMap<u32, Edits>,
    /// When expiry dates count from (`lifecycle.rs`); `None`: no asset expires.
    lifecycle_epoch_ms: Option<u64>,
    /// The moves and renames since the seed (`moves.rs`).
    moves: Moves,
}

/// splitmix64: tiny, fast and stable forever, unlike `rand`'s `StdRng`, whose stream may change
/// between versions and would silently reshuffle every seeded DAM.
#[derive(Clone)]
pub(crate) struct Mix(u64);

impl Mix {
    pub(crate) fn new(seed: u64, stream: u64, index: u64) -> Self {
        let mut m = Mix(seed ^ stream.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let _ = m.next();
        m.0 ^= index.wrapping_mul(0xD1B5_4A32_D192_ED03);
        let _ = m.next();
        m
    }
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
    fn uuid(&mut self) -> u128 {
        let raw = (u128::from(self.next()) << 64) | u128::from(self.next());
        // RFC 4122 version 4, variant 1, like the UUIDs Oak assigns.
        (raw & !(0xF000u128 << 64) & !(0xC000u128 << 48)) | (0x4000u128 << 64) | (0x8000u128 << 48)
    }
}

fn title_case(slug: &str) -> String {
    slug.split('-')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

pub(crate) fn iso_ms(ms: u64) -> String {
    let t = time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    t.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_else(|_| "1970-01-01T00:00:00Z".to_owned())
}

impl Dam {
    /// Builds the tree for `assets` assets from `seed`, about `per_folder` in each leaf folder
    /// (the first leaf is always [`SAMPLE_FOLDER`], so `per_folder >= assets` puts every asset
    /// there), one in [`FRAGMENT_EVERY`] a content fragment. Same inputs, same tree, names and
    /// UUIDs.
    #[cfg(test)]
    pub(crate) fn generate(seed: u64, assets: usize, per_folder: usize) -> Self {
        Self::generate_with(seed, assets, per_folder, FRAGMENT_EVERY)
    }

    /// [`Dam::generate`] with one in `fragment_every` assets a content fragment (1: all).
    pub(crate) fn generate_with(
        seed: u64,
        assets: usize,
        per_folder: usize,
        fragment_every: usize,
    ) -> Self {
        let fragment_every = fragment_every.max(1);
        let leaves = assets.div_ceil(per_folder.max(1)).max(1);
        let slots = BRANDS.len() * LOCALES.len() * SECTIONS.len();
        let per_section = leaves.div_ceil(slots).max(8);
        let mut dam = Dam {
            seed,
            folders: Vec::with_capacity(leaves + leaves / 4 + 8),
            assets: Vec::with_capacity(assets),
            by_path: HashMap::with_capacity(assets + leaves * 2),
            by_uuid: HashMap::with_capacity(assets + leaves * 2),
            seeded: assets,
            seeded_folders: 0,
            fragment_every,
            fragment_edits: HashMap::new(),
            lifecycle_epoch_ms: None,
            moves: Moves::default(),
        };
        let mut rng = Mix::new(seed, 1, 0);
        let root = dam.add_folder(None, "dam", &mut rng);
        let mut used = HashSet::new();
        let mut leaf_ids = Vec::with_capacity(leaves);
        for leaf in 0..leaves {
            let slot = leaf / per_section;
            let section = SECTIONS[slot % SECTIONS.len()];
            let locale = LOCALES[(slot / SECTIONS.len()) % LOCALES.len()];
            let brand = BRANDS[(slot / (SECTIONS.len() * LOCALES.len())) % BRANDS.len()];
            // Past the 192 section slots the pattern repeats under numbered brands.
            let round = slot / slots;
            let brand = if round == 0 {
                brand.to_owned()
            } else {
                format!("{brand}-{round}")
            };
            let b = dam.child_folder(root, &brand, &mut rng);
            let l = dam.child_folder(b, locale, &mut rng);
            let s = dam.child_folder(l, section, &mut rng);
            let mut name = if leaf == 0 {
                "napa-wine-tasting".to_owned()
            } else {
                format!("{}-{}", rng.pick(ADJECTIVES), rng.pick(NOUNS))
            };
            if !used.insert((s, name.clone())) {
                name = format!("{name}-{leaf}");
                used.insert((s, name.clone()));
            }
            leaf_ids.push(dam.add_folder(Some(s), &name, &mut rng));
        }
        for (k, leaf) in (0..assets).map(|k| (k, leaf_ids[k * leaves / assets.max(1)])) {
            let mut r = Mix::new(seed, 2, k as u64);
            let kind = if k % fragment_every == 3 % fragment_every {
                Kind::ContentFragment
            } else {
                match r.below(20) {
                    0..=11 => Kind::Jpeg,
                    12..=14 => Kind::Png,
                    15 => Kind::Tiff,
                    16..=17 => Kind::Mp4,
                    _ => Kind::Pdf,
                }
            };
            let name = format!(
                "{}-{}-{k:05}{}",
                r.pick(ADJECTIVES),
                r.pick(NOUNS),
                kind.extension()
            );
            let size = match kind {
                Kind::ContentFragment => 2_000 + r.below(20_000) as u64,
                Kind::Mp4 => 5_000_000 + r.below(200_000_000) as u64,
                _ => 20_000 + r.below(25_000_000) as u64,
            };
            let uuid = r.uuid();
            let idx = dam.assets.len() as u32;
            let path = format!("{}/{}", dam.folders[leaf as usize].path, name);
            dam.assets.push(Asset {
                folder: leaf,
                name: name.into_boxed_str(),
                uuid,
                kind,
                size,
                rev: 0,
                modified_ms: None,
                overrides: None,
                removed: false,
                uploaded_ms: None,
                publication: Tiers::default(),
                binary: None,
            });
            dam.folders[leaf as usize].assets.push(idx);
            dam.by_path.insert(path.into_boxed_str(), Node::Asset(idx));
            dam.by_uuid.insert(uuid, Node::Asset(idx));
        }
        dam.seed_publications();
        dam.seeded_folders = dam.folders.len();
        dam
    }

    fn add_folder(&mut self, parent: Option<u32>, name: &str, rng: &mut Mix) -> u32 {
        let idx = self.folders.len() as u32;
        let path = match parent {
            Some(p) => format!("{}/{}", self.folders[p as usize].path, name),
            None => DAM_ROOT.to_owned(),
        };
        let uuid = rng.uuid();
        self.by_path
            .insert(path.clone().into_boxed_str(), Node::Folder(idx));
        self.by_uuid.insert(uuid, Node::Folder(idx));
        self.folders.push(Folder {
            path: path.into_boxed_str(),
            name: name.into(),
            parent,
            folders: Vec::new(),
            assets: Vec::new(),
            uuid,
            props: BTreeMap::new(),
        });
        if let Some(p) = parent {
            self.folders[p as usize].folders.push(idx);
        }
        idx
    }

    fn child_folder(&mut self, parent: u32, name: &str, rng: &mut Mix) -> u32 {
        let existing = self.folders[parent as usize]
            .folders
            .iter()
            .copied()
            .find(|f| &*self.folders[*f as usize].name == name);
        existing.unwrap_or_else(|| self.add_folder(Some(parent), name, rng))
    }

    /// Finds a node by its full repository path (`/content/dam/...`, no trailing slash).
    pub(crate) fn lookup(&self, path: &str) -> Option<Node> {
        let path = path.trim_end_matches('/');
        let path = if path.is_empty() { DAM_ROOT } else { path };
        self.by_path.get(path).copied()
    }

    pub(crate) fn lookup_uuid(&self, uuid: u128) -> Option<Node> {
        self.by_uuid.get(&uuid).copied()
    }

    pub(crate) fn asset_path(&self, idx: u32) -> String {
        let a = &self.assets[idx as usize];
        format!("{}/{}", self.folders[a.folder as usize].path, a.name)
    }

    pub(crate) fn folder_title(&self, idx: u32) -> String {
        let f = &self.folders[idx as usize];
        match f.props.get("jcr:title") {
            Some(Value::String(s)) => s.clone(),
            _ if f.parent.is_none() => "Assets".to_owned(),
            _ => title_case(&f.name),
        }
    }

    /// Every leaf folder (one holding assets), in tree order.
    pub(crate) fn leaf_folders(&self) -> Vec<String> {
        self.folders
            .iter()
            .filter(|f| !f.assets.is_empty())
            .map(|f| f.path.to_string())
            .collect()
    }

    /// A folder's children: sub-folders first, then assets, each in creation order.
    pub(crate) fn children(&self, folder: u32) -> impl Iterator<Item = Node> + '_ {
        let f = &self.folders[folder as usize];
        f.folders
            .iter()
            .map(|i| Node::Folder(*i))
            .chain(f.assets.iter().map(|i| Node::Asset(*i)))
    }

    /// A page of [`Dam::children`]: `limit` of them from `offset`, without walking the ones
    /// before (a listing of a folder of 100,000 assets stays linear).
    pub(crate) fn children_page(
        &self,
        folder: u32,
        offset: usize,
        limit: usize,
    ) -> impl Iterator<Item = Node> + '_ {
        let f = &self.folders[folder as usize];
        let folders = f.folders.get(offset..).unwrap_or_default();
        let skip_assets = offset.saturating_sub(f.folders.len());
        let assets = f.assets.get(skip_assets..).unwrap_or_default();
        folders
            .iter()
            .map(|i| Node::Folder(*i))
            .chain(assets.iter().map(|i| Node::Asset(*i)))
            .take(limit)
    }

    pub(crate) fn child_count(&self, folder: u32) -> usize {
        let f = &self.folders[folder as usize];
        f.folders.len() + f.assets.len()
    }

    pub(crate) fn created_ms(&self, idx: u32) -> u64 {
        CREATED_BASE_MS + u64::from(idx) * 3_600_000
    }

    /// `jcr:content/jcr:lastModified`: half an hour after creation until the first write, then
    /// the time of the last write.
    pub(crate) fn modified_ms(&self, idx: u32) -> u64 {
        self.assets[idx as usize]
            .modified_ms
            .unwrap_or_else(|| self.created_ms(idx) + 1_800_000)
    }

    /// The seeded metadata of an asset, before any write.
    fn base_metadata(&self, idx: u32) -> Map<String, Value> {
        let a = &self.assets[idx as usize];
        let mut r = Mix::new(self.seed, 3, u64::from(idx));
        let adj = r.pick(ADJECTIVES);
        let noun = r.pick(NOUNS);
        let mut m = Map::new();
        m.insert(
            "dc:title".into(),
            json!(format!("{} {}", title_case(adj), title_case(noun))),
        );
        m.insert(
            "dc:description".into(),
            json!(format!(
                "A {adj} {noun} shot for the {} collection.",
                r.pick(SUBJECTS)
            )),
        );
        let n_subjects = 1 + r.below(4);
        let mut subjects: Vec<&str> = Vec::with_capacity(n_subjects);
        while subjects.len() < n_subjects {
            let s = r.pick(SUBJECTS);
            if !subjects.contains(&s) {
                subjects.push(s);
            }
        }
        m.insert("dc:subject".into(), json!(subjects));
        // Some assets start without rights, so a bulk edit visibly adds them.
        if r.below(10) < 7 {
            m.insert("dc:rights".into(), json!(r.pick(RIGHTS)));
        }
        m.insert("dc:format".into(), json!(a.kind.mime()));
        m.insert("dam:size".into(), json!(a.size));
        m.insert(
            "dam:sha1".into(),
            json!(format!(
                "{:016x}{:016x}{:08x}",
                r.next(),
                r.next(),
                r.next() as u32
            )),
        );
        if a.kind.is_image() {
            let w = 800 + 400 * r.below(10) as u64;
            m.insert("tiff:ImageWidth".into(), json!(w));
            m.insert("tiff:ImageLength".into(), json!(w * 2 / 3));
            m.insert("xmp:CreatorTool".into(), json!(r.pick(CREATORS)));
        }
        // Drawn last, so every value above stays what it was before it existed. Most assets
        // carry their folder's locale, some AEM's label instead of its value ("English", which
        // the metadata schema's Language dropdown does not allow: `schemas.rs`), some none.
        if a.kind != Kind::ContentFragment {
            let locale = self.folders[a.folder as usize]
                .path
                .split('/')
                .nth(4)
                .filter(|l| LOCALES.contains(l))
                .unwrap_or("en");
            match r.below(10) {
                0..=5 => {
                    m.insert("dc:language".into(), json!(locale));
                }
                6 => {
                    m.insert("dc:language".into(), json!("English"));
                }
                _ => {}
            }
        }
        if a.kind == Kind::ContentFragment {
            m.insert("cq:model".into(), json!(self.fragment_model(idx).path()));
        }
        m.insert("xmp:CreateDate".into(), json!(iso_ms(self.created_ms(idx))));
        if let Some(tags) = self.seeded_tags(idx) {
            m.insert("cq:tags".into(), tags);
        }
        self.lifecycle_metadata(idx, &mut m);
        m
    }

    /// The current metadata (`jcr:content/metadata`) of an asset: seeded values plus writes.
    pub(crate) fn metadata(&self, idx: u32) -> Map<String, Value> {
        let mut m = self
            .extracted_metadata(idx)
            .unwrap_or_else(|| self.base_metadata(idx));
        if let Some(o) = &self.assets[idx as usize].overrides {
            for (k, v) in o.iter() {
                if v.is_null() {
                    m.remove(k);
                } else {
                    m.insert(k.clone(), v.clone());
                }
            }
        }
        m
    }

    /// Applies metadata writes (`None` removes) as one atomic change. Like AEM as a Cloud
    /// Service, it leaves `jcr:content/jcr:lastModified` as it was: that time moves on a new
    /// binary or a reprocessing, never on metadata updates (adobe-wire-next §1.1), so no check
    /// may tell a colleague's edit by it.
    pub(crate) fn apply(&mut self, idx: u32, changes: Vec<(String, Option<Value>)>) {
        let a = &mut self.assets[idx as usize];
        let o = a.overrides.get_or_insert_with(Default::default);
        for (k, v) in changes {
            o.insert(k, v.unwrap_or(Value::Null));
        }
        a.rev += 1;
    }

    pub(crate) fn apply_folder(&mut self, idx: u32, changes: Vec<(String, Option<Value>)>) {
        let f = &mut self.folders[idx as usize];
        for (k, v) in changes {
            match v {
                Some(v) => f.props.insert(k, v),
                None => f.props.remove(&k),
            };
        }
    }

    /// A strong ETag that changes with every write.
    pub(crate) fn etag(&self, idx: u32) -> String {
        let a = &self.assets[idx as usize];
        format!("\"{:08x}-{}\"", (a.uuid >> 96) as u32, a.rev)
    }

    /// The content fragments in tree order.
    pub(crate) fn fragments(&self) -> impl Iterator<Item = u32> + '_ {
        self.folders
            .iter()
            .flat_map(|f| f.assets.iter().copied())
            .filter(|i| self.assets[*i as usize].kind == Kind::ContentFragment)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_tree_other_seed_other_names() {
        let a = Dam::generate(7, 300, ASSETS_PER_FOLDER);
        let b = Dam::generate(7, 300, ASSETS_PER_FOLDER);
        let c = Dam::generate(8, 300, ASSETS_PER_FOLDER);
        assert_eq!(a.assets.len(), 300);
        assert_eq!(a.asset_path(17), b.asset_path(17));
        assert_eq!(a.assets[17].uuid, b.assets[17].uuid);
        assert_eq!(a.metadata(17), b.metadata(17));
        assert_ne!(a.assets[17].uuid, c.assets[17].uuid);
        assert_eq!(a.leaf_folders()[0], SAMPLE_FOLDER);
        assert_eq!(c.leaf_folders()[0], SAMPLE_FOLDER);
    }

    #[test]
    fn seeded_metadata_is_realistic() {
        let d = Dam::generate(1, 100, ASSETS_PER_FOLDER);
        let md = d.metadata(0);
        for key in ["dc:title", "dc:description", "dc:format", "dam:size"] {
            assert!(md.contains_key(key), "{key} missing");
        }
        assert!(md["dc:subject"].as_array().is_some_and(|s| !s.is_empty()));
        assert_eq!(d.assets[3].kind, Kind::ContentFragment);
        assert!(d.fragments().count() >= 4);
        assert!(d.lookup(SAMPLE_FOLDER).is_some());
        assert!(d.lookup(&d.asset_path(5)).is_some());
        let u = d.assets[5].uuid;
        assert_eq!(parse_uuid(&uuid_string(u)), Some(u));
        assert_eq!(d.lookup_uuid(u), Some(Node::Asset(5)));
    }

    #[test]
    fn writes_overlay_and_reset() {
        let mut d = Dam::generate(1, 50, ASSETS_PER_FOLDER);
        let before = d.etag(2);
        d.apply(
            2,
            vec![
                ("dc:rights".into(), Some(json!("X"))),
                ("dc:title".into(), None),
            ],
        );
        assert_eq!(d.metadata(2)["dc:rights"], json!("X"));
        assert!(!d.metadata(2).contains_key("dc:title"));
        assert_ne!(d.etag(2), before);
        d.reset();
        assert_eq!(d.etag(2), before);
        assert!(d.metadata(2).contains_key("dc:title"));
    }

    #[test]
    fn hundred_thousand_assets_have_unique_paths() {
        let d = Dam::generate(42, 100_000, ASSETS_PER_FOLDER);
        assert_eq!(d.assets.len(), 100_000);
        assert_eq!(d.by_path.len(), d.assets.len() + d.folders.len());
        assert!(
            d.folders
                .iter()
                .all(|f| f.assets.len() <= ASSETS_PER_FOLDER + 1)
        );
    }

    #[test]
    fn one_folder_can_hold_every_asset() {
        let d = Dam::generate(42, 5_000, 5_000);
        let Some(Node::Folder(f)) = d.lookup(SAMPLE_FOLDER) else {
            panic!("the sample folder exists");
        };
        assert_eq!(d.folders[f as usize].assets.len(), 5_000);
        assert_eq!(d.by_path.len(), d.assets.len() + d.folders.len());
    }
}
