//! [`ConnectionStore`]: the connections file plus the keychain, kept consistent.
//!
//! Import order: validate fully (done by `credentials::inspect`) → record the new id as
//! unfinished in the config → write secrets → save the connection and drop the record. If a
//! secret write fails, the secrets written so far are put back as they were; if the config
//! write fails, so are all of them. A refused import leaves no trace, and one killed half way
//! leaves a record that the next change removes with its entries ([`ConnectionStore::finish_interrupted`]).
//!
//! The window and CLI commands share the config folder and the keychain: every change
//! (load, modify, save, with its keychain writes) holds `connections.lock` in the config
//! folder, so none is lost to another process saving in between (see `lock_file`).
//!
//! Every method is blocking (keychain and disk): call from a blocking thread.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use rand::Rng;
use time::OffsetDateTime;

use super::auto_name;
use super::checks::{
    aem_address, check_pairing, checked_name, find_named, trusted_host, unique_name,
};
use super::config;
use super::model::{Connection, ConnectionSecrets, ConnectionView, ImportOptions, identity};
use super::reimport;
use crate::dirs::AppDirs;
use crate::lock_file::LockFile;
use metadesk_base::i18n::Text;
use metadesk_clients::error::{Error, ErrorCode, Result};
use metadesk_credentials::credentials::{self, CredentialKind, Recognised, urls};
use metadesk_credentials::secrets::slots::SecretSlot;
use metadesk_credentials::secrets::{ChunkedSecrets, Secret, SecretStore};

/// The cross-process lock of the connections, beside `connections.json`.
const LOCK_FILE_NAME: &str = "connections.lock";

/// How long a change waits for another process's change to the connections. Changes take
/// well under a second, but the other process may be waiting for a keychain unlock prompt.
const LOCK_PATIENCE: Duration = Duration::from_secs(30);

/// What an import did.
#[derive(Debug, Clone)]
pub struct Imported {
    pub connection: ConnectionView,
    /// True when an existing connection with the same client id was updated.
    pub updated: bool,
}

/// The app's connections. One per process; share it (it is `Send + Sync`).
pub struct ConnectionStore {
    pub(super) config_path: PathBuf,
    lock_path: PathBuf,
    pub(super) secrets: Arc<dyn SecretStore>,
    /// Queues this process's changes before they wait for the lock file, so threads wait
    /// their turn instead of polling it together.
    write_lock: Mutex<()>,
}

/// A change to the connections in progress: this process's turn and the cross-process lock.
pub(super) struct Changing<'a> {
    _lock: LockFile,
    _turn: MutexGuard<'a, ()>,
}

impl ConnectionStore {
    /// Connections in `config_dir/connections.json`, secrets in `secrets`.
    pub fn new(config_dir: &Path, secrets: Arc<dyn SecretStore>) -> Self {
        ConnectionStore {
            config_path: config_dir.join(config::FILE_NAME),
            lock_path: config_dir.join(LOCK_FILE_NAME),
            secrets,
            write_lock: Mutex::new(()),
        }
    }

    /// The store the app and the CLI use: the profile's config folder.
    pub fn open(dirs: &AppDirs, secrets: Arc<dyn SecretStore>) -> Self {
        Self::new(&dirs.config, secrets)
    }

    pub fn config_path(&self) -> &Path {
        &self.config_path
    }

    /// All connections, as stored.
    pub fn connections(&self) -> Result<Vec<Connection>> {
        Ok(config::load(&self.config_path)?.connections)
    }

    /// All connections, redacted, in the order they were added; two named by Metadesk for one
    /// environment each with the account that tells them apart.
    pub fn list(&self) -> Result<Vec<ConnectionView>> {
        let now = OffsetDateTime::now_utc();
        let connections = self.connections()?;
        let mut views: Vec<ConnectionView> = connections.iter().map(|c| c.view(now)).collect();
        let mut autos: Vec<_> = views.iter_mut().map(|v| v.auto_name.take()).collect();
        let emails: Vec<Option<&str>> = connections
            .iter()
            .map(|c| c.technical_account_email.as_deref())
            .collect();
        auto_name::tell_apart(&mut autos, &emails);
        for (view, auto) in views.iter_mut().zip(autos) {
            view.auto_name = auto;
        }
        Ok(views)
    }

    /// The connection with this id.
    pub fn get(&self, id: &str) -> Result<Connection> {
        self.connections()?
            .into_iter()
            .find(|c| c.id == id)
            .ok_or_else(|| Error::message(ErrorCode::NotFound, "error-connection-gone", vec![]))
    }

