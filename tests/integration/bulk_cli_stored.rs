//! The CLI through stored connections (the OS keychain, so `#[ignore]`d like every real
//! keychain test: scripts/test.sh runs them in a private D-Bus session): one home for every
//! subcommand, the production guard, an OAuth Server-to-Server credential file listing
//! folders through a stored classic connection, a stored OAuth connection paired once with the
//! connection that finds its assets, and a scope saved in the window reused with --scope.

// Test helpers panic on unexpected errors, like the tests themselves.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::cli_process::OutputRetried;
use metadesk_sandbox::SAMPLE_FOLDER;

use crate::bulk_cli::{CliHome, editable};
use crate::bulk_support::*;

/// Imports the sandbox's development token as `name` (more `extra` flags allowed). Its IMS is
/// Adobe's (`as: ims-na1`, like a real one), so the sandbox on this computer is trusted by name.
pub(crate) async fn import_dev_token(h: &CliHome, name: &str, extra: &[&str]) {
    let mut all = vec!["--trust-host", h.aem_host.as_str()];
    all.extend_from_slice(extra);
    import_file(h, "local-development-token.json", name, &all).await
}

/// Imports the sandbox's credential file `file` as `name` (more `extra` flags allowed).
async fn import_file(h: &CliHome, file: &str, name: &str, extra: &[&str]) {
    let file = h.creds.join(file);
    let mut args = vec![
        "connections",
        "import",
        file.to_str().unwrap(),
        "--name",
        name,
        "--aem",
        &h.aem,
    ];
    args.extend_from_slice(extra);
    let ran = h.run(&args).await;
    assert_eq!(ran.code, Some(0), "{}\n{}", ran.stdout, ran.stderr);
}

/// Removes the connection and its keychain entries (the keychain outlives the test's home).
pub(crate) async fn remove(h: &CliHome, name: &str) {
    let ran = h.run(&["connections", "remove", name]).await;
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
}

#[tokio::test]
#[ignore = "needs a Secret Service: run by scripts/test.sh"]
async fn with_metadesk_home_import_list_doctor_and_bulk_use_the_same_folders() {
    let sb = sandbox(60).await;
    let h = CliHome::new(&sb);
    // Where the platform's folders would be: nothing of this run may land there.
    let elsewhere = h.dir.path().join("xdg");
    let run = |args: Vec<String>| {
        let mut cmd = h.command(&args.iter().map(String::as_str).collect::<Vec<_>>());
        cmd.env("XDG_CONFIG_HOME", elsewhere.join("config"))
            .env("XDG_DATA_HOME", elsewhere.join("data"))
            .stdin(std::process::Stdio::null());
        async move {
            let out = tokio::task::spawn_blocking(move || cmd.output_retried())
                .await
                .unwrap()
                .unwrap();
            let text = String::from_utf8(out.stdout).unwrap();
            let err = String::from_utf8(out.stderr).unwrap();
            assert_eq!(out.status.code(), Some(0), "{args:?}\n{text}\n{err}");
            text
        }
    };
    let file = h.creds.join("local-development-token.json");
    let name = format!("Home test {}", std::process::id());
    run(vec![
        "connections".into(),
        "import".into(),
        file.to_str().unwrap().into(),
        "--name".into(),
        name.clone(),
        "--aem".into(),
        h.aem.clone(),
        "--trust-host".into(),
        h.aem_host.clone(),
    ])
    .await;
    assert!(h.connections_file().is_file());
    let listed = run(vec!["connections".into(), "list".into(), "--json".into()]).await;
    let listed: serde_json::Value = serde_json::from_str(&listed).unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 1, "{listed}");
    assert_eq!(listed[0]["name"], name.as_str());
    let tested = run(vec!["connections".into(), "test".into(), name.clone()]).await;
    assert!(tested.contains("Result: the connection works."), "{tested}");
    let doctor = run(vec!["doctor".into()]).await;
    let data = h.home.join("data");
    assert!(
        doctor.contains(&format!("ready in {}", data.display())),
        "{doctor}"
    );

    // The stored connection path of `bulk`: by name, through the keychain.
    let before = editable(&sb);
    let out = run([
        "bulk",
        "set",
        "--connection",
        &name,
        "--folder",
        SAMPLE_FOLDER,
        "--property",
        "dc:rights",
        "--value",
        "Stored connection",
        "--yes",
        "--json",
    ]
    .map(String::from)
    .to_vec())
    .await;
    let summary: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(summary["connection"], name.as_str());
    assert_eq!(summary["connectionId"], listed[0]["id"]);
    assert_eq!(summary["counts"]["changed"], before.len());
    for (path, _) in &before {
        assert_eq!(metadata(&sb, path)["dc:rights"], "Stored connection");
    }
    assert_eq!(h.journals(), 1);
    assert!(
        !elsewhere.exists(),
        "nothing outside METADESK_HOME: {:?}",
        std::fs::read_dir(&elsewhere).map(|d| d.count())
    );
    remove(&h, &name).await;
}

