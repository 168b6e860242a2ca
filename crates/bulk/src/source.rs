//! The one source of a scope's rows, for everything that reads them: a run's preview (an edit's,
//! a publish's), a sample, a count, a list check, a sheet export. Where the rows come from is
//! decided here once, from the scope and what the connection reaches ([`Reach`]):
//!
//! - a folder: its listings (`scope_walk.rs`, exact); an OAuth Server-to-Server connection with
//!   nobody to list it: AEM's OpenAPI search under the folder (`open_walk.rs`);
//! - a search: QueryBuilder's pages; an OAuth S2S connection's own OpenAPI search first, its
//!   paired classic connection's QueryBuilder when AEM does not offer that search (or it cannot
//!   express a condition);
//! - a list: its entries looked up in batches, by the OpenAPI search or QueryBuilder alike, each
//!   path no hit gave read on its own before it is called not found (`searching::confirm_unfound`).
//!
//! Each use sends the requests its way ([`Asker`]: a run's gate, retried as a glance, once) and
//! only consumes [`Step`]s. The guarantees hold on every way: a partial read is never the whole
//! (the scope's own folder not listed, a search page or a list's lookup that fails, an OpenAPI
//! hit outside the folder: each an error, never a shorter list); a subfolder that could not be
//! listed is a step of its own; a list's entries that name no asset are a step of their own; a
//! cancelled run ends with [`Step::Cancelled`].
//!
//! This is the scope's source, one of a run's [`crate::RunSource`]s (`engine/run_source.rs`,
//! where the engine dispatches on them once): the others are rows known before the run starts
//! (a sheet's, a journal's for an undo, a retry or a republish, a tag sheet's plan, an upload's
//! files), each with its values before where it has them, which need no walk.
//!
//! Not here: how a step's rows are planned (`engine/`), what the OpenAPI search is asked
//! (`open_query.rs`).

use std::collections::VecDeque;
use std::future::Future;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::found_by::FoundBy;
use crate::open_query::{self, cut_short, in_folder, outside, query_items};
use crate::open_walk::{OpenList, OpenStep, OpenWalk, resolve_listed_open};
use crate::scope::{RunScope, ScopeSource, hit_properties};
use crate::scope_walk::{Asker, Pages, ScopeWalk, resolve_listed};
use crate::searching::{ListProblem, confirm_unfound};
use metadesk_assets::folders::WalkStep;
use metadesk_assets::open_search::unavailable;
use metadesk_assets::search::search_failed;
use metadesk_assets::{AssetsApi, CallError, Entry};
use metadesk_clients::error::{Error, Result};
use metadesk_credentials::credentials::ApiFamily;

/// An entry the source found (an asset, a content fragment, a subfolder of a listing), with its
/// asset id where the OpenAPI search gave it.
#[derive(Debug, Clone)]
pub struct Found {
    pub entry: Entry,
    pub id: Option<String>,
}

/// What the source gives next.
pub enum Step {
    /// Rows in the scope's order: a listing page, a search page, a list's assets.
    Page(Vec<Found>),
    /// A subfolder that could not be listed: its assets are not in the scope's rows.
    Unlisted {
        folder: String,
        error: CallError,
        attempts: u32,
    },
    /// A list's entries that name no asset a run can edit, given before its assets.
    Problems(Vec<ListProblem>),
    Done,
    Cancelled,
}

/// What the connection reaches, and the words of its failures.
#[derive(Debug, Clone, Copy)]
pub struct Reach<'a> {
    pub family: ApiFamily,
    /// QueryBuilder answers (the classic API, or an OAuth S2S connection's paired one).
    pub query_builder: bool,
    /// Something lists folders (the classic API, or the paired connection).
    pub lists_folders: bool,
    /// The connection's name, in the words of a search AEM refused.
    pub connection: &'a str,
    /// The connection is stored (else a credential file), for the words of what to pair.
    pub stored: bool,
    /// The technical account, in the words of a listing refused.
    pub account: Option<&'a str>,
}

