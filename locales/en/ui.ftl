# The window's words (ui/src). The UI reads this file at build time (Vite `?raw`); every message
# has a French twin in ../fr/ui.ftl with the same variables, checked by ui/src/lib/i18n tests.

## Formats

duration-seconds = less than a minute
duration-days = { $days } days
duration-hours-minutes = { $hours ->
    [0] { $minutes } min
   *[other] { $minutes ->
        [0] { $hours } h
       *[other] { $hours } h { $minutes } min
    }
}
assets-count = { $count ->
    [one] { $count } asset
   *[other] { $count } assets
}

## Shell

window-title = Metadesk
nav-sections = Sections
nav-connections = Connections
nav-bulk = Bulk edit
nav-activity = Activity
nav-tags = Tags
nav-console = API console
nav-settings = Settings
nav-developer-tools = Developer tools
nav-console-note = No preview, no undo
startup-failed-title = The start-up check didn’t finish
checking = Checking…
check-again = Check again
interrupted-title = A bulk edit was interrupted
interrupted-body = The run on { $connection } in { $scope } started { $started } did not finish: { $pending ->
    [one] { $pendingText } is
   *[other] { $pendingText } are
} not changed yet. Resume writes only those; it stays in Activity if you leave it for later.
interrupted-title-elsewhere = A run did not finish
interrupted-body-elsewhere = The run on { $connection } started { $started } was cut short before it ended. Open it to see what it did; Resume there finds out what AEM holds and writes only what is left.
interrupted-open = Open it
scope-with-subfolders = { $folder } and subfolders
resume = Resume
later = Later
close-run-title = A bulk edit is running. Cancel it and close?
close-run-apply = Writing to { $connection }: { $done } of { $total ->
    [one] { $total } asset
   *[other] { $total } assets
} handled so far.
close-run-preview = Preview: { $done } of { $total ->
    [one] { $total } asset
   *[other] { $total } assets
} read so far.
close-run-listing = Preview: { $done ->
    [one] { $done } asset
   *[other] { $done } assets
} found so far.
close-run-body = Changes already being written finish; the rest of the assets are left as they are. You can resume the run from Activity the next time you open Metadesk.
keep-running = Keep running
closing = Closing…
cancel-and-close = Cancel run and close
drop-title = Drop the file to add it
drop-hint = Anywhere in this window
app-status = App status
keychain-checking = Keychain: checking…
keychain-not-checked = Keychain: not checked
keychain-available = Keychain: available ({ $backend })
keychain-locked = Keychain: locked
keychain-not-working = Keychain: not working
app-version = Version { $version }
startup-hide = Hide check
startup-show = Start-up check
startup-steps = Start-up check
startup-step-done = : done
startup-step-problem = : problem
startup-checking-system = Checking your system…
startup-checking-next = Checking the next item…
keychain-banner-locked = Your system keychain is locked
keychain-banner-unusable = Metadesk can’t use your system keychain
keychain-banner-body = Metadesk keeps connection secrets only in the keychain, so nothing can be saved until this is fixed.
status-prefix-warning = Warning
status-prefix-danger = Problem

## Settings

settings-title = Settings
settings-language = Language
settings-language-hint = The language of the window’s words, dates and numbers. Messages from the command line follow your system’s language.
settings-language-system = System language ({ $system })
settings-language-saved = Saved.
language-en = English
language-fr = Français

## Connections

kind-serviceCredentials = AEM service credentials
kind-localDevToken = AEM local development token
kind-oauthServerToServer = OAuth Server-to-Server credential
kind-localSdk = Local AEM SDK
sandbox-label = Sandbox — a simulated AEM on this computer
connections-title = Connections
connections-list = Connections
choose-file = Choose file…
choosing = Choosing…
paste-json = Paste JSON
add-sdk = Add a local AEM SDK
try-sandbox = Try with a sandbox AEM
starting-sandbox = Starting the sandbox…
import-blocked = Importing is turned off: { $reason }
sandbox-starting-hint = Starting the sandbox… It creates its keys and sample assets; this takes a few seconds.
empty-connections-title = No connections yet
empty-connections-lead = Drop a credential file anywhere in this window.
empty-connections-body = Use the JSON file with your AEM Developer Console service credentials, a local development token, or an Adobe Developer Console OAuth project.
empty-connections-sandbox = No Adobe account at hand? Try Metadesk with a simulated AEM on this computer.
drop-anywhere = Or drop credential files anywhere in this window.
paste-title = Paste a credential file’s JSON
paste-label = JSON text
paste-hint = The text is checked before anything is saved; secrets go to your keychain only.
cancel = Cancel
import = Import
importing = Importing…
sdk-hint = For an AEM SDK running on this computer. The password goes to your keychain and is never shown again.
aem-author-address = AEM author address
aem-author-address-optional = AEM author address (optional)
user-name = User name
password = Password
type-user-name = Type the user name.
type-password = Type the password.
adding = Adding…
add-connection = Add connection
delete-title = Delete “{ $name }”?
delete-body = Metadesk forgets this connection and removes its secrets from your keychain. The credential file on your computer is not touched; you can import it again later.
delete-sandbox = { sandbox-label }: deleting it also stops the sandbox.
delete-production = This is a production connection.
deleting = Deleting…
delete-connection = Delete connection
url-empty = Type the AEM author address, like https://author-p12345-e67890.adobeaemcloud.com.
url-not-web = “{ $text }” is not a web address.
url-not-https = Use an https address. Plain http is allowed only for an AEM on this computer (localhost).
name-required = A connection needs a name.
badge-production = Production
badge-sandbox = Sandbox
checking-token = checking the token…
field-kind = Kind
field-aem = AEM
field-ims = Sign-in service (IMS)
field-aem-user = The AEM user to give permissions to
field-signs-in-as = Signs in as
field-keychain = In your keychain
connection-technical = Technical details
connection-jwt-note = Adobe now calls JWT service credentials like these legacy, in favour of OAuth Server-to-Server. They keep working until the certificate expires. When the AEM Developer Console gives you the newer form (a client id and secret, no private key), drop it here: Metadesk accepts it too.
# issue 17 (connections in the user's language): the keychain hints on a connection card
secret-hint = { $field ->
    [clientSecret] client secret
    [developmentToken] development token
   *[password] password
} { $hint }
secret-hint-private-key = private key ({ $bits }-bit RSA)
sandbox-running = Running on this computer. Changes to its assets last only while Metadesk is open.
sandbox-starting = Starting the sandbox… (this takes a few seconds)
sandbox-not-running = Not running.
start-sandbox = Start the sandbox
name = Name
saving = Saving…
save = Save
testing = Testing…
test-connection = Test connection
rename = Rename
edit-address = Edit address
connection-more-actions = More actions
unmark-production = Remove the production mark…
mark-production = Mark as production…
production-mark-title = Mark { $name } as production?
production-mark-body = Every change on it then asks you to type its name first, and it shows a Production badge everywhere.
production-mark-confirm = Mark as production
production-unmark-title = Stop treating { $name } as production?
production-unmark-body = Changes on it will no longer ask you to type its name first. Do this only if it is not a production AEM.
production-unmark-confirm = Remove the mark
delete = Delete…
status-ok = Ok
status-certificate-valid = Certificate valid until { $day }
status-certificate-expired = Certificate expired on { $day }
status-token-ends = { $actsAs ->
    [none] token ends { $at }
   *[other] Acts as { $actsAs } · token ends { $at }
}
status-token-expired = { $actsAs ->
    [none] token ended on { $at }
   *[other] Acts as { $actsAs } · token ended on { $at }
}
status-token-expires = { $actsAs ->
    [none] token ends soon ({ $at })
   *[other] Acts as { $actsAs } · token ends soon ({ $at })
}
files-title = { $count ->
    [one] Credential file
   *[other] Credential files ({ $count })
}
dismiss = Dismiss
dismiss-files = Dismiss the file results
file-unnamed = a file without a name
file-checking = Checking { $file }…
file-added = { $file }: added { $name } ({ $kind }).
file-name-label = Its name
file-name-save = Save the name
file-updated = { $file }: updated { $name }; it now uses the secrets from this file.
file-refused = { $file } was not imported:
file-replaces = { $file }: { $kind } with the client id of { $name }. Confirm below to replace it.
file-choose = { $file }: { $kind }. Choose below to import it.
local-sdk-file = Local AEM SDK
replace-title = This file would replace “{ $name }”.
replace-body = It has the same client id, but it is not the same credential:
replace-advice = Replace it only if you expected this (for example, after a new key was made in the Developer Console).
untrusted-title = { $host } is not one of Adobe’s AEM hosts.
untrusted-body = This connection’s token would be sent to it. Adobe’s AEM as a Cloud Service addresses look like author-p12345-e67890.adobeaemcloud.com.
untrusted-stored = This connection is not used until you trust it: its token would be sent there.
untrusted-advice = Trust it only if you know this server (your organisation’s own AEM, for example); a look-alike address can steal your token.
trust-host-import = Trust { $host } and import
trust-host = Trust { $host }
pending-aem-user = The AEM user to give permissions to: { $email }
which-credential = Which credential?
url-keep = Leave it empty to keep the address the connection has.
url-unknown = This file does not say which AEM environment it is for.
ims-address = Adobe IMS address (optional)
ims-hint = Where this credential gets its tokens. Leave it empty for Adobe’s usual IMS (ims-na1.adobelogin.com). Only https addresses ending in .adobelogin.com are accepted.
replace-named = Replace “{ $name }”
dont-import = Don’t import

## Token and certificate status, Test connection