#[tokio::test]
#[ignore = "needs a Secret Service: run by scripts/test.sh"]
async fn a_production_connection_needs_its_name_to_apply() {
    let sb = sandbox(60).await;
    let h = CliHome::new(&sb);
    let name = format!("Prod author {}", std::process::id());
    import_dev_token(&h, &name, &["--production"]).await;
    let before = editable(&sb);
    let set = |extra: &[&str]| {
        let mut args: Vec<String> = [
            "bulk",
            "set",
            "--connection",
            &name,
            "--folder",
            SAMPLE_FOLDER,
            "--property",
            "dc:rights",
            "--value",
            "Production rights",
        ]
        .map(String::from)
        .to_vec();
        args.extend(extra.iter().map(|s| s.to_string()));
        args
    };
    let home = &h;
    let run = |args: Vec<String>| async move {
        home.run(&args.iter().map(String::as_str).collect::<Vec<_>>())
            .await
    };
    let how = format!("give it as --confirm-production \"{name}\"");
    // Refused before anything is previewed or written: with --yes, without a terminal, or
    // with a name that is not exactly the connection's.
    run(set(&["--yes"])).await.assert_refused(&how);
    run(set(&[])).await.assert_refused(&how);
    let wrong = name.to_lowercase();
    run(set(&["--yes", "--confirm-production", &wrong]))
        .await
        .assert_refused(&format!(
            "--confirm-production \"{wrong}\" is not this connection's name."
        ));
    assert_eq!(h.journals(), 0, "no run was recorded");
    assert_eq!(sb.counters().writes_applied, 0);

    // A dry run writes nothing, so it needs no name.
    let ran = run(set(&["--dry-run", "--json"])).await;
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    let id = ran.json()["id"].as_str().unwrap().to_owned();
    // Applying it later is guarded too.
    let resume = |extra: &[&str]| {
        let mut args: Vec<String> = ["bulk", "resume", &id, "--yes"].map(String::from).to_vec();
        args.extend(extra.iter().map(|s| s.to_string()));
        args
    };
    run(resume(&[])).await.assert_refused(&how);
    assert_eq!(sb.counters().writes_applied, 0);
    let ran = run(resume(&[
        "--confirm-production",
        &format!("  {name} "),
        "--json",
    ]))
    .await;
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert_eq!(ran.json()["counts"]["changed"], before.len());
    for (path, _) in &before {
        assert_eq!(metadata(&sb, path)["dc:rights"], "Production rights");
    }

    // So is undo: refused without the name (no new run), done with it.
    let undo = |extra: &[&str]| {
        let mut args: Vec<String> = ["bulk", "undo", &id, "--yes"].map(String::from).to_vec();
        args.extend(extra.iter().map(|s| s.to_string()));
        args
    };
    run(undo(&[])).await.assert_refused(&how);
    assert_eq!(h.journals(), 1);
    let ran = run(undo(&["--confirm-production", &name, "--json"])).await;
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    for (path, md) in &before {
        assert_eq!(metadata(&sb, path).get("dc:rights"), md.get("dc:rights"));
    }
    remove(&h, &name).await;
}

