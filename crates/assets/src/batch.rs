//! Checks and writes of many assets in one request each, on the classic path
//! (<https://experienceleague.adobe.com/en/docs/experience-manager-cloud-service/content/implementing/developing/full-stack/search/query-builder-predicates>,
//! <https://sling.apache.org/documentation/bundles/manipulating-content-the-slingpostservlet-servlets-post.html>):
//! the current values of a batch's edited properties from one QueryBuilder request (a group of
//! exact paths, selective hits), and the batch's writes in one Sling POST on the assets' folder
//! (`./<name>/jcr:content/metadata/<prop>`), whose answer's `changes` are checked against what
//! was sent.
//!
//! Not here: which assets go in a batch, comparing values, journaling or falling back to
//! per-asset writes (the engine's), nor sending (`classic.rs`).

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

use crate::Write;
use crate::search::hit_path;

/// The longest query string a check sends (Jetty refuses request lines over 8 KB on AEM 6.x;
/// AEM as a Cloud Service's limit is UNCONFIRMED; the rest of the line and the headers' margin
/// stay under it).
pub const MAX_CHECK_QUERY: usize = 7_000;

/// The most parameters a batch write sends: AEM ignores those past 10,000 without saying so,
/// so a batch stays far below
/// (<https://experienceleague.adobe.com/en/docs/experience-manager-cloud-service/content/assets/manage/manage-metadata>).
pub const MAX_WRITE_PARAMETERS: usize = 2_000;

/// The longest batch form, in bytes: under the 200,000 bytes servlet containers accept in a
/// form by default (Jetty's `maxFormContentSize`; AEM as a Cloud Service's own limit is
/// UNCONFIRMED).
pub const MAX_WRITE_FORM_BYTES: usize = 190_000;

/// The relative path of a property on an asset's metadata node.
fn metadata_rel(property: &str) -> String {
    format!("jcr:content/metadata/{property}")
}

/// The query of one check: `paths` by exact path, the `properties` of each as selective hits.
pub fn check_query(paths: &[&str], properties: &[String]) -> Vec<(String, String)> {
    let mut params = vec![("group.p.or".to_owned(), "true".to_owned())];
    for (n, path) in paths.iter().enumerate() {
        params.push((format!("group.{}_path", n + 1), (*path).to_owned()));
        params.push((format!("group.{}_path.exact", n + 1), "true".to_owned()));
    }
    let mut wanted = vec!["jcr:path".to_owned()];
    wanted.extend(properties.iter().map(|p| metadata_rel(p)));
    params.push(("p.limit".to_owned(), paths.len().max(1).to_string()));
    params.push(("p.hits".to_owned(), "selective".to_owned()));
    params.push(("p.properties".to_owned(), wanted.join(" ")));
    params
}

/// The length of `params` as a query string.
pub fn query_len(params: &[(String, String)]) -> usize {
    url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(params)
        .finish()
        .len()
}

/// How many of `paths` (from the first) one check can ask for under [`MAX_CHECK_QUERY`]: at
/// least one.
pub fn fits_in_check(paths: &[&str], properties: &[String]) -> usize {
    let (mut low, mut high) = (1, paths.len());
    while low < high {
        let mid = (low + high).div_ceil(2);
        if query_len(&check_query(&paths[..mid], properties)) <= MAX_CHECK_QUERY {
            low = mid;
        } else {
            high = mid - 1;
        }
    }
    low.min(paths.len())
}

/// What one check found: each asset's values of the properties asked for, by path.
pub type Checked = HashMap<String, Map<String, Value>>;

/// The most hits a check of folders asks for: Adobe advises `p.limit` "ideally 1000 or
/// below" (an unbounded one risks the traversal stop).
pub const MAX_FOLDER_CHECK_HITS: usize = 1_000;

