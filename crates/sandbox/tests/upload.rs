//! Direct binary upload as AEM speaks it (adobe-wire-lifecycle.md §2): initiate form-encoded
//! (a JSON body answers "Missing field: fileName"), parts on a separate storage origin that
//! refuses AEM's headers, complete with versions or replacement, processing that overwrites
//! early metadata, folders through the Assets HTTP API; OAuth S2S tokens refused.
#![allow(clippy::unwrap_used)] // helpers outside #[test] fns unwrap too

mod common;

use std::time::Duration;

use common::*;
use metadesk_sandbox::{SAMPLE_FOLDER, Sandbox, UploadSettings};
use serde_json::{Value, json};

fn settings() -> UploadSettings {
    UploadSettings {
        min_part: 10,
        max_part: 40,
        most_uris: 4,
        processing: Duration::from_millis(300),
        ..UploadSettings::default()
    }
}

async fn sandbox() -> Sandbox {
    Sandbox::start(config().with_upload(settings()))
        .await
        .unwrap()
}

async fn initiate(
    sb: &Sandbox,
    token: &str,
    folder: &str,
    files: &[(&str, usize)],
) -> (u16, Value, String) {
    let mut form = Vec::new();
    for (name, size) in files {
        form.push(("fileName", (*name).to_owned()));
        form.push(("fileSize", size.to_string()));
    }
    let r = client()
        .post(format!("{}{folder}.initiateUpload.json", sb.base_url()))
        .bearer_auth(token)
        .form(&form)
        .send()
        .await
        .unwrap();
    let status = r.status().as_u16();
    let text = r.text().await.unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::Null),
        text,
    )
}

/// PUTs `bytes` in parts of `part` bytes, as Adobe's clients cut them, to `file`'s URIs.
async fn put_parts(file: &Value, bytes: &[u8], part: usize) {
    let uris = file["uploadURIs"].as_array().unwrap();
    for (chunk, uri) in bytes.chunks(part).zip(uris) {
        let r = client()
            .put(uri.as_str().unwrap())
            .body(chunk.to_vec())
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 201);
    }
}

async fn complete(
    sb: &Sandbox,
    token: &str,
    answer: &Value,
    file: &Value,
    extra: &[(&str, &str)],
) -> u16 {
    let mut form = vec![
        ("fileName", file["fileName"].as_str().unwrap()),
        ("mimeType", file["mimeType"].as_str().unwrap()),
        ("uploadToken", file["uploadToken"].as_str().unwrap()),
    ];
    form.extend_from_slice(extra);
    let url = format!(
        "{}{}",
        sb.base_url(),
        answer["completeURI"].as_str().unwrap()
    );
    let r = client()
        .post(url)
        .bearer_auth(token)
        .form(&form)
        .send()
        .await
        .unwrap();
    r.status().as_u16()
}

