//! A search scope and a list as AEM's OpenAPI search asks for them (`assets::open_search`), and
//! the choice an OAuth Server-to-Server connection makes between that search and its paired
//! classic connection's QueryBuilder: the OpenAPI search where it can express the scope and AEM
//! answers it; the paired connection when the search is not offered (404, 501, "not enabled")
//! or cannot express a condition; otherwise a refusal in words (a condition is never dropped).
//!
//! Items sent (strict: documented kinds only, all of them holding,
//! <https://experienceleague.adobe.com/en/docs/experience-manager-cloud-service/content/assets/dynamicmedia/dynamic-media-open-apis/search-assets-api>):
//! the folder as a `term` on `repositoryMetadata.repo:ancestors` (with subfolders) or
//! `repo:parentPath`; "is" as a `term` on `assetMetadata.<property>`; an exact file type on
//! `repositoryMetadata.dc:format`; an exact name on `repositoryMetadata.repo:name`; dates as a
//! `range` on `repositoryMetadata.repo:modifyDate` / `repo:createDate`. Field names are
//! UNCONFIRMED (the sandbox documents its choice).
//!
//! Not here: the wire (`assets::open_search`), QueryBuilder predicates (`scope/querybuilder.rs`).

use serde_json::{Value, json};

use super::scope::{Combine, Condition};
use metadesk_assets::CallError;
use metadesk_assets::open_search::unavailable;
use metadesk_base::error_code::ErrorCode;
use metadesk_base::i18n::{Part, Text};
use metadesk_clients::error::Error;

/// A condition the OpenAPI search cannot ask for, and why (a `$why` of the catalogue's
/// `open-search-cannot-express`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inexpressible {
    /// The condition's words (`condition-…`), worded in the reader's language with the refusal.
    pub condition: Text,
    pub why: &'static str,
}

impl Inexpressible {
    /// The refusal, for a connection with no classic connection to search instead.
    pub fn refusal(&self, connection: &str) -> Error {
        Error::worded(
            ErrorCode::InvalidInput,
            Text::new(
                "open-search-cannot-express",
                vec![
                    ("condition", self.condition.clone().into()),
                    ("why", self.why.into()),
                    ("connection", connection.into()),
                ],
            ),
        )
    }
}

/// Conditions joined by "or" (`condition-any`; `a or (b or c)` reads "a or b or c"), the words
/// a run's summary gives them ([`super::scope::conditions_reason`]).
fn any_of(conditions: &[Condition]) -> Text {
    conditions
        .iter()
        .rev()
        .map(Condition::text)
        .reduce(|rest, first| {
            Text::new(
                "condition-any",
                vec![("first", first.into()), ("rest", rest.into())],
            )
        })
        .unwrap_or(Text::Plain(String::new()))
}

fn term(field: &str, values: &[&str]) -> Value {
    json!({"term": {field: values}})
}

/// The items selecting the assets of `folder` that match `conditions`.
pub fn query_items(
    folder: &str,
    recursive: bool,
    conditions: &[Condition],
    combine: Combine,
) -> std::result::Result<Vec<Value>, Inexpressible> {
    let folder = folder.trim_end_matches('/');
    let mut items = vec![if recursive {
        term("repositoryMetadata.repo:ancestors", &[folder])
    } else {
        term("repositoryMetadata.repo:parentPath", &[folder])
    }];
    if combine == Combine::Any && conditions.len() > 1 {
        return Err(Inexpressible {
            condition: any_of(conditions),
            why: "any",
        });
    }
    for c in conditions {
        let refuse = |why| {
            Err(Inexpressible {
                condition: c.text(),
                why,
            })
        };
        let date = |d: &str| format!("{d}T00:00:00.000Z");
        items.push(match c {
            Condition::Equals { property, value } => {
                term(&format!("assetMetadata.{property}"), &[value])
            }
            Condition::FileType { format } if !format.ends_with("/*") => {
                // Where Adobe's clients find it (`adobe-clients.md`), not `assetMetadata`.
                term("repositoryMetadata.dc:format", &[format])
            }
            Condition::FileType { .. } => return refuse("type-family"),
            Condition::NameMatches { pattern } if !pattern.contains(['*', '?']) => {
                term("repositoryMetadata.repo:name", &[pattern])
            }
            Condition::NameMatches { .. } => return refuse("name-pattern"),
            Condition::ModifiedBefore { date: d } => {
                json!({"range": {"repositoryMetadata.repo:modifyDate": {"lt": date(d)}}})
            }
            Condition::ModifiedAfter { date: d } => {
                json!({"range": {"repositoryMetadata.repo:modifyDate": {"gte": date(d)}}})
            }
            Condition::CreatedBefore { date: d } => {
                json!({"range": {"repositoryMetadata.repo:createDate": {"lt": date(d)}}})
            }
            Condition::CreatedAfter { date: d } => {
                json!({"range": {"repositoryMetadata.repo:createDate": {"gte": date(d)}}})
            }
            Condition::IsEmpty { .. } | Condition::IsNotEmpty { .. } => return refuse("presence"),
            Condition::NotEquals { .. } | Condition::NotContains { .. } => {
                return refuse("negation");
            }
            Condition::Contains { .. } => return refuse("contains"),
            Condition::Tagged { .. } => return refuse("tag-tree"),
            // No documented field of the OpenAPI search holds `prism:expirationDate`.
            Condition::ExpiresBefore { .. }
            | Condition::ExpiresAfter { .. }
            | Condition::ExpiresWithin { .. } => return refuse("expiry"),
        });
    }
    Ok(items)
}

