//! The run journal: one append-only JSON-lines file per run, `{data}/runs/{run id}.jsonl`.
//!
//! Line 1 is the run's definition ([`Record::Run`]); then the preview's rows
//! ([`Record::Row`], one per asset in scope, with before → after of each edited property) and
//! [`Record::Previewed`]; then, per apply (a resume is another apply), [`Record::ApplyStarted`],
//! a [`Record::Writing`] per asset (its original values, flushed to disk with `sync_data`
//! *before* the write is sent), a [`Record::Outcome`] per asset, and [`Record::Ended`].
//! Writing and outcome records carry a time now and then (about once a second), so the end of
//! an apply that was killed before its `Ended` is known to within a second.
//!
//! Writing happens on one dedicated thread that batches lines: many concurrent writers share
//! one `sync_data` (group commit), so durability does not serialise the run. While a run writes
//! its journal it holds the run lock, `{data}/runs/{run id}.lock`, so two processes (or two
//! applies in one) cannot write the same run; the lock is taken before anything is written,
//! trimmed included, and it is on a file of its own so the journal stays readable on every OS
//! and can be written through an append-only handle (Windows refuses a lock on one, and keeps
//! a locked range from other handles' reads: see `lock_file`). A new journal's directory entry
//! is synced too, so the file itself survives a crash.
//!
//! A write that fails (disk full, I/O error) is final: nothing more is written to that journal,
//! and every later append, durable or not, returns the error. As each asset's write intent is
//! a durable append, a run whose journal cannot be written stops before it writes to AEM
//! unrecorded.
//!
//! Not here: what the records mean for a run's state (replay.rs).

use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom, Write as _};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, mpsc};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use tokio::sync::oneshot;
use ts_rs::TS;

pub use crate::reasons::ChangedSince;
use crate::spec::RunSpec;
use metadesk_base::i18n::SavedText;
use metadesk_clients::error::{Error, ErrorCode, Result};
use metadesk_store::lock_file::LockFile;

/// Journal format version, in the first record.
pub const JOURNAL_VERSION: u32 = 1;

/// The before → after of one property of one asset. `None` = absent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PropertyChange {
    pub property: String,
    // Spelled out for TypeScript: a `JsonValue` import would live in a subfolder the bindings
    // check does not copy. Metadata values are scalars or arrays of scalars.
    #[ts(type = "string | number | boolean | Array<string | number | boolean> | null")]
    pub before: Option<Value>,
    #[ts(type = "string | number | boolean | Array<string | number | boolean> | null")]
    pub after: Option<Value>,
}

/// What the preview decided for an asset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// At least one property will change.
    Change,
    /// Already as wanted.
    Unchanged,
    /// Left alone (content fragment, unreadable, changed since the run being undone…).
    Skip,
}

/// One asset of the preview: the plan for it. Also a preview row of the UI.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlanRow {
    /// Position in the listing; the key of the asset's later records.
    #[ts(type = "number")]
    pub i: u64,
    pub path: String,
    /// OpenAPI asset id (`urn:aaid:aem:…`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub id: Option<String>,
    /// ETag of the metadata the preview read (OpenAPI); sent as `If-Match`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub etag: Option<String>,
    pub action: Action,
    /// Words in the reader's language once the window is sent it (`PreviewPage::localize`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "string")]
    pub reason: Option<SavedText>,
    pub changes: Vec<PropertyChange>,
    /// A publish run's row: where the asset stood on the tier at the preview.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub publication: Option<metadesk_assets::publication::PublicationState>,
    /// A content fragment's title and model, as the preview read them (an asset has none: its
    /// file name says what it is).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub fragment: Option<metadesk_assets::fragments::FragmentName>,
}

/// How an asset ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Changed,
    Unchanged,
    Skipped,
    Failed,
}

/// How an apply ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EndStatus {
    /// Every asset has an outcome.
    Completed,
    /// Cancelled by the user; the rest is pending and can be resumed.
    Cancelled,
    /// Stopped because continuing was pointless (credentials refused, no write access);
    /// resumable.
    Stopped,
}

/// A required field of the folder's metadata form that a run's changes leave empty where it
/// held a value: the preview says so, and the apply needs it acknowledged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EmptiedRequired {
    pub property: String,
    /// The form's label ("Title").
    pub label: String,
    #[ts(type = "number")]
    pub assets: u64,
}