/// Publishing is guarded like writing (issue 39): a production connection's publish, its
/// resume and its undo need the connection's name typed.
#[tokio::test]
#[ignore = "needs a Secret Service: run by scripts/test.sh"]
async fn a_production_connection_needs_its_name_to_publish() {
    let sb = sandbox(60).await;
    let h = CliHome::new(&sb);
    let name = format!("Prod publish {}", std::process::id());
    import_dev_token(&h, &name, &["--production"]).await;
    let with = |head: &[&str], extra: &[&str]| -> Vec<String> {
        head.iter().chain(extra).map(|s| s.to_string()).collect()
    };
    let publish = ["publish", "--connection", &name, "--folder", SAMPLE_FOLDER];
    let home = &h;
    let run = |args: Vec<String>| async move {
        home.run(&args.iter().map(String::as_str).collect::<Vec<_>>())
            .await
    };
    let how = format!("give it as --confirm-production \"{name}\"");
    run(with(&publish, &["--yes"])).await.assert_refused(&how);
    let wrong = name.to_lowercase();
    run(with(&publish, &["--yes", "--confirm-production", &wrong]))
        .await
        .assert_refused(&format!(
            "--confirm-production \"{wrong}\" is not this connection's name."
        ));
    assert_eq!(h.journals(), 0, "no run was recorded");
    assert_eq!(sb.counters().replications, 0);

    // A dry run sends nothing, so it needs no name; applying it later does.
    let ran = run(with(&publish, &["--dry-run", "--json"])).await;
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    let id = ran.json()["id"].as_str().unwrap().to_owned();
    run(with(&["bulk", "resume", &id, "--yes"], &[]))
        .await
        .assert_refused(&how);
    assert_eq!(sb.counters().replications, 0);
    let ran = run(with(
        &["bulk", "resume", &id, "--yes"],
        &["--confirm-production", &name, "--json"],
    ))
    .await;
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert!(sb.counters().replications > 0);

    // Its undo (unpublishing what it published first) is guarded too.
    let sent = sb.counters().replications;
    run(with(&["bulk", "undo", &id, "--yes"], &[]))
        .await
        .assert_refused(&how);
    assert_eq!(sb.counters().replications, sent);
    let ran = run(with(
        &["bulk", "undo", &id, "--yes"],
        &["--confirm-production", &name, "--json"],
    ))
    .await;
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    remove(&h, &name).await;
}

