use super::*;
use crate::spec::{ScopeFilters, validate_property};

#[test]
fn a_search_s_conditions_and_its_errors_are_worded_in_french() {
    let fr = metadesk_base::i18n::Localizer::new(metadesk_base::i18n::Lang::Fr);
    let filters = ScopeFilters {
        selection: Some(ScopeSource::Search {
            conditions: vec![
                Condition::parse("dc:rights is empty").unwrap(),
                Condition::parse("dc:title contains \"summer beach\"").unwrap(),
                Condition::parse("modified after 2026-03-01").unwrap(),
            ],
            combine: Combine::All,
        }),
        ..ScopeFilters::default()
    };
    let words = conditions_reason(&filters).unwrap().localized(&fr);
    assert_eq!(
        words,
        "Copyright est vide et Titre contient \"summer beach\" et modifié après le 2026-03-01"
    );
    let en = conditions_reason(&filters)
        .unwrap()
        .localized(&metadesk_base::i18n::Localizer::english());
    assert_eq!(
        en,
        "Copyright is empty and Title contains \"summer beach\" and modified after 2026-03-01"
    );
    // The examples of the condition grammar stay as typed (English keywords).
    let unknown = Condition::parse("dc:rights is").unwrap_err().localized(&fr);
    assert!(
        unknown.starts_with("«\u{a0}dc:rights is\u{a0}» n’est pas une condition que Metadesk connaît. Écrivez par exemple\u{a0}: dc:rights is empty"),
        "{unknown}"
    );
    for bad in [
        "modified after 26/03/2026",
        "tag is wknd",
        "name matches a/b",
    ] {
        let e = Condition::parse(bad).unwrap_err();
        metadesk_base::i18n::checks::assert_reads_french(&e.localized(&fr));
    }
    let e = validate_property("dc title").unwrap_err();
    metadesk_base::i18n::checks::assert_reads_french(&e.localized(&fr));
    assert!(
        e.localized(&fr)
            .starts_with("«\u{a0}dc title\u{a0}» n’est pas"),
        "{}",
        e.localized(&fr)
    );
}

/// What a person reads names a property by its title and a file type as a kind of file, in
/// English and French (issue 77: "dc:rights is empty and type is image/*"); the words the
/// parser reads and a journal keeps stay as typed.
#[test]
fn conditions_are_said_with_titles_and_kinds_of_file_in_both_languages() {
    let en = metadesk_base::i18n::Localizer::english();
    let fr = metadesk_base::i18n::Localizer::new(metadesk_base::i18n::Lang::Fr);
    for (typed, english, french) in [
        (
            "dc:rights is empty",
            "Copyright is empty",
            "Copyright est vide",
        ),
        (
            "dc:description is not empty",
            "Description is not empty",
            "Description n’est pas vide",
        ),
        ("dc:title is Summer", "Title is Summer", "Titre est Summer"),
        (
            "xmpRights:UsageTerms contains web",
            "Usage terms contains web",
            "Conditions d’utilisation contient web",
        ),
        (
            "prism:expirationDate is not empty",
            "Expires is not empty",
            "Date d’expiration n’est pas vide",
        ),
        (
            "dc:language is fr",
            "dc:language is fr",
            "dc:language est fr",
        ),
        (
            "type is image/*",
            "the file is an image",
            "le fichier est une image",
        ),
        (
            "type is image/jpeg",
            "the file is a JPEG image",
            "le fichier est une image JPEG",
        ),
        (
            "type is application/pdf",
            "the file is a PDF",
            "le fichier est un PDF",
        ),
        (
            "type is video/*",
            "the file is a video",
            "le fichier est une vidéo",
        ),
        (
            "type is application/zip",
            "the file type is application/zip",
            "le type du fichier est application/zip",
        ),
    ] {
        let c = Condition::parse(typed).unwrap();
        assert_eq!(c.reason().localized(&en), english, "{typed}");
        assert_eq!(c.reason().localized(&fr), french, "{typed}");
        // A refusal names it in the same words.
        assert_eq!(c.text().localized(&fr), french, "{typed}");
        assert_eq!(c.describe(), typed);
        metadesk_base::i18n::checks::assert_reads_french(french);
    }
    let filters = ScopeFilters {
        selection: Some(ScopeSource::Search {
            conditions: vec![
                Condition::parse("dc:rights is empty").unwrap(),
                Condition::parse("type is image/*").unwrap(),
            ],
            combine: Combine::All,
        }),
        ..ScopeFilters::default()
    };
    let words = conditions_reason(&filters).unwrap();
    let said = [&en, &fr].map(|l| words.localized(l));
    assert_eq!(
        said,
        [
            "Copyright is empty and the file is an image",
            "Copyright est vide et le fichier est une image"
        ]
    );
}

