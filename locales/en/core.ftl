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
error-internal = Something went wrong inside Metadesk. It is not something you did; the details are in Metadesk’s log.
error-connection-gone = That connection no longer exists.
error-console-busy = Another Metadesk window or command is changing this connection’s console history and has not finished. Try again in a moment.
error-no-such-connection = There is no connection called "{ $name }".
error-connection-ambiguous = Several connections are for { $name }: { $names }. Give the name of one.

aem-unreachable = Could not reach { $host }: { $detail }. Check the network connection (and any proxy), then try again.
aem-timeout = { $host } did not answer in time. It may be busy; try again in a moment.
aem-status = AEM answered { $status } for { $what }.
aem-bad-response = AEM's answer to { $what } could not be read ({ $detail }).

ims-incomplete-service = The service credentials are incomplete: { $missing } missing. Download them again from the AEM Developer Console and re-import the file.
ims-incomplete-oauth = The OAuth Server-to-Server credential is incomplete: { $missing } missing. Copy them from the credential's page in the Adobe Developer Console and import it again.
ims-missing-field = { credential-field }
ims-metascope-other-ims = The metascope "{ $name }" names another IMS than { $ims }; the credential file looks inconsistent.
ims-key-cannot-sign = The private key could not sign the request. Re-import the service credentials file.
ims-key-damaged = The private key kept for this connection is damaged. Re-import the service credentials file exactly as downloaded from the AEM Developer Console.
ims-wrong-client = Adobe IMS did not accept the client id { $clientId } with its client secret{ $said }. The credential may have been deleted, its secret rotated, or it belongs to another IMS environment. Download the credential again and re-import it.
ims-signature-mismatch = Adobe IMS could not match the signature to this technical account's certificate{ $said }. The private key or certificate was probably replaced, revoked or has expired. In the AEM Developer Console, download the current service credentials (or add a new certificate) and re-import them.
ims-scope-not-allowed = Adobe IMS refused the requested scopes ({ $scopes }){ $said }. Re-import the credential file unchanged from the Developer Console; if it is current, the technical account is not allowed these scopes.
ims-jwt-expired = Adobe IMS rejected the signed request as expired{ $said }. Check this computer's clock: its date, time and time zone must be right (automatic time is best), then try again.
ims-malformed = Adobe IMS rejected the token request as malformed ({ $code }{ $said }). This is likely a problem in Metadesk or a damaged credential file; re-import the file, and report it if it persists.
ims-rejected = Adobe IMS refused to issue a token (HTTP { $status }{ $code }{ $said }).
ims-server-trouble = Adobe IMS at { $host } is having trouble (it answered HTTP { $status }, also after { $attempts } attempts). This is on Adobe's side; try again in a few minutes.
ims-throttled = Adobe IMS at { $host } is limiting how many tokens this credential may request{ $wait ->
    [0] {""}
   *[other] { " " }(it asks to wait { $wait } seconds)
}. Wait a while before trying again.
ims-unreachable = Could not reach Adobe IMS at { $host } ({ $detail }). Check that this computer is online and, if your network needs a proxy, that it lets { $host } through.
ims-timeout = Adobe IMS at { $host } did not answer in time. Check the network and try again.
ims-redirected = Adobe IMS at { $host } answered with a redirect to { $location }. Metadesk does not follow redirects with credentials; check the IMS address of this connection.
ims-bad-response = Adobe IMS at { $host } gave an answer Metadesk cannot use ({ $detail }).

## Failures talking to AEM and IMS (issue 17: AEM and IMS failures in the reader's language).
## aem-what-… name what was asked, the { $what } of aem-status, aem-bad-response and the
## console's messages; aem-detail-… and aem-body-… say why an answer could not be read.

ims-said = { " " }(IMS said: "{ $text }")
ims-code = , { $code }
ims-answer = { $why ->
    [not-json] not JSON
    [not-object] not a JSON object
   *[no-token] no access token in it
}
ims-expires-in = { $why ->
    [missing] no usable expires_in: it is missing
    [negative] its expires_in is negative ({ $value })
    [not-whole] its expires_in is not a whole number ({ $value })
    [not-whole-positive] its expires_in is not a whole positive number ({ $value })
    [not-number] its expires_in is not a number ({ $value })
   *[zero] its expires_in is 0: the token would be expired already
}
ims-expires-in-too-long = its expires_in says the token lives { $amount } { $unit ->
    [milliseconds] milliseconds
   *[seconds] seconds
}, more than the { $days } days Metadesk accepts (IMS tokens live 24 hours)
ims-answer-past-any-date = the token would live { $seconds } seconds, past any date
aem-url-refused = { url-problem }.
aem-bad-address = "{ $address }" is not a valid address ({ $detail }).
aem-not-a-path = "{ $path }" is not a path on AEM.
aem-bad-path = "{ $path }" is not a valid path ({ $detail }).
aem-not-an-asset-path = { $path } is not the path of an asset in the DAM.
aem-other-origin = Refused to send this connection's credentials to { $url }: it is not { $origin }.
aem-path-control-character = { $path } holds a control character (a tab or a line break, shown as \t or \n): Metadesk sends no such path to AEM, which would read it as another one.
aem-refused-after-renewal = { $host } refused the connection's credentials even after renewing them. The technical account or token may have been revoked; re-import the credential file, or check that it belongs to this environment.
aem-sdk-login-refused = The local AEM at { $url } refused the user name and password of "{ $name }". Check them (the SDK default is admin/admin) and add the connection again.
aem-get-new-dev-token = Get a new one in the AEM Developer Console of this environment (Integrations → Local token → Get Local Development Token), download it and import it again.
aem-dev-token-ended = The local development token of this connection ended on { $at }; Adobe does not renew these tokens. { aem-get-new-dev-token }
aem-dev-token-refused = AEM refused the local development token of this connection. It may have ended early, or belong to another environment. { aem-get-new-dev-token }
aem-what-path = { $path }
aem-what-thumbnail = the thumbnail of { $path }
aem-what-graphql-endpoint = the GraphQL endpoint of "{ $config }"
aem-what-schema = the schema of "{ $config }"
aem-what-persisted-list = the list of persisted queries
aem-what-persisted-query = the persisted query /{ $config }/{ $name }
aem-what-saving-persisted = saving the persisted query /{ $config }/{ $name }
aem-detail-status = { $status }: { $text }
aem-detail-status-only = { $status }
aem-detail-not-graphql = not a GraphQL answer: { $text }
aem-detail-not-graphql-untitled = not a GraphQL answer
aem-detail-no-schema = it sent no schema
aem-body-too-large = the answer is larger than { $limit } MB, far more than such an answer holds
aem-body-cut = the answer was cut off ({ $detail })
console-graphql-forbidden = AEM refused { $what } to { $known ->
    [none] this connection's account
   *[other] the account { $account }
} (403). An AEM administrator must grant { $known ->
    [none] this connection's account
   *[other] the account { $account }
} access to the GraphQL endpoint: a technical account does not get it automatically.
console-graphql-not-enabled = { $host } has not enabled { $what } ({ $answer }). An AEM administrator creates GraphQL endpoints in Tools → General → GraphQL; pick another configuration meanwhile.
console-slowed-down = AEM asked Metadesk to slow down ({ $status }) while reading { $what }. Try again in a minute.
console-endpoints-unlisted = AEM did not list its GraphQL endpoints ({ $why }); type a configuration name if it is not global.
console-endpoints-status = { $path } answered { $status }
console-endpoints-not-json = { $path } sent no JSON ({ $detail })
console-endpoints-what = the listing { $path }

## Failures of the Assets APIs (issue 17): the words of a call that did not succeed,
## also the { $detail } of the folder, search and reason messages.

