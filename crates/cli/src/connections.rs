//! `metadesk-cli connections …`: import credential files, list, show, rename, set the AEM URL,
//! mark production, remove, and add a local AEM SDK login.
//!
//! Every function takes the workspace and the outputs, so tests drive them with an in-memory
//! keychain and a temporary folder. Failures print one line on stderr and return
//! [`crate::exit_code::FAILURE`].

use std::io::{BufRead, Write};
use std::path::PathBuf;

use clap::{Subcommand, ValueEnum};
use metadesk_core::app::Workspace;
use metadesk_core::connections::{ConnectionStore, ConnectionView, ImportOptions};
use metadesk_core::credentials::{self, CredentialKind};
use metadesk_core::i18n::{Localizer, arg};
use metadesk_core::ims::ConnectionHealth;
use metadesk_core::secrets::Secret;

use crate::exit_code::{FAILURE, SUCCESS};

#[derive(Subcommand)]
pub enum ConnectionsCommand {
    /// Import credential files (AEM service credentials, a local development token, or an
    /// Adobe Developer Console OAuth Server-to-Server credential). Importing a credential with
    /// the same client id again updates its connection; if its IMS, secret or kind differ from
    /// the stored one, that needs --replace.
    Import {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The connection's name (one file at a time).
        #[arg(long)]
        name: Option<String>,
        /// The AEM author URL, when the file does not say or says something else.
        #[arg(long)]
        aem: Option<String>,
        /// Which credential of a project file holding several (its id, shown when refused).
        #[arg(long)]
        choice: Option<String>,
        /// Mark the connection as production.
        #[arg(long)]
        production: bool,
        /// The Adobe IMS an OAuth Server-to-Server credential gets its tokens from (a Developer
        /// Console project never says); default: the connection's, else
        /// https://ims-na1.adobelogin.com. Only https on *.adobelogin.com (or this computer).
        #[arg(long, value_name = "URL")]
        ims: Option<String>,
        /// Replace a stored connection with the same client id even though this file's IMS,
        /// secret or kind differ from it.
        #[arg(long)]
        replace: bool,
        /// Send this connection's tokens to HOST although it is not one of Adobe's AEM hosts
        /// (author-p…-e….adobeaemcloud.com), this computer included for a credential issued by
        /// Adobe: only for a host you trust.
        #[arg(long, value_name = "HOST")]
        trust_host: Option<String>,
    },
    /// List connections: name, kind, host, status.
    List {
        /// Print JSON (the same redacted view the app shows) instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Show one connection in full (secrets only as hints).
    Show {
        name: String,
        #[arg(long)]
        json: bool,
    },
    /// Remove a connection and its keychain entries.
    Remove { name: String },
    /// Rename a connection.
    Rename { name: String, new_name: String },
    /// Change a connection's AEM author URL.
    SetUrl {
        name: String,
        url: String,
        /// Trust the new URL's host although it is not one of Adobe's AEM hosts (this computer
        /// included for a credential issued by Adobe).
        #[arg(long, value_name = "HOST")]
        trust_host: Option<String>,
    },
    /// Trust a connection's AEM host that is not one of Adobe's (this computer included for a
    /// credential issued by Adobe), by name: until then its tokens go nowhere and the
    /// connection is not used.
    Trust { name: String, host: String },
    /// Mark a connection as production (on) or not (off).
    Production { name: String, state: OnOff },
    /// Pair an OAuth Server-to-Server connection with the connection (service credentials, a
    /// development token or an SDK login on the same AEM) that finds its assets: bulk edits
    /// then use it without --paired-with, in the app and here. --none unpairs.
    #[command(alias = "finds-assets-with")]
    Pair {
        name: String,
        #[arg(required_unless_present = "none", value_name = "PAIRED_CONNECTION")]
        paired: Option<String>,
        #[arg(long, conflicts_with = "paired")]
        none: bool,
    },
    /// Add a local AEM SDK login. The password is read from the first line of standard input.
    AddSdk {
        /// The SDK's address.
        #[arg(long, default_value = credentials::urls::LOCAL_SDK_URL)]
        url: String,
        #[arg(long)]
        user: String,
        #[arg(long)]
        name: Option<String>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub enum OnOff {
    On,
    Off,
}

/// Runs one `connections` command; returns the exit code.
pub fn run(
    command: ConnectionsCommand,
    workspace: &Workspace,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    err: &mut dyn Write,
    l: &Localizer,
) -> u8 {
    let store = workspace.connections().as_ref();
    let words = |e: metadesk_core::Error| e.localized(l);
    let result = match command {
        ConnectionsCommand::Import {
            files,
            name,
            aem,
            choice,
            production,
            ims,
            replace,
            trust_host,
        } => {
            if name.is_some() && files.len() > 1 {
                Err(l.text("cli-name-one-file"))
            } else {
                let options = ImportOptions {
                    name,
                    aem_url: aem,
                    choice,
                    production: production.then_some(true),
                    ims_url: ims,
                    replace: replace.then_some(true),
                    trust_host,
                };
                return import(workspace, &files, &options, out, err, l);
            }
        }
        ConnectionsCommand::List { json } => list(store, json, out, l),
        ConnectionsCommand::Show { name, json } => show(workspace, &name, json, out, l),
        ConnectionsCommand::Remove { name } => store
            .find(&name)
            .and_then(|c| workspace.delete_connection(&c.id).map(|_| c.name))
            .map(|removed| line(out, &l.msg("cli-removed", &[("name", arg(removed))])))
            .map_err(words),
        ConnectionsCommand::Trust { name, host } => store
            .find(&name)
            .and_then(|c| store.trust_host(&c.id, &host))
            .map(|v| {
                line(
                    out,
                    &l.msg(
                        "cli-host-trusted",
                        &[("name", arg(v.name)), ("host", arg(v.host))],
                    ),
                )
            })
            .map_err(words),
        ConnectionsCommand::Rename { name, new_name } => store
            .find(&name)
            .and_then(|c| store.rename(&c.id, &new_name))
            .map(|v| line(out, &l.msg("cli-renamed", &[("name", arg(v.name))])))
            .map_err(words),
        ConnectionsCommand::SetUrl {
            name,
            url,
            trust_host,
        } => store
            .find(&name)
            .and_then(|c| workspace.set_connection_url(&c.id, &url))
            .and_then(|v| match trust_host {
                Some(host) => store.trust_host(&v.id, &host),
                None => Ok(v),
            })
            .map(|v| {
                line(
                    out,
                    &l.msg(
                        "cli-url-set",
                        &[("name", arg(v.name)), ("url", arg(v.aem_url))],
                    ),
                )
            })
            .map_err(words),
        ConnectionsCommand::Pair { name, paired, .. } => store
            .find(&name)
            .and_then(|c| store.set_paired(&c.id, paired.as_deref()))
            .map(|v| match &paired {
                Some(f) => line(
                    out,
                    &l.msg(
                        "cli-paired-set",
                        &[("name", arg(v.name)), ("paired", arg(f.clone()))],
                    ),
                ),
                None => line(out, &l.msg("cli-paired-unset", &[("name", arg(v.name))])),
            })
            .map_err(words),
        ConnectionsCommand::Production { name, state } => {
            let on = matches!(state, OnOff::On);
            store
                .find(&name)
                .and_then(|c| store.set_production(&c.id, on))
                .map(|v| {
                    let id = if on {
                        "cli-production-on"
                    } else {
                        "cli-production-off"
                    };
                    line(out, &l.msg(id, &[("name", arg(v.name))]))
                })
                .map_err(words)
        }
        ConnectionsCommand::AddSdk { url, user, name } => {
            add_sdk(workspace, &url, &user, name, input, out, l)
        }
    };
    match result {
        Ok(()) => SUCCESS,
        Err(message) => {
            let message = one_line(&message);
            let _ = writeln!(err, "{}", l.msg("cli-error", &[("message", arg(message))]));
            FAILURE
        }
    }
}

/// Imports each file; one line per file, refusals on `err`. Fails if any file was refused.
pub fn import(
    workspace: &Workspace,
    files: &[PathBuf],
    options: &ImportOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
    l: &Localizer,
) -> u8 {
    let mut failed = false;
    for path in files {
        let shown = path.display();
        match workspace.import_with_options(path, options, l) {
            Ok(done) => {
                let imported = done.imported;
                let c = &imported.connection;
                line(
                    out,
                    &l.msg(
                        if imported.updated {
                            "cli-import-updated"
                        } else {
                            "cli-import-imported"
                        },
                        &[
                            ("file", arg(shown.to_string())),
                            ("name", arg(c.name.as_str())),
                            ("kind", arg(kind_label(c.kind, l))),
                            ("host", arg(c.host.as_str())),
                        ],
                    ),
                );
                for warning in &done.notes {
                    line(
                        out,
                        &l.msg(
                            "cli-import-note",
                            &[("note", arg(one_line(&warning.localized(l))))],
                        ),
                    );
                }
                if let Some(email) = &c.technical_account_email {
                    line(
                        out,
                        &l.msg("cli-import-aem-user", &[("email", arg(email.as_str()))]),
                    );
                }
            }
            Err(error) => {
                failed = true;
                let message = error.localized(l);
                let hint = if error.message_id() == Some("error-no-aem-address") {
                    "cli-refused-hint-aem"
                } else if let metadesk_core::Error::NeedsReplace(_) = &error {
                    "cli-refused-hint-replace"
                } else {
                    "cli-refused"
                };
                let text = l.msg(
                    hint,
                    &[
                        ("file", arg(shown.to_string())),
                        ("message", arg(one_line(&message))),
                    ],
                );
                let _ = writeln!(err, "{text}");
            }
        }
    }
    if failed { FAILURE } else { SUCCESS }
}

/// A kind's name in the user's language.
pub fn kind_label(kind: CredentialKind, l: &Localizer) -> String {
    kind.name().localized(l)
}

fn list(
    store: &ConnectionStore,
    json: bool,
    out: &mut dyn Write,
    l: &Localizer,
) -> Result<(), String> {
    let views = store.list().map_err(|e| e.localized(l))?;
    if json {
        // Machine keys only (`kind`, `status`, dates, structured hints): a script gets the
        // same JSON whatever the terminal's language (see `ConnectionView`).
        let text = serde_json::to_string_pretty(&views).map_err(|e| e.to_string())?;
        line(out, &text);
        return Ok(());
    }
    if views.is_empty() {
        line(out, &l.text("cli-list-empty"));
        return Ok(());
    }
    let rows: Vec<[String; 4]> = views
        .iter()
        .map(|v| {
            let name = if v.production {
                l.msg("cli-list-production", &[("name", arg(v.name.as_str()))])
            } else {
                v.name.clone()
            };
            // A host the user has not trusted is flagged where the host is shown.
            let host = match &v.untrusted_host {
                Some(host) => l.msg("cli-list-untrusted-host", &[("host", arg(host.as_str()))]),
                None => v.host.clone(),
            };
            [
                name,
                kind_label(v.kind, l),
                host,
                v.status_words.localized(l),
            ]
        })
        .collect();
    let header = [
        l.text("cli-list-name"),
        l.text("cli-list-kind"),
        l.text("cli-list-host"),
        l.text("cli-list-status"),
    ];
    let widths: Vec<usize> = (0..4)
        .map(|i| {
            rows.iter()
                .chain([&header])
                .map(|r| r[i].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    for row in std::iter::once(&header).chain(rows.iter()) {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(cell, w)| format!("{cell:<w$}"))
            .collect();
        line(out, cells.join("  ").trim_end());
    }
    Ok(())
}

fn show(
    workspace: &Workspace,
    name: &str,
    json: bool,
    out: &mut dyn Write,
    l: &Localizer,
) -> Result<(), String> {
    let store = workspace.connections();
    let connection = store.find(name).map_err(|e| e.localized(l))?;
    let view = store
        .list()
        .map_err(|e| e.localized(l))?
        .into_iter()
        .find(|v| v.id == connection.id);
    let Some(view) = view else {
        return Err(l.msg("error-no-such-connection", &[("name", arg(name))]));
    };
    if json {
        line(
            out,
            &serde_json::to_string_pretty(&view).map_err(|e| e.to_string())?,
        );
    } else {
        describe(&view, health(workspace, &view.id, l).as_ref(), out, l);
    }
    Ok(())
}

/// The connection's token health as the connections page knows it (a cached token, a
/// development token's countdown), without asking IMS; `None` when it cannot be read (the
/// rest of `show` is still worth printing, and `connections test` says why).
fn health(workspace: &Workspace, id: &str, l: &Localizer) -> Option<ConnectionHealth> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .ok()?;
    runtime
        .block_on(workspace.health_of_connection(id, l))
        .inspect_err(|e| tracing::warn!(error = %e, "a connection's health could not be read"))
        .ok()
}

fn describe(
    v: &ConnectionView,
    health: Option<&ConnectionHealth>,
    out: &mut dyn Write,
    l: &Localizer,
) {
    let when = |at: &Option<String>| {
        at.as_deref().map(|at| {
            metadesk_core::timefmt::parse_rfc3339(at)
                .map(|t| l.datetime(t))
                .unwrap_or_else(|| at.to_string())
        })
    };
    let mut rows: Vec<(&str, String)> = vec![
        ("cli-show-name", v.name.clone()),
        ("cli-show-kind", kind_label(v.kind, l)),
        ("cli-show-aem", v.aem_url.clone()),
        ("cli-show-status", v.status_words.localized(l)),
        (
            "cli-show-production",
            l.text(if v.production { "cli-yes" } else { "cli-no" }),
        ),
    ];
    let optional = [
        ("cli-show-ims", &v.ims_base),
        ("cli-show-client-id", &v.client_id),
        ("cli-show-aem-user", &v.technical_account_email),
        ("cli-show-acts-as", &v.acts_as),
        ("cli-show-org", &v.org),
        (
            "cli-show-certificate-expires",
            &when(&v.certificate_expires_at),
        ),
        ("cli-show-token-expires", &when(&v.token_expires_at)),
    ];
    rows.extend(
        optional
            .into_iter()
            .filter_map(|(k, v)| v.clone().map(|v| (k, v))),
    );
    if !v.scopes.is_empty() {
        rows.push(("cli-show-scopes", v.scopes.join(", ")));
    }
    if let Some(health) = health {
        rows.push(("cli-show-access", health.summary.clone()));
        if let Some(advice) = &health.advice {
            rows.push(("cli-show-advice", advice.clone()));
        }
    }
    let hints: Vec<String> = v
        .secret_hints
        .iter()
        .map(|h| h.text().localized(l))
        .collect();
    rows.push(("cli-show-secrets", hints.join(", ")));
    rows.push(("cli-show-id", v.id.clone()));
    for (label, value) in rows {
        line(
            out,
            &l.msg(
                "cli-show-row",
                &[("label", arg(l.text(label))), ("value", arg(value))],
            ),
        );
    }
}

fn add_sdk(
    workspace: &Workspace,
    url: &str,
    user: &str,
    name: Option<String>,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    l: &Localizer,
) -> Result<(), String> {
    let mut password = String::new();
    input
        .read_line(&mut password)
        .map_err(|e| l.msg("cli-password-unreadable", &[("detail", arg(e.to_string()))]))?;
    let password = Secret::new(password.trim_end_matches(['\r', '\n']));
    let imported = workspace
        .add_sdk_login(Some(url), user, password, name, l)
        .map_err(|e| e.localized(l))?;
    line(
        out,
        &l.msg(
            if imported.updated {
                "cli-sdk-updated"
            } else {
                "cli-sdk-added"
            },
            &[
                ("name", arg(imported.connection.name.as_str())),
                ("url", arg(imported.connection.aem_url.as_str())),
            ],
        ),
    );
    Ok(())
}

fn line(out: &mut dyn Write, text: &str) {
    let _ = writeln!(out, "{text}");
}

/// Messages can span lines (keychain platform errors); the CLI promises one line each.
fn one_line(text: &str) -> String {
    // ASCII whitespace only: French keeps its no-break spaces before : ; ! ? and inside « ».
    text.split(|c: char| c.is_ascii_whitespace())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests;