fn preds(c: Condition) -> Vec<(String, String)> {
    let mut out = Vec::new();
    c.predicates("", &mut 0, &mut out);
    out
}

fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn french_keywords_read_as_their_english_twins() {
    for (french, english) in [
        ("dc:rights est vide", "dc:rights is empty"),
        ("dc:rights n’est pas vide", "dc:rights is not empty"),
        ("dc:rights n'est pas vide", "dc:rights is not empty"),
        ("dc:title est \"Été\"", "dc:title is \"Été\""),
        ("dc:title est \"vide\"", "dc:title is vide"),
        ("dc:title n’est pas brouillon", "dc:title is not brouillon"),
        ("dc:title contient plage", "dc:title contains plage"),
        (
            "dc:title ne contient pas est",
            "dc:title does not contain est",
        ),
        (
            "Balise est wknd:activity/surfing",
            "tag is wknd:activity/surfing",
        ),
        ("type est image/*", "type is image/*"),
        ("modifié après 2026-03-01", "modified after 2026-03-01"),
        ("créé avant 2025-01-01", "created before 2025-01-01"),
        ("nom correspond à *.jpg", "name matches *.jpg"),
    ] {
        assert_eq!(
            Condition::parse(french).unwrap(),
            Condition::parse(english).unwrap(),
            "{french}"
        );
    }
    // English keeps its meaning: a value may be a French word.
    assert_eq!(
        Condition::parse("dc:title is est vide").unwrap(),
        Condition::Equals {
            property: "dc:title".into(),
            value: "est vide".into()
        }
    );
    assert!(Condition::parse("dc:rights est").is_err());
}

#[test]
fn every_condition_has_its_predicates() {
    let md = "jcr:content/metadata/dc:rights";
    assert_eq!(
        preds(Condition::parse("dc:rights is empty").unwrap()),
        pairs(&[("1_property", md), ("1_property.operation", "not")])
    );
    assert_eq!(
        preds(Condition::parse("dc:rights is not empty").unwrap()),
        pairs(&[
            ("1_property", md),
            ("1_property.operation", "exists"),
            ("1_property.value", "true")
        ])
    );
    assert_eq!(
        preds(Condition::parse("dc:rights is \"Royalty free\"").unwrap()),
        pairs(&[("1_property", md), ("1_property.value", "Royalty free")])
    );
    assert_eq!(
        preds(Condition::parse("dc:rights equals x").unwrap()),
        pairs(&[("1_property", md), ("1_property.value", "x")])
    );
    assert_eq!(
        preds(Condition::parse("dc:rights is not 'a b'").unwrap()),
        pairs(&[
            ("1_group.p.not", "true"),
            ("1_group.2_property", md),
            ("1_group.2_property.value", "a b")
        ])
    );
    assert_eq!(
        preds(Condition::parse("dc:rights contains 50% off_now").unwrap()),
        pairs(&[
            ("1_property", md),
            ("1_property.operation", "like"),
            ("1_property.value", "%50\\% off\\_now%")
        ])
    );
    assert_eq!(
        preds(Condition::parse("dc:rights does not contain *draft*").unwrap()),
        pairs(&[
            ("1_group.p.not", "true"),
            ("1_group.2_property", md),
            ("1_group.2_property.operation", "like"),
            ("1_group.2_property.value", "%*draft*%")
        ])
    );
    assert_eq!(
        preds(Condition::parse("tag is wknd:activity/surfing").unwrap()),
        pairs(&[
            ("1_tagid", "wknd:activity/surfing"),
            ("1_tagid.property", "jcr:content/metadata/cq:tags")
        ])
    );
    let fmt = "jcr:content/metadata/dc:format";
    assert_eq!(
        preds(Condition::parse("type is image/*").unwrap()),
        pairs(&[
            ("1_property", fmt),
            ("1_property.operation", "like"),
            ("1_property.value", "image/%")
        ])
    );
    assert_eq!(
        preds(Condition::parse("file type is Application/PDF").unwrap()),
        pairs(&[("1_property", fmt), ("1_property.value", "application/pdf")])
    );
    assert_eq!(
        preds(Condition::parse("modified after 2026-03-01").unwrap()),
        pairs(&[
            ("1_daterange.property", "jcr:content/jcr:lastModified"),
            ("1_daterange.lowerBound", "2026-03-01T00:00:00.000Z"),
            ("1_daterange.lowerOperation", ">=")
        ])
    );
    assert_eq!(
        preds(Condition::parse("created before 2025-01-31").unwrap()),
        pairs(&[
            ("1_daterange.property", "jcr:created"),
            ("1_daterange.upperBound", "2025-01-31T00:00:00.000Z"),
            ("1_daterange.upperOperation", "<")
        ])
    );
    assert_eq!(
        preds(Condition::parse("Modified Before 2025-01-31").unwrap())[0].1,
        "jcr:content/jcr:lastModified"
    );
    assert_eq!(
        preds(Condition::parse("created after 2025-01-31").unwrap())[2],
        ("1_daterange.lowerOperation".to_owned(), ">=".to_owned())
    );
    assert_eq!(
        preds(Condition::parse("name matches \"summer *.jpg\"").unwrap()),
        pairs(&[("1_nodename", "summer *.jpg")])
    );
}

