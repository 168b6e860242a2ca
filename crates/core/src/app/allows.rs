//! "What this AEM allows": the deep "Test connection" asks AEM, without changing anything,
//! about each path the app uses — the classic read, QueryBuilder, AEM's own permission check,
//! the tag command's own check (`canCreateTag`), the Sling POST batch writes send (one that
//! does nothing), renditions, GraphQL listings and introspection, persisted queries; for an OAuth Server-to-Server connection the Folders API
//! and the OpenAPI search — and says, per path, what the app does instead where it fails.
//! Batch writes are chosen from the answer: where AEM refuses that POST, the same
//! per-connection fact a refused batch write leaves (`bulk/write_paths.rs`) is recorded, so
//! the first apply writes per asset from the start instead of failing into it.
//!
//! Not here: the quick test's steps (`clients/aem/connection_check.rs`), the requests
//! themselves (`assets/probe.rs`, `assets/classic.rs`, `console`), the checklist's types
//! (`clients/aem/allows.rs`).
//!
//! The use case in full (ARCHITECTURE.md points here): test a connection, token status of all; the
//! deep test's "what this AEM allows" (each path the app uses, checked without changing anything:
//! why it fails and what the app does instead; where AEM gives no CSRF token, batch writes are
//! recorded as refused in `bulk/write_paths.rs` so the first apply writes per asset), and what that
//! means in plain words (`clients::aem::allows::can_do`). Here: `tokens.rs`, `allows.rs`. The
//! layers below: `clients::ims` (token manager, status), `clients::aem::connection_check`,
//! `clients::aem::allows` (the checklist's types), `assets/probe.rs` (CSRF token, AEM's
//! `hasPermission` check), `console` (GraphQL listings). The window: `commands/tokens.rs` (the
//! window's test is the deep one; `CapabilityChecklist.svelte`). The CLI: `connections test [--deep
//! [--folder]]`.

use metadesk_assets::search::hit_path;
use metadesk_assets::{AssetsApi, CallError, ClassicAssets, DAM_ROOT};
use metadesk_base::i18n::{Localizer, arg, count};
use metadesk_bulk::Combine;
use metadesk_bulk::open_query;
use metadesk_bulk::write_paths;
use metadesk_clients::aem::AemClient;
use metadesk_clients::aem::allows::{AemPath, Allowed, PathCheck};
use metadesk_clients::aem::connection_check::{ConnectionTestReport, StepKind};
use metadesk_clients::error::{Error, ErrorCode, Result};
use metadesk_console::{endpoints, graphql, persisted};
use metadesk_credentials::credentials::ApiFamily;
use metadesk_store::connections::Connection;

use super::{ConnectionChoice, Workspace, blocking};

/// One line of the checklist, built in `l`'s words.
struct Line<'a> {
    l: &'a Localizer,
    path: AemPath,
    label: String,
}

impl Line<'_> {
    fn ok(self, detail: String) -> PathCheck {
        self.with(Allowed::Ok, detail, None)
    }

    fn failed(self, allowed: Allowed, detail: String, instead: Option<&str>) -> PathCheck {
        let instead = instead.map(|id| self.l.text(id));
        self.with(allowed, detail, instead)
    }

    fn with(self, allowed: Allowed, detail: String, instead: Option<String>) -> PathCheck {
        PathCheck {
            path: self.path,
            label: self.label,
            allowed,
            detail,
            instead,
        }
    }
}

fn line<'a>(l: &'a Localizer, path: AemPath, label: &str) -> Line<'a> {
    Line {
        l,
        path,
        label: l.text(label),
    }
}

/// A failed call of the Assets APIs: refused to this account, or not offered, in our words
/// (never AEM's page).
fn call_failure(e: &CallError, l: &Localizer) -> (Allowed, String) {
    let refused = |status: u16| {
        (
            Allowed::NotAllowed,
            l.msg("allows-refused", &[("status", count(status))]),
        )
    };
    let missing = |status: u16| {
        (
            Allowed::Unavailable,
            l.msg("allows-missing", &[("status", count(status))]),
        )
    };
    match e {
        CallError::Forbidden(_) => refused(403),
        CallError::Auth(_) => refused(401),
        CallError::NotFound => missing(404),
        CallError::Rejected {
            status: s @ (401 | 403),
            ..
        } => refused(*s),
        CallError::Rejected {
            status: s @ (404 | 405 | 410),
            ..
        } => missing(*s),
        CallError::Rejected {
            status: 200,
            detail,
        } => (Allowed::Unavailable, detail.localized(l)),
        CallError::Rejected { status, .. } | CallError::Throttled { status, .. } => (
            Allowed::Unavailable,
            l.msg("allows-answered", &[("status", count(*status))]),
        ),
        other => (Allowed::Unavailable, other.text().localized(l)),
    }
}

