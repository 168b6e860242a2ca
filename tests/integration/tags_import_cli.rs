//! `metadesk-cli tags import FILE` and `tags undo-import ID` (issue 51) against the sandbox's
//! taxonomy over HTTP: a sheet exported, edited and imported (previewed in words, a dry run
//! writing nothing, then created and retitled), undone without erasing a colleague's later
//! change; each bad sheet or account refused in words naming the row, nothing written.

use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::{Value, json};

use metadesk_sandbox::Faults;

use crate::tags_cli::{Env, LANG_DECIDES, err, out};

impl Env {
    pub(crate) fn sheet(&self, name: &str, text: &str) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    /// The whole taxonomy as AEM renders it.
    pub(crate) async fn taxonomy(&self) -> Value {
        self.get("/content/cq:tags.infinity.json").await.1
    }

    async fn get(&self, path: &str) -> (u16, Value) {
        let r = reqwest::Client::new()
            .get(format!("{}{path}", self.sb.base_url()))
            .bearer_auth(&self.sb.credentials().dev_token)
            .send()
            .await
            .unwrap();
        let status = r.status().as_u16();
        (status, r.json().await.unwrap_or(Value::Null))
    }

    pub(crate) async fn tag(&self, rel: &str) -> (u16, Value) {
        self.get(&format!("/content/cq:tags/{rel}.0.json")).await
    }

    /// `tags import SHEET --yes` while AEM refuses writes to `denied` (a tag, or one of its
    /// properties): it stops, exiting 1.
    pub(crate) fn import_refused_at(&self, sheet: &Path, denied: &str) -> Output {
        self.sb
            .set_faults(Faults {
                write_denied: vec![denied.into()],
                ..Faults::default()
            })
            .unwrap();
        let o = self.run(&["tags", "import", path_arg(sheet), "--yes"]);
        assert_eq!(o.status.code(), Some(1), "{}", err(&o));
        o
    }

    /// Undoes the import `imported` said it made, with AEM writable again: the taxonomy is
    /// `before` again.
    async fn undo_gives_back(&self, imported: &Output, before: &Value, why: &str) {
        self.sb.set_faults(Faults::default()).unwrap();
        let id = import_id(&out(imported));
        let o = self.run(&["tags", "undo-import", &id, "--yes"]);
        assert_eq!(o.status.code(), Some(0), "{}", err(&o));
        assert_eq!(&self.taxonomy().await, before, "{why}");
    }

    /// A colleague's Sling POST to a tag.
    pub(crate) async fn colleague_sets(&self, rel: &str, fields: &[(&str, &str)]) {
        let r = reqwest::Client::new()
            .post(format!("{}/content/cq:tags/{rel}", self.sb.base_url()))
            .bearer_auth(&self.sb.credentials().dev_token)
            .form(fields)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
    }
}

