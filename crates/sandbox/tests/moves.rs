//! Issue 76 in the sandbox: `POST /bin/wcmcommand` `cmd=movePage` as AEM's Move wizard sends it
//! (`adobe-wire-lifecycle.md` §6): the same asset at a new path, the named referring pages
//! adjusted and the published copies left as they were, a published asset unpublished, one
//! commit, the read-only account refused, and the search index behind the move.
#![allow(clippy::unwrap_used)]

mod common;

use common::{asset_paths, client, config, jwt_token, post_form};
use metadesk_sandbox::{Faults, Sandbox};
use serde_json::Value;

async fn sandbox() -> Sandbox {
    Sandbox::start(config().with_assets(200).with_lifecycle(true))
        .await
        .unwrap()
}

async fn move_page(sb: &Sandbox, token: &str, fields: &[(&str, &str)]) -> (u16, String) {
    let fields: Vec<(&str, &str)> = [("cmd", "movePage")]
        .into_iter()
        .chain(fields.iter().copied())
        .collect();
    post_form(sb, token, "/bin/wcmcommand", &fields).await
}

/// An asset used by two pages, one of them published.
fn used_twice(sb: &Sandbox) -> (String, Vec<String>) {
    let path = asset_paths(sb)
        .into_iter()
        .find(|p| sb.pages_using(p).len() == 2)
        .unwrap();
    let pages = sb.pages_using(&path);
    (path, pages)
}

fn folder_of(path: &str) -> &str {
    path.rsplit_once('/').unwrap().0
}

