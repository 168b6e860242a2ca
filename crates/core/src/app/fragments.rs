//! Content fragments as use cases: list a folder's fragments (of one model or all) with their
//! models' fields, check edits against those fields, and preview an edit of them as a run, which
//! is then applied, resumed, undone and reported as any run (`runs.rs` opens the Sites API for a
//! run whose journal says it edits fragments: [`Workspace::assets_for`]).
//!
//! A listing is a job like a count (any new job, or Cancel, stops it at once), so a slow or
//! endless server never holds the window. Each use case opens its own Sites API client, so what
//! one learns (ids, representations, cursors) is freed when it ends.
//!
//! Only OAuth Server-to-Server connections reach AEM's Sites API (its clients are allow-listed
//! per environment); another kind is refused in words before anything is sent.
//!
//! Not here: the Sites API's wire format (`metadesk_assets::fragments`), planning and writing
//! (`metadesk_bulk`).
//!
//! The use case in full (ARCHITECTURE.md points here): content fragments' fields in bulk (Sites
//! API, OAuth S2S only, refused in words before anything is sent): list a folder's fragments with
//! their models' fields (a `Schema`; a list of fragment paths is listed from the folder holding
//! them, `FragmentRequest.list`), check edits against the fields (type, options, one value,
//! references), preview an edit as a run (`ScopeFilters.fragments`); the run's apply, resume, undo
//! and retry open the Sites API (`Workspace::assets_for`); rich text edited in its text only. Here:
//! `fragments.rs`. The layers below: `assets/fragments/` (`FragmentsApi` behind `AssetsApi`: pages
//! of 50 by cursor, read with ETag, JSON Patch with If-Match against that read),
//! `bulk/compute/markup.rs`, `engine/fragment_list.rs`, `rules::validate_field`. The window:
//! `commands/fragments.rs` (`list_fragments`; its preview the `preview` command's fragments ask; the run's apply, report, undo
//! and republish as any run's: the republish through the Sites API's publication, issue 68); Bulk edit's *Content fragments* (`ui/src/features/bulk/FragmentsPanel.svelte`,
//! `fragments.svelte.ts`). The CLI: `fragments list\|set\|append\|remove\|clear\|replace`
//! (`fragments.rs`).

use std::sync::Arc;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use ts_rs::TS;

use super::jobs::job_on;
use super::previews::{FragmentEdit, OnProgress};
use super::schemas::{FolderSchema, edit_problems};
use super::{JobKind, Opened, Workspace};
use metadesk_assets::folders::DamFolder;
use metadesk_assets::fragments::{Fragment, FragmentsApi, Model, ModelRef, schema_of};
use metadesk_assets::schema::Schema;
use metadesk_assets::{AssetsApi, CallError};
use metadesk_base::i18n::{Part, Text};
use metadesk_bulk::scope::ScopeSource;
use metadesk_bulk::{
    Edit, EditOp, Engine, FragmentScope, RunKind, RunScope, RunSource, RunSummary, ScopeFilters,
};
use metadesk_clients::error::{Error, ErrorCode, Result};

/// One fragment as the faces list it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FragmentRow {
    pub path: String,
    pub title: String,
    /// The model's title (its name when it has none).
    pub model: String,
    /// `DRAFT`, `MODIFIED`, `UNPUBLISHED`, `PUBLISHED`… as AEM says it.
    pub status: String,
    /// Its fields' values by name, as an edit sees them (single fields one text, multiple a
    /// list); empty fields are absent.
    #[ts(type = "Record<string, unknown>")]
    pub values: Map<String, Value>,
}

/// One model the listed fragments follow.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FragmentModel {
    pub name: String,
    pub title: String,
    pub fragments: u64,
}

/// A folder's fragments and the fields their models give.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FragmentList {
    pub folder: String,
    pub fragments: Vec<FragmentRow>,
    /// Every model of the folder's fragments (before the model filter), for the model picker.
    pub models: Vec<FragmentModel>,
    /// The fields an edit may change, with their labels, types, options: the fragment's own
    /// title and description, then the models' fields.
    pub fields: Schema,
    /// The fields that hold references (a path under `/content`).
    pub references: Vec<String>,
}

