//! Connections: a credential the user imported, its non-secret metadata in the config folder
//! (`connections.json`) and its secrets in the OS keychain.
//!
//! [`ConnectionStore`] is the one entry point: import, list, rename, edit the URL, mark
//! production, delete, and read the secrets back for token code ([`ConnectionStore::load_secrets`]).
//! Where a connection's credentials may go is bound to them in the keychain ([`Binding`]).
//! Not here: recognising files (`credentials`) or talking to IMS and AEM.

mod authorizers;
mod auto_name;
mod binding;
mod checks;
mod config;
mod guard;
mod model;
mod rebinding;
mod reimport;
mod store;
mod trust;
mod views;

pub use authorizers::{AuthContext, Authorizers, authorizer_for, test_stored_connection};
pub use auto_name::AutoName;
pub use binding::Binding;
pub use checks::{check_pairing, require_bound};
pub use config::{FILE_NAME as CONFIG_FILE_NAME, VERSION as CONFIG_VERSION};
pub use guard::confirm_production;
pub use metadesk_clients::error::ReplaceNotice;
pub use metadesk_credentials::secrets::slots::SecretSlot;
pub use model::{Connection, ConnectionSecrets, ConnectionStatus, ConnectionView, ImportOptions};
pub use store::{ConnectionStore, Imported};
pub use views::{
    CompleteImportArgs, FileOutcome, FileResult, LocalSdkArgs, Password, RenameArgs, SandboxStatus,
    SetPairedArgs, SetProductionArgs, SetUrlArgs, TrustHostArgs,
};

#[cfg(test)]
mod binding_tests;
#[cfg(test)]
mod tests;