/// A failed console call (GraphQL, persisted queries), in the console's own words unless they
/// quote a server's page.
fn console_failure(e: &Error, l: &Localizer) -> (Allowed, String) {
    let (allowed, fallback) = match e.code() {
        ErrorCode::Auth => (Allowed::NotAllowed, "allows-refused-plain"),
        _ => (Allowed::Unavailable, "allows-missing-plain"),
    };
    (allowed, without_page(e.localized(l), fallback, l))
}

/// `words`, or the message `fallback` when they quote a server's HTML page (a dispatcher's 404
/// page inside a sentence helps nobody).
fn without_page(words: String, fallback: &str, l: &Localizer) -> String {
    let lower = words.to_lowercase();
    if ["<html", "<!doctype", "<body", "<head"]
        .iter()
        .any(|tag| lower.contains(tag))
    {
        l.text(fallback)
    } else {
        words
    }
}

/// The line of the quick test's read of the DAM (classic read or Folders API).
fn read_line(report: &ConnectionTestReport, l: &Localizer) -> PathCheck {
    let (path, label, instead) = match report.api {
        ApiFamily::Classic => (
            AemPath::ClassicRead,
            "allows-label-classic-read",
            "allows-instead-read",
        ),
        ApiFamily::OpenApi => (
            AemPath::FoldersApi,
            "allows-label-folders-api",
            "allows-instead-folders",
        ),
    };
    let step = report.steps.iter().find(|s| s.step == StepKind::ReadDam);
    let detail = step.map(|s| s.detail.clone()).unwrap_or_default();
    let line = line(l, path, label);
    match report.dam_readable {
        Some(true) => line.ok(detail),
        _ => {
            // "Nothing can be changed until AEM lets this account read the DAM" is for a
            // refusal only (issue 77): a read that failed otherwise says why in `detail`.
            match step.and_then(|s| s.code) {
                Some(ErrorCode::Auth) => line.failed(Allowed::NotAllowed, detail, Some(instead)),
                _ => line.failed(Allowed::Unavailable, detail, None),
            }
        }
    }
}

impl Workspace {
    /// "What this AEM allows" for connection `id`, after its quick test found a usable token
    /// (`report`); the write permission is checked on `folder` (see [`folder_to_check`]).
    pub(super) async fn what_aem_allows(
        &self,
        id: &str,
        folder: &str,
        report: &ConnectionTestReport,
        l: &Localizer,
    ) -> Result<Vec<PathCheck>> {
        let (connection, client) = self.console_client(id).await?;
        let mut lines = vec![read_line(report, l)];
        match report.api {
            ApiFamily::Classic => {
                self.classic_paths(&connection, &client, folder, &mut lines, l)
                    .await?;
                graphql_paths(&connection, &client, &mut lines, l).await;
            }
            ApiFamily::OpenApi => {
                lines.push(self.openapi_search(&connection, l).await?);
                lines.push(self.sites_fragments(&connection, l).await?);
                let publish = line(
                    l,
                    AemPath::PublishPermission,
                    "allows-label-publish-permission",
                );
                lines.push(publish.failed(
                    Allowed::Unavailable,
                    l.text("allows-publish-oauth"),
                    Some("allows-instead-publish-oauth"),
                ));
            }
        }
        Ok(lines)
    }

