//! Tag ids and tag property names, checked in one place for every path that sends one to AEM:
//! a tag merged, moved, deleted or imported, a tag rewrite of assets, a taxonomy sheet's rows
//! and headers, a preview the window's page sends back, and the tag servlet and tag node
//! requests themselves (`classic.rs`). A name that would reach another node (`..`, `.`, an
//! empty part; `?`, `#` or `%`, which change the address) or another property (`:operation`,
//! `jcr:primaryType`) is refused, naming it and why.
//!
//! Not here: reading the taxonomy (`tags.rs`), asset paths (`asset_path.rs`).

use metadesk_base::i18n::{Text, controls_shown};

use super::tags::TAGS_ROOT;

/// Why `id` is not a tag id, as the catalogue's `tag-id-refused` selector names it.
fn id_problem(id: &str) -> Option<&'static str> {
    if id.is_empty() {
        return Some("empty");
    }
    if id.chars().any(char::is_control) {
        return Some("control");
    }
    if id.chars().any(char::is_whitespace) {
        return Some("space");
    }
    if id.contains(['?', '#', '%']) {
        return Some("address");
    }
    let local = match id.split_once(':') {
        Some((ns, _)) if ns.is_empty() || ns.contains('/') => return Some("namespace"),
        Some((ns, _)) if ns == "." || ns == ".." => return Some("dot-part"),
        Some((_, "")) => return None,
        Some((_, local)) => local,
        None => id,
    };
    if local.contains(':') {
        return Some("colon");
    }
    local.split('/').find_map(|part| match part {
        "" => Some("empty-part"),
        "." | ".." => Some("dot-part"),
        _ => None,
    })
}

/// `id` if it can name a tag: `namespace:path/to/tag`, `namespace:` or a tag of the default
/// namespace (`path/to/tag`); else why not, in words naming it.
pub fn check_tag_id(id: &str) -> Result<(), Text> {
    match id_problem(id) {
        None => Ok(()),
        Some(problem) => Err(Text::new(
            "tag-id-refused",
            vec![
                ("id", controls_shown(id).into()),
                ("problem", problem.into()),
            ],
        )),
    }
}

/// Whether `id` can name a tag ([`check_tag_id`]).
pub fn is_tag_id(id: &str) -> bool {
    id_problem(id).is_none()
}

/// A tag as the tag servlet takes it: its id, or its node's path under the taxonomy's root
/// (`/content/cq:tags/ns/a`), checked as the id it names.
pub fn check_tag_reference(value: &str) -> Result<(), Text> {
    let Some(rest) = value.strip_prefix(&format!("{TAGS_ROOT}/")) else {
        if !value.starts_with('/') {
            return check_tag_id(value);
        }
        return Err(outside(value));
    };
    let id = match rest.split_once('/') {
        Some((ns, local)) => format!("{ns}:{local}"),
        None => format!("{rest}:"),
    };
    match id_problem(&id) {
        None => Ok(()),
        Some(problem) => Err(Text::new(
            "tag-id-refused",
            vec![
                ("id", controls_shown(value).into()),
                ("problem", problem.into()),
            ],
        )),
    }
}

/// The refusal of a path that is not a tag's node.
fn outside(path: &str) -> Text {
    Text::new(
        "tag-id-refused",
        vec![
            ("id", controls_shown(path).into()),
            ("problem", "outside".into()),
        ],
    )
}

/// Whether `code` is a language as AEM names a translated title's (`fr`, `de`, `pt_br`,
/// `zh_hant_tw`): two or three letters, then up to two `_` parts of letters or digits.
pub fn is_language(code: &str) -> bool {
    let mut parts = code.split('_');
    let lang = parts.next().unwrap_or_default();
    let rest: Vec<&str> = parts.collect();
    (2..=3).contains(&lang.len())
        && lang.chars().all(|c| c.is_ascii_alphabetic())
        && rest.len() <= 2
        && rest
            .iter()
            .all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// `name` if it is a tag property Metadesk writes: `jcr:title`, `jcr:title.<language>` or
/// `jcr:description`; else why not, in words naming it (`:operation`, `jcr:primaryType`, a
/// path, a language that is none).
pub fn check_tag_property(name: &str) -> Result<(), Text> {
    if name == "jcr:title" || name == "jcr:description" {
        return Ok(());
    }
    let refused = |problem: &str, lang: &str| {
        Err(Text::new(
            "tag-property-refused",
            vec![
                ("name", controls_shown(name).into()),
                ("problem", problem.into()),
                ("lang", controls_shown(lang).into()),
            ],
        ))
    };
    match name.strip_prefix("jcr:title.") {
        Some(lang) if is_language(lang) => Ok(()),
        Some(lang) => refused("language", lang),
        None => refused("other", ""),
    }
}

/// A tag servlet form (`/bin/tagcommand`) checked before it is sent: each field naming a tag
/// ([`check_tag_reference`]) and each property it sets ([`check_tag_property`]).
pub fn check_tag_command(fields: &[(&str, &str)]) -> Result<(), Text> {
    for (name, value) in fields {
        match *name {
            "cmd" | "_charset_" => {}
            "tag" | "path" | "dest" | "parentTagID" => check_tag_reference(value)?,
            property => check_tag_property(property)?,
        }
    }
    Ok(())
}

/// A Sling POST to a tag's node checked before it is sent: the node is a tag's
/// ([`check_tag_reference`]), each property one Metadesk writes ([`check_tag_property`]).
pub fn check_tag_post<'a>(
    path: &str,
    properties: impl IntoIterator<Item = &'a str>,
) -> Result<(), Text> {
    if !path.starts_with(&format!("{TAGS_ROOT}/")) {
        return Err(outside(path));
    }
    check_tag_reference(path)?;
    properties.into_iter().try_for_each(check_tag_property)
}

