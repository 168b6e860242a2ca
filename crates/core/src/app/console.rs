//! The API console's use cases on a stored connection: GraphQL (endpoints, schema, queries,
//! persisted queries, saving one), requests to the connection's own AEM host, "copy as curl",
//! the history and saved requests, exporting a result, and cancelling a call in flight.
//!
//! Rules kept here, once for the window and the CLI: saving a persisted query and any request
//! other than GET/HEAD are writes, so a production connection needs its name typed
//! (`confirm_production`); every call sent is recorded in the connection's history, never
//! with a token; an OAuth Server-to-Server connection is told in words that AEM's GraphQL does
//! not take its token.
//!
//! The use case in full (ARCHITECTURE.md points here): API console: run a GraphQL query (endpoints
//! and configurations listed, a slow query cancelled), persisted queries (list, run, save), a
//! request to the connection's own AEM, the result as a table, copy as curl, export a result, the
//! history and saved requests per connection (the production rule on writes). Here: `console.rs`.
//! The layers below: `console/graphql.rs`, `console/endpoints.rs`, `console/persisted.rs`,
//! `console/request.rs`, `console/table.rs`, `console/curl.rs`, `console/history.rs`. The window:
//! `commands/console.rs`. The CLI: `graphql`, `request`.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;

use serde::Serialize;
use serde_json::Value;
use tokio_util::sync::CancellationToken;
use ts_rs::TS;

use super::{Workspace, blocking};
use metadesk_base::i18n::SavedText;
use metadesk_base::timefmt::now_rfc3339;
use metadesk_clients::aem::AemClient;
use metadesk_clients::error::{Error, ErrorCode, Result};
use metadesk_console::curl::curl_command;
use metadesk_console::endpoints;
use metadesk_console::history::ConsoleFiles;
use metadesk_console::{
    ConsoleRequest, ConsoleResponse, Endpoints, GraphqlAnswer, HistoryEntry, HistoryKind, Ordered,
    PersistedQuery, SavedPersisted, SavedRequest, graphql, persisted, request, table,
};
use metadesk_credentials::credentials::CredentialKind;
use metadesk_store::connections::{Connection, confirm_production};

/// The calls in flight that may be cancelled, by the id the face gave them.
#[derive(Default)]
pub struct ConsoleCalls {
    calls: Mutex<HashMap<String, CancellationToken>>,
}

impl ConsoleCalls {
    fn begin(&self, id: &str) -> CancellationToken {
        let token = CancellationToken::new();
        self.calls
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(id.to_owned(), token.clone());
        token
    }

    fn end(&self, id: &str) {
        self.calls
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(id);
    }

    /// Cancels call `id`; false when it is not running (it ended already).
    pub fn cancel(&self, id: &str) -> bool {
        match self
            .calls
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(id)
        {
            Some(token) => {
                token.cancel();
                true
            }
            None => false,
        }
    }
}

/// A GraphQL query from the editor.
#[derive(Debug, Clone, Default, serde::Deserialize, TS)]
pub struct GraphqlCall {
    /// Connection id or name.
    pub connection: String,
    /// The configuration whose endpoint runs it (`global`, …).
    pub config: String,
    pub query: String,
    /// The variables pane's text (JSON object, may be empty).
    #[serde(default)]
    pub variables: String,
    /// An id for cancelling; none when the face cannot cancel.
    #[serde(default)]
    pub call_id: Option<String>,
}

/// Run a persisted query: what the console sends (`console_run_persisted`).
#[derive(Debug, Clone, serde::Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RunPersistedRequest {
    /// Connection id or name.
    pub connection: String,
    pub config: String,
    pub name: String,
    /// The variables pane's text (JSON object, may be empty).
    #[serde(default)]
    pub variables: String,
    /// An id for cancelling; none when the face cannot cancel.
    #[serde(default)]
    pub call_id: Option<String>,
}

/// Save a persisted query (a write): what the console's dialog sends (`console_save_persisted`).
#[derive(Debug, Clone, serde::Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SavePersistedRequest {
    pub connection: String,
    pub config: String,
    pub name: String,
    pub query: String,
    /// Replace a query of the same name.
    pub replace: bool,
    /// The production connection's name as the person typed it.
    #[serde(default)]
    pub typed: Option<String>,
}

/// Send a request to the connection's own AEM: what the console sends (`console_request`).
#[derive(Debug, Clone, serde::Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConsoleSendRequest {
    pub connection: String,
    pub request: ConsoleRequest,
    /// The production connection's name as the person typed it (a write).
    #[serde(default)]
    pub typed: Option<String>,
    #[serde(default)]
    pub call_id: Option<String>,
}

