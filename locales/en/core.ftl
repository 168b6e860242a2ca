# Messages of Metadesk's core (crates/core): errors, "Test connection", formats.
# Shared by the window and the CLI. Every message here has a French twin in ../fr/core.ftl
# with the same variables; the catalogue tests check that.

## Formats (the patterns use the `time` crate's format description language)

format-month-short = { $month ->
    [1] Jan
    [2] Feb
    [3] Mar
    [4] Apr
    [5] May
    [6] Jun
    [7] Jul
    [8] Aug
    [9] Sep
    [10] Oct
    [11] Nov
   *[12] Dec
}
format-date = [day padding:none] { $month } [year]
format-datetime-utc = [day padding:none] { $month } [year], [hour]:[minute] UTC
format-duration-under-a-minute = less than a minute
format-duration-days = { $days } days
format-duration-hours-minutes = { $hours ->
    [0] { $minutes } min
   *[other] { $minutes ->
        [0] { $hours } h
       *[other] { $hours } h { $minutes } min
    }
}

## Errors

error-io = { $context }: { $detail }
error-internal = something went wrong inside Metadesk ({ $detail }); the log file has the details
error-connection-gone = That connection no longer exists.
error-console-busy = Another Metadesk window or command is changing this connection’s console history and has not finished. Try again in a moment.
error-no-such-connection = There is no connection called "{ $name }".

aem-unreachable = Could not reach { $host }: { $detail }. Check the network connection (and any proxy), then try again.
aem-timeout = { $host } did not answer in time. It may be busy; try again in a moment.
aem-status = AEM answered { $status } for { $what }.
aem-bad-response = AEM's answer to { $what } could not be read ({ $detail }).

ims-wrong-client = Adobe IMS did not accept the client id { $clientId } with its client secret{ $detail }. The credential may have been deleted, its secret rotated, or it belongs to another IMS environment. Download the credential again and re-import it.
ims-signature-mismatch = Adobe IMS could not match the signature to this technical account's certificate{ $detail }. The private key or certificate was probably replaced, revoked or has expired. In the AEM Developer Console, download the current service credentials (or add a new certificate) and re-import them.
ims-scope-not-allowed = Adobe IMS refused the requested scopes ({ $scopes }){ $detail }. Re-import the credential file unchanged from the Developer Console; if it is current, the technical account is not allowed these scopes.
ims-jwt-expired = Adobe IMS rejected the signed request as expired{ $detail }. Check this computer's clock: its date, time and time zone must be right (automatic time is best), then try again.
ims-malformed = Adobe IMS rejected the token request as malformed ({ $code }{ $detail }). This is likely a problem in Metadesk or a damaged credential file; re-import the file, and report it if it persists.
ims-rejected = Adobe IMS refused to issue a token (HTTP { $status }{ $detail }).
ims-server-trouble = Adobe IMS at { $host } is having trouble (it answered HTTP { $status }, also after { $attempts } attempts). This is on Adobe's side; try again in a few minutes.
ims-throttled = Adobe IMS at { $host } is limiting how many tokens this credential may request{ $wait }. Wait a while before trying again.
ims-unreachable = Could not reach Adobe IMS at { $host } ({ $detail }). Check that this computer is online and, if your network needs a proxy, that it lets { $host } through.
ims-timeout = Adobe IMS at { $host } did not answer in time. Check the network and try again.
ims-redirected = Adobe IMS at { $host } answered with a redirect to { $location }. Metadesk does not follow redirects with credentials; check the IMS address of this connection.
ims-bad-response = Adobe IMS at { $host } gave an answer Metadesk cannot use ({ $detail }).

keychain-unavailable = This computer has no keychain that Metadesk can use ({ $detail }). { $fix } Metadesk keeps secrets only in the system keychain, so nothing can be saved until then.
keychain-locked = The system keychain is locked. Unlock it (on Linux: open "Passwords and Keys" and unlock the Login keyring; on macOS: Keychain Access) and try again.
keychain-access-denied = The system keychain refused access ({ $detail }). Allow Metadesk to use it and try again.
keychain-too-large = The keychain entry is too large for this system's keychain ({ $size } bytes, the limit is { $limit }).
keychain-failed = The system keychain failed: { $detail }

## Lists of assets in a file, dropped or chosen in Bulk edit (issue 15)