/// The QueryBuilder conditions for the assets directly in any of `folders` (an OR of
/// `path.flat` groups): the part every check of folders shares.
pub(crate) fn assets_directly_in(folders: &[&str]) -> Vec<(String, String)> {
    let mut params = vec![
        ("type".to_owned(), "dam:Asset".to_owned()),
        ("group.p.or".to_owned(), "true".to_owned()),
    ];
    for (n, folder) in folders.iter().enumerate() {
        params.push((format!("group.{}_path", n + 1), (*folder).to_owned()));
        params.push((format!("group.{}_path.flat", n + 1), "true".to_owned()));
    }
    params
}

/// The query of one check of whole folders: every asset directly in `folders` (`path.flat`,
/// `type=dam:Asset`), the `properties` of each as selective hits, at most `limit` of them. One
/// request for several small folders where exact paths would need one per few dozen assets.
pub fn folder_check_query(
    folders: &[&str],
    properties: &[String],
    limit: usize,
) -> Vec<(String, String)> {
    let mut params = assets_directly_in(folders);
    let mut wanted = vec!["jcr:path".to_owned()];
    wanted.extend(properties.iter().map(|p| metadata_rel(p)));
    params.push(("p.limit".to_owned(), limit.max(1).to_string()));
    params.push(("p.hits".to_owned(), "selective".to_owned()));
    params.push(("p.properties".to_owned(), wanted.join(" ")));
    params
}

/// How many of `folders` (from the first) one check of folders can ask for under
/// [`MAX_CHECK_QUERY`]: at least one.
pub fn fits_in_folder_check(folders: &[&str], properties: &[String]) -> usize {
    let (mut low, mut high) = (1, folders.len());
    while low < high {
        let mid = (low + high).div_ceil(2);
        let query = folder_check_query(&folders[..mid], properties, MAX_FOLDER_CHECK_HITS);
        if query_len(&query) <= MAX_CHECK_QUERY {
            low = mid;
        } else {
            high = mid - 1;
        }
    }
    low.min(folders.len())
}

/// What one check of folders found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FolderCheck {
    /// The values of every asset the index found in the folders, by path.
    pub found: Checked,
    /// Whether that is every asset the index holds there: fewer hits than the limit and no
    /// more said. When not, a path missing from `found` may just be past the limit.
    pub complete: bool,
}

/// What a check of folders with `limit` answered (`hits`, the `total` and `more` it said).
pub fn folder_check_of(hits: &[Value], total: u64, more: bool, limit: usize) -> FolderCheck {
    FolderCheck {
        found: checked_values(hits),
        complete: hits.len() < limit && !more && total <= hits.len() as u64,
    }
}

/// The metadata each hit carries, by path: exactly the properties asked for (an absent one is
/// not set). A path not in the map was not found, which says nothing: the index may lag.
pub fn checked_values(hits: &[Value]) -> Checked {
    hits.iter()
        .filter_map(|hit| {
            let path = hit_path(hit)?.to_owned();
            let metadata = hit
                .pointer("/jcr:content/metadata")
                .and_then(Value::as_object)
                .cloned()
                .unwrap_or_default();
            Some((path, metadata))
        })
        .collect()
}

/// One asset's part of a batch write.
#[derive(Debug, Clone, PartialEq)]
pub struct AssetWrite {
    /// The asset's name in the folder the batch is posted to.
    pub name: String,
    pub writes: Vec<Write>,
    /// The values the check just read, so an append or a removal on a multi-valued property
    /// can be sent as a `@Patch` (a value another user adds meanwhile is kept).
    pub checked: Map<String, Value>,
}

/// Whether a batch write can say `value` exactly: not an empty list (a Sling form has no
/// empty multi-value; such an asset is written on its own) nor a nested value.
pub fn expressible(value: Option<&Value>) -> bool {
    let scalar = |v: &Value| matches!(v, Value::String(_) | Value::Number(_) | Value::Bool(_));
    match value {
        None | Some(Value::Null) => true,
        Some(Value::Array(items)) => {
            !items.is_empty() && items.iter().all(scalar) && same_kind(items).is_some()
        }
        Some(v) => scalar(v),
    }
}

