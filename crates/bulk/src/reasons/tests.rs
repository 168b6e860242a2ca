//! The reasons' words in both languages, and how the journal keeps them (codes and arguments;
//! an old journal's plain text read back as it is).

use super::*;
use metadesk_base::i18n::Lang;

fn en() -> Localizer {
    Localizer::english()
}

fn fr() -> Localizer {
    Localizer::new(Lang::Fr)
}

#[test]
fn forbidden_is_short_per_asset_and_keeps_the_account_for_the_advice() {
    // Said on every refused row: short, about the folder (the advice is said once, in the
    // run's failure summary: failures.rs).
    let r = forbidden(Some("abc@techacct.adobe.com")).localized(&en());
    assert_eq!(
        r,
        "AEM refused the change (403): this connection may not change assets in this folder"
    );
    let fr_words = forbidden(Some("abc@techacct.adobe.com")).localized(&fr());
    assert_eq!(
        fr_words,
        "AEM a refusé la modification (403)\u{a0}: cette connexion ne peut pas modifier les \
         ressources de ce dossier"
    );
    let SavedText::Coded { args, .. } = forbidden(Some("jane@example.com")) else {
        panic!("a coded reason");
    };
    assert!(
        SavedText::arg_words(&args["who"], &en()).contains("the user jane@example.com"),
        "{args:?}"
    );
}

#[test]
fn failures_of_retried_calls_say_what_happened_and_what_to_do() {
    let down = CallError::Unreachable(AemError::Unreachable {
        host: "author-p1-e2.adobeaemcloud.com".into(),
        detail: "connection refused".into(),
    });
    let write = call_failed(&down, None, 6);
    assert_eq!(
        write.localized(&en()),
        "Could not reach author-p1-e2.adobeaemcloud.com: connection refused (6 attempts); \
         AEM did not confirm the change. Retry the failed assets to try again."
    );
    assert_eq!(
        write.localized(&fr()),
        "Impossible de joindre author-p1-e2.adobeaemcloud.com\u{a0}: connection refused (6 \
         tentatives)\u{202f}; AEM n’a pas confirmé la modification. Relancez les ressources en \
         échec pour réessayer."
    );
    let dropped = CallError::Transient("the answer was cut off".into());
    let read = not_read(&dropped, None, 3);
    assert_eq!(
        read.localized(&en()),
        "network or server failure after 3 attempts (the answer was cut off), so the asset \
         could not be read; preview again to include it"
    );
    let folder =
        folder_not_listed(&CallError::Forbidden("no".into()), Some("a@b.c"), 1).localized(&en());
    assert!(
        folder.contains("may not read it (403)") && folder.contains("the user a@b.c"),
        "{folder}"
    );
    assert!(!folder.contains("may not change assets"), "{folder}");
    let throttled = CallError::Throttled {
        status: 429,
        retry_after: None,
    };
    assert!(
        call_failed(&throttled, None, 51)
            .localized(&en())
            .contains("retry the failed assets later")
    );
}

#[test]
fn counts_in_reasons_follow_each_languages_plurals() {
    let once = CallError::Transient("reset".into());
    assert!(
        not_read(&once, None, 1)
            .localized(&en())
            .contains("after 1 attempt (reset)")
    );
    assert!(
        not_read(&once, None, 1)
            .localized(&fr())
            .contains("après 1 tentative (reset)")
    );
    assert!(
        not_read(&once, None, 2)
            .localized(&fr())
            .contains("après 2 tentatives (reset)")
    );
    let stopped = cannot_write(Some("t@techacct.adobe.com"), 5);
    assert!(
        stopped
            .localized(&en())
            .starts_with("AEM refused the first 5 changes (403), so the run stopped")
    );
    assert!(stopped.localized(&fr()).starts_with(
        "AEM a refusé les 5 premières modifications (403), l’exécution s’est donc arrêtée"
    ));
    assert!(
        cannot_write(None, 1)
            .localized(&en())
            .starts_with("AEM refused the first change (403)")
    );
}

