//! The words a report gives for an asset that was not changed: what happened and what to do.
//! Never a secret, never a stack trace.

use serde_json::Value;

use crate::aem::AemError;
use crate::assets::CallError;
use crate::assets::folders::who;
use crate::bulk::journal::ChangedSincePreview;

/// How a held-back sheet row's reason starts (the sheet import names those rows as warnings).
pub const CHANGED_SINCE_EXPORT: &str = "changed in AEM after the sheet was exported";

/// A sheet row not written because AEM changed the asset after the export.
pub fn changed_since_export(now: &str, exported: &str) -> String {
    format!(
        "{CHANGED_SINCE_EXPORT} (changed {now}, exported {exported}); its cells that differ \
         from AEM now are not written, so that change is kept. Export the sheet again to edit \
         this asset"
    )
}

/// Starts the reason of a sheet row not written because a cell gives several values for a
/// property AEM holds as one (the import names each such cell in words).
pub const HOLDS_ONE_VALUE: &str = "several values for a property AEM holds as one";

/// A sheet row not written because its cells give several values to `properties`, which AEM
/// holds as one value: written, each would silently become a list.
pub fn holds_one_value(properties: &[&str]) -> String {
    format!(
        "{HOLDS_ONE_VALUE} ({}); keep one value in each, or write \\| for a | that belongs \
         to the text",
        properties.join(", ")
    )
}