/// The type hint of a list's values, when they share one.
fn same_kind(items: &[Value]) -> Option<&'static str> {
    let kinds: HashSet<&'static str> = items.iter().map(type_hint).collect();
    (kinds.len() == 1).then(|| kinds.into_iter().next().unwrap_or("String"))
}

fn type_hint(v: &Value) -> &'static str {
    match v {
        Value::Number(n) if n.is_i64() || n.is_u64() => "Long",
        Value::Number(_) => "Double",
        Value::Bool(_) => "Boolean",
        _ => "String",
    }
}

fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// `after` as `+`/`-` patches of `before` when it only appends distinct new values to it or
/// only removes some of its values, order kept; `None` otherwise.
fn patch_of(before: Option<&Value>, after: &[Value]) -> Option<Vec<String>> {
    let before: &[Value] = match before {
        Some(Value::Array(b)) if !b.is_empty() => b,
        _ => return None,
    };
    let distinct = |v: &[Value]| v.iter().enumerate().all(|(i, x)| !v[..i].contains(x));
    if !distinct(before) || !distinct(after) {
        return None;
    }
    if after.len() > before.len() && after.starts_with(before) {
        let added = &after[before.len()..];
        return (!added.iter().any(|a| before.contains(a)))
            .then(|| added.iter().map(|v| format!("+{}", text(v))).collect());
    }
    let kept: Vec<&Value> = before.iter().filter(|b| after.contains(b)).collect();
    if after.len() < before.len() && kept.len() == after.len() && kept.iter().copied().eq(after) {
        return Some(
            before
                .iter()
                .filter(|b| !after.contains(b))
                .map(|v| format!("-{}", text(v)))
                .collect(),
        );
    }
    None
}

/// The name/value pairs of one asset's writes in a batch form, in order: what Sling counts
/// against its cap.
fn asset_pairs(asset: &AssetWrite, mut pair: impl FnMut(&str, &str)) {
    for w in &asset.writes {
        let name = format!("./{}/{}", asset.name, metadata_rel(&w.property));
        match &w.value {
            None | Some(Value::Null) => pair(&format!("{name}@Delete"), ""),
            Some(Value::Array(items)) => {
                let hint = same_kind(items).unwrap_or("String");
                match patch_of(asset.checked.get(&w.property), items) {
                    Some(patches) => {
                        for p in &patches {
                            pair(&name, p);
                        }
                        pair(&format!("{name}@Patch"), "true");
                    }
                    None => {
                        for item in items {
                            pair(&name, &text(item));
                        }
                    }
                }
                pair(&format!("{name}@TypeHint"), &format!("{hint}[]"));
            }
            Some(v) => {
                pair(&name, &text(v));
                let hint = type_hint(v);
                if hint != "String" {
                    pair(&format!("{name}@TypeHint"), hint);
                }
            }
        }
    }
}

/// The form of a batch write (`application/x-www-form-urlencoded`), and how many parameters
/// it holds.
pub fn write_form(assets: &[AssetWrite]) -> (String, usize) {
    let mut form = url::form_urlencoded::Serializer::new(String::new());
    form.append_pair("_charset_", "utf-8");
    let mut count = 1;
    for asset in assets {
        asset_pairs(asset, |k, v| {
            form.append_pair(k, v);
            count += 1;
        });
    }
    (form.finish(), count)
}

/// Exactly what one asset adds to a batch form: its parameters and their encoded length
/// (with the `&` before each), as [`write_form`] sends them against the values `checked`.
pub fn form_share(asset: &AssetWrite) -> (usize, usize) {
    let (mut count, mut bytes) = (0, 0);
    asset_pairs(asset, |k, v| {
        count += 1;
        bytes += 2
            + url::form_urlencoded::byte_serialize(k.as_bytes())
                .map(str::len)
                .sum::<usize>()
            + url::form_urlencoded::byte_serialize(v.as_bytes())
                .map(str::len)
                .sum::<usize>();
    });
    (count, bytes)
}

