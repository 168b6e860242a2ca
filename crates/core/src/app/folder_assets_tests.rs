//! A folder's first assets for its thumbnail strip, against the sandbox over HTTP: the first
//! page with names and titles, a listing cut short said as such ("at least"), an asset without
//! a thumbnail, no token in the answer, and OAuth Server-to-Server connections (refused in
//! words unpaired, listed through the paired connection).

use std::collections::HashMap;
use std::sync::Arc;

use metadesk_sandbox::{SAMPLE_FOLDER, Sandbox, SandboxConfig};

use super::*;
use metadesk_assets::browse::FolderAssets;
use metadesk_clients::error::ErrorCode;
use metadesk_clients::ims::access_token_key;
use metadesk_credentials::credentials;
use metadesk_credentials::secrets::{ChunkedSecrets, RunOnlyKeychain, SecretStore};
use metadesk_store::connections::ImportOptions;
use metadesk_store::dirs::AppDirs;

struct Fixture {
    sandbox: Sandbox,
    secrets: Arc<RunOnlyKeychain>,
    ws: Workspace,
    id: String,
    _dir: tempfile::TempDir,
}

async fn fixture(config: SandboxConfig) -> Fixture {
    let sandbox = Sandbox::start(config.with_key_bits(1024)).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let secrets = Arc::new(RunOnlyKeychain::default());
    let ws = Workspace::new(AppDirs::under(dir.path()), secrets.clone()).unwrap();
    let id = import(
        &ws,
        &sandbox,
        &sandbox.credentials().service_credentials_json,
        false,
    );
    Fixture {
        sandbox,
        secrets,
        ws,
        id,
        _dir: dir,
    }
}

fn import(ws: &Workspace, sandbox: &Sandbox, json: &str, oauth: bool) -> String {
    let recognised = credentials::inspect(json.as_bytes()).unwrap();
    let options = ImportOptions {
        aem_url: Some(sandbox.base_url()),
        ims_url: oauth.then(|| sandbox.credentials().ims_endpoint.clone()),
        ..ImportOptions::default()
    };
    ws.connections()
        .import(&recognised, &options)
        .unwrap()
        .connection
        .id
}

async fn folder_assets(ws: &Workspace, id: &str, folder: &str) -> Result<FolderAssets> {
    let opened = ws.open(ConnectionChoice::stored(id)).await?;
    ws.folder_assets(&opened, folder).await
}

/// Each asset directly in `folder`: its title, and whether it is a content fragment.
fn assets_in(sandbox: &Sandbox, folder: &str) -> HashMap<String, (Option<String>, bool)> {
    sandbox.dump(true)["assets"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| {
            let path = a["path"].as_str().unwrap();
            path.rsplit_once('/').unwrap().0 == folder
        })
        .map(|a| {
            let title = a["metadata"]["dc:title"].as_str().map(str::to_owned);
            let fragment = a["contentFragment"].as_bool().unwrap();
            (a["path"].as_str().unwrap().to_owned(), (title, fragment))
        })
        .collect()
}

