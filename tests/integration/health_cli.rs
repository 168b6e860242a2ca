//! `metadesk-cli health` end to end against the sandbox seeded with expiry, off times, images
//! without a description and Sites pages that use assets (issue 66): every count exact against
//! the sandbox's own state, the expiry conditions of a search, the report writing nothing, and
//! bad input (an unknown folder, a bad duration, a bad condition) refused in one clear line.

use std::collections::BTreeSet;
use std::process::Output;

use metadesk_sandbox::{Sandbox, SandboxConfig};
use serde_json::Value;

use crate::bulk_support::*;

/// The folder the sandbox's 120 assets are under (three leaf folders).
const FOLDER: &str = "/content/dam/wknd-shared/en/adventures";

struct Env {
    sb: Sandbox,
    dir: tempfile::TempDir,
}

impl Env {
    async fn new() -> Env {
        let config = SandboxConfig::default()
            .with_assets(120)
            .with_key_bits(1024)
            .with_lifecycle(true);
        let sb = Sandbox::start(config).await.unwrap();
        let dir = tempfile::tempdir().unwrap();
        sb.write_credentials(&dir.path().join("creds")).unwrap();
        Env { sb, dir }
    }

    /// Runs the CLI with `args` and the sandbox's development token, in English.
    fn run(&self, args: &[&str]) -> Output {
        run_with_dev_token(&self.sb, self.dir.path(), args)
    }

    fn report(&self, args: &[&str]) -> Value {
        let o = self.run(args);
        assert_eq!(o.status.code(), Some(0), "{}", err(&o));
        serde_json::from_str(&out(&o)).unwrap()
    }

