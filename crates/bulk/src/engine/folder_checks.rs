//! Checks of whole small folders: the current values of assets in several small folders asked
//! in one QueryBuilder request of those folders (`path.flat`), where exact paths fit a few
//! dozen assets a request (a tree of small folders then costs a check per few folders rather
//! than per few dozen assets), both in the preview (with where each asset stands on the
//! website, in the same request) and just before a batch is written.
//!
//! The folders' listings still say which assets are in the run: a hit no path asked for is
//! dropped (the index may still hold an asset gone since), and a path the answer leaves out is
//! read on its own by the caller when the answer was complete (the index lags behind uploads),
//! or asked again by exact path when it was cut at its limit (that folder holds more than
//! asked: it is checked by exact paths for the rest of the phase).
//!
//! Not here: the checks of exact paths (`checks.rs`, `batched.rs`), the wire format
//! (`metadesk_assets::batch`).

use std::collections::HashMap;
use std::sync::Arc;

use super::context::{Ctx, Failure, lock};
use metadesk_assets::CallError;
use metadesk_assets::batch::{Checked, MAX_FOLDER_CHECK_HITS, fits_in_folder_check};
use metadesk_assets::publication::{Agent, Publications};

/// A folder with more asked paths than this is checked by exact paths: it is not small, and
/// its hits would crowd out the other folders' under the limit.
const SMALL_FOLDER: usize = 100;

/// Asked paths a check of folders covers at most: its limit leaves room for the folders'
/// other assets (those needing no change, content fragments, uploads since the listing).
const PATHS_PER_CHECK: usize = MAX_FOLDER_CHECK_HITS / 2;

/// What the checks of folders said about a set of paths.
#[derive(Default)]
pub(super) struct ByFolders {
    /// The values of each asked path a check returned.
    pub(super) found: Checked,
    /// Paths no check of folders answered for: to be checked by exact path.
    pub(super) rest: Vec<String>,
    /// Where they stand on the tier asked for (`states`): each asked path a check returned.
    pub(super) states: Publications,
    /// Paths whose state a check said all it knows of: returned, or left out of a complete
    /// answer (the index does not hold them yet). The others are asked again by exact path.
    pub(super) states_answered: Vec<String>,
}

/// The folder holding `path`.
fn parent(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(p, _)| p)
}

/// The asked paths by folder: small folders (in order) and the paths of the others.
struct Grouped<'a> {
    small: Vec<&'a str>,
    by_folder: HashMap<&'a str, Vec<&'a String>>,
    rest: Vec<String>,
}

fn grouped<'a>(ctx: &Ctx, paths: &'a [String]) -> Grouped<'a> {
    let mut order: Vec<&str> = Vec::new();
    let mut by_folder: HashMap<&str, Vec<&String>> = HashMap::new();
    for path in paths {
        let folder = parent(path);
        by_folder
            .entry(folder)
            .or_insert_with(|| {
                order.push(folder);
                Vec::new()
            })
            .push(path);
    }
    let mut rest = Vec::new();
    let big = lock(&ctx.big_folders);
    let small = order
        .into_iter()
        .filter(|f| {
            let n = by_folder[f].len();
            let small = n <= SMALL_FOLDER && !big.contains(*f) && !f.is_empty();
            if !small {
                rest.extend(by_folder[f].iter().map(|p| (*p).clone()));
            }
            small
        })
        .collect();
    Grouped {
        small,
        by_folder,
        rest,
    }
}

impl Grouped<'_> {
    /// How many small folders from `start` one request covers: as many as the URL takes
    /// (`fits`) while their asked paths stay under [`PATHS_PER_CHECK`].
    fn chunk(&self, start: usize, fits: usize) -> usize {
        let mut asked = 0;
        for (k, f) in self.small[start..start + fits].iter().enumerate() {
            if k > 0 && asked + self.by_folder[f].len() > PATHS_PER_CHECK {
                return k;
            }
            asked += self.by_folder[f].len();
        }
        fits
    }

    /// Every path of `folders` left to the exact checks.
    fn give_up(&mut self, folders: &[&str]) {
        for f in folders {
            self.rest
                .extend(self.by_folder[f].iter().map(|p| (*p).clone()));
        }
    }
}