    /// QueryBuilder, the write permission, batch writes and renditions.
    async fn classic_paths(
        &self,
        connection: &Connection,
        client: &AemClient,
        folder: &str,
        lines: &mut Vec<PathCheck>,
        l: &Localizer,
    ) -> Result<()> {
        let classic = ClassicAssets::new(client.clone());
        // One image asset, for the renditions (guessTotal: AEM need not count them all).
        let found = classic
            .query(&pairs(&[
                ("path", DAM_ROOT),
                ("type", "dam:Asset"),
                ("1_property", "jcr:content/metadata/dc:format"),
                ("1_property.operation", "like"),
                ("1_property.value", "image/%"),
                ("p.limit", "1"),
                ("p.guessTotal", "true"),
                ("p.hits", "selective"),
                ("p.properties", "jcr:path"),
            ]))
            .await;
        let search = line(l, AemPath::QueryBuilder, "allows-label-querybuilder");
        let image = match &found {
            Ok(page) => {
                lines.push(search.ok(l.text("allows-ok-querybuilder")));
                page.hits.first().and_then(hit_path).map(str::to_owned)
            }
            Err(e) => {
                let (allowed, detail) = call_failure(e, l);
                lines.push(search.failed(allowed, detail, Some("allows-instead-querybuilder")));
                None
            }
        };
        for which in [Permission::Write, Permission::Publish] {
            lines.push(permission(&classic, connection, folder, which, l).await);
        }
        lines.push(tag_changes(&classic, l).await);
        lines.push(self.batch_writes(&classic, connection, folder, l).await?);
        lines.push(renditions(&classic, image.as_deref(), l).await);
        Ok(())
    }

    /// Batch writes: refused in an earlier run (remembered), else AEM's answer to a Sling POST
    /// on `folder` that changes nothing (with the CSRF token a batch sends). A refusal of the
    /// kind a refused batch meets (403, 404, 405) is recorded as a refused batch would be, so
    /// the next apply writes per asset from its start.
    async fn batch_writes(
        &self,
        classic: &ClassicAssets,
        connection: &Connection,
        folder: &str,
        l: &Localizer,
    ) -> Result<PathCheck> {
        let line = line(l, AemPath::BatchWrites, "allows-label-batch-writes");
        let (runs_dir, key) = (self.runs_dir(), connection.id.clone());
        let remembered = {
            let (runs_dir, key) = (runs_dir.clone(), key.clone());
            blocking(move || Ok(write_paths::batch_refused(&runs_dir, &key))).await?
        };
        if let Some(status) = remembered {
            return Ok(line.failed(
                Allowed::NotAllowed,
                l.msg("allows-batch-remembered", &[("status", count(status))]),
                Some("allows-instead-batch"),
            ));
        }
        let e = match classic.batch_post_accepted(folder).await {
            Ok(()) => return Ok(line.ok(l.text("allows-ok-batch"))),
            Err(e) => e,
        };
        let (allowed, why) = call_failure(&e, l);
        let status = match &e {
            CallError::Forbidden(_) => 403,
            CallError::NotFound => 404,
            CallError::Rejected { status: 405, .. } => 405,
            // Not a refusal of batch writes as such (AEM struggling, a cut answer): the apply
            // tries them and decides.
            _ => {
                let detail = l.msg("allows-batch-untried", &[("why", arg(why))]);
                return Ok(line.failed(allowed, detail, None));
            }
        };
        let at = metadesk_base::timefmt::now_rfc3339();
        blocking(move || {
            // A new profile has no runs folder yet; the fact goes where the engine reads it.
            std::fs::create_dir_all(&runs_dir).map_err(|e| {
                let path = runs_dir.display().to_string();
                Error::io_doing("io-create-folder", vec![("path", path.into())], e)
            })?;
            write_paths::remember_batch_refused(&runs_dir, &key, status, &at);
            Ok(())
        })
        .await?;
        tracing::info!(id = %connection.id, status, "a POST that changes nothing was refused: batch writes recorded as refused");
        Ok(line.failed(
            Allowed::NotAllowed,
            l.msg("allows-batch-refused", &[("why", arg(why))]),
            Some("allows-instead-batch"),
        ))
    }

