//! The `connections` commands against a `RunOnlyKeychain` and a temporary folder, parsed from
//! real argument lists.

use std::path::Path;
use std::sync::Arc;

use clap::Parser;
use metadesk_core::app::Workspace;
use metadesk_core::credentials::testing::{self, TestKey};
use metadesk_core::dirs::AppDirs;
use metadesk_core::secrets::{RunOnlyKeychain, SecretStoreError};
use serde_json::Value;
use time::{Duration, OffsetDateTime};

use crate::exit_code::FAILURE;
use crate::{Cli, Command};

struct Run {
    code: u8,
    out: String,
    err: String,
}

struct Fixture {
    dir: tempfile::TempDir,
    secrets: Arc<RunOnlyKeychain>,
    workspace: Workspace,
}

impl Fixture {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let secrets = Arc::new(RunOnlyKeychain::with_entry_limit(2560));
        let workspace = Workspace::new(AppDirs::under(dir.path()), secrets.clone()).unwrap();
        Fixture {
            dir,
            secrets,
            workspace,
        }
    }

    fn run_with_input(&self, args: &[&str], input: &str) -> Run {
        self.run_in(args, input, &metadesk_core::i18n::Localizer::english())
    }

    fn run_in(&self, args: &[&str], input: &str, l: &metadesk_core::i18n::Localizer) -> Run {
        let cli = Cli::try_parse_from(std::iter::once("metadesk-cli").chain(args.iter().copied()))
            .unwrap_or_else(|e| panic!("{e}"));
        let Command::Connections(command) = cli.command else {
            panic!("not a connections command")
        };
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let mut input = input.as_bytes();
        let code = super::run(command, &self.workspace, &mut input, &mut out, &mut err, l);
        Run {
            code,
            out: String::from_utf8(out).unwrap(),
            err: String::from_utf8(err).unwrap(),
        }
    }

    fn run(&self, args: &[&str]) -> Run {
        self.run_with_input(args, "")
    }

    fn write(&self, name: &str, value: &Value) -> String {
        let path = self.dir.path().join(name);
        std::fs::write(&path, serde_json::to_vec_pretty(value).unwrap()).unwrap();
        path.display().to_string()
    }
}

fn service(client_id: &str) -> Value {
    testing::service_credentials(&TestKey::small(), client_id, "ims-na1.adobelogin.com", 365)
}

#[test]
fn list_and_show_speak_french_and_the_json_carries_machine_keys_only() {
    let f = Fixture::new();
    let fr = metadesk_core::i18n::Localizer::new(metadesk_core::i18n::Lang::Fr);
    let json = testing::service_credentials(
        &TestKey::small(),
        "cm-p7603-e12614-integration",
        "ims-na1.adobelogin.com",
        12,
    );
    let file = f.write("service.json", &json);
    let imported = f.run_in(&["connections", "import", &file], "", &fr);
    assert_eq!(imported.code, 0, "{}", imported.err);

    let list = f.run_in(&["connections", "list"], "", &fr);
    let row = list.out.lines().nth(1).unwrap();
    assert!(row.contains("identifiants de service AEM"), "{row}");
    // Named in the importer's language when imported (issue 68); then it is the person's data.
    assert!(
        row.starts_with("Programme 7603 · environnement 12614 "),
        "{row}"
    );
    assert!(
        row.ends_with("expire dans 11 jours") || row.ends_with("expire dans 12 jours"),
        "{row}"
    );

    let show = f.run_in(&["connections", "show", "p7603-e12614"], "", &fr);
    let out = &show.out;
    assert_eq!(show.code, 0, "{}", show.err);
    assert!(
        out.contains("Secrets\u{a0}: secret client ••••1d47, clé privée (RSA 1024 bits)\n"),
        "{out}"
    );
    assert!(
        out.contains("Type\u{a0}: identifiants de service AEM\n"),
        "{out}"
    );
    assert!(out.contains("\u{a0}: expire dans 1"), "{out}");
    // The token's health, as the connections page knows it, without asking IMS.
    assert!(
        out.contains("Accès\u{a0}: pas encore de jeton\u{202f}; il sera demandé au besoin\u{202f}; le certificat expire dans 1"),
        "{out}"
    );
    assert!(
        out.contains("À faire\u{a0}: Le certificat de ces identifiants de service expire le "),
        "{out}"
    );
    assert!(
        !out.contains("T00:00:00Z") && !out.contains("expires"),
        "{out}"
    );

    // Scripts get the same JSON whatever the terminal's language: keys, never words.
    let french = f.run_in(&["connections", "list", "--json"], "", &fr).out;
    let english = f.run(&["connections", "list", "--json"]).out;
    assert_eq!(french, english);
    let value: Value = serde_json::from_str(&french).unwrap();
    for words in ["kindLabel", "kindDescription", "statusText"] {
        assert!(value[0].get(words).is_none(), "{words} in {french}");
    }
    assert_eq!(value[0]["kind"], "serviceCredentials");
    assert_eq!(value[0]["status"]["state"], "expiresSoon");
    let shown = f.run_in(&["connections", "show", "p7603-e12614", "--json"], "", &fr);
    assert_eq!(
        serde_json::from_str::<Value>(&shown.out).unwrap(),
        value[0],
        "show --json is the same view"
    );
}