    /// The connection with this id or name (names compared without regard to case, then by
    /// their letters and digits alone), or a Cloud Service environment's only one as AEM's
    /// addresses name it (`p14726-e686683`): `checks.rs` `find_named`.
    pub fn find(&self, id_or_name: &str) -> Result<Connection> {
        find_named(&self.connections()?, id_or_name).cloned()
    }

    /// Stores a recognised credential: a new connection, or an update of the one with the same
    /// client id (or, for development tokens and SDK logins, the same user on the same server).
    pub fn import(&self, recognised: &Recognised, options: &ImportOptions) -> Result<Imported> {
        self.import_marked(recognised, options, false)
    }

    /// [`Self::import`] for the app's own sandbox ("Try with a sandbox AEM"): the connection is
    /// marked as a simulated AEM and can never be marked as production.
    pub fn import_sandbox(
        &self,
        recognised: &Recognised,
        options: &ImportOptions,
    ) -> Result<Imported> {
        self.import_marked(recognised, options, true)
    }

    fn import_marked(
        &self,
        recognised: &Recognised,
        options: &ImportOptions,
        sandbox: bool,
    ) -> Result<Imported> {
        let _changing = self.lock()?;
        let draft = recognised.draft(options.choice.as_deref())?;
        let had_file = self.config_path.exists();
        let mut contents = self.load_and_finish()?;
        let connections = &contents.connections;

        let given_url = match options
            .aem_url
            .as_deref()
            .map(str::trim)
            .filter(|u| !u.is_empty())
        {
            Some(raw) => Some(urls::normalise_aem_url(raw).map_err(aem_address)?),
            None => None,
        };
        let candidate_url = given_url.clone().or_else(|| draft.aem_url.clone());
        let wanted = match (&draft.client_id, candidate_url.as_deref()) {
            (Some(client_id), _) => Some(format!("client:{client_id}")),
            (None, Some(url)) => Some(identity(draft.kind, None, draft.acts_as.as_deref(), url)),
            (None, None) => None,
        };
        let existing =
            wanted.and_then(|wanted| connections.iter().position(|c| c.identity() == wanted));
        let previous = existing.map(|index| connections[index].clone());
        // What a re-import keeps of where the secrets went (address, IMS, trust): only what
        // Metadesk bound, never what the file alone says (another program may have edited it).
        let bound_before = match &previous {
            Some(p) => self.read_binding(&p.id)?,
            None => None,
        };
        let confirmed = previous.as_ref().filter(|p| match &bound_before {
            Some(bound) => *bound == p.binding(),
            None => p.binding().may_bind_unseen(),
        });

        // A re-import keeps a URL the user edited unless a new one is given.
        let aem_url = given_url
            .or_else(|| confirmed.map(|p| p.aem_url.clone()))
            .or_else(|| draft.aem_url.clone())
            .ok_or_else(|| {
                Error::worded(
                    ErrorCode::InvalidInput,
                    Text::new(
                        "error-no-aem-address",
                        vec![("kind", draft.kind.name().into())],
                    ),
                )
            })?;

        let others: Vec<&Connection> = connections
            .iter()
            .filter(|c| Some(&c.id) != previous.as_ref().map(|p| &p.id))
            .collect();
        let name = match options.name.as_deref() {
            Some(name) => checked_name(name, &others)?,
            None => match &previous {
                Some(p) => p.name.clone(),
                // In the importer's language when the face localized the credential first
                // (`Recognised::localize`), English otherwise.
                None => unique_name(
                    &draft.suggested_name.to_string(),
                    draft.technical_account_email.as_deref(),
                    &others,
                ),
            },
        };
        let id = previous
            .as_ref()
            .map(|p| p.id.clone())
            .unwrap_or_else(new_id);
        let mut connection = Connection {
            id: id.clone(),
            name,
            kind: draft.kind,
            aem_url,
            ims_base: reimport::ims_base(
                draft.kind,
                draft.ims_base.as_deref(),
                options,
                confirmed,
            )?,
            client_id: draft.client_id.clone(),
            technical_account_id: draft.technical_account_id.clone(),
            technical_account_email: draft.technical_account_email.clone(),
            org: draft.org.clone(),
            scopes: draft.scopes.clone(),
            acts_as: draft.acts_as.clone(),
            certificate_expires_at: draft.certificate_expires_at,
            token_expires_at: draft.token_expires_at,
            production: !sandbox
                && options
                    .production
                    .or(previous.as_ref().map(|p| p.production))
                    .unwrap_or(false),
            sandbox,
            secret_hints: draft.secret_hints.clone(),
            imported_at: OffsetDateTime::now_utc(),
            // A new file for the same credential keeps its pairing (checked again when used).
            paired_with: previous.as_ref().and_then(|p| p.paired_with.clone()),
            trusted_host: None,
        };
        // Whether its host needs trust depends on the credential too (its kind, its IMS).
        connection.trusted_host = trusted_host(&connection, options, bound_before.as_ref())?;

        if let Some(previous) = &previous {
            let keychain = ChunkedSecrets::new(self.secrets.as_ref());
            reimport::check_replace(previous, &connection, &draft.secrets, &keychain, options)?;
        }

        // Secrets first, with where they may go. Slots the new credential does not use are
        // cleared on an update (a connection that changed kind must not keep a stale key), and
        // so is the cached access token, which belongs to the old secrets.
        let binding = connection.binding().to_secret();
        let mut writes: Vec<(SecretSlot, Option<&Secret>)> = draft
            .secrets
            .iter()
            .map(|(slot, secret)| (*slot, Some(secret)))
            .chain([(SecretSlot::Binding, Some(&binding))])
            .collect();
        if previous.is_some() {
            for slot in SecretSlot::ALL {
                if !writes.iter().any(|(s, _)| *s == slot) {
                    writes.push((slot, None));
                }
            }
        }
        //
        // A new id is recorded before its first entry: if this process dies before the
        // connection is saved, the record is what lets a later change find the entries.
        if previous.is_none() {
            contents.unfinished.push(id.clone());
            config::save(&self.config_path, &contents)?;
        }
        let journal = match self.write_secrets(&id, &writes, previous.is_some()) {
            Ok(journal) => journal,
            Err(err) => {
                // The entries are put back already; the record goes too (with the file, when
                // this import made it), so a refused import leaves no trace.
                if previous.is_none() {
                    contents.unfinished.retain(|u| *u != id);
                    let forgotten = if had_file || !contents.unfinished.is_empty() {
                        config::save(&self.config_path, &contents)
                    } else {
                        std::fs::remove_file(&self.config_path).map_err(|e| {
                            Error::io_doing(
                                "io-remove",
                                vec![("path", self.config_path.display().to_string().into())],
                                e,
                            )
                        })
                    };
                    if let Err(e) = forgotten {
                        tracing::warn!(id = %id, error = ?e, "an unfinished import stays recorded until the next change");
                    }
                }
                return Err(err);
            }
        };

        contents.unfinished.retain(|u| *u != id);
        match existing {
            Some(index) => contents.connections[index] = connection.clone(),
            None => contents.connections.push(connection.clone()),
        }
        if let Err(err) = config::save(&self.config_path, &contents) {
            tracing::warn!(error = ?err, "config write failed; restoring the keychain");
            self.restore(&id, journal);
            return Err(err);
        }
        tracing::info!(id = %id, kind = ?connection.kind, updated = previous.is_some(), "connection imported");
        Ok(Imported {
            connection: connection.view(OffsetDateTime::now_utc()),
            updated: previous.is_some(),
        })
    }

