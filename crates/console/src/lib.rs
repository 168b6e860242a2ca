//! The API console's mechanisms: GraphQL on content fragments (queries, introspection,
//! endpoints, persisted queries), requests to the connection's own AEM host, the table a result
//! flattens to, "copy as curl", and the per-connection history of what was sent.
//!
//! Not here: which connection is used, the production rule and cancelling (the use cases in
//! `app::console`), nor how a face shows an answer. Nothing here returns a token: the
//! `Authorization` header is added by [`metadesk_clients::aem::AemClient`] and never copied into an
//! answer, a history entry or a curl line.

mod capped;
pub mod curl;
pub mod endpoints;
pub mod graphql;
pub mod history;
pub mod ordered;
pub mod persisted;
pub mod request;
pub mod table;
mod words;

pub use endpoints::Endpoints;
pub use graphql::{GraphqlAnswer, GraphqlError, GraphqlLocation};
pub use history::{HistoryEntry, HistoryKind, SavedRequest};
pub use ordered::Ordered;
pub use persisted::{PersistedQuery, SavedPersisted};
pub use request::{ConsoleRequest, ConsoleResponse, Header, ResponseBody};
pub use table::ResultTable;

/// A configuration name as it appears in endpoint and persisted-query URLs: letters, digits,
/// `-`, `_` and `.` (not starting with a dot), so a name can never change the URL's path.
pub fn check_config(config: &str) -> metadesk_clients::error::Result<&str> {
    check_segment(config, "configuration")
}

pub(crate) fn check_segment<'a>(
    value: &'a str,
    what: &str,
) -> metadesk_clients::error::Result<&'a str> {
    let value = value.trim();
    let ok = !value.is_empty()
        && value.len() <= 200
        && !value.starts_with('.')
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if ok {
        Ok(value)
    } else {
        // `what` is one of the variants of `error-console-bad-name`.
        Err(metadesk_clients::error::Error::message(
            metadesk_clients::error::ErrorCode::InvalidInput,
            "error-console-bad-name",
            vec![("name", value.into()), ("what", what.into())],
        ))
    }
}
