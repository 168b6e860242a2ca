//! `metadesk-cli fragments …` against the hazards of a real AEM (issue 50), as the real binary
//! with the sandbox's OAuth Server-to-Server credential file: a model chosen by its node name
//! or its title, a list that repeats its cursor stopped in words (English and French), and a
//! build before 21331 that refuses its own ETag, said in words and never looped on.

#[cfg(all(unix, not(target_os = "macos")))]
use metadesk_sandbox::{Faults, FragmentFaults};
use metadesk_sandbox::{SAMPLE_FOLDER, Sandbox, SandboxConfig};

use crate::bulk_cli::CliHome;

const OAUTH: &str = "oauth-project.json";

/// `assets` assets in the sample folder, every `every`th a content fragment.
async fn sandbox(assets: usize, every: usize) -> Sandbox {
    Sandbox::start(
        SandboxConfig::default()
            .with_assets(assets)
            .with_assets_per_folder(assets)
            .with_fragment_every(every)
            .with_key_bits(1024),
    )
    .await
    .unwrap()
}

#[cfg(all(unix, not(target_os = "macos")))]
fn with_fragment_faults(sb: &Sandbox, fragments: FragmentFaults) {
    sb.set_faults(Faults {
        fragments,
        ..Faults::default()
    })
    .unwrap();
}

/// `args` then the sandbox's OAuth credential file, on a desktop in `lang`.
#[cfg(all(unix, not(target_os = "macos")))]
async fn run_in(cli: &CliHome, lang: &str, args: &[&str]) -> crate::bulk_cli::Ran {
    let file = cli.creds.join(OAUTH);
    let mut all: Vec<&str> = args.to_vec();
    all.extend(["--aem", &cli.aem, "--file", file.to_str().unwrap()]);
    let (code, stdout, stderr) = crate::bulk_cli::run_command(cli.command_in(lang, &all)).await;
    crate::bulk_cli::Ran {
        code,
        stdout,
        stderr,
    }
}

#[tokio::test]
async fn a_model_is_chosen_by_its_node_name_or_its_title() {
    let sb = sandbox(24, 2).await;
    let cli = CliHome::new(&sb);
    let mut outputs = Vec::new();
    for model in ["adventure", "Adventure Trip"] {
        let listed = cli
            .run_with_file(
                OAUTH,
                &[
                    "fragments",
                    "list",
                    "--folder",
                    SAMPLE_FOLDER,
                    "--model",
                    model,
                ],
            )
            .await;
        assert_eq!(listed.code, Some(0), "{model}: {}", listed.stderr);
        assert!(
            listed.stdout.contains("Difficulty (difficulty)"),
            "{model}: {}",
            listed.stdout
        );
        assert!(
            listed.stdout.contains("Adventure Trip"),
            "{}",
            listed.stdout
        );
        outputs.push(listed.stdout);
    }
    assert_eq!(outputs[0], outputs[1], "the same fragments either way");
}

#[cfg(all(unix, not(target_os = "macos")))]
#[tokio::test]
async fn a_list_that_repeats_its_cursor_is_stopped_in_words() {
    let sb = sandbox(120, 1).await;
    let cli = CliHome::new(&sb);
    with_fragment_faults(
        &sb,
        FragmentFaults {
            cursor_repeats: true,
            ..FragmentFaults::default()
        },
    );
    let list = ["fragments", "list", "--folder", SAMPLE_FOLDER];
    let english = run_in(&cli, "en_US.UTF-8", &list).await;
    english.assert_refused("AEM gave the same page cursor twice, so the listing was stopped");
    assert!(english.stderr.contains(SAMPLE_FOLDER), "{}", english.stderr);
    let french = run_in(&cli, "fr_FR.UTF-8", &list).await;
    assert_eq!(french.code, Some(2), "{}", french.stderr);
    assert!(
        french
            .stderr
            .contains("AEM a donné deux fois le même curseur de page"),
        "{}",
        french.stderr
    );
    assert!(sb.counters().sites_list_pages <= 6, "{:?}", sb.counters());
    assert_eq!(cli.journals(), 0);
}

#[cfg(all(unix, not(target_os = "macos")))]
#[tokio::test]
async fn an_aem_before_21331_is_told_to_update_and_never_looped_on() {
    let sb = sandbox(24, 2).await;
    let cli = CliHome::new(&sb);
    with_fragment_faults(
        &sb,
        FragmentFaults {
            before_21331: true,
            ..FragmentFaults::default()
        },
    );
    let set = [
        "fragments",
        "set",
        "--folder",
        SAMPLE_FOLDER,
        "--model",
        "adventure",
        "--field",
        "price",
        "--value",
        "99",
        "--yes",
    ];
    let english = run_in(&cli, "en_US.UTF-8", &set).await;
    assert_ne!(english.code, Some(0), "{}", english.stdout);
    let all = format!("{}{}", english.stdout, english.stderr);
    assert!(all.contains("releases before 21331"), "{all}");
    assert!(
        all.contains("Update AEM to release 21331 or later"),
        "{all}"
    );
    let patched = sb.counters().sites_patches;
    assert!(patched > 0);

    let french = run_in(&cli, "fr_FR.UTF-8", &set).await;
    let all = format!("{}{}", french.stdout, french.stderr);
    assert!(all.contains("antérieures à la 21331"), "{all}");
    assert!(all.contains("Mettez AEM à jour"), "{all}");
    // One refused patch a fragment each time: nothing retried.
    assert_eq!(sb.counters().sites_patches, 2 * patched);
}
