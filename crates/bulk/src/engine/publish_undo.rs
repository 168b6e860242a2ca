//! What a publish run journals of each asset's publication (the state just before its request,
//! and the state read back just after AEM answered it), and what may be done to that asset
//! later, from those and where it stands now: the undo of a publish unpublishes only what the
//! run published for the first time and whose publication is still the run's; the undo of an
//! unpublish republishes only what was published and up to date before the run, is still
//! unpublished by the run, and has not changed on author since; a resume does not send again
//! what someone else replicated after the run's request, and an undo's resume counts the
//! replication its own request landed as its own (`landed`). Everything else is left as it is,
//! with the reason in words; the undo of a republish names the edit whose undo gives the values
//! back (`decide_undo_of`).
//!
//! Not here: planning (`publishing.rs`) and sending (`replicating.rs`).

use std::collections::{HashMap, HashSet};
use std::path::Path;

use serde_json::{Map, Value, json};

use crate::journal::{Outcome, Record};
use crate::publish_words::ACTION_PROPERTY;
use metadesk_assets::publication::{Publication, PublicationState, Replication};
use metadesk_base::i18n::SavedText;
use metadesk_base::timefmt::parse_aem_time;
use metadesk_clients::error::Result;

/// Marks an intent whose state before is not known (journals written before every intent's
/// state was read from the repository): the undo leaves that asset as it is.
const STATE_UNKNOWN: &str = "publicationUnknown";
/// The reason an asset published before a publish run keeps its published version.
const KEPT: &str = "reason-publish-kept";
const AT: &str = "cq:lastReplicated";
const BY: &str = "cq:lastReplicatedBy";
const MODIFIED: &str = "jcr:lastModified";
/// The journal's name for the asset's metadata code ([`Publication::metadata`]).
const METADATA: &str = "metadesk:metadataCode";

/// What a publish run did to one asset, from its journal.
#[derive(Debug, Clone, Default)]
pub(super) struct DoneTo {
    /// Its publication just before the request (`None`: not known).
    pub(super) before: Option<Publication>,
    /// Its publication read back just after AEM answered the request (`None`: not read).
    pub(super) after: Option<Publication>,
    /// The request's outcome (`None`: in doubt, the process stopped before it was recorded).
    pub(super) outcome: Option<Outcome>,
}

/// What to do with one asset.
#[derive(Debug, PartialEq)]
pub(super) enum Verdict {
    Send,
    Unchanged(SavedText),
    Skip(SavedText),
}

/// The journal's record of a publication before a request.
pub(super) fn original_of(state: &Publication) -> Map<String, Value> {
    let text = |v: &Option<String>| v.as_ref().map_or(Value::Null, |v| json!(v));
    let mut original = Map::new();
    original.insert(ACTION_PROPERTY.to_owned(), text(&state.action));
    original.insert(AT.to_owned(), text(&state.at));
    original.insert(BY.to_owned(), text(&state.by));
    original.insert(MODIFIED.to_owned(), text(&state.modified));
    if state.metadata.is_some() {
        original.insert(METADATA.to_owned(), text(&state.metadata));
    }
    original
}

/// The publication an intent recorded, `None` when it was not known.
pub(super) fn before_of(original: &Map<String, Value>) -> Option<Publication> {
    if original.get(STATE_UNKNOWN).and_then(Value::as_bool) == Some(true) {
        return None;
    }
    let text = |name: &str| {
        original
            .get(name)
            .and_then(Value::as_str)
            .map(str::to_owned)
    };
    Some(Publication {
        action: text(ACTION_PROPERTY),
        at: text(AT),
        by: text(BY),
        modified: text(MODIFIED),
        metadata: text(METADATA),
    })
}

/// Each asset publish run `of` journaled an intent for (a request may have left), in its
/// order, with what the run did to it.
pub(super) fn done_by(runs_dir: &Path, of: &str) -> Result<Vec<(String, DoneTo)>> {
    let mut paths: HashMap<u64, String> = HashMap::new();
    let mut order = Vec::new();
    let mut seen = HashSet::new();
    let mut done: HashMap<u64, DoneTo> = HashMap::new();
    for record in crate::journal::read_records(&crate::runs::path_of(runs_dir, of)?)? {
        match record? {
            Record::Row(row) => {
                paths.insert(row.i, row.path);
            }
            // The first intent holds the state before the run (a resume sends again without
            // a second one).
            Record::Writing { i, original, .. } if seen.insert(i) => {
                order.push(i);
                done.entry(i).or_default().before = before_of(&original);
            }
            Record::Replicated { i, after } => done.entry(i).or_default().after = Some(after),
            Record::Outcome { i, outcome, .. } => {
                done.entry(i).or_default().outcome = Some(outcome)
            }
            _ => {}
        }
    }
    Ok(order
        .into_iter()
        .filter_map(|i| Some((paths.remove(&i)?, done.remove(&i).unwrap_or_default())))
        .collect())
}

