//! A preview as the window asks it: [`PreviewAsk`], one request for every run the window
//! previews (an edit, a fragments edit, a publication, a move, a tag change, a tag import, a
//! tag rename, and the undo, retry or republish of a run), opened on the connection it names
//! or on the run's own, then planned by the core's [`Workspace::preview`] (a move's, a tag
//! change's, a tag import's and a rename's by their own use cases). The window's one `preview`
//! command takes it.
//!
//! Not here: what each preview plans (`previews.rs` and each operation's file); the previews
//! with shapes of their own (an upload's files, a sheet's rows).

use serde::Deserialize;
use ts_rs::TS;

use metadesk_bulk::{Agent, RunSummary};
use metadesk_clients::error::Result;

use super::previews::OnProgress;
use super::{
    ConnectionChoice, FragmentEdit, FragmentRequest, MoveRequest, PreviewRequest, PublishRequest,
    RunAction, ScopeEditsRequest, TagChangeRequest, TagRenameRequest, Workspace,
};

/// What the window asks to preview, on which connection (named, or the run's own).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(tag = "what", rename_all = "camelCase")]
pub enum PreviewAsk {
    /// Edits on the person's scope.
    Edit(ScopeEditsRequest),
    /// An edit of content fragments' fields.
    Fragments(FragmentRequest),
    /// Publishing or unpublishing the person's scope.
    Publish(PublishRequest),
    /// Moving or renaming assets.
    Move(MoveRequest),
    /// A tag merged, moved or deleted, with the assets under a folder that hold it.
    TagChange(TagChangeRequest),
    /// The taxonomy sheet held under `sheet_id` (dropped or picked) imported; what it writes
    /// is read back with `Workspace::tag_import_run`.
    #[serde(rename_all = "camelCase")]
    TagImport {
        connection_id: String,
        sheet_id: String,
    },
    /// A tag's titles changed; what it writes is read back as a tag import's.
    #[serde(rename_all = "camelCase")]
    TagRename {
        connection_id: String,
        request: TagRenameRequest,
    },
    /// The run of the upload preview held under `preview_id` (its files read and compared by
    /// `Workspace::preview_held_upload`), journaled and not yet sent.
    #[serde(rename_all = "camelCase")]
    Upload {
        connection_id: String,
        preview_id: String,
    },
    /// The undo of run `run_id`, on its own connection.
    #[serde(rename_all = "camelCase")]
    Undo { run_id: String },
    /// The same edits again on what failed in run `run_id`, on its own connection.
    #[serde(rename_all = "camelCase")]
    Retry { run_id: String },
    /// Republishing to `agent`'s tier what run `run_id` changed.
    #[serde(rename_all = "camelCase")]
    Republish { run_id: String, agent: Agent },
}

impl Workspace {
    /// Previews what the window asks: opens its connection, then plans the run (journaled,
    /// nothing written to AEM).
    pub async fn preview_asked(
        &self,
        ask: PreviewAsk,
        on_progress: OnProgress<'_>,
    ) -> Result<RunSummary> {
        let (connection, request) = match ask {
            PreviewAsk::Edit(ScopeEditsRequest { scope, edits }) => {
                // The core makes the run's scope of the person's, once, before anything is read.
                let run_scope = scope.run_scope()?;
                let edit = PreviewRequest::Edit {
                    scope: run_scope,
                    edits,
                };
                (ConnectionChoice::stored(scope.connection_id), edit)
            }
            PreviewAsk::Fragments(request) => {
                let FragmentRequest {
                    connection_id,
                    folder,
                    model,
                    list,
                    edits,
                } = request;
                let edit = FragmentEdit {
                    folder,
                    model,
                    list,
                    edits,
                };
                let fragments = PreviewRequest::Fragments(edit);
                (ConnectionChoice::stored(connection_id), fragments)
            }
            PreviewAsk::Publish(PublishRequest {
                scope,
                replication,
                agent,
            }) => {
                let publish = PreviewRequest::Publish {
                    scope: scope.run_scope()?,
                    replication,
                    agent,
                };
                (ConnectionChoice::stored(scope.connection_id), publish)
            }
            PreviewAsk::Move(request) => {
                let connection = ConnectionChoice::stored(request.connection_id().to_owned());
                let ask = self.move_ask(request)?;
                let opened = self.open(connection).await?;
                return self.preview_move(&opened, ask).await;
            }
            PreviewAsk::TagChange(TagChangeRequest {
                connection_id,
                change,
                under,
            }) => {
                let opened = self.open(ConnectionChoice::stored(connection_id)).await?;
                return self
                    .preview_tag_change(&opened, &change, &under, on_progress)
                    .await;
            }
            PreviewAsk::TagImport {
                connection_id,
                sheet_id,
            } => {
                let opened = self.open(ConnectionChoice::stored(connection_id)).await?;
                let preview = self.preview_held_tag_import(&opened, &sheet_id).await?;
                return self.run_summary(&preview.run_id).await;
            }
            PreviewAsk::TagRename {
                connection_id,
                request,
            } => {
                let opened = self.open(ConnectionChoice::stored(connection_id)).await?;
                let preview = self.preview_tag_rename(&opened, &request).await?;
                return self.run_summary(&preview.run_id).await;
            }
            PreviewAsk::Upload {
                connection_id,
                preview_id,
            } => {
                let opened = self.open(ConnectionChoice::stored(connection_id)).await?;
                return self.start_held_upload(&opened, &preview_id).await;
            }
            PreviewAsk::Undo { run_id } => {
                let opened = self.open_run_s_own(&run_id, RunAction::Undo).await?;
                let undo = PreviewRequest::Undo { of: run_id };
                return self.preview(&opened, undo, on_progress).await;
            }
            PreviewAsk::Retry { run_id } => {
                let opened = self.open_run_s_own(&run_id, RunAction::Retry).await?;
                let retry = PreviewRequest::Retry { of: run_id };
                return self.preview(&opened, retry, on_progress).await;
            }
            PreviewAsk::Republish { run_id, agent } => {
                let opened = self.open_run_s_own(&run_id, RunAction::Republish).await?;
                let republish = PreviewRequest::Republish { of: run_id, agent };
                return self.preview(&opened, republish, on_progress).await;
            }
        };
        let opened = self.open(connection).await?;
        self.preview(&opened, request, on_progress).await
    }

