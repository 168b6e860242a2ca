//! Plain words for the console's failures: a GraphQL endpoint AEM refuses (403) or does not
//! have (404), throttling, and any other status. Transport and token failures keep the words
//! `aem` and `ims` already give them. An answer's body is told by `aem::said` (a page's title,
//! never the page).

use metadesk_base::i18n::{Part, Text};
use metadesk_clients::aem::AemError;
use metadesk_clients::aem::said::{said, status_said};
use metadesk_clients::error::{Error, ErrorCode};

/// What the console was doing, for the messages.
pub(crate) struct Doing<'a> {
    /// What was asked, as an `aem-what-…` message ("the GraphQL endpoint of \"global\"").
    pub what: Text,
    /// The account the connection acts as (technical account email, token user), if known.
    pub account: Option<&'a str>,
    pub host: &'a str,
}

/// The error for a GraphQL call AEM answered with `status` and no GraphQL body.
pub(crate) fn graphql_status(status: u16, doing: &Doing<'_>, detail: &str) -> Error {
    match status {
        403 => Error::Aem(AemError::Auth(Text::new(
            "console-graphql-forbidden",
            vec![
                ("what", doing.what.clone().into()),
                ("known", doing.account.map_or("none", |_| "known").into()),
                ("account", doing.account.unwrap_or_default().into()),
            ],
        ))),
        404 => Error::worded(
            ErrorCode::NotFound,
            Text::new(
                "console-graphql-not-enabled",
                vec![
                    ("what", doing.what.clone().into()),
                    ("host", doing.host.into()),
                    ("answer", status_said(status, detail.as_bytes()).into()),
                ],
            ),
        ),
        _ => other_status(status, doing, detail),
    }
}

/// The error for any other non-success answer.
pub(crate) fn other_status(status: u16, doing: &Doing<'_>, detail: &str) -> Error {
    let status_part = || Part::from(f64::from(status));
    match status {
        429 | 406 | 503 => Error::worded(
            ErrorCode::InvalidInput,
            Text::new(
                "console-slowed-down",
                vec![
                    ("status", status_part()),
                    ("what", doing.what.clone().into()),
                ],
            ),
        ),
        _ if said(detail.as_bytes()).is_none() => Error::Aem(AemError::Status {
            status,
            what: doing.what.clone(),
        }),
        _ => Error::Aem(AemError::BadResponse {
            what: doing.what.clone(),
            detail: status_said(status, detail.as_bytes()),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use metadesk_base::i18n::checks::assert_reads_french;
    use metadesk_base::i18n::{Lang, Localizer};

    fn doing(account: Option<&str>) -> Doing<'_> {
        Doing {
            what: Text::new("aem-what-graphql-endpoint", vec![("config", "wknd".into())]),
            account,
            host: "author-p1-e2.adobeaemcloud.com",
        }
    }

    /// (code, English, French) of `err`, the French checked whole.
    fn words(err: &Error) -> (ErrorCode, String, String) {
        let fr = err.localized(&Localizer::new(Lang::Fr));
        assert_reads_french(&fr);
        (err.code(), err.localized(&Localizer::english()), fr)
    }

    #[test]
    fn a_refused_endpoint_names_the_account_in_the_readers_language() {
        let (code, en, fr) = words(&graphql_status(
            403,
            &doing(Some("x@techacct.adobe.com")),
            "",
        ));
        assert_eq!(code, ErrorCode::Auth);
        assert_eq!(
            en,
            "AEM refused the GraphQL endpoint of \"wknd\" to the account x@techacct.adobe.com \
             (403). An AEM administrator must grant the account x@techacct.adobe.com access to \
             the GraphQL endpoint: a technical account does not get it automatically."
        );
        assert!(
            fr.starts_with(
                "AEM a refusé au compte x@techacct.adobe.com l’accès pour le point de \
                 terminaison GraphQL de «\u{a0}wknd\u{a0}» (403)."
            ),
            "{fr}"
        );
        let (_, en, fr) = words(&graphql_status(403, &doing(None), ""));
        assert!(en.contains("to this connection's account (403)"), "{en}");
        assert!(fr.contains("au compte de cette connexion"), "{fr}");
    }

    #[test]
    fn a_missing_endpoint_is_told_in_the_readers_language() {
        // AEM's 404 page (in French here, for the French check): its title is said, the page
        // never is.
        let page = "<!DOCTYPE html>\n<html><head><title>404 Ressource introuvable\
                    </title></head>\n<body><h1>Introuvable</h1><p>Cannot serve request</p>\
                    </body></html>";
        let (code, en, fr) = words(&graphql_status(404, &doing(None), page));
        assert_eq!(code, ErrorCode::NotFound);
        assert!(
            en.starts_with(
                "author-p1-e2.adobeaemcloud.com has not enabled the GraphQL endpoint of \"wknd\" \
                 (404: Ressource introuvable)."
            ),
            "{en}"
        );
        assert!(en.contains("Tools → General → GraphQL"), "{en}");
        assert!(
            fr.starts_with(
                "author-p1-e2.adobeaemcloud.com n’a pas activé le point de terminaison GraphQL \
                 de «\u{a0}wknd\u{a0}» (404\u{a0}: Ressource introuvable)."
            ),
            "{fr}"
        );
        for words in [&en, &fr] {
            assert!(
                !words.contains('<') && !words.contains("Cannot serve"),
                "{words}"
            );
        }
        // A page without a title: the status alone.
        let (_, en, _) = words(&graphql_status(
            404,
            &doing(None),
            "<p>Page introuvable</p>\nmore",
        ));
        assert!(en.contains("of \"wknd\" (404). An AEM"), "{en}");
    }

    #[test]
    fn throttling_and_other_statuses_are_told_in_the_readers_language() {
        for status in [429, 406, 503] {
            let (code, en, fr) = words(&other_status(status, &doing(None), ""));
            assert_eq!(code, ErrorCode::InvalidInput);
            assert_eq!(
                en,
                format!(
                    "AEM asked Metadesk to slow down ({status}) while reading the GraphQL \
                     endpoint of \"wknd\". Try again in a minute."
                )
            );
            assert!(fr.contains(&format!("de ralentir ({status})")), "{fr}");
        }
        let (code, en, fr) = words(&other_status(500, &doing(None), ""));
        assert_eq!(code, ErrorCode::Remote);
        assert_eq!(en, "AEM answered 500 for the GraphQL endpoint of \"wknd\".");
        assert!(fr.starts_with("AEM a répondu 500 pour le point"), "{fr}");
        let (_, en, _) = words(&other_status(
            500,
            &doing(None),
            "<html><body>x</body></html>",
        ));
        assert_eq!(en, "AEM answered 500 for the GraphQL endpoint of \"wknd\".");
        let (_, en, fr) = words(&other_status(500, &doing(None), "Internal error"));
        assert!(
            en.ends_with("could not be read (500: Internal error)."),
            "{en}"
        );
        assert!(
            fr.ends_with("est illisible (500\u{a0}: Internal error)."),
            "{fr}"
        );
    }
}
