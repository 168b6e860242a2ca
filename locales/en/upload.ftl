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
cli-upload-undone = Upload { $run } undone: { $deleted } deleted, { $gone } already gone, { $kept } kept.
cli-upload-undo-planned = Undo of upload { $run }: { $files ->
    [one] { $files } file it created to delete
   *[other] { $files } files it created to delete
}, each only if no one changed it since.
upload-undo-gone = already gone: someone deleted it, or an earlier undo did
cli-arg-upload-metadata = A sheet of values for the files: a File column (the path below the folder given) and one column per property, | between a list's values.
cli-upload-no-row = {"  "}no row in the sheet: { $path } (sent without metadata)
cli-upload-sheet-stops = Nothing was sent: correct the sheet first.
upload-sheet-no-file-column = The sheet { $file } has no File column: it names each file by its path below the folder given.
upload-sheet-bad-column = The column “{ $header }” of { $file } names no property (give one such as dc:title).
upload-sheet-no-such-file = Row { $row }: { $file } is not among the files to upload.
upload-sheet-refused-value = Row { $row }: { $property } cannot take that value: { $detail }
upload-processing-failed = AEM could not process { $path }: its metadata was not written.
upload-processing-unfinished = Values not written yet for { $path }: AEM has not finished processing it. Resume the run to write them (checked first, as always).
upload-processing-failed-renditions = AEM could not process { $path } (the renditions that failed: { $renditions }): its metadata was not written.
upload-in-doubt-unsettled = Nothing was sent to { $path }: an earlier attempt's answer was lost, and AEM has not finished processing what is there, so whose file it is cannot be told yet. Resume the run to find out.
upload-unsettled-there = Nothing was sent to { $path }: AEM has not finished processing the file there, so whether it is still the one the preview saw cannot be told yet. Resume the run to find out.
cli-upload-metadata-left-alone = {"  "}values not written: { $path } (someone changed it after AEM processed it; the sheet's values would have replaced theirs)
upload-metadata-changed-since = Someone changed { $path } after AEM processed it: its values from the sheet were not written.

# The Upload page's messages from the core and the window's commands
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
error-run-of-upload-undo = Run { $run } is the undo of upload { $upload }: it is not applied again nor undone. Undo the upload again to delete what is left (metadesk-cli bulk undo { $upload }); upload the files again to bring them back.
error-resume-of-undone-upload = Upload { $run } was undone (run { $undo }): it is not resumed, as that would send again files its undo deleted. Upload the files again instead.

# What an initiate answer must give before a file's bytes leave (assets/upload.rs)
upload-initiate-no-max-part = AEM's answer to the upload's start gives no largest part size (maxPartSize): nothing of this file was sent
upload-initiate-too-many-uris = AEM's answer to the upload's start names { $uris } storage addresses for this file, more than the 10,000 Metadesk takes: nothing of it was sent
upload-initiate-parts-disagree = AEM's answer to the upload's start gives parts of at least { $least } bytes and at most { $most } bytes, which cannot make a file: nothing of it was sent
