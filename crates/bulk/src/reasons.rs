//! Why an asset was not changed, or why a run stopped: what happened and what to do, as the
//! [`SavedText`] the journal keeps (a catalogue id with its arguments) and each face writes in
//! its reader's language when it shows it. Never a secret, never a stack trace. It also holds
//! [`ChangedSince`], what was left alone because it changed in AEM after the preview, which
//! one of these reasons names. A leaf: it imports nothing else of this crate.
//!
//! Not here: the words themselves (`locales/*/core.ftl`, block "Reasons in reports").

use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use metadesk_assets::CallError;
use metadesk_base::i18n::{Localizer, Part, SavedText, Text};
use metadesk_clients::aem::AemError;

/// Left alone because someone changed it in AEM after the preview (the one name for it): the
/// property, the value the preview saw and the one AEM held just before the write, which was
/// therefore not sent. An edit keeps one in its journal for each such property of an asset;
/// a tag import's view one for each such value of a tag (`tag_import::TagLeftAlone`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChangedSince {
    pub property: String,
    /// Absent (read as `None`) where it was not known when it was kept: an undo of a tag import
    /// left alone before it said what the import had written.
    #[serde(default)]
    #[ts(type = "string | number | boolean | Array<string | number | boolean> | null")]
    pub preview: Option<Value>,
    #[serde(default)]
    #[ts(type = "string | number | boolean | Array<string | number | boolean> | null")]
    pub now: Option<Value>,
}

/// Why an apply wrote one asset per request: AEM refused a batch write with `status`, found
/// in this run or remembered from an earlier one on the same connection.
pub fn per_asset_writes(status: u16, remembered: bool) -> SavedText {
    SavedText::new(
        if remembered {
            "run-per-asset-writes-remembered"
        } else {
            "run-per-asset-writes"
        },
        [("status", Value::from(status))],
    )
}

/// A failure's words by their catalogue id.
pub fn of_error(err: &AemError) -> SavedText {
    SavedText::from(&err.text())
}

/// A sheet row not written because AEM changed the asset after the export.
pub const CHANGED_SINCE_EXPORT: &str = "reason-changed-since-export";

/// A sheet row not written because a value it edits is no longer the one exported.
pub const CHANGED_SINCE_EXPORT_VALUES: &str = "reason-changed-since-export-values";

/// Whether a row's reason says AEM changed the asset after the sheet was exported.
pub fn is_changed_since_export(code: &str) -> bool {
    code == CHANGED_SINCE_EXPORT || code == CHANGED_SINCE_EXPORT_VALUES
}

/// A sheet row not written because a cell gives several values for a property AEM holds as one
/// (the import names each such cell in words).
pub const HOLDS_ONE_VALUE: &str = "reason-holds-one-value";

/// A sheet row not written because AEM changed the asset after the export.
pub fn changed_since_export(now: &str, exported: &str) -> SavedText {
    SavedText::new(
        CHANGED_SINCE_EXPORT,
        [("now", now.into()), ("exported", exported.into())],
    )
}

/// A sheet row not written because AEM holds other values of `properties` than the exported
/// ones (a colleague's change since the export, which writing would undo).
pub fn changed_since_export_values(properties: &[String]) -> SavedText {
    SavedText::new(
        CHANGED_SINCE_EXPORT_VALUES,
        [("properties", properties.join(", ").into())],
    )
}

/// A sheet row not written because its cells give several values to `properties`, which AEM
/// holds as one value: written, each would silently become a list.
pub fn holds_one_value(properties: &[&str]) -> SavedText {
    SavedText::new(
        HOLDS_ONE_VALUE,
        [("properties", properties.join(", ").into())],
    )
}

/// A sheet row not written because whether AEM changed the asset could not be told (`why`:
/// the failure, or `None` when the check was cancelled).
pub fn change_not_checked(why: Option<&CallError>) -> SavedText {
    let detail = match why {
        Some(err) => SavedText::Plain(err.to_string()),
        None => SavedText::new("reason-cancelled", []),
    };
    SavedText::new("reason-change-not-checked", [("detail", detail.into_arg())])
}

