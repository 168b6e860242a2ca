//! Metadata schema forms as AEM stores them: the `/conf` and `/libs` trees by Sling JSON level,
//! folders mapped on the node or its `jcr:content`, and the 403 of an account that may not read
//! them.
#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use metadesk_sandbox::{Faults, SAMPLE_FOLDER, Sandbox};
use serde_json::Value;

async fn get(sb: &Sandbox, path: &str) -> (u16, Value) {
    let token = sb.credentials().dev_token.clone();
    let r = client()
        .get(format!("{}{path}", sb.base_url()))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    let s = r.status().as_u16();
    (s, r.json().await.unwrap_or(Value::Null))
}

const CONF: &str = "/conf/global/settings/dam/adminui-extension/metadataschema";

#[tokio::test]
async fn forms_folders_and_denial() {
    let sb = Sandbox::start(config().with_assets(40)).await.unwrap();
    let (s, list) = get(&sb, &format!("{CONF}.1.json")).await;
    assert_eq!(s, 200);
    assert!(list["metadesk-brand"].is_object(), "{list}");
    assert!(
        list["metadesk-brand"].get("items").is_none(),
        "level 1 only"
    );

    let (s, form) = get(&sb, &format!("{CONF}/metadesk-brand.infinity.json")).await;
    assert_eq!(s, 200);
    let field = &form["items"]["tabs"]["items"]["tab2"]["items"]["col1"]["items"]["field1"];
    assert_eq!(field["name"], "./jcr:content/metadata/dc:rights");
    assert_eq!(field["required"], true);
    assert!(form["image"]["jpeg"]["items"].is_object());

    let (s, _) = get(
        &sb,
        "/libs/dam/content/schemaeditors/forms/default.infinity.json",
    )
    .await;
    assert_eq!(s, 200);
    let (s, _) = get(&sb, &format!("{CONF}/retired.infinity.json")).await;
    assert_eq!(s, 404);

    // The sample folder's parent maps the form on its jcr:content; the brand on the node.
    let parent = SAMPLE_FOLDER.rsplit_once('/').unwrap().0;
    let (s, folder) = get(&sb, &format!("{parent}.1.json")).await;
    assert_eq!(s, 200);
    assert_eq!(
        folder["jcr:content"]["metadataSchema"],
        format!("{CONF}/metadesk-brand")
    );
    assert!(folder["napa-wine-tasting"].is_object(), "{folder}");
    let (_, brand) = get(&sb, "/content/dam/wknd-shared.json").await;
    assert_eq!(brand["metadataSchema"], format!("{CONF}/retired"));
    assert!(
        brand.get("jcr:content").is_none(),
        "level 0 has no children"
    );

    sb.set_faults(Faults {
        schemas_denied: true,
        ..Faults::default()
    })
    .unwrap();
    let (s, _) = get(&sb, &format!("{CONF}/metadesk-brand.infinity.json")).await;
    assert_eq!(s, 403);
}
