//! A folder's content fragments are all found whichever way AEM lists a folder (issue 67):
//! with its subfolders' fragments (the sandbox's default), or its own only
//! (`FragmentFaults::direct_children`, where a client that does not walk the subfolders leaves
//! their fragments out without a word). `fragments list` names each once, and `fragments set`
//! changes each once.

use std::collections::BTreeSet;

use metadesk_sandbox::{Faults, FragmentFaults, Sandbox, SandboxConfig};
use serde_json::{Value, json};

use crate::bulk_cli::CliHome;

const OAUTH: &str = "oauth-project.json";

/// A parent folder whose fragments are in its subfolders, and those fragments' paths.
fn subtree(sb: &Sandbox) -> (String, BTreeSet<String>) {
    let leaf = sb.leaf_folders().into_iter().next().unwrap();
    let parent = leaf.rsplit_once('/').unwrap().0.to_owned();
    let under = format!("{parent}/");
    let fragments: BTreeSet<String> = sb.dump(false)["assets"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["contentFragment"] == true && a["model"] == "adventure")
        .map(|a| a["path"].as_str().unwrap().to_owned())
        .filter(|p| p.starts_with(&under))
        .collect();
    (parent, fragments)
}

fn price(sb: &Sandbox, path: &str) -> Value {
    sb.fragment_state(path).unwrap()["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == "price")
        .map(|f| f["values"].clone())
        .unwrap_or(Value::Null)
}

#[tokio::test]
async fn a_folder_s_fragments_are_all_found_once_however_aem_lists_a_folder() {
    for direct_children in [false, true] {
        let sb = Sandbox::start(
            SandboxConfig::default()
                .with_assets(48)
                .with_assets_per_folder(6)
                .with_fragment_every(2)
                .with_key_bits(1024),
        )
        .await
        .unwrap();
        sb.set_faults(Faults {
            fragments: FragmentFaults {
                direct_children,
                ..FragmentFaults::default()
            },
            ..Faults::default()
        })
        .unwrap();
        let (parent, adventures) = subtree(&sb);
        assert!(
            adventures
                .iter()
                .any(|p| p.rsplit_once('/').unwrap().0 != parent),
            "the parent's fragments are in its subfolders"
        );
        let cli = CliHome::new(&sb);
        let mode = if direct_children {
            "own fragments only"
        } else {
            "subtrees"
        };

        let listed = cli
            .run_with_file(
                OAUTH,
                &[
                    "fragments",
                    "list",
                    "--folder",
                    &parent,
                    "--model",
                    "adventure",
                ],
            )
            .await;
        assert_eq!(listed.code, Some(0), "{mode}: {}", listed.stderr);
        for path in &adventures {
            let lines = listed
                .stdout
                .lines()
                .filter(|l| l.trim_start().starts_with(&format!("{path}  ")))
                .count();
            assert_eq!(lines, 1, "{mode}: {path} once in:\n{}", listed.stdout);
        }

        let set = cli
            .run_with_file(
                OAUTH,
                &[
                    "fragments",
                    "set",
                    "--folder",
                    &parent,
                    "--model",
                    "adventure",
                    "--field",
                    "price",
                    "--value",
                    "77",
                    "--yes",
                    "--json",
                ],
            )
            .await;
        assert_eq!(set.code, Some(0), "{mode}: {}\n{}", set.stdout, set.stderr);
        for path in &adventures {
            assert_eq!(price(&sb, path), json!([77]), "{mode}: {path}");
        }
        assert_eq!(
            sb.counters().sites_patches,
            adventures.len() as u64,
            "{mode}: each fragment written once"
        );
        sb.shutdown().await;
    }
}