new-dev-token = Get a new one in the AEM Developer Console of this environment (Integrations → Local token → Get Local Development Token), then drop the downloaded file on this window.
token-not-needed = signs in with user name and password (no token needed)
token-not-yet = no token yet — it is fetched when first needed
token-renewing = renewing…
token-failed = failed: { $reason }
token-ended = token ended — a new one is fetched when next needed
token-valid = token valid { $duration }
dev-token-unknown = development token (its end is unknown; they last at most 24 h)
dev-token-unknown-advice = When AEM stops accepting it: { new-dev-token }
dev-token-ended = development token ended
dev-token-ended-advice = Development tokens last 24 hours and cannot be renewed. { new-dev-token }
dev-token-ends = development token ends in { $duration }
dev-token-ends-advice = Finish or pause long runs before it ends. When it has ended: { new-dev-token }
certificate-valid = Certificate valid until { $day }
certificate-expires-days = { $days ->
    [one] Certificate expires in 1 day ({ $day })
   *[other] Certificate expires in { $days } days ({ $day })
}
certificate-expires-in = Certificate expires in { $duration } ({ $day })
certificate-expired = Certificate expired on { $day } — Adobe refuses these credentials
fact-host-not-tried = AEM at { $host } was not tried
fact-host-reached = Reached AEM at { $host }
fact-host-unreachable = Could not reach AEM at { $host }
fact-account = AEM says you are { $user }
fact-account-unknown = AEM does not say which account this connection uses
fact-token-valid = Token valid { $duration }
fact-token-ended = Token ended — a new one is fetched when next needed
fact-dam-readable = The DAM can be read
fact-dam-unreadable = The DAM cannot be read
test-result = Test result
test-can-do = What this connection can do
test-technical = Technical details
test-untestable = The connection could not be tested: { $message }
test-works-warned = The connection works, with a warning. See below.
test-works = The connection works.
test-fails = The connection does not work yet. See below.
step-passed = : done.
step-warning = : did not work, but the connection does.
step-failed = : failed.
step-skipped = : not tried.
test-hide = Hide the result
field-report-save = Save a report for support
field-report-saving = Saving the report…
field-report-hint = A file that shows support how this AEM answers each read Metadesk relies on. It changes nothing in AEM, and holds no token, no secret and no metadata value.
field-report-saved = { $file } saved: { $reads } reads, { $differing ->
    [0] all answered as Metadesk expects.
    [one] one not answered as Metadesk expects:
   *[other] { $differing } not answered as Metadesk expects:
}
field-report-failed = The report could not be saved: { $message }
checklist-heading = What this AEM allows
checklist-ok = : allowed.
checklist-not-allowed = : not allowed.
checklist-unavailable = : unavailable.
checklist-instead = Instead: { $instead }

## Bulk edit

# Bulk edit: every word of the Bulk edit page (ui/src/features/bulk), including the run facts
# and edit lines Activity shows.

bulk-rate = { $rate ->
    [one] { $rate } asset/s
   *[other] { $rate } assets/s
}
bulk-time-left-soon = less than a minute left
bulk-time-left = { $hours ->
    [0] about { $minutes } min left
   *[other] { $minutes ->
        [0] about { $hours } h left
       *[other] about { $hours } h { $minutes } min left
    }
}
bulk-value-not-set = (not set)
bulk-value-empty-list = (empty list)
bulk-quoted = “{ $value }”
bulk-list-separator = {"; "}
bulk-changed-since-value = { $property } was { $before } at the preview and is now { $now }
bulk-changed-since = Changed in AEM since the preview, so it was not overwritten: { $values }. Retry failed plans it again from the value now in AEM.
bulk-preview-starting = Starting the preview…
bulk-preview-finding = Finding assets… { $count } so far
bulk-preview-read = Read { $count ->
    [one] { $count } asset
   *[other] { $count } assets
}.
bulk-preview-reading = Reading current values… { $done } of { $total }
bulk-sentence-preview-incomplete = The preview did not finish, so this run cannot be applied. Preview the edit again.
bulk-sentence-previewed = Previewed: nothing has been written to AEM yet.
bulk-sentence-interrupted = The app closed or lost its way while applying. Resume to write the changes not made yet.
bulk-sentence-cancelled-pending = Cancelled: { $count ->
    [one] { $count } asset was
   *[other] { $count } assets were
} left as they are. You can resume later.
bulk-sentence-cancelled = Cancelled.
bulk-sentence-stopped = Stopped before the end. Fix the cause above, then resume.
bulk-sentence-completed-failures = Completed, with assets that could not be changed.
bulk-sentence-completed = Completed.
bulk-sentence-undone = Undone: the values from before the edit are back.
bulk-sentence-undone-failures = Undone, except for assets whose values could not be put back.
bulk-outcome-put-back = Put back
bulk-outcome-changed = Changed
bulk-outcome-unchanged = Already as wanted
bulk-outcome-skipped = Skipped
bulk-outcome-failed = Failed
bulk-outcome-pending = Not applied yet
bulk-kind-sheet = Values from the sheet { $file }
bulk-kind-tag-import = Tags from the sheet { $file }
bulk-kind-tag-rename = Rename of the tag { $from } to { $to }
bulk-kind-upload = Upload of { $files ->
    [one] { $files } file
   *[other] { $files } files
} to { $folder }
# A run's name in Activity, when it is not an undo, a retry, a sheet or a publication.
run-name-edit = Bulk edit
run-name-fragments = Bulk edit of content fragments
run-name-tag = { $command ->
    [merge] Merge of the tag { $tag } into { $target }
    [move] Move of the tag { $tag } to { $target }
   *[delete] Deletion of the tag { $tag }
}
bulk-kind-undo = { $what ->
    [edit] Undo of the bulk edit
    [fragments] Undo of the bulk edit of content fragments
    [merge] Undo of the merge of the tag { $tag } into { $target }
    [move] Undo of the move of the tag { $tag } to { $target }
    [delete] Undo of the deletion of the tag { $tag }
    [sheet] Undo of the import of the sheet { $file }
    [tag_import] Undo of the tag import of { $file }
    [tag_rename] Undo of the rename of the tag { $tag }
    [upload] Undo of the upload
    [undo] Undo of the undo
    [retry] Undo of the retry
   *[other] Undo of the run
}{ $made ->
    [none] {""}
   *[other] {" "}of { $made }
}{ $folder ->
    [none] {""}
   *[other] {" "}in { $folder }
}
bulk-kind-retry = { $what ->
    [edit] Retry of the assets that failed in the bulk edit
    [fragments] Retry of the content fragments that failed in the bulk edit
    [sheet] Retry of the assets that failed in the import of the sheet { $file }
    [undo] Retry of the assets that failed in the undo
    [retry] Retry of the assets that failed in the retry
   *[other] Retry of the assets that failed in the run
}{ $made ->
    [none] {""}
   *[other] {" "}of { $made }
}{ $folder ->
    [none] {""}
   *[other] {" "}in { $folder }
}
bulk-selection-list = { $count ->
    [one] { $count } asset you listed
   *[other] { $count } assets you listed
}
bulk-failures-see-table = { $count ->
    [one] { $count } asset
   *[other] { $count } assets
} could not be changed. Their reasons are in the table below.
bulk-failures-all = { $count ->
    [one] { $count } asset
   *[other] { $count } assets
} could not be changed: { $reason }
bulk-failures-common = { $count ->
    [one] { $count } asset
   *[other] { $count } assets
} could not be changed. The most common reason ({ $times } of the { $seen } shown): { $reason }
bulk-failure-group = { $count ->
    [one] { $count } asset
   *[other] { $count } assets
} in { $folders }{ $more ->
    [0] {""}
    [one] {" "}and { $more } more folder
   *[other] {" "}and { $more } more folders
} could not be changed: { $reason }
bulk-edit-line = { $property }: { $verb ->
    [set] set to { $values }
    [append] add { $values }
    [remove] remove { $values }
   *[other] clear
}
bulk-property-label = { $label } ({ $property })
bulk-prop-title-hint = The title shown in AEM.
bulk-prop-description-hint = A sentence or two about the asset.
bulk-prop-rights-hint = For example: © 2026 WKND Adventures.
bulk-prop-subject-hint = One keyword per line.
bulk-prop-creator-hint = One name per line.
bulk-prop-usage-terms-hint = How the asset may be used.
bulk-prop-tags-hint = Pick tags by their title below, or type one tag ID per line (wknd-shared:activity/surfing).
bulk-action-set = Set
bulk-action-append = Add values
bulk-action-remove = Remove values
bulk-action-clear = Clear
bulk-format-images = Images
bulk-format-videos = Videos
bulk-format-pdf = PDF documents
bulk-problem-connection = Choose a connection.
bulk-problem-folder = Choose a folder in the tree, or type its path.
bulk-problem-property = Choose a property, or type one such as dc:rights.
bulk-problem-value = Type the value to set.
bulk-problem-values = Type at least one value, one per line.
bulk-problem-one-value = This property takes one value here: remove the extra lines.
bulk-problem-one-value-typed = One value here: remove the extra lines, or tick “Several values” to set a list.
bulk-problem-single-valued = { $property } holds one value: set it or clear it.
bulk-problem-edits = Add at least one change.
bulk-fact-connection = Connection
bulk-fact-assets = Assets
bulk-fact-folder = Folder
# Which AEM as a Cloud Service environment an address is (issue 68); numbers, as AEM names them
aem-place = Program { $program } · environment { $environment }
# A connection's name Metadesk made, in the reader's words (issue 77): as the core's name-suggestion-cloud-oauth, and a second connection to one environment told apart by its technical account
connection-auto-name-oauth = { aem-place } (OAuth)
connection-name-account = { $name } · account { $account }
bulk-fact-where = Where
# Which search found a run's assets (issue 15)
bulk-fact-found = How they were found
bulk-fact-writes = Writes
bulk-fact-index = Search index
bulk-found-by = { $how ->
    [listing] The folder’s contents, as AEM lists them
    [listing-via] The folder’s contents, listed through “{ $connection }”
    [query-builder] A search in AEM
    [query-builder-via] A search in AEM, through “{ $connection }”
   *[openapi] A search in AEM, with this connection
}
bulk-fact-run = Run
bulk-fact-changes = { $count ->
    [one] Change
   *[other] Changes
}
bulk-chart-description = Assets by outcome: { $parts }
bulk-chart-part = { $label }: { $count }
bulk-empty-title = Connect to AEM first
bulk-empty-body = A bulk edit changes properties, such as the title or description, of the assets in a DAM folder. To choose a folder, Metadesk first needs a connection to your AEM environment.
bulk-go-to-connections = Go to Connections
bulk-steps = Steps
bulk-step-setup = Pick and describe
bulk-step-preview = Preview
bulk-step-apply = Apply
bulk-step-report = Report
bulk-mode-label = How to say what to change
bulk-mode-same = Same change for every asset
bulk-mode-same-hint = Set, add or clear a property on all the assets of a folder.
bulk-mode-sheet = From a spreadsheet
bulk-mode-sheet-hint = A value per asset: export a sheet, edit it in Excel, import it.

