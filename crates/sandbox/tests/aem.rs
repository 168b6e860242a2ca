//! AEM endpoints: classic Assets API (paging, PUT forms, 401/403/404/400), repository JSON,
//! currentuser, the OpenAPI family (ETag/If-Match, folders cursor), GraphQL, token-family rules
//! and local-SDK basic auth.
#![allow(clippy::unwrap_used)] // helpers outside #[test] fns unwrap too

mod common;

use common::*;
use metadesk_sandbox::{SAMPLE_FOLDER, Sandbox};
use serde_json::{Value, json};

async fn get_json(url: &str, token: &str) -> (u16, Value) {
    let r = client().get(url).bearer_auth(token).send().await.unwrap();
    let s = r.status().as_u16();
    (s, r.json().await.unwrap_or(Value::Null))
}

fn self_href(e: &Value) -> String {
    e["links"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["rel"][0] == "self")
        .unwrap()["href"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn one_folder_can_hold_every_asset_and_pages_to_the_end() {
    let sb = Sandbox::start(config().with_assets(3_000).with_assets_per_folder(3_000))
        .await
        .unwrap();
    let token = sb.credentials().dev_token.clone();
    let folder = SAMPLE_FOLDER.trim_start_matches("/content/dam");
    let url = |offset: u64| {
        format!(
            "{}/api/assets{folder}.json?offset={offset}&limit=1000",
            sb.base_url()
        )
    };
    let (s, first) = get_json(&url(0), &token).await;
    assert_eq!(s, 200);
    assert_eq!(first["properties"]["srn:paging"]["total"], 3_000);
    let (_, last) = get_json(&url(2_000), &token).await;
    let entities = last["entities"].as_array().unwrap();
    assert_eq!(entities.len(), 1_000, "the third page is full");
    assert!(
        entities
            .iter()
            .all(|e| e["class"] != json!(["assets/folder"]))
    );
}

#[tokio::test]
async fn folder_listing_pages_with_siren_entities() {
    let sb = Sandbox::start(config().with_max_page_limit(25))
        .await
        .unwrap();
    let token = sb.credentials().dev_token.clone();
    let base = sb.base_url();
    let folder = SAMPLE_FOLDER.trim_start_matches("/content/dam");
    let mut all = Vec::new();
    let mut offset = 0;
    loop {
        let (s, page) = get_json(
            &format!("{base}/api/assets{folder}.json?offset={offset}"),
            &token,
        )
        .await;
        assert_eq!(s, 200);
        assert_eq!(page["class"], json!(["assets/folder"]));
        let paging = &page["properties"]["srn:paging"];
        assert_eq!(paging["limit"], 20, "default limit");
        assert_eq!(paging["offset"], offset);
        let entities = page["entities"].as_array().unwrap().clone();
        all.extend(entities);
        offset += 20;
        if offset >= paging["total"].as_u64().unwrap() as usize {
            break;
        }
    }
    assert!(all.len() > 20, "the sample folder spans several pages");
    assert!(all.iter().all(|e| e["class"] == json!(["assets/asset"])));
    assert!(
        all.iter()
            .any(|e| e["properties"]["contentFragment"] == true)
    );
    assert!(self_href(&all[0]).starts_with(&format!("{base}/api/assets{folder}/")));
    let (_, page) = get_json(
        &format!("{base}/api/assets{folder}.json?limit=1000"),
        &token,
    )
    .await;
    assert_eq!(page["properties"]["srn:paging"]["limit"], 25, "clamped");
    let (_, root) = get_json(&format!("{base}/api/assets.json"), &token).await;
    assert!(
        root["entities"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["class"] == json!(["assets/folder"])
                && e["properties"]["name"] == "wknd-shared")
    );
    let (s, body) = get_json(&format!("{base}/api/assets/nope.json"), &token).await;
    assert_eq!(s, 404);
    assert_eq!(body["class"], "core/response");
    assert_eq!(body["properties"]["status.code"], 404);
}

#[tokio::test]
async fn put_forms_update_metadata_and_repository_json() {
    let sb = start().await;
    let base = sb.base_url();
    let token = jwt_token(&sb, &sb.credentials().service_credentials_json.clone()).await;
    let (_, page) = get_json(
        &format!(
            "{base}/api/assets{}.json",
            SAMPLE_FOLDER.trim_start_matches("/content/dam")
        ),
        &token,
    )
    .await;
    let entities = page["entities"].as_array().unwrap();
    let href = self_href(&entities[0]);
    // Relative-path form against the self href (with .json).
    let r = client()
        .put(&href)
        .bearer_auth(&token)
        .json(&json!({"class": "asset", "properties": {"metadata/dc:rights": "WKND Limited Use"}}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.json::<Value>().await.unwrap()["class"], "core/response");
    // Nested form without .json, with a multi-valued property.
    let no_ext = href.trim_end_matches(".json");
    let r = client().put(no_ext).bearer_auth(&token).json(&json!({"class": "asset", "properties": {"metadata": {"dc:subject": ["alpha", "beta"], "dc:title": "New"}}})).send().await.unwrap();
    assert_eq!(r.status(), 200);
    let path = format!(
        "/content/dam{}",
        no_ext.trim_start_matches(&format!("{base}/api/assets"))
    );
    let (s, md) = get_json(&format!("{base}{path}/jcr:content/metadata.json"), &token).await;
    assert_eq!(s, 200);
    assert_eq!(md["dc:rights"], "WKND Limited Use");
    assert_eq!(md["dc:subject"], json!(["alpha", "beta"]));
    assert_eq!(md["dc:title"], "New");
    assert!(md["dc:format"].is_string());
    // The content node's last-modified time, in the renderer's ECMA form, is not moved by a
    // metadata write: AEM as a Cloud Service moves it on a new binary, not on metadata updates.
    let (s, content) = get_json(&format!("{base}{path}/jcr:content.json"), &token).await;
    assert_eq!(s, 200);
    let modified = content["jcr:lastModified"].as_str().unwrap().to_owned();
    let year = time::OffsetDateTime::now_utc().year().to_string();
    assert!(
        modified.ends_with(" GMT+0000") && !modified.contains(&year),
        "{modified}"
    );
    // Level 1 adds the metadata node, with what was just written.
    let (s, content) = get_json(&format!("{base}{path}/jcr:content.1.json"), &token).await;
    assert_eq!(s, 200);
    assert_eq!(content["jcr:lastModified"], json!(modified));
    assert_eq!(content["metadata"]["dc:title"], "New");
    let (s, _) = get_json(
        &format!("{base}/content/dam/nope.jpg/jcr:content.json"),
        &token,
    )
    .await;
    assert_eq!(s, 404);
    let (s, node) = get_json(&format!("{base}{path}.json"), &token).await;
    assert_eq!(s, 200);
    let state = sb.asset(&path).unwrap();
    assert_eq!(node["jcr:uuid"], state["jcr:uuid"]);
    assert_eq!(state["revision"], 2);
    assert_eq!(sb.counters().writes_applied, 2);
    // 400 for malformed bodies, nothing applied.
    for body in [
        "{not json",
        r#"{"class":"asset"}"#,
        r#"{"class":"asset","properties":{"metadata/dc:x":{"a":1}}}"#,
    ] {
        let r = client()
            .put(&href)
            .bearer_auth(&token)
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 400, "{body}");
        assert_eq!(
            r.json::<Value>().await.unwrap()["properties"]["status.code"],
            400
        );
    }
    // 404 for a missing asset.
    let r = client()
        .put(format!("{base}/api/assets/wknd-shared/missing.jpg.json"))
        .bearer_auth(&token)
        .json(&json!({"class": "asset", "properties": {"metadata/dc:rights": "x"}}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    assert_eq!(sb.counters().writes_applied, 2);
}

#[tokio::test]
async fn auth_rules_per_family_and_read_only_account() {
    let sb = start().await;
    let base = sb.base_url();
    let c = sb.credentials().clone();
    let asset_path = sb.dump(false)["assets"][0]["path"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(asset_path.starts_with(SAMPLE_FOLDER));
    let api = format!(
        "{base}/api/assets{}.json",
        asset_path.trim_start_matches("/content/dam")
    );
    let body = json!({"class": "asset", "properties": {"metadata/dc:rights": "x"}});
    // 401: missing, unknown token.
    let r = client().get(&api).send().await.unwrap();
    assert_eq!(r.status(), 401);
    assert_eq!(r.json::<Value>().await.unwrap()["class"], "core/response");
    assert_eq!(
        client()
            .get(&api)
            .bearer_auth("eyJunknown")
            .send()
            .await
            .unwrap()
            .status(),
        401
    );
    // Read-only technical account: reads work, writes 403.
    let ro = jwt_token(&sb, &c.read_only_service_credentials_json).await;
    assert_eq!(
        client()
            .get(&api)
            .bearer_auth(&ro)
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    let r = client()
        .put(&api)
        .bearer_auth(&ro)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    assert_eq!(
        r.json::<Value>().await.unwrap()["properties"]["status.code"],
        403
    );
    let (_, me) = get_json(
        &format!("{base}/libs/granite/security/currentuser.json"),
        &ro,
    )
    .await;
    assert_eq!(
        me["authorizableId"],
        json!(c.read_only_technical_account_email)
    );
    let (_, me) = get_json(
        &format!("{base}/libs/granite/security/currentuser.json"),
        &c.dev_token,
    )
    .await;
    assert_eq!(me["authorizableId"], json!(c.dev_token_user));
    // S2S tokens are refused by the classic API...
    let s2s = s2s_token(&sb).await;
    let r = client().get(&api).bearer_auth(&s2s).send().await.unwrap();
    assert_eq!(r.status(), 403);
    assert!(r.text().await.unwrap().contains("OpenAPI"));
    // ...and JWT/dev tokens by /adobe/*.
    let id = sb.asset(&asset_path).unwrap()["assetId"]
        .as_str()
        .unwrap()
        .to_owned();
    let md_url = format!("{base}/adobe/assets/{id}/metadata");
    let openapi = |token: &str, key: Option<&str>, experimental: bool| {
        let mut rb = client().get(&md_url).bearer_auth(token);
        if let Some(k) = key {
            rb = rb.header("X-Api-Key", k);
        }
        if experimental {
            rb = rb.header("X-Adobe-Accept-Experimental", "1");
        }
        rb.send()
    };
    assert_eq!(
        openapi(
            &c.dev_token,
            Some(metadesk_sandbox::DEV_TOKEN_CLIENT_ID),
            true
        )
        .await
        .unwrap()
        .status(),
        403
    );
    let jwt = jwt_token(&sb, &c.service_credentials_json).await;
    assert_eq!(
        openapi(&jwt, Some(&c.service_client_id), true)
            .await
            .unwrap()
            .status(),
        403
    );
    assert_eq!(openapi(&s2s, None, true).await.unwrap().status(), 401);
    assert_eq!(
        openapi(&s2s, Some("someone-else"), true)
            .await
            .unwrap()
            .status(),
        403
    );
    let r = openapi(&s2s, Some(&c.oauth_client_id), false)
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    assert_eq!(r.headers()["content-type"], "application/problem+json");
    assert_eq!(
        openapi(&s2s, Some(&c.oauth_client_id), true)
            .await
            .unwrap()
            .status(),
        200
    );
}

#[tokio::test]
async fn openapi_metadata_etag_if_match_and_folders_cursor() {
    let sb = start().await;
    let base = sb.base_url();
    let c = sb.credentials().clone();
    let s2s = s2s_token(&sb).await;
    let path = sb.dump(false)["assets"][1]["path"]
        .as_str()
        .unwrap()
        .to_owned();
    let id = sb.asset(&path).unwrap()["assetId"]
        .as_str()
        .unwrap()
        .to_owned();
    let url = format!("{base}/adobe/assets/{id}/metadata");
    let req = |m: reqwest::Method| {
        client()
            .request(m, &url)
            .bearer_auth(&s2s)
            .header("X-Api-Key", &c.oauth_client_id)
            .header("X-Adobe-Accept-Experimental", "1")
    };
    let r = req(reqwest::Method::GET).send().await.unwrap();
    assert_eq!(r.status(), 200);
    let etag = r.headers()["etag"].to_str().unwrap().to_owned();
    let doc: Value = r.json().await.unwrap();
    assert_eq!(doc["assetId"], json!(id));
    assert_eq!(doc["repositoryMetadata"]["repo:path"], json!(path));
    assert!(doc["assetMetadata"]["dc:title"].is_string());
    assert_eq!(
        req(reqwest::Method::GET)
            .header("If-None-Match", &etag)
            .send()
            .await
            .unwrap()
            .status(),
        304
    );
    let patch = json!([{"op": "add", "path": "/dc:title", "value": "Patched"}, {"op": "add", "path": "/pim:sku", "value": "ABC-1"}]);
    let r = req(reqwest::Method::PATCH)
        .header("content-type", "application/json-patch+json")
        .header("If-Match", &etag)
        .body(patch.to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let new_etag = r.headers()["etag"].to_str().unwrap().to_owned();
    assert_ne!(new_etag, etag);
    assert_eq!(
        r.json::<Value>().await.unwrap()["assetMetadata"]["pim:sku"],
        "ABC-1"
    );
    // The stale ETag now gets 412 and changes nothing.
    let r = req(reqwest::Method::PATCH)
        .header("content-type", "application/json-patch+json")
        .header("If-Match", &etag)
        .body(json!([{"op": "add", "path": "/dc:title", "value": "Lost"}]).to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 412);
    assert_eq!(sb.asset(&path).unwrap()["metadata"]["dc:title"], "Patched");
    // If-Match: * and a malformed patch.
    let r = req(reqwest::Method::PATCH)
        .header("content-type", "application/json-patch+json")
        .header("If-Match", "*")
        .body(r#"[{"op":"add","path":"foo","value":"bar"}]"#)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    let r = req(reqwest::Method::PATCH)
        .header("content-type", "application/json-patch+json")
        .header("If-Match", "*")
        .body(r#"[{"op":"remove","path":"/pim:sku"}]"#)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(
        sb.asset(&path).unwrap()["metadata"]
            .get("pim:sku")
            .is_none()
    );
    let missing =
        format!("{base}/adobe/assets/urn:aaid:aem:00000000-0000-4000-8000-000000000000/metadata");
    let r = client()
        .get(missing)
        .bearer_auth(&s2s)
        .header("X-Api-Key", &c.oauth_client_id)
        .header("X-Adobe-Accept-Experimental", "1")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);

    // Folders: children only, cursor paging.
    let folders = |q: String| {
        client()
            .get(format!("{base}/adobe/folders?{q}"))
            .bearer_auth(&s2s)
            .header("X-Api-Key", &c.oauth_client_id)
            .header("X-Adobe-Accept-Experimental", "1")
            .send()
    };
    let sample_parent = SAMPLE_FOLDER.rsplit_once('/').unwrap().0;
    let first: Value = folders(format!("path={sample_parent}&limit=1"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(first["self"]["path"], sample_parent);
    assert_eq!(first["children"][0]["path"], SAMPLE_FOLDER);
    assert!(
        first["children"][0]["folderId"]
            .as_str()
            .unwrap()
            .starts_with("urn:aaid:aem:")
    );
    let cursor = first["cursor"]
        .as_str()
        .expect("more than one child folder")
        .to_owned();
    let second: Value = folders(format!("path={sample_parent}&limit=1&cursor={cursor}"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_ne!(second["children"][0]["path"], SAMPLE_FOLDER);
    let root: Value = folders(String::new()).await.unwrap().json().await.unwrap();
    assert_eq!(root["self"]["path"], "/content/dam");
    assert_eq!(
        folders("path=/content/dam/nope".into())
            .await
            .unwrap()
            .status(),
        404
    );
    assert_eq!(folders("limit=500".into()).await.unwrap().status(), 400);
}

/// A Folders API page holds at most the configured page cap, whatever `limit` asks, and says
/// with its cursor that more follow: a short page is not the last one.
#[tokio::test]
async fn folders_pages_are_capped_and_carry_a_cursor() {
    let sb = Sandbox::start(config().with_max_page_limit(1))
        .await
        .unwrap();
    let parent = SAMPLE_FOLDER.rsplit_once('/').unwrap().0;
    let (base, c) = (sb.base_url(), sb.credentials().clone());
    let s2s = s2s_token(&sb).await;
    let mut cursor: Option<String> = None;
    let mut paths = Vec::new();
    loop {
        let mut q = vec![("path", parent.to_owned()), ("limit", "50".to_owned())];
        q.extend(cursor.clone().map(|c| ("cursor", c)));
        let page: Value = client()
            .get(format!("{base}/adobe/folders"))
            .query(&q)
            .bearer_auth(&s2s)
            .header("X-Api-Key", &c.oauth_client_id)
            .header("X-Adobe-Accept-Experimental", "1")
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let children = page["children"].as_array().unwrap();
        assert!(children.len() <= 1, "{page}");
        paths.extend(
            children
                .iter()
                .map(|c| c["path"].as_str().unwrap().to_owned()),
        );
        match page["cursor"].as_str() {
            Some(next) => cursor = Some(next.to_owned()),
            None => break,
        }
    }
    assert!(paths.len() > 1, "{paths:?}");
    let unique: std::collections::HashSet<_> = paths.iter().collect();
    assert_eq!(unique.len(), paths.len());
}

#[tokio::test]
async fn graphql_endpoint_and_persisted_queries() {
    let sb = start().await;
    let base = sb.base_url();
    let token = sb.credentials().dev_token.clone();
    let r = client()
        .post(format!("{base}/content/_cq_graphql/global/endpoint.json"))
        .bearer_auth(&token)
        .json(&json!({"query": "{ articleList { items { _path title author } } }"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let v: Value = r.json().await.unwrap();
    let items = v["data"]["articleList"]["items"]
        .as_array()
        .unwrap()
        .clone();
    assert!(items.len() >= 4);
    let path = items[0]["_path"].as_str().unwrap().to_owned();
    assert_eq!(
        items[0]["title"],
        sb.asset(&path).unwrap()["metadata"]["dc:title"]
    );
    let r = client().post(format!("{base}/content/_cq_graphql/global/endpoint.json")).bearer_auth(&token)
        .json(&json!({"query": "query ($p: String!) { articleByPath(_path: $p) { item { title } } }", "variables": {"p": path}})).send().await.unwrap();
    assert_eq!(
        r.json::<Value>().await.unwrap()["data"]["articleByPath"]["item"]["title"],
        items[0]["title"]
    );
    let r = client()
        .post(format!("{base}/content/_cq_graphql/global/endpoint.json"))
        .bearer_auth(&token)
        .json(&json!({"query": "{ nope }"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    assert!(r.json::<Value>().await.unwrap()["errors"][0]["message"].is_string());
    assert_eq!(
        client()
            .post(format!("{base}/content/_cq_graphql/global/endpoint.json"))
            .json(&json!({"query": "{ __typename }"}))
            .send()
            .await
            .unwrap()
            .status(),
        401
    );
    // Persisted: seeded list, by-path with ;var=value, and one created over HTTP.
    let (s, v) = get_json(
        &format!("{base}/graphql/execute.json/metadesk/article-list"),
        &token,
    )
    .await;
    assert_eq!(s, 200);
    assert_eq!(
        v["data"]["articleList"]["items"].as_array().unwrap().len(),
        items.len()
    );
    let enc = format!("article-by-path%3Bpath%3D{}", path.replace('/', "%2F"));
    let (s, v) = get_json(
        &format!("{base}/graphql/execute.json/metadesk/{enc}"),
        &token,
    )
    .await;
    assert_eq!(s, 200);
    assert_eq!(v["data"]["articleByPath"]["item"]["_path"], json!(path));
    // Adobe's headless client's `runPersistedQuery(…, { method: 'POST' })`: variables in the body.
    let r = client()
        .post(format!(
            "{base}/graphql/execute.json/metadesk/article-by-path"
        ))
        .bearer_auth(&token)
        .json(&json!({"variables": {"path": path}}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(
        r.json::<Value>().await.unwrap()["data"]["articleByPath"]["item"]["_path"],
        json!(path)
    );
    let r = client()
        .put(format!("{base}/graphql/persist.json/metadesk/titles"))
        .bearer_auth(&token)
        .body("{ articleList { items { title } } }")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    assert_eq!(
        r.json::<Value>().await.unwrap()["shortPath"],
        "/metadesk/titles"
    );
    let (s, v) = get_json(
        &format!("{base}/graphql/execute.json/metadesk/titles"),
        &token,
    )
    .await;
    assert_eq!(s, 200);
    assert!(v["data"]["articleList"]["items"][0]["title"].is_string());
    assert_eq!(
        get_json(
            &format!("{base}/graphql/execute.json/metadesk/nope"),
            &token
        )
        .await
        .0,
        404
    );
}

#[tokio::test]
async fn graphql_listings_access_and_endpoints_not_enabled() {
    let sb = start().await;
    let base = sb.base_url();
    let token = sb.credentials().dev_token.clone();
    let (s, v) = get_json(&format!("{base}/content/_cq_graphql.1.json"), &token).await;
    assert_eq!(s, 200);
    assert!(v["global"].is_object() && v["metadesk"].is_object(), "{v}");
    let (s, v) = get_json(&format!("{base}/graphql/list.json"), &token).await;
    assert_eq!(s, 200);
    let metadesk = v
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["configurationName"] == "metadesk")
        .unwrap();
    assert_eq!(
        metadesk["queries"][0]["path"]["shortForm"],
        "/metadesk/article-by-path"
    );
    assert!(metadesk["queries"][0]["data"]["query"].is_string());
    let (s, v) = get_json(&format!("{base}/graphql/list.json/global"), &token).await;
    assert_eq!((s, v[0]["queries"].as_array().unwrap().len()), (200, 0));
    // A configuration without an endpoint.
    let r = client()
        .post(format!("{base}/content/_cq_graphql/wknd/endpoint.json"))
        .bearer_auth(&token)
        .json(&json!({"query": "{ __typename }"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    assert_eq!(r.text().await.unwrap(), "No suitable endpoint found");
    // An account nobody granted GraphQL: 403 on every GraphQL URL.
    sb.set_graphql_access(&sb.credentials().dev_token_user, false);
    let r = client()
        .post(format!("{base}/content/_cq_graphql/global/endpoint.json"))
        .bearer_auth(&token)
        .json(&json!({"query": "{ __typename }"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    let (s, _) = get_json(&format!("{base}/graphql/list.json"), &token).await;
    assert_eq!(s, 403);
    sb.set_graphql_access(&sb.credentials().dev_token_user, true);
    let (s, _) = get_json(&format!("{base}/graphql/list.json"), &token).await;
    assert_eq!(s, 200);
    // The same switch over HTTP, for tests in other processes; a body without both fields is
    // refused and changes nothing.
    let access = |body: Value| {
        client()
            .put(format!("{base}/__sandbox/graphql-access"))
            .json(&body)
            .send()
    };
    let user = sb.credentials().dev_token_user.clone();
    assert_eq!(access(json!({"user": user})).await.unwrap().status(), 400);
    assert_eq!(
        get_json(&format!("{base}/graphql/list.json"), &token)
            .await
            .0,
        200
    );
    let r = access(json!({"user": user, "allowed": false}))
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(
        get_json(&format!("{base}/graphql/list.json"), &token)
            .await
            .0,
        403
    );
    access(json!({"user": user, "allowed": true}))
        .await
        .unwrap();
    assert_eq!(
        get_json(&format!("{base}/graphql/list.json"), &token)
            .await
            .0,
        200
    );
    // Errors with locations; a persisted query run with an encoded value holding ' ', '&', '='.
    let r = client()
        .post(format!("{base}/content/_cq_graphql/global/endpoint.json"))
        .bearer_auth(&token)
        .json(&json!({"query": "{\n  articleList { items { nope } } }"}))
        .send()
        .await
        .unwrap();
    let v: Value = r.json().await.unwrap();
    assert_eq!(
        v["errors"][0]["locations"][0],
        json!({"line": 2, "column": 25})
    );
    let (_, v) = get_json(
        &format!(
            "{base}/graphql/execute.json/metadesk/article-by-path%3Bpath%3D%2Fnot%20here%26a%3Db"
        ),
        &token,
    )
    .await;
    assert!(
        v["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("No content fragment at /not here&a=b"),
        "{v}"
    );
}

#[tokio::test]
async fn basic_auth_in_local_sdk_mode() {
    let sb = Sandbox::start(config().with_basic_auth("admin", "admin"))
        .await
        .unwrap();
    let base = sb.base_url();
    let me: Value = client()
        .get(format!("{base}/libs/granite/security/currentuser.json"))
        .basic_auth("admin", Some("admin"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(me["authorizableId"], "admin");
    let path = sb.dump(false)["assets"][0]["path"]
        .as_str()
        .unwrap()
        .to_owned();
    let api = format!(
        "{base}/api/assets{}.json",
        path.trim_start_matches("/content/dam")
    );
    let r = client()
        .put(&api)
        .basic_auth("admin", Some("admin"))
        .json(&json!({"class": "asset", "properties": {"metadata/dc:rights": "SDK"}}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(sb.asset(&path).unwrap()["metadata"]["dc:rights"], "SDK");
    let r = client()
        .get(&api)
        .basic_auth("admin", Some("wrong"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
    assert!(
        r.headers()["www-authenticate"]
            .to_str()
            .unwrap()
            .starts_with("Basic")
    );
    // Off by default.
    let plain = start().await;
    let r = client()
        .get(format!(
            "{}/libs/granite/security/currentuser.json",
            plain.base_url()
        ))
        .basic_auth("admin", Some("admin"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
}

#[tokio::test]
async fn sling_post_sets_and_deletes_metadata_from_form_fields() {
    let sb = start().await;
    let base = sb.base_url();
    let token = sb.credentials().dev_token.clone();
    let asset = sb.leaf_folders()[0].clone();
    let dump = sb.dump(false);
    let asset = dump["assets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["path"].as_str().unwrap().to_owned())
        .find(|p| p.starts_with(&asset))
        .unwrap();
    let post = |path: String, body: &'static str, content_type: &'static str, token: String| {
        client()
            .post(path)
            .bearer_auth(token)
            .header("content-type", content_type)
            .header("accept", "application/json")
            .body(body)
            .send()
    };
    let metadata = format!("{base}{asset}/jcr:content/metadata");
    let form = "application/x-www-form-urlencoded";
    let r = post(
        metadata.clone(),
        "_charset_=utf-8&.%2Fdc%3Atitle=a+b%26c&dc:subject=x&dc:subject=y",
        form,
        token.clone(),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 200);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["status.code"], 200);
    assert_eq!(v["changes"][0]["type"], "modified");
    let state = sb.asset(&asset).unwrap();
    assert_eq!(state["metadata"]["dc:title"], "a b&c", "{state}");
    assert_eq!(state["metadata"]["dc:subject"], json!(["x", "y"]));
    let r = post(metadata.clone(), "dc:title@Delete=", form, token.clone())
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(sb.asset(&asset).unwrap()["metadata"]["dc:title"].is_null());

    // Not a form, a node that is not an asset's metadata, a read-only account: nothing written.
    let before = sb.asset(&asset).unwrap();
    let r = post(
        metadata.clone(),
        "{\"dc:title\":\"x\"}",
        "application/json",
        token.clone(),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 400);
    let r = post(format!("{base}{asset}"), "dc:title=x", form, token.clone())
        .await
        .unwrap();
    assert_eq!(r.status(), 400, "the asset node itself is not simulated");
    let ro = sb.issue_dev_token("reader@example.com", true);
    let r = post(metadata, "dc:title=x", form, ro).await.unwrap();
    assert_eq!(r.status(), 403);
    assert_eq!(sb.asset(&asset).unwrap(), before);
}

/// A Sling POST on a folder writes many assets in one commit (issue 28): item-path parameters,
/// junk nodes for paths that hold nothing, atomic refusal, the refusal switch and the CSRF rule.
#[tokio::test]
async fn sling_post_on_a_folder_writes_many_assets_in_one_commit() {
    let sb = start().await;
    let base = sb.base_url();
    let token = sb.credentials().dev_token.clone();
    let folder = sb.leaf_folders()[0].clone();
    let dump = sb.dump(false);
    let mut names = dump["assets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["path"].as_str().unwrap().to_owned())
        .filter(|p| p.rsplit_once('/').unwrap().0 == folder)
        .filter(|p| sb.asset(p).unwrap()["contentFragment"] == false)
        .map(|p| p.rsplit_once('/').unwrap().1.to_owned());
    let (a, b) = (names.next().unwrap(), names.next().unwrap());
    let post = |body: String, csrf: Option<String>| {
        let r = client()
            .post(format!("{base}{folder}"))
            .bearer_auth(&token)
            .header("content-type", "application/x-www-form-urlencoded")
            .header("accept", "application/json")
            .body(body);
        match csrf {
            Some(t) => r.header("CSRF-Token", t),
            None => r,
        }
        .send()
    };
    let form = |pairs: &[(String, &str)]| {
        url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs.iter().map(|(k, v)| (k.as_str(), *v)))
            .finish()
    };
    let p = |name: &str, prop: &str| format!("./{name}/jcr:content/metadata/{prop}");
    let r = post(
        form(&[
            (p(&a, "dc:rights"), "R"),
            (p(&b, "dc:rights"), "R"),
            (p(&b, "cq:tags"), "t:one"),
            (p(&b, "cq:tags@TypeHint"), "String[]"),
        ]),
        None,
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 200);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["changes"].as_array().unwrap().len(), 3, "{v}");
    let state = |name: &str| sb.asset(&format!("{folder}/{name}")).unwrap()["metadata"].clone();
    assert_eq!(state(&a)["dc:rights"], "R");
    assert_eq!(state(&b)["cq:tags"], json!(["t:one"]));
    assert_eq!(sb.counters().batch_writes, 1);
    assert!(sb.junk_nodes().is_empty());

    // A path that holds no asset: Sling creates the node (junk), it does not fail.
    let r = post(form(&[(p("no-such.jpg", "dc:rights"), "X")]), None)
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["changes"][0]["type"], "created", "{v}");
    let junk = format!("{folder}/no-such.jpg/jcr:content/metadata");
    assert_eq!(sb.junk_nodes()[&junk]["dc:rights"], "X");

    // One refused asset refuses the whole commit.
    sb.set_faults(metadesk_sandbox::Faults {
        write_denied: vec![format!("{folder}/{b}")],
        ..Default::default()
    })
    .unwrap();
    let r = post(
        form(&[(p(&a, "dc:rights"), "S"), (p(&b, "dc:rights"), "S")]),
        None,
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 403);
    assert_eq!(
        state(&a)["dc:rights"],
        "R",
        "nothing of a refused commit lands"
    );

    // An AEM that refuses batch writes; one that wants a CSRF token.
    sb.set_faults(metadesk_sandbox::Faults {
        batch_writes_refused: Some(405),
        ..Default::default()
    })
    .unwrap();
    let r = post(form(&[(p(&a, "dc:rights"), "S")]), None)
        .await
        .unwrap();
    assert_eq!(r.status(), 405);
    sb.set_faults(metadesk_sandbox::Faults {
        csrf_required: true,
        ..Default::default()
    })
    .unwrap();
    let r = post(form(&[(p(&a, "dc:rights"), "S")]), None)
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    assert_eq!(state(&a)["dc:rights"], "R");
    let csrf: Value = client()
        .get(format!("{base}/libs/granite/csrf/token.json"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let t = csrf["token"].as_str().unwrap().to_owned();
    let r = post(form(&[(p(&a, "dc:rights"), "S")]), Some(t))
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(state(&a)["dc:rights"], "S");
}
