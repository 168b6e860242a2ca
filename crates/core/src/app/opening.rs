//! Opening a connection for a run: a stored connection, or (the command line's form, like
//! Adobe's sample script in seed 000) an AEM URL and a credential file read for this run only and
//! never stored. An OAuth Server-to-Server credential lists a folder's assets through a classic
//! connection on the same AEM, because no OpenAPI endpoint does (it browses folders itself).
//!
//! One rule for runs of an existing journal (apply, resume, undo, retry): they use the
//! connection the run was made with, found by id first (it may have been renamed), and are
//! refused in words when that connection is gone or now points at another AEM.
//!
//! Opening reads the keychain: the async functions here do it on a blocking thread.
//!
//! The use case in full (ARCHITECTURE.md points here): open a connection for a new run or an
//! existing one (the same-AEM rule, `--file`, `--paired-with`, else the stored pairing; an unpaired
//! OAuth S2S connection browses folders through the Folders API (`assets/folders_api.rs`) and finds
//! a folder's assets with AEM's OpenAPI search (count: `open_walk::count_folder`; preview:
//! `engine/searched.rs`; thumbnail strip: `browse::searched_folder_assets`), refused in words only
//! where AEM does not answer it: `Opened::require_paired` here, `Workspace::require_folder_search`
//! in `scopes.rs`). Here: `opening.rs`. The layers below: `assets::connect`,
//! `assets/folders_api.rs`, `bulk/open_query.rs`, `bulk/found_by.rs`. The window:
//! `commands/bulk.rs`. The CLI: `bulk/open.rs`.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{Workspace, blocking};
use metadesk_assets::connect::{self, Connected};
use metadesk_assets::{AssetsApi, ClassicAssets, OpenApiAssets};
use metadesk_bulk::{Edit, RunKind, RunScope, RunSpec, RunSummary};
use metadesk_clients::aem::client::AemClient;
use metadesk_clients::error::{Error, ErrorCode, Result};
use metadesk_credentials::credentials::ApiFamily;
use metadesk_credentials::credentials::{self, urls::same_aem};
use metadesk_credentials::secrets::{RunOnlyKeychain, SecretStore};
use metadesk_store::connections::{AuthContext, Authorizers};
use metadesk_store::connections::{Connection, ConnectionStore, ImportOptions};

/// How a run reaches AEM.
#[derive(Debug, Clone)]
pub enum ConnectionChoice {
    /// A stored connection, by name or id.
    Stored {
        connection: String,
        /// OAuth S2S only: a stored classic connection on the same AEM that lists folders.
        paired_with: Option<String>,
    },
    /// An AEM URL and a credential file, used for this run only and never stored.
    File {
        aem: String,
        file: PathBuf,
        paired_with: Option<String>,
        /// The host of `aem` the user trusts although it is not Adobe's (`--trust-host`).
        trust_host: Option<String>,
    },
    /// For a run of an existing journal: the connection that run was made with.
    RunsOwn { paired_with: Option<String> },
}

impl ConnectionChoice {
    /// A stored connection with no listing connection (the window's runs).
    pub fn stored(connection: impl Into<String>) -> Self {
        ConnectionChoice::Stored {
            connection: connection.into(),
            paired_with: None,
        }
    }

    /// The connection a run was made with, with no other listing connection (the window's
    /// undo, retry, republish, resume and apply of a stored run).
    pub fn runs_own() -> Self {
        ConnectionChoice::RunsOwn { paired_with: None }
    }
}

/// A connection opened for a run: what the run is labelled with and how it reaches AEM.
pub struct Opened {
    /// The connection's name, or `file:NAME` for a credential file used for this run only.
    pub label: String,
    /// The stored connection's id; none for a credential-file run.
    pub connection_id: Option<String>,
    pub connected: Connected,
    /// The connection that lists folders for an OAuth S2S run, when there is one.
    pub paired_with: Option<String>,
    /// Keeps the throw-away config folder of a credential-file run until the run ends.
    _scratch: Option<tempfile::TempDir>,
}

impl Opened {
    /// A new run's definition on this connection.
    pub fn spec(&self, scope: RunScope, edits: Vec<Edit>, kind: RunKind) -> RunSpec {
        RunSpec {
            connection: self.label.clone(),
            connection_id: self.connection_id.clone(),
            aem: self.connected.aem_url.clone(),
            family: self.connected.family,
            scope,
            edits,
            kind,
            account: self.connected.account.clone(),
            op: None,
        }
    }

