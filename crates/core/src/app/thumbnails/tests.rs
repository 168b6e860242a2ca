//! Thumbnails against the sandbox, as the window's `thumb:` protocol asks for them: fetched once
//! with the connection's token, then from the disk cache (also after a restart), none for assets
//! without one (asked once per session), bad paths refused in words, and no token anywhere in
//! what the window receives.

use std::sync::Arc;

use metadesk_sandbox::{Sandbox, SandboxConfig};

use super::*;
use metadesk_clients::error::ErrorCode;
use metadesk_clients::ims::access_token_key;
use metadesk_credentials::credentials;
use metadesk_credentials::secrets::{ChunkedSecrets, RunOnlyKeychain, SecretStore};
use metadesk_store::connections::ImportOptions;

struct Fixture {
    sandbox: Sandbox,
    secrets: Arc<RunOnlyKeychain>,
    ws: Workspace,
    id: String,
    dir: tempfile::TempDir,
}

async fn fixture() -> Fixture {
    let sandbox = Sandbox::start(SandboxConfig::default().with_assets(60).with_key_bits(1024))
        .await
        .unwrap();
    let secrets = Arc::new(RunOnlyKeychain::default());
    let credential = sandbox.credentials().service_credentials_json.clone();
    let (dir, ws, id) =
        crate::app::test_support::workspace_with(&sandbox, &credential, secrets.clone());
    Fixture {
        sandbox,
        secrets,
        ws,
        id,
        dir,
    }
}