/// Who a connection acts as, for advice about access: a technical account
/// (`…@techacct.adobe.com`), a user, or unknown.
/// Which kind of account `account` is (a `reason-who` variant), and its name.
fn account_kind(account: Option<&str>) -> (&'static str, &str) {
    match account {
        Some(a) if a.contains("@techacct.adobe.com") => ("technical", a),
        Some(a) if !a.is_empty() => ("user", a),
        _ => ("none", ""),
    }
}

fn who(account: Option<&str>) -> Value {
    let (kind, account) = account_kind(account);
    SavedText::new(
        "reason-who",
        [("kind", kind.into()), ("account", account.into())],
    )
    .into_arg()
}

/// 403 on a write.
pub fn forbidden(account: Option<&str>) -> SavedText {
    SavedText::new("reason-forbidden-write", [("who", who(account))])
}

/// Why an apply stopped: its first `refused` writes were all refused (403), none accepted.
pub fn cannot_write(account: Option<&str>, refused: usize) -> SavedText {
    SavedText::new(
        "reason-cannot-write",
        [("refused", refused.into()), ("who", who(account))],
    )
}

/// Writes refused (403) in `folder` with none accepted there: the folder refuses this
/// connection's writes, and its other assets were not tried.
pub fn folder_refuses_writes(folder: &str, connection: &str, account: Option<&str>) -> SavedText {
    SavedText::new(
        "reason-folder-refuses-writes",
        [
            ("folder", folder.into()),
            ("connection", connection.into()),
            ("who", who(account)),
        ],
    )
}

/// Why an operation's run stopped: its first `refused` requests were all refused (403), in
/// every folder it tried, and none accepted (an edit's words are [`cannot_write`]).
pub fn op_cannot_write(account: Option<&str>, refused: usize) -> SavedText {
    SavedText::new(
        "reason-op-cannot-write",
        [("refused", refused.into()), ("who", who(account))],
    )
}

/// Whether `reason`, a run's stop, says the account may not write (or publish) where the run
/// tried: the stop every command exits 2 for, a resume doing the rest once it may.
pub fn is_write_access_stop(reason: &SavedText) -> bool {
    matches!(
        reason.code(),
        Some("reason-cannot-write" | "reason-op-cannot-write" | "reason-publish-forbidden")
    )
}

/// [`op_cannot_write`] as the words of the error that stops the run.
pub fn op_cannot_write_text(account: Option<&str>, refused: usize) -> Text {
    refused_first_text("reason-op-cannot-write", account, refused)
}

/// An operation's requests refused (403) in `folder`, none accepted there: the rest of the run
/// there is not tried (an edit's words are [`folder_refuses_writes`]).
pub fn op_folder_refuses(folder: &str, connection: &str, account: Option<&str>) -> SavedText {
    SavedText::new(
        "reason-op-folder-refuses",
        [
            ("folder", folder.into()),
            ("connection", connection.into()),
            ("who", who(account)),
        ],
    )
}

/// A move's requests out of `folder` refused (403), none accepted there, where some of its
/// assets go into another folder: AEM needs write access in both, and its refusal does not say
/// which it lacks, so the words name `folder` and where its assets go.
pub fn move_folder_refuses(folder: &str, connection: &str, account: Option<&str>) -> SavedText {
    SavedText::new(
        "reason-move-folder-refuses",
        [
            ("folder", folder.into()),
            ("connection", connection.into()),
            ("who", who(account)),
        ],
    )
}

/// [`cannot_write`] as the words of the error that stops the run, written in the language of
/// whoever reads it.
pub fn cannot_write_text(account: Option<&str>, refused: usize) -> Text {
    refused_first_text("reason-cannot-write", account, refused)
}

/// The words `key` of a run stopped because its first `refused` writes were all refused.
fn refused_first_text(key: &'static str, account: Option<&str>, refused: usize) -> Text {
    let (kind, account) = account_kind(account);
    let who = Text::new(
        "reason-who",
        vec![("kind", kind.into()), ("account", account.into())],
    );
    Text::new(
        key,
        vec![("refused", Part::from(refused as f64)), ("who", who.into())],
    )
}

