# The CLI's own words (crates/cli): human output and help summaries. Help summaries are found by
# the command's path (cli-about-connections-import) and argument (cli-arg-connections-import-name).

cli-error = error: { $message }
cli-yes = yes
cli-no = no
cli-report-unwritable = the report could not be written ({ $detail })

# What the CLI was doing when the system refused (issue 17): the { $context } of error-io.
io-start = could not start the command
io-read-answer = could not read your answer
io-print-answer = could not print the answer
io-print-table = could not print the table
io-print-body = could not print the response body
io-print-json = could not print the JSON
io-print-report = could not print the report

## An internal error's details: the terminal has no log file (issue 17: internal errors)

cli-internal-log = To see the details, run the command again with METADESK_LOG=error set.

## clap's own words (issue 17): help headings, --help, --version, the help command, usage errors

cli-heading-usage = Usage:
cli-heading-commands = Commands
cli-heading-arguments = Arguments
cli-heading-options = Options
# What comes between a heading and the colon clap writes after it.
cli-heading-before-colon = {""}
cli-value-command = COMMAND
cli-help-flag = Print help
# clap's notes on an argument (the choices it takes, its default) after its help line.
cli-help-with-choices = { $help } [possible values: { $values }]
cli-help-with-default = { $help } [default: { $default }]
cli-help-version = Print version
cli-help-command = Print this message or the help of the given command
cli-help-command-arg = The command to explain
cli-usage-error = error: { $problem } (see --help)
cli-usage-missing = these required arguments are missing: { $args }
cli-usage-unknown-arg = unknown argument { $arg }
cli-usage-invalid-value = invalid value “{ $value }” for { $arg }
cli-usage-unknown-command = unknown command “{ $command }”
# The usage errors clap reports besides the common ones above (issue 17).
cli-usage-unknown-arg-like = unknown argument { $arg } (did you mean { $like }?)
cli-usage-unknown-command-like = unknown command “{ $command }” (did you mean “{ $like }”?)
cli-usage-missing-command = a command is required
cli-usage-missing-value = a value is required after { $arg }
cli-usage-invalid-choice = invalid value “{ $value }” for { $arg } (possible values: { $choices })
cli-usage-repeated = { $arg } can be given only once
cli-usage-conflict = { $arg } cannot be used with { $other }
cli-usage-conflict-any = { $arg } cannot be used with the other arguments given
cli-usage-extra-value = unexpected value “{ $value }” for { $arg }
cli-usage-value-count = { $arg } takes { $expected } values, not { $given }
cli-usage-no-equals = { $arg } takes its value after “=” (--name=value)
cli-usage-not-utf8 = an argument is not valid text (UTF-8)
# The names of arguments' values in the help and in usage errors (<CONNECTION>): cli-value- and
# the name clap has, in lower case, words joined by hyphens (QUERY_FILE: cli-value-query-file).
cli-value-aem = AEM
cli-value-choice = CHOICE
cli-value-condition = CONDITION
cli-value-days = DAYS
cli-value-connection = CONNECTION
cli-value-data = DATA
cli-value-endpoint = ENDPOINT
cli-value-file = FILE
cli-value-files = FILES
cli-value-paired-connection = PAIRED_CONNECTION
cli-value-folder = FOLDER
cli-value-tag = TAG
cli-value-host = HOST
cli-value-method = METHOD
cli-value-mime = MIME
cli-value-name = NAME
cli-value-new-name = NEW_NAME
cli-value-out = OUT
cli-value-path = PATH
cli-value-pattern = PATTERN
cli-value-persisted = PERSISTED
cli-value-property = PROPERTY
cli-value-property-value = PROPERTY=VALUE
cli-value-query = QUERY
cli-value-query-file = QUERY_FILE
cli-value-import = IMPORT
cli-value-run = RUN
cli-value-sheet = SHEET
cli-value-state = STATE
cli-value-url = URL
cli-value-user = USER
cli-value-values = VALUES
cli-value-variables = VARIABLES
cli-value-title = TITLE
cli-value-lang-title = LANG=TITLE

## Help summaries