## The metadata schema in the change rows
schema-tab-untitled = Untitled tab
schema-other-properties = Other common properties
schema-option = { $text } ({ $value })
schema-choose = Choose a value…
schema-option-not-allowed = { $value } (not allowed here)
schema-checked = Yes (true)
schema-unchecked = No (false)
schema-tag-to-add = Tag to add
schema-add-tag = Add tag
schema-tag-placeholder = A tag’s title, e.g. Surfing
schema-tags-chosen = Tags chosen
schema-tag-remove = Remove { $tag }
schema-hint-one = One value.
schema-hint-range = { $min ->
    [none] Up to { $max }.
   *[other] { $max ->
        [none] { $min } or more.
       *[other] From { $min } to { $max }.
    }
}
schema-unavailable-note = { $why } Properties are typed by name, and values are not checked against the metadata schema.
schema-in-use = Properties and values follow the metadata schema “{ $form }”.
schema-refresh = Read the schema again
schema-refreshing = Reading the schema…

## Find missing metadata
bulk-mode-missing = Find missing metadata
bulk-mode-missing-hint = Which assets lack what the metadata schema requires, then fill them.
bulk-mode-fragments = Content fragments
bulk-mode-fragments-hint = Set, add, remove or clear a field of a folder’s content fragments.
fragments-pick-title = Pick the content fragments
fragments-connection-hint = Not every connection can edit content fragments: those that cannot are greyed out in the list.
fragments-connection-technical = Content fragments are edited through AEM’s Sites API: only OAuth Server-to-Server connections can do it.
fragments-option-cannot = cannot edit fragments
fragments-no-connection = None of your connections can edit content fragments
fragments-no-connection-how = Content fragments are edited through AEM’s Sites API, which takes only OAuth Server-to-Server credentials. Ask your Adobe administrator for one from the Adobe Developer Console, allowed for this environment, and import it on Connections.
fragments-folder-hint = Its content fragments and those of its subfolders.
fragments-scope-label = Which content fragments
fragments-scope-folder = Folder
fragments-scope-list = List of fragments
fragments-list-label = The content fragments, one path per line
fragments-list-hint = Paths of content fragments under /content/dam, one per line; blank lines are left out.
fragments-list-none = None of the listed paths is a content fragment under { $folder }.
fragments-list-missing = { $count ->
    [one] { $count } listed path is not among the content fragments under { $folder }: the preview says why.
   *[other] { $count } listed paths are not among the content fragments under { $folder }: the preview says why.
}
fragments-model = Model
fragments-all-models = All models
fragments-model-option = { $title } ({ $count })
fragments-list-failed = The content fragments could not be listed
fragments-table-title = Content fragments
fragments-count = { $count ->
    [one] { $count } content fragment
   *[other] { $count } content fragments
}
fragments-loading = Reading the folder’s content fragments…
fragments-empty = No content fragment in { $folder } or its subfolders.
fragments-more = The first { $shown } of { $count } are shown here; the preview lists them all.
fragments-col-title = Title
fragments-col-model = Model
fragments-col-status = On the website
fragment-status-new = Never published
fragment-status-draft = Not on the website
fragment-status-published = Up to date
fragment-status-modified = Changed since published
fragment-status-unpublished = Taken off the website
fragments-field = Field
fragments-choose-field = Choose a field…
fragments-several = several values
fragments-kind-text = text
fragments-kind-multiText = text
fragments-kind-number = number
fragments-kind-date = date
fragments-kind-dropdown = choice
fragments-kind-tags = tags
fragments-kind-checkbox = yes or no
fragments-kind-other = other
fragments-value = Value
fragments-values = Values
fragments-values-lines = Values, one per line
fragments-choose-value = Choose a value…
fragments-find = Find
fragments-replace = Replace with
fragments-preview-hint = Reads each content fragment and shows what would change. Nothing is written yet.
fragments-problem-field = Choose the field to change.
fragments-problem-action = This field does not take that action: choose another.
fragments-problem-value = Enter a value.
fragments-problem-find = Enter the text to find.
missing-pick-title = Pick the assets to check
missing-title = Required metadata
missing-hint = Every asset is read and judged by the metadata schema of its folder. Nothing is written.
missing-run = Find missing metadata
missing-running = Reading the assets…
missing-failed = The assets could not be checked
missing-checked = { $count ->
    [one] { $count } asset checked in { $folder }.
   *[other] { $count } assets checked in { $folder }.
}
missing-unavailable = Not checked: { $why }
missing-folder-unlisted = Not checked: the folder { $folder } could not be listed.
missing-none-title = No required metadata is missing
missing-none-body = Every asset checked has a value for every field its metadata schema requires.
missing-none-checked = No asset was checked: the scope holds none, or their metadata schemas could not be read.
missing-lack = { $count ->
    [one] { $count } asset lacks { $label } (required)
   *[other] { $count } assets lack { $label } (required)
}
missing-show = Show the assets that lack
missing-fill = { $count ->
    [one] Fill { $label } for this asset…
   *[other] Fill { $label } for these { $count } assets…
}
missing-sheet = { $count ->
    [one] Export a sheet of this asset…
   *[other] Export a sheet of these { $count } assets…
}
missing-table-label = Assets that lack { $label }
missing-thumbnail = Thumbnail
missing-asset = Asset
missing-col-state = State
# An asset's pill in the list of those that lack a required field (amber: to look at)
missing-row-to-fill = To fill: { $label }
missing-off-schema = { $count ->
    [one] { $count } value the metadata schema does not allow
   *[other] { $count } values the metadata schema does not allow
}
bulk-pick-export-title = Pick the assets to export
bulk-pick-title = Pick what to edit
bulk-change-title = Say what to change
bulk-preview-title = Preview
bulk-preview-undo-title = Preview of the undo
bulk-preview-retry-title = Preview of the retry
bulk-preview-failed = The preview did not work
bulk-preview-button = Preview
bulk-fix-fields = Fix the fields marked above first.
bulk-preview-hint = Reads the current values and shows each asset’s before → after. Nothing is written to AEM.
bulk-run-facts = What this run edits
bulk-change-edit = Change the edit
bulk-new-edit = New bulk edit
bulk-did-not-work = That did not work
bulk-rows-left-out = Left out (rows in error): { $count ->
    [one] row
   *[other] rows
} { $rows }. Nothing is written for them.
bulk-applying-title = Applying the changes
bulk-apply-failed = The changes could not be applied
bulk-back-to-preview = Back to the preview
bulk-open-the-report = Open the report
bulk-notice-preview-cancelled = Preview cancelled. Nothing was written to AEM.
bulk-notice-preview-unfinished = The preview did not finish. Nothing was written to AEM; preview again.
bulk-option-production = PRODUCTION
bulk-option-sandbox = sandbox
bulk-choose-connection = Choose a connection…
bulk-under-folder = Under this folder
bulk-or-type-path = Or type its path
bulk-include-subfolders = Include subfolders
bulk-name-pattern = Only files named
bulk-optional = (optional)
bulk-name-pattern-hint = * stands for any characters, ? for one. Upper and lower case are the same.
bulk-formats = Only these formats
bulk-formats-hint = (none ticked: every format)
bulk-dam-folders = DAM folders
bulk-all-of-dam = All of the DAM
bulk-loading = Loading…
bulk-show-more-folders = Show more folders
bulk-no-suggestions = No suggestions: { $reason }
bulk-matching-folders = Matching folders
bulk-values-hint-append = One value per line. Values the asset already has are not added twice.
bulk-values-hint-remove = One value per line. Assets without these values are left as they are.
bulk-values-hint-several = One value per line; together they replace the property’s values.
bulk-values-hint-one = One value. For a list of values, tick “Several values”.
bulk-clear-note = { $property ->
    [none] Removes the property
   *[other] Removes { $property }
} from every asset in scope.
bulk-change-n = Change { $n }
bulk-property = Property
bulk-another-property = Another property…
bulk-property-name = Property name (prefix:name)
bulk-property-name-placeholder = prefix:name, e.g. dc:language
bulk-several-values = Several values
bulk-action = Action
bulk-value = Value
bulk-values = Values
bulk-remove-change-n = Remove change { $n }
bulk-remove = Remove
bulk-add-change = + Add another change
bulk-cell-removed = removed:
bulk-cell-added = added:
bulk-cell-emptied = emptied
bulk-emptied-required-title = These changes empty fields the metadata form requires
bulk-emptied-required-line = { $field }: emptied on { $count ->
    [one] { $count } asset
   *[other] { $count } assets
}
bulk-emptied-required-ack = Empty them anyway: I know the form requires them
bulk-cell-becomes = becomes
bulk-cell-would-become = would become
bulk-cancelling-preview = Cancelling the preview…
bulk-preview-writes-nothing = Nothing is written to AEM during a preview.
bulk-cancel-preview = Cancel preview
bulk-percent = { $percent } %
bulk-tab-all = All
bulk-tab-will-change = Will change
bulk-apply-changes = { $count ->
    [one] Apply { $count } change
   *[other] Apply { $count } changes
}
bulk-apply-undo = { $count ->
    [one] Undo { $count } change
   *[other] Undo { $count } changes
}
bulk-apply-undo-hint = Nothing has been put back yet. Undo writes back the values from before the edit on { $count ->
    [one] { $count } asset
   *[other] { $count } assets
}; an asset someone changed since is left as it is.
bulk-undo-not-now = Keep the edit
bulk-show-assets = Show assets
bulk-show-fragments = Show fragments
bulk-preview-rows-error = The preview rows could not be read: { $reason }
bulk-col-asset = Asset
bulk-col-fragment = Content fragment
bulk-col-change = Change
bulk-row-skipped-reason = skipped
bulk-row-unchanged = Already as wanted
bulk-no-assets-here = No assets here.
bulk-no-fragments-here = No fragments here.
bulk-showing = Showing { $shown } of { $total ->
    [one] { $total } asset
   *[other] { $total } assets
}
bulk-showing-fragments = Showing { $shown } of { $total ->
    [one] { $total } fragment
   *[other] { $total } fragments
}
bulk-showing-problems = Showing { $shown } of { $total ->
    [one] { $total } problem
   *[other] { $total } problems
}
bulk-show-more = Show more
table-full-values = Show values in full
bulk-nothing-to-change = Nothing to change: every asset is already as wanted or skipped.
bulk-apply-hint = Nothing has been written yet. Apply writes the changes to { $count ->
    [one] { $count } asset
   *[other] { $count } assets
}; you can pause or cancel it, and undo it later.
bulk-apply-hint-fragments = Nothing has been written yet. Apply writes the changes to { $count ->
    [one] { $count } fragment
   *[other] { $count } fragments
}; you can pause or cancel it, and undo it later.
bulk-production-title = Change assets on production?
bulk-production-applying = Applying writes the changes to { $count ->
    [one] { $count } asset
   *[other] { $count } assets
} on { $connection }, a connection marked production.
bulk-production-resuming = Resuming writes the changes to { $count ->
    [one] { $count } asset
   *[other] { $count } assets
} on { $connection }, a connection marked production.
bulk-production-type-name = Type the connection’s name to confirm
bulk-production-name-is = The name is
bulk-production-resume = Resume on production
bulk-production-apply = Apply to production
bulk-old-preview-title = This preview is { $age } old
bulk-old-preview-when = It was made on { $when }, { $age } ago.
bulk-old-preview-body = The assets may hold other values by now. Applying checks each one first: an asset changed since the preview is left as it is and listed in the report. To see the current values, choose “Change the edit” above the preview, then preview again.
bulk-old-preview-open = Look at the preview first
bulk-old-preview-apply = Apply { $count ->
    [one] { $count } change
   *[other] { $count } changes
} anyway
bulk-run-ended = Ended: { $done } of { $total ->
    [one] { $total } asset
   *[other] { $total } assets
} handled.
bulk-run-cancelling = Cancelling… changes already being written finish first.
bulk-run-paused = Paused. Nothing more is written until you resume.
bulk-run-starting = Starting…
bulk-run-throttled = Writing changes… AEM asked to slow down { $count ->
    [one] { $count } time
   *[other] { $count } times
}; Metadesk went slower.
bulk-run-writing = Writing changes…
bulk-run-of-total = of { $total ->
    [one] { $total } asset
   *[other] { $total } assets
}
bulk-run-bar = Changes written
bulk-run-so-far = So far
bulk-pause = Pause
bulk-cancelling = Cancelling…
bulk-run-use-rest = You can use the rest of Metadesk while this runs.
bulk-cancel-title = Cancel this bulk edit?
bulk-cancel-body = Changes already being written finish; the rest of the assets are left as they are.
bulk-cancel-later = You can resume later from the report or from Activity, or undo what was changed.
bulk-cancel-run = Cancel the run
bulk-row-status-changed = Changed
bulk-row-status-unchanged = Already as wanted
bulk-row-status-skipped = Skipped
bulk-row-status-left-alone = Left alone
bulk-row-status-failed = Failed
bulk-row-status-pending = Not applied yet
bulk-apply-strip-label = The first assets, filled in as they are written
bulk-apply-strip-more = and { $count ->
    [one] one more asset
   *[other] { $count } more assets
}
bulk-report-applied = applied { $when }
bulk-report-previewed = previewed { $when }
bulk-report-stopped-after = Stopped after { $done } of { $total ->
    [one] { $total } asset
   *[other] { $total } assets
}: { $pending } not changed yet.
bulk-report-resumed = Resumed: { $done } of the { $total ->
    [one] { $total } asset
   *[other] { $total } assets
} left were handled.
bulk-report-stopped-title = The run stopped before the end
bulk-report-stopped-unknown = AEM refused to go on
bulk-report-stopped-pending = { $count ->
    [one] { $count } asset was
   *[other] { $count } assets were
} not changed yet. Fix this, then resume: only those are written.
bulk-resume-left = Resume ({ $count } left)
bulk-report-failures-title = Some assets could not be changed
bulk-export-csv = Export CSV
# Localized CSV headers toggle (issue 17)
bulk-export-localized-headers = Column headers in words (Path, Status…); untick for machine keys, as scripts read them
bulk-retry-failed = Retry failed ({ $count })
bulk-undo-run = Undo this run
bulk-redo-run = Redo what this run undid
bulk-saved-file = Saved { $path }
report-export-failed = The report could not be saved as CSV: { $message }
report-headers-not-kept = The column headers choice holds in this window, but could not be kept for the next start: { $message }
bulk-report-rows-error = The report could not be read: { $reason }
bulk-col-result = Result
bulk-preview-table-label = The preview, asset by asset
bulk-report-table-label = The report, asset by asset
bulk-preview-table-label-fragments = The preview, fragment by fragment
bulk-report-table-label-fragments = The report, fragment by fragment
bulk-issues-table-label = The sheet’s problems
bulk-scope-folder = A folder
bulk-scope-folder-hint = Every asset of a folder (and its subfolders if you like).
bulk-scope-search = A search
bulk-scope-search-hint = The assets under a folder that match conditions you choose.
bulk-scope-list = A list
bulk-scope-list-hint = The assets of a list you paste: paths, Assets links or asset ids.
bulk-subject-property = A property
bulk-subject-tag = Tagged with
bulk-subject-type = File type
bulk-subject-modified = Modified
bulk-subject-created = Created
bulk-subject-name = File name
bulk-subject-expires = Expires
bulk-test-is-empty = is empty
bulk-test-is-not-empty = is not empty
bulk-test-equals = is
bulk-test-not-equals = is not
bulk-test-contains = contains
bulk-test-not-contains = does not contain
bulk-type-choose = Choose a file type
bulk-type-any-image = Any image
bulk-type-jpeg = JPEG image
bulk-type-png = PNG image
bulk-type-any-video = Any video
bulk-type-pdf = PDF document
bulk-problem-condition-value = Type the value to look for.
bulk-problem-tag = Choose a tag, or type its id such as wknd:activity/surfing.
bulk-problem-type = Choose a file type, or type one such as image/jpeg.
bulk-problem-date = Choose a date.
bulk-problem-name = Type a name pattern such as *.jpg.
bulk-problem-days = Type a number of days, such as 30.
bulk-problem-conditions = Add at least one condition.
bulk-problem-list = Paste the list: one DAM path, Assets link or asset id per line.
bulk-problem-fix-conditions = Fix the conditions marked above.
bulk-problem-save-scope = Choose the folder and complete the scope before saving it.
bulk-count-at-least = at least { $count } assets
# A folder counted by AEM's OpenAPI search (issue 15: OAuth S2S without a paired connection)
bulk-count-lower-bound = AEM gave only a lower bound: there may be more.
bulk-count-before-filters = Counted by AEM’s OpenAPI search before the name and file type filters: the preview checks each asset, so fewer may be in scope.
bulk-count-by-search = Counted by AEM’s search, as no classic connection is paired to list this folder: assets added in the last minutes may not be in its index yet.
bulk-query-incomplete = Complete the conditions first: the query is built from them.
bulk-saved-as = Saved as “{ $name }”.
bulk-sheet-problem-no-property = Tick at least one property, or type one such as dc:rights.
bulk-sheet-problem-connection = Choose a connection above.
bulk-sheet-problem-no-file = Drop the edited sheet on this window, or choose it.
bulk-sheet-summary = { $file } ({ $format }): { $rows ->
    [one] { $rows } row
   *[other] { $rows } rows
}{ $errors ->
    [0] {""}
    [one] , { $errors } error
   *[other] , { $errors } errors
}{ $warnings ->
    [0] {""}
    [one] , { $warnings } warning
   *[other] , { $warnings } warnings
}.
bulk-count-filtered-out = { $count ->
    [one] { $count } asset
   *[other] { $count } assets
} left out by the name or format filter.
bulk-count-fragments = Also { $count ->
    [one] { $count } content fragment, which the preview lists as skipped
   *[other] { $count } content fragments, which the preview lists as skipped
} (an asset edit leaves content fragments as they are): { $total } rows in all.
bulk-count-unlisted = { $count ->
    [one] { $count } subfolder could not be listed, so its assets are not counted. The preview lists it
   *[other] { $count } subfolders could not be listed, so their assets are not counted. The preview lists them
} under “Skipped” with the reason.
bulk-count-subfolders-not-included = This folder has { $count ->
    [one] { $count } subfolder
   *[other] { $count } subfolders
}; tick “Include subfolders” to edit their assets too.
bulk-count-subfolders-included = Counted in this folder and { $count ->
    [one] { $count } subfolder
   *[other] { $count } subfolders
}.
folder-bars-count-title = Assets per subfolder
folder-bars-report-title = Results per subfolder
folder-bars-itself = This folder itself
folder-bars-more = { $count ->
    [one] and { $count } more subfolder
   *[other] and { $count } more subfolders
}
bulk-count-failed = The assets in this folder could not be counted
bulk-counting = Counting…
bulk-so-far = { $count } so far
bulk-no-assets-in-scope = No assets in scope.
bulk-no-assets-in-scope-hint = Choose another folder, include subfolders, or loosen the filters.
bulk-in-scope = { $count ->
    [one] asset
   *[other] assets
} in scope
bulk-list-check-failed = The list could not be checked
bulk-search-count-failed = The search could not be counted
bulk-search-index-hint = A search finds what AEM’s search index holds now: assets added in the last minutes may not be in it yet. A folder’s own assets are always read whole.
bulk-checking-list = Checking the list…
bulk-no-match = No asset matches.
bulk-no-match-hint = Loosen a condition, choose “Any condition”, or include subfolders.
bulk-match = { $count ->
    [one] matches
   *[other] match
}
bulk-found = { $count ->
   *[other] found
}
bulk-found-with-problems = { $count ->
   *[other] found
}; { $problems ->
    [one] { $problems } entry names
   *[other] { $problems } entries name
} no asset to edit (below)
bulk-large-title = This is a very large scope
bulk-large-body = { $assets } { $count ->
    [one] matches
   *[other] match
}. A change this large is better made with AEM’s own bulk tools (the Assets bulk metadata editor, or a metadata import), which run inside AEM.
bulk-list-problems-caption = Entries of the list that name no asset to edit
bulk-col-line = Line
bulk-col-entry = Entry
bulk-col-why-left-out = Why it is left out
bulk-show-query = Show the query
bulk-hide-query = Hide the query
bulk-query-hint = For your AEM administrator: the QueryBuilder query Metadesk sends (page by page) to find these assets.
bulk-which-assets = Which assets
bulk-combine-label = How conditions combine
bulk-combine-all = All conditions are true
bulk-combine-any = Any condition is true
bulk-joiner-and = and
bulk-joiner-or = or
bulk-condition-subject = Condition { $n }: what it is about
bulk-condition-test = Test
bulk-tag-id = Tag id
bulk-before-or-after = Before or after
bulk-when-before = before
bulk-when-after = on or after
bulk-expires-when = When it expires
bulk-expires-expired = before today (expired)
bulk-expires-not-expired = today or later (not expired)
bulk-expires-within = within
bulk-days = days
bulk-date = Date
bulk-name-matches = matches
bulk-name-pattern-label = Name pattern
bulk-remove-condition-n = Remove condition { $n }
bulk-tag-hint-pick = Start typing to pick one of AEM’s { $count } tags; assets tagged with a tag below it count too.
bulk-tag-hint-unread = AEM’s tags could not be read, so type the tag’s id as AEM shows it in the tag’s properties.
bulk-tag-hint = The tag’s id as AEM shows it in the tag’s properties; assets tagged with a tag below it count too.
bulk-wildcards-hint = * stands for any characters, ? for one.
bulk-add-condition = Add a condition
bulk-list-label = The assets, one per line
bulk-list-hint = DAM paths, links copied from the Assets console, or urn:aaid:aem: asset ids — one per line, or a CSV whose first column holds them.
bulk-list-lines = { $count ->
    [one] { $count } line.
   *[other] { $count } lines.
}
bulk-saved-scopes = Saved scopes
bulk-choose-saved-scope = Choose a saved scope…
bulk-use = Use
bulk-delete = Delete
bulk-save-scope-label = Name to save this { $kind ->
    [list] list
   *[other] search
} under
bulk-save-scope-placeholder = Name this { $kind ->
    [list] list
   *[other] search
}, e.g. “No copyright”
bulk-save-scope = Save the { $kind ->
    [list] list
   *[other] search
}
bulk-sheet-export-title = Export a sheet to edit
bulk-sheet-export-hint = One row per asset picked above (a folder with its filters, a search or a list): the path, the name, when it was last changed, then one column per property. Edit the values in Excel or LibreOffice and import the file below. An empty cell leaves the value as it is; type #CLEAR to remove one; separate several values with |.
bulk-sheet-properties = Properties
bulk-sheet-others = Other properties
bulk-sheet-others-hint = (prefix:name, separated by commas)
bulk-sheet-format = Format
bulk-sheet-xlsx = Excel workbook (.xlsx)
bulk-sheet-csv = CSV (.csv, UTF-8)
bulk-sheet-exporting = Exporting…
bulk-sheet-export = Export…
bulk-sheet-saved = Saved { $file }: { $count ->
    [one] { $count } asset
   *[other] { $count } assets
}.
bulk-sheet-not-in = Not in the sheet: { $items }.
bulk-sheet-unlisted-folder = { $folder } (could not be listed)
bulk-sheet-import-title = Import the edited sheet
bulk-sheet-import-hint = Drop the file anywhere on this window, or choose it. Metadesk reads its own .xlsx and .csv, a CSV saved by Excel in another language, a LibreOffice .ods, and AEM’s Metadata Export CSV. Every cell is checked and the changes are previewed first; nothing is written to AEM before you apply.
bulk-sheet-unusable = The sheet could not be used
bulk-sheet-none = No sheet yet.
bulk-sheet-choose = Choose a file…
bulk-sheet-skip-rows = Skip the rows in error (preview and apply the other rows)
bulk-sheet-check-again = Check again and preview
bulk-sheet-check = Check and preview
bulk-sheet-connection-first = Choose a connection above first.
bulk-sheet-blocked = { $count ->
    [one] This error stops the sheet: nothing was written to AEM. Correct it
   *[other] These errors stop the sheet: nothing was written to AEM. Correct them
} in the file and check again, or tick “Skip the rows in error”.
bulk-issues-all = All
bulk-issues-errors = Errors
bulk-issues-warnings = Warnings
bulk-issues-show = Show problems
bulk-issues-find-label = Find in the problems
bulk-issues-find = Find…
bulk-issues-export = Export as CSV…
bulk-issues-saved = Saved as { $path }.
bulk-issues-row = Row
bulk-issues-column = Column
bulk-issues-problem = Problem and how to fix it
bulk-issue-error = Error
bulk-issue-warning = Warning
bulk-issues-none = No problem matches.
bulk-issues-find-read = Finds among the { $read } problems read of { $total }; clear the search and show more to look further.
## Bulk edit › a list of assets from a file, and which search found them (issue 15: scopes by list and OAuth search)