/// 403 on a replication of an asset under `folder`: "This technical account may not publish
/// under F: …".
pub fn publish_forbidden(folder: &str, account: Option<&str>) -> SavedText {
    SavedText::new(
        "reason-publish-forbidden",
        [
            ("folder", folder.into()),
            ("account", account.unwrap_or_default().into()),
        ],
    )
}

/// [`publish_forbidden`] as the words of the error that stops a publish run whose first
/// replications were all refused.
pub fn publish_forbidden_text(folder: &str, account: Option<&str>) -> Text {
    Text::new(
        "reason-publish-forbidden",
        vec![
            ("folder", folder.into()),
            ("account", account.unwrap_or_default().into()),
        ],
    )
}

/// 403 on a read.
pub fn forbidden_read(account: Option<&str>) -> SavedText {
    SavedText::new("reason-forbidden-read", [("who", who(account))])
}

/// 404 on a write.
pub fn not_found() -> SavedText {
    SavedText::new("reason-not-found", [])
}

/// 412 on every attempt of a write.
pub fn conflict() -> SavedText {
    SavedText::new("reason-conflict", [])
}

/// Content fragments are never edited.
pub fn content_fragment() -> SavedText {
    SavedText::new("reason-content-fragment", [])
}

/// A report row planned as already right.
pub fn already_as_wanted() -> SavedText {
    SavedText::new("reason-already-as-wanted", [])
}

/// A report row the apply has not reached yet.
pub fn not_applied_yet() -> SavedText {
    SavedText::new("reason-not-applied-yet", [])
}

/// A value as a report shows it: `"x"`, `["a","b"]`, or "(not set)" in the reader's language.
fn shown_arg(value: Option<&Value>) -> Value {
    match value {
        None | Some(Value::Null) => SavedText::new("reason-value-not-set", []).into_arg(),
        Some(v) => Value::String(v.to_string()),
    }
}

/// Words for an asset not written because values changed in AEM after the preview: each
/// property with the value the preview saw and the one in AEM now.
pub fn changed_since(changed: &[ChangedSince]) -> SavedText {
    let values = changed
        .iter()
        .map(|c| {
            SavedText::new(
                "reason-changed-value",
                [
                    ("property", c.property.as_str().into()),
                    ("preview", shown_arg(c.preview.as_ref())),
                    ("now", shown_arg(c.now.as_ref())),
                ],
            )
            .into_arg()
        })
        .collect();
    SavedText::new(
        "reason-changed-since-preview",
        [("values", Value::Array(values))],
    )
}

/// An undo found a value someone changed after the run.
pub fn changed_since_run(run: &str, property: &str, now: Option<&Value>) -> SavedText {
    SavedText::new(
        "reason-changed-since-run",
        [
            ("run", run.into()),
            ("property", property.into()),
            ("now", shown_arg(now)),
        ],
    )
}

/// A value as the terminal shows it: `"x"`, `["a","b"]`, or "(not set)" in `l`'s language.
pub fn shown(value: Option<&Value>, l: &Localizer) -> String {
    SavedText::arg_words(&shown_arg(value), l)
}

/// Why a planned change failed, after retries. A failed asset is not resumed: the advice is
/// the run's "retry the failed assets".
pub fn call_failed(err: &CallError, account: Option<&str>, attempts: u32) -> SavedText {
    match err {
        CallError::Forbidden(_) => forbidden(account),
        CallError::NotFound => not_found(),
        CallError::Conflict => conflict(),
        CallError::Throttled { .. } => SavedText::new(
            "reason-throttled-write",
            [("what", what_happened(err, attempts).into_arg())],
        ),
        // A dropped answer or a timeout may hide a write that landed: say "not confirmed".
        CallError::Transient(_) | CallError::Unreachable(_) => SavedText::new(
            "reason-not-confirmed",
            [("what", what_happened(err, attempts).into_arg())],
        ),
        CallError::Auth(why) => of_error(why),
        CallError::Rejected { status, detail } if *status > 0 => SavedText::new(
            "reason-rejected",
            [
                ("status", (*status).into()),
                ("detail", SavedText::from(detail).into_arg()),
            ],
        ),
        CallError::Rejected { detail, .. } => SavedText::from(detail),
        CallError::Aem(why) => of_error(why),
    }
}

