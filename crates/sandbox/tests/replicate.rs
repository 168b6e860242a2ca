//! `POST /bin/replicate.json` (issue 39): publication state on `jcr:content`, the publish
//! tier's copy, all-or-nothing refusals (per-path denial, a missing path), the CSRF rule, an
//! OAuth Server-to-Server token refused, and `hasPermission=crx:replicate`.
#![allow(clippy::unwrap_used)]

mod common;

use common::{client, s2s_token, start};
use metadesk_sandbox::{Faults, Sandbox};
use serde_json::Value;

fn form(cmd: &str, paths: &[&str]) -> String {
    let mut f = url::form_urlencoded::Serializer::new(String::new());
    f.append_pair("_charset_", "utf-8").append_pair("cmd", cmd);
    for p in paths {
        f.append_pair("path", p);
    }
    f.finish()
}

async fn replicate(sb: &Sandbox, token: &str, body: String, csrf: Option<&str>) -> (u16, String) {
    let r = client()
        .post(format!("{}/bin/replicate.json", sb.base_url()))
        .bearer_auth(token)
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", "application/json");
    let r = match csrf {
        Some(t) => r.header("CSRF-Token", t),
        None => r,
    };
    let r = r.body(body).send().await.unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

/// Two assets of the sample folder that are not published yet.
fn unpublished_pair(sb: &Sandbox) -> (String, String) {
    let folder = sb.leaf_folders()[0].clone();
    let dump = sb.dump(false);
    let mut paths = dump["assets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["path"].as_str().unwrap().to_owned())
        .filter(|p| p.rsplit_once('/').unwrap().0 == folder)
        .filter(|p| sb.asset(p).unwrap()["publication"]["publish"].is_null());
    (paths.next().unwrap(), paths.next().unwrap())
}

async fn content(sb: &Sandbox, token: &str, path: &str) -> Value {
    client()
        .get(format!("{}{path}/jcr:content.json", sb.base_url()))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

#[tokio::test]
async fn activation_records_the_state_and_copies_the_metadata_to_publish() {
    let sb = start().await;
    let token = sb.credentials().dev_token.clone();
    let user = sb.credentials().dev_token_user.clone();
    let (a, b) = unpublished_pair(&sb);
    assert!(sb.published(&a, false).is_none());
    assert!(content(&sb, &token, &a).await["cq:lastReplicationAction"].is_null());

    let (status, body) = replicate(&sb, &token, form("Activate", &[&a, &b]), None).await;
    assert_eq!(status, 200, "{body}");
    let c = content(&sb, &token, &a).await;
    assert_eq!(c["cq:lastReplicationAction"], "Activate");
    assert_eq!(c["cq:lastReplicatedBy"], user.as_str());
    assert!(c["cq:lastReplicated"].as_str().unwrap().contains("GMT"));
    assert_eq!(sb.counters().replications, 1);
    assert_eq!(sb.counters().replicated, 2);

    // The publish tier keeps the activated copy while author changes, until published again.
    let title = sb.asset(&a).unwrap()["metadata"]["dc:title"].clone();
    assert_eq!(sb.published(&a, false).unwrap()["dc:title"], title);
    sb.edit_asset(&a, serde_json::json!({"dc:title": "Changed on author"}))
        .unwrap();
    assert_eq!(sb.published(&a, false).unwrap()["dc:title"], title);
    assert!(sb.published(&a, true).is_none(), "Preview tier untouched");
    replicate(&sb, &token, form("activate", &[&a]), None).await;
    assert_eq!(
        sb.published(&a, false).unwrap()["dc:title"],
        "Changed on author"
    );

    // QueryBuilder returns the state (ISO dates) for exact paths.
    let q: Value = client()
        .get(format!("{}/bin/querybuilder.json", sb.base_url()))
        .bearer_auth(&token)
        .query(&[
            ("path", a.as_str()),
            ("path.exact", "true"),
            ("p.hits", "selective"),
            (
                "p.properties",
                "jcr:path jcr:content/cq:lastReplicationAction jcr:content/cq:lastReplicated",
            ),
        ])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let hit = &q["hits"][0];
    assert_eq!(hit["jcr:content"]["cq:lastReplicationAction"], "Activate");
    assert!(
        hit["jcr:content"]["cq:lastReplicated"]
            .as_str()
            .unwrap()
            .contains('T')
    );

    let (status, _) = replicate(&sb, &token, form("Deactivate", &[&a]), None).await;
    assert_eq!(status, 200);
    assert!(sb.published(&a, false).is_none());
    assert_eq!(
        content(&sb, &token, &a).await["cq:lastReplicationAction"],
        "Deactivate"
    );
    sb.reset();
    assert!(sb.published(&b, false).is_none(), "reset restores the seed");
}

#[tokio::test]
async fn a_refused_path_refuses_the_whole_request() {
    let sb = start().await;
    let token = sb.credentials().dev_token.clone();
    let (a, b) = unpublished_pair(&sb);
    sb.set_faults(Faults {
        replicate_denied: vec![b.clone()],
        ..Faults::default()
    })
    .unwrap();
    let (status, body) = replicate(&sb, &token, form("Activate", &[&a, &b]), None).await;
    assert_eq!(status, 403, "{body}");
    assert!(sb.published(&a, false).is_none(), "all or nothing");
    let (status, _) = replicate(
        &sb,
        &token,
        form("Activate", &[&a, "/content/dam/nope.jpg"]),
        None,
    )
    .await;
    assert_eq!(status, 404);
    assert!(sb.published(&a, false).is_none());
    let (status, _) = replicate(&sb, &token, form("Publish", &[&a]), None).await;
    assert_eq!(status, 400);

    // hasPermission=crx:replicate leaves out the denied path only.
    let q: Value = client()
        .get(format!("{}/bin/querybuilder.json", sb.base_url()))
        .bearer_auth(&token)
        .query(&[
            ("group.p.or", "true"),
            ("group.1_path", a.as_str()),
            ("group.1_path.exact", "true"),
            ("group.2_path", b.as_str()),
            ("group.2_path.exact", "true"),
            ("hasPermission", "crx:replicate"),
            ("p.limit", "-1"),
        ])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let paths: Vec<&str> = q["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, vec![a.as_str()], "{q}");

    // The CSRF rule and the token kinds, as for Sling POSTs.
    sb.set_faults(Faults {
        csrf_required: true,
        ..Faults::default()
    })
    .unwrap();
    let (status, _) = replicate(&sb, &token, form("Activate", &[&a]), None).await;
    assert_eq!(status, 403);
    let csrf: Value = client()
        .get(format!("{}/libs/granite/csrf/token.json", sb.base_url()))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let (status, _) = replicate(&sb, &token, form("Activate", &[&a]), csrf["token"].as_str()).await;
    assert_eq!(status, 200);
    let s2s = s2s_token(&sb).await;
    sb.set_faults(Faults::default()).unwrap();
    let (status, _) = replicate(&sb, &s2s, form("Activate", &[&b]), None).await;
    assert_eq!(status, 403);
    assert!(sb.published(&b, false).is_none());
}

/// The control API publishes or takes down an asset as a colleague would (for tests in other
/// processes), and refuses a request it cannot act on, changing nothing.
#[tokio::test]
async fn a_colleague_publishes_and_takes_down_through_the_control_api() {
    let sb = start().await;
    let (path, _) = unpublished_pair(&sb);
    let control = |query: &str| format!("{}/__sandbox/replicate?{query}", sb.base_url());
    let query = |action: &str| {
        url::form_urlencoded::Serializer::new(String::new())
            .append_pair("path", &path)
            .append_pair("action", action)
            .append_pair("by", "colleague@example.com")
            .finish()
    };
    let r = client()
        .post(control(&query("activate")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let state: Value = r.json().await.unwrap();
    assert_eq!(state["publication"]["publish"]["action"], "Activate");
    assert_eq!(
        state["publication"]["publish"]["by"],
        "colleague@example.com"
    );
    assert!(sb.published(&path, false).is_some());
    let r = client()
        .post(control(&query("deactivate")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(sb.published(&path, false).is_none());

    let before = sb.asset(&path).unwrap();
    for (bad, words) in [
        (query("publish"), "action must be activate or deactivate"),
        ("path=/content/dam/x.jpg".to_owned(), "give ?path="),
        (
            "path=/content/dam/nope.jpg&action=activate&by=x".to_owned(),
            "no asset at /content/dam/nope.jpg",
        ),
    ] {
        let r = client().post(control(&bad)).send().await.unwrap();
        assert_eq!(r.status(), 400, "{bad}");
        assert!(r.text().await.unwrap().contains(words), "{bad}");
    }
    assert_eq!(sb.asset(&path).unwrap(), before, "nothing changed");
}
