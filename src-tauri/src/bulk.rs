//! Bulk edits in the app: what each bulk command does, over the core's engine, folder browser,
//! scope count and run journals, with the app's shared token managers and its one-job-at-a-time
//! rule ([`crate::jobs`]). Kept apart from the `#[tauri::command]` wrappers so it is tested
//! against the sandbox without a window.
//!
//! Runs of an existing journal (apply, undo, retry) use the connection named in the run; a
//! connection deleted or pointed elsewhere since is refused in words. Applying on a connection
//! marked production needs the connection's name typed by the user, checked here too.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use metadesk_core::Error;
use metadesk_core::assets::browse::{self, FolderEntry, FolderPage};
use metadesk_core::assets::connect::{self, Connected};
use metadesk_core::bulk::{
    ApplyRequest, Engine, Filters, Progress, RunKind, RunRequest, RunSpec, RunSummary, ScopeCount,
    runs, scope,
};
use metadesk_core::connections::confirm_production;

use crate::jobs::JobKind;
use crate::state::AppState;

/// Children per page of the folder tree.
pub const FOLDER_PAGE: u64 = 200;
/// Suggestions per completion.
pub const COMPLETIONS: usize = 50;

pub type OnProgress<'a> = &'a (dyn Fn(Progress) + Send + Sync);

/// Where the journals live: the same folder the CLI uses with the same profile.
pub fn runs_dir(state: &AppState) -> PathBuf {
    runs::runs_dir(&state.dirs)
}

/// Disk and keychain work on a blocking thread.
pub async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, Error> + Send + 'static,
) -> Result<T, Error> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| Error::Internal(format!("background task: {e}")))?
}

/// The Assets API of connection `id_or_name`, with the app's shared token manager.
async fn open(state: &AppState, id_or_name: &str) -> Result<Connected, Error> {
    let (store, auth, wanted) = (
        state.connections.clone(),
        Arc::clone(&state.auth),
        id_or_name.to_owned(),
    );
    blocking(move || connect::open_shared(&store, &wanted, None, &auth.authorizers, &auth.ctx))
        .await
}

/// The connection run `summary` was made with, as it is now: refused when it was deleted or
/// points at another AEM. `to` says what the user wanted ("apply it").
async fn open_for_run(
    state: &AppState,
    summary: &RunSummary,
    to: &str,
) -> Result<Connected, Error> {
    // By id first: the connection may have been renamed since the run.
    let by = summary
        .connection_id
        .as_deref()
        .unwrap_or(&summary.connection);
    let connected = match open(state, by).await {
        Err(Error::NotFound(_)) => {
            return Err(Error::InvalidInput(format!(
                "This run was made with the connection \"{}\", which no longer exists. Import \
                 its credential file again under that name to {to}.",
                summary.connection
            )));
        }
        other => other?,
    };
    let same = |a: &str, b: &str| {
        a.trim_end_matches('/')
            .eq_ignore_ascii_case(b.trim_end_matches('/'))
    };
    if !same(&connected.aem_url, &summary.aem) {
        return Err(Error::InvalidInput(format!(
            "The connection \"{}\" now points to {}, but this run was made on {}. Set the \
             connection's address back to {} to {to}.",
            connected.connection.name, connected.aem_url, summary.aem, summary.aem
        )));
    }
    Ok(connected)
}

async fn summary_of(state: &AppState, run_id: &str) -> Result<RunSummary, Error> {
    let (dir, id) = (runs_dir(state), run_id.to_owned());
    blocking(move || runs::summary(&dir, &id)).await
}

/// One page of a folder's subfolders, for the folder tree.
pub async fn folder_page(
    state: &AppState,
    connection_id: &str,
    folder: &str,
    offset: u64,
) -> Result<FolderPage, Error> {
    let connected = open(state, connection_id).await?;
    browse::folder_page(connected.store.as_ref(), folder, offset, FOLDER_PAGE).await
}

/// Subfolders completing a typed path.
pub async fn complete(
    state: &AppState,
    connection_id: &str,
    typed: &str,
) -> Result<Vec<FolderEntry>, Error> {
    let connected = open(state, connection_id).await?;
    browse::complete(connected.store.as_ref(), typed, COMPLETIONS).await
}

