//! DAM folders: the rule for a folder's path, the words for a listing that failed, and the one
//! walk through a folder (and its subfolders when asked) that a run's preview and the scope
//! count both use, so they agree on what a folder holds.
//!
//! The walk's rule for a folder that cannot be listed: the folder the user chose, a refused
//! credential or an unreachable host end the walk with an error (nothing would be right after
//! them); a subfolder that cannot be listed is reported as such and left out, never taken for
//! an empty folder.
//!
//! Not here: how each listing request is sent and retried (the caller's, with its own gate and
//! cancellation), or what is done with the entries.

use std::collections::VecDeque;
use std::future::Future;

use futures_util::future::join_all;
use serde::{Deserialize, Serialize};

use super::{CallError, DAM_ROOT, Entry, EntryKind, Page, asset_path};
use metadesk_base::i18n::Text;
use metadesk_clients::error::{Error, ErrorCode, MessageArg, Result};
use metadesk_credentials::credentials::ApiFamily;

/// `/content/dam/…` for a folder given with or without `/content/dam` (the sample script's
/// form); refused outside the DAM, with `.`/`..` segments or with a control character (which
/// the URL would drop: `.\t.` would list the parent).
pub fn normalize_folder(folder: &str) -> Result<String> {
    let trimmed = folder.trim().trim_end_matches('/');
    if asset_path::has_control(trimmed) {
        return Err(Error::message(
            ErrorCode::InvalidInput,
            "error-folder-control-character",
            vec![(
                "folder",
                metadesk_base::i18n::controls_shown(trimmed).into(),
            )],
        ));
    }
    let full = if trimmed == DAM_ROOT || trimmed.starts_with(&format!("{DAM_ROOT}/")) {
        trimmed.to_owned()
    } else if trimmed.starts_with("/content/") || trimmed.is_empty() {
        return Err(Error::message(
            ErrorCode::InvalidInput,
            "error-folder-outside-dam",
            vec![("folder", folder.into()), ("root", DAM_ROOT.into())],
        ));
    } else {
        format!("{DAM_ROOT}/{}", trimmed.trim_start_matches('/'))
    };
    if full.split('/').any(|s| s == "." || s == "..") {
        return Err(Error::message(
            ErrorCode::InvalidInput,
            "error-folder-dot-segments",
            vec![("folder", folder.into())],
        ));
    }
    Ok(full)
}

/// A DAM folder's path, checked and normalised once ([`DamFolder::parse`]: as
/// [`normalize_folder`]). A walk and a run's scope hold one, so no later stage is handed a
/// folder nobody checked. Read back from a file, it is checked again.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct DamFolder(String);

impl DamFolder {
    /// `folder` checked and normalised ([`normalize_folder`]).
    pub fn parse(folder: &str) -> Result<Self> {
        normalize_folder(folder).map(DamFolder)
    }