/// Whether `path` is one of the assets a query of `folder` may answer: the OpenAPI search's
/// hits are checked, so that an AEM that ignored the folder (a field name it does not know)
/// is caught instead of editing assets elsewhere.
pub fn in_folder(path: &str, folder: &str, recursive: bool) -> bool {
    let folder = folder.trim_end_matches('/');
    match path.rsplit_once('/') {
        Some((parent, _)) if !recursive => parent == folder,
        _ => path.starts_with(folder) && path[folder.len()..].starts_with('/'),
    }
}

/// The error for a hit outside the scope's folder.
pub fn outside(path: &str, folder: &str) -> Error {
    Error::message(
        ErrorCode::InvalidInput,
        "open-search-outside",
        vec![("path", path.into()), ("folder", folder.into())],
    )
}

/// The items looking up exact paths (`term` on `repo:path`) or asset ids (`term` on `assetId`).
pub fn lookup_items(paths: &[&str], ids: &[&str]) -> Vec<Vec<Value>> {
    let mut out = Vec::new();
    if !paths.is_empty() {
        out.push(vec![term("repositoryMetadata.repo:path", paths)]);
    }
    if !ids.is_empty() {
        out.push(vec![term("assetId", ids)]);
    }
    out
}

/// A search that failed, in words. `paired` says whether another connection may search.
pub fn failed(error: CallError, connection: &str) -> Error {
    if unavailable(&error) {
        return Error::worded(
            ErrorCode::InvalidInput,
            Text::new(
                "open-search-none",
                vec![
                    ("connection", connection.into()),
                    ("detail", error.text().into()),
                ],
            ),
        );
    }
    match error {
        CallError::Forbidden(d) => Error::message(
            ErrorCode::InvalidInput,
            "open-search-refused",
            vec![("detail", d.into())],
        ),
        CallError::Auth(e) => Error::Aem(e),
        CallError::Unreachable(e) => Error::Aem(e),
        other => Error::worded(
            ErrorCode::InvalidInput,
            Text::new("open-search-failed", vec![("detail", other.text().into())]),
        ),
    }
}

/// The refusal for an OAuth S2S connection (`label`; `stored`, or a credential file) with no
/// classic connection paired, where AEM does not answer its OpenAPI search either: nothing can
/// find a folder's assets. Says what to import and where to pair it.
pub fn needs_paired(label: &str, stored: bool) -> Error {
    Error::message(
        ErrorCode::InvalidInput,
        "error-needs-paired",
        vec![
            ("name", label.into()),
            // A count or an export may not know the connection's name: "this connection".
            ("named", if label.is_empty() { "no" } else { "yes" }.into()),
            ("connection", if stored { "stored" } else { "file" }.into()),
        ],
    )
}

/// The items selecting every asset of `folder` (with its subfolders' when `recursive`).
pub fn folder_items(folder: &str, recursive: bool) -> Vec<Value> {
    // A folder alone is always expressible.
    query_items(folder, recursive, &[], Combine::All).unwrap_or_default()
}

