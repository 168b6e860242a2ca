use super::dates::{self, Form};
use super::template::{self, Piece, TemplateError};
use super::text::{self, Case, Matching};
use super::*;
use proptest::prelude::*;
use serde_json::json;

fn re(find: &str, m: Matching) -> Option<Regex> {
    text::finder(find, m).unwrap()
}

fn rx() -> Matching {
    Matching {
        regex: true,
        ..Matching::default()
    }
}

#[test]
fn a_regular_expression_replaces_with_numbered_and_named_groups() {
    let r = re(r"WKND (\w+)", rx());
    assert_eq!(
        text::replace(
            "WKND Surf and WKND Ski",
            r"WKND (\w+)",
            "Wknd $1",
            r.as_ref(),
            rx()
        ),
        "Wknd Surf and Wknd Ski"
    );
    let r = re(r"(?<brand>WKND)-(?<n>\d+)", rx());
    assert_eq!(
        text::replace("WKND-12", "", "${n}/${brand}", r.as_ref(), rx()),
        "12/WKND"
    );
}

#[test]
fn plain_text_replaces_literally_even_with_dollars_and_dots() {
    assert_eq!(
        text::replace("a.b a.b", "a.b", "$1", None, Matching::default()),
        "$1 $1"
    );
    let m = Matching {
        ignore_case: true,
        ..Matching::default()
    };
    let r = re("a.b", m);
    assert_eq!(
        text::replace("A.B axb", "a.b", "$0", r.as_ref(), m),
        "$0 axb"
    );
}

#[test]
fn case_and_whole_words_are_options() {
    let m = Matching {
        ignore_case: true,
        whole_word: true,
        ..Matching::default()
    };
    let r = re("cat", m);
    assert_eq!(
        text::replace("Cat cat category CAT.", "cat", "dog", r.as_ref(), m),
        "dog dog category dog."
    );
    // A text that ends in a non-word character still matches before a space.
    let w = Matching {
        whole_word: true,
        ..Matching::default()
    };
    let r = re("C++", w);
    assert_eq!(
        text::replace("C++ and C++x (C++)", "C++", "Rust", r.as_ref(), w),
        "Rust and C++x (Rust)"
    );
    let w = Matching {
        whole_word: true,
        ..rx()
    };
    let r = re(r"ca(t)", w);
    assert_eq!(
        text::replace("cat category", "", "bo$1", r.as_ref(), w),
        "bot category"
    );
    assert_eq!(
        text::replace("Cat cat", "cat", "dog", None, Matching::default()),
        "Cat dog"
    );
}

#[test]
fn a_bad_pattern_says_what_and_where() {
    let e = text::finder("WKND (\\w+", rx()).unwrap_err();
    assert_eq!((e.problem, e.position), ("group-unclosed", 6));
    let e = text::finder("a)", rx()).unwrap_err();
    assert_eq!((e.problem, e.position), ("group-unopened", 2));
    let e = text::finder("[abc", rx()).unwrap_err();
    assert_eq!(e.problem, "class-unclosed");
    let e = text::finder("*x", rx()).unwrap_err();
    assert_eq!((e.problem, e.position), ("nothing-to-repeat", 1));
    let e = text::finder(r"é\q", rx()).unwrap_err();
    assert_eq!(
        (e.problem, e.position),
        ("escape", 2),
        "counted in characters"
    );
    // Plain text never fails: its specials are escaped.
    assert!(text::finder("a)(*[", Matching::default()).is_ok());
}

#[test]
fn cases_and_spaces() {
    assert_eq!(text::change_case("wknd SURF", Case::Upper), "WKND SURF");
    assert_eq!(text::change_case("WKND Surf", Case::Lower), "wknd surf");
    assert_eq!(
        text::change_case("the SKI trip's end-of-day", Case::Title),
        "The Ski Trip's End-Of-Day"
    );
    assert_eq!(
        text::change_case("THE SKI TRIP. again", Case::Sentence),
        "The ski trip. again"
    );
    assert_eq!(text::trim("  a \t b\n ", false), "a \t b");
    assert_eq!(text::trim("  a \t b\n ", true), "a b");
}

#[test]
fn templates_read_fields_and_escaped_braces() {
    let p = template::pieces("{dc:title} — {name} {{x}}").unwrap();
    assert_eq!(
        p,
        vec![
            Piece::Field("dc:title"),
            Piece::Text(" — ".into()),
            Piece::Field("name"),
            Piece::Text(" {x}".into()),
        ]
    );
    assert_eq!(template::pieces("a {b"), Err(TemplateError::Unclosed(3)));
    assert_eq!(template::pieces("a } b"), Err(TemplateError::Unopened(3)));
    assert_eq!(template::pieces("{ }"), Err(TemplateError::EmptyField(1)));
    assert_eq!(template::fields("{a}{b:c}"), vec!["a", "b:c"]);
}

