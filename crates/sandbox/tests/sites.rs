//! The Sites API's content fragments over HTTP: list pages (cursor, the cap of 50, subtrees),
//! reads with ETags, all-or-nothing patches (428, 412, each type's refusal), GraphQL seeing an
//! edit at once, the token rules, throttling, counters and the test hooks.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{client, config, jwt_token, s2s_token};
use metadesk_sandbox::{Faults, SAMPLE_FOLDER, Sandbox};
use reqwest::{Method, RequestBuilder};
use serde_json::{Value, json};

/// 130 assets, every one a content fragment: three list pages.
async fn start_all_fragments() -> Sandbox {
    Sandbox::start(config().with_assets(130).with_fragment_every(1))
        .await
        .unwrap()
}

struct Api {
    base: String,
    token: String,
    key: String,
}

impl Api {
    async fn new(sb: &Sandbox) -> Api {
        Api {
            base: sb.base_url(),
            token: s2s_token(sb).await,
            key: sb.credentials().oauth_client_id.clone(),
        }
    }
    fn request(&self, method: Method, path: &str) -> RequestBuilder {
        client()
            .request(method, format!("{}/adobe/sites{path}", self.base))
            .bearer_auth(&self.token)
            .header("X-Api-Key", &self.key)
    }
    async fn get(&self, path: &str) -> (u16, Value, Option<String>) {
        answer(self.request(Method::GET, path)).await
    }
    async fn patch(
        &self,
        id: &str,
        etag: Option<&str>,
        ops: Value,
    ) -> (u16, Value, Option<String>) {
        let mut r = self
            .request(Method::PATCH, &format!("/cf/fragments/{id}"))
            .header("Content-Type", "application/json-patch+json")
            .body(ops.to_string());
        if let Some(e) = etag {
            r = r.header("If-Match", e);
        }
        answer(r).await
    }
    /// Every page of a list, following the cursor; the items and the pages' sizes.
    async fn list_all(&self, query: &str) -> (Vec<Value>, Vec<usize>) {
        let (mut items, mut sizes, mut cursor) = (Vec::new(), Vec::new(), None::<String>);
        loop {
            let c = cursor.map(|c| format!("&cursor={c}")).unwrap_or_default();
            let (s, v, etag) = self.get(&format!("/cf/fragments?{query}{c}")).await;
            assert_eq!(s, 200, "{v}");
            assert!(etag.is_none(), "a list has no ETag");
            let page = v["items"].as_array().unwrap();
            sizes.push(page.len());
            items.extend(page.iter().cloned());
            match v.get("cursor").and_then(Value::as_str) {
                Some(next) => cursor = Some(next.to_owned()),
                None => return (items, sizes),
            }
        }
    }
}

async fn answer(r: RequestBuilder) -> (u16, Value, Option<String>) {
    let r = r.send().await.unwrap();
    let status = r.status().as_u16();
    let etag = r
        .headers()
        .get("etag")
        .map(|v| v.to_str().unwrap().to_owned());
    let text = r.text().await.unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(json!(text)),
        etag,
    )
}

fn paths(items: &[Value]) -> Vec<String> {
    items
        .iter()
        .map(|i| i["path"].as_str().unwrap().to_owned())
        .collect()
}

/// A model's node name: the last segment of its path (AEM's `name` is its title).
fn node_name(model: &Value) -> &str {
    model["path"].as_str().unwrap().rsplit('/').next().unwrap()
}

fn is_problem(v: &Value, status: u16) -> bool {
    v["status"] == status && v["title"].is_string() && v["detail"].is_string()
}

