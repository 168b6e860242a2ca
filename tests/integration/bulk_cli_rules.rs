//! Edits that compute (issue 30) through the CLI against the sandbox: a regex replace with
//! groups, a template, a date shift, undo, and bad rules refused in one line (English and
//! French) before anything is read or stored.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use metadesk_sandbox::SAMPLE_FOLDER;
use serde_json::{Value, json};

use crate::bulk_cli::{CliHome, editable};
use crate::bulk_support::*;

#[tokio::test]
async fn a_regex_replace_a_template_and_a_date_shift_then_undo() {
    let sb = sandbox(120).await;
    let h = CliHome::new(&sb);
    let before = editable(&sb);
    let scope = ["--folder", SAMPLE_FOLDER, "--yes", "--json"];
    let with = |args: &[&'static str]| [args, &scope[..]].concat();

    let ran = h
        .run_dev(&with(&[
            "bulk",
            "replace",
            "--property",
            "dc:title",
            "--find",
            r"^(?<first>\w+) (\w+)$",
            "--replace",
            "$2, ${first}",
            "--regex",
        ]))
        .await;
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    let run = ran.json();
    assert_eq!(run["counts"]["changed"], before.len());
    assert!(
        run["edits"][0]
            .as_str()
            .unwrap()
            .contains("(regular expression)"),
        "the run keeps the rule: {run}"
    );
    for (path, md) in &before {
        let title = md["dc:title"].as_str().unwrap();
        let (a, b) = title.split_once(' ').unwrap();
        assert_eq!(
            metadata(&sb, path)["dc:title"],
            json!(format!("{b}, {a}")),
            "{path}"
        );
    }
    let replaced = run["id"].as_str().unwrap().to_owned();

    let ran = h
        .run_dev(&with(&[
            "bulk",
            "set",
            "--property",
            "dc:description",
            "--template",
            "{dc:title} ({name}, {folder})",
        ]))
        .await;
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    let (path, _) = &before[0];
    let name = path.rsplit('/').next().unwrap();
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    let folder = SAMPLE_FOLDER.rsplit('/').next().unwrap();
    let now = metadata(&sb, path);
    assert_eq!(
        now["dc:description"],
        json!(format!(
            "{} ({stem}, {folder})",
            now["dc:title"].as_str().unwrap()
        ))
    );

    let ran = h
        .run_dev(&with(&[
            "bulk",
            "date",
            "--property",
            "xmp:CreateDate",
            "--shift",
            "-1w",
        ]))
        .await;
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    let was = before[0].1["xmp:CreateDate"].as_str().unwrap();
    let was =
        time::OffsetDateTime::parse(was, &time::format_description::well_known::Rfc3339).unwrap();
    let now = metadata(&sb, path)["xmp:CreateDate"]
        .as_str()
        .unwrap()
        .to_owned();
    let now =
        time::OffsetDateTime::parse(&now, &time::format_description::well_known::Rfc3339).unwrap();
    assert_eq!(was - now, time::Duration::weeks(1));

    // Undoing the replace restores every title as it was.
    let ran = h
        .run_dev(&["bulk", "undo", &replaced, "--yes", "--json"])
        .await;
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    for (path, md) in &before {
        assert_eq!(
            metadata(&sb, path).get("dc:title"),
            md.get("dc:title"),
            "{path}"
        );
    }
}

#[tokio::test]
async fn a_rule_that_changes_nothing_says_so_and_writes_nothing() {
    let sb = sandbox(60).await;
    let h = CliHome::new(&sb);
    let revisions = |sb: &metadesk_sandbox::Sandbox| -> Vec<Value> {
        editable(sb)
            .iter()
            .map(|(p, _)| sb.asset(p).unwrap()["revision"].clone())
            .collect()
    };
    let was = revisions(&sb);
    let ran = h
        .run_dev(&[
            "bulk",
            "replace",
            "--folder",
            SAMPLE_FOLDER,
            "--property",
            "dc:title",
            "--find",
            "no title holds this",
            "--replace",
            "x",
            "--yes",
        ])
        .await;
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert!(ran.stdout.contains("Nothing to change"), "{}", ran.stdout);
    assert_eq!(revisions(&sb), was, "nothing written");
}

#[tokio::test]
async fn bad_rules_are_refused_in_one_line_before_aem_is_asked() {
    let sb = sandbox(30).await;
    let h = CliHome::new(&sb);
    let base = [
        "bulk",
        "replace",
        "--folder",
        SAMPLE_FOLDER,
        "--property",
        "dc:title",
    ];
    let ran = h
        .run_dev(
            &[
                &base[..],
                &["--find", r"WKND (\w+", "--replace", "$1", "--regex"],
            ]
            .concat(),
        )
        .await;
    ran.assert_refused(
        "is not a valid regular expression: a group opened with ( is not closed (at character 6)",
    );
    let ran = h
        .run_dev(&[
            "bulk",
            "set",
            "--folder",
            SAMPLE_FOLDER,
            "--property",
            "dc:title",
            "--template",
            "{Titel}",
        ])
        .await;
    ran.assert_refused("names {Titel}, which is no field here");
    let ran = h
        .run_dev(&[
            "bulk",
            "date",
            "--folder",
            SAMPLE_FOLDER,
            "--property",
            "xmp:CreateDate",
            "--shift",
            "a week",
        ])
        .await;
    ran.assert_refused("\"a week\", is not a duration");
    assert_eq!(h.journals(), 0, "nothing stored");
}

/// A French desktop is `LANG=fr_FR.UTF-8` on Linux; Windows and macOS take the language from
/// the system settings, which a test cannot set per process.
#[cfg(all(unix, not(target_os = "macos")))]
#[tokio::test]
async fn a_bad_rule_is_refused_in_french_on_a_french_desktop() {
    let sb = sandbox(30).await;
    let h = CliHome::new(&sb);
    let base = [
        "bulk",
        "replace",
        "--folder",
        SAMPLE_FOLDER,
        "--property",
        "dc:title",
    ];
    let fr = [&base[..], &["--find", "(", "--replace", "x", "--regex"]].concat();
    let fr: Vec<&str> = [
        &fr[..],
        &["--aem", &h.aem, "--trust-host", &h.aem_host, "--file"],
    ]
    .concat();
    let file = h.creds.join("local-development-token.json");
    let mut cmd = h.command_in("fr_FR.UTF-8", &fr);
    cmd.arg(file);
    let (code, _, stderr) = crate::bulk_cli::run_command(cmd).await;
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("n’est pas une expression régulière valide"),
        "{stderr}"
    );
    assert!(stderr.contains("(au caractère 1)"), "{stderr}");
}
