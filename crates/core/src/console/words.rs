//! Plain words for the console's failures: a GraphQL endpoint AEM refuses (403) or does not
//! have (404), throttling, and any other status. Transport and token failures keep the words
//! `aem` and `ims` already give them.

use crate::aem::AemError;
use crate::error::Error;

/// What the console was doing, for the messages.
pub(crate) struct Doing<'a> {
    /// "the GraphQL endpoint of \"global\"", "the persisted queries", …
    pub what: &'a str,
    /// The account the connection acts as (technical account email, token user), if known.
    pub account: Option<&'a str>,
    pub host: &'a str,
}

/// The error for a GraphQL call AEM answered with `status` and no GraphQL body.
pub(crate) fn graphql_status(status: u16, doing: &Doing<'_>, detail: &str) -> Error {
    let who = doing.account.map_or_else(
        || "this connection's account".to_owned(),
        |a| format!("the account {a}"),
    );
    match status {
        403 => Error::Aem(AemError::Auth(format!(
            "AEM refused {} to {who} (403). An AEM administrator must grant {who} access to \
             the GraphQL endpoint: a technical account does not get it automatically.",
            doing.what
        ))),
        404 => Error::NotFound(format!(
            "{} is not enabled on {} (404: \"{}\"). An AEM administrator creates GraphQL \
             endpoints in Tools → General → GraphQL; pick another configuration meanwhile.",
            capitalised(doing.what),
            doing.host,
            short(detail)
        )),
        _ => other_status(status, doing, detail),
    }
}

/// The error for any other non-success answer.
pub(crate) fn other_status(status: u16, doing: &Doing<'_>, detail: &str) -> Error {
    match status {
        429 | 406 | 503 => Error::InvalidInput(format!(
            "AEM asked Metadesk to slow down ({status}) while reading {}. Try again in a minute.",
            doing.what
        )),
        _ if detail.trim().is_empty() => Error::Aem(AemError::Status {
            status,
            what: doing.what.to_owned(),
        }),
        _ => Error::Aem(AemError::BadResponse {
            what: doing.what.to_owned(),
            detail: format!("{status}: {}", short(detail)),
        }),
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// The first line of a body, at most 200 characters: enough to recognise an AEM message,
/// never a whole HTML page.
pub(crate) fn short(detail: &str) -> String {
    let line = detail
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim();
    let mut s: String = line.chars().take(200).collect();
    if line.chars().count() > 200 {
        s.push('…');
    }
    s
}
