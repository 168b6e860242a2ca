//! Which assets of a scope's folder a run touches: its filters ([`ScopeFilters`]: subfolders,
//! name and format patterns, a search or a list, content fragments) and the name pattern's
//! glob. A leaf: it imports nothing else of the scope or the spec.
//!
//! Not here: the scope's folder and its checks (`chosen.rs`), the search's conditions (`mod.rs`).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::ScopeSource;

/// Which assets of the folder a run touches.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ScopeFilters {
    /// Include the assets of subfolders, at any depth.
    pub recursive: bool,
    /// Only assets whose name matches this pattern (`*` and `?`, case-insensitive).
    #[serde(default)]
    pub name: Option<String>,
    /// Only assets whose `dc:format` matches one of these (`image/*`, `application/pdf`).
    #[serde(default)]
    pub formats: Vec<String>,
    /// Assets chosen by a search under the folder or by a list, rather than all the folder's
    /// assets; absent for a folder scope (and in journals written before scopes existed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub selection: Option<ScopeSource>,
    /// The run edits content fragments (AEM's Sites API), not assets: the folder's fragments
    /// (its whole subtree), of one model when one is named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub fragments: Option<FragmentScope>,
}

/// Which content fragments of the folder (or of a list) a run edits.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FragmentScope {
    /// Only fragments of this model (its name, title or id); every model when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub model: Option<String>,
}

impl ScopeFilters {
    /// Whether an asset named `name` is in scope (the format is checked separately). Used by
    /// the preview and the scope count alike, so both select the same assets.
    pub fn name_matches(&self, name: &str) -> bool {
        self.name
            .as_deref()
            .is_none_or(|pattern| glob_match(pattern, name))
    }

    /// Whether `format` (`dc:format`; `None` when unknown) passes the format filter.
    pub fn format_matches(&self, format: Option<&str>) -> bool {
        self.formats.is_empty()
            || format.is_some_and(|f| self.formats.iter().any(|p| glob_match(p, f)))
    }
}

/// `*` any run of characters, `?` one character; case-insensitive.
pub fn glob_match(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.to_lowercase().chars().collect();
    let t: Vec<char> = text.to_lowercase().chars().collect();
    let (mut pi, mut ti) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some((pi, ti));
            pi += 1;
        } else if let Some((sp, st)) = star {
            pi = sp + 1;
            ti = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|c| *c == '*')
}