/// Save a request from the history under a name (`console_save_request`).
#[derive(Debug, Clone, serde::Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SaveEntryRequest {
    pub connection: String,
    pub name: String,
    pub entry: HistoryEntry,
    /// The response body to keep with it, if the person asked.
    #[serde(default)]
    pub response: Option<String>,
}

/// How to export a result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    Csv,
    Json,
}

/// Who a connection acts as, for messages about access.
pub(super) fn account_of(c: &Connection) -> Option<String> {
    match c.kind {
        CredentialKind::ServiceCredentials | CredentialKind::OauthServerToServer => c
            .technical_account_email
            .clone()
            .or_else(|| c.technical_account_id.clone()),
        CredentialKind::LocalDevToken | CredentialKind::LocalSdk => c.acts_as.clone(),
    }
}

fn refuse_oauth_graphql(c: &Connection) -> Result<()> {
    if c.kind == CredentialKind::OauthServerToServer {
        return Err(Error::message(
            ErrorCode::InvalidInput,
            "error-console-oauth-graphql",
            vec![("name", c.name.as_str().into())],
        ));
    }
    Ok(())
}

/// Waits for `work` unless call `id` is cancelled first.
async fn cancellable<T>(
    calls: &ConsoleCalls,
    id: Option<&str>,
    work: impl std::future::Future<Output = Result<T>>,
) -> Result<T> {
    let Some(id) = id else {
        return work.await;
    };
    let token = calls.begin(id);
    let out = tokio::select! {
        out = work => out,
        () = token.cancelled() => Err(Error::message(
            ErrorCode::InvalidInput,
            "error-console-cancelled",
            vec![],
        )),
    };
    calls.end(id);
    out
}

fn outcome_of(answer: &Result<GraphqlAnswer>) -> (Option<u16>, Option<u64>, SavedText) {
    match answer {
        Ok(a) if a.errors.is_empty() => (Some(a.status), Some(a.millis), status_outcome(a.status)),
        Ok(a) => (
            Some(a.status),
            Some(a.millis),
            SavedText::new(
                "console-outcome-graphql-errors",
                [("count", a.errors.len().into())],
            ),
        ),
        Err(e) => (None, None, failed_outcome(e)),
    }
}

/// An answer's outcome in the history: its HTTP status.
fn status_outcome(status: u16) -> SavedText {
    SavedText::new(
        "console-outcome-status",
        [("status", status.to_string().into())],
    )
}

/// A failure's outcome in the history: the error by its catalogue id when it has one (worded
/// when shown), its English words otherwise.
fn failed_outcome(e: &Error) -> SavedText {
    let text = match e {
        Error::Message { message, .. } => Some(message.clone()),
        Error::Aem(aem) => Some(aem.text()),
        _ => None,
    };
    let why = match text {
        Some(text) => SavedText::from(&text),
        None => SavedText::Plain(e.to_string()),
    };
    SavedText::new("console-outcome-failed", [("error", why.into_arg())])
}

impl Workspace {
    /// The console's files (history, saved requests).
    pub fn console_files(&self) -> ConsoleFiles {
        ConsoleFiles::new(&self.dirs.data)
    }

    /// Cancels console call `id`; false when it is not running.
    pub fn console_cancel(&self, id: &str) -> bool {
        self.console.cancel(id)
    }

    /// A stored connection and a client on its AEM, sharing the workspace's token manager.
    pub(super) async fn console_client(&self, connection: &str) -> Result<(Connection, AemClient)> {
        let (store, tokens, wanted) = (
            Arc::clone(&self.connections),
            Arc::clone(&self.tokens),
            connection.to_owned(),
        );
        blocking(move || {
            let c = store.find(&wanted)?;
            let auth = tokens
                .authorizers
                .get(&c, || store.load_secrets(&c.id), &tokens.ctx)?;
            let client = AemClient::new(tokens.ctx.http.clone(), &c.aem_url, auth)?;
            Ok((c, client))
        })
        .await
    }

    async fn record(&self, connection_id: &str, entry: HistoryEntry) {
        let (files, id) = (self.console_files(), connection_id.to_owned());
        if let Err(e) = blocking(move || files.append(&id, entry)).await {
            tracing::warn!(error = %e, "the console history could not be written");
        }
    }

    /// The GraphQL configurations of a connection (listed where AEM lists them).
    pub async fn console_endpoints(&self, connection: &str) -> Result<Endpoints> {
        let (c, client) = self.console_client(connection).await?;
        refuse_oauth_graphql(&c)?;
        endpoints::list_endpoints(&client).await
    }

    /// The schema of configuration `config` (the introspection result's `data`).
    pub async fn console_schema(&self, connection: &str, config: &str) -> Result<Value> {
        let (c, client) = self.console_client(connection).await?;
        refuse_oauth_graphql(&c)?;
        graphql::introspect(&client, account_of(&c).as_deref(), config).await
    }

