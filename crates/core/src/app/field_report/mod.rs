//! The field report (issue 67): every read Metadesk relies on, made once against the user's
//! own AEM, read-only, and recorded as what support needs to see how that AEM answers — the
//! method, the path with names replaced by placeholders, the status, whether the headers that
//! matter came (ETag, Retry-After, Content-Type), the answer's shape (keys, JSON types, list
//! lengths: `shape.rs`), the time — and how each shape differs from what Metadesk reads.
//!
//! A report holds no secret and no value: requests go through the console's request (the
//! token is added below it and never seen here), answers are reduced to shapes before anything
//! is kept, and the folder and asset asked about are shown as `{folder}` and `{asset}`.
//!
//! Not here: the reads (`probes.rs`), the connection test's checklist (`allows.rs`), the faces'
//! words (`cli/src/connection_check.rs`, the window's connection test).

mod probes;
mod shape;

use std::path::PathBuf;

use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

use metadesk_base::i18n::{Localizer, arg};
use metadesk_base::timefmt::now_rfc3339;
use metadesk_clients::aem::AemClient;
use metadesk_clients::error::{Error, Result};
use metadesk_console::request::{ConsoleRequest, Header, ResponseBody, send};
use metadesk_credentials::credentials::ApiFamily;

pub use shape::{Difference, Shape};

use super::whole_file::write_whole_file;
use super::{Workspace, blocking};
use probes::Read;

/// The version of the report's layout, for support's tools.
pub const FIELD_REPORT_VERSION: u32 = 1;

/// A field report, as saved in its file.
#[derive(Debug, Clone, Serialize)]
pub struct FieldReport {
    pub report_version: u32,
    /// Metadesk's version.
    pub metadesk: String,
    /// When the reads were made (RFC 3339).
    pub made_at: String,
    /// The AEM host asked (not a secret: support needs to know which AEM answered).
    pub host: String,
    /// `classic` or `openapi`: which of AEM's APIs the connection's credentials speak.
    pub api: ApiFamily,
    pub reads: Vec<ReadRecord>,
    /// How this AEM's reference search answers several paths at once (issue 78).
    pub references_several: ReferencesShape,
}

/// Whether the page entries of a reference search of several paths name the asset each uses
/// (`srcPath`): Metadesk asks 20 paths a request only where they do (the connection is then
/// asked one path at a time while Metadesk runs, as a search that finds so does).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReferencesShape {
    /// Every entry names its asset: the batched form is safe.
    Named,
    /// Some entry does not: one path at a time.
    Unnamed,
    /// No entry to tell by (no page uses the assets asked, the search not read or not asked).
    NotSeen,
}

impl ReferencesShape {
    /// What `answer` (a reference search of several paths) tells.
    fn of(answer: Option<&Value>) -> ReferencesShape {
        let pages = answer.and_then(|a| match a {
            Value::Array(items) => Some(items),
            other => other.get("pages")?.as_array(),
        });
        match pages {
            Some(pages) if !pages.is_empty() => {
                let named = |p: &Value| p.get("srcPath").and_then(Value::as_str).is_some();
                if pages.iter().all(named) {
                    ReferencesShape::Named
                } else {
                    ReferencesShape::Unnamed
                }
            }
            _ => ReferencesShape::NotSeen,
        }
    }
}

impl FieldReport {
    /// Reads whose answer differs from what Metadesk expects.
    pub fn differing(&self) -> usize {
        self.reads
            .iter()
            .filter(|r| !r.differences.is_empty())
            .count()
    }
}

/// What the window shows once a report is saved: the file's name, the counts, and each
/// difference in words (`read: words`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FieldReportSaved {
    pub file: String,
    pub reads: u32,
    pub differing: u32,
    pub differences: Vec<String>,
}

impl FieldReport {
    /// The summary of this report saved as `file`, in `l`'s words.
    pub fn saved(&self, file: String, l: &Localizer) -> FieldReportSaved {
        let differences = self
            .reads
            .iter()
            .flat_map(|r| {
                r.differences
                    .iter()
                    .map(move |d| format!("{} {}: {}", r.method, r.path, difference_words(d, l)))
            })
            .collect();
        FieldReportSaved {
            file,
            reads: self.reads.len() as u32,
            differing: self.differing() as u32,
            differences,
        }
    }
}