    /// The OpenAPI search of an OAuth Server-to-Server connection (one request for one hit),
    /// and what finds assets where AEM does not answer it.
    async fn openapi_search(&self, connection: &Connection, l: &Localizer) -> Result<PathCheck> {
        use metadesk_assets::open_search::{request_body, unavailable};
        let line = line(l, AemPath::OpenapiSearch, "allows-label-openapi-search");
        let opened = self
            .open(ConnectionChoice::stored(connection.id.clone()))
            .await?;
        let items = open_query::query_items(DAM_ROOT, false, &[], Combine::All)
            .map_err(|e| Error::Internal(e.condition.to_string()))?;
        let answer = opened
            .connected
            .assets
            .open_search(&request_body(&items, 1, None))
            .await;
        let e = match answer {
            Ok(_) => return Ok(line.ok(l.text("allows-ok-openapi-search"))),
            Err(e) => e,
        };
        let (mut allowed, detail) = call_failure(&e, l);
        if unavailable(&e) {
            allowed = Allowed::Unavailable;
        }
        let paired = match &connection.paired_with {
            Some(paired) => {
                let (store, paired) = (std::sync::Arc::clone(&self.connections), paired.clone());
                blocking(move || store.find(&paired)).await.ok()
            }
            None => None,
        };
        let instead = match paired {
            Some(paired) => l.msg(
                "allows-instead-openapi-search-paired",
                &[("paired", arg(paired.name))],
            ),
            None => l.text("allows-instead-openapi-search-unpaired"),
        };
        Ok(line.with(allowed, detail, Some(instead)))
    }
}