impl<'a> Reach<'a> {
    /// What `aem` reaches, its failures worded with `connection` (`stored`) and `account`.
    pub fn of(
        aem: &dyn AssetsApi,
        connection: &'a str,
        stored: bool,
        account: Option<&'a str>,
    ) -> Self {
        Reach {
            family: aem.family(),
            query_builder: aem.can_search(),
            lists_folders: aem.lists_folders(),
            connection,
            stored,
            account,
        }
    }

    fn open(&self) -> bool {
        self.family == ApiFamily::OpenApi
    }
}

/// Steps a source reads ahead at most, while something else is read beside it.
const AHEAD_STEPS: usize = 64;

/// The rows of one scope, step by step.
pub struct Source {
    /// The scope the rows are of.
    scope: RunScope,
    way: Way,
    /// Steps read ahead ([`Source::ahead_while`]), handed out first.
    ahead: VecDeque<Result<Step>>,
    found_by: FoundBy,
    folder: String,
    recursive: bool,
    connection: String,
    stored: bool,
    unindexed: u64,
}

enum Way {
    /// A folder's listings or QueryBuilder's pages.
    Walk(ScopeWalk),
    /// AEM's OpenAPI search; `classic`: the paired connection's QueryBuilder walk, taken when
    /// AEM does not offer the search.
    Open {
        walk: OpenWalk,
        classic: Option<Box<ScopeWalk>>,
        /// A folder's assets (no search to fall back on): a search AEM does not offer means
        /// nothing can find them.
        folder_scope: bool,
    },
    /// A list not looked up yet; `open`: by the OpenAPI search first.
    List {
        entries: Vec<String>,
        hits: Vec<(String, String)>,
        open: bool,
        paired: bool,
    },
    /// Steps already known (a list's, once looked up).
    Given(VecDeque<Step>),
}

