//! The OpenAPI Folders API (<https://adobe-aem-folders-experimental.redoc.ly>):
//! `GET /adobe/folders?path&limit&cursor` lists a folder's child folders (never its assets) with
//! the connection's own OAuth S2S token, page by page until AEM gives no more `cursor`. A listing
//! that stops early is an error, never the whole.
//!
//! Not here: listing a folder's assets (the Folders API lists child folders only) or writing.

use reqwest::Method;
use serde_json::Value;

use crate::{CallError, Entry, EntryKind, PartialListing, json_or_error};
use metadesk_base::i18n::{Part, Text};
use metadesk_clients::aem::AemClient;

/// Folders asked for per request: the documented maximum (`limit=1..50`).
const PAGE: u32 = 50;
/// Pages followed at most (500,000 subfolders): beyond that AEM is taken to be looping.
const MAX_PAGES: usize = 10_000;

/// Every child folder of `folder`, following each `cursor` AEM gives.
pub async fn all_subfolders(
    client: &AemClient,
    folder: &str,
) -> Result<Vec<Entry>, PartialListing> {
    let mut found = Vec::new();
    let mut cursor: Option<String> = None;
    let mut seen = std::collections::HashSet::new();
    let stop = |found: &Vec<Entry>, error| PartialListing {
        read: found.len(),
        error,
    };
    for _ in 0..MAX_PAGES {
        let body = page(client, folder, cursor.as_deref())
            .await
            .map_err(|e| stop(&found, e))?;
        let (entries, next) = parse_page(&body, folder).map_err(|e| stop(&found, e))?;
        found.extend(entries);
        match next {
            None => return Ok(found),
            Some(next) => {
                if !seen.insert(next.clone()) {
                    return Err(stop(
                        &found,
                        CallError::Rejected {
                            status: 200,
                            detail: Text::plain("assets-same-cursor"),
                        },
                    ));
                }
                cursor = Some(next);
            }
        }
    }
    Err(stop(
        &found,
        CallError::Rejected {
            status: 200,
            detail: Text::new(
                "assets-endless-pages",
                vec![("pages", Part::from(MAX_PAGES as f64))],
            ),
        },
    ))
}

async fn page(client: &AemClient, folder: &str, cursor: Option<&str>) -> Result<Value, CallError> {
    let mut url = client.url("/adobe/folders").map_err(CallError::from_aem)?;
    {
        let mut query = url.query_pairs_mut();
        query
            .append_pair("path", folder)
            .append_pair("limit", &PAGE.to_string());
        if let Some(cursor) = cursor {
            query.append_pair("cursor", cursor);
        }
    }
    let response = client
        .send(Method::GET, url, |r| {
            r.header("X-Adobe-Accept-Experimental", "1")
        })
        .await
        .map_err(CallError::from_aem)?;
    let (body, _) = json_or_error(response, crate::problem_detail).await?;
    Ok(body)
}

/// One answer's child folders and the cursor of the next page. Lenient where the shape is only
/// known from samples: `children` (or `items`), each with `path` (or `repo:path`) and a `name`
/// (else the path's last segment); `cursor` at the top or under `paging`. An answer without a
/// list of children is an error (it is not "no subfolders"); an empty list is none.
pub fn parse_page(body: &Value, folder: &str) -> Result<(Vec<Entry>, Option<String>), CallError> {
    let bad = |id: &'static str| CallError::Rejected {
        status: 200,
        detail: Text::new(id, vec![("folder", folder.into())]),
    };
    let children = body
        .get("children")
        .or_else(|| body.get("items"))
        .and_then(Value::as_array)
        .ok_or_else(|| bad("assets-no-child-folders"))?;
    let parent = folder.trim_end_matches('/');
    let mut entries = Vec::with_capacity(children.len());
    for child in children {
        let text = |key: &str| {
            child
                .get(key)
                .and_then(Value::as_str)
                .filter(|s| !s.is_empty())
        };
        let name = text("name");
        let path = match (text("path").or_else(|| text("repo:path")), name) {
            (Some(path), _) => path.trim_end_matches('/').to_owned(),
            (None, Some(name)) => format!("{parent}/{name}"),
            (None, None) => {
                return Err(bad("assets-child-folder-unnamed"));
            }
        };
        let name = name
            .map(str::to_owned)
            .or_else(|| path.rsplit('/').next().map(str::to_owned))
            .unwrap_or_default();
        entries.push(Entry {
            path,
            name,
            kind: EntryKind::Folder,
            metadata: None,
        });
    }
    let cursor = body
        .get("cursor")
        .or_else(|| body.get("paging").and_then(|p| p.get("cursor")))
        .and_then(Value::as_str)
        .filter(|c| !c.is_empty())
        .map(str::to_owned);
    Ok((entries, cursor))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn documented_and_lenient_shapes_are_read() {
        let (entries, cursor) = parse_page(
            &json!({"self": {"path": "/content/dam/a"}, "children": [
                {"folderId": "urn:aaid:aem:1", "name": "b", "title": "B", "path": "/content/dam/a/b"},
                {"repo:path": "/content/dam/a/c/"},
                {"name": "d"}
            ], "cursor": "xyz"}),
            "/content/dam/a",
        )
        .unwrap();
        let paths: Vec<_> = entries
            .iter()
            .map(|e| (e.path.as_str(), e.name.as_str()))
            .collect();
        assert_eq!(
            paths,
            [
                ("/content/dam/a/b", "b"),
                ("/content/dam/a/c", "c"),
                ("/content/dam/a/d", "d")
            ]
        );
        assert_eq!(cursor.as_deref(), Some("xyz"));
        let (entries, cursor) = parse_page(
            &json!({"items": [], "paging": {"cursor": ""}}),
            "/content/dam",
        )
        .unwrap();
        assert!(entries.is_empty() && cursor.is_none());
    }

    #[test]
    fn an_answer_without_children_or_a_nameless_child_is_an_error() {
        for body in [
            json!({}),
            json!({"children": null}),
            json!([]),
            json!({"children": [{"title": "T"}]}),
        ] {
            let err = parse_page(&body, "/content/dam/a").unwrap_err();
            assert!(matches!(err, CallError::Rejected { .. }), "{body}: {err}");
        }
    }
}
