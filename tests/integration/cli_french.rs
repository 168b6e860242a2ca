//! The CLI in French: `LANG=fr_FR.UTF-8 metadesk-cli connections …` against the sandbox, with
//! the real keychain (run under `private_session`).

use crate::bulk_cli::CliHome;
use crate::bulk_support::sandbox;
use crate::cli_process::OutputRetried;

#[tokio::test]
async fn connections_test_speaks_french_when_lang_is_french() {
    let sb = sandbox(3).await;
    let home = CliHome::new(&sb);
    let french = |args: &[&str]| home.command_in("fr_FR.UTF-8", args);
    let file = home.creds.join("local-development-token.json");
    let run = |mut cmd: std::process::Command| async move {
        tokio::task::spawn_blocking(move || cmd.stdin(std::process::Stdio::null()).output_retried())
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
        "--trust-host",
        &home.aem_host,
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

    // A body that cannot be written (`--out` into a folder that does not exist: the tests may
    // run as root, for whom no folder is read-only) is told in French, and nothing is written.
    let out = home.dir.path().join("absent").join("moi.json");
    let wrote = run(french(&[
        "request",
        "--connection",
        "dev",
        "GET",
        "/libs/granite/security/currentuser.json",
        "--out",
        out.to_str().unwrap(),
    ]))
    .await;
    assert_eq!(wrote.status.code(), Some(2));
    // The status line first ("200 OK (12 ms, 345 octets)"), then the failure.
    let said = String::from_utf8_lossy(&wrote.stderr);
    assert!(said.starts_with("200 OK ("), "{said}");
    assert_eq!(
        said.lines().last().unwrap(),
        format!(
            "erreur\u{a0}: impossible d’écrire {}\u{a0}: le fichier ou le dossier n’existe pas",
            out.display()
        )
    );
    assert!(!home.dir.path().join("absent").exists());

    // The same command without a French locale stays English.
    let mut english = home.command(&["connections", "test", "nulle-part"]);
    english.env("LC_ALL", "C").env("LANG", "C");
    let missing = run(english).await;
    assert_eq!(
        String::from_utf8_lossy(&missing.stderr),
        "error: There is no connection called \"nulle-part\".\n"
    );
}

/// The help in French has no clap heading or flag left in English, and `--where` reads the
/// French condition words as the English ones (the same assets, on the sandbox).
#[tokio::test]
async fn help_and_where_words_are_french_when_lang_is_french() {
    let sb = sandbox(20).await;
    let home = CliHome::new(&sb);
    let run = |args: &[&str], lang: &str| {
        let file = home.creds.join("local-development-token.json");
        let mut all: Vec<&str> = args.to_vec();
        if args.contains(&"--where") {
            all.extend([
                "--aem",
                &home.aem,
                "--trust-host",
                &home.aem_host,
                "--file",
                file.to_str().unwrap(),
            ]);
        }
        let mut cmd = home.command(&all);
        cmd.env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", lang)
            .stdin(std::process::Stdio::null());
        async move {
            let out = tokio::task::spawn_blocking(move || cmd.output_retried())
                .await
                .unwrap()
                .unwrap();
            let stdout = String::from_utf8(out.stdout).unwrap();
            (
                out.status.code(),
                stdout,
                String::from_utf8(out.stderr).unwrap(),
            )
        }
    };
    for args in [
        &["--help"][..],
        &["bulk", "--help"],
        &["bulk", "set", "--help"],
        &["help", "sheet"],
    ] {
        let (code, out, err) = run(args, "fr_FR.UTF-8").await;
        assert_eq!(code, Some(0), "{args:?}: {err}");
        for english in [
            "Usage:",
            "Commands:",
            "Options:",
            "Arguments:",
            "Print help",
            "Print version",
        ] {
            assert!(!out.contains(english), "{args:?}: {english} in\n{out}");
        }
        assert!(
            out.contains("Utilisation\u{a0}: metadesk-cli"),
            "{args:?}: {out}"
        );
    }
    let (_, out, _) = run(&["--help"], "C").await;
    assert!(
        out.contains("Usage: metadesk-cli") && out.contains("Print help"),
        "{out}"
    );

    let (code, _, err) = run(&["bulk", "sett"], "fr_FR.UTF-8").await;
    assert_eq!(code, Some(2));
    assert_eq!(
        err,
        "erreur\u{a0}: commande inconnue\u{a0}: «\u{a0}sett\u{a0}» (vouliez-vous dire «\u{a0}set\u{a0}»\u{202f}?) (voir --help)\n"
    );
    let (code, _, err) = run(&["runs", "list", "--jsn"], "fr_FR.UTF-8").await;
    assert_eq!(code, Some(2));
    assert_eq!(
        err,
        "erreur\u{a0}: argument inconnu\u{a0}: --jsn (vouliez-vous dire --json\u{202f}?) (voir --help)\n"
    );
    let (code, _, err) = run(&["bulk", "set", "--connection"], "fr_FR.UTF-8").await;
    assert_eq!(code, Some(2));
    assert_eq!(
        err,
        "erreur\u{a0}: une valeur est attendue après --connection <CONNEXION> (voir --help)\n"
    );
    // The values' names in the help are French too.
    let (code, out, err) = run(&["bulk", "set", "--help"], "fr_FR.UTF-8").await;
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("--connection <CONNEXION>"), "{out}");
    assert!(out.contains("--folder <DOSSIER>"), "{out}");
    assert!(
        !out.contains("<CONNECTION>") && !out.contains("<FOLDER>"),
        "{out}"
    );

    let dry_run = |condition: &'static str| {
        [
            "bulk",
            "set",
            "--property",
            "dc:rights",
            "--value",
            "x",
            "--under",
            metadesk_sandbox::SAMPLE_FOLDER,
            "--where",
            condition,
            "--dry-run",
            "--json",
        ]
    };
    let (code, english, err) = run(&dry_run("dc:rights is empty"), "fr_FR.UTF-8").await;
    assert_eq!(code, Some(0), "{err}");
    let (code, french, err) = run(&dry_run("dc:rights est vide"), "fr_FR.UTF-8").await;
    assert_eq!(code, Some(0), "{err}");
    let counts =
        |json: &str| serde_json::from_str::<serde_json::Value>(json).unwrap()["counts"].clone();
    assert_eq!(counts(&french), counts(&english));
    assert!(counts(&french)["assets"].as_u64().unwrap() > 0, "{french}");
}

