//! Column headers: the key columns (path, name, last modified), our `Title (dc:title)` form,
//! AEM's typed form `dc:title {{String}}` / `dc:subject {{String: multi}}`, and the fields
//! Metadesk names in words. Metadesk writes them in the exporter's language and reads them back
//! in any language of the catalogue ([`ExportWords`]).
//!
//! Not here: cell values (`cells`, `parsing`).

use serde::Serialize;
use ts_rs::TS;

use super::said;
use metadesk_base::i18n::{Lang, Localizer, Text, arg};
use metadesk_bulk::property_titles::title_id;
use metadesk_bulk::spec::validate_property;

/// What a column's values must look like.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ValueKind {
    Text,
    /// A date and time (AEM's `Date`).
    Date,
    /// A whole number (`Long`).
    Integer,
    /// A number (`Double`, `Decimal`, AEM's `Number`).
    Number,
    /// `true` or `false`.
    Boolean,
}

/// A property Metadesk names in words (the same list as the bulk edit form); its title is
/// `metadesk_bulk::property_titles`'.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KnownField {
    pub property: &'static str,
    pub multi: bool,
    pub kind: ValueKind,
}

pub const KNOWN_FIELDS: &[KnownField] = &[
    field("dc:title", false, ValueKind::Text),
    field("dc:description", false, ValueKind::Text),
    field("dc:rights", false, ValueKind::Text),
    field("dc:subject", true, ValueKind::Text),
    field("dc:creator", true, ValueKind::Text),
    field("xmpRights:UsageTerms", false, ValueKind::Text),
    field("cq:tags", true, ValueKind::Text),
    field("prism:expirationDate", false, ValueKind::Date),
];

const fn field(property: &'static str, multi: bool, kind: ValueKind) -> KnownField {
    KnownField {
        property,
        multi,
        kind,
    }
}

pub fn known_field(property: &str) -> Option<&'static KnownField> {
    KNOWN_FIELDS.iter().find(|f| f.property == property)
}

/// The headers Metadesk writes for the key columns (path, name, last modified), in `l`'s
/// language.
pub fn key_headers(l: &Localizer) -> [String; 3] {
    KEY_HEADER_IDS.map(|id| l.text(id))
}

const KEY_HEADER_IDS: [&str; 3] = [
    "sheet-column-path",
    "sheet-column-name",
    "sheet-column-modified",
];

/// The header of the last column Metadesk writes: each exported value's code, by which the
/// import tells a colleague's change since the export (`metadesk_assets::fingerprint`).
pub fn exported_header(l: &Localizer) -> String {
    l.text(EXPORTED_HEADER_ID)
}

const EXPORTED_HEADER_ID: &str = "sheet-column-exported";

/// The header Metadesk writes for a property, in `l`'s language: `Title (dc:title)`,
/// `Keywords (dc:subject) — values separated by |`; a property without a name in words gets
/// its own name as label.
pub fn property_header(l: &Localizer, property: &str, multi: bool) -> String {
    let label = title_id(property).map_or_else(|| property.to_owned(), |id| l.text(id));
    let id = if multi {
        "sheet-column-property-multi"
    } else {
        "sheet-column-property"
    };
    l.msg(id, &[("label", arg(label)), ("property", arg(property))])
}

/// The fixed words of a Metadesk export in every language it may have been written in: a
/// sheet exported from a French window is read back in an English one (a colleague's, the
/// CLI's), and the other way round. Built once per sheet read (it reads every language's
/// catalogue).
pub struct ExportWords {
    path: Vec<String>,
    name: Vec<String>,
    modified: Vec<String>,
    exported: Vec<String>,
    /// The name of the workbook's "About this export" sheet.
    pub about_sheet: Vec<String>,
    /// The About sheet's line naming the exported folder.
    pub about_folder: Vec<String>,
}

impl ExportWords {
    pub fn of_every_language() -> Self {
        let all: Vec<Localizer> = Lang::ALL.into_iter().map(Localizer::new).collect();
        let texts = |id: &str| -> Vec<String> { all.iter().map(|l| l.text(id)).collect() };
        let keys = |id: &str| -> Vec<String> { texts(id).iter().map(|t| key_words(t)).collect() };
        ExportWords {
            path: keys(KEY_HEADER_IDS[0]),
            name: keys(KEY_HEADER_IDS[1]),
            modified: keys(KEY_HEADER_IDS[2]),
            exported: keys(EXPORTED_HEADER_ID),
            about_sheet: texts("sheet-about-name"),
            about_folder: texts("sheet-about-folder"),
        }
    }
}

