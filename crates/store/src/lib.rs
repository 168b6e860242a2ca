//! What Metadesk keeps on this computer: its folders, cross-process file locks, the thumbnail
//! cache, the start-up health checks, and the connection store (`connections.json` and the
//! keychain) with the authorizer of each stored connection.
//!
//! Not here: what is asked of AEM with a connection (`metadesk_assets` and above).

pub mod connections;
pub mod dirs;
pub mod file_names;
pub mod health;
pub mod lock_file;
pub mod thumbnails;