/// The first asset whose path `pick` accepts (from the sandbox's own listing).
fn asset(f: &Fixture, pick: impl Fn(&serde_json::Value) -> bool) -> String {
    f.sandbox.dump(false)["assets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| pick(a))
        .unwrap()["path"]
        .as_str()
        .unwrap()
        .to_owned()
}

fn ends(ext: &'static str) -> impl Fn(&serde_json::Value) -> bool {
    move |a| a["path"].as_str().unwrap().ends_with(ext)
}

fn asked(f: &Fixture, path: &str) -> u64 {
    f.sandbox
        .counters()
        .renditions
        .get(path)
        .copied()
        .unwrap_or(0)
}

fn token(f: &Fixture) -> String {
    let record = ChunkedSecrets::new(f.secrets.as_ref() as &dyn SecretStore)
        .get(&access_token_key(&f.id))
        .unwrap()
        .unwrap();
    let record: serde_json::Value = serde_json::from_str(record.expose()).unwrap();
    record["accessToken"].as_str().unwrap().to_owned()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_thumbnail_is_fetched_once_then_served_from_the_disk_cache() {
    let f = fixture().await;
    let jpg = asset(&f, ends(".jpg"));
    let first = f.ws.thumbnail(&f.id, &jpg).await.unwrap().unwrap();
    assert_eq!(first.media_type, "image/png");
    assert!(first.bytes.starts_with(b"\x89PNG"));
    assert_eq!(asked(&f, &jpg), 1);

    let again = f.ws.thumbnail(&f.id, &jpg).await.unwrap().unwrap();
    assert_eq!(again, first);
    assert_eq!(asked(&f, &jpg), 1, "the second look came from the cache");

    // A restart (a new workspace over the same folders) still has it.
    let restarted = Workspace::new(AppDirs::under(f.dir.path()), f.secrets.clone()).unwrap();
    let after = restarted.thumbnail(&f.id, &jpg).await.unwrap().unwrap();
    assert_eq!(after, first);
    assert_eq!(asked(&f, &jpg), 1);
    let cached = std::fs::read_dir(f.dir.path().join("cache/thumbnails"))
        .unwrap()
        .count();
    assert_eq!(cached, 1);

    // Nothing the window receives holds the token; the cache's file names do not either.
    let token = token(&f);
    assert!(!String::from_utf8_lossy(&first.bytes).contains(&token));
    for entry in std::fs::read_dir(f.dir.path().join("cache/thumbnails")).unwrap() {
        let entry = entry.unwrap();
        assert!(!entry.file_name().to_string_lossy().contains(&token));
        let bytes = std::fs::read(entry.path()).unwrap();
        assert!(!String::from_utf8_lossy(&bytes).contains(&token));
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn assets_without_a_thumbnail_get_none_and_are_asked_once() {
    let f = fixture().await;
    let fragment = asset(&f, |a| a["contentFragment"] == true);
    for path in [asset(&f, ends(".pdf")), asset(&f, ends(".mp4")), fragment] {
        assert_eq!(f.ws.thumbnail(&f.id, &path).await.unwrap(), None, "{path}");
        assert_eq!(f.ws.thumbnail(&f.id, &path).await.unwrap(), None, "{path}");
        assert_eq!(asked(&f, &path), 1, "{path}: a missing one is remembered");
    }
    // A path that names no asset is no thumbnail either.
    let gone = "/content/dam/no/such/asset.jpg";
    assert_eq!(f.ws.thumbnail(&f.id, gone).await.unwrap(), None);
    assert!(
        !f.dir.path().join("cache/thumbnails").exists(),
        "nothing cached"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_paths_and_unknown_connections_are_refused_in_words() {
    let f = fixture().await;
    for bad in [
        "/etc/passwd",
        "content/dam/a.jpg",
        "/content/damage/a.jpg",
        "/content/dam/../../etc/a.jpg",
        "/content/dam/a/\u{7}.jpg",
    ] {
        let err = f.ws.thumbnail(&f.id, bad).await.unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidInput, "{bad}: {err}");
        assert!(err.to_string().contains("not"), "{bad}: {err}");
    }
    let err =
        f.ws.thumbnail("no-such-connection", "/content/dam/a.jpg")
            .await
            .unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound, "{err}");
    assert_eq!(
        f.sandbox.counters().renditions.len(),
        0,
        "nothing was asked"
    );
    assert!(
        !f.dir.path().join("cache/thumbnails").exists(),
        "nothing cached"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn an_unreachable_aem_is_an_error_without_the_token_and_nothing_is_cached() {
    let f = fixture().await;
    let jpg = asset(&f, ends(".jpg"));
    // A token first, so there is one that could leak.
    f.ws.thumbnail(&f.id, &jpg).await.unwrap().unwrap();
    let token = token(&f);
    let other = asset(&f, |a| {
        a["path"].as_str().unwrap().ends_with(".jpg") && a["path"] != jpg.as_str()
    });
    let Fixture {
        sandbox,
        ws,
        id,
        dir,
        ..
    } = f;
    sandbox.shutdown().await;
    let err = ws.thumbnail(&id, &other).await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::Network, "{err}");
    assert!(!err.to_string().contains(&token), "{err}");
    assert!(!format!("{err:?}").contains(&token));
    let cached = std::fs::read_dir(dir.path().join("cache/thumbnails"))
        .unwrap()
        .count();
    assert_eq!(cached, 1, "only the first one");
}

#[tokio::test(flavor = "multi_thread")]
async fn an_oauth_connection_reads_thumbnails_with_its_paired_connection() {
    let f = fixture().await;
    let recognised =
        credentials::inspect(f.sandbox.credentials().oauth_project_json.as_bytes()).unwrap();
    let options = ImportOptions {
        aem_url: Some(f.sandbox.base_url()),
        ims_url: Some(f.sandbox.credentials().ims_endpoint.clone()),
        ..ImportOptions::default()
    };
    let oauth =
        f.ws.connections()
            .import(&recognised, &options)
            .unwrap()
            .connection
            .id;
    let jpg = asset(&f, ends(".jpg"));
    let png = asset(&f, ends(".png"));

    // Unpaired, its own token is refused on the rendition's classic path: no picture (the
    // window shows the placeholder), never one read with someone else's credential.
    assert!(!matches!(f.ws.thumbnail(&oauth, &jpg).await, Ok(Some(_))));

    // Paired with the service credential connection on the same AEM: read with that one.
    f.ws.connections().set_paired(&oauth, Some(&f.id)).unwrap();
    let shown = f.ws.thumbnail(&oauth, &png).await.unwrap().unwrap();
    assert_eq!(shown.media_type, "image/png");
    assert_eq!(asked(&f, &png), 1);
}

/// Deleting a connection removes the thumbnails it read: the cache does not outlive it.
#[tokio::test(flavor = "multi_thread")]
async fn a_deleted_connections_thumbnails_are_removed() {
    let f = fixture().await;
    let jpg = asset(&f, ends(".jpg"));
    f.ws.thumbnail(&f.id, &jpg).await.unwrap().unwrap();
    let folder = f.dir.path().join("cache/thumbnails");
    let cached = || {
        std::fs::read_dir(&folder)
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .ends_with(".img")
            })
            .count()
    };
    assert_eq!(cached(), 1);
    let id = f.id.clone();
    let ws = &f.ws;
    tokio::task::block_in_place(|| ws.delete_connection(&id)).unwrap();
    assert_eq!(
        cached(),
        0,
        "the deleted connection's thumbnail is still on disk"
    );
}

/// A thumbnail that cannot be removed (here a folder where its file was; on Windows, a file
/// another program holds open) stops the delete before anything is gone: the connection and
/// its keychain entries stay, to be deleted again once it can be.
#[tokio::test(flavor = "multi_thread")]
async fn a_delete_that_cannot_remove_a_thumbnail_leaves_the_connection_whole() {
    let f = fixture().await;
    let jpg = asset(&f, ends(".jpg"));
    f.ws.thumbnail(&f.id, &jpg).await.unwrap().unwrap();
    let folder = f.dir.path().join("cache/thumbnails");
    let cached = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "img"))
        .unwrap();
    std::fs::remove_file(&cached).unwrap();
    std::fs::create_dir(&cached).unwrap();
    std::fs::write(cached.join("held"), b"x").unwrap();
    let entries = f.secrets.len();

    let id = f.id.clone();
    let ws = &f.ws;
    let refused = tokio::task::block_in_place(|| ws.delete_connection(&id)).unwrap_err();
    assert_eq!(refused.code(), ErrorCode::Io, "{refused}");
    assert!(
        ws.connections().get(&id).is_ok(),
        "the connection went although its thumbnails stayed"
    );
    assert_eq!(f.secrets.len(), entries, "keychain entries went");

    std::fs::remove_dir_all(&cached).unwrap();
    tokio::task::block_in_place(|| ws.delete_connection(&id)).unwrap();
    assert!(ws.connections().get(&id).is_err());
    assert!(
        !std::fs::read_dir(&folder).unwrap().any(|e| e
            .unwrap()
            .path()
            .extension()
            .is_some_and(|x| x == "img"))
    );
}
