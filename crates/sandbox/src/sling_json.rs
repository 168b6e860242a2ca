//! Sling's default JSON renderer's limit, `json.maximumresults` (adobe-wire-more.md §4.2): a
//! render deeper than one level that would hold more resources than the limit is refused with
//! a 300 whose body lists the renders that are allowed, deepest first (`/path.2.json`, …,
//! `/path.0.json`). One level is always rendered (SLING-2320: one may always list one's
//! children). AEM's production-ready author sets 1,000; AEMaaCS's value is unconfirmed, so a
//! test may lower it ([`crate::Sandbox::set_json_max_results`]).
//!
//! Not here: what a node renders as (`taxonomy.rs`, `schemas.rs`, `dam_json.rs`).

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::Value;

/// `tree`, rendered `depth` levels below the resource at `path`, as Sling answers it under a
/// limit of `max` resources.
pub(crate) fn answer(tree: Value, path: &str, depth: i64, max: usize) -> Response {
    match allowed_depth(&tree, depth, max) {
        None => axum::Json(tree).into_response(),
        Some(allowed) => too_large(path, allowed),
    }
}

/// Sling's 300 for a render of `path` past the limit: the renders allowed, deepest
/// (`allowed` levels) first.
pub(crate) fn too_large(path: &str, allowed: i64) -> Response {
    let choices: Vec<String> = (0..=allowed)
        .rev()
        .map(|level| format!("{path}.{level}.json"))
        .collect();
    (StatusCode::MULTIPLE_CHOICES, axum::Json(choices)).into_response()
}

/// `None` when the render may be sent as it is; otherwise the deepest level that fits.
fn allowed_depth(tree: &Value, depth: i64, max: usize) -> Option<i64> {
    if depth <= 1 {
        return None;
    }
    let per_level = per_level(tree);
    if per_level.iter().sum::<usize>() <= max {
        return None;
    }
    let mut held = 0;
    let mut allowed = 0;
    for (level, count) in per_level.iter().enumerate() {
        held += count;
        if held > max {
            break;
        }
        allowed = level as i64;
    }
    Some(allowed.max(1))
}

/// How many resources the render holds at each level below its root (the root is level 0).
/// A child resource is an object-valued member: Sling renders properties as values or arrays.
fn per_level(tree: &Value) -> Vec<usize> {
    let mut counts = vec![1];
    let mut level: Vec<&Value> = vec![tree];
    while !level.is_empty() {
        let next: Vec<&Value> = level
            .iter()
            .filter_map(|node| node.as_object())
            .flat_map(|node| node.values().filter(|v| v.is_object()))
            .collect();
        if next.is_empty() {
            break;
        }
        counts.push(next.len());
        level = next;
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// A root with `n` children, each with two children of its own.
    fn tree(n: usize) -> Value {
        let mut root = json!({"jcr:primaryType": "cq:Tag", "cq:backlinks": ["a"]});
        for i in 0..n {
            root[format!("c{i}")] = json!({"x": {"y": 1}, "z": {}});
        }
        root
    }

    #[test]
    fn counts_resources_by_level_not_properties() {
        assert_eq!(per_level(&tree(3)), vec![1, 3, 6]);
    }

    #[test]
    fn a_render_over_the_limit_names_the_deepest_that_fits() {
        // 1 + 3 + 6 = 10 resources.
        assert_eq!(allowed_depth(&tree(3), i64::MAX, 10), None);
        assert_eq!(allowed_depth(&tree(3), i64::MAX, 9), Some(1));
        // One level is always allowed, however many children.
        assert_eq!(allowed_depth(&tree(30), 1, 5), None);
        assert_eq!(allowed_depth(&tree(30), i64::MAX, 5), Some(1));
    }

    #[tokio::test]
    async fn the_refusal_lists_the_allowed_renders_deepest_first() {
        let response = answer(tree(3), "/content/cq:tags/ns", i64::MAX, 5);
        assert_eq!(response.status(), StatusCode::MULTIPLE_CHOICES);
        let body = axum::body::to_bytes(response.into_body(), 1 << 16)
            .await
            .unwrap();
        let choices: Vec<String> = serde_json::from_slice(&body).unwrap();
        assert_eq!(
            choices,
            ["/content/cq:tags/ns.1.json", "/content/cq:tags/ns.0.json"]
        );
    }
}
