//! The baseline: a sequential client, one request in flight, as Adobe's sample script would be
//! once corrected. It lists each folder following the paging to its end (with the same page
//! size as the engine), goes down into subfolders (the engine run is recursive too), reads each
//! asset's metadata and PUTs the new value when it differs; folders and content fragments are
//! never written. No retries: the scenario it runs in injects no failures.

use std::time::{Duration, Instant};

use metadesk_core::assets::{AssetRef, AssetsApi, EntryKind, Write};
use serde_json::Value;

use crate::Result;

/// What the sequential client did.
#[derive(Debug, Default)]
pub struct SequentialRun {
    pub elapsed: Duration,
    pub assets: u64,
    pub written: u64,
    pub unchanged: u64,
    pub failed: u64,
}

/// Sets `property` to `value` on every asset under `root`, one request at a time.
pub async fn run(
    aem: &dyn AssetsApi,
    root: &str,
    property: &str,
    value: &str,
    page_size: u64,
) -> Result<SequentialRun> {
    let t = Instant::now();
    let mut out = SequentialRun::default();
    let wanted = Value::String(value.to_owned());
    let writes = [Write {
        property: property.to_owned(),
        value: Some(wanted.clone()),
    }];
    let mut folders = vec![root.to_owned()];
    while let Some(folder) = folders.pop() {
        let mut offset = 0;
        loop {
            let page = aem
                .list(&folder, offset, page_size)
                .await
                .map_err(|e| format!("listing {folder} failed: {e}"))?;
            for entry in page.entries {
                match entry.kind {
                    EntryKind::Folder => folders.push(entry.path),
                    EntryKind::ContentFragment => {}
                    EntryKind::Asset => {
                        out.assets += 1;
                        let asset = AssetRef {
                            path: entry.path,
                            id: None,
                        };
                        let Ok(current) = aem.read(&asset).await else {
                            out.failed += 1;
                            continue;
                        };
                        if current.metadata.get(property) == Some(&wanted) {
                            out.unchanged += 1;
                            continue;
                        }
                        match aem.write(&asset, &writes, None).await {
                            Ok(_) => out.written += 1,
                            Err(_) => out.failed += 1,
                        }
                    }
                }
            }
            match page.next_offset {
                Some(next) => offset = next,
                None => break,
            }
        }
    }
    out.elapsed = t.elapsed();
    Ok(out)
}
