//! The command line's words for how a run reaches AEM: `--connection NAME`, or like Adobe's
//! sample script (seed 000) `--aem URL --file creds.json` (read for this run only, never
//! stored), and `--paired-with` for an OAuth Server-to-Server credential. Opening them is the
//! core's ([`metadesk_core::app::Workspace::open`]).
//!
//! Not here: previewing or applying (`bulk`), asking before writing (`confirm`).

use std::path::PathBuf;

use clap::Args;
use metadesk_core::app::{ConnectionChoice, Opened};
use metadesk_core::i18n::{Localizer, arg};

#[derive(Args, Clone)]
pub struct ConnectionArgs {
    /// A stored connection (name or id; see `metadesk-cli connections list`).
    #[arg(long, conflicts_with_all = ["aem", "file"])]
    pub connection: Option<String>,
    /// The AEM author URL, with `--file` (Adobe's sample-script form).
    #[arg(long, requires = "file")]
    pub aem: Option<String>,
    /// A credential file (Service Credentials, Local Development Token, OAuth S2S), used for
    /// this run only.
    #[arg(long, requires = "aem")]
    pub file: Option<PathBuf>,
    /// With --aem: send the file's tokens to HOST although it is not one of Adobe's AEM hosts
    /// (author-p…-e….adobeaemcloud.com), this computer included for a credential issued by
    /// Adobe: only for a host you trust.
    #[arg(long, value_name = "HOST", requires = "aem")]
    pub trust_host: Option<String>,
    /// OAuth S2S only (with --connection or --file): a stored connection on the same AEM that
    /// may use the classic API (service credentials, a development token or an SDK login),
    /// used to list folders and to search for what AEM's OpenAPI search cannot ask (without
    /// it, a folder's assets are found with that search where AEM answers it).
    /// `--list-with` is its name from before the pairing had one name.
    #[arg(long, value_name = "CONNECTION", alias = "list-with")]
    pub paired_with: Option<String>,
}

impl ConnectionArgs {
    /// What the flags chose; with neither `--connection` nor `--file`, a run of an existing
    /// journal uses the connection it was made with.
    pub fn choice(&self) -> ConnectionChoice {
        let paired_with = self.paired_with.clone();
        match (&self.connection, &self.aem, &self.file) {
            (_, Some(aem), Some(file)) => ConnectionChoice::File {
                aem: aem.clone(),
                file: file.clone(),
                paired_with,
                trust_host: self.trust_host.clone(),
            },
            (Some(connection), _, _) => ConnectionChoice::Stored {
                connection: connection.clone(),
                paired_with,
            },
            _ => ConnectionChoice::RunsOwn { paired_with },
        }
    }

    /// A note when `--paired-with` was given for a connection that lists folders itself.
    pub fn note_unused_paired(&self, opened: &Opened, l: &Localizer) {
        if self.paired_with.is_some()
            && opened.paired_with.is_none()
            && !opened.cannot_find_assets()
        {
            eprintln!(
                "{}",
                l.msg(
                    "cli-note-paired-with-unused",
                    &[("name", arg(opened.label.as_str()))]
                )
            );
        }
    }
}