#[tokio::test]
#[ignore = "needs a Secret Service: run by scripts/test.sh"]
async fn an_oauth_credential_file_lists_folders_with_a_stored_connection() {
    let sb = sandbox(60).await;
    let h = CliHome::new(&sb);
    let paired = format!("Paired {}", std::process::id());
    import_dev_token(&h, &paired, &[]).await;
    let before = editable(&sb);
    let set = [
        "bulk",
        "set",
        "--folder",
        SAMPLE_FOLDER,
        "--property",
        "dc:rights",
        "--value",
        "Written with OAuth",
        "--yes",
        "--json",
    ];
    // Without a paired, on an AEM that does not answer the OpenAPI search, nothing can find the
    // folder's assets: the message says what to do.
    sb.set_openapi_search(false);
    let ran = h.run_with_file("oauth-project.json", &set).await;
    ran.assert_refused("from the command line: add --paired-with CONNECTION");
    sb.set_openapi_search(true);
    let unknown = h
        .run_with_file(
            "oauth-project.json",
            &[&set[..], &["--paired-with", "nobody"]].concat(),
        )
        .await;
    unknown.assert_refused("There is no connection called \"nobody\".");
    assert_eq!(sb.counters().count("PATCH", 200), 0);

    // Where AEM answers it, the OpenAPI search finds the folder's assets with no paired.
    let searched = [
        &set[..7],
        &["Found by the OpenAPI search", "--yes", "--json"],
    ]
    .concat();
    let ran = h.run_with_file("oauth-project.json", &searched).await;
    assert_eq!(ran.code, Some(0), "{}\n{}", ran.stdout, ran.stderr);
    let summary = ran.json();
    assert_eq!(summary["foundBy"]["kind"], "openapi_search", "{summary}");
    assert_eq!(summary["counts"]["changed"], before.len());
    let patched = sb.counters().count("PATCH", 200);
    assert_eq!(patched, before.len() as u64);

    let ran = h
        .run_with_file(
            "oauth-project.json",
            // `--list-with`, the flag's older name, still works.
            &[&set[..], &["--list-with", &paired]].concat(),
        )
        .await;
    assert_eq!(ran.code, Some(0), "{}\n{}", ran.stdout, ran.stderr);
    let summary = ran.json();
    assert_eq!(summary["family"], "openApi", "{summary}");
    assert_eq!(summary["counts"]["changed"], before.len());
    assert_eq!(
        summary["foundBy"],
        serde_json::json!({"kind": "folder_listing", "connection": paired}),
        "{summary}"
    );
    assert_eq!(
        sb.counters().count("PATCH", 200),
        patched + before.len() as u64
    );
    let counters = sb.counters();
    assert_eq!(
        (counters.count("PUT", 200), counters.batch_writes),
        (0, 0),
        "written through the OpenAPI, not the classic API"
    );
    for (path, _) in &before {
        assert_eq!(metadata(&sb, path)["dc:rights"], "Written with OAuth");
    }
    remove(&h, &paired).await;
}

#[tokio::test]
#[ignore = "needs a Secret Service: run by scripts/test.sh"]
async fn a_run_whose_connection_now_points_at_another_aem_is_refused_in_words() {
    let sb = sandbox(30).await;
    let h = CliHome::new(&sb);
    let name = format!("Moved author {}", std::process::id());
    import_dev_token(&h, &name, &[]).await;
    let ran = h
        .run(&[
            "bulk",
            "set",
            "--connection",
            &name,
            "--folder",
            SAMPLE_FOLDER,
            "--property",
            "dc:rights",
            "--value",
            "Moved",
            "--dry-run",
            "--json",
        ])
        .await;
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    let id = ran.json()["id"].as_str().unwrap().to_owned();
    let elsewhere = "http://127.0.0.1:9";
    // Trusted (its token is Adobe-issued), so what refuses the run is the move itself.
    let moved = h
        .run(&[
            "connections",
            "set-url",
            &name,
            elsewhere,
            "--trust-host",
            "127.0.0.1:9",
        ])
        .await;
    assert_eq!(moved.code, Some(0), "{}", moved.stderr);
    let words = format!(
        "The connection \"{name}\" now points to {elsewhere}, but this run was made on {}.",
        h.aem
    );
    for verb in ["resume", "undo", "retry"] {
        h.run(&["bulk", verb, &id, "--yes"])
            .await
            .assert_refused(&words);
    }
    assert_eq!(h.journals(), 1, "no undo or retry run was recorded");
    assert_eq!(sb.counters().writes_applied, 0, "nothing was written");

    // Pointed back at the run's AEM, the run goes on.
    let back = h
        .run(&[
            "connections",
            "set-url",
            &name,
            &h.aem,
            "--trust-host",
            &h.aem_host,
        ])
        .await;
    assert_eq!(back.code, Some(0), "{}", back.stderr);
    let ran = h.run(&["bulk", "resume", &id, "--yes", "--json"]).await;
    assert_eq!(ran.code, Some(0), "{}\n{}", ran.stdout, ran.stderr);
    assert!(sb.counters().writes_applied > 0);
    remove(&h, &name).await;
}

