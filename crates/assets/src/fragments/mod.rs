//! Content fragments through AEM's Sites OpenAPI (`/adobe/sites/cf/fragments`), behind
//! [`AssetsApi`] so the bulk engine previews, applies, undoes and resumes fragment edits as it
//! does asset edits. A fragment's fields are its "properties": each by its name, single fields
//! as one text, multiple fields as a list; the fragment's own title and description as
//! [`TITLE`] and [`DESCRIPTION`] (the names AEM gives them on the fragment's node).
//!
//! Wire (<https://adobe-sites.redoc.ly/>): pages of at most 50 with a `cursor`; a
//! read gives the fragment with its `ETag`; a write is a JSON Patch of `/title`,
//! `/description` and `/fields/<index>/values`, sent with `If-Match`, where `<index>` is the
//! field's position in the representation that ETag names. So a write always patches against
//! the representation of the read it is conditioned on (kept from that read, or read again).
//!
//! A real AEM's hazards, met here: nothing bounds how many pages a list gives (a repeated
//! cursor or more than [`MAX_PAGES`] pages stops it, in words), ETags can be very long (past
//! [`MAX_ETAG_BYTES`] a fragment is refused), and builds before release 21331 answer 412 to a
//! patch carrying the ETag their own GET just gave (said in words, never retried).
//!
//! What a client learns (ids, representations, cursors) lives as long as the client: the core
//! opens one per use case, so it is freed when the run ends.
//!
//! Not here: which fragments a run edits or what it writes (`bulk`), the fields' schema in the
//! faces' words (`metadesk_core`).

use std::collections::{HashMap, HashSet};
use std::sync::{Mutex, PoisonError};

use reqwest::Method;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};
use ts_rs::TS;

use crate::publication::{Agent, Publication, PublicationState, Replication};
use crate::{
    AssetRef, AssetsApi, CallError, Current, Entry, EntryKind, Page, Write, json_or_error,
    problem_detail,
};
use metadesk_base::i18n::{Part, Text};
use metadesk_clients::aem::AemClient;
use metadesk_clients::aem::auth::BoxFuture;
use metadesk_credentials::credentials::ApiFamily;

/// The most fragments a page of the list gives (the API's cap).
pub const PAGE: u64 = 50;
/// The most pages one list follows: 50,000 fragments, far beyond a folder a person edits in
/// one run, while what is kept of them stays in the tens of megabytes.
pub const MAX_PAGES: usize = 1_000;
/// The longest ETag taken, in bytes. AEM's are short hashes; web servers commonly refuse a
/// request header line past 8 KB (Apache's `LimitRequestFieldSize` is 8190), so a longer one
/// could not be sent back as `If-Match` anyway, and it is kept per fragment in memory and in
/// the journal.
pub const MAX_ETAG_BYTES: usize = 8 * 1024;

mod publish;
mod wire;

pub use wire::{
    DESCRIPTION, Field, FieldType, Fragment, Model, ModelField, ModelRef, TITLE, parse_fragment,
    parse_model, schema_of,
};
use wire::{text_of, typed, unusable};

/// What a person knows a content fragment by, where an asset is known by its file name: its
/// title and its model's (its model's name when it has no title). Previews and reports show
/// them beside the fragment's path, as the fragments' list does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FragmentName {
    pub title: String,
    pub model: String,
}

/// What is known of a fragment from the last list page or read that showed it.
#[derive(Debug, Clone)]
struct Known {
    id: String,
    /// Its model's title (its name when it has none).
    model: String,
    /// Where it stood on the website when listed or read ([`Fragment::publication`]).
    publication: Option<PublicationState>,
    /// The read whose representation `fields` is, when it came from a read.
    etag: Option<String>,
    fields: Vec<(String, FieldType)>,
}