pub(crate) fn path_arg(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The import's id, from `… tags undo-import ID`.
pub(crate) fn import_id(said: &str) -> String {
    let rest = said.split("undo-import ").nth(1).expect(said);
    rest.split_whitespace().next().unwrap().to_owned()
}

pub(crate) const HEADER: &str = "Tag ID,Title,Title (fr),Description\n";

/// AEM refuses one of an import's writes (no right to change winter): the import stops there,
/// says which tag and that undoing puts back what it wrote, without naming a command the
/// window does not have; what it wrote stays, and the undo takes it back. Seen failing
/// before `write_import` (the error named `tags undo-import` and no count said what was
/// written).
#[tokio::test(flavor = "multi_thread")]
async fn an_import_aem_refuses_part_of_stops_there_says_so_and_undo_takes_back_what_it_wrote() {
    let env = Env::new().await;
    let sheet = env.sheet(
        "partly.csv",
        &format!(
            "{HEADER}wknd-shared:season/summer,High summer,,\n\
             wknd-shared:season/winter,Deep winter,,\n\
             wknd-shared:season/monsoon,Monsoon,,\n"
        ),
    );
    let before = env.taxonomy().await;
    let o = env.import_refused_at(&sheet, "/content/cq:tags/wknd-shared/season/winter");
    assert!(
        err(&o).contains(
            "AEM did not take the change of wknd-shared:season/winter ("
        ) && err(&o).contains(
            "the import stopped there. What was written before it stays: resume the run to finish the import, or undo it to put that back."
        ),
        "{}",
        err(&o)
    );
    assert!(!err(&o).contains("undo-import"), "{}", err(&o));
    // The tags are created first, then each tag's values in order: monsoon and summer went in.
    assert!(
        out(&o).contains("Created 1 tag and changed 1 value"),
        "{}",
        out(&o)
    );
    assert_eq!(env.tag("wknd-shared/season/monsoon").await.0, 200);
    assert_eq!(
        env.tag("wknd-shared/season/summer").await.1["jcr:title"],
        "High summer"
    );
    assert_eq!(
        env.tag("wknd-shared/season/winter").await.1["jcr:title"],
        "Winter"
    );

    env.undo_gives_back(&o, &before, "undo takes back what was written")
        .await;
}

/// AEM creates a new tag but refuses its French title (an access rule on that property): the
/// import stops there, counts the tag it created, and the undo removes it although it lacks the
/// translation the import never wrote. Seen failing with the tag counted only once its
/// translations were written ("Created 0 tags"), and with undo requiring every translation
/// (the tag kept as changed since).
#[tokio::test(flavor = "multi_thread")]
async fn a_tag_created_before_aem_refused_its_translation_is_counted_and_undone() {
    let env = Env::new().await;
    let sheet = env.sheet(
        "new.csv",
        &format!("{HEADER}wknd-shared:season/monsoon,Monsoon,Mousson,\n"),
    );
    let before = env.taxonomy().await;
    let o = env.import_refused_at(
        &sheet,
        "/content/cq:tags/wknd-shared/season/monsoon/jcr:title.fr",
    );
    assert!(
        err(&o).contains("AEM did not take the change of wknd-shared:season/monsoon ("),
        "{}",
        err(&o)
    );
    assert!(
        out(&o).contains("Created 1 tag and changed 0 values"),
        "{}",
        out(&o)
    );
    let (status, monsoon) = env.tag("wknd-shared/season/monsoon").await;
    assert_eq!(status, 200, "AEM made the tag");
    assert!(monsoon.get("jcr:title.fr").is_none(), "{monsoon}");

    env.undo_gives_back(&o, &before, "the half-made tag is removed")
        .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_edited_sheet_is_previewed_then_creates_and_retitles_and_undo_puts_it_back() {
    let env = Env::new().await;
    // The exported workbook, imported as it is, changes nothing.
    let xlsx = env.dir.path().join("taxonomy.xlsx");
    let o = env.run(&["tags", "export", "--out", path_arg(&xlsx)]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let o = env.run(&["tags", "import", path_arg(&xlsx), "--yes"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(out(&o).contains("changes nothing"), "{}", out(&o));

    // Edited: summer retitled in two languages, a new tag with its translation and
    // description; the other tags' rows left out and an empty cell change nothing.
    let sheet = env.sheet(
        "edited.csv",
        &format!(
            "\u{feff}{HEADER}wknd-shared:season/summer,High summer,Plein été,\n\
             wknd-shared:season/monsoon,Monsoon,Mousson,Rainy months\n\
             wknd-shared:season/winter,,,\n"
        ),
    );
    let before = env.taxonomy().await;
    let o = env.run(&["tags", "import", path_arg(&sheet), "--dry-run"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let said = out(&o);
    for line in [
        "edited.csv: 1 tag to create, 2 values to change.",
        "new tag wknd-shared:season/monsoon, titled “Monsoon”",
        "title (fr): “Mousson”",
        "description: “Rainy months”",
        "title of wknd-shared:season/summer: “Summer” → “High summer”",
        "title (fr) of wknd-shared:season/summer: “Été” → “Plein été”",
        "Dry run: nothing was written.",
    ] {
        assert!(said.contains(line), "{line} in {said}");
    }
    assert_eq!(env.taxonomy().await, before, "a dry run writes nothing");
    // Without --yes and without a terminal to ask on, nothing is written either.
    let o = env.run(&["tags", "import", path_arg(&sheet)]);
    assert_ne!(o.status.code(), Some(0));
    assert!(err(&o).contains("without confirmation"), "{}", err(&o));
    assert_eq!(env.taxonomy().await, before);
    assert_eq!(env.sb.counters().tag_commands, 0);

    let o = env.run(&["tags", "import", path_arg(&sheet), "--yes"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(
        out(&o).contains("Created 1 tag and changed 2 values"),
        "{}",
        out(&o)
    );
    let id = import_id(&out(&o));
    let (_, summer) = env.tag("wknd-shared/season/summer").await;
    assert_eq!(summer["jcr:title"], "High summer");
    assert_eq!(summer["jcr:title.fr"], "Plein été");
    assert_eq!(summer["jcr:description"], "June to August", "empty cell");
    let (status, monsoon) = env.tag("wknd-shared/season/monsoon").await;
    assert_eq!(status, 200);
    assert_eq!(monsoon["jcr:primaryType"], "cq:Tag");
    assert_eq!(monsoon["jcr:title"], "Monsoon");
    assert_eq!(monsoon["jcr:title.fr"], "Mousson");
    assert_eq!(monsoon["jcr:description"], "Rainy months");
    let (_, winter) = env.tag("wknd-shared/season/winter").await;
    assert_eq!(winter["jcr:title"], "Winter");
    let (status, _) = env.tag("wknd-shared/activity/surfing").await;
    assert_eq!(status, 200, "a row left out deletes nothing");

    let o = env.run(&["tags", "undo-import", &id, "--yes"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(
        out(&o).contains("2 values put back, 1 tag removed"),
        "{}",
        out(&o)
    );
    assert_eq!(env.taxonomy().await, before, "undo puts the taxonomy back");
}

#[tokio::test(flavor = "multi_thread")]
async fn undo_keeps_what_a_colleague_changed_or_used_since() {
    let env = Env::new().await;
    let sheet = env.sheet(
        "t.csv",
        &format!(
            "{HEADER}wknd-shared:season/summer,High summer,,\n\
             wknd-shared:season/spring,Spring,,\n\
             wknd-shared:season/autumn,Autumn,,\n\
             wknd-shared:season/monsoon,Monsoon,,\n"
        ),
    );
    let o = env.run(&["tags", "import", path_arg(&sheet), "--yes"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let id = import_id(&out(&o));
    // Since: summer retitled, spring translated, an asset tagged with autumn.
    env.colleague_sets("wknd-shared/season/summer", &[("jcr:title", "Midsummer")])
        .await;
    env.colleague_sets(
        "wknd-shared/season/spring",
        &[("jcr:title.fr", "Printemps")],
    )
    .await;
    let asset = env.sb.dump(false)["assets"][0]["path"]
        .as_str()
        .unwrap()
        .to_owned();
    env.sb
        .edit_asset(&asset, json!({"cq:tags": ["wknd-shared:season/autumn"]}))
        .unwrap();

    let o = env.run(&["tags", "undo-import", &id, "--yes"]);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    let said = err(&o);
    for line in [
        "Kept: the title of wknd-shared:season/summer was changed in AEM after Metadesk wrote “High summer” (it now holds “Midsummer”).",
        "Kept: wknd-shared:season/spring was changed in AEM after Metadesk wrote it.",
        "Kept: assets hold wknd-shared:season/autumn",
    ] {
        assert!(said.contains(line), "{line} in {said}");
    }
    assert!(
        out(&o).contains("0 values put back, 1 tag removed"),
        "{}",
        out(&o)
    );
    assert_eq!(
        env.tag("wknd-shared/season/summer").await.1["jcr:title"],
        "Midsummer"
    );
    assert_eq!(env.tag("wknd-shared/season/spring").await.0, 200);
    assert_eq!(env.tag("wknd-shared/season/autumn").await.0, 200);
    assert_eq!(env.tag("wknd-shared/season/monsoon").await.0, 404);

    // An id that names no import, or a path, is refused in words.
    for bad in ["tags-19990101-000000-000-0000", "../runs/x"] {
        let o = env.run(&["tags", "undo-import", bad, "--yes"]);
        assert_ne!(o.status.code(), Some(0));
        assert!(err(&o).contains("no tag import"), "{}", err(&o));
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_bad_sheet_or_account_is_refused_naming_the_row_and_nothing_is_written() {
    let env = Env::new().await;
    let before = env.taxonomy().await;
    for (name, text, says) in [
        (
            "bad-id.csv",
            format!("{HEADER}wknd-shared:season/summer,Hot,,\nwknd-shared:a//b,X,,\n"),
            "Row 3: “wknd-shared:a//b” is not a tag id",
        ),
        (
            "orphan.csv",
            format!("{HEADER}wknd-shared:nope/child,Child,,\n"),
            "Row 2: wknd-shared:nope/child would go below wknd-shared:nope, which neither AEM nor the file has",
        ),
        (
            "twice.csv",
            format!("{HEADER}wknd-shared:season/summer,A,,\nwknd-shared:season/summer,B,,\n"),
            "Row 3: wknd-shared:season/summer is already on row 2",
        ),
        (
            "no-id.csv",
            "Title,Description\nSummer,Hot\n".to_owned(),
            "no-id.csv has no column of tag ids",
        ),
        (
            "id-missing.csv",
            format!("{HEADER},Orphan title,,\n"),
            "Row 2 has values but no tag id",
        ),
        ("header-only.csv", HEADER.to_owned(), "holds no tags"),
        ("empty.csv", String::new(), "empty.csv is empty"),
    ] {
        let sheet = env.sheet(name, &text);
        let o = env.run(&["tags", "import", path_arg(&sheet), "--yes"]);
        assert_eq!(o.status.code(), Some(2), "{name}: {}", out(&o));
        assert!(err(&o).contains(says), "{name}: {}", err(&o));
    }
    let o = env.run(&["tags", "import", "/nonexistent/t.csv", "--yes"]);
    assert_eq!(o.status.code(), Some(2));

    // An account that may tag assets but not change the taxonomy, told in French.
    env.sb
        .set_taxonomy_access(&env.sb.credentials().dev_token_user, false);
    let sheet = env.sheet("ok.csv", &format!("{HEADER}wknd-shared:season/x,X,,\n"));
    let o = env.run_in(
        "fr_FR.UTF-8",
        &["tags", "import", path_arg(&sheet), "--yes"],
    );
    assert_eq!(o.status.code(), Some(2));
    let said = if LANG_DECIDES {
        "administrateur des balises"
    } else {
        "Tag Administrator"
    };
    assert!(err(&o).contains(said), "{}", err(&o));
    // The preview in French where LANG decides: its words and quotes are French.
    env.sb
        .set_taxonomy_access(&env.sb.credentials().dev_token_user, true);
    let o = env.run_in(
        "fr_FR.UTF-8",
        &["tags", "import", path_arg(&sheet), "--dry-run"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    if LANG_DECIDES {
        let said = out(&o);
        assert!(
            said.contains("nouvelle balise wknd-shared:season/x, intitulée «\u{a0}X\u{a0}»"),
            "{said}"
        );
    }
    assert_eq!(env.taxonomy().await, before, "nothing was written");
    assert_eq!(env.sb.counters().tag_commands, 0);
}
