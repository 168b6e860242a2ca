//! The words a report gives for an asset that was not changed: what happened and what to do.
//! Never a secret, never a stack trace.

use serde_json::Value;

use crate::aem::AemError;
use crate::assets::{ApiFamily, CallError};
use crate::error::Error;

/// Who writes, for the 403 advice: a technical account (`…@techacct.adobe.com`) or a user.
fn who(account: Option<&str>) -> String {
    match account {
        Some(a) if a.contains("@techacct.adobe.com") => format!("the technical account {a}"),
        Some(a) if !a.is_empty() => format!("the user {a}"),
        _ => "the account of this connection".to_owned(),
    }
}

/// 403 on a write.
pub fn forbidden(account: Option<&str>) -> String {
    format!(
        "this connection can read but not change assets: ask an AEM administrator to give {} \
         write access, e.g. the DAM Users group, or a product profile with write rights",
        who(account)
    )
}

/// Why an apply stopped: its first `refused` writes were all refused (403), none accepted.
pub fn cannot_write(account: Option<&str>, refused: u32) -> String {
    format!(
        "AEM refused the first {refused} changes (403), so the run stopped: {}. Then resume the \
         run to change the remaining assets.",
        forbidden(account)
    )
}

/// 403 on a read.
pub fn forbidden_read(account: Option<&str>) -> String {
    format!(
        "this connection may not read this asset (403): ask an AEM administrator to give {} \
         read access to it",
        who(account)
    )
}

pub const NOT_FOUND: &str =
    "the asset no longer exists (404): it was moved or deleted after the preview";

pub const CONFLICT: &str = "the asset was changed in AEM after the preview (412), so it was not \
     overwritten; preview the run again to include it";

pub const CONTENT_FRAGMENT: &str = "content fragment: Metadesk never edits content fragments";

/// The value now in AEM differs from the one the preview saw.
pub fn changed_since_preview(property: &str, now: Option<&Value>) -> String {
    format!(
        "the asset was changed in AEM after the preview ({property} is now {}), so it was not \
         overwritten; preview the run again to include it",
        shown(now)
    )
}

/// An undo found a value someone changed after the run.
pub fn changed_since_run(run: &str, property: &str, now: Option<&Value>) -> String {
    format!(
        "{property} was changed in AEM after run {run} (it is now {}), so it was left as it is",
        shown(now)
    )
}

/// A value as a report shows it: `"x"`, `["a", "b"]`, or `(not set)`.
pub fn shown(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => "(not set)".to_owned(),
        Some(v) => v.to_string(),
    }
}

/// Why a folder could not be listed (for the folder browser, the scope count and the
/// preview), as the error the window shows where the user is.
pub fn list_failed(
    folder: &str,
    err: CallError,
    family: ApiFamily,
    account: Option<&str>,
) -> Error {
    match err {
        CallError::NotFound => Error::NotFound(format!(
            "The folder {folder} does not exist in AEM, or this connection may not see it."
        )),
        // AEM accepts OAuth Server-to-Server tokens only on the OpenAPI-based APIs, and none of
        // them lists a folder's assets: the classic listing answers 403.
        CallError::Forbidden(_) if family == ApiFamily::OpenApi => {
            Error::Aem(AemError::Auth(format!(
                "Could not list {folder}: this connection's OAuth Server-to-Server credential \
                 cannot list folders (AEM accepts its token only on the OpenAPI-based Assets \
                 API, which has no way to list a folder). Add a Service Credentials connection \
                 for the same environment and use it for bulk edits."
            )))
        }
        CallError::Forbidden(_) => Error::Aem(AemError::Auth(format!(
            "Could not list {folder}: this connection may not read it (403). Ask an AEM \
             administrator to give {} read access to it.",
            who(account)
        ))),
        CallError::Auth(msg) => Error::Aem(AemError::Auth(msg)),
        CallError::Unreachable(e) => Error::Aem(e),
        CallError::Throttled { status, .. } => Error::InvalidInput(format!(
            "Could not list {folder}: AEM kept asking Metadesk to slow down ({status}). Try \
             again in a minute."
        )),
        CallError::Transient(detail) => Error::InvalidInput(format!(
            "Could not list {folder}: {detail}. Try again in a moment."
        )),
        CallError::Conflict => Error::InvalidInput(format!("Could not list {folder}: {err}.")),
        CallError::Rejected { status, detail } if status > 0 => Error::InvalidInput(format!(
            "Could not list {folder}: AEM answered {status} ({detail})."
        )),
        CallError::Rejected { detail, .. } => {
            Error::InvalidInput(format!("Could not list {folder}: {detail}."))
        }
    }
}

/// Any other failure of a call, after retries.
pub fn call_failed(err: &CallError, account: Option<&str>, attempts: u32) -> String {
    match err {
        CallError::Forbidden(_) => forbidden(account),
        CallError::NotFound => NOT_FOUND.to_owned(),
        CallError::Conflict => CONFLICT.to_owned(),
        CallError::Throttled { status, .. } => format!(
            "AEM kept asking Metadesk to slow down ({status}) and the asset was not written; \
             resume the run later"
        ),
        CallError::Transient(detail) => format!(
            "network or server failure after {attempts} attempts ({detail}); resume the run to \
             try again"
        ),
        CallError::Unreachable(e) => format!(
            "{} The asset was not written ({attempts} attempts); resume the run to try again.",
            e
        ),
        CallError::Auth(msg) => msg.clone(),
        CallError::Rejected { status, detail } if *status > 0 => {
            format!("AEM refused the change ({status}): {detail}")
        }
        CallError::Rejected { detail, .. } => detail.clone(),
    }
}

/// Why a preview (of an edit, an undo or a retry) left an asset out: it could not be read, even
/// after retries. Nothing is pending for it, so the advice is to preview again, not to resume.
pub fn not_read(err: &CallError, account: Option<&str>, attempts: u32) -> String {
    match err {
        CallError::Forbidden(_) => forbidden_read(account),
        CallError::NotFound => "the asset disappeared while the preview ran (404)".to_owned(),
        CallError::Throttled { status, .. } => format!(
            "AEM kept asking Metadesk to slow down ({status}), so the asset could not be read; \
             preview again later to include it"
        ),
        CallError::Transient(detail) => format!(
            "network or server failure after {attempts} attempts ({detail}), so the asset \
             could not be read; preview again to include it"
        ),
        other => call_failed(other, account, attempts),
    }
}

/// Why a subfolder and everything in it is left out of a run.
pub fn folder_not_listed(reason: &str) -> String {
    format!(
        "this folder could not be listed, so its assets and subfolders are not in this run \
         ({reason}); run the edit on it again later"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forbidden_names_the_account_and_the_remedy() {
        let r = forbidden(Some("abc@techacct.adobe.com"));
        assert!(
            r.contains("technical account abc@techacct.adobe.com"),
            "{r}"
        );
        assert!(
            r.contains("DAM Users") && r.contains("can read but not change"),
            "{r}"
        );
        assert!(forbidden(Some("jane@example.com")).contains("the user jane@example.com"));
        assert!(forbidden(None).contains("the account of this connection"));
    }

    #[test]
    fn values_are_shown_readably() {
        assert_eq!(shown(None), "(not set)");
        assert_eq!(shown(Some(&serde_json::json!(["a", "b"]))), "[\"a\",\"b\"]");
    }
}
