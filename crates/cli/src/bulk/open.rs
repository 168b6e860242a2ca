//! How a bulk run reaches AEM: a stored connection (`--connection NAME`) or, like Adobe's
//! sample script (seed 000), an AEM URL and a credential file (`--aem URL --file creds.json`)
//! read for this run only and never stored. An OAuth Server-to-Server credential lists
//! folders through a stored classic connection (`--list-with`), because no OpenAPI endpoint
//! lists a folder's assets.
//!
//! Not here: previewing or applying (`bulk`), asking before writing (`confirm`).

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use clap::Args;
use metadesk_core::Error;
use metadesk_core::aem::client::{AemClient, build_http_client};
use metadesk_core::assets::connect::{self, Connected};
use metadesk_core::assets::{ApiFamily, AssetStore, ClassicAssets, OpenApiAssets};
use metadesk_core::bulk::{Edit, Filters, RunKind, RunSpec, RunSummary};
use metadesk_core::connections::{Connection, ConnectionStore, ImportOptions};
use metadesk_core::ims::{AuthContext, Authorizers};
use metadesk_core::secrets::{Secret, SecretStore, SecretStoreError};

use crate::home::Home;

#[derive(Args, Clone)]
pub struct ConnectionArgs {
    /// A stored connection (name or id; see `metadesk-cli connections list`).
    #[arg(long, conflicts_with_all = ["aem", "file"])]
    pub connection: Option<String>,
    /// The AEM author URL, with `--file` (Adobe's sample-script form).
    #[arg(long, requires = "file")]
    pub aem: Option<String>,
    /// A credential file (Service Credentials, Local Development Token, OAuth S2S), used for
    /// this run only.
    #[arg(long, requires = "aem")]
    pub file: Option<PathBuf>,
    /// OAuth S2S only (with --connection or --file): a stored connection on the same AEM that
    /// may use the classic API (service credentials, a development token or an SDK login),
    /// used to list folders (no OpenAPI endpoint lists a folder's assets).
    #[arg(long, value_name = "CONNECTION")]
    pub list_with: Option<String>,
}

/// What a run is labelled with, and how it connects.
pub struct Opened {
    pub label: String,
    /// The stored connection's id; none for a `--file` run.
    pub connection_id: Option<String>,
    pub connected: Connected,
    /// The connection that lists folders for an OAuth S2S run, when there is one.
    pub lists_with: Option<String>,
    /// Keeps the throw-away config folder of a `--file` run until the run ends.
    _scratch: Option<tempfile::TempDir>,
}

impl Opened {
    /// A run's definition on this connection.
    pub fn spec(
        &self,
        folder: String,
        filters: Filters,
        edits: Vec<Edit>,
        kind: RunKind,
    ) -> RunSpec {
        RunSpec {
            connection: self.label.clone(),
            connection_id: self.connection_id.clone(),
            aem: self.connected.aem_url.clone(),
            family: self.connected.family,
            folder,
            filters,
            edits,
            kind,
            account: self.connected.account.clone(),
        }
    }

    /// What to add to a failed preview: an OAuth S2S connection without `--list-with` cannot
    /// list folders, and AEM's refusal does not say what to do about it.
    pub fn listing_hint(&self) -> Option<&'static str> {
        (self.connected.family == ApiFamily::OpenApi && self.lists_with.is_none()).then_some(
            "From the command line: add --list-with CONNECTION, a stored connection to the \
             same AEM with service credentials or a development token.",
        )
    }
}

/// Secrets of a credential file given on the command line: held for this run only and
/// dropped at exit, because the user asked not to store anything. (Stored connections use
/// the OS keychain.)
#[derive(Default)]
struct ThisRunOnly(Mutex<HashMap<String, Secret>>);

impl SecretStore for ThisRunOnly {
    fn get(&self, key: &str) -> Result<Option<Secret>, SecretStoreError> {
        Ok(self.0.lock().map_err(|_| poisoned())?.get(key).cloned())
    }
    fn set(&self, key: &str, value: &Secret) -> Result<(), SecretStoreError> {
        self.0
            .lock()
            .map_err(|_| poisoned())?
            .insert(key.to_owned(), value.clone());
        Ok(())
    }
    fn delete(&self, key: &str) -> Result<(), SecretStoreError> {
        self.0.lock().map_err(|_| poisoned())?.remove(key);
        Ok(())
    }
    fn backend_name(&self) -> &'static str {
        "this run only"
    }
}

fn poisoned() -> SecretStoreError {
    SecretStoreError::Failed {
        detail: "internal lock poisoned".into(),
    }
}

