//! Reading a classic Assets HTTP API folder listing (`/api/assets/{folder}.json`, Siren): its
//! entries, each child's name checked, and its paging checked against its stated total.

use serde_json::Value;

use crate::{CallError, DAM_ROOT, Entry, EntryKind, Page};
use metadesk_base::i18n::{Part, Text};

fn has_class(entity: &Value, class: &str) -> bool {
    entity
        .get("class")
        .and_then(Value::as_array)
        .is_some_and(|c| c.iter().any(|v| v.as_str() == Some(class)))
}

/// A child's name as AEM lists it, or why it cannot be one: a name is one path segment, so
/// `/`, a `.` or `..` segment or a control character would make the joined path point
/// somewhere else (or hide something in a report). Names with dots inside (`a..b.jpg`) are
/// ordinary file names and pass.
fn check_name(folder: &str, name: &str) -> Result<(), CallError> {
    // A variant of `assets-listing-bad-child`.
    let why = if name.is_empty() {
        "empty"
    } else if name == "." || name == ".." {
        "dots"
    } else if name.contains('/') {
        "slash"
    } else if name.chars().any(char::is_control) {
        "control"
    } else {
        return Ok(());
    };
    Err(CallError::Rejected {
        status: 200,
        detail: Text::new(
            "assets-listing-bad-child",
            vec![
                ("folder", folder.into()),
                ("why", why.into()),
                ("name", name.escape_debug().to_string().into()),
            ],
        ),
    })
}

/// Reads one Siren listing page of `folder`, asked for from `offset` with `limit`. A page
/// shorter than asked for while the `srn:paging` total says more remain is followed from the
/// number of entries actually received (a server may cap its pages below the size asked for
/// without saying so). Only an empty page before the total is an error: the folder would
/// otherwise be taken as whole. It is [`CallError::Transient`], as the folder may be changing
/// while it is listed: asked again, a consistent answer goes on.
pub fn parse_listing(
    folder: &str,
    offset: u64,
    limit: u64,
    body: &Value,
) -> Result<Page, CallError> {
    let folder = folder.trim_end_matches('/');
    let folder = if folder.is_empty() { DAM_ROOT } else { folder };
    let entities = body
        .get("entities")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    let mut entries = Vec::with_capacity(entities.len());
    for entity in entities {
        let props = entity.get("properties");
        let Some(name) = props.and_then(|p| p.get("name")).and_then(Value::as_str) else {
            continue;
        };
        check_name(folder, name)?;
        let kind = if has_class(entity, "assets/folder") {
            EntryKind::Folder
        } else if props
            .and_then(|p| p.get("contentFragment"))
            .is_some_and(|v| v.as_bool() == Some(true) || v.as_str() == Some("true"))
        {
            EntryKind::ContentFragment
        } else if has_class(entity, "assets/asset") {
            EntryKind::Asset
        } else {
            // An entity class we do not know (renditions, collections…) is left alone.
            continue;
        };
        let metadata = props
            .and_then(|p| p.get("metadata"))
            .and_then(Value::as_object)
            .cloned();
        entries.push(Entry {
            path: format!("{folder}/{name}"),
            name: name.to_owned(),
            kind,
            metadata,
        });
    }
    let paging = body.pointer("/properties/srn:paging");
    let total = paging.and_then(|p| p.get("total")).and_then(Value::as_u64);
    let count = entities.len() as u64;
    let next = offset + count;
    // The page size is the server's own when it says (it may cap ours).
    let page_size = paging
        .and_then(|p| p.get("limit"))
        .and_then(Value::as_u64)
        .unwrap_or(limit);
    let next_offset = match total {
        Some(total) if next < total && count == 0 => {
            return Err(CallError::Transient(Text::new(
                "assets-listing-stopped-early",
                vec![
                    ("folder", folder.into()),
                    ("count", Part::from(count as f64)),
                    ("offset", Part::from(offset as f64)),
                    ("pageSize", Part::from(page_size as f64)),
                    ("total", Part::from(total as f64)),
                ],
            )));
        }
        Some(total) => (next < total).then_some(next),
        // Without a total (`srn:paging` on AEMaaCS is UNCONFIRMED), a page may be followed by
        // more even when it is short (a server may cap its pages without saying so): ask for
        // the next one, and stop on an empty page, one request later. A page longer than the
        // page size means the server does not page at all: it was the whole folder.
        None => (count > 0 && count <= page_size).then_some(next),
    };
    Ok(Page {
        entries,
        total,
        next_offset,
    })
}
