//! Fault and load injection: latency, a capacity limit, failed writes, dropped connections, a
//! request-rate throttle and token invalidation. All off by default.
//!
//! The settings are plain data (`Faults`, JSON over `/__sandbox/faults`); `FaultEngine` holds the
//! run-time machinery (seeded RNG, semaphore, throttle window). Where in the request pipeline
//! each fault applies is decided in `server.rs`; token invalidation is enforced in `auth.rs`.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rand::{Rng, SeedableRng};
use serde::{Deserialize, Serialize};
use tokio::sync::{OwnedSemaphorePermit, Semaphore, watch};

use crate::lock;

/// Fault settings. Every field defaults to "off"; a JSON body may give any subset.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Faults {
    /// Added to every AEM request while it holds a capacity slot, in milliseconds.
    pub latency_ms: u64,
    /// At most this many AEM requests are served at once; the rest wait their turn.
    pub capacity: Option<usize>,
    /// Fraction (0..=1) of writes (PUT/PATCH/POST/DELETE, not GraphQL queries) answered with a
    /// 5xx without being applied.
    pub error_rate: f64,
    /// The statuses failed writes cycle through.
    pub error_statuses: Vec<u16>,
    /// The next this many writes are answered with a 5xx (the statuses of
    /// [`Faults::error_statuses`], in turn) without being applied, whatever `error_rate` says:
    /// a passing outage a client meets however it sends, the same way every run.
    pub failed_writes: u32,
    /// The next this many upload completes (`….completeUpload.json`) are answered with a 5xx
    /// (the statuses of [`Faults::error_statuses`], in turn) without being applied: the
    /// initiate and the parts before them go through, so a client meets a complete AEM could
    /// not take then.
    pub failed_completes: u32,
    /// Fraction (0..=1) of AEM requests whose connection is closed without any response.
    pub drop_rate: f64,
    /// At most this many AEM requests per one-second window; the rest are throttled.
    pub throttle_rps: Option<u32>,
    /// 429 (with `Retry-After`) like AEM, or 406 (without it) like the AEM CDN's traffic filter.
    pub throttle_status: u16,
    /// The first this many AEM requests after these settings are throttled (`throttle_status`),
    /// as when another client has just spent the rate limit: a client meets a throttle however
    /// slowly it sends (a test on a slow machine, Wine, may never reach `throttle_rps`).
    pub throttle_first: u32,
    /// Each access token stops working (401) after this many AEM requests.
    pub revoke_after: Option<u64>,
    /// IMS answers every token request 500 `internal_error`.
    pub ims_outage: bool,
    /// Added to every IMS request, in milliseconds (a slow token exchange).
    pub ims_latency_ms: u64,
    /// Repository paths (`/content/dam/…`, an asset or a folder and everything under it; or
    /// `/content/cq:tags/…`, a tag and the tags below it: created, changed, deleted, moved,
    /// merged or replicated; or one property of a tag, `…/summer/jcr:title.fr`, as an access
    /// rule restricted to item names, Oak's `rep:itemNames`, would) where writes are refused with
    /// 403 whoever asks, as a missing write permission on part of the DAM or the taxonomy
    /// would: the rest stays writable.
    pub write_denied: Vec<String>,
    /// DAM paths (an asset, or a folder and everything under it) where replication
    /// (`/bin/replicate.json`) is refused with 403 whoever asks, as a technical account without
    /// the Replicate privilege there: the request naming one of them publishes nothing.
    pub replicate_denied: Vec<String>,
    /// `currentuser.json` answers 404 whoever asks, as an AEM behind a dispatcher or CDN that
    /// does not pass `/libs/granite/security/*` through: the rest of AEM still answers.
    pub current_user_hidden: bool,
    /// The metadata schema forms (`/conf/…/metadataschema`, `/libs/dam/…/forms`) answer 403
    /// whoever asks, as for an account without read on `/conf` and `/libs`.
    pub schemas_denied: bool,
    /// A Sling POST that changes several nodes (one on a folder, `./x.jpg/jcr:content/metadata/…`)
    /// is answered with this status (403, 404 or 405) and changes nothing, as an AEM whose
    /// dispatcher, CSRF filter or permissions refuse batch writes would; the per-asset write
    /// paths still work.
    pub batch_writes_refused: Option<u16>,
    /// `PUT /api/assets/{path}` leaves a property given as `null` as it was and answers 200, as
    /// an AEM might: whether `null` removes one there is written nowhere Adobe publishes
    /// (docs/unconfirmed.md), so a client that counts on it reports a removal it never made.
    pub put_null_kept: bool,
    /// Names of uploaded files (`photo.jpg`) whose processing fails: `dam:assetState` ends
    /// `failed` and nothing is extracted, as for a file AEM's asset compute cannot read.
    pub processing_fails: Vec<String>,
    /// Cloud storage answers every part 403 `AuthenticationFailed`, as Azure does once a
    /// pre-signed address has expired: storage's refusal, not AEM's, whatever the folder.
    pub storage_expired: bool,
    /// DAM paths where every Sling POST that changes several nodes also creates a node (when
    /// none is there) and lists it as `created` in its answer, as an AEM customised with a
    /// Sling post processor might: a node the batch did not name, so a client cannot take
    /// what that commit did as what it asked for.
    pub batch_also_creates: Vec<String>,
    /// A Sling POST without a `CSRF-Token` header that `/libs/granite/csrf/token.json` issued is
    /// refused with 403, as Adobe documents for authenticated POSTs
    /// (<https://experienceleague.adobe.com/docs/experience-manager-learn/cloud-service/developing/advanced/csrf-protection.html>).
    pub csrf_required: bool,
    /// Milliseconds a write spends committing, per asset it changes (PUT, PATCH or Sling
    /// POST): a batch pays for each of its assets, so batching is measured honestly.
    pub commit_ms_per_asset: u64,
    /// A move (`/bin/wcmcommand`) of more than this many sources and pages to adjust becomes
    /// a background job, as AEM makes one above a configurable threshold
    /// (`adobe-wire-lifecycle.md` §6): answered 202 at once, and done — or refused, unseen —
    /// [`Faults::move_job_ms`] later. UNCONFIRMED: how AEM tells a client of the job, and the
    /// threshold's default; `None` (no job) by default.
    pub move_job_above: Option<usize>,
    /// How long a move job waits before it moves, in milliseconds.
    pub move_job_ms: u64,
    /// DAM paths (an asset, or a folder and everything under it) the QueryBuilder index has
    /// not caught up with: queries do not find them although the repository has them
    /// (Oak's asynchronous indexes lag behind the repository:
    /// <https://github.com/apache/jackrabbit-oak/blob/HEAD/oak-doc/src/site/markdown/query/indexing.md>).
    pub index_lag: Vec<String>,
    /// Seconds an uploaded asset stays out of every search's matches (QueryBuilder, the
    /// OpenAPI search) while its folder's listing and reads show it at once: Oak's asynchronous
    /// index catches up with the repository seconds later, minutes during a large ingest
    /// (<https://github.com/apache/jackrabbit-oak/blob/HEAD/oak-doc/src/site/markdown/query/indexing.md>,
    /// "Indexing Lag"). 0: an upload is found at once.
    pub index_lag_secs: u64,
    /// Each page of a folder listing holds at most this many children while its `srn:paging`
    /// still says the limit asked for: a server that caps its pages without saying so. A client
    /// must page on to the stated total, never take such a page as the folder's end.
    pub listing_page_cap: Option<usize>,
    /// The next this many writes (PUT/PATCH/POST/DELETE) are done and committed, then their
    /// connection is closed without an answer, as when a gateway or the client gives up on a
    /// slow commit: the client cannot tell from the answer whether the write landed.
    pub lost_write_answers: u32,
    /// Writes answered as usual before [`Faults::lost_write_answers`] starts losing answers:
    /// to lose the answer of one write further on (an import's creation after its rights
    /// check).
    pub lost_after_writes: u32,
    /// DAM folders (`/content/dam/…`, that folder alone) whose listing through the Assets HTTP
    /// API answers 500 whoever asks, every time, as a folder whose listing AEM cannot finish
    /// would (a broken node below it, a query cut short): its parent and its subfolders still
    /// list, and its assets still read one by one.
    pub listing_fails: Vec<String>,
    /// Paths of AEM switched off, as a dispatcher, a CDN or a missing configuration would
    /// (each answered with AEM's HTML error page whoever asks; see [`Switched`]).
    pub switched_off: Vec<Switched>,
    /// How the Sites API's content fragments misbehave (see [`FragmentFaults`]).
    pub fragments: FragmentFaults,
    /// The reference search answers a bare list of pages instead of `{"pages": […]}`: the
    /// other shape an AEM might give (UNCONFIRMED which; Metadesk reads both, and a field
    /// report says which one this AEM gave).
    pub references_bare_list: bool,
    /// The OpenAPI search answers as AEM builds before maintenance release 27550 (ASSETS-70312)
    /// did: it knows its parameter only as `allowUnsafeSearch`, ignores `allowUnindexedSearch`,
    /// and refuses with 400 a search that does not carry `allowUnsafeSearch=true`
    /// (`assets_search.rs`). Off: either name is taken, and neither is needed.
    pub search_before_27550: bool,
    /// The reference search's entries carry no `srcPath` when several paths were asked (issue
    /// 78: an AEM whose multi-path answer does not say which asset each page uses; asked one
    /// path at a time, it still answers which pages use that path).
    pub references_unnamed_when_several: bool,
    /// DAM paths (an asset, or a folder and everything under it) whose reference search cannot
    /// be read: a search naming one of them answers 200 with a JSON object that holds no list
    /// of pages (issue 78: the shape is UNCONFIRMED on AEMaaCS, `adobe-wire-lifecycle.md` §3, and
    /// a search that AEM cuts short or that something in front of AEM answers says nothing of
    /// the pages). A client must count such an asset as not known, never as used nowhere.
    pub references_unreadable: Vec<String>,
}