/// Whether a form of assets adding up to `parameters` and `bytes` (as [`form_share`] counts
/// them) stays within what one batch POST may carry.
pub fn form_fits(parameters: usize, bytes: usize) -> bool {
    // `_charset_=utf-8` is the form's first pair (15 bytes).
    parameters < MAX_WRITE_PARAMETERS && bytes + 15 <= MAX_WRITE_FORM_BYTES
}

/// What a batch write's answer says, per asset.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Written {
    /// The paths of the assets whose every property sent the answer lists as modified or
    /// deleted.
    pub changed: HashSet<String>,
    /// Asset path → the node Sling says it *created* under it: a node that did not exist (a
    /// path AEM spells otherwise), so the asset was not changed as planned.
    pub created: HashMap<String, String>,
    /// Nodes Sling says it created under no asset of the batch: the commit did something the
    /// batch did not ask for, so none of its assets can be taken as changed as planned.
    pub stray: Vec<String>,
}

/// Reads Sling's answer to a batch posted to `folder`: every property sent must be listed as
/// modified or deleted. A node it says it *created* is a path that held no node: the asset it
/// lies under failed (never "changed"); one under no asset of the batch is [`Written::stray`].
pub fn confirmed(folder: &str, assets: &[AssetWrite], answer: &Value) -> Written {
    let changes = answer
        .get("changes")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    let folder = folder.trim_end_matches('/');
    let asset_path = |a: &AssetWrite| format!("{folder}/{}", a.name);
    let mut listed: HashSet<&str> = HashSet::new();
    let mut created = HashMap::new();
    let mut stray = Vec::new();
    for change in changes {
        let kind = change.get("type").and_then(Value::as_str);
        let Some(argument) = change.get("argument").and_then(Value::as_str) else {
            continue;
        };
        match kind {
            Some("modified" | "deleted") => {
                listed.insert(argument);
            }
            Some("created") => {
                let under = assets.iter().map(asset_path).find(|path| {
                    argument == path
                        || argument
                            .strip_prefix(path.as_str())
                            .is_some_and(|rest| rest.starts_with('/'))
                });
                match under {
                    Some(path) => {
                        created.entry(path).or_insert_with(|| argument.to_owned());
                    }
                    None => stray.push(argument.to_owned()),
                }
            }
            _ => {}
        }
    }
    let changed = assets
        .iter()
        .filter(|a| {
            stray.is_empty()
                && !created.contains_key(&asset_path(a))
                && a.writes.iter().all(|w| {
                    let path = format!("{}/{}", asset_path(a), metadata_rel(&w.property));
                    listed.contains(path.as_str())
                })
        })
        .map(asset_path)
        .collect();
    Written {
        changed,
        created,
        stray,
    }
}