#[test]
fn a_template_takes_field_labels_as_their_properties() {
    let label = |name: &str| match name.to_lowercase().as_str() {
        "title" => Some("dc:title".to_owned()),
        "city" => Some("photoshop:City".to_owned()),
        // A label that looks like the asset's own field does not hide it.
        "name" => Some("dc:name".to_owned()),
        _ => None,
    };
    assert_eq!(
        template::with_properties("{Title} in {ciTy} — {name} {{x}} {dc:rights} {Nope}", label),
        "{dc:title} in {photoshop:City} — {name} {{x}} {dc:rights} {Nope}"
    );
    // An unreadable template stays as typed, for its check to say why.
    assert_eq!(template::with_properties("{Title", label), "{Title");
}

#[test]
fn asset_fields_come_from_the_path() {
    let md = Map::new();
    let a = Asset {
        path: "/content/dam/wknd/en/12345_surf.board.jpg",
        metadata: &md,
    };
    assert_eq!(a.field("name").unwrap(), "12345_surf.board");
    assert_eq!(a.field("filename").unwrap(), "12345_surf.board.jpg");
    assert_eq!(a.field("extension").unwrap(), "jpg");
    assert_eq!(a.field("folder").unwrap(), "en");
    assert_eq!(a.field("path").unwrap(), a.path);
    assert_eq!(a.field("dc:title"), None);
    let md = json!({"dc:subject": ["a", "b"], "dc:title": "", "n": 3})
        .as_object()
        .cloned()
        .unwrap();
    let a = Asset {
        path: "/x",
        metadata: &md,
    };
    assert_eq!(a.field("dc:subject").unwrap(), "a, b");
    assert_eq!(a.field("dc:title"), None, "an empty text is missing");
    assert_eq!(a.field("n").unwrap(), "3");
    let p = template::pieces("{dc:subject} / {missing:x}").unwrap();
    assert_eq!(template::fill(&p, |f| a.field(f)), Err("missing:x"));
}

#[test]
fn each_text_maps_every_value_and_drops_emptied_ones() {
    let up = |t: &str| Ok::<_, ()>(t.to_uppercase());
    assert_eq!(each_text(Some(&json!("a")), up), Ok(Some(json!("A"))));
    assert_eq!(
        each_text(Some(&json!(["a", 3, "b"])), up),
        Ok(Some(json!(["A", 3, "B"])))
    );
    assert_eq!(each_text(None, up), Ok(None));
    let gone = |t: &str| Ok::<_, ()>(t.replace('x', ""));
    assert_eq!(
        each_text(Some(&json!(["x", "ax"])), gone),
        Ok(Some(json!(["a"])))
    );
    assert_eq!(each_text(Some(&json!("xx")), gone), Ok(None));
    assert_eq!(
        each_text(Some(&json!(["a"])), |_| Err::<String, _>("no")),
        Err("no")
    );
}

#[test]
fn dates_keep_their_zone_and_form() {
    let d = |s: &str, by: &str| {
        dates::read(s)
            .and_then(|v| dates::shift(v, dates::duration(by).unwrap()))
            .map(dates::write)
    };
    assert_eq!(
        d("2024-09-03T13:15:03.000+02:00", "7d").unwrap(),
        "2024-09-10T13:15:03.000+02:00"
    );
    assert_eq!(
        d("2024-09-03T13:15:03Z", "-1w2h").unwrap(),
        "2024-08-27T11:15:03Z"
    );
    assert_eq!(
        d("Tue Sep 03 2024 13:15:03 GMT-0500", "+1d").unwrap(),
        "Wed Sep 04 2024 13:15:03 GMT-0500"
    );
    assert_eq!(d("2024-02-28", "2d").unwrap(), "2024-03-01");
    assert_eq!(
        d("2024-02-28", "12h"),
        None,
        "a day alone moves by whole days"
    );
    assert_eq!(dates::read("next Tuesday"), None);
    assert_eq!(
        dates::read("2024-09-03T13:15:03.1234Z").unwrap().form,
        Form::Iso {
            fraction: 4,
            zulu: true
        }
    );
    for bad in ["", "7", "d", "7x", "+", "1d-2h", "99999999999999999999d"] {
        assert_eq!(dates::duration(bad), None, "{bad}");
    }
    assert_eq!(dates::duration(" 1h 30m ").unwrap().whole_minutes(), 90);
}

