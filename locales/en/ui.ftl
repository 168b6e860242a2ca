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
nav-console = API console
nav-settings = Settings
startup-failed-title = The start-up check didn’t finish
checking = Checking…
check-again = Check again
interrupted-title = A bulk edit was interrupted
interrupted-body = The run on { $connection } in { $scope } started { $started } did not finish: { $pending ->
    [one] { $pendingText } is
   *[other] { $pendingText } are
} not changed yet. Resume writes only those; it stays in Activity if you leave it for later.
scope-with-subfolders = { $folder } and subfolders
resume = Resume
later = Later
close-run-title = A bulk edit is running. Cancel it and close?
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
not-production = Not production
mark-production = Mark as production
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
file-updated = { $file }: updated { $name }; it now uses the secrets from this file.
file-refused = { $file } was not imported:
file-replaces = { $file }: { $kind } with the client id of { $name }. Confirm below to replace it.
file-choose = { $file }: { $kind }. Choose below to import it.
local-sdk-file = Local AEM SDK
replace-title = This file would replace “{ $name }”.
replace-body = It has the same client id, but it is not the same credential:
replace-advice = Replace it only if you expected this (for example, after a new key was made in the Developer Console).
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
fact-account-unknown = The Folders API does not say which account this is
fact-token-valid = Token valid { $duration }
fact-token-ended = Token ended — a new one is fetched when next needed
fact-dam-readable = The DAM can be read
fact-dam-unreadable = The DAM cannot be read
test-result = Test result
test-untestable = The connection could not be tested: { $message }
test-works-warned = The connection works, with a warning. See below.
test-works = The connection works.
test-fails = The connection does not work yet. See below.
step-passed = : done.
step-warning = : did not work, but the connection does.
step-failed = : failed.
step-skipped = : not tried.
test-hide = Hide the result

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
open-preview = Open preview
apply = Apply
undo = Undo
count-to-change = { $count } to change
count-unchanged = { $count } already as wanted
count-skipped = { $count } skipped
count-changed = { $count } changed
count-failed = { $count } failed
count-pending = { $count } not applied yet
run-status-running = Running
run-status-preview-incomplete = Preview not finished
run-status-previewed = Previewed, not applied
run-status-interrupted = Interrupted
run-status-cancelled = Cancelled
run-status-stopped = Stopped
run-status-completed = Completed
run-status-completed-with-failures = Completed with failures