/// Hazards of a real AEM's Sites API for content fragments. All off by default.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FragmentFaults {
    /// Every page of a fragment list gives the same `cursor` back, as a server whose paging is
    /// broken would: a client that follows cursors without a check never ends.
    pub cursor_repeats: bool,
    /// Answers as AEM builds before release 21331 (June 2025) did: a fragment's GET gives an
    /// ETag its PATCH does not take, so a write with the ETag just read gets 412 although
    /// nobody changed the fragment.
    pub before_21331: bool,
    /// Each fragment's ETag is this many bytes long (AEM's can run to hundreds of kilobytes).
    pub etag_bytes: Option<usize>,
    /// A list by folder answers that folder's own fragments only, not its subtree's: the
    /// other way an AEM might list (UNCONFIRMED which AEM as a Cloud Service does), where a
    /// client that does not walk the subfolders leaves their fragments out without a word.
    pub direct_children: bool,
}

/// A path of AEM that a fault switches off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Switched {
    /// GraphQL endpoints, their listing and persisted queries answer 404 (no GraphQL here).
    Graphql,
    /// `/bin/querybuilder.json` answers 403 (a dispatcher filter denies it).
    Querybuilder,
    /// Renditions answer 404 (none generated, or the dispatcher hides them).
    Renditions,
    /// `/libs/granite/csrf/token.json` answers 404 (a dispatcher hides it).
    CsrfToken,
    /// The JSON of DAM nodes (`GET /content/dam/….json`: an asset's `jcr:content`, its
    /// metadata, a folder) answers 403 (a dispatcher filter denies it).
    RepositoryJson,
}