cli-about = Metadesk from the command line.
cli-about-connections = Import, list and manage connections to AEM.
cli-about-connections-import = Import credential files (AEM service credentials, a local development token, or an Adobe Developer Console OAuth Server-to-Server credential). Importing a credential with the same client id again updates its connection; if its IMS, secret or kind differ from the stored one, that needs --replace.
cli-arg-connections-import-name = The connection's name (one file at a time).
cli-arg-connections-import-aem = The AEM author URL, when the file does not say or says something else.
cli-arg-connections-import-choice = Which credential of a project file holding several (its id, shown when refused).
cli-arg-connections-import-production = Mark the connection as production.
cli-arg-connections-import-replace = Replace a stored connection with the same client id even though this file's IMS, secret or kind differ from it.
cli-arg-connections-import-ims = The Adobe IMS an OAuth Server-to-Server credential gets its tokens from (a Developer Console project never says); default: the connection's, else https://ims-na1.adobelogin.com. Only https on *.adobelogin.com (or this computer).
cli-arg-connections-import-trust_host = Send this connection's tokens to HOST although it is not one of Adobe's AEM hosts (author-p…-e….adobeaemcloud.com), this computer included for a credential issued by Adobe: only for a host you trust.
cli-arg-connections-set-url-trust_host = Trust the new URL's host although it is not one of Adobe's AEM hosts (this computer included for a credential issued by Adobe).
cli-about-connections-list = List connections: name, kind, host, status.
cli-arg-connections-list-json = Print JSON (the same redacted view the app shows) instead of a table.
cli-about-connections-show = Show one connection in full (secrets only as hints).
cli-about-connections-remove = Remove a connection and its keychain entries.
cli-about-connections-rename = Rename a connection.
cli-about-connections-set-url = Change a connection's AEM author URL.
cli-about-connections-trust = Trust a connection's AEM host that is not one of Adobe's (this computer included for a credential issued by Adobe), by name: until then its tokens go nowhere and the connection is not used.
cli-about-connections-production = Mark a connection as production (on) or not (off).
cli-about-connections-add-sdk = Add a local AEM SDK login. The password is read from the first line of standard input.
cli-arg-connections-add-sdk-url = The SDK's address.
cli-about-connections-pair = Pair an OAuth Server-to-Server connection with the connection (service credentials, a development token or an SDK login on the same AEM) that finds its assets: bulk edits then use it without --paired-with, in the app and here. --none unpairs.
cli-about-connections-test = Test a connection: get (or reuse) a token, ask AEM who we are and read the DAM root; with --deep, check without changing anything what this AEM allows.
cli-arg-connections-test-name = The connection's name (or id), as `connections list` shows it.
cli-arg-connections-test-json = Print the report as JSON instead of text.
cli-arg-connections-test-deep = Also check, without changing anything, each path Metadesk uses on this AEM (searches, batch writes, the permission to write, thumbnails, GraphQL) and what it does instead.
cli-arg-connections-test-folder = With --deep: the DAM folder where the permission to change metadata is checked (default: /content/dam).
cli-arg-connections-test-report = With --deep: also save a field report to FILE for support: how this AEM answers each read Metadesk relies on (statuses, headers, the answers' shapes), with no token, no secret and no metadata value in it.
cli-about-doctor = Check that the keychain and the app's folders are usable.
cli-about-bulk = Bulk metadata edits: set, append, remove, clear, several at once (edit), find and replace, dates, case, spaces; resume, undo, retry.
cli-about-bulk-set = Replace the property's value: with values, or computed per asset from a template, the file name or another property.
cli-about-bulk-append = Add values to a multi-valued property (no duplicates).
cli-about-bulk-remove = Remove values from a multi-valued property.
cli-about-bulk-clear = Remove the property.
cli-about-bulk-edit = Several edits in one run, e.g. `--set dc:rights=WKND --append dc:subject=a --append dc:subject=b --remove dc:subject=old --clear xmpRights:UsageTerms`.
cli-about-bulk-resume = Apply a previewed run, or finish an interrupted or cancelled one (--dry-run: show what is left, write nothing).
cli-about-bulk-undo = Restore every original value a run changed (itself a run, with preview and report).
cli-about-bulk-retry = Make a run's edits again on the assets that failed in it (read again first; itself a run, with preview and report).
cli-about-runs = The history of bulk runs and their reports.

cli-about-graphql = Run a GraphQL query on a connection (exit 1 when the answer has GraphQL errors).
cli-about-request = Send one request to a connection's own AEM host (exit 1 for a non-2xx status).
cli-about-sheet = Spreadsheets: export a folder's metadata, import an edited sheet (preview, apply).
cli-about-sheet-export = Write a sheet (.xlsx or .csv, from --out's extension) of the assets of a folder, one column per property.
cli-about-sheet-import = Check an edited sheet (.xlsx, .xls, .ods, .csv; Metadesk's or AEM's Metadata Export), preview the cells that change, and apply them.
cli-about-schema = Metadata schemas: a folder's fields (labels, types, allowed values, required), and the assets that lack required metadata.
cli-about-schema-show = Show a folder's metadata schema: its fields by tab, with their labels, properties, types, allowed values, and whether they are required or read-only.
cli-about-schema-missing = List the assets that lack a value their metadata schema requires, field by field, and the values it does not allow (exit 1 when there are any).
cli-arg-schema-show-folder = The DAM folder whose schema to show: `/content/dam/…`.
cli-arg-schema-json = Print the answer as JSON.
cli-arg-schema-missing-list_out = Also write the paths of the assets lacking a required value to this file, one a line, for `bulk … --list FILE` or `sheet export --list FILE`.
cli-about-health = The health of a folder or a search, read-only: images without a description, expired and expiring assets, assets scheduled to go offline, where assets are used, changes since publication and missing required metadata.
cli-arg-health-expiring_within = Count as expiring the assets that expire within this many days: 30d, 30 days.
cli-arg-health-json = Print the report as JSON.
cli-arg-health-csv = Also write the lists to this CSV file: one row per list and asset.
cli-health-of = Health of { $folder }
cli-health-assets = { $count ->
    [one] 1 asset
   *[other] { $count } assets
}
cli-health-without-description = Images without a description (no alt text): { $count }
cli-health-expired = Expired: { $count }
cli-health-expiring = Expiring within { $days } days: { $count }
cli-health-off-time = Scheduled to go offline: { $count }
cli-health-used = Used on pages: { $count }
cli-health-unused = Used nowhere: { $count }
cli-health-references-unknown = Where used, not known (not “used nowhere”): { $count }
cli-health-changed = Changed since their last publication: { $count }
cli-health-missing = Missing required metadata: { $count }
cli-about-tags = AEM's tag taxonomy: list it in your language, export it as a sheet, and merge, move or delete a tag with every asset that holds it fixed.
cli-about-tags-list = List every tag of the taxonomy: its title in your language, its id and description (with --json, its titles in every language).
cli-about-tags-export = Save the taxonomy as a sheet (.xlsx or .csv): one row a tag with its id, title, a title column per language and its description.
cli-about-tags-merge = Merge a tag (and the tags below it) into another: every asset under --under that holds it gets the other instead (previewed, then applied), then AEM merges the tag itself.
cli-about-tags-move = Move or rename a tag (and the tags below it): every asset under --under that holds it gets the new id (previewed, then applied), then AEM moves the tag itself.
cli-about-tags-delete = Delete a tag (and the tags below it): removed from every asset under --under first (previewed, then applied), then deleted in AEM.
cli-about-tags-import = Apply a taxonomy sheet (as `tags export` writes it): create the tags it adds and change titles, translations and descriptions (previewed first; nothing is ever deleted).
cli-about-tags-undo-import = Undo a tag import (or a rename, as undo-rename): put titles back and remove the tags it created, unless changed or used since.
cli-arg-tags-import-sheet = The sheet: `.xlsx` or `.csv`, as `tags export` writes it.
cli-arg-tags-undo-import-id = The import's id, as `tags import` printed it.
cli-arg-tags-list-json = Print the tags as JSON.
cli-arg-tags-export-out = The file to write: `.xlsx` or `.csv` (replaced if it exists).
cli-arg-tags-list-under = Count, for each tag, the assets under this folder (and its subfolders) that hold it or a tag below it: `/content/dam/…`.
cli-arg-tags-export-under = Add a column counting, for each tag, the assets under this folder (and its subfolders) that hold it or a tag below it.
cli-arg-tags-tag = The tag: `namespace:path/to/tag`.
cli-arg-tags-merge-into = The tag it is merged into (it must exist).
cli-arg-tags-move-to = Its new id (no tag may have it yet).
cli-about-tags-rename = Rename a tag: change the title people see (and its titles in other languages), previewed first; its id stays, so no asset changes. Undone with tags undo-rename RUN.
cli-arg-tags-rename-title = Its new title.
cli-arg-tags-rename-title_in = A new title in another language, by AEM's locale name: --title-in fr=Surf (repeat it for each language).
cli-arg-tags-under = The folder whose assets (with its subfolders') that hold the tag are fixed: `/content/dam/…`.
cli-about-runs-list = Every run, newest first: when, connection, folder, edits, counts, duration, status.
cli-about-runs-show = One run's summary and report; `--csv FILE` exports every asset with its outcome.
cli-arg-runs-list-json = Print the runs as JSON.
cli-arg-runs-show-run = The run's id, as `runs list` shows it.
cli-arg-runs-show-csv = Write the report as CSV to this file (`-` for standard output). An existing file is not replaced unless `--force` is given.
cli-arg-runs-show-force = With --csv: replace the file if it exists.
cli-arg-runs-show-localized_headers = With --csv: column headers in the terminal's language (for people) instead of the machine-readable keys `path,status,reason,… before,… after`.
cli-arg-runs-show-json = Print the run's summary as JSON.
cli-arg-runs-show-jsonl = Print every asset as one JSON object per line: path, status (for a previewed run, `pending` = will change), reason, and the before → after of each edited property.

cli-arg-bulk-property = The metadata property, `prefix:name` (e.g. dc:rights; `metadata/dc:rights` works too).
cli-arg-bulk-values = The value(s); repeat for several.
cli-arg-bulk-connection = A stored connection (name or id; see `metadesk-cli connections list`).
cli-arg-bulk-aem = The AEM author URL, with `--file` (Adobe's sample-script form).
cli-arg-bulk-file = A credential file (Service Credentials, Local Development Token, OAuth S2S), used for this run only.
cli-arg-bulk-trust_host = With --aem: send the file's tokens to HOST although it is not one of Adobe's AEM hosts (author-p…-e….adobeaemcloud.com), this computer included for a credential issued by Adobe: only for a host you trust.
cli-arg-bulk-paired_with = OAuth S2S only (with --connection or --file): a stored connection on the same AEM that may use the classic API (service credentials, a development token or an SDK login), used to list folders and to search for what AEM's OpenAPI search cannot ask (without it, a folder's assets are found with that search where AEM answers it).
cli-arg-bulk-folder = The DAM folder: `/content/dam/…` (the sample's form without `/content/dam` works too).
cli-arg-bulk-under = Search under this folder (with --where); same as --folder.
cli-arg-bulk-conditions = Only assets matching this condition, in the window's words; repeat for several, e.g. --where 'dc:rights is empty' --where 'tag is wknd:activity/surfing'. Forms: PROP is empty | is not empty | is VALUE | is not VALUE | contains TEXT | does not contain TEXT, tag is TAG, type is MIME (image/* for a family), modified|created before|after YYYY-MM-DD, name matches PATTERN.
cli-arg-bulk-any = Assets matching any of the --where conditions (default: all of them).
cli-arg-bulk-list = The assets of a list: DAM paths, Assets links or urn:aaid:aem: ids, one per line or a one-column CSV. Entries that name no asset are reported, the rest edited.
cli-arg-bulk-scope = A scope saved for the connection (in the window's Bulk edit).
cli-arg-bulk-recursive = Include the assets of subfolders.
cli-arg-bulk-name = Only assets whose name matches (`*` and `?`).
cli-arg-bulk-formats = Only assets whose dc:format matches (e.g. `image/*`); may be repeated.
cli-arg-bulk-dry_run = Preview only: show what would change, write nothing.
cli-arg-bulk-yes = Apply without asking.
cli-arg-bulk-confirm_production = On a connection marked production: its name, to apply without typing it at a prompt (needed with --yes or without a terminal).
cli-arg-bulk-empty_required = Apply even where the changes leave fields the metadata form requires empty (the preview names them).
cli-bulk-emptied-required = Warning: { $label } ({ $property }) is required by the metadata form, and these changes leave it empty on { $count ->
    [one] { $count } asset
   *[other] { $count } assets
}. Add --empty-required to apply them all the same.
cli-arg-bulk-json = Print the result as JSON (no progress bar).
cli-arg-bulk-run = The run id (see `metadesk-cli runs list`).
cli-arg-bulk-edit-set = Replace a property's value: PROPERTY=VALUE (repeat with the same property for a multi-valued property).
cli-arg-bulk-edit-append = Add a value to a multi-valued property (no duplicates): PROPERTY=VALUE, repeatable.
cli-arg-bulk-edit-remove = Remove a value from a property: PROPERTY=VALUE, repeatable.
cli-arg-bulk-edit-clear = Remove a property: PROPERTY, repeatable.
cli-arg-graphql-connection = The stored connection (name or id).
cli-arg-graphql-endpoint = The configuration whose endpoint runs the query.
cli-arg-graphql-query_file = A file holding the query.
cli-arg-graphql-query = The query's text.
cli-arg-graphql-persisted = A persisted query, as CONFIG/NAME.
cli-arg-graphql-variables = The variables, as a JSON object.
cli-arg-graphql-table = Print the first list of items as a table.
cli-arg-graphql-json = Print the answer as JSON (the default).
cli-arg-graphql-csv = Write the first list of items as CSV to FILE.
cli-arg-request-connection = The stored connection (name or id).
cli-arg-request-method = GET, HEAD, POST, PUT, PATCH or DELETE.
cli-arg-request-path = The path on AEM, with its query (e.g. /content/dam.1.json).
cli-arg-request-data = The body: TEXT, or @FILE to read it from a file.
cli-arg-request-form = A form field, as K=V (repeatable): the body is sent URL-encoded (application/x-www-form-urlencoded), as AEM's Sling POST servlet takes it. Not with --data.
cli-arg-request-headers = A header, as "Name: value" (repeatable).
cli-arg-request-out = Write the body to FILE instead of stdout.
cli-arg-request-confirm_production = The connection's name, required to write (anything but GET/HEAD) on a production connection.
cli-arg-sheet-export-properties = A property to export, `prefix:name` (e.g. dc:title); repeat for several.
cli-arg-sheet-export-out = The file to write: `.xlsx` or `.csv`.
cli-arg-sheet-import-sheet = The sheet to import: .xlsx, .xlsm, .xls, .ods or .csv.
cli-arg-sheet-import-skip_invalid_rows = Leave out the rows that have errors and preview the others (errors in the headers or the file still stop the import).

## bulk and runs: human output

cli-run-status = { $status ->
    [preview-incomplete] preview incomplete
    [previewed] previewed
    [interrupted] interrupted
    [cancelled] cancelled
    [stopped] stopped
   *[completed] completed
}
cli-summary-heading = Run { $run } ({ $status }) on { $connection } — { $folder }
cli-summary-edits = {"  "}edits: { $edits }
cli-summary-counts = {"  "}{ $assets ->
    [one] { $assets } asset
   *[other] { $assets } assets
}: { $changed } changed, { $unchanged } unchanged, { $skipped } skipped, { $failed } failed, { $pending } still to do
cli-summary-duration = {"  "}duration: { $seconds } s
cli-summary-stopped = {"  "}stopped because: { $reason }
# Which search found a run's assets (issue 15)
cli-summary-found = {"  "}assets: { $how }
cli-summary-by-folder = {"  "}By subfolder:
cli-summary-folder = {"    "}{ $folder }: { $changed } changed, { $unchanged } unchanged, { $skipped } skipped, { $failed } failed, { $pending } still to do
cli-summary-folder-itself = (the folder itself)
cli-summary-more-folders = {"    "}and { $count ->
    [one] one more subfolder
   *[other] { $count } more subfolders
}
cli-progress-preview = preview
cli-progress-apply = apply
cli-progress-counts = { $done }/{ $total } changed { $changed } unchanged { $unchanged } skipped { $skipped } failed { $failed } · { $rate }/s · { $concurrency } at once
cli-progress-eta = {" "}ETA { $seconds } s
cli-progress-paused = {" "}PAUSED
cli-bulk-scope = Scope: { $scope }
cli-bulk-stopping = Stopping: letting the writes under way finish… (Ctrl-C again to quit now)
cli-bulk-more-changes = {"  "}… and { $count } more (runs show { $run } --csv FILE)
cli-bulk-failure-group = {"  "}{ $count ->
    [one] { $count } asset
   *[other] { $count } assets
} failed: { $reason }. In { $folders }
cli-bulk-more-folders = (and { $count ->
    [one] { $count } more folder)
   *[other] { $count } more folders)
}
cli-bulk-skipped-entry = {"  "}skipped { $path }: { $reason }
cli-bulk-more-skipped = {"  "}… and { $count } more skipped (runs show { $run } --csv FILE, or --json)
cli-bulk-report-hint = {"  "}report: metadesk-cli runs show { $run } (--csv FILE for every asset)
cli-bulk-finish-hint = {"  "}finish it: metadesk-cli bulk resume { $run }
cli-bulk-preview-cancelled = The preview was cancelled; nothing was written.
cli-bulk-nothing-to-change = Nothing to change.
cli-bulk-dry-run = Dry run: nothing was written. Every asset's before → after: metadesk-cli runs show { $run } --jsonl (or --csv FILE). Apply exactly this with: metadesk-cli bulk resume { $run }
cli-bulk-dry-run-resume = Dry run: nothing was written.
cli-bulk-not-applied = Not applied. Apply later with: metadesk-cli bulk resume { $run }
cli-runs-none = No runs yet.
cli-runs-counts = { $changed } changed, { $unchanged } unchanged, { $skipped } skipped, { $failed } failed, { $pending } to do
cli-runs-counts-rows = { $done } done, { $left } left alone, { $failed } failed, { $pending } to do
cli-runs-duration = , { $seconds } s
cli-runs-undone-by = , undone by { $run }
cli-runs-redone-by = , redone by { $run }
cli-runs-problem = {"  "}{ $status ->
    [skipped] skipped
    [failed] failed
    [pending] pending
    [changed] changed
   *[unchanged] unchanged
} { $path }: { $reason }
cli-runs-failed-asset = {"  "}failed { $path }
cli-runs-report-written = Report written to { $file }.
cli-runs-report-exists = error: { $file } already exists; choose another file name, or add --force to replace it.

# Asking before writing (issue 17: the prompts in the user's language)
cli-confirm-change = Change { $count ->
    [one] { $count } asset
   *[other] { $count } assets
}?
cli-yes-no-choices = [y/N]
# What counts as yes besides y and yes (which every language accepts), comma-separated.
cli-yes-answers = y, yes
cli-not-applying-without-confirmation = Not applying without confirmation: add --yes (or --dry-run to only preview).
cli-which-folder = Say which folder: --folder or --under.
cli-sheet-out-format = { $file } must end in .xlsx or .csv: that is the format written.
cli-edit-no-value = { $flag } { $raw } has no value: write it as PROPERTY=VALUE, e.g. { $flag } dc:rights=WKND.
cli-edit-clear-takes-name = --clear { $raw }: clear takes a property name only (it removes the property), e.g. --clear xmpRights:UsageTerms.
cli-edit-nothing = Say what to change: --set, --append or --remove PROPERTY=VALUE, or --clear PROPERTY.
cli-production-prompt = "{ $name }" is marked production. To change { $count ->
    [one] { $count } asset
   *[other] { $count } assets
}, type its name:
cli-production-wrong-name = --confirm-production "{ $typed }" is not this connection's name. { $refusal }
cli-production-needs-flag = { $refusal } Without a terminal (or with --yes), give it as --confirm-production "{ $name }".

## sheet: human output (issue 17)
cli-sheet-wrote = Wrote { $count ->
    [one] { $count } asset
   *[other] { $count } assets
} to { $file }.
cli-sheet-folder-unlisted = warning: the folder { $folder } could not be listed; its assets are not in the sheet.
cli-sheet-unread = warning: not in the sheet (could not be read): { $reason }
cli-sheet-issue = { $severity ->
    [error] error
   *[warning] warning
}: { $message }
cli-sheet-has-errors = { $file } has { $count ->
    [one] { $count } error
   *[other] { $count } errors
}; nothing was written. Correct them, or add --skip-invalid-rows to leave those rows out.
cli-sheet-rows-left-out = Left out (errors): { $count ->
    [one] row
   *[other] rows
} { $rows }.

## graphql and request: human output

cli-console-persisted-form = --persisted "{ $given }" must be CONFIG/NAME, such as wknd/adventures-all.
cli-console-no-query = Give the query with --query, --query-file or --persisted.
cli-console-header-form = --header "{ $given }" must be "Name: value".
cli-console-form-form = --form "{ $given }" must be NAME=VALUE, such as --form ./dc:title=Summer.

cli-graphql-error-at = GraphQL error at line { $line }, column { $column }: { $message }
cli-graphql-error = GraphQL error: { $message }
cli-graphql-no-list = The answer holds no list of items; printing it as JSON.
cli-graphql-no-table = The answer holds no list of items, so there is no table to write as CSV; use --json.
cli-graphql-rows = { $count ->
    [one] { $count } row
   *[other] { $count } rows
}
cli-graphql-rows-written = { $count ->
    [one] { $count } row written to { $file }
   *[other] { $count } rows written to { $file }
}
cli-request-status = { $status } { $outcome ->
    [ok] OK
   *[failed] not a success
} ({ $millis } ms, { $cut ->
    [yes] { $size } bytes, cut
   *[no] { $size } bytes
})
cli-request-binary = The body is binary; use --out FILE to keep it.

## connections

kind-service-credentials = AEM service credentials
kind-local-dev-token = AEM local development token
kind-oauth-s2s = OAuth Server-to-Server credential
kind-local-sdk = Local AEM SDK
cli-name-one-file = --name can only be used with one file at a time
cli-removed = removed "{ $name }" and its keychain entries
cli-renamed = renamed to "{ $name }"
cli-host-trusted = "{ $name }" may now send its tokens to { $host }
cli-list-untrusted-host = { $host } (not Adobe’s, not trusted: not used)
cli-url-set = "{ $name }" now uses { $url }
cli-paired-set = "{ $name }" is paired with "{ $paired }", which finds its assets
cli-paired-unset = "{ $name }" is no longer paired with a connection that finds its assets
cli-production-on = "{ $name }" is marked as production
cli-production-off = "{ $name }" is no longer production
cli-import-imported = imported { $file }: "{ $name }" ({ $kind }, { $host })
cli-import-updated = updated  { $file }: "{ $name }" ({ $kind }, { $host })
cli-import-note = {"  "}note: { $note }
cli-note-paired-with-unused = note: --paired-with is only for OAuth Server-to-Server connections; "{ $name }" lists folders itself.
cli-import-aem-user = {"  "}AEM user to give permissions to: { $email }
cli-refused = refused { $file }: { $message }
cli-refused-hint-aem = refused { $file }: { $message } Use --aem URL.
cli-refused-hint-replace = refused { $file }: { $message } Add --replace to replace it.
cli-list-empty = No connections yet. Import one with: metadesk-cli connections import FILE
cli-list-production = { $name } [production]
cli-list-name = NAME
cli-list-kind = KIND
cli-list-host = HOST
cli-list-status = STATUS
cli-show-row = { $label }: { $value }
cli-show-name = Name
cli-show-kind = Kind
cli-show-aem = AEM
cli-show-status = Status
cli-show-production = Production
cli-show-ims = IMS
cli-show-client-id = Client id
cli-show-aem-user = AEM user to give permissions to
cli-show-acts-as = Acts as
cli-show-org = Organisation
cli-show-certificate-expires = Certificate expires
cli-show-token-expires = Token expires
cli-show-scopes = Scopes
cli-show-secrets = Secrets
cli-show-id = Id
# issue 17 (connections in the user's language): the token's health in `connections show`
cli-show-access = Access
cli-show-advice = What to do
cli-password-unreadable = could not read the password: { $detail }
cli-sdk-added = added "{ $name }" ({ $url })
cli-sdk-updated = updated  "{ $name }" ({ $url })

## connections test

cli-test-heading = Testing "{ $name }" ({ $kind }) at { $host }
cli-test-step = {"  "}[{ $mark }] { $label }: { $detail }
cli-test-mark-ok = ok{"  "}
cli-test-mark-warn = warn
cli-test-mark-fail = FAIL
cli-test-mark-skip = skip
cli-test-acting-as = Acting as: { $user }
cli-test-token-until = Token valid until: { $at }
cli-test-certificate = Certificate: { $message }
cli-test-dam-readable = DAM readable: { $answer }
cli-test-result-warned = Result: the connection works (with a warning, see above).
cli-test-result-ok = Result: the connection works.
cli-test-result-failed = Result: the connection does not work yet (see above).
cli-field-report-heading = Field report: { $reads } reads, { $differing } not answered as Metadesk expects.
cli-field-report-read = {"  "}[{ $mark }] { $method } { $path }: { $answer }
cli-field-report-answer = { $status } in { $millis } ms
cli-field-report-unsent = not sent ({ $code })
cli-field-report-mark-other = info
cli-field-report-difference = {"         "}{ $text }
cli-field-report-saved = The report is in { $file }. It holds no token, no secret and no metadata value: you can send it to support as it is.
cli-allows-heading = What this AEM allows:
cli-can-do-heading = What this connection can do:
cli-can-do = {"  "}[{ $mark }] { $text }
cli-allows-mark-ok = ok{"  "}
cli-allows-mark-refused = no{"  "}
cli-allows-mark-unavailable = n/a{" "}
cli-allows-instead = {"         "}Instead: { $instead }

## doctor

cli-doctor-line = { $mark } { $label }: { $detail }

# Edits that compute (issue 30)
cli-about-bulk-replace = Find and replace in every value of the property: plain text or a regular expression.
cli-about-bulk-date = Move or set the dates of the property, keeping each value's time zone and form.
cli-about-bulk-case = Change the case of every value of the property.
cli-about-bulk-trim = Remove spaces at the ends of every value of the property (and collapse those inside).
cli-arg-bulk-only_where = Only the assets where the property is empty (fill the gaps: empty), or only where it is not (not-empty).
cli-arg-bulk-set-template = Set from a template: {"{"}Title{"}"} (a field's label, as the form shows it) or {"{"}dc:title{"}"} is a property's value, {"{"}name{"}"} the file name without its extension, {"{"}filename{"}"}, {"{"}extension{"}"}, {"{"}folder{"}"} (the folder's name), {"{"}path{"}"}; {"{{"} and {"}}"} write a brace. An asset missing a value it names is skipped, with why.
cli-arg-bulk-set-from_name = With --template: a regular expression matched on the file name, whose groups the template names ({"{"}sku{"}"} for (?<sku>…), {"{"}1{"}"} for the first group). An asset whose name does not match is skipped, with why.
cli-arg-bulk-set-whole_path = With --from-name: match the whole path rather than the file name.
cli-arg-bulk-set-copy_from = Copy another property's value (one value or a list, as it is).
cli-arg-bulk-replace-find = The text to find (a regular expression with --regex).
cli-arg-bulk-replace-replace = What to put instead (empty to delete what is found); with --regex, $1 or ${"{"}name{"}"} put back what a group found.
cli-arg-bulk-replace-regex = --find is a regular expression.
cli-arg-bulk-replace-ignore_case = Find WKND, Wknd and wknd alike.
cli-arg-bulk-replace-whole_word = Only where --find is a whole word (not inside a longer word).
cli-arg-bulk-date-shift = Move every date by a duration: 7d, -1w, +2h30m (w weeks, d days, h hours, m minutes, s seconds), in the value's own time zone.
cli-arg-bulk-date-to = Set every date: a day (2025-01-31: its time and zone kept), a day and time (2025-01-31T09:00: its zone kept) or a moment with its zone (2025-01-31T09:00:00Z).
cli-arg-bulk-case-to = The case: upper, lower, title (each word capitalised) or sentence (the first word).
cli-arg-bulk-trim-collapse = Also make each run of spaces inside one space.
cli-value-case = CASE
cli-value-date = DATE
cli-value-duration = DURATION
cli-value-template = TEMPLATE
cli-value-text = TEXT
cli-value-where = WHERE
# Examples shown after a command's help (cli-examples- and the command's path).
cli-examples-bulk-replace = Examples:
  metadesk-cli bulk replace --connection wknd --folder /content/dam/wknd --property dc:title --find 'WKND (\w+)' --replace 'Wknd $1' --regex
  metadesk-cli bulk replace --connection wknd --folder /content/dam/wknd --property dc:subject --find surf --replace surfing --whole-word --ignore-case --dry-run
cli-examples-bulk-set = Examples:
  metadesk-cli bulk set --connection wknd --folder /content/dam/wknd --property dc:title --template '{"{"}name{"}"} — {"{"}folder{"}"}' --only-where empty
  metadesk-cli bulk set --connection wknd --folder /content/dam/wknd --property dc:identifier --from-name '^(?<sku>\d+)_' --template 'SKU-{"{"}sku{"}"}'
  metadesk-cli bulk set --connection wknd --folder /content/dam/wknd --property dc:description --copy-from dc:title
cli-examples-bulk-date = Examples:
  metadesk-cli bulk date --connection wknd --folder /content/dam/wknd --property prism:expirationDate --shift 7d
  metadesk-cli bulk date --connection wknd --folder /content/dam/wknd --property prism:expirationDate --to 2025-12-31
cli-examples-bulk-remove = Example (remove a tag, by its id):
  metadesk-cli bulk remove --connection wknd --folder /content/dam/wknd --property cq:tags --value wknd:activity/surfing
## schema: human output (issue 31)
cli-schema-warning = warning: { $message }
cli-schema-form-mapped = Form { $form } (chosen by { $folder })
cli-schema-form-default = Form { $form } (the default: no folder above names one)
cli-schema-mime = Only for { $mime }:
cli-schema-field = { $label } ({ $property }): { $kind }
cli-tags-line = { $title } ({ $id })
cli-tags-description = {" "}— { $description }
cli-tags-none = The taxonomy holds no tags.
cli-tags-count = {" "}· { $count ->
    [one] { $count } asset
   *[other] { $count } assets
}
cli-tags-folder-unlisted = warning: the folder { $folder } could not be listed; its assets are not counted.
cli-tags-unread = warning: not counted (could not be read): { $reason }
cli-tags-exported = Saved { $tags } tags to { $path }.
cli-tags-then = After applying, AEM would then change the tag { $id } itself.
cli-tags-merged = Merged { $id } into { $target }.
cli-tags-moved = Moved { $id } to { $target }.
cli-tags-deleted = Deleted { $id }.
cli-tags-step-will-keep = The tag { $id } will be kept: { $count ->
    [one] { $count } asset
   *[other] { $count } assets
} that may hold it are left alone (see the preview), and AEM changes a tag only once every asset that holds it is rewritten.
cli-tags-step-kept = The tag { $id } was kept: { $count ->
    [one] { $count } asset
   *[other] { $count } assets
} that may hold it were not rewritten (left alone, not read or failed: metadesk-cli runs show { $run }). Fix them, then run this command again.
cli-tags-step-refused = The assets are done, but the tag { $id } was not changed: { $reason } Try again with: metadesk-cli bulk resume { $run }
cli-tags-step-in-doubt = The change of the tag { $id } was interrupted; finish it with: metadesk-cli bulk resume { $run }
cli-tags-step-waiting = The tag { $id } is changed once every asset is done; finish the run with: metadesk-cli bulk resume { $run }
cli-tags-confirm-at-once = No asset under the folder holds { $id }: change the tag itself in AEM now?
cli-production-prompt-tag = "{ $name }" is marked production. To change the tag { $id } in its taxonomy, type its name:
cli-tags-undo-keeps-merge = The assets hold { $id } again. AEM keeps { $id } as a hidden pointer to { $target }: the merge itself is not undone, and pages still show { $target } for it.
cli-tags-undo-keeps-move = The assets hold { $id } again. AEM keeps { $id } as a hidden pointer to { $target }: the move itself is not undone. To move the tag back, preview it as its own change: metadesk-cli tags move { $target } --to { $id } --under FOLDER
cli-tags-undo-keeps-delete = The assets hold { $id } again, but AEM deleted that tag: they show no title for it until a tag { $id } exists again (tags import can create it).
cli-tags-import-preview = { $file }: { $created ->
    [one] { $created } tag to create
   *[other] { $created } tags to create
}, { $changed ->
    [one] { $changed } value to change
   *[other] { $changed } values to change
}.
cli-tags-import-create = {"  "}new tag { $id }, titled { $title }
cli-tags-import-create-value = {"    "}{ $what }: { $value }
cli-tags-import-change = {"  "}{ $what } of { $id }: { $before } → { $after }
cli-tags-import-what-title = title
cli-tags-import-what-title-in = title ({ $lang })
cli-tags-import-what-description = description
cli-tags-import-quoted = “{ $text }”
cli-tags-import-no-value = (none)
cli-tags-import-nothing = { $file } changes nothing in AEM’s tags: every value in it is already there.
cli-tags-import-dry-run = Dry run: nothing was written. Apply exactly this with: metadesk-cli bulk resume { $run }
cli-tags-import-confirm = Make { $count ->
    [one] this change
   *[other] these { $count } changes
} to AEM’s tags?
cli-tags-import-not-applied = Nothing was written.
cli-tags-import-done = Created { $created ->
    [one] { $created } tag
   *[other] { $created } tags
} and changed { $changed ->
    [one] { $changed } value
   *[other] { $changed } values
} (import { $id }). To undo it: metadesk-cli tags undo-import { $id }
cli-tags-import-resume = To finish the import once the cause is fixed: metadesk-cli bulk resume { $id }
cli-tags-import-changed-since = Left as it is: the { $what } of { $id } was changed in AEM since the preview (the preview showed { $shown }, AEM now holds { $now }).
cli-tags-rename-preview = Rename of the tag { $from } to { $to } ({ $id }): its id stays, so no asset changes.
cli-tags-rename-confirm = Rename the tag { $from } to { $to }?
cli-tags-renamed = Renamed { $id }. Undo with: metadesk-cli tags undo-rename { $run }
cli-tags-import-exists-now = Not created: { $id } was created in AEM since the preview.
cli-tags-undo-dry-run = Dry run: nothing was written; without --dry-run, the values import { $id } changed are put back and the tags it created removed, except those changed or used since.
cli-tags-undo-confirm = Undo the tag import { $id }?
cli-tags-undo-rename-confirm = Undo the rename of { $tag } ({ $from } → { $to }): put its titles back?
cli-tags-undo-planned = The undo of { $id } would put back { $values ->
    [one] { $values } value
   *[other] { $values } values
} and remove { $tags ->
    [one] { $tags } tag it created
   *[other] { $tags } tags it created
}, each only if AEM still holds it as the import left it.
cli-tags-undone = Undid { $id }: { $restored ->
    [one] { $restored } value put back
   *[other] { $restored } values put back
}, { $removed ->
    [one] { $removed } tag removed
   *[other] { $removed } tags removed
}.
cli-tags-undo-unfinished = The undo of { $id } did not finish: { $restored ->
    [one] { $restored } value put back
   *[other] { $restored } values put back
}, { $removed ->
    [one] { $removed } tag removed
   *[other] { $removed } tags removed
} so far. Finish it with: metadesk-cli bulk resume { $run }
cli-tags-undo-kept-value = { $known ->
    [yes] Kept: the { $what } of { $tag } was changed in AEM after Metadesk wrote { $wrote } (it now holds { $now }).
   *[no] Kept: the { $what } of { $tag } was changed in AEM after Metadesk wrote it (it now holds { $now }).
}
cli-tags-undo-kept-changed = Kept: { $tag } was changed in AEM after Metadesk wrote it.
cli-tags-undo-kept-children = Kept: { $tag } has tags below it that the import did not create.
cli-tags-undo-kept-assets = Kept: assets hold { $tag }; take it off them first (tags delete does both).
cli-tags-undo-kept-unchecked = Kept: { $tag }, as not all the content that may hold it could be read ({ $detail }).
cli-tags-undo-not-done = Not done yet: { $tag } ({ $detail }). Resuming the undo (metadesk-cli bulk resume) tries it again.
cli-schema-kind = { $kind ->
    [text] text
    [multi-text] several texts
    [number] number
    [date] date
    [dropdown] dropdown
    [tags] tags
    [checkbox] checkbox
   *[other] not checked by Metadesk
}
cli-schema-required = required
cli-schema-read-only = read-only
cli-schema-options = ; allowed: { $options }
cli-schema-not-covered = Not reflected: cascading rules (fields required, shown or offered under conditions), options kept in a JSON file, and the forms of the Assets view.
cli-schema-checked = Checked { $count ->
    [one] { $count } asset
   *[other] { $count } assets
} in { $folder }.
cli-schema-lacking = { $count ->
    [one] { $count } asset lacks
   *[other] { $count } assets lack
} { $label } ({ $property }, required):
cli-schema-off = { $count ->
    [one] { $count } value the schema does not allow:
   *[other] { $count } values the schema does not allow:
}
cli-schema-all-filled = Every required field is filled and every value is allowed.
cli-schema-folder-unlisted = warning: the folder { $folder } could not be listed; its assets are not in the report.
cli-schema-unread = warning: not checked (could not be read): { $reason }

## Publishing (issue 39)
cli-about-publish = Publish a scope's assets (a folder, a search or a list) to the website, or to AEM's Preview tier with --agent preview.
cli-about-unpublish = Unpublish a scope's assets from the website (or from AEM's Preview tier).
cli-arg-publish-agent = Where to publish: publish (the website) or preview (AEM's Preview tier).
cli-arg-unpublish-agent = Where to unpublish from: publish (the website) or preview (AEM's Preview tier).
cli-arg-bulk-republish = After applying, republish the changed assets that were published before (never one that was not), so the website shows the new values.
cli-value-agent = AGENT
cli-summary-publication = {"  "}publication: { $states }
# An edit's assets by where they stood on the website at its preview (issue 53)
cli-summary-on-website = {"  "}on the website: { $states }
# A republish's outcome, in the window's words (issue 53)
cli-summary-republished = {"  "}published { $published } · not on the website, left alone { $left }
cli-republish-start = Republishing what run { $run } changed (only assets that were published before):
cli-about-bulk-republish = Republish what an applied run changed, on the assets that were published before it (never one that was not; itself a run, with preview and report).
cli-arg-bulk-republish-agent = Where to republish: publish (the website) or preview (AEM's Preview tier).
cli-examples-bulk-republish = Examples:
  metadesk-cli bulk republish 20260131-091500-ab12 --dry-run
  metadesk-cli bulk republish 20260131-091500-ab12 --agent preview --yes
cli-examples-publish = Examples:
  metadesk-cli publish --connection wknd --folder /content/dam/wknd-shared/en --recursive --dry-run
  metadesk-cli publish --connection wknd --list changed.txt --yes
  metadesk-cli publish --connection wknd --folder /content/dam/wknd-shared/en --agent preview
cli-examples-unpublish = Examples:
  metadesk-cli unpublish --connection wknd --list withdrawn.txt --dry-run

cli-arg-fragments-connection = A stored connection (name or id; see `metadesk-cli connections list`).
cli-arg-fragments-aem = The AEM author URL, with `--file` (Adobe's sample-script form).
cli-arg-fragments-file = A credential file (Service Credentials, Local Development Token, OAuth S2S), used for this run only.
cli-arg-fragments-trust_host = With --aem: send the file's tokens to HOST although it is not one of Adobe's AEM hosts (author-p…-e….adobeaemcloud.com), this computer included for a credential issued by Adobe: only for a host you trust.
cli-arg-fragments-paired_with = OAuth S2S only (with --connection or --file): a stored connection on the same AEM that may use the classic API (service credentials, a development token or an SDK login), used to list folders and to search for what AEM's OpenAPI search cannot ask (without it, a folder's assets are found with that search where AEM answers it).
cli-arg-fragments-dry_run = Preview only: show what would change, write nothing.
cli-arg-fragments-yes = Apply without asking.
cli-arg-fragments-confirm_production = On a connection marked production: its name, to apply without typing it at a prompt (needed with --yes or without a terminal).
cli-arg-fragments-empty_required = Apply even where the changes leave fields the metadata form requires empty (the preview names them).
cli-arg-fragments-json = Print the result as JSON (no progress bar).
cli-arg-fragments-replace-find = The text to find (a regular expression with --regex).
cli-arg-fragments-replace-replace = What to put instead (empty to delete what is found); with --regex, $1 or ${"{"}name{"}"} put back what a group found.
cli-arg-fragments-replace-regex = --find is a regular expression.
cli-arg-fragments-replace-ignore_case = Find WKND, Wknd and wknd alike.
cli-arg-fragments-replace-whole_word = Only where --find is a whole word (not inside a longer word).
cli-about-fragments = Content fragments' fields in bulk (AEM's Sites API, OAuth Server-to-Server connections): list, set, append, remove, clear, find and replace.
cli-about-fragments-list = List a folder's content fragments: title, model, status, and the fields their models give (name, type, one value or several, allowed values).
cli-about-fragments-set = Replace a field's value.
cli-about-fragments-append = Add values to a field that holds several (no duplicates).
cli-about-fragments-remove = Remove values from a field that holds several.
cli-about-fragments-clear = Empty a field.
cli-about-fragments-replace = Find and replace in a text field (rich text: its text only, its markup kept).
cli-arg-fragments-folder = The folder whose content fragments are edited (or listed), with those of its subfolders.
cli-arg-fragments-model = Only the fragments of this model (its name or title, as `fragments list` shows it).
cli-arg-fragments-list = The content fragments of a list: their paths (or links to them), one per line.
cli-arg-fragments-field = The field, by its name (`fragments list` shows them); jcr:title and jcr:description are the fragment's own title and description.
cli-arg-fragments-values = The value(s); repeat for several (a field that holds several values).
cli-value-model = MODEL
cli-fragments-count = { $count ->
    [one] { $count } content fragment
   *[other] { $count } content fragments
} under { $folder }:
cli-fragments-fields = Fields an edit can change:
cli-value-field = FIELD
cli-tags-undo-kept-pages = Kept: pages use { $tag }, such as { $page }; take it off them first.

# Undoing an edit that was republished, and undoing the republish itself (issue 63, item 6)
cli-undo-republishes = {"  "}then republished: { $count } of these assets on the website, so that it shows the values given back too (run { $run } was republished)
cli-undo-row-republished = then republished
cli-undo-of-republish = Run { $run } republished what run { $edit } changed: AEM cannot give back an older publication, so undoing it leaves the website as it is and gives nothing back on author. To give those assets their values back, on author and on the website, undo the edit: { $command }

## upload (crates/cli/src/upload.rs)
cli-upload-plan = { $files ->
    [one] { $files } file
   *[other] { $files } files
} for { $folder }: { $new } new, { $same } already there (skipped), { $different } different, { $refused } refused
cli-upload-intent = { $intent ->
    [new] new
    [same] same
    [new-version] version
    [replace] replace
   *[refused] refused
}
cli-upload-needs-yes = Nothing was sent: add --yes to upload (--dry-run shows the plan only).
cli-about-upload = Upload files and folders into a DAM folder (AEM's direct binary upload): the plan first (new, already there, different, refused), sent with --yes.
cli-arg-upload-paths = The files and folders to upload; a folder's contents go in with their subfolders.
cli-arg-upload-to = The DAM folder they go into (it must exist).
cli-arg-upload-when_different = Where another file is already at a file's path: give that asset a new version, or replace it with a new asset.
cli-arg-upload-dry_run = Show the plan only, send nothing.
cli-arg-upload-yes = Upload without asking.
cli-arg-upload-confirm_production = On a connection marked production: its name, typed to confirm the upload (needed with --yes).
cli-arg-upload-json = Print the plan and the outcome as JSON.
cli-arg-upload-connection = A stored connection (name or id; see `metadesk-cli connections list`).
cli-arg-upload-aem = The AEM author URL, with `--file` (Adobe's sample-script form).
cli-arg-upload-file = A credential file (Service Credentials, Local Development Token), used for this run only.
cli-arg-upload-trust_host = With --aem: send the file's tokens to HOST although it is not one of Adobe's AEM hosts (author-p…-e….adobeaemcloud.com), this computer included for a credential issued by Adobe: only for a host you trust.
cli-arg-upload-paired_with = Not used by uploads (OAuth Server-to-Server connections cannot upload).
cli-value-when-different = WHEN_DIFFERENT
cli-references-asset = { $path }: used on { $count ->
    [one] 1 page
   *[other] { $count } pages
}
cli-references-published = (published)
cli-references-not-published = (not published)
cli-references-none = No page uses { $count ->
    [one] this asset
   *[other] any of these { $count } assets
}.
cli-references-not-asked = { $count ->
    [one] 1 more asset was
   *[other] { $count } more assets were
} not asked about (at most { $max } a preview).
cli-references-unpublish-warning = Warning: { $count ->
    [one] 1 asset is
   *[other] { $count } assets are
} used on published pages: unpublishing breaks their images on the website.
cli-references-failed = Where the assets are used could not be asked: { $message }