#[test]
fn values_keep_spaces_quotes_percent_and_stars_and_read_back() {
    for value in [
        "a b",
        "say \"hi\"",
        "it's",
        "100%",
        "*",
        " lead",
        "'single'",
        "back\\slash",
        "x",
    ] {
        for c in [
            Condition::Equals {
                property: "dc:title".into(),
                value: value.into(),
            },
            Condition::Contains {
                property: "dc:title".into(),
                value: value.into(),
            },
            Condition::NotContains {
                property: "dc:title".into(),
                value: value.into(),
            },
        ] {
            let words = c.describe();
            assert_eq!(Condition::parse(&words).unwrap(), c, "{words}");
        }
    }
    let c = Condition::parse("dc:title is \"a \\\"quoted\\\" title\"").unwrap();
    assert_eq!(
        c,
        Condition::Equals {
            property: "dc:title".into(),
            value: "a \"quoted\" title".into()
        }
    );
    // Equality sends the value as it is: QueryBuilder takes it literally.
    assert_eq!(
        preds(Condition::parse("dc:title is 100%*").unwrap())[1].1,
        "100%*"
    );
}

#[test]
fn values_may_hold_the_operators_words() {
    assert_eq!(
        Condition::parse("dc:title is \"contains is\"").unwrap(),
        Condition::Equals {
            property: "dc:title".into(),
            value: "contains is".into()
        }
    );
    assert_eq!(
        Condition::parse("dc:title contains is not empty").unwrap(),
        Condition::Contains {
            property: "dc:title".into(),
            value: "is not empty".into()
        }
    );
    assert!(Condition::parse("dc:title isn't x").is_err());
}

#[test]
fn bad_conditions_say_what_is_wrong() {
    for (words, says) in [
        ("rights is empty", "prefix:name"),
        ("dc:rights is", "not a condition"),
        ("modified after March", "year-month-day"),
        ("modified after 2026-02-30", "year-month-day"),
        ("tag is surfing", "namespace:path"),
        ("type is jpeg", "MIME type"),
        ("name matches a/b.jpg", "file names only"),
        ("whatever", "not a condition"),
        ("dc:title contains \"\"", "missing"),
    ] {
        let err = Condition::parse(words).unwrap_err().to_string();
        assert!(err.contains(says), "{words}: {err}");
    }
}