/// Counts of a preview.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PreviewCounts {
    /// Assets in scope (rows).
    #[ts(type = "number")]
    pub assets: u64,
    #[ts(type = "number")]
    pub will_change: u64,
    #[ts(type = "number")]
    pub unchanged: u64,
    #[ts(type = "number")]
    pub skipped: u64,
    /// Assets listed but outside the name/format filters (no row).
    #[ts(type = "number")]
    pub filtered_out: u64,
    /// Folders met in the listing (descended when recursive).
    #[ts(type = "number")]
    pub folders: u64,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// A run's spec as journaled. One written before a tag import's or an upload's plan, or a tag
/// change's step, was an operation's holds it as `tagImport`, `upload` or `tagStep`, with no
/// `op` tag: it is read as the spec's `op`, so that run still opens, resumes and is undone.
fn spec_as_journaled<'de, D: serde::Deserializer<'de>>(
    stored: D,
) -> std::result::Result<Box<RunSpec>, D::Error> {
    let mut spec = serde_json::Value::deserialize(stored)?;
    if let Some(fields) = spec.as_object_mut() {
        for (field, op) in [
            ("tagImport", "tag_import"),
            ("upload", "upload"),
            ("tagStep", "tag_change"),
        ] {
            if let Some(mut plan) = fields.remove(field) {
                if let Some(plan_fields) = plan.as_object_mut() {
                    plan_fields.insert("op".into(), op.into());
                }
                fields.entry("op").or_insert(plan);
            }
        }
    }
    RunSpec::deserialize(spec)
        .map(Box::new)
        .map_err(serde::de::Error::custom)
}

/// One line of the journal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "t", rename_all = "snake_case")]
pub enum Record {
    Run {
        v: u32,
        id: String,
        created: String,
        // Boxed: written once a journal, it would otherwise make every row's record its size.
        #[serde(deserialize_with = "spec_as_journaled")]
        spec: Box<RunSpec>,
    },
    Row(PlanRow),
    Previewed {
        at: String,
        counts: PreviewCounts,
        /// Which search found the assets (absent in journals written before it was recorded,
        /// and for undos, retries and sheets, whose assets come from a journal or a sheet).
        #[serde(default, skip_serializing_if = "Option::is_none", alias = "finder")]
        found_by: Option<crate::found_by::FoundBy>,
        /// Assets the batched search did not return although the repository holds them (AEM's
        /// index had not caught up with them yet): each was read on its own.
        #[serde(default, skip_serializing_if = "is_zero")]
        unindexed: u64,
        /// When the search that chose a search scope's assets was sent (RFC 3339): the scope
        /// is what AEM's index held then.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        searched_at: Option<String>,
        /// Required fields of the folder's form that planned changes leave empty, and on how
        /// many assets (absent in older journals).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        emptied_required: Vec<EmptiedRequired>,
        /// The requests the preview let through at once when it ended, as its gate had learnt
        /// from AEM's answers: the apply starts there, not back at the default (absent in older
        /// journals).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        concurrency: Option<usize>,
    },
    ApplyStarted {
        at: String,
    },
    /// The original values of the asset's touched properties (absent = null), on disk before
    /// the write is sent: the values the write replaces, known from a read just before it (or,
    /// on OpenAPI, from the read whose ETag the write sends as `If-Match`), never merely the
    /// preview's `before`.
    Writing {
        i: u64,
        original: Map<String, Value>,
        /// RFC 3339, on some records only (see the module comment).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        at: Option<String>,
    },
    /// The ETag a write of asset `i` is sent against (`If-Match`), just before its
    /// [`Record::Writing`]: when that write is left in doubt, a resume that finds the values
    /// the preview saw under another ETag knows the asset changed after the write was sent
    /// (it may have landed and been put back), and does not send it again.
    SentAgainst {
        i: u64,
        etag: String,
    },
    Outcome {
        i: u64,
        outcome: Outcome,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<SavedText>,
        /// Failed because these properties changed in AEM after the preview (nothing written).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        changed_since: Vec<ChangedSince>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        at: Option<String>,
    },
    /// A publish run's replication as read back just after AEM answered it (its action, time
    /// and user): an undo acts only where the asset's publication is still this one.
    Replicated {
        i: u64,
        after: metadesk_assets::publication::Publication,
    },
    /// This apply writes one asset per request: AEM refused a batch write (`status`: 403, 404
    /// or 405) while the same assets' per-asset writes went through, or an earlier run on this
    /// connection found so (`remembered`). Written once per apply, before its first per-asset
    /// write of that kind. (Not in journals written before batch writes existed.)
    PerAssetWrites {
        status: u16,
        #[serde(default)]
        remembered: bool,
        at: String,
    },
    Ended {
        at: String,
        status: EndStatus,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<SavedText>,
    },
    /// One part of a run written once (`parts.rs`): a request of a tag run's step, a tag
    /// import's write, an upload's folder or file, an operation's row. Each journaled `sending`
    /// durably before its request leaves, then `done`, `refused` or `left_alone`. Named
    /// `tag_step` in the file, as journals have written it since tag runs had the only parts.
    #[serde(rename = "tag_step")]
    Part {
        #[serde(flatten)]
        part: crate::parts::RunPart,
        state: crate::parts::PartState,
        at: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<SavedText>,
        /// What AEM held, for a part left alone (absent: no value).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        now: Option<String>,
    },
}

