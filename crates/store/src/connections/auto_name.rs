//! A name Metadesk made for a connection ("Program 14726 · environment 686683"), told apart from
//! one the person gave, so each face can show it in its reader's language (issue 77: French
//! windows read "Program … · environment …"). The stored name stays as it was written: it is the
//! person's data, typed on the command line and to confirm a production write. What is known of
//! it here is facts only ([`AutoName`]: program, environment, account), for the face to word.
//!
//! A name is automatic when it is the name an import suggests for the connection's client id
//! (`cm-p14726-e686683-…`) in any language of the catalogue, with or without the " (2)" or
//! " (account)" an import adds when another connection holds that name.
//!
//! Not here: the suggestion itself (`credentials::service`), names' uniqueness (`checks`).

use serde::Serialize;
use ts_rs::TS;

use metadesk_base::i18n::{Lang, Localizer, Text};
use metadesk_credentials::credentials::urls;

/// A name Metadesk made, as facts: the window words it in the reader's language
/// ("Programme 14726 · environnement 686683"), with the account that tells it apart from
/// another connection to the same environment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AutoName {
    /// As AEM writes them: digits, never grouped.
    pub program: String,
    pub environment: String,
    /// An OAuth credential of the AEM Developer Console ("… (OAuth)").
    pub oauth: bool,
    /// The technical account, shortly ("c9adf360" of
    /// `c9adf360-3840-41b2-ade3-efc09df14811@techacct.adobe.com`), when another connection has
    /// the same name; none otherwise.
    pub account: Option<String>,
}

impl AutoName {
    /// Of a connection named `name`, of client id `client_id` and technical account `email`,
    /// when its name is one Metadesk made for it.
    pub fn of(name: &str, client_id: Option<&str>, email: Option<&str>) -> Option<AutoName> {
        let (program, environment) = urls::program_and_environment(client_id?)?;
        [false, true].into_iter().find_map(|oauth| {
            let made = AutoName {
                program: program.to_string(),
                environment: environment.to_string(),
                oauth,
                account: None,
            };
            let suffix = made
                .renderings()
                .iter()
                .find_map(|base| name.strip_prefix(base.as_str()))?;
            let account = match suffix {
                "" => None,
                told_apart => Some(short_account(told_apart_by(told_apart, email)?)),
            };
            Some(AutoName { account, ..made })
        })
    }

    /// The words of the name without its account, as the catalogue's suggestion has them.
    pub fn text(&self) -> Text {
        let id = if self.oauth {
            "name-suggestion-cloud-oauth"
        } else {
            "name-suggestion-cloud"
        };
        Text::new(
            id,
            vec![
                ("program", self.program.as_str().into()),
                ("environment", self.environment.as_str().into()),
            ],
        )
    }

    /// The name without its account in each language of the catalogue: what a face may show,
    /// and so what may be typed to confirm a production write.
    pub fn renderings(&self) -> Vec<String> {
        let text = self.text();
        Lang::ALL
            .into_iter()
            .map(|lang| text.localized(&Localizer::new(lang)))
            .collect()
    }
}

/// The account a disambiguated name was told apart by (" (2)", " (c9adf…@techacct.adobe.com)"):
/// the connection's technical account; `None` when the suffix is not one an import adds, or no
/// account is known (the name is then shown as stored).
fn told_apart_by<'a>(suffix: &str, email: Option<&'a str>) -> Option<&'a str> {
    let inner = suffix.strip_prefix(" (")?.strip_suffix(')')?;
    let email = email.filter(|e| !e.trim().is_empty())?;
    let numbered = !inner.is_empty() && inner.chars().all(|c| c.is_ascii_digit());
    (numbered || inner == email.trim()).then_some(email)
}

/// A technical account in few characters: the part before `@`, or of an id that is a UUID (as
/// the AEM Developer Console's are), its first group.
fn short_account(email: &str) -> String {
    let local = email.trim().split('@').next().unwrap_or_default();
    let groups: Vec<&str> = local.split('-').collect();
    let uuid = groups.iter().map(|g| g.len()).eq([8, 4, 4, 4, 12])
        && groups
            .iter()
            .all(|g| g.chars().all(|c| c.is_ascii_hexdigit()));
    match groups.first() {
        Some(first) if uuid => (*first).to_owned(),
        _ => local.to_owned(),
    }
}