#[tokio::test]
async fn a_folder_is_listed_in_pages_of_fifty_with_a_cursor() {
    let sb = start_all_fragments().await;
    let api = Api::new(&sb).await;
    let (items, sizes) = api.list_all("path=/content/dam").await;
    assert_eq!(sizes, vec![50, 50, 30]);
    let all = paths(&items);
    let mut unique = all.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 130);
    let (_, small) = api.list_all("path=/content/dam&limit=20").await;
    assert_eq!(small, vec![20, 20, 20, 20, 20, 20, 10]);
    // Same order whatever the page size.
    let (again, _) = api.list_all("path=/content/dam&limit=7").await;
    assert_eq!(paths(&again), all);

    for bad in ["limit=51", "limit=0", "limit=ten", "cursor=nope"] {
        let (s, v, _) = api
            .get(&format!("/cf/fragments?path=/content/dam&{bad}"))
            .await;
        assert_eq!(s, 400, "{bad}");
        assert!(is_problem(&v, 400), "{v}");
    }
    let (_, v, _) = api.get("/cf/fragments?limit=51").await;
    assert!(v["detail"].as_str().unwrap().contains("50"), "{v}");
}

#[tokio::test]
async fn a_path_lists_its_subtree_in_tree_order_and_nothing_elsewhere() {
    // 200 fragments in 15 folders of two sections.
    let sb = Sandbox::start(config().with_assets(600).with_fragment_every(3))
        .await
        .unwrap();
    let api = Api::new(&sb).await;
    let (everything, _) = api.list_all("").await;
    let everything = paths(&everything);
    let (sample, _) = api.list_all(&format!("path={SAMPLE_FOLDER}")).await;
    let sample = paths(&sample);
    assert!(!sample.is_empty());
    assert!(
        sample
            .iter()
            .all(|p| p.starts_with(&format!("{SAMPLE_FOLDER}/")))
    );
    let (section, _) = api
        .list_all("path=/content/dam/wknd-shared/en/adventures/")
        .await;
    let section = paths(&section);
    assert!(section.len() > sample.len() && section.len() < everything.len());
    assert!(
        section
            .iter()
            .all(|p| p.starts_with("/content/dam/wknd-shared/en/adventures/"))
    );
    // Tree order: a folder's fragments together, in the order of the whole DAM's list.
    let at = everything.iter().position(|p| *p == section[0]).unwrap();
    assert_eq!(everything[at..at + section.len()], section[..]);
    // A fragment's own path lists it alone; a path holding nothing lists nothing.
    let (one, _) = api.list_all(&format!("path={}", sample[0])).await;
    assert_eq!(paths(&one), vec![sample[0].clone()]);
    for empty in [
        "/content/dam/nothing-here",
        "/content/dam/wknd-share",
        "/conf/x",
    ] {
        let (s, v, _) = api.get(&format!("/cf/fragments?path={empty}")).await;
        assert_eq!((s, v), (200, json!({"items": []})), "{empty}");
    }
}