impl Switched {
    /// The status a request for `path` is answered with while this is off, if it is one of
    /// its paths.
    fn refuses(self, path: &str) -> Option<u16> {
        let hit = match self {
            Switched::Graphql => {
                path.starts_with("/content/_cq_graphql") || path.starts_with("/graphql/")
            }
            Switched::Querybuilder => path == "/bin/querybuilder.json",
            Switched::Renditions => {
                path.contains("/_jcr_content/renditions/")
                    || path.contains("/jcr:content/renditions/")
            }
            Switched::CsrfToken => path == "/libs/granite/csrf/token.json",
            Switched::RepositoryJson => {
                path.starts_with("/content/dam/") && path.ends_with(".json")
            }
        };
        hit.then_some(match self {
            Switched::Querybuilder | Switched::RepositoryJson => 403,
            _ => 404,
        })
    }
}

impl Default for Faults {
    fn default() -> Self {
        Self {
            latency_ms: 0,
            capacity: None,
            error_rate: 0.0,
            error_statuses: vec![500, 502, 503],
            failed_writes: 0,
            failed_completes: 0,
            drop_rate: 0.0,
            throttle_rps: None,
            throttle_status: 429,
            throttle_first: 0,
            revoke_after: None,
            ims_outage: false,
            ims_latency_ms: 0,
            write_denied: Vec::new(),
            replicate_denied: Vec::new(),
            current_user_hidden: false,
            schemas_denied: false,
            batch_writes_refused: None,
            put_null_kept: false,
            processing_fails: Vec::new(),
            storage_expired: false,
            batch_also_creates: Vec::new(),
            csrf_required: false,
            commit_ms_per_asset: 0,
            move_job_above: None,
            move_job_ms: 0,
            index_lag: Vec::new(),
            index_lag_secs: 0,
            listing_page_cap: None,
            lost_write_answers: 0,
            lost_after_writes: 0,
            listing_fails: Vec::new(),
            switched_off: Vec::new(),
            fragments: FragmentFaults::default(),
            references_bare_list: false,
            search_before_27550: false,
            references_unnamed_when_several: false,
            references_unreadable: Vec::new(),
        }
    }
}

