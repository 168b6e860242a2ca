# Moving and renaming assets and folders (issue 76): the run's words, its refusals and its
# errors, for every face.

run-move = { $count ->
    [one] Moves 1 asset or folder
   *[other] Moves { $count } assets or folders
}
run-move-to = { $count ->
    [one] Moves 1 asset into { $folder }
   *[other] Moves { $count } assets into { $folder }
}
run-move-undo = Moves back what run { $run } moved

move-rule-unknown = “{ $part }” is not a renaming rule. Use lowercase, dashes, replace:FROM=TO, prefix:TEXT, suffix:TEXT or number:START:DIGITS, separated by commas.
move-rule-replace = “{ $part }” does not say what to replace: write replace:FROM=TO (FROM cannot be empty).
move-rule-number = “{ $part }” is not a numbering: write number, number:START or number:START:DIGITS (at most 12 digits).

move-refused-no-name = The renaming rule leaves “{ $path }” with no name.
move-refused-same-path = “{ $path }” would stay where it is.
move-refused-gone = “{ $path }” is not there any more.
move-refused-same-target = Another asset, “{ $other }”, would land on “{ $path }” too (names are compared whatever their case).
move-refused-taken = “{ $path }” is taken: an asset or folder is already there, and a move never overwrites it.
move-refused-into-moving = “{ $path }” is inside a folder that moves too: move the folder, or its assets, not both.
move-refused-no-write = This account may not change the folder “{ $path }”.
move-refused-no-uuid = AEM gave “{ $path }” no identifier (jcr:uuid), so it could not be found again after a lost answer: it is not moved.
move-refused-pages-unknown = AEM could not tell which pages use “{ $path }”: moving it could leave a page pointing at nothing, so it is not moved.

move-left-taken = Left alone: “{ $path }” was taken by another asset since the preview.
move-left-gone = Left alone: “{ $path }” is not there any more (moved or deleted since).
move-left-replaced = Left alone: another asset is at “{ $path }” now.
move-left-changed = Left alone: “{ $path }” was changed since it was moved.

error-move-oauth = This connection cannot move assets: it is an OAuth Server-to-Server connection, and AEM's move is a classic request. Nothing was sent. Move with service credentials from the AEM Developer Console or a local development token.
error-move-nothing = Nothing to move: the folder, list or sheet holds no asset.
error-move-read-only = The account { $account } may not change “{ $folder }”, so nothing can move there. Nothing was sent.
error-move-unlisted = The folder “{ $folder }” could not be listed whole, so what it holds is not known: nothing was planned. Try again.
error-move-sheet-columns = “{ $file }” has no “Path” and “New path” columns: the first row should name them.
error-move-sheet-path = Row { $row }: { $problem } (“{ $path }”). Nothing was read or stored.
error-move-cancelled = The move's preview was cancelled: nothing was stored.
error-move-read = AEM did not answer for “{ $path }”: { $detail }
error-retry-of-move = Run { $run } is a move: resume it to move what failed (metadesk-cli bulk resume { $run }).

cli-move-what = Say what moves: a scope (--folder, --where or --list) with --to FOLDER, or a sheet with --sheet FILE.
cli-move-counts = { $planned } to move: { $moved } moved, { $refused } refused, { $left } left alone, { $failed } failed, { $pending } not moved yet · { $pages } pages fixed · { $folders } folders made
cli-move-pages-left = { $count ->
    [one] 1 page is left pointing at the old path (unticked).
   *[other] { $count } pages are left pointing at the old path (unticked).
}
cli-move-state-refused = refused
cli-move-state-planned = to move
cli-move-state-in-doubt = in doubt: checked before anything is sent again
cli-move-state-moved = moved
cli-move-state-left-alone = left alone
cli-move-state-failed = failed
cli-move-on-website = on the website: a move takes it off unless republished
cli-move-page-adjusted = page { $page }: fixed
cli-move-page-adjusted-live = page { $page } (on the website): fixed
cli-move-page-kept = page { $page }: keeps the old path
cli-move-more = … and { $count } more (--json lists them all).

# The command's help (`metadesk-cli move --help`).
cli-about-move = Move and rename assets and folders, every page that uses them fixed (AEM's own move): a folder's, a search's or a list's assets into a folder, renamed by a rule, or a sheet's Path and New path; previewed first, applied with --yes, undone with bulk undo.
cli-arg-move-connection = A stored connection (name or id; see `metadesk-cli connections list`).
cli-arg-move-aem = The AEM author URL, with `--file` (Adobe's sample-script form).
cli-arg-move-file = A credential file (Service Credentials, Local Development Token), used for this run only.
cli-arg-move-trust_host = With --aem: send the file's tokens to HOST although it is not one of Adobe's AEM hosts (author-p…-e….adobeaemcloud.com), this computer included for a credential issued by Adobe: only for a host you trust.
cli-arg-move-paired_with = Not used by moves (OAuth Server-to-Server connections cannot move assets).
cli-arg-move-folder = The DAM folder whose assets move (with --where: searched under it).
cli-arg-move-recursive = Include the assets of its subfolders.
cli-arg-move-conditions = Only assets matching this condition (as `bulk --where`); repeat for several.
cli-arg-move-any = Assets matching any of the --where conditions (default: all of them).
cli-arg-move-list = The assets of a list: DAM paths, Assets links or ids, one per line or a one-column CSV.
cli-arg-move-sheet = A sheet (.xlsx or .csv) whose Path and New path columns say where each asset or folder goes; not with the scope's flags.
cli-arg-move-to = The DAM folder the scope's assets move into.
cli-arg-move-flatten = Put every asset straight into --to, not keeping the subfolders it had.
cli-arg-move-rename = Rename each asset: comma-separated lowercase, dashes, replace:FROM=TO, prefix:TEXT, suffix:TEXT, number[:START[:DIGITS]] (\, \= and \\ for a comma, an equals sign or a backslash in TEXT).
cli-arg-move-republish = After the move, publish again what was on the website (moved assets and pages).
cli-arg-move-keep_pages = A page left pointing at the old path (not adjusted); may be repeated.
cli-arg-move-dry_run = Preview only: show what would move, move nothing.
cli-arg-move-yes = Move without asking.
cli-arg-move-confirm_production = On a connection marked production: its name, to move without typing it at a prompt (needed with --yes or without a terminal).
cli-arg-move-empty_required = Not used by moves (a move changes no value).
cli-arg-move-json = Print the result as JSON.
cli-value-page = PAGE
cli-value-rule = RULE
