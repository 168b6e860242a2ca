//! Column headers: the key columns (path, name, last modified), our `Title (dc:title)` form,
//! AEM's typed form `dc:title {{String}}` / `dc:subject {{String: multi}}`, and the fields
//! Metadesk names in words.
//!
//! Not here: cell values (`cells`, `parsing`).

use serde::Serialize;
use ts_rs::TS;

use super::said;
use crate::bulk::spec::validate_property;
use crate::i18n::Message;

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

/// A property Metadesk names in words (the same list as the bulk edit form).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KnownField {
    pub property: &'static str,
    pub label: &'static str,
    pub multi: bool,
    pub kind: ValueKind,
}

pub const KNOWN_FIELDS: &[KnownField] = &[
    field("dc:title", "Title", false, ValueKind::Text),
    field("dc:description", "Description", false, ValueKind::Text),
    field("dc:rights", "Copyright", false, ValueKind::Text),
    field("dc:subject", "Keywords", true, ValueKind::Text),
    field("dc:creator", "Creator", true, ValueKind::Text),
    field(
        "xmpRights:UsageTerms",
        "Usage terms",
        false,
        ValueKind::Text,
    ),
    field("cq:tags", "Tags", true, ValueKind::Text),
    field("prism:expirationDate", "Expires", false, ValueKind::Date),
];

const fn field(
    property: &'static str,
    label: &'static str,
    multi: bool,
    kind: ValueKind,
) -> KnownField {
    KnownField {
        property,
        label,
        multi,
        kind,
    }
}

pub fn known_field(property: &str) -> Option<&'static KnownField> {
    KNOWN_FIELDS.iter().find(|f| f.property == property)
}

/// The header Metadesk writes for the path column.
pub const PATH_HEADER: &str = "Path (key)";
/// The header Metadesk writes for the name column.
pub const NAME_HEADER: &str = "Name (not written)";
/// The header Metadesk writes for the last-modified column.
pub const MODIFIED_HEADER: &str = "Last modified (do not change)";
/// What a multi-valued column's header ends with.
const MULTI_SUFFIX: &str = "values separated by |";

/// The header Metadesk writes for a property: `Title (dc:title)`, `Keywords (dc:subject) —
/// values separated by |`; a property without a name in words gets its own name as label.
pub fn property_header(property: &str, multi: bool) -> String {
    let label = known_field(property).map_or(property, |f| f.label);
    if multi {
        format!("{label} ({property}) — {MULTI_SUFFIX}")
    } else {
        format!("{label} ({property})")
    }
}

/// What a header says a column is.
#[derive(Debug, Clone, PartialEq)]
pub enum Header {
    Path,
    Name,
    LastModified,
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
    Bad(Message),
}

fn words(s: &str) -> String {
    s.trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// Reads one header.
pub fn parse_header(raw: &str) -> Header {
    let text = raw.trim();
    if text.is_empty() {
        return Header::Empty;
    }
    let key = words(text.split('(').next().unwrap_or(text));
    match key.as_str() {
        "path" | "assetpath" | "jcrpath" => return Header::Path,
        "name" | "filename" | "assetname" => return Header::Name,
        "lastmodified" | "modified" | "jcrlastmodified" => return Header::LastModified,
        _ => {}
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
        let said_multi = text[close..].contains(MULTI_SUFFIX);
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

    #[test]
    fn key_columns_in_both_dialects() {
        assert_eq!(parse_header(PATH_HEADER), Header::Path);
        assert_eq!(parse_header("assetPath"), Header::Path);
        assert_eq!(parse_header(" Path "), Header::Path);
        assert_eq!(parse_header(NAME_HEADER), Header::Name);
        assert_eq!(parse_header(MODIFIED_HEADER), Header::LastModified);
        assert_eq!(parse_header(""), Header::Empty);
    }

    #[test]
    fn our_headers_round_trip() {
        let h = property_header("dc:subject", true);
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
                    let why = why.localized(&crate::i18n::Localizer::english());
                    assert!(why.contains(says), "{h}: {why}")
                }
                other => panic!("{h}: {other:?}"),
            }
        }
    }
}