list-file-not-text = { $file } is not a text file: a list of assets is a .txt or .csv file with one DAM path, Assets link or asset id per line, or a workbook whose first column holds them.
list-file-unreadable = { $file } could not be read as a list of assets ({ $detail }).
list-file-empty = { $file } has no entries: write one DAM path, Assets link or asset id per line.
list-file-too-large = { $file } is { $size } MB: a list file may be at most { $limit } MB (some 50,000 entries). Split it, or use AEM's own bulk tools for a change this large.
list-file-columns = { $file } has { $columns } columns on line { $line }: a list file has one column (a DAM path, Assets link or asset id per line). Keep only that column, or copy it and paste it into the list.
list-file-gone = That file is no longer on hand; drop it on the list again, or choose it.

## Finding assets with AEM's OpenAPI search (issue 15: OAuth Server-to-Server connections)

open-search-cannot-express = AEM's OpenAPI search cannot ask for "{ $condition }": { $why ->
    [presence] it cannot tell whether a property is empty or set.
    [negation] it cannot leave out the assets that match ("is not", "does not contain").
    [contains] it matches whole values, not a part of one.
    [tag-tree] it matches a tag exactly, not the tags below it.
    [type-family] it matches an exact file type, not a family such as image/*.
    [name-pattern] it matches an exact name, without * or ?.
    [any] it combines conditions with "all" only, not "any".
   *[other] it has no way to ask for it.
    } Change the condition, or search with a Service Credentials or development token connection on this AEM: choose it under "Finds assets with" on the card of "{ $connection }".
open-search-none = "{ $connection }" is an OAuth Server-to-Server connection, and this AEM does not answer its OpenAPI search ({ $detail }), the only way such a connection can find assets. Import AEM service credentials (AEM Developer Console) or a development token for the same AEM, then choose it under "Finds assets with" on this connection's card (from the command line: add --list-with CONNECTION).
open-search-refused = AEM refused this connection's OpenAPI search (403: { $detail }). Its client id must be allowed on this environment (allowedClientIDs in AEM's API configuration) and its product profile must give read access to the assets.
open-search-failed = AEM's OpenAPI search failed: { $detail }.
open-search-cut-short = AEM's OpenAPI search stopped after { $read } assets ({ $detail }). A part of the assets is never taken for all of them: nothing was planned. Try again.
open-search-outside = AEM's OpenAPI search answered { $path }, which is not in { $folder }: it did not apply the query as it was sent, so its answer is not used.
## Errors of bulk runs

error-run-locked = This run is being applied by another Metadesk window or command right now.
error-job-running = A bulk edit is already running ({ $job }). Wait for it to finish or cancel it, then try again.
error-no-job = No bulk edit is running right now.
error-no-such-run = There is no run { $run }.
error-file-exists = { $file } already exists; choose another file name, or replace it.
error-needs-finder = "{ $name }" is an OAuth Server-to-Server connection: AEM lets it browse folders, search (AEM's OpenAPI search) and change assets, but not list all the assets of a folder (AEM refuses its token on the APIs that do, and no OpenAPI endpoint lists them); choose a search or a list instead. Import AEM service credentials (AEM Developer Console) or a development token for the same AEM, { $connection ->
    [stored] then choose it under "Finds assets with" on this connection's card (from the command line: add --list-with CONNECTION).
   *[file] then, from the command line: add --list-with CONNECTION.
}
error-say-which-aem = Say which AEM to use: --connection NAME, or --aem URL --file CREDENTIALS.json.
error-run-action = { $to ->
    [apply] apply it
    [resume] resume it
    [undo] undo it
    [retry] retry it
   *[other] use it
}
error-run-on-other-aem = The connection "{ $name }" now points to { $now }, but this run was made on { $was }. Set the connection's address back to { $was } to { error-run-action }.
error-run-used-a-file = This run used the credential file { $file }; give it again with --aem URL --file FILE to { error-run-action }.
error-run-connection-gone = This run was made with the connection "{ $name }", which no longer exists. Import its credential file again under that name to { error-run-action }.

## Sheets: reading a sheet and the problems found in it (issue 17: sheet check messages)

sheet-issue = { $problem }
sheet-issue-at-row = Row { $row }: { $problem }
sheet-issue-at-column = Column { $column }: { $problem }
sheet-issue-at-row-column = Row { $row }, column { $column }: { $problem }
error-sheet-empty-file = { $file } is empty.
error-sheet-not-a-workbook = { $file } is not a workbook Metadesk can read (a .xlsx, .xls or .ods, or a .csv); open it in Excel or LibreOffice and save it as .xlsx.
error-sheet-no-worksheet = { $file } has no worksheet.
error-sheet-not-a-sheet = { $file } is not a sheet: it is neither a workbook (.xlsx, .xls, .ods) nor text such as a .csv. Export the metadata again, or save your sheet as .xlsx or .csv.
error-sheet-bad-csv = { $file } could not be read as CSV near line { $line }: { $detail }.
error-sheet-empty-header = { $file } has nothing in its first row. The first row names the columns: Path (or assetPath), then one column per property, e.g. Title (dc:title).
error-sheet-no-path-column = { $file } has no path column, so its rows cannot be matched to assets. The first row must name a column Path (as Metadesk exports) or assetPath (as AEM exports); export the folder’s metadata again to start from a sheet that has one.
error-sheet-no-change = { $file } asks for no change: every property cell is empty (an empty cell leaves the value as it is). Type the new values, or #CLEAR to remove one.
sheet-key-column-repeated = this key column repeats column { $first }; delete one of the two.
sheet-property-column-repeated = { $property } already has column { $first }; keep one column per property.
sheet-column-without-header = the column has values (from row { $row }) but no header; name the property in row 1, e.g. Title (dc:title), or delete the column.
sheet-header-bad-brackets = The header "{ $header }" has "{ $inside }" in brackets, which is not a property name; write the property as prefix:name, e.g. Title (dc:title).
sheet-header-bad-property = The header "{ $header }" is not a property name; write it as prefix:name (letters, digits, _ - .), e.g. dc:title, or Title (dc:title).
sheet-header-no-property = The header "{ $header }" names no property; write it as Words (prefix:name), e.g. Title (dc:title), or delete the column.
sheet-aem-header-bad = The header "{ $header }" { $why ->
    [unclosed] has an unclosed {"{{"} or {"}}"}
    [text-after] has text after its {"}}"}
    [no-property] does not start with a property name
   *[option] has an option after its type other than multi
}; AEM’s form is name {"{{"}Type{"}}"} or name {"{{"}Type: multi{"}}"}, e.g. dc:subject {"{{"}String: multi{"}}"}.
sheet-aem-header-bad-type = The header "{ $header }" has the type "{ $type }", which AEM does not know (String, Date, Long, Double, Decimal, Boolean); AEM’s form is name {"{{"}Type{"}}"} or name {"{{"}Type: multi{"}}"}, e.g. dc:subject {"{{"}String: multi{"}}"}.
sheet-row-without-path = the row has values but no asset path; fill in the path (e.g. /content/dam/folder/photo.jpg) or delete the row.
sheet-path-outside-dam = "{ $path }" is not in the DAM (paths start with { $root }/); correct the path or delete the row.
sheet-duplicate-path = { $path } is already on row { $first }; keep one row per asset (merge the two rows’ values into one and delete the other).
sheet-bad-export-time = "{ $text }" is not the time Metadesk exported, so changes made in AEM since the export cannot be detected for this row; put the exported time back, or leave it as it is to accept that.
sheet-cell-error = the cell shows the error { $text }; correct it or type the value.
sheet-cell-error-formula = the cell shows the error { $text } (formula { $formula }); correct it or type the value.
sheet-cell-formula = the cell holds the formula { $formula }; its shown value "{ $text }" is used. To be sure what is written, copy the column and paste it as values.
sheet-holds-one-value = { $property } holds one value, but the cell has { $count } separated by |; keep one, or write \| for a | that belongs to the text.
sheet-holds-one-value-in-aem = { $property } holds one value in AEM, but the cell has { $count } separated by |; keep one, or write \| for a | that belongs to the text. Nothing is written for this row.
sheet-value-too-long = the value is { $length } characters long; Metadesk writes at most { $limit } characters in one property; shorten it.
sheet-not-a-date = "{ $value }" is not a date Metadesk can read; write it as 2026-03-26 or 2026-03-26T11:26:00+01:00 (year-month-day).
sheet-not-a-whole-number = "{ $value }" is not a whole number; write digits only, e.g. 42.
sheet-not-a-number = "{ $value }" is not a number; write it like 3.5.
sheet-not-a-boolean = "{ $value }" is not true or false; write true or false.
sheet-not-a-boolean-date-cell = "{ $value }" is not true or false.
sheet-outside-folder = { $path } is outside the exported folder { $folder }; it will be changed too. Delete the row if that is not meant.
sheet-openapi-no-modified = { $connection } is reached through the Assets OpenAPI, which does not say when an asset last changed: changes made in AEM since the export cannot be detected. Each value is still checked against AEM’s value now in the preview.
sheet-row-changed-since-export = { $path } was { $reason }.
sheet-row-no-asset = there is no asset at { $path } in { $connection }; correct the path (copy it from AEM) or delete the row. Nothing is written for this row.
sheet-row-not-read = { $path } could not be read in AEM ({ $reason }); correct the path (copy it from AEM) or delete the row. Nothing is written for this row.

## The console: how a request went, as its history keeps it (issue 17: console history outcome)

console-outcome-status = { $status }
console-outcome-graphql-errors = { $count ->
    [one] { $count } GraphQL error
   *[other] { $count } GraphQL errors
}
console-outcome-created = created
console-outcome-replaced = replaced
console-outcome-failed = failed: { $error }

## Certificates of service credentials

certificate-expired = The certificate of these service credentials expired on { $date }; Adobe IMS no longer accepts them. In the AEM Developer Console (Integrations → Technical Accounts), add a new certificate or private key for this account, download the credentials and import them again.
certificate-urgent = The certificate of these service credentials expires on { $date } (in { $duration }). In the AEM Developer Console (Integrations → Technical Accounts), add a new certificate or private key for this account, download the credentials and import them again.
certificate-soon = The certificate of these service credentials expires on { $date } (in { $days } days). In the AEM Developer Console (Integrations → Technical Accounts), add a new certificate or private key for this account, download the credentials and import them again.
certificate-ok = The certificate is valid until { $date }.

## Test connection

test-step-credentials-sdk = Use the user name and password
test-step-credentials-dev-token = Use the development token
test-step-credentials-token = Get an access token
test-step-who = Ask AEM who we are
test-step-read-classic = Read the DAM root (/content/dam)
test-step-read-openapi = Read the DAM root through the Folders API
test-basic-auth = Basic authentication; no token needed.
test-token-valid-for = Token valid for { $duration }.
test-token-ready = Token ready (its end is unknown).
test-skipped = Not tried: the credentials are not usable.
test-who-known = AEM knows this connection as { $user }.
test-who-unknown = AEM answered, but did not say which user this is.
test-who-auxiliary = { $detail } This does not stop Metadesk: the token works and the DAM can be read; only the name of the AEM user is not known.
test-who-auxiliary-hidden = { $detail } This AEM does not publish /libs/granite/security/currentuser.json (a dispatcher or CDN in front of it often hides it). This does not stop Metadesk: the token works and the DAM can be read; only the name of the AEM user is not known.
test-what-current-user = the current user{ $said }
test-what-dam-root = a read of the DAM root{ $said }
test-what-folders-api = the Folders API{ $said }
test-aem-said = ; AEM said: "{ $text }"
test-dam-readable = The DAM can be read.
test-dam-readable-openapi = The DAM can be read. (This API does not say which user it acts as.)
test-this-user = this connection's user
test-dam-forbidden = AEM does not let { $who } read /content/dam (HTTP { $status }{ $said }). Ask an AEM administrator to give that user read access to the DAM, for example by adding it to the DAM Users group.
test-openapi-not-allowed = AEM did not accept this OAuth Server-to-Server credential for its OpenAPIs (HTTP { $status }){ $said }. Most often the environment has not allow-listed the credential's client id: an AEM administrator adds it under allowedClientIDs in config/api.yaml and deploys it with a Config Pipeline. Also check that the credential's product profile includes the AEM Assets API Users service.

## Reasons in reports (bulk runs): why an asset was skipped, failed or held back, why a run
## stopped. The journal keeps the id and arguments; { $who }, { $what }, { $why }, { $values },
## { $detail } and { $problem } are other reasons below, already written in the language.

reason-who = { $kind ->
    [technical] the technical account { $account }
    [user] the user { $account }
   *[none] the account of this connection
}
reason-value-not-set = (not set)
reason-cancelled = cancelled
reason-changed-since-export = changed in AEM after the sheet was exported (changed { $now }, exported { $exported }); its cells that differ from AEM now are not written, so that change is kept. Export the sheet again to edit this asset
reason-holds-one-value = several values for a property AEM holds as one ({ $properties }); keep one value in each, or write \| for a | that belongs to the text
reason-change-not-checked = changed in AEM after the sheet was exported? Metadesk could not tell ({ $detail }); its cells are not written. Preview the sheet again
reason-forbidden-write = this connection can read but not change assets: ask an AEM administrator to give { $who } write access, e.g. the DAM Users group, or a product profile with write rights
reason-cannot-write = { $refused ->
    [one] AEM refused the first change (403)
   *[other] AEM refused the first { $refused } changes (403)
}, so the run stopped: this connection can read but not change assets: ask an AEM administrator to give { $who } write access, e.g. the DAM Users group, or a product profile with write rights. Then resume the run to change the remaining assets.
reason-forbidden-read = this connection may not read this asset (403): ask an AEM administrator to give { $who } read access to it
reason-not-found = the asset no longer exists (404): it was moved or deleted after the preview
reason-conflict = AEM kept refusing the change because the asset was being changed by someone else at the same time (412), so it was not overwritten; retry the failed assets to plan it again from the values now in AEM
reason-content-fragment = content fragment: Metadesk never edits content fragments
reason-already-as-wanted = already as wanted at the preview
reason-already-as-wanted-at-write = already as wanted when it was written
reason-changed-the-same-way = already as wanted: changed the same way in AEM after the preview
reason-not-applied-yet = not applied yet
reason-changed-since-preview = changed since the preview: { $values }, so it was not overwritten; retry the failed assets to plan it again from the value now in AEM
reason-changed-value = { $property } was { $preview } at the preview and is now { $now }
reason-changed-since-run = { $property } was changed in AEM after run { $run } (it is now { $now }), so it was left as it is
reason-throttled-write = { $what } and the asset was not written; retry the failed assets later
reason-not-confirmed = { $what }; AEM did not confirm the change. Retry the failed assets to try again.
reason-rejected = AEM refused the change ({ $status }): { $detail }
reason-slow-down = AEM kept asking Metadesk to slow down ({ $status })
reason-network-failure = network or server failure after { $attempts ->
    [one] { $attempts } attempt
   *[other] { $attempts } attempts
} ({ $detail })
reason-unreachable = Could not reach { $host }: { $detail } ({ $attempts ->
    [one] { $attempts } attempt
   *[other] { $attempts } attempts
})
reason-timeout = { $host } did not answer in time ({ $attempts ->
    [one] { $attempts } attempt
   *[other] { $attempts } attempts
})
reason-disappeared = the asset disappeared while the preview ran (404)
reason-not-read = { $what }, so the asset could not be read; preview again to include it
reason-folder-not-listed = this folder could not be listed, so its assets and subfolders are not in this run ({ $why }); run the edit on it again later
reason-folder-forbidden = this connection may not read it (403): ask an AEM administrator to give { $who } read access to it
reason-folder-gone = it no longer exists (404)
reason-list-line = line { $line }: { $problem }
reason-list-dot-segments = a path with . or .. segments
reason-list-dam-root = the DAM root, not an asset
reason-list-bad-asset-id = not a valid asset id (urn:aaid:aem: followed by a UUID)
reason-list-bad-link = a link that cannot be read
reason-list-link-outside-dam = a link that does not point to an asset under /content/dam
reason-list-not-an-entry = not a DAM path (/content/dam/…), an Assets link or an asset id (urn:aaid:aem:…)
reason-list-duplicate = a duplicate of line { $line }
reason-list-not-found = not found in AEM (or this connection may not see it)
reason-list-same-asset = the same asset as line { $line }
reason-list-folder = a folder, not an asset (choose it as the folder to edit its assets)
reason-list-content-fragment = a content fragment (Metadesk never edits those)

## A run's edits, as its summary lists them

run-edit = { $property }: { $op ->
    [set] set { $values }
    [set-list] set the list { $values }
    [append] append { $values }
    [remove] remove { $values }
   *[clear] clear
}
run-edit-undo = undo of run { $run }
run-edit-retry = retry of the failed assets of run { $run }
run-edit-sheet = values from the sheet { $file }

## A search's conditions, as a run's summary shows them (issue 17: words of stored conditions)

condition-is-empty = { $property } is empty
condition-is-not-empty = { $property } is not empty
condition-equals = { $property } is { $value }
condition-not-equals = { $property } is not { $value }
condition-contains = { $property } contains { $value }
condition-not-contains = { $property } does not contain { $value }
condition-tagged = tag is { $tag }
condition-file-type = type is { $format }
condition-modified-before = modified before { $date }
condition-modified-after = modified after { $date }
condition-created-before = created before { $date }
condition-created-after = created after { $date }
condition-name-matches = name matches { $pattern }
condition-all = { $first } and { $rest }
condition-any = { $first } or { $rest }

## Report CSV headers (only when the user asks for headers in their language)

report-csv-path = Path
report-csv-status = Status
report-csv-reason = Reason
report-csv-before = { $property } before
report-csv-after = { $property } after

## Start-up checks

health-folders = App folders
health-folders-ready = ready in { $folder }
health-keychain = System keychain
health-keychain-available = available ({ $backend })