list-file-choose = Choose a file…
list-file-drop-hint = or drop a .txt, .csv or Excel file on the window, one path, link or id per line.
list-file-reading = Reading { $file }…
list-file-loaded = { $count ->
    [one] One entry
   *[other] { $count } entries
    } from { $file }.
list-file-error-title = The file cannot be used as a list
found-by-openapi = Found with a search in AEM, with this connection’s own credential.
found-by-query-builder-via = Found with a search in AEM, through “{ $connection }”.
paired-search-answers = This connection finds its assets with AEM’s OpenAPI search: a folder, a search or a list in Bulk edit. To search for what that search cannot ask (“is empty”, “contains”, a tag and those below it, any of several conditions), or to read AEM’s tags for the tag picker, also pair a Service Credentials or development token connection on this AEM.
# issue 17 (connections in the user's language): pairing an OAuth Server-to-Server connection on its card
paired-label = Paired connection
paired-none = No connection (Bulk edit cannot find assets)
paired-why = AEM lets an OAuth Server-to-Server credential browse folders and change assets, but not list a folder's assets or search. The connection chosen here finds the assets; the changes are still written by this one.
paired-missing-title = Bulk edit cannot find assets with this connection yet.
paired-missing-body = AEM lets an OAuth Server-to-Server credential browse folders and change assets, but not list a folder's assets or search. Import AEM service credentials (from the AEM Developer Console) or a development token for { $host }, then choose it here.
query-hint-openapi = For your AEM administrator: the OpenAPI search request Metadesk sends (page by page, following each cursor) to find these assets.
## API console