/// Where a run's journal lives.
pub fn journal_path(runs_dir: &Path, run_id: &str) -> PathBuf {
    runs_dir.join(format!("{run_id}.jsonl"))
}

/// Run ids are file names: refuse anything that could leave the runs folder.
fn check_id(run_id: &str) -> Result<()> {
    if !run_id.is_empty()
        && run_id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        Ok(())
    } else {
        Err(Error::message(
            ErrorCode::InvalidInput,
            "error-bad-run-id",
            vec![("run", run_id.into())],
        ))
    }
}

/// The journal of `run_id`, checked.
pub fn path_of(runs_dir: &Path, run_id: &str) -> Result<PathBuf> {
    check_id(run_id)?;
    let path = journal_path(runs_dir, run_id);
    if path.is_file() {
        Ok(path)
    } else {
        Err(Error::message(
            ErrorCode::NotFound,
            "error-no-such-run",
            vec![("run", run_id.into())],
        ))
    }
}

/// The run lock of the journal at `journal`: `{run id}.lock` beside it.
fn lock_path(journal: &Path) -> PathBuf {
    journal.with_extension("lock")
}

/// Removes a journal that should never have been (a preview that failed before it planned
/// anything) and its lock file. Run lock files are otherwise never removed (see `lock_file`);
/// this one may go because the run goes with it: whoever takes its lock next finds no journal
/// to open.
pub fn remove(journal: &Path) -> std::io::Result<()> {
    std::fs::remove_file(journal)?;
    match std::fs::remove_file(lock_path(journal)) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// How long taking a run lock waits before saying another process has the run. A lock
/// released a moment ago may still be held for a moment: a process being started (by this one
/// or, in tests, by a neighbour) holds a copy of every open handle until it has started, and
/// `flock` locks belong to the handle. A run really held elsewhere stays held far longer.
const RUN_LOCK_PATIENCE: std::time::Duration = std::time::Duration::from_millis(750);

/// Takes the run lock of the journal at `journal`, or says who has it.
fn lock_run(journal: &Path) -> Result<LockFile> {
    LockFile::acquire_within(&lock_path(journal), RUN_LOCK_PATIENCE)?
        .ok_or_else(|| Error::message(ErrorCode::InvalidInput, "error-run-locked", vec![]))
}

enum Msg {
    Line(String, Option<oneshot::Sender<std::io::Result<()>>>),
}

/// Appends records to a journal from any task. Dropping it flushes and closes the file.
pub struct JournalWriter {
    tx: Option<mpsc::Sender<Msg>>,
    thread: Option<std::thread::JoinHandle<()>>,
    path: PathBuf,
    /// Set by the writer thread when a write failed; from then on every append fails.
    failed: Arc<Mutex<Option<std::io::Error>>>,
    /// The run lock, released once the writer thread has flushed and closed the journal.
    _lock: Option<LockFile>,
}

/// Where the writer thread puts the lines: the journal file (tests use a sink that fails).
trait Sink: std::io::Write + Send + 'static {
    fn sync(&self) -> std::io::Result<()>;
}

impl Sink for File {
    fn sync(&self) -> std::io::Result<()> {
        self.sync_data()
    }
}

/// Makes a directory's entries (a file just created in it) durable. Windows has no such call:
/// NTFS journals its directory changes itself; a directory that is not there (or is a file) is
/// still an error there, as `fsync` makes it on Unix.
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        if std::fs::metadata(dir)?.is_dir() {
            Ok(())
        } else {
            Err(std::io::ErrorKind::NotADirectory.into())
        }
    }
}