assets-slow-down = AEM asked Metadesk to slow down ({ $status })
assets-forbidden = AEM refused the change (403): { $detail }
assets-forbidden-untold = AEM refused the change (403)
assets-not-found = the asset no longer exists (404)
assets-conflict = the asset was changed in AEM since it was read (412)
assets-rejected = AEM answered { $status }: { $detail }
assets-rejected-untold = AEM answered { $status }
assets-server-failed = AEM answered { $status } ({ $detail })
assets-not-json = the answer is not JSON ({ $detail })
assets-too-large-to-render = AEM would not show { $path } even one level deep (too large)
assets-no-path = the connection's address cannot carry a path
assets-metadata-not-object = the metadata is not a JSON object
assets-listing-bad-child = the listing of { $folder } has a child with { $why ->
    [empty] an empty name
    [dots] a name that means a folder above or itself
    [slash] a name with a /
   *[control] a name with a control character
} ({ $name }); Metadesk does not use a listing it cannot trust
assets-listing-stopped-early = the listing of { $folder } stopped early: AEM gave { $count } children from position { $offset } where the page holds { $pageSize } and the folder has { $total }
assets-batch-too-large = a batch write of { $parameters } parameters was not sent: AEM would ignore those past its limit; its assets are written one by one
error-untrusted-host = { $place ->
    [here] { $host } is on this computer, where any program can listen, and this credential is issued by Adobe: its tokens would be sent there. Only the sandbox, a local AEM SDK login and credentials of an IMS on this computer go there without asking. Import it only if you trust what listens at { $host } (in the window, confirm the host; on the command line, add --trust-host { $host }).
   *[elsewhere] { $host } is not one of Adobe’s AEM hosts (author-p…-e….adobeaemcloud.com) nor this computer: your tokens would be sent there. Import it only if you trust { $host } (in the window, confirm the host; on the command line, add --trust-host { $host }).
}
error-host-not-trusted = { $place ->
    [here] The connection “{ $name }” points at { $host }, on this computer, where any program can listen, and its credential is issued by Adobe: it is not used until you trust that host (in the window, on its card; on the command line, connections trust “{ $name }” { $host }).
   *[elsewhere] The connection “{ $name }” points at { $host }, which is not one of Adobe’s AEM hosts nor this computer: it is not used until you trust that host (in the window, on its card; on the command line, connections trust “{ $name }” { $host }).
}
assets-cannot-read-tags = this connection cannot read tags
assets-cannot-read-references = this connection cannot ask where assets are used
assets-references-not-list = AEM’s reference search answered something other than a list of pages
assets-references-unnamed = AEM’s reference search, asked about this asset alone, answered pages of another asset
assets-cannot-read-schema = this connection cannot read metadata schemas
schema-options-and-more = { $options } … and { $more } more
schema-value-not-option = “{ $value }” is not one of the values { $label } ({ $property }) allows: { $options }
schema-value-not-number = “{ $value }” is not a number, and { $label } ({ $property }) takes a number
schema-value-out-of-range = “{ $value }” is outside what { $label } ({ $property }) takes: { $min ->
    [none] up to { $max }
   *[other] { $max ->
        [none] { $min } or more
       *[other] from { $min } to { $max }
    }
}
schema-value-not-date = “{ $value }” is not a date, and { $label } ({ $property }) takes a date such as 2026-03-31
schema-value-not-boolean = “{ $value }” is neither true nor false, and { $label } ({ $property }) is a checkbox
schema-field-read-only = { $label } ({ $property }) is read-only in the metadata schema: Metadesk does not change it
schema-unavailable-missing = The metadata schema { $form } no longer exists in AEM, so properties are typed by name and values are not checked.
schema-unavailable-forbidden = This connection may not read the metadata schema { $form } (AEM: { $detail }), so properties are typed by name and values are not checked.
schema-unavailable = The metadata schema { $form } could not be read ({ $detail }), so properties are typed by name and values are not checked.
schema-unavailable-folder = The folder { $folder } could not be read to find its metadata schema ({ $detail }), so properties are typed by name and values are not checked.
schema-unavailable-oauth = An OAuth Server-to-Server connection cannot read metadata schemas (AEM refuses its token on /conf) unless it is paired with a connection that finds assets, so properties are typed by name and values are not checked.
error-schema-refused = The metadata schema of { $folder } does not allow these values: { $problems }. Nothing was previewed or written.
error-fragment-edits-refused = The content fragments' fields cannot take these edits: { $problems }. Nothing was previewed or written.
fragments-field-unknown = no fragment here has a field { $field } (their fields: { $fields })
fragments-field-single = { $label } ({ $field }) takes one value, not several
fragments-field-not-multiple = { $label } ({ $field }) holds one value: set or clear it (adding or removing values is for fields that hold several)
fragments-reference-not-a-path = { $label } takes a reference to content, a path such as /content/dam/…, not “{ $value }”
error-fragments-need-oauth = { $name } cannot edit content fragments: AEM’s Sites API takes only OAuth Server-to-Server credentials allow-listed for this environment. Nothing was sent. Import an OAuth Server-to-Server credential from the Adobe Developer Console and use that connection for content fragments.
error-fragments-forbidden = AEM refused to show the content fragments of { $folder } to this connection (403). Ask an AEM administrator to allow this OAuth Server-to-Server credential on the Sites API for this environment.
error-fragments-failed = Could not read the content fragments of { $folder }: { $detail }. Nothing was written.
error-fragments-no-such-model = No content fragment under { $folder } follows the model “{ $model }” (their models: { $models }).
error-fragments-list-cancelled = The listing of the content fragments of { $folder } was cancelled. Nothing was written.
job-list-fragments = listing the content fragments of { $folder }
error-apply-empties-required = This run leaves fields the metadata form requires empty: { $fields }. Nothing was written. Say that you want them empty to apply it.
emptied-required-field = { $label } ({ $property })
job-missing-metadata = checking the required metadata of { $folder }
job-health = reading the health of { $folder }
error-health-bad-duration = "{ $duration }" is not a number of days: write a whole number from 1 to 3650, e.g. 30d or 30 days.
health-off-time-unknown = Off times are not known: this connection cannot search AEM (QueryBuilder).
health-publication-unknown = Changes since publication are not known: this connection cannot read where assets stand on the website.
references-unknown-assets = Where { $count ->
    [one] one asset is used is not known
   *[other] { $count } assets are used is not known
} (not "used nowhere"): { $reason }.
references-not-asked-cancelled = not asked: the job was cancelled
assets-cannot-search = this connection cannot search
assets-fragments-no-preview = AEM’s Sites API publishes content fragments to the publish tier only, not to Preview
assets-fragment-not-published = AEM did not publish { $path } ({ $status })
assets-search-failed = the search failed
assets-search-no-hits = the search answer has no list of hits
assets-search-hit-without-path = AEM's search gave a hit without a path
assets-search-kept-changing = AEM's search results kept changing while being read ({ $passes } passes)
assets-same-cursor = AEM gave the same page cursor twice
assets-endless-pages = AEM kept giving more pages after { $pages }
assets-no-child-folders = AEM's answer for { $folder } has no list of child folders
assets-child-folder-unnamed = AEM listed a child folder of { $folder } without a path or a name
assets-no-asset-id = { $path } has no asset id
assets-no-metadata = AEM's answer for { $path } has no assetMetadata object, so its current metadata is unknown
assets-no-uuid = AEM did not give the asset's jcr:uuid
fragments-answer-unusable = AEM's answer about content fragments could not be used (no { $what })
fragments-value-refused = the field { $field } of { $path } cannot take “{ $value }”
fragments-no-such-field = the content fragment { $path } has no field { $field }
fragments-same-cursor = AEM gave the same page cursor twice, so the listing was stopped rather than run forever
fragments-too-many-pages = AEM kept giving more pages after { $pages } pages ({ $fragments } fragments), so the listing was stopped; choose a smaller folder
fragments-etag-too-long = AEM gave the content fragment { $path } an ETag of { $bytes } bytes, longer than the { $most } bytes Metadesk accepts, so it is not changed (an ETag that long cannot be sent back to AEM safely)
fragments-etag-refused-old-aem = AEM refused the change to { $path } (412) although nobody changed it since it was read: AEM releases before 21331 (June 2025) refuse the ETag they have just given. Update AEM to release 21331 or later, then retry; nothing else was tried

keychain-unavailable = This computer has no keychain that Metadesk can use ({ $detail }). { $fixKind ->
    [linux] Install and start a Secret Service provider such as GNOME Keyring or KWallet (for example `sudo apt install gnome-keyring`), sign in to a desktop session, and restart Metadesk.
    [desktop] Make sure you are signed in to a normal desktop session, then restart Metadesk.
   *[other] { $fix }
} Metadesk keeps secrets only in the system keychain, so nothing can be saved until then.
keychain-locked = The system keychain is locked. Unlock it (on Linux: open "Passwords and Keys" and unlock the Login keyring; on macOS: Keychain Access) and try again.
keychain-access-denied = The system keychain refused access ({ $detail }). Allow Metadesk to use it and try again.
keychain-too-large = The keychain entry is too large for this system's keychain ({ $size } bytes, the limit is { $limit }).
keychain-failed = The system keychain failed: { $detail }

## I/O failures and replaced connections (issue 17: their words in the user's language).
## io-… say what Metadesk was doing: the { $context } of error-io.

error-io-detail = { $kind ->
    [not-found] the file or folder does not exist
    [permission-denied] permission denied
    [already-exists] a file or folder of that name already exists
    [storage-full] the disk is full
    [read-only] the disk is read-only
    [is-a-directory] it is a folder, not a file
    [not-a-directory] a part of the path is not a folder
    [directory-not-empty] the folder is not empty
    [busy] the file is in use
    [invalid-data] its contents could not be read
    [unexpected-eof] the file ends too early
    [timed-out] the system did not answer in time
    [quota-exceeded] the disk quota is exceeded
    [file-too-large] the file is too large
    [invalid-filename] the file name is not valid here
    [broken-pipe] the program reading the output stopped
   *[other] { $detail }
}
io-read = could not read { $path }
io-write = could not write { $path }
io-remove = could not remove { $path }
io-lock = could not lock { $path }
io-create-folder = could not create the folder { $path }
io-save-connections = could not save the connections in { $path }
io-temp-folder = could not create a temporary folder
error-needs-replace = This file has the client id of the connection "{ $name }", but it is not the same credential: { $differences } Nothing was changed; replacing it must be confirmed.
replace-kind = Its kind is { $kind }; the connection's is { $previous }.
replace-ims = It uses the IMS at { $host }, not { $previous }.
replace-no-ims = no IMS
replace-secret = Its { credential-field } is different.
error-ims-only-for-oauth = An IMS address can only be given for an OAuth Server-to-Server credential; this { $kind } says which IMS it uses itself.
error-ims-address = The IMS address is not usable: { url-problem }.

## Connections: storing, renaming, pairing (issue 17: their words in the user's language)

error-aem-address = The AEM address is not usable: { url-problem }.
error-no-aem-address = This { $kind } does not say which AEM environment it is for. Give the AEM author address, like https://author-p12345-e67890.adobeaemcloud.com.
error-sandbox-not-production = A sandbox connection is a simulated AEM on this computer; it cannot be marked as production.
error-no-other-connection = There is no other connection named "{ $name }".
error-keychain-missing = The keychain has no { credential-field } for "{ $name }". Import its credential file again.
error-connection-missing-part = The connection "{ $name }" has no { credential-field }. Import its credential file again.
error-connection-changed-outside = Where “{ $name }” sends its credentials was changed outside Metadesk: its connections file now says { $url }, which is not what Metadesk saved, so nothing was sent. If you made that change, set the address again in Metadesk (Edit address on its card, or metadesk-cli connections set-url “{ $name }” ADDRESS); if you did not, another program on this computer edited the file.
error-connection-not-bound = “{ $name }” was saved by an earlier version of Metadesk and sends its credentials to { $url }, which is not one of Adobe’s hosts: Metadesk cannot tell whether another program wrote that address, so nothing was sent. Set the address again in Metadesk to use it (Edit address on its card, or metadesk-cli connections set-url “{ $name }” ADDRESS).
error-connection-import-again = “{ $name }” was saved by an earlier version of Metadesk with the IMS address { $ims }, which is not Adobe’s: Metadesk cannot tell whether another program wrote it. Import its credential file again to use it.
error-connections-busy = Another Metadesk window or command is changing the connections and has not finished. Try again in a moment.
error-name-empty = A connection needs a name.
error-name-too-long = The name is too long (at most { $max } characters).
error-name-taken = There is already a connection called "{ $name }". Choose another name.
error-paired-not-needed = "{ $name }" finds assets itself: only an OAuth Server-to-Server connection is paired with another connection.
error-paired-cannot-find = "{ $name }" cannot find assets either: choose a connection made from AEM service credentials, a development token or a local SDK login.
error-paired-other-aem = "{ $paired }" is a connection to { $pairedUrl }, but "{ $name }" is on { $url }: the connection that finds assets must be on the same AEM.
error-connections-damaged = The connections file { $path } is damaged ({ $detail }). Move it away to start over, or restore it from a backup.
error-connections-no-version = The connections file { $path } is damaged (it has no format version). Move it away to start over, or restore it from a backup.
error-connections-newer = The connections file { $path } was written by a newer version of Metadesk (format { $version }). Update Metadesk to use it; this version will not change it.
error-confirm-production = This connection is marked production: type its name, "{ $name }", to apply.