/// What the window asks to list a folder's fragments (of one model, or all).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FragmentListRequest {
    pub connection_id: String,
    /// `/content/dam/…`.
    pub folder: String,
    /// A model's name; every model when absent.
    #[serde(default)]
    #[ts(optional)]
    pub model: Option<String>,
}

/// What the window asks to preview an edit of a folder's fragments, or of a list of them.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FragmentRequest {
    pub connection_id: String,
    /// `/content/dam/…`; its whole subtree (unused when `list` is given).
    pub folder: String,
    /// A model's name; every model when absent.
    #[serde(default)]
    #[ts(optional)]
    pub model: Option<String>,
    /// Fragment paths, one per entry: these fragments rather than the folder's.
    #[serde(default)]
    #[ts(optional)]
    pub list: Option<Vec<String>>,
    pub edits: Vec<Edit>,
}

/// Refuses, before anything is sent, a connection that cannot reach the Sites API.
fn require_sites_api(opened: &Opened) -> Result<()> {
    if opened.connection().kind.edits_fragments() {
        return Ok(());
    }
    Err(Error::message(
        ErrorCode::InvalidInput,
        "error-fragments-need-oauth",
        vec![("name", opened.label.as_str().into())],
    ))
}

/// A failure of the Sites API, in words naming the folder.
fn sites_failed(folder: &str, e: CallError) -> Error {
    match e {
        CallError::NotFound => Error::message(
            ErrorCode::NotFound,
            "error-no-such-folder",
            vec![("folder", folder.into())],
        ),
        CallError::Forbidden(_) => Error::message(
            ErrorCode::Auth,
            "error-fragments-forbidden",
            vec![("folder", folder.into())],
        ),
        CallError::Auth(e) | CallError::Unreachable(e) | CallError::Aem(e) => Error::Aem(e),
        // Metadesk's own refusal (a list that loops, an ETag too long): its words alone.
        CallError::Rejected { status: 0, detail } => Error::worded(
            ErrorCode::InvalidInput,
            Text::new(
                "error-fragments-failed",
                vec![("folder", folder.into()), ("detail", detail.into())],
            ),
        ),
        other => Error::worded(
            ErrorCode::InvalidInput,
            Text::new(
                "error-fragments-failed",
                vec![("folder", folder.into()), ("detail", other.text().into())],
            ),
        ),
    }
}

impl Workspace {
    /// A Sites API client of `opened` for fragments of `model` (all when `None`), new for each
    /// use case: what it learns is freed with it when the run or listing ends. Refused in
    /// words for a connection that is not OAuth Server-to-Server.
    pub fn fragments_api(&self, opened: &Opened, model: Option<&str>) -> Result<Arc<FragmentsApi>> {
        require_sites_api(opened)?;
        Ok(Arc::new(FragmentsApi::new(
            opened.connected.client.clone(),
            model.map(str::to_owned),
        )))
    }

    /// The API a run of `summary` reads and writes through: the Sites API for a fragment run,
    /// the connection's Assets API otherwise.
    pub(crate) fn assets_for(
        &self,
        opened: &Opened,
        summary: &RunSummary,
    ) -> Result<Arc<dyn AssetsApi>> {
        match &summary.fragments {
            Some(scope) => Ok(self.fragments_api(opened, scope.model.as_deref())? as _),
            None => Ok(Arc::clone(&opened.connected.assets)),
        }
    }

    /// The fragments under `folder` (its whole subtree; of `model`, its node name or its title,
    /// when given), every page read, with their models' fields (each model's definition read
    /// once; where it cannot be read, its fields as the fragments show them, without labels or
    /// options). A job like a count: Cancel, or any new job, stops it at once, in words.
    pub async fn list_fragments(
        &self,
        opened: &Opened,
        folder: &str,
        model: Option<&str>,
    ) -> Result<FragmentList> {
        let folder = DamFolder::parse(folder)?;
        self.list_fragments_in(opened, &folder, model).await
    }