#[tokio::test]
async fn a_fragment_reads_with_a_strong_etag_and_typed_fields() {
    let sb = Sandbox::start(config()).await.unwrap();
    let api = Api::new(&sb).await;
    let (items, _) = api.list_all("").await;
    let models: Vec<&str> = items.iter().map(|i| node_name(&i["model"])).collect();
    assert!(
        models.contains(&"article") && models.contains(&"adventure"),
        "{models:?}"
    );
    for item in &items {
        let id = item["id"].as_str().unwrap();
        let (s, v, etag) = api.get(&format!("/cf/fragments/{id}")).await;
        assert_eq!(s, 200);
        assert_eq!(&v, item, "a list item is the fragment");
        let etag = etag.unwrap();
        assert!(etag.starts_with('"') && !etag.starts_with("W/"), "{etag}");
        assert_eq!(
            sb.fragment_state(item["path"].as_str().unwrap()).unwrap()["etag"],
            etag
        );
        assert!(
            ["DRAFT", "MODIFIED", "PUBLISHED", "UNPUBLISHED"]
                .contains(&v["status"].as_str().unwrap())
        );
        assert!(v["modified"]["at"].is_string() && v["modified"]["by"].is_string());
        assert_eq!(v["fields"][0]["name"], "title");
        assert_eq!(v["fields"][0]["values"], json!([v["title"]]));
        for f in v["fields"].as_array().unwrap() {
            assert!(f["values"].is_array() && f["multiple"].is_boolean(), "{f}");
            assert_eq!(f.get("mimeType").is_some(), f["type"] == "long-text", "{f}");
        }
    }
    let adventure = items
        .iter()
        .find(|i| node_name(&i["model"]) == "adventure")
        .unwrap();
    let types: Vec<&str> = adventure["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["type"].as_str().unwrap())
        .collect();
    assert_eq!(
        types,
        [
            "text",
            "enumeration",
            "enumeration",
            "number",
            "boolean",
            "content-reference",
            "long-text"
        ]
    );
    // Its model gives each enumeration's options.
    let model_id = adventure["model"]["id"].as_str().unwrap();
    let (s, m, _) = api.get(&format!("/cf/models/{model_id}")).await;
    assert_eq!(s, 200);
    // As AEM: `name` is the model's title, its node name ends its path.
    assert_eq!(m["name"], "Adventure Trip");
    assert_eq!(node_name(&m), "adventure");
    let difficulty = &m["fields"][1];
    assert_eq!(difficulty["name"], "difficulty");
    assert_eq!(difficulty["options"].as_array().unwrap().len(), 3);
    assert_eq!(m["fields"][0]["required"], true);
    let dump = sb.dump(false);
    let in_dump = dump["assets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["path"] == adventure["path"]);
    assert_eq!(in_dump.unwrap()["model"], "adventure");
    let (s, all, _) = api.get("/cf/models").await;
    assert_eq!((s, all["items"].as_array().unwrap().len()), (200, 2));

    let (s, v, _) = api
        .get("/cf/fragments/00000000-0000-4000-8000-000000000000")
        .await;
    assert_eq!(s, 404);
    assert!(is_problem(&v, 404), "{v}");
    assert_eq!(api.get("/cf/fragments/not-an-id").await.0, 404);
    assert_eq!(api.get("/cf/models/nope").await.0, 404);
    let c = sb.counters();
    assert_eq!(
        (c.sites_list_pages, c.sites_reads),
        (1, items.len() as u64 + 2)
    );
}

#[tokio::test]
async fn a_patch_changes_the_fragment_its_etag_and_graphql_at_once() {
    let sb = Sandbox::start(config()).await.unwrap();
    let api = Api::new(&sb).await;
    let (items, _) = api.list_all("").await;
    let article = items
        .iter()
        .find(|i| node_name(&i["model"]) == "article")
        .unwrap();
    let (path, id) = (
        article["path"].as_str().unwrap(),
        article["id"].as_str().unwrap(),
    );
    assert!(sb.replicate_as(path, true, "admin"));
    let (_, before, etag) = api.get(&format!("/cf/fragments/{id}")).await;
    assert_eq!(before["status"], "PUBLISHED");
    let etag = etag.unwrap();
    let ops = json!([
        {"op": "replace", "path": "/title", "value": "A new title"},
        {"op": "replace", "path": "/description", "value": "New words"},
        {"op": "replace", "path": "/fields/1/values", "value": ["Ann Author"]},
        {"op": "add", "path": "/fields/2/values", "value": ["x", "y"]},
        {"op": "replace", "path": "/fields/4/values", "value": ["<p>Hello <b>world</b></p>"]},
    ]);
    let (s, after, new_etag) = api.patch(id, Some(&etag), ops).await;
    assert_eq!(s, 200, "{after}");
    let new_etag = new_etag.unwrap();
    assert_ne!(new_etag, etag);
    assert_eq!(after["title"], "A new title");
    assert_eq!(after["fields"][0]["values"], json!(["A new title"]));
    assert_eq!(after["description"], "New words");
    assert_eq!(after["fields"][1]["values"], json!(["Ann Author"]));
    assert_eq!(after["fields"][2]["values"], json!(["x", "y"]));
    assert_eq!(after["status"], "MODIFIED");
    assert_eq!(
        after["modified"]["by"],
        sb.credentials().oauth_technical_account_email
    );
    let (_, read, read_etag) = api.get(&format!("/cf/fragments/{id}")).await;
    assert_eq!((read, read_etag), (after.clone(), Some(new_etag.clone())));
    assert_eq!(sb.counters().writes_applied, 1);

    // GraphQL reads the same values at once.
    let r = client()
        .post(format!("{}/content/_cq_graphql/metadesk/endpoint.json", sb.base_url()))
        .bearer_auth(&sb.credentials().dev_token)
        .json(&json!({
            "query": "query ($p: String!) { articleByPath(_path: $p) { item { title description author keywords main { html } } } }",
            "variables": {"p": path},
        }))
        .send()
        .await
        .unwrap();
    let v: Value = r.json().await.unwrap();
    assert_eq!(
        v["data"]["articleByPath"]["item"],
        json!({"title": "A new title", "description": "New words", "author": "Ann Author",
               "keywords": ["x", "y"], "main": {"html": "<p>Hello <b>world</b></p>"}})
    );

    // Another title through the Assets metadata changes the fragment's ETag too.
    sb.edit_asset(path, json!({"dc:title": "Through metadata"}))
        .unwrap();
    let (_, v, e) = api.get(&format!("/cf/fragments/{id}")).await;
    assert_eq!(v["title"], "Through metadata");
    assert_ne!(e.unwrap(), new_etag);
}

#[tokio::test]
async fn a_patch_without_if_match_or_with_a_stale_one_changes_nothing() {
    let sb = Sandbox::start(config()).await.unwrap();
    let api = Api::new(&sb).await;
    let (items, _) = api.list_all("").await;
    let (path, id) = (
        items[0]["path"].as_str().unwrap(),
        items[0]["id"].as_str().unwrap(),
    );
    let (_, _, etag) = api.get(&format!("/cf/fragments/{id}")).await;
    let etag = etag.unwrap();
    let ops = json!([{"op": "replace", "path": "/fields/1/values", "value": ["Mine"]}]);

    let (s, v, _) = api.patch(id, None, ops.clone()).await;
    assert_eq!(s, 428);
    assert!(
        is_problem(&v, 428) && v["detail"].as_str().unwrap().contains("If-Match"),
        "{v}"
    );

    // A colleague's edit between the read and the write.
    sb.edit_fragment(path, "author", vec![json!("Theirs")])
        .unwrap();
    let state = sb.fragment_state(path).unwrap();
    assert_ne!(state["etag"], etag);
    assert_eq!(state["modified"]["by"], metadesk_sandbox::COLLEAGUE);
    let (s, v, _) = api.patch(id, Some(&etag), ops.clone()).await;
    assert_eq!(s, 412);
    assert!(is_problem(&v, 412), "{v}");
    assert_eq!(sb.fragment_state(path).unwrap(), state, "nothing changed");
    assert_eq!(state["fields"][1]["values"], json!(["Theirs"]));

    // Unknown fragment, wrong content type.
    let (s, _, _) = api
        .patch(
            "00000000-0000-4000-8000-000000000000",
            Some(&etag),
            ops.clone(),
        )
        .await;
    assert_eq!(s, 404);
    let r = api
        .request(Method::PATCH, &format!("/cf/fragments/{id}"))
        .header("If-Match", state["etag"].as_str().unwrap())
        .header("Content-Type", "text/plain")
        .body(ops.to_string());
    assert_eq!(answer(r).await.0, 415);
    assert_eq!(sb.fragment_state(path).unwrap(), state);
    assert_eq!(sb.counters().sites_patches, 4);
    assert_eq!(sb.counters().writes_applied, 0);
}

#[tokio::test]
async fn each_value_a_field_cannot_take_is_refused_naming_it_and_nothing_changes() {
    let sb = Sandbox::start(config()).await.unwrap();
    let api = Api::new(&sb).await;
    let (items, _) = api.list_all("").await;
    let adventure = items
        .iter()
        .find(|i| node_name(&i["model"]) == "adventure")
        .unwrap();
    let (path, id) = (
        adventure["path"].as_str().unwrap(),
        adventure["id"].as_str().unwrap(),
    );
    let before = sb.fragment_state(path).unwrap();
    let etag = before["etag"].as_str().unwrap().to_owned();
    let good = json!({"op": "replace", "path": "/fields/3/values", "value": [99]});
    let refused = [
        (
            json!({"op": "replace", "path": "/fields/3/values", "value": ["cheap"]}),
            "price",
        ),
        (
            json!({"op": "replace", "path": "/fields/1/values", "value": ["hard"]}),
            "difficulty",
        ),
        (
            json!({"op": "replace", "path": "/fields/2/values", "value": ["hiking", "flying"]}),
            "activities",
        ),
        (
            json!({"op": "replace", "path": "/fields/5/values", "value": [""]}),
            "heroImage",
        ),
        (
            json!({"op": "replace", "path": "/fields/5/values", "value": ["/etc/x.png"]}),
            "heroImage",
        ),
        (
            json!({"op": "replace", "path": "/fields/1/values", "value": ["easy", "moderate"]}),
            "difficulty",
        ),
        (
            json!({"op": "replace", "path": "/fields/4/values", "value": ["yes"]}),
            "featured",
        ),
        (
            json!({"op": "replace", "path": "/fields/3/values", "value": 99}),
            "price",
        ),
        (
            json!({"op": "replace", "path": "/fields/0/values", "value": []}),
            "title",
        ),
        (
            json!({"op": "replace", "path": "/title", "value": ""}),
            "title",
        ),
        (
            json!({"op": "replace", "path": "/fields/7/values", "value": ["x"]}),
            "field 7",
        ),
        (
            json!({"op": "replace", "path": "/fields/1/value", "value": ["easy"]}),
            "/fields/1/value",
        ),
        (
            json!({"op": "remove", "path": "/fields/1/values"}),
            "remove",
        ),
    ];
    for (bad, words) in refused {
        // A good operation first: all or nothing.
        let (s, v, e) = api.patch(id, Some(&etag), json!([good, bad])).await;
        assert_eq!(s, 400, "{bad}: {v}");
        assert!(is_problem(&v, 400), "{v}");
        assert!(
            v["detail"].as_str().unwrap().contains(words),
            "{words}: {v}"
        );
        assert!(e.is_none());
        assert_eq!(sb.fragment_state(path).unwrap(), before, "{bad} changed it");
    }
    let (s, v, _) = api.patch(id, Some(&etag), json!({"op": "replace"})).await;
    assert_eq!((s, is_problem(&v, 400)), (400, true));
    // The colleague's hook refuses the same values.
    assert!(
        sb.edit_fragment(path, "difficulty", vec![json!("hard")])
            .is_err()
    );
    assert!(sb.edit_fragment(path, "nope", vec![]).is_err());
    assert!(
        sb.edit_fragment("/content/dam/nope", "title", vec![json!("x")])
            .is_err()
    );
    assert_eq!(sb.fragment_state(path).unwrap(), before);
    assert_eq!(sb.counters().writes_applied, 0);
}

#[tokio::test]
async fn only_oauth_server_to_server_tokens_are_taken() {
    let sb = Sandbox::start(config()).await.unwrap();
    let base = sb.base_url();
    let service = jwt_token(&sb, &sb.credentials().service_credentials_json).await;
    let dev = sb.credentials().dev_token.clone();
    for token in [service, dev] {
        let r = client()
            .get(format!("{base}/adobe/sites/cf/fragments"))
            .bearer_auth(&token)
            .header("X-Api-Key", "whatever")
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 403);
        let v: Value = r.json().await.unwrap();
        let detail = v["detail"].as_str().unwrap();
        assert!(
            detail.contains("Sites API") && detail.contains("OAuth Server-to-Server"),
            "{detail}"
        );
    }
    let r = client()
        .get(format!("{base}/adobe/sites/cf/fragments"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
    // The right token without its X-Api-Key is refused too.
    let r = client()
        .get(format!("{base}/adobe/sites/cf/fragments"))
        .bearer_auth(s2s_token(&sb).await)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
}

#[tokio::test]
async fn the_throttle_answers_429_with_retry_after_on_the_sites_api() {
    let sb = Sandbox::start(config()).await.unwrap();
    let api = Api::new(&sb).await;
    sb.set_faults(Faults {
        throttle_rps: Some(1),
        ..Faults::default()
    })
    .unwrap();
    let first = api
        .request(Method::GET, "/cf/fragments")
        .send()
        .await
        .unwrap();
    assert_eq!(first.status(), 200);
    let r = api
        .request(Method::GET, "/cf/fragments")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 429);
    assert_eq!(r.headers()["retry-after"], "1");
    let c = sb.counters();
    assert_eq!((c.throttled, c.sites_list_pages), (1, 1));
}

#[tokio::test]
async fn the_control_api_edits_and_shows_a_fragment() {
    let sb = Sandbox::start(config()).await.unwrap();
    let base = sb.base_url();
    let api = Api::new(&sb).await;
    let (items, _) = api.list_all("").await;
    let adventure = items
        .iter()
        .find(|i| node_name(&i["model"]) == "adventure")
        .unwrap();
    let path = adventure["path"].as_str().unwrap();
    let r = client()
        .patch(format!("{base}/__sandbox/fragment?path={path}"))
        .json(&json!({"field": "activities", "values": ["surfing", "hiking"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["fields"][2]["values"], json!(["surfing", "hiking"]));
    assert!(v["etag"].is_string());
    let r = client()
        .patch(format!("{base}/__sandbox/fragment?path={path}"))
        .json(&json!({"field": "price", "values": ["free"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    let r = client()
        .patch(format!("{base}/__sandbox/fragment?path=/content/dam/nope"))
        .json(&json!({"field": "title", "values": ["x"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    let asset: Value = client()
        .get(format!("{base}/__sandbox/asset?path={path}"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(asset["fields"][2]["values"], json!(["surfing", "hiking"]));
    let state: Value = client()
        .get(format!("{base}/__sandbox/fragment?path={path}"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(state, sb.fragment_state(path).unwrap());
    // A reset takes the edit back.
    sb.reset();
    assert_eq!(
        sb.fragment_state(path).unwrap()["fields"],
        adventure["fields"]
    );
}

/// Issue 68: an OAuth Server-to-Server client publishes fragments through the Sites API (AEM's
/// replication servlet takes no such token): each path's status said, all or nothing, and the
/// publish tier then serves the fragment's values.
#[tokio::test]
async fn fragments_are_published_through_the_sites_api_all_or_nothing() {
    let sb = start_all_fragments().await;
    let api = Api::new(&sb).await;
    let (items, _) = api.list_all("path=/content/dam").await;
    let path = items
        .iter()
        .filter_map(|i| i["path"].as_str())
        .find(|p| sb.published(p, false).is_none())
        .expect("the seed leaves some fragments unpublished")
        .to_owned();
    let publish = |body: Value| {
        answer(
            api.request(Method::POST, "/cf/fragments/publish")
                .json(&body),
        )
    };
    let (status, v, _) = publish(json!({
        "paths": [path, "/content/dam/nowhere/x"],
        "workflowModelId": "/var/workflow/models/scheduled_activation_with_references",
    }))
    .await;
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["items"][0]["status"], "SUCCESS_TRIGGERED", "{v}");
    assert_eq!(v["items"][1]["status"], "ERROR_NOT_FOUND", "{v}");
    assert!(sb.published(&path, false).is_none(), "all or nothing");
    let (status, v, _) =
        publish(json!({"paths": [path], "workflowModelId": "/var/workflow/models/x"})).await;
    assert_eq!(status, 400, "{v}");
    let (status, v, _) = publish(json!({"paths": [path]})).await;
    assert_eq!(
        (status, &v["items"][0]["status"]),
        (200, &json!("SUCCESS_TRIGGERED")),
        "{v}"
    );
    assert!(
        sb.published(&path, false).is_some(),
        "served on the publish tier"
    );
    assert_eq!(sb.fragment_state(&path).unwrap()["status"], "PUBLISHED");
    let (status, v, _) = publish(json!({
        "paths": [path],
        "workflowModelId": "/var/workflow/models/scheduled_deactivation",
    }))
    .await;
    assert_eq!(status, 200, "{v}");
    assert!(sb.published(&path, false).is_none(), "unpublished");
    // Another kind of token is refused, as on every Sites API route.
    let jwt = jwt_token(&sb, &sb.credentials().service_credentials_json).await;
    let r = client()
        .post(format!(
            "{}/adobe/sites/cf/fragments/publish",
            sb.base_url()
        ))
        .bearer_auth(jwt)
        .json(&json!({"paths": [path]}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 403);
}