/// The `status.message` of a Sling POST answer.
pub(crate) fn sling_detail(body: &Value) -> Option<String> {
    body.get("status.message")
        .and_then(Value::as_str)
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn w(p: &str, v: Option<Value>) -> Write {
        Write {
            property: p.into(),
            value: v,
        }
    }

    #[test]
    fn a_check_of_folders_cut_at_its_limit_is_not_complete() {
        let hit = |p: &str| json!({"jcr:path": p, "jcr:content": {"metadata": {"dc:rights": "x"}}});
        let hits = [hit("/content/dam/a/x.jpg"), hit("/content/dam/b/y.jpg")];
        let all = folder_check_of(&hits, 2, false, 3);
        assert!(all.complete);
        assert_eq!(all.found["/content/dam/b/y.jpg"]["dc:rights"], json!("x"));
        assert!(
            !folder_check_of(&hits, 2, false, 2).complete,
            "as many as the limit"
        );
        assert!(
            !folder_check_of(&hits, 5, false, 3).complete,
            "a larger total"
        );
        assert!(!folder_check_of(&hits, 2, true, 3).complete, "more said");
        let query = folder_check_query(&["/content/dam/a", "/content/dam/b"], &[], 7);
        for pair in [
            ("type", "dam:Asset"),
            ("group.p.or", "true"),
            ("group.2_path", "/content/dam/b"),
            ("group.2_path.flat", "true"),
            ("p.limit", "7"),
        ] {
            assert!(
                query.contains(&(pair.0.to_owned(), pair.1.to_owned())),
                "{pair:?}"
            );
        }
        let many: Vec<String> = (0..200)
            .map(|k| format!("/content/dam/folder-{k:03}"))
            .collect();
        let refs: Vec<&str> = many.iter().map(String::as_str).collect();
        let n = fits_in_folder_check(&refs, &["dc:rights".to_owned()]);
        assert!(n > 10 && n < 200, "{n}");
        let fitting = folder_check_query(&refs[..n], &["dc:rights".to_owned()], 1000);
        assert!(query_len(&fitting) <= MAX_CHECK_QUERY);
    }

    #[test]
    fn a_check_names_each_path_exactly_and_stays_under_the_url_limit() {
        let props = vec!["dc:rights".to_owned()];
        let q = check_query(&["/content/dam/a b.jpg", "/content/dam/c.png"], &props);
        let get = |k: &str| q.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
        assert_eq!(get("group.p.or"), Some("true"));
        assert_eq!(get("group.2_path"), Some("/content/dam/c.png"));
        assert_eq!(get("group.2_path.exact"), Some("true"));
        assert_eq!(get("p.hits"), Some("selective"));
        assert_eq!(
            get("p.properties"),
            Some("jcr:path jcr:content/metadata/dc:rights")
        );
        let long: Vec<String> = (0..500)
            .map(|n| format!("/content/dam/some/deep/folder/asset-number-{n}.jpg"))
            .collect();
        let refs: Vec<&str> = long.iter().map(String::as_str).collect();
        let n = fits_in_check(&refs, &props);
        assert!(n > 10 && n < 500, "{n}");
        assert!(query_len(&check_query(&refs[..n], &props)) <= MAX_CHECK_QUERY);
        assert!(query_len(&check_query(&refs[..n + 1], &props)) > MAX_CHECK_QUERY);
    }

    #[test]
    fn forms_use_type_hints_delete_and_patch() {
        let checked: Map<String, Value> =
            serde_json::from_value(json!({"cq:tags": ["a", "b"], "dc:subject": ["x", "y"]}))
                .unwrap();
        let assets = [AssetWrite {
            name: "é 1.jpg".into(),
            writes: vec![
                w("dc:title", Some(json!("T"))),
                w("dc:rights", None),
                w("cq:tags", Some(json!(["a", "b", "c"]))),
                w("dc:subject", Some(json!(["y"]))),
                w("dc:one", Some(json!(["only"]))),
                w("xmp:Rating", Some(json!(3))),
            ],
            checked,
        }];
        let (form, count) = write_form(&assets);
        let pairs: Vec<(String, String)> = url::form_urlencoded::parse(form.as_bytes())
            .into_owned()
            .collect();
        assert_eq!(pairs.len(), count);
        let p = |k: &str, v: &str| (format!("./é 1.jpg/jcr:content/metadata/{k}"), v.to_owned());
        assert_eq!(pairs[0], ("_charset_".into(), "utf-8".into()));
        for expected in [
            p("dc:title", "T"),
            p("dc:rights@Delete", ""),
            p("cq:tags", "+c"),
            p("cq:tags@Patch", "true"),
            p("cq:tags@TypeHint", "String[]"),
            p("dc:subject", "-x"),
            p("dc:subject@Patch", "true"),
            p("dc:one", "only"),
            p("dc:one@TypeHint", "String[]"),
            p("xmp:Rating", "3"),
            p("xmp:Rating@TypeHint", "Long"),
        ] {
            assert!(pairs.contains(&expected), "{expected:?} in {pairs:?}");
        }
        assert!(!expressible(Some(&json!([]))));
        assert!(expressible(None));
        assert!(!expressible(Some(&json!([{"a": 1}]))));
    }

    /// A removal from a long list takes a parameter per removed value: the share of each asset
    /// is what the form holds. Seen failing with the old count (`items + 2`: 12 for 120 sent).
    #[test]
    fn each_assets_share_is_exactly_what_the_form_sends() {
        let before: Vec<String> = (0..120).map(|n| format!("s{n:03}")).collect();
        let checked: Map<String, Value> =
            serde_json::from_value(json!({"dc:subject": before})).unwrap();
        let assets: Vec<AssetWrite> = (0..3)
            .map(|n| AssetWrite {
                name: format!("a{n}.jpg"),
                writes: vec![
                    w("dc:subject", Some(json!(before[110..]))),
                    w("dc:title", Some(json!("T"))),
                    w("xmp:Rating", Some(json!(4))),
                ],
                checked: checked.clone(),
            })
            .collect();
        let (form, count) = write_form(&assets);
        let shares: Vec<(usize, usize)> = assets.iter().map(form_share).collect();
        assert_eq!(shares[0].0, 110 + 1 + 1 + 1 + 2, "{shares:?}");
        assert_eq!(count, 1 + shares.iter().map(|s| s.0).sum::<usize>());
        assert_eq!(
            form.len(),
            "_charset_=utf-8".len() + shares.iter().map(|s| s.1).sum::<usize>()
        );
        assert!(form_fits(MAX_WRITE_PARAMETERS - 1, 10));
        assert!(!form_fits(MAX_WRITE_PARAMETERS, 10));
        assert!(!form_fits(10, MAX_WRITE_FORM_BYTES));
    }

    #[test]
    fn the_answer_must_list_every_property_sent() {
        let assets = vec![
            AssetWrite {
                name: "a.jpg".into(),
                writes: vec![w("dc:rights", Some(json!("R"))), w("dc:title", None)],
                checked: Map::new(),
            },
            AssetWrite {
                name: "b.jpg".into(),
                writes: vec![w("dc:rights", Some(json!("R")))],
                checked: Map::new(),
            },
        ];
        let answer = json!({"changes": [
            {"type": "modified", "argument": "/content/dam/f/a.jpg/jcr:content/metadata/dc:rights"},
            {"type": "deleted", "argument": "/content/dam/f/a.jpg/jcr:content/metadata/dc:title"},
        ]});
        let ok = confirmed("/content/dam/f", &assets, &answer);
        assert_eq!(
            ok.changed,
            HashSet::from(["/content/dam/f/a.jpg".to_owned()])
        );
        // A node created under an asset of the batch fails that asset, and only it.
        let made = json!({"changes": [
            {"type": "created", "argument": "/content/dam/f/b.jpg/jcr:content/metadata"},
            {"type": "modified", "argument": "/content/dam/f/b.jpg/jcr:content/metadata/dc:rights"},
            {"type": "modified", "argument": "/content/dam/f/a.jpg/jcr:content/metadata/dc:rights"},
            {"type": "deleted", "argument": "/content/dam/f/a.jpg/jcr:content/metadata/dc:title"},
        ]});
        let written = confirmed("/content/dam/f", &assets, &made);
        assert_eq!(
            written.changed,
            HashSet::from(["/content/dam/f/a.jpg".to_owned()])
        );
        assert_eq!(
            written
                .created
                .get("/content/dam/f/b.jpg")
                .map(String::as_str),
            Some("/content/dam/f/b.jpg/jcr:content/metadata")
        );
        // A node under no asset of the batch: said, and no asset of it counts as changed.
        let junk = json!({"changes": [
            {"type": "created", "argument": "/content/dam/f/zz.jpg"},
            {"type": "modified", "argument": "/content/dam/f/b.jpg/jcr:content/metadata/dc:rights"},
        ]});
        let written = confirmed("/content/dam/f", &assets, &junk);
        assert_eq!(written.stray, vec!["/content/dam/f/zz.jpg".to_owned()]);
        assert!(written.changed.is_empty(), "{written:?}");
    }
}