#[test]
fn all_and_any_combine_with_unique_numbers() {
    let c = vec![
        Condition::parse("dc:rights is empty").unwrap(),
        Condition::parse("dc:title is not x").unwrap(),
    ];
    let all = search_predicates("/content/dam/a", false, &c, Combine::All);
    let keys: Vec<&str> = all.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        keys,
        [
            "path",
            "path.flat",
            "type",
            "1_group.p.not",
            "1_group.2_property",
            "1_group.2_property.value",
            "3_property",
            "3_property.operation",
            "4_group.p.not",
            "4_group.5_property",
            "4_group.5_property.value"
        ]
    );
    let any = search_predicates("/content/dam/a", true, &c, Combine::Any);
    let keys: Vec<&str> = any.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        &keys[..6],
        [
            "path",
            "type",
            "1_group.p.not",
            "1_group.2_property",
            "1_group.2_property.value",
            "3_group.p.or"
        ]
    );
    assert!(keys.contains(&"3_group.4_property"));
    assert!(keys.contains(&"3_group.5_group.6_property"));
    assert!(query_text(&any).starts_with("path=/content/dam/a\ntype=dam:Asset\n"));
}

#[test]
fn scopes_become_run_scopes_and_read_back() {
    let search = Scope::Search {
        under: "/wknd".into(),
        recursive: true,
        conditions: vec![Condition::IsEmpty {
            property: "metadata/dc:rights".into(),
        }],
        combine: Combine::Any,
    };
    let run = search.into_run_scope().unwrap();
    let (folder, filters) = (run.folder(), run.filters());
    assert_eq!(folder.as_str(), "/content/dam/wknd");
    let (en, fr) = (
        metadesk_base::i18n::Localizer::english(),
        metadesk_base::i18n::Localizer::new(metadesk_base::i18n::Lang::Fr),
    );
    let words = scope_reason(folder, filters);
    assert_eq!(
        words.localized(&en),
        "the assets of /content/dam/wknd and its subfolders where Copyright is empty"
    );
    assert_eq!(
        words.localized(&fr),
        "les ressources de /content/dam/wknd et ses sous-dossiers où Copyright est vide"
    );
    let folder_only = ScopeFilters::default();
    assert_eq!(
        scope_reason("/content/dam/a", &folder_only).localized(&fr),
        "les ressources de /content/dam/a"
    );
    assert!(matches!(
        Scope::of_run(&run),
        Scope::Search {
            combine: Combine::Any,
            ..
        }
    ));
    let list = Scope::List {
        entries: vec![" /content/dam/a.jpg ".into(), "".into()],
    };
    let run = list.into_run_scope().unwrap();
    let words = scope_reason(run.folder(), run.filters());
    assert_eq!(words.localized(&en), "1 asset you listed");
    assert_eq!(words.localized(&fr), "une ressource de votre liste");
    assert!(
        Scope::List { entries: vec![] }
            .into_run_scope()
            .unwrap_err()
            .to_string()
            .contains("empty")
    );
}