    /// Adds (or updates) a local AEM SDK connection typed in by hand; a new one without `name`
    /// is named in English (tests): the faces use `Workspace::add_sdk_login`, which names it
    /// in the user's language.
    pub fn add_local_sdk(
        &self,
        url: Option<&str>,
        user: &str,
        password: Secret,
        name: Option<String>,
    ) -> Result<Imported> {
        let recognised = credentials::local_sdk(url, user, password)?;
        self.import(
            &recognised,
            &ImportOptions {
                name,
                ..ImportOptions::default()
            },
        )
    }

    pub fn rename(&self, id: &str, name: &str) -> Result<ConnectionView> {
        self.update(id, |connection, others| {
            connection.name = checked_name(name, others)?;
            Ok(())
        })
    }

    /// Changes the AEM author URL (https, or http on this computer) and binds it to the
    /// connection's secrets: also how a person confirms an address changed outside Metadesk. A
    /// host needing trust for this credential (`Connection::host_needing_trust`: this computer
    /// too for an Adobe-issued one) keeps the trust given to exactly that host before; any
    /// other change (to Adobe's, so that moving back asks again) keeps none, and until trusted
    /// by name (`trust_host`) the connection is flagged and not used.
    pub fn set_aem_url(&self, id: &str, url: &str) -> Result<ConnectionView> {
        let url = urls::normalise_aem_url(url).map_err(aem_address)?;
        self.update_bound(id, |connection, bound| {
            connection.aem_url = url;
            connection.trusted_host = connection
                .host_needing_trust()
                .filter(|host| bound.is_some_and(|b| b.trusts(host)));
            Ok(())
        })
    }