/// The Sites API of one connection (an OAuth Server-to-Server one), fragments of one model or
/// of all.
pub struct FragmentsApi {
    client: AemClient,
    model: Option<String>,
    known: Mutex<HashMap<String, Known>>,
    /// Where a list's next page starts, by folder and the offset the engine asks for it with.
    cursors: Mutex<HashMap<(String, u64), String>>,
    /// How this AEM lists a folder, as learnt from its answers (see [`FragmentsApi::list`]).
    listing: Mutex<Listing>,
}

/// What the lists so far showed: whether a folder's list holds its subfolders' fragments; and,
/// for the walk under way, the fragments and subfolders handed out (a fragment is never handed
/// out twice in one walk).
#[derive(Default)]
struct Listing {
    subtrees: bool,
    handed: HashSet<String>,
    subfolders: HashSet<String>,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl FragmentsApi {
    /// `model` (a name, title or id) keeps only that model's fragments in every list.
    pub fn new(client: AemClient, model: Option<String>) -> Self {
        FragmentsApi {
            client,
            model: model.filter(|m| !m.trim().is_empty()),
            known: Mutex::new(HashMap::new()),
            cursors: Mutex::new(HashMap::new()),
            listing: Mutex::new(Listing::default()),
        }
    }

    fn url(&self, segments: &[&str]) -> Result<url::Url, CallError> {
        // Ids come from AEM's answers: one with a tab would lose it in the URL.
        crate::check_segments(&segments.join("/"), segments.iter().copied())?;
        let mut url = self.client.url("/").map_err(CallError::from_aem)?;
        url.path_segments_mut()
            .map_err(|()| CallError::Rejected {
                status: 0,
                detail: Text::plain("assets-no-path"),
            })?
            .clear()
            .extend(["adobe", "sites", "cf"])
            .extend(segments);
        Ok(url)
    }

    async fn get_json(
        &self,
        url: url::Url,
    ) -> Result<(Value, reqwest::header::HeaderMap), CallError> {
        let response = self
            .client
            .send(Method::GET, url, |r| {
                r.header("X-Adobe-Accept-Experimental", "1")
            })
            .await
            .map_err(CallError::from_aem)?;
        json_or_error(response, problem_detail).await
    }

    fn remember(&self, fragment: &Fragment, etag: Option<String>) {
        let fields = fragment
            .fields
            .iter()
            .map(|f| (f.name.clone(), f.kind.clone()))
            .collect();
        lock(&self.known).insert(
            fragment.path.clone(),
            Known {
                id: fragment.id.clone(),
                model: fragment.model.shown().to_owned(),
                publication: fragment.publication(),
                etag,
                fields,
            },
        );
    }

    /// One page of the fragments under `folder` (its whole subtree), of every model; `cursor`
    /// from the page before.
    pub async fn page(
        &self,
        folder: &str,
        cursor: Option<&str>,
        limit: u64,
    ) -> Result<(Vec<Fragment>, Option<String>), CallError> {
        let mut url = self.url(&["fragments"])?;
        {
            let mut q = url.query_pairs_mut();
            q.append_pair("path", folder)
                .append_pair("limit", &limit.clamp(1, PAGE).to_string());
            if let Some(cursor) = cursor {
                q.append_pair("cursor", cursor);
            }
        }
        let (body, _) = self.get_json(url).await?;
        let items = body
            .get("items")
            .and_then(Value::as_array)
            .ok_or_else(|| unusable("items"))?;
        let fragments = items
            .iter()
            .map(parse_fragment)
            .collect::<Result<Vec<_>, _>>()?;
        for f in &fragments {
            self.remember(f, None);
        }
        let next = body
            .get("cursor")
            .and_then(Value::as_str)
            .filter(|c| !c.is_empty())
            .map(str::to_owned);
        Ok((fragments, next))
    }

    /// Every fragment under `folder`, every page read (of the chosen model, when there is one).
    /// A cursor given twice, or more than [`MAX_PAGES`] pages, stops it in words.
    pub async fn all(&self, folder: &str) -> Result<Vec<Fragment>, CallError> {
        let mut out = Vec::new();
        let mut handed = HashSet::new();
        let mut folders = vec![folder.to_owned()];
        while let Some(folder) = folders.pop() {
            let mut cursor: Option<String> = None;
            let mut seen = HashSet::new();
            let mut pages = 0;
            loop {
                pages += 1;
                if pages > MAX_PAGES {
                    return Err(too_many_pages(&folder));
                }
                let (page, next) = self.page(&folder, cursor.as_deref(), PAGE).await?;
                let first = cursor.is_none();
                let subtrees = self.learn_subtrees(&folder, &page);
                out.extend(
                    page.into_iter()
                        .filter(|f| handed.insert(f.path.clone()) && self.wanted(f)),
                );
                if first && !subtrees {
                    folders.extend(self.subfolders(&folder).await?.into_iter().map(|e| e.path));
                }
                match next {
                    Some(next) if !seen.insert(next.clone()) => return Err(same_cursor(&folder)),
                    Some(next) => cursor = Some(next),
                    None => break,
                }
            }
        }
        Ok(out)
    }

    /// Whether this AEM is known to list subtrees: a fragment below a subfolder was in a list
    /// (this `page` of `folder`'s, or one before).
    fn learn_subtrees(&self, folder: &str, page: &[Fragment]) -> bool {
        let own = folder.trim_end_matches('/');
        let mut listing = lock(&self.listing);
        listing.subtrees |= page.iter().any(|f| {
            f.path
                .rsplit_once('/')
                .is_some_and(|(parent, _)| parent != own)
        });
        listing.subtrees
    }

    /// `folder`'s subfolders, from the Folders API: where AEM may list a folder's own
    /// fragments only (UNCONFIRMED which it does), they are listed too. A subfolder list that
    /// fails is an error: a partial read is never the whole.
    async fn subfolders(&self, folder: &str) -> Result<Vec<Entry>, CallError> {
        crate::folders_api::all_subfolders(&self.client, folder)
            .await
            .map_err(|partial| partial.error)
    }

    fn wanted(&self, fragment: &Fragment) -> bool {
        self.model.as_deref().is_none_or(|m| fragment.model.is(m))
    }

    /// A model's definition (labels, required, options).
    pub async fn model(&self, id: &str) -> Result<Model, CallError> {
        let (body, _) = self.get_json(self.url(&["models", id])?).await?;
        Ok(parse_model(&body))
    }

    /// One fragment, with the ETag of this read; refused when that ETag is longer than
    /// [`MAX_ETAG_BYTES`].
    pub async fn fragment(&self, id: &str) -> Result<(Fragment, Option<String>), CallError> {
        let (body, headers) = self.get_json(self.url(&["fragments", id])?).await?;
        let fragment = parse_fragment(&body)?;
        let etag = crate::etag_of(&headers);
        if let Some(long) = etag.as_ref().filter(|e| e.len() > MAX_ETAG_BYTES) {
            return Err(ours(Text::new(
                "fragments-etag-too-long",
                vec![
                    ("path", fragment.path.as_str().into()),
                    ("bytes", Part::from(long.len() as f64)),
                    ("most", Part::from(MAX_ETAG_BYTES as f64)),
                ],
            )));
        }
        self.remember(&fragment, etag.clone());
        Ok((fragment, etag))
    }

    /// The id of the fragment at `path`: known from a list page, else asked (a list of that
    /// path, which holds the fragment alone).
    async fn id_of(&self, asset: &AssetRef) -> Result<String, CallError> {
        if let Some(id) = &asset.id {
            return Ok(id.clone());
        }
        if let Some(known) = lock(&self.known).get(&asset.path) {
            return Ok(known.id.clone());
        }
        let (page, _) = self.page(&asset.path, None, 1).await?;
        page.into_iter()
            .find(|f| f.path == asset.path)
            .map(|f| f.id)
            .ok_or(CallError::NotFound)
    }

    /// The JSON Patch of `writes` against the representation whose fields are `fields`.
    fn patch_of(
        fields: &[(String, FieldType)],
        writes: &[Write],
        path: &str,
    ) -> Result<Value, CallError> {
        let refused = |field: &str, value: &str| CallError::Rejected {
            status: 0,
            detail: Text::new(
                "fragments-value-refused",
                vec![
                    ("field", field.into()),
                    ("value", value.into()),
                    ("path", path.into()),
                ],
            ),
        };
        let mut ops = Vec::with_capacity(writes.len());
        for w in writes {
            let text = |v: &Option<Value>| match v {
                None | Some(Value::Null) => String::new(),
                Some(Value::Array(items)) => {
                    items.iter().map(text_of).collect::<Vec<_>>().join(", ")
                }
                Some(v) => text_of(v),
            };
            if w.property == TITLE || w.property == DESCRIPTION {
                let at = if w.property == TITLE {
                    "/title"
                } else {
                    "/description"
                };
                ops.push(json!({"op": "replace", "path": at, "value": text(&w.value)}));
                continue;
            }
            let Some(index) = fields.iter().position(|(name, _)| *name == w.property) else {
                return Err(CallError::Rejected {
                    status: 0,
                    detail: Text::new(
                        "fragments-no-such-field",
                        vec![("field", w.property.as_str().into()), ("path", path.into())],
                    ),
                });
            };
            let kind = &fields[index].1;
            let texts: Vec<String> = match &w.value {
                None | Some(Value::Null) => Vec::new(),
                Some(Value::Array(items)) => items.iter().map(text_of).collect(),
                Some(v) => vec![text_of(v)],
            };
            if !kind.multiple && texts.len() > 1 {
                return Err(refused(&w.property, &texts.join(", ")));
            }
            let values = texts
                .iter()
                .map(|t| typed(kind, t).ok_or_else(|| refused(&w.property, t)))
                .collect::<Result<Vec<_>, _>>()?;
            ops.push(json!({
                "op": "replace",
                "path": format!("/fields/{index}/values"),
                "value": values,
            }));
        }
        Ok(Value::Array(ops))
    }

    async fn patch(
        &self,
        asset: &AssetRef,
        writes: &[Write],
        if_match: Option<&str>,
    ) -> Result<Option<String>, CallError> {
        let id = self.id_of(asset).await?;
        // The indexes of a patch are those of the representation its ETag names: the one kept
        // from the read the write is conditioned on, else a read now (which must still be it).
        let kept = lock(&self.known)
            .get(&asset.path)
            .filter(|k| k.etag.is_some() && k.etag.as_deref() == if_match)
            .map(|k| (k.fields.clone(), k.etag.clone()));
        let (fields, etag) = match kept {
            Some(kept) => kept,
            None => {
                let (fragment, etag) = self.fragment(&id).await?;
                if if_match.is_some() && etag.as_deref() != if_match {
                    return Err(CallError::Conflict);
                }
                let fields = fragment
                    .fields
                    .iter()
                    .map(|f| (f.name.clone(), f.kind.clone()))
                    .collect();
                (fields, etag)
            }
        };
        let Some(etag) = etag else {
            // Never an unconditional write: AEM gave no ETag to send back.
            return Err(unusable("ETag"));
        };
        let body = Self::patch_of(&fields, writes, &asset.path)?;
        let url = self.url(&["fragments", &id])?;
        let (answer, headers) = match crate::send_json_patch(&self.client, url, &body, &etag).await
        {
            Err(CallError::Conflict) => return Err(self.refused_etag(&id, &etag, asset).await),
            answered => answered?,
        };
        // Too long to send back: the next write reads the fragment again.
        let new_etag = crate::etag_of(&headers).filter(|e| e.len() <= MAX_ETAG_BYTES);
        if let Ok(fragment) = parse_fragment(&answer) {
            self.remember(&fragment, new_etag.clone());
        }
        Ok(new_etag)
    }

    /// Why a patch carrying `sent` got 412. Read once more: a fragment nobody changed still
    /// gives the very ETag refused, which only AEM builds before 21331 do (their GET and PATCH
    /// disagree on ETags); retrying could never succeed, so it is said in words. Otherwise
    /// someone changed the fragment: a conflict, which the engine reads and decides on.
    async fn refused_etag(&self, id: &str, sent: &str, asset: &AssetRef) -> CallError {
        match self.fragment(id).await {
            Ok((_, Some(now))) if now == sent => ours(Text::new(
                "fragments-etag-refused-old-aem",
                vec![("path", asset.path.as_str().into())],
            )),
            Ok(_) => CallError::Conflict,
            Err(e) => e,
        }
    }

    /// The fields of the fragment at `path` known so far, by name.
    fn known_field(&self, property: &str) -> Option<FieldType> {
        lock(&self.known).values().find_map(|k| {
            k.fields
                .iter()
                .find(|(n, _)| n == property)
                .map(|(_, t)| t.clone())
        })
    }
}

/// A refusal of Metadesk's own, in its words alone (no status of AEM's to show).
fn ours(detail: Text) -> CallError {
    CallError::Rejected { status: 0, detail }
}

fn same_cursor(folder: &str) -> CallError {
    ours(Text::new(
        "fragments-same-cursor",
        vec![("folder", folder.into())],
    ))
}

fn too_many_pages(folder: &str) -> CallError {
    ours(Text::new(
        "fragments-too-many-pages",
        vec![
            ("folder", folder.into()),
            ("pages", Part::from(MAX_PAGES as f64)),
            ("fragments", Part::from((MAX_PAGES as u64 * PAGE) as f64)),
        ],
    ))
}

impl AssetsApi for FragmentsApi {
    fn family(&self) -> ApiFamily {
        ApiFamily::OpenApi
    }

