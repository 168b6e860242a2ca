//! The Sites API's hazards of a real AEM, on demand (`Faults::fragments`): a list that gives
//! the same cursor again, a build before 21331 whose PATCH refuses the ETag its GET gave, and
//! ETags of any length.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{client, config, s2s_token};
use metadesk_sandbox::{Faults, FragmentFaults, Sandbox};
use reqwest::Method;
use serde_json::{Value, json};

/// 120 assets, every one a content fragment: three list pages.
async fn sandbox(fragments: FragmentFaults) -> (Sandbox, String) {
    let sb = Sandbox::start(config().with_assets(120).with_fragment_every(1))
        .await
        .unwrap();
    sb.set_faults(Faults {
        fragments,
        ..Faults::default()
    })
    .unwrap();
    let token = s2s_token(&sb).await;
    (sb, token)
}

async fn call(
    sb: &Sandbox,
    token: &str,
    method: Method,
    path: &str,
    etag: Option<&str>,
) -> (u16, Value, Option<String>) {
    let mut r = client()
        .request(
            method.clone(),
            format!("{}/adobe/sites{path}", sb.base_url()),
        )
        .bearer_auth(token)
        .header("X-Api-Key", &sb.credentials().oauth_client_id);
    if method == Method::PATCH {
        r = r
            .header("Content-Type", "application/json-patch+json")
            .body(json!([{"op": "replace", "path": "/title", "value": "T"}]).to_string());
    }
    if let Some(e) = etag {
        r = r.header("If-Match", e);
    }
    let r = r.send().await.unwrap();
    let status = r.status().as_u16();
    let etag = r
        .headers()
        .get("etag")
        .map(|v| v.to_str().unwrap().to_owned());
    (status, r.json().await.unwrap_or(Value::Null), etag)
}

#[tokio::test]
async fn a_list_can_repeat_its_cursor() {
    let (sb, token) = sandbox(FragmentFaults {
        cursor_repeats: true,
        ..FragmentFaults::default()
    })
    .await;
    let (_, first, _) = call(&sb, &token, Method::GET, "/cf/fragments", None).await;
    let cursor = first["cursor"].as_str().unwrap().to_owned();
    let (_, second, _) = call(
        &sb,
        &token,
        Method::GET,
        &format!("/cf/fragments?cursor={cursor}"),
        None,
    )
    .await;
    assert_eq!(second["cursor"], json!(cursor), "the same cursor again");
}

#[tokio::test]
async fn a_build_before_21331_refuses_the_etag_its_get_gave() {
    let (sb, token) = sandbox(FragmentFaults {
        before_21331: true,
        ..FragmentFaults::default()
    })
    .await;
    let (_, list, _) = call(&sb, &token, Method::GET, "/cf/fragments?limit=1", None).await;
    let id = list["items"][0]["id"].as_str().unwrap().to_owned();
    let path = format!("/cf/fragments/{id}");
    let (_, _, etag) = call(&sb, &token, Method::GET, &path, None).await;
    let etag = etag.unwrap();
    let (status, _, _) = call(&sb, &token, Method::PATCH, &path, Some(&etag)).await;
    assert_eq!(status, 412, "nobody changed it, and still refused");
    let (_, _, again) = call(&sb, &token, Method::GET, &path, None).await;
    assert_eq!(again.unwrap(), etag, "unchanged");
    assert_eq!(sb.counters().writes_applied, 0);
}

#[tokio::test]
async fn etags_can_be_long_and_still_work() {
    let (sb, token) = sandbox(FragmentFaults {
        etag_bytes: Some(20_000),
        ..FragmentFaults::default()
    })
    .await;
    let (_, list, _) = call(&sb, &token, Method::GET, "/cf/fragments?limit=1", None).await;
    let id = list["items"][0]["id"].as_str().unwrap().to_owned();
    let path = format!("/cf/fragments/{id}");
    let (_, _, etag) = call(&sb, &token, Method::GET, &path, None).await;
    let etag = etag.unwrap();
    assert_eq!(etag.len(), 20_000);
    let (status, _, next) = call(&sb, &token, Method::PATCH, &path, Some(&etag)).await;
    assert_eq!(status, 200);
    assert_eq!(next.unwrap().len(), 20_000);
}