/// A workspace over the CLI's home, as the window would open it (saved scopes live there).
fn workspace_of(h: &CliHome) -> metadesk_core::app::Workspace {
    metadesk_core::app::Workspace::new(
        metadesk_core::dirs::AppDirs::under(&h.home),
        std::sync::Arc::new(metadesk_core::secrets::RunOnlyKeychain::default()),
    )
    .unwrap()
}

#[tokio::test]
#[ignore = "needs a Secret Service: run by scripts/test.sh"]
async fn a_scope_saved_in_the_window_is_reused_with_scope() {
    use metadesk_core::bulk::{Condition, Scope};
    let sb = sandbox(60).await;
    let h = CliHome::new(&sb);
    let name = format!("Scoped {}", std::process::id());
    import_dev_token(&h, &name, &[]).await;
    let before = editable(&sb);
    let empty: Vec<&String> = before
        .iter()
        .filter(|(_, md)| md.get("dc:rights").is_none())
        .map(|(p, _)| p)
        .collect();
    assert!(!empty.is_empty() && empty.len() < before.len());
    let ws = workspace_of(&h);
    let id = ws.connections().find(&name).unwrap().id;
    let scope = Scope::Search {
        under: SAMPLE_FOLDER.into(),
        recursive: false,
        conditions: vec![Condition::IsEmpty {
            property: "dc:rights".into(),
        }],
        combine: Default::default(),
    };
    ws.save_scope(&id, "No rights", scope).unwrap();

    let set = |scope: &'static str| {
        vec![
            "bulk",
            "set",
            "--connection",
            &name,
            "--scope",
            scope,
            "--property",
            "dc:rights",
            "--value",
            "Via a saved scope",
            "--yes",
            "--json",
        ]
        .into_iter()
        .map(str::to_owned)
        .collect::<Vec<String>>()
    };
    let unknown = set("Summer");
    let ran = h
        .run(&unknown.iter().map(String::as_str).collect::<Vec<_>>())
        .await;
    ran.assert_refused("No scope named \"Summer\" is saved for this connection. Saved: No rights.");
    assert_eq!(sb.counters().writes_applied, 0);

    let known = set("no RIGHTS");
    let ran = h
        .run(&known.iter().map(String::as_str).collect::<Vec<_>>())
        .await;
    assert_eq!(ran.code, Some(0), "{}\n{}", ran.stdout, ran.stderr);
    let summary = ran.json();
    assert!(
        summary["scope"]
            .as_str()
            .unwrap()
            .ends_with("where Copyright is empty"),
        "{summary}"
    );
    assert_eq!(summary["counts"]["changed"], empty.len());
    for (path, md) in &before {
        let now = metadata(&sb, path);
        if empty.contains(&path) {
            assert_eq!(now["dc:rights"], "Via a saved scope");
        } else {
            assert_eq!(
                now.get("dc:rights"),
                md.get("dc:rights"),
                "{path} is outside the scope"
            );
        }
    }
    remove(&h, &name).await;
}