/// Journals keep a run's scope (its folder's filters, with the search or list it came from)
/// and saved-scope files keep a `Scope`: JSON written before a rename of the Rust types must
/// read the same, and be written back the same. Field names and tags are the files' own.
#[test]
fn a_run_s_scope_and_a_saved_scope_read_and_write_the_json_files_already_hold() {
    let journaled = [
        r#"{"recursive":true,"name":"*.jpg","formats":["image/*"],"selection":{"kind":"search","conditions":[{"kind":"is_empty","property":"dc:rights"},{"kind":"tagged","tag":"wknd:activity/surfing"},{"kind":"modified_after","date":"2026-03-01"}],"combine":"any"}}"#,
        r#"{"recursive":false,"name":null,"formats":[],"selection":{"kind":"list","entries":["/content/dam/a.jpg","urn:aaid:aem:1"]}}"#,
        r#"{"recursive":false,"name":null,"formats":[]}"#,
    ];
    for json in journaled {
        let filters: ScopeFilters = serde_json::from_str(json).unwrap();
        assert_eq!(serde_json::to_string(&filters).unwrap(), json);
    }
    let searched: ScopeFilters = serde_json::from_str(journaled[0]).unwrap();
    assert!(matches!(
        searched.selection,
        Some(ScopeSource::Search { ref conditions, combine: Combine::Any }) if conditions.len() == 3
    ));
    // A journal from before searches and lists: no `selection`, the folder's assets.
    let older: ScopeFilters = serde_json::from_str(r#"{"recursive":true}"#).unwrap();
    assert_eq!(older.selection, None);

    let saved = [
        r#"{"kind":"folder","folder":"/content/dam/wknd","recursive":true}"#,
        r#"{"kind":"search","under":"/content/dam/wknd","recursive":false,"conditions":[{"kind":"name_matches","pattern":"*.png"}],"combine":"all"}"#,
        r#"{"kind":"list","entries":["/content/dam/a.jpg"]}"#,
    ];
    for json in saved {
        let scope: Scope = serde_json::from_str(json).unwrap();
        assert_eq!(serde_json::to_string(&scope).unwrap(), json);
    }
    // A saved search from before `combine` existed: all conditions.
    let older: Scope = serde_json::from_str(
        r#"{"kind":"search","under":"/content/dam","recursive":true,"conditions":[]}"#,
    )
    .unwrap();
    assert!(matches!(
        older,
        Scope::Search {
            combine: Combine::All,
            ..
        }
    ));
}

#[test]
fn expiry_conditions_read_word_and_query_prism_expiration_date() {
    let today = time::OffsetDateTime::now_utc().date();
    let midnight = format!(
        "{:04}-{:02}-{:02}T00:00:00.000Z",
        today.year(),
        u8::from(today.month()),
        today.day()
    );
    let rel = "jcr:content/metadata/prism:expirationDate";
    assert_eq!(
        preds(Condition::parse("expires before today").unwrap()),
        pairs(&[
            ("1_daterange.property", rel),
            ("1_daterange.upperBound", &midnight),
            ("1_daterange.upperOperation", "<")
        ])
    );
    assert_eq!(
        preds(Condition::parse("Expires After 2027-01-31").unwrap()),
        pairs(&[
            ("1_daterange.property", rel),
            ("1_daterange.lowerBound", "2027-01-31T00:00:00.000Z"),
            ("1_daterange.lowerOperation", ">=")
        ])
    );
    let within = Condition::parse("expires within 30 days").unwrap();
    assert_eq!(within, Condition::ExpiresWithin { days: 30 });
    let at = time::macros::datetime!(2026-11-27 20:00 UTC);
    assert_eq!(
        expiry_bounds(&within, at),
        Some((
            Some("2026-11-27T20:00:00.000Z".to_owned()),
            Some("2026-12-27T20:00:00.000Z".to_owned())
        ))
    );
    assert_eq!(preds(within.clone()).len(), 5);
    // French twins, and the words read back.
    for (french, english) in [
        ("expire avant aujourd’hui", "expires before today"),
        ("expire après 2027-01-31", "expires after 2027-01-31"),
        ("expire d’ici 7 jours", "expires within 7 days"),
    ] {
        let c = Condition::parse(french).unwrap();
        assert_eq!(c.describe(), english);
        assert_eq!(Condition::parse(&c.describe()).unwrap(), c);
    }
    let fr = metadesk_base::i18n::Localizer::new(metadesk_base::i18n::Lang::Fr);
    let en = metadesk_base::i18n::Localizer::english();
    assert_eq!(within.reason().localized(&fr), "expire d’ici 30 jours");
    assert_eq!(
        Condition::parse("expires before today")
            .unwrap()
            .reason()
            .localized(&en),
        "expires before today"
    );
    for (words, says) in [
        ("expires within 30x", "\"30x\" is not a number of days"),
        ("expires within 0 days", "not a number of days"),
        ("expires within 99999 days", "from 1 to 3,650"),
        ("expires before tomorrow", "year-month-day"),
    ] {
        let err = Condition::parse(words).unwrap_err();
        assert!(err.to_string().contains(says), "{words}: {err}");
        metadesk_base::i18n::checks::assert_reads_french(&err.localized(&fr));
    }
    assert!(
        Condition::ExpiresWithin { days: 0 }.validated().is_err(),
        "a saved search is checked too"
    );
}