    /// The user trusts `host`, the host of connection `id`'s AEM address that is not Adobe's,
    /// by name: its tokens may go there from now on. Refused when `host` is not that host.
    pub fn trust_host(&self, id: &str, host: &str) -> Result<ConnectionView> {
        self.update_bound(id, |connection, _| {
            let options = ImportOptions {
                trust_host: Some(host.to_owned()),
                ..ImportOptions::default()
            };
            connection.trusted_host = trusted_host(connection, &options, None)?;
            Ok(())
        })
    }

    pub fn set_production(&self, id: &str, production: bool) -> Result<ConnectionView> {
        self.update(id, |connection, _| {
            if production && connection.sandbox {
                return Err(Error::message(
                    ErrorCode::InvalidInput,
                    "error-sandbox-not-production",
                    Vec::new(),
                ));
            }
            connection.production = production;
            Ok(())
        })
    }

    /// Pairs an OAuth Server-to-Server connection with a classic connection on the same AEM
    /// that finds its assets (`None` removes the pairing). Refused in words for any other kind,
    /// a paired that cannot list (another OAuth connection) or one on another AEM.
    pub fn set_paired(&self, id: &str, paired: Option<&str>) -> Result<ConnectionView> {
        self.update(id, |connection, others| {
            let Some(paired) = paired.map(str::trim).filter(|f| !f.is_empty()) else {
                connection.paired_with = None;
                return Ok(());
            };
            let found = others
                .iter()
                .find(|c| c.id == paired || c.name.eq_ignore_ascii_case(paired))
                .ok_or_else(|| {
                    Error::message(
                        ErrorCode::NotFound,
                        "error-no-other-connection",
                        vec![("name", paired.into())],
                    )
                })?;
            check_pairing(connection, found)?;
            connection.paired_with = Some(found.id.clone());
            Ok(())
        })
    }

    /// Deletes the connection and its keychain entries (including a cached access token).
    /// The keychain goes first: if it cannot be reached, the connection stays, so no secret
    /// is left behind without a connection that names it.
    pub fn delete(&self, id: &str) -> Result<()> {
        let _changing = self.lock()?;
        let mut contents = self.load_and_finish()?;
        let index = contents
            .connections
            .iter()
            .position(|c| c.id == id)
            .ok_or_else(|| Error::message(ErrorCode::NotFound, "error-connection-gone", vec![]))?;
        let chunked = ChunkedSecrets::new(self.secrets.as_ref());
        for slot in SecretSlot::ALL {
            chunked.remove(&slot.key(id))?;
        }
        contents.connections.remove(index);
        // Connections it found assets for are no longer paired (never with a dangling id).
        for other in &mut contents.connections {
            if other.paired_with.as_deref() == Some(id) {
                other.paired_with = None;
            }
        }
        config::save(&self.config_path, &contents)?;
        tracing::info!(id, "connection deleted");
        Ok(())
    }

    /// Removes the keychain entries of imports that were killed before they saved their
    /// connection (see `config::Contents::unfinished`). Every change does it first; this is
    /// for a start-up that wants it done before the first change. Blocking.
    pub fn finish_interrupted(&self) -> Result<()> {
        let _changing = self.lock()?;
        self.load_and_finish().map(drop)
    }

    /// Loads the config, holding the lock, and first removes what interrupted imports left:
    /// their keychain entries, then their records. An id that a connection has is only a
    /// record to drop: its entries are in use. A keychain that fails now keeps the record for
    /// a later try; the change that asked goes on.
    pub(super) fn load_and_finish(&self) -> Result<config::Contents> {
        let mut contents = config::load(&self.config_path)?;
        if contents.unfinished.is_empty() {
            return Ok(contents);
        }
        let chunked = ChunkedSecrets::new(self.secrets.as_ref());
        let known: Vec<String> = contents.connections.iter().map(|c| c.id.clone()).collect();
        contents.unfinished.retain(|id| {
            if known.contains(id) {
                return false;
            }
            match SecretSlot::ALL
                .iter()
                .try_for_each(|slot| chunked.remove(&slot.key(id)))
            {
                Ok(()) => {
                    tracing::info!(id = %id, "removed the keychain entries of an interrupted import");
                    false
                }
                Err(err) => {
                    tracing::warn!(id = %id, error = ?err, "could not remove the keychain entries of an interrupted import yet");
                    true
                }
            }
        });
        config::save(&self.config_path, &contents)?;
        Ok(contents)
    }

