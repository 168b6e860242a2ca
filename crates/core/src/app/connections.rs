//! Managing stored connections: what changes a connection's secrets or address also forgets its
//! token manager, so no token minted for the old one is used again.
//!
//! Everything here blocks (disk, keychain): call it from a blocking thread.
//!
//! The use case in full (ARCHITECTURE.md points here): rename, set the AEM address, production,
//! delete; pair an OAuth S2S connection with its *paired connection*, the one that finds its assets
//! (one name in code, window and CLI). Here: `connections.rs` (`ConnectionStore::set_paired`). The
//! layers below: `store::connections`. The window: `commands/connections.rs`. The CLI: `connections
//! …`, `connections pair`.

use super::Workspace;
use metadesk_clients::error::{Error, ErrorCode, Result};
use metadesk_clients::ims::access_token_key;
use metadesk_credentials::credentials::urls;
use metadesk_credentials::secrets::ChunkedSecrets;
use metadesk_store::connections::ConnectionView;

impl Workspace {
    /// Deletes connection `id` and its keychain entries, and forgets its token manager, its
    /// console files (history, saved requests, lock) and the thumbnails it read. Returns whether
    /// a sandbox connection is left (the app stops its sandbox when none is).
    pub fn delete_connection(&self, id: &str) -> Result<bool> {
        // Its files go first: one that cannot be removed (a file another program holds open)
        // stops the delete with the connection still there to delete again, rather than gone
        // with an error and its files left behind for good.
        self.connections.get(id)?;
        self.console_files().forget_connection(id)?;
        self.thumbnails.forget_connection(id)?;
        // A token being obtained meanwhile must not be left in the keychain: its manager is
        // retired before the entries go (it then removes what it saves), and one built while
        // they were going is retired after, and its entry removed again.
        self.tokens.forget(id);
        self.connections.delete(id)?;
        self.tokens.forget(id);
        ChunkedSecrets::new(self.keychain.as_ref()).remove(&access_token_key(id))?;
        Ok(self.connections.connections()?.iter().any(|c| c.sandbox))
    }

    /// Points connection `id` at another AEM author URL. A token may be good for one
    /// environment only, so the old token manager is forgotten and the token cached in the
    /// keychain is dropped: the next call mints a new one. The cache goes first, so a keychain
    /// that cannot be written leaves the connection as it was.
    pub fn set_connection_url(&self, id: &str, url: &str) -> Result<ConnectionView> {
        urls::normalise_aem_url(url)
            .map_err(|e| Error::message(ErrorCode::InvalidInput, "error-aem-address", e.args()))?;
        self.connections.get(id)?;
        self.tokens.forget(id);
        ChunkedSecrets::new(self.keychain.as_ref()).remove(&access_token_key(id))?;
        let view = self.connections.set_aem_url(id, url)?;
        self.tokens.forget(id);
        Ok(view)
    }
}
