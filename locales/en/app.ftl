# Messages the window's Rust side builds (src-tauri): desktop notifications.

## The credential files dialog (Connections, "Choose file…"; issue 17)

dialog-choose-credentials = Choose credential files
dialog-credential-files = Credential files (.json)

notify-preview-title = { $what ->
    [undo] Undo
    [retry] Retry
    [sheet] Sheet import
   *[edit] Bulk edit
} preview ready
notify-preview-body = { $pending } to change, { $unchanged } already as wanted, { $skipped } skipped — { $folder }
notify-apply-title = { $what ->
    [undo] Undo
    [retry] Retry
    [sheet] Sheet import
   *[edit] Bulk edit
} { $state ->
    [stopped] stopped
    [interrupted] interrupted
   *[finished] finished
}
notify-apply-body = { notify-apply-title }: { $changed } changed{ $failed ->
    [0] {""}
   *[other] , { $failed } failed
}{ $pending ->
    [0] {""}
   *[other] , { $pending } not done yet
} — { $folder }
notify-apply-body-with-reason = { notify-apply-title }: { $changed } changed{ $failed ->
    [0] {""}
   *[other] , { $failed } failed
}{ $pending ->
    [0] {""}
   *[other] , { $pending } not done yet
} ({ $reason }) — { $folder }
notify-preview-failed-title = Preview failed
notify-preview-failed-body = The preview could not finish: { $reason }
notify-apply-failed-title = Bulk edit failed
notify-apply-failed-body = The bulk edit could not finish: { $reason }
