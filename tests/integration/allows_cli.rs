//! `connections test --deep` from the command line against a sandbox with paths switched off:
//! "what this AEM allows" as a checklist in words and as data (`--json`), nothing written.
//! Through a stored connection, so the OS keychain: `#[ignore]`d like the other stored-connection
//! tests (scripts/test.sh runs them in a private D-Bus session).

// Test helpers panic on unexpected errors, like the tests themselves.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use metadesk_sandbox::{Faults, Switched};

use crate::bulk_cli::CliHome;
use crate::bulk_cli_stored::import_dev_token;
use crate::bulk_support::sandbox;

#[tokio::test]
#[ignore = "needs a Secret Service: run by scripts/test.sh"]
async fn connections_test_deep_prints_what_this_aem_allows() {
    let sb = sandbox(30).await;
    sb.set_faults(Faults {
        // No CSRF token, and POSTs without one refused: batch writes cannot be used.
        csrf_required: true,
        switched_off: vec![Switched::Graphql, Switched::CsrfToken],
        write_denied: vec!["/content/dam".into()],
        ..Faults::default()
    })
    .unwrap();
    let h = CliHome::new(&sb);
    let name = format!("Allows {}", std::process::id());
    import_dev_token(&h, &name, &[]).await;

    let ran = h.run(&["connections", "test", &name, "--deep"]).await;
    assert_eq!(ran.code, Some(0), "{}\n{}", ran.stdout, ran.stderr);
    let out = &ran.stdout;
    for line in [
        "What this AEM allows:",
        "  [ok  ] Read assets (Assets API): The DAM can be read.",
        "  [ok  ] Search (QueryBuilder): QueryBuilder answers searches.",
        "  [no  ] Permission to change metadata: AEM's own permission check says",
        "  [no  ] Batch writes: AEM refused a Sling POST that changes nothing, as it would a \
         batch write: AEM refuses it to this account (HTTP 403).",
        "         Instead: Each asset is written on its own (slower). Metadesk remembers this \
         for this connection for 30 days.",
        "  [ok  ] Thumbnails (renditions): A thumbnail was read",
        "  [n/a ] GraphQL endpoints: ",
        "         Instead: The API console offers \"global\"",
        "  [n/a ] Persisted queries (listing): ",
        "Result: the connection works.",
    ] {
        assert!(out.contains(line), "{line:?} in:\n{out}");
    }
    assert!(!out.contains("<html"), "{out}");

    let ran = h
        .run(&["connections", "test", &name, "--deep", "--json"])
        .await;
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    let report: serde_json::Value = serde_json::from_str(&ran.stdout).unwrap();
    let allows = report["allows"].as_array().unwrap();
    let of = |path: &str| {
        allows
            .iter()
            .find(|c| c["path"] == path)
            .unwrap_or_else(|| panic!("{path} in {report}"))
    };
    assert_eq!(of("queryBuilder")["allowed"], "ok");
    assert_eq!(of("writePermission")["allowed"], "notAllowed");
    assert_eq!(of("batchWrites")["allowed"], "notAllowed");
    assert!(
        of("batchWrites")["detail"]
            .as_str()
            .unwrap()
            .contains("earlier on this connection"),
        "the first test recorded the refusal: {report}"
    );
    assert_eq!(of("graphqlEndpoints")["allowed"], "unavailable");
    assert!(of("graphqlEndpoints")["instead"].is_string());
    assert_eq!(of("queryBuilder")["instead"], serde_json::Value::Null);

    // The quick test stays as it was.
    let ran = h.run(&["connections", "test", &name, "--json"]).await;
    let report: serde_json::Value = serde_json::from_str(&ran.stdout).unwrap();
    assert_eq!(report["allows"], serde_json::json!([]));

    // A folder outside the DAM is refused in words; --folder needs --deep.
    let ran = h
        .run(&["connections", "test", &name, "--deep", "--folder", "/etc"])
        .await;
    assert_eq!(ran.code, Some(2), "{}", ran.stdout);
    assert!(
        ran.stderr.contains("is not a folder of the DAM"),
        "{}",
        ran.stderr
    );
    let ran = h
        .run(&["connections", "test", &name, "--folder", "/content/dam"])
        .await;
    assert_eq!(ran.code, Some(2), "{}", ran.stdout);
    assert!(ran.stderr.contains("--deep"), "{}", ran.stderr);

    assert_eq!(sb.counters().writes_applied, 0, "the check writes nothing");
    let removed = h.run(&["connections", "remove", &name]).await;
    assert_eq!(removed.code, Some(0), "{}", removed.stderr);
}

/// `--deep` says whether the account may change AEM's tags, as a tag change asks it (AEM's
/// `canCreateTag`): yes for the development token, no, in words, once the account is no Tag
/// Administrator; in French too.
#[tokio::test]
#[ignore = "needs a Secret Service: run by scripts/test.sh"]
async fn connections_test_deep_says_whether_tags_can_be_changed() {
    let sb = sandbox(30).await;
    let h = CliHome::new(&sb);
    let name = format!("Tag rights {}", std::process::id());
    import_dev_token(&h, &name, &[]).await;
    let deep = ["connections", "test", name.as_str(), "--deep"];

    let ran = h.run(&deep).await;
    assert_eq!(ran.code, Some(0), "{}\n{}", ran.stdout, ran.stderr);
    for line in [
        "  [ok  ] Can change tags",
        "  [ok  ] Change tags (tag command): AEM lets this account change its tags: merge, \
         move, delete and import them.",
    ] {
        assert!(ran.stdout.contains(line), "{line:?} in:\n{}", ran.stdout);
    }
    let tags_before = sb.counters().tag_commands;

    sb.set_taxonomy_access(&sb.credentials().dev_token_user, false);
    let ran = h.run(&deep).await;
    assert_eq!(ran.code, Some(0), "{}\n{}", ran.stdout, ran.stderr);
    for line in [
        "  [no  ] Cannot change AEM’s tags (merge, move, delete, import)",
        "  [no  ] Change tags (tag command): AEM refuses it to this account (HTTP 403).",
        "         Instead: This account can still tag assets, but merging, moving, deleting or \
         importing tags is refused before anything is written.",
        // Tagging assets is another right: metadata can still be changed.
        "  [ok  ] Can read and change metadata",
    ] {
        assert!(ran.stdout.contains(line), "{line:?} in:\n{}", ran.stdout);
    }
    assert!(!ran.stdout.contains("<html"), "{}", ran.stdout);

    // In French where LANG decides the CLI's language (elsewhere the system's setting does).
    #[cfg(all(unix, not(target_os = "macos")))]
    {
        use crate::bulk_cli::run_command;
        let (code, out, err) = run_command(h.command_in("fr_FR.UTF-8", &deep)).await;
        assert_eq!(code, Some(0), "{out}\n{err}");
        for line in [
            "Ne peut pas modifier les balises d’AEM (fusion, déplacement, suppression, import)",
            "Modifier les balises (commande de balises)\u{a0}: AEM le refuse à ce compte (HTTP 403).",
        ] {
            assert!(out.contains(line), "{line:?} in:\n{out}");
        }
    }
    // A check, never a change of the taxonomy.
    assert_eq!(sb.counters().tag_commands, tags_before);
}