impl Workspace {
    /// The Sites API's content fragments: one list page of one fragment, which reads nothing
    /// the connection could not change.
    async fn sites_fragments(&self, connection: &Connection, l: &Localizer) -> Result<PathCheck> {
        let line = line(l, AemPath::ContentFragments, "allows-label-fragments");
        let opened = self
            .open(ConnectionChoice::stored(connection.id.clone()))
            .await?;
        let api =
            metadesk_assets::fragments::FragmentsApi::new(opened.connected.client.clone(), None);
        match api.page(DAM_ROOT, None, 1).await {
            Ok(_) => Ok(line.ok(l.text("allows-ok-fragments"))),
            Err(e) => {
                let (allowed, detail) = call_failure(&e, l);
                Ok(line.failed(allowed, detail, Some("allows-instead-fragments")))
            }
        }
    }
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

/// Which of AEM's permission checks a line asks, and its words.
#[derive(Clone, Copy)]
enum Permission {
    /// To change metadata (`jcr:modifyProperties`).
    Write,
    /// To publish (`crx:replicate`).
    Publish,
}

impl Permission {
    /// The line's path, then its words: label, allowed, refused, no answer, not checked,
    /// instead when refused.
    fn words(self) -> (AemPath, [&'static str; 6]) {
        match self {
            Permission::Write => (
                AemPath::WritePermission,
                [
                    "allows-label-write-permission",
                    "allows-ok-write",
                    "allows-write-refused",
                    "allows-write-unknown",
                    "allows-write-unchecked",
                    "allows-instead-write",
                ],
            ),
            Permission::Publish => (
                AemPath::PublishPermission,
                [
                    "allows-label-publish-permission",
                    "allows-ok-publish",
                    "allows-publish-refused",
                    "allows-publish-unknown",
                    "allows-publish-unchecked",
                    "allows-instead-publish",
                ],
            ),
        }
    }
}

/// AEM's own permission check on `folder` (nothing is written or published).
async fn permission(
    classic: &ClassicAssets,
    connection: &Connection,
    folder: &str,
    which: Permission,
    l: &Localizer,
) -> PathCheck {
    let (path, [label, ok, refused, unknown, unchecked, instead]) = which.words();
    let line = line(l, path, label);
    let folder_arg = || ("folder", arg(folder));
    let answer = match which {
        Permission::Write => classic.may_modify(folder).await,
        Permission::Publish => classic.may_publish(folder).await,
    };
    match answer {
        Ok(Some(true)) => line.ok(l.msg(ok, &[folder_arg()])),
        Ok(Some(false)) => {
            let who = connection
                .technical_account_email
                .clone()
                .or_else(|| connection.acts_as.clone())
                .unwrap_or_else(|| l.text("test-this-user"));
            line.failed(
                Allowed::NotAllowed,
                l.msg(refused, &[folder_arg(), ("who", arg(who))]),
                Some(instead),
            )
        }
        Ok(None) => line.failed(
            Allowed::Unavailable,
            l.msg(unknown, &[folder_arg()]),
            Some("allows-instead-write-unknown"),
        ),
        Err(e) => {
            let (_, why) = call_failure(&e, l);
            line.failed(
                Allowed::Unavailable,
                l.msg(unchecked, &[folder_arg(), ("why", arg(why))]),
                Some("allows-instead-write-unknown"),
            )
        }
    }
}

/// Whether the account may change AEM's tags themselves, asked as a tag change asks it
/// (`Workspace::check_tag_change`): AEM's `canCreateTag`, which changes nothing. An account
/// that may tag assets but is no Tag Administrator is refused.
async fn tag_changes(classic: &ClassicAssets, l: &Localizer) -> PathCheck {
    let line = line(l, AemPath::TagChanges, "allows-label-tag-changes");
    let check = [("cmd", "canCreateTag"), ("tag", "default:")];
    match classic.tag_command(&check).await {
        Ok(()) => line.ok(l.text("allows-ok-tag-changes")),
        Err(e) => {
            let (allowed, detail) = call_failure(&e, l);
            line.failed(allowed, detail, Some("allows-instead-tag-changes"))
        }
    }
}

/// The thumbnail of `image` (an image asset QueryBuilder found), if one was found.
async fn renditions(classic: &ClassicAssets, image: Option<&str>, l: &Localizer) -> PathCheck {
    let line = line(l, AemPath::Renditions, "allows-label-renditions");
    let Some(image) = image else {
        return line.failed(
            Allowed::Unavailable,
            l.text("allows-no-asset"),
            Some("allows-instead-renditions"),
        );
    };
    let asset = || ("asset", arg(image));
    match classic.thumbnail(image).await {
        Ok(Some(_)) => line.ok(l.msg("allows-ok-renditions", &[asset()])),
        Ok(None) => line.failed(
            Allowed::Unavailable,
            l.msg("allows-no-thumbnail", &[asset()]),
            Some("allows-instead-renditions"),
        ),
        Err(e) => {
            let (allowed, detail) = call_failure(&e, l);
            line.failed(allowed, detail, Some("allows-instead-renditions"))
        }
    }
}

/// The GraphQL endpoints' listing, the first one's schema, the persisted queries' listing.
async fn graphql_paths(
    connection: &Connection,
    client: &AemClient,
    lines: &mut Vec<PathCheck>,
    l: &Localizer,
) {
    let listing = line(
        l,
        AemPath::GraphqlEndpoints,
        "allows-label-graphql-endpoints",
    );
    let schema = line(l, AemPath::GraphqlSchema, "allows-label-graphql-schema");
    let config = match endpoints::list_endpoints(client).await {
        Ok(found) if found.listed => {
            lines.push(listing.ok(l.msg(
                "allows-ok-graphql-endpoints",
                &[
                    (
                        "count",
                        count(u32::try_from(found.configs.len()).unwrap_or(u32::MAX)),
                    ),
                    ("names", arg(found.configs.join(", "))),
                ],
            )));
            found.configs.first().cloned()
        }
        // The console's note (`found.note`) speaks to its configuration field and repeats the
        // persisted-query listing's failure, which has a line of its own below.
        Ok(_) => {
            lines.push(listing.failed(
                Allowed::Unavailable,
                l.text("allows-graphql-unlisted"),
                Some("allows-instead-graphql-endpoints"),
            ));
            None
        }
        Err(e) => {
            let (allowed, why) = console_failure(&e, l);
            lines.push(listing.failed(allowed, why, Some("allows-instead-graphql-endpoints")));
            None
        }
    };
    lines.push(match config {
        None => schema.failed(
            Allowed::Unavailable,
            l.text("allows-graphql-not-tried"),
            Some("allows-instead-graphql-schema"),
        ),
        Some(config) => {
            let account = super::console::account_of(connection);
            match graphql::introspect(client, account.as_deref(), &config).await {
                Ok(_) => schema.ok(l.msg("allows-ok-graphql-schema", &[("config", arg(config))])),
                Err(e) => {
                    let (allowed, why) = console_failure(&e, l);
                    schema.failed(allowed, why, Some("allows-instead-graphql-schema"))
                }
            }
        }
    });
    let queries = line(l, AemPath::PersistedQueries, "allows-label-persisted");
    lines.push(match persisted::list(client).await {
        Ok(all) => {
            let n = all.iter().filter(|q| !q.name.is_empty()).count();
            queries.ok(l.msg(
                "allows-ok-persisted",
                &[("count", count(u32::try_from(n).unwrap_or(u32::MAX)))],
            ))
        }
        Err(e) => {
            let (allowed, why) = console_failure(&e, l);
            queries.failed(allowed, why, Some("allows-instead-persisted"))
        }
    });
}
