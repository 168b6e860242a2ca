//! A template names fields the way the form shows them (`{Title}`, `{City}`), not only by
//! property (`{dc:title}`): each label is written as its property before the edit is checked,
//! previewed or sampled, so the journal, the report and an undo keep the property. A label is
//! the folder's form's (whatever its case), else a well-known property's title in English or
//! French (`metadesk_bulk::property_titles`).
//!
//! Not here: reading a template (`bulk::compute::template`), the form itself (`mod.rs`).

use metadesk_assets::schema::Schema;
use metadesk_base::i18n::{Lang, Localizer};
use metadesk_bulk::compute::template;
use metadesk_bulk::property_titles::PROPERTY_TITLES;
use metadesk_bulk::{Edit, EditOp};

/// The property `label` names: the form's field of that label, else a common property's.
fn property_of(label: &str, schema: Option<&Schema>) -> Option<String> {
    let same = |a: &str| a.trim().to_lowercase() == label.trim().to_lowercase();
    let fields = schema.into_iter().flat_map(|s| {
        s.fields
            .iter()
            .chain(s.mime_forms.iter().flat_map(|m| m.fields.iter()))
    });
    if let Some(field) = fields.into_iter().find(|f| same(&f.label)) {
        return Some(field.property.clone());
    }
    [Localizer::english(), Localizer::new(Lang::Fr)]
        .iter()
        .find_map(|l| PROPERTY_TITLES.iter().find(|(_, id)| same(&l.text(id))))
        .map(|(property, _)| (*property).to_owned())
}

/// `edits` with the labels their templates name written as properties.
pub fn templates_by_property(edits: &mut [Edit], schema: Option<&Schema>) {
    for edit in edits {
        let mut op = &mut edit.op;
        // A rule that applies only where the property is (or is not) empty holds its own.
        while let EditOp::Where { op: inner, .. } = op {
            op = inner;
        }
        if let EditOp::Template { template: text } = op {
            *text = template::with_properties(text, |label| property_of(label, schema));
        }
    }
}