#[test]
fn import_then_list_then_remove() {
    let f = Fixture::new();
    let file = f.write("service.json", &service("cm-p7603-e12614-integration"));
    let run = f.run(&["connections", "import", &file]);
    assert_eq!(run.code, 0, "{}", run.err);
    assert!(run.out.starts_with(&format!("imported {file}: \"Program 7603 · environment 12614\" (AEM service credentials, author-p7603-e12614.adobeaemcloud.com)")), "{}", run.out);
    assert!(
        run.out
            .contains("AEM user to give permissions to: c9adf360"),
        "{}",
        run.out
    );

    let again = f.run(&["connections", "import", &file]);
    assert!(again.out.starts_with("updated "), "{}", again.out);

    let list = f.run(&["connections", "list"]);
    let lines: Vec<&str> = list.out.lines().collect();
    assert_eq!(lines.len(), 2, "{}", list.out);
    assert!(lines[0].starts_with("NAME"));
    assert!(
        lines[1].contains("Program 7603 · environment 12614") && lines[1].ends_with("ok"),
        "{}",
        lines[1]
    );

    let json: Value = serde_json::from_str(&f.run(&["connections", "list", "--json"]).out).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 1);
    assert_eq!(
        json[0]["secretHints"][0],
        serde_json::json!({"kind": "secret", "field": "clientSecret", "hint": "••••1d47"})
    );
    assert!(!json.to_string().contains("p8e-TEST"));

    let show = f.run(&["connections", "show", "P7603-E12614"]);
    assert!(
        show.out
            .contains("Secrets: client secret ••••1d47, private key (1024-bit RSA)"),
        "{}",
        show.out
    );

    let removed = f.run(&["connections", "remove", "p7603-e12614"]);
    assert_eq!(removed.code, 0, "{}", removed.err);
    assert!(f.secrets.is_empty());
    assert!(
        f.run(&["connections", "list"])
            .out
            .starts_with("No connections yet")
    );
    let missing = f.run(&["connections", "remove", "p7603-e12614"]);
    assert_eq!(
        (missing.code, missing.err.trim()),
        (
            FAILURE,
            "error: There is no connection called \"p7603-e12614\"."
        )
    );
}

#[test]
fn every_refused_file_gets_one_line_and_a_failure_code() {
    let f = Fixture::new();
    let good = f.write("good.json", &service("cm-p1-e2-integration"));
    let not_json = f.dir.path().join("notes.txt");
    std::fs::write(&not_json, "hello").unwrap();
    let mut incomplete = service("cm-p3-e4-integration");
    incomplete["integration"]
        .as_object_mut()
        .unwrap()
        .remove("privateKey");
    incomplete["integration"]
        .as_object_mut()
        .unwrap()
        .remove("org");
    let incomplete = f.write("incomplete.json", &incomplete);
    let folder = f.dir.path().display().to_string();
    let run = f.run(&[
        "connections",
        "import",
        &good,
        not_json.to_str().unwrap(),
        &incomplete,
        &folder,
    ]);
    assert_eq!(run.code, FAILURE);
    let refusals: Vec<&str> = run.err.lines().collect();
    assert_eq!(refusals.len(), 3, "{}", run.err);
    assert!(refusals[0].contains("notes.txt: The file is not valid JSON"));
    assert!(refusals[1].contains("The file has no organisation id (integration.org). The file has no private key (integration.privateKey)."), "{}", refusals[1]);
    assert!(refusals[2].contains("This is a folder"));
    assert!(
        run.out.starts_with("imported"),
        "the good file is still imported"
    );
    assert_eq!(f.workspace.connections().list().unwrap().len(), 1);
}

