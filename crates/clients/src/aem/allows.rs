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
    /// The Sites API's content fragments (OAuth Server-to-Server connections only).
    ContentFragments,
    /// The account may change AEM's tag taxonomy (`/bin/tagcommand`'s `canCreateTag`): merge,
    /// move, delete and import tags, not only tag assets.
    TagChanges,
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

/// Something a person does with a connection, whatever the language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Ability {
    /// Read assets' metadata and change it.
    Metadata,
    /// Choose assets by what their metadata holds (a search or a list scope).
    Search,
    /// Show pictures of the assets.
    Thumbnails,
    /// Run GraphQL queries in the API console.
    Graphql,
    /// Publish assets to the website (and unpublish them).
    Publish,
    /// Edit content fragments' fields.
    Fragments,
    /// Change AEM's tags themselves (merge, move, delete, import).
    Tags,
}

/// Whether the connection can do it: yes, only in part (read but not change), no, or not known
/// until it is tried.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Can {
    Yes,
    Partly,
    No,
    Unknown,
}

/// One line of "what this connection can do", in the reader's words: what the checklist's
/// paths mean to a person, without their technical names (those stay in the checklist).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CanDo {
    pub ability: Ability,
    pub can: Can,
    pub text: String,
}

/// What the checklist `checks` means to a person, in `l`'s words; empty when there is no
/// checklist (the quick test). A thing none of the checks speaks of is left out.
pub fn can_do(checks: &[PathCheck], l: &metadesk_base::i18n::Localizer) -> Vec<CanDo> {
    let state = |path: AemPath| checks.iter().find(|c| c.path == path).map(|c| c.allowed);
    let ok = |path: AemPath| state(path) == Some(Allowed::Ok);
    if checks.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut line = |ability: Ability, can: Can, id: &str| {
        out.push(CanDo {
            ability,
            can,
            text: l.text(id),
        })
    };
    let read = ok(AemPath::ClassicRead) || ok(AemPath::FoldersApi);
    let (can, id) = match (read, state(AemPath::WritePermission)) {
        (false, _) => (Can::No, "can-metadata-none"),
        (true, Some(Allowed::Ok)) => (Can::Yes, "can-metadata-change"),
        (true, Some(Allowed::NotAllowed)) => (Can::Partly, "can-metadata-read-only"),
        (true, _) => (Can::Unknown, "can-metadata-read-unsure"),
    };
    line(Ability::Metadata, can, id);
    if let Some(search) = state(AemPath::QueryBuilder).or(state(AemPath::OpenapiSearch)) {
        let yes = search == Allowed::Ok;
        let (can, id) = if yes {
            (Can::Yes, "can-search-yes")
        } else {
            (Can::No, "can-search-no")
        };
        line(Ability::Search, can, id);
    }
    if let Some(thumbnails) = state(AemPath::Renditions) {
        let (can, id) = match thumbnails {
            Allowed::Ok => (Can::Yes, "can-thumbnails-yes"),
            _ => (Can::No, "can-thumbnails-no"),
        };
        line(Ability::Thumbnails, can, id);
    }
    if let Some(graphql) = state(AemPath::GraphqlEndpoints) {
        let (can, id) = match graphql {
            Allowed::Ok => (Can::Yes, "can-graphql-yes"),
            _ => (Can::No, "can-graphql-no"),
        };
        line(Ability::Graphql, can, id);
    }
    if let Some(publish) = state(AemPath::PublishPermission) {
        let (can, id) = match publish {
            Allowed::Ok => (Can::Yes, "can-publish-yes"),
            _ => (Can::No, "can-publish-no"),
        };
        line(Ability::Publish, can, id);
    }
    if let Some(fragments) = state(AemPath::ContentFragments) {
        let (can, id) = match fragments {
            Allowed::Ok => (Can::Yes, "can-fragments-yes"),
            _ => (Can::No, "can-fragments-no"),
        };
        line(Ability::Fragments, can, id);
    }
    if let Some(tags) = state(AemPath::TagChanges) {
        let (can, id) = match tags {
            Allowed::Ok => (Can::Yes, "can-tags-yes"),
            _ => (Can::No, "can-tags-no"),
        };
        line(Ability::Tags, can, id);
    }
    out
}
