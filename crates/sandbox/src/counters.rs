//! Request and token counters that tests and benchmarks read back (`/__sandbox/counters`).
//!
//! Only AEM and IMS traffic is counted; control requests (`/__sandbox/*`) are not, so reading
//! the counters does not change them.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use serde::{Deserialize, Serialize};

use crate::lock;

/// A snapshot of the counters.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counters {
    /// Access tokens issued, per client id (JWT exchange and v3).
    pub tokens_issued: BTreeMap<String, u64>,
    /// Answered requests by method, then by status.
    pub requests: BTreeMap<String, BTreeMap<u16, u64>>,
    /// All answered requests (dropped connections excluded).
    pub requests_total: u64,
    /// Answered requests by what they were (`request_kinds.rs`: "assets api get", "check of
    /// paths", "sling post", "csrf token"…), so a benchmark or a test can say where requests go.
    #[serde(default)]
    pub by_kind: BTreeMap<String, u64>,
    /// Metadata writes that were applied (PUT/PATCH that changed state).
    pub writes_applied: u64,
    /// Sling POSTs that changed several assets in one commit (each asset also counts in
    /// `writes_applied`).
    #[serde(default)]
    pub batch_writes: u64,
    /// Replication requests (`/bin/replicate.json`) that replicated their paths.
    #[serde(default)]
    pub replications: u64,
    /// `/bin/tagcommand` requests that changed the taxonomy.
    #[serde(default)]
    pub tag_commands: u64,
    /// Assets those requests replicated (activated or deactivated).
    #[serde(default)]
    pub replicated: u64,
    /// Sites API fragment list pages (`GET /adobe/sites/cf/fragments`) answered, whatever
    /// their status (throttled requests are counted in `throttled` instead).
    #[serde(default)]
    pub sites_list_pages: u64,
    /// Metadata schema forms and their listings read (`GET /conf/…`, `/libs/dam/…` JSON),
    /// answered or refused: how often a client asks for a folder's schema.
    #[serde(default)]
    pub schema_reads: u64,
    /// Sites API fragment reads (`GET /adobe/sites/cf/fragments/{id}`) answered.
    #[serde(default)]
    pub sites_reads: u64,
    /// Sites API fragment patches (`PATCH /adobe/sites/cf/fragments/{id}`) answered, applied
    /// or not (an applied one also counts in `writes_applied`).
    #[serde(default)]
    pub sites_patches: u64,
    /// Files direct binary upload initiates answered for (`upload/initiate.rs`).
    #[serde(default)]
    pub uploads_initiated: u64,
    /// Uploads completed into an asset (`upload/complete.rs`).
    #[serde(default)]
    pub uploads_completed: u64,
    /// Parts blob storage took (`upload/storage.rs`).
    #[serde(default)]
    pub storage_parts: u64,
    /// Part uploads storage refused for carrying an AEM header or a wrong signature.
    #[serde(default)]
    pub storage_refused: u64,
    /// Folders made through the Assets HTTP API.
    #[serde(default)]
    pub folders_created: u64,
    /// Assets deleted through the Assets HTTP API (`upload/delete.rs`).
    #[serde(default)]
    pub assets_deleted: u64,
    /// `movePage` requests that moved their sources (`wcm_command.rs`).
    #[serde(default)]
    pub move_commands: u64,
    /// `movePage` requests answered as background jobs (`Faults::move_job_above`), counted
    /// when answered; their moves count above once done.
    #[serde(default)]
    pub move_jobs: u64,
    /// Assets those requests moved (a folder's: every asset below it).
    #[serde(default)]
    pub assets_moved: u64,
    /// Pages whose references those requests rewrote.
    #[serde(default)]
    pub pages_adjusted: u64,
    /// Requests answered by the throttle (429/406).
    pub throttled: u64,
    /// Writes failed on purpose by `error_rate`.
    pub injected_errors: u64,
    /// Connections closed without a response by `drop_rate`.
    pub dropped_connections: u64,
    /// Tokens invalidated by `revoke_after` or `/__sandbox/revoke`.
    pub tokens_revoked: u64,
    /// Requests being served right now.
    pub in_flight: u64,
    /// The most requests that were in flight at once (including those waiting for capacity).
    pub max_in_flight: u64,
    /// The most AEM requests being served at once (holding a capacity slot).
    pub max_in_service: u64,
    /// Thumbnail renditions asked for, by asset path (whatever the answer).
    #[serde(default)]
    pub renditions: BTreeMap<String, u64>,
}

impl Counters {
    /// How many `method` requests were answered with `status`.
    pub fn count(&self, method: &str, status: u16) -> u64 {
        self.requests
            .get(method)
            .and_then(|m| m.get(&status))
            .copied()
            .unwrap_or(0)
    }
}

#[derive(Default)]
pub(crate) struct CounterState {
    inner: Mutex<Counters>,
    in_flight: AtomicU64,
    max_in_flight: AtomicU64,
    in_service: AtomicU64,
    max_in_service: AtomicU64,
    /// Each request that held a capacity slot, and when (`served.rs`).
    pub(crate) served: crate::served::ServedLog,
}

/// Decrements a gauge when the request ends, however it ends.
pub(crate) struct Gauge<'a>(&'a AtomicU64);

impl Drop for Gauge<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

impl CounterState {
    pub(crate) fn enter(&self) -> Gauge<'_> {
        let now = self.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
        self.max_in_flight.fetch_max(now, Ordering::SeqCst);
        Gauge(&self.in_flight)
    }

    pub(crate) fn enter_service(&self) -> Gauge<'_> {
        let now = self.in_service.fetch_add(1, Ordering::SeqCst) + 1;
        self.max_in_service.fetch_max(now, Ordering::SeqCst);
        Gauge(&self.in_service)
    }

    pub(crate) fn record(&self, method: &str, status: u16, kind: &str) {
        let mut c = lock(&self.inner);
        *c.by_kind.entry(kind.to_owned()).or_default() += 1;
        *c.requests
            .entry(method.to_owned())
            .or_default()
            .entry(status)
            .or_default() += 1;
        c.requests_total += 1;
    }

    pub(crate) fn bump(&self, f: impl FnOnce(&mut Counters)) {
        f(&mut lock(&self.inner));
    }

    pub(crate) fn token_issued(&self, client_id: &str) {
        *lock(&self.inner)
            .tokens_issued
            .entry(client_id.to_owned())
            .or_default() += 1;
    }

    pub(crate) fn snapshot(&self) -> Counters {
        let mut c = lock(&self.inner).clone();
        c.in_flight = self.in_flight.load(Ordering::SeqCst);
        c.max_in_flight = self.max_in_flight.load(Ordering::SeqCst);
        c.max_in_service = self.max_in_service.load(Ordering::SeqCst);
        c
    }

    pub(crate) fn reset(&self) {
        *lock(&self.inner) = Counters::default();
        self.served.clear();
        self.max_in_flight
            .store(self.in_flight.load(Ordering::SeqCst), Ordering::SeqCst);
        self.max_in_service
            .store(self.in_service.load(Ordering::SeqCst), Ordering::SeqCst);
    }
}
