//! QueryBuilder (`/bin/querybuilder.json`) over HTTP: predicates, paging and totals under
//! `p.guessTotal`, selective hits nesting `jcr:content/…`, the refusal of an OAuth S2S token
//! and the traversal-limit stop.
#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use metadesk_sandbox::{SAMPLE_FOLDER, Sandbox};
use serde_json::{Value, json};

async fn qb(sb: &Sandbox, token: &str, params: &[(&str, &str)]) -> (u16, Value) {
    let r = client()
        .get(format!("{}/bin/querybuilder.json", sb.base_url()))
        .query(params)
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    let s = r.status().as_u16();
    (s, r.json().await.unwrap_or(Value::Null))
}

fn paths(body: &Value) -> Vec<String> {
    body["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["jcr:path"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn pages_totals_and_selective_hits() {
    let sb = Sandbox::start(config().with_assets(120).with_assets_per_folder(120))
        .await
        .unwrap();
    let token = sb.credentials().dev_token.clone();
    let base = [
        ("path", SAMPLE_FOLDER),
        ("path.flat", "true"),
        ("type", "dam:Asset"),
        ("orderby", "path"),
        ("p.hits", "selective"),
        (
            "p.properties",
            "jcr:path jcr:content/metadata/dc:format jcr:content/contentFragment",
        ),
    ];
    let with = |extra: &[(&'static str, &'static str)]| {
        let mut p = base.to_vec();
        p.extend_from_slice(extra);
        p
    };
    let (s, all) = qb(&sb, &token, &with(&[("p.limit", "-1")])).await;
    assert_eq!(s, 200, "{all}");
    assert_eq!(
        (all["total"].as_u64(), all["more"].as_bool()),
        (Some(120), Some(false))
    );
    let every = paths(&all);
    let mut sorted = every.clone();
    sorted.sort();
    assert_eq!(every, sorted, "ordered by path");
    let hit = &all["hits"][0];
    assert!(
        hit["jcr:content"]["metadata"]["dc:format"].is_string(),
        "{hit}"
    );
    assert!(hit.get("dc:format").is_none(), "nested, not flat: {hit}");

    // A guessed total is a lower bound: counted only up to offset + limit.
    let (_, page) = qb(
        &sb,
        &token,
        &with(&[
            ("p.limit", "50"),
            ("p.offset", "50"),
            ("p.guessTotal", "true"),
        ]),
    )
    .await;
    assert_eq!(page["results"], 50);
    assert_eq!(
        (page["total"].as_u64(), page["more"].as_bool()),
        (Some(100), Some(true))
    );
    assert_eq!(paths(&page), every[50..100]);
    let (_, last) = qb(
        &sb,
        &token,
        &with(&[
            ("p.limit", "50"),
            ("p.offset", "100"),
            ("p.guessTotal", "true"),
        ]),
    )
    .await;
    assert_eq!(
        (last["results"].as_u64(), last["more"].as_bool()),
        (Some(20), Some(false))
    );
    // Without p.limit the servlet answers 10 hits.
    let (_, ten) = qb(&sb, &token, &base).await;
    assert_eq!(ten["results"], 10);
    // Content fragments say so in a selective hit.
    assert!(
        all["hits"]
            .as_array()
            .unwrap()
            .iter()
            .any(|h| h["jcr:content"]["contentFragment"] == true)
    );
}

#[tokio::test]
async fn predicates_select_what_they_say() {
    let sb = Sandbox::start(config().with_assets(80).with_assets_per_folder(80))
        .await
        .unwrap();
    let token = sb.credentials().dev_token.clone();
    let (_, all) = qb(
        &sb,
        &token,
        &[
            ("path", SAMPLE_FOLDER),
            ("type", "dam:Asset"),
            ("p.limit", "-1"),
            ("p.hits", "full"),
            ("p.nodedepth", "2"),
        ],
    )
    .await;
    let hits = all["hits"].as_array().unwrap().clone();
    let md = |h: &Value| h["jcr:content"]["metadata"].clone();
    let (a, b) = (
        hits[0]["jcr:path"].as_str().unwrap(),
        hits[1]["jcr:path"].as_str().unwrap(),
    );
    sb.write_metadata(
        a,
        vec![
            (
                "cq:tags".into(),
                Some(json!(["wknd:activity/surfing/big-wave"])),
            ),
            ("dc:rights".into(), Some(json!("50% off \"summer\" *deal*"))),
        ],
    );
    sb.write_metadata(b, vec![("dc:rights".into(), None)]);
    let count = |extra: Vec<(&'static str, String)>| {
        let sb = &sb;
        let token = token.clone();
        async move {
            let mut p: Vec<(&str, String)> = vec![
                ("path", SAMPLE_FOLDER.into()),
                ("type", "dam:Asset".into()),
                ("p.limit", "-1".into()),
                ("p.hits", "selective".into()),
                ("p.properties", "jcr:path".into()),
            ];
            p.extend(extra);
            let p: Vec<(&str, &str)> = p.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let (s, body) = qb(sb, &token, &p).await;
            assert_eq!(s, 200, "{body}");
            paths(&body)
        }
    };
    let s = |v: &str| v.to_owned();
    let tagged = count(vec![
        ("tagid", s("wknd:activity/surfing")),
        ("tagid.property", s("jcr:content/metadata/cq:tags")),
    ])
    .await;
    assert_eq!(tagged, [a], "a tag matches the tags below it");
    let like = count(vec![
        ("property", s("jcr:content/metadata/dc:rights")),
        ("property.operation", s("like")),
        ("property.value", s("%50\\% off \"summer\" *deal*%")),
    ])
    .await;
    assert_eq!(like, [a]);
    let empty = count(vec![
        ("property", s("jcr:content/metadata/dc:rights")),
        ("property.operation", s("not")),
    ])
    .await;
    let expected_empty = hits
        .iter()
        .filter(|h| md(h).get("dc:rights").is_none() || h["jcr:path"] == b)
        .count();
    assert!(empty.contains(&b.to_owned()));
    assert_eq!(empty.len(), expected_empty);
    let not_empty = count(vec![
        ("property", s("jcr:content/metadata/dc:rights")),
        ("property.operation", s("exists")),
        ("property.value", s("true")),
    ])
    .await;
    assert_eq!(not_empty.len() + empty.len(), hits.len());
    let jpegs = count(vec![
        ("property", s("jcr:content/metadata/dc:format")),
        ("property.value", s("image/jpeg")),
    ])
    .await;
    assert!(!jpegs.is_empty() && jpegs.iter().all(|p| p.ends_with(".jpg")));
    let named = count(vec![("nodename", s("*.pdf"))]).await;
    assert!(!named.is_empty() && named.iter().all(|p| p.ends_with(".pdf")));
    // Metadata written just now leaves jcr:lastModified as it was (as AEM as a Cloud Service
    // does): nothing was modified after yesterday until a file arrives.
    let yesterday = time::OffsetDateTime::now_utc() - time::Duration::days(1);
    let day = format!(
        "{:04}-{:02}-{:02}",
        yesterday.year(),
        u8::from(yesterday.month()),
        yesterday.day()
    );
    let since_yesterday = || {
        count(vec![
            ("daterange.property", s("jcr:content/jcr:lastModified")),
            ("daterange.lowerBound", day.clone()),
            ("daterange.lowerOperation", s(">=")),
        ])
    };
    assert_eq!(since_yesterday().await, Vec::<String>::new());
    let fresh = format!("{SAMPLE_FOLDER}/arrived-today.jpg");
    sb.upload(&fresh, Value::Null).unwrap();
    assert_eq!(since_yesterday().await, vec![fresh.clone()]);
    assert!(sb.remove_asset(&fresh));
    let old = count(vec![
        ("daterange.property", s("jcr:created")),
        ("daterange.upperBound", s("2023-01-01T02:30:00.000Z")),
    ])
    .await;
    assert_eq!(
        old.len(),
        3,
        "seeded assets are created an hour apart from 2023-01-01"
    );
    // any: an OR group; p.not negates a group.
    let any = count(vec![
        ("group.p.or", s("true")),
        ("group.1_tagid", s("wknd:activity/surfing")),
        ("group.1_tagid.property", s("jcr:content/metadata/cq:tags")),
        ("group.2_nodename", s("*.pdf")),
    ])
    .await;
    assert_eq!(any.len(), named.len() + 1);
    let not_like = count(vec![
        ("1_group.p.not", s("true")),
        ("1_group.2_property", s("jcr:content/metadata/dc:rights")),
        ("1_group.2_property.operation", s("like")),
        ("1_group.2_property.value", s("%summer%")),
    ])
    .await;
    assert_eq!(not_like.len(), hits.len() - 1);
}

#[tokio::test]
async fn lookups_by_path_and_uuid_in_one_group() {
    let sb = start().await;
    let token = sb.credentials().dev_token.clone();
    let (_, all) = qb(
        &sb,
        &token,
        &[
            ("path", SAMPLE_FOLDER),
            ("type", "dam:Asset"),
            ("p.limit", "2"),
        ],
    )
    .await;
    let first = all["hits"][0]["path"].as_str().unwrap().to_owned();
    let second = sb.asset(all["hits"][1]["path"].as_str().unwrap()).unwrap();
    let uuid = second["jcr:uuid"].as_str().unwrap();
    let (s, found) = qb(
        &sb,
        &token,
        &[
            ("group.p.or", "true"),
            ("group.1_path", &first),
            ("group.1_path.exact", "true"),
            ("group.2_path", SAMPLE_FOLDER),
            ("group.2_path.exact", "true"),
            ("group.3_property", "jcr:uuid"),
            ("group.3_property.value", uuid),
            ("group.4_path", "/content/dam/nothing/here.jpg"),
            ("group.4_path.exact", "true"),
            ("p.limit", "-1"),
            ("p.hits", "selective"),
            ("p.properties", "jcr:path jcr:primaryType jcr:uuid"),
        ],
    )
    .await;
    assert_eq!(s, 200, "{found}");
    let types: Vec<(String, String)> = found["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["jcr:path"].as_str().unwrap().to_owned(),
                h["jcr:primaryType"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(types.len(), 3, "{types:?}");
    assert!(types.contains(&(first, "dam:Asset".into())));
    assert!(types.contains(&(SAMPLE_FOLDER.into(), "sling:OrderedFolder".into())));
}

#[tokio::test]
async fn oauth_tokens_are_refused_and_broad_queries_stopped() {
    let sb = Sandbox::start(config().with_assets(200).with_query_traversal_limit(150))
        .await
        .unwrap();
    let s2s = s2s_token(&sb).await;
    let (s, _) = qb(
        &sb,
        &s2s,
        &[("path", "/content/dam"), ("type", "dam:Asset")],
    )
    .await;
    assert_eq!(s, 403, "QueryBuilder is not an OpenAPI API");
    let token = sb.credentials().dev_token.clone();
    let (s, body) = qb(
        &sb,
        &token,
        &[("path", "/content/dam"), ("type", "dam:Asset")],
    )
    .await;
    assert_eq!(s, 500);
    assert_eq!(body["success"], false);
    assert!(
        body["errorMessage"]
            .as_str()
            .unwrap()
            .contains("read or traversed more than 150 nodes"),
        "{body}"
    );
    let (s, _) = qb(
        &sb,
        &token,
        &[("path", SAMPLE_FOLDER), ("type", "dam:Asset")],
    )
    .await;
    assert_eq!(s, 200, "a narrower path reads less");
    let (s, body) = qb(
        &sb,
        &token,
        &[
            ("path", SAMPLE_FOLDER),
            ("daterange.property", "jcr:created"),
            ("daterange.lowerBound", "last tuesday"),
        ],
    )
    .await;
    assert_eq!((s, body["success"].clone()), (400, json!(false)));
}