#[test]
fn a_change_since_the_preview_gives_both_values_and_what_to_do() {
    let changed = [
        ChangedSince {
            property: "dc:rights".into(),
            preview: Some(serde_json::json!("old")),
            now: Some(serde_json::json!("theirs")),
        },
        ChangedSince {
            property: "dc:title".into(),
            preview: None,
            now: Some(serde_json::json!("T")),
        },
    ];
    assert_eq!(
        changed_since(&changed).localized(&en()),
        "changed since the preview: dc:rights was \"old\" at the preview and is now \
         \"theirs\"; dc:title was (not set) at the preview and is now \"T\", so it was not \
         overwritten; retry the failed assets to plan it again from the value now in AEM"
    );
    assert_eq!(
        changed_since(&changed).localized(&fr()),
        "modifiée depuis l’aperçu\u{a0}: dc:rights valait \"old\" lors de l’aperçu et vaut \
         maintenant \"theirs\"; dc:title valait (non défini) lors de l’aperçu et vaut maintenant \
         \"T\"\u{202f}; elle n’a donc pas été écrasée. Relancez les ressources en échec pour la \
         planifier de nouveau à partir de la valeur actuelle dans AEM"
    );
}

#[test]
fn values_are_shown_readably_in_each_language() {
    assert_eq!(shown(None, &en()), "(not set)");
    assert_eq!(shown(None, &fr()), "(non défini)");
    assert_eq!(
        shown(Some(&serde_json::json!(["a", "b"])), &fr()),
        "[\"a\",\"b\"]"
    );
}

#[test]
fn the_journal_keeps_codes_and_arguments_not_words() {
    let reason = forbidden_read(Some("jane@example.com"));
    let stored = serde_json::to_value(&reason).unwrap();
    assert_eq!(
        stored,
        serde_json::json!({
            "code": "reason-forbidden-read",
            "args": {"who": {"code": "reason-who",
                             "args": {"kind": "user", "account": "jane@example.com"}}}
        })
    );
    let back: SavedText = serde_json::from_value(stored).unwrap();
    assert_eq!(back, reason);
    assert!(
        back.localized(&fr())
            .contains("à l’utilisateur jane@example.com")
    );
}

#[test]
fn an_old_journals_plain_text_is_read_and_shown_as_it_is() {
    let old: SavedText =
        serde_json::from_str("\"AEM refused the change (400): bad property\"").unwrap();
    assert_eq!(old.code(), None);
    assert_eq!(
        old.localized(&fr()),
        "AEM refused the change (400): bad property"
    );
    let mut sent = old.clone();
    sent.localize(&fr());
    assert_eq!(sent, old);
}

#[test]
fn the_window_is_sent_words_in_its_language() {
    let mut reason = not_found();
    reason.localize(&fr());
    assert_eq!(
        serde_json::to_value(&reason).unwrap(),
        serde_json::json!(
            "la ressource n’existe plus (404)\u{a0}: elle a été déplacée ou supprimée après l’aperçu"
        )
    );
}

#[test]
fn an_auth_failure_keeps_its_message_id() {
    let refused = CallError::Auth(AemError::Keychain(
        metadesk_credentials::secrets::SecretStoreError::Locked,
    ));
    let reason = call_failed(&refused, None, 1);
    assert_eq!(reason.code(), Some("keychain-locked"));
    assert!(
        reason.localized(&fr()).contains("trousseau"),
        "{}",
        reason.localized(&fr())
    );
}

/// A failure whose words nest other messages (what was asked, IMS's own description) is kept
/// by ids, each nested message too, and read back in either language.
#[test]
fn nested_failure_words_are_kept_as_codes_and_read_in_either_language() {
    use metadesk_base::i18n::checks::assert_reads_french;
    let refused = metadesk_assets::not_an_asset_path("/content/dam/../etc");
    let reason = call_failed(&refused, None, 1);
    assert_eq!(reason.code(), Some("aem-not-an-asset-path"));
    let french = reason.localized(&fr());
    assert_reads_french(&french);
    assert_eq!(
        french,
        "/content/dam/../etc n’est pas le chemin d’une ressource de la DAM."
    );

    let ims = AemError::Ims(metadesk_clients::ims::errors::classify_refusal(
        400,
        &metadesk_clients::ims::errors::ImsErrorBody {
            error: "invalid_client".into(),
            error_description: "mauvais secret".into(),
        },
        &metadesk_clients::ims::errors::RequestContext {
            client_id: "cm-p1".into(),
            scopes: String::new(),
        },
    ));
    let reason = call_failed(&CallError::Auth(ims.clone()), None, 1);
    let kept: SavedText = serde_json::from_str(&serde_json::to_string(&reason).unwrap()).unwrap();
    assert_eq!(kept.code(), Some("ims-wrong-client"));
    let french = kept.localized(&fr());
    assert_reads_french(&french);
    assert!(
        french.contains("(Adobe IMS a indiqué\u{a0}: «\u{a0}mauvais secret\u{a0}»)"),
        "{french}"
    );
    assert_eq!(kept.localized(&en()), ims.to_string());
}

