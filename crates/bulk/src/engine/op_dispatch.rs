//! Which write an operation's run goes through: the one place the engine tells its operations
//! apart (`OpPlan`). Each runs through the driver (`operating.rs`) except an upload's files,
//! whose three stages go side by side (`upload.rs`; its folders go through the driver).
//!
//! Not here: the driver, any one operation's check and write, the apply's frame (`mod.rs`).

use std::sync::Arc;

use metadesk_base::i18n::SavedText;
use metadesk_clients::error::{Error, Result};

use super::context::Ctx;
use super::{operating, tag_importing, tag_unimporting, upload};
use crate::progress::ProgressFn;
use crate::replay::Replay;
use crate::spec::OpPlan;

/// Sends what is left of `replay`'s operation. `Some(why)` when a row was refused or could not
/// be checked (the others went): a resume tries again.
pub(super) async fn apply(
    ctx: &Arc<Ctx>,
    replay: &Replay,
    on_progress: ProgressFn<'_>,
) -> Result<Option<SavedText>> {
    match &replay.spec.op {
        Some(OpPlan::Move(plan)) => {
            operating::run(ctx, plan, &replay.parts, Some(on_progress)).await
        }
        Some(OpPlan::TagImport(plan)) => {
            let op = tag_importing::TagImport::new(plan, &replay.parts);
            operating::run(ctx, &op, &replay.parts, Some(on_progress)).await
        }
        Some(OpPlan::Upload(plan)) => upload::apply(ctx, plan, &replay.parts).await,
        Some(OpPlan::UploadUndo(plan)) => {
            operating::run(ctx, plan, &replay.parts, Some(on_progress)).await
        }
        Some(OpPlan::TagImportUndo(plan)) => {
            // Without the exact reads of what holds a tag, no created tag may be removed.
            let Some(holders) = ctx.tag_holders.as_deref() else {
                return Err(Error::Internal(
                    "a tag import's undo needs what finds a tag's holders".into(),
                ));
            };
            let op = tag_unimporting::TagUndo {
                plan,
                holders,
                control: &ctx.control,
            };
            operating::run(ctx, &op, &replay.parts, Some(on_progress)).await
        }
        // A tag change's rows are its assets' edits (`batched.rs`), its step `tag_step.rs`.
        Some(OpPlan::TagChange(_)) | None => Ok(None),
    }
}