#[cfg(test)]
mod tests {
    use super::*;
    use metadesk_base::i18n::Localizer;

    fn why(refused: Result<(), Text>) -> String {
        refused.unwrap_err().localized(&Localizer::english())
    }

    #[test]
    fn tag_ids_that_name_a_tag_pass() {
        for good in [
            "wknd-shared:",
            "wknd-shared:activity/surfing",
            "surfing",
            "default:a/b",
            "ns:v1.2",
            "ns:a..b",
        ] {
            assert!(is_tag_id(good), "{good}");
            assert_eq!(check_tag_id(good), Ok(()));
        }
    }

    /// Seen failing before: `is_tag_id` (bulk's) took `..` and `.` parts and `?`.
    #[test]
    fn tag_ids_that_would_reach_another_node_are_refused_naming_why() {
        for (bad, said) in [
            ("", "it is empty"),
            ("ns:a/../../x", "“.” or “..”"),
            ("ns:a/./b", "“.” or “..”"),
            ("..:a", "“.” or “..”"),
            ("ns:..", "“.” or “..”"),
            ("a/../b", "“.” or “..”"),
            ("ns:a//b", "is empty"),
            ("ns:a/", "is empty"),
            ("ns:/a", "is empty"),
            (":a", "namespace"),
            ("n/s:a", "namespace"),
            ("ns:a:b", "second colon"),
            ("ns:a b", "space"),
            ("ns:a\tb", "control character"),
            ("ns:a?x=1", "address"),
            ("ns:%2e%2e/x", "address"),
            ("ns:a#b", "address"),
        ] {
            assert!(!is_tag_id(bad), "{bad}");
            let text = why(check_tag_id(bad));
            assert!(text.contains(said), "{bad}: {text}");
            assert!(
                text.contains("wknd-shared:activity/surfing"),
                "{bad}: {text}"
            );
        }
        assert!(why(check_tag_id("ns:a\tb")).contains("ns:a\\tb"));
    }

    #[test]
    fn a_tag_named_by_its_path_is_checked_as_its_id() {
        assert_eq!(check_tag_reference("/content/cq:tags/ns/a/b"), Ok(()));
        assert_eq!(check_tag_reference("/content/cq:tags/ns"), Ok(()));
        assert_eq!(check_tag_reference("ns:a"), Ok(()));
        for bad in [
            "/content/cq:tags/ns/a/../../x",
            "/content/cq:tags/../dam",
            "/content/dam/a",
            "/content/cq:tags/",
        ] {
            assert!(check_tag_reference(bad).is_err(), "{bad}");
        }
    }

    /// What the tag servlet and a tag's node are sent is checked as a whole. Seen failing
    /// before: `classic.rs` sent any form and any property.
    #[test]
    fn a_tag_command_or_post_naming_another_node_or_property_is_refused() {
        let create = [("cmd", "createTag"), ("tag", "ns:a"), ("jcr:title", "A")];
        assert_eq!(check_tag_command(&create), Ok(()));
        let moved = [
            ("cmd", "moveTag"),
            ("path", "ns:a"),
            ("dest", "/content/cq:tags/ns/b"),
        ];
        assert_eq!(check_tag_command(&moved), Ok(()));
        for bad in [
            [
                ("cmd", "moveTag"),
                ("path", "ns:a/../../x"),
                ("dest", "ns:b"),
            ],
            [("cmd", "mergeTag"), ("path", "ns:a"), ("dest", "ns:./b")],
            [
                ("cmd", "createTag"),
                ("tag", "ns:a"),
                (":operation", "delete"),
            ],
        ] {
            assert!(check_tag_command(&bad).is_err(), "{bad:?}");
        }
        let node = "/content/cq:tags/ns/a";
        assert_eq!(
            check_tag_post(node, ["jcr:title.fr", "jcr:description"]),
            Ok(())
        );
        assert!(check_tag_post(node, [":operation"]).is_err());
        assert!(check_tag_post(node, ["jcr:primaryType"]).is_err());
        assert!(check_tag_post("/content/cq:tags/ns/a/..", ["jcr:title"]).is_err());
        assert!(check_tag_post("/content/dam/a", ["jcr:title"]).is_err());
        assert!(
            check_tag_post("ns:a", ["jcr:title"]).is_err(),
            "a node's path"
        );
    }

    /// Seen failing before: nothing checked a tag's property names.
    #[test]
    fn only_a_tags_titles_and_description_are_tag_properties() {
        for good in [
            "jcr:title",
            "jcr:description",
            "jcr:title.fr",
            "jcr:title.pt_br",
            "jcr:title.zh_hant_tw",
            "jcr:title.es_419",
        ] {
            assert_eq!(check_tag_property(good), Ok(()), "{good}");
        }
        for bad in [
            ":operation",
            "jcr:primaryType",
            "jcr:title/../x",
            "./jcr:title",
            "../jcr:title",
            "jcr:mixinTypes",
            "",
        ] {
            let text = why(check_tag_property(bad));
            assert!(text.contains("only a tag’s title"), "{bad}: {text}");
        }
        for bad in [
            "jcr:title.",
            "jcr:title.klingon",
            "jcr:title.f",
            "jcr:title.fr/../x",
            "jcr:title.fr.x",
            "jcr:title.fr_",
            "jcr:title.fr\n",
        ] {
            let text = why(check_tag_property(bad));
            assert!(text.contains("not a language code"), "{bad}: {text}");
        }
    }
}