    /// [`Self::list_fragments`] of a folder checked already.
    async fn list_fragments_in(
        &self,
        opened: &Opened,
        folder: &DamFolder,
        model: Option<&str>,
    ) -> Result<FragmentList> {
        let folder = folder.to_string();
        let everyone = self.fragments_api(opened, None)?;
        let job = self
            .jobs
            .start(JobKind::Count, job_on("job-list-fragments", &folder))?;
        tokio::select! {
            biased;
            () = job.control().cancelled() => Err(Error::message(
                ErrorCode::InvalidInput,
                "error-fragments-list-cancelled",
                vec![("folder", folder.as_str().into())],
            )),
            listed = listing(&everyone, folder.clone(), model) => listed,
        }
    }

    /// Previews an edit of content fragments as a run: the fields are checked first (each value
    /// against its field's type and options, one value for a single field, append and remove
    /// only on multiple ones), then each fragment is read with its ETag and planned. Nothing is
    /// written.
    pub(crate) async fn preview_fragments(
        &self,
        opened: &Opened,
        request: FragmentEdit,
        on_progress: OnProgress<'_>,
    ) -> Result<RunSummary> {
        let FragmentEdit {
            folder,
            model,
            list,
            mut edits,
        } = request;
        metadesk_bulk::rules::validate_field_edits(&mut edits)?;
        // A list's fields are those of the models under the folder that holds its entries.
        let folder = match &list {
            Some(entries) => metadesk_bulk::searching::list_folder(entries)
                .unwrap_or_else(|| metadesk_assets::DAM_ROOT.to_owned()),
            None => folder,
        };
        let filters = ScopeFilters {
            recursive: true,
            fragments: Some(FragmentScope {
                model: model.clone(),
            }),
            selection: list.map(|entries| ScopeSource::List { entries }),
            ..ScopeFilters::default()
        };
        // The folder checked once: the listing and the run take it as it is.
        let scope = RunScope::checked(&folder, filters)?;
        let listed = self
            .list_fragments_in(opened, scope.folder(), model.as_deref())
            .await?;
        check_fragment_edits(&listed, &edits)?;
        let spec = opened.spec(scope, edits, RunKind::Edit).validated()?;
        let api = self.fragments_api(opened, model.as_deref())?;
        let label = job_on("job-preview", spec.scope.folder());
        let engine = Engine::new(api, self.runs_dir()).with_schema(Some(Arc::new(listed.fields)));
        self.plan(label, engine, RunSource::Scope(spec), on_progress)
            .await
    }
}