## Connections: a connection's status, token health and suggested name, as the CLI and the
## window read them (issue 17: connections in the user's language)

connection-status-ok = ok
connection-status-expired = expired on { $date }
connection-status-expires-days = expires in { $days ->
    [one] 1 day
   *[other] { $days } days
}
connection-status-expires-hours = { $hours ->
    [0] expires within the hour
    [one] expires in 1 hour
   *[other] expires in { $hours } hours
}
health-sdk = signs in with user name and password
health-renewing = renewing…
health-failed = failed: { $reason }
health-token-valid = token valid { $duration }
health-no-token = no token yet; one is requested when needed
health-dev-token-end-unknown = development token (end unknown; they last at most 24 h)
health-dev-token-ended = development token ended
health-dev-token-ends = development token ends in { $duration }
health-dev-token-valid = development token valid { $duration }
health-with-certificate = { $summary }; { $certificate }
health-certificate = { $state ->
    [expired] certificate expired
    [today] certificate expires today
   *[days] certificate expires in { $days ->
        [one] 1 day
       *[other] { $days } days
    }
}
health-advice-dev-token-end-unknown = When AEM stops accepting it, get a new one in the AEM Developer Console of this environment (Integrations → Local token → Get Local Development Token), download it and import it again.
health-advice-dev-token-ended = Development tokens last 24 hours and cannot be renewed. Get a new one in the AEM Developer Console of this environment (Integrations → Local token → Get Local Development Token), download it and import it again.
health-advice-dev-token-ending = Finish or pause long runs before it ends. Get a new one in the AEM Developer Console of this environment (Integrations → Local token → Get Local Development Token), download it and import it again.
name-suggestion-local-sdk = Local AEM SDK ({ $host })
name-suggestion-dev-token = Development token ({ $user })
name-suggestion-dev-token-anonymous = Development token
# A Cloud Service environment's credential: its program and environment in words (issue 68)
name-suggestion-cloud = Program { $program } · environment { $environment }
name-suggestion-cloud-oauth = Program { $program } · environment { $environment } (OAuth)

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
    [expiry] it has no documented field for the expiry date.
   *[other] it has no way to ask for it.
    } Change the condition, or search with a Service Credentials or development token connection on this AEM: choose it as "Paired connection" on the card of "{ $connection }".
open-search-none = "{ $connection }" is an OAuth Server-to-Server connection, and this AEM does not answer its OpenAPI search ({ $detail }), the only way such a connection can find assets. Import AEM service credentials (AEM Developer Console) or a development token for the same AEM, then choose it as "Paired connection" on this connection's card (from the command line: add --paired-with CONNECTION).
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
error-needs-paired = { $named ->
    [yes] "{ $name }" is
   *[no] This connection is
} an OAuth Server-to-Server connection, and this AEM does not answer its OpenAPI search, so it cannot find the assets of a folder (AEM refuses its token on the APIs that list them, and no OpenAPI endpoint lists them). Import AEM service credentials (AEM Developer Console) or a development token for the same AEM, { $connection ->
    [stored] then choose it as "Paired connection" on this connection's card (from the command line: add --paired-with CONNECTION).
   *[file] then, from the command line: add --paired-with CONNECTION.
}
error-say-which-aem = Say which AEM to use: --connection NAME, or --aem URL --file CREDENTIALS.json.
error-run-action = { $to ->
    [apply] apply it
    [resume] resume it
    [undo] undo it
    [republish] republish what it changed
   *[retry] retry it
}
error-run-on-other-aem = The connection "{ $name }" now points to { $now }, but this run was made on { $was }. Set the connection's address back to { $was } to { error-run-action }.
error-run-used-a-file = This run used the credential file { $file }; give it again with --aem URL --file FILE to { error-run-action }.
error-run-connection-gone = This run was made with the connection "{ $name }", which no longer exists. Import its credential file again under that name to { error-run-action }.

## The bulk job running, as error-job-running names it (issue 17: job labels in the user's language)

job-count-folder = counting the assets of { $folder }
job-count-search = counting a search under { $folder }
job-check-list = checking a list of assets
job-preview = a preview of { $folder }
job-preview-of-run = a preview of the { $kind ->
    [undo] undo
   *[retry] retry
} in { $folder }
job-preview-sheet = a preview of the sheet { $file }
job-export-sheet = exporting the metadata of { $folder }
job-count-tags = counting the tags under { $folder }
job-apply = applying changes to { $folder }
job-tag-import = importing the tags of { $file }
job-tag-rename = renaming the tag { $id } to { $title }

## Credential files: why one cannot be imported, and what it is (issue 17: credentials in the
## user's language). { credential-field }, { pem-problem } and { url-problem } are parts of
## other messages: they read $field, $problem and $text.

credential-field = { $field ->
    [client-id] client id
    [client-secret] client secret
    [scopes] scopes
    [metascopes] metascopes
    [technical-account-id] technical account id
    [technical-account-email] technical account email
    [organisation-id] organisation id
    [ims-address] IMS address
    [private-key] private key
    [certificate] certificate
    [access-token] access token
    [development-token] development token
    [user-name] user name
    [password] password
    [project-title] project title
    [project-name] project name
   *[other] { $field }
}
pem-problem = { $problem ->
    [not-base64] is not valid base64 between its "-----BEGIN" and "-----END" lines
    [no-begin] has no "-----BEGIN" line
    [broken-begin] has a broken "-----BEGIN" line
    [cut-off] is cut off (no matching "-----END" line)
    [passphrase] is protected by a passphrase, which Metadesk does not support
    [empty] is empty between its "-----BEGIN" and "-----END" lines
    [bad-characters] contains characters that do not belong in a PEM block
    [unreadable-key] is not a readable RSA private key
    [not-rsa-key] is not a readable RSA private key (only RSA keys are supported)
    [certificate-not-key] is a certificate, not a private key
    [not-key] is not a private key
    [not-certificate] is not a certificate
    [unreadable-certificate] is not a readable certificate
    [bad-dates] has dates Metadesk cannot read
    [not-rsa-certificate] does not hold an RSA public key
   *[other] cannot be read
}
url-problem = { $problem ->
    [no-host] "{ $text }" has no host name
    [plain-http] "{ $text }" uses plain http; Metadesk only sends credentials over https (plain http is allowed only for addresses on this computer, like a local AEM SDK)
    [not-web] "{ $text }" is not a web address
    [credentials-in-url] "{ $text }" must not contain a user name or password
    [aem-path] "{ $text }" has a path; give only the address of the server, like https://author-p12345-e67890.adobeaemcloud.com
    [no-ims] no IMS address is given
    [bad-host] "{ $text }" is not a valid host name or web address
    [ims-path] "{ $text }" must be a host name such as ims-na1.adobelogin.com, without a path
    [not-ims] "{ $text }" is not Adobe IMS; Metadesk sends secrets only to Adobe IMS (a host ending in .adobelogin.com, like ims-na1.adobelogin.com) or to this computer
   *[other] "{ $text }" is not usable
}
refusal-folder = This is a folder, not a file. Choose the credential file itself (a .json file).
refusal-missing-file = The file does not exist.
refusal-not-allowed = Metadesk is not allowed to read this file.
refusal-unreadable = The file could not be read ({ $detail }).
refusal-not-regular = This is not a regular file (it is a device, a pipe or a socket, or a link to one). Choose the credential file itself (a .json file).
refusal-too-large = The file is too large to be a credential file ({ $size } MB; credential files are a few kilobytes).
refusal-too-deep = The file's JSON is nested far too deeply to be a credential file.
refusal-not-json = The file is not valid JSON (line { $line }, column { $column }). Credential files are JSON; download it again rather than editing it by hand.
refusal-json-list = The file holds a list (a JSON array), not a credential. Import one credential file at a time.
refusal-json-value = The file holds a single JSON value, not a credential.
refusal-empty = The file is empty.
refusal-utf16 = The file is saved as UTF-16 ("Unicode") text. Save it as UTF-8, or download it again from the console without opening it in an editor.
refusal-binary = The file is not a text file (it looks like a binary file, an image or an archive). Credential files are JSON text.
refusal-console-error = The file is an error answer from the AEM Developer Console ("ok": false), not a credential. Download the credential again.
refusal-token-answer = The file holds an access token from a token request, not a credential. Import the credential the token was made with instead.
refusal-unknown-file = Metadesk does not recognise this file. It accepts AEM service credentials or a local development token (both from the AEM Developer Console), and OAuth Server-to-Server credentials from the Adobe Developer Console.
refusal-retired-jwt = This is an Adobe Developer Console JWT (service account) credential. Adobe retired those in 2025. In the Adobe Developer Console, add an OAuth Server-to-Server credential to the project, or use service credentials from the AEM Developer Console.
refusal-field-not-group = The field { $path } should be a group of fields but is not.
refusal-field-missing = The file has no { credential-field } ({ $path }).
refusal-field-empty = The { credential-field } ({ $path }) is empty.
refusal-field-not-text = The { credential-field } ({ $path }) should be text but is not.
refusal-ims-address = The IMS address ({ $path }) is not usable: { url-problem }.
refusal-aem-address = The AEM address is not usable: { url-problem }.
refusal-pem = The { credential-field } ({ $path }) { pem-problem }.
refusal-key-certificate-mismatch = The private key ({ $key }) does not belong to the certificate ({ $certificate }). Download the credentials again: a key and a certificate from different downloads do not work together.
refusal-certificate-expired = The certificate expired on { $date }. In the AEM Developer Console, open this technical account, add a new certificate, and download the credentials again.
refusal-incomplete = The file is incomplete.
refusal-key-reencode = The private key in the file could not be re-encoded for the keychain.
refusal-oauth-form = Metadesk read this as an AEM Developer Console technical account without a private key (the newer OAuth form), which needs a client id, a client secret, scopes and the IMS address. If it is meant to be JWT service credentials, download them again: the private key is missing.
refusal-token-unreadable = The access token (accessToken) is not a readable token. Download a new local development token from the AEM Developer Console.
refusal-token-expired = This development token has expired ({ $date }). Download a new one from the AEM Developer Console (Integrations → Local token).
refusal-no-s2s = This Adobe Developer Console project has no OAuth Server-to-Server credential. Add one to the project's workspace, download the project JSON again, and import it again.
refusal-user-empty = The user name is empty.
refusal-password-empty = The password is empty.
refusal-no-credential = The file holds no credential.
refusal-no-such-choice = The file has no credential "{ $key }". Pick one of: { $keys }.