impl JournalWriter {
    /// Creates a new journal, durably (the file's directory entry is synced); fails if it
    /// exists.
    pub fn create(path: &Path) -> Result<Self> {
        let dir = path.parent().unwrap_or(Path::new("."));
        let new_dir = !dir.is_dir();
        std::fs::create_dir_all(dir).map_err(|e| journal_failed("create", dir, e))?;
        // A journal that already exists is an `Error::Io` of that kind: the engine then picks
        // another run id. Said before the lock is taken, since the run is someone else's
        // whether or not its lock is free; `create_new` below still settles a race.
        let cannot = |e: std::io::Error| journal_failed("create", path, e);
        if path.exists() {
            return Err(cannot(std::io::ErrorKind::AlreadyExists.into()));
        }
        let lock = lock_run(path)?;
        let file = OpenOptions::new()
            .append(true)
            .create_new(true)
            .open(path)
            .map_err(cannot)?;
        let synced = sync_dir(dir).and_then(|()| match dir.parent() {
            Some(parent) if new_dir => sync_dir(parent),
            _ => Ok(()),
        });
        if let Err(e) = synced {
            drop(file);
            let _ = std::fs::remove_file(path);
            return Err(cannot(e));
        }
        Self::spawn(file, path, Some(lock))
    }

    /// Opens an existing journal to append to it (a resume), dropping a torn last line left
    /// by a crash so the next record starts on a line of its own.
    ///
    /// The run lock comes first: an unfinished last line may be one that the process applying
    /// the run right now is writing, and only the lock's holder may cut it.
    pub fn reopen(path: &Path) -> Result<Self> {
        let io = |e: std::io::Error| journal_failed("open", path, e);
        if !path.is_file() {
            return Err(io(std::io::ErrorKind::NotFound.into()));
        }
        let lock = lock_run(path)?;
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .open(path)
            .map_err(io)?;
        let len = file.metadata().map_err(io)?.len();
        let keep = complete_length(&mut file, len).map_err(io)?;
        if keep < len {
            file.set_len(keep).map_err(io)?;
            file.sync_data().map_err(io)?;
        }
        drop(file);
        let file = OpenOptions::new().append(true).open(path).map_err(io)?;
        Self::spawn(file, path, Some(lock))
    }

    fn spawn(sink: impl Sink, path: &Path, lock: Option<LockFile>) -> Result<Self> {
        let (tx, rx) = mpsc::channel::<Msg>();
        let failed = Arc::new(Mutex::new(None));
        let failed_in_thread = failed.clone();
        let thread = std::thread::Builder::new()
            .name("metadesk-journal".into())
            .spawn(move || writer_loop(sink, rx, &failed_in_thread))
            .map_err(|e| Error::io_doing("io-journal-writer", vec![], e))?;
        Ok(JournalWriter {
            tx: Some(tx),
            thread: Some(thread),
            path: path.to_owned(),
            failed,
            _lock: lock,
        })
    }

    /// The error that stopped the journal, if one did.
    fn failure(&self) -> Result<()> {
        let failed = self
            .failed
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        match failed.as_ref() {
            None => Ok(()),
            Some(e) => Err(self.write_error(e)),
        }
    }

    fn write_error(&self, e: &std::io::Error) -> Error {
        // The writer keeps its failure for every later append: each gets its own copy.
        let copy = std::io::Error::new(e.kind(), e.to_string());
        journal_failed("write", &self.path, copy)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn line(record: &Record) -> Result<String> {
        serde_json::to_string(record)
            .map_err(|e| Error::Internal(format!("journal record not serialisable: {e}")))
    }

    fn send(&self, msg: Msg) -> Result<()> {
        self.failure()?;
        self.tx
            .as_ref()
            .and_then(|tx| tx.send(msg).ok())
            .ok_or_else(|| Error::Internal("the journal writer stopped".into()))
    }

    /// Appends without waiting for the disk (rows, outcomes: losing the tail of these in a
    /// crash only means re-checking those assets on resume). Fails once an earlier write to
    /// this journal failed.
    pub fn append(&self, record: &Record) -> Result<()> {
        self.send(Msg::Line(Self::line(record)?, None))
    }

    /// Appends and returns once the record (and everything before it) is on disk.
    pub async fn append_durable(&self, record: &Record) -> Result<()> {
        let (done, wait) = oneshot::channel();
        self.send(Msg::Line(Self::line(record)?, Some(done)))?;
        match wait.await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => Err(self.write_error(&e)),
            Err(_) => Err(Error::Internal("the journal writer stopped".into())),
        }
    }
}