/// The error for a walk that stopped after `read` assets.
pub fn cut_short(read: usize, error: CallError) -> Error {
    Error::worded(
        ErrorCode::InvalidInput,
        Text::new(
            "open-search-cut-short",
            vec![
                ("read", Part::from(read as f64)),
                ("detail", error.text().into()),
            ],
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cond(words: &str) -> Condition {
        Condition::parse(words).unwrap()
    }

    #[test]
    fn expressible_conditions_become_terms_and_ranges() {
        let items = query_items(
            "/content/dam/wknd/",
            true,
            &[
                cond("dc:rights is \"© 100% \\\"WKND\\\"\""),
                cond("type is image/jpeg"),
                cond("modified after 2026-03-01"),
                cond("created before 2026-01-02"),
                cond("name matches \"a b.jpg\""),
            ],
            Combine::All,
        )
        .unwrap();
        assert_eq!(
            items,
            vec![
                json!({"term": {"repositoryMetadata.repo:ancestors": ["/content/dam/wknd"]}}),
                json!({"term": {"assetMetadata.dc:rights": ["© 100% \"WKND\""]}}),
                json!({"term": {"repositoryMetadata.dc:format": ["image/jpeg"]}}),
                json!({"range": {"repositoryMetadata.repo:modifyDate": {"gte": "2026-03-01T00:00:00.000Z"}}}),
                json!({"range": {"repositoryMetadata.repo:createDate": {"lt": "2026-01-02T00:00:00.000Z"}}}),
                json!({"term": {"repositoryMetadata.repo:name": ["a b.jpg"]}}),
            ]
        );
        let flat = query_items("/content/dam/a", false, &[], Combine::Any).unwrap();
        assert_eq!(
            flat,
            vec![json!({"term": {"repositoryMetadata.repo:parentPath": ["/content/dam/a"]}})]
        );
        // "any" of one condition is that condition.
        assert_eq!(
            query_items(
                "/content/dam/a",
                false,
                &[cond("type is image/png")],
                Combine::Any
            )
            .unwrap()
            .len(),
            2
        );
    }

    #[test]
    fn inexpressible_conditions_are_named_with_the_reason() {
        let fr = metadesk_base::i18n::Localizer::new(metadesk_base::i18n::Lang::Fr);
        let en = metadesk_base::i18n::Localizer::english();
        for (words, why) in [
            ("dc:rights is empty", "presence"),
            ("dc:rights is not empty", "presence"),
            ("dc:rights is not R", "negation"),
            ("dc:title does not contain x", "negation"),
            ("dc:title contains summer", "contains"),
            ("tag is wknd:activity", "tag-tree"),
            ("type is image/*", "type-family"),
            ("name matches *.pdf", "name-pattern"),
        ] {
            let err =
                query_items("/content/dam/a", true, &[cond(words)], Combine::All).unwrap_err();
            // Named in people's words (a property's title, a kind of file), not as typed.
            let said = cond(words).reason().localized(&en);
            assert_eq!((err.condition.to_string(), err.why), (said.clone(), why));
            let text = err.refusal("OAuth").to_string();
            assert!(text.contains(&said) && text.contains("OAuth"), "{text}");
            // The condition is named in the reader's language, as a run's summary names it.
            let french = err.refusal("OAuth").localized(&fr);
            let named = cond(words).reason().localized(&fr);
            assert!(french.contains(&named), "{named} in {french}");
            metadesk_base::i18n::checks::assert_reads_french(&french);
        }
        let err = query_items(
            "/content/dam/a",
            true,
            &[cond("type is image/png"), cond("type is image/jpeg")],
            Combine::Any,
        )
        .unwrap_err();
        assert_eq!(err.why, "any");
        assert_eq!(
            err.condition.to_string(),
            "the file is a PNG image or the file is a JPEG image"
        );
        let french = err.refusal("OAuth").localized(&fr);
        assert!(
            french.contains("le fichier est une image PNG ou le fichier est une image JPEG"),
            "{french}"
        );
        metadesk_base::i18n::checks::assert_reads_french(&french);
    }

    #[test]
    fn hits_are_checked_against_the_folder() {
        assert!(in_folder("/content/dam/a/b/c.jpg", "/content/dam/a", true));
        assert!(!in_folder(
            "/content/dam/a/b/c.jpg",
            "/content/dam/a",
            false
        ));
        assert!(in_folder("/content/dam/a/c.jpg", "/content/dam/a/", false));
        assert!(!in_folder("/content/dam/ab/c.jpg", "/content/dam/a", true));
    }
}
