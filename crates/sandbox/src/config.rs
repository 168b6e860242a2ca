//! How a sandbox starts ([`SandboxConfig`]): its port, the seeded DAM's size and layout, the
//! seed, token lifetimes, basic auth, page limits, the faults in force from the start, key
//! sizes, direct binary upload's part sizes and processing time, and the switches a test may
//! flip.
//!
//! Not here: starting it (`lib.rs`), the faults themselves (`faults.rs`).

use std::time::Duration;

use crate::dam;
use crate::faults::Faults;
use crate::upload::UploadSettings;

/// How to start the sandbox. `Default`: free port, 500 assets (one in 25 a content fragment), seed 0, 24 h tokens, no basic
/// auth, page limit clamped at 1000, no faults, 2048-bit keys.
#[derive(Debug, Clone)]
pub struct SandboxConfig {
    /// Port on 127.0.0.1; 0 picks a free one.
    pub port: u16,
    /// Number of seeded assets (content fragments included).
    pub assets: usize,
    /// About this many assets per leaf folder; at least `assets` puts them all in
    /// [`SAMPLE_FOLDER`] (one very large folder).
    pub assets_per_folder: usize,
    /// One seeded asset in this many is a content fragment (1: every one; the default 25 gives
    /// 2,000 fragments in 50,000 assets). Every fourth fragment is an `adventure`, the others
    /// `article`s.
    pub fragment_every: usize,
    /// Seed of the DAM, the identities and the fault RNG.
    pub seed: u64,
    /// Lifetime of issued access tokens (short values force renewal in tests).
    pub token_ttl: Duration,
    /// `Some((user, password))` accepts HTTP basic auth as that (read-write) user.
    pub basic_auth: Option<(String, String)>,
    /// Largest `limit` the classic folder listing honours.
    pub max_page_limit: usize,
    /// Faults active from the start.
    pub faults: Faults,
    /// RSA key size of the generated Service Credentials.
    pub key_bits: usize,
    /// The AEM user the Local Development Token acts as.
    pub dev_token_user: String,
    /// Nodes a QueryBuilder query may read before it is stopped (AEMaaCS: 100,000).
    pub query_traversal_limit: usize,
    /// Whether `POST /adobe/assets/search` answers (off: 404, as where it is not enabled).
    pub openapi_search: bool,
    /// Sling's `json.maximumresults`: resources a render deeper than one level may hold
    /// (AEM's production-ready author: 1,000; `sling_json.rs`).
    pub json_max_results: usize,
    /// Seed expiry dates, off times, images without a description and Sites pages that use
    /// assets (`dam/lifecycle.rs`, `references.rs`); off: none of them, as before they existed.
    pub lifecycle: bool,
    /// Direct binary upload's part sizes and processing time.
    pub upload: UploadSettings,
}

impl Default for SandboxConfig {
    fn default() -> Self {
        Self {
            port: 0,
            assets: 500,
            assets_per_folder: dam::ASSETS_PER_FOLDER,
            fragment_every: dam::FRAGMENT_EVERY,
            seed: 0,
            token_ttl: Duration::from_secs(24 * 3600),
            basic_auth: None,
            max_page_limit: 1000,
            faults: Faults::default(),
            key_bits: 2048,
            dev_token_user: "dev.user@metadesk.example".to_owned(),
            query_traversal_limit: 100_000,
            openapi_search: true,
            json_max_results: 1000,
            lifecycle: false,
            upload: UploadSettings::default(),
        }
    }
}

impl SandboxConfig {
    pub fn with_port(mut self, port: u16) -> Self {
        self.port = port;
        self
    }
    pub fn with_assets(mut self, assets: usize) -> Self {
        self.assets = assets;
        self
    }
    pub fn with_assets_per_folder(mut self, per_folder: usize) -> Self {
        self.assets_per_folder = per_folder;
        self
    }
    /// One asset in `every` is a content fragment (0 or 1: all of them), e.g.
    /// `with_assets(2_000).with_fragment_every(1)` for 2,000 fragments.
    pub fn with_fragment_every(mut self, every: usize) -> Self {
        self.fragment_every = every.max(1);
        self
    }
    pub fn with_seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }
    pub fn with_token_ttl(mut self, ttl: Duration) -> Self {
        self.token_ttl = ttl;
        self
    }
    pub fn with_basic_auth(mut self, user: &str, password: &str) -> Self {
        self.basic_auth = Some((user.to_owned(), password.to_owned()));
        self
    }
    pub fn with_max_page_limit(mut self, limit: usize) -> Self {
        self.max_page_limit = limit;
        self
    }
    pub fn with_faults(mut self, faults: Faults) -> Self {
        self.faults = faults;
        self
    }
    pub fn with_key_bits(mut self, bits: usize) -> Self {
        self.key_bits = bits;
        self
    }
    pub fn with_dev_token_user(mut self, user: &str) -> Self {
        self.dev_token_user = user.to_owned();
        self
    }
    pub fn with_query_traversal_limit(mut self, nodes: usize) -> Self {
        self.query_traversal_limit = nodes;
        self
    }
    pub fn with_openapi_search(mut self, enabled: bool) -> Self {
        self.openapi_search = enabled;
        self
    }
    pub fn with_json_max_results(mut self, max: usize) -> Self {
        self.json_max_results = max;
        self
    }
    pub fn with_lifecycle(mut self, enabled: bool) -> Self {
        self.lifecycle = enabled;
        self
    }
    pub fn with_upload(mut self, upload: UploadSettings) -> Self {
        self.upload = upload;
        self
    }
}