/// A difference in `l`'s words.
pub fn difference_words(difference: &Difference, l: &Localizer) -> String {
    match difference {
        Difference::NotSent => l.text("field-report-not-sent"),
        Difference::Answered { status } => l.msg(
            "field-report-answered",
            &[("status", arg(status.to_string()))],
        ),
        Difference::NotJson => l.text("field-report-not-json"),
        Difference::Missing { at } => l.msg("field-report-missing", &[("at", arg(at.as_str()))]),
        Difference::OtherType {
            at,
            found,
            expected,
        } => l.msg(
            "field-report-other-type",
            &[
                ("at", arg(at.as_str())),
                ("found", arg(type_words(found, l))),
                ("expected", arg(type_words(expected, l))),
            ],
        ),
    }
}

/// A JSON type's name ([`Shape::kind`]) in `l`'s words.
fn type_words(kind: &str, l: &Localizer) -> String {
    let id = match kind {
        "object" => "field-report-type-object",
        "list" => "field-report-type-list",
        "string" => "field-report-type-string",
        "number" => "field-report-type-number",
        "boolean" => "field-report-type-boolean",
        "null" => "field-report-type-null",
        other => return other.to_owned(),
    };
    l.text(id)
}

/// One read and what AEM answered.
#[derive(Debug, Clone, Serialize)]
pub struct ReadRecord {
    /// A stable key (`folder-listing`).
    pub read: String,
    pub method: String,
    /// The path with its query, names shown as `{folder}` and `{asset}`.
    pub path: String,
    /// Whether this connection relies on the read (the others are recorded, not compared).
    pub relied_on: bool,
    /// `None` when the request could not be made (see `not_sent`).
    pub status: Option<u16>,
    pub millis: Option<u64>,
    pub etag: bool,
    pub retry_after: bool,
    /// The media type, without parameters.
    pub content_type: Option<String>,
    /// The JSON answer's shape; `None` when it was not JSON.
    pub shape: Option<Shape>,
    /// Why the request could not be made: the failure's code, never its words.
    pub not_sent: Option<String>,
    pub differences: Vec<Difference>,
}

impl Workspace {
    /// Makes the field report ([`Workspace::field_report`]) and writes it as JSON to `target`
    /// whole or not at all (`replace` allows replacing a file there).
    pub async fn save_field_report(
        &self,
        id: &str,
        folder: Option<&str>,
        target: PathBuf,
        replace: bool,
    ) -> Result<FieldReport> {
        let report = self.field_report(id, folder).await?;
        let text = serde_json::to_vec_pretty(&report)
            .map_err(|e| Error::Internal(format!("a field report as JSON: {e}")))?;
        blocking(move || {
            write_whole_file(&target, replace, |out| {
                out.write_all(&text).map_err(|e| {
                    Error::io_doing(
                        "io-write",
                        vec![("path", target.display().to_string().into())],
                        e,
                    )
                })
            })
        })
        .await?;
        Ok(report)
    }

    /// Makes the field report of connection `id` on `folder` (the DAM root when `None`):
    /// read-only, a read at a time. A read that fails is recorded, not an error: only a
    /// connection that cannot be opened fails the report.
    pub async fn field_report(&self, id: &str, folder: Option<&str>) -> Result<FieldReport> {
        let folder = super::test_depth::folder_to_check(folder)?;
        let (connection, client) = self.console_client(id).await?;
        let api = connection.kind.api_family();
        let mut reads = Vec::new();
        let listing = probes::listing(&folder);
        let (record, answer) = make(&client, &listing, api).await;
        reads.push(record);
        let named = answer
            .map(|a| probes::assets_named(&a, &folder))
            .unwrap_or_default();
        let asset = named.first().cloned();
        for read in probes::of_folder(&folder) {
            let mut record = make(&client, &read, api).await.0;
            if read.id == probes::OPEN_SEARCH && record.status == Some(400) {
                // Maybe an AEM before release 27550, which knows the parameter by its old name
                // only: Metadesk asks with that one next, and so does the report.
                let (old, answered) =
                    make(&client, &probes::open_search_before_27550(&folder), api).await;
                if answered.is_some() {
                    // Metadesk searches all the same: the new name's 400 differs from nothing.
                    record.differences.clear();
                }
                reads.push(record);
                reads.push(old);
                continue;
            }
            reads.push(record);
        }
        if let Some(asset) = asset {
            for read in probes::of_asset(&asset) {
                reads.push(make(&client, &read, api).await.0);
            }
        }
        let mut references_several = ReferencesShape::NotSeen;
        if let [asset, other, ..] = named.as_slice() {
            let read = probes::references_several(asset, other);
            let (record, answer) = make(&client, &read, api).await;
            reads.push(record);
            references_several = ReferencesShape::of(answer.as_ref());
            if references_several == ReferencesShape::Unnamed {
                self.references.shape_of(id).ask_one_at_a_time();
            }
        }
        Ok(FieldReport {
            report_version: FIELD_REPORT_VERSION,
            metadesk: env!("CARGO_PKG_VERSION").to_owned(),
            made_at: now_rfc3339(),
            host: client.host(),
            api,
            reads,
            references_several,
        })
    }
}

