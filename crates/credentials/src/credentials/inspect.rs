//! Recognising a dropped file: its JSON object read, its kind told apart, then that kind's own
//! parser run. Nothing is stored.
//!
//! Not here: each kind's fields (`service.rs`, `dev_token.rs`, `oauth.rs`), what the UI is
//! shown of the result (`mod.rs`).

use time::OffsetDateTime;

use super::detect::{Shape, detect};
use super::{Recognised, Refusal, dev_token, input, oauth, service};

/// Recognises and validates a credential file's bytes. Nothing is stored.
pub fn inspect(bytes: &[u8]) -> Result<Recognised, Refusal> {
    inspect_at(bytes, OffsetDateTime::now_utc())
}

/// [`inspect`] as if it were `now` (expiry checks), for tests.
pub fn inspect_at(bytes: &[u8], now: OffsetDateTime) -> Result<Recognised, Refusal> {
    let object = input::parse_object(bytes)?;
    let drafts = match detect(&object)? {
        Shape::ServiceCredentials => vec![service::parse(&object, now)?],
        Shape::DevToken => vec![dev_token::parse(&object, now)?],
        Shape::DeveloperConsoleProject => oauth::parse_project(&object)?,
        Shape::FlatOauth => vec![oauth::parse_flat(&object)?],
    };
    Recognised::new(drafts, now)
}
