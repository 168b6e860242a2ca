//! Which form a folder uses and reading it, over Sling's default GET JSON: the folder's
//! `metadataSchema` (<https://experienceleague.adobe.com/en/docs/experience-manager-cloud-service/content/assets/admin/metadata-schemas>)
//! on its node or its `jcr:content`, else its nearest ancestor's, else `default`; the form read
//! whole (`.infinity.json`). Adobe documents no HTTP read of the forms: reading them this way is
//! UNCONFIRMED on AEM as a Cloud Service.
//!
//! Not here: the forms' shape (`form.rs`), the cache and the fallback (the core's use case).
//! A form too large for one `.infinity.json` (Sling's `300 Multiple Choices`) is not walked
//! level by level: it fails like an unreadable form.

use metadesk_clients::aem::auth::BoxFuture;
use serde_json::Value;

use super::{FormFields, MimeFields, Schema, overlay, parse_form};
use crate::{AssetsApi, CallError, DAM_ROOT};

/// What reading a schema asks of AEM: nodes' Sling JSON. Any [`AssetsApi`] is one; a report
/// sends them through the engine's gate and retries instead (the core's).
pub trait NodeSource: Sync {
    /// [`AssetsApi::node_json`]: `{path}.json`, or `{path}.{selector}.json`.
    fn read_node<'a>(
        &'a self,
        path: &'a str,
        selector: &'a str,
    ) -> BoxFuture<'a, Result<Value, CallError>>;
}

impl<T: AssetsApi + ?Sized> NodeSource for T {
    fn read_node<'a>(
        &'a self,
        path: &'a str,
        selector: &'a str,
    ) -> BoxFuture<'a, Result<Value, CallError>> {
        self.node_json(path, selector)
    }
}

/// Where custom and customised forms live.
pub const CONF_FORMS: &str = "/conf/global/settings/dam/adminui-extension/metadataschema";
/// Where the built-in forms live.
pub const LIBS_FORMS: &str = "/libs/dam/content/schemaeditors/forms";

/// The form a folder uses, and the folder whose `metadataSchema` chose it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mapping {
    pub form: String,
    /// `None`: no folder on the way up names a form; the default one applies.
    pub mapped_on: Option<String>,
}

fn schema_of(node: &Value) -> Option<String> {
    node.get("metadataSchema")
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            if s.starts_with('/') {
                s.trim_end_matches('/').to_owned()
            } else {
                // A bare form name (older content): under the custom forms.
                format!("{CONF_FORMS}/{s}")
            }
        })
}

fn parent(path: &str) -> Option<&str> {
    path.rsplit_once('/')
        .map(|(p, _)| p)
        .filter(|p| !p.is_empty())
}

/// The form `folder` (a DAM path) uses: its own `metadataSchema` (on the folder node, then on
/// its `jcr:content`), else the nearest ancestor's, else the default form. A folder that does
/// not exist is an error; so is any read that fails.
pub async fn folder_mapping(
    api: &(impl NodeSource + ?Sized),
    folder: &str,
) -> Result<Mapping, CallError> {
    let mut at = folder.trim_end_matches('/').to_owned();
    loop {
        if let Some(form) = own_form(api, &at).await? {
            return Ok(Mapping {
                form,
                mapped_on: Some(at),
            });
        }
        match parent_in_dam(&at) {
            Some(p) => at = p.to_owned(),
            None => return Ok(default_mapping()),
        }
    }
}

/// The form `folder` names itself (on its node, then on its `jcr:content`), `None` when it
/// names none (it takes its parent's). Two requests at most; a folder that does not exist is
/// an error.
pub async fn own_form(
    api: &(impl NodeSource + ?Sized),
    folder: &str,
) -> Result<Option<String>, CallError> {
    let node = api.read_node(folder, "").await?;
    if let Some(form) = schema_of(&node) {
        return Ok(Some(form));
    }
    match api.read_node(&format!("{folder}/jcr:content"), "").await {
        Ok(content) => Ok(schema_of(&content)),
        Err(CallError::NotFound) => Ok(None),
        Err(e) => Err(e),
    }
}

