# Uploads as runs (issue 65): the run's line, the CLI's words, the undo

run-upload = { $files ->
    [one] upload of { $files } file to { $folder }
   *[other] upload of { $files } files to { $folder }
}
job-upload = uploading files to { $folder }
error-run-of-upload = Run { $run } is an upload: resume it to send again what failed (metadesk-cli bulk resume { $run }); its undo deletes what it created (metadesk-cli bulk undo { $run }).
error-not-an-upload = Run { $run } is not an upload.
cli-upload-run = Run { $run }: { $uploaded } uploaded, { $failed } failed, { $left } left alone, { $pending } not sent yet.
cli-upload-changed-since = {"  "}left alone: { $path } (another file is there since the preview)
cli-upload-last-refusal = {"  "}last refusal: { $detail }
cli-upload-nothing-to-send = Nothing to send: 0 uploaded, 0 failed.
cli-upload-undo-needs-yes = Nothing was deleted: add --yes to undo upload { $run } (it deletes the assets it created).
cli-upload-undone = Upload { $run } undone: { $deleted } deleted, { $gone } already gone, { $kept } kept.
cli-upload-kept-changed = kept: someone changed it since the upload
cli-upload-kept-unchecked = kept: its processing was not seen to end, so a change since cannot be told from AEM's own
cli-upload-kept-not-given-back = kept: it went in as a new version of another file, or replaced one; AEM does not give the earlier file back
cli-arg-upload-metadata = A sheet of values for the files: a File column (the path below the folder given) and one column per property, | between a list's values.
cli-upload-no-row = {"  "}no row in the sheet: { $path } (sent without metadata)
cli-upload-sheet-stops = Nothing was sent: correct the sheet first.
upload-sheet-no-file-column = The sheet { $file } has no File column: it names each file by its path below the folder given.
upload-sheet-bad-column = The column “{ $header }” of { $file } names no property (give one such as dc:title).
upload-sheet-no-such-file = Row { $row }: { $file } is not among the files to upload.
upload-sheet-refused-value = Row { $row }: { $property } cannot take that value: { $detail }
upload-processing-failed = AEM could not process { $path }: its metadata was not written.
upload-processing-unfinished = AEM had not finished processing { $path } in time: its metadata was not written (resume the run to write it).

# The window's Upload page (issue 65)
nav-upload = Upload
upload-title = Upload files
upload-intro = Drop files or a folder (with its subfolders) on this page, or choose them. Choose the folder they go into and, if you like, a sheet of their metadata. Nothing is sent until you press Upload.
upload-no-connection-title = No connection yet
upload-no-connection-body = Add a connection to AEM first: files are uploaded through it.
upload-files-title = Files
upload-no-files-title = No files yet
upload-no-files-body = Drop files or a folder anywhere on this page, or choose them below.
upload-held-folder = { $name } (folder, with its subfolders)
upload-choose-files = Choose files…
upload-choose-folder = Choose a folder…
upload-clear = Remove all files
upload-where-title = Where they go
upload-folder = Folder in AEM
upload-folder-hint = The files go into this folder, which must exist; the subfolders of a dropped folder are made in it.
upload-when-different = Where a different file is already at a file’s place
upload-when-new-version = Keep that asset and add this file as its new version
upload-when-replace = Replace that asset with this file
upload-sheet-title = Metadata (optional)
upload-sheet-named = Sheet: { $name }
upload-no-sheet = No sheet: the files go without metadata. A sheet has a File column (the path below the dropped folder) and one column per property, such as dc:title, with | between the values of a list. Drop it on this page or choose it.
upload-choose-sheet = Choose a sheet…
upload-remove-sheet = Remove the sheet
upload-preview = Preview
upload-preview-again = Preview again
upload-previewing = Reading what AEM holds…
upload-failed = The upload could not go on
upload-preview-title = What the upload does
upload-summary = { $files ->
    [one] { $files } file
   *[other] { $files } files
} for { $folder }: { $new } new, { $same } already there, { $different } different, { $refused } refused. Nothing has been sent.
upload-folders-made = { $count ->
    [one] One folder is made first.
   *[other] { $count } folders are made first.
}
upload-sheet-problems = Problems in the sheet
upload-sheet-stops = Nothing can be sent until the sheet is corrected.
upload-without-row = { $count ->
    [one] One file has no row in the sheet: it goes without metadata.
   *[other] { $count } files have no row in the sheet: they go without metadata.
}
upload-references-unknown = AEM could not say where the replaced assets are used
upload-rows-empty = No file to upload.
upload-col-file = File
upload-col-size = Size
upload-col-what = What happens
upload-col-metadata = Metadata
upload-intent-new = New
upload-intent-same = The same file is already there: skipped
upload-intent-new-version = A different file is there: it gets this one as a new version
upload-intent-replace = A different file is there: replaced by this one
upload-intent-refused = Not sent
upload-used-on = { $pages ->
    [one] Used on { $pages } page
   *[other] Used on { $pages } pages
}
upload-send = { $files ->
    [one] Upload { $files } file
   *[other] Upload { $files } files
}
upload-nothing-to-send = Nothing to send: every file is already there or refused.
upload-sending = Uploading…
upload-report-title = Upload report
upload-report-counts = Into { $folder }: { $uploaded } uploaded, { $failed } failed, { $left } left alone, { $same } already there, { $refused } refused.
upload-report-reason = Last refusal: { $reason }
upload-report-changed = Left alone: another file is there since the preview
upload-undo = Undo this upload
upload-undoing = Undoing…
upload-undone = Upload undone: { $deleted } deleted, { $gone } already gone, { $kept } kept.
upload-again = New upload
open-upload = Open on the Upload page
upload-kept-changed = kept: someone changed it since the upload
upload-kept-unchecked = kept: its processing was not seen to end, so a change since cannot be told from AEM’s own
upload-kept-not-given-back = kept: it went in as a new version of another file, or replaced one; AEM does not give the earlier file back
dialog-upload-files-title = Choose files to upload
dialog-upload-folder-title = Choose a folder to upload
error-upload-files-gone = The files chosen are no longer on hand: drop or choose them again.
error-upload-no-files = Choose files or a folder to upload first.
error-upload-preview-gone = That preview is no longer on hand: preview again.
error-upload-sheet-errors = Nothing was sent: correct the sheet first.
error-upload-nothing-to-send = Nothing to send: every file is already there or refused.
