//! `GET /bin/querybuilder.json`: AEM's QueryBuilder JSON servlet
//! (<https://experienceleague.adobe.com/en/docs/experience-manager-cloud-service/content/implementing/developing/full-stack/search/query-builder-api>,
//! <https://experienceleague.adobe.com/en/docs/experience-manager-cloud-service/content/implementing/developing/full-stack/search/query-builder-predicates>),
//! as far as Metadesk uses it: the predicates `path` (`.flat`, `.exact`), `type`, `property`
//! (`.value`, `.N_value`, `.and`, `.operation` = equals | unequals | like | not | exists),
//! `nodename`, `tagid` (`.property`), `daterange`, `hasPermission` (write privileges follow the
//! account and the `write_denied` fault, `crx:replicate` the `replicate_denied` one), and `group` (`p.or`, `p.not`, nested);
//! `p.offset`, `p.limit` (default 10, `-1` for all), `p.guessTotal` (`total` is then a lower
//! bound), `orderby` (`path`, `@jcr:path`, `@<relative property>`, `.sort`), and the hit writers
//! `simple`, `full` and `selective` (`p.properties`, relative paths deeper than one level nested
//! as child objects).
//!
//! Choices where Adobe documents nothing (UNCONFIRMED; each the most likely, said here once):
//! - An OAuth Server-to-Server token is refused with 403 and the sandbox's usual words, like the
//!   other classic endpoints (Adobe: non-OpenAPI APIs "do not support OAuth 2.0"; status unknown).
//! - A query that would read more nodes than [`crate::SandboxConfig::query_traversal_limit`]
//!   (100,000 on AEMaaCS) fails with 500 and `{"success":false,"errorMessage":"…read or
//!   traversed more than N nodes…"}`, Oak's own words for `RuntimeNodeTraversalException`.
//! - A predicate the servlet cannot parse (a bad date, an unknown operation) is a 400 with
//!   `success:false`.
//!
//! What a query "reads": the nodes under its root `path` (only the children with `path.flat`);
//! a query whose root is one group of exact paths or `jcr:uuid` equalities reads just those (an
//! index lookup); one whose root holds a group ORing `path.flat` folders reads those folders'
//! children (UNCONFIRMED: that Oak runs such an OR as a union of path queries, as it does
//! exact paths); a query without a path reads the whole DAM.
//!
//! Not here: the tree itself (`dam/`), authentication rules (`auth.rs`).

use std::collections::BTreeMap;

use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use crate::auth::{self, Family};
use crate::dam::{DAM_ROOT, Dam, Node};
use crate::qb_values::{like, name_glob, parse_date, stored_date, strings};
use crate::{Shared, read};

mod hits;
mod view;
use hits::hit;
use view::View;

/// Hits per page when `p.limit` is not given ("a maximum of 10 hits",
/// <https://experienceleague.adobe.com/en/docs/experience-manager-cloud-service/content/implementing/developing/full-stack/search/query-builder-api>).
const DEFAULT_LIMIT: i64 = 10;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Op {
    Equals,
    Unequals,
    Like,
    Not,
    Exists,
}

#[derive(Debug, Clone)]
enum Pred {
    Path {
        path: String,
        flat: bool,
        exact: bool,
    },
    Type(String),
    Property {
        rel: String,
        values: Vec<String>,
        and: bool,
        op: Op,
    },
    NodeName(String),
    TagId {
        tags: Vec<String>,
        rel: String,
        and: bool,
    },
    DateRange {
        rel: String,
        lower: Option<(i128, bool)>,
        upper: Option<(i128, bool)>,
    },
    Group(Group),
}

#[derive(Debug, Clone, Default)]
struct Group {
    or: bool,
    not: bool,
    preds: Vec<Pred>,
}

/// The parameters of one predicate (`""` is its own value: `1_property=…`).
type Params = BTreeMap<String, String>;

fn values_of(params: &Params, main: &str) -> Vec<String> {
    let mut values: Vec<String> = params.get(main).into_iter().cloned().collect();
    for (k, v) in params {
        if let Some(rest) = k.strip_suffix("_value")
            && rest.chars().all(|c| c.is_ascii_digit())
            && !rest.is_empty()
        {
            values.push(v.clone());
        }
    }
    values
}

fn is_true(params: &Params, key: &str) -> bool {
    params.get(key).is_some_and(|v| v == "true")
}

