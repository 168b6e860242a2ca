//! The engine itself: what it holds (the connection, where its runs are kept, its settings, what
//! the core hands it) and how it is made. What it does lives beside: its entry points in
//! `mod.rs`, each operation's preview and apply in a file of its own.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use metadesk_assets::AssetsApi;

use super::settings::Settings;

/// Runs previews, applies, resumes and undos against one connection's Assets API.
pub struct Engine {
    pub(super) aem: Arc<dyn AssetsApi>,
    pub(super) runs_dir: PathBuf,
    pub(super) settings: Settings,
    /// The classic connection paired with an OAuth S2S one, named in the journal's found_by.
    pub(super) paired: Option<String>,
    /// The metadata schema of the run's folder, when it was read: a value a rule computes
    /// that its field does not allow skips that asset, with why.
    pub(super) schema: Option<Arc<metadesk_assets::schema::Schema>>,
    /// A folder's listings read while the run was being made (`listed.rs`, `listing_while`).
    pub(super) ahead: std::sync::Mutex<Option<crate::source::Source>>,
    /// What finds the holders of a tag, for a tag import's undo (the core's exact reads).
    pub(super) tag_holders: Option<Arc<dyn crate::tag_import_undo::TagHolders>>,
}

impl Engine {
    /// An engine writing journals under `{data}/runs`.
    pub fn new(aem: Arc<dyn AssetsApi>, runs_dir: impl Into<PathBuf>) -> Self {
        Engine {
            aem,
            runs_dir: runs_dir.into(),
            settings: Settings::default(),
            paired: None,
            schema: None,
            ahead: std::sync::Mutex::new(None),
            tag_holders: None,
        }
    }

    /// Gives a tag import's undo what finds the holders of a tag it would remove: without it,
    /// such an undo removes no tag.
    pub fn with_tag_holders(
        mut self,
        holders: Arc<dyn crate::tag_import_undo::TagHolders>,
    ) -> Self {
        self.tag_holders = Some(holders);
        self
    }

    /// Checks each value a rule computes against `schema` (the run's folder's) when planning.
    pub fn with_schema(mut self, schema: Option<Arc<metadesk_assets::schema::Schema>>) -> Self {
        self.schema = schema;
        self
    }

    /// Names the paired classic connection that lists and searches for this (OAuth S2S)
    /// connection, so that a run's journal says which connection found its assets.
    pub fn with_paired(mut self, paired: Option<String>) -> Self {
        self.paired = paired;
        self
    }

    pub fn with_settings(mut self, settings: Settings) -> Self {
        self.settings = settings;
        self
    }

    pub fn runs_dir(&self) -> &Path {
        &self.runs_dir
    }
}
