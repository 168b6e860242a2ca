//! Failures talking to AEM or IMS, in words a user can act on.

use crate::ims::ImsError;
use metadesk_base::error_code::ErrorCode;
use metadesk_base::i18n::{Localizer, Part, Text};
use metadesk_credentials::secrets::SecretStoreError;

/// Why a request to AEM (or IMS) did not succeed. Every variant's words are catalogue text
/// ([`AemError::text`]), written in the reader's language when a face shows them; `Display`
/// is the English (the log).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AemError {
    /// The URL is not one a token may be sent to (another host, or plain http off loopback).
    #[error("{0}")]
    RefusedUrl(Text),
    /// Could not reach the server at all (offline, proxy, DNS, refused, dropped).
    #[error(
        "Could not reach {host}: {detail}. Check the network connection (and any proxy), then try again."
    )]
    Unreachable { host: String, detail: String },
    /// The server did not answer in time.
    #[error("{host} did not answer in time. It may be busy; try again in a moment.")]
    Timeout { host: String },
    /// Credentials could not be obtained or were rejected; the text says why and what to do.
    #[error("{0}")]
    Auth(Text),
    /// AEM answered with an unexpected status; `what` names what was asked (`aem-what-…`).
    #[error("AEM answered {status} for {what}.")]
    Status { status: u16, what: Text },
    /// AEM's answer could not be read; `what` names what was asked (`aem-what-…`), `detail`
    /// says why (a library's own words, or a catalogue clause).
    #[error("AEM's answer to {what} could not be read ({detail}).")]
    BadResponse { what: Text, detail: Text },
    /// No access token could be obtained from Adobe IMS; the message says why.
    #[error(transparent)]
    Ims(#[from] ImsError),
    /// The keychain holding the token cache could not be used.
    #[error(transparent)]
    Keychain(#[from] SecretStoreError),
}

impl AemError {
    /// The message in the user's language (`Display` is the English one, for the log).
    pub fn localized(&self, l: &Localizer) -> String {
        self.text().localized(l)
    }

    /// The words telling this failure, unwritten until a face knows the reader's language.
    pub fn text(&self) -> Text {
        let text = |s: &str| Part::from(s);
        match self {
            AemError::RefusedUrl(words) | AemError::Auth(words) => words.clone(),
            AemError::Unreachable { host, detail } => Text::new(
                "aem-unreachable",
                vec![("host", text(host)), ("detail", text(detail))],
            ),
            AemError::Timeout { host } => Text::new("aem-timeout", vec![("host", text(host))]),
            AemError::Status { status, what } => Text::new(
                "aem-status",
                vec![
                    ("status", Part::from(f64::from(*status))),
                    ("what", Part::from(what.clone())),
                ],
            ),
            AemError::BadResponse { what, detail } => Text::new(
                "aem-bad-response",
                vec![
                    ("what", Part::from(what.clone())),
                    ("detail", Part::from(detail.clone())),
                ],
            ),
            AemError::Ims(e) => e.text(),
            AemError::Keychain(e) => e.text(),
        }
    }

    pub fn code(&self) -> ErrorCode {
        match self {
            AemError::RefusedUrl(_) => ErrorCode::InvalidInput,
            AemError::Unreachable { .. } | AemError::Timeout { .. } => ErrorCode::Network,
            AemError::Auth(_) => ErrorCode::Auth,
            AemError::Status { .. } | AemError::BadResponse { .. } => ErrorCode::Remote,
            AemError::Ims(e) => e.code(),
            AemError::Keychain(e) => e.code(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use metadesk_base::i18n::Lang;
    use metadesk_base::i18n::checks::assert_reads_french;

    /// Each failure in both languages: the English as the log has it, the French whole.
    fn both(err: &AemError) -> (String, String) {
        let fr = err.localized(&Localizer::new(Lang::Fr));
        assert_reads_french(&fr);
        (err.localized(&Localizer::english()), fr)
    }

    fn what(id: &'static str, args: Vec<(&'static str, Part)>) -> Text {
        Text::new(id, args)
    }

    #[test]
    fn a_status_names_what_was_asked_in_the_readers_language() {
        let cases = [
            (
                what(
                    "aem-what-thumbnail",
                    vec![("path", "/content/dam/a.jpg".into())],
                ),
                "AEM answered 500 for the thumbnail of /content/dam/a.jpg.",
                "AEM a répondu 500 pour la vignette de /content/dam/a.jpg.",
            ),
            (
                what("aem-what-graphql-endpoint", vec![("config", "wknd".into())]),
                "AEM answered 500 for the GraphQL endpoint of \"wknd\".",
                "AEM a répondu 500 pour le point de terminaison GraphQL de «\u{a0}wknd\u{a0}».",
            ),
            (
                what("aem-what-schema", vec![("config", "wknd".into())]),
                "AEM answered 500 for the schema of \"wknd\".",
                "AEM a répondu 500 pour le schéma de «\u{a0}wknd\u{a0}».",
            ),
            (
                Text::plain("aem-what-persisted-list"),
                "AEM answered 500 for the list of persisted queries.",
                "AEM a répondu 500 pour la liste des requêtes persistantes.",
            ),
            (
                what(
                    "aem-what-persisted-query",
                    vec![("config", "wknd".into()), ("name", "ads".into())],
                ),
                "AEM answered 500 for the persisted query /wknd/ads.",
                "AEM a répondu 500 pour la requête persistante /wknd/ads.",
            ),
            (
                what(
                    "aem-what-saving-persisted",
                    vec![("config", "wknd".into()), ("name", "ads".into())],
                ),
                "AEM answered 500 for saving the persisted query /wknd/ads.",
                "AEM a répondu 500 pour l’enregistrement de la requête persistante /wknd/ads.",
            ),
            (
                what("aem-what-path", vec![("path", "/api/assets.json".into())]),
                "AEM answered 500 for /api/assets.json.",
                "AEM a répondu 500 pour /api/assets.json.",
            ),
        ];
        for (what, en, fr) in cases {
            let err = AemError::Status { status: 500, what };
            assert_eq!(both(&err), (en.to_owned(), fr.to_owned()));
            assert_eq!(err.to_string(), en, "Display is the log's English");
            assert_eq!(err.code(), ErrorCode::Remote);
        }
    }

    #[test]
    fn an_unreadable_answer_says_why_in_the_readers_language() {
        let schema = what("aem-what-schema", vec![("config", "wknd".into())]);
        let cases = [
            (
                Text::plain("aem-detail-no-schema"),
                "AEM's answer to the schema of \"wknd\" could not be read (it sent no schema).",
                "(aucun schéma n’a été envoyé)",
            ),
            (
                Text::new("aem-detail-not-graphql", vec![("text", "<html>".into())]),
                "(not a GraphQL answer: <html>)",
                "(ce n’est pas une réponse GraphQL\u{a0}: <html>)",
            ),
            (
                Text::new(
                    "aem-detail-status",
                    vec![
                        ("status", Part::from(502.0)),
                        ("text", "Bad gateway".into()),
                    ],
                ),
                "(502: Bad gateway)",
                "(502\u{a0}: Bad gateway)",
            ),
            (
                crate::aem::body::BodyError::TooLarge { limit: 32 << 20 }.text(),
                "(the answer is larger than 32 MB, far more than such an answer holds)",
                "(la réponse dépasse 32 Mo, bien plus que ce qu’une telle réponse contient)",
            ),
            (
                // A library's own words stay as they are, inside French.
                Text::Plain("expected value at line 1 column 1".into()),
                "(expected value at line 1 column 1)",
                "La réponse d’AEM pour le schéma de «\u{a0}wknd\u{a0}» est illisible (expected",
            ),
        ];
        for (detail, en, fr) in cases {
            let plain = matches!(detail, Text::Plain(_));
            let err = AemError::BadResponse {
                what: schema.clone(),
                detail,
            };
            let fr_words = err.localized(&Localizer::new(Lang::Fr));
            if !plain {
                assert_reads_french(&fr_words);
            }
            let en_words = err.localized(&Localizer::english());
            assert!(en_words.contains(en), "{en_words}");
            assert!(fr_words.contains(fr), "{fr_words}");
        }
    }

    #[test]
    fn auth_and_address_refusals_keep_their_words_unwritten() {
        let refused = AemError::Auth(Text::new(
            "aem-refused-after-renewal",
            vec![("host", "author-p1-e2.adobeaemcloud.com".into())],
        ));
        let (en, fr) = both(&refused);
        assert!(en.starts_with("author-p1-e2.adobeaemcloud.com refused the connection's credentials even after renewing them."), "{en}");
        assert!(
            fr.contains("a refusé les identifiants de la connexion"),
            "{fr}"
        );
        assert_eq!(refused.code(), ErrorCode::Auth);

        let origin = AemError::RefusedUrl(Text::new(
            "aem-other-origin",
            vec![
                ("url", "https://elsewhere.example/x".into()),
                ("origin", "https://author-p1-e2.adobeaemcloud.com".into()),
            ],
        ));
        let (en, fr) = both(&origin);
        assert_eq!(
            en,
            "Refused to send this connection's credentials to https://elsewhere.example/x: it is \
             not https://author-p1-e2.adobeaemcloud.com."
        );
        assert!(fr.starts_with("Envoi des identifiants de cette connexion à https://elsewhere.example/x refusé\u{a0}:"), "{fr}");
        assert_eq!(origin.code(), ErrorCode::InvalidInput);
    }
}