impl Faults {
    /// Rejects settings that cannot be applied.
    pub fn validate(&self) -> Result<(), String> {
        if !(0.0..=1.0).contains(&self.error_rate) || !(0.0..=1.0).contains(&self.drop_rate) {
            return Err("error_rate and drop_rate must be between 0 and 1".into());
        }
        if self.capacity == Some(0) {
            return Err("capacity must be at least 1 (omit it for no limit)".into());
        }
        if self.throttle_rps == Some(0) {
            return Err("throttle_rps must be at least 1 (omit it for no throttle)".into());
        }
        if !matches!(self.throttle_status, 429 | 406) {
            return Err("throttle_status must be 429 or 406".into());
        }
        if self
            .batch_writes_refused
            .is_some_and(|s| !(403..=405).contains(&s))
        {
            return Err("batch_writes_refused must be 403, 404 or 405".into());
        }
        if self
            .batch_also_creates
            .iter()
            .any(|p| !p.starts_with("/content/dam/") || p.ends_with('/'))
        {
            return Err("batch_also_creates must be paths under /content/dam/".into());
        }
        if self.listing_page_cap == Some(0) {
            return Err("listing_page_cap must be at least 1 (omit it for no cap)".into());
        }
        if self
            .fragments
            .etag_bytes
            .is_some_and(|n| !(8..=400_000).contains(&n))
        {
            return Err("fragments.etag_bytes must be from 8 to 400000".into());
        }
        if self.index_lag_secs > 86_400 {
            return Err("index_lag_secs must be at most 86400 (a day)".into());
        }
        if self.error_statuses.is_empty()
            || self.error_statuses.iter().any(|s| !(500..600).contains(s))
        {
            return Err("error_statuses must be a non-empty list of 5xx statuses".into());
        }
        Ok(())
    }
}

/// Outcome of the throttle check.
pub(crate) enum Throttle {
    Pass,
    /// Throttled: status and, for 429, seconds until the window reopens.
    Reject(u16, Option<u64>),
}

struct Run {
    faults: Faults,
    rng: rand::rngs::StdRng,
    semaphore: Option<Arc<Semaphore>>,
    window_start: Instant,
    window_count: u32,
    /// Requests still to throttle of [`Faults::throttle_first`].
    first_left: u32,
    error_cursor: usize,
}

/// The run-time side of the faults, shared by all requests.
pub(crate) struct FaultEngine {
    seed: u64,
    run: Mutex<Run>,
    /// Bumped by [`FaultEngine::run_move_jobs_now`]: every move job waiting runs at once.
    move_jobs_now: watch::Sender<u64>,
}

impl FaultEngine {
    pub(crate) fn new(faults: Faults, seed: u64) -> Self {
        Self {
            seed,
            run: Mutex::new(Self::fresh(faults, seed)),
            move_jobs_now: watch::Sender::new(0),
        }
    }

    fn fresh(faults: Faults, seed: u64) -> Run {
        Run {
            semaphore: faults.capacity.map(|k| Arc::new(Semaphore::new(k))),
            first_left: faults.throttle_first,
            faults,
            // Seeded so a test that sets error_rate 0.5 sees the same sequence every run.
            rng: rand::rngs::StdRng::seed_from_u64(seed ^ 0xFA17),
            window_start: Instant::now(),
            window_count: 0,
            error_cursor: 0,
        }
    }

    pub(crate) fn get(&self) -> Faults {
        lock(&self.run).faults.clone()
    }

