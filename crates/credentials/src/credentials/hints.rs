//! What a connection shows instead of its secrets ([`SecretHint`]: "client secret ••••1d47",
//! "private key (2048-bit RSA)"), kept as data so each face words it in its reader's language,
//! and read leniently from config files written before, which hold the English words.
//!
//! Not here: the secrets themselves (`secrets`), nor where hints are stored (`connections`).

use serde::{Deserialize, Deserializer, Serialize};
use ts_rs::TS;

use crate::secrets::Secret;
use metadesk_base::i18n::Text;

/// One safe hint about a stored secret. Never more than the last four characters of a secret
/// ([`Secret::hint`]), and those only for secrets long enough to keep the rest unguessable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum SecretHint {
    /// A secret by its end: `hint` is "••••1d47", or "••••" for short secrets.
    Secret { field: SecretField, hint: String },
    /// The private key of service credentials, by its size.
    PrivateKey { bits: u32 },
    /// Words stored by an older version that this one does not recognise: shown as stored.
    Words { text: String },
}

/// Which secret a [`SecretHint::Secret`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SecretField {
    ClientSecret,
    DevelopmentToken,
    Password,
}

impl SecretField {
    const ALL: [SecretField; 3] = [
        SecretField::ClientSecret,
        SecretField::DevelopmentToken,
        SecretField::Password,
    ];

    /// The catalogue's `credential-field` key.
    fn key(self) -> &'static str {
        match self {
            SecretField::ClientSecret => "client-secret",
            SecretField::DevelopmentToken => "development-token",
            SecretField::Password => "password",
        }
    }

    /// The English words older versions stored before the hint ("client secret ••••1d47").
    fn english(self) -> &'static str {
        match self {
            SecretField::ClientSecret => "client secret",
            SecretField::DevelopmentToken => "development token",
            SecretField::Password => "password",
        }
    }
}

impl SecretHint {
    /// The hint of `secret`: its last four characters at most.
    pub fn of(field: SecretField, secret: &Secret) -> Self {
        SecretHint::Secret {
            field,
            hint: secret.hint(),
        }
    }

    /// The words, for a face to write in its reader's language.
    pub fn text(&self) -> Text {
        match self {
            SecretHint::Secret { field, hint } => Text::new(
                "import-secret-hint",
                vec![
                    ("field", field.key().into()),
                    ("hint", hint.as_str().into()),
                ],
            ),
            // A string, so the size is not grouped like a count ("2 048").
            SecretHint::PrivateKey { bits } => {
                Text::new("import-key-hint", vec![("bits", bits.to_string().into())])
            }
            SecretHint::Words { text } => Text::Plain(text.clone()),
        }
    }

    /// A hint as an older version stored it, in English: recognised when it is one of the
    /// forms it wrote ("client secret ••••1d47", "private key (2048-bit RSA)"), kept as words
    /// otherwise.
    pub fn from_stored_words(text: &str) -> Self {
        Self::recognise(text).unwrap_or_else(|| SecretHint::Words {
            text: text.to_string(),
        })
    }

    fn recognise(text: &str) -> Option<Self> {
        if let Some(bits) = text
            .strip_prefix("private key (")
            .and_then(|rest| rest.strip_suffix("-bit RSA)"))
        {
            let bits = bits.parse().ok().filter(|b| (512..=16384).contains(b))?;
            return Some(SecretHint::PrivateKey { bits });
        }
        SecretField::ALL.into_iter().find_map(|field| {
            let hint = text.strip_prefix(field.english())?.strip_prefix(' ')?;
            is_hint(hint).then(|| SecretHint::Secret {
                field,
                hint: hint.to_string(),
            })
        })
    }
}

/// Compares the English words (tests, as for [`Text`]).
impl PartialEq<&str> for SecretHint {
    fn eq(&self, other: &&str) -> bool {
        self.text() == *other
    }
}

/// "••••" followed by at most four characters and nothing else: what [`Secret::hint`] writes.
fn is_hint(text: &str) -> bool {
    text.strip_prefix("••••").is_some_and(|tail| {
        tail.chars().count() <= 4
            && tail
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_.~+/=".contains(c))
    })
}

/// The hints of a connection as the config file holds them: this version's tagged hints, or
/// the English words of older versions (recognised where possible). Lenient: an entry that is
/// neither is dropped rather than failing the whole file.
pub fn deserialize_lenient<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<SecretHint>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Stored {
        Hint(SecretHint),
        Words(String),
        Other(serde::de::IgnoredAny),
    }
    let stored = Vec::<Stored>::deserialize(deserializer)?;
    Ok(stored
        .into_iter()
        .filter_map(|entry| match entry {
            Stored::Hint(SecretHint::Secret { hint, .. }) if !is_hint(&hint) => None,
            Stored::Hint(hint) => Some(hint),
            Stored::Words(text) => Some(SecretHint::from_stored_words(&text)),
            Stored::Other(_) => None,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use metadesk_base::i18n::{Lang, Localizer};

    #[test]
    fn older_english_words_are_recognised_and_read_in_french() {
        let fr = Localizer::new(Lang::Fr);
        let cases = [
            ("client secret ••••1d47", "secret client ••••1d47"),
            ("development token ••••", "jeton de développement ••••"),
            ("password ••••", "mot de passe ••••"),
            ("private key (2048-bit RSA)", "clé privée (RSA 2048 bits)"),
        ];
        for (stored, french) in cases {
            let hint = SecretHint::from_stored_words(stored);
            assert!(!matches!(hint, SecretHint::Words { .. }), "{stored}");
            assert_eq!(hint.text().localized(&fr), french);
            assert_eq!(hint.text(), stored, "English reads as before");
        }
    }

    #[test]
    fn unrecognised_words_are_kept_as_stored() {
        for stored in [
            "client secret 1d47",
            "client secret ••••1d47abcdef",
            "api key ••••1d47",
            "private key (huge-bit RSA)",
            "",
        ] {
            assert_eq!(
                SecretHint::from_stored_words(stored),
                SecretHint::Words {
                    text: stored.to_string()
                }
            );
        }
    }

    #[test]
    fn config_entries_load_leniently() {
        let json = r#"[
            "client secret ••••1d47",
            {"kind": "privateKey", "bits": 2048},
            {"kind": "secret", "field": "password", "hint": "••••"},
            {"kind": "secret", "field": "clientSecret", "hint": "••••the-whole-secret"},
            {"kind": "somethingNew"},
            42,
            "a note"
        ]"#;
        let mut de = serde_json::Deserializer::from_str(json);
        let hints = deserialize_lenient(&mut de).unwrap();
        assert_eq!(
            hints,
            [
                SecretHint::Secret {
                    field: SecretField::ClientSecret,
                    hint: "••••1d47".into()
                },
                SecretHint::PrivateKey { bits: 2048 },
                SecretHint::Secret {
                    field: SecretField::Password,
                    hint: "••••".into()
                },
                SecretHint::Words {
                    text: "a note".into()
                },
            ]
        );
    }
}
