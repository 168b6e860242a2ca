//! `metadesk-sandbox`: runs the simulated AEM author + IMS until Ctrl-C.

use std::path::PathBuf;
use std::time::Duration;

use clap::Parser;
use metadesk_sandbox::{Faults, Sandbox, SandboxConfig, Switched, UploadSettings};

/// A simulated AEM as a Cloud Service author and Adobe IMS on 127.0.0.1.
#[derive(Debug, Parser)]
#[command(name = "metadesk-sandbox", version)]
struct Args {
    /// Port on 127.0.0.1 (0 = a free port).
    #[arg(long, default_value_t = 4502)]
    port: u16,
    /// Number of seeded assets.
    #[arg(long, default_value_t = 500)]
    assets: usize,
    /// About this many assets per folder; as many as --assets puts them all in one folder
    /// (/content/dam/wknd-shared/en/adventures/napa-wine-tasting).
    #[arg(long, default_value_t = 40, value_parser = clap::value_parser!(u64).range(1..))]
    assets_per_folder: u64,
    /// One seeded asset in this many is a content fragment (1: every asset; with --assets 2000,
    /// 2,000 fragments).
    #[arg(long, default_value_t = 25, value_parser = clap::value_parser!(u64).range(1..))]
    fragment_every: u64,
    /// Seed expiry dates, off times, images without a description and Sites pages that use
    /// assets (the reference search `/bin/wcm/references.json`).
    #[arg(long)]
    lifecycle: bool,
    /// Seed for the DAM, identities and fault RNG.
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// Access-token lifetime in seconds.
    #[arg(long, default_value_t = 86_400)]
    token_ttl: u64,
    /// Accept HTTP basic auth as a local SDK does, e.g. `admin:admin`.
    #[arg(long, value_name = "USER:PASSWORD")]
    basic_auth: Option<String>,
    /// Write ready-to-import credential files into this directory.
    #[arg(long, value_name = "DIR")]
    write_credentials: Option<PathBuf>,
    /// Largest page `limit` the classic folder listing honours.
    #[arg(long, default_value_t = 1000)]
    max_page_limit: usize,
    /// RSA key size of the generated Service Credentials.
    #[arg(long, default_value_t = 2048)]
    key_bits: usize,
    /// Latency added to every AEM request, in milliseconds.
    #[arg(long, default_value_t = 0)]
    latency_ms: u64,
    /// At most this many AEM requests served at once; the rest wait.
    #[arg(long)]
    capacity: Option<usize>,
    /// Fraction of writes answered 500/502/503 without being applied.
    #[arg(long, default_value_t = 0.0)]
    error_rate: f64,
    /// Fraction of AEM requests whose connection is dropped unanswered.
    #[arg(long, default_value_t = 0.0)]
    drop_rate: f64,
    /// Requests per second above which AEM requests are throttled.
    #[arg(long)]
    throttle_rps: Option<u32>,
    /// Throttle answer: 429 (with Retry-After) or 406 (CDN, without it).
    #[arg(long, default_value_t = 429)]
    throttle_status: u16,
    /// Invalidate each access token after this many AEM requests.
    #[arg(long)]
    revoke_after: Option<u64>,
    /// Answer currentuser.json with 404, as AEM behind a dispatcher that hides it.
    #[arg(long)]
    hide_current_user: bool,
    /// Refuse Sling POSTs that change several assets with this status (403, 404 or 405).
    #[arg(long)]
    refuse_batch_writes: Option<u16>,
    /// Refuse Sling POSTs without a CSRF token from /libs/granite/csrf/token.json (403).
    #[arg(long)]
    csrf_required: bool,
    /// Paths switched off as a dispatcher would, comma-separated: graphql (404), querybuilder
    /// (403), renditions (404), csrf_token (404), repository_json (403).
    #[arg(long, value_delimiter = ',', value_parser = switched)]
    switch_off: Vec<Switched>,
    /// Answer the OpenAPI search as AEM before maintenance release 27550: it knows only
    /// allowUnsafeSearch=true and refuses (400) a search without it, whatever
    /// allowUnindexedSearch says.
    #[arg(long)]
    search_before_27550: bool,
    /// Milliseconds each write spends committing, per asset it changes.
    #[arg(long, default_value_t = 0)]
    commit_ms_per_asset: u64,
    /// Seconds an uploaded asset (POST /__sandbox/upload) stays out of search matches while
    /// its folder's listing shows it, as AEM's search index lags behind the repository.
    #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(u64).range(0..=86_400))]
    index_lag_secs: u64,
    /// Sling's `json.maximumresults`: a JSON render deeper than one level holding more
    /// resources answers 300 with the renders allowed (AEM's production-ready author: 1,000).
    #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(u64).range(1..))]
    json_max_results: u64,
    /// At most this many children per folder listing page, whatever the limit asked for and
    /// without saying so (srn:paging keeps the limit asked).
    #[arg(long, value_parser = clap::value_parser!(u64).range(1..))]
    listing_page_cap: Option<u64>,
    /// Direct binary upload: `minPartSize` in bytes (AEM: 10 MiB); also the size each of a
    /// file's `uploadURIs` stands for.
    #[arg(long, default_value_t = UploadSettings::default().min_part, value_parser = clap::value_parser!(u64).range(1..))]
    upload_min_part: u64,
    /// Direct binary upload: `maxPartSize` in bytes (AEM: 100 MiB).
    #[arg(long, default_value_t = UploadSettings::default().max_part, value_parser = clap::value_parser!(u64).range(1..))]
    upload_max_part: u64,
    /// Direct binary upload: at most this many `uploadURIs` for one file.
    #[arg(long, default_value_t = UploadSettings::default().most_uris as u64, value_parser = clap::value_parser!(u64).range(1..=10_000))]
    upload_most_uris: u64,
    /// Milliseconds an uploaded asset takes to be `processed` (no state, then `unprocessed`,
    /// then `processing` meanwhile).
    #[arg(long, default_value_t = 1_500)]
    processing_ms: u64,
    /// Direct binary upload: storage takes parts no faster than this many bytes a second.
    #[arg(long, value_parser = clap::value_parser!(u64).range(1..))]
    storage_bytes_per_second: Option<u64>,
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .init();
    let args = Args::parse();
    let basic_auth = match args.basic_auth.as_deref().map(|s| s.split_once(':')) {
        None => None,
        Some(Some((u, p))) => Some((u.to_owned(), p.to_owned())),
        Some(None) => {
            eprintln!("--basic-auth must look like USER:PASSWORD");
            return std::process::ExitCode::from(2);
        }
    };
    let config = SandboxConfig {
        port: args.port,
        assets: args.assets,
        assets_per_folder: usize::try_from(args.assets_per_folder).unwrap_or(usize::MAX),
        fragment_every: usize::try_from(args.fragment_every).unwrap_or(usize::MAX),
        lifecycle: args.lifecycle,
        seed: args.seed,
        token_ttl: Duration::from_secs(args.token_ttl),
        basic_auth,
        max_page_limit: args.max_page_limit,
        json_max_results: usize::try_from(args.json_max_results).unwrap_or(usize::MAX),
        key_bits: args.key_bits,
        faults: Faults {
            latency_ms: args.latency_ms,
            capacity: args.capacity,
            error_rate: args.error_rate,
            drop_rate: args.drop_rate,
            throttle_rps: args.throttle_rps,
            throttle_status: args.throttle_status,
            revoke_after: args.revoke_after,
            current_user_hidden: args.hide_current_user,
            batch_writes_refused: args.refuse_batch_writes,
            csrf_required: args.csrf_required,
            switched_off: args.switch_off,
            search_before_27550: args.search_before_27550,
            commit_ms_per_asset: args.commit_ms_per_asset,
            index_lag_secs: args.index_lag_secs,
            listing_page_cap: args
                .listing_page_cap
                .map(|c| usize::try_from(c).unwrap_or(usize::MAX)),
            ..Faults::default()
        },
        upload: UploadSettings {
            min_part: args.upload_min_part,
            max_part: args.upload_max_part.max(args.upload_min_part),
            most_uris: usize::try_from(args.upload_most_uris).unwrap_or(usize::MAX),
            processing: Duration::from_millis(args.processing_ms),
            storage_rate: args.storage_bytes_per_second,
            omit_max_part: false,
        },
        ..SandboxConfig::default()
    };
    let sandbox = match Sandbox::start(config).await {
        Ok(s) => s,
        Err(e) => {
            eprintln!("metadesk-sandbox: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    println!("metadesk-sandbox listening on {}", sandbox.base_url());
    if let Some(dir) = &args.write_credentials {
        match sandbox.write_credentials(dir) {
            Ok(_) => println!("credentials written to {}", dir.display()),
            Err(e) => {
                eprintln!("metadesk-sandbox: cannot write credentials: {e}");
                return std::process::ExitCode::FAILURE;
            }
        }
    }
    println!("sample folder: {}", metadesk_sandbox::SAMPLE_FOLDER);
    let _ = tokio::signal::ctrl_c().await;
    sandbox.shutdown().await;
    std::process::ExitCode::SUCCESS
}

/// One `--switch-off` value, by its name in the faults' JSON.
fn switched(name: &str) -> Result<Switched, String> {
    serde_json::from_value(serde_json::Value::String(name.to_owned())).map_err(|_| {
        "expected graphql, querybuilder, renditions, csrf_token or repository_json".to_owned()
    })
}