console-title = API console
tags-title = Tags
tags-intro = AEM’s tags, in your language: each with its id, as assets hold it, and its description.
tags-connection = Connection
tags-search = Search tags
tags-search-placeholder = A title in any language, an id or a description
tags-loading = Reading AEM’s tags…
tags-count = { $total ->
    [one] One tag
   *[other] { $total } tags
}
tags-found = { $found } of { $total } tags
tags-empty = AEM has no tags yet.
tags-no-match = No tag matches “{ $query }”.
tags-no-connection = Tags are read from AEM with a connection: add one first.
tags-merge = Merge into…
tags-move = Move…
tags-delete = Delete
tags-merge-label = Merge into another tag: { $title }
tags-move-label = Move { $title } to a new id
tags-delete-label = Delete { $title }
tags-rename = Rename…
tags-rename-label = Rename { $title }
tags-rename-title = Rename “{ $title }”
tags-rename-intro = The tag keeps its id, so no asset changes: only the title people see (and its titles in other languages) does.
tags-rename-new-title = New title
tags-rename-new-title-in = New title ({ $lang })
tags-rename-missing = Type the title the tag should show.
tags-rename-refused = Not renamed
tags-rename-will = The tag { $from } will be renamed { $to }:
tags-rename-change = { $what }: { $before } → { $after }
tags-rename-hint = Undo puts these titles back, unless someone changes them in the meantime.
tags-rename-apply = Rename
tags-rename-done = Renamed { $from } to { $to }
tags-rename-changed-since = Left as it is: the { $what } was changed in AEM since the preview; it holds { $now }.
tags-rename-undo = Undo the rename
tags-rename-undone = { $count ->
    [one] Undone: { $count } title put back.
   *[other] Undone: { $count } titles put back.
}
tags-rename-production = Rename { $id } on { $connection }, a production connection.
tags-rename-production-undo = Put back the titles of { $id } on { $connection }, a production connection.
tags-fold = Fold { $title }
tags-unfold = Unfold { $title }
tags-merge-title = Merge “{ $title }” into another tag
tags-move-title = Move “{ $title }”
tags-delete-title = Delete “{ $title }”
tags-merge-intro = Every asset under the folder that holds this tag, or a tag below it, gets the other tag instead (once). When they are all done, AEM merges the tag itself.
tags-move-intro = Every asset under the folder that holds this tag, or a tag below it, gets the new id. When they are all done, AEM moves the tag itself.
tags-delete-intro = This tag, and the tags below it, are removed from every asset under the folder. When they are all done, AEM deletes the tag itself.
tags-change-into = Merge into
tags-change-choose-into = Choose a tag…
tags-change-to = New id
tags-change-to-hint = A tag id such as wknd-shared:sport/surfing, which AEM does not have yet.
tags-change-parent = Move under
tags-change-choose-parent = Choose the tag to move it under
tags-change-name = Its name in the id
tags-change-folder = Assets under the folder
tags-change-folder-hint = Its subfolders too. Assets elsewhere keep the old id.
tags-change-republish = Then republish the changed assets that were on the website
tags-change-need-into = Choose the tag to merge into.
tags-change-need-to = Type the tag’s new id.
tags-change-need-folder = Type the folder whose assets hold the tag.
tags-change-preview = Preview
tags-change-refused = This change cannot be made
tags-change-merge-instead = Merge into { $title } instead
tags-select-hint = Choose a tag in the list to merge, move or delete it.
tags-change-unused = No asset under { $folder } holds { $id }: AEM can change the tag at once.
tags-change-merge-now = Merge the tag now
tags-change-move-now = Move the tag now
tags-change-delete-now = Delete the tag now
tags-change-merged = AEM merged the tag.
tags-change-moved = AEM moved the tag.
tags-change-deleted = AEM deleted the tag.
tags-change-activated = It was on the website: its new place is published too.
tags-change-close = Close
tags-change-kept = The tag { $id } will be kept: { $count ->
    [one] { $count } asset that may hold it is
   *[other] { $count } assets that may hold it are
} left alone by the preview, and AEM changes a tag only once every asset that holds it is rewritten. The preview’s skipped rows say why.
tags-change-show-preview = Show the preview
tags-change-not-changed = The tag { $id } was not changed
tags-change-in-doubt = The change was interrupted: AEM may not have made it. Open its run from Activity: its report offers Try again.
tags-change-production-title = Change the tag “{ $title }” in AEM’s taxonomy on production?
tags-change-production-merge = AEM merges the tag “{ $title }” into “{ $target }” in the taxonomy of { $connection }, a connection marked production.
tags-change-production-move = AEM moves the tag “{ $title }” to { $target } in the taxonomy of { $connection }, a connection marked production.
tags-change-production-delete = AEM deletes the tag “{ $title }” from the taxonomy of { $connection }, a connection marked production.
tags-change-production-held = { $count ->
    [0] No asset under { $folder } holds it.
    [one] One asset under { $folder } holds it.
   *[other] { $count } assets under { $folder } hold it.
}
bulk-tag-then-merge = Then AEM merges the tag { $id } into { $target }.
bulk-tag-then-move = Then AEM moves the tag { $id } to { $target }.
bulk-tag-then-delete = Then AEM deletes the tag { $id }.
# What Apply will do, in words, above a preview's table (issue 68).
bulk-will-unpublish = { $count ->
    [one] { $count } asset will
   *[other] { $count } assets will
} be taken off { $tier ->
    [preview] AEM's Preview tier
   *[publish] the website
}.
bulk-will-publish = { $count ->
    [one] { $count } asset will
   *[other] { $count } assets will
} be published on { $tier ->
    [preview] AEM's Preview tier
   *[publish] the website
}: it will show their current values.
bulk-will-publish-back = { $count ->
    [one] { $count } asset will
   *[other] { $count } assets will
} be put back on { $tier ->
    [preview] AEM's Preview tier
   *[publish] the website
}.
bulk-will-republish = { $count ->
    [one] { $count } asset on { $tier ->
        [preview] AEM's Preview tier
       *[publish] the website
    } will
   *[other] { $count } assets on { $tier ->
        [preview] AEM's Preview tier
       *[publish] the website
    } will
} be published again: it will show their new values.
bulk-will-change = { $count ->
    [one] { $count } asset will
   *[other] { $count } assets will
} get new values.
bulk-will-change-fragments = { $count ->
    [one] { $count } content fragment will
   *[other] { $count } content fragments will
} get new values.
bulk-will-undo = { $count ->
    [one] { $count } asset will
   *[other] { $count } assets will
} get back the values they had before the edit.
bulk-will-retag = { $count ->
    [one] { $count } asset will
   *[other] { $count } assets will
} hold { $target } instead of { $tag }.
bulk-will-untag = { $count ->
    [one] { $count } asset will
   *[other] { $count } assets will
} no longer hold { $tag }.
bulk-will-stay-old = { $count ->
    [one] { $count } of them is on the website, which keeps showing its old values until it is republished.
   *[other] { $count } of them are on the website, which keeps showing their old values until they are republished.
}
bulk-will-republish-after = { $count ->
    [one] Then the one on the website will be republished.
   *[other] Then the { $count } on the website will be republished.
}
bulk-tag-then-undo = { $command ->
    [delete] An undo gives the assets their tags back, not the tag.
   *[other] AEM keeps { $id } as a hidden pointer to { $target }; an undo gives the assets their tags back, not the tag.
}
bulk-tag-then-activate = It is on the website: its new place is published too.
bulk-tag-will-keep = The tag { $id } will be kept: { $count ->
    [one] { $count } asset that may hold it is
   *[other] { $count } assets that may hold it are
} left alone (see the skipped rows), and AEM changes a tag only once every asset that holds it is rewritten.
bulk-tag-merged = AEM merged the tag { $id } into { $target }.
bulk-tag-moved = AEM moved the tag { $id } to { $target }.
bulk-tag-deleted = AEM deleted the tag { $id }.
bulk-tag-kept = The tag { $id } was kept: { $count ->
    [one] { $count } asset that may hold it was
   *[other] { $count } assets that may hold it were
} not rewritten (left alone, not read or failed). Fix them, then run the change again: that finishes it.
bulk-tag-waiting = The tag { $id } is changed once every asset is done: resume the run to finish it.
bulk-tag-refused-title = The assets are done, but the tag { $id } was not changed
bulk-tag-in-doubt-title = The change of the tag { $id } was interrupted
bulk-tag-in-doubt = AEM may not have made it. Try again: only what is left of it is sent.
bulk-tag-undo-merge = The assets hold { $id } again. AEM keeps { $id } as a hidden pointer to { $target }: the merge itself is not undone, and pages still show { $target } for it.
bulk-tag-undo-move = The assets hold { $id } again. AEM keeps { $id } as a hidden pointer to { $target }: the move itself is not undone. To move the tag back, preview it as its own change on the Tags page (Move… on { $target }, to { $id }).
bulk-tag-undo-delete = The assets hold { $id } again, but AEM deleted that tag: they show no title for it until a tag { $id } exists again (a taxonomy import can create it).
bulk-tag-move-back = Move the tag back…
bulk-tag-production-title = Change the tag { $id } in AEM’s taxonomy on production?
bulk-tag-production-sentence = Trying again sends what is left of AEM’s command on the tag { $id } to { $connection }, a connection marked production.
tags-counts-folder = Count the assets under
tags-counts-hint = Its subfolders too. Each tag then shows how many assets there hold it or a tag below it.
tags-counts-count = Count assets
tags-counts-counting-button = Counting…
tags-counts-counting = Counting the assets under { $folder }…
tags-counts-need-folder = Type the folder whose assets to count.
tags-counts-failed = The assets could not be counted
tags-counts-empty = No count yet: choose a folder and press Count assets.
tags-counts-done = { $assets ->
    [one] One asset under { $folder } counted.
   *[other] { $assets } assets under { $folder } counted.
}
tags-counts-unlisted = { $count ->
    [one] A folder could not be listed: its assets are not counted.
   *[other] { $count } folders could not be listed: their assets are not counted.
}
tags-counts-unread = { $count ->
    [one] An asset could not be read: it is not counted.
   *[other] { $count } assets could not be read: they are not counted.
}
tags-counts-uses = { $count ->
    [0] no asset
    [one] 1 asset
   *[other] { $count } assets
}
tags-sheet-title = The taxonomy as a sheet
tags-export = Export…
tags-exporting = Exporting…
tags-export-hint = Saves every tag, one row each, as .xlsx or .csv: its id, title, a title column per language and its description. Edit it in Excel, then import it.
tags-export-hint-counted = Saves every tag, one row each, as .xlsx or .csv, with a column counting the assets under { $folder } that hold it.
tags-exported = Saved { $tags ->
    [one] 1 tag
   *[other] { $tags } tags
} to { $file }.
tags-exported-counted = Saved { $tags ->
    [one] 1 tag
   *[other] { $tags } tags
} to { $file }, with the assets under { $folder } counted.
tags-export-failed = The tags could not be exported
tags-import-choose = Choose a file…
tags-import-hint = Import a sheet as Export… writes it, or drop it on this page: new rows create tags, changed titles, translations and descriptions are written after a preview. No tag is deleted, but undoing the import removes the tags it created.
tags-import-reading = Reading { $file }…
tags-import-refused = { $file } cannot be imported
tags-import-refused-file = The sheet cannot be imported
tags-import-dismiss = Dismiss
tags-import-set-aside = { $file } was not opened
tags-import-set-aside-why = A step of the import is under way: wait until it has finished, then drop the sheet again.
tags-import-nothing = { $file } changes nothing in AEM’s tags: every value in it is already there.
tags-import-preview = { $file }: { $created ->
    [0] no new tag
    [one] 1 new tag
   *[other] { $created } new tags
}, { $changed ->
    [0] no value changed
    [one] 1 value changed
   *[other] { $changed } values changed
}
tags-import-created-list = Tags created
tags-import-changed-list = Values changed
tags-import-create = New tag { $id }, titled { $title }
tags-import-create-value = { $what }: { $value }
tags-import-col-tag = Tag
tags-import-col-what = Value
tags-import-col-before = Now in AEM
tags-import-col-after = From the sheet
tags-import-col-was = Before
tags-import-col-became = After
tags-import-applied-title = Imported
tags-import-applied-heading = Imported from { $file }: { $created ->
    [0] no new tag
    [one] 1 new tag
   *[other] { $created } new tags
}, { $changed ->
    [0] no value changed
    [one] 1 value changed
   *[other] { $changed } values changed
}
tags-import-what-title = title
tags-import-what-title-in = title ({ $lang })
tags-import-what-description = description
tags-import-quoted = “{ $text }”
tags-import-no-value = (none)
tags-import-apply = Apply { $count ->
    [one] 1 change
   *[other] { $count } changes
}
tags-import-applying = Applying…
tags-import-failed = The import stopped
tags-import-interrupted = The import did not finish
tags-import-interrupted-why = It was cut short (the app closed, or the computer stopped) before it ended. Resume finds out what AEM holds and writes only what is left.
tags-import-done = Created { $created ->
    [one] 1 tag
   *[other] { $created } tags
} and changed { $changed ->
    [one] 1 value
   *[other] { $changed } values
}.
tags-import-left-alone = { $count ->
    [one] 1 change was left alone: AEM changed it since the preview
   *[other] { $count } changes were left alone: AEM changed them since the preview
}
tags-import-changed-since = The { $what } of { $id } was changed in AEM since the preview (the preview showed { $shown }, AEM now holds { $now }).
tags-import-exists-now = { $id } was created in AEM since the preview: not created again.
tags-production-title = Change tags on production?
tags-production-applying = Applying writes { $count ->
    [one] 1 change
   *[other] { $count } changes
} to the tags of { $connection }, a connection marked production.
tags-production-undoing = Undoing the import puts back what it wrote in the tags of { $connection }, a connection marked production: up to { $count ->
    [one] 1 change
   *[other] { $count } changes
}.
tags-production-undo = Undo on production
tags-import-undo = Undo this import
tags-import-undoing = Undoing…
tags-import-resume = Resume the import
tags-import-resuming = Resuming the import…
tags-import-undo-failed = The import could not be undone
tags-import-undone = Undone: { $restored ->
    [one] 1 value put back
   *[other] { $restored } values put back
}, { $removed ->
    [one] 1 tag removed
   *[other] { $removed } tags removed
}.
tags-import-kept = { $count ->
    [one] 1 thing was kept
   *[other] { $count } things were kept
}
tags-import-kept-value = { $known ->
    [yes] The { $what } of { $tag } was changed in AEM after Metadesk wrote { $wrote }: it keeps { $now }.
   *[no] The { $what } of { $tag } was changed in AEM after Metadesk wrote it: it keeps { $now }.
}
tags-import-kept-changed = { $tag } was changed in AEM after Metadesk wrote it: it stays.
tags-import-kept-children = { $tag } has tags below it that the import did not create: it stays.
tags-import-kept-assets = Assets hold { $tag }: it stays (Delete on the tag takes it off them first).
tags-import-kept-unchecked = { $tag } stays, as not all the content that may hold it could be read ({ $detail }).
tags-import-not-done = { $tag } is not done yet ({ $detail }). Resume the undo from Activity to try again.
console-no-undo-title = No preview, no undo.
console-no-undo-body = A request sent from here changes AEM at once, and the app cannot put it back. To change many assets, use Bulk edit: it shows a preview first and can undo.
console-connection = Connection
console-connection-production = { $name } (production)
console-tabs = Console
console-tab-graphql = GraphQL
console-tab-requests = Requests
console-no-connection = Add a connection first: the console calls AEM with a connection's stored credentials.
console-run = Run
console-cancel = Cancel
console-endpoint = Endpoint
console-variables = Variables (JSON)
console-variables-not-object = The variables must be a JSON object.
console-not-json = Not valid JSON: { $detail }
console-completion-off = Completion is off: { $detail }
console-query-label = GraphQL query
console-history-back = The query is back in the editor; run it when ready.
console-history-persisted-chosen = { $path } is chosen under Persisted queries; run it when ready.
console-history-persisted-gone = { $path } is no longer listed by AEM.
console-persisted = Persisted queries ({ $count })
console-persisted-query = Persisted query
console-choose = Choose…
console-persisted-show = Show its text
console-persisted-run = Run it with the variables
console-save-as = Save the query as
console-name-placeholder = name
console-replace-existing = replace an existing one
console-production-type-to-save = This connection is production: type “{ $name }” to save
console-save-in = Save in { $config }
console-persisted-saved = Saved { $path }.
console-persisted-replaced = Replaced { $path }.
console-history = History ({ $count })
console-history-persisted = persisted { $config }/{ $name }
console-history-saved-as = saved as { $path }
console-result = Result
console-millis = { $millis } ms
console-rows = { $count ->
    [one] { $count } row
   *[other] { $count } rows
}
console-graphql-errors = { $count ->
    [one] { $count } error
   *[other] { $count } errors
}
console-view-label = Show the result as
console-view-table = Table
console-view-json = JSON
console-export-csv = Export CSV…
console-export-json = Export JSON…
console-saved-as = Saved as { $file }.
console-error-at = Line { $line }, column { $column }: { $message }
console-method = Method
console-host-title = The connection's AEM: requests never go elsewhere
console-path = Path
console-send = Send
console-copy-curl = Copy as curl
console-examples = Examples:
console-example-dam-root = DAM root listing
console-example-metadata = An asset’s metadata
console-example-current-user = Current user
console-copied = Copied. Set AEM_TOKEN in your shell first; Metadesk never shows the token.
console-clipboard-refused = The system clipboard refused the curl line ({ $detail }).
console-headers = Headers ({ $count })
console-header-name = Header name
console-header-value = Header value
console-name = Name
console-value = Value
console-remove-header = Remove header
console-add-header = Add a header
console-authorization-note = Authorization is added by Metadesk and cannot be set here.
console-body = Body
console-body-text = JSON or text
console-body-form = Form fields
console-body-checked = Body (JSON is checked)
console-form-note = Sent as application/x-www-form-urlencoded, as AEM's Sling POST servlet takes it (./dc:title sets a property of the node at the path). Metadesk encodes the values.
console-field-name = Field { $number } name
console-field-value = Field { $number } value
console-field-name-placeholder = Name, such as ./dc:title
console-remove-field = Remove field { $number }
console-add-field = Add a field
console-field-without-name = The value “{ $value }” has no field name.
console-production-type-to-send = This connection is production: type “{ $name }” to send a { $method }
console-response = Response
console-bytes = { $size ->
    [one] { $size } byte
   *[other] { $size } bytes
}
console-bytes-cut = { $size ->
    [one] { $size } byte (cut)
   *[other] { $size } bytes (cut)
}
console-response-headers = Response headers ({ $count })
console-response-image = The response
console-binary-body = { $size ->
    [one] A binary body of { $size } byte.
   *[other] A binary body of { $size } bytes.
}
console-no-body = No body.
console-saved-requests = Saved requests ({ $count })
console-saved-name = Name of the saved request
console-keep-response = keep the last response's body
console-save-request = Save this request
console-request-saved = Saved “{ $name }”.
console-delete-saved = Delete { $name }
console-saved-response = Saved response
console-not-sent = not sent
console-json-items = { $count ->
    [one] { $count } item
   *[other] { $count } items
}
# Folder assets (Bulk edit, the chosen folder's thumbnail strip)