    /// Replaces the settings; the RNG restarts from the seed so fractions are reproducible.
    pub(crate) fn set(&self, faults: Faults) {
        let mut run = lock(&self.run);
        // Requests already waiting on the old semaphore finish under the old limit.
        let keep_semaphore = run.faults.capacity == faults.capacity;
        let semaphore = run.semaphore.clone();
        *run = Self::fresh(faults, self.seed);
        if keep_semaphore {
            run.semaphore = semaphore;
        }
    }

    pub(crate) fn ims_outage(&self) -> bool {
        lock(&self.run).faults.ims_outage
    }

    pub(crate) fn current_user_hidden(&self) -> bool {
        lock(&self.run).faults.current_user_hidden
    }

    pub(crate) fn schemas_denied(&self) -> bool {
        lock(&self.run).faults.schemas_denied
    }

    pub(crate) fn storage_expired(&self) -> bool {
        lock(&self.run).faults.storage_expired
    }

    pub(crate) fn revoke_after(&self) -> Option<u64> {
        lock(&self.run).faults.revoke_after
    }

    pub(crate) fn ims_latency(&self) -> Duration {
        Duration::from_millis(lock(&self.run).faults.ims_latency_ms)
    }

    pub(crate) fn latency(&self) -> Duration {
        Duration::from_millis(lock(&self.run).faults.latency_ms)
    }

    /// Waits for a capacity slot if a limit is set. The lock is released before waiting.
    pub(crate) async fn acquire(&self) -> Option<OwnedSemaphorePermit> {
        let semaphore = lock(&self.run).semaphore.clone()?;
        semaphore.acquire_owned().await.ok()
    }

    pub(crate) fn throttle(&self) -> Throttle {
        let mut run = lock(&self.run);
        // Whole seconds until the window reopens, never 0 (clients would retry at once).
        let reject = |status: u16| Throttle::Reject(status, (status == 429).then_some(1));
        if run.first_left > 0 {
            run.first_left -= 1;
            return reject(run.faults.throttle_status);
        }
        let Some(rps) = run.faults.throttle_rps else {
            return Throttle::Pass;
        };
        let now = Instant::now();
        let elapsed = now.duration_since(run.window_start);
        if elapsed >= Duration::from_secs(1) {
            run.window_start = now;
            run.window_count = 0;
        }
        if run.window_count < rps {
            run.window_count += 1;
            return Throttle::Pass;
        }
        reject(run.faults.throttle_status)
    }

    pub(crate) fn should_drop(&self) -> bool {
        let mut run = lock(&self.run);
        let rate = run.faults.drop_rate;
        rate > 0.0 && run.rng.r#gen::<f64>() < rate
    }

    /// Whether the answer to a write just done is lost (one of [`Faults::lost_write_answers`]).
    pub(crate) fn take_lost_answer(&self) -> bool {
        let mut run = lock(&self.run);
        if run.faults.lost_write_answers > 0 && run.faults.lost_after_writes > 0 {
            run.faults.lost_after_writes -= 1;
            return false;
        }
        let left = &mut run.faults.lost_write_answers;
        let lost = *left > 0;
        *left = left.saturating_sub(1);
        lost
    }

    /// Whether writes to the asset at `dam_path` are refused (see [`Faults::write_denied`]).
    pub(crate) fn write_denied(&self, dam_path: &str) -> bool {
        under_any(&lock(&self.run).faults.write_denied, dam_path)
    }

    /// Whether replicating the node at `dam_path` is refused ([`Faults::replicate_denied`]).
    pub(crate) fn replicate_denied(&self, dam_path: &str) -> bool {
        under_any(&lock(&self.run).faults.replicate_denied, dam_path)
    }

    /// Whether QueryBuilder's index has not caught up with `dam_path` ([`Faults::index_lag`]).
    pub(crate) fn index_lags(&self, dam_path: &str) -> bool {
        under_any(&lock(&self.run).faults.index_lag, dam_path)
    }

    /// How long an upload stays out of search matches ([`Faults::index_lag_secs`]), in ms.
    pub(crate) fn index_lag_ms(&self) -> u64 {
        lock(&self.run).faults.index_lag_secs.saturating_mul(1000)
    }