/// Asks the values of `properties` of the assets at `paths` in checks of their folders where
/// those are small, and in the same requests where they stand on `states`' tier when asked; the
/// others, and those of a check that failed or was cut at its limit, are left in
/// [`ByFolders::rest`]. `Err` when the phase stops.
pub(super) async fn check_by_folders(
    ctx: &Arc<Ctx>,
    paths: &[String],
    properties: &[String],
    states: Option<Agent>,
) -> Result<ByFolders, Failure> {
    let mut g = grouped(ctx, paths);
    let mut out = ByFolders::default();
    let mut start = 0;
    while start < g.small.len() {
        let n = g.chunk(start, fits_in_folder_check(&g.small[start..], properties));
        let chunk = g.small[start..start + n].to_vec();
        start += n;
        let answer = match states {
            Some(agent) => {
                ctx.call(|| {
                    ctx.aem.check_folders_with_states(
                        &chunk,
                        properties,
                        agent,
                        MAX_FOLDER_CHECK_HITS,
                    )
                })
                .await
            }
            None => ctx
                .call(|| {
                    ctx.aem
                        .check_folders(&chunk, properties, MAX_FOLDER_CHECK_HITS)
                })
                .await
                .map(|checked| (checked, Publications::default())),
        };
        let (checked, mut found_states) = match answer {
            Ok(checked) => checked,
            Err(Failure::Cancelled) => return Err(Failure::Cancelled),
            Err(Failure::Call(CallError::Auth(e), n)) => {
                return Err(Failure::Call(CallError::Auth(e), n));
            }
            // Not answered: these folders' assets are asked by exact path, as before.
            Err(Failure::Call(error, _)) => {
                tracing::info!(%error, "a check of folders failed; checking by exact paths");
                let left = g.small[start - n..].to_vec();
                g.give_up(&left);
                break;
            }
        };
        let mut found = checked.found;
        for f in &chunk {
            let mut short = false;
            for path in &g.by_folder[f] {
                if states.is_some() {
                    match found_states.remove(path.as_str()) {
                        Some(state) => {
                            out.states.insert((*path).clone(), state);
                            out.states_answered.push((*path).clone());
                        }
                        None if checked.complete => out.states_answered.push((*path).clone()),
                        None => {}
                    }
                }
                match found.remove(path.as_str()) {
                    Some(values) => {
                        out.found.insert((*path).clone(), values);
                    }
                    // The index does not hold it (yet): the caller reads it on its own.
                    None if checked.complete => {}
                    None => {
                        short = true;
                        out.rest.push((*path).clone());
                    }
                }
            }
            if short {
                lock(&ctx.big_folders).insert((*f).to_owned());
            }
        }
    }
    out.rest.append(&mut g.rest);
    Ok(out)
}

/// What the queries of folders said about where a set of paths stand on a tier.
#[derive(Default)]
pub(super) struct FolderStates {
    /// Each asked path a query returned.
    pub(super) found: Publications,
    /// Asked paths whose folder's answer was complete but left them out: the index does not
    /// hold them yet.
    pub(super) missed: Vec<String>,
    /// Paths left to the queries of exact paths (other folders', and those of a query that
    /// failed or was cut at its limit).
    pub(super) rest: Vec<String>,
}

/// Asks where the assets at `paths` stand on `agent`'s tier in queries of their folders where
/// those are small. `Err` when the phase stops.
pub(super) async fn states_by_folders(
    ctx: &Arc<Ctx>,
    paths: &[String],
    agent: Agent,
) -> Result<FolderStates, Failure> {
    let mut g = grouped(ctx, paths);
    let mut out = FolderStates::default();
    let mut start = 0;
    while start < g.small.len() {
        let n = g.chunk(start, fits_in_folder_check(&g.small[start..], &[]));
        let chunk = g.small[start..start + n].to_vec();
        start += n;
        let answer = ctx
            .call(|| {
                ctx.aem
                    .publications_in_folders(&chunk, agent, MAX_FOLDER_CHECK_HITS)
            })
            .await;
        let (mut found, complete) = match answer {
            Ok(found) => found,
            Err(Failure::Cancelled) => return Err(Failure::Cancelled),
            Err(Failure::Call(_, _)) => {
                let left = g.small[start - n..].to_vec();
                g.give_up(&left);
                break;
            }
        };
        for f in &chunk {
            for path in &g.by_folder[f] {
                match found.remove(path.as_str()) {
                    Some(p) => {
                        out.found.insert((*path).clone(), p);
                    }
                    None if complete => out.missed.push((*path).clone()),
                    None => out.rest.push((*path).clone()),
                }
            }
        }
    }
    out.rest.append(&mut g.rest);
    Ok(out)
}
