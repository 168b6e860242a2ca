//! What the core's tests against the sandbox share: a workspace in a temporary folder with a
//! sandbox's credential imported (and opened). Test builds only.
//!
//! Not here: the tests themselves, each beside what it tests.

use std::sync::Arc;

use metadesk_credentials::secrets::RunOnlyKeychain;
use metadesk_sandbox::{Sandbox, SandboxConfig};

use super::{ConnectionChoice, Opened, Workspace};

/// A sandbox with `assets` assets, all in its sample folder, and a workspace (in a temporary
/// folder, with a keychain that lives as long as the process) holding its service credentials,
/// opened. The folder goes when the first value is dropped.
pub(crate) async fn sandboxed_workspace(
    assets: usize,
) -> (tempfile::TempDir, Workspace, Opened, Sandbox) {
    let (dir, ws, id, sandbox) = sandboxed_connection(assets).await;
    let opened = ws.open(ConnectionChoice::stored(id)).await.unwrap();
    (dir, ws, opened, sandbox)
}

/// [`sandboxed_workspace`] with the connection imported but not opened: its id.
pub(crate) async fn sandboxed_connection(
    assets: usize,
) -> (tempfile::TempDir, Workspace, String, Sandbox) {
    let sandbox = Sandbox::start(
        SandboxConfig::default()
            .with_assets(assets)
            .with_assets_per_folder(assets)
            .with_key_bits(1024),
    )
    .await
    .unwrap();
    let credential = sandbox.credentials().service_credentials_json.clone();
    let (dir, ws, id) = workspace_with(&sandbox, &credential, Arc::new(RunOnlyKeychain::default()));
    (dir, ws, id, sandbox)
}

/// A workspace in a temporary folder using `keychain`, with `credential` (a credential file's
/// text) imported and pointed at `sandbox`: the folder, the workspace and the connection's id.
pub(crate) fn workspace_with(
    sandbox: &Sandbox,
    credential: &str,
    keychain: Arc<RunOnlyKeychain>,
) -> (tempfile::TempDir, Workspace, String) {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::new(metadesk_store::dirs::AppDirs::under(dir.path()), keychain).unwrap();
    let recognised = metadesk_credentials::credentials::inspect(credential.as_bytes()).unwrap();
    let options = metadesk_store::connections::ImportOptions {
        aem_url: Some(sandbox.base_url()),
        ..Default::default()
    };
    let id = ws
        .connections()
        .import(&recognised, &options)
        .unwrap()
        .connection
        .id;
    (dir, ws, id)
}

/// Journals `part` of run `run` `sending`, as a process does just before the part's request
/// leaves: a process that stopped then left it in doubt.
pub(crate) fn journal_sending(ws: &Workspace, run: &str, part: metadesk_bulk::parts::RunPart) {
    use metadesk_bulk::journal::{JournalWriter, Record, path_of};
    let journal = JournalWriter::reopen(&path_of(&ws.runs_dir(), run).unwrap()).unwrap();
    journal
        .append(&Record::Part {
            part,
            state: metadesk_bulk::parts::PartState::Sending,
            at: metadesk_base::timefmt::now_rfc3339(),
            reason: None,
            now: None,
        })
        .unwrap();
}

/// The engine of `opened`'s runs, one request at a time: what it sends goes in its order.
pub(crate) fn one_at_a_time(ws: &Workspace, opened: &Opened) -> metadesk_bulk::Engine {
    metadesk_bulk::Engine::new(opened.connected.assets.clone(), ws.runs_dir()).with_settings(
        metadesk_bulk::Settings {
            max_tasks: 1,
            ..metadesk_bulk::Settings::default()
        },
    )
}