    /// The most children a listing page holds, whatever was asked ([`Faults::listing_page_cap`]).
    pub(crate) fn listing_page_cap(&self) -> Option<usize> {
        lock(&self.run).faults.listing_page_cap
    }

    /// Whether the reference search answers a bare list ([`Faults::references_bare_list`]).
    pub(crate) fn references_bare_list(&self) -> bool {
        lock(&self.run).faults.references_bare_list
    }

    /// Whether the OpenAPI search knows only its old parameter ([`Faults::search_before_27550`]).
    pub(crate) fn search_before_27550(&self) -> bool {
        lock(&self.run).faults.search_before_27550
    }

    /// Whether a multi-path reference search names no asset
    /// ([`Faults::references_unnamed_when_several`]).
    pub(crate) fn references_unnamed_when_several(&self) -> bool {
        lock(&self.run).faults.references_unnamed_when_several
    }

    /// Whether the reference search of `dam_path` cannot be read
    /// ([`Faults::references_unreadable`]).
    pub(crate) fn references_unreadable(&self, dam_path: &str) -> bool {
        under_any(&lock(&self.run).faults.references_unreadable, dam_path)
    }

    pub(crate) fn processing_fails(&self, name: &str) -> bool {
        lock(&self.run)
            .faults
            .processing_fails
            .iter()
            .any(|n| n == name)
    }

    pub(crate) fn put_null_kept(&self) -> bool {
        lock(&self.run).faults.put_null_kept
    }

    pub(crate) fn batch_writes_refused(&self) -> Option<u16> {
        lock(&self.run).faults.batch_writes_refused
    }

    pub(crate) fn batch_also_creates(&self) -> Vec<String> {
        lock(&self.run).faults.batch_also_creates.clone()
    }

    /// The status a request for `path` is refused with, when a fault switched its path off.
    /// Whether `path` is the Assets HTTP API's listing of a folder whose listing fails.
    pub(crate) fn listing_fails(&self, path: &str) -> bool {
        let Some(folder) = path
            .strip_prefix("/api/assets")
            .and_then(|p| p.strip_suffix(".json"))
        else {
            return false;
        };
        lock(&self.run)
            .faults
            .listing_fails
            .iter()
            .any(|f| f.strip_prefix("/content/dam") == Some(folder))
    }

    pub(crate) fn switched_off(&self, path: &str) -> Option<u16> {
        lock(&self.run)
            .faults
            .switched_off
            .iter()
            .find_map(|s| s.refuses(path))
    }

    pub(crate) fn fragments(&self) -> FragmentFaults {
        lock(&self.run).faults.fragments
    }

    pub(crate) fn csrf_required(&self) -> bool {
        lock(&self.run).faults.csrf_required
    }

    /// When a move of `size` sources and pages becomes a background job: how long after its
    /// answer it moves.
    pub(crate) fn move_job(&self, size: usize) -> Option<Duration> {
        let faults = &lock(&self.run).faults;
        faults
            .move_job_above
            .filter(|above| size > *above)
            .map(|_| Duration::from_millis(faults.move_job_ms))
    }

    /// Waits out a move job's `after`, or until [`FaultEngine::run_move_jobs_now`]: a test
    /// holds jobs for as long as it needs (a long `move_job_ms`), then runs them.
    pub(crate) async fn move_job_wait(&self, after: Duration) {
        let mut now = self.move_jobs_now.subscribe();
        tokio::select! {
            _ = tokio::time::sleep(after) => {}
            _ = now.changed() => {}
        }
    }

    /// Runs every move job waiting now.
    pub(crate) fn run_move_jobs_now(&self) {
        self.move_jobs_now.send_modify(|n| *n += 1);
    }

    /// What committing a write that changes `assets` assets costs.
    pub(crate) fn commit_cost(&self, assets: usize) -> Duration {
        let per_asset = lock(&self.run).faults.commit_ms_per_asset;
        Duration::from_millis(per_asset.saturating_mul(assets as u64))
    }

    /// The status to fail this write with, if it is to fail: `complete`, an upload's complete.
    pub(crate) fn write_error(&self, complete: bool) -> Option<u16> {
        let mut run = lock(&self.run);
        if complete && run.faults.failed_completes > 0 {
            run.faults.failed_completes -= 1;
        } else if run.faults.failed_writes > 0 {
            run.faults.failed_writes -= 1;
        } else {
            let rate = run.faults.error_rate;
            if rate <= 0.0 || run.rng.r#gen::<f64>() >= rate {
                return None;
            }
        }
        let status = run.faults.error_statuses[run.error_cursor % run.faults.error_statuses.len()];
        run.error_cursor += 1;
        Some(status)
    }
}

