//! [`Gated`]: the one lister's requests (`scope_walk::Asker`: a walk's listings, QueryBuilder
//! and OpenAPI search pages, a list's lookups) sent through the run's gate, as every request of
//! a run is.
//!
//! Not here: what is listed (`listed.rs`, `searched.rs`, `publishing.rs`).

use super::context::{Ctx, Failure};
use crate::scope_walk::Asker;
use metadesk_assets::CallError;
use metadesk_assets::folders::Listed;
use metadesk_assets::open_search::OpenPage;
use metadesk_assets::search::SearchPage;
use serde_json::Value;

/// A run's listing and search requests, sent through its gate.
pub(super) struct Gated<'a>(pub(super) &'a Ctx);

impl Asker for Gated<'_> {
    async fn list(&self, folder: String, offset: u64, limit: u64) -> Listed {
        let ctx = self.0;
        match ctx.call(|| ctx.aem.list(&folder, offset, limit)).await {
            Ok(page) => Listed::Page(page),
            Err(Failure::Cancelled) => Listed::Cancelled,
            Err(Failure::Call(error, attempts)) => Listed::Failed { error, attempts },
        }
    }

    async fn search(
        &self,
        params: Vec<(String, String)>,
    ) -> std::result::Result<Option<SearchPage>, CallError> {
        let ctx = self.0;
        page(ctx.call(|| ctx.aem.search(&params)).await)
    }

    async fn open_search(&self, body: Value) -> std::result::Result<Option<OpenPage>, CallError> {
        let ctx = self.0;
        page(ctx.call(|| ctx.aem.open_search(&body)).await)
    }

    async fn node(&self, path: String) -> std::result::Result<Value, CallError> {
        let ctx = self.0;
        match ctx.call(|| ctx.aem.node_json(&path, "1")).await {
            Ok(node) => Ok(node),
            Err(Failure::Call(e, _)) => Err(e),
            Err(Failure::Cancelled) => Err(CallError::Transient("cancelled".into())),
        }
    }
}

/// A search page as an asker answers it: `None` once the run is cancelled.
fn page<T>(answer: Result<T, Failure>) -> std::result::Result<Option<T>, CallError> {
    match answer {
        Ok(page) => Ok(Some(page)),
        Err(Failure::Cancelled) => Ok(None),
        Err(Failure::Call(error, _)) => Err(error),
    }
}