#[test]
fn tokens_need_aem_and_the_sandbox_can_override_it() {
    let f = Fixture::new();
    let now = OffsetDateTime::now_utc();
    let token = f.write(
        "token.json",
        &testing::dev_token("jane@example.com", now, Duration::hours(24)),
    );
    let run = f.run(&["connections", "import", &token]);
    assert_eq!(run.code, FAILURE);
    assert!(
        run.err.trim_end().ends_with("Use --aem URL."),
        "{}",
        run.err
    );
    let run = f.run(&[
        "connections",
        "import",
        &token,
        "--aem",
        "https://author-p1-e2.adobeaemcloud.com",
        "--name",
        "Jane's token",
    ]);
    assert_eq!(run.code, 0, "{}", run.err);
    assert!(
        run.out
            .contains("note: Development tokens cannot be renewed"),
        "{}",
        run.out
    );

    let sandbox = testing::service_credentials(
        &TestKey::small(),
        "cm-p9-e9-integration",
        "http://127.0.0.1:4100",
        365,
    );
    let sandbox = f.write("sandbox.json", &sandbox);
    let run = f.run(&[
        "connections",
        "import",
        &sandbox,
        "--aem",
        "http://127.0.0.1:4101",
        "--production",
    ]);
    assert_eq!(run.code, 0, "{}", run.err);
    let json: Value =
        serde_json::from_str(&f.run(&["connections", "show", "p9-e9", "--json"]).out).unwrap();
    assert_eq!(json["aemUrl"], "http://127.0.0.1:4101");
    assert_eq!(json["imsBase"], "http://127.0.0.1:4100");
    assert_eq!(json["production"], true);
}

#[test]
fn name_needs_a_single_file() {
    let f = Fixture::new();
    let a = f.write("a.json", &service("cm-p1-e2-integration"));
    let run = f.run(&["connections", "import", &a, &a, "--name", "X"]);
    assert_eq!(run.code, FAILURE);
    assert!(run.err.contains("--name can only be used with one file"));
    assert!(f.secrets.is_empty());
}

#[test]
fn project_files_with_several_credentials_take_a_choice() {
    let f = Fixture::new();
    let project = testing::project(vec![
        testing::oauth_credential("111", "A", "client-a"),
        testing::oauth_credential("222", "B", "client-b"),
    ]);
    let file = f.write("project.json", &project);
    let run = f.run(&[
        "connections",
        "import",
        &file,
        "--aem",
        "author-p1-e2.adobeaemcloud.com",
        "--choice",
        "222",
    ]);
    assert_eq!(run.code, 0, "{}", run.err);
    assert!(run.out.contains("Metadesk test project (B)"), "{}", run.out);
    let run = f.run(&[
        "connections",
        "import",
        &file,
        "--aem",
        "author-p1-e2.adobeaemcloud.com",
        "--choice",
        "9",
    ]);
    assert!(run.err.contains("Pick one of: 111, 222"), "{}", run.err);
}

#[test]
fn management_commands() {
    let f = Fixture::new();
    let file = f.write("s.json", &service("cm-p1-e2-integration"));
    f.run(&["connections", "import", &file]);
    assert_eq!(
        f.run(&["connections", "rename", "p1-e2", "Stage"])
            .out
            .trim(),
        "renamed to \"Stage\""
    );
    let url = f.run(&["connections", "set-url", "stage", "http://example.com"]);
    assert_eq!(url.code, FAILURE);
    assert!(
        url.err.starts_with("error: The AEM address is not usable"),
        "{}",
        url.err
    );
    assert_eq!(
        f.run(&["connections", "set-url", "Stage", "https://a.example"])
            .code,
        0
    );
    assert!(
        f.run(&["connections", "production", "Stage", "on"])
            .out
            .contains("marked as production")
    );
    let list = f.run(&["connections", "list"]).out;
    assert!(
        list.contains("Stage [production]") && list.contains("a.example"),
        "{list}"
    );
}

