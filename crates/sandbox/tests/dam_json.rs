//! The DAM's nodes as Sling's default JSON renderer answers them at any depth: a folder
//! rendered three levels down holds each asset as the asset's own two-level render does, and a
//! render deeper than one level past `json.maximumresults` is refused with a 300 listing the
//! renders allowed, as Sling does (adobe-wire-more.md §4.2).
#![allow(clippy::unwrap_used)]

mod common;

use common::{get_as_dev as get, start};
use metadesk_sandbox::SAMPLE_FOLDER;
use serde_json::Value;

#[tokio::test]
async fn a_folder_three_levels_down_holds_each_asset_as_its_own_render_does() {
    let sb = start().await;
    let (s, folder) = get(&sb, &format!("{SAMPLE_FOLDER}.3.json")).await;
    assert_eq!(s, 200);
    let assets: Vec<(&String, &Value)> = folder
        .as_object()
        .unwrap()
        .iter()
        .filter(|(_, v)| v["jcr:primaryType"] == "dam:Asset")
        .collect();
    assert!(assets.len() > 2, "{folder}");
    for (name, in_folder) in assets {
        let (s, own) = get(&sb, &format!("{SAMPLE_FOLDER}/{name}.2.json")).await;
        assert_eq!(s, 200);
        assert_eq!(in_folder, &own, "{name}");
        assert!(own["jcr:content"]["metadata"].is_object(), "{own}");
    }
    // One level down, a child is its own properties only.
    let (_, shallow) = get(&sb, &format!("{SAMPLE_FOLDER}.1.json")).await;
    let child = shallow
        .as_object()
        .unwrap()
        .values()
        .find(|v| v["jcr:primaryType"] == "dam:Asset")
        .unwrap();
    assert!(child.get("jcr:content").is_none(), "{child}");
}

#[tokio::test]
async fn a_render_past_the_limit_is_refused_with_the_renders_allowed() {
    let sb = start().await;
    sb.set_json_max_results(10);
    let (s, choices) = get(&sb, &format!("{SAMPLE_FOLDER}.3.json")).await;
    assert_eq!(s, 300, "{choices}");
    assert_eq!(
        choices,
        serde_json::json!([
            format!("{SAMPLE_FOLDER}.1.json"),
            format!("{SAMPLE_FOLDER}.0.json")
        ])
    );
    // One level always renders (SLING-2320), and an asset's own render fits.
    let (s, folder) = get(&sb, &format!("{SAMPLE_FOLDER}.1.json")).await;
    assert_eq!(s, 200);
    let name = folder
        .as_object()
        .unwrap()
        .iter()
        .find(|(_, v)| v["jcr:primaryType"] == "dam:Asset")
        .unwrap()
        .0;
    let (s, _) = get(&sb, &format!("{SAMPLE_FOLDER}/{name}.2.json")).await;
    assert_eq!(s, 200);
}