    /// Whether this connection writes through the OpenAPI with nobody to list a folder's assets:
    /// a new run's preview will be refused by AEM, and the face may say what to add.
    pub fn cannot_find_assets(&self) -> bool {
        self.connected.family == ApiFamily::OpenApi && self.paired_with.is_none()
    }

    /// Refuses, in words, to list a folder's assets with an OAuth S2S connection that has no
    /// classic connection paired: AEM refuses its token on the classic APIs, and no OpenAPI
    /// endpoint lists a folder's assets. Such a connection finds them with AEM's OpenAPI search
    /// where AEM answers it (`Workspace::require_folder_search`); this is the refusal for where
    /// it does not. Says what to import and where to pair it.
    pub fn require_paired(&self) -> Result<()> {
        if !self.cannot_find_assets() {
            return Ok(());
        }
        Err(metadesk_bulk::open_query::needs_paired(
            &self.label,
            self.connection_id.is_some(),
        ))
    }

    /// Refuses, in words and before anything is written, to publish through this connection
    /// when it cannot (an OAuth Server-to-Server connection): asked before an edit that is to
    /// be republished, so the edit is not written only to have its republish refused.
    pub fn require_publishes(&self) -> Result<()> {
        metadesk_bulk::publish_words::check_publishes(self.connected.assets.as_ref())
    }

    /// The stored connection, as it was when opened.
    pub fn connection(&self) -> &Connection {
        &self.connected.connection
    }
}

impl Workspace {
    /// Opens the connection a new run will use.
    pub async fn open(&self, choice: ConnectionChoice) -> Result<Opened> {
        let opener = self.opener();
        blocking(move || opener.open(&choice, None)).await
    }

    /// Opens the connection for a run of journal `run_id` (`choice` may name another one on the
    /// same AEM). `to` says what the user wanted, for the refusals ("… to apply it").
    pub async fn open_for_run(
        &self,
        run_id: &str,
        choice: ConnectionChoice,
        to: RunAction,
    ) -> Result<(RunSummary, Opened)> {
        let summary = self.run_summary(run_id).await?;
        let (opener, run) = (self.opener(), summary.clone());
        let opened = blocking(move || opener.open(&choice, Some((&run, to)))).await?;
        Ok((summary, opened))
    }

    fn opener(&self) -> Opener {
        Opener {
            store: Arc::clone(&self.connections),
            tokens: Arc::clone(&self.tokens),
        }
    }
}

/// What opening needs, owned, so it can move to a blocking thread.
struct Opener {
    store: Arc<ConnectionStore>,
    tokens: Arc<super::Tokens>,
}

impl Opener {
    fn open(
        &self,
        choice: &ConnectionChoice,
        run: Option<(&RunSummary, RunAction)>,
    ) -> Result<Opened> {
        let opened = match choice {
            ConnectionChoice::File {
                aem,
                file,
                paired_with,
                trust_host,
            } => self.open_file(aem, file, paired_with.as_deref(), trust_host.as_deref())?,
            ConnectionChoice::Stored {
                connection,
                paired_with,
            } => self.open_stored(connection, paired_with.as_deref())?,
            ConnectionChoice::RunsOwn { paired_with } => {
                let Some((summary, to)) = run else {
                    return Err(Error::message(
                        ErrorCode::InvalidInput,
                        "error-say-which-aem",
                        vec![],
                    ));
                };
                self.open_runs_own(summary, to, paired_with.as_deref())?
            }
        };
        if let Some((summary, to)) = run
            && !same_aem(&opened.connected.aem_url, &summary.aem)
        {
            return Err(Error::message(
                ErrorCode::InvalidInput,
                "error-run-on-other-aem",
                vec![
                    ("name", opened.label.as_str().into()),
                    ("now", opened.connected.aem_url.as_str().into()),
                    ("was", summary.aem.as_str().into()),
                    ("to", to.key().into()),
                ],
            ));
        }
        Ok(opened)
    }

    /// The connection run `summary` was made with, by id first (it may have been renamed).
    fn open_runs_own(
        &self,
        summary: &RunSummary,
        to: RunAction,
        paired_with: Option<&str>,
    ) -> Result<Opened> {
        if let Some(file) = summary.connection.strip_prefix("file:") {
            return Err(Error::message(
                ErrorCode::InvalidInput,
                "error-run-used-a-file",
                vec![("file", file.into()), ("to", to.key().into())],
            ));
        }
        let by = summary
            .connection_id
            .as_deref()
            .unwrap_or(&summary.connection);
        match self.open_stored(by, paired_with) {
            Err(e) if e.code() == metadesk_clients::error::ErrorCode::NotFound => {
                Err(Error::message(
                    ErrorCode::InvalidInput,
                    "error-run-connection-gone",
                    vec![
                        ("name", summary.connection.as_str().into()),
                        ("to", to.key().into()),
                    ],
                ))
            }
            other => other,
        }
    }