#[tokio::test]
#[ignore = "needs a Secret Service: run by scripts/test.sh"]
async fn a_stored_oauth_connection_uses_the_connection_paired_with_it() {
    let sb = sandbox(60).await;
    let h = CliHome::new(&sb);
    let pid = std::process::id();
    let (paired, oauth) = (format!("Paired {pid}"), format!("OAuth {pid}"));
    import_dev_token(&h, &paired, &[]).await;
    let file = h.creds.join("oauth-project.json");
    let ims = sb.credentials().ims_endpoint.clone();
    let ran = h
        .run(&[
            "connections",
            "import",
            file.to_str().unwrap(),
            "--name",
            &oauth,
            "--aem",
            &h.aem,
            "--ims",
            &ims,
        ])
        .await;
    assert_eq!(ran.code, Some(0), "{}\n{}", ran.stdout, ran.stderr);
    let before = editable(&sb);
    let set = [
        "bulk",
        "set",
        "--connection",
        &oauth,
        "--folder",
        SAMPLE_FOLDER,
        "--property",
        "dc:rights",
        "--value",
        "Paired",
        "--yes",
        "--json",
    ];
    // Where AEM does not answer the OpenAPI search, nothing can find the folder's assets.
    sb.set_openapi_search(false);
    h.run(&set)
        .await
        .assert_refused("then choose it as \"Paired connection\" on this connection's card");

    // A pairing that cannot work is refused and changes nothing.
    let ran = h.run(&["connections", "pair", &paired, &oauth]).await;
    ran.assert_refused("finds assets itself");
    let ran = h.run(&["connections", "pair", &oauth, &paired]).await;
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert!(
        ran.stdout.contains(&format!("is paired with \"{paired}\"")),
        "{}",
        ran.stdout
    );
    // The subcommand's older name still pairs.
    let ran = h
        .run(&["connections", "finds-assets-with", &oauth, &paired])
        .await;
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);

    let ran = h.run(&set).await;
    assert_eq!(ran.code, Some(0), "{}\n{}", ran.stdout, ran.stderr);
    let summary = ran.json();
    assert_eq!(summary["family"], "openApi", "{summary}");
    assert_eq!(summary["counts"]["changed"], before.len());
    assert_eq!(sb.counters().count("PATCH", 200), before.len() as u64);
    let counters = sb.counters();
    assert_eq!(
        (counters.count("PUT", 200), counters.batch_writes),
        (0, 0),
        "written through the OpenAPI, not the classic API"
    );

    let ran = h.run(&["connections", "pair", &oauth, "--none"]).await;
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    h.run(&set).await.assert_refused("Paired connection");
    sb.set_openapi_search(true);
    remove(&h, &oauth).await;
    remove(&h, &paired).await;
}

/// A 4096-bit AEM service credential — its private key is more than one Windows Credential
/// Manager entry takes — imported into the keychain by the CLI and then used for a bulk edit,
/// which changes exactly what was asked (every asset's `dc:rights`, nothing else). Under Wine
/// (scripts/cross/windows.sh) the keychain is Windows Credential Manager.
#[tokio::test]
#[ignore = "needs the real keychain: run by scripts/test.sh and scripts/cross/windows.sh"]
async fn a_4096_bit_service_credential_is_imported_and_applies_a_bulk_edit_exactly() {
    let sb = metadesk_sandbox::Sandbox::start(
        metadesk_sandbox::SandboxConfig::default()
            .with_assets(40)
            .with_key_bits(4096),
    )
    .await
    .unwrap();
    let h = CliHome::new(&sb);
    let name = format!("Big key {}", std::process::id());
    import_file(&h, "service-credentials.json", &name, &[]).await;
    let before = editable(&sb);
    assert!(!before.is_empty());
    let ran = h
        .run(&[
            "bulk",
            "set",
            "--connection",
            &name,
            "--folder",
            SAMPLE_FOLDER,
            "--property",
            "dc:rights",
            "--value",
            "Rights set from Windows",
            "--yes",
            "--json",
        ])
        .await;
    assert_eq!(ran.code, Some(0), "{}\n{}", ran.stdout, ran.stderr);
    assert_eq!(ran.json()["counts"]["changed"], before.len());
    assert_eq!(ran.json()["counts"]["failed"], 0);
    for (path, old) in &before {
        let mut now = metadata(&sb, path);
        assert_eq!(now["dc:rights"], "Rights set from Windows", "{path}");
        let mut old = old.clone();
        now.remove("dc:rights");
        old.remove("dc:rights");
        // Properties AEM sets on a write (jcr:lastModified…) aside, nothing else changed.
        now.retain(|k, _| !k.starts_with("jcr:") && !k.starts_with("cq:"));
        old.retain(|k, _| !k.starts_with("jcr:") && !k.starts_with("cq:"));
        assert_eq!(now, old, "{path}");
    }
    remove(&h, &name).await;
}