/// What a header says a column is.
#[derive(Debug, Clone, PartialEq)]
pub enum Header {
    Path,
    Name,
    LastModified,
    /// The exported values' codes.
    ExportedValues,
    Property {
        property: String,
        multi: Option<bool>,
        kind: ValueKind,
        /// Written in AEM's typed grammar.
        aem: bool,
    },
    /// An empty header.
    Empty,
    /// Not understood; the reason and how to fix it, in words.
    Bad(Text),
}

/// A header's words before any bracket, lower case, letters and digits only: "Last modified
/// (do not change)" → "lastmodified".
fn key_words(header: &str) -> String {
    let before = header.split('(').next().unwrap_or(header);
    before
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// Reads one header; `words` are the key columns' headers Metadesk writes in each language.
pub fn parse_header(raw: &str, words: &ExportWords) -> Header {
    let text = raw.trim();
    if text.is_empty() {
        return Header::Empty;
    }
    let key = key_words(text);
    let is = |known: &[String], also: &[&str]| known.contains(&key) || also.contains(&key.as_str());
    if is(&words.path, &["path", "assetpath", "jcrpath"]) {
        return Header::Path;
    }
    if is(&words.name, &["name", "filename", "assetname"]) {
        return Header::Name;
    }
    if is(
        &words.modified,
        &["lastmodified", "modified", "jcrlastmodified"],
    ) {
        return Header::LastModified;
    }
    if is(&words.exported, &[]) {
        return Header::ExportedValues;
    }
    if text.contains("{{") || text.contains("}}") {
        return parse_aem_header(text);
    }
    // `Words (prefix:name)`, possibly followed by the multi-value note.
    if let (Some(open), Some(close)) = (text.find('('), text.find(')'))
        && open < close
    {
        let inside = &text[open + 1..close];
        let Ok(property) = validate_property(inside) else {
            return Header::Bad(said(
                "sheet-header-bad-brackets",
                vec![("header", text.into()), ("inside", inside.into())],
            ));
        };
        // Our multi-value note, in whichever language it was written, is the only text after
        // the bracket that mentions the separator.
        let said_multi = text[close..].contains('|');
        return property_header_of(property, said_multi.then_some(true), None, false);
    }
    match validate_property(text) {
        Ok(property) => property_header_of(property, None, None, false),
        Err(_) if text.contains(':') => Header::Bad(said(
            "sheet-header-bad-property",
            vec![("header", text.into())],
        )),
        Err(_) => Header::Bad(said(
            "sheet-header-no-property",
            vec![("header", text.into())],
        )),
    }
}

fn property_header_of(
    property: String,
    multi: Option<bool>,
    kind: Option<ValueKind>,
    aem: bool,
) -> Header {
    let known = known_field(&property);
    Header::Property {
        multi: multi.or(known.map(|f| f.multi)),
        kind: kind.or(known.map(|f| f.kind)).unwrap_or(ValueKind::Text),
        property,
        aem,
    }
}

/// AEM's `name {{Type}}`, `name {{Type: multi}}`, `name {{Date: DateFormat: pattern}}`:
/// spaces around `{{`, `:` and `}}` tolerated, the type in any case (AEM: "Property Type is
/// case insensitive"), the name as written (AEM: "Property Name is case-sensitive").
fn parse_aem_header(text: &str) -> Header {
    // `why` is one of the `sheet-aem-header-why` variants.
    let bad = |why: &str| {
        Header::Bad(said(
            "sheet-aem-header-bad",
            vec![("header", text.into()), ("why", why.into())],
        ))
    };
    let (Some(open), Some(close)) = (text.find("{{"), text.rfind("}}")) else {
        return bad("unclosed");
    };
    if close < open || !text[close + 2..].trim().is_empty() {
        return bad("text-after");
    }
    let name = text[..open].trim();
    let Ok(property) = validate_property(name) else {
        return bad("no-property");
    };
    let parts: Vec<String> = text[open + 2..close]
        .split(':')
        .map(|p| p.trim().to_lowercase())
        .collect();
    let kind = match parts[0].as_str() {
        "" | "string" | "name" | "path" | "uri" | "reference" | "weakreference" => ValueKind::Text,
        "date" => ValueKind::Date,
        "long" | "int" | "integer" => ValueKind::Integer,
        "double" | "decimal" | "number" | "float" => ValueKind::Number,
        "boolean" => ValueKind::Boolean,
        other => {
            return Header::Bad(said(
                "sheet-aem-header-bad-type",
                vec![("header", text.into()), ("type", other.into())],
            ));
        }
    };
    let rest = &parts[1..];
    let multi = rest.iter().any(|p| p == "multi");
    // `Date: DateFormat: pattern` names a date pattern; Metadesk reads ISO dates whatever
    // the pattern, and anything else is refused with a message.
    if rest
        .iter()
        .any(|p| p != "multi" && p != "dateformat" && kind != ValueKind::Date)
    {
        return bad("option");
    }
    property_header_of(property, Some(multi), Some(kind), true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prop(h: Header) -> (String, Option<bool>, ValueKind, bool) {
        match h {
            Header::Property {
                property,
                multi,
                kind,
                aem,
            } => (property, multi, kind, aem),
            other => panic!("not a property: {other:?}"),
        }
    }

    fn parse_header(raw: &str) -> Header {
        super::parse_header(raw, &ExportWords::of_every_language())
    }

    #[test]
    fn key_columns_in_both_dialects() {
        let [path, name, modified] = key_headers(&Localizer::english());
        assert_eq!(path, "Path (key)");
        assert_eq!(parse_header(&path), Header::Path);
        assert_eq!(parse_header("assetPath"), Header::Path);
        assert_eq!(parse_header(" Path "), Header::Path);
        assert_eq!(parse_header(&name), Header::Name);
        assert_eq!(parse_header(&modified), Header::LastModified);
        assert_eq!(parse_header(""), Header::Empty);
    }

    #[test]
    fn headers_written_in_french_read_in_french_and_back() {
        let fr = Localizer::new(Lang::Fr);
        let [path, name, modified] = key_headers(&fr);
        assert_eq!(path, "Chemin (clé)");
        assert_eq!(parse_header(&path), Header::Path);
        assert_eq!(parse_header(&name), Header::Name);
        assert_eq!(parse_header(&modified), Header::LastModified);
        let keywords = property_header(&fr, "dc:subject", true);
        assert_eq!(keywords, "Mots-clés (dc:subject) — valeurs séparées par |");
        assert_eq!(
            prop(parse_header(&keywords)),
            ("dc:subject".into(), Some(true), ValueKind::Text, false)
        );
        assert_eq!(property_header(&fr, "dc:title", false), "Titre (dc:title)");
        // A property Metadesk has no words for is named by itself, in any language.
        assert_eq!(
            property_header(&fr, "photoshop:Headline", false),
            "photoshop:Headline (photoshop:Headline)"
        );
    }

    #[test]
    fn our_headers_round_trip() {
        let h = property_header(&Localizer::english(), "dc:subject", true);
        assert_eq!(h, "Keywords (dc:subject) — values separated by |");
        assert_eq!(
            prop(parse_header(&h)),
            ("dc:subject".into(), Some(true), ValueKind::Text, false)
        );
        assert_eq!(
            prop(parse_header("Headline (photoshop:Headline)")),
            ("photoshop:Headline".into(), None, ValueKind::Text, false)
        );
        assert_eq!(
            prop(parse_header("dc:title")),
            ("dc:title".into(), Some(false), ValueKind::Text, false)
        );
    }

    #[test]
    fn aem_typed_headers() {
        for (h, multi, kind) in [
            ("dc:title{{String}}", false, ValueKind::Text),
            ("dc:subject{{String: multi }}", true, ValueKind::Text),
            ("title {{ String : multi }}:x", false, ValueKind::Text),
            ("photoshop:DateCreated{{Date}}", false, ValueKind::Date),
            (
                "commerce:positions{{Number: multi}}",
                true,
                ValueKind::Number,
            ),
            ("xmp:Rating {{long}}", false, ValueKind::Integer),
            (
                "xmp:CreateDate {{Date: DateFormat: yyyy-MM-dd'T'HH:mm:ssXXX}}",
                false,
                ValueKind::Date,
            ),
        ] {
            match parse_header(h) {
                Header::Property {
                    multi: m, kind: k, ..
                } => assert_eq!((m, k), (Some(multi), kind), "{h}"),
                Header::Bad(why) => assert!(h.ends_with(":x"), "{h}: {why:?}"),
                other => panic!("{h}: {other:?}"),
            }
        }
    }

    #[test]
    fn malformed_headers_say_how_to_fix() {
        for (h, says) in [
            ("dc:title {{Strng}}", "does not know"),
            ("dc:title {{String", "unclosed"),
            ("Dc Title {{String}}", "does not start with a property name"),
            ("Notes", "names no property"),
            ("dc:ti tle", "not a property name"),
            ("Title (dc title)", "not a property name"),
        ] {
            match parse_header(h) {
                Header::Bad(why) => {
                    let why = why.localized(&metadesk_base::i18n::Localizer::english());
                    assert!(why.contains(says), "{h}: {why}")
                }
                other => panic!("{h}: {other:?}"),
            }
        }
    }
}