/// Whether two reads show the same last replication.
pub(super) fn same_replication(a: &Publication, b: &Publication) -> bool {
    let action = |p: &Publication| p.action.as_deref().map(str::to_ascii_lowercase);
    action(a) == action(b) && a.at == b.at && a.by == b.by
}

/// Whether the state read after a request is that request's: its action, and not the
/// replication that stood before it (a read that AEM had not updated yet).
pub(super) fn is_after(
    after: &Publication,
    replication: Replication,
    before: Option<&Publication>,
) -> bool {
    after
        .action
        .as_deref()
        .is_some_and(|a| a.eq_ignore_ascii_case(replication.command()))
        && !before.is_some_and(|b| same_replication(after, b))
}

fn words(code: &str) -> SavedText {
    SavedText::new(code, [])
}

/// A replication someone did after the run's, in words: `code` with who and when.
pub(super) fn replicated_since(code: &str, now: &Publication) -> SavedText {
    SavedText::new(
        code,
        [
            ("by", now.by.as_deref().unwrap_or("?").into()),
            ("at", now.at.as_deref().unwrap_or("?").into()),
        ],
    )
}

/// What the undo of a run (`undo`: the opposite of that run's replication) does to an asset
/// the run did `done` to, standing at `now`.
pub(super) fn decide(undo: Replication, done: &DoneTo, now: &Publication) -> Verdict {
    let Some(before) = &done.before else {
        return Verdict::Skip(words("reason-publish-unknown-before"));
    };
    let was = before.state();
    match undo {
        // Publishing replaced the published version, which AEM cannot give back.
        Replication::Unpublish if was.is_published() => {
            return Verdict::Skip(words(KEPT));
        }
        Replication::Publish if !was.is_published() => {
            return Verdict::Skip(words("reason-publish-undo-not-published-before"));
        }
        // Its author values were newer than the website's: publishing now would make public
        // what never was.
        Replication::Publish if was == PublicationState::Modified => {
            return Verdict::Skip(words("reason-publish-undo-not-up-to-date"));
        }
        _ => {}
    }
    match done.outcome {
        Some(Outcome::Changed) => {}
        Some(_) => return Verdict::Skip(words("reason-publish-undo-not-done")),
        None => return Verdict::Skip(words("reason-publish-undo-not-confirmed")),
    }
    let Some(after) = &done.after else {
        return Verdict::Skip(words("reason-publish-undo-not-confirmed"));
    };
    if !same_replication(now, after) {
        return match (now.state().is_published(), undo) {
            (true, _) => Verdict::Skip(replicated_since("reason-publish-published-since", now)),
            (false, Replication::Unpublish) => {
                Verdict::Unchanged(words("reason-publish-already-unpublished"))
            }
            (false, Replication::Publish) => {
                Verdict::Skip(replicated_since("reason-publish-unpublished-since", now))
            }
        };
    }
    if undo == Replication::Publish && !unchanged_since(now, before) {
        return Verdict::Skip(SavedText::new(
            "reason-publish-undo-modified-since",
            [("modified", now.modified.as_deref().unwrap_or("?").into())],
        ));
    }
    if undo == Replication::Publish && !same_metadata(now, before) {
        return Verdict::Skip(words("reason-publish-undo-edited-since"));
    }
    Verdict::Send
}

/// Whether the asset's author values are still those of its publication `before` (no change
/// after it; a time that cannot be read is taken as a change).
fn unchanged_since(now: &Publication, before: &Publication) -> bool {
    let modified = now.modified.as_deref().and_then(parse_aem_time);
    let published = before.at.as_deref().and_then(parse_aem_time);
    matches!((modified, published), (Some(m), Some(p)) if m <= p)
}

/// Whether the asset's metadata is still what it was when the run took it off the website,
/// where the run journaled its code: AEM leaves `jcr:lastModified` as it was on metadata
/// updates, so only the values tell a colleague's edit. One not read now is taken as changed.
fn same_metadata(now: &Publication, before: &Publication) -> bool {
    before
        .metadata
        .as_ref()
        .is_none_or(|code| now.metadata.as_ref() == Some(code))
}