folder-assets-heading = In this folder
folder-assets-list = Assets in { $folder }
folder-assets-loading = Reading the folder's assets…
folder-assets-error = The assets in this folder could not be shown
folder-assets-empty = No assets directly in this folder.
folder-assets-more = and { $count } more
folder-assets-at-least = and at least { $count } more: the folder was not read to its end
folder-assets-not-all = Not every asset is shown: the folder was not read to its end.
folder-assets-subfolders-note = Only this folder's own assets are shown, not its subfolders'.

## Activity

elapsed-minutes = { $minutes ->
    [0] { $seconds } s
   *[other] { $seconds ->
        [0] { $minutes } min
       *[other] { $minutes } min { $seconds } s
    }
}
elapsed-hours = { $minutes ->
    [0] { $hours } h
   *[other] { $hours } h { $minutes } min
}
activity-title = Activity
runs-error = The run history could not be read
try-again = Try again
empty-activity-title = No runs yet
empty-activity-body = Every bulk edit you apply will be listed here with its report and an undo.
runs-busy = A bulk edit is running. Other runs can be opened once it has ended.
runs-list = Runs
took = took { $duration }
show-progress = Show progress
open-report = Open report
open-import = Open on the Tags page
open-preview = Open preview
apply = Apply
undo = Undo
redo = Redo
activity-undone-on = Undone on { $when } →
activity-redone-on = Redone on { $when } →
activity-undoes = Undoes the run of { $when } →
activity-redoes = Redoes the run of { $when } →
run-technical = Technical details
count-to-change = { $count } to change
count-unchanged = { $count } already as wanted
count-skipped = { $count } skipped
count-changed = { $count } changed
count-failed = { $count } failed
count-pending = { $count } not applied yet
count-put-back = { $count } put back
run-status-running = Running
run-status-preview-incomplete = Preview not finished
run-status-previewed = Previewed, not applied
run-status-interrupted = Interrupted
run-status-cancelled = Cancelled
run-status-stopped = Stopped
run-status-completed = Completed
run-status-completed-with-failures = Completed with failures

