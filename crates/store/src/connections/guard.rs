//! The production guard: before a bulk run writes through a connection marked production, the
//! person applying it types the connection's name. The app and the CLI both ask through
//! [`confirm_production`], so the rule and its words are the same in both.
//!
//! Not here: how the name is asked for (a dialog in the app, a prompt or
//! `--confirm-production` in the CLI) or marking a connection production (`ConnectionStore`).

use crate::connections::{AutoName, Connection};
use metadesk_base::i18n::{Part, Text};
use metadesk_clients::error::{Error, ErrorCode, Result};

/// Allows a write through `connection` when it is not marked production, or when `typed` is
/// its name. Spaces and punctuation do not count: the guard asks for attention, not for a
/// middle dot or a dash that a keyboard may not have (older names hold " · "). A name Metadesk
/// made is also its words in any language (the window shows it in its reader's: "Programme
/// 14726 · environnement 686683"), and the refusal names it in the reader's language.
pub fn confirm_production(connection: &Connection, typed: Option<&str>) -> Result<()> {
    if !connection.production {
        return Ok(());
    }
    let auto = connection.auto_name();
    if let Some(typed) = typed {
        let shown = auto.as_ref().map(AutoName::renderings).unwrap_or_default();
        if std::iter::once(&connection.name)
            .chain(&shown)
            .any(|name| same_name(typed, name))
        {
            return Ok(());
        }
    }
    let name: Part = match &auto {
        Some(auto) => auto.text().into(),
        None => connection.name.as_str().into(),
    };
    Err(Error::worded(
        ErrorCode::InvalidInput,
        Text::new("error-confirm-production", vec![("name", name)]),
    ))
}

/// Whether `typed` is `name`, letters and digits only, in their case. A name with none (all
/// punctuation) must be typed as it is, surrounding spaces aside.
fn same_name(typed: &str, name: &str) -> bool {
    let key = |s: &str| -> String { s.chars().filter(|c| c.is_alphanumeric()).collect() };
    let wanted = key(name);
    if wanted.is_empty() {
        return !name.trim().is_empty() && typed.trim() == name.trim();
    }
    key(typed) == wanted
}

#[cfg(test)]
mod tests {
    use super::*;
    use metadesk_credentials::credentials::CredentialKind;
    use time::OffsetDateTime;

    fn connection(name: &str, production: bool) -> Connection {
        Connection {
            id: "0123456789ab".into(),
            name: name.into(),
            kind: CredentialKind::LocalDevToken,
            aem_url: "https://author-p1-e2.adobeaemcloud.com".into(),
            ims_base: None,
            client_id: None,
            technical_account_id: None,
            technical_account_email: None,
            org: None,
            scopes: Vec::new(),
            acts_as: None,
            certificate_expires_at: None,
            token_expires_at: None,
            production,
            sandbox: false,
            secret_hints: Vec::new(),
            imported_at: OffsetDateTime::UNIX_EPOCH,
            paired_with: None,
            trusted_host: None,
        }
    }

    #[test]
    fn a_connection_not_marked_production_needs_no_name() {
        let c = connection("Stage author", false);
        assert!(confirm_production(&c, None).is_ok());
        assert!(confirm_production(&c, Some("anything")).is_ok());
    }

    #[test]
    fn production_needs_the_name_spaces_and_punctuation_aside() {
        let c = connection("Prod author", true);
        assert!(confirm_production(&c, Some("Prod author")).is_ok());
        assert!(confirm_production(&c, Some("  Prod author\n")).is_ok());
        assert!(confirm_production(&c, Some("Prodauthor")).is_ok());
        assert!(confirm_production(&c, Some("Prod  author")).is_ok());
        // An older default name holds a middle dot no keyboard has: typed without it, it counts.
        let old = connection("p14726 · e686683", true);
        for typed in [
            "p14726 e686683",
            "p14726-e686683",
            "p14726e686683",
            "p14726 · e686683",
        ] {
            assert!(confirm_production(&old, Some(typed)).is_ok(), "{typed}");
        }
        let new = connection("p14726-e686683", true);
        assert!(confirm_production(&new, Some("p14726 e686683")).is_ok());
        assert!(confirm_production(&new, Some("p14726-e68668")).is_err());
    }

    /// A name Metadesk made is confirmed in the words the window shows, English or French,
    /// and the refusal names it in the reader's language. Seen failing before: the French
    /// window showed "Programme … · environnement …" and the guard wanted "Program …".
    #[test]
    fn a_made_name_is_typed_in_either_language() {
        let mut c = connection("Program 14726 · environment 686683", true);
        c.client_id = Some("cm-p14726-e686683-integration-0".into());
        for typed in [
            "Program 14726 · environment 686683",
            "Programme 14726 environnement 686683",
        ] {
            assert!(confirm_production(&c, Some(typed)).is_ok(), "{typed}");
        }
        let err = confirm_production(&c, Some("Programme 14726")).unwrap_err();
        let fr = metadesk_base::i18n::Localizer::new(metadesk_base::i18n::Lang::Fr);
        assert!(
            err.localized(&fr)
                .contains("Programme 14726 · environnement 686683"),
            "{}",
            err.localized(&fr)
        );
        // A name the person gave is theirs alone.
        c.name = "WKND Prod".into();
        assert!(confirm_production(&c, Some("Programme 14726 environnement 686683")).is_err());
    }

    #[test]
    fn a_name_of_punctuation_only_is_typed_as_it_is() {
        let c = connection("-·-", true);
        assert!(confirm_production(&c, Some(" -·- ")).is_ok());
        assert!(confirm_production(&c, Some("")).is_err());
        assert!(confirm_production(&c, Some("--")).is_err());
    }

    #[test]
    fn production_refuses_no_name_or_a_different_one_and_says_which_to_type() {
        let c = connection("Prod author", true);
        for typed in [
            None,
            Some(""),
            Some("prod author"),
            Some("Prod"),
            Some("Prod author 2"),
            Some("--"),
        ] {
            let err = confirm_production(&c, typed).unwrap_err();
            assert_eq!(
                err.code(),
                metadesk_clients::error::ErrorCode::InvalidInput,
                "{typed:?}"
            );
            assert_eq!(
                err.to_string(),
                "This connection is marked production: type its name, \"Prod author\", to apply.",
                "{typed:?}"
            );
        }
    }
}