    /// Runs a query; GraphQL errors are part of the answer, not an error.
    pub async fn console_graphql(&self, call: &GraphqlCall) -> Result<GraphqlAnswer> {
        let variables = graphql::parse_variables(&call.variables)?;
        let (c, client) = self.console_client(&call.connection).await?;
        refuse_oauth_graphql(&c)?;
        let account = account_of(&c);
        let answer = cancellable(
            &self.console,
            call.call_id.as_deref(),
            graphql::run(
                &client,
                account.as_deref(),
                &call.config,
                &call.query,
                variables.as_ref(),
            ),
        )
        .await;
        let (status, millis, outcome) = outcome_of(&answer);
        self.record(
            &c.id,
            HistoryEntry {
                at: now_rfc3339(),
                kind: HistoryKind::Graphql,
                method: "POST".into(),
                path: graphql::endpoint_path(&call.config).unwrap_or_default(),
                config: Some(call.config.trim().to_owned()),
                query: Some(call.query.clone()),
                variables: variables.as_ref().map(Value::to_string),
                headers: Vec::new(),
                body: None,
                form: None,
                status,
                millis,
                outcome,
            },
        )
        .await;
        answer
    }

    /// Every persisted query the connection may list.
    pub async fn console_persisted(&self, connection: &str) -> Result<Vec<PersistedQuery>> {
        let (c, client) = self.console_client(connection).await?;
        refuse_oauth_graphql(&c)?;
        persisted::list_queries(&client).await
    }

    /// Runs persisted query `config/name` with the variables pane's text.
    pub async fn console_run_persisted(
        &self,
        connection: &str,
        config: &str,
        name: &str,
        variables: &str,
        call_id: Option<&str>,
    ) -> Result<GraphqlAnswer> {
        let vars = graphql::parse_variables(variables)?;
        let path = persisted::execute_path(config, name, vars.as_ref())?;
        let (c, client) = self.console_client(connection).await?;
        refuse_oauth_graphql(&c)?;
        let account = account_of(&c);
        let answer = cancellable(
            &self.console,
            call_id,
            persisted::run(&client, account.as_deref(), config, name, vars.as_ref()),
        )
        .await;
        let (status, millis, outcome) = outcome_of(&answer);
        self.record(
            &c.id,
            HistoryEntry {
                at: now_rfc3339(),
                kind: HistoryKind::Persisted,
                method: "GET".into(),
                path,
                config: Some(config.trim().to_owned()),
                query: Some(name.trim().to_owned()),
                variables: vars.as_ref().map(Value::to_string),
                headers: Vec::new(),
                body: None,
                form: None,
                status,
                millis,
                outcome,
            },
        )
        .await;
        answer
    }

    /// Saves `query` as persisted query `config/name` (a write: a production connection needs
    /// `typed` = its name; an existing query is replaced only with `replace`).
    pub async fn console_save_persisted(
        &self,
        connection: &str,
        config: &str,
        name: &str,
        query: &str,
        replace: bool,
        typed: Option<&str>,
    ) -> Result<SavedPersisted> {
        let (c, client) = self.console_client(connection).await?;
        refuse_oauth_graphql(&c)?;
        confirm_production(&c, typed)?;
        let account = account_of(&c);
        let saved =
            persisted::save(&client, account.as_deref(), config, name, query, replace).await;
        self.record(
            &c.id,
            HistoryEntry {
                at: now_rfc3339(),
                kind: HistoryKind::SavePersisted,
                method: if replace { "POST" } else { "PUT" }.into(),
                path: format!("/graphql/persist.json/{}/{}", config.trim(), name.trim()),
                config: Some(config.trim().to_owned()),
                query: Some(query.to_owned()),
                variables: None,
                headers: Vec::new(),
                body: None,
                form: None,
                status: None,
                millis: None,
                outcome: match &saved {
                    Ok(s) if s.created => SavedText::new("console-outcome-created", []),
                    Ok(_) => SavedText::new("console-outcome-replaced", []),
                    Err(e) => failed_outcome(e),
                },
            },
        )
        .await;
        saved
    }