#[tokio::test]
async fn a_json_initiate_answers_missing_file_name_like_aem() {
    let sb = sandbox().await;
    let token = sb.credentials().dev_token.clone();
    let r = client()
        .post(format!(
            "{}{SAMPLE_FOLDER}.initiateUpload.json",
            sb.base_url()
        ))
        .bearer_auth(&token)
        .json(&json!({"fileName": "a.jpg", "fileSize": 3}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    assert_eq!(r.text().await.unwrap(), "Missing field: fileName");
    let (status, _, text) = initiate(&sb, &token, "/content/dam/nowhere", &[("a.jpg", 3)]).await;
    assert_eq!((status, text.contains("Folder not found")), (404, true));
    let (status, _, _) = initiate(&sb, &token, SAMPLE_FOLDER, &[("a:b.jpg", 3)]).await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn files_go_up_in_parts_to_storage_and_are_processed() {
    let sb = sandbox().await;
    let token = sb.credentials().dev_token.clone();
    let big: Vec<u8> = (0..35u8).collect();
    let (status, answer, _) = initiate(
        &sb,
        &token,
        SAMPLE_FOLDER,
        &[("big.jpg", 35), ("small.png", 4)],
    )
    .await;
    assert_eq!(status, 201);
    assert_eq!(answer["folderPath"], SAMPLE_FOLDER);
    let files = answer["files"].as_array().unwrap();
    assert_eq!(files.len(), 2);
    assert_eq!(
        files[0]["uploadURIs"].as_array().unwrap().len(),
        4,
        "ceil(35 / 10)"
    );
    assert_eq!(files[1]["uploadURIs"].as_array().unwrap().len(), 1);
    assert_eq!(
        (
            files[0]["minPartSize"].clone(),
            files[0]["maxPartSize"].clone()
        ),
        (json!(10), json!(40))
    );
    assert_eq!(files[0]["mimeType"], "image/jpeg");
    let uri = files[0]["uploadURIs"][0].as_str().unwrap();
    assert!(
        !uri.starts_with(&sb.base_url()),
        "storage is another origin: {uri}"
    );

    // Storage takes no AEM credential, and an incomplete upload does not complete.
    let with_token = client()
        .put(uri)
        .bearer_auth(&token)
        .body(vec![0u8; 10])
        .send()
        .await
        .unwrap();
    assert_eq!(with_token.status(), 403);
    let with_key = client()
        .put(uri)
        .header("X-Api-Key", "x")
        .body(vec![0u8; 10])
        .send()
        .await
        .unwrap();
    assert_eq!(with_key.status(), 403);
    assert_eq!(complete(&sb, &token, &answer, &files[0], &[]).await, 400);

    put_parts(&files[0], &big, 10).await;
    put_parts(&files[1], b"tiny", 10).await;
    assert_eq!(complete(&sb, &token, &answer, &files[0], &[]).await, 200);
    assert_eq!(complete(&sb, &token, &answer, &files[1], &[]).await, 200);
    let path = format!("{SAMPLE_FOLDER}/big.jpg");
    let state = sb.asset(&path).unwrap();
    // Not there yet, `unprocessed` or `processing`: anything but done.
    assert_ne!(state["assetState"], json!("processed"));
    assert_eq!(state["size"], json!(35));
    assert_eq!(sb.counters().storage_refused, 2);

    // A write before processing ends is overwritten by extraction; one after it stays.
    sb.edit_asset(&path, json!({"dc:title": "too early"}))
        .unwrap();
    tokio::time::sleep(Duration::from_millis(600)).await;
    let state = sb.asset(&path).unwrap();
    assert_eq!(state["assetState"], "processed");
    assert_eq!(state["metadata"].get("dc:title"), None);
    use sha1::Digest as _;
    let sha: String = sha1::Sha1::digest(&big)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(state["metadata"]["dam:sha1"], json!(sha));
    let content = client()
        .get(format!("{}{path}/jcr:content.json", sb.base_url()))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json::<Value>()
        .await
        .unwrap();
    assert_eq!(content["dam:assetState"], "processed");
}

#[tokio::test]
async fn a_second_upload_makes_a_version_or_a_new_asset() {
    let sb = sandbox().await;
    let token = sb.credentials().dev_token.clone();
    let path = format!("{SAMPLE_FOLDER}/v.jpg");
    let mut ids = Vec::new();
    for (body, extra) in [
        (&b"one"[..], &[][..]),
        (
            &b"two"[..],
            &[("createVersion", "true"), ("versionLabel", "2")][..],
        ),
        (&b"three"[..], &[("replace", "true")][..]),
    ] {
        let (_, answer, _) = initiate(&sb, &token, SAMPLE_FOLDER, &[("v.jpg", body.len())]).await;
        put_parts(&answer["files"][0], body, 10).await;
        assert_eq!(
            complete(&sb, &token, &answer, &answer["files"][0], extra).await,
            200
        );
        let state = sb.asset(&path).unwrap();
        ids.push((state["jcr:uuid"].clone(), state["versions"].clone()));
    }
    assert_eq!(ids[0].0, ids[1].0, "a version keeps the asset");
    assert_eq!(ids[1].1, json!(1));
    assert_ne!(ids[1].0, ids[2].0, "a replacement is a new asset");
}

#[tokio::test]
async fn folders_are_made_through_the_assets_api_and_s2s_may_not_upload() {
    let sb = sandbox().await;
    let token = sb.credentials().dev_token.clone();
    let make = |path: &str| {
        client()
            .post(format!("{}/api/assets{path}", sb.base_url()))
            .bearer_auth(&token)
            .json(&json!({"class": "assetFolder", "properties": {"title": "Drop"}}))
            .send()
    };
    let rel = SAMPLE_FOLDER.trim_start_matches("/content/dam");
    assert_eq!(make(&format!("{rel}/drop")).await.unwrap().status(), 201);
    assert_eq!(make(&format!("{rel}/drop")).await.unwrap().status(), 409);
    assert_eq!(make("/nowhere/drop").await.unwrap().status(), 412);
    let (status, _, _) = initiate(
        &sb,
        &token,
        &format!("{SAMPLE_FOLDER}/drop"),
        &[("a.jpg", 1)],
    )
    .await;
    assert_eq!(status, 201, "the new folder takes uploads at once");

    let s2s = s2s_token(&sb).await;
    let (status, _, _) = initiate(&sb, &s2s, SAMPLE_FOLDER, &[("a.jpg", 1)]).await;
    assert_eq!(status, 403, "OAuth Server-to-Server tokens may not upload");
}