impl Source {
    /// The source of `scope`'s rows through what `reach` reaches; a search's hits carry
    /// `properties` (the path, type and name always). A condition the OpenAPI search cannot
    /// express, with no paired connection to ask QueryBuilder, is an error in words.
    pub fn of<'p>(
        scope: &RunScope,
        properties: impl IntoIterator<Item = &'p str>,
        pages: Pages,
        reach: &Reach<'_>,
    ) -> Result<Self> {
        let properties: Vec<&str> = properties.into_iter().collect();
        let (folder, filters) = (scope.folder(), scope.filters());
        let walk = || {
            ScopeWalk::of(
                scope,
                properties.iter().copied(),
                pages,
                reach.family,
                reach.account,
            )
        };
        let (way, found_by) = match &filters.selection {
            Some(ScopeSource::List { entries }) => (
                Way::List {
                    entries: entries.clone(),
                    hits: hit_properties(properties.iter().copied()),
                    open: reach.open(),
                    paired: reach.query_builder,
                },
                FoundBy::query_builder(),
            ),
            None if reach.lists_folders || !reach.open() => (
                Way::Walk(walk().ok_or_else(not_walked)?),
                FoundBy::listing(),
            ),
            Some(ScopeSource::Search { .. }) if !reach.open() => (
                Way::Walk(walk().ok_or_else(not_walked)?),
                FoundBy::query_builder(),
            ),
            // An OAuth S2S connection searches with its own token first; a folder nobody lists
            // is a search with no condition under it.
            selection => {
                let (conditions, combine) = match selection {
                    Some(ScopeSource::Search {
                        conditions,
                        combine,
                    }) => (conditions.as_slice(), *combine),
                    _ => (&[][..], crate::scope::Combine::All),
                };
                let classic = walk().filter(|_| reach.query_builder).map(Box::new);
                match query_items(folder, filters.recursive, conditions, combine) {
                    Ok(items) => (
                        Way::Open {
                            walk: OpenWalk::new(items, pages.search),
                            classic,
                            folder_scope: selection.is_none(),
                        },
                        FoundBy::OpenapiSearch,
                    ),
                    Err(why) => match classic {
                        Some(classic) => {
                            tracing::info!(condition = %why.condition, "the OpenAPI search cannot express a condition: QueryBuilder through the paired connection");
                            (Way::Walk(*classic), FoundBy::query_builder())
                        }
                        None => return Err(why.refusal(reach.connection)),
                    },
                }
            }
        };
        Ok(Source {
            scope: scope.clone(),
            way,
            ahead: VecDeque::new(),
            found_by,
            folder: folder.as_str().to_owned(),
            recursive: filters.recursive,
            connection: reach.connection.to_owned(),
            stored: reach.stored,
            unindexed: 0,
        })
    }

    /// Only the first `n` entries of a list are looked up (a sample's).
    pub fn first_of_list(mut self, n: usize) -> Self {
        if let Way::List { entries, .. } = &mut self.way {
            entries.truncate(n);
        }
        self
    }

    /// Which search found the rows so far (the listing for a folder's).
    pub fn found_by(&self) -> FoundBy {
        self.found_by.clone()
    }

    /// Whether the rows are what AEM's index holds when asked (a search, or a folder found by
    /// the OpenAPI search), not the repository's listings nor a list's named assets.
    pub fn searches(&self) -> bool {
        match &self.way {
            Way::Walk(walk) => walk.searches(),
            Way::Open { .. } => true,
            Way::List { .. } | Way::Given(_) => false,
        }
    }

    /// Whether the rows are a folder's listings (subfolders among them, values not carried).
    pub fn lists_folders(&self) -> bool {
        matches!(&self.way, Way::Walk(walk) if !walk.searches())
    }

    /// A list's paths AEM's index did not hold yet that the repository does (read on their
    /// own, among the list's assets).
    pub fn unindexed(&self) -> u64 {
        self.unindexed
    }

    /// The scope the rows are of.
    pub fn scope(&self) -> &RunScope {
        &self.scope
    }

    /// Reads steps ahead through `asker` while `beside` runs (what a run reads before it
    /// starts: its folder's form), so the server lists meanwhile; [`Source::next`] hands them
    /// out first, in order. Stops at the end of the rows, at the first failure (handed out in
    /// its turn), or at [`AHEAD_STEPS`]; the step under way when `beside` ends is finished.
    pub async fn ahead_while<T>(
        &mut self,
        asker: &impl Asker,
        beside: impl Future<Output = T>,
    ) -> T {
        let ended = AtomicBool::new(false);
        let beside = async {
            let answer = beside.await;
            ended.store(true, Ordering::Relaxed);
            answer
        };
        let ahead = async {
            while !ended.load(Ordering::Relaxed) && self.ahead.len() < AHEAD_STEPS {
                let step = self.read(asker).await;
                let last = !matches!(
                    step,
                    Ok(Step::Page(_) | Step::Unlisted { .. } | Step::Problems(_))
                );
                self.ahead.push_back(step);
                if last {
                    break;
                }
            }
        };
        let (answer, ()) = tokio::join!(beside, ahead);
        answer
    }

    /// The next step, its requests sent through `asker`. A failure that leaves the scope
    /// unknown is an error.
    pub async fn next(&mut self, asker: &impl Asker) -> Result<Step> {
        match self.ahead.pop_front() {
            Some(step) => step,
            None => self.read(asker).await,
        }
    }

    /// The next step not read ahead.
    async fn read(&mut self, asker: &impl Asker) -> Result<Step> {
        loop {
            match &mut self.way {
                Way::Walk(walk) => return walked(walk.next(asker).await?),
                Way::Given(steps) => return Ok(steps.pop_front().unwrap_or(Step::Done)),
                Way::List { .. } => {
                    let Way::List {
                        entries,
                        hits,
                        open,
                        paired,
                    } = std::mem::replace(&mut self.way, Way::Given(VecDeque::new()))
                    else {
                        continue;
                    };
                    let steps = self.look_up(asker, &entries, &hits, open, paired).await?;
                    self.way = Way::Given(steps);
                }
                Way::Open {
                    walk,
                    classic,
                    folder_scope,
                } => match walk.next(asker).await {
                    Ok(OpenStep::Hits(hits)) => {
                        let mut page = Vec::with_capacity(hits.len());
                        for hit in hits {
                            if !in_folder(&hit.path, &self.folder, self.recursive) {
                                return Err(outside(&hit.path, &self.folder));
                            }
                            page.push(Found {
                                entry: hit.entry(),
                                id: hit.id,
                            });
                        }
                        return Ok(Step::Page(page));
                    }
                    Ok(OpenStep::Done) => return Ok(Step::Done),
                    Ok(OpenStep::Cancelled) => return Ok(Step::Cancelled),
                    Err(e) if !walk.answered() && classic.is_some() && unavailable(&e) => {
                        tracing::info!(error = %e, "AEM does not offer the OpenAPI search: QueryBuilder through the paired connection");
                        if let Some(classic) = classic.take() {
                            self.way = Way::Walk(*classic);
                            self.found_by = FoundBy::query_builder();
                        }
                    }
                    Err(e) if !walk.answered() => {
                        // A folder nobody lists: nothing else can find its assets.
                        return Err(if *folder_scope && unavailable(&e) {
                            open_query::needs_paired(&self.connection, self.stored)
                        } else {
                            open_query::failed(e, &self.connection)
                        });
                    }
                    // The scope past this page is unknown.
                    Err(e) => return Err(cut_short(walk.read(), e)),
                },
            }
        }
    }

    /// Looks a list up (all of it first: the rows are the list as it was then): the OpenAPI
    /// search first where the connection has it, else (or when AEM does not offer it)
    /// QueryBuilder; then each path no hit gave is read on its own.
    async fn look_up(
        &mut self,
        asker: &impl Asker,
        entries: &[String],
        hits: &[(String, String)],
        open: bool,
        paired: bool,
    ) -> Result<VecDeque<Step>> {
        let mut ids = std::collections::HashMap::new();
        let mut resolved = None;
        if open {
            match resolve_listed_open(asker, entries, paired, &self.connection).await? {
                OpenList::Resolved(list, by_path) => {
                    self.found_by = FoundBy::OpenapiSearch;
                    (resolved, ids) = (Some(list), by_path);
                }
                OpenList::Cancelled => return Ok(VecDeque::from([Step::Cancelled])),
                OpenList::UseClassic => {}
            }
        }
        let mut resolved = match resolved {
            Some(resolved) => resolved,
            None => match resolve_listed(asker, entries, hits)
                .await
                .map_err(search_failed)?
            {
                Some(resolved) => resolved,
                None => return Ok(VecDeque::from([Step::Cancelled])),
            },
        };
        confirm_unfound(&mut resolved, |path| asker.node(path)).await;
        self.unindexed += resolved.unindexed;
        let mut steps = VecDeque::new();
        if !resolved.problems.is_empty() {
            steps.push_back(Step::Problems(resolved.problems));
        }
        let page = resolved
            .assets
            .into_iter()
            .map(|entry| {
                let id = ids.get(&entry.path).cloned();
                Found { entry, id }
            })
            .collect();
        steps.push_back(Step::Page(page));
        steps.push_back(Step::Done);
        Ok(steps)
    }
}

/// A walk's step as the source's.
fn walked(step: WalkStep) -> Result<Step> {
    Ok(match step {
        WalkStep::Page(entries) => Step::Page(
            entries
                .into_iter()
                .map(|entry| Found { entry, id: None })
                .collect(),
        ),
        WalkStep::Unlisted {
            folder,
            error,
            attempts,
        } => Step::Unlisted {
            folder,
            error,
            attempts,
        },
        WalkStep::Done => Step::Done,
        WalkStep::Cancelled => Step::Cancelled,
    })
}

/// `ScopeWalk::of` walks every scope but a list, which [`Source::of`] takes first.
fn not_walked() -> Error {
    Error::Internal("a folder or search scope not walked".into())
}