    /// Sends a request to the connection's own AEM host. Methods other than GET and HEAD on a
    /// production connection need `typed` = its name.
    pub async fn console_request(
        &self,
        connection: &str,
        req: &ConsoleRequest,
        typed: Option<&str>,
        call_id: Option<&str>,
    ) -> Result<ConsoleResponse> {
        let method = request::check_method(&req.method)?;
        request::check_path(&req.path)?;
        request::check_headers(&req.headers)?;
        request::check_body(req)?;
        let (c, client) = self.console_client(connection).await?;
        if !request::is_read_only(&method) {
            confirm_production(&c, typed)?;
        }
        let started = Instant::now();
        let response = cancellable(&self.console, call_id, request::send(&client, req)).await;
        let (status, millis, outcome) = match &response {
            Ok(r) => (Some(r.status), Some(r.millis), status_outcome(r.status)),
            Err(e) => (
                None,
                Some(started.elapsed().as_millis() as u64),
                failed_outcome(e),
            ),
        };
        self.record(
            &c.id,
            HistoryEntry {
                at: now_rfc3339(),
                kind: HistoryKind::Request,
                method: method.to_string(),
                path: req.path.trim().to_owned(),
                config: None,
                query: None,
                variables: None,
                headers: req.headers.clone(),
                body: req.body.clone(),
                form: req.form.clone(),
                status,
                millis,
                outcome,
            },
        )
        .await;
        response
    }

    /// "Copy as curl" for a request on this connection, with `$AEM_TOKEN` for the token.
    pub async fn console_curl(&self, connection: &str, req: &ConsoleRequest) -> Result<String> {
        let (store, wanted) = (Arc::clone(&self.connections), connection.to_owned());
        let c = blocking(move || store.find(&wanted)).await?;
        let base = url::Url::parse(&c.aem_url).map_err(|e| {
            Error::message(
                ErrorCode::InvalidInput,
                "error-console-bad-aem-address",
                vec![("detail", e.to_string().into())],
            )
        })?;
        curl_command(&base, c.kind, req)
    }

    /// The connection's console history, newest first.
    pub async fn console_history(&self, connection: &str) -> Result<Vec<HistoryEntry>> {
        let (store, files, wanted) = (
            Arc::clone(&self.connections),
            self.console_files(),
            connection.to_owned(),
        );
        blocking(move || files.history(&store.find(&wanted)?.id)).await
    }

    /// The connection's saved requests, by name.
    pub async fn console_saved(&self, connection: &str) -> Result<Vec<SavedRequest>> {
        let (store, files, wanted) = (
            Arc::clone(&self.connections),
            self.console_files(),
            connection.to_owned(),
        );
        blocking(move || files.saved(&store.find(&wanted)?.id)).await
    }

    /// Saves a request (or query) under a name, with a response body only if given.
    pub async fn console_save_request(
        &self,
        connection: &str,
        name: &str,
        entry: HistoryEntry,
        response: Option<String>,
    ) -> Result<()> {
        let (store, files, wanted) = (
            Arc::clone(&self.connections),
            self.console_files(),
            connection.to_owned(),
        );
        let saved = SavedRequest {
            name: name.trim().to_owned(),
            saved_at: now_rfc3339(),
            entry,
            response,
        };
        blocking(move || files.save(&store.find(&wanted)?.id, saved)).await
    }

    /// Deletes a saved request; false when there was none of that name.
    pub async fn console_delete_saved(&self, connection: &str, name: &str) -> Result<bool> {
        let (store, files, wanted, name) = (
            Arc::clone(&self.connections),
            self.console_files(),
            connection.to_owned(),
            name.to_owned(),
        );
        blocking(move || files.delete_saved(&store.find(&wanted)?.id, &name)).await
    }
}

