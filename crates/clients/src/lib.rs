//! Adobe IMS tokens and authorised requests to AEM, and the core's one [`Error`], which gathers
//! their failures and those of the layers below.
//!
//! `ims` and `aem` are one layer: `ims` implements the authorizer `aem`'s requests call, and
//! `aem` reports IMS's errors. Not here: where connections are stored (`metadesk_store`) or
//! what is asked of AEM's Assets APIs (`metadesk_assets`).

pub mod aem;
pub mod error;
pub mod ims;

pub use error::{Error, ErrorCode};