/// Each automatic name of `autos` (a list's, its connections' technical accounts in `emails`,
/// in the same order) that another has too (two connections to one environment) gets the
/// account that tells them apart, as a second import's "(2)" did not say which was which
/// (issue 77).
pub(super) fn tell_apart(autos: &mut [Option<AutoName>], emails: &[Option<&str>]) {
    let key = |a: &AutoName| (a.program.clone(), a.environment.clone(), a.oauth);
    let keys: Vec<_> = autos.iter().map(|a| a.as_ref().map(key)).collect();
    for (index, auto) in autos.iter_mut().enumerate() {
        let Some(own) = &keys[index] else { continue };
        let shared = keys
            .iter()
            .enumerate()
            .any(|(other, k)| other != index && k.as_ref() == Some(own));
        let email = emails
            .get(index)
            .copied()
            .flatten()
            .filter(|e| !e.trim().is_empty());
        if let (true, Some(auto), Some(email)) = (shared, auto.as_mut(), email) {
            auto.account.get_or_insert_with(|| short_account(email));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EMAIL: &str = "c9adf360-3840-41b2-ade3-efc09df14811@techacct.adobe.com";
    const CLIENT: Option<&str> = Some("cm-p14726-e686683-integration-0");

    /// The name an import made, in English or in French, is known as made (and so shown in the
    /// reader's language); a name the person gave, or one made for another environment, is
    /// not. Seen failing before `AutoName`: the window had only the stored words to show.
    #[test]
    fn a_made_name_is_known_in_any_language_and_a_given_one_is_not() {
        let made = |name: &str| AutoName::of(name, CLIENT, Some(EMAIL));
        let plain = AutoName {
            program: "14726".into(),
            environment: "686683".into(),
            oauth: false,
            account: None,
        };
        assert_eq!(
            made("Program 14726 · environment 686683"),
            Some(plain.clone())
        );
        assert_eq!(
            made("Programme 14726 · environnement 686683"),
            Some(plain.clone())
        );
        assert_eq!(
            made("Program 14726 · environment 686683 (OAuth)"),
            Some(AutoName {
                oauth: true,
                ..plain.clone()
            })
        );
        for given in [
            "WKND Prod",
            "Program 14726 · environment 686684",
            "Program 14726 · environment 686683 prod",
            "Program 14726 · environment 686683 (read-only)",
        ] {
            assert_eq!(made(given), None, "{given}");
        }
        // Another kind of connection names no program.
        assert_eq!(
            AutoName::of("Program 14726 · environment 686683", None, None),
            None
        );
        assert_eq!(
            plain.renderings(),
            [
                "Program 14726 · environment 686683",
                "Programme 14726 · environnement 686683"
            ]
        );
    }

    /// A second connection to one environment, stored as "(2)" or with its account's address,
    /// is told apart by its account, shortly. Seen failing while the window showed "(2)".
    #[test]
    fn a_second_connection_is_told_apart_by_its_account() {
        for name in [
            "Program 14726 · environment 686683 (2)",
            &format!("Program 14726 · environment 686683 ({EMAIL})"),
        ] {
            let auto = AutoName::of(name, CLIENT, Some(EMAIL)).unwrap();
            assert_eq!(auto.account.as_deref(), Some("c9adf360"), "{name}");
        }
        // Without a known account, "(2)" says nothing better: the stored name is shown.
        assert_eq!(
            AutoName::of("Program 14726 · environment 686683 (2)", CLIENT, None),
            None
        );
        assert_eq!(short_account("reader@techacct.adobe.com"), "reader");

        // Listed together, the first one says its account too: each tells which it is.
        let first_email = "ab12cd34-0000-0000-0000-000000000000@techacct.adobe.com";
        let emails = [Some(first_email), Some(EMAIL), Some(EMAIL)];
        let mut autos = [
            AutoName::of("Program 14726 · environment 686683", CLIENT, emails[0]),
            AutoName::of("Program 14726 · environment 686683 (2)", CLIENT, emails[1]),
            AutoName::of("Program 1 · environment 2", Some("cm-p1-e2-x"), emails[2]),
        ];
        tell_apart(&mut autos, &emails);
        let accounts: Vec<Option<&str>> = autos
            .iter()
            .map(|a| a.as_ref().and_then(|a| a.account.as_deref()))
            .collect();
        assert_eq!(accounts, [Some("ab12cd34"), Some("c9adf360"), None]);
    }
}
