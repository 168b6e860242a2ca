//! The production guard: before a bulk run writes through a connection marked production, the
//! person applying it types the connection's name. The app and the CLI both ask through
//! [`confirm_production`], so the rule and its words are the same in both.
//!
//! Not here: how the name is asked for (a dialog in the app, a prompt or
//! `--confirm-production` in the CLI) or marking a connection production (`ConnectionStore`).

use crate::connections::Connection;
use metadesk_clients::error::{Error, ErrorCode, Result};

/// Allows a write through `connection` when it is not marked production, or when `typed` is
/// its name exactly (spaces around it do not count: they are easy to type and invisible).
pub fn confirm_production(connection: &Connection, typed: Option<&str>) -> Result<()> {
    if !connection.production || typed.is_some_and(|typed| typed.trim() == connection.name) {
        return Ok(());
    }
    Err(Error::message(
        ErrorCode::InvalidInput,
        "error-confirm-production",
        vec![("name", connection.name.as_str().into())],
    ))
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
    fn production_needs_the_exact_name_spaces_around_it_aside() {
        let c = connection("Prod author", true);
        assert!(confirm_production(&c, Some("Prod author")).is_ok());
        assert!(confirm_production(&c, Some("  Prod author\n")).is_ok());
    }

    #[test]
    fn production_refuses_no_name_or_a_different_one_and_says_which_to_type() {
        let c = connection("Prod author", true);
        for typed in [
            None,
            Some(""),
            Some("prod author"),
            Some("Prod  author"),
            Some("Prod"),
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