import-pasted-text = Pasted text
error-import-gone = That file is no longer waiting to be imported. Drop or choose it again.
import-summary-service = AEM service credentials from the AEM Developer Console.
import-summary-service-at = AEM service credentials for program { $program }, environment { $environment }, from the AEM Developer Console.
import-summary-oauth-form = An AEM Developer Console technical account{ $place } with a client id and secret but no private key: the newer OAuth form. Metadesk gets its tokens from { $host } with the client id and secret (no JWT), and writes to assets through AEM's OpenAPI. If AEM refuses it on folder listings and searches, pair it with a connection that finds assets.
import-place = { " " }for program { $program }, environment { $environment }
import-summary-oauth = An OAuth Server-to-Server credential from the Adobe Developer Console.
import-summary-dev-token = An AEM local development token. It acts as { $who } { $until }.
import-summary-dev-token-no-end = An AEM local development token. It acts as { $who }.
import-summary-sdk = The AEM SDK at { $url }, signed in as { $user }.
import-token-creator = the person who created it
import-until = { $hours ->
    [0] { $minutes ->
        [0] for less than two more minutes
       *[other] for { $minutes } more minutes
    }
   *[other] for about { $hours } more hours
} (until { $at })
import-works-classic = Works with the classic AEM APIs: the Assets HTTP API (/api/assets) and GraphQL.
import-works-openapi = Works with AEM's OpenAPI-based APIs (/adobe/assets, /adobe/folders) once an administrator allow-lists its client id for the environment.
import-not-classic = Does not work with the classic Assets HTTP API (/api/assets); for that, use service credentials from the AEM Developer Console.
import-works-sdk = Works with the classic AEM APIs of the AEM SDK on this computer.
import-acts-as-technical-account = Acts as the technical account { $email }: that is the AEM user to give permissions to (new technical accounts can only read).
import-acts-as = Acts as { $user } { $until }.
import-certificate-until = Its certificate is valid until { $date }.
import-secret-hint = { credential-field } { $hint }
import-key-hint = private key ({ $bits }-bit RSA)
import-choice = { $name } (client id { $client })
import-choice-unnamed = Credential { $number } (client id { $client })
import-warning-no-email = The file has no technical account email, so Metadesk cannot tell you which AEM user to give permissions to.
import-warning-no-email-at = The file has no technical account email ({ $path }), so Metadesk cannot tell you which AEM user to give permissions to.
import-warning-not-yet-valid = The certificate is valid only from { $date }; check this computer's date.
import-warning-no-certificate = The file has no certificate ({ $path }), so Metadesk cannot tell when it expires.
import-warning-certificate-expires = The certificate expires in { $days ->
    [0] less than a day
    [one] 1 day
   *[other] { $days } days
} (on { $date }). Add a new certificate in the AEM Developer Console before then.
import-warning-token-not-renewable = Development tokens cannot be renewed: when this one runs out, download a new one from the AEM Developer Console and import it again.
import-warning-token-end-unknown = Metadesk cannot tell when this token expires (it usually lasts 24 hours).
import-warning-other-credentials = Some other credentials in this file cannot be used: { $problems }

## Sheets: reading a sheet and the problems found in it (issue 17: sheet check messages)

sheet-issue = { $problem }
sheet-issue-at-row = Row { $row }: { $problem }
sheet-issue-at-column = Column { $column }: { $problem }
sheet-issue-at-row-column = Row { $row }, column { $column }: { $problem }
error-sheet-empty-file = { $file } is empty.
error-sheet-not-a-workbook = { $file } is not a workbook Metadesk can read (a .xlsx, .xls or .ods, or a .csv); open it in Excel or LibreOffice and save it as .xlsx.
error-sheet-too-many-cells = { $file } spans { $rows } rows by { $columns } columns, more than the { $limit } cells Metadesk reads from one file; nothing was read. Delete the cells far below or to the right of your data (or split the sheet), then save it again.
error-sheet-too-many-texts = { $file } holds more than { $limit } different texts, more than the cells Metadesk reads from one file; nothing was read. Split the sheet into several.
error-sheet-part-too-large = { $file } unpacks to more than { $limit } MB in one of its parts; nothing was read. Open it in Excel or LibreOffice, delete what is not needed and save it again, or split it.
error-sheet-xlsb = { $file } is an Excel binary workbook (.xlsb), which Metadesk does not read; save it as .xlsx in Excel.
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
sheet-duplicate-path = { $path } is already on row { $first }; keep one row per asset (merge the two rows’ values into one and delete the other).
sheet-bad-export-time = "{ $text }" is not the time Metadesk exported, so changes made in AEM since the export cannot be detected for this row; put the exported time back, or leave it as it is to accept that.
sheet-bad-export-codes = This row's exported values are not as Metadesk wrote them, so changes made in AEM since the export cannot be detected for it; put the cell back, or leave it as it is to accept that.
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
sheet-export-unread = { $path }: { $why }
sheet-export-unread-line = line { $line } ({ $entry }): { $why }

## A sheet Metadesk exports, in the exporter's language: its column headers and its "About this
## export" sheet (issue 17). A sheet is read back in any language: the key columns' words
## before the bracket, the About sheet's name and its folder line are recognised in each one.
## A property column's header must keep ({ $property }); a multi-value one must keep the |.
sheet-column-path = Path (key)
sheet-column-name = Name (not written)
sheet-column-modified = Last modified (do not change)
sheet-column-exported = Values when exported (do not change)
sheet-column-property = { $label } ({ $property })
sheet-column-property-multi = { $label } ({ $property }) — values separated by |
sheet-tags-id = Tag ID
sheet-tags-title = Title
sheet-tags-title-in = Title ({ $lang })
sheet-tags-description = Description
sheet-tags-count = Assets in { $folder }
sheet-tags-sheet-name = Tags
sheet-guide-list = Pick one of the values the metadata schema allows (the list), or leave the cell empty.
sheet-guide-date = A date, such as 2026-03-31.
sheet-guide-number = A number.
sheet-guide-checkbox = true or false.
sheet-guide-required = Required by the metadata schema. { $rule }
sheet-about-required = Columns marked *
sheet-about-required-means = Required by AEM's metadata schema: every asset should have a value.
sheet-data-name = Metadata
sheet-about-name = About this export
sheet-about-exported-by = Exported by
sheet-about-connection = Connection
sheet-about-folder = Folder
sheet-about-subfolders = Subfolders
sheet-about-subfolders-value = { $included ->
    [yes] yes
   *[no] no
}
sheet-about-exported-at = Exported at
sheet-about-empty-cell = Empty cell
sheet-about-empty-cell-means = leaves the property as it is
sheet-about-clear-means = in a cell removes the property
sheet-about-several-values = Several values
sheet-about-several-values-means = separated by | ; write \| for a | inside a value

## What kind of file a sheet is, shown on the sheet step and by `sheet import` (issue 17: sheet formats)

sheet-format = { $kind ->
    [xlsx] Excel workbook (.xlsx)
    [xlsb] Excel binary workbook (.xlsb)
    [xls] Excel 97-2003 workbook (.xls)
   *[ods] OpenDocument spreadsheet (.ods)
}
sheet-format-csv = CSV, { $separator ->
    [tab] tab-separated
   *[other] '{ $separator }'-separated
}, { $encoding }

## The console: how a request went, as its history keeps it (issue 17: console history outcome)

console-outcome-status = { $status }
console-outcome-graphql-errors = { $count ->
    [one] { $count } GraphQL error
   *[other] { $count } GraphQL errors
}
console-outcome-created = created
console-outcome-replaced = replaced
console-outcome-failed = failed: { $error }

## Errors of runs, edits, conditions and lists (issue 17: bulk errors as catalogue messages)