/// Opens the connection given on the command line or, for resume/undo/retry without one, the
/// connection of the earlier run `stored` (by id first: it may have been renamed since).
pub fn open_connection(
    args: &ConnectionArgs,
    stored: Option<&RunSummary>,
    home: &Home,
) -> Result<Opened, Error> {
    if let (Some(aem), Some(file)) = (&args.aem, &args.file) {
        return open_file(aem, file, args.list_with.as_deref(), home);
    }
    let stored_label = stored.map(|s| s.connection.as_str());
    let name = match (&args.connection, stored_label) {
        (Some(n), _) => n.clone(),
        (None, Some(label)) if !label.starts_with("file:") => stored
            .and_then(|s| s.connection_id.clone())
            .unwrap_or_else(|| label.to_owned()),
        (None, Some(label)) => {
            return Err(Error::InvalidInput(format!(
                "This run used the credential file {}; give it again with --aem URL --file FILE.",
                label.trim_start_matches("file:")
            )));
        }
        (None, None) => {
            return Err(Error::InvalidInput(
                "Say which AEM to use: --connection NAME, or --aem URL --file CREDENTIALS.json."
                    .into(),
            ));
        }
    };
    let store = home.connections();
    let connection = store.find(&name)?;
    let lister = match &args.list_with {
        Some(other) => lister_for(&connection, &store.find(other)?)?,
        None => None,
    };
    let connected = connect::open(
        &store,
        Arc::clone(&home.keychain),
        &connection.id,
        lister.as_ref().map(|l| l.id.as_str()),
    )?;
    Ok(Opened {
        label: connected.connection.name.clone(),
        connection_id: Some(connected.connection.id.clone()),
        connected,
        lists_with: lister.map(|l| l.name),
        _scratch: None,
    })
}

/// A `--aem URL --file FILE` run: the file is imported into a throw-away folder and an
/// in-memory keychain; only `--list-with` comes from the stored connections.
fn open_file(
    aem: &str,
    file: &std::path::Path,
    list_with: Option<&str>,
    home: &Home,
) -> Result<Opened, Error> {
    let scratch = tempfile::Builder::new()
        .prefix("metadesk-cli-")
        .tempdir()
        .map_err(|e| Error::io("could not create a temporary folder", e))?;
    let keychain: Arc<dyn SecretStore> = Arc::new(ThisRunOnly::default());
    let store = ConnectionStore::new(scratch.path(), Arc::clone(&keychain));
    let recognised = metadesk_core::credentials::read_credential_file(file)
        .and_then(|bytes| metadesk_core::credentials::inspect(&bytes))
        .map_err(Error::from)?;
    let imported = store.import(
        &recognised,
        &ImportOptions {
            aem_url: Some(aem.to_owned()),
            ..ImportOptions::default()
        },
    )?;
    let id = &imported.connection.id;
    let mut connected = connect::open(&store, Arc::clone(&keychain), id, None)?;
    let mut lists_with = None;
    if let Some(other) = list_with {
        let stored = home.connections();
        if let Some(lister) = lister_for(&connected.connection, &stored.find(other)?)? {
            let writer = (&connected.connection, &store, keychain);
            connected.store = openapi_listing_with(writer, (&lister, &stored, home))?;
            lists_with = Some(lister.name);
        }
    }
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(Opened {
        label: format!("file:{name}"),
        connection_id: None,
        connected,
        lists_with,
        _scratch: Some(scratch),
    })
}

/// The connection that lists folders for `writer`: only OAuth S2S needs one (others list
/// with their own token, and `--list-with` is ignored with a note); it must use the classic
/// API and talk to the same AEM, or the paths it lists would not be the writer's.
fn lister_for(writer: &Connection, lister: &Connection) -> Result<Option<Connection>, Error> {
    if connect::family_of(writer.kind) != ApiFamily::OpenApi {
        eprintln!(
            "note: --list-with is only for OAuth Server-to-Server connections; \"{}\" lists \
             folders itself.",
            writer.name
        );
        return Ok(None);
    }
    if connect::family_of(lister.kind) != ApiFamily::Classic {
        return Err(Error::InvalidInput(format!(
            "\"{}\" cannot list folders either: --list-with needs a connection with service \
             credentials, a development token or a local SDK login.",
            lister.name
        )));
    }
    let origin = |url: &str| url.trim_end_matches('/').to_ascii_lowercase();
    if origin(&lister.aem_url) != origin(&writer.aem_url) {
        return Err(Error::InvalidInput(format!(
            "\"{}\" is a connection to {}, but this run writes to {}: --list-with needs a \
             connection to the same AEM.",
            lister.name, lister.aem_url, writer.aem_url
        )));
    }
    Ok(Some(lister.clone()))
}

/// The OpenAPI assets of the file's credential `writer` (in its throw-away store and
/// keychain), listing with the stored connection `lister` (in the app's).
fn openapi_listing_with(
    (writer, writer_store, writer_keychain): (&Connection, &ConnectionStore, Arc<dyn SecretStore>),
    (lister, lister_store, home): (&Connection, &ConnectionStore, &Home),
) -> Result<Arc<dyn AssetStore>, Error> {
    let http = build_http_client()?;
    let authorizers = Authorizers::new();
    let own_ctx = AuthContext::new(http.clone(), writer_keychain);
    let own_auth = authorizers.get(writer, || writer_store.load_secrets(&writer.id), &own_ctx)?;
    let list_ctx = AuthContext::new(http.clone(), Arc::clone(&home.keychain));
    let list_auth = authorizers.get(lister, || lister_store.load_secrets(&lister.id), &list_ctx)?;
    Ok(Arc::new(OpenApiAssets::new(
        AemClient::new(http.clone(), &writer.aem_url, own_auth)?,
        ClassicAssets::new(AemClient::new(http, &lister.aem_url, list_auth)?),
    )))
}
