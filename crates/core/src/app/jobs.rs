//! The one bulk job at a time, in the window and in the CLI alike: a scope count, a preview (of an edit, an undo or a retry)
//! or an apply (or resume). [`Jobs`] holds the running job's [`RunControl`], its run id once
//! known and a label (a catalogue `job-…` message, worded in the reader's language when a
//! refusal shows it), so pause, resume and cancel act on it and the window's close can ask
//! first.
//!
//! Rules: a preview or apply is refused while another preview or apply runs; a count cancels a
//! count still running (the user changed the folder or a filter) and is refused while a preview
//! or apply runs; anything else cancels a running count. A job ends when its [`JobGuard`] is
//! dropped, however the command ended.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use metadesk_base::i18n::Text;
use metadesk_bulk::RunControl;
use metadesk_clients::error::{Error, ErrorCode};

/// The error of a job (an export, a report) cancelled before it was done: a new job, or the
/// person, cancelled it.
pub(crate) fn job_cancelled() -> Error {
    Error::message(ErrorCode::InvalidInput, "error-job-cancelled", vec![])
}

/// What a job does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobKind {
    /// Counting the assets a folder and its filters select.
    Count,
    /// Listing and reading current values; journals a plan, writes nothing to AEM.
    Preview,
    /// Writing a previewed run (or finishing an interrupted one).
    Apply,
}

impl JobKind {
    /// Whether the job is a bulk edit proper (the window's close asks first; a second one is
    /// refused). A count is neither.
    pub fn is_run(self) -> bool {
        !matches!(self, JobKind::Count)
    }
}

/// The label of a job on `folder`: the catalogue message `id` (a `job-…`).
pub(super) fn job_on(id: &'static str, folder: &str) -> Text {
    Text::new(id, vec![("folder", folder.into())])
}

struct Job {
    serial: u64,
    kind: JobKind,
    control: RunControl,
    run_id: Option<String>,
    label: Text,
}

/// The app's current bulk job, if any.
#[derive(Default)]
pub struct Jobs {
    current: Mutex<Option<Job>>,
    serial: AtomicU64,
}

/// The running job's handle for the command that started it; dropping it ends the job.
pub struct JobGuard<'a> {
    jobs: &'a Jobs,
    serial: u64,
    control: RunControl,
}

impl JobGuard<'_> {
    pub fn control(&self) -> &RunControl {
        &self.control
    }

    /// Records the run the job works on (a preview learns it from its first progress event).
    pub fn set_run_id(&self, run_id: &str) {
        if let Some(job) = self.jobs.lock().as_mut()
            && job.serial == self.serial
            && job.run_id.as_deref() != Some(run_id)
        {
            job.run_id = Some(run_id.to_owned());
        }
    }
}

impl Drop for JobGuard<'_> {
    fn drop(&mut self) {
        let mut current = self.jobs.lock();
        if current.as_ref().is_some_and(|j| j.serial == self.serial) {
            *current = None;
        }
    }
}

impl Jobs {
    fn lock(&self) -> MutexGuard<'_, Option<Job>> {
        self.current.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Starts a job of `kind`, described by `label` (a `job-…` message: "a preview of
    /// /content/dam/x"), or refuses in words when a preview or apply runs.
    pub fn start(&self, kind: JobKind, label: Text) -> Result<JobGuard<'_>, Error> {
        let mut current = self.lock();
        if let Some(running) = current.as_ref() {
            if running.kind.is_run() {
                // The label only: a run id means nothing to the user (the log has it).
                tracing::info!(running = ?running.run_id, "another bulk job refused: {}", running.label);
                return Err(Error::worded(
                    ErrorCode::InvalidInput,
                    Text::new(
                        "error-job-running",
                        vec![("job", running.label.clone().into())],
                    ),
                ));
            }
            // A count still running is superseded: its command returns with `done: false`,
            // which the window takes as "not counted" and counts again once this job ends.
            running.control.cancel();
        }
        let serial = self.serial.fetch_add(1, Ordering::Relaxed) + 1;
        let control = RunControl::new();
        *current = Some(Job {
            serial,
            kind,
            control: control.clone(),
            run_id: None,
            label,
        });
        Ok(JobGuard {
            jobs: self,
            serial,
            control,
        })
    }