/// Counts the assets in scope; a count still running is cancelled first.
pub async fn count(
    state: &AppState,
    connection_id: &str,
    folder: &str,
    filters: &Filters,
    on_update: &(dyn Fn(ScopeCount) + Send + Sync),
) -> Result<ScopeCount, Error> {
    let job = state
        .jobs
        .start(JobKind::Count, format!("counting the assets of {folder}"))?;
    let connected = open(state, connection_id).await?;
    scope::count(
        connected.store.as_ref(),
        folder,
        filters,
        job.control(),
        on_update,
    )
    .await
}

/// Previews an edit: a new journaled run; nothing is written to AEM.
pub async fn preview(
    state: &AppState,
    request: RunRequest,
    on_progress: OnProgress<'_>,
) -> Result<RunSummary, Error> {
    let job = state.jobs.start(
        JobKind::Preview,
        format!("a preview of {}", request.folder.trim()),
    )?;
    let connected = open(state, &request.connection_id).await?;
    let spec = RunSpec {
        connection: connected.connection.name.clone(),
        connection_id: Some(connected.connection.id.clone()),
        aem: connected.aem_url.clone(),
        family: connected.family,
        folder: request.folder,
        filters: request.filters,
        edits: request.edits,
        kind: RunKind::Edit,
        account: connected.account.clone(),
    };
    let engine = Engine::new(connected.store.clone(), runs_dir(state));
    let forward = |p: Progress| {
        job.set_run_id(&p.run_id);
        on_progress(p);
    };
    engine.preview(spec, job.control(), &forward).await
}

/// Previews the undo (`RunKind::Undo`) or the retry (`RunKind::Retry`) of run `of`.
pub async fn preview_from_run(
    state: &AppState,
    kind: RunKind,
    on_progress: OnProgress<'_>,
) -> Result<RunSummary, Error> {
    let (of, words) = match &kind {
        RunKind::Undo { of } => (of.as_str(), "undo"),
        RunKind::Retry { of } => (of.as_str(), "retry"),
        RunKind::Edit => return Err(Error::Internal("an edit is not planned from a run".into())),
    };
    let summary = summary_of(state, of).await?;
    let job = state.jobs.start(
        JobKind::Preview,
        format!("a preview of the {words} in {}", summary.folder),
    )?;
    let connected = open_for_run(state, &summary, &format!("{words} it")).await?;
    let engine = Engine::new(connected.store.clone(), runs_dir(state));
    let forward = |p: Progress| {
        job.set_run_id(&p.run_id);
        on_progress(p);
    };
    match kind {
        RunKind::Undo { .. } => engine.preview_undo(of, job.control(), &forward).await,
        _ => engine.preview_retry(of, job.control(), &forward).await,
    }
}

/// Applies (or resumes) a previewed run, after the production guard.
pub async fn apply(
    state: &AppState,
    request: ApplyRequest,
    on_progress: OnProgress<'_>,
) -> Result<RunSummary, Error> {
    let summary = summary_of(state, &request.run_id).await?;
    let job = state.jobs.start(
        JobKind::Apply,
        format!("applying changes to {}", summary.folder),
    )?;
    job.set_run_id(&summary.id);
    let connected = open_for_run(state, &summary, "apply it").await?;
    confirm_production(&connected.connection, request.confirm_name.as_deref())?;
    let engine = Engine::new(connected.store.clone(), runs_dir(state));
    engine.apply(&summary.id, job.control(), on_progress).await
}