/// Whether `dam_path` is one of `roots` or under one of them.
fn under_any(roots: &[String], dam_path: &str) -> bool {
    roots.iter().any(|root| {
        let root = root.trim_end_matches('/');
        dam_path == root
            || dam_path
                .strip_prefix(root)
                .is_some_and(|rest| rest.starts_with('/'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validate_rejects_nonsense() {
        assert!(Faults::default().validate().is_ok());
        assert!(
            Faults {
                error_rate: 1.5,
                ..Faults::default()
            }
            .validate()
            .is_err()
        );
        assert!(
            Faults {
                capacity: Some(0),
                ..Faults::default()
            }
            .validate()
            .is_err()
        );
        assert!(
            Faults {
                throttle_status: 503,
                ..Faults::default()
            }
            .validate()
            .is_err()
        );
        assert!(
            Faults {
                listing_page_cap: Some(0),
                ..Faults::default()
            }
            .validate()
            .is_err()
        );
        assert!(
            Faults {
                index_lag_secs: 90_000,
                ..Faults::default()
            }
            .validate()
            .is_err()
        );
        assert!(
            Faults {
                error_statuses: vec![404],
                ..Faults::default()
            }
            .validate()
            .is_err()
        );
    }

    #[test]
    fn error_rate_is_seeded_and_roughly_right() {
        let run = |seed| {
            let e = FaultEngine::new(
                Faults {
                    error_rate: 0.3,
                    ..Faults::default()
                },
                seed,
            );
            (0..1000).map(|_| e.write_error(false)).collect::<Vec<_>>()
        };
        let a = run(5);
        assert_eq!(a, run(5));
        let failed = a.iter().filter(|s| s.is_some()).count();
        assert!((200..400).contains(&failed), "{failed}");
        let statuses: Vec<u16> = a.iter().flatten().copied().take(3).collect();
        assert_eq!(statuses, vec![500, 502, 503]);
    }

    /// The writes `failed_writes` names fail first, whatever the rate, then none does.
    #[test]
    fn the_next_writes_fail_then_none_does() {
        let e = FaultEngine::new(
            Faults {
                failed_writes: 2,
                error_statuses: vec![503],
                ..Faults::default()
            },
            1,
        );
        let answers: Vec<_> = (0..4).map(|_| e.write_error(false)).collect();
        assert_eq!(answers, vec![Some(503), Some(503), None, None]);
    }

    /// `failed_completes` fails only upload completes: the writes before them go through.
    #[test]
    fn the_next_completes_fail_and_other_writes_go_through() {
        let e = FaultEngine::new(
            Faults {
                failed_completes: 1,
                error_statuses: vec![500],
                ..Faults::default()
            },
            1,
        );
        let answers = [
            e.write_error(false),
            e.write_error(true),
            e.write_error(true),
        ];
        assert_eq!(answers, [None, Some(500), None]);
    }

    /// The first requests are throttled whatever the rate, then the window's rule holds.
    #[test]
    fn the_first_requests_are_throttled_however_slow() {
        let e = FaultEngine::new(
            Faults {
                throttle_first: 2,
                throttle_status: 406,
                ..Faults::default()
            },
            1,
        );
        assert!(matches!(e.throttle(), Throttle::Reject(406, None)));
        assert!(matches!(e.throttle(), Throttle::Reject(406, None)));
        assert!(matches!(e.throttle(), Throttle::Pass));
    }

    #[test]
    fn throttle_window_allows_rps_then_rejects() {
        let e = FaultEngine::new(
            Faults {
                throttle_rps: Some(3),
                ..Faults::default()
            },
            1,
        );
        for _ in 0..3 {
            assert!(matches!(e.throttle(), Throttle::Pass));
        }
        assert!(matches!(e.throttle(), Throttle::Reject(429, Some(1))));
        e.set(Faults {
            throttle_rps: Some(1),
            throttle_status: 406,
            ..Faults::default()
        });
        assert!(matches!(e.throttle(), Throttle::Pass));
        assert!(matches!(e.throttle(), Throttle::Reject(406, None)));
    }
}