    /// `/content/dam`.
    pub fn root() -> Self {
        DamFolder(DAM_ROOT.to_owned())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for DamFolder {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for DamFolder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for DamFolder {
    type Error = Error;

    fn try_from(folder: String) -> Result<Self> {
        DamFolder::parse(&folder)
    }
}

impl From<DamFolder> for String {
    fn from(folder: DamFolder) -> String {
        folder.0
    }
}

/// Who a connection acts as, for advice about access: a technical account
/// (`…@techacct.adobe.com`) or a user.
pub fn who(account: Option<&str>) -> Vec<(&'static str, MessageArg)> {
    let (kind, account) = match account {
        Some(a) if a.contains("@techacct.adobe.com") => ("technical", a),
        Some(a) if !a.is_empty() => ("user", a),
        _ => ("none", ""),
    };
    vec![("kind", kind.into()), ("account", account.into())]
}

/// `folder` is not in AEM (or not visible to this connection).
pub fn no_such_folder(folder: &str) -> Error {
    Error::message(
        ErrorCode::NotFound,
        "error-no-such-folder",
        vec![("folder", folder.into())],
    )
}

/// A listing of `folder` that failed, in words: what happened and what to do.
pub fn list_failed(
    folder: &str,
    err: CallError,
    family: ApiFamily,
    account: Option<&str>,
) -> Error {
    match err {
        CallError::NotFound => no_such_folder(folder),
        // AEM accepts OAuth Server-to-Server tokens only on the OpenAPI-based APIs, and none of
        // them lists a folder's assets: the classic listing answers 403.
        CallError::Forbidden(_) if family == ApiFamily::OpenApi => Error::message(
            ErrorCode::Auth,
            "error-list-folder-oauth",
            vec![("folder", folder.into())],
        ),
        CallError::Forbidden(_) => Error::message(
            ErrorCode::Auth,
            "error-list-folder-forbidden",
            [vec![("folder", folder.into())], who(account)].concat(),
        ),
        // Their words say what failed: the credential, the network, or (`Aem`) the address or
        // path refused, an answer not understood.
        CallError::Auth(e) | CallError::Unreachable(e) | CallError::Aem(e) => Error::Aem(e),
        CallError::Throttled { status, .. } => Error::message(
            ErrorCode::InvalidInput,
            "error-list-folder-throttled",
            vec![
                ("folder", folder.into()),
                ("status", status.to_string().into()),
            ],
        ),
        CallError::Transient(detail) => Error::worded(
            ErrorCode::InvalidInput,
            Text::new(
                "error-list-folder-transient",
                vec![("folder", folder.into()), ("detail", detail.into())],
            ),
        ),
        CallError::Conflict => Error::worded(
            ErrorCode::InvalidInput,
            Text::new(
                "error-list-folder-failed",
                vec![("folder", folder.into()), ("detail", err.text().into())],
            ),
        ),
        CallError::Rejected { status, detail } if status > 0 => Error::worded(
            ErrorCode::InvalidInput,
            Text::new(
                "error-list-folder-rejected",
                vec![
                    ("folder", folder.into()),
                    ("status", status.to_string().into()),
                    ("detail", detail.into()),
                ],
            ),
        ),
        CallError::Rejected { detail, .. } => Error::worded(
            ErrorCode::InvalidInput,
            Text::new(
                "error-list-folder-failed",
                vec![("folder", folder.into()), ("detail", detail.into())],
            ),
        ),
    }
}

/// Listings a walk sends together: what AEM as a Cloud Service serves one client at once. A
/// run's gate still bounds them to what the server takes.
pub const LISTINGS_AT_ONCE: usize = 8;

/// What one listing request gave the walk.
pub enum Listed {
    Page(Page),
    /// The run was cancelled while the request waited.
    Cancelled,
    /// It failed for good, after `attempts` attempts.
    Failed {
        error: CallError,
        attempts: u32,
    },
}

/// The next thing the walk met.
pub enum WalkStep {
    /// One page of a folder's children (subfolders included: the walk already queued them
    /// when it descends).
    Page(Vec<Entry>),
    /// A subfolder that could not be listed: its assets and subfolders are not in the walk.
    Unlisted {
        folder: String,
        error: CallError,
        attempts: u32,
    },
    Cancelled,
    Done,
}

/// A walk through `root` (and its subfolders when `recursive`), page by page, up to `at_once`
/// listings in flight. Only the pages and folders still to list are in memory.
///
/// The listings go out in waves and their pages are handed out in the order they were asked,
/// so a walk's order does not depend on which answer came first. A folder whose first page is
/// full and says how many children it has is listed in slots of a page each, asked together; a
/// slot answered short (a server may cap its pages without saying so) is followed for what it
/// still owes, never past the next slot, so no child is listed twice nor skipped.
pub struct FolderWalk {
    root: String,
    recursive: bool,
    page_size: u64,
    at_once: usize,
    family: ApiFamily,
    account: Option<String>,
    /// Listings still to send, the next one last.
    todo: Vec<Slot>,
    /// The last wave's answers not handed out yet, in the order they were asked.
    answered: VecDeque<(Slot, Listed)>,
}

/// One listing request: `limit` children of `folder` from `offset`. `bounded` when it is one of
/// a folder's slots (the next slot is already asked), so it is followed only for what it owes.
struct Slot {
    folder: String,
    offset: u64,
    limit: u64,
    bounded: bool,
}

impl FolderWalk {
    /// `at_once` listings are sent together (at least one); `family` and `account` give the
    /// failure words their advice.
    pub fn new(
        root: &DamFolder,
        recursive: bool,
        page_size: u64,
        at_once: usize,
        family: ApiFamily,
        account: Option<&str>,
    ) -> Self {
        let root = root.as_str().to_owned();
        let page_size = page_size.max(1);
        FolderWalk {
            todo: vec![Slot {
                folder: root.clone(),
                offset: 0,
                limit: page_size,
                bounded: false,
            }],
            root,
            recursive,
            page_size,
            at_once: at_once.max(1),
            family,
            account: account.map(str::to_owned),
            answered: VecDeque::new(),
        }
    }

    /// The next page, listed with `list(folder, offset, limit)` (a wave of them when none is
    /// waiting).
    pub async fn next<Fut>(&mut self, list: impl Fn(String, u64, u64) -> Fut) -> Result<WalkStep>
    where
        Fut: Future<Output = Listed>,
    {
        if self.answered.is_empty() {
            let at = self.todo.len().saturating_sub(self.at_once);
            let wave: Vec<Slot> = self.todo.drain(at..).rev().collect();
            if wave.is_empty() {
                return Ok(WalkStep::Done);
            }
            let asked = wave
                .iter()
                .map(|slot| list(slot.folder.clone(), slot.offset, slot.limit));
            let answers = join_all(asked).await;
            self.answered.extend(wave.into_iter().zip(answers));
        }
        let Some((slot, listed)) = self.answered.pop_front() else {
            return Ok(WalkStep::Done);
        };
        self.take(slot, listed)
    }

    /// What one answer means for the walk: its page (its successors and subfolders queued), a
    /// subfolder left out, or the end of the walk.
    fn take(&mut self, slot: Slot, listed: Listed) -> Result<WalkStep> {
        match listed {
            Listed::Cancelled => {
                self.todo.clear();
                self.answered.clear();
                Ok(WalkStep::Cancelled)
            }
            Listed::Failed { error, attempts } => {
                let folder = slot.folder;
                let fatal = folder == self.root
                    || matches!(error, CallError::Auth(_) | CallError::Unreachable(_));
                if fatal {
                    self.todo.clear();
                    self.answered.clear();
                    return Err(list_failed(
                        &folder,
                        error,
                        self.family,
                        self.account.as_deref(),
                    ));
                }
                tracing::warn!(%folder, error = %error, "subfolder could not be listed");
                // The rest of this folder is not listed either: its later slots are dropped,
                // and it is reported once.
                self.todo.retain(|s| s.folder != folder);
                self.answered.retain(|(s, _)| s.folder != folder);
                Ok(WalkStep::Unlisted {
                    folder,
                    error,
                    attempts,
                })
            }
            Listed::Page(page) => {
                if self.recursive {
                    // Pushed before the folder's own pages, so the folder ends first.
                    self.todo.extend(
                        page.entries
                            .iter()
                            .filter(|e| e.kind == EntryKind::Folder)
                            .map(|e| Slot {
                                folder: e.path.clone(),
                                offset: 0,
                                limit: self.page_size,
                                bounded: false,
                            }),
                    );
                }
                self.queue_after(&slot, &page);
                Ok(WalkStep::Page(page.entries))
            }
        }
    }

    /// Queues what follows `slot`'s page: every slot of the folder after a full first page that
    /// states the folder's total, else the rest of the slot or the next page.
    fn queue_after(&mut self, slot: &Slot, page: &Page) {
        let Some(next) = page.next_offset else {
            return;
        };
        let received = next.saturating_sub(slot.offset);
        let full = received >= slot.limit;
        match page.total {
            Some(total) if slot.offset == 0 && !slot.bounded && full => {
                // The slots, the first to list pushed last.
                let offsets: Vec<u64> = (next..total).step_by(self.page_size as usize).collect();
                self.todo
                    .extend(offsets.into_iter().rev().map(|offset| Slot {
                        folder: slot.folder.clone(),
                        offset,
                        limit: self.page_size,
                        bounded: true,
                    }));
            }
            _ if slot.bounded && full => {}
            _ => self.todo.push(Slot {
                folder: slot.folder.clone(),
                offset: next,
                limit: if slot.bounded {
                    slot.limit - received
                } else {
                    self.page_size
                },
                bounded: slot.bounded,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    mod walk {
        use super::*;
        use std::collections::BTreeMap;
        use std::sync::Mutex;

        const ROOT: &str = "/content/dam/r";

        fn root() -> DamFolder {
            DamFolder::parse(ROOT).unwrap()
        }

        /// A folder tree as a server pages it: each folder's children, sorted, answered at most
        /// `cap` a page (a server that caps its pages without saying so), with its total.
        struct Tree {
            children: BTreeMap<String, Vec<Entry>>,
            cap: u64,
            /// The first offset the cap applies from (0: every page).
            cap_from: u64,
            /// A folder whose listings from this offset on fail.
            fails_from: Option<(String, u64)>,
            /// Listings asked, and the most sent together.
            asked: Mutex<Vec<(String, u64, u64)>>,
            in_flight: Mutex<(usize, usize)>,
        }

        fn entry(folder: &str, name: &str, kind: EntryKind) -> Entry {
            Entry {
                path: format!("{folder}/{name}"),
                name: name.into(),
                kind,
                metadata: None,
            }
        }

        /// `ROOT` with `assets` assets and the subfolders `sub` of `sub_assets` each.
        fn tree(assets: usize, subs: &[&str], sub_assets: usize, cap: u64) -> Tree {
            let mut children = BTreeMap::new();
            let mut root: Vec<Entry> = subs
                .iter()
                .map(|s| entry(ROOT, s, EntryKind::Folder))
                .collect();
            root.extend(
                (0..assets).map(|i| entry(ROOT, &format!("a{i:04}.jpg"), EntryKind::Asset)),
            );
            for sub in subs {
                let folder = format!("{ROOT}/{sub}");
                let own = (0..sub_assets)
                    .map(|i| entry(&folder, &format!("b{i:04}.jpg"), EntryKind::Asset))
                    .collect();
                children.insert(folder, own);
            }
            children.insert(ROOT.to_owned(), root);
            Tree {
                children,
                cap,
                cap_from: 0,
                fails_from: None,
                asked: Mutex::new(Vec::new()),
                in_flight: Mutex::new((0, 0)),
            }
        }

        impl Tree {
            async fn list(&self, folder: String, offset: u64, limit: u64) -> Listed {
                self.asked
                    .lock()
                    .unwrap()
                    .push((folder.clone(), offset, limit));
                {
                    let mut f = self.in_flight.lock().unwrap();
                    f.0 += 1;
                    f.1 = f.1.max(f.0);
                }
                // Every listing of a wave is under way before any answers.
                tokio::task::yield_now().await;
                self.in_flight.lock().unwrap().0 -= 1;
                if let Some((failing, from)) = &self.fails_from
                    && *failing == folder
                    && offset >= *from
                {
                    return Listed::Failed {
                        error: CallError::Transient(Text::new("test-failed", vec![])),
                        attempts: 3,
                    };
                }
                let all = &self.children[&folder];
                let total = all.len() as u64;
                let cap = if offset >= self.cap_from {
                    self.cap
                } else {
                    u64::MAX
                };
                let end = (offset + limit.min(cap)).min(total);
                let entries = all[offset as usize..end as usize].to_vec();
                Listed::Page(Page {
                    entries,
                    total: Some(total),
                    next_offset: (end < total).then_some(end),
                })
            }
        }

        /// Every step of the walk: the paths it handed out, in order, and the subfolders it
        /// said were not listed.
        async fn walk_all(
            tree: &Tree,
            page_size: u64,
            at_once: usize,
        ) -> (Vec<String>, Vec<String>) {
            let mut walk =
                FolderWalk::new(&root(), true, page_size, at_once, ApiFamily::Classic, None);
            let (mut paths, mut unlisted) = (Vec::new(), Vec::new());
            loop {
                match walk.next(|f, o, l| tree.list(f, o, l)).await.unwrap() {
                    WalkStep::Page(entries) => paths.extend(entries.into_iter().map(|e| e.path)),
                    WalkStep::Unlisted { folder, .. } => unlisted.push(folder),
                    WalkStep::Done => return (paths, unlisted),
                    WalkStep::Cancelled => panic!("not cancelled"),
                }
            }
        }

        fn every_child_once(tree: &Tree, paths: &[String]) {
            let mut want: Vec<&str> = tree
                .children
                .values()
                .flatten()
                .map(|e| e.path.as_str())
                .collect();
            let mut got: Vec<&str> = paths.iter().map(String::as_str).collect();
            want.sort_unstable();
            got.sort_unstable();
            assert_eq!(got, want, "each child listed exactly once");
        }

        /// Seen failing on the walk that listed one page at a time: a big folder's pages and the
        /// subfolders went one request after another.
        #[tokio::test]
        async fn a_big_folders_pages_and_the_subfolders_are_listed_together() {
            let tree = tree(950, &["s1", "s2", "s3", "s4", "s5", "s6"], 5, u64::MAX);
            let (paths, unlisted) = walk_all(&tree, 100, 8).await;
            every_child_once(&tree, &paths);
            assert!(unlisted.is_empty());
            // 10 pages of the folder and 6 subfolders in 1 + 2 + 1 waves of at most 8.
            assert_eq!(tree.asked.lock().unwrap().len(), 16);
            assert_eq!(tree.in_flight.lock().unwrap().1, 8);
            // The order is the folder's, page by page, whatever answered first.
            let own: Vec<&String> = paths.iter().filter(|p| p.contains("/a")).collect();
            assert!(
                own.windows(2).all(|w| w[0] < w[1]),
                "the folder's pages in order"
            );
            // And at most one at a time when asked so.
            let tree = tree_again(&tree);
            walk_all(&tree, 100, 1).await;
            assert_eq!(tree.in_flight.lock().unwrap().1, 1);
        }

        fn tree_again(t: &Tree) -> Tree {
            Tree {
                children: t.children.clone(),
                cap: t.cap,
                cap_from: t.cap_from,
                fails_from: t.fails_from.clone(),
                asked: Mutex::new(Vec::new()),
                in_flight: Mutex::new((0, 0)),
            }
        }

        /// A server that answers 30 a page when asked 100, saying its total: each slot is
        /// followed for what it owes and no further. Seen failing when a short slot was followed
        /// a whole page (children listed twice) and when it was not followed (children skipped).
        #[tokio::test]
        async fn a_server_that_caps_its_pages_loses_and_repeats_no_child() {
            // A first page that is short: listed page after page, as before.
            let capped = tree(437, &["s1"], 3, 30);
            let (paths, _) = walk_all(&capped, 100, 8).await;
            every_child_once(&capped, &paths);
            // A full first page, then 30 a page: slots, each followed within itself.
            let late = Tree {
                cap_from: 1,
                ..tree(437, &["s1"], 3, 30)
            };
            let (paths, _) = walk_all(&late, 100, 8).await;
            every_child_once(&late, &paths);
            let asked = late.asked.lock().unwrap();
            assert!(
                asked.contains(&(ROOT.to_owned(), 130, 70)),
                "the slot from 100 answered 30 is followed for its other 70: {asked:?}"
            );
        }

        /// A subfolder whose third page fails: said once, its other pages not asked for after
        /// it nor handed out, and the other folders whole. Seen failing when its later slots
        /// were still listed.
        #[tokio::test]
        async fn a_subfolder_that_fails_midway_is_reported_once() {
            // 12 pages each: more than one wave.
            let mut t = tree(10, &["s1", "s2"], 1200, u64::MAX);
            t.fails_from = Some((format!("{ROOT}/s1"), 200));
            let (paths, unlisted) = walk_all(&t, 100, 8).await;
            assert_eq!(unlisted, vec![format!("{ROOT}/s1")]);
            assert!(
                paths
                    .iter()
                    .all(|p| !p.contains("/s1/b02") && !p.contains("/s1/b03"))
            );
            assert_eq!(paths.iter().filter(|p| p.contains("/s2/")).count(), 1200);
            let late_s1 = t
                .asked
                .lock()
                .unwrap()
                .iter()
                .any(|(f, o, _)| f.ends_with("/s1") && *o >= 900);
            assert!(
                !late_s1,
                "no page of s1 asked for after the wave that failed"
            );
            // The root itself failing ends the walk with an error.
            let mut t = tree(250, &[], 0, u64::MAX);
            t.fails_from = Some((ROOT.to_owned(), 100));
            let mut walk = FolderWalk::new(&root(), true, 100, 8, ApiFamily::Classic, None);
            let first = walk.next(|f, o, l| t.list(f, o, l)).await.unwrap();
            assert!(matches!(first, WalkStep::Page(ref e) if e.len() == 100));
            assert!(walk.next(|f, o, l| t.list(f, o, l)).await.is_err());
        }
    }

    /// Seen failing without the check: `.\t.` is not `..`, so it passed, and the URL built of
    /// it, with the tab dropped, named the parent folder.
    #[test]
    fn a_folder_with_a_control_character_is_refused_in_words() {
        use metadesk_base::i18n::{Lang, Localizer};
        for folder in [
            "/content/dam/a/.\t./b",
            "a/.\n./b",
            "/content/dam/a\rb",
            "/content/dam/a\u{0}b",
            "/content/dam/a\u{7f}",
            "/content/dam/a\u{85}b",
        ] {
            let err = normalize_folder(folder).unwrap_err();
            assert_eq!(err.code(), ErrorCode::InvalidInput, "{folder:?}");
        }
        let err = normalize_folder("/content/dam/a/.\t./b").unwrap_err();
        assert_eq!(
            err.to_string(),
            "\"/content/dam/a/.\\t./b\" holds a control character (a tab or a line break, shown \
             as \\t or \\n): no folder path in AEM does. Type the folder again without it."
        );
        assert_eq!(
            err.localized(&Localizer::new(Lang::Fr)),
            "«\u{a0}/content/dam/a/.\\t./b\u{a0}» contient un caractère de contrôle (une \
             tabulation ou un saut de ligne, affichés \\t ou \\n)\u{a0}: aucun chemin de dossier \
             d’AEM n’en contient. Saisissez de nouveau le dossier, sans ce caractère."
        );
        // A line break a paste leaves at the end is not part of the folder.
        assert_eq!(
            normalize_folder("/content/dam/a\n").unwrap(),
            "/content/dam/a"
        );
    }

    #[test]
    fn a_listing_that_failed_is_worded_in_french() {
        let fr = metadesk_base::i18n::Localizer::new(metadesk_base::i18n::Lang::Fr);
        let said = |err: CallError, family, account| {
            list_failed("/content/dam/a", err, family, account).localized(&fr)
        };
        assert_eq!(
            said(
                CallError::Forbidden("no".into()),
                ApiFamily::Classic,
                Some("abc@techacct.adobe.com")
            ),
            "Impossible de lister /content/dam/a\u{a0}: cette connexion n’a pas le droit de le \
             lire (403). Demandez à un administrateur AEM d’accorder l’accès en lecture au \
             compte technique abc@techacct.adobe.com."
        );
        assert_eq!(
            said(CallError::NotFound, ApiFamily::Classic, None),
            "Le dossier /content/dam/a n’existe pas dans AEM, ou cette connexion ne peut pas le \
             voir."
        );
        let throttled = said(
            CallError::Throttled {
                status: 429,
                retry_after: None,
            },
            ApiFamily::Classic,
            None,
        );
        assert!(throttled.contains("ralentir (429)"), "{throttled}");
        // The English words are what the log keeps.
        let en = list_failed(
            "/content/dam/a",
            CallError::NotFound,
            ApiFamily::Classic,
            None,
        );
        assert_eq!(
            en.to_string(),
            "The folder /content/dam/a does not exist in AEM, or this connection may not see it."
        );
    }
}