/// Writes run `run_id`'s report as CSV to `path`; returns the file's name. A file left half
/// written by a failure is removed.
pub fn write_report(runs_dir: &Path, run_id: &str, path: &Path) -> Result<String, Error> {
    let shown = path.display().to_string();
    let file = std::fs::File::create(path)
        .map_err(|e| Error::io(format!("could not create {shown}"), e))?;
    let mut out = std::io::BufWriter::new(file);
    let written = runs::write_csv(runs_dir, run_id, &mut out).and_then(|()| {
        std::io::Write::flush(&mut out)
            .map_err(|e| Error::io(format!("could not write {shown}"), e))
    });
    if let Err(e) = written {
        drop(out);
        let _ = std::fs::remove_file(path);
        return Err(e);
    }
    Ok(path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or(shown))
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use metadesk_core::bulk::{Action, Edit, EditOp, ReportStatus, RunStatus};
    use metadesk_core::connections::ImportOptions;
    use metadesk_core::credentials;
    use metadesk_core::dirs::AppDirs;
    use metadesk_core::error::ErrorCode;
    use metadesk_core::ims::access_token_key;
    use metadesk_core::secrets::{ChunkedSecrets, MemoryStore, SecretStore};
    use metadesk_sandbox::{Faults, SAMPLE_FOLDER, Sandbox, SandboxConfig};

    use super::*;

    struct Fixture {
        sandbox: Sandbox,
        secrets: Arc<MemoryStore>,
        state: Arc<AppState>,
        id: String,
        name: String,
        _dir: tempfile::TempDir,
    }

    /// The app's state over a fresh folder and an in-memory keychain, with the sandbox's
    /// read-write service credentials imported.
    async fn fixture() -> Fixture {
        let sandbox = Sandbox::start(
            SandboxConfig::default()
                .with_assets(120)
                .with_key_bits(1024),
        )
        .await
        .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let secrets = Arc::new(MemoryStore::default());
        let state = Arc::new(AppState::new(AppDirs::under(dir.path()), secrets.clone()).unwrap());
        let recognised =
            credentials::inspect(sandbox.credentials().service_credentials_json.as_bytes())
                .unwrap();
        let options = ImportOptions {
            aem_url: Some(sandbox.base_url()),
            ..ImportOptions::default()
        };
        let connection = state
            .connections
            .import(&recognised, &options)
            .unwrap()
            .connection;
        Fixture {
            sandbox,
            secrets,
            state,
            id: connection.id,
            name: connection.name,
            _dir: dir,
        }
    }

    fn request(f: &Fixture, value: &str) -> RunRequest {
        RunRequest {
            connection_id: f.id.clone(),
            folder: SAMPLE_FOLDER.into(),
            filters: Filters::default(),
            edits: vec![Edit {
                property: "dc:rights".into(),
                op: EditOp::Set {
                    values: vec![value.into()],
                },
            }],
        }
    }

    fn apply_request(run_id: &str, confirm: Option<&str>) -> ApplyRequest {
        ApplyRequest {
            run_id: run_id.into(),
            confirm_name: confirm.map(str::to_owned),
        }
    }

    fn quiet(_: Progress) {}

    fn issued(f: &Fixture) -> u64 {
        f.sandbox.counters().tokens_issued.values().sum()
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn browse_count_preview_apply_and_report_share_one_token() {
        let f = fixture().await;
        let s = f.state.as_ref();
        assert!(
            f.state
                .auth
                .test(f.state.connections.clone(), &f.id)
                .await
                .unwrap()
                .ok
        );
        assert_eq!(issued(&f), 1);

        let parent = SAMPLE_FOLDER.rsplit_once('/').unwrap().0;
        let page = folder_page(s, &f.id, parent, 0).await.unwrap();
        assert!(
            page.folders.iter().any(|e| e.path == SAMPLE_FOLDER),
            "{page:?}"
        );
        let typed = &SAMPLE_FOLDER[..SAMPLE_FOLDER.len() - 3];
        let found = complete(s, &f.id, typed).await.unwrap();
        assert_eq!(found[0].path, SAMPLE_FOLDER);

        let updates = Mutex::new(Vec::new());
        let on_update = |c: ScopeCount| updates.lock().unwrap().push(c);
        let counted = count(s, &f.id, SAMPLE_FOLDER, &Filters::default(), &on_update)
            .await
            .unwrap();
        assert!(counted.done && counted.assets > 0);
        assert!(updates.lock().unwrap().last().unwrap().done);

        let progress = Mutex::new(Vec::new());
        let on_progress = |p: Progress| progress.lock().unwrap().push(p);
        let p = preview(s, request(&f, "App rights"), &on_progress)
            .await
            .unwrap();
        assert_eq!(p.status, RunStatus::Previewed);
        assert_eq!(p.connection, f.name);
        assert_eq!(p.counts.assets - p.counts.skipped, counted.assets);
        assert!(progress.lock().unwrap().last().unwrap().finished);
        let rows = runs::preview_page(&runs_dir(s), &p.id, Some(Action::Change), 0, 5).unwrap();
        assert_eq!(rows.total, p.counts.pending);

        let a = apply(s, apply_request(&p.id, None), &quiet).await.unwrap();
        assert_eq!(
            (a.status, a.counts.changed, a.counts.failed),
            (RunStatus::Completed, p.counts.pending, 0)
        );
        let report =
            runs::report_page(&runs_dir(s), &p.id, Some(ReportStatus::Changed), 0, 10).unwrap();
        assert_eq!(report.total, a.counts.changed);
        let path = &report.rows[0].path;
        assert_eq!(
            f.sandbox.asset(path).unwrap()["metadata"]["dc:rights"],
            "App rights"
        );
        assert_eq!(issued(&f), 1, "the token of Test connection was reused");
        assert!(f.state.jobs.describe().is_none(), "every job ended");

        // Nothing the window receives holds the token.
        let record = ChunkedSecrets::new(f.secrets.as_ref() as &dyn SecretStore)
            .get(&access_token_key(&f.id))
            .unwrap()
            .unwrap();
        let record: serde_json::Value = serde_json::from_str(record.expose()).unwrap();
        let token = record["accessToken"].as_str().unwrap();
        let sent =
            serde_json::to_string(&(&page, &found, &counted, &p, &rows, &a, &report)).unwrap();
        assert!(!sent.contains(token));

        // The CSV export writes the report where the user chose.
        let out = f._dir.path().join("report.csv");
        assert_eq!(
            write_report(&runs_dir(s), &p.id, &out).unwrap(),
            "report.csv"
        );
        let csv = std::fs::read_to_string(&out).unwrap();
        assert!(csv.starts_with("path,status,reason,dc:rights before,dc:rights after"));
        assert!(write_report(&runs_dir(s), "../x", &f._dir.path().join("bad.csv")).is_err());
        assert!(
            !f._dir.path().join("bad.csv").exists(),
            "a failed export leaves no file"
        );

        // Undo from the app restores the originals.
        let u = preview_from_run(s, RunKind::Undo { of: p.id.clone() }, &quiet)
            .await
            .unwrap();
        let u = apply(s, apply_request(&u.id, None), &quiet).await.unwrap();
        assert_eq!(
            (u.status, u.counts.changed),
            (RunStatus::Completed, a.counts.changed)
        );
        assert_ne!(
            f.sandbox.asset(path).unwrap()["metadata"]["dc:rights"],
            "App rights"
        );
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn production_connections_apply_only_with_their_name_typed() {
        let f = fixture().await;
        let s = f.state.as_ref();
        f.state.connections.set_production(&f.id, true).unwrap();
        let p = preview(s, request(&f, "Prod rights"), &quiet)
            .await
            .unwrap();
        for typed in [None, Some(""), Some("prod"), Some("something else")] {
            let err = apply(s, apply_request(&p.id, typed), &quiet)
                .await
                .unwrap_err();
            assert_eq!(err.code(), ErrorCode::InvalidInput);
            assert_eq!(
                err.to_string(),
                format!(
                    "This connection is marked production: type its name, \"{}\", to apply.",
                    f.name
                )
            );
        }
        assert_eq!(f.sandbox.counters().count("PUT", 200), 0, "nothing written");
        assert_eq!(
            runs::summary(&runs_dir(s), &p.id).unwrap().status,
            RunStatus::Previewed
        );
        let typed = format!("  {}  ", f.name);
        let a = apply(s, apply_request(&p.id, Some(&typed)), &quiet)
            .await
            .unwrap();
        assert_eq!(a.status, RunStatus::Completed);
        // Not production: no name needed.
        f.state.connections.set_production(&f.id, false).unwrap();
        let p2 = preview(s, request(&f, "Other"), &quiet).await.unwrap();
        assert!(apply(s, apply_request(&p2.id, None), &quiet).await.is_ok());
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn a_run_still_finds_its_connection_after_a_rename() {
        let f = fixture().await;
        let s = f.state.as_ref();
        let p = preview(s, request(&f, "Renamed"), &quiet).await.unwrap();
        assert_eq!(p.connection_id.as_deref(), Some(f.id.as_str()));
        f.state.connections.rename(&f.id, "Another name").unwrap();
        let done = apply(s, apply_request(&p.id, None), &quiet).await.unwrap();
        assert_eq!(done.counts.failed, 0, "{done:?}");
        assert!(done.counts.changed > 0, "{done:?}");
        let undo = preview_from_run(s, RunKind::Undo { of: p.id.clone() }, &quiet)
            .await
            .unwrap();
        assert_eq!(undo.connection_id.as_deref(), Some(f.id.as_str()));
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn runs_of_a_moved_or_deleted_connection_are_refused_in_words() {
        let f = fixture().await;
        let s = f.state.as_ref();
        let p = preview(s, request(&f, "x"), &quiet).await.unwrap();
        f.state
            .connections
            .set_aem_url(&f.id, "http://127.0.0.1:9")
            .unwrap();
        for err in [
            apply(s, apply_request(&p.id, None), &quiet)
                .await
                .unwrap_err(),
            preview_from_run(s, RunKind::Undo { of: p.id.clone() }, &quiet)
                .await
                .unwrap_err(),
        ] {
            let words = err.to_string();
            assert!(
                words.contains("now points to http://127.0.0.1:9")
                    && words.contains(&f.sandbox.base_url()),
                "{words}"
            );
        }
        f.state.connections.delete(&f.id).unwrap();
        let err = apply(s, apply_request(&p.id, None), &quiet)
            .await
            .unwrap_err();
        assert!(err.to_string().contains("no longer exists"), "{err}");
        let err = preview_from_run(s, RunKind::Retry { of: p.id.clone() }, &quiet)
            .await
            .unwrap_err();
        assert!(err.to_string().contains("no longer exists"), "{err}");
        for bad in ["../etc/passwd", "nope"] {
            let err = apply(s, apply_request(bad, None), &quiet)
                .await
                .unwrap_err();
            assert!(err.to_string().contains("run"), "{err}");
        }
        let err = preview(s, request(&f, "x"), &quiet).await.unwrap_err();
        assert_eq!(err.code(), ErrorCode::NotFound);
        assert!(
            f.state.jobs.describe().is_none(),
            "refused jobs do not linger"
        );
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn one_bulk_edit_at_a_time_and_pause_acts_on_it() {
        let f = fixture().await;
        let p = preview(&f.state, request(&f, "Slow"), &quiet)
            .await
            .unwrap();
        f.sandbox
            .set_faults(Faults {
                latency_ms: 40,
                capacity: Some(2),
                ..Faults::default()
            })
            .unwrap();
        let task = tokio::spawn({
            let (state, id) = (f.state.clone(), p.id.clone());
            async move { apply(&state, apply_request(&id, None), &quiet).await }
        });
        while !f.state.jobs.run_in_progress() {
            tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        }
        f.state.jobs.pause().unwrap();
        let err = preview(&f.state, request(&f, "Other"), &quiet)
            .await
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "A bulk edit is already running (applying changes to {SAMPLE_FOLDER}). Wait for \
                 it to finish or cancel it, then try again."
            )
        );
        let err = count(&f.state, &f.id, SAMPLE_FOLDER, &Filters::default(), &|_| {})
            .await
            .unwrap_err();
        assert!(err.to_string().contains("already running"), "{err}");
        f.state.jobs.cancel().unwrap();
        let a = task.await.unwrap().unwrap();
        assert_eq!(a.status, RunStatus::Cancelled);
        assert!(a.counts.pending > 0);
        assert!(f.state.jobs.pause().is_err(), "no job left to pause");
        // Resuming it later finishes the rest.
        f.sandbox.set_faults(Faults::default()).unwrap();
        let a = apply(&f.state, apply_request(&p.id, None), &quiet)
            .await
            .unwrap();
        assert_eq!((a.status, a.counts.pending), (RunStatus::Completed, 0));
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn retry_from_the_app_changes_the_failed_assets() {
        let f = fixture().await;
        let s = f.state.as_ref();
        let p = preview(s, request(&f, "Retry me"), &quiet).await.unwrap();
        f.sandbox
            .set_faults(Faults {
                error_rate: 1.0,
                error_statuses: vec![500],
                ..Faults::default()
            })
            .unwrap();
        // Every write fails (after the engine's retries); then the server recovers.
        let a = apply(s, apply_request(&p.id, None), &quiet).await.unwrap();
        assert_eq!(a.counts.failed, p.counts.pending);
        f.sandbox.set_faults(Faults::default()).unwrap();
        let r = preview_from_run(s, RunKind::Retry { of: p.id.clone() }, &quiet)
            .await
            .unwrap();
        assert_eq!(
            (r.kind.clone(), r.counts.pending),
            (RunKind::Retry { of: p.id.clone() }, a.counts.failed)
        );
        let r = apply(s, apply_request(&r.id, None), &quiet).await.unwrap();
        assert_eq!((r.counts.changed, r.counts.failed), (a.counts.failed, 0));
    }
}
