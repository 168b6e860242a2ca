//! AEM's metadata schemas (Admin view,
//! <https://experienceleague.adobe.com/en/docs/experience-manager-cloud-service/content/assets/admin/metadata-schemas>):
//! the fields a folder's editors show, with their labels, types, allowed values, required and
//! read-only flags, read from the forms' Sling JSON.
//!
//! - `form.rs`: one form's JSON → its fields (and its MIME sub-forms' fields);
//! - `reading.rs`: which form a folder uses, and reading it over HTTP;
//! - `values.rs`: whether a value fits a field (a dropdown's options, a number, a date…).
//!
//! # The effective form (what is implemented, and what is UNCONFIRMED)
//! 1. **Which form.** The folder's `metadataSchema` (a form's path; a bare name is taken as
//!    a form under [`CONF_FORMS`]), looked for on the folder node and on its `jcr:content`
//!    (which of the two AEM uses is UNCONFIRMED), on the folder, else the nearest ancestor
//!    (AEM: "if a different schema is applied at the subfolder level, the inheritance
//!    stops"); none → the `default` form.
//! 2. **The default form** is `/libs/dam/content/schemaeditors/forms/default`, with
//!    `/conf/…/metadataschema/default` (an administrator's changes, when there is one) over it,
//!    field by field.
//! 3. **A custom form** is a full copy of the tabs (the form editor's "Copy" makes one); it is
//!    read alone, not over `/libs` (UNCONFIRMED: AEM's exact merge of `/libs` and `/conf`).
//! 4. **MIME sub-forms** (child nodes `image`, then `jpeg`, …) hold only the fields they add or
//!    change (the real exported form does so). For an asset of type `image/jpeg` the fields are
//!    the form's, then `image`'s over them, then `image/jpeg`'s: a sub-form's field mapped to a
//!    property already there replaces it ("the latest added field is picked"), a new one joins
//!    the tab of the same title (or a new tab at the end). UNCONFIRMED: whether a custom form
//!    without a sub-form falls back to `/libs`' sub-form (not done), and MIME aliases under
//!    `/etc/dam/metadataeditor/mimetypemappings` (not read).
//! 5. **Not covered** (said where fields are shown): cascading rules (conditional
//!    required/visible/choices), options kept in a JSON file, custom widgets, Assets-view forms.
//!
//! Not here: the cache per connection and folder, and the fallback to free property names
//! (`metadesk_core`'s schema use case).

mod form;
mod reading;
mod values;

use serde::Serialize;
use ts_rs::TS;

pub use form::{FormFields, parse_form};
pub use reading::{
    CONF_FORMS, LIBS_FORMS, Mapping, NodeSource, SchemaError, default_mapping, folder_mapping,
    own_form, parent_in_dam, read_effective, read_mapped,
};
pub use values::{ValueProblem, check_value};

/// What kind of value a field takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum FieldKind {
    /// One line of text.
    Text,
    /// Several lines of text (stored as a string array).
    MultiText,
    Number,
    /// A date (stored as an ISO 8601 date or time).
    Date,
    /// One of [`SchemaField::options`] (several when `multiple`).
    Dropdown,
    /// Tag ids (`namespace:path`), several.
    Tags,
    /// `true` or `false`.
    Checkbox,
    /// A widget Metadesk does not check (a user picker, a path, a rating…): any text.
    Other,
}

/// One allowed value of a dropdown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Choice {
    /// What is stored.
    pub value: String,
    /// What the editor shows.
    pub text: String,
}

/// One field of a form, mapped to an asset metadata property.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SchemaField {
    /// The property under `jcr:content/metadata` (`dc:rights`).
    pub property: String,
    /// The label the editor shows ("Copyright"); the property when the form has none.
    pub label: String,
    /// The tab it sits in ("Basic").
    pub tab: String,
    pub kind: FieldKind,
    /// Whether it takes several values (multi-value text, tags, a multiple dropdown).
    pub multiple: bool,
    /// A dropdown's allowed values (empty: any value, e.g. options from a JSON file).
    pub options: Vec<Choice>,
    pub required: bool,
    /// Disabled for editing in the form ("Disable Edit"): never offered for a change.
    pub read_only: bool,
    /// A number field's lowest and highest value, as the form writes them ("0", "5"); null
    /// where it gives none.
    pub min: Option<String>,
    pub max: Option<String>,
}

/// The fields a MIME sub-form adds or changes (`image/jpeg`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MimeFields {
    /// `image` or `image/jpeg`.
    pub mime: String,
    pub fields: Vec<SchemaField>,
}

/// A folder's effective form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Schema {
    /// The form's path (`/conf/…/metadataschema/brand`, or `/libs/…/forms/default`).
    pub form: String,
    /// The folder whose `metadataSchema` chose it; `None` for the default form.
    pub mapped_on: Option<String>,
    /// The form's own fields, in tab order.
    pub fields: Vec<SchemaField>,
    /// Its MIME sub-forms, parents before children (`image` before `image/jpeg`).
    pub mime_forms: Vec<MimeFields>,
}

/// `base` with `over`'s fields laid over it: a field for a property `base` has replaces it in
/// place (with `over`'s tab), a new one goes after the last field of its tab (or at the end).
pub fn overlay(base: &mut Vec<SchemaField>, over: &[SchemaField]) {
    for field in over {
        if let Some(at) = base.iter().position(|f| f.property == field.property) {
            base[at] = field.clone();
        } else if let Some(last) = base.iter().rposition(|f| f.tab == field.tab) {
            base.insert(last + 1, field.clone());
        } else {
            base.push(field.clone());
        }
    }
}

impl Schema {
    /// The fields for an asset of type `mime` (`image/jpeg`): the form's, with the sub-forms of
    /// its type laid over them (see the module's rule 4). `None` or an unknown type: the form's.
    pub fn fields_for(&self, mime: Option<&str>) -> Vec<SchemaField> {
        let mut fields = self.fields.clone();
        let Some(mime) = mime.map(str::to_ascii_lowercase) else {
            return fields;
        };
        let major = mime.split('/').next().unwrap_or_default().to_owned();
        for sub in &self.mime_forms {
            if sub.mime == major || sub.mime == mime {
                overlay(&mut fields, &sub.fields);
            }
        }
        fields
    }

    /// Every field of the form or one of its sub-forms for `property` (the form's first).
    pub fn field(&self, property: &str) -> Option<&SchemaField> {
        self.fields
            .iter()
            .chain(self.mime_forms.iter().flat_map(|m| m.fields.iter()))
            .find(|f| f.property == property)
    }
}

#[cfg(test)]
mod tests;