    fn with_current<T>(&self, act: impl FnOnce(&Job) -> T) -> Result<T, Error> {
        self.lock()
            .as_ref()
            .map(act)
            .ok_or_else(|| Error::message(ErrorCode::InvalidInput, "error-no-job", vec![]))
    }

    /// Pauses the current job: requests under way finish, no new one starts.
    pub fn pause(&self) -> Result<(), Error> {
        self.with_current(|j| j.control.pause())
    }

    pub fn resume(&self) -> Result<(), Error> {
        self.with_current(|j| j.control.resume())
    }

    /// Cancels the current job: writes under way finish and are journaled, nothing new starts.
    pub fn cancel(&self) -> Result<(), Error> {
        self.with_current(|j| j.control.cancel())
    }

    /// Whether a preview or apply runs (closing the window asks first).
    pub fn run_in_progress(&self) -> bool {
        self.lock().as_ref().is_some_and(|j| j.kind.is_run())
    }

    /// The current job in English words, with its run id when known (for the log).
    pub fn describe(&self) -> Option<String> {
        self.lock().as_ref().map(|j| match &j.run_id {
            Some(id) => format!("{} (run {id})", j.label),
            None => j.label.to_string(),
        })
    }

    /// Cancels the current job (if any) and waits up to `limit` for it to end. True when no job
    /// is left.
    pub async fn cancel_and_wait(&self, limit: Duration) -> bool {
        let _ = self.cancel();
        let deadline = tokio::time::Instant::now() + limit;
        while self.lock().is_some() {
            if tokio::time::Instant::now() >= deadline {
                return false;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use metadesk_base::i18n::checks::assert_reads_french;
    use metadesk_base::i18n::{Lang, Localizer};
    use metadesk_bulk::ControlState;

    fn label(words: &str) -> Text {
        Text::Plain(words.to_owned())
    }

    #[test]
    fn a_refusal_names_the_running_job_in_the_readers_language() {
        let jobs = Jobs::default();
        let labels = [
            job_on("job-count-folder", "/content/dam/a"),
            Text::plain("job-check-list"),
            job_on("job-preview", "/content/dam/a"),
            Text::new(
                "job-preview-of-run",
                vec![("kind", "undo".into()), ("folder", "/content/dam/a".into())],
            ),
            Text::new(
                "job-preview-of-run",
                vec![
                    ("kind", "retry".into()),
                    ("folder", "/content/dam/a".into()),
                ],
            ),
            Text::new("job-preview-sheet", vec![("file", "rights.xlsx".into())]),
            job_on("job-export-sheet", "/content/dam/a"),
            job_on("job-apply", "/content/dam/a"),
        ];
        let fr = Localizer::new(Lang::Fr);
        for job in labels {
            // A count is superseded, so the refusal comes from a preview holding the job.
            let preview = jobs.start(JobKind::Preview, job.clone()).unwrap();
            let refused = jobs.start(JobKind::Apply, label("another")).err().unwrap();
            let words = refused.localized(&fr);
            assert!(
                words.contains(&job.localized(&fr)),
                "the refusal names the job: {words}"
            );
            assert_reads_french(&words);
            drop(preview);
        }
        let preview = jobs
            .start(JobKind::Preview, job_on("job-preview", "/content/dam/a"))
            .unwrap();
        let refused = jobs.start(JobKind::Apply, label("another")).err().unwrap();
        assert_eq!(
            refused.localized(&fr),
            "Une modification en masse est déjà en cours (un aperçu de /content/dam/a). \
             Attendez qu’elle se termine ou annulez-la, puis réessayez."
        );
        assert_eq!(
            jobs.describe().as_deref(),
            Some("a preview of /content/dam/a"),
            "the log's words are English"
        );
        drop(preview);
    }

    #[test]
    fn one_preview_or_apply_at_a_time() {
        let jobs = Jobs::default();
        let apply = jobs
            .start(JobKind::Apply, label("applying changes to /content/dam/x"))
            .unwrap();
        apply.set_run_id("20260101-000000-000-abcd");
        assert!(jobs.run_in_progress());
        for kind in [JobKind::Preview, JobKind::Apply, JobKind::Count] {
            let err = jobs.start(kind, label("another")).err().unwrap();
            assert_eq!(err.code(), metadesk_clients::error::ErrorCode::InvalidInput);
            assert_eq!(
                err.to_string(),
                "A bulk edit is already running (applying changes to /content/dam/x). Wait for \
                 it to finish or cancel it, then try again."
            );
        }
        assert_eq!(
            jobs.describe().as_deref(),
            Some("applying changes to /content/dam/x (run 20260101-000000-000-abcd)"),
            "the log still gets the run id"
        );
        assert_eq!(
            apply.control().state(),
            ControlState::Running,
            "a refused start leaves the running job alone"
        );
        drop(apply);
        assert!(!jobs.run_in_progress());
        assert!(jobs.start(JobKind::Preview, label("preview")).is_ok());
    }

    #[test]
    fn a_new_count_or_run_supersedes_a_running_count() {
        let jobs = Jobs::default();
        let first = jobs.start(JobKind::Count, label("counting a")).unwrap();
        assert!(
            !jobs.run_in_progress(),
            "a count does not hold the window open"
        );
        let second = jobs.start(JobKind::Count, label("counting b")).unwrap();
        assert!(first.control().is_cancelled());
        assert!(!second.control().is_cancelled());
        // The superseded count ending does not end the new one.
        drop(first);
        assert_eq!(jobs.describe().as_deref(), Some("counting b"));
        let preview = jobs.start(JobKind::Preview, label("preview of b")).unwrap();
        assert!(second.control().is_cancelled());
        assert_eq!(jobs.describe().as_deref(), Some("preview of b"));
        drop(second);
        assert!(jobs.run_in_progress());
        drop(preview);
        assert!(jobs.describe().is_none());
    }

    #[test]
    fn pause_resume_cancel_act_on_the_current_job_or_say_there_is_none() {
        let jobs = Jobs::default();
        for err in [jobs.pause(), jobs.resume(), jobs.cancel()] {
            let err = err.unwrap_err();
            assert_eq!(err.to_string(), "No bulk edit is running right now.");
        }
        let job = jobs.start(JobKind::Apply, label("applying")).unwrap();
        jobs.pause().unwrap();
        assert_eq!(job.control().state(), ControlState::Paused);
        jobs.resume().unwrap();
        assert_eq!(job.control().state(), ControlState::Running);
        jobs.cancel().unwrap();
        assert!(job.control().is_cancelled());
    }

    #[tokio::test]
    async fn cancel_and_wait_waits_for_the_job_to_end_within_a_limit() {
        let jobs = std::sync::Arc::new(Jobs::default());
        assert!(
            jobs.cancel_and_wait(Duration::from_millis(10)).await,
            "no job"
        );
        let guard_jobs = jobs.clone();
        let (started_tx, started_rx) = tokio::sync::oneshot::channel();
        let task = tokio::spawn(async move {
            let guard = guard_jobs.start(JobKind::Apply, label("applying")).unwrap();
            let _ = started_tx.send(());
            // The run notices the cancel and finishes its writes under way.
            while !guard.control().is_cancelled() {
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
            // What cancel_and_wait must outlast: the run's tail after the cancel.
            tokio::time::sleep(Duration::from_millis(100)).await;
        });
        started_rx.await.unwrap();
        assert!(jobs.cancel_and_wait(Duration::from_secs(5)).await);
        assert!(!jobs.run_in_progress());
        task.await.unwrap();

        let stuck = jobs.start(JobKind::Apply, label("stuck")).unwrap();
        assert!(!jobs.cancel_and_wait(Duration::from_millis(60)).await);
        drop(stuck);
    }
}