    /// The connection run `run_id` was made with, opened to `to` it.
    async fn open_run_s_own(&self, run_id: &str, to: RunAction) -> Result<super::Opened> {
        let (_, opened) = self
            .open_for_run(run_id, ConnectionChoice::runs_own(), to)
            .await?;
        Ok(opened)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The window's requests, as its `ipc/commands.ts` sends them, each read as the preview it
    /// names (the tag and the fields side by side, a move's options flattened beside its
    /// source).
    #[test]
    fn each_preview_the_window_sends_is_read_as_the_one_it_names() {
        let read = |json: serde_json::Value| serde_json::from_value::<PreviewAsk>(json).unwrap();
        let undo = read(serde_json::json!({"what": "undo", "runId": "r1"}));
        assert_eq!(
            undo,
            PreviewAsk::Undo {
                run_id: "r1".into()
            }
        );
        let republish =
            read(serde_json::json!({"what": "republish", "runId": "r2", "agent": "preview"}));
        assert_eq!(
            republish,
            PreviewAsk::Republish {
                run_id: "r2".into(),
                agent: Agent::Preview
            }
        );
        let upload =
            read(serde_json::json!({"what": "upload", "connectionId": "c1", "previewId": "p1"}));
        assert_eq!(
            upload,
            PreviewAsk::Upload {
                connection_id: "c1".into(),
                preview_id: "p1".into()
            }
        );
        let folder =
            serde_json::json!({"kind": "folder", "folder": "/content/dam/a", "recursive": true});
        let scope = serde_json::json!({"connectionId": "c1", "scope": folder});
        let edit = read(serde_json::json!({"what": "edit", "scope": scope, "edits": []}));
        assert!(matches!(edit, PreviewAsk::Edit(r) if r.scope.connection_id == "c1"));
        let moved = read(serde_json::json!({
            "what": "move",
            "from": {"kind": "sheet", "connectionId": "c2", "sheetId": "s1"},
        }));
        assert!(matches!(moved, PreviewAsk::Move(r) if r.connection_id() == "c2"));
        let rename = read(serde_json::json!({
            "what": "tagRename", "connectionId": "c3",
            "request": {"tag": "ns:a", "title": "A", "titles": {"fr": "A fr"}},
        }));
        assert!(
            matches!(rename, PreviewAsk::TagRename { request, .. } if request.titles["fr"] == "A fr")
        );
        let import =
            read(serde_json::json!({"what": "tagImport", "connectionId": "c4", "sheetId": "s2"}));
        assert!(matches!(import, PreviewAsk::TagImport { sheet_id, .. } if sheet_id == "s2"));
        let unknown = serde_json::from_value::<PreviewAsk>(serde_json::json!({"what": "delete"}));
        assert!(unknown.is_err());
    }
}
