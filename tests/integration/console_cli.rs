//! `metadesk-cli graphql` and `metadesk-cli request` against the sandbox through a stored
//! connection (the OS keychain, so `#[ignore]`d like every real keychain test: scripts/test.sh
//! runs them in a private D-Bus session): answers on stdout, errors in words on stderr, the
//! exit codes, CSV and `--out` files, and no token anywhere in the app's folders.

// Test helpers panic on unexpected errors, like the tests themselves.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde_json::Value;

use crate::bulk_cli::CliHome;
use crate::bulk_cli_stored::import_dev_token;
use crate::bulk_support::*;

/// Every file under `dir`, as text.
fn all_files(dir: &std::path::Path) -> Vec<(std::path::PathBuf, String)> {
    let mut out = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(d).into_iter().flatten().flatten() {
            if e.path().is_dir() {
                dirs.push(e.path());
            } else {
                let bytes = std::fs::read(e.path()).unwrap();
                out.push((e.path(), String::from_utf8_lossy(&bytes).into_owned()));
            }
        }
    }
    out
}

#[tokio::test]
#[ignore = "needs a Secret Service: run by scripts/test.sh"]
async fn graphql_and_request_from_the_command_line() {
    let sb = sandbox(60).await;
    let h = CliHome::new(&sb);
    let name = format!("Console test {}", std::process::id());
    import_dev_token(&h, &name, &[]).await;

    // A list query: JSON on stdout, exit 0.
    let ran = h
        .run(&[
            "graphql",
            "--connection",
            &name,
            "--query",
            "{ articleList { items { _path title } } }",
        ])
        .await;
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    let v: Value = serde_json::from_str(&ran.stdout).unwrap();
    let items = v["data"]["articleList"]["items"]
        .as_array()
        .unwrap()
        .clone();
    assert!(items.len() >= 2);
    let path = items[0]["_path"].as_str().unwrap().to_owned();

    // A table, and CSV to a file.
    let ran = h
        .run(&[
            "graphql",
            "--connection",
            &name,
            "--query",
            "{ articleList { items { _path title } } }",
            "--table",
        ])
        .await;
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert!(ran.stdout.lines().next().unwrap().contains("_path"));
    assert_eq!(ran.stdout.lines().count(), items.len() + 1);
    let csv = h.dir.path().join("out.csv");
    let ran = h
        .run(&[
            "graphql",
            "--connection",
            &name,
            "--query-file",
            {
                let q = h.dir.path().join("q.graphql");
                std::fs::write(&q, "{ articleList { items { _path } } }").unwrap();
                Box::leak(q.to_string_lossy().into_owned().into_boxed_str())
            },
            "--csv",
            csv.to_str().unwrap(),
        ])
        .await;
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    let text = std::fs::read_to_string(&csv).unwrap();
    assert_eq!(text.lines().next(), Some("_path"));
    assert_eq!(text.lines().count(), items.len() + 1);

    // A persisted query with a variable that needs encoding.
    let vars = serde_json::json!({ "path": path }).to_string();
    let ran = h
        .run(&[
            "graphql",
            "--connection",
            &name,
            "--persisted",
            "metadesk/article-by-path",
            "--variables",
            &vars,
        ])
        .await;
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert!(ran.stdout.contains(&path));

    // GraphQL errors: exit 1, each at its line and column on stderr.
    let ran = h
        .run(&[
            "graphql",
            "--connection",
            &name,
            "--query",
            "{\n  articleList { items { titel } } }",
        ])
        .await;
    assert_eq!(ran.code, Some(1), "{}", ran.stderr);
    assert!(
        ran.stderr.contains("line 2, column 25") && ran.stderr.contains("titel"),
        "{}",
        ran.stderr
    );
    // An endpoint that is not enabled; bad variables; no source: exit 2, one line each.
    for (args, words) in [
        (
            vec!["--endpoint", "wknd", "--query", "{ __typename }"],
            "not enabled",
        ),
        (
            vec!["--query", "{ __typename }", "--variables", "[1]"],
            "JSON object",
        ),
        (vec!["--persisted", "nope"], "CONFIG/NAME"),
    ] {
        let mut all = vec!["graphql", "--connection", name.as_str()];
        all.extend(args);
        let ran = h.run(&all).await;
        assert_eq!(ran.code, Some(2), "{all:?}: {}", ran.stderr);
        assert!(ran.stderr.contains(words), "{}", ran.stderr);
        assert!(ran.stdout.is_empty());
    }
    let ran = h.run(&["graphql", "--connection", &name]).await;
    assert_eq!(ran.code, Some(2));

    // Requests: 2xx → 0 with the body on stdout, 404 → 1, another host → 2.
    let ran = h
        .run(&[
            "request",
            "--connection",
            &name,
            "GET",
            &format!("{path}/jcr:content/metadata.json"),
        ])
        .await;
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    let v: Value = serde_json::from_str(&ran.stdout).unwrap();
    assert!(v["jcr:primaryType"].is_string(), "{v}");
    let out = h.dir.path().join("me.json");
    let ran = h
        .run(&[
            "request",
            "--connection",
            &name,
            "GET",
            "/libs/granite/security/currentuser.json",
            "--out",
            out.to_str().unwrap(),
        ])
        .await;
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("authorizableId")
    );
    let ran = h
        .run(&[
            "request",
            "--connection",
            &name,
            "GET",
            "/content/dam/nothing.json",
        ])
        .await;
    assert_eq!(ran.code, Some(1), "{}", ran.stderr);
    for evil in ["//evil.test/x", "https://evil.test/x"] {
        let ran = h
            .run(&["request", "--connection", &name, "GET", evil])
            .await;
        assert_eq!(ran.code, Some(2), "{evil}");
        assert!(
            ran.stderr.contains("not a path on this connection"),
            "{}",
            ran.stderr
        );
    }
    let ran = h
        .run(&[
            "request",
            "--connection",
            &name,
            "GET",
            "/x",
            "--header",
            "Authorization: Bearer mine",
        ])
        .await;
    assert_eq!(ran.code, Some(2));

    // Form fields (URL-encoded, as the Sling POST servlet takes them): exit 0, the values
    // reach AEM as typed.
    let metadata = format!("{path}/jcr:content/metadata");
    let ran = h
        .run(&[
            "request",
            "--connection",
            &name,
            "POST",
            &metadata,
            "--form",
            "./dc:title=Été & co = 100%",
            "--form",
            "dc:subject=a",
            "--form",
            "dc:subject=b",
            "--header",
            "Accept: application/json",
        ])
        .await;
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    let v: Value = serde_json::from_str(&ran.stdout).unwrap();
    assert_eq!(v["status.code"], 200, "{v}");
    let state = sb.asset(&path).unwrap();
    assert_eq!(state["metadata"]["dc:title"], "Été & co = 100%", "{state}");
    assert_eq!(
        state["metadata"]["dc:subject"],
        serde_json::json!(["a", "b"])
    );
    // --form with --data, or a field without '=': a usage error, nothing sent.
    let before = sb.counters().requests_total;
    for (extra, words) in [
        (vec!["--form", "a=b", "--data", "{}"], "cannot be used with"),
        (vec!["--form", "no-equals"], "must be NAME=VALUE"),
    ] {
        let mut all = vec!["request", "--connection", name.as_str(), "POST", &metadata];
        all.extend(extra);
        let ran = h.run(&all).await;
        assert_eq!(ran.code, Some(2), "{all:?}: {}", ran.stderr);
        assert!(ran.stderr.contains(words), "{}", ran.stderr);
        assert!(ran.stdout.is_empty());
    }
    assert_eq!(sb.counters().requests_total, before, "nothing was sent");

    // No token in any file the app wrote (the history included).
    let token = sb.credentials().dev_token.clone();
    let files = all_files(&h.home);
    assert!(
        files.iter().any(|(p, _)| p.ends_with("history.json")),
        "the history was written"
    );
    for (file, text) in files {
        assert!(!text.contains(&token), "the token is in {}", file.display());
    }
    let ran = h.run(&["connections", "remove", &name]).await;
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
}