impl Drop for JournalWriter {
    fn drop(&mut self) {
        self.tx.take();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn writer_loop(sink: impl Sink, rx: mpsc::Receiver<Msg>, failed: &Mutex<Option<std::io::Error>>) {
    let mut out = std::io::BufWriter::with_capacity(256 * 1024, sink);
    let fail = |e: &std::io::Error| {
        tracing::error!(error = %e, "journal write failed; nothing more is written to it");
        failed
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .get_or_insert_with(|| std::io::Error::new(e.kind(), e.to_string()));
    };
    while let Ok(first) = rx.recv() {
        let mut waiters = Vec::new();
        let mut batch = vec![first];
        while let Ok(more) = rx.try_recv() {
            batch.push(more);
            if batch.len() >= 4096 {
                break;
            }
        }
        let mut result: std::io::Result<()> = Ok(());
        for Msg::Line(line, waiter) in batch {
            if result.is_ok() {
                result = out
                    .write_all(line.as_bytes())
                    .and_then(|()| out.write_all(b"\n"));
            }
            waiters.extend(waiter);
        }
        // Every batch reaches the OS (so another process reading the journal, or a resume
        // after a kill, sees it); only batches with a durable record wait for the disk.
        result = result.and_then(|()| out.flush());
        if !waiters.is_empty() {
            result = result.and_then(|()| out.get_ref().sync());
        }
        let broken = result.as_ref().err().map(|e| {
            fail(e);
            std::io::Error::new(e.kind(), e.to_string())
        });
        for w in waiters {
            let _ = w.send(match &broken {
                None => Ok(()),
                Some(e) => Err(std::io::Error::new(e.kind(), e.to_string())),
            });
        }
        if let Some(e) = broken {
            // Nothing after a failed write: a line may be half written, and lines after it
            // would make it a damaged line in the middle instead of a torn last one. Every
            // record still queued is refused.
            while let Ok(Msg::Line(_, waiter)) = rx.recv() {
                if let Some(w) = waiter {
                    let _ = w.send(Err(std::io::Error::new(e.kind(), e.to_string())));
                }
            }
            // Drop the buffered bytes rather than flushing them on close.
            let _ = out.into_parts();
            return;
        }
    }
    if let Err(e) = out.flush().and_then(|()| out.get_ref().sync()) {
        fail(&e);
    }
}

/// The length of the file up to and including its last newline.
fn complete_length(file: &mut File, len: u64) -> std::io::Result<u64> {
    let mut pos = len;
    let mut buf = [0u8; 4096];
    while pos > 0 {
        let start = pos.saturating_sub(buf.len() as u64);
        let n = (pos - start) as usize;
        file.seek(SeekFrom::Start(start))?;
        file.read_exact(&mut buf[..n])?;
        if let Some(k) = buf[..n].iter().rposition(|b| *b == b'\n') {
            return Ok(start + k as u64 + 1);
        }
        pos = start;
    }
    Ok(0)
}

/// A journal could not be created, opened, written or read (`doing`: the variant of
/// `io-journal`); what went wrong is worded from the error's kind, in the user's language.
fn journal_failed(doing: &'static str, path: &Path, e: std::io::Error) -> Error {
    Error::io_doing(
        "io-journal",
        vec![
            ("doing", doing.into()),
            ("file", path.display().to_string().into()),
        ],
        e,
    )
}

/// Reads a journal's records in order, streaming. A torn last line (a crash mid-write) is
/// ignored; a damaged line elsewhere is an error.
pub fn read_records(path: &Path) -> Result<impl Iterator<Item = Result<Record>>> {
    let file = File::open(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            Error::message(
                ErrorCode::NotFound,
                "error-no-journal",
                vec![("file", path.display().to_string().into())],
            )
        } else {
            journal_failed("read", path, e)
        }
    })?;
    let shown = path.display().to_string();
    let mut lines = BufReader::with_capacity(256 * 1024, file)
        .lines()
        .peekable();
    let mut n = 0u64;
    Ok(std::iter::from_fn(move || {
        loop {
            let line = lines.next()?;
            n += 1;
            let line = match line {
                Ok(l) => l,
                Err(e) => return Some(Err(journal_failed("read", Path::new(&shown), e))),
            };
            if line.trim().is_empty() {
                continue;
            }
            match serde_json::from_str::<Record>(&line) {
                Ok(r) => return Some(Ok(r)),
                Err(_) if lines.peek().is_none() => return None,
                Err(e) => {
                    return Some(Err(Error::Internal(format!(
                        "line {n} of the journal {shown} is damaged ({e})"
                    ))));
                }
            }
        }
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A part's record reads and writes as journals have held it since tag runs had the only
    /// parts (`"t": "tag_step"`), whatever the Rust name: a journal written before reads the
    /// same, and one written now reads in an older build.
    #[test]
    fn a_part_s_record_keeps_its_name_in_the_file() {
        let line = r#"{"t":"tag_step","part":"create","tag":"ns:a","state":"done","at":"2026-01-01T00:00:00Z"}"#;
        let record: Record = serde_json::from_str(line).unwrap();
        assert!(matches!(
            &record,
            Record::Part {
                part: crate::parts::RunPart::Create { .. },
                state: crate::parts::PartState::Done,
                ..
            }
        ));
        assert_eq!(serde_json::to_string(&record).unwrap(), line);
    }

    #[test]
    fn run_ids_cannot_escape_the_runs_folder() {
        assert!(check_id("20260101-101010-abcd").is_ok());
        for bad in ["", "../x", "a/b", "a.b"] {
            assert!(check_id(bad).is_err(), "{bad}");
        }
    }
    use crate::RunScope;
    use crate::spec::{RunKind, ScopeFilters};
    use metadesk_credentials::credentials::ApiFamily;
    use serde_json::json;

    fn spec() -> RunSpec {
        RunSpec {
            connection: "c".into(),
            connection_id: None,
            aem: "http://127.0.0.1:1".into(),
            family: ApiFamily::Classic,
            scope: RunScope::checked("/content/dam/f", ScopeFilters::default()).unwrap(),
            edits: vec![],
            kind: RunKind::Edit,
            account: None,
            op: None,
        }
    }

    #[tokio::test]
    async fn records_round_trip_and_durable_appends_reach_the_disk() {
        let dir = tempfile::tempdir().unwrap();
        let path = journal_path(dir.path(), "r1");
        let w = JournalWriter::create(&path).unwrap();
        let run = Record::Run {
            v: 1,
            id: "r1".into(),
            created: "now".into(),
            spec: Box::new(spec()),
        };
        w.append(&run).unwrap();
        let mut original = Map::new();
        original.insert("dc:rights".into(), Value::Null);
        let writing = Record::Writing {
            i: 3,
            original,
            at: None,
        };
        w.append_durable(&writing).await.unwrap();
        // Durable: visible to another reader before the writer is closed.
        let seen: Vec<Record> = read_records(&path).unwrap().map(Result::unwrap).collect();
        assert_eq!(seen, vec![run.clone(), writing.clone()]);
        drop(w);
        let Err(err) = JournalWriter::create(&path) else {
            panic!("a journal is never overwritten");
        };
        assert!(
            matches!(&err, Error::Io { source, .. } if source.kind() == std::io::ErrorKind::AlreadyExists),
            "the engine picks another run id on this kind: {err:?}"
        );
        let fr = metadesk_base::i18n::Localizer::new(metadesk_base::i18n::Lang::Fr);
        let words = err.localized(&fr);
        assert_eq!(
            words,
            format!(
                "impossible de créer le journal d’exécution {}\u{a0}: un fichier ou un dossier de \
                 ce nom existe déjà",
                path.display()
            )
        );
        metadesk_base::i18n::checks::assert_reads_french(
            &words.replace(&path.display().to_string(), ""),
        );
    }

    #[tokio::test]
    async fn a_second_writer_is_refused_while_the_first_holds_the_lock() {
        let dir = tempfile::tempdir().unwrap();
        let path = journal_path(dir.path(), "r");
        let w = JournalWriter::create(&path).unwrap();
        assert!(JournalWriter::reopen(&path).is_err());
        drop(w);
        assert!(JournalWriter::reopen(&path).is_ok());
    }

    #[tokio::test]
    async fn a_run_lock_released_a_moment_later_is_waited_for() {
        // What a process being started does for a moment: hold a copy of the lock's handle.
        let dir = tempfile::tempdir().unwrap();
        let path = journal_path(dir.path(), "r");
        drop(JournalWriter::create(&path).unwrap());
        // Patient too: a neighbour test starting a process holds the writer's lock a moment.
        let held = LockFile::acquire_within(&lock_path(&path), RUN_LOCK_PATIENCE)
            .unwrap()
            .unwrap();
        let release = std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(150));
            drop(held);
        });
        assert!(JournalWriter::reopen(&path).is_ok());
        release.join().unwrap();
    }

