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
status-prefix-ok = OK
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