## Edits that compute (issue 30): the rule fields of an edit row
bulk-action-replace = Find and replace
bulk-action-template = From a template
bulk-action-from-name = From the file name
bulk-action-copy = Copy from another property
bulk-action-case = Change case
bulk-action-trim = Trim spaces
bulk-action-shift-date = Shift dates
bulk-action-set-date = Set dates
bulk-rule-where = Which assets
bulk-rule-where-all = All
bulk-rule-only-not-empty = Only where the property is not empty
bulk-rule-pattern = File-name pattern
bulk-rule-pattern-placeholder = ^(?<sku>\d+)_(?<title>.+)\.
bulk-rule-whole-path = Match the whole path
bulk-rule-from-name-hint = Named groups such as (?<sku>…) become fields of the template: {"{"}sku{"}"}. An asset whose name does not match is skipped, with why.
bulk-rule-copy-from = Property to copy from
bulk-rule-copy-hint = Each asset gets its own value of that property; an asset without it is skipped, with why.
bulk-rule-case = Case
bulk-rule-case-upper = UPPER CASE
bulk-rule-case-lower = lower case
bulk-rule-case-title = Title Case
bulk-rule-case-sentence = Sentence case
bulk-rule-case-hint = Changes the case of every value; the preview shows each asset's before → after.
bulk-rule-collapse = Also turn runs of spaces inside into one
bulk-rule-trim-hint = Removes spaces at the start and end of every value.
bulk-rule-by = Move by
bulk-rule-by-placeholder = 7d, -1w, +2h30m
bulk-rule-shift-date-hint = w weeks, d days, h hours, m minutes, s seconds; a minus sign moves back. Each date keeps its time zone.
bulk-rule-date = New date
bulk-rule-date-placeholder = 2024-05-01 or 2024-05-01T09:00
bulk-rule-set-date-hint = A day, a local time, or a time with its zone (2024-05-01T09:00:00+02:00).
bulk-rule-pattern-empty = Type the file-name pattern.
bulk-rule-copy-empty = Type the property to copy from.
bulk-rule-find = Find
bulk-rule-replace = Replace with
bulk-rule-regex = Regular expression
bulk-rule-ignore-case = Any case
bulk-rule-whole-word = Whole words
bulk-rule-only-empty = Only where the property is empty
bulk-rule-template = Template
bulk-rule-template-placeholder = {"{"}Title{"}"} — {"{"}name{"}"}
bulk-rule-replace-hint = Replaced in every value; the preview shows each asset's before → after.
bulk-rule-regex-hint = $1 or ${"{"}name{"}"} in "Replace with" put back what a group found.
bulk-rule-template-hint = Name a field as the form shows it, such as {"{"}Title{"}"} or {"{"}City{"}"} (or by its property, such as {"{"}dc:title{"}"}); {"{"}name{"}"} is the file name, {"{"}folder{"}"} its folder, {"{"}path{"}"} its path. An asset without a value the template names is skipped, with why.
bulk-rule-find-empty = Type the text to find.
bulk-rule-template-empty = Type the template.
bulk-edit-line-rule = { $property }: { $rule }
bulk-rule-words-replace = replace “{ $find }” with “{ $replace }”{ $regex ->
    [yes] { " " }(regular expression)
   *[no] {""}
}
bulk-rule-words-template = from the template “{ $template }”
bulk-rule-words-template-copy = copied from each asset’s { $property }
bulk-rule-words-from-name = from the file name by “{ $pattern }” as “{ $template }”
bulk-rule-words-retag = { $from } and the tags below it become { $to }
bulk-rule-words-untag = remove { $from } and the tags below it
bulk-rule-words-copy = copy { $from }
bulk-rule-words-case = { $to ->
    [upper] to capitals
    [lower] to small letters
    [title] capitalise each word
   *[sentence] capitalise the first word
}
bulk-rule-words-trim = { $collapse ->
    [yes] trim and collapse spaces
   *[no] trim spaces
}
bulk-rule-words-shift-date = move dates by { $by }
bulk-rule-words-set-date = set dates to { $date }
bulk-rule-words-where = { $rule } { $is ->
    [empty] (only where empty)
   *[not_empty] (only where not empty)
}

## The edit rows' live example on the first assets of the scope.
bulk-sample-title = Example on the first assets
bulk-sample-hint = Each change on the first assets of the scope, as you type. Nothing is written; Preview checks every asset.
bulk-sample-waiting = Choose what to edit and fill in a change to see it here on the first assets.
bulk-sample-reading = Reading the first assets…
bulk-sample-empty = The scope has no asset to show an example on.
bulk-sample-refused = { $property }: { $problem }
bulk-sample-skipped = Would be skipped: { $reason }