/// `bulk` and `runs` in French: the summary, the stop reason the journal keeps as an id (told in
/// the reader's language when shown, here and in a later `runs show`), the report's reasons, and
/// the CSV's headers only when asked for.
#[tokio::test]
async fn bulk_and_runs_speak_french_when_lang_is_french() {
    let sb = sandbox(30).await;
    let home = CliHome::new(&sb);
    let french = |args: &[&str], file: Option<&str>| {
        let mut all: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        if let Some(file) = file {
            let file = home.creds.join(file);
            all.extend(["--aem".into(), home.aem.clone(), "--file".into()]);
            all.push(file.to_str().unwrap().to_owned());
        }
        let all: Vec<&str> = all.iter().map(String::as_str).collect();
        let mut cmd = home.command_in("fr_FR.UTF-8", &all);
        cmd.stdin(std::process::Stdio::null());
        cmd
    };
    let run = crate::bulk_cli::run_command;
    let set = [
        "bulk",
        "set",
        "--folder",
        metadesk_sandbox::SAMPLE_FOLDER,
        "--property",
        "dc:rights",
        "--value",
        "Lecture seule",
        "--yes",
    ];
    let (code, out, err) = run(french(&set, Some("service-credentials-read-only.json"))).await;
    assert_eq!(code, Some(2), "{out}{err}");
    assert!(
        err.contains(&format!(
            "Portée\u{a0}: les ressources de {}\n",
            metadesk_sandbox::SAMPLE_FOLDER
        )),
        "{err}"
    );
    let account = &sb.credentials().read_only_technical_account_email;
    assert!(out.starts_with("Exécution "), "{out}");
    assert!(out.contains("(arrêtée) sur "), "{out}");
    assert!(
        out.contains("  modifications\u{a0}: dc:rights\u{a0}: remplacer par \"Lecture seule\"\n"),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "  arrêtée parce que\u{a0}: AEM a refusé les 5 premières modifications (403), \
             l’exécution s’est donc arrêtée\u{a0}: cette connexion ne peut pas modifier les \
             ressources qu’elle a essayées. Demandez à un administrateur AEM d’accorder l’accès \
             en écriture au compte technique {account}"
        )),
        "{out}"
    );
    assert!(out.contains("metadesk-cli bulk resume "), "{out}");
    assert!(!out.contains("stopped because"), "{out}");

    let (code, out, err) = run(french(&["runs", "list"], None)).await;
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains(" arrêtée "), "{out}");
    assert!(out.contains(" modifiées, "), "{out}");
    let id = out.split_whitespace().next().unwrap().to_owned();

    let (_, out, _) = run(french(&["runs", "show", &id], None)).await;
    assert!(
        out.contains("  arrêtée parce que\u{a0}: AEM a refusé"),
        "{out}"
    );
    assert!(out.contains("  en attente /content/dam/"), "{out}");
    assert!(out.contains("\u{a0}: pas encore appliquée"), "{out}");

    let (code, csv, err) = run(french(&["runs", "show", &id, "--csv", "-"], None)).await;
    assert_eq!(code, Some(0), "{err}");
    assert!(
        csv.starts_with("path,status,reason,dc:rights before,dc:rights after\n"),
        "{csv}"
    );
    assert!(csv.contains(",pending,pas encore appliquée,"), "{csv}");
    let (_, csv, _) = run(french(
        &["runs", "show", &id, "--csv", "-", "--localized-headers"],
        None,
    ))
    .await;
    assert!(
        csv.starts_with("Chemin,Statut,Raison,dc:rights avant,dc:rights après\n"),
        "{csv}"
    );

    // The same run read without a French locale: its reasons in English.
    let mut english = home.command(&["runs", "show", &id]);
    english.env("LC_ALL", "C").env("LANG", "C");
    let (_, out, _) = run(english).await;
    assert!(
        out.contains("  stopped because: AEM refused the first 5 changes (403)"),
        "{out}"
    );

    // --paired-with for a connection that lists folders itself: a note, in French.
    let creds = home.creds.join("service-credentials.json");
    let import = [
        "connections",
        "import",
        creds.to_str().unwrap(),
        "--aem",
        &home.aem,
        "--name",
        "Autre",
    ];
    let (code, _, err) = run(home.command(&import)).await;
    assert_eq!(code, Some(0), "{err}");
    let mut listed = set.to_vec();
    listed.extend(["--paired-with", "Autre"]);
    let (_, _, err) = run(french(&listed, Some("service-credentials-read-only.json"))).await;
    assert!(
        err.contains(
            "remarque\u{a0}: --paired-with ne sert qu’aux connexions OAuth Server-to-Server\u{202f}; «\u{a0}"
        ),
        "{err}"
    );
}

