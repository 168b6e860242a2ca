//! The engine's tunables ([`Settings`]): page sizes, the concurrency controller, retries,
//! batches, and how long a write AEM does later is waited for. The defaults suit AEM as a
//! Cloud Service; tests and benchmarks set their own.
//!
//! Not here: what uses them (the engine's other files).

use std::time::Duration;

use crate::concurrency::ControllerConfig;
use crate::scope_walk::Pages;
use metadesk_base::retry::RetryPolicy;

/// Assets per batch by default: a batch spans folders (its POST goes to their common folder)
/// and costs one check of folders and one POST where its folders are small, so a tree of small
/// folders costs a few requests per thousand assets; and a POST still short enough that the
/// time between an asset's check and its write stays within a round trip and the batch's
/// commit (2.5× the commit of the 100-asset batches before).
const BATCH_ASSETS: usize = 250;

/// Tunables of the engine; the defaults suit AEM as a Cloud Service.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Listing page size (`limit`).
    pub page_size: u64,
    /// Listings sent together (their requests still pass the gate).
    pub listings_at_once: usize,
    /// Hits per search page (`p.limit`).
    pub search_page_size: u64,
    /// Ask a folder preview's values in batched checks where the API has them (one
    /// QueryBuilder request of exact paths for dozens of listed assets, instead of a read per
    /// asset whose listing entry does not show an edited property). The listing says which
    /// assets the folder holds either way.
    pub check_folders: bool,
    pub controller: ControllerConfig,
    /// Retries per request for 5xx and dropped connections, and their backoff.
    pub retry: RetryPolicy,
    /// Throttled answers tolerated per request before the asset is reported failed.
    pub max_throttled: u32,
    /// At most one progress event per this interval (plus the last one).
    pub progress_interval: Duration,
    /// Assets being worked on at once (their requests still pass the gate).
    pub max_tasks: usize,
    /// Assets checked and written together where the API batches (classic): one QueryBuilder
    /// check (more if their paths make the URL too long) and one Sling POST.
    pub batch_assets: usize,
    /// An upload's part whose transfer moves no byte for this long is ended and sent again
    /// (Adobe's clients time out a stalled connection, never a long transfer).
    pub storage_stall: Duration,
    /// How long a write AEM accepted to do later (a background job) is waited for, its rows
    /// read every [`Settings::later_poll`]; what is not done by then is reported so, and a
    /// resume reads it again.
    pub later_wait: Duration,
    /// How often those rows are read while waited for.
    pub later_poll: Duration,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            page_size: 100,
            listings_at_once: metadesk_assets::folders::LISTINGS_AT_ONCE,
            search_page_size: metadesk_assets::search::SEARCH_PAGE,
            check_folders: true,
            controller: ControllerConfig::default(),
            retry: RetryPolicy {
                max_retries: 5,
                initial_delay: Duration::from_millis(200),
                max_delay: Duration::from_secs(60),
            },
            max_throttled: 50,
            progress_interval: Duration::from_millis(200),
            max_tasks: 64,
            batch_assets: BATCH_ASSETS,
            storage_stall: Duration::from_secs(60),
            // UNCONFIRMED how long AEM's move jobs take; its job queue runs a few at a time.
            later_wait: Duration::from_secs(600),
            later_poll: Duration::from_secs(2),
        }
    }
}

impl Settings {
    /// A walk's page sizes and listings at once.
    pub(crate) fn pages(&self) -> Pages {
        Pages {
            listing: self.page_size,
            search: self.search_page_size,
            listings_at_once: self.listings_at_once,
        }
    }
}
