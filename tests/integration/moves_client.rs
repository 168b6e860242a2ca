//! Issue 76, the AEM call: `ClassicAssets::move_nodes` against the sandbox's `movePage`. A move
//! keeps the asset and adjusts the pages named; a request AEM must not get is refused before
//! anything is sent; a refusal moves nothing.

use metadesk_core::assets::moves::MoveRequest;
use metadesk_sandbox::{Sandbox, SandboxConfig};

use crate::bulk_support::classic;

async fn sandbox() -> Sandbox {
    Sandbox::start(
        SandboxConfig::default()
            .with_assets(200)
            .with_key_bits(1024)
            .with_lifecycle(true),
    )
    .await
    .unwrap()
}

fn paths(sb: &Sandbox) -> Vec<String> {
    sb.dump(false)["assets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["path"].as_str().unwrap().to_owned())
        .collect()
}

fn folder_of(path: &str) -> String {
    path.rsplit_once('/').unwrap().0.to_owned()
}

#[tokio::test]
async fn a_rename_keeps_the_asset_and_adjusts_every_page_named() {
    let sb = sandbox().await;
    let old = paths(&sb)
        .into_iter()
        .find(|p| sb.pages_using(p).len() == 2)
        .unwrap();
    let pages = sb.pages_using(&old);
    let uuid = sb.asset(&old).unwrap()["jcr:uuid"].clone();
    let request = MoveRequest {
        sources: vec![old.clone()],
        dest_parent: folder_of(&old),
        dest_name: Some("summer-2026-beach-01.jpg".into()),
        adjust: pages.clone(),
        publish: Vec::new(),
    };
    classic(&sb).move_nodes(&request).await.unwrap();
    let new = format!("{}/summer-2026-beach-01.jpg", folder_of(&old));
    assert_eq!(sb.asset(&new).unwrap()["jcr:uuid"], uuid);
    assert!(sb.asset(&old).is_none());
    for page in &pages {
        let (author, _) = sb.page_references(page).unwrap();
        assert!(author.contains(&new), "{page} adjusted");
    }
}

#[tokio::test]
async fn a_request_aem_must_not_get_is_never_sent_and_a_refusal_moves_nothing() {
    let sb = sandbox().await;
    let all = paths(&sb);
    let (a, b) = (all[0].clone(), all[1].clone());
    let bad = MoveRequest {
        sources: vec![a.clone()],
        dest_parent: folder_of(&a),
        dest_name: Some("a:b.jpg".into()),
        adjust: Vec::new(),
        publish: Vec::new(),
    };
    let err = classic(&sb).move_nodes(&bad).await.unwrap_err();
    assert!(format!("{err:?}").contains("move-name-refused"), "{err:?}");
    assert_eq!(
        sb.counters().by_kind.get("wcm command"),
        None,
        "nothing sent"
    );
    // AEM refuses a taken name: nothing moves.
    let taken = MoveRequest {
        dest_name: Some(b.rsplit('/').next().unwrap().to_owned()),
        dest_parent: folder_of(&b),
        ..bad
    };
    assert!(classic(&sb).move_nodes(&taken).await.is_err());
    assert!(sb.asset(&a).is_some() && sb.asset(&b).is_some());
    assert_eq!(sb.counters().move_commands, 0);
}
