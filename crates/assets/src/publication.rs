//! Publishing on the classic API
//! (<https://experienceleague.adobe.com/en/docs/experience-manager-cloud-service/content/operations/replication>):
//! each asset's publication state, from `cq:lastReplicated`, `cq:lastReplicatedBy` and `cq:lastReplicationAction` on its
//! `jcr:content` (asked for many assets in one QueryBuilder request of exact paths, or read
//! from one asset's `jcr:content.json`), and the replication command, `POST
//! /bin/replicate.json` with `cmd=Activate|Deactivate` and up to [`MAX_PATHS`] `path`
//! parameters (one commit: all or nothing).
//!
//! Not here: sending those requests (`classic.rs`), which assets a run publishes, or what it
//! records (`bulk`).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use crate::batch::{assets_directly_in, query_len};
use crate::search::hit_path;
use metadesk_base::timefmt::{parse_aem_time, rfc3339};

/// Paths one replication request names at most: Adobe's Replication API sample says "try to
/// limit it to approx 100 at max", and its Publish Content Tree workflow works in chunks of 100.
pub const MAX_PATHS: usize = 100;

/// Publish or unpublish.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Replication {
    /// `cmd=Activate`.
    Publish,
    /// `cmd=Deactivate`.
    Unpublish,
}

impl Replication {
    /// The command AEM's servlet takes, and the value it records in `cq:lastReplicationAction`.
    pub fn command(self) -> &'static str {
        match self {
            Replication::Publish => "Activate",
            Replication::Unpublish => "Deactivate",
        }
    }
}

/// Which tier a replication goes to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Agent {
    /// The publish tier: the website.
    #[default]
    Publish,
    /// AEM's Preview tier. How the HTTP servlet is told to use it (`agentId=preview`) and the
    /// `_preview` suffix of the properties that record it are UNCONFIRMED (§6.2).
    Preview,
}

impl Agent {
    fn suffix(self) -> &'static str {
        match self {
            Agent::Publish => "",
            Agent::Preview => "_preview",
        }
    }
}

/// Where an asset stands on a tier, in the words a preview counts it by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PublicationState {
    NeverPublished,
    /// Published, and changed on author since: the tier shows older values.
    Modified,
    /// Published after its last change.
    UpToDate,
    /// Published once, then unpublished.
    Unpublished,
}

impl PublicationState {
    /// Whether the tier serves the asset now.
    pub fn is_published(self) -> bool {
        matches!(
            self,
            PublicationState::Modified | PublicationState::UpToDate
        )
    }
}

/// What AEM records of an asset's last replication to a tier, and its last change.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Publication {
    /// `cq:lastReplicationAction`: `Activate`, `Deactivate` (or absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// `cq:lastReplicated`, RFC 3339.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
    /// `cq:lastReplicatedBy`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// `jcr:lastModified` of `jcr:content`, RFC 3339.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified: Option<String>,
    /// The code of the asset's whole metadata (`fingerprint::metadata_code`), where it was
    /// read: AEM leaves `modified` as it was on metadata updates, this tells them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<String>,
}

impl Publication {
    /// The state these facts say. An activation with no time, or a change with no time, is
    /// taken as modified since: republishing an up-to-date asset costs nothing, leaving a
    /// modified one unpublished would be wrong.
    pub fn state(&self) -> PublicationState {
        match self.action.as_deref() {
            None => PublicationState::NeverPublished,
            Some(a) if a.eq_ignore_ascii_case("Activate") => {
                let at = self.at.as_deref().and_then(parse_aem_time);
                let modified = self.modified.as_deref().and_then(parse_aem_time);
                match (at, modified) {
                    (Some(at), Some(modified)) if modified <= at => PublicationState::UpToDate,
                    _ => PublicationState::Modified,
                }
            }
            // Deactivate, Delete, or what a later AEM may record: not served.
            Some(_) => PublicationState::Unpublished,
        }
    }

    /// The facts from a `jcr:content` node (its Sling JSON, or a hit's `jcr:content` object).
    pub(crate) fn from_content(content: &Value, agent: Agent) -> Publication {
        let s = agent.suffix();
        let text = |name: &str| content.get(name).and_then(Value::as_str).map(str::to_owned);
        let time = |name: &str| {
            content
                .get(name)
                .and_then(Value::as_str)
                .and_then(parse_aem_time)
                .map(rfc3339)
        };
        Publication {
            action: text(&format!("cq:lastReplicationAction{s}")),
            at: time(&format!("cq:lastReplicated{s}")),
            by: text(&format!("cq:lastReplicatedBy{s}")),
            modified: time("jcr:lastModified"),
            metadata: None,
        }
    }
}

/// The publication of many assets, by path.
pub type Publications = HashMap<String, Publication>;

/// The query asking the publication of `paths` on `agent`'s tier: exact paths, selective hits.
pub fn state_query(paths: &[&str], agent: Agent) -> Vec<(String, String)> {
    let mut params = vec![("group.p.or".to_owned(), "true".to_owned())];
    for (n, path) in paths.iter().enumerate() {
        params.push((format!("group.{}_path", n + 1), (*path).to_owned()));
        params.push((format!("group.{}_path.exact", n + 1), "true".to_owned()));
    }
    params.push(("p.limit".to_owned(), paths.len().max(1).to_string()));
    params.push(("p.hits".to_owned(), "selective".to_owned()));
    params.push((
        "p.properties".to_owned(),
        format!("jcr:path {}", state_properties(agent)),
    ));
    params
}

