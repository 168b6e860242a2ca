//! [`Reads`]: reads outside a run (the health report's listings, checks, searches, node reads
//! and reference searches) sent as a run's reads are: through the engine's gate (its
//! concurrency limit and throttle hold-offs) and its one sending loop (`sending.rs`: throttles
//! waited out, 5xx and lost answers sent again), stopped as soon as the work is cancelled.
//! Also a scope walk's [`Asker`], so a listing goes the same way. Once AEM refuses the
//! token (and it could not be renewed), the reads not sent yet are not sent: each gives that
//! refusal (reads side by side would otherwise each meet it, one request apiece).
//!
//! Not here: what is read (the core's `health.rs`), a run's own requests (`context.rs`).

use std::future::Future;
use std::sync::{Arc, OnceLock};

use super::sending::{Failure, Sender, Sending};
use super::{Engine, Settings};
use crate::request_gate::Gate;
use crate::run_control::RunControl;
use crate::scope_walk::Asker;
use metadesk_assets::folders::Listed;
use metadesk_assets::open_search::OpenPage;
use metadesk_assets::search::SearchPage;
use metadesk_assets::{AssetsApi, CallError};
use serde_json::Value;

/// Reads sent through one gate, under one control (a job's).
pub struct Reads {
    aem: Arc<dyn AssetsApi>,
    gate: Gate,
    settings: Settings,
    control: RunControl,
    /// The refusal of the token, once one read met it.
    refused: OnceLock<CallError>,
}

impl Engine {
    /// Reads of this engine's AEM outside a run, through a gate of their own that keeps the
    /// limit a run keeps; `control` cancels them (and pauses them while paused).
    pub fn reads(&self, control: &RunControl) -> Reads {
        Reads {
            aem: self.aem.clone(),
            gate: Gate::new(self.settings.controller.clone(), control.clone()),
            settings: self.settings.clone(),
            control: control.clone(),
            refused: OnceLock::new(),
        }
    }
}

impl Reads {
    /// The AEM these reads ask.
    pub fn aem(&self) -> &dyn AssetsApi {
        self.aem.as_ref()
    }

    /// Whether the work these reads serve was cancelled.
    pub fn is_cancelled(&self) -> bool {
        self.control.is_cancelled()
    }

    /// Sends `f` through the gate, retried as a run's reads are; `Ok(None)` once cancelled
    /// (before or while it waits), else its answer or the error it gave up on.
    pub async fn call<T, F, Fut>(&self, f: F) -> Result<Option<T>, CallError>
    where
        F: Fn() -> Fut,
        Fut: Future<Output = Result<T, CallError>>,
    {
        if self.control.is_cancelled() {
            return Ok(None);
        }
        match self.send(f).await {
            Ok(answer) => Ok(Some(answer)),
            Err(Failure::Cancelled) => Ok(None),
            Err(Failure::Call(error, _)) => Err(error),
        }
    }

    /// `f` through the gate and the one sending loop, as a run's reads are sent (measured,
    /// and sent again after a failure that may hide one that was done).
    async fn send<T, F, Fut>(&self, f: F) -> Result<T, Failure>
    where
        F: Fn() -> Fut,
        Fut: Future<Output = Result<T, CallError>>,
    {
        // Asked again once through the gate: a read waiting there when the refusal came is
        // not sent either.
        let unless_refused = || async {
            match self.refused.get() {
                Some(refused) => Err(refused.clone()),
                None => f().await,
            }
        };
        let sender = Sender {
            gate: &self.gate,
            settings: &self.settings,
            control: &self.control,
        };
        let how = Sending {
            measured: true,
            resend: true,
        };
        let answer = sender.send(&mut 0, how, unless_refused).await;
        if let Err(Failure::Call(refused @ CallError::Auth(_), _)) = &answer {
            let _ = self.refused.set(refused.clone());
        }
        answer
    }

    /// (limit, in flight, throttles) of the gate, for progress.
    pub fn gate_snapshot(&self) -> (usize, usize, u64) {
        self.gate.snapshot()
    }
}

impl Asker for Reads {
    async fn list(&self, folder: String, offset: u64, limit: u64) -> Listed {
        match self.send(|| self.aem.list(&folder, offset, limit)).await {
            Ok(page) => Listed::Page(page),
            Err(Failure::Cancelled) => Listed::Cancelled,
            Err(Failure::Call(error, attempts)) => Listed::Failed { error, attempts },
        }
    }

    async fn search(
        &self,
        params: Vec<(String, String)>,
    ) -> std::result::Result<Option<SearchPage>, CallError> {
        self.call(|| self.aem.search(&params)).await
    }

    async fn open_search(&self, body: Value) -> std::result::Result<Option<OpenPage>, CallError> {
        self.call(|| self.aem.open_search(&body)).await
    }

    async fn node(&self, path: String) -> std::result::Result<Value, CallError> {
        match self.call(|| self.aem.node_json(&path, "1")).await {
            Ok(Some(node)) => Ok(node),
            Ok(None) => Err(CallError::Transient("cancelled".into())),
            Err(e) => Err(e),
        }
    }
}
