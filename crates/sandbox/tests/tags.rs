//! The tag taxonomy (issue 51): Sling's rendering at any depth and node, `/bin/tagcommand`
//! with AEM's hazards (a moved tag stays as a `cq:movedTo` stub, content keeps the old id),
//! titles set by a Sling POST, and the refusal of an account that may not change tags.
#![allow(clippy::unwrap_used)]

mod common;

use common::{get_as_dev as get, post_form, start};
use metadesk_sandbox::Sandbox;
use serde_json::json;

async fn post(sb: &Sandbox, path: &str, fields: &[(&str, &str)]) -> (u16, String) {
    post_form(sb, &sb.credentials().dev_token, path, fields).await
}

/// An asset that holds `id` in its seeded metadata.
fn holder(sb: &Sandbox, id: &str) -> String {
    let dump = sb.dump(false);
    dump["assets"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["path"].as_str())
        .find(|p| {
            sb.asset(p).unwrap()["metadata"]["cq:tags"]
                .as_array()
                .is_some_and(|t| t.contains(&json!(id)))
        })
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn the_taxonomy_renders_at_any_node_and_depth_with_translations() {
    let sb = start().await;
    let (s, root) = get(&sb, "/content/cq:tags.1.json").await;
    assert_eq!(s, 200);
    assert_eq!(root["jcr:primaryType"], "sling:Folder");
    assert_eq!(root["wknd-shared"]["jcr:title"], "WKND Shared");
    assert!(
        root["wknd-shared"].get("activity").is_none(),
        "depth 1 stops there"
    );
    let (_, activity) = get(&sb, "/content/cq:tags/wknd-shared/activity.infinity.json").await;
    assert_eq!(activity["surfing"]["jcr:title.fr"], "Surf");
    assert_eq!(activity["jcr:description"], "What people do in the picture");
    assert_eq!(get(&sb, "/content/cq:tags/nope.1.json").await.0, 404);
    holder(&sb, "wknd-shared:activity/surfing");
}

#[tokio::test]
async fn a_move_leaves_a_stub_and_every_asset_keeps_the_old_id() {
    let sb = start().await;
    let asset = holder(&sb, "wknd-shared:activity/surfing");
    let (s, _) = post(
        &sb,
        "/bin/tagcommand",
        &[
            ("cmd", "moveTag"),
            ("path", "/content/cq:tags/wknd-shared/activity/surfing"),
            ("dest", "wknd-shared:activity/wave-riding"),
        ],
    )
    .await;
    assert_eq!(s, 200);
    let (_, tree) = get(&sb, "/content/cq:tags/wknd-shared/activity.1.json").await;
    assert_eq!(
        tree["surfing"]["cq:movedTo"],
        "/content/cq:tags/wknd-shared/activity/wave-riding"
    );
    assert_eq!(
        tree["wave-riding"]["cq:backlinks"],
        json!(["/content/cq:tags/wknd-shared/activity/surfing"])
    );
    let tags = sb.asset(&asset).unwrap()["metadata"]["cq:tags"].clone();
    assert!(
        tags.as_array()
            .unwrap()
            .contains(&json!("wknd-shared:activity/surfing"))
    );
    // Onto an existing tag, or a merge into its own child: refused, nothing changes.
    let onto = [
        ("cmd", "moveTag"),
        ("path", "wknd-shared:season/summer"),
        ("dest", "wknd-shared:season/winter"),
    ];
    assert_eq!(post(&sb, "/bin/tagcommand", &onto).await.0, 409);
    let into_child = [
        ("cmd", "mergeTag"),
        ("path", "wknd-shared:season"),
        ("dest", "wknd-shared:season/winter"),
    ];
    assert_eq!(post(&sb, "/bin/tagcommand", &into_child).await.0, 400);
    assert!(
        get(&sb, "/content/cq:tags/wknd-shared/season/summer.0.json")
            .await
            .1
            .get("cq:movedTo")
            .is_none()
    );
}

#[tokio::test]
async fn titles_change_by_a_sling_post_and_only_for_accounts_allowed_to() {
    let sb = start().await;
    let tag = "/content/cq:tags/wknd-shared/season/winter";
    let (s, _) = post(
        &sb,
        tag,
        &[("jcr:title.de", "Winter"), ("jcr:title.fr", "L’hiver")],
    )
    .await;
    assert_eq!(s, 200);
    assert_eq!(
        get(&sb, &format!("{tag}.0.json")).await.1["jcr:title.fr"],
        "L’hiver"
    );

    sb.set_taxonomy_access(&sb.credentials().dev_token_user, false);
    let (s, page) = post(&sb, tag, &[("jcr:title.fr", "Autre")]).await;
    assert_eq!(s, 403, "{page}");
    let create = [
        ("cmd", "createTag"),
        ("tag", "brand:colour/red"),
        ("jcr:title", "Red"),
    ];
    assert_eq!(post(&sb, "/bin/tagcommand", &create).await.0, 403);
    assert_eq!(
        get(&sb, &format!("{tag}.0.json")).await.1["jcr:title.fr"],
        "L’hiver"
    );
    assert_eq!(get(&sb, "/content/cq:tags/brand.0.json").await.0, 404);
    assert_eq!(sb.counters().tag_commands, 0);

    sb.set_taxonomy_access(&sb.credentials().dev_token_user, true);
    assert_eq!(post(&sb, "/bin/tagcommand", &create).await.0, 200);
    assert_eq!(
        get(&sb, "/content/cq:tags/brand/colour/red.0.json").await.1["jcr:title"],
        "Red"
    );
    sb.reset();
    assert_eq!(get(&sb, "/content/cq:tags/brand.0.json").await.0, 404);
}
