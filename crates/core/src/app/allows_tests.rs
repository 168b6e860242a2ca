//! "What this AEM allows" against the sandbox with paths switched off: each failure's words,
//! what the app does instead, nothing written, and the batch-write choice recorded.

use crate::app::PreviewRequest;
use std::sync::Arc;

use metadesk_base::i18n::{Lang, Localizer};
use metadesk_bulk::RunScope;
use metadesk_clients::aem::allows::{Ability, AemPath, Allowed, Can, PathCheck};
use metadesk_clients::aem::connection_check::ConnectionTestReport;
use metadesk_clients::error::ErrorCode;
use metadesk_credentials::secrets::RunOnlyKeychain;
use metadesk_sandbox::{Faults, Sandbox, SandboxConfig, Switched};

use super::{TestDepth, Workspace};

struct Fixture {
    sandbox: Sandbox,
    ws: Workspace,
    id: String,
    _dir: tempfile::TempDir,
}

/// A workspace with the sandbox's credential `json` stored (its AEM: the sandbox).
async fn fixture(config: SandboxConfig, json: impl Fn(&Sandbox) -> String) -> Fixture {
    let sandbox = Sandbox::start(config.with_assets(30).with_key_bits(1024))
        .await
        .unwrap();
    let (dir, ws, id) = crate::app::test_support::workspace_with(
        &sandbox,
        &json(&sandbox),
        Arc::new(RunOnlyKeychain::default()),
    );
    Fixture {
        sandbox,
        ws,
        id,
        _dir: dir,
    }
}

async fn service(faults: Faults) -> Fixture {
    fixture(SandboxConfig::default().with_faults(faults), |s| {
        s.credentials().service_credentials_json.clone()
    })
    .await
}

impl Fixture {
    /// The deep Test connection of the fixture's connection, worded by `l`.
    async fn deep_test(&self, l: &Localizer) -> ConnectionTestReport {
        self.ws
            .test_connection(&self.id, &TestDepth::Deep { folder: None }, l)
            .await
            .unwrap()
    }
}

fn line(lines: &[PathCheck], path: AemPath) -> &PathCheck {
    lines
        .iter()
        .find(|c| c.path == path)
        .unwrap_or_else(|| panic!("no {path:?} line in {lines:#?}"))
}

