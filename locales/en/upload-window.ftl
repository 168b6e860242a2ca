# The Upload page's words for the window (issue 65)

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
    [one] The folder { $folders } is made first.
   *[other] These folders are made first: { $folders }.
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
upload-intent-same = The same file is already there.
upload-intent-new-version = A different file is there: it gets this one as a new version
upload-intent-replace = A different file is there: replaced by this one
upload-intent-refused = Not sent
# A file\'s pill in the preview (issue 77: one meaning per colour; the sentence above says the rest)
upload-will-same = Left alone
upload-will-new-version = New version
upload-will-replace = Replacement
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
upload-report-undone-title = Upload undone
upload-report-counts = Into { $folder }: { $uploaded } uploaded, { $failed } failed, { $left } left alone, { $same } already there, { $refused } refused.
upload-report-reason = Last refusal: { $reason }
upload-report-changed = Left alone: another file is there since the preview
upload-undo = Undo this upload
upload-undoing = Undoing…
upload-undone = Upload undone: { $deleted } deleted, { $gone } already gone, { $kept } kept.
upload-undo-unfinished = not undone yet: the undo stopped before it; resume the undo’s run
upload-again = New upload
open-upload = Open on the Upload page
upload-col-outcome = Outcome
upload-state-uploaded = Uploaded
upload-state-pending = Not finished: resume the run to send it
upload-state-failed = Failed
upload-state-left-alone = Left alone: another file is there since the preview
upload-over-another = over the file that was there (not given back by an undo)
upload-production-title = Upload to production?
upload-production-sending = Uploading sends { $files ->
    [one] { $files } file
   *[other] { $files } files
} into { $connection }, a connection marked production.
upload-production-send = Upload to production
upload-production-undo-title = Undo this upload on production?
upload-production-undoing = The undo deletes { $files ->
    [one] the { $files } file
   *[other] the { $files } files
} this upload made in { $connection }, a connection marked production, except those changed since.
upload-production-undo = Delete on production
upload-report-metadata-left-alone = Values not written: someone changed these after AEM processed them, and the sheet’s values would have replaced theirs
upload-folder-typed = Or type its path
upload-resume = Resume this upload
# A file's size, its number already written the language's way (issue 77: French says ko, not kB).
upload-size-bytes = { $size } B
upload-size-kb = { $size } kB
upload-size-mb = { $size } MB
upload-size-gb = { $size } GB
# One value of a file from the sheet, its property by its title (issue 77).
upload-metadata-line = { $property }: { $values }
