//! [`TimedAem`]: an [`AssetsApi`] decorator that records, for every call the engine (or the
//! sequential client) makes, when it started, how long it took and how it ended. The engine
//! retries throttles and transient failures itself, so each retry is a call of its own here.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use metadesk_core::aem::auth::BoxFuture;
use metadesk_core::assets::search::SearchPage;
use metadesk_core::assets::{AssetRef, AssetsApi, CallError, Current, Page, Write};
use metadesk_core::credentials::ApiFamily;

/// Which trait method a call was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    List,
    ResolveId,
    Read,
    LastModified,
    Search,
    Write,
    /// A check of many assets (QueryBuilder, exact paths).
    Check,
    /// A write of many assets (Sling POST).
    WriteMany,
}

/// How a call ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    Ok,
    /// 429/406/503 (the engine slows down and retries).
    Throttled(u16),
    /// Any other error.
    Failed,
}

/// One recorded call; times are offsets from the recorder's creation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Call {
    pub op: Op,
    pub start: Duration,
    pub latency: Duration,
    pub end: End,
}

impl Call {
    /// When the answer came back.
    pub fn finish(&self) -> Duration {
        self.start + self.latency
    }
}

/// Records every call made through it, then forwards to the real AEM API.
pub struct TimedAem {
    inner: Arc<dyn AssetsApi>,
    t0: Instant,
    calls: Mutex<Vec<Call>>,
    /// Whether QueryBuilder is offered to the engine (off by default: the capacity and
    /// throttling scenarios measure the folder walk and its reads).
    search: bool,
    /// Whether the inner API's batch checks and writes are offered (on by default).
    batches: bool,
    /// When each asset's value was last read (a read or a check answered), by path.
    checked: Mutex<std::collections::HashMap<String, Duration>>,
    /// For each write answered, the time since its asset's last read or check answered: the
    /// window in which another user's change would go unseen.
    check_to_write: Mutex<Vec<Duration>>,
}

impl TimedAem {
    pub fn new(inner: Arc<dyn AssetsApi>) -> Self {
        TimedAem {
            inner,
            t0: Instant::now(),
            calls: Mutex::new(Vec::new()),
            search: false,
            batches: true,
            checked: Mutex::default(),
            check_to_write: Mutex::default(),
        }
    }

    /// The same, not offering the inner API's batches: the engine's per-asset path.
    pub fn per_asset(self) -> Self {
        TimedAem {
            batches: false,
            ..self
        }
    }

    /// The check-to-write times recorded so far, leaving none behind.
    pub fn take_check_to_write(&self) -> Vec<Duration> {
        self.checked
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clear();
        std::mem::take(
            &mut *self
                .check_to_write
                .lock()
                .unwrap_or_else(PoisonError::into_inner),
        )
    }

    fn mark_checked<'a>(&self, paths: impl Iterator<Item = &'a str>) {
        let now = self.t0.elapsed();
        let mut checked = self.checked.lock().unwrap_or_else(PoisonError::into_inner);
        for path in paths {
            checked.insert(path.to_owned(), now);
        }
    }

    fn mark_written<'a>(&self, paths: impl Iterator<Item = &'a str>) {
        let now = self.t0.elapsed();
        let checked = self.checked.lock().unwrap_or_else(PoisonError::into_inner);
        let mut windows = self
            .check_to_write
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        for path in paths {
            if let Some(at) = checked.get(path) {
                windows.push(now.saturating_sub(*at));
            }
        }
    }

    /// The same, offering the inner API's search to the engine.
    pub fn searching(inner: Arc<dyn AssetsApi>) -> Self {
        TimedAem {
            search: true,
            ..TimedAem::new(inner)
        }
    }

    /// Now, as an offset on the same clock as the calls.
    pub fn now(&self) -> Duration {
        self.t0.elapsed()
    }

    /// The calls recorded so far, leaving none behind.
    pub fn take(&self) -> Vec<Call> {
        std::mem::take(&mut *self.calls.lock().unwrap_or_else(PoisonError::into_inner))
    }

    async fn timed<T>(
        &self,
        op: Op,
        call: BoxFuture<'_, Result<T, CallError>>,
    ) -> Result<T, CallError> {
        let start = self.t0.elapsed();
        let result = call.await;
        let latency = self.t0.elapsed().saturating_sub(start);
        let end = match &result {
            Ok(_) => End::Ok,
            Err(CallError::Throttled { status, .. }) => End::Throttled(*status),
            Err(_) => End::Failed,
        };
        self.calls
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(Call {
                op,
                start,
                latency,
                end,
            });
        result
    }
}