/// The error that stops a run whose writes are all refused reads in the reader's language
/// (it was English whatever the language).
#[test]
fn the_stop_after_refused_writes_is_told_in_the_readers_language() {
    use metadesk_base::i18n::checks::assert_reads_french;
    let err = AemError::Auth(cannot_write_text(Some("abc@techacct.adobe.com"), 5));
    let french = err.localized(&fr());
    assert_reads_french(&french);
    assert_eq!(
        french,
        cannot_write(Some("abc@techacct.adobe.com"), 5).localized(&fr())
    );
    assert_eq!(
        err.to_string(),
        cannot_write(Some("abc@techacct.adobe.com"), 5).localized(&en())
    );
}

/// An operation's stop and its folder refusing it are told in its own words (requests, not an
/// edit's changes of assets), in the reader's language, the stop's error as its journaled
/// reason reads.
#[test]
fn an_operation_refused_everywhere_or_in_a_folder_is_told_in_its_words() {
    use metadesk_base::i18n::checks::assert_reads_french;
    let account = Some("abc@techacct.adobe.com");
    let err = AemError::Auth(op_cannot_write_text(account, 5));
    assert_eq!(
        err.to_string(),
        op_cannot_write(account, 5).localized(&en())
    );
    assert!(
        err.to_string().starts_with(
            "AEM refused the first 5 requests (403) and took none, so the run stopped"
        ),
        "{err}"
    );
    assert!(!err.to_string().contains("assets"), "{err}");
    let french = err.localized(&fr());
    assert_reads_french(&french);
    assert_eq!(french, op_cannot_write(account, 5).localized(&fr()));
    let folder = op_folder_refuses("/content/dam/a", "Prod", account);
    let english = folder.localized(&en());
    assert!(
        english.starts_with("AEM refused every request tried in /content/dam/a (403)")
            && english.contains("the technical account abc@techacct.adobe.com")
            && english.contains("resume the run"),
        "{english}"
    );
    assert_reads_french(&folder.localized(&fr()));
    // Moves out of a folder into another: both sides named, in both languages.
    let moving = move_folder_refuses("/content/dam/a", "Prod", account);
    let english = moving.localized(&en());
    assert!(
        english.starts_with("AEM refused every move tried out of /content/dam/a (403)")
            && english.contains("write access to /content/dam/a and to the folders its assets")
            && english.contains("the technical account abc@techacct.adobe.com"),
        "{english}"
    );
    assert_reads_french(&moving.localized(&fr()));
    assert!(!is_write_access_stop(&moving));
    // A stop for write access, whichever path said it; not one asset's own refusal.
    for stop in [
        op_cannot_write(account, 5),
        cannot_write(account, 5),
        publish_forbidden("/content/dam/a", account),
    ] {
        assert!(is_write_access_stop(&stop), "{stop:?}");
    }
    assert!(!is_write_access_stop(&forbidden(account)));
    assert!(!is_write_access_stop(&folder));
}

/// A failed write's reason quotes the call's failure in the reader's language, AEM's own words
/// as they are.
#[test]
fn a_failed_calls_words_are_kept_as_codes() {
    use metadesk_base::i18n::checks::assert_reads_french;
    let failed = metadesk_assets::status_error(502, &Default::default(), "Erreur".into());
    let reason = call_failed(&failed, None, 3);
    let kept: SavedText = serde_json::from_str(&serde_json::to_string(&reason).unwrap()).unwrap();
    let french = kept.localized(&fr());
    assert_reads_french(&french);
    assert!(french.contains("AEM a répondu 502 (Erreur)"), "{french}");
    assert!(
        kept.localized(&en()).contains("AEM answered 502 (Erreur)"),
        "{}",
        kept.localized(&en())
    );
}
