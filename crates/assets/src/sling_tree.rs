//! Reading a whole tree of repository nodes through Sling's default JSON renderer, which
//! refuses a render holding more than `json.maximumresults` resources: a 300 whose body lists
//! the renders it allows, deepest first (adobe-wire-more.md §4.2; 1,000 on a production-ready
//! author, unconfirmed on AEMaaCS). The tree is then read in parts: the deepest render
//! allowed, then each node at its bottom level read the same way, until it is whole. A part is
//! never taken for the whole: a part that cannot be read fails the read.
//!
//! Not here: the request itself (`classic_node.rs`).

use futures_util::{StreamExt, stream};
use serde_json::Value;

use crate::CallError;
use metadesk_clients::aem::auth::BoxFuture;

/// Subtrees read at once when a tree is read in parts: few, as each is a repository traversal.
const PARTS_AT_ONCE: usize = 4;

/// What Sling answered a render.
#[derive(Debug)]
pub(crate) enum Rendered {
    Whole(Value),
    /// Refused as too large: the deepest level it would render (one level always renders,
    /// SLING-2320).
    TooLarge {
        deepest: u32,
    },
}

/// The deepest level a 300's body allows. Lenient in what it accepts: its entries are
/// `<path>.<level>.json`; an entry or a body that says no level counts as one level.
pub(crate) fn deepest_allowed(body: &[u8]) -> u32 {
    let choices: Vec<Value> = serde_json::from_slice(body).unwrap_or_default();
    choices
        .iter()
        .filter_map(Value::as_str)
        .filter_map(|url| url.strip_suffix(".json")?.rsplit_once('.')?.1.parse().ok())
        .max()
        .unwrap_or(1)
        .max(1)
}

/// The whole tree at `path`, read through `render` (`(path, selector)` → what Sling
/// answered).
pub(crate) fn read<'a, R>(render: &'a R, path: String) -> BoxFuture<'a, Result<Value, CallError>>
where
    R: Fn(String, String) -> BoxFuture<'a, Result<Rendered, CallError>> + Sync,
{
    Box::pin(async move {
        let mut level = match render(path.clone(), "infinity".to_owned()).await? {
            Rendered::Whole(tree) => return Ok(tree),
            Rendered::TooLarge { deepest } => deepest,
        };
        let mut top = loop {
            match render(path.clone(), level.to_string()).await? {
                Rendered::Whole(tree) => break tree,
                // It grew past that level between the two reads: a shallower one.
                Rendered::TooLarge { deepest } if level > 1 => level = deepest.min(level - 1),
                Rendered::TooLarge { .. } => return Err(refused(&path)),
            }
        };
        let bottom = at_level(&top, level);
        let reads: Vec<_> = bottom
            .iter()
            .map(|names| read(render, format!("{path}/{}", names.join("/"))))
            .collect();
        let parts: Vec<Value> = stream::iter(reads)
            .buffered(PARTS_AT_ONCE)
            .collect::<Vec<_>>()
            .await
            .into_iter()
            .collect::<Result<_, _>>()?;
        for (names, part) in bottom.iter().zip(parts) {
            if let Some(node) = top.pointer_mut(&pointer(names)) {
                *node = part;
            }
        }
        Ok(top)
    })
}

/// A render of `path` Sling refused as too large, as a failure: a render of one level (Sling
/// never refuses one, SLING-2320), or one of a set depth, is not worked around.
pub(crate) fn refused(path: &str) -> CallError {
    CallError::Rejected {
        status: 300,
        detail: metadesk_base::i18n::Text::new(
            "assets-too-large-to-render",
            vec![("path", path.into())],
        ),
    }
}

/// The names leading to each node `levels` below the root of `tree` (a child node is an
/// object-valued member: Sling renders properties as values or arrays).
fn at_level(tree: &Value, levels: u32) -> Vec<Vec<String>> {
    let mut found: Vec<(Vec<String>, &Value)> = vec![(Vec::new(), tree)];
    for _ in 0..levels {
        found = found
            .into_iter()
            .flat_map(|(names, node)| {
                node.as_object()
                    .into_iter()
                    .flatten()
                    .filter(|(_, child)| child.is_object())
                    .map(move |(name, child)| {
                        let mut names = names.clone();
                        names.push(name.clone());
                        (names, child)
                    })
            })
            .collect();
    }
    found.into_iter().map(|(names, _)| names).collect()
}

/// A JSON pointer to the node the names lead to.
fn pointer(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("/{}", n.replace('~', "~0").replace('/', "~1")))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_refusal_s_deepest_level_is_read_leniently() {
        let body = br#"["/content/cq:tags/ns.2.json","/content/cq:tags/ns.1.json","/content/cq:tags/ns.0.json"]"#;
        assert_eq!(deepest_allowed(body), 2);
        assert_eq!(deepest_allowed(b"<html>300</html>"), 1);
        assert_eq!(deepest_allowed(br#"["/x.0.json"]"#), 1);
        assert_eq!(deepest_allowed(br#"["/x.tidy.json"]"#), 1);
    }

    #[test]
    fn the_bottom_level_is_the_nodes_not_the_properties() {
        let tree = json!({"p": 1, "a": {"b": {"c": {}}, "q": [1]}, "d": {"t": "x"}});
        assert_eq!(at_level(&tree, 1), vec![vec!["a"], vec!["d"]]);
        assert_eq!(at_level(&tree, 2), vec![vec!["a", "b"]]);
        assert_eq!(pointer(&["a/b".into(), "c~".into()]), "/a~1b/c~0");
    }

    /// A sandbox whose Sling renders at most `max` resources below one level, and its classic
    /// API.
    async fn limited(max: usize) -> (metadesk_sandbox::Sandbox, crate::classic::ClassicAssets) {
        let sb = metadesk_sandbox::Sandbox::start(
            metadesk_sandbox::SandboxConfig::default()
                .with_assets(10)
                .with_key_bits(1024)
                .with_json_max_results(max),
        )
        .await
        .unwrap();
        let client = crate::testing::sandbox_client(&sb, reqwest::Client::new());
        (sb, crate::classic::ClassicAssets::new(client))
    }

    /// The seeded taxonomy's tags, read with Sling's limit at `max` resources a render, and
    /// the renders the sandbox answered.
    async fn tags_under(max: usize) -> (Vec<crate::tags::Tag>, u64) {
        let (sb, api) = limited(max).await;
        let tags = crate::AssetsApi::tags(&api).await.unwrap();
        (tags, sb.counters().by_kind["taxonomy read"])
    }

    #[tokio::test]
    async fn a_namespace_too_large_for_one_render_is_read_whole_in_parts() {
        let (whole, one_each) = tags_under(1000).await;
        let (parts, reads) = tags_under(3).await;
        assert!(whole.len() > 10, "{whole:?}");
        assert_eq!(parts, whole, "every tag, each as it is");
        assert!(reads > one_each, "{reads} reads against {one_each}");
    }

    #[tokio::test]
    async fn a_deep_read_sling_refuses_is_a_failure_not_a_part() {
        let (_sb, api) = limited(3).await;
        let refused = api.node("/content/cq:tags/wknd-shared", "2").await;
        assert!(
            matches!(&refused, Err(CallError::Rejected { status: 300, .. })),
            "{refused:?}"
        );
        let one_level = api.node("/content/cq:tags/wknd-shared", "1").await;
        assert!(one_level.is_ok(), "one level always renders: {one_level:?}");
    }
}