/// Writes a result's `data` (JSON text, as the answer carried it) to `path`: its table as CSV,
/// or the data as pretty JSON. A result without a list of items has no CSV.
pub fn export_result(path: &Path, format: ExportFormat, data_json: &str) -> Result<u64> {
    let data: Ordered = serde_json::from_str(data_json).map_err(|e| {
        Error::message(
            ErrorCode::InvalidInput,
            "error-console-export-not-json",
            vec![("detail", e.to_string().into())],
        )
    })?;
    let (bytes, rows) = match format {
        ExportFormat::Json => (data.to_pretty().into_bytes(), 0),
        ExportFormat::Csv => {
            let t = table::find_table(&data).ok_or_else(|| {
                Error::message(ErrorCode::InvalidInput, "error-console-no-table", vec![])
            })?;
            let mut out = Vec::new();
            table::write_excel_csv(&t, &mut out)?;
            (out, t.rows.len() as u64)
        }
    };
    // Through a temporary file renamed into place: a full disk or a crash never leaves half an
    // export, nor destroys the file it replaces (the save dialog already asked about that).
    super::whole_file::write_whole_file(path, true, |out| {
        out.write_all(&bytes).map_err(|e| {
            Error::io_doing(
                "io-write",
                vec![("path", path.display().to_string().into())],
                e,
            )
        })
    })?;
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use metadesk_sandbox::{Faults, Sandbox, SandboxConfig};

    use super::*;
    use metadesk_clients::error::ErrorCode;
    use metadesk_clients::ims::access_token_key;
    use metadesk_credentials::credentials;
    use metadesk_credentials::secrets::{ChunkedSecrets, RunOnlyKeychain, SecretStore};
    use metadesk_store::connections::ImportOptions;
    use metadesk_store::dirs::AppDirs;

    struct Fixture {
        sandbox: Sandbox,
        secrets: Arc<RunOnlyKeychain>,
        ws: Workspace,
        id: String,
        name: String,
        dir: tempfile::TempDir,
    }

    fn import(
        ws: &Workspace,
        json: &str,
        url: &str,
    ) -> metadesk_store::connections::ConnectionView {
        let recognised = credentials::inspect(json.as_bytes()).unwrap();
        let options = ImportOptions {
            aem_url: Some(url.to_owned()),
            ..ImportOptions::default()
        };
        ws.connections()
            .import(&recognised, &options)
            .unwrap()
            .connection
    }

    async fn fixture() -> Fixture {
        let sandbox = Sandbox::start(
            SandboxConfig::default()
                .with_assets(120)
                .with_key_bits(1024),
        )
        .await
        .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let secrets = Arc::new(RunOnlyKeychain::default());
        let ws = Workspace::new(AppDirs::under(dir.path()), secrets.clone()).unwrap();
        let c = import(
            &ws,
            &sandbox.credentials().service_credentials_json,
            &sandbox.base_url(),
        );
        Fixture {
            sandbox,
            secrets,
            ws,
            id: c.id,
            name: c.name,
            dir,
        }
    }

    fn call(f: &Fixture, query: &str, variables: &str) -> GraphqlCall {
        GraphqlCall {
            connection: f.name.clone(),
            config: "global".into(),
            query: query.into(),
            variables: variables.into(),
            call_id: Some("call-1".into()),
        }
    }

    fn token_of(f: &Fixture, id: &str) -> String {
        let record = ChunkedSecrets::new(f.secrets.as_ref() as &dyn SecretStore)
            .get(&access_token_key(id))
            .unwrap()
            .expect("a cached token");
        let record: Value = serde_json::from_str(record.expose()).unwrap();
        record["accessToken"].as_str().unwrap().to_owned()
    }

    /// Every file under `dir`, as text.
    fn all_files(dir: &Path) -> Vec<(std::path::PathBuf, String)> {
        let mut out = Vec::new();
        let mut dirs = vec![dir.to_path_buf()];
        while let Some(d) = dirs.pop() {
            for e in std::fs::read_dir(d).unwrap().flatten() {
                if e.path().is_dir() {
                    dirs.push(e.path());
                } else {
                    let text =
                        String::from_utf8_lossy(&std::fs::read(e.path()).unwrap()).into_owned();
                    out.push((e.path(), text));
                }
            }
        }
        out
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn graphql_queries_variables_errors_and_the_schema() {
        let f = fixture().await;
        let mut sent = Vec::new();

        let endpoints = f.ws.console_endpoints(&f.name).await.unwrap();
        assert_eq!(endpoints.configs, ["global", "metadesk"]);
        assert!(endpoints.listed);
        let schema = f.ws.console_schema(&f.name, "global").await.unwrap();
        assert!(
            schema["__schema"]["types"]
                .as_array()
                .unwrap()
                .iter()
                .any(|t| t["name"] == "ArticleModel")
        );

        let list =
            f.ws.console_graphql(&call(&f, "{ articleList { items { title _path } } }", ""))
                .await
                .unwrap();
        assert!(list.errors.is_empty(), "{:?}", list.errors);
        let table = list.table.clone().unwrap();
        assert_eq!(table.path, "articleList.items");
        // AEM keeps the order selected; the sandbox sorts members (serde_json's map), so only
        // the set is checked here (the order is kept by `Ordered`, tested on its own).
        let mut columns = table.columns.clone();
        columns.sort();
        assert_eq!(columns, ["_path", "title"]);
        assert!(table.rows.len() >= 4, "{table:?}");
        let at = table.columns.iter().position(|c| c == "_path").unwrap();
        let path = table.rows[0][at].clone();
        sent.push(serde_json::to_string(&list).unwrap());

        let one =
            f.ws.console_graphql(&call(
                &f,
                "query ($p: String!) { articleByPath(_path: $p) { item { _path author } } }",
                &serde_json::json!({ "p": path }).to_string(),
            ))
            .await
            .unwrap();
        assert_eq!(
            one.data.to_value()["articleByPath"]["item"]["_path"],
            Value::String(path.clone())
        );

        // A field that does not exist, on line 3: the error says where.
        let broken =
            f.ws.console_graphql(&call(
                &f,
                "{\n  articleList {\n    items { titel }\n  }\n}",
                "",
            ))
            .await
            .unwrap();
        assert_eq!(broken.errors.len(), 1);
        assert_eq!(
            broken.errors[0].locations,
            [metadesk_console::GraphqlLocation {
                line: 3,
                column: 13
            }]
        );
        assert!(broken.errors[0].message.contains("titel"));
        sent.push(serde_json::to_string(&broken).unwrap());

        // Bad variables are refused before anything is sent.
        let e =
            f.ws.console_graphql(&call(&f, "{ __typename }", "{ not json"))
                .await
                .unwrap_err();
        assert_eq!(e.code(), ErrorCode::InvalidInput);

        // An endpoint that is not enabled.
        let mut wknd = call(&f, "{ __typename }", "");
        wknd.config = "wknd".into();
        let e = f.ws.console_graphql(&wknd).await.unwrap_err();
        assert_eq!(e.code(), ErrorCode::NotFound);
        assert!(e.to_string().contains("not enabled"), "{e}");

        // History: what was sent, newest first, never the token.
        let history = f.ws.console_history(&f.name).await.unwrap();
        assert_eq!(history.len(), 4, "the refused variables were never sent");
        let en = metadesk_base::i18n::Localizer::english();
        let fr = metadesk_base::i18n::Localizer::new(metadesk_base::i18n::Lang::Fr);
        let words = |i: usize, l| history[i].outcome.localized(l);
        assert_eq!(words(0, &en).split(':').next(), Some("failed"));
        assert_eq!(words(1, &en), "1 GraphQL error");
        // Kept as ids: worded in French when shown in French.
        assert!(
            words(0, &fr).starts_with("échec\u{a0}: "),
            "{}",
            words(0, &fr)
        );
        assert_eq!(words(1, &fr), "1 erreur GraphQL");
        assert_eq!(
            history[3].query.as_deref(),
            Some("{ articleList { items { title _path } } }")
        );
        sent.push(serde_json::to_string(&history).unwrap());
        let token = token_of(&f, &f.id);
        for s in &sent {
            assert!(!s.contains(&token));
        }
        for (file, text) in all_files(f.dir.path()) {
            assert!(!text.contains(&token), "the token is in {}", file.display());
        }
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn persisted_queries_run_with_encoded_values_and_saving_follows_the_production_rule() {
        let f = fixture().await;
        let list = f.ws.console_persisted(&f.name).await.unwrap();
        assert!(
            list.iter()
                .any(|q| q.short_path == "/metadesk/article-by-path" && q.query.is_some())
        );
        let answer =
            f.ws.console_graphql(&call(&f, "{ articleList { items { _path } } }", ""))
                .await
                .unwrap();
        let path = answer.table.unwrap().rows[0][0].clone();
        let run = |vars: Value| {
            let ws = &f.ws;
            let name = f.name.clone();
            async move {
                ws.console_run_persisted(
                    &name,
                    "metadesk",
                    "article-by-path",
                    &vars.to_string(),
                    None,
                )
                .await
            }
        };
        let found = run(serde_json::json!({ "path": path })).await.unwrap();
        assert_eq!(
            found.data.to_value()["articleByPath"]["item"]["_path"],
            Value::String(path.clone())
        );
        // Characters that mean something in a URL reach AEM as typed.
        let odd = "/content/dam/no such/é & a=b?c#d%2F";
        let missing = run(serde_json::json!({ "path": odd })).await.unwrap();
        assert_eq!(
            missing.status, 200,
            "persisted queries answer 200 with errors"
        );
        assert!(
            missing.errors[0].message.ends_with(odd),
            "{:?}",
            missing.errors
        );
        let e = run(serde_json::json!({ "path": "a;b" })).await.unwrap_err();
        assert!(e.to_string().contains("';'"), "{e}");
        let e =
            f.ws.console_run_persisted(&f.name, "metadesk", "no-such-query", "", None)
                .await
                .unwrap_err();
        assert!(
            e.to_string()
                .starts_with("There is no persisted query /metadesk/no-such-query on 127.0.0.1"),
            "{e}"
        );

        // Saving is a write: a production connection needs its name typed.
        f.ws.connections().set_production(&f.id, true).unwrap();
        let q = "{ articleList { items { title } } }";
        let e =
            f.ws.console_save_persisted(&f.name, "metadesk", "titles", q, false, None)
                .await
                .unwrap_err();
        assert!(e.to_string().contains("production"), "{e}");
        assert!(
            !f.ws
                .console_persisted(&f.name)
                .await
                .unwrap()
                .iter()
                .any(|p| p.name == "titles"),
            "nothing was saved"
        );
        let saved =
            f.ws.console_save_persisted(&f.name, "metadesk", "titles", q, false, Some(&f.name))
                .await
                .unwrap();
        assert!(saved.created);
        let e =
            f.ws.console_save_persisted(&f.name, "metadesk", "titles", q, false, Some(&f.name))
                .await
                .unwrap_err();
        assert!(e.to_string().contains("already exists"), "{e}");
        let replaced =
            f.ws.console_save_persisted(&f.name, "metadesk", "titles", q, true, Some(&f.name))
                .await
                .unwrap();
        assert!(!replaced.created);
        let ran =
            f.ws.console_run_persisted(&f.name, "metadesk", "titles", "", None)
                .await
                .unwrap();
        assert!(ran.table.unwrap().rows.len() >= 4);
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn an_account_without_graphql_access_is_named() {
        let f = fixture().await;
        let ro = import(
            &f.ws,
            &f.sandbox.credentials().read_only_service_credentials_json,
            &f.sandbox.base_url(),
        );
        let mut c = call(&f, "{ __typename }", "");
        c.connection = ro.id.clone();
        let e = f.ws.console_graphql(&c).await.unwrap_err();
        assert_eq!(e.code(), ErrorCode::Auth);
        let words = e.to_string();
        assert!(
            words.contains(&f.sandbox.credentials().read_only_technical_account_email)
                && words.contains("administrator must grant"),
            "{words}"
        );
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn requests_stay_on_the_connection_host_and_writes_on_production_ask_first() {
        let f = fixture().await;
        let get = |path: &str| ConsoleRequest {
            method: "GET".into(),
            path: path.into(),
            headers: vec![],
            body: None,
            form: None,
        };
        let me =
            f.ws.console_request(
                &f.name,
                &get("/libs/granite/security/currentuser.json"),
                None,
                None,
            )
            .await
            .unwrap();
        assert_eq!(me.status, 200);
        let metadesk_console::ResponseBody::Json { text } = &me.body else {
            panic!("{me:?}")
        };
        assert!(text.contains(&f.sandbox.credentials().service_technical_account_email));
        let missing =
            f.ws.console_request(&f.name, &get("/content/dam/nothing-here.json"), None, None)
                .await
                .unwrap();
        assert_eq!(missing.status, 404, "any status is an answer");

        let before = f.sandbox.counters();
        for evil in [
            "//evil.test/x",
            "https://evil.test",
            "/@evil.test",
            "\\\\evil.test",
        ] {
            let e =
                f.ws.console_request(&f.name, &get(evil), None, None)
                    .await
                    .unwrap_err();
            assert_eq!(e.code(), ErrorCode::InvalidInput, "{evil}");
        }
        f.ws.connections().set_production(&f.id, true).unwrap();
        let put = ConsoleRequest {
            method: "PUT".into(),
            body: Some("{\"class\":\"asset\",\"properties\":{\"dc:rights\":\"x\"}}".into()),
            ..get("/api/assets/x.json")
        };
        let e =
            f.ws.console_request(&f.name, &put, None, None)
                .await
                .unwrap_err();
        assert!(e.to_string().contains("production"), "{e}");
        let after = f.sandbox.counters();
        assert_eq!(
            before.requests_total, after.requests_total,
            "nothing refused was sent"
        );

        let curl = f.ws.console_curl(&f.name, &put).await.unwrap();
        assert!(curl.contains("$AEM_TOKEN"), "{curl}");
        let token = token_of(&f, &f.id);
        assert!(!curl.contains(&token));
        assert!(!serde_json::to_string(&me).unwrap().contains(&token));
        for (file, text) in all_files(f.dir.path()) {
            assert!(!text.contains(&token), "the token is in {}", file.display());
        }
        let history = f.ws.console_history(&f.name).await.unwrap();
        assert_eq!(history.len(), 2, "only what was sent: {history:?}");
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn form_fields_reach_aem_url_encoded_and_the_history_keeps_them() {
        let f = fixture().await;
        let dump = f.sandbox.dump(false);
        let asset = dump["assets"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["contentFragment"] == false)
            .unwrap()["path"]
            .as_str()
            .unwrap()
            .to_owned();
        let field = |name: &str, value: &str| metadesk_console::Header {
            name: name.into(),
            value: value.into(),
        };
        let post = ConsoleRequest {
            method: "POST".into(),
            path: format!("{asset}/jcr:content/metadata"),
            headers: vec![field("Accept", "application/json")],
            body: None,
            form: Some(vec![
                field("./dc:title", "Été & co = 100%"),
                field("dc:subject", "a"),
                field("dc:subject", "b"),
            ]),
        };
        let answer =
            f.ws.console_request(&f.name, &post, None, None)
                .await
                .unwrap();
        assert_eq!(answer.status, 200, "{answer:?}");
        let state = f.sandbox.asset(&asset).unwrap();
        assert_eq!(state["metadata"]["dc:title"], "Été & co = 100%", "{state}");
        assert_eq!(
            state["metadata"]["dc:subject"],
            serde_json::json!(["a", "b"])
        );
        let history = f.ws.console_history(&f.name).await.unwrap();
        assert_eq!(history[0].form.as_ref().map(Vec::len), Some(3));

        // A body and form fields together, or form fields on a GET: refused, nothing sent.
        let before = f.sandbox.counters().requests_total;
        let both = ConsoleRequest {
            body: Some("{}".into()),
            ..post.clone()
        };
        let e =
            f.ws.console_request(&f.name, &both, None, None)
                .await
                .unwrap_err();
        assert!(e.to_string().contains("not both"), "{e}");
        let get = ConsoleRequest {
            method: "GET".into(),
            ..post.clone()
        };
        let e =
            f.ws.console_request(&f.name, &get, None, None)
                .await
                .unwrap_err();
        assert!(e.to_string().contains("has no body"), "{e}");
        assert_eq!(f.sandbox.counters().requests_total, before);
        // The curl line sends the same fields, encoded.
        let curl = f.ws.console_curl(&f.name, &post).await.unwrap();
        assert!(curl.contains("dc%3Asubject=a"), "{curl}");
    }

    /// When AEM lists no GraphQL endpoint, the window's note says why in the reader's language.
    #[tokio::test(flavor = "multi_thread")]
    async fn an_unlisted_endpoints_note_reads_in_the_readers_language() {
        let f = fixture().await;
        // Warm the token first, so only the listings fail.
        f.ws.console_endpoints(&f.name).await.unwrap();
        f.sandbox
            .set_faults(Faults {
                drop_rate: 1.0,
                ..Faults::default()
            })
            .unwrap();
        let endpoints = f.ws.console_endpoints(&f.name).await.unwrap();
        assert!(!endpoints.listed);
        assert_eq!(endpoints.configs, ["global"]);
        let fr = metadesk_base::i18n::Localizer::new(metadesk_base::i18n::Lang::Fr);
        let mut french = endpoints.clone();
        french.localize(&fr);
        let note = french.note.unwrap().localized(&fr);
        assert!(
            note.starts_with("AEM n’a pas listé ses points de terminaison GraphQL (")
                && note.contains("saisissez le nom d’une configuration"),
            "{note}"
        );
        metadesk_base::i18n::checks::assert_reads_french(&note);
        let english = endpoints
            .note
            .unwrap()
            .localized(&metadesk_base::i18n::Localizer::english());
        assert!(
            english.starts_with("AEM did not list its GraphQL endpoints ("),
            "{english}"
        );
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn a_slow_query_can_be_cancelled() {
        let f = fixture().await;
        // Warm the token first, so only the query is slow.
        f.ws.console_endpoints(&f.name).await.unwrap();
        f.sandbox
            .set_faults(Faults {
                latency_ms: 5_000,
                ..Faults::default()
            })
            .unwrap();
        let started = Instant::now();
        let slow = call(&f, "{ __typename }", "");
        let (answer, cancelled) = tokio::join!(f.ws.console_graphql(&slow), async {
            tokio::time::sleep(std::time::Duration::from_millis(300)).await;
            f.ws.console_cancel("call-1")
        });
        assert!(cancelled);
        assert!(answer.unwrap_err().to_string().contains("Cancelled"));
        assert!(started.elapsed() < std::time::Duration::from_secs(3));
        assert!(!f.ws.console_cancel("call-1"), "it ended");
    }

    #[test]
    fn a_result_exports_as_csv_or_json() {
        let dir = tempfile::tempdir().unwrap();
        let data =
            r#"{"articleList":{"items":[{"title":"A","main":{"plaintext":"x"}},{"title":"B"}]}}"#;
        let csv = dir.path().join("r.csv");
        assert_eq!(export_result(&csv, ExportFormat::Csv, data).unwrap(), 2);
        assert_eq!(
            std::fs::read_to_string(&csv).unwrap(),
            "\u{feff}title,main.plaintext\r\nA,x\r\nB,\r\n"
        );
        let json = dir.path().join("r.json");
        export_result(&json, ExportFormat::Json, data).unwrap();
        assert!(
            std::fs::read_to_string(&json)
                .unwrap()
                .starts_with("{\n  \"articleList\"")
        );
        let e = export_result(&csv, ExportFormat::Csv, r#"{"a": 1}"#).unwrap_err();
        assert!(e.to_string().contains("no list"), "{e}");
    }
}