/// [`call_failed`] for a part of a run that a resume sends again (a move, a tag import, an
/// upload's file or folder), not a planned asset that "retry the failed assets" plans again:
/// its advice is the resume.
pub fn part_failed(err: &CallError, account: Option<&str>, attempts: u32) -> SavedText {
    match err {
        CallError::Throttled { .. } => SavedText::new(
            "reason-throttled-part",
            [("what", what_happened(err, attempts).into_arg())],
        ),
        CallError::Transient(_) | CallError::Unreachable(_) => SavedText::new(
            "reason-not-confirmed-part",
            [("what", what_happened(err, attempts).into_arg())],
        ),
        _ => call_failed(err, account, attempts),
    }
}

/// What went wrong with a call that was retried, without advice (callers add what to do).
fn what_happened(err: &CallError, attempts: u32) -> SavedText {
    match err {
        CallError::Throttled { status, .. } => {
            SavedText::new("reason-slow-down", [("status", (*status).into())])
        }
        CallError::Transient(detail) => SavedText::new(
            "reason-network-failure",
            [
                ("attempts", attempts.into()),
                ("detail", SavedText::from(detail).into_arg()),
            ],
        ),
        CallError::Unreachable(AemError::Unreachable { host, detail }) => SavedText::new(
            "reason-unreachable",
            [
                ("host", host.as_str().into()),
                ("detail", detail.as_str().into()),
                ("attempts", attempts.into()),
            ],
        ),
        CallError::Unreachable(AemError::Timeout { host }) => SavedText::new(
            "reason-timeout",
            [
                ("host", host.as_str().into()),
                ("attempts", attempts.into()),
            ],
        ),
        CallError::Unreachable(other) => of_error(other),
        other => SavedText::from(&other.text()),
    }
}

/// Why a preview (of an edit, an undo or a retry) left an asset out: it could not be read, even
/// after retries. Nothing is pending for it, so the advice is to preview again, not to resume.
pub fn not_read(err: &CallError, account: Option<&str>, attempts: u32) -> SavedText {
    match err {
        CallError::Forbidden(_) => forbidden_read(account),
        CallError::NotFound => SavedText::new("reason-disappeared", []),
        CallError::Throttled { .. } | CallError::Transient(_) | CallError::Unreachable(_) => {
            SavedText::new(
                "reason-not-read",
                [("what", what_happened(err, attempts).into_arg())],
            )
        }
        other => call_failed(other, account, attempts),
    }
}

/// Why a subfolder and everything in it is left out of a run.
pub fn folder_not_listed(err: &CallError, account: Option<&str>, attempts: u32) -> SavedText {
    let why = match err {
        CallError::Forbidden(_) => {
            SavedText::new("reason-folder-forbidden", [("who", who(account))])
        }
        CallError::NotFound => SavedText::new("reason-folder-gone", []),
        other => what_happened(other, attempts),
    };
    SavedText::new("reason-folder-not-listed", [("why", why.into_arg())])
}

/// An entry of a list of assets that names no asset a run can edit, at `line` of the list.
pub fn list_line(line: u64, problem: SavedText) -> SavedText {
    SavedText::new(
        "reason-list-line",
        [("line", line.into()), ("problem", problem.into_arg())],
    )
}

#[cfg(test)]
mod tests;

/// A reason's English words, for tests' assertions.
#[cfg(test)]
pub(crate) trait English {
    fn english(&self) -> Option<String>;
}

#[cfg(test)]
impl English for Option<SavedText> {
    fn english(&self) -> Option<String> {
        self.as_ref().map(|r| r.localized(&Localizer::english()))
    }
}

/// Why a publish run sent nothing for an asset whose state it could not read just before.
pub fn publication_unread(err: &CallError, account: Option<&str>, attempts: u32) -> SavedText {
    let what = match err {
        CallError::NotFound => return not_found(),
        CallError::Forbidden(_) => forbidden_read(account),
        _ => what_happened(err, attempts),
    };
    SavedText::new("reason-publish-state-unread", [("what", what.into_arg())])
}