## Publishing (issue 39)
bulk-publish-scope-hint = Or publish the assets in scope as they are, without changing them: the preview shows where each one stands.
bulk-publish-button = Publish…
bulk-unpublish-button = Unpublish…
bulk-publish-to-preview = To AEM's Preview tier instead of the website
bulk-publish-apply = { $what ->
    [unpublish] { $count ->
        [one] Unpublish { $count } asset
       *[other] Unpublish { $count } assets
    }
   *[publish] { $count ->
        [one] Publish { $count } asset
       *[other] Publish { $count } assets
    }
}
bulk-republish-after-apply = Then republish the changed assets that are on the website (never one that is not)
}
bulk-col-publication = Publication
bulk-col-publication-before = Publication before
bulk-publication-never-published = Never published
bulk-publication-modified = Changed since published
bulk-publication-up-to-date = Up to date
bulk-publication-unpublished = Taken off the website
bulk-kind-publish = { $what ->
    [unpublish] Unpublish from { $tier ->
        [preview] AEM's Preview tier
       *[publish] the website
    }
   *[publish] Publish on { $tier ->
        [preview] AEM's Preview tier
       *[publish] the website
    }
}
# What a republish publishes: the values the run it follows changed (or, after an undo, put back).
bulk-kind-republish = { $what ->
    [undo] Republish after the undo
    [sheet] Republish after the import of the sheet { $file }
    [edit] Republish after the bulk edit
   *[other] Republish after the run
}{ $made ->
    [none] {""}
   *[other] {" "}of { $made }
}
# The undo of a publish run: which one it undoes (an unpublish is undone by publishing again).
bulk-kind-publish-undo = { $what ->
    [republish] Undo of the republish
    [unpublish] Undo of the unpublish
   *[publish] Undo of the publish
}{ $made ->
    [none] {""}
   *[other] {" "}of { $made }
}
bulk-publication-count-never = { $count } never published
bulk-publication-count-modified = { $count } changed since published
bulk-publication-count-up-to-date = { $count } up to date
bulk-publication-count-unpublished = { $count } taken off the website
# Where assets stand on the website, and what republishing publishes (issue 53)
bulk-on-website = On the website
bulk-col-on-website = On the website
bulk-publication-unknown = Not known
bulk-republish-after-apply-count = { $count ->
    [one] Then republish the one that is on the website (never one that is not)
   *[other] Then republish the { $count } that are on the website (never one that is not)
}
bulk-nothing-live-to-republish = None of the assets to change is on the website: there is nothing to republish.
bulk-then-republish = { $count ->
    [one] Then republishes the one that is on the website
   *[other] Then republishes the { $count } that are on the website
}
bulk-then-republish-unknown = Then republishes the changed assets that are on the website
bulk-website-title = On the website
bulk-republish-explain = { $count ->
    [one] One of the changed assets is on the website, which still shows its old values until it is republished.
   *[other] { $count } of the changed assets are on the website, which still shows their old values until they are republished.
}
bulk-republish-explain-unknown = The website still shows the old values of the changed assets that are on it, until they are republished.
# A content fragments' run: its live fragments, republished through AEM's Sites API (issue 68)
bulk-fragments-live-explain = { $count ->
    [one] One of the changed content fragments is live: the website shows its old values until it is republished.
   *[other] { $count } of the changed content fragments are live: the website shows their old values until they are republished.
}
bulk-will-stay-old-fragments = { $count ->
    [one] { $count } of them is live on the website, which keeps showing its old values until it is republished.
   *[other] { $count } of them are live on the website, which keeps showing their old values until they are republished.
}
bulk-fact-fragments = Fragments
bulk-selection-fragment-list = a list of { $count ->
    [one] { $count } fragment
   *[other] { $count } fragments
}
bulk-republish-on-website = { $count ->
    [one] Republish the one that is on the website…
   *[other] Republish the { $count } that are on the website…
}
bulk-republish-on-website-unknown = Republish those on the website…
bulk-republished-line = Published { $published } · not on the website, left alone { $left }
bulk-outcome-published = Published
# A publish run's assets it rightly did not touch (not on the website, for a republish): neutral, not a warning.
bulk-outcome-left-alone = Left alone
bulk-outcome-unpublished = Unpublished
bulk-production-name-loose = Spaces and punctuation do not count.
bulk-production-name-ok = The name matches.
tags-import-kept-pages = Pages use { $tag }, such as { $page }: it stays (take it off them first).

## What a row's colour means, on every table (issue 77: lib/outcomes.ts, OutcomeLegend.svelte)
legend-title = What the colours mean
legend-done = Done or as wanted
legend-left-alone = Left alone on purpose
legend-attention = Needs your attention
legend-failed = Failed or refused

## A report whose run was undone: its heading, and what the undo did to each row (UndoneHeading.svelte)
report-undone-title = Undone on { $when }
report-undone-rows = Each row says what the undo did last.
row-undone-given-back = Given back
row-undone-already = Already as before
row-undone-kept = Kept: changed since
row-undone-failed = Not given back
row-undone-pending = Not undone yet
row-undone-deleted = Deleted
row-undone-gone = Already gone
row-undone-unpublished = Taken off the website
row-undone-published = Published again
row-kept-changed-since = Left alone: changed since the preview
bulk-row-status-published = Published
bulk-row-status-unpublished = Taken off the website
bulk-row-status-put-back = Put back

## A publish preview's row: what Apply will do to it, and where it stands now
bulk-row-will-publish = Will be published
bulk-row-will-unpublish = Will be taken off the website
bulk-row-will-publish-back = Will be published again
bulk-row-will-republish = Will be republished
bulk-row-now = now: { $state }

## Activity's cards (issue 77): a title that says what the run did, its counts in the run's own words
run-title = { $name }: { $what ->
    [fragments] { $count ->
        [one] { $count } content fragment
       *[other] { $count } content fragments
    }
   *[assets] { $count ->
        [one] { $count } asset
       *[other] { $count } assets
    }
} in { $folder }
activity-undone-pill = Undone
count-uploaded = { $count } uploaded
count-deleted = { $count } deleted
count-moved = { $count } moved
count-written = { $count } written
count-published = { $count } published
count-unpublished = { $count } taken off the website
count-left-alone = { $count } left alone

## A tag import's rows once applied, and once undone
tags-import-undone-heading = Undone: the import of { $file }
tags-import-col-now = What happened
row-tag-created = Created
row-tag-removed = Removed

## Move and rename assets (issue 76): the Move panel on the Bulk edit page.
move-panel-open = Move…
move-panel-open-sheet = Moves from a sheet…
move-panel-scope-hint = Move the assets chosen above into another folder, or rename them; or plan a whole reorganisation in a sheet.
move-panel-title = Move and rename assets
move-panel-from-scope = The assets chosen above: { $scope }
move-panel-from-sheet = Moves from the sheet { $name }
move-panel-to = Destination folder
move-panel-to-hint = Type the folder’s path, for example /content/dam/archive; folders that do not exist yet are made.
move-panel-layout = Subfolders
move-panel-keep-subfolders = Keep subfolders
move-panel-flatten = Put all in the folder
move-panel-rename = Rename (optional)
move-panel-lowercase = Lowercase
move-panel-dashes = Spaces to dashes
move-panel-find = Find
move-panel-replace-with = Replace with
move-panel-prefix = Prefix
move-panel-suffix = Suffix
move-panel-number = Number them
move-panel-number-start = From
move-panel-number-digits = Digits
move-panel-example = Example: { $before } → { $after }
move-panel-example-empty = Example: { $before } → no name left (refused)
move-panel-republish = Republish what was on the website
move-panel-sheet-hint = The sheet needs a Path column and a New path column, one asset or folder a row.
move-panel-choose-sheet = Choose another sheet…
move-panel-no-sheet = No sheet chosen yet. Choose one, or drop it on the window.
move-panel-preview = Preview the move
move-panel-preview-again = Preview again
move-panel-previewing = Reading the assets and the pages that use them…
move-panel-failed = The move could not be done
move-panel-close = Close
move-panel-preview-title = What the move will do
move-panel-report-title = What the move did
move-panel-undo-title = Moving back
move-panel-counts = { $planned } to move · { $refused } refused · { $pages ->
    [one] { $pages } page will be fixed
   *[other] { $pages } pages will be fixed
}
move-panel-report-counts = { $done } moved · { $failed } failed · { $left } left alone · { $refused } refused · { $pending } not done yet
move-panel-folders-made = { $count ->
    [one] { $count } folder is made first.
   *[other] { $count } folders are made first.
}
move-panel-pages-left = { $count ->
    [one] { $count } page is left pointing at the old path.
   *[other] { $count } pages are left pointing at the old path.
}
move-panel-nothing-previewed = Nothing to show yet: choose where the assets go, then preview.
move-panel-rows-empty = No asset to move.
move-panel-col-path = Old → new path
move-panel-col-state = What happens
move-panel-col-pages = Pages that use it
move-panel-folder = Folder
move-panel-on-website = On the website
move-panel-not-on-website = Not on the website
move-panel-no-pages = No page uses it.
move-panel-page-kept = not fixed
move-panel-page-fix = Fix { $page } (untick to leave it pointing at the old path)
move-panel-state-refused = Refused
move-panel-state-planned = To move
move-panel-state-in_doubt = In doubt
move-panel-state-moved = Moved
move-panel-state-left_alone = Left alone
move-panel-state-failed = Failed
move-panel-apply = { $count ->
    [one] Move { $count } asset
   *[other] Move { $count } assets
}
move-panel-applying = Moving…
move-panel-undo = Undo the move
move-panel-undoing = Planning the undo…
move-panel-production-title = Move on a production connection
move-panel-production-sentence = { $count ->
    [one] { $count } asset will be moved on { $connection }.
   *[other] { $count } assets will be moved on { $connection }.
}
move-panel-production-button = Move
move-panel-listed = { $count ->
    [one] { $count } asset you listed
   *[other] { $count } assets you listed
}
bulk-kind-move = Move of { $items ->
    [one] { $items } item
   *[other] { $items } items
} to { $to }
bulk-kind-move-undo = Undo of the move{ $made ->
    [none] {""}
   *[other] {" "}of { $made }
} ({ $items ->
    [one] { $items } item
   *[other] { $items } items
})
move-panel-nothing-title = No move previewed yet