    /// The fragments of `folder`'s subtree as assets (no subfolders: the list is the subtree).
    fn list<'a>(
        &'a self,
        folder: &'a str,
        offset: u64,
        limit: u64,
    ) -> BoxFuture<'a, Result<Page, CallError>> {
        Box::pin(async move {
            let cursor = if offset == 0 {
                None
            } else {
                let cursor = lock(&self.cursors)
                    .get(&(folder.to_owned(), offset))
                    .cloned();
                // A page asked out of order would silently restart the list.
                Some(cursor.ok_or_else(|| unusable("cursor"))?)
            };
            let (fragments, next) = self.page(folder, cursor.as_deref(), limit).await?;
            let read = fragments.len() as u64;
            let next_offset = match next {
                None => {
                    // The list's end: its cursors are of no more use.
                    lock(&self.cursors).retain(|(f, _), _| f != folder);
                    None
                }
                Some(next) => {
                    let mut cursors = lock(&self.cursors);
                    let mut pages = 1;
                    for ((f, _), cursor) in cursors.iter().filter(|((f, _), _)| f == folder) {
                        if *cursor == next {
                            return Err(same_cursor(f));
                        }
                        pages += 1;
                    }
                    if pages >= MAX_PAGES {
                        return Err(too_many_pages(folder));
                    }
                    let at = offset + read.max(1);
                    cursors.insert((folder.to_owned(), at), next);
                    Some(at)
                }
            };
            let subtrees = self.learn_subtrees(folder, &fragments);
            let fresh: Vec<Fragment> = {
                let mut listing = lock(&self.listing);
                // A walk starts at a folder no list handed out: what it hands out starts anew.
                if offset == 0 && !listing.subfolders.contains(folder) {
                    listing.handed.clear();
                    listing.subfolders.clear();
                }
                fragments
                    .into_iter()
                    .filter(|f| listing.handed.insert(f.path.clone()))
                    .collect()
            };
            let mut entries: Vec<Entry> = fresh
                .into_iter()
                .filter(|f| self.wanted(f))
                .map(|f| Entry {
                    metadata: Some(f.metadata()),
                    path: f.path,
                    name: f.name,
                    kind: EntryKind::Asset,
                })
                .collect();
            // The subfolders come with the first page, for a walk with subfolders to list
            // them too, unless this AEM lists subtrees; a fragment seen twice is handed out once.
            if offset == 0 && !subtrees {
                let subfolders = self.subfolders(folder).await?;
                lock(&self.listing)
                    .subfolders
                    .extend(subfolders.iter().map(|e| e.path.clone()));
                entries.extend(subfolders);
            }
            Ok(Page {
                entries,
                total: None,
                next_offset,
            })
        })
    }

    fn resolve_id<'a>(&'a self, path: &'a str) -> BoxFuture<'a, Result<Option<String>, CallError>> {
        Box::pin(async move {
            let asset = AssetRef {
                path: path.to_owned(),
                id: None,
            };
            self.id_of(&asset).await.map(Some)
        })
    }

    fn known_id(&self, path: &str) -> Option<String> {
        lock(&self.known).get(path).map(|k| k.id.clone())
    }

    fn fragment_name(&self, path: &str, metadata: &Map<String, Value>) -> Option<FragmentName> {
        let title = metadata
            .get(TITLE)
            .and_then(Value::as_str)
            .unwrap_or_default();
        let model = lock(&self.known)
            .get(path)
            .map(|k| k.model.clone())
            .unwrap_or_default();
        Some(FragmentName {
            title: title.to_owned(),
            model,
        })
    }

    /// The Sites API publishes fragments for an OAuth Server-to-Server client
    /// (`POST /cf/fragments/publish`), which AEM's replication servlet refuses.
    fn publishes(&self) -> bool {
        true
    }

    /// Read from the fragment's status (`publish.rs`): the Sites API says no more.
    fn publication<'a>(
        &'a self,
        path: &'a str,
        agent: Agent,
    ) -> BoxFuture<'a, Result<Publication, CallError>> {
        Box::pin(async move {
            publish::publish_tier_only(agent)?;
            let asset = AssetRef {
                path: path.to_owned(),
                id: None,
            };
            let id = self.id_of(&asset).await?;
            let (fragment, etag) = self.fragment(&id).await?;
            self.remember(&fragment, etag);
            fragment
                .publication_facts()
                .ok_or_else(|| unusable("status"))
        })
    }

    fn replicate<'a>(
        &'a self,
        replication: Replication,
        agent: Agent,
        paths: &'a [&'a str],
    ) -> BoxFuture<'a, Result<(), CallError>> {
        Box::pin(async move {
            publish::publish_tier_only(agent)?;
            let body = publish::request(replication, paths);
            let url = self.url(&["fragments", "publish"])?;
            let response = self
                .client
                .send(Method::POST, url, |r| r.json(&body))
                .await
                .map_err(CallError::from_aem)?;
            let (answer, _) = json_or_error(response, problem_detail).await?;
            publish::outcome(&answer, paths)
        })
    }

    fn known_publication(&self, path: &str) -> Option<PublicationState> {
        lock(&self.known).get(path).and_then(|k| k.publication)
    }

    fn read<'a>(&'a self, asset: &'a AssetRef) -> BoxFuture<'a, Result<Current, CallError>> {
        Box::pin(async move {
            let id = self.id_of(asset).await?;
            let (fragment, etag) = self.fragment(&id).await?;
            Ok(Current {
                metadata: fragment.metadata(),
                etag,
            })
        })
    }

    fn write<'a>(
        &'a self,
        asset: &'a AssetRef,
        writes: &'a [Write],
        if_match: Option<&'a str>,
    ) -> BoxFuture<'a, Result<Option<String>, CallError>> {
        Box::pin(self.patch(asset, writes, if_match))
    }

    /// A list item is the whole fragment: an empty field is not set.
    fn listing_carries(&self, _property: &str) -> bool {
        true
    }

    fn markup(&self, property: &str) -> bool {
        self.known_field(property).is_some_and(|t| t.is_html())
    }
}

#[cfg(test)]
mod tests;
