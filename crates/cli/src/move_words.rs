//! What a move's run plans and did, in words: each asset's old → new path, its state and why,
//! the pages that use it and whether each is on the website. Shared by `move` and every run
//! summary (`bulk resume`, `bulk undo`, `runs show`), which print it from the summary's
//! operation view.
//!
//! Not here: the command's flags (`move_cmd.rs`).

use metadesk_core::bulk::moves::{MoveState, MoveView};
use metadesk_core::bulk::replay::RunStatus;
use metadesk_core::bulk::runs::RunSummary;
use metadesk_core::i18n::{Localizer, arg, count};

/// The rows a terminal shows before saying how many more there are.
const SHOWN: usize = 200;

/// The operation's lines of `summary`, if it has one: a move's here, an upload's undo's and a
/// tag import's undo's in their own words' files.
pub fn print_op(summary: &RunSummary, l: &Localizer) {
    let Some(op) = &summary.op else {
        return;
    };
    if let Some(view) = op.as_move() {
        print_move(view, l);
    } else if let Some(view) = op.as_upload_undo() {
        crate::upload_undo_words::print_view(view, l);
    } else if let Some(view) = op.as_tag_import_undo() {
        if summary.status == RunStatus::Previewed {
            crate::tag_import_words::print_undo_plan(view, l);
        } else if let Some(undone) = metadesk_core::app::TagImportUndone::of(summary) {
            let unfinished =
                (summary.status != RunStatus::Completed).then_some(summary.id.as_str());
            crate::tag_import_words::print_undone(&undone, unfinished, l);
        }
    }
}

fn print_move(view: &MoveView, l: &Localizer) {
    let c = &view.counts;
    println!(
        "{}",
        l.msg(
            "cli-move-counts",
            &[
                ("planned", count(c.planned as f64)),
                ("moved", count(c.done as f64)),
                ("refused", count(c.refused as f64)),
                ("left", count(c.left_alone as f64)),
                ("failed", count(c.failed as f64)),
                ("pending", count(c.pending as f64)),
                ("pages", count(view.pages as f64)),
                ("folders", count(view.folders_made as f64)),
            ],
        )
    );
    if view.pages_left > 0 {
        let left = count(view.pages_left as f64);
        println!("{}", l.msg("cli-move-pages-left", &[("count", left)]));
    }
    for row in view.rows.iter().take(SHOWN) {
        let state = l.text(match row.state {
            MoveState::Refused => "cli-move-state-refused",
            MoveState::Planned => "cli-move-state-planned",
            MoveState::InDoubt => "cli-move-state-in-doubt",
            MoveState::Moved => "cli-move-state-moved",
            MoveState::LeftAlone => "cli-move-state-left-alone",
            MoveState::Failed => "cli-move-state-failed",
        });
        let website = if row.published {
            format!("  ({})", l.text("cli-move-on-website"))
        } else {
            String::new()
        };
        println!("  {} → {}  [{state}]{website}", row.from, row.to);
        if let Some(reason) = &row.reason {
            println!("      {}", reason.localized(l));
        }
        for page in &row.pages {
            let id = match (page.adjust, page.published) {
                (true, Some(false)) => "cli-move-page-adjusted",
                (true, _) => "cli-move-page-adjusted-live",
                (false, _) => "cli-move-page-kept",
            };
            println!("      {}", l.msg(id, &[("page", arg(page.path.as_str()))]));
        }
    }
    if view.rows.len() > SHOWN {
        let more = count((view.rows.len() - SHOWN) as f64);
        println!("{}", l.msg("cli-move-more", &[("count", more)]));
    }
}