impl AssetsApi for TimedAem {
    fn family(&self) -> ApiFamily {
        self.inner.family()
    }

    fn list<'a>(
        &'a self,
        folder: &'a str,
        offset: u64,
        limit: u64,
    ) -> BoxFuture<'a, Result<Page, CallError>> {
        Box::pin(self.timed(Op::List, self.inner.list(folder, offset, limit)))
    }

    fn resolve_id<'a>(&'a self, path: &'a str) -> BoxFuture<'a, Result<Option<String>, CallError>> {
        Box::pin(self.timed(Op::ResolveId, self.inner.resolve_id(path)))
    }

    fn read<'a>(&'a self, asset: &'a AssetRef) -> BoxFuture<'a, Result<Current, CallError>> {
        Box::pin(async move {
            let read = self.timed(Op::Read, self.inner.read(asset)).await;
            if read.is_ok() {
                self.mark_checked(std::iter::once(asset.path.as_str()));
            }
            read
        })
    }

    fn write<'a>(
        &'a self,
        asset: &'a AssetRef,
        writes: &'a [Write],
        if_match: Option<&'a str>,
    ) -> BoxFuture<'a, Result<Option<String>, CallError>> {
        Box::pin(async move {
            let written = self
                .timed(Op::Write, self.inner.write(asset, writes, if_match))
                .await;
            if written.is_ok() {
                self.mark_written(std::iter::once(asset.path.as_str()));
            }
            written
        })
    }

    fn batches(&self) -> bool {
        self.batches && self.inner.batches()
    }

    fn check_many<'a>(
        &'a self,
        paths: &'a [&'a str],
        properties: &'a [String],
    ) -> BoxFuture<'a, Result<metadesk_core::assets::batch::Checked, CallError>> {
        Box::pin(async move {
            let found = self
                .timed(Op::Check, self.inner.check_many(paths, properties))
                .await;
            if let Ok(found) = &found {
                self.mark_checked(found.keys().map(String::as_str));
            }
            found
        })
    }

    fn check_folders<'a>(
        &'a self,
        folders: &'a [&'a str],
        properties: &'a [String],
        limit: usize,
    ) -> BoxFuture<'a, Result<metadesk_core::assets::batch::FolderCheck, CallError>> {
        Box::pin(async move {
            let found = self
                .timed(
                    Op::Check,
                    self.inner.check_folders(folders, properties, limit),
                )
                .await;
            if let Ok(found) = &found {
                self.mark_checked(found.found.keys().map(String::as_str));
            }
            found
        })
    }

    fn prepare_writes(&self) -> BoxFuture<'_, Result<(), CallError>> {
        self.inner.prepare_writes()
    }

    fn write_many<'a>(
        &'a self,
        folder: &'a str,
        assets: &'a [metadesk_core::assets::batch::AssetWrite],
    ) -> BoxFuture<'a, Result<metadesk_core::assets::batch::Written, CallError>> {
        Box::pin(async move {
            let written = self
                .timed(Op::WriteMany, self.inner.write_many(folder, assets))
                .await;
            if let Ok(written) = &written {
                self.mark_written(written.changed.iter().map(String::as_str));
            }
            written
        })
    }

    fn listing_carries(&self, property: &str) -> bool {
        self.inner.listing_carries(property)
    }

    fn last_modified<'a>(
        &'a self,
        asset: &'a AssetRef,
    ) -> BoxFuture<'a, Result<Option<String>, CallError>> {
        Box::pin(self.timed(Op::LastModified, self.inner.last_modified(asset)))
    }

    fn can_search(&self) -> bool {
        self.search && self.inner.can_search()
    }

    fn lists_folders(&self) -> bool {
        self.inner.lists_folders()
    }

    fn search<'a>(
        &'a self,
        params: &'a [(String, String)],
    ) -> BoxFuture<'a, Result<SearchPage, CallError>> {
        if !self.search {
            return Box::pin(async {
                Err(CallError::Rejected {
                    status: 0,
                    detail: "search is not offered in this scenario".into(),
                })
            });
        }
        Box::pin(self.timed(Op::Search, self.inner.search(params)))
    }
}

/// Calls of one kind.
pub fn of(calls: &[Call], op: Op) -> impl Iterator<Item = &Call> {
    calls.iter().filter(move |c| c.op == op)
}