#[test]
fn add_sdk_reads_the_password_from_stdin() {
    let f = Fixture::new();
    let run = f.run_with_input(&["connections", "add-sdk", "--user", "admin"], "admin\n");
    assert_eq!(run.code, 0, "{}", run.err);
    assert!(
        run.out
            .contains("\"Local AEM SDK (localhost:4502)\" (http://localhost:4502)"),
        "{}",
        run.out
    );
    let id = f.workspace.connections().list().unwrap()[0].id.clone();
    assert_eq!(
        f.workspace
            .connections()
            .load_secrets(&id)
            .unwrap()
            .password
            .unwrap()
            .expose(),
        "admin"
    );
    let empty = f.run_with_input(&["connections", "add-sdk", "--user", "admin"], "\n");
    assert_eq!(empty.code, FAILURE);
    assert_eq!(empty.err.trim(), "error: The password is empty.");
}

#[test]
fn no_keychain_refuses_the_import_in_one_line() {
    let f = Fixture::new();
    f.secrets.fail_with(Some(SecretStoreError::Unavailable {
        detail: "org.freedesktop.secrets was not provided\nby any .service files".into(),
        fix: "Install GNOME Keyring.".into(),
    }));
    let file = f.write("s.json", &service("cm-p1-e2-integration"));
    let run = f.run(&["connections", "import", &file]);
    assert_eq!(run.code, FAILURE);
    assert_eq!(run.err.lines().count(), 1, "{}", run.err);
    assert!(run.err.contains("Install GNOME Keyring."));
    f.secrets.fail_with(None);
    assert!(f.secrets.is_empty());
    assert!(!Path::new(f.workspace.connections().config_path()).exists());
}

/// Issue 13 item 4: `--ims` points an OAuth Server-to-Server connection at another Adobe IMS;
/// anything off the allow-list is refused in words and nothing is stored.
#[test]
fn ims_points_an_oauth_project_at_another_adobe_ims_only() {
    let f = Fixture::new();
    let project = testing::project(vec![testing::oauth_credential("111", "A", "client-a")]);
    let file = f.write("project.json", &project);
    let import = |ims: &str| {
        f.run(&[
            "connections",
            "import",
            &file,
            "--aem",
            "author-p1-e2.adobeaemcloud.com",
            "--ims",
            ims,
        ])
    };
    for bad in [
        "http://ims-na1.adobelogin.com",
        "https://adobelogin.com.evil.test",
        "https://ims-na1.adobelogin.com@evil.test",
        "https://192.168.1.20",
    ] {
        let run = import(bad);
        assert_eq!(run.code, FAILURE, "{bad}");
        assert!(
            run.err.contains("The IMS address is not usable"),
            "{bad}: {}",
            run.err
        );
        assert!(f.secrets.is_empty(), "{bad}");
    }
    let run = import("ims-na1-stg1.adobelogin.com");
    assert_eq!(run.code, 0, "{}", run.err);
    let show = f.run(&["connections", "show", "Metadesk test project (A)"]);
    assert!(
        show.out
            .contains("IMS: https://ims-na1-stg1.adobelogin.com"),
        "{}",
        show.out
    );

    let service = f.write("service.json", &service("cm-p1-e2-integration"));
    let run = f.run(&[
        "connections",
        "import",
        &service,
        "--ims",
        "ims-na1-stg1.adobelogin.com",
    ]);
    assert_eq!(run.code, FAILURE);
    assert!(run.err.contains("OAuth Server-to-Server"), "{}", run.err);
}

/// Issue 13 item 4: the same client id with another key needs `--replace`.
#[test]
fn another_key_under_the_same_client_id_needs_replace() {
    let f = Fixture::new();
    let first = f.write("first.json", &service("cm-p1-e2-integration"));
    let rotated = f.write("rotated.json", &service("cm-p1-e2-integration"));
    assert_eq!(f.run(&["connections", "import", &first]).code, 0);
    let hints = || f.run(&["connections", "show", "p1-e2", "--json"]).out;
    let before = hints();

    let run = f.run(&["connections", "import", &rotated]);
    assert_eq!(run.code, FAILURE);
    assert!(
        run.err.contains("Its private key is different."),
        "{}",
        run.err
    );
    assert!(
        run.err.trim_end().ends_with("Add --replace to replace it."),
        "{}",
        run.err
    );
    assert_eq!(hints(), before, "nothing changed");

    let run = f.run(&["connections", "import", &rotated, "--replace"]);
    assert_eq!(run.code, 0, "{}", run.err);
    assert!(run.out.starts_with("updated "), "{}", run.out);
}