    fn open_stored(&self, name: &str, paired_with: Option<&str>) -> Result<Opened> {
        let connection = self.store.find(name)?;
        // The pairing stored with the connection is the default; the CLI's --paired-with wins.
        let paired_with = paired_with.or(connection.paired_with.as_deref());
        let paired = match paired_with {
            Some(other) => paired_for(&connection, &self.store.find(other)?)?,
            None => None,
        };
        let connected = connect::open_shared(
            &self.store,
            &connection.id,
            paired.as_ref().map(|l| l.id.as_str()),
            &self.tokens.authorizers,
            &self.tokens.ctx,
        )?;
        Ok(Opened {
            label: connected.connection.name.clone(),
            connection_id: Some(connected.connection.id.clone()),
            connected,
            paired_with: paired.map(|l| l.name),
            _scratch: None,
        })
    }

    /// A credential-file run: the file is imported into a throw-away folder and a keychain that
    /// lives in this process's memory for this run only; only the listing connection comes from
    /// the stored connections.
    fn open_file(
        &self,
        aem: &str,
        file: &Path,
        paired_with: Option<&str>,
        trust_host: Option<&str>,
    ) -> Result<Opened> {
        let scratch = tempfile::Builder::new()
            .prefix("metadesk-run-")
            .tempdir()
            .map_err(|e| Error::io_doing("io-temp-folder", Vec::new(), e))?;
        let keychain: Arc<dyn SecretStore> = Arc::new(RunOnlyKeychain::default());
        let store = ConnectionStore::new(scratch.path(), Arc::clone(&keychain));
        let recognised = credentials::read_credential_file(file)
            .and_then(|bytes| credentials::inspect(&bytes))?;
        let options = ImportOptions {
            aem_url: Some(aem.to_owned()),
            trust_host: trust_host.map(str::to_owned),
            ..ImportOptions::default()
        };
        let id = store.import(&recognised, &options)?.connection.id;
        let ctx = AuthContext::new(self.tokens.ctx.http.clone(), Arc::clone(&keychain));
        let authorizers = Authorizers::new();
        let mut connected = connect::open_shared(&store, &id, None, &authorizers, &ctx)?;
        let mut paired_name = None;
        if let Some(other) = paired_with
            && let Some(paired) = paired_for(&connected.connection, &self.store.find(other)?)?
        {
            let own = authorizers.get(&connected.connection, || store.load_secrets(&id), &ctx)?;
            let listing = self.tokens.authorizers.get(
                &paired,
                || self.store.load_secrets(&paired.id),
                &self.tokens.ctx,
            )?;
            let http = self.tokens.ctx.http.clone();
            connected.assets = Arc::new(OpenApiAssets::new(
                AemClient::new(http.clone(), &connected.aem_url, own)?,
                ClassicAssets::new(AemClient::new(http, &paired.aem_url, listing)?),
            )) as Arc<dyn AssetsApi>;
            paired_name = Some(paired.name);
        }
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        Ok(Opened {
            label: format!("file:{name}"),
            connection_id: None,
            connected,
            paired_with: paired_name,
            _scratch: Some(scratch),
        })
    }
}

/// The connection that lists folders for `writer`: only OAuth S2S needs one (others list with
/// their own token, and a listing connection is ignored with a note in the log); it must use the
/// classic API and talk to the same AEM, or the paths it lists would not be the writer's.
fn paired_for(writer: &Connection, paired: &Connection) -> Result<Option<Connection>> {
    if writer.kind.api_family() != ApiFamily::OpenApi {
        tracing::info!(
            connection = %writer.name,
            "a listing connection was given for a connection that lists folders itself; ignored"
        );
        return Ok(None);
    }
    metadesk_store::connections::check_pairing(writer, paired)?;
    Ok(Some(paired.clone()))
}

/// What the user wants to do with a stored run, which the refusals of
/// [`Workspace::open_for_run`] end with ("… to undo it", worded by `error-run-action`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunAction {
    Apply,
    Resume,
    Undo,
    Retry,
    Republish,
}

impl RunAction {
    /// The catalogue's selector key (`$to` of `error-run-action`).
    fn key(self) -> &'static str {
        match self {
            RunAction::Apply => "apply",
            RunAction::Resume => "resume",
            RunAction::Undo => "undo",
            RunAction::Retry => "retry",
            RunAction::Republish => "republish",
        }
    }
}
