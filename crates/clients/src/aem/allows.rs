//! "What this AEM allows": one line per path the app uses (a read, a search, a listing, batch
//! writes, the permission to write), as the deep "Test connection" found it, in the reader's
//! words. A leaf: the checks themselves are the core's (`app/allows.rs`).

use serde::Serialize;
use ts_rs::TS;

/// A path the app uses, whatever the language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum AemPath {
    /// The classic Assets HTTP API's read (`/api/assets`).
    ClassicRead,
    /// QueryBuilder (`/bin/querybuilder.json`): searches, lists, the batch check.
    QueryBuilder,
    /// The OpenAPI Folders API (OAuth Server-to-Server).
    FoldersApi,
    /// The OpenAPI search (OAuth Server-to-Server).
    OpenapiSearch,
    /// The GraphQL endpoints' listing.
    GraphqlEndpoints,
    /// A GraphQL endpoint's schema (introspection).
    GraphqlSchema,
    /// The persisted queries' listing.
    PersistedQueries,
    /// Thumbnail renditions.
    Renditions,
    /// Batch writes (one Sling POST for many assets; a CSRF token is needed).
    BatchWrites,
    /// The account may change metadata where it is pointed.
    WritePermission,
    /// The account may publish where it is pointed (`crx:replicate`); an OAuth
    /// Server-to-Server connection never can (AEM's replication servlet refuses its tokens).
    PublishPermission,
}

/// What AEM answered for a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Allowed {
    Ok,
    /// AEM is there but refuses this account (401/403, or its own permission check says no).
    NotAllowed,
    /// AEM does not offer it (404, 405, an answer that cannot be read, no asset to try).
    Unavailable,
}

/// One line of the checklist. Its words are in the language of the localizer the test ran with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PathCheck {
    pub path: AemPath,
    /// "Search (QueryBuilder)".
    pub label: String,
    pub allowed: Allowed,
    /// What was seen, or why it failed, in plain words.
    pub detail: String,
    /// What the app does instead (or what it chose from this answer), when there is something.
    pub instead: Option<String>,
}