/// [`decide`] for the undo of a republish of edit run `edit` (`None`: of another publish run):
/// every asset a republish published was on the website before it, so each keeps its
/// published version, and the reason says what gives its values back: the edit's undo, which
/// republishes them.
pub(super) fn decide_undo_of(
    edit: Option<&str>,
    undo: Replication,
    done: &DoneTo,
    now: &Publication,
) -> Verdict {
    match (decide(undo, done, now), edit) {
        (Verdict::Skip(reason), Some(edit)) if reason.code() == Some(KEPT) => Verdict::Skip(
            SavedText::new("reason-republish-undo-kept", [("run", edit.into())]),
        ),
        (verdict, _) => verdict,
    }
}

/// Whether an undo's asset in doubt (its request may have left before the process stopped;
/// `before`: its state at the intent) stands `now` as that request left it: the replication
/// asked, since the intent, by Metadesk's own account (`account`, the connection's, or the one
/// the undone run replicated as). Its request landed: the replication is the undo's own, not a
/// colleague's since, and is not sent again.
pub(super) fn landed(
    undo: Replication,
    done: &DoneTo,
    before: Option<&Publication>,
    now: &Publication,
    account: Option<&str>,
) -> bool {
    let Some(by) = now.by.as_deref() else {
        return false;
    };
    let undone_by = done.after.as_ref().and_then(|a| a.by.as_deref());
    is_after(now, undo, before) && (account == Some(by) || undone_by == Some(by))
}