#[tokio::test]
async fn a_rename_keeps_the_asset_and_adjusts_only_the_pages_named() {
    let sb = sandbox().await;
    let token = sb.credentials().dev_token.clone();
    let (old, pages) = used_twice(&sb);
    let before = sb.asset(&old).unwrap();
    let new = format!("{}/renamed-01.jpg", folder_of(&old));
    let (status, body) = move_page(
        &sb,
        &token,
        &[
            ("srcPath", &old),
            ("destParentPath", folder_of(&old)),
            ("destName", "renamed-01.jpg"),
            ("integrity", "true"),
            ("adjust", &pages[0]),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert!(
        body.contains("id=\"Status\">200"),
        "Sling's status page: {body}"
    );
    assert!(sb.asset(&old).is_none());
    let after = sb.asset(&new).unwrap();
    for same in ["jcr:uuid", "metadata", "revision"] {
        assert_eq!(after[same], before[same], "{same}");
    }
    // The page named is adjusted on author; the other keeps the old path.
    let (author, _) = sb.page_references(&pages[0]).unwrap();
    assert!(author.contains(&new) && !author.contains(&old));
    let (author, _) = sb.page_references(&pages[1]).unwrap();
    assert!(author.contains(&old), "not named, not adjusted");
    // What the website shows of a published page does not change until it is published.
    for page in &pages {
        let (_, live) = sb.page_references(page).unwrap();
        assert!(live.is_empty() || live.contains(&old), "{page}: {live:?}");
    }
    let c = sb.counters();
    assert_eq!(
        (c.move_commands, c.assets_moved, c.pages_adjusted),
        (1, 1, 1)
    );
}

#[tokio::test]
async fn without_integrity_and_without_a_list_every_referring_page_is_adjusted() {
    let sb = sandbox().await;
    let token = sb.credentials().dev_token.clone();
    let (old, pages) = used_twice(&sb);
    let dest = asset_paths(&sb)
        .iter()
        .map(|p| folder_of(p).to_owned())
        .find(|f| f != folder_of(&old))
        .unwrap();
    let (status, body) = move_page(
        &sb,
        &token,
        &[
            ("srcPath", &old),
            ("destParentPath", &dest),
            ("integrity", "false"),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let new = format!("{dest}/{}", old.rsplit('/').next().unwrap());
    for page in &pages {
        assert!(sb.page_references(page).unwrap().0.contains(&new), "{page}");
    }
    // Left out, integrity counts as true: named pages only (here none).
    let (status, _) = move_page(
        &sb,
        &token,
        &[("srcPath", &new), ("destParentPath", folder_of(&old))],
    )
    .await;
    assert_eq!(status, 200);
    for page in &pages {
        assert!(sb.page_references(page).unwrap().0.contains(&new), "{page}");
    }
}

#[tokio::test]
async fn one_refused_source_moves_nothing() {
    let sb = sandbox().await;
    let token = sb.credentials().dev_token.clone();
    let paths = asset_paths(&sb);
    let (a, b) = (&paths[0], &paths[1]);
    let dest = paths
        .iter()
        .map(|p| folder_of(p).to_owned())
        .find(|f| f != folder_of(a))
        .unwrap();
    // The second source's name is already taken in the destination.
    let taken = paths.iter().find(|p| folder_of(p) == dest).unwrap();
    let clash = format!("{}/{}", folder_of(b), taken.rsplit('/').next().unwrap());
    let (status, _) = move_page(
        &sb,
        &token,
        &[
            ("srcPath", b),
            ("destParentPath", folder_of(b)),
            ("destName", clash.rsplit('/').next().unwrap()),
        ],
    )
    .await;
    assert_eq!(status, 200, "a rename in place to a free name");
    let (status, body) = move_page(
        &sb,
        &token,
        &[
            ("srcPath", a),
            ("srcPath", &clash),
            ("destParentPath", &dest),
        ],
    )
    .await;
    assert_eq!(status, 409, "{body}");
    assert!(body.contains("already exists"), "{body}");
    assert!(sb.asset(a).is_some(), "the first source did not move");
    for (fields, want) in [
        (
            vec![
                ("srcPath", a.as_str()),
                ("destParentPath", "/content/dam/nowhere"),
            ],
            404,
        ),
        (
            vec![
                ("srcPath", a.as_str()),
                ("destParentPath", folder_of(a)),
                ("destName", "bad:name.jpg"),
            ],
            400,
        ),
        (
            vec![
                ("srcPath", "/content/dam/gone.jpg"),
                ("destParentPath", &dest),
            ],
            404,
        ),
        (
            vec![("srcPath", folder_of(a)), ("destParentPath", folder_of(a))],
            400,
        ),
    ] {
        let (status, body) = move_page(&sb, &token, &fields).await;
        assert_eq!(status, want, "{fields:?}: {body}");
    }
    assert_eq!(sb.counters().move_commands, 1);
}

#[tokio::test]
async fn the_read_only_account_is_refused_and_nothing_moves() {
    let sb = sandbox().await;
    let ro = jwt_token(&sb, &sb.credentials().read_only_service_credentials_json).await;
    let a = asset_paths(&sb)[0].clone();
    let (status, body) = move_page(
        &sb,
        &ro,
        &[
            ("srcPath", &a),
            ("destParentPath", folder_of(&a)),
            ("destName", "x.jpg"),
        ],
    )
    .await;
    assert_eq!(status, 403, "{body}");
    assert!(sb.asset(&a).is_some());
}

#[tokio::test]
async fn a_published_asset_is_unpublished_by_its_move_unless_publish_names_it() {
    let sb = sandbox().await;
    let token = sb.credentials().dev_token.clone();
    let published: Vec<String> = asset_paths(&sb)
        .into_iter()
        .filter(|p| sb.asset(p).unwrap()["publication"]["publish"]["action"] == "Activate")
        .take(2)
        .collect();
    let (a, b) = (&published[0], &published[1]);
    let (status, _) = move_page(
        &sb,
        &token,
        &[
            ("srcPath", a),
            ("destParentPath", folder_of(a)),
            ("destName", "moved-a.jpg"),
        ],
    )
    .await;
    assert_eq!(status, 200);
    let moved = sb.asset(&format!("{}/moved-a.jpg", folder_of(a))).unwrap();
    assert_eq!(moved["publication"]["publish"]["action"], "Deactivate");
    let new_b = format!("{}/moved-b.jpg", folder_of(b));
    let (status, _) = move_page(
        &sb,
        &token,
        &[
            ("srcPath", b),
            ("destParentPath", folder_of(b)),
            ("destName", "moved-b.jpg"),
            ("publish", &format!("[\"{new_b}\"]")),
        ],
    )
    .await;
    assert_eq!(status, 200);
    let moved = sb.asset(&new_b).unwrap();
    assert_eq!(moved["publication"]["publish"]["action"], "Activate");
}

#[tokio::test]
async fn a_folder_moves_with_its_assets_and_their_pages_and_the_index_lags_behind() {
    let sb = sandbox().await;
    sb.set_faults(Faults {
        index_lag_secs: 3600,
        ..Faults::default()
    })
    .unwrap();
    let token = sb.credentials().dev_token.clone();
    let (asset, pages) = used_twice(&sb);
    let folder = folder_of(&asset).to_owned();
    let archive_parent = folder_of(&folder).to_owned();
    let (status, body) = move_page(
        &sb,
        &token,
        &[
            ("srcPath", &folder),
            ("destParentPath", &archive_parent),
            ("destName", "archive"),
            ("integrity", "false"),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let new = asset.replacen(&folder, &format!("{archive_parent}/archive"), 1);
    assert!(sb.asset(&new).is_some() && sb.asset(&asset).is_none());
    for page in &pages {
        assert!(sb.page_references(page).unwrap().0.contains(&new));
    }
    // The repository has it at once; AEM's search index not yet.
    let query = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("path", &format!("{archive_parent}/archive"))
        .append_pair("type", "dam:Asset")
        .append_pair("p.limit", "-1")
        .finish();
    let r = client()
        .get(format!("{}/bin/querybuilder.json?{query}", sb.base_url()))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    let found: Value = r.json().await.unwrap();
    assert_eq!(found["results"], 0, "{found}");
    sb.reset();
    assert!(sb.asset(&asset).is_some(), "reset puts the folder back");
}

/// The control API sets a page that uses assets as an author would (for tests in other
/// processes), the reference search finds it, a move adjusts it, and it reads back; a request
/// it cannot act on is refused and changes nothing.
#[tokio::test]
async fn a_page_set_through_the_control_api_is_found_and_adjusted_by_a_move() {
    let sb = Sandbox::start(config().with_assets(20)).await.unwrap();
    let token = sb.credentials().dev_token.clone();
    let assets = asset_paths(&sb);
    let (a, b) = (assets[0].clone(), assets[1].clone());
    let page = "/content/e2e/en/moves";
    let control = format!("{}/__sandbox/page?path={page}", sb.base_url());
    let body = serde_json::json!({ "title": "Moves", "published": true, "assets": [a, b] });
    let r = client().put(&control).json(&body).send().await.unwrap();
    assert_eq!(r.status(), 200);
    let state: Value = r.json().await.unwrap();
    assert_eq!(state["title"], "Moves");
    assert_eq!(state["live"], serde_json::json!([a, b]));
    assert_eq!(sb.pages_using(&a), vec![page.to_owned()]);

    let new = format!("{}/moved-a.jpg", folder_of(&a));
    let (status, text) = move_page(
        &sb,
        &token,
        &[
            ("srcPath", &a),
            ("destParentPath", folder_of(&a)),
            ("destName", "moved-a.jpg"),
            ("integrity", "true"),
            ("adjust", page),
        ],
    )
    .await;
    assert_eq!(status, 200, "{text}");
    let state: Value = client()
        .get(&control)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        state["assets"],
        serde_json::json!([new, b]),
        "adjusted on author"
    );
    assert_eq!(
        state["live"],
        serde_json::json!([a, b]),
        "the published copy as it was"
    );

    for (query, body, words) in [
        (
            "path=/content/dam/x",
            body.clone(),
            "not under /content/dam",
        ),
        ("nopath=1", body.clone(), "give ?path="),
        (
            &format!("path={page}") as &str,
            serde_json::json!({ "title": "T" }),
            "body must be",
        ),
        (
            &format!("path={page}") as &str,
            serde_json::json!({ "title": "T", "published": false, "assets": ["relative.jpg"] }),
            "under /content/dam/",
        ),
    ] {
        let url = format!("{}/__sandbox/page?{query}", sb.base_url());
        let r = client().put(&url).json(&body).send().await.unwrap();
        assert_eq!(r.status(), 400, "{query}");
        assert!(r.text().await.unwrap().contains(words), "{query}");
    }
    assert_eq!(
        sb.page_references(page).unwrap().0,
        vec![new, b.clone()],
        "nothing changed"
    );
    let gone = format!("{}/__sandbox/page?path=/content/e2e/none", sb.base_url());
    assert_eq!(client().get(&gone).send().await.unwrap().status(), 404);
}