/// The listing proper of [`Workspace::list_fragments`].
async fn listing(
    everyone: &FragmentsApi,
    folder: String,
    model: Option<&str>,
) -> Result<FragmentList> {
    let all = everyone
        .all(&folder)
        .await
        .map_err(|e| sites_failed(&folder, e))?;
    let mut models: Vec<FragmentModel> = Vec::new();
    let mut refs: Vec<(ModelRef, &Fragment)> = Vec::new();
    for f in &all {
        match models.iter_mut().find(|m| m.name == f.model.name) {
            Some(m) => m.fragments += 1,
            None => {
                models.push(FragmentModel {
                    name: f.model.name.clone(),
                    title: f.model.title.clone(),
                    fragments: 1,
                });
                refs.push((f.model.clone(), f));
            }
        }
    }
    let wanted = |m: &ModelRef| model.is_none_or(|wanted| m.is(wanted));
    if let Some(wanted_model) = model
        && !refs.iter().any(|(m, _)| wanted(m))
    {
        return Err(Error::message(
            ErrorCode::InvalidInput,
            "error-fragments-no-such-model",
            vec![
                ("model", wanted_model.into()),
                ("folder", folder.as_str().into()),
                (
                    "models",
                    models
                        .iter()
                        .map(|m| m.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                        .into(),
                ),
            ],
        ));
    }
    let mut definitions = Vec::new();
    for (m, example) in refs.iter().filter(|(m, _)| wanted(m)) {
        let definition = match everyone.model(&m.id).await {
            Ok(d) if !d.fields.is_empty() => d,
            Ok(_) | Err(_) => model_from(example),
        };
        definitions.push(Model {
            model: m.clone(),
            ..definition
        });
    }
    let fragments = all
        .iter()
        .filter(|f| wanted(&f.model))
        .map(|f| FragmentRow {
            path: f.path.clone(),
            title: f.title.clone(),
            model: f.model.shown().to_owned(),
            status: f.status.clone(),
            values: f.metadata(),
        })
        .collect();
    let references = definitions
        .iter()
        .flat_map(|d| &d.fields)
        .filter(|f| {
            matches!(
                f.kind.name.as_str(),
                "content-reference" | "content-fragment" | "reference"
            )
        })
        .map(|f| f.name.clone())
        .collect();
    Ok(FragmentList {
        folder,
        fragments,
        models,
        fields: schema_of(&definitions),
        references,
    })
}

/// A model's fields as one of its fragments shows them (no labels, options or required flags).
fn model_from(fragment: &Fragment) -> Model {
    Model {
        model: fragment.model.clone(),
        fields: fragment
            .fields
            .iter()
            .map(|f| metadesk_assets::fragments::ModelField {
                name: f.name.clone(),
                label: String::new(),
                kind: f.kind.clone(),
                required: false,
                options: Vec::new(),
            })
            .collect(),
    }
}

/// Refuses, in words and before anything is read or written, edits the fragments' fields cannot
/// take: a field no model of the scope has, a value its type or options refuse, several values
/// for a single field, an append or removal on a single field, a reference that is not a path.
pub fn check_fragment_edits(listed: &FragmentList, edits: &[Edit]) -> Result<()> {
    let fields = &listed.fields;
    let schema = FolderSchema {
        folder: String::new(),
        schema: Some(fields.clone()),
        unavailable: None,
    };
    let mut problems = edit_problems(&schema, edits);
    for edit in edits {
        let Some(field) = fields.field(&edit.property) else {
            let known: Vec<&str> = fields.fields.iter().map(|f| f.property.as_str()).collect();
            problems.push(Text::new(
                "fragments-field-unknown",
                vec![
                    ("field", edit.property.as_str().into()),
                    ("fields", known.join(", ").into()),
                ],
            ));
            continue;
        };
        let op = match &edit.op {
            EditOp::Where { op, .. } => op.as_ref(),
            op => op,
        };
        let named = |id: &'static str| {
            Text::new(
                id,
                vec![
                    ("label", field.label.as_str().into()),
                    ("field", field.property.as_str().into()),
                ],
            )
        };
        match op {
            EditOp::SetList { values } | EditOp::Set { values }
                if !field.multiple && values.len() > 1 =>
            {
                problems.push(named("fragments-field-single"));
            }
            EditOp::Append { .. } | EditOp::Remove { .. } if !field.multiple => {
                problems.push(named("fragments-field-not-multiple"));
            }
            _ => {}
        }
        if listed.references.contains(&field.property) {
            let values: &[String] = match op {
                EditOp::Set { values } | EditOp::SetList { values } | EditOp::Append { values } => {
                    values
                }
                _ => &[],
            };
            for value in values.iter().filter(|v| !v.starts_with("/content/")) {
                problems.push(Text::new(
                    "fragments-reference-not-a-path",
                    vec![
                        ("label", field.label.as_str().into()),
                        ("value", value.as_str().into()),
                    ],
                ));
            }
        }
    }
    if problems.is_empty() {
        return Ok(());
    }
    Err(Error::worded(
        ErrorCode::InvalidInput,
        Text::new(
            "error-fragment-edits-refused",
            vec![("problems", Part::List(problems))],
        ),
    ))
}