/// A sheet row not written because whether AEM changed the asset could not be told.
pub fn change_not_checked(err: &str) -> String {
    format!(
        "{CHANGED_SINCE_EXPORT}? Metadesk could not tell ({err}); its cells are not written. \
         Preview the sheet again"
    )
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
pub fn cannot_write(account: Option<&str>, refused: usize) -> String {
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

pub const CONFLICT: &str = "AEM kept refusing the change because the asset was being changed \
     by someone else at the same time (412), so it was not overwritten; retry the failed assets \
     to plan it again from the values now in AEM";

pub const CONTENT_FRAGMENT: &str = "content fragment: Metadesk never edits content fragments";

/// Words for an asset not written because values changed in AEM after the preview: each
/// property with the value the preview saw and the one in AEM now.
pub fn changed_since_preview(changed: &[ChangedSincePreview]) -> String {
    let values = changed
        .iter()
        .map(|c| {
            format!(
                "{} was {} at the preview and is now {}",
                c.property,
                shown(c.preview.as_ref()),
                shown(c.now.as_ref())
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    format!(
        "changed since the preview: {values}, so it was not overwritten; retry the failed assets \
         to plan it again from the value now in AEM"
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

/// Why a planned change failed, after retries. A failed asset is not resumed: the advice is
/// the run's "retry the failed assets".
pub fn call_failed(err: &CallError, account: Option<&str>, attempts: u32) -> String {
    match err {
        CallError::Forbidden(_) => forbidden(account),
        CallError::NotFound => NOT_FOUND.to_owned(),
        CallError::Conflict => CONFLICT.to_owned(),
        CallError::Throttled { .. } => format!(
            "{} and the asset was not written; retry the failed assets later",
            what_happened(err, attempts)
        ),
        // A dropped answer or a timeout may hide a write that landed: say "not confirmed".
        CallError::Transient(_) | CallError::Unreachable(_) => format!(
            "{}; AEM did not confirm the change. Retry the failed assets to try again.",
            what_happened(err, attempts)
        ),
        CallError::Auth(msg) => msg.clone(),
        CallError::Rejected { status, detail } if *status > 0 => {
            format!("AEM refused the change ({status}): {detail}")
        }
        CallError::Rejected { detail, .. } => detail.clone(),
    }
}

/// What went wrong with a call that was retried, without advice (callers add what to do).
fn what_happened(err: &CallError, attempts: u32) -> String {
    match err {
        CallError::Throttled { status, .. } => {
            format!("AEM kept asking Metadesk to slow down ({status})")
        }
        CallError::Transient(detail) => {
            format!("network or server failure after {attempts} attempts ({detail})")
        }
        CallError::Unreachable(e) => format!(
            "{} ({attempts} attempts)",
            unreachable_words(e).trim_end_matches('.')
        ),
        other => other.to_string(),
    }
}

/// "Could not reach host: detail" without the error's own "check the network, then try
/// again" (the callers say what to do in this case).
fn unreachable_words(e: &AemError) -> String {
    match e {
        AemError::Unreachable { host, detail } => format!("Could not reach {host}: {detail}"),
        AemError::Timeout { host } => format!("{host} did not answer in time"),
        other => other.to_string(),
    }
}

/// Why a preview (of an edit, an undo or a retry) left an asset out: it could not be read, even
/// after retries. Nothing is pending for it, so the advice is to preview again, not to resume.
pub fn not_read(err: &CallError, account: Option<&str>, attempts: u32) -> String {
    match err {
        CallError::Forbidden(_) => forbidden_read(account),
        CallError::NotFound => "the asset disappeared while the preview ran (404)".to_owned(),
        CallError::Throttled { .. } | CallError::Transient(_) | CallError::Unreachable(_) => {
            format!(
                "{}, so the asset could not be read; preview again to include it",
                what_happened(err, attempts)
            )
        }
        other => call_failed(other, account, attempts),
    }
}

/// Why a subfolder and everything in it is left out of a run.
pub fn folder_not_listed(err: &CallError, account: Option<&str>, attempts: u32) -> String {
    let why = match err {
        CallError::Forbidden(_) => format!(
            "this connection may not read it (403): ask an AEM administrator to give {} read \
             access to it",
            who(account)
        ),
        CallError::NotFound => "it no longer exists (404)".to_owned(),
        other => what_happened(other, attempts),
    };
    format!(
        "this folder could not be listed, so its assets and subfolders are not in this run \
         ({why}); run the edit on it again later"
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
    fn failures_of_retried_calls_say_what_happened_and_what_to_do() {
        let down = CallError::Unreachable(AemError::Unreachable {
            host: "author-p1-e2.adobeaemcloud.com".into(),
            detail: "connection refused".into(),
        });
        let write = call_failed(&down, None, 6);
        assert_eq!(
            write,
            "Could not reach author-p1-e2.adobeaemcloud.com: connection refused (6 attempts); \
             AEM did not confirm the change. Retry the failed assets to try again."
        );
        let dropped = CallError::Transient("the answer was cut off".into());
        let read = not_read(&dropped, None, 3);
        assert_eq!(
            read,
            "network or server failure after 3 attempts (the answer was cut off), so the asset \
             could not be read; preview again to include it"
        );
        let folder = folder_not_listed(&CallError::Forbidden("no".into()), Some("a@b.c"), 1);
        assert!(
            folder.contains("may not read it (403)") && folder.contains("the user a@b.c"),
            "{folder}"
        );
        assert!(!folder.contains("can read but not change"), "{folder}");
        let throttled = CallError::Throttled {
            status: 429,
            retry_after: None,
        };
        assert!(call_failed(&throttled, None, 51).contains("retry the failed assets later"));
    }

    #[test]
    fn a_change_since_the_preview_gives_both_values_and_what_to_do() {
        let changed = [
            ChangedSincePreview {
                property: "dc:rights".into(),
                preview: Some(serde_json::json!("old")),
                now: Some(serde_json::json!("theirs")),
            },
            ChangedSincePreview {
                property: "dc:title".into(),
                preview: None,
                now: Some(serde_json::json!("T")),
            },
        ];
        assert_eq!(
            changed_since_preview(&changed),
            "changed since the preview: dc:rights was \"old\" at the preview and is now \
             \"theirs\"; dc:title was (not set) at the preview and is now \"T\", so it was not \
             overwritten; retry the failed assets to plan it again from the value now in AEM"
        );
    }

    #[test]
    fn values_are_shown_readably() {
        assert_eq!(shown(None), "(not set)");
        assert_eq!(shown(Some(&serde_json::json!(["a", "b"]))), "[\"a\",\"b\"]");
    }
}