    /// Every asset under [`FOLDER`] (content fragments left out) with its sandbox state.
    fn assets(&self) -> Vec<(String, Value)> {
        let dump = self.sb.dump(false);
        dump["assets"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|a| a["contentFragment"] == false)
            .map(|a| a["path"].as_str().unwrap().to_owned())
            .filter(|p| p.starts_with(&format!("{FOLDER}/")))
            .map(|p| {
                let state = self.sb.asset(&p).unwrap();
                (p, state)
            })
            .collect()
    }
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn paths(report: &Value, key: &str) -> BTreeSet<String> {
    let list = &report[key];
    let paths: BTreeSet<String> = list["paths"]
        .as_array()
        .unwrap_or_else(|| panic!("{key} in {report}"))
        .iter()
        .map(|p| p.as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        list["count"].as_u64().unwrap() as usize,
        paths.len(),
        "{key}"
    );
    paths
}

fn expiry_ms(state: &Value) -> Option<i128> {
    let at = state["metadata"]["prism:expirationDate"].as_str()?;
    let t = time::OffsetDateTime::parse(at, &time::format_description::well_known::Rfc3339);
    Some(t.unwrap().unix_timestamp_nanos() / 1_000_000)
}

fn now_ms() -> i128 {
    time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000
}

const DAY_MS: i128 = 86_400_000;

#[tokio::test(flavor = "multi_thread")]
async fn health_counts_are_exact_and_nothing_is_written() {
    let env = Env::new().await;
    let assets = env.assets();
    assert!(assets.len() > 100, "{}", assets.len());
    let report = env.report(&[
        "health",
        "--folder",
        FOLDER,
        "--recursive",
        "--expiring-within",
        "30d",
        "--json",
    ]);
    let now = now_ms();
    let select = |keep: &dyn Fn(&String, &Value) -> bool| -> BTreeSet<String> {
        assets
            .iter()
            .filter(|(p, s)| keep(p, s))
            .map(|(p, _)| p.clone())
            .collect()
    };
    assert_eq!(paths(&report, "assets"), select(&|_, _| true));
    let bare = select(&|_, s| {
        s["metadata"]["dc:format"]
            .as_str()
            .unwrap()
            .starts_with("image/")
            && s["metadata"]["dc:description"].is_null()
    });
    assert!(!bare.is_empty());
    assert_eq!(paths(&report, "without_description"), bare);
    let expired = select(&|_, s| expiry_ms(s).is_some_and(|e| e < now));
    assert!(!expired.is_empty());
    assert_eq!(paths(&report, "expired"), expired);
    let expiring = select(&|_, s| expiry_ms(s).is_some_and(|e| e >= now && e < now + 30 * DAY_MS));
    assert!(!expiring.is_empty());
    assert_eq!(paths(&report, "expiring"), expiring);
    let off = select(&|_, s| !s["offTime"].is_null());
    assert!(!off.is_empty());
    assert_eq!(paths(&report, "with_off_time"), off);
    let used = select(&|p, _| !env.sb.pages_using(p).is_empty());
    assert!(!used.is_empty());
    assert_eq!(paths(&report, "used_on_pages"), used);
    assert_eq!(
        paths(&report, "used_nowhere"),
        select(&|p, _| env.sb.pages_using(p).is_empty())
    );
    let pages = report["pages"].as_array().unwrap();
    let uses: usize = used.iter().map(|p| env.sb.pages_using(p).len()).sum();
    assert_eq!(pages.len(), uses);
    let changed = paths(&report, "changed_since_publication");
    let published = select(&|_, s| s["publication"]["publish"]["action"] == "Activate");
    assert!(
        !changed.is_empty() && changed.is_subset(&published),
        "{changed:?}"
    );
    // The schema check's own list, as `schema missing` writes it.
    let list = env.dir.path().join("lacking.txt");
    let o = env.run(&[
        "schema",
        "missing",
        "--folder",
        FOLDER,
        "--recursive",
        "--list-out",
        list.to_str().unwrap(),
    ]);
    assert!(o.status.code().is_some_and(|c| c < 2), "{}", err(&o));
    let lacking: BTreeSet<String> = std::fs::read_to_string(&list)
        .unwrap()
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    assert_eq!(paths(&report, "missing_required"), lacking);
    // Read-only: no write, publication or tag command reached the sandbox; references were
    // asked several assets a request.
    let c = env.sb.counters();
    assert_eq!(
        (c.writes_applied, c.batch_writes, c.replications),
        (0, 0, 0)
    );
    for write in [
        "sling post",
        "assets api put",
        "replicate",
        "tag command",
        "taxonomy post",
    ] {
        assert!(!c.by_kind.contains_key(write), "{write}: {:?}", c.by_kind);
    }
    let asked = c.by_kind.get("references").copied().unwrap_or(0) as usize;
    assert!(asked >= 1 && asked <= assets.len().div_ceil(20), "{asked}");

    // The CSV of the lists: one row per list and asset.
    let csv = env.dir.path().join("health.csv");
    let o = env.run(&[
        "health",
        "--folder",
        FOLDER,
        "--recursive",
        "--csv",
        csv.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.starts_with("\u{feff}list,path\r\n"), "{text}");
    let expired_rows = text.lines().filter(|l| l.starts_with("expired,")).count();
    assert_eq!(expired_rows, expired.len());
    let words = out(&o);
    assert!(
        words.contains(&format!("Expired: {}", expired.len())),
        "{words}"
    );
    assert!(
        words.contains(&format!("Expiring within 30 days: {}", expiring.len())),
        "{words}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn expiry_conditions_select_what_the_sandbox_holds() {
    let env = Env::new().await;
    let assets = env.assets();
    let now = now_ms();
    let count = |keep: &dyn Fn(i128) -> bool| {
        assets
            .iter()
            .filter(|(_, s)| expiry_ms(s).is_some_and(keep))
            .map(|(p, _)| p.clone())
            .collect::<BTreeSet<String>>()
    };
    let today = now - now.rem_euclid(DAY_MS);
    for (condition, want) in [
        ("expires before today", count(&|e| e < today)),
        ("expires after today", count(&|e| e >= today)),
        (
            "expires within 30 days",
            count(&|e| e >= now && e < now + 30 * DAY_MS),
        ),
        (
            "expire d’ici 30 jours",
            count(&|e| e >= now && e < now + 30 * DAY_MS),
        ),
    ] {
        assert!(!want.is_empty(), "{condition}");
        let report = env.report(&[
            "health",
            "--under",
            FOLDER,
            "--recursive",
            "--where",
            condition,
            "--json",
        ]);
        assert_eq!(paths(&report, "assets"), want, "{condition}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_input_is_refused_in_one_line_naming_the_problem() {
    let env = Env::new().await;
    let before = env.sb.counters().requests_total;
    for (args, says) in [
        (
            vec!["health", "--folder", FOLDER, "--expiring-within", "30x"],
            "\"30x\" is not a number of days",
        ),
        (
            vec!["health", "--folder", FOLDER, "--expiring-within", "0d"],
            "\"0d\" is not a number of days",
        ),
        (
            vec!["health", "--under", FOLDER, "--where", "expires within 30x"],
            "\"30x\" is not a number of days",
        ),
        (
            vec![
                "health",
                "--under",
                FOLDER,
                "--where",
                "expires before tomorrow",
            ],
            "\"tomorrow\" is not a date",
        ),
    ] {
        let o = env.run(&args);
        let e = err(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {e}");
        assert!(e.contains(says), "{args:?}: {e}");
        assert_eq!(e.trim().lines().count(), 1, "{e}");
        assert!(!e.contains("panicked"), "{e}");
    }
    // Refused before AEM was asked anything.
    assert_eq!(env.sb.counters().requests_total, before);

    let missing = "/content/dam/wknd-shared/en/no-such-folder";
    let o = env.run(&["health", "--folder", missing]);
    let e = err(&o);
    assert_eq!(o.status.code(), Some(2), "{e}");
    assert!(e.contains(missing), "{e}");
    assert!(!e.contains("panicked"), "{e}");
    assert!(out(&o).is_empty(), "{}", out(&o));
    assert_eq!(env.sb.counters().writes_applied, 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_unpublish_preview_says_where_assets_are_used_and_writes_nothing() {
    let env = Env::new().await;
    let before = env.assets();
    let published: Vec<String> = before
        .iter()
        .filter(|(_, s)| s["publication"]["publish"]["action"] == "Activate")
        .map(|(p, _)| p.clone())
        .collect();
    let unused = published
        .iter()
        .find(|p| env.sb.pages_using(p).is_empty())
        .expect("a published asset no page uses");
    let used = published
        .iter()
        .find(|p| *p != unused)
        .expect("another published asset");
    let page = "/content/metadesk-site/en/health-test";
    env.sb
        .reference_page(page, "Health test", true, &[used.as_str()]);
    let pages = env.sb.pages_using(used);
    let list = env.dir.path().join("go.txt");
    std::fs::write(&list, format!("{used}\n{unused}\n")).unwrap();
    let list = list.to_str().unwrap();

    let o = env.run(&["unpublish", "--list", list, "--dry-run"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let words = out(&o);
    let n = pages.len();
    let pages_word = if n == 1 { "page" } else { "pages" };
    assert!(
        words.contains(&format!("{used}: used on {n} {pages_word}")),
        "{words}"
    );
    assert!(
        words.contains(&format!("{page}  Health test  (published)")),
        "{words}"
    );
    assert!(!words.contains(&format!("{unused}: used on")), "{words}");
    assert!(
        err(&o).contains("Warning: 1 asset is used on published pages"),
        "{}",
        err(&o)
    );

    let o = env.run(&["unpublish", "--list", list, "--dry-run", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let json: Value = serde_json::from_str(&out(&o)).unwrap();
    let refs = &json["references"];
    assert_eq!(refs["asked"], 2, "{refs}");
    assert_eq!(refs["unpublishes"], true, "{refs}");
    let assets = refs["assets"].as_array().unwrap();
    assert_eq!(assets.len(), 1, "{refs}");
    assert_eq!(assets[0]["path"], used.as_str());
    assert_eq!(assets[0]["pages"].as_array().unwrap().len(), n, "{refs}");
    assert!(assets[0]["publishedPages"].as_u64().unwrap() >= 1, "{refs}");
    assert!(err(&o).contains("Warning: 1 asset"), "{}", err(&o));

    // Previews only: nothing replicated or written; one reference search a preview (two assets
    // asked in one request).
    let c = env.sb.counters();
    assert_eq!((c.writes_applied, c.replications), (0, 0));
    assert_eq!(
        c.by_kind.get("references").copied(),
        Some(2),
        "{:?}",
        c.by_kind
    );
    assert_eq!(env.assets(), before);
}

/// Issue 78: against an AEM whose reference search answers several paths without `srcPath`,
/// Health's used-on-pages and used-nowhere lists are still exact (the paths asked again one at a
/// time, and from then on for this connection), none is unknown, and an unpublish preview of two
/// assets names the pages that use them. Seen failing with `used_on_pages` empty and every asset
/// "used nowhere" when the entries without `srcPath` were dropped (`pages_of` before the fix).
#[tokio::test(flavor = "multi_thread")]
async fn a_multi_path_answer_without_src_path_is_asked_again_one_path_at_a_time() {
    let env = Env::new().await;
    env.sb
        .set_faults(metadesk_sandbox::Faults {
            references_unnamed_when_several: true,
            ..metadesk_sandbox::Faults::default()
        })
        .unwrap();
    let assets = env.assets();
    let report = env.report(&["health", "--folder", FOLDER, "--recursive", "--json"]);
    let select = |keep: &dyn Fn(&String) -> bool| -> BTreeSet<String> {
        assets
            .iter()
            .map(|(p, _)| p.clone())
            .filter(|p| keep(p))
            .collect()
    };
    let used = select(&|p| !env.sb.pages_using(p).is_empty());
    assert!(!used.is_empty());
    assert_eq!(paths(&report, "used_on_pages"), used);
    assert_eq!(
        paths(&report, "used_nowhere"),
        select(&|p| env.sb.pages_using(p).is_empty())
    );
    assert!(paths(&report, "references_unknown").is_empty());
    let pages = report["pages"].as_array().unwrap();
    let uses: usize = used.iter().map(|p| env.sb.pages_using(p).len()).sum();
    assert_eq!(pages.len(), uses);

    let published: Vec<String> = assets
        .iter()
        .filter(|(_, s)| s["publication"]["publish"]["action"] == "Activate")
        .map(|(p, _)| p.clone())
        .take(2)
        .collect();
    assert_eq!(published.len(), 2);
    let page = "/content/metadesk-site/en/issue-78";
    let both: Vec<&str> = published.iter().map(String::as_str).collect();
    env.sb.reference_page(page, "Issue 78", true, &both);
    let list = env.dir.path().join("go.txt");
    std::fs::write(&list, format!("{}\n{}\n", published[0], published[1])).unwrap();
    let o = env.run(&[
        "unpublish",
        "--list",
        list.to_str().unwrap(),
        "--dry-run",
        "--json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let json: Value = serde_json::from_str(&out(&o)).unwrap();
    let refs = &json["references"];
    let named: BTreeSet<&str> = refs["assets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["path"].as_str().unwrap())
        .collect();
    assert_eq!(named, both.iter().copied().collect(), "{refs}");
    for a in refs["assets"].as_array().unwrap() {
        assert!(
            a["pages"]
                .as_array()
                .unwrap()
                .iter()
                .any(|p| p["page"] == page),
            "{refs}"
        );
    }
    assert_eq!(refs["unknownAssets"].as_array().unwrap().len(), 0, "{refs}");
    assert!(err(&o).contains("Warning: 2 assets"), "{}", err(&o));
}

/// Issue 78: a path whose own reference answer cannot be read (`Faults::references_unreadable`:
/// an answer that holds no list of pages) is listed under `references_unknown`, neither "used
/// nowhere" nor "used on pages", in Health and in an unpublish preview (`unknownAssets`); the
/// other paths asked with it in one request are asked again one at a time and stay exact. Seen
/// failing with the 19 other assets of that request unknown too (a multi-path answer that
/// could not be read made its whole chunk unknown).
#[tokio::test(flavor = "multi_thread")]
async fn a_path_whose_own_answer_cannot_be_read_is_unknown_never_used_nowhere() {
    let env = Env::new().await;
    let assets = env.assets();
    let used: Vec<String> = assets
        .iter()
        .map(|(p, _)| p.clone())
        .filter(|p| !env.sb.pages_using(p).is_empty())
        .collect();
    // Two published assets pages use, for the preview.
    let published: Vec<String> = assets
        .iter()
        .filter(|(p, s)| s["publication"]["publish"]["action"] == "Activate" && used.contains(p))
        .map(|(p, _)| p.clone())
        .take(2)
        .collect();
    assert_eq!(published.len(), 2);
    let unused: Vec<String> = assets
        .iter()
        .map(|(p, _)| p.clone())
        .filter(|p| env.sb.pages_using(p).is_empty())
        .collect();
    let unreadable: BTreeSet<String> = [published[0].clone(), unused[0].clone()].into();
    env.sb
        .set_faults(metadesk_sandbox::Faults {
            references_unreadable: unreadable.iter().cloned().collect(),
            ..metadesk_sandbox::Faults::default()
        })
        .unwrap();
    let o = env.run(&["health", "--folder", FOLDER, "--recursive", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let report: Value = serde_json::from_str(&out(&o)).unwrap();
    assert_eq!(paths(&report, "references_unknown"), unreadable);
    let known = |list: &[String]| -> BTreeSet<String> {
        list.iter()
            .filter(|p| !unreadable.contains(*p))
            .cloned()
            .collect()
    };
    assert_eq!(paths(&report, "used_on_pages"), known(&used));
    assert_eq!(paths(&report, "used_nowhere"), known(&unused));
    assert!(
        !report["unknown"].as_array().unwrap().is_empty(),
        "{report}"
    );
    let words = out(&env.run(&["health", "--folder", FOLDER, "--recursive"]));
    assert!(
        words.contains("Where used, not known (not “used nowhere”): 2"),
        "{words}"
    );

    // An unpublish preview of the unreadable asset and another says the first is not known.
    let list = env.dir.path().join("go.txt");
    std::fs::write(&list, format!("{}\n{}\n", published[0], published[1])).unwrap();
    let o = env.run(&[
        "unpublish",
        "--list",
        list.to_str().unwrap(),
        "--dry-run",
        "--json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let json: Value = serde_json::from_str(&out(&o)).unwrap();
    let refs = &json["references"];
    assert_eq!(
        refs["unknownAssets"],
        serde_json::json!([published[0]]),
        "{refs}"
    );
    let named: Vec<&str> = refs["assets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["path"].as_str().unwrap())
        .collect();
    assert_eq!(named, [published[1].as_str()], "{refs}");
}

/// Issue 78: an asset whose `jcr:content/offTime` is set but that AEM's search index has not
/// caught up with (`Faults::index_lag`) still counts under `with_off_time`: what the query
/// did not return is read from the repository, as folder runs read what the index has not
/// seen. Seen failing with those assets left out of `with_off_time` (the query alone).
#[tokio::test(flavor = "multi_thread")]
async fn an_off_time_the_index_has_not_seen_yet_is_counted() {
    let env = Env::new().await;
    let assets = env.assets();
    let off: BTreeSet<String> = assets
        .iter()
        .filter(|(_, s)| !s["offTime"].is_null())
        .map(|(p, _)| p.clone())
        .collect();
    assert!(off.len() >= 2, "{off:?}");
    // The index has not seen half of them, nor one asset without an off time.
    let mut lagging: Vec<String> = off.iter().step_by(2).cloned().collect();
    let plain = assets
        .iter()
        .find(|(p, _)| !off.contains(p))
        .map(|(p, _)| p.clone())
        .unwrap();
    lagging.push(plain);
    env.sb
        .set_faults(metadesk_sandbox::Faults {
            index_lag: lagging,
            ..metadesk_sandbox::Faults::default()
        })
        .unwrap();
    let report = env.report(&["health", "--folder", FOLDER, "--recursive", "--json"]);
    assert_eq!(paths(&report, "with_off_time"), off);
    assert_eq!(env.sb.counters().writes_applied, 0);
}