/// Makes one read; its record, and the JSON answer for the reads that need it next.
async fn make(client: &AemClient, read: &Read, api: ApiFamily) -> (ReadRecord, Option<Value>) {
    let relied_on = read.relied_on.contains(&api);
    let mut record = ReadRecord {
        read: read.id.to_owned(),
        method: read.method.to_owned(),
        path: read.target.shown.clone(),
        relied_on,
        status: None,
        millis: None,
        etag: false,
        retry_after: false,
        content_type: None,
        shape: None,
        not_sent: None,
        differences: Vec::new(),
    };
    let mut headers: Vec<Header> = read
        .headers
        .iter()
        .map(|(name, value)| Header {
            name: (*name).to_owned(),
            value: (*value).to_owned(),
        })
        .collect();
    if read.body.is_some() {
        headers.push(Header {
            name: "Content-Type".into(),
            value: "application/json".into(),
        });
    }
    let request = ConsoleRequest {
        method: read.method.to_owned(),
        path: read.target.sent.clone(),
        headers,
        body: read.body.as_ref().map(Value::to_string),
        form: None,
    };
    let response = match send(client, &request).await {
        Ok(response) => response,
        Err(e) => {
            tracing::info!(read = read.id, error = %e, "a field report's read was not made");
            record.not_sent = Some(format!("{:?}", e.code()));
            if relied_on {
                record.differences.push(Difference::NotSent);
            }
            return (record, None);
        }
    };
    let has = |name: &str| {
        response
            .headers
            .iter()
            .any(|h| h.name.eq_ignore_ascii_case(name))
    };
    record.status = Some(response.status);
    record.millis = Some(response.millis);
    record.etag = has("etag");
    record.retry_after = has("retry-after");
    record.content_type = response
        .content_type
        .as_deref()
        .and_then(|t| t.split(';').next())
        .map(|t| t.trim().to_ascii_lowercase());
    let answer = match &response.body {
        ResponseBody::Json { text } if !response.truncated => serde_json::from_str(text).ok(),
        _ => None,
    };
    record.shape = answer.as_ref().map(|a| Shape::of(a, &read.expected));
    if relied_on {
        record.differences = match (&record.shape, response.status) {
            (_, 404) if read.absent_ok => Vec::new(),
            (_, s) if !(200..300).contains(&s) => vec![Difference::Answered { status: s }],
            (Some(shape), _) => shape::differences(shape, &read.expected),
            (None, _) => vec![Difference::NotJson],
        };
    }
    let ok = (200..300).contains(&response.status);
    (record, answer.filter(|_| ok))
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use metadesk_credentials::secrets::RunOnlyKeychain;
    use metadesk_sandbox::{Faults, SAMPLE_FOLDER, Sandbox, SandboxConfig};
    use metadesk_store::connections::ImportOptions;

    use super::*;

    /// The field report of an OAuth Server-to-Server connection to a sandbox whose search
    /// answers as before release 27550 or not.
    async fn report(before_27550: bool) -> FieldReport {
        let sandbox = Sandbox::start(
            SandboxConfig::default()
                .with_assets(20)
                .with_assets_per_folder(20)
                .with_key_bits(1024)
                .with_faults(Faults {
                    search_before_27550: before_27550,
                    ..Faults::default()
                }),
        )
        .await
        .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::new(
            metadesk_store::dirs::AppDirs::under(dir.path()),
            Arc::new(RunOnlyKeychain::default()),
        )
        .unwrap();
        let json = &sandbox.credentials().oauth_project_json;
        let recognised = metadesk_credentials::credentials::inspect(json.as_bytes()).unwrap();
        let options = ImportOptions {
            aem_url: Some(sandbox.base_url()),
            ims_url: Some(sandbox.credentials().ims_endpoint.clone()),
            ..ImportOptions::default()
        };
        let id = ws
            .connections()
            .import(&recognised, &options)
            .unwrap()
            .connection
            .id;
        ws.field_report(&id, Some(SAMPLE_FOLDER)).await.unwrap()
    }

    fn read<'a>(report: &'a FieldReport, id: &str) -> Option<&'a ReadRecord> {
        report.reads.iter().find(|r| r.read == id)
    }

    /// The report asks the OpenAPI search by the parameter's name since release 27550; where
    /// AEM refuses it with 400, it asks by the old name too, as Metadesk does, and says which
    /// answered (the new name's 400 is then no difference: Metadesk searches all the same).
    /// Seen failing with the search probed as `…?allowUnsafeSearch=true`, and with
    /// `[Answered { status: 400 }]` where the old name was not asked.
    #[tokio::test(flavor = "multi_thread")]
    async fn the_search_is_probed_by_its_new_name_and_by_the_old_one_where_refused() {
        let now = report(false).await;
        let search = read(&now, probes::OPEN_SEARCH).unwrap();
        assert_eq!(
            (search.path.as_str(), search.status),
            ("/adobe/assets/search?allowUnindexedSearch=true", Some(200))
        );
        assert!(search.relied_on && search.differences.is_empty());
        assert!(read(&now, "openapi-search-before-27550").is_none());

        let before = report(true).await;
        let search = read(&before, probes::OPEN_SEARCH).unwrap();
        assert_eq!(search.status, Some(400));
        assert!(search.differences.is_empty(), "{:?}", search.differences);
        let old = read(&before, "openapi-search-before-27550").unwrap();
        assert_eq!(
            (old.path.as_str(), old.status),
            ("/adobe/assets/search?allowUnsafeSearch=true", Some(200))
        );
        assert!(old.differences.is_empty(), "{:?}", old.differences);
        assert_eq!(before.reads.len(), now.reads.len() + 1);
    }

    /// The field report of the sandbox's technical account (a classic connection), whose
    /// reference search names the asset of each page for several paths or not
    /// (`Faults::references_unnamed_when_several`), a page using every asset of the folder;
    /// the report and whether the workspace now asks that connection one path at a time.
    async fn references_report(unnamed: bool) -> (FieldReport, bool) {
        let sandbox = Sandbox::start(
            SandboxConfig::default()
                .with_assets(20)
                .with_assets_per_folder(20)
                .with_key_bits(1024)
                .with_faults(Faults {
                    references_unnamed_when_several: unnamed,
                    ..Faults::default()
                }),
        )
        .await
        .unwrap();
        let all: Vec<String> = sandbox.dump(false)["assets"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|a| a["path"].as_str())
            .filter(|p| p.starts_with(&format!("{SAMPLE_FOLDER}/")))
            .map(str::to_owned)
            .collect();
        let used: Vec<&str> = all.iter().map(String::as_str).collect();
        sandbox.reference_page("/content/site/en/all", "All", true, &used);
        let credential = sandbox.credentials().service_credentials_json.clone();
        let keychain = Arc::new(RunOnlyKeychain::default());
        let (_dir, ws, id) =
            super::super::test_support::workspace_with(&sandbox, &credential, keychain);
        let report = ws.field_report(&id, Some(SAMPLE_FOLDER)).await.unwrap();
        let one_at_a_time = ws.references.shape_of(&id).one_at_a_time();
        (report, one_at_a_time)
    }

    /// The report asks the reference search of two assets at once and records whether its
    /// entries name their asset (issue 78); where they do not, the workspace asks that
    /// connection one path at a time from then on, so the batched form is used only where it
    /// is safe. Seen failing with `one_at_a_time` false after a report that saw entries
    /// without `srcPath` (the report recorded the shape but did not tell the workspace).
    #[tokio::test(flavor = "multi_thread")]
    async fn the_shape_of_a_reference_search_of_several_paths_is_recorded_and_heeded() {
        let (named, batched_off) = references_report(false).await;
        assert_eq!(named.references_several, ReferencesShape::Named);
        assert!(!batched_off);
        let several = read(&named, probes::REFERENCES_SEVERAL).unwrap();
        assert_eq!(
            several.path,
            "/bin/wcm/references.json?path={asset}&path={other_asset}&predicate=wcmcontent&_charset_=utf-8"
        );
        assert!(several.differences.is_empty(), "{:?}", several.differences);

        let (unnamed, batched_off) = references_report(true).await;
        assert_eq!(unnamed.references_several, ReferencesShape::Unnamed);
        assert!(batched_off);
        let several = read(&unnamed, probes::REFERENCES_SEVERAL).unwrap();
        assert!(!several.differences.is_empty());
        // The one-path search still names nothing it need not: no difference there.
        assert!(read(&unnamed, "references").unwrap().differences.is_empty());
        let json = serde_json::to_value(&unnamed).unwrap();
        assert_eq!(json["references_several"], "unnamed");
    }
}