/// The folder whose form `folder` takes when it names none itself; `None` at the DAM root.
pub fn parent_in_dam(folder: &str) -> Option<&str> {
    parent(folder).filter(|p| folder != DAM_ROOT && p.starts_with(DAM_ROOT))
}

/// The mapping of a folder no folder on the way up names a form for.
pub fn default_mapping() -> Mapping {
    Mapping {
        form: format!("{CONF_FORMS}/default"),
        mapped_on: None,
    }
}

/// `form`'s fields, `None` when it does not exist.
async fn read_form(
    api: &(impl NodeSource + ?Sized),
    form: &str,
) -> Result<Option<FormFields>, CallError> {
    match api.read_node(form, "infinity").await {
        Ok(node) => Ok(Some(parse_form(&node))),
        Err(CallError::NotFound) => Ok(None),
        Err(e) => Err(e),
    }
}

/// `base`'s sub-forms with `over`'s laid over them, MIME type by MIME type.
fn overlay_forms(base: &mut Vec<MimeFields>, over: Vec<MimeFields>) {
    for sub in over {
        match base.iter_mut().find(|b| b.mime == sub.mime) {
            Some(b) => overlay(&mut b.fields, &sub.fields),
            None => base.push(sub),
        }
    }
}

/// Why a folder's effective form could not be had.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SchemaError {
    /// The folder (or an ancestor) could not be read: the folder's own problem.
    Folder(CallError),
    /// The form could not be read (`NotFound`: it does not exist; `Forbidden`: no read on
    /// `/conf` or `/libs`): the person edits with free property names instead.
    Form { form: String, error: CallError },
}

/// The effective form of `folder` (see the module `schema`'s rules).
pub async fn read_effective(
    api: &(impl NodeSource + ?Sized),
    folder: &str,
) -> Result<Schema, SchemaError> {
    let mapping = folder_mapping(api, folder)
        .await
        .map_err(SchemaError::Folder)?;
    read_mapped(api, mapping).await
}

/// The form `mapping` names, read (the default one: the built-in form with its customised
/// copy laid over it).
pub async fn read_mapped(
    api: &(impl NodeSource + ?Sized),
    mapping: Mapping,
) -> Result<Schema, SchemaError> {
    let form_error = |form: &str| {
        let form = form.to_owned();
        move |error| SchemaError::Form { form, error }
    };
    let name = mapping.form.rsplit('/').next().unwrap_or_default();
    let is_default = name == "default"
        && (mapping.form.starts_with(CONF_FORMS) || mapping.form.starts_with(LIBS_FORMS));
    let (form, fields) = if is_default {
        let libs = read_form(api, &format!("{LIBS_FORMS}/default"))
            .await
            .map_err(form_error(&mapping.form))?;
        let conf = read_form(api, &format!("{CONF_FORMS}/default"))
            .await
            .map_err(form_error(&mapping.form))?;
        match (libs, conf) {
            (None, None) => return Err(form_error(&mapping.form)(CallError::NotFound)),
            (Some(l), None) => (format!("{LIBS_FORMS}/default"), l),
            (None, Some(c)) => (format!("{CONF_FORMS}/default"), c),
            (Some(mut l), Some(c)) => {
                overlay(&mut l.fields, &c.fields);
                overlay_forms(&mut l.mime_forms, c.mime_forms);
                (format!("{CONF_FORMS}/default"), l)
            }
        }
    } else {
        let fields = read_form(api, &mapping.form)
            .await
            .map_err(form_error(&mapping.form))?
            .ok_or_else(|| form_error(&mapping.form)(CallError::NotFound))?;
        (mapping.form.clone(), fields)
    };
    Ok(Schema {
        form,
        mapped_on: mapping.mapped_on,
        fields: fields.fields,
        mime_forms: fields.mime_forms,
    })
}