/// The properties (relative to an asset) that say where it stands on `agent`'s tier, as
/// `p.properties` names them.
pub fn state_properties(agent: Agent) -> String {
    let s = agent.suffix();
    format!(
        "jcr:content/jcr:lastModified jcr:content/cq:lastReplicated{s} \
         jcr:content/cq:lastReplicatedBy{s} jcr:content/cq:lastReplicationAction{s}"
    )
}

/// The query asking the publication on `agent`'s tier of every asset directly in `folders`
/// (`path.flat`), at most `limit` of them: one request for several small folders.
pub fn folder_state_query(folders: &[&str], agent: Agent, limit: usize) -> Vec<(String, String)> {
    let mut params = assets_directly_in(folders);
    let mut exact = state_query(&[], agent);
    exact.retain(|(k, _)| k == "p.hits" || k == "p.properties");
    params.push(("p.limit".to_owned(), limit.max(1).to_string()));
    params.extend(exact);
    params
}

/// How many of `paths` (from the first) one state query can ask under
/// [`crate::batch::MAX_CHECK_QUERY`]: at least one.
pub fn fits_in_state_query(paths: &[&str]) -> usize {
    let (mut low, mut high) = (1, paths.len());
    while low < high {
        let mid = (low + high).div_ceil(2);
        if query_len(&state_query(&paths[..mid], Agent::Preview)) <= crate::batch::MAX_CHECK_QUERY {
            low = mid;
        } else {
            high = mid - 1;
        }
    }
    low.min(paths.len())
}

/// The publications the hits carry, by path. A path not among them was not found by AEM's
/// index (which lags): it says nothing about the asset.
pub fn publications_of(hits: &[Value], agent: Agent) -> Publications {
    hits.iter()
        .filter_map(|hit| {
            let path = hit_path(hit)?.to_owned();
            let content = hit.get("jcr:content").cloned().unwrap_or(Value::Null);
            Some((path, Publication::from_content(&content, agent)))
        })
        .collect()
}

/// The replication command's form.
pub fn replicate_form(replication: Replication, agent: Agent, paths: &[&str]) -> String {
    let mut form = url::form_urlencoded::Serializer::new(String::new());
    form.append_pair("_charset_", "utf-8")
        .append_pair("cmd", replication.command());
    if agent == Agent::Preview {
        form.append_pair("agentId", "preview");
    }
    for path in paths {
        form.append_pair("path", path);
    }
    form.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn facts(action: Option<&str>, at: Option<&str>, modified: Option<&str>) -> Publication {
        Publication {
            action: action.map(str::to_owned),
            at: at.map(str::to_owned),
            modified: modified.map(str::to_owned),
            ..Publication::default()
        }
    }

    #[test]
    fn states_in_the_words_a_preview_counts() {
        use PublicationState::*;
        let (early, late) = (Some("2026-01-01T10:00:00Z"), Some("2026-01-02T10:00:00Z"));
        assert_eq!(facts(None, None, late).state(), NeverPublished);
        assert_eq!(facts(Some("Activate"), late, early).state(), UpToDate);
        assert_eq!(facts(Some("Activate"), early, late).state(), Modified);
        assert_eq!(facts(Some("Activate"), None, late).state(), Modified);
        assert_eq!(facts(Some("Deactivate"), late, early).state(), Unpublished);
        assert!(Modified.is_published() && UpToDate.is_published());
        assert!(!Unpublished.is_published() && !NeverPublished.is_published());
    }

    #[test]
    fn hits_and_content_nodes_say_the_tier_asked() {
        let hits = vec![
            json!({"jcr:path": "/content/dam/a.jpg", "jcr:content": {
                "jcr:lastModified": "2026-01-01T10:00:00.000Z",
                "cq:lastReplicated": "2026-01-02T10:00:00.000Z",
                "cq:lastReplicationAction": "Activate",
                "cq:lastReplicatedBy": "tech@example",
            }}),
            json!({"jcr:path": "/content/dam/b.jpg", "jcr:content": {
                "jcr:lastModified": "Thu Jan 01 2026 10:00:00 GMT+0000"}}),
        ];
        let found = publications_of(&hits, Agent::Publish);
        assert_eq!(
            found["/content/dam/a.jpg"].state(),
            PublicationState::UpToDate
        );
        assert_eq!(
            found["/content/dam/a.jpg"].by.as_deref(),
            Some("tech@example")
        );
        assert_eq!(
            found["/content/dam/b.jpg"].state(),
            PublicationState::NeverPublished
        );
        assert_eq!(
            found["/content/dam/b.jpg"].modified.as_deref(),
            Some("2026-01-01T10:00:00Z")
        );
        let preview = publications_of(&hits, Agent::Preview);
        assert_eq!(
            preview["/content/dam/a.jpg"].state(),
            PublicationState::NeverPublished
        );
    }

    #[test]
    fn the_form_and_the_query_stay_within_their_limits() {
        let form = replicate_form(
            Replication::Publish,
            Agent::Preview,
            &["/content/dam/a b.jpg"],
        );
        assert_eq!(
            form,
            "_charset_=utf-8&cmd=Activate&agentId=preview&path=%2Fcontent%2Fdam%2Fa+b.jpg"
        );
        let paths: Vec<String> = (0..500)
            .map(|n| format!("/content/dam/brand/en/section/folder-{n}/asset-{n:05}.jpg"))
            .collect();
        let refs: Vec<&str> = paths.iter().map(String::as_str).collect();
        let n = fits_in_state_query(&refs);
        assert!(n > 20 && n < 500, "{n}");
        assert!(
            query_len(&state_query(&refs[..n], Agent::Preview)) <= crate::batch::MAX_CHECK_QUERY
        );
    }
}