fn token(f: &Fixture, id: &str) -> String {
    let record = ChunkedSecrets::new(f.secrets.as_ref() as &dyn SecretStore)
        .get(&access_token_key(id))
        .unwrap()
        .unwrap();
    let record: serde_json::Value = serde_json::from_str(record.expose()).unwrap();
    record["accessToken"].as_str().unwrap().to_owned()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_folder_listed_to_its_end_gives_its_assets_with_names_and_titles() {
    // 40 assets a folder: one page holds them all.
    let f = fixture(SandboxConfig::default().with_assets(120)).await;
    let expected = assets_in(&f.sandbox, SAMPLE_FOLDER);
    assert!(!expected.is_empty() && expected.len() < runs::FOLDER_ASSETS);

    let got = folder_assets(&f.ws, &f.id, SAMPLE_FOLDER).await.unwrap();
    assert_eq!(got.folder, SAMPLE_FOLDER);
    assert!(got.complete, "listed to its end");
    assert_eq!(got.more, 0);
    assert_eq!(
        got.assets.len(),
        expected.len(),
        "every asset, subfolders left out"
    );
    for asset in &got.assets {
        let (title, fragment) = &expected[&asset.path];
        assert_eq!(&asset.title, title, "{}", asset.path);
        assert_eq!(asset.thumbnail, !fragment, "{}", asset.path);
        assert_eq!(asset.path, format!("{SAMPLE_FOLDER}/{}", asset.name));
    }
    // The folder given without /content/dam, as the CLI takes it, is the same folder.
    let short = SAMPLE_FOLDER.strip_prefix("/content/dam/").unwrap();
    assert_eq!(folder_assets(&f.ws, &f.id, short).await.unwrap(), got);

    // An asset AEM has no thumbnail of (a video or a PDF here) is listed; its thumbnail is none.
    let without = got
        .assets
        .iter()
        .find(|a| a.thumbnail && (a.name.ends_with(".pdf") || a.name.ends_with(".mp4")))
        .expect("a PDF or a video in the sample folder");
    assert_eq!(f.ws.thumbnail(&f.id, &without.path).await.unwrap(), None);
    let with = got
        .assets
        .iter()
        .find(|a| a.name.ends_with(".jpg"))
        .unwrap();
    assert!(f.ws.thumbnail(&f.id, &with.path).await.unwrap().is_some());

    // What the window receives names no token and no AEM address.
    let sent = serde_json::to_string(&got).unwrap();
    assert!(!sent.contains(&token(&f, &f.id)));
    assert!(!sent.contains(&f.sandbox.base_url()), "{sent}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_larger_folder_gives_its_first_assets_and_says_at_least_how_many_more() {
    // 150 assets in the sample folder: the first page (100) holds more than the strip shows.
    let f = fixture(
        SandboxConfig::default()
            .with_assets(150)
            .with_assets_per_folder(150),
    )
    .await;
    let expected = assets_in(&f.sandbox, SAMPLE_FOLDER);
    assert_eq!(expected.len(), 150);
    let before = f.sandbox.counters().requests_total;
    let got = folder_assets(&f.ws, &f.id, SAMPLE_FOLDER).await.unwrap();
    assert_eq!(got.assets.len(), runs::FOLDER_ASSETS);
    assert!(got.assets.iter().all(|a| expected.contains_key(&a.path)));
    assert_eq!(
        got.more,
        100 - runs::FOLDER_ASSETS as u64,
        "what the page read held"
    );
    assert!(
        !got.complete,
        "the rest of the folder was not read: at least"
    );
    // One listing request (plus the token); no second page for assets already enough.
    let listing = f.sandbox.counters().requests_total - before;
    assert!(listing <= 2, "{listing} requests");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_listing_cut_into_small_pages_gives_only_what_was_read_and_says_so() {
    // AEM serves at most 10 children a page: three pages are read, 30 of the 40 assets.
    let f = fixture(
        SandboxConfig::default()
            .with_assets(120)
            .with_max_page_limit(10),
    )
    .await;
    let expected = assets_in(&f.sandbox, SAMPLE_FOLDER);
    let got = folder_assets(&f.ws, &f.id, SAMPLE_FOLDER).await.unwrap();
    assert!(got.assets.len() < expected.len(), "{}", got.assets.len());
    assert_eq!(got.assets.len(), 30);
    assert_eq!(got.more, 0);
    assert!(!got.complete, "never said to be the whole folder");
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_and_missing_folders_are_refused_in_words() {
    let f = fixture(SandboxConfig::default().with_assets(40)).await;
    let missing = folder_assets(&f.ws, &f.id, "/content/dam/nope")
        .await
        .unwrap_err();
    assert_eq!(missing.code(), ErrorCode::NotFound, "{missing}");
    assert!(
        missing.to_string().contains("/content/dam/nope"),
        "{missing}"
    );
    for bad in ["/content/site", "/content/dam/a/../b"] {
        let e = folder_assets(&f.ws, &f.id, bad).await.unwrap_err();
        assert_eq!(e.code(), ErrorCode::InvalidInput, "{bad}: {e}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn an_oauth_connection_finds_a_folders_assets_with_the_openapi_search_or_its_pairing() {
    let f = fixture(SandboxConfig::default().with_assets(120)).await;
    let oauth = import(
        &f.ws,
        &f.sandbox,
        &f.sandbox.credentials().oauth_project_json,
        true,
    );
    // Unpaired: the first page of AEM's OpenAPI search, the folder's own assets with their
    // titles as the classic listing shows them (content fragments are not search hits).
    let classic = folder_assets(&f.ws, &f.id, SAMPLE_FOLDER).await.unwrap();
    let searched = folder_assets(&f.ws, &oauth, SAMPLE_FOLDER).await.unwrap();
    let key = |a: &metadesk_assets::browse::FolderAsset| (a.path.clone(), a.title.clone());
    let listed: std::collections::BTreeSet<_> = classic
        .assets
        .iter()
        .filter(|a| a.thumbnail)
        .map(key)
        .collect();
    let found: std::collections::BTreeSet<_> = searched.assets.iter().map(key).collect();
    assert_eq!(found, listed);
    assert!(searched.complete && classic.complete && searched.more == 0);

    // Where AEM does not answer that search: refused in words, nothing asked of AEM's
    // classic listing with its token.
    f.sandbox.set_openapi_search(false);
    let before = f.sandbox.counters();
    let e = folder_assets(&f.ws, &oauth, SAMPLE_FOLDER)
        .await
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::InvalidInput, "{e}");
    assert!(e.to_string().contains("\"Paired connection\""), "{e}");
    assert_eq!(
        f.sandbox.counters().count("GET", 403),
        before.count("GET", 403)
    );

    // Paired with the Service Credentials connection: the same assets as that one lists.
    f.ws.connections().set_paired(&oauth, Some(&f.id)).unwrap();
    let paired = folder_assets(&f.ws, &oauth, SAMPLE_FOLDER).await.unwrap();
    let classic = folder_assets(&f.ws, &f.id, SAMPLE_FOLDER).await.unwrap();
    assert_eq!(paired, classic);
    assert!(!paired.assets.is_empty());
}