/// A credential file the CLI cannot import, for a French user: each refusal in French, naming
/// the problem (and the field), nothing stored; a file naming no AEM says to add --aem, in French.
#[tokio::test]
async fn connections_import_refuses_a_bad_file_in_french_and_stores_nothing() {
    let sb = sandbox(1).await;
    let home = CliHome::new(&sb);
    let bad = home.dir.path().join("mauvais.json");
    std::fs::write(&bad, b"{\"integration\": ").unwrap();
    let empty = home.dir.path().join("vide.json");
    std::fs::write(&empty, b"").unwrap();
    let no_key = home.dir.path().join("sans-cle.json");
    let mut service: serde_json::Value = serde_json::from_slice(
        &std::fs::read(home.creds.join("service-credentials.json")).unwrap(),
    )
    .unwrap();
    let integration = service["integration"].as_object_mut().unwrap();
    integration.remove("privateKey");
    std::fs::write(&no_key, service.to_string()).unwrap();
    let import = |file: &std::path::Path| {
        crate::bulk_cli::run_command(home.command_in(
            "fr_FR.UTF-8",
            &["connections", "import", file.to_str().unwrap()],
        ))
    };

    let (code, out, err) = import(&bad).await;
    assert_ne!(code, Some(0), "{out}{err}");
    assert_eq!(
        err,
        format!(
            "refusé {}\u{a0}: Le fichier n’est pas du JSON valide (ligne 1, colonne 16). Les \
             fichiers d’identifiants sont en JSON\u{202f}; téléchargez-le à nouveau plutôt que de \
             le modifier à la main.\n",
            bad.display()
        )
    );
    let (code, _, err) = import(&empty).await;
    assert_ne!(code, Some(0));
    assert_eq!(
        err,
        format!("refusé {}\u{a0}: Le fichier est vide.\n", empty.display())
    );
    let (code, _, err) = import(&no_key).await;
    assert_ne!(code, Some(0));
    assert!(
        err.contains("Il manque au fichier le champ integration.privateKey (clé privée)."),
        "{err}"
    );
    assert!(!err.contains("The file"), "{err}");
    assert!(
        !home.connections_file().exists(),
        "nothing is stored after refusals"
    );
}
