//! Rewriting the tag ids a list holds (`cq:tags`) when a tag is merged, moved or deleted: the
//! tag and every tag below it follow it, and no tag is held twice. Pure: no I/O.
//!
//! Not here: the taxonomy's own change (`metadesk_core::app`'s tag changes).

use serde_json::Value;

/// The taxonomy's root, under which a tag's node is (`adobe-wire-tags.md` §1).
const TAGS_ROOT: &str = "/content/cq:tags";

/// A value of `before` that holds `tag` (or a tag below it) by its path rather than its id
/// (`/content/cq:tags/ns/a` for `ns:a`, as AEM accepts it): the rewrite leaves such a value as
/// it is, so the asset is left alone and said, and the tag is kept.
pub fn held_by_path(before: Option<&Value>, tag: &str) -> Option<String> {
    let path = match tag.split_once(':') {
        Some((ns, "")) => format!("{TAGS_ROOT}/{ns}"),
        Some((ns, local)) => format!("{TAGS_ROOT}/{ns}/{local}"),
        None => format!("{TAGS_ROOT}/default/{tag}"),
    };
    let holds = |value: &str| {
        let value = value.trim_end_matches('/');
        value == path
            || value
                .strip_prefix(path.as_str())
                .is_some_and(|rest| rest.starts_with('/'))
    };
    let items: &[Value] = match before {
        Some(Value::Array(items)) => items,
        Some(one) => std::slice::from_ref(one),
        None => &[],
    };
    items
        .iter()
        .filter_map(Value::as_str)
        .find(|v| holds(v))
        .map(str::to_owned)
}

/// Where `id` goes when `from` becomes `to`: `Some(new id)` for `from` itself and the tags
/// below it, `None` when it is removed (no `to`), and `id` itself for any other tag.
fn moved(id: &str, from: &str, to: Option<&str>) -> Option<String> {
    let below = if from.ends_with(':') {
        id.strip_prefix(from).filter(|rest| !rest.is_empty())
    } else {
        id.strip_prefix(from)
            .and_then(|rest| rest.strip_prefix('/'))
    };
    if id == from {
        return to.map(str::to_owned);
    }
    match below {
        Some(rest) => to.map(|to| {
            if to.ends_with(':') {
                format!("{to}{rest}")
            } else {
                format!("{to}/{rest}")
            }
        }),
        None => Some(id.to_owned()),
    }
}

/// The list after `from` (and the tags below it) became `to`, each tag once and in place;
/// `before` itself where nothing changes, `None` where no tag is left.
pub fn retagged(before: Option<&Value>, from: &str, to: Option<&str>) -> Option<Value> {
    let items: Vec<Value> = match before {
        None | Some(Value::Null) => return before.cloned(),
        Some(Value::Array(items)) => items.clone(),
        Some(other) => vec![other.clone()],
    };
    let mut out: Vec<Value> = Vec::with_capacity(items.len());
    let mut changed = false;
    for item in &items {
        let next = match item.as_str() {
            Some(id) => {
                let next = moved(id, from, to);
                changed |= next.as_deref() != Some(id);
                next.map(Value::String)
            }
            None => Some(item.clone()),
        };
        if let Some(next) = next {
            if out.contains(&next) {
                changed = true;
            } else {
                out.push(next);
            }
        }
    }
    if !changed {
        before.cloned()
    } else if out.is_empty() {
        None
    } else {
        Some(Value::Array(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_merge_renames_the_tag_and_those_below_it_and_keeps_each_once() {
        let before = json!(["a:x", "ns:old", "ns:old/child", "ns:new", "ns:older"]);
        assert_eq!(
            retagged(Some(&before), "ns:old", Some("ns:new")),
            Some(json!(["a:x", "ns:new", "ns:new/child", "ns:older"]))
        );
        // A single value, as some assets hold it, becomes a list.
        assert_eq!(
            retagged(Some(&json!("ns:old")), "ns:old", Some("b:t")),
            Some(json!(["b:t"]))
        );
        // Namespaces: everything in one goes to the other.
        assert_eq!(
            retagged(Some(&json!(["old:a", "new:a"])), "old:", Some("new:")),
            Some(json!(["new:a"]))
        );
    }

    #[test]
    fn a_deletion_removes_the_tag_and_nothing_else_is_touched() {
        let before = json!(["ns:old", "ns:old/child", "ns:other"]);
        assert_eq!(
            retagged(Some(&before), "ns:old", None),
            Some(json!(["ns:other"]))
        );
        assert_eq!(retagged(Some(&json!(["ns:old"])), "ns:old", None), None);
        let untouched = json!(["ns:other", "ns:older"]);
        assert_eq!(
            retagged(Some(&untouched), "ns:old", Some("ns:new")),
            Some(untouched)
        );
        assert_eq!(retagged(None, "ns:old", Some("ns:new")), None);
    }

    #[test]
    fn a_tag_held_by_its_path_is_found_not_rewritten() {
        let held = json!(["ns:other", "/content/cq:tags/ns/old/child"]);
        assert_eq!(
            held_by_path(Some(&held), "ns:old").as_deref(),
            Some("/content/cq:tags/ns/old/child")
        );
        assert_eq!(held_by_path(Some(&held), "ns:ol"), None);
        assert_eq!(held_by_path(Some(&held), "ns:other"), None);
        let plain = json!("/content/cq:tags/default/old");
        assert!(held_by_path(Some(&plain), "old").is_some());
        assert!(held_by_path(Some(&plain), "default:").is_some());
        assert_eq!(held_by_path(None, "ns:old"), None);
    }
}
