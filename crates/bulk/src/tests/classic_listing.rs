//! The engine over the real classic Assets HTTP client, against a scripted server: how a
//! folder listing's paging (or its absence) decides what a preview covers.

use crate::RunSource;
use std::sync::Arc;

use serde_json::{Value, json};

use metadesk_assets::classic::ClassicAssets;
use metadesk_clients::aem::{AemClient, RequestCredentials, StaticAuthorizer};
use metadesk_credentials::credentials::ApiFamily;
use metadesk_credentials::secrets::Secret;

use crate::RunScope;

const F: &str = "/content/dam/f";

fn assets_named(names: &[&str]) -> Value {
    let entities: Vec<Value> = names
        .iter()
        .map(|n| json!({"class": ["assets/asset"], "properties": {"name": n, "metadata": {"dc:rights": "R"}}}))
        .collect();
    json!({ "entities": entities })
}

fn client_of(base: &str) -> AemClient {
    let auth = StaticAuthorizer::new(
        RequestCredentials::Bearer {
            token: Secret::new("t"),
            api_key: None,
        },
        "x",
    );
    AemClient::new(
        metadesk_clients::aem::client::build_http_client().unwrap(),
        base,
        Arc::new(auth),
    )
    .unwrap()
}

/// A preview of a folder whose listing stops before its total (an empty page while the
/// total says more remain) fails in words; it never succeeds over the part it got.
#[tokio::test]
async fn a_preview_over_a_listing_cut_short_fails() {
    use crate::{Engine, RunControl, Settings};
    use metadesk_clients::ims::testing::{Scripted, ScriptedServer};
    let page = |names: &[&str]| {
        let mut body = assets_named(names);
        body["properties"] = json!({"srn:paging": {"total": 5, "limit": 2}});
        Scripted::json(200, body)
    };
    let mut script = vec![page(&["a", "b"])];
    script.extend((0..10).map(|_| page(&[])));
    let server = ScriptedServer::start(script).await;
    let dir = tempfile::tempdir().unwrap();
    let engine = Engine::new(
        Arc::new(ClassicAssets::new(client_of(&server.base))),
        dir.path(),
    )
    .with_settings(Settings {
        page_size: 2,
        retry: metadesk_base::retry::RetryPolicy::quick(),
        check_folders: false,
        ..Settings::default()
    });
    let err = engine
        .plan(
            RunSource::Scope(rights_spec(&server.base)),
            &RunControl::new(),
            &|_| {},
        )
        .await
        .unwrap_err();
    assert!(err.to_string().contains("stopped early"), "{err}");
}

/// A server that caps its pages below the size asked for, without saying so in `srn:paging`,
/// while its total says more remain: the listing goes on from the number of entries received
/// and the preview covers the whole folder (issue 28, part 5; before, the short first page
/// was taken for a listing cut short and the preview failed).
#[tokio::test]
async fn a_listing_capped_by_the_server_is_followed_to_the_end() {
    use crate::{Engine, RunControl, Settings};
    use metadesk_clients::ims::testing::{Scripted, ScriptedServer};
    let page = |names: &[&str]| {
        let mut body = assets_named(names);
        body["properties"] = json!({"srn:paging": {"total": 5, "limit": 3}});
        Scripted::json(200, body)
    };
    let server =
        ScriptedServer::start(vec![page(&["a", "b"]), page(&["c", "d"]), page(&["e"])]).await;
    let dir = tempfile::tempdir().unwrap();
    let engine = Engine::new(
        Arc::new(ClassicAssets::new(client_of(&server.base))),
        dir.path(),
    )
    .with_settings(Settings {
        page_size: 3,
        // The listing itself is what is tested (not search hits).
        check_folders: false,
        ..Settings::default()
    });
    let run = engine
        .plan(
            RunSource::Scope(rights_spec(&server.base)),
            &RunControl::new(),
            &|_| {},
        )
        .await
        .unwrap();
    assert_eq!((run.counts.assets, run.counts.unchanged), (5, 5));
    let asked: Vec<String> = server
        .received()
        .into_iter()
        .map(|r| r.request_line)
        .collect();
    assert_eq!(asked.len(), 3, "{asked:?}");
    for (request, offset) in asked.iter().zip([0, 2, 4]) {
        assert!(
            request.contains(&format!("/api/assets/f.json?offset={offset}&limit=3")),
            "{request}"
        );
    }
}

#[tokio::test]
async fn a_folder_listed_without_paging_information_is_previewed_to_the_end() {
    use crate::{Edit, EditOp, Engine, RunControl, RunKind, RunSpec, ScopeFilters, Settings};
    use metadesk_clients::ims::testing::{Scripted, ScriptedServer};
    let server = ScriptedServer::start(vec![
        Scripted::json(200, assets_named(&["a", "b"])),
        Scripted::json(200, assets_named(&["c", "d"])),
        Scripted::json(200, assets_named(&["e"])),
        // A short page without a total may be a silent cap: the next, empty one ends it.
        Scripted::json(200, assets_named(&[])),
    ])
    .await;
    let client = client_of(&server.base);
    let dir = tempfile::tempdir().unwrap();
    let engine =
        Engine::new(Arc::new(ClassicAssets::new(client)), dir.path()).with_settings(Settings {
            page_size: 2,
            check_folders: false,
            ..Settings::default()
        });
    let spec = RunSpec {
        connection: "c".into(),
        connection_id: None,
        aem: server.base.clone(),
        family: ApiFamily::Classic,
        scope: RunScope::checked(F, ScopeFilters::default()).unwrap(),
        edits: vec![Edit {
            property: "dc:rights".into(),
            op: EditOp::Set {
                values: vec!["R".into()],
            },
        }],
        kind: RunKind::Edit,
        account: None,
        op: None,
    };
    let run = engine
        .plan(RunSource::Scope(spec), &RunControl::new(), &|_| {})
        .await
        .unwrap();
    assert_eq!((run.counts.assets, run.counts.unchanged), (5, 5));
    let asked: Vec<String> = server
        .received()
        .into_iter()
        .map(|r| r.request_line)
        .collect();
    assert_eq!(asked.len(), 4, "{asked:?}");
    for (request, offset) in asked.iter().zip([0, 2, 4, 5]) {
        assert!(
            request.contains(&format!("/api/assets/f.json?offset={offset}&limit=2")),
            "{request}"
        );
    }
}

fn rights_spec(aem: &str) -> crate::RunSpec {
    use crate::{Edit, EditOp, RunKind, RunSpec, ScopeFilters};
    RunSpec {
        connection: "c".into(),
        connection_id: None,
        aem: aem.into(),
        family: ApiFamily::Classic,
        scope: RunScope::checked(F, ScopeFilters::default()).unwrap(),
        edits: vec![Edit {
            property: "dc:rights".into(),
            op: EditOp::Set {
                values: vec!["R".into()],
            },
        }],
        kind: RunKind::Edit,
        account: None,
        op: None,
    }
}
