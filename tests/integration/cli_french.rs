//! The CLI in French: `LANG=fr_FR.UTF-8 metadesk-cli connections …` against the sandbox, with
//! the real keychain (run under `private_session`).

use crate::bulk_cli::CliHome;
use crate::bulk_support::sandbox;

#[tokio::test]
async fn connections_test_speaks_french_when_lang_is_french() {
    let sb = sandbox(3).await;
    let home = CliHome::new(&sb);
    let french = |args: &[&str]| {
        let mut cmd = home.command(args);
        // LC_ALL and LC_MESSAGES outrank LANG: clear them so LANG decides, as on a French desktop.
        cmd.env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "fr_FR.UTF-8");
        cmd
    };
    let file = home.creds.join("local-development-token.json");
    let run = |mut cmd: std::process::Command| async move {
        tokio::task::spawn_blocking(move || cmd.stdin(std::process::Stdio::null()).output())
            .await
            .unwrap()
            .unwrap()
    };
    let imported = run(french(&[
        "connections",
        "import",
        file.to_str().unwrap(),
        "--name",
        "dev",
        "--aem",
        &home.aem,
    ]))
    .await;
    let out = String::from_utf8_lossy(&imported.stdout);
    assert!(
        imported.status.success(),
        "{out}{}",
        String::from_utf8_lossy(&imported.stderr)
    );
    assert!(out.starts_with("importé "), "{out}");
    assert!(
        out.contains("(jeton de développement local AEM, 127.0.0.1"),
        "{out}"
    );

    let tested = run(french(&["connections", "test", "dev"])).await;
    let out = String::from_utf8_lossy(&tested.stdout);
    assert_eq!(tested.status.code(), Some(0), "{out}");
    assert!(
        out.starts_with("Test de «\u{a0}dev\u{a0}» (jeton de développement local AEM)"),
        "{out}"
    );
    assert!(
        out.contains("[ok  ] Utiliser le jeton de développement\u{a0}: Jeton valide pendant "),
        "{out}"
    );
    assert!(
        out.contains("Lire la racine de la DAM (/content/dam)\u{a0}: La DAM est lisible."),
        "{out}"
    );
    assert!(
        out.ends_with("Résultat\u{a0}: la connexion fonctionne.\n"),
        "{out}"
    );

    let missing = run(french(&["connections", "test", "nulle-part"])).await;
    assert_eq!(missing.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&missing.stderr),
        "erreur\u{a0}: Aucune connexion ne s’appelle «\u{a0}nulle-part\u{a0}».\n"
    );

    // The same command without a French locale stays English.
    let mut english = home.command(&["connections", "test", "nulle-part"]);
    english.env("LC_ALL", "C").env("LANG", "C");
    let missing = run(english).await;
    assert_eq!(
        String::from_utf8_lossy(&missing.stderr),
        "error: There is no connection called \"nulle-part\".\n"
    );
}
