//! `connections list` and `show` in French (`LANG=fr_FR.UTF-8`) against the sandbox, with the
//! real keychain (run under `private_session`): the kind, the status, the token's health, the
//! secret hints (also those an older version stored in English) and a suggested name in the
//! reader's language, and JSON with machine keys only, the same whatever the language.

use crate::bulk_cli::{CliHome, run_command as run};
use crate::bulk_support::sandbox;

/// Imports the sandbox's service credentials as "svc", the CLI speaking French.
async fn import_service_as_svc(home: &CliHome) {
    let service = home.creds.join("service-credentials.json");
    let (code, out, err) = run(home.command_in(
        "fr_FR.UTF-8",
        &[
            "connections",
            "import",
            service.to_str().unwrap(),
            "--name",
            "svc",
            "--aem",
            &home.aem,
        ],
    ))
    .await;
    assert_eq!(code, Some(0), "{out}{err}");
}

#[tokio::test]
async fn connections_list_and_show_speak_french_and_json_stays_machine_keys() {
    let sb = sandbox(3).await;
    let home = CliHome::new(&sb);
    let in_lang = |lang: &str, args: &[&str]| home.command_in(lang, args);
    let french = |args: &[&str]| in_lang("fr_FR.UTF-8", args);

    import_service_as_svc(&home).await;

    // The development token is Adobe-issued: on this computer it needs the host trusted, and
    // says so in French.
    let token = home.creds.join("local-development-token.json");
    let (code, out, err) = run(french(&[
        "connections",
        "import",
        token.to_str().unwrap(),
        "--aem",
        &home.aem,
    ]))
    .await;
    assert_ne!(code, Some(0), "{out}{err}");
    assert!(
        err.contains(&format!(
            "{} est sur cet ordinateur, où n’importe quel programme peut écouter, et ces \
             identifiants sont délivrés par Adobe\u{a0}: leurs jetons y seraient envoyés.",
            home.aem_host
        )),
        "{err}"
    );
    // No --name: the suggested name is written in the importer's language, then kept.
    let (code, out, err) = run(french(&[
        "connections",
        "import",
        token.to_str().unwrap(),
        "--aem",
        &home.aem,
        "--trust-host",
        &home.aem_host,
    ]))
    .await;
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(out.contains("«\u{a0}Jeton de développement ("), "{out}");

    // A token minted and cached in the keychain: `show` reports it without asking IMS.
    let (code, out, err) = run(french(&["connections", "test", "svc"])).await;
    assert_eq!(code, Some(0), "{out}{err}");

    let (code, out, err) = run(french(&["connections", "show", "svc"])).await;
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(
        out.contains("Type\u{a0}: identifiants de service AEM\n"),
        "{out}"
    );
    assert!(out.contains("Accès\u{a0}: jeton valide encore "), "{out}");
    let secrets = out
        .lines()
        .find(|line| line.starts_with("Secrets\u{a0}: "))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(
        secrets.starts_with("Secrets\u{a0}: secret client ••••")
            && secrets.contains(", clé privée (RSA ")
            && secrets.ends_with(" bits)"),
        "{secrets}"
    );
    let status = out
        .lines()
        .find(|line| line.starts_with("État\u{a0}: "))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(
        status == "État\u{a0}: OK" || status.starts_with("État\u{a0}: expire dans "),
        "{status}"
    );
    for english in [
        "client secret",
        "private key",
        "token valid",
        "expires",
        " ok\n",
    ] {
        assert!(!out.contains(english), "{english} in {out}");
    }

    let (code, list, err) = run(french(&["connections", "list"])).await;
    assert_eq!(code, Some(0), "{list}{err}");
    assert!(list.contains("jeton de développement local AEM"), "{list}");
    assert!(list.contains("identifiants de service AEM"), "{list}");
    assert!(!list.contains("AEM service credentials"), "{list}");
    let dev = list
        .lines()
        .find(|line| line.starts_with("Jeton de développement ("))
        .unwrap_or_else(|| panic!("{list}"));
    assert!(dev.contains("expire dans") || dev.ends_with("OK"), "{dev}");

    // Scripts get the same JSON in every language: keys and facts, never words.
    let (_, french_json, _) = run(french(&["connections", "list", "--json"])).await;
    let (_, english_json, _) = run(in_lang("C", &["connections", "list", "--json"])).await;
    assert_eq!(french_json, english_json);
    let views: serde_json::Value = serde_json::from_str(&french_json).unwrap();
    let svc = views
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["name"] == "svc")
        .unwrap();
    assert_eq!(svc["kind"], "serviceCredentials");
    assert_eq!(svc["secretHints"][1]["kind"], "privateKey");
    assert!(svc["secretHints"][1]["bits"].is_u64(), "{french_json}");
    for words in ["kindLabel", "kindDescription", "statusText"] {
        assert!(svc.get(words).is_none(), "{words}: {french_json}");
    }
}

#[tokio::test]
async fn english_hints_of_an_older_config_read_in_french() {
    let sb = sandbox(3).await;
    let home = CliHome::new(&sb);
    let french = |args: &[&str]| home.command_in("fr_FR.UTF-8", args);
    import_service_as_svc(&home).await;

    // As versions before structured hints wrote them: English words.
    let path = home.connections_file();
    let mut config: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let hint = config["connections"][0]["secretHints"][0]["hint"]
        .as_str()
        .unwrap()
        .to_string();
    config["connections"][0]["secretHints"] = serde_json::json!([
        format!("client secret {hint}"),
        "private key (2048-bit RSA)",
        "note from an older version"
    ]);
    std::fs::write(&path, serde_json::to_vec_pretty(&config).unwrap()).unwrap();

    let (code, out, err) = run(french(&["connections", "show", "svc"])).await;
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(
        out.contains(&format!(
            "Secrets\u{a0}: secret client {hint}, clé privée (RSA 2048 bits), note from an older version\n"
        )),
        "{out}"
    );
}
