//! A run where one folder refuses writes while the others change (issue 42, item 7), through the
//! CLI against the sandbox: why the assets failed is said once, naming the folder that refused,
//! with what to do said once too: after the apply and in `runs show`, not once per failed asset.

use metadesk_sandbox::{Faults, SAMPLE_FOLDER, Sandbox, SandboxConfig};
use serde_json::Value;

use crate::bulk_cli::CliHome;

/// The reason each refused asset has, as the CLI words it.
const REFUSED: &str = "AEM refused every change tried in";
/// What to do about it, said once for all of them.
const ADVICE: &str = "Ask an AEM administrator to give";

/// How many times `needle` shows in `haystack`.
fn times(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

/// The sandbox's assets by folder, content fragments (never edited) aside.
fn editable_by_folder(sb: &Sandbox) -> Vec<(String, String)> {
    sb.dump(false)["assets"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["contentFragment"] != true)
        .map(|a| {
            let path = a["path"].as_str().unwrap().to_owned();
            let folder = path.rsplit_once('/').unwrap().0.to_owned();
            (folder, path)
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_folder_refusing_writes_is_named_once_among_assets_that_changed() {
    // Five folders of 12 assets side by side under the sample folder's parent.
    let sb = Sandbox::start(
        SandboxConfig::default()
            .with_assets(60)
            .with_assets_per_folder(12)
            .with_key_bits(1024),
    )
    .await
    .unwrap();
    let parent = SAMPLE_FOLDER.rsplit_once('/').unwrap().0;
    let assets = editable_by_folder(&sb);
    let folders: std::collections::BTreeSet<&str> =
        assets.iter().map(|(f, _)| f.as_str()).collect();
    assert!(folders.len() >= 3, "{folders:?}");
    // The first folder in the listing refuses: its refusals come before any accepted write.
    let refusing = folders.iter().next().unwrap().to_string();
    sb.set_faults(Faults {
        write_denied: vec![refusing.clone()],
        ..Faults::default()
    })
    .unwrap();
    let h = CliHome::new(&sb);
    let ran = h
        .run_dev(&[
            "bulk",
            "set",
            "--folder",
            parent,
            "--recursive",
            "--property",
            "dc:rights",
            "--value",
            "Said once",
            "--yes",
        ])
        .await;
    assert_eq!(
        ran.code,
        Some(1),
        "some assets failed\n{}\n{}",
        ran.stdout,
        ran.stderr
    );
    let refused = assets.iter().filter(|(f, _)| *f == refusing).count();
    let words = format!("{}{}", ran.stdout, ran.stderr);
    assert!(
        words.contains(&format!(
            "{refused} assets failed: {REFUSED} {refusing} (403)"
        )),
        "{words}"
    );
    assert_eq!(
        times(&words, REFUSED),
        1,
        "the reason said more than once:\n{words}"
    );
    assert_eq!(
        times(&words, ADVICE),
        1,
        "the advice said more than once:\n{words}"
    );
    assert!(!words.contains("can read but not change"), "{words}");
    for (folder, path) in &assets {
        let rights = sb.asset(path).unwrap()["metadata"]["dc:rights"].clone();
        if *folder == refusing {
            assert_ne!(rights, Value::from("Said once"), "{path} was written");
        } else {
            assert_eq!(rights, Value::from("Said once"), "{path} was not written");
        }
    }

    // The run's report says it once too, then names the assets that failed.
    let id = h.run(&["runs", "list", "--json"]).await.json()[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let shown = h.run(&["runs", "show", &id]).await;
    assert_eq!(shown.code, Some(1), "{}", shown.stderr);
    assert_eq!(times(&shown.stdout, REFUSED), 1, "{}", shown.stdout);
    assert_eq!(times(&shown.stdout, ADVICE), 1, "{}", shown.stdout);
    assert!(
        shown.stdout.contains(&format!("In {refusing}\n")),
        "{}",
        shown.stdout
    );
    // What the run did in each subfolder, the refusing one's failures among them (the
    // window's small bars, as lines).
    let name = |folder: &str| folder.rsplit_once('/').unwrap().1.to_owned();
    // The line of `folder` in `out` (its content fragments are skipped, in any folder).
    let line_of = |out: &str, folder: &str| {
        out.lines()
            .find(|line| line.starts_with(&format!("    {}", name(folder))))
            .map(str::to_owned)
            .unwrap_or_default()
    };
    assert!(
        shown.stdout.contains("  By subfolder:\n"),
        "{}",
        shown.stdout
    );
    let line = line_of(&shown.stdout, &refusing);
    assert!(
        line.starts_with(&format!(
            "    {}: 0 changed, 0 unchanged, ",
            name(&refusing)
        )) && line.ends_with(&format!(" skipped, {refused} failed, 0 still to do")),
        "{}",
        shown.stdout
    );
    for folder in folders.iter().filter(|f| **f != refusing) {
        let changed = assets.iter().filter(|(f, _)| f == folder).count();
        assert!(
            shown
                .stdout
                .contains(&format!("    {}: {changed} changed, ", name(folder))),
            "{folder}:\n{}",
            shown.stdout
        );
    }
    let failed = assets.iter().filter(|(f, _)| *f == refusing);
    for (_, path) in failed {
        assert!(
            shown.stdout.contains(path.as_str()),
            "{path} not named:\n{}",
            shown.stdout
        );
    }

    // In French, the same, and the advice names who without a doubled "à".
    #[cfg(all(unix, not(target_os = "macos")))]
    {
        let cmd = h.command_in("fr_FR.UTF-8", &["runs", "show", &id]);
        let (code, stdout, stderr) = crate::bulk_cli::run_command(cmd).await;
        assert_eq!(code, Some(1), "{stderr}");
        let refused_fr = "AEM a refusé toutes les modifications essayées dans";
        assert_eq!(times(&stdout, refused_fr), 1, "{stdout}");
        assert!(
            stdout.contains(&format!(
                "{refused} ressources en échec\u{a0}: {refused_fr} {refusing} (403)"
            )),
            "{stdout}"
        );
        assert!(
            stdout.contains(
                "Demandez à un administrateur AEM d’accorder l’accès en écriture à l’utilisateur "
            ),
            "{stdout}"
        );
        assert!(!stdout.contains("à à"), "{stdout}");
        assert!(stdout.contains("  Par sous-dossier\u{a0}:\n"), "{stdout}");
        let line = line_of(&stdout, &refusing);
        assert!(
            line.starts_with(&format!(
                "    {}\u{a0}: 0 modifiées, 0 inchangées, ",
                name(&refusing)
            )) && line.ends_with(&format!(
                " ignorées, {refused} en échec, 0 restant à traiter"
            )),
            "{stdout}"
        );
    }
}
