//! Which search found a scope's assets ([`FoundBy`]), as a run's journal, its summary and the
//! window say it, and what AEM's search index did not know then ([`index_notice`]). A leaf: it
//! imports nothing else of this crate.
//!
//! Not here: choosing the search (`open_query.rs`), running it (`searching.rs`, `engine/`).

use metadesk_base::i18n::{Part, Text};
use metadesk_base::timefmt::parse_rfc3339;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Which search found a scope's assets, for the window to say (and a run's journal, so that
/// Activity and `runs show` say it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FoundBy {
    /// The folder's own listing (AEM's classic Assets HTTP API), through `connection` (the
    /// paired classic connection) when it is not the connection itself.
    FolderListing {
        #[ts(optional)]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        connection: Option<String>,
    },
    /// AEM's OpenAPI search, with the connection's own OAuth token.
    OpenapiSearch,
    /// QueryBuilder, through `connection` (the paired classic connection) when it is not the
    /// connection itself.
    QueryBuilder {
        #[ts(optional)]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        connection: Option<String>,
    },
}

impl FoundBy {
    /// QueryBuilder, by the connection itself (see [`FoundBy::through`]).
    pub fn query_builder() -> Self {
        FoundBy::QueryBuilder { connection: None }
    }

    /// The folder's listing, by the connection itself (see [`FoundBy::through`]).
    pub fn listing() -> Self {
        FoundBy::FolderListing { connection: None }
    }

    /// The same search, through `paired` (the paired classic connection) when there is one:
    /// QueryBuilder and the listing go through it, the OpenAPI search never does.
    pub fn through(self, paired: Option<String>) -> Self {
        match self {
            FoundBy::QueryBuilder { .. } => FoundBy::QueryBuilder { connection: paired },
            FoundBy::FolderListing { .. } => FoundBy::FolderListing { connection: paired },
            FoundBy::OpenapiSearch => FoundBy::OpenapiSearch,
        }
    }

    /// The catalogue's `$how` for this search and the connection it names, if any.
    pub fn how(&self) -> (&'static str, Option<&str>) {
        match self {
            FoundBy::OpenapiSearch => ("openapi", None),
            FoundBy::FolderListing { connection: None } => ("listing", None),
            FoundBy::FolderListing {
                connection: Some(c),
            } => ("listing-via", Some(c)),
            FoundBy::QueryBuilder { connection: None } => ("query-builder", None),
            FoundBy::QueryBuilder {
                connection: Some(c),
            } => ("query-builder-via", Some(c)),
        }
    }

    /// In words (`found with AEM's QueryBuilder, through "Service"`), for `runs show`.
    pub fn words(&self, l: &metadesk_base::i18n::Localizer) -> String {
        let (how, connection) = self.how();
        l.msg(
            "run-found-by",
            &[
                ("how", metadesk_base::i18n::arg(how)),
                (
                    "connection",
                    metadesk_base::i18n::arg(connection.unwrap_or_default()),
                ),
            ],
        )
    }
}

/// What AEM's search index did not know when a scope's assets were found, in words, or `None`
/// when there is nothing to say.
///
/// AEM's index lags behind the repository (seconds, minutes during an ingest). A folder's
/// assets come from its listing, so an asset the batched search did not return was still found
/// and read on its own: `unindexed` says how many. A search (`searched` with the time it was
/// sent) cannot be complete by construction: it holds what the index held then, which the
/// words say with that time — also for a folder that only AEM's OpenAPI search could find
/// (`found_by` [`FoundBy::OpenapiSearch`] on a folder scope: no classic connection to list it).
pub fn index_notice(
    found_by: Option<&FoundBy>,
    search_scope: bool,
    unindexed: u64,
    searched_at: Option<&str>,
) -> Option<Text> {
    let mut said = Vec::new();
    if unindexed > 0 {
        said.push(Text::new(
            "run-unindexed",
            vec![("count", Part::from(unindexed as f64))],
        ));
    }
    if let Some(at) = searched_at.and_then(parse_rfc3339) {
        let id = match found_by {
            Some(FoundBy::OpenapiSearch) if !search_scope => "run-searched-folder",
            _ if search_scope => "run-searched-index",
            _ => "",
        };
        if !id.is_empty() {
            said.push(Text::new(id, vec![("at", Part::DateTime(at))]));
        }
    }
    match said.len() {
        0 => None,
        1 => said.pop(),
        _ => Some(Text::new(
            "run-index-notices",
            vec![("notices", Part::Texts(said))],
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_found_by_is_said_in_words_naming_the_connection_it_went_through() {
        use metadesk_base::i18n::{Lang, Localizer};
        let (en, fr) = (Localizer::english(), Localizer::new(Lang::Fr));
        let via = |c: &str| Some(c.to_owned());
        for (found_by, english, french) in [
            (
                FoundBy::OpenapiSearch,
                "found with a search in AEM, with the connection's own credential",
                "trouvées par une recherche dans AEM, avec l’identifiant de la connexion",
            ),
            (
                FoundBy::FolderListing { connection: None },
                "found in the folder's contents, as AEM lists them",
                "trouvées dans le contenu du dossier, tel qu’AEM le liste",
            ),
            (
                FoundBy::FolderListing {
                    connection: via("Svc"),
                },
                "found in the folder's contents, listed through \"Svc\"",
                "trouvées dans le contenu du dossier, listé par «\u{a0}Svc\u{a0}»",
            ),
            (
                FoundBy::QueryBuilder { connection: None },
                "found with a search in AEM",
                "trouvées par une recherche dans AEM",
            ),
            (
                FoundBy::QueryBuilder {
                    connection: via("Svc"),
                },
                "found with a search in AEM, through \"Svc\"",
                "trouvées par une recherche dans AEM, par «\u{a0}Svc\u{a0}»",
            ),
        ] {
            assert_eq!(found_by.words(&en), english);
            assert_eq!(found_by.words(&fr), french);
        }
        // As the journal keeps it, and read back.
        let kept = serde_json::to_value(FoundBy::FolderListing {
            connection: via("Svc"),
        })
        .unwrap();
        assert_eq!(kept, json!({"kind": "folder_listing", "connection": "Svc"}));
    }
}
