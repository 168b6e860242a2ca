# Messages the window's Rust side builds (src-tauri): file dialogs and desktop notifications.

## The built-in sandbox AEM (Connections, "Try with a sandbox AEM")
sandbox-start-failed = The sandbox could not start ({ $detail }).

## File dialogs (titles and filters of the system's open and save dialogs; issue 17)

dialog-credentials-title = Choose credential files
dialog-report-title = Export the report as CSV
dialog-sheet-export-title = Export the metadata as a sheet
dialog-sheet-import-title = Import a sheet
dialog-tags-export-title = Export the tags as a sheet
dialog-problems-title = Export the problems as CSV
dialog-list-title = Choose a list of assets
dialog-console-title = Export the result
dialog-field-report-title = Save a report for support
dialog-filter-credentials = Credential files ({ $extensions })
dialog-filter-csv = CSV files ({ $extensions })
dialog-filter-json = JSON files ({ $extensions })
dialog-filter-xlsx = Excel workbooks ({ $extensions })
dialog-filter-sheets = Spreadsheets ({ $extensions })
dialog-filter-lists = Lists ({ $extensions })

## Desktop notifications

notify-preview-title = { $what ->
    [publish] Publishing
    [undo] Undo
    [retry] Retry
    [sheet] Sheet import
    [tags] Tag import
    [upload] Upload
    [move] Move
    [rename] Tag rename
   *[edit] Bulk edit
} preview ready
notify-preview-body = { $pending } to change, { $unchanged } already as wanted, { $skipped } skipped — { $folder }
notify-apply-title = { $what ->
    [publish] Publishing
    [undo] Undo
    [retry] Retry
    [sheet] Sheet import
    [tags] Tag import
    [upload] Upload
    [move] Move
    [rename] Tag rename
   *[edit] Bulk edit
} { $state ->
    [stopped] stopped
    [interrupted] interrupted
   *[finished] finished
}
notify-apply-body = { notify-apply-title }: { $done }{ $failed ->
    [0] {""}
   *[other] , { $failed } failed
}{ $pending ->
    [0] {""}
   *[other] , { $pending } not done yet
} — { $folder }
notify-apply-body-with-reason = { notify-apply-title }: { $done }{ $failed ->
    [0] {""}
   *[other] , { $failed } failed
}{ $pending ->
    [0] {""}
   *[other] , { $pending } not done yet
} ({ $reason }) — { $folder }
# What a run did to its rows, named by its summary's words (`$words`, a `count-…` id).
notify-done = { $words ->
    [count-moved] { $count } moved
    [count-written] { $count } written
    [count-deleted] { $count } deleted
    [count-put-back] { $count } put back
    [count-uploaded] { $count } uploaded
    [count-published] { $count } published
    [count-unpublished] { $count } unpublished
   *[other] { $count } changed
}
notify-sheet-has-errors = { $file } has { $count ->
    [one] { $count } error
   *[other] { $count } errors
}; nothing was written.
notify-upload-preview-body = { $send } to send, { $same } already there, { $refused } refused — { $folder }
notify-upload-preview-blocked = { $sheet } has { $count ->
    [one] { $count } error
   *[other] { $count } errors
} to correct before any file is sent — { $folder }
notify-preview-failed-title = Preview failed
notify-preview-failed-body = The preview could not finish: { $reason }
notify-apply-failed-title = Bulk edit failed
notify-apply-failed-body = The bulk edit could not finish: { $reason }

## Windows without the Microsoft Edge WebView2 Runtime (a native message box at start-up)

webview2-missing-title = Metadesk cannot open its window
webview2-missing = Metadesk shows its window with the Microsoft Edge WebView2 Runtime, which this computer does not have (Windows 10 and 11 usually come with it).

    Get the Evergreen Bootstrapper from Microsoft's download page and run it, then start Metadesk again:
    { $page }
webview2-open-page = Open the download page
webview2-close = Close