    /// The secrets of a connection, for the token code. Fails with words when one its kind
    /// needs is missing from the keychain.
    pub fn load_secrets(&self, id: &str) -> Result<ConnectionSecrets> {
        let connection = self.get(id)?;
        let chunked = ChunkedSecrets::new(self.secrets.as_ref());
        let read = |slot: SecretSlot, field: &'static str| -> Result<Option<Secret>> {
            chunked.get(&slot.key(id))?.map(Some).ok_or_else(|| {
                Error::message(
                    ErrorCode::NotFound,
                    "error-keychain-missing",
                    vec![
                        ("field", field.into()),
                        ("name", connection.name.as_str().into()),
                    ],
                )
            })
        };
        let mut secrets = ConnectionSecrets {
            binding: match self.read_binding(id)? {
                Some(bound) => Some(bound),
                None => self.bind_unseen(id)?,
            },
            ..ConnectionSecrets::default()
        };
        match connection.kind {
            CredentialKind::ServiceCredentials => {
                secrets.client_secret = read(SecretSlot::ClientSecret, "client-secret")?;
                secrets.private_key_pem = read(SecretSlot::PrivateKey, "private-key")?;
            }
            CredentialKind::OauthServerToServer => {
                secrets.client_secret = read(SecretSlot::ClientSecret, "client-secret")?;
            }
            CredentialKind::LocalDevToken => {
                secrets.dev_token = read(SecretSlot::DevToken, "development-token")?;
            }
            CredentialKind::LocalSdk => {
                secrets.password = read(SecretSlot::Password, "password")?;
            }
        }
        Ok(secrets)
    }

    /// Load, change one connection, save.
    fn update(
        &self,
        id: &str,
        change: impl FnOnce(&mut Connection, &[&Connection]) -> Result<()>,
    ) -> Result<ConnectionView> {
        let _changing = self.lock()?;
        let mut contents = self.load_and_finish()?;
        let index = contents
            .connections
            .iter()
            .position(|c| c.id == id)
            .ok_or_else(|| Error::message(ErrorCode::NotFound, "error-connection-gone", vec![]))?;
        let mut changed = contents.connections[index].clone();
        {
            let others: Vec<&Connection> =
                contents.connections.iter().filter(|c| c.id != id).collect();
            change(&mut changed, &others)?;
        }
        contents.connections[index] = changed.clone();
        config::save(&self.config_path, &contents)?;
        Ok(changed.view(OffsetDateTime::now_utc()))
    }

    /// Writes (or, for `None`, removes) each slot, remembering what was there so a failure
    /// can put it back. On failure the keychain is restored before returning the error.
    fn write_secrets(
        &self,
        id: &str,
        writes: &[(SecretSlot, Option<&Secret>)],
        had_previous: bool,
    ) -> Result<Vec<(SecretSlot, Option<Secret>)>> {
        let chunked = ChunkedSecrets::new(self.secrets.as_ref());
        let mut journal = Vec::new();
        for (slot, value) in writes {
            let key = slot.key(id);
            let step = (|| {
                // A new connection has nothing to remember: its id is fresh.
                let before = if had_previous {
                    chunked.get(&key)?
                } else {
                    None
                };
                journal.push((*slot, before));
                match value {
                    Some(secret) => chunked.put(&key, secret),
                    None => chunked.remove(&key),
                }
            })();
            if let Err(err) = step {
                tracing::warn!(error = ?err, slot = ?slot, "keychain write failed; restoring");
                self.restore(id, journal);
                return Err(err.into());
            }
        }
        Ok(journal)
    }

    /// Best effort: puts back what `write_secrets` replaced. Failures are logged; the
    /// original error is what the user needs to see.
    fn restore(&self, id: &str, journal: Vec<(SecretSlot, Option<Secret>)>) {
        let chunked = ChunkedSecrets::new(self.secrets.as_ref());
        for (slot, before) in journal.into_iter().rev() {
            let key = slot.key(id);
            let result = match &before {
                Some(secret) => chunked.put(&key, secret),
                None => chunked.remove(&key),
            };
            if let Err(err) = result {
                tracing::error!(error = ?err, slot = ?slot, "could not restore a keychain entry");
            }
        }
    }

    /// Waits for this process's turn, then for the other processes' changes to end.
    pub(super) fn lock(&self) -> Result<Changing<'_>> {
        let turn = self
            .write_lock
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let lock = LockFile::acquire_within(&self.lock_path, LOCK_PATIENCE)?.ok_or_else(|| {
            Error::message(
                ErrorCode::InvalidInput,
                "error-connections-busy",
                Vec::new(),
            )
        })?;
        Ok(Changing {
            _lock: lock,
            _turn: turn,
        })
    }
}

/// A fresh connection id: 12 hex characters.
fn new_id() -> String {
    let bytes: [u8; 6] = rand::thread_rng().r#gen();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