/// Parses the predicates of one group from its parameters (keys relative to the group).
fn parse_group(params: &BTreeMap<String, String>) -> Result<Group, String> {
    let mut group = Group {
        or: params.get("p.or").is_some_and(|v| v == "true"),
        not: params.get("p.not").is_some_and(|v| v == "true"),
        preds: Vec::new(),
    };
    let mut by_id: BTreeMap<&str, Params> = BTreeMap::new();
    for (key, value) in params {
        let (id, rest) = key.split_once('.').unwrap_or((key, ""));
        if id == "p" || id == "orderby" || id.ends_with("_orderby") {
            continue;
        }
        by_id
            .entry(id)
            .or_default()
            .insert(rest.to_owned(), value.clone());
    }
    for (id, p) in by_id {
        let kind = match id.split_once('_') {
            Some((n, kind)) if n.chars().all(|c| c.is_ascii_digit()) => kind,
            _ => id,
        };
        let pred = match kind {
            "path" => Pred::Path {
                path: p.get("").cloned().unwrap_or_default(),
                flat: is_true(&p, "flat"),
                exact: is_true(&p, "exact"),
            },
            "type" => Pred::Type(p.get("").cloned().unwrap_or_default()),
            "property" => {
                let op = match p.get("operation").map(String::as_str) {
                    None | Some("equals") => Op::Equals,
                    Some("unequals") => Op::Unequals,
                    Some("like") => Op::Like,
                    Some("not") => Op::Not,
                    Some("exists") => Op::Exists,
                    Some(other) => return Err(format!("unknown property operation {other:?}")),
                };
                Pred::Property {
                    rel: p.get("").cloned().unwrap_or_default(),
                    values: values_of(&p, "value"),
                    and: is_true(&p, "and"),
                    op,
                }
            }
            "nodename" => Pred::NodeName(p.get("").cloned().unwrap_or_default()),
            "tagid" => Pred::TagId {
                tags: values_of(&p, ""),
                rel: p
                    .get("property")
                    .cloned()
                    .unwrap_or_else(|| "cq:tags".to_owned()),
                and: is_true(&p, "and"),
            },
            "daterange" => {
                let bound = |b: &str, op: &str, default_incl: bool| -> Result<_, String> {
                    match p.get(b).filter(|v| !v.is_empty()) {
                        None => Ok(None),
                        Some(v) => {
                            let ms = parse_date(v)
                                .ok_or_else(|| format!("daterange: cannot parse date {v:?}"))?;
                            let incl = match p.get(op).map(String::as_str) {
                                None => default_incl,
                                Some(">=" | "<=") => true,
                                Some(">" | "<") => false,
                                Some(o) => {
                                    return Err(format!("daterange: unknown operation {o:?}"));
                                }
                            };
                            Ok(Some((ms, incl)))
                        }
                    }
                };
                Pred::DateRange {
                    rel: p.get("property").cloned().unwrap_or_default(),
                    lower: bound("lowerBound", "lowerOperation", false)?,
                    upper: bound("upperBound", "upperOperation", false)?,
                }
            }
            "group" => {
                let inner: BTreeMap<String, String> = p.into_iter().collect();
                Pred::Group(parse_group(&inner)?)
            }
            // Predicates Metadesk never sends are ignored, as AEM ignores unknown names.
            _ => continue,
        };
        group.preds.push(pred);
    }
    Ok(group)
}