    /// Runs in a child process started by [`hold_in_another_process`]: holds the run `r` of the
    /// folder it is given open for appending, as a process applying it does, until told to stop.
    #[test]
    #[ignore = "run as a child process by the two-process journal tests"]
    fn child_holds_a_run_open() {
        let Some(dir) = std::env::var_os("METADESK_JOURNAL_HOLDER") else {
            return;
        };
        let dir = PathBuf::from(dir);
        let writer = JournalWriter::reopen(&journal_path(&dir, "r")).unwrap();
        std::fs::write(dir.join("holding"), "").unwrap();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        while !dir.join("release").exists() && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        drop(writer);
    }

    /// Another process (this test binary again) that holds run `r` of `dir` until
    /// [`release`] is called.
    fn hold_in_another_process(dir: &Path) -> std::process::Child {
        let mut child = std::process::Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "journal::tests::child_holds_a_run_open",
                "--include-ignored",
            ])
            .env("METADESK_JOURNAL_HOLDER", dir)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        while !dir.join("holding").exists() {
            if let Some(status) = child.try_wait().unwrap() {
                let out = child.wait_with_output().unwrap();
                panic!(
                    "the holder ended early ({status}):\n{}{}",
                    String::from_utf8_lossy(&out.stdout),
                    String::from_utf8_lossy(&out.stderr)
                );
            }
            assert!(
                std::time::Instant::now() < deadline,
                "the holder never started"
            );
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        child
    }

    fn release(dir: &Path, child: std::process::Child) {
        std::fs::write(dir.join("release"), "").unwrap();
        let out = child.wait_with_output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success() && stdout.contains("1 passed"),
            "the holder failed:\n{stdout}{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    fn run_record() -> Record {
        Record::Run {
            v: 1,
            id: "r".into(),
            created: "now".into(),
            spec: Box::new(spec()),
        }
    }

    #[test]
    fn a_run_applied_by_another_process_is_refused_and_its_journal_left_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = journal_path(dir.path(), "r");
        let w = JournalWriter::create(&path).unwrap();
        w.append(&run_record()).unwrap();
        drop(w);
        let holder = hold_in_another_process(dir.path());

        // The holder is half way through writing a line: what a resume would take for a torn
        // tail left by a crash.
        let mut file = OpenOptions::new().append(true).open(&path).unwrap();
        file.write_all(br#"{"t":"outcome","i":0,"outc"#).unwrap();
        drop(file);
        let live = std::fs::read_to_string(&path).unwrap();

        let err = JournalWriter::reopen(&path).err().unwrap();
        assert!(
            err.to_string().contains("being applied by another"),
            "{err}"
        );
        let refused_create = JournalWriter::create(&path);
        assert!(refused_create.is_err());
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            live,
            "a refused resume never cuts the journal of a live run"
        );
        // The lock is on `r.lock`, not on the journal, which anyone may read meanwhile (on
        // Windows a locked range could not be read through another handle).
        assert!(lock_path(&path).is_file());
        let reader = File::open(&path).unwrap();
        assert!(
            reader.try_lock().is_ok(),
            "the journal itself is not locked"
        );
        drop(reader);
        let seen: Vec<Record> = read_records(&path).unwrap().map(Result::unwrap).collect();
        assert_eq!(seen, vec![run_record()]);

        release(dir.path(), holder);
        // Once the holder has gone, a resume gets the run and cuts the torn line.
        let w = JournalWriter::reopen(&path).unwrap();
        w.append(&Record::ApplyStarted { at: "t".into() }).unwrap();
        drop(w);
        let seen: Vec<Record> = read_records(&path).unwrap().map(Result::unwrap).collect();
        assert_eq!(
            seen,
            vec![run_record(), Record::ApplyStarted { at: "t".into() }]
        );
    }

    #[test]
    fn the_run_lock_is_released_when_its_holder_is_killed() {
        let dir = tempfile::tempdir().unwrap();
        let path = journal_path(dir.path(), "r");
        drop(JournalWriter::create(&path).unwrap());
        let mut holder = hold_in_another_process(dir.path());
        assert!(JournalWriter::reopen(&path).is_err());
        holder.kill().unwrap();
        holder.wait().unwrap();
        assert!(
            lock_path(&path).is_file(),
            "a killed holder leaves its lock file"
        );
        assert!(
            JournalWriter::reopen(&path).is_ok(),
            "a lock file without a holder does not lock"
        );
    }

    #[tokio::test]
    async fn a_torn_last_line_is_ignored_and_cut_on_reopen() {
        let dir = tempfile::tempdir().unwrap();
        let path = journal_path(dir.path(), "r");
        let outcome = Record::Outcome {
            i: 1,
            outcome: Outcome::Changed,
            reason: None,
            changed_since: Vec::new(),
            at: None,
        };
        std::fs::write(
            &path,
            format!(
                "{}\n{{\"t\":\"outcome\",\"i\":2,\"outc",
                serde_json::to_string(&outcome).unwrap()
            ),
        )
        .unwrap();
        let seen: Vec<Record> = read_records(&path).unwrap().map(Result::unwrap).collect();
        assert_eq!(seen, vec![outcome.clone()]);
        let w = JournalWriter::reopen(&path).unwrap();
        let ended = Record::Ended {
            at: "t".into(),
            status: EndStatus::Completed,
            reason: None,
        };
        w.append_durable(&ended).await.unwrap();
        drop(w);
        let seen: Vec<Record> = read_records(&path).unwrap().map(Result::unwrap).collect();
        assert_eq!(seen, vec![outcome, ended]);
    }

    /// Takes `room` bytes, then fails like a full disk.
    struct FullDisk {
        taken: Arc<Mutex<Vec<u8>>>,
        room: usize,
    }

    impl std::io::Write for FullDisk {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            let mut taken = self.taken.lock().unwrap();
            let left = self.room.saturating_sub(taken.len());
            if left == 0 {
                return Err(std::io::ErrorKind::StorageFull.into());
            }
            let n = left.min(buf.len());
            taken.extend_from_slice(&buf[..n]);
            Ok(n)
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    impl Sink for FullDisk {
        fn sync(&self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[tokio::test]
    async fn after_a_failed_write_every_append_fails_and_nothing_more_is_written() {
        let run = Record::Run {
            v: 1,
            id: "r".into(),
            created: "now".into(),
            spec: Box::new(spec()),
        };
        let first = format!("{}\n", serde_json::to_string(&run).unwrap());
        let taken = Arc::new(Mutex::new(Vec::new()));
        let disk = FullDisk {
            taken: taken.clone(),
            room: first.len() + 20,
        };
        let path = PathBuf::from("/runs/r.jsonl");
        let w = JournalWriter::spawn(disk, &path, None).unwrap();
        w.append_durable(&run).await.unwrap();
        // Not waited for: the failure shows at the next append.
        let row = Record::Row(PlanRow {
            i: 0,
            path: "/content/dam/a-long-enough-name-to-fill-the-disk.jpg".into(),
            id: None,
            etag: None,
            action: Action::Change,
            reason: None,
            changes: vec![],
            publication: None,
            fragment: None,
        });
        w.append(&row).unwrap();
        let writing = Record::Writing {
            i: 0,
            original: Map::new(),
            at: None,
        };
        let err = w.append_durable(&writing).await.unwrap_err();
        assert_eq!(err.code(), metadesk_clients::error::ErrorCode::Io);
        assert!(
            err.to_string()
                .starts_with("could not write the run journal /runs/r.jsonl"),
            "{err}"
        );
        let fr = metadesk_base::i18n::Localizer::new(metadesk_base::i18n::Lang::Fr);
        let words = err.localized(&fr);
        assert_eq!(
            words,
            "impossible d’écrire le journal d’exécution /runs/r.jsonl\u{a0}: le disque est plein"
        );
        metadesk_base::i18n::checks::assert_reads_french(&words);
        let outcome = Record::Outcome {
            i: 0,
            outcome: Outcome::Changed,
            reason: None,
            changed_since: Vec::new(),
            at: None,
        };
        assert!(
            w.append(&outcome).is_err(),
            "a later plain append fails too"
        );
        assert!(w.append_durable(&outcome).await.is_err());
        drop(w);
        let taken = String::from_utf8(taken.lock().unwrap().clone()).unwrap();
        let rest = taken.strip_prefix(&first).unwrap();
        assert!(
            serde_json::to_string(&row).unwrap().starts_with(rest) && !rest.contains('\n'),
            "only a torn row line after the first record: {rest:?}"
        );
    }

    #[test]
    fn a_new_journals_directory_is_synced() {
        let dir = tempfile::tempdir().unwrap();
        assert!(sync_dir(dir.path()).is_ok());
        assert!(sync_dir(&dir.path().join("missing")).is_err());
        // A journal in a folder that does not exist yet: the folder is made, and the journal.
        let path = journal_path(&dir.path().join("data").join("runs"), "r");
        drop(JournalWriter::create(&path).unwrap());
        assert!(path.is_file());
    }

    #[test]
    fn a_damaged_line_in_the_middle_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.jsonl");
        std::fs::write(&path, "garbage\n{\"t\":\"apply_started\",\"at\":\"x\"}\n").unwrap();
        let first = read_records(&path).unwrap().next().unwrap();
        assert!(first.is_err());
    }

    #[test]
    fn rows_serialise_compactly_with_null_for_absent() {
        let row = Record::Row(PlanRow {
            i: 0,
            path: "/content/dam/a.jpg".into(),
            id: None,
            etag: None,
            action: Action::Change,
            reason: None,
            changes: vec![PropertyChange {
                property: "dc:rights".into(),
                before: None,
                after: Some(json!("R")),
            }],
            publication: None,
            fragment: None,
        });
        let line = serde_json::to_string(&row).unwrap();
        assert_eq!(
            line,
            r#"{"t":"row","i":0,"path":"/content/dam/a.jpg","action":"change","changes":[{"property":"dc:rights","before":null,"after":"R"}]}"#
        );
        assert_eq!(serde_json::from_str::<Record>(&line).unwrap(), row);
    }
}