/// What a resume does to an asset whose request may have left before the process stopped
/// (`before`: its state then), standing at `now`: `None` when nothing replicated it since (the
/// run's usual rules apply).
pub(super) fn in_doubt(
    replication: Replication,
    before: Option<&Publication>,
    now: &Publication,
) -> Option<Verdict> {
    if before.is_none_or(|b| same_replication(now, b)) {
        return None;
    }
    // Replicated since the intent, by this run's request or by someone else.
    Some(match (replication, now.state().is_published()) {
        // Sent again: harmless, and the state read after it is then the run's.
        (Replication::Publish, true) => Verdict::Send,
        // A takedown after the run's request: never published again.
        (Replication::Publish, false) => {
            Verdict::Skip(replicated_since("reason-publish-unpublished-since", now))
        }
        (Replication::Unpublish, false) => {
            Verdict::Unchanged(words("reason-publish-already-unpublished"))
        }
        (Replication::Unpublish, true) => {
            Verdict::Skip(replicated_since("reason-publish-published-since", now))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(action: &str, at: &str, by: &str, modified: &str) -> Publication {
        Publication {
            action: Some(action.into()).filter(|a: &String| !a.is_empty()),
            at: Some(at.into()),
            by: Some(by.into()),
            modified: Some(modified.into()),
            metadata: None,
        }
    }

    const T0: &str = "2026-01-01T10:00:00Z";
    const T1: &str = "2026-01-02T10:00:00Z";
    const T2: &str = "2026-01-03T10:00:00Z";
    const T3: &str = "2026-01-04T10:00:00Z";

    fn code(v: &Verdict) -> &str {
        match v {
            Verdict::Send => "send",
            Verdict::Unchanged(t) | Verdict::Skip(t) => t.code().unwrap_or_default(),
        }
    }

    /// An undo of a publish acts only where the publication is still the run's.
    #[test]
    fn an_undo_of_a_publish_unpublishes_only_the_runs_first_publications() {
        let never = p("", T0, "", T0);
        let ours = p("Activate", T1, "tech", T0);
        let done = DoneTo {
            before: Some(never.clone()),
            after: Some(ours.clone()),
            outcome: Some(Outcome::Changed),
        };
        let undo = Replication::Unpublish;
        assert_eq!(decide(undo, &done, &ours), Verdict::Send);
        let colleague = p("Activate", T2, "colleague", T0);
        assert_eq!(
            code(&decide(undo, &done, &colleague)),
            "reason-publish-published-since"
        );
        let failed = DoneTo {
            outcome: Some(Outcome::Failed),
            after: None,
            ..done.clone()
        };
        assert_eq!(
            code(&decide(undo, &failed, &colleague)),
            "reason-publish-undo-not-done"
        );
        let unread = DoneTo {
            after: None,
            ..done.clone()
        };
        assert_eq!(
            code(&decide(undo, &unread, &ours)),
            "reason-publish-undo-not-confirmed"
        );
        let was_published = DoneTo {
            before: Some(p("Activate", T0, "admin", T0)),
            ..done.clone()
        };
        assert_eq!(
            code(&decide(undo, &was_published, &ours)),
            "reason-publish-kept"
        );
        // The undo of a republish names the edit whose undo gives the values back.
        let kept = decide_undo_of(Some("edit-run"), undo, &was_published, &ours);
        assert_eq!(code(&kept), "reason-republish-undo-kept");
        assert_eq!(
            decide_undo_of(Some("edit-run"), undo, &done, &ours),
            Verdict::Send
        );
    }

    /// An undo of an unpublish republishes only what was public and up to date before, and is
    /// unchanged since.
    #[test]
    fn an_undo_of_an_unpublish_republishes_only_what_was_public_as_it_is() {
        let up_to_date = p("Activate", T1, "admin", T0);
        let ours = p("Deactivate", T2, "tech", T0);
        let done = DoneTo {
            before: Some(up_to_date),
            after: Some(ours.clone()),
            outcome: Some(Outcome::Changed),
        };
        let undo = Replication::Publish;
        assert_eq!(decide(undo, &done, &ours), Verdict::Send);
        let edited = p("Deactivate", T2, "tech", T3);
        assert_eq!(
            code(&decide(undo, &done, &edited)),
            "reason-publish-undo-modified-since"
        );
        // AEM leaves the time as it was on a metadata edit: the journaled code tells it.
        let coded = |code: Option<&str>| Publication {
            metadata: code.map(str::to_owned),
            ..ours.clone()
        };
        let with_code = DoneTo {
            before: Some(Publication {
                metadata: Some("c0de".into()),
                ..p("Activate", T1, "admin", T0)
            }),
            ..done.clone()
        };
        assert_eq!(
            decide(undo, &with_code, &coded(Some("c0de"))),
            Verdict::Send
        );
        for now in [coded(Some("beef")), coded(None)] {
            assert_eq!(
                code(&decide(undo, &with_code, &now)),
                "reason-publish-undo-edited-since",
                "{now:?}"
            );
        }
        let modified_before = DoneTo {
            before: Some(p("Activate", T0, "admin", T1)),
            ..done.clone()
        };
        assert_eq!(
            code(&decide(undo, &modified_before, &ours)),
            "reason-publish-undo-not-up-to-date"
        );
        let taken_down = p("Deactivate", T3, "legal", T0);
        assert_eq!(
            code(&decide(undo, &done, &taken_down)),
            "reason-publish-unpublished-since"
        );
        let republished = p("Activate", T3, "colleague", T0);
        assert_eq!(
            code(&decide(undo, &done, &republished)),
            "reason-publish-published-since"
        );
    }

    /// A resume sends again only where nothing replicated the asset since the run's intent.
    #[test]
    fn a_resume_never_publishes_again_a_takedown() {
        let before = p("Activate", T0, "admin", T0);
        let publish = Replication::Publish;
        assert_eq!(in_doubt(publish, Some(&before), &before), None);
        let ours = p("Activate", T1, "tech", T0);
        assert_eq!(in_doubt(publish, Some(&before), &ours), Some(Verdict::Send));
        let takedown = p("Deactivate", T2, "legal", T0);
        assert_eq!(
            in_doubt(publish, Some(&before), &takedown)
                .as_ref()
                .map(code),
            Some("reason-publish-unpublished-since")
        );
        let journaled = before_of(&original_of(&before));
        assert_eq!(journaled.as_ref(), Some(&before));
    }

    /// An undo resumed after its request landed knows the publication is its own, by the
    /// account the undone run replicated as; a colleague's since stays theirs.
    #[test]
    fn a_resumed_undo_knows_its_own_replication_from_a_colleagues() {
        let unpublished = p("Deactivate", T1, "tech", T0);
        let done = DoneTo {
            before: Some(p("Activate", T0, "admin", T0)),
            after: Some(unpublished.clone()),
            outcome: Some(Outcome::Changed),
        };
        let undo = Replication::Publish;
        let ours = p("Activate", T2, "tech", T0);
        assert!(landed(undo, &done, Some(&unpublished), &ours, None));
        assert!(landed(undo, &done, Some(&unpublished), &ours, Some("x")));
        let mine = p("Activate", T2, "me", T0);
        assert!(landed(undo, &done, Some(&unpublished), &mine, Some("me")));
        let colleague = p("Activate", T2, "colleague", T0);
        assert!(!landed(undo, &done, Some(&unpublished), &colleague, None));
        // Nothing replicated it since the intent: the request did not land.
        assert!(!landed(undo, &done, Some(&unpublished), &unpublished, None));
    }
}