fn matches_pred(pred: &Pred, v: &View<'_>) -> bool {
    match pred {
        Pred::Path { path, flat, exact } => {
            let base = path.trim_end_matches('/');
            if *exact {
                v.path == base
            } else if *flat {
                v.path
                    .rsplit_once('/')
                    .is_some_and(|(parent, _)| parent == base)
            } else {
                v.path.starts_with(base) && v.path[base.len()..].starts_with('/')
            }
        }
        Pred::Type(t) => matches!(
            (t.as_str(), v.node),
            ("dam:Asset", Node::Asset(_))
                | (
                    "sling:Folder" | "sling:OrderedFolder" | "nt:folder",
                    Node::Folder(_)
                )
                | ("nt:base", _)
        ),
        Pred::Property {
            rel,
            values,
            and,
            op,
        } => {
            let value = v.property(rel);
            match op {
                Op::Not => value.is_none(),
                Op::Exists => {
                    let want = values.first().is_none_or(|x| x != "false");
                    value.is_some() == want
                }
                _ if values.is_empty() => true,
                _ => {
                    let Some(value) = value else { return false };
                    let stored = strings(&value);
                    let one = |wanted: &String| match op {
                        Op::Equals => stored.iter().any(|s| s == wanted),
                        Op::Unequals => stored.iter().any(|s| s != wanted),
                        Op::Like => stored.iter().any(|s| like(wanted, s)),
                        Op::Not | Op::Exists => false,
                    };
                    if *and {
                        values.iter().all(one)
                    } else {
                        values.iter().any(one)
                    }
                }
            }
        }
        Pred::NodeName(pattern) => name_glob(pattern, v.name()),
        Pred::TagId { tags, rel, and } => {
            let stored = v.property(rel).map(|t| strings(&t)).unwrap_or_default();
            // A tag matches itself and the tags below it.
            let has = |tag: &String| {
                stored
                    .iter()
                    .any(|s| s == tag || s.starts_with(&format!("{tag}/")))
            };
            if tags.is_empty() {
                true
            } else if *and {
                tags.iter().all(has)
            } else {
                tags.iter().any(has)
            }
        }
        Pred::DateRange { rel, lower, upper } => {
            let Some(at) = v.property(rel).as_ref().and_then(stored_date) else {
                return false;
            };
            let above = lower.is_none_or(|(b, incl)| if incl { at >= b } else { at > b });
            let below = upper.is_none_or(|(b, incl)| if incl { at <= b } else { at < b });
            above && below
        }
        Pred::Group(g) => matches_group(g, v),
    }
}

fn matches_group(g: &Group, v: &View<'_>) -> bool {
    let hit = if g.preds.is_empty() {
        true
    } else if g.or {
        g.preds.iter().any(|p| matches_pred(p, v))
    } else {
        g.preds.iter().all(|p| matches_pred(p, v))
    };
    hit != g.not
}

/// The nodes under one `path` predicate: the node itself when exact, else the folder's
/// children (only those with `flat`, else every node below).
fn under(dam: &Dam, path: &str, flat: bool, exact: bool) -> Vec<Node> {
    let Some(start) = dam.lookup(path) else {
        return Vec::new();
    };
    if exact {
        return vec![start];
    }
    let Node::Folder(f) = start else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut stack = vec![f];
    while let Some(f) = stack.pop() {
        for child in dam.children(f) {
            out.push(child);
            if let Node::Folder(sub) = child
                && !flat
            {
                stack.push(sub);
            }
        }
    }
    out
}

/// The nodes a query reads before its predicates filter them (see the module docs).
fn candidates(dam: &Dam, root: &Group) -> Vec<Node> {
    let root_path = root.preds.iter().find_map(|p| match p {
        Pred::Path { path, flat, exact } => Some((path.clone(), *flat, *exact)),
        _ => None,
    });
    if let Some((path, flat, exact)) = root_path {
        return under(dam, &path, flat, exact);
    }
    // A group ORing folders (`path.flat`) beside other predicates (`type`): the union of
    // those folders' children, as a union of path queries reads them.
    let folders = root.preds.iter().find_map(|p| match p {
        Pred::Group(g) if g.or && !g.not && !g.preds.is_empty() => g
            .preds
            .iter()
            .map(|p| match p {
                Pred::Path {
                    path,
                    flat: true,
                    exact: false,
                } => Some(path.as_str()),
                _ => None,
            })
            .collect::<Option<Vec<&str>>>(),
        _ => None,
    });
    if let Some(folders) = folders {
        let mut seen = std::collections::HashSet::new();
        return folders
            .into_iter()
            .filter(|f| seen.insert(*f))
            .flat_map(|f| under(dam, f, true, false))
            .collect();
    }
    // One group of exact paths / uuid lookups: read just those nodes.
    let lookups: Option<Vec<Node>> = match root.preds.as_slice() {
        [Pred::Group(g)] if g.or && !g.not => g
            .preds
            .iter()
            .map(|p| match p {
                Pred::Path {
                    path, exact: true, ..
                } => Some(dam.lookup(path)),
                Pred::Property {
                    rel, values, op, ..
                } if rel == "jcr:uuid" && *op == Op::Equals => Some(
                    values
                        .first()
                        .and_then(|u| crate::dam::parse_uuid(u))
                        .and_then(|u| dam.lookup_uuid(u)),
                ),
                _ => None,
            })
            .collect::<Option<Vec<Option<Node>>>>()
            .map(|nodes| nodes.into_iter().flatten().collect()),
        _ => None,
    };
    if let Some(nodes) = lookups {
        return nodes;
    }
    match dam.lookup(DAM_ROOT) {
        Some(Node::Folder(root)) => {
            let mut out = Vec::new();
            let mut stack = vec![root];
            while let Some(f) = stack.pop() {
                for child in dam.children(f) {
                    out.push(child);
                    if let Node::Folder(sub) = child {
                        stack.push(sub);
                    }
                }
            }
            out
        }
        _ => Vec::new(),
    }
}

