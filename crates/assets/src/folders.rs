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

use std::future::Future;

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

/// A walk through `root` (and its subfolders when `recursive`), page by page. Only the stack of
/// folders still to list is in memory.
pub struct FolderWalk {
    root: String,
    recursive: bool,
    page_size: u64,
    family: ApiFamily,
    account: Option<String>,
    /// The folder being listed and where its next page starts.
    current: Option<(String, u64)>,
    waiting: Vec<String>,
}

impl FolderWalk {
    /// `root` is normalised first ([`normalize_folder`]); `family` and `account` give the
    /// failure words their advice.
    pub fn new(
        root: &str,
        recursive: bool,
        page_size: u64,
        family: ApiFamily,
        account: Option<&str>,
    ) -> Result<Self> {
        let root = normalize_folder(root)?;
        Ok(FolderWalk {
            current: Some((root.clone(), 0)),
            root,
            recursive,
            page_size: page_size.max(1),
            family,
            account: account.map(str::to_owned),
            waiting: Vec::new(),
        })
    }

    /// Lists the next page with `list(folder, offset, limit)`.
    pub async fn next<Fut>(
        &mut self,
        list: impl FnOnce(String, u64, u64) -> Fut,
    ) -> Result<WalkStep>
    where
        Fut: Future<Output = Listed>,
    {
        let (folder, offset) = match self.current.take() {
            Some(current) => current,
            None => match self.waiting.pop() {
                Some(folder) => (folder, 0),
                None => return Ok(WalkStep::Done),
            },
        };
        match list(folder.clone(), offset, self.page_size).await {
            Listed::Cancelled => Ok(WalkStep::Cancelled),
            Listed::Failed { error, attempts } => {
                let fatal = folder == self.root
                    || matches!(error, CallError::Auth(_) | CallError::Unreachable(_));
                if fatal {
                    return Err(list_failed(
                        &folder,
                        error,
                        self.family,
                        self.account.as_deref(),
                    ));
                }
                tracing::warn!(%folder, error = %error, "subfolder could not be listed");
                Ok(WalkStep::Unlisted {
                    folder,
                    error,
                    attempts,
                })
            }
            Listed::Page(page) => {
                if self.recursive {
                    self.waiting.extend(
                        page.entries
                            .iter()
                            .filter(|e| e.kind == EntryKind::Folder)
                            .map(|e| e.path.clone()),
                    );
                }
                if let Some(next) = page.next_offset {
                    self.current = Some((folder, next));
                }
                Ok(WalkStep::Page(page.entries))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