#[tokio::test(flavor = "multi_thread")]
async fn every_path_of_a_working_aem_is_ok_and_nothing_is_written() {
    let f = service(Faults::default()).await;
    let report = f.deep_test(&Localizer::english()).await;
    assert!(report.ok, "{report:#?}");
    let paths: Vec<AemPath> = report.allows.iter().map(|c| c.path).collect();
    assert_eq!(
        paths,
        [
            AemPath::ClassicRead,
            AemPath::QueryBuilder,
            AemPath::WritePermission,
            AemPath::PublishPermission,
            AemPath::TagChanges,
            AemPath::BatchWrites,
            AemPath::Renditions,
            AemPath::GraphqlEndpoints,
            AemPath::GraphqlSchema,
            AemPath::PersistedQueries,
        ]
    );
    for check in &report.allows {
        assert_eq!(check.allowed, Allowed::Ok, "{check:#?}");
        assert_eq!(check.instead, None, "{check:#?}");
        assert!(!check.detail.is_empty(), "{check:#?}");
    }
    // What it means, in a person's words, without the paths' technical names.
    let said: Vec<(Ability, Can, &str)> = report
        .can_do
        .iter()
        .map(|c| (c.ability, c.can, c.text.as_str()))
        .collect();
    assert_eq!(
        said,
        [
            (Ability::Metadata, Can::Yes, "Can read and change metadata"),
            (
                Ability::Search,
                Can::Yes,
                "Can find assets by what their metadata holds"
            ),
            (
                Ability::Thumbnails,
                Can::Yes,
                "Can show pictures of the assets"
            ),
            (Ability::Graphql, Can::Yes, "Can run GraphQL queries"),
            (
                Ability::Publish,
                Can::Yes,
                "Can publish assets to the website"
            ),
            (Ability::Tags, Can::Yes, "Can change tags"),
        ]
    );
    let counters = f.sandbox.counters();
    assert_eq!(counters.writes_applied, 0);
    assert_eq!(counters.batch_writes, 0);
    // The quick test asks nothing more.
    let quick =
        f.ws.test_connection(&f.id, &TestDepth::Quick, &Localizer::english())
            .await
            .unwrap();
    assert!(quick.allows.is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn each_path_switched_off_says_why_and_what_the_app_does_instead() {
    let f = service(Faults {
        // No CSRF token, and POSTs without one refused: batch writes cannot be used.
        csrf_required: true,
        switched_off: vec![
            Switched::Graphql,
            Switched::Querybuilder,
            Switched::Renditions,
            Switched::CsrfToken,
        ],
        ..Faults::default()
    })
    .await;
    let report = f.deep_test(&Localizer::english()).await;
    assert!(report.ok, "the connection itself works: {report:#?}");
    let lines = &report.allows;
    assert_eq!(line(lines, AemPath::ClassicRead).allowed, Allowed::Ok);

    let search = line(lines, AemPath::QueryBuilder);
    assert_eq!(search.allowed, Allowed::NotAllowed);
    assert_eq!(search.detail, "AEM refuses it to this account (HTTP 403).");
    assert!(
        search
            .instead
            .as_deref()
            .unwrap()
            .starts_with("Search and list scopes cannot be used"),
        "{search:#?}"
    );
    // AEM's permission check goes through QueryBuilder: it cannot tell, and says so.
    let write = line(lines, AemPath::WritePermission);
    assert_eq!(write.allowed, Allowed::Unavailable);
    assert!(write.detail.contains("could not be checked"), "{write:#?}");

    let batch = line(lines, AemPath::BatchWrites);
    assert_eq!(batch.allowed, Allowed::NotAllowed);
    assert_eq!(
        batch.detail,
        "AEM refused a Sling POST that changes nothing, as it would a batch write: AEM \
         refuses it to this account (HTTP 403)."
    );
    assert_eq!(
        batch.instead.as_deref(),
        Some(
            "Each asset is written on its own (slower). Metadesk remembers this for this \
             connection for 30 days."
        )
    );
    // The app chose from it: the next apply writes per asset from the start.
    assert_eq!(
        metadesk_bulk::write_paths::batch_refused(&f.ws.runs_dir(), &f.id),
        Some(403)
    );

    // No asset to try a thumbnail on (QueryBuilder found none).
    let thumbs = line(lines, AemPath::Renditions);
    assert_eq!(thumbs.allowed, Allowed::Unavailable);
    assert!(thumbs.detail.starts_with("Not tried"), "{thumbs:#?}");

    let endpoints = line(lines, AemPath::GraphqlEndpoints);
    assert_eq!(endpoints.allowed, Allowed::Unavailable);
    // One sentence: the persisted-query listing's failure has its own line, and the
    // console's hint about its configuration field is not for this page.
    assert_eq!(endpoints.detail, "AEM did not list its GraphQL endpoints.");
    assert!(
        endpoints.instead.as_deref().unwrap().contains("\"global\""),
        "{endpoints:#?}"
    );
    assert_eq!(
        line(lines, AemPath::GraphqlSchema).allowed,
        Allowed::Unavailable
    );
    let persisted = line(lines, AemPath::PersistedQueries);
    assert_eq!(persisted.allowed, Allowed::Unavailable);
    for check in lines {
        assert!(!check.detail.contains("<html"), "{check:#?}");
        assert!(!check.detail.contains("<title"), "{check:#?}");
    }

    // A second test reads the remembered refusal.
    let again = f.deep_test(&Localizer::english()).await;
    let batch = line(&again.allows, AemPath::BatchWrites);
    assert_eq!(batch.allowed, Allowed::NotAllowed);
    assert!(
        batch.detail.contains("earlier on this connection"),
        "{batch:#?}"
    );
    assert_eq!(f.sandbox.counters().writes_applied, 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn no_write_permission_is_aems_own_answer_and_thumbnails_can_be_missing() {
    let f = service(Faults {
        write_denied: vec!["/content/dam".into()],
        switched_off: vec![Switched::Renditions],
        ..Faults::default()
    })
    .await;
    let report = f.deep_test(&Localizer::english()).await;
    let write = line(&report.allows, AemPath::WritePermission);
    assert_eq!(write.allowed, Allowed::NotAllowed, "{write:#?}");
    let account = &f.sandbox.credentials().service_technical_account_email;
    assert!(
        write.detail.contains(&format!(
            "says {account} may not change metadata in /content/dam"
        )),
        "{write:#?}"
    );
    assert!(
        write.instead.as_deref().unwrap().contains("refuse"),
        "{write:#?}"
    );
    // Batch writes are possible as such; the permission line says why changes would fail.
    assert_eq!(
        line(&report.allows, AemPath::BatchWrites).allowed,
        Allowed::Ok
    );
    let thumbs = line(&report.allows, AemPath::Renditions);
    assert_eq!(thumbs.allowed, Allowed::Unavailable);
    let can = |ability| report.can_do.iter().find(|c| c.ability == ability).unwrap();
    assert_eq!(
        (
            can(Ability::Metadata).can,
            can(Ability::Metadata).text.as_str()
        ),
        (Can::Partly, "Can read metadata, but may not change it")
    );
    assert_eq!(can(Ability::Thumbnails).can, Can::No);
    assert!(
        thumbs
            .detail
            .starts_with("AEM has no thumbnail for /content/dam/"),
        "{thumbs:#?}"
    );
    assert_eq!(
        thumbs.instead.as_deref(),
        Some("Tables show no thumbnails.")
    );

    // A folder elsewhere is writable: the check is on the folder asked for.
    f.sandbox
        .set_faults(Faults {
            write_denied: vec![metadesk_sandbox::SAMPLE_FOLDER.into()],
            ..Faults::default()
        })
        .unwrap();
    let root = f.deep_test(&Localizer::english()).await;
    assert_eq!(
        line(&root.allows, AemPath::WritePermission).allowed,
        Allowed::Ok
    );
    let sample = TestDepth::Deep {
        folder: Some(format!("{}/", metadesk_sandbox::SAMPLE_FOLDER)),
    };
    let denied =
        f.ws.test_connection(&f.id, &sample, &Localizer::english())
            .await
            .unwrap();
    let write = line(&denied.allows, AemPath::WritePermission);
    assert_eq!(write.allowed, Allowed::NotAllowed);
    assert!(
        write.detail.contains(metadesk_sandbox::SAMPLE_FOLDER),
        "{write:#?}"
    );
    assert_eq!(f.sandbox.counters().writes_applied, 0);

    // Publishing is asked on its own: Replicate denied, writes still allowed.
    f.sandbox
        .set_faults(Faults {
            replicate_denied: vec![metadesk_sandbox::SAMPLE_FOLDER.into()],
            ..Faults::default()
        })
        .unwrap();
    let denied =
        f.ws.test_connection(&f.id, &sample, &Localizer::english())
            .await
            .unwrap();
    assert_eq!(
        line(&denied.allows, AemPath::WritePermission).allowed,
        Allowed::Ok
    );
    let publish = line(&denied.allows, AemPath::PublishPermission);
    assert_eq!(publish.allowed, Allowed::NotAllowed);
    assert!(
        publish.detail.contains("may not publish in") && publish.detail.contains("grant Replicate"),
        "{publish:#?}"
    );
    let said = denied.can_do.iter().find(|c| c.ability == Ability::Publish);
    assert_eq!(
        said.map(|c| (c.can, c.text.as_str())),
        Some((Can::No, "Cannot publish assets to the website")),
        "{:#?}",
        denied.can_do
    );
    assert_eq!(f.sandbox.counters().replications, 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_folder_outside_the_dam_is_refused_before_anything_is_asked() {
    let f = service(Faults::default()).await;
    for bad in [
        "/etc/passwd",
        "/content/dam-other",
        "/content/dam/../../libs",
    ] {
        let e =
            f.ws.test_connection(
                &f.id,
                &TestDepth::Deep {
                    folder: Some(bad.into()),
                },
                &Localizer::english(),
            )
            .await
            .unwrap_err();
        assert_eq!(e.code(), ErrorCode::InvalidInput);
        assert!(
            e.localized(&Localizer::english())
                .contains("is not a folder of the DAM"),
            "{e}"
        );
    }
    assert_eq!(f.sandbox.counters().tokens_issued.values().sum::<u64>(), 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn an_oauth_connection_checks_the_folders_api_and_the_openapi_search() {
    let oauth = |s: &Sandbox| s.credentials().oauth_project_json.clone();
    let f = fixture(SandboxConfig::default(), oauth).await;
    let report = f.deep_test(&Localizer::english()).await;
    let paths: Vec<AemPath> = report.allows.iter().map(|c| c.path).collect();
    assert_eq!(
        paths,
        [
            AemPath::FoldersApi,
            AemPath::OpenapiSearch,
            AemPath::ContentFragments,
            AemPath::PublishPermission
        ]
    );
    assert!(
        report.allows[..3].iter().all(|c| c.allowed == Allowed::Ok),
        "{report:#?}"
    );
    let fragments = report
        .can_do
        .iter()
        .find(|c| c.ability == Ability::Fragments);
    assert_eq!(
        fragments.map(|c| (c.can, c.text.as_str())),
        Some((Can::Yes, "Can edit content fragments"))
    );
    // AEM's replication servlet takes no OAuth Server-to-Server token: said, not tried.
    let publish = line(&report.allows, AemPath::PublishPermission);
    assert_eq!(publish.allowed, Allowed::Unavailable);
    assert!(publish.detail.contains("cannot publish"), "{publish:#?}");
    assert_eq!(f.sandbox.counters().replications, 0);

    let f = fixture(SandboxConfig::default().with_openapi_search(false), oauth).await;
    let report = f.deep_test(&Localizer::new(Lang::Fr)).await;
    let search = line(&report.allows, AemPath::OpenapiSearch);
    assert_eq!(search.allowed, Allowed::Unavailable, "{search:#?}");
    metadesk_base::i18n::checks::assert_reads_french(&search.detail);
    assert_eq!(
        search.instead.as_deref(),
        Some(
            "Associez une connexion classique sur cette carte\u{a0}: c’est elle qui trouve les \
             ressources à modifier."
        )
    );
}

/// Every line reads in French: labels, reasons and what the app does instead.
#[tokio::test(flavor = "multi_thread")]
async fn the_checklist_reads_in_french() {
    let f = service(Faults {
        csrf_required: true,
        switched_off: vec![Switched::Graphql, Switched::CsrfToken],
        write_denied: vec!["/content/dam".into()],
        ..Faults::default()
    })
    .await;
    let report = f.deep_test(&Localizer::new(Lang::Fr)).await;
    for check in &report.allows {
        metadesk_base::i18n::checks::assert_reads_french(&check.label);
        // Paths and AEM's addresses are no French text (their `?`/`:` are not punctuation),
        // nor is the title of AEM's error page, quoted as AEM wrote it.
        let detail = check
            .detail
            .replace("/libs/granite/csrf/token.json", "")
            .replace("Not Found", "");
        metadesk_base::i18n::checks::assert_reads_french(&detail);
        if let Some(instead) = &check.instead {
            metadesk_base::i18n::checks::assert_reads_french(instead);
        }
    }
    assert_eq!(
        line(&report.allows, AemPath::BatchWrites).label,
        "Écritures par lots"
    );
}

/// An AEM without the token endpoint may still take Sling POSTs (its CSRF filter does not
/// apply to them): the POST that changes nothing is accepted, and nothing is recorded, so
/// batch writes stay in use.
#[tokio::test(flavor = "multi_thread")]
async fn no_token_endpoint_but_posts_accepted_keeps_batch_writes() {
    let f = service(Faults {
        switched_off: vec![Switched::CsrfToken],
        ..Faults::default()
    })
    .await;
    let report = f.deep_test(&Localizer::english()).await;
    let batch = line(&report.allows, AemPath::BatchWrites);
    assert_eq!(batch.allowed, Allowed::Ok, "{batch:#?}");
    assert_eq!(
        metadesk_bulk::write_paths::batch_refused(&f.ws.runs_dir(), &f.id),
        None
    );
    let counters = f.sandbox.counters();
    assert_eq!((counters.writes_applied, counters.batch_writes), (0, 0));
}

/// The app chooses its write path from the check: on an AEM that gives no CSRF token and
/// refuses Sling POSTs without one, the first apply after "Test connection" writes per asset
/// from the start — no batch write is sent to be refused — and says why.
#[tokio::test(flavor = "multi_thread")]
async fn the_first_apply_after_the_check_writes_per_asset_without_failing_into_it() {
    use metadesk_bulk::{Edit, EditOp, RunStatus, ScopeFilters};
    let f = service(Faults {
        csrf_required: true,
        switched_off: vec![Switched::CsrfToken],
        ..Faults::default()
    })
    .await;
    f.deep_test(&Localizer::english()).await;
    // The check's own POSTs (the batch write's and AEM's canCreateTag, neither of which
    // changes anything) were the ones refused: AEM refuses every POST without a CSRF token.
    let refused_by_the_check = f.sandbox.counters().count("POST", 403);
    assert_eq!(refused_by_the_check, 2);
    let opened =
        f.ws.open(super::ConnectionChoice::stored(f.id.clone()))
            .await
            .unwrap();
    let edits = vec![Edit {
        property: "dc:rights".into(),
        op: EditOp::Set {
            values: vec!["Checked first".into()],
        },
    }];
    let preview =
        f.ws.preview(
            &opened,
            PreviewRequest::Edit {
                scope: RunScope::checked(metadesk_sandbox::SAMPLE_FOLDER, ScopeFilters::default())
                    .unwrap(),
                edits,
            },
            &|_| {},
        )
        .await
        .unwrap();
    assert!(preview.counts.pending > 1, "{preview:?}");
    let applied =
        f.ws.apply(&opened, &preview.id, None, &|_| {})
            .await
            .unwrap();
    assert_eq!(applied.status, RunStatus::Completed, "{applied:?}");
    assert_eq!(
        (applied.counts.changed, applied.counts.failed),
        (preview.counts.pending, 0)
    );
    let counters = f.sandbox.counters();
    assert_eq!(counters.batch_writes, 0);
    assert_eq!(
        counters.count("POST", 403),
        refused_by_the_check,
        "no batch write was refused"
    );
    let notice = applied.write_notice.as_ref().unwrap();
    assert!(
        notice
            .localized(&Localizer::english())
            .contains("earlier on this connection"),
        "{notice:?}"
    );
}