fn failure(status: StatusCode, message: &str) -> Response {
    (
        status,
        axum::Json(json!({"success": false, "errorMessage": message})),
    )
        .into_response()
}

/// The `hasPermission` predicate: whether `principal` holds every privilege listed (comma
/// separated) on the node at `path`. Reading is allowed to everyone who can query;
/// `crx:replicate` is refused to a read-only account and on a `replicate_denied` path; any
/// other privilege is a write, which a read-only account and a `write_denied` path do not have.
fn may(
    shared: &Shared,
    principal: &auth::Principal,
    privileges: Option<&String>,
    path: &str,
) -> bool {
    let Some(privileges) = privileges else {
        return true;
    };
    privileges
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty() && *p != "jcr:read")
        .all(|p| {
            !principal.read_only
                && if p == "crx:replicate" {
                    !shared.faults.replicate_denied(path)
                } else {
                    !shared.faults.write_denied(path)
                }
        })
}

/// `GET /bin/querybuilder.json`.
pub(crate) async fn query(
    State(shared): State<Shared>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Response {
    let principal = match auth::authenticate(&shared, &headers, Family::Classic) {
        Ok(p) => p,
        Err(e) => return crate::core_response::auth_failure(e, "/bin/querybuilder"),
    };
    let params: BTreeMap<String, String> =
        url::form_urlencoded::parse(raw.unwrap_or_default().as_bytes())
            .into_owned()
            .collect();
    let root = match parse_group(&params) {
        Ok(g) => g,
        Err(message) => return failure(StatusCode::BAD_REQUEST, &message),
    };
    let number = |key: &str, default: i64| {
        params
            .get(key)
            .and_then(|v| v.parse::<i64>().ok())
            .unwrap_or(default)
    };
    let offset = number("p.offset", 0).max(0) as usize;
    let limit = number("p.limit", DEFAULT_LIMIT);
    let mode = params.get("p.hits").map_or("simple", String::as_str);
    // `p.nodedepth`: the node's own properties by default, N levels of children, 0 all.
    let levels = match params
        .get("p.nodedepth")
        .and_then(|d| d.parse::<u32>().ok())
    {
        Some(0) => None,
        Some(n) => Some(n),
        None => Some(0),
    };
    let properties: Vec<String> = params
        .get("p.properties")
        .map(|p| p.split_whitespace().map(str::to_owned).collect())
        .unwrap_or_default();

    let dam = read(&shared.dam);
    let nodes = candidates(&dam, &root);
    let traversal_limit = shared.config.query_traversal_limit;
    if nodes.len() > traversal_limit {
        return failure(
            StatusCode::INTERNAL_SERVER_ERROR,
            &format!(
                "org.apache.jackrabbit.oak.query.RuntimeNodeTraversalException: The query read \
                 or traversed more than {traversal_limit} nodes. To avoid affecting other tasks, \
                 processing was stopped."
            ),
        );
    }
    let (now, lag) = (crate::ims::now_ms(), shared.faults.index_lag_ms());
    let mut matched: Vec<View<'_>> = nodes
        .into_iter()
        // The index decides which nodes match; one it has not caught up with (an upload of the
        // last `index_lag_secs`, or a path the `index_lag` fault names) is not found.
        .filter(|n| !matches!(n, Node::Asset(a) if !dam.indexed(*a, now, lag)))
        .map(|n| View::new(&dam, n))
        .filter(|v| !shared.faults.index_lags(&v.path))
        .filter(|v| matches_group(&root, v))
        .filter(|v| may(&shared, &principal, params.get("hasPermission"), &v.path))
        .collect();
    let orderby = params.get("orderby").map(String::as_str);
    let desc = params.get("orderby.sort").is_some_and(|s| s == "desc");
    match orderby {
        Some("path" | "@jcr:path") => matched.sort_by(|a, b| a.path.cmp(&b.path)),
        Some(prop) if prop.starts_with('@') => matched.sort_by(|a, b| {
            let key = |v: &View<'_>| v.property(&prop[1..]).map(|x| strings(&x).join(","));
            key(a).cmp(&key(b))
        }),
        _ => {}
    }
    if desc {
        matched.reverse();
    }
    let all = matched.len();
    let page: Vec<Value> = matched
        .iter()
        .skip(offset)
        .take(if limit < 0 {
            usize::MAX
        } else {
            limit as usize
        })
        .map(|v| hit(v, mode, &properties, levels))
        .collect();
    let end = offset.saturating_add(page.len());
    let (total, more) = match params.get("p.guessTotal").map(String::as_str) {
        None => (all, false),
        Some(guess) => {
            // Counted only as far as asked: `true` up to offset + limit, a number up to it.
            let upto = match guess.parse::<usize>() {
                Ok(n) => n.max(end),
                Err(_) => end.max(offset + limit.max(0) as usize),
            };
            (all.min(upto), all > upto)
        }
    };
    axum::Json(json!({
        "success": true,
        "results": page.len(),
        "total": total,
        "more": more,
        "offset": offset,
        "hits": page,
    }))
    .into_response()
}

#[cfg(test)]
mod tests {
    use super::hits::put_nested;
    use super::*;
    use serde_json::Map;

    #[test]
    fn like_and_globs() {
        assert!(like("%summer%", "a summer day"));
        assert!(!like("%summer%", "winter"));
        assert!(like("100\\%", "100%"));
        assert!(!like("100\\%", "1000"));
        assert!(like("a_c", "abc"));
        assert!(name_glob("*.jpg", "x.jpg"));
        assert!(!name_glob("*.jpg", "x.png"));
        assert!(name_glob("img-?.png", "img-1.png"));
        assert!(name_glob("100%*", "100%-a"));
    }

    #[test]
    fn selective_properties_nest_as_child_objects() {
        let mut hit = Map::new();
        put_nested(&mut hit, "jcr:path", json!("/a"));
        put_nested(&mut hit, "jcr:content/metadata/dc:title", json!("T"));
        put_nested(&mut hit, "jcr:content/metadata/cq:tags", json!(["x"]));
        assert_eq!(
            Value::Object(hit),
            json!({"jcr:path": "/a", "jcr:content": {"metadata": {"dc:title": "T", "cq:tags": ["x"]}}})
        );
    }

    #[test]
    fn an_or_of_flat_folders_reads_only_their_children() {
        let dam = Dam::generate(7, 400, 10);
        let leaves: Vec<&str> = dam
            .folders
            .iter()
            .filter(|f| f.folders.is_empty() && !f.assets.is_empty())
            .map(|f| &*f.path)
            .take(2)
            .collect();
        let params: BTreeMap<String, String> = [
            ("type", "dam:Asset"),
            ("group.p.or", "true"),
            ("group.1_path", leaves[0]),
            ("group.1_path.flat", "true"),
            ("group.2_path", leaves[1]),
            ("group.2_path.flat", "true"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
        let read = candidates(&dam, &parse_group(&params).unwrap());
        assert_eq!(read.len(), 20, "the two leaves' assets, not the whole DAM");
    }

    #[test]
    fn groups_parse_nested_and_numbered() {
        let params: BTreeMap<String, String> = [
            ("path", "/content/dam/a"),
            ("group.p.or", "true"),
            ("group.1_property", "jcr:content/metadata/dc:rights"),
            ("group.1_property.operation", "not"),
            ("group.2_group.p.not", "true"),
            ("group.2_group.3_property", "jcr:content/metadata/dc:title"),
            ("p.limit", "5"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
        let g = parse_group(&params).unwrap();
        assert_eq!(g.preds.len(), 2);
        let Pred::Group(inner) = &g.preds[0] else {
            panic!("{g:?}")
        };
        assert!(inner.or);
        assert!(matches!(&inner.preds[1], Pred::Group(n) if n.not));
        let bad: BTreeMap<String, String> =
            [("property.operation".to_owned(), "sideways".to_owned())].into();
        assert!(parse_group(&bad).is_err());
    }
}
