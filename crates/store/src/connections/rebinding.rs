//! The keychain side of a connection's [`Binding`]: reading it, binding a connection an older
//! Metadesk saved, and the changes a person makes to where the secrets go (the address, a
//! trust), which bind as they save. The rules themselves are in `binding`.

use time::OffsetDateTime;

use super::binding::{Binding, adobe_ims};
use super::config;
use super::model::{Connection, ConnectionView};
use super::store::ConnectionStore;
use metadesk_clients::error::{Error, ErrorCode, Result};
use metadesk_credentials::secrets::ChunkedSecrets;
use metadesk_credentials::secrets::slots::SecretSlot;

impl ConnectionStore {
    /// Where connection `id`'s secrets were bound to go; `None` when they never were (saved
    /// by an older Metadesk) or the entry is not a binding.
    pub(super) fn read_binding(&self, id: &str) -> Result<Option<Binding>> {
        let chunked = ChunkedSecrets::new(self.secrets.as_ref());
        Ok(chunked
            .get(&SecretSlot::Binding.key(id))?
            .as_ref()
            .and_then(Binding::from_secret))
    }

    /// Binds a connection an older Metadesk saved, when its credentials go only to Adobe's
    /// hosts (see `binding`): its binding, else `None` (the connection is refused in words).
    pub(super) fn bind_unseen(&self, id: &str) -> Result<Option<Binding>> {
        let _changing = self.lock()?;
        if let Some(bound) = self.read_binding(id)? {
            return Ok(Some(bound));
        }
        let binding = self.get(id)?.binding();
        if !binding.may_bind_unseen() {
            return Ok(None);
        }
        ChunkedSecrets::new(self.secrets.as_ref())
            .put(&SecretSlot::Binding.key(id), &binding.to_secret())?;
        tracing::info!(
            id,
            "bound a connection saved by an older Metadesk to its Adobe hosts"
        );
        Ok(Some(binding))
    }

    /// `update` for a change that decides where the secrets go (the address, a trust),
    /// which the person makes in Metadesk: the change is bound to the secrets. What only
    /// Metadesk decides (kind, IMS address, sandbox mark) is taken from the binding, not the
    /// file; a connection never bound keeps its IMS only if it is Adobe's, and is no sandbox.
    pub(super) fn update_bound(
        &self,
        id: &str,
        change: impl FnOnce(&mut Connection, Option<&Binding>) -> Result<()>,
    ) -> Result<ConnectionView> {
        let _changing = self.lock()?;
        let mut contents = self.load_and_finish()?;
        let index = contents
            .connections
            .iter()
            .position(|c| c.id == id)
            .ok_or_else(|| Error::message(ErrorCode::NotFound, "error-connection-gone", vec![]))?;
        let bound = self.read_binding(id)?;
        let mut changed = contents.connections[index].clone();
        match &bound {
            Some(bound) => {
                changed.kind = bound.kind;
                changed.ims_base.clone_from(&bound.ims_base);
                changed.sandbox = bound.sandbox;
            }
            None => {
                if let Some(ims) = changed.ims_base.as_deref().filter(|ims| !adobe_ims(ims)) {
                    return Err(Error::message(
                        ErrorCode::UntrustedHost,
                        "error-connection-import-again",
                        vec![("name", changed.name.as_str().into()), ("ims", ims.into())],
                    ));
                }
                changed.sandbox = false;
            }
        }
        change(&mut changed, bound.as_ref())?;
        let chunked = ChunkedSecrets::new(self.secrets.as_ref());
        let key = SecretSlot::Binding.key(id);
        chunked.put(&key, &changed.binding().to_secret())?;
        contents.connections[index] = changed.clone();
        if let Err(err) = config::save(&self.config_path, &contents) {
            let put_back = match &bound {
                Some(bound) => chunked.put(&key, &bound.to_secret()),
                None => chunked.remove(&key),
            };
            if let Err(e) = put_back {
                tracing::error!(id, error = ?e, "could not put a connection's binding back");
            }
            return Err(err);
        }
        Ok(changed.view(OffsetDateTime::now_utc()))
    }
}