error-io-read = Could not read { $file }: { $detail }
error-io-write = Could not write { $file }: { $detail }
error-report-not-written = Could not write the CSV report: { $detail }
error-no-journal = There is no run journal at { $file }.
error-bad-run-id = "{ $run }" is not a run id.
error-run-other-api = This run uses the { $run } Assets API but the connection given uses the { $connection } one.
error-plan-with = { $kind ->
    [undo] Use undo to plan an undo.
    [retry] Use retry to plan a retry of the failed assets.
   *[sheet] Import the sheet to plan its values.
}
error-nothing-to-undo = Run { $run } changed no asset, so there is nothing to undo.
error-not-a-tag-import = Run { $run } is not a tag import.
error-run-of-tag-import = Run { $run } imported tags from { $file }: a tag import is not retried. An import that stopped part-way is finished by resuming it; to write the sheet again, import it again.
error-run-of-tag-rename = Run { $run } renamed the tag { $id }: a rename is not retried. One that stopped part-way is finished by resuming it.
error-retry-of-sheet = Run { $run } applied the sheet { $file }; to retry its failed assets, import the sheet again (cells already written show as unchanged).
error-retry-of-undo = Run { $run } is an undo; to restore the assets it could not, plan the undo of run { $undone } again (assets already restored are left as they are).
error-nothing-to-retry = No asset failed in run { $run }, so there is nothing to retry.
error-run-complete = Run { $run } is already complete.
error-run-preview-unfinished = The preview of run { $run } did not finish, so it cannot be applied; preview again.
error-edit-none = Say what to change: no edit was given.
error-edit-no-value = The edit of { $property } needs at least one value.
error-edit-empty-value = The edit of { $property } has an empty value; type the value, or use clear to remove the property.
error-edit-twice = { $property } is edited twice in one run; combine the two edits into one.
error-protected-property = { $name } is kept by AEM’s repository itself (the node’s type, identity or creation) and cannot be edited; choose a metadata property such as dc:title
error-bad-property-name = "{ $name }" is not a metadata property name; use the prefix:name form, e.g. dc:rights, dc:subject, xmpRights:UsageTerms or cq:tags.
error-bad-field-name = "{ $name }" is not a content fragment field name; use a field's name as the fragment list shows it (price, main), or jcr:title and jcr:description for the fragment's own title and description.
error-list-empty = The list is empty: give one DAM path, Assets link or asset id per line.
error-list-unreadable = The list could not be read as lines or CSV: { $detail }.
error-condition-unknown = "{ $words }" is not a condition Metadesk knows. Write, for example: dc:rights is empty · dc:rights is not empty · dc:title is "Summer" · dc:title contains beach · dc:title does not contain draft · tag is wknd:activity/surfing · type is image/* · modified after 2026-03-01 · created before 2025-01-01 · expires before today · expires within 30 days · name matches *.jpg
error-condition-bad-date = "{ $date }" is not a date: write it as year-month-day, e.g. 2026-03-01.
error-condition-bad-days = "{ $days }" is not a number of days: write a whole number from 1 to { $most }, e.g. expires within 30 days.
error-condition-missing = { $what ->
    [value] The value
    [text] The text to look for
   *[pattern] The name pattern
} is missing.
error-condition-bad-tag = "{ $tag }" is not a tag id: write it as namespace:path, e.g. wknd:activity/surfing.
error-condition-bad-type = "{ $format }" is not a file type: write a MIME type such as image/jpeg, or image/* for all images.
error-condition-pattern-is-path = "{ $pattern }" is a path: a name pattern matches file names only.

## Errors of folders and searches in AEM (issue 17: assets errors as catalogue messages)

error-folder-outside-dam = "{ $folder }" is not a DAM folder: it must start with { $root }/.
error-folder-control-character = "{ $folder }" holds a control character (a tab or a line break, shown as \t or \n): no folder path in AEM does. Type the folder again without it.
error-folder-dot-segments = "{ $folder }" contains . or .. segments.
error-no-such-folder = The folder { $folder } does not exist in AEM, or this connection may not see it.
error-list-folder-oauth = Could not list { $folder }: this connection’s OAuth Server-to-Server credential cannot list a folder’s assets (AEM accepts its token only on the OpenAPI-based APIs, which list subfolders but not the assets in a folder). Add a Service Credentials connection for the same environment and use it for bulk edits.
error-list-folder-forbidden = Could not list { $folder }: this connection may not read it (403). Ask an AEM administrator to give { reason-who } read access to it.
error-list-folder-throttled = Could not list { $folder }: AEM kept asking Metadesk to slow down ({ $status }). Try again in a minute.
error-list-folder-transient = Could not list { $folder }: { $detail }. Try again in a moment.
error-list-folder-rejected = Could not list { $folder }: AEM answered { $status } ({ $detail }).
error-list-folder-failed = Could not list { $folder }: { $detail }.
error-subfolders-partial = Only part of the subfolders of { $folder } could be read ({ $read } before AEM stopped: { $detail }), so none are shown: the list would be incomplete. Try again in a moment.
error-subfolders-forbidden = Could not list the subfolders of { $folder }: AEM refused this OAuth Server-to-Server connection on its Folders API (403: { $detail }). Its client id must be allowed for this environment (allowedClientIDs in the Cloud Manager config/api.yaml) and its product profile must give access to AEM Assets.
error-search-too-wide = AEM stopped this search: answering it would read too many assets (AEM reads at most 100,000 per search). Choose a smaller folder, or add a condition on a property AEM indexes (file type, title, tags).
error-search-forbidden = AEM refused this connection’s search (403). Searching needs a Service Credentials or Local Development Token connection on this AEM, with read access to the folder; OAuth Server-to-Server credentials cannot use AEM’s search.
error-search-throttled = AEM kept asking Metadesk to slow down ({ $status }) while searching. Try again in a minute.
error-search-not-answered = This AEM does not answer searches (/bin/querybuilder.json was not found).
error-search-failed = The search failed: { $detail }.

## Errors of the console (issue 17: console errors as catalogue messages)

error-console-bad-path = "{ $path }" is not a path on this connection’s AEM: { $why ->
    [empty] it is empty; start with /, such as /content/dam.1.json.
    [no-slash] a path starts with / (the host is always the connection’s own).
    [double-slash] // would name another host.
    [backslash] backslashes are not allowed (write / or %5C).
    [at] @ is not allowed (write it as %40).
    [space] spaces and control characters must be encoded (a space is %20).
   *[hash] # would not be sent; encode it as %23.
}
error-console-bad-method = "{ $method }" is not a method the console sends (GET, HEAD, POST, PUT, PATCH, DELETE).
error-console-refused-header = The header { $name } cannot be set here: Metadesk adds the connection’s credentials itself and sends only to the connection’s host.
error-console-bad-header-name = "{ $name }" is not a header name.
error-console-bad-header-value = The value of { $name } is not a valid header value.
error-console-body-and-form = Send either a body or form fields, not both.
error-console-body-not-json = The body is not valid JSON (line { $line }, column { $column }: { $detail }).
error-console-body-on-read = A { $method } request has no body; use POST, PUT or PATCH to send one.
error-console-variables-not-object = The variables must be a JSON object, such as {"{"}"path": "/content/dam/…"{"}"}.
error-console-variables-not-json = The variables are not valid JSON (line { $line }, column { $column }: { $detail }).
error-console-query-empty = The query is empty.
error-console-bad-variable-name = "{ $name }" is not a GraphQL variable name.
error-console-semicolon-in-variable = The value of "{ $name }" contains ';', which a persisted query’s address cannot carry. Run the query’s text instead (open it in the editor and run it).
error-console-no-persisted-query = There is no persisted query /{ $config }/{ $name } on { $host } (404), or its configuration has no GraphQL endpoint.
error-console-persisted-exists = A persisted query /{ $config }/{ $name } already exists. Choose "replace" to overwrite it, or pick another name.
error-console-query-not-saved = AEM did not save the query: { $detail }
error-console-save-forbidden = AEM refused to save /{ $config }/{ $name } (403): { $known ->
    [none] this connection’s account
   *[other] { $account }
} may not write persisted queries of "{ $config }". An AEM administrator can grant it.
error-console-bad-name = "{ $name }" is not a valid { $what ->
    [configuration] configuration
    [connection-id] connection id
   *[persisted-query] persisted query
} name: use letters, digits, '-', '_' and '.'.
error-console-saved-needs-name = Give the saved request a name.
error-console-nul = The request holds a NUL character, which a shell cannot pass.
error-console-invalid-path = "{ $path }" is not a valid path ({ $detail }).
error-file-damaged = { $file } could not be read ({ $detail }); move it away to start a new one.
error-csv-not-written = Could not write the CSV file: { $detail }

## Errors of saved scopes, sheets and exports (issue 17: app errors as catalogue messages)

error-no-such-scope = No scope named "{ $name }" is saved for this connection.
error-no-such-scope-saved = No scope named "{ $name }" is saved for this connection. Saved: { $saved }.
error-scope-name-length = Give the scope a name of 1 to { $max } characters.
error-query-of-search-only = Only a search has a query to show.
error-console-oauth-graphql = "{ $name }" is an OAuth Server-to-Server connection: AEM accepts its token only on the OpenAPI-based Assets APIs, not on GraphQL. Use a Service Credentials or Local Development Token connection to the same AEM.
error-console-cancelled = Cancelled.
error-console-bad-aem-address = The connection’s AEM address is not valid ({ $detail }).
error-console-export-not-json = The result to export is not JSON ({ $detail }).
error-console-no-table = This result holds no list of items, so it has no table to export as CSV; export it as JSON instead.
error-sheet-gone = That sheet is no longer on hand; drop it on the window again, or choose it.
error-sheet-issues-gone = The problems of that check are no longer on hand; check the sheet again.
error-sheet-preview-not-removed = Could not remove the sheet’s preview: { $detail }
error-sheet-no-properties = Say which properties the sheet holds, e.g. dc:title and dc:subject.
error-job-cancelled = Cancelled before it was done.
error-sheet-too-large = { $file } is { $size } MB, too large for a sheet (at most { $limit } MB); split it into several sheets.
error-file-is-folder = { $file } is a folder; choose a file in it.
error-file-not-regular = { $file } is not a regular file (it is a device, a pipe or a socket, or a link to one); choose the file itself.
error-sheet-problems-not-written = Could not write the problems: { $detail }
error-sheet-not-written = The sheet could not be written: { $detail }.
error-sheet-cell-too-long = { $path } has a value longer than Excel holds in a cell ({ $limit } characters) in column { $column }; export it as .csv instead, or leave that property out.

## A run's journal on disk (issue 17). io-journal… are the { $context } of error-io, which
## adds what went wrong in the user's words.

io-journal = could not { $doing ->
    [create] create
    [open] open
    [write] write
   *[read] read
} the run journal { $file }
io-journal-writer = could not start writing the run journal

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
test-skipped-unreachable = Not tried: AEM could not be reached.
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

## What this AEM allows (the deep "Test connection": one line per path the app uses)

allows-label-classic-read = Read assets (Assets API)
allows-label-folders-api = Browse folders (Folders API)
allows-label-querybuilder = Search (QueryBuilder)
allows-label-openapi-search = Search (OpenAPI search)
allows-label-write-permission = Permission to change metadata
allows-label-batch-writes = Batch writes
allows-label-renditions = Thumbnails (renditions)
allows-label-graphql-endpoints = GraphQL endpoints
allows-label-graphql-schema = GraphQL schema (introspection)
allows-label-persisted = Persisted queries (listing)
allows-label-fragments = Content fragments (Sites API)
allows-ok-fragments = AEM's Sites API lists this connection's content fragments.
allows-instead-fragments = Ask an AEM administrator to allow this OAuth Server-to-Server credential on the Sites API for this environment; until then content fragments cannot be edited with it.
can-fragments-yes = Can edit content fragments
can-fragments-no = Cannot edit content fragments
allows-label-tag-changes = Change tags (tag command)
allows-ok-tag-changes = AEM lets this account change its tags: merge, move, delete and import them.
allows-instead-tag-changes = This account can still tag assets, but merging, moving, deleting or importing tags is refused before anything is written. Ask an AEM administrator to add it to the Tag Administrators group.
can-tags-yes = Can change tags
can-tags-no = Cannot change AEM’s tags (merge, move, delete, import)
can-metadata-change = Can read and change metadata
can-metadata-read-only = Can read metadata, but may not change it
can-metadata-read-unsure = Can read metadata; whether it may change it shows at the first change
can-metadata-none = Cannot read the assets
can-search-yes = Can find assets by what their metadata holds
can-search-no = Cannot find assets by what their metadata holds
can-thumbnails-yes = Can show pictures of the assets
can-thumbnails-no = Cannot show pictures of the assets
can-graphql-yes = Can run GraphQL queries
can-graphql-no = Cannot run GraphQL queries
can-publish-yes = Can publish assets to the website
can-publish-no = Cannot publish assets to the website
allows-refused = AEM refuses it to this account (HTTP { $status }).
allows-missing = AEM does not offer it here (HTTP { $status }).
allows-answered = AEM answered HTTP { $status }.
allows-refused-plain = AEM refuses it to this account.
allows-missing-plain = AEM does not offer it here.
allows-graphql-unlisted = AEM did not list its GraphQL endpoints.
allows-ok-querybuilder = QueryBuilder answers searches.
allows-ok-openapi-search = AEM answers this connection's OpenAPI search.
allows-ok-write = AEM's own permission check says this account may change metadata in { $folder }.
allows-write-refused = AEM's own permission check says { $who } may not change metadata in { $folder }. Ask an AEM administrator to give it write access there (for example the DAM Users group).
allows-write-unknown = AEM's permission check gave no answer for { $folder } (this check is not confirmed on every AEM).
allows-write-unchecked = AEM's permission on { $folder } could not be checked: { $why }
allows-ok-batch = AEM accepts the Sling POST batch writes send (tried with one that changes nothing): several assets are written in one request.
allows-batch-remembered = AEM refused batch writes (HTTP { $status }) earlier on this connection, in a run or in Test connection.
allows-batch-refused = AEM refused a Sling POST that changes nothing, as it would a batch write: { $why }
allows-batch-untried = A Sling POST that changes nothing could not be tried: { $why } The first apply tries batch writes and, if AEM refuses them, writes each asset on its own.
allows-ok-renditions = A thumbnail was read ({ $asset }).
allows-no-asset = Not tried: no image asset was found to read a thumbnail of.
allows-no-thumbnail = AEM has no thumbnail for { $asset }, or does not show it to this account.
allows-ok-graphql-endpoints = { $count ->
    [one] { $count } configuration: { $names }.
   *[other] { $count } configurations: { $names }.
}
allows-ok-graphql-schema = The schema of "{ $config }" can be read.
allows-graphql-not-tried = Not tried: no GraphQL endpoint is listed.
allows-ok-persisted = { $count ->
    [one] { $count } persisted query listed.
   *[other] { $count } persisted queries listed.
}
allows-instead-read = Nothing can be changed until AEM lets this account read the DAM.
allows-instead-folders = Folders cannot be browsed with this connection until AEM accepts it.
allows-instead-querybuilder = Search and list scopes cannot be used; folders are read through the Assets API, and each asset is read on its own before it is written (slower).
allows-instead-openapi-search-paired = Assets are found with QueryBuilder through the paired connection "{ $paired }".
allows-instead-openapi-search-unpaired = Pair a classic connection on this card: it finds the assets to change.
allows-instead-write = Previews work; AEM will refuse the changes until the permission is given.
allows-instead-write-unknown = Changes are tried; any AEM refuses is reported asset by asset.
allows-instead-batch = Each asset is written on its own (slower). Metadesk remembers this for this connection for 30 days.
allows-instead-renditions = Tables show no thumbnails.
allows-instead-graphql-endpoints = The API console offers "global"; type another configuration's name if you know it.
allows-instead-graphql-schema = The query editor works without completion from the schema.
allows-instead-persisted = The API console cannot list persisted queries; run one by its path in a request.
error-allows-folder = "{ $folder }" is not a folder of the DAM: give a path under /content/dam.

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
reason-tag-held-by-path = holds { $id } by its path ({ $value }), which Metadesk does not rewrite: change it to the id { $id } in AEM, then preview again; until then the tag itself is kept
reason-changed-since-export = changed in AEM after the sheet was exported (changed { $now }, exported { $exported }); its cells that differ from AEM now are not written, so that change is kept. Export the sheet again to edit this asset
reason-changed-since-export-values = changed in AEM after the sheet was exported ({ $properties }); its cells that differ from AEM now are not written, so that change is kept. Export the sheet again to edit this asset
reason-holds-one-value = several values for a property AEM holds as one ({ $properties }); keep one value in each, or write \| for a | that belongs to the text
reason-change-not-checked = changed in AEM after the sheet was exported? Metadesk could not tell ({ $detail }); its cells are not written. Preview the sheet again
reason-forbidden-write = AEM refused the change (403): this connection may not change assets in this folder
reason-unknown = no reason was recorded
advice-write-access = Ask an AEM administrator to give { $who } write access to these folders (for example through the DAM Users group), then retry the failed assets.
reason-cannot-write = { $refused ->
    [one] AEM refused the first change (403)
   *[other] AEM refused the first { $refused } changes (403)
}, so the run stopped: this connection may not change the assets it tried. Ask an AEM administrator to give { $who } write access to their folders, e.g. through the DAM Users group or a product profile with write rights, then resume the run to change the remaining assets.
reason-folder-refuses-writes = AEM refused every change tried in { $folder } (403): the connection { $connection } may not change assets in this folder, so its other assets were not tried and the run went on in the other folders. Ask an AEM administrator to give { $who } write access to { $folder }, then edit this folder again
reason-op-cannot-write = { $refused ->
    [one] AEM refused the first request (403)
   *[other] AEM refused the first { $refused } requests (403)
} and took none, so the run stopped: this connection may not write where the run writes. Ask an AEM administrator to give { $who } write access to those folders, then resume the run to do the rest.
reason-op-folder-refuses = AEM refused every request tried in { $folder } (403): the connection { $connection } may not write in this folder, so nothing else there was tried and the run went on in the other folders. Ask an AEM administrator to give { $who } write access to { $folder }, then resume the run.
reason-move-folder-refuses = AEM refused every move tried out of { $folder } (403): the connection { $connection } may not write in this folder or in a folder its assets move into (a move needs both, and AEM does not say which it lacks), so nothing else there was tried and the run went on in the other folders. Ask an AEM administrator to give { $who } write access to { $folder } and to the folders its assets move into, then resume the run.
reason-forbidden-read = this connection may not read this asset (403): ask an AEM administrator to give { $who } read access to it
reason-not-found = the asset no longer exists (404): it was moved or deleted after the preview
reason-conflict = AEM kept refusing the change because the asset was being changed by someone else at the same time (412), so it was not overwritten; retry the failed assets to plan it again from the values now in AEM
reason-content-fragment = content fragment: an asset edit leaves it as it is (content fragments have an edit of their own: “Content fragments” in Bulk edit)
reason-already-as-wanted = already as wanted at the preview
reason-already-as-wanted-at-write = already as wanted when it was written
reason-changed-the-same-way = already as wanted: changed the same way in AEM after the preview
reason-not-applied-yet = not applied yet
reason-changed-since-preview = changed since the preview: { $values }, so it was not overwritten; retry the failed assets to plan it again from the value now in AEM
reason-put-back-since-write = changed in AEM after this run’s write was sent (the write may have landed, then someone put the values back): that change is kept and nothing was written again. Edit this asset again if it should still change
reason-written-again-unverifiable = written again: its values were still those the preview saw, but on this connection’s API nothing tells whether an earlier write of this run had landed and someone put the values back since. Check this asset if a colleague may have reverted it
reason-changed-value = { $property } was { $preview } at the preview and is now { $now }
reason-changed-since-run = { $property } was changed in AEM after run { $run } (it is now { $now }), so it was left as it is
reason-throttled-write = { $what } and the asset was not written; retry the failed assets later
reason-not-confirmed = { $what }; AEM did not confirm the change. Retry the failed assets to try again.
reason-throttled-part = { $what }, and it was not sent; resume the run later to send it
reason-not-confirmed-part = { $what }; AEM did not confirm it. Resume the run to find out and send it again if it did not land.
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
path-outside-dam = “{ $path }” is not in the DAM (asset paths start with /content/dam/)
path-dam-root = { $path } is the DAM root, not an asset
path-dot-segment = “{ $path }” has a . or .. segment: AEM would resolve it to another node, so it is not used; write the asset’s path as AEM shows it
path-empty-segment = “{ $path }” has an empty segment (//): write the asset’s path as AEM shows it
path-control-character = “{ $path }” holds a control character (a line break or a tab): write the asset’s path as AEM shows it
path-untrimmed = “{ $path }” has spaces or a / at one end: write the asset’s path as AEM shows it
reason-aem-created-node = AEM created a new node at { $path } instead of changing this asset’s metadata: remove that node in AEM and check the asset
reason-aem-created-stray-node = AEM created a node at { $path }{ $more ->
    [0] {""}
   *[other] {" "}(and { $more } other nodes)
}, which is none of this batch’s assets, while writing this asset with others in one request: whether this asset was changed as planned is not known, so it is not counted as changed; check it, and remove that node in AEM
reason-value-too-long = the rule computes a value of { $chars } characters, longer than the { $limit } Metadesk writes into one property; the asset is left as it is
reason-list-line = line { $line }: { $problem }
reason-list-bad-asset-id = not a valid asset id (urn:aaid:aem: followed by a UUID)
reason-list-bad-link = a link that cannot be read
reason-list-link-outside-dam = a link that does not point to an asset under /content/dam
reason-list-not-an-entry = not a DAM path (/content/dam/…), an Assets link or an asset id (urn:aaid:aem:…)
reason-list-duplicate = a duplicate of line { $line }
reason-list-not-found = not found in AEM (or this connection may not see it)
reason-list-same-asset = the same asset as line { $line }
reason-list-folder = a folder, not an asset (choose it as the folder to edit its assets)
reason-list-content-fragment = a content fragment (an asset edit leaves it as it is; edit content fragments with their own edit)
reason-list-fragment-id = an asset id: name a content fragment by its path (/content/dam/…)

## A run's edits, as its summary lists them

run-edit = { $property }: { $op ->
    [set] set { $values }
    [set-list] set the list { $values }
    [append] append { $values }
    [remove] remove { $values }
   *[clear] clear
}
run-per-asset-writes = Each asset was written on its own: this AEM does not take several assets in one request (it answered { $status }). Slower, with the same result; Metadesk remembers it for this connection.
run-per-asset-writes-remembered = Each asset was written on its own: earlier on this connection (in a run or in Test connection), this AEM did not take several assets in one request (it answered { $status }). Slower, with the same result.
run-unindexed = { $count ->
    [one] 1 asset is not in AEM’s search index yet (added in the last minutes); Metadesk read it on its own.
   *[other] { $count } assets are not in AEM’s search index yet (added in the last minutes); Metadesk read them one by one.
}
run-searched-index = A search finds what AEM’s search index holds: these assets are those it held at { $at }. Assets added in the minutes before may not be in it yet, and are not in this run.
run-searched-folder = No classic connection is paired to list this folder, so AEM’s search found its assets as its index stood at { $at }: assets added in the minutes before may be missing. Pair a classic connection to read the folder whole.
run-index-notices = { $notices }
run-edit-undo = undo of run { $run }
run-edit-retry = retry of the failed assets of run { $run }
run-edit-sheet = values from the sheet { $file }
run-tag-import = tags from the sheet { $file }
run-tag-rename = rename of the tag { $from } to { $to } ({ $tag })

## Which search found a run's assets (issue 15: the journal records it; `runs show`)
run-found-by = { $how ->
    [listing] found in the folder's contents, as AEM lists them
    [listing-via] found in the folder's contents, listed through "{ $connection }"
    [query-builder] found with a search in AEM
    [query-builder-via] found with a search in AEM, through "{ $connection }"
   *[openapi] found with a search in AEM, with the connection's own credential
}
error-tags-unread = AEM's tags could not be read with this connection ({ $detail }); type a tag's id instead, such as wknd:activity/surfing.

## A search's conditions, as a run's summary shows them (issue 17: words of stored conditions)

condition-is-empty = { $property } is empty
condition-is-not-empty = { $property } is not empty
condition-equals = { $property } is { $value }
condition-not-equals = { $property } is not { $value }
condition-contains = { $property } contains { $value }
condition-not-contains = { $property } does not contain { $value }
condition-tagged = tag is { $tag }
condition-file-kind = the file is { $kind }
condition-file-type = the file type is { $format }
file-kind-image = an image
file-kind-jpeg = a JPEG image
file-kind-png = a PNG image
file-kind-gif = a GIF image
file-kind-tiff = a TIFF image
file-kind-webp = a WebP image
file-kind-svg = an SVG image
file-kind-pdf = a PDF
file-kind-video = a video
file-kind-mp4 = an MP4 video
file-kind-audio = an audio file
condition-modified-before = modified before { $date }
condition-modified-after = modified after { $date }
condition-created-before = created before { $date }
condition-created-after = created after { $date }
condition-expires-before = expires before { $date }
condition-expires-after = expires after { $date }
condition-expires-before-today = expires before today
condition-expires-after-today = expires after today
condition-expires-within = expires within { $days } days
condition-expires-within-a-day = expires within a day
condition-name-matches = name matches { $pattern }
condition-all = { $first } and { $rest }
condition-any = { $first } or { $rest }

## What a scope selects, as a saved scope shows it (issue 17: scope words). { $conditions } is
## the conditions' words above; { $place } a folder, or scope-with-subfolders.

scope-folder = the assets of { $place }
scope-search = the assets of { $place } where { $conditions }
scope-with-subfolders = { $folder } and its subfolders
scope-fragments = the content fragments under { $folder }
scope-fragments-of-model = the content fragments of the model { $model } under { $folder }
scope-fragment-list = a list of { $count ->
    [one] { $count } content fragment
   *[other] { $count } content fragments
}
scope-list = { $count ->
    [one] { $count } asset you listed
   *[other] { $count } assets you listed
}

## Report CSV headers (only when the user asks for headers in their language)

report-csv-path = Path
report-csv-status = Status
report-csv-reason = Reason
report-csv-before = { $property } before
report-csv-after = { $property } after
report-csv-publication-before = Publication before

## Start-up checks

health-folders = App folders
health-folders-ready = ready in { $folder }
health-keychain = System keychain
health-keychain-available = available ({ $backend })

## Files people name (report CSVs, sheet exports, saved results): Windows' rules, on every OS
error-file-name-device = { $file } cannot be saved: Windows keeps the name { $device } for a device, whatever its ending. Choose another file name.
error-file-name-ends = { $file } cannot be saved: its name ends with a dot or a space, which Windows drops. Choose another file name.
error-file-name-character = { $file } cannot be saved: Windows does not allow "{ $character }" in a file name. Choose another file name.
error-file-path-too-long = { $file } cannot be saved: its path is { $length } characters long, and Windows programs such as Excel cannot open a path of 260 characters or more. Choose a shorter name or folder.
error-file-name-empty = { $file } names no file. Choose a file name.

## Edits that compute (issue 30): a rule as a run's summary lists it, a rule refused before
## anything is read, and why a rule could not compute on one asset (a skipped asset's reason).
run-edit-replace = { $property }: replace "{ $find }" with "{ $replace }"{ $regex ->
    [yes] { " " }(regular expression
   *[no] { " " }(plain text
}{ $ignoreCase ->
    [yes] , any case
   *[no] {""}
}{ $wholeWord ->
    [yes] , whole words)
   *[no] )
}
run-edit-template = { $property }: set from the template "{ $template }"
run-edit-from-name = { $property }: set from the { $wholePath ->
    [yes] path
   *[no] file name
} by "{ $pattern }" as "{ $template }"
run-edit-copy = { $property }: copy { $from }
run-edit-retag = { $property }: { $from } and the tags below it become { $to }
run-edit-untag = { $property }: remove { $from } and the tags below it
run-edit-case = { $property }: { $to ->
    [upper] to capitals
    [lower] to small letters
    [title] capitalise each word
   *[sentence] capitalise the first word
}
run-edit-trim = { $property }: { $collapse ->
    [yes] trim and collapse spaces
   *[no] trim spaces
}
run-edit-shift-date = { $property }: move dates by { $by }
run-edit-set-date = { $property }: set dates to { $date }
run-edit-where = { $edit } { $is ->
    [empty] (only where empty)
   *[not_empty] (only where not empty)
}
error-rule-regex = The pattern of { $property }, "{ $pattern }", is not a valid regular expression: { $problem ->
    [group-unclosed] a group opened with ( is not closed
    [group-unopened] a ) closes no group
    [class-unclosed] a [ is not closed by ]
    [nothing-to-repeat] *, + or ? has nothing before it to repeat
    [repetition-count] a {"{"}count{"}"} of repetitions is not closed or not a number
    [escape] a \ is followed by a character it cannot escape
    [group-name-twice] two groups have the same name
    [group-name] a group name is not a valid name
    [too-big] it is too big to run
   *[other] it cannot be read
} (at character { $position }).
error-rule-find-empty = The replace of { $property } needs the text to find.
error-rule-copy-itself = { $property } cannot be copied into itself; choose another property to copy.
error-rule-retag-itself = A tag cannot become itself; choose another tag.
error-tag-missing = AEM has no tag { $id }; check its id in the list of tags. Nothing was changed.
error-tag-rename-empty = The new title of { $id } is empty: type the title the tag should show. Nothing was changed.
error-tag-rename-same = The tag { $id } is already titled “{ $title }”: there is nothing to rename. Nothing was changed.
error-tag-rename-too-long = A title of { $id } is longer than { $limit } characters. Nothing was changed.
error-tag-into-itself = { $id } cannot go into { $target }, which is the tag itself or one of its children. Nothing was changed.
error-tag-move-onto = { $target } already exists: merge into it instead of moving onto it. Nothing was changed.
error-tag-no-rights = The account of { $connection } may tag assets but not change AEM’s tags themselves (that needs a Tag Administrator). Nothing was changed.
error-tag-unchecked = AEM did not say whether this account may change its tags ({ $detail }). Nothing was changed.
error-tag-not-a-tag-run = Run { $run } does not merge, move or delete a tag.
error-tag-assets-first = Assets still hold { $id }: apply the preview first; the tag itself is changed once they are done.
error-tag-read-not-whole = The tag { $id } is kept: { $count ->
    [one] { $count } asset
   *[other] { $count } assets
} under the folder that may hold it were not read or are left alone (see the preview). Nothing was changed.
tag-step-needs-classic = This connection cannot change tags in AEM: it is an OAuth Server-to-Server connection, and AEM's tag command is a classic request. Nothing was written.
tag-step-tag-gone = AEM no longer has the tag { $id }: someone changed or removed it since the preview, so AEM's command was not sent.
tag-step-target-gone = { $target } was removed from AEM since the preview: the merge of { $id } into it was not sent (a move would create it again).
tag-step-target-exists = { $target } was created in AEM since the preview: the move of { $id } onto it was not sent.
op-done-later = Done by AEM in the background: it took the request as a job, and what it holds was read back.
op-still-later = AEM took the request as a background job and had not done it after { $minutes } min: not counted as done. Resume the run later: it reads what AEM holds first and sends nothing again blind.
op-not-checked = Not checked: what AEM holds for it was not read. Nothing was sent; resume the run to check it again.
error-tags-sheet-no-id = { $file } has no column of tag ids (headed “Tag ID”, as a taxonomy exported by Metadesk has it). Nothing was changed.
error-tags-sheet-same-column = { $file } has two columns headed “{ $header }”; keep one. Nothing was changed.
error-tags-sheet-no-rows = { $file } holds no tags below its header. Nothing was changed.
error-tags-import-no-id = Row { $row } has values but no tag id. Nothing was changed.
error-tags-import-twice = Row { $row }: { $id } is already on row { $first }; keep one row a tag. Nothing was changed.
error-tags-import-no-parent = Row { $row }: { $id } would go below { $parent }, which neither AEM nor the file has. Add a row for { $parent } or correct the id. Nothing was changed.
error-tags-import-too-long = Row { $row }: a value of { $id } is longer than { $limit } characters. Nothing was changed.
error-tags-import-unknown = There is no tag import { $id } on this computer (its id is printed when the import is applied).
error-tags-import-other-connection = The tag import { $id } was made on { $connection }; undo it with that connection.
tags-import-left-exists = Left alone: someone created the tag in AEM after the preview.
tags-import-left-value = Left alone: its { $property } was changed in AEM after the preview (it now holds “{ $now }”).
tags-import-stopped = AEM did not take the change of { $id } ({ $detail }): the import stopped there. What was written before it stays: resume the run to finish the import, or undo it to put that back.
error-rule-duration = The date shift of { $property }, "{ $by }", is not a duration; write an amount and a unit such as 7d, -1w, +2h30m (w weeks, d days, h hours, m minutes, s seconds).
error-rule-date = The date for { $property }, "{ $date }", is not a date; write 2025-01-31, 2025-01-31T09:00 or 2025-01-31T09:00:00+01:00.
error-rule-where-twice = The edit of { $property } is limited twice; keep one "only where".
error-rule-template-empty = The template of { $property } is empty.
error-rule-template-brace = The template of { $property } cannot be read: { $problem ->
    [unclosed] a {"{"} is not closed by {"}"}
    [unopened] a {"}"} closes no {"{"}; write {"}}"} for the character itself
   *[empty] {"{}"} names no field
} (at character { $position }).
error-rule-template-field = The template of { $property } names {"{"}{ $field }{"}"}, which is no field here: use a field’s label as the form shows it, such as {"{"}Title{"}"}, a property such as {"{"}dc:title{"}"}, {"{"}name{"}"}, {"{"}filename{"}"}, {"{"}extension{"}"}, {"{"}folder{"}"}, {"{"}path{"}"}, or a group of the file-name pattern.
reason-rule-unreadable = the rule could not be read for this asset
reason-name-no-match = its name "{ $name }" does not match "{ $pattern }"
reason-field-missing = it has no { $field }
reason-not-a-date = "{ $value }" is not a date
reason-date-shift = "{ $value }" holds a day only, which moves by whole days, or would move out of range
reason-date-none = it has no date whose time and zone to keep; give a full date with its zone (2025-01-31T09:00:00+01:00)

## Publishing (issue 39)
error-publish-oauth = This connection cannot publish: it is an OAuth Server-to-Server connection, and AEM's replication servlet takes only service credentials (JWT technical accounts) and local development tokens. Nothing was sent. Publish with a connection of one of those kinds, for example the classic connection paired with this one.
error-nothing-to-republish = Run { $run } changed no asset, so there is nothing to republish.
error-republish-of-publish = Run { $run } publishes or unpublishes: only what an edit changed is republished. To publish its assets again, publish them on their own.
error-retry-of-publish = Run { $run } publishes or unpublishes; to do again what it could not, resume it or plan it again.
reason-publish-kept = was published before this run: it keeps its current published version (AEM cannot give back an older publication)
reason-publish-unknown-before = Metadesk could not tell whether it was published before this run, so the undo leaves it as it is (publish or unpublish it on its own if needed)
reason-publish-not-before = was not published before: a metadata edit never makes it public, so it is left unpublished
reason-publish-no-longer = no longer published when the run reached it, so it was not published again
reason-publish-already-unpublished = already unpublished
reason-publish-forbidden = This technical account may not publish under { $folder }: ask an AEM administrator to grant Replicate on it to { $account }
reason-publish-undo-not-published-before = was not published before this run, so the undo leaves it unpublished
reason-publish-undo-not-up-to-date = its values on author were newer than the website's before this run: publishing it now would make public changes that never were, so the undo leaves it unpublished
reason-publish-undo-not-done = this run's request for it did not go through, so the undo leaves it as it is
reason-publish-undo-not-confirmed = Metadesk could not confirm that what the website shows of it is still this run's doing, so the undo leaves it as it is (resume the run first if it was interrupted)
reason-publish-undo-modified-since = changed on author since its last publication ({ $modified }): publishing it now would make public changes that never were, so the undo leaves it unpublished
reason-publish-undo-edited-since = its metadata changed on author after it was taken off the website: publishing it now would make public changes that never were, so the undo leaves it unpublished
reason-publish-published-since = published again after this run, by { $by } at { $at }: that publication is left as it is
reason-publish-unpublished-since = unpublished after this run's request, by { $by } at { $at }: it is left unpublished
reason-publish-state-unread = { $what }; Metadesk could not tell where it stands on the website, so nothing was sent for it (retry the failed assets later)
publication-never-published = { $count } never published
publication-modified = { $count } changed since published
publication-up-to-date = { $count } up to date
publication-unpublished = { $count } unpublished
publication-state-never-published = never published
publication-state-modified = changed since published
publication-state-up-to-date = up to date
publication-state-unpublished = unpublished
run-publish = { $what ->
    [unpublish] unpublish from { $tier ->
        [preview] AEM's Preview tier
       *[publish] the website
    }
   *[publish] publish to { $tier ->
        [preview] AEM's Preview tier
       *[publish] the website
    }
}
run-republish = republish what run { $run } changed { $tier ->
    [preview] to AEM's Preview tier
   *[publish] to the website
}
run-publish-undo = undo of run { $run } ({ $what ->
    [unpublish] unpublish what it published for the first time
   *[publish] publish again what it unpublished
})
allows-label-publish-permission = Permission to publish
## The field report (connections test --deep --report, "Save a report for support")
field-report-not-sent = The request could not be made.
field-report-answered = AEM answered { $status }.
field-report-not-json = The answer is not JSON.
field-report-missing = { $at } is missing.
field-report-other-type = { $at } is { $found } where Metadesk reads { $expected }.
field-report-type-object = an object
field-report-type-list = a list
field-report-type-string = a string
field-report-type-number = a number
field-report-type-boolean = true or false
field-report-type-null = null
allows-ok-publish = AEM's own permission check says this account may publish in { $folder }.
allows-publish-refused = AEM's own permission check says { $who } may not publish in { $folder }. Ask an AEM administrator to grant Replicate on it there.
allows-publish-unknown = AEM's permission check gave no answer about publishing in { $folder } (this check is not confirmed on every AEM).
allows-publish-unchecked = The permission to publish in { $folder } could not be checked: { $why }
allows-instead-publish = Edits work; publishing and republishing will be refused until the permission is given.
allows-publish-oauth = An OAuth Server-to-Server connection cannot publish: AEM's replication servlet takes only service credentials and local development tokens.
allows-instead-publish-oauth = Publish with a classic connection (service credentials or a local development token), for example the one paired with this connection.
error-tags-import-other-aem = The tag import { $id } was made on { $was }, but this connection is to { $now }: it can be undone only on { $was }. Nothing was read or written.
tags-undo-unlisted = { $count ->
    [one] the folder { $folder } could not be listed
   *[other] { $count } folders could not be listed, { $folder } among them
}
tags-undo-unread = { $count ->
    [one] an asset could not be read: { $first }
   *[other] { $count } assets could not be read, the first: { $first }
}
tags-undo-pages-unknown = AEM did not say which pages use it: { $detail }
tags-undo-already = Already as it was before the import: nothing to put back.
tags-undo-gone = The tag is gone already: nothing to undo.
tags-undo-kept-value = Kept: its { $property } was changed in AEM after the import wrote it (it now holds “{ $now }”).
tags-undo-kept-tag-changed = Kept: the tag was changed in AEM after the import created it.
tags-undo-kept-children = Kept: tags the import did not create are below it.
tags-undo-kept-assets = Kept: assets hold the tag; take it off them first.
tags-undo-kept-pages = Kept: pages use the tag, such as { $page }; take it off them first.
tags-undo-unchecked = Not removed now: not all the content that may hold the tag could be read ({ $detail }). Resuming the undo checks it again.
assets-tag-pages-not-list = AEM’s answer was not a list of pages

# The undo of a republish run (issue 63, item 6): what gives the values back instead
reason-republish-undo-kept = was on the website before this republish, so it keeps its published version (AEM cannot give back an older publication); to give it its values back, on author and on the website, undo run { $run }, the edit this run republished: that undo republishes them
reason-republish-undo-published-since = published by someone else since the edit this undo undid, not by its republish: the undo gives its values back on author only and leaves that publication as it is (republish it on its own if needed)
# Tag ids and tag property names, checked before anything is sent (assets/tag_names.rs).
tag-id-refused = “{ $id }” is not a tag id: { $problem ->
        [empty] it is empty.
        [control] it holds a control character.
        [space] it holds a space.
        [address] it holds “?”, “#” or “%”, which would send it to another address.
        [namespace] its namespace (before the colon) is empty or holds a slash.
        [colon] it holds a second colon.
        [empty-part] one of its parts is empty (two slashes in a row, or a slash at an end).
        [outside] it is a path outside AEM’s tags (/content/cq:tags).
       *[dot-part] one of its parts is “.” or “..”, which AEM would read as another tag.
    } A tag id looks like wknd-shared:activity/surfing.
tag-property-refused = “{ $name }” is not a tag property Metadesk writes: { $problem ->
        [language] “{ $lang }” is not a language code such as fr, de or pt_br.
       *[other] only a tag’s title (jcr:title), its titles in other languages (jcr:title.fr) and its description (jcr:description) are.
    }
error-tags-import-row = Row { $row }: { $problem } Nothing was changed.
error-tags-sheet-bad-header = { $file }, column “{ $header }”: { $problem } Nothing was changed.

## Uploads (bulk/upload_plan.rs, assets/upload.rs, core/app/uploads.rs)
upload-refused-name = AEM does not take the name “{ $name }”: it holds a character AEM refuses in names, or starts with a dot
upload-refused-empty = the file is empty, and AEM makes no asset of a file of zero bytes
upload-refused-link = a link: Metadesk uploads the files inside the folder you chose, not what a link points to
upload-refused-special = { $kind ->
        [pipe] a pipe, not a regular file
        [socket] a socket, not a regular file
        [device] a device, not a regular file
       *[other] not a regular file
    }: Metadesk uploads only regular files
upload-refused-unreadable = the file cannot be read ({ $detail })
upload-refused-case = its AEM name differs only by case from that of { $other }, so neither is sent
upload-not-enabled = AEM's answer to the upload's start names no storage address: direct binary upload is not enabled on this environment
upload-too-large = the file ({ $size } bytes) is too large for the { $parts } parts AEM gave, of at most { $most } bytes each
error-upload-oauth = This connection cannot upload: it is an OAuth Server-to-Server connection, and Adobe does not support those credentials for AEM's upload API. Nothing was sent. Upload with service credentials from the AEM Developer Console (a technical account) or a local development token.
error-upload-failed = Nothing more was sent: { $detail }

## A move or rename checked before AEM is asked (assets/moves.rs).
move-no-source = Nothing to move: choose at least one asset or folder.
move-too-many-sources = { $count } assets or folders in one move request; AEM is sent at most { $most } at a time.
move-name-refused = “{ $name }” is not a name AEM takes: a name cannot be empty, start with a dot, or hold * / : [ ] | \ # % {"{"} {"}"} ? & or "
move-one-name-one-source = A new name can be given to one asset or folder at a time.
move-into-itself = “{ $path }” cannot move into itself or a folder inside it.