#[test]
fn setting_a_date_keeps_what_is_not_given() {
    let set = |s: &str, to: &str| {
        dates::write(dates::set(
            dates::read(s).unwrap(),
            dates::new_date(to).unwrap(),
        ))
    };
    assert_eq!(
        set("2024-09-03T13:15:03.000+02:00", "2025-01-31"),
        "2025-01-31T13:15:03.000+02:00"
    );
    assert_eq!(
        set("2024-09-03T13:15:03.000+02:00", "2025-01-31T09:00"),
        "2025-01-31T09:00:00.000+02:00"
    );
    assert_eq!(
        set("2024-09-03T13:15:03.000+02:00", "2025-01-31T09:00:00Z"),
        "2025-01-31T11:00:00.000+02:00",
        "a moment is shown in the value's zone"
    );
    assert_eq!(
        set("Tue Sep 03 2024 13:15:03 GMT+0000", "2025-01-31"),
        "Fri Jan 31 2025 13:15:03 GMT+0000"
    );
    assert_eq!(dates::new_date("31/01/2025"), None);
    let moment = dates::new_date("2025-01-31T09:00:00+01:00").unwrap();
    assert_eq!(
        dates::write(dates::new_value(moment).unwrap()),
        "2025-01-31T09:00:00.000+01:00"
    );
    assert_eq!(
        dates::new_value(dates::new_date("2025-01-31").unwrap()),
        None
    );
}

#[test]
fn compiled_expressions_are_reused() {
    let regexes = Regexes::new([("a+", rx())]);
    assert!(matches!(
        regexes.get("a+", rx()),
        Ok(Some(std::borrow::Cow::Borrowed(_)))
    ));
    assert!(matches!(
        regexes.get("b+", rx()),
        Ok(Some(std::borrow::Cow::Owned(_)))
    ));
    assert!(matches!(regexes.get("b", Matching::default()), Ok(None)));
}

proptest! {
    /// Plain find and replace is `str::replace`, whichever path runs it.
    #[test]
    fn plain_replace_through_a_regex_is_str_replace(
        text in "[a-c .$]{0,30}",
        find in "[a-c.$]{1,3}",
        with in "[a-c$1]{0,3}",
    ) {
        let m = Matching { ignore_case: false, whole_word: false, regex: false };
        let r = text::finder(&find, Matching { ignore_case: true, ..m }).unwrap();
        let lower = text.to_lowercase();
        prop_assert_eq!(
            text::replace(&lower, &find, &with, r.as_ref(), Matching { ignore_case: true, ..m }),
            lower.replace(&find, &with)
        );
    }

    /// Replacing a word by a marker that is in no text, then the marker by the word, gives
    /// the text back: no match is lost or doubled.
    #[test]
    fn replace_then_replace_back_restores(text in "[a-z ]{0,40}", find in "[a-z]{1,4}") {
        let m = Matching::default();
        let there = text::replace(&text, &find, "#", None, m);
        prop_assert_eq!(text::replace(&there, "#", &find, None, m), text);
    }

    /// A shift then its opposite restores every date, in its form and zone.
    #[test]
    fn a_shift_and_back_restores_every_date(
        secs in 0i64..4_000_000_000,
        offset_min in -720i32..=840,
        fraction in prop::sample::select(vec![0usize, 3]),
        days in -400i64..400,
        hours in -48i64..48,
        ecma in any::<bool>(),
    ) {
        let offset = time::UtcOffset::from_whole_seconds(offset_min * 60).unwrap();
        let at = time::OffsetDateTime::from_unix_timestamp(secs).unwrap().to_offset(offset);
        let form = if ecma { Form::Ecma } else { Form::Iso { fraction, zulu: offset_min == 0 } };
        let text = dates::write(dates::Dated { at, form });
        let by = time::Duration::days(days) + time::Duration::hours(hours);
        let read = dates::read(&text).unwrap();
        prop_assert_eq!(read.at.offset(), offset);
        let moved = dates::write(dates::shift(read, by).unwrap());
        let back = dates::write(dates::shift(dates::read(&moved).unwrap(), -by).unwrap());
        prop_assert_eq!(back, text);
    }

    /// A template of literal text and fields fills each field with its value, whatever the
    /// literal text holds (braces escaped).
    #[test]
    fn templates_fill_what_they_name(lit in "[a-z{} ]{0,10}", title in "[A-Za-z ]{1,10}") {
        let escaped = lit.replace('{', "{{").replace('}', "}}");
        let md = json!({"dc:title": title.clone()}).as_object().cloned().unwrap();
        let asset = Asset { path: "/content/dam/f/p_1.jpg", metadata: &md };
        let template = format!("{escaped}{{dc:title}}|{{name}}");
        let p = template::pieces(&template).unwrap();
        prop_assert_eq!(
            template::fill(&p, |f| asset.field(f)).unwrap(),
            format!("{lit}{title}|p_1")
        );
    }
}
