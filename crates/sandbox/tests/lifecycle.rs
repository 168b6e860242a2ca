//! Issue 66 in the sandbox: `GET /bin/wcm/references.json` (several paths a request, the pages
//! each asset is used on, an OAuth Server-to-Server token refused) and QueryBuilder `daterange`
//! on the seeded `prism:expirationDate` and `jcr:content/offTime`.
#![allow(clippy::unwrap_used)]

mod common;

use common::{asset_paths, client, config, s2s_token};
use metadesk_sandbox::Sandbox;
use serde_json::Value;

async fn lifecycle_sandbox() -> Sandbox {
    Sandbox::start(config().with_assets(200).with_lifecycle(true))
        .await
        .unwrap()
}

async fn get(sb: &Sandbox, token: &str, path_and_query: &str) -> (u16, Value) {
    let r = client()
        .get(format!("{}{path_and_query}", sb.base_url()))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn references_answer_each_asset_asked_with_its_pages() {
    let sb = lifecycle_sandbox().await;
    let token = sb.credentials().dev_token.clone();
    let paths = asset_paths(&sb);
    let used = paths.iter().find(|p| sb.pages_using(p).len() == 2).unwrap();
    let unused = paths.iter().find(|p| sb.pages_using(p).is_empty()).unwrap();
    sb.reference_page("/content/x/en/home", "Home", true, &[unused]);
    let query = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("path", used)
        .append_pair("path", unused)
        .append_pair("predicate", "wcmcontent")
        .append_pair("_charset_", "utf-8")
        .finish();
    let (status, body) = get(&sb, &token, &format!("/bin/wcm/references.json?{query}")).await;
    assert_eq!(status, 200, "{body}");
    let pages = body["pages"].as_array().unwrap();
    assert_eq!(pages.len(), 3, "{body}");
    let of = |src: &str| pages.iter().filter(|p| p["srcPath"] == src).count();
    assert_eq!((of(used), of(unused)), (2, 1));
    let home = pages.iter().find(|p| p["srcPath"] == **unused).unwrap();
    assert_eq!(home["path"], "/content/x/en/home");
    assert_eq!(home["title"], "Home");
    assert_eq!(home["published"], true);
    // A reset restores the seeded pages.
    sb.reset();
    assert!(sb.pages_using(unused).is_empty());
    let (status, _) = get(&sb, &token, "/bin/wcm/references.json?predicate=wcmcontent").await;
    assert_eq!(status, 400);
    let s2s = s2s_token(&sb).await;
    let (status, _) = get(&sb, &s2s, &format!("/bin/wcm/references.json?{query}")).await;
    assert_eq!(status, 403);
}

#[tokio::test]
async fn daterange_finds_expiry_and_off_time() {
    let sb = lifecycle_sandbox().await;
    let token = sb.credentials().dev_token.clone();
    let now = time::OffsetDateTime::now_utc().unix_timestamp() * 1000;
    let iso = |ms: i64| {
        time::OffsetDateTime::from_unix_timestamp(ms / 1000)
            .unwrap()
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap()
    };
    let expiry = |p: &String| -> Option<i64> {
        let v = sb.asset(p).unwrap()["metadata"]["prism:expirationDate"].clone();
        let t = time::OffsetDateTime::parse(
            v.as_str()?,
            &time::format_description::well_known::Rfc3339,
        );
        Some(t.unwrap().unix_timestamp() * 1000)
    };
    let paths = asset_paths(&sb);
    let expired = paths.iter().filter(|p| expiry(p).is_some_and(|e| e < now));
    let expired: Vec<&String> = expired.collect();
    assert!(!expired.is_empty());
    let q = |property: &str, op: &str, bound: &str| {
        url::form_urlencoded::Serializer::new(String::new())
            .append_pair("path", "/content/dam")
            .append_pair("type", "dam:Asset")
            .append_pair("daterange.property", property)
            .append_pair(&format!("daterange.{bound}"), &iso(now))
            .append_pair(
                &format!("daterange.{}", bound.replace("Bound", "Operation")),
                op,
            )
            .append_pair("p.limit", "-1")
            .finish()
    };
    let query = q(
        "jcr:content/metadata/prism:expirationDate",
        "<",
        "upperBound",
    );
    let (status, body) = get(&sb, &token, &format!("/bin/querybuilder.json?{query}")).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["total"].as_u64().unwrap() as usize, expired.len());
    let off = paths
        .iter()
        .filter(|p| !sb.asset(p).unwrap()["offTime"].is_null());
    let off = off.count();
    assert!(off > 0);
    let query = q("jcr:content/offTime", ">=", "lowerBound");
    let (_, body) = get(&sb, &token, &format!("/bin/querybuilder.json?{query}")).await;
    assert_eq!(body["total"].as_u64().unwrap() as usize, off);
}
