//! The titles people know well-known properties by ("Title" for `dc:title`), as catalogue ids
//! of `locales/*/properties.ftl`: the one table the core's words (a search's conditions, a
//! sheet's columns, a template's `{Title}`) and the window's (`ui/src/features/bulk/editForm.ts`,
//! which reads the same file) name a property by. Any other property keeps its `prefix:name`.

/// Each well-known property with its title's catalogue id. The ids are written out, not built
/// from the property: a [`metadesk_base::i18n::Text`] names its message by a `&'static str`.
pub const PROPERTY_TITLES: [(&str, &str); 8] = [
    ("dc:title", "property-title-dc-title"),
    ("dc:description", "property-title-dc-description"),
    ("dc:rights", "property-title-dc-rights"),
    ("dc:subject", "property-title-dc-subject"),
    ("dc:creator", "property-title-dc-creator"),
    (
        "xmpRights:UsageTerms",
        "property-title-xmprights-usageterms",
    ),
    ("cq:tags", "property-title-cq-tags"),
    (
        "prism:expirationDate",
        "property-title-prism-expirationdate",
    ),
];

/// The catalogue id of `property`'s title, when it is a well-known one.
pub fn title_id(property: &str) -> Option<&'static str> {
    PROPERTY_TITLES
        .iter()
        .find(|(known, _)| *known == property)
        .map(|(_, id)| *id)
}

#[cfg(test)]
mod tests {
    use metadesk_base::i18n::{Lang, Localizer};

    use super::*;

    #[test]
    fn well_known_properties_have_titles_in_both_languages_and_others_none() {
        let en = Localizer::english();
        let fr = Localizer::new(Lang::Fr);
        let title = |l: &Localizer, p| title_id(p).map(|id| l.text(id));
        assert_eq!(title(&en, "dc:rights").as_deref(), Some("Copyright"));
        assert_eq!(
            title(&en, "xmpRights:UsageTerms").as_deref(),
            Some("Usage terms")
        );
        assert_eq!(title(&fr, "dc:title").as_deref(), Some("Titre"));
        assert_eq!(
            title(&fr, "prism:expirationDate").as_deref(),
            Some("Date d’expiration")
        );
        assert_eq!(title_id("dc:language"), None);
        // The table and the catalogue name the same properties: a title added to one alone
        // would be shown by one face and not the other.
        let file = include_str!("../../../locales/en/properties.ftl");
        let mut written: Vec<&str> = file
            .lines()
            .filter_map(|line| line.split_once(" = ").map(|(id, _)| id))
            .filter(|id| id.starts_with("property-title-"))
            .collect();
        let mut table: Vec<&str> = PROPERTY_TITLES.iter().map(|(_, id)| *id).collect();
        written.sort_unstable();
        table.sort_unstable();
        assert_eq!(table, written);
    }
}
