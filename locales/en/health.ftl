# The Health page (issue 66) and "used on N pages" in previews.
nav-health = Health
health-empty-title = No connection yet
health-empty-body = Add a connection to AEM to check the health of its folders.
health-pick-title = Check a folder
health-pick-hint = Counts the images without a description, the expired and expiring assets, where assets are used and what changed since publication. Nothing is written to AEM.
health-connection = Connection
health-connection-choose = Choose a connection
health-folder = Folder
health-days = Expiring within (days)
health-recursive = Include subfolders
health-check = Check
health-check-again = Check again
health-checking = Checking…
health-checking-what = Reading every asset of { $folder }: their descriptions, expiry dates, publication and the pages that use them.
health-failed = The folder could not be checked
health-summary = { $count ->
    [one] 1 asset
   *[other] { $count } assets
} in { $folder }, checked { $at }.
health-partial-title = Some of it could not be checked
health-unlisted = { $folder } could not be listed: its assets are not counted.
health-not-checked-title = Nothing checked yet
health-not-checked-body = Choose a folder above and press Check: each count shows here with a bar per subfolder, and what to do about it.
health-count-assets = Assets
health-count-without-description = Images without a description (no alt text on pages)
health-count-expired = Expired
health-count-expiring = Expiring within { $days } days
health-count-with-off-time = Scheduled to go offline
health-count-used-on-pages = Used on pages
health-count-used-nowhere = Used nowhere
health-count-references-unknown = Where used, not known
health-count-changed = Changed since their last publication
health-count-missing-required = Missing required metadata
health-fix-fill-descriptions = Fill descriptions
health-fix-extend-expiry = Extend expiry
health-fix-unpublish-expired = Unpublish expired
health-fix-republish-changed = Republish changed
health-fix-fill-from-sheet = Fill from a sheet…
health-sheet-exporting = Saving the sheet…
health-sheet-failed = The sheet could not be saved
health-sheet-saved = Saved { $file }: { $count ->
    [one] 1 image without a description
   *[other] { $count } images without a description
}.
health-sheet-next = Type each image’s description in its Description column (its title is beside it) and save the file, then import it in Bulk edit, From a spreadsheet: every cell is checked and the changes are previewed before anything is written to AEM. An empty cell leaves its image as it is.
health-sheet-import = Import it in Bulk edit
health-bars-caption = { $label }, per subfolder
health-bars-folder = Subfolder
health-bars-count = Assets
health-list-label = The assets: { $label }
health-list-empty = None: nothing to do here.
health-col-pages = Used on
references-used-on = { $count ->
    [one] Used on 1 page
   *[other] Used on { $count } pages
}
references-col = Used on pages
references-not-used = No page
references-published = published
references-warning-title = Published pages use some of these assets
references-warning-body = { $count ->
    [one] 1 asset is used on published pages: unpublishing it breaks its image there.
   *[other] { $count } assets are used on published pages: unpublishing them breaks their images there.
}
references-not-asked = { $count ->
    [one] 1 more asset was not asked about
   *[other] { $count } more assets were not asked about
} (at most { $max } a preview).
references-unknown-title = Where these assets are used is not known
health-none = None: nothing to do.
# A card's pill, and each asset's in the list of a card to look at (issue 77: amber, the legend's "needs your attention")
health-to-look-at = To look at
health-row-without-description = No description
health-row-expired = Expired
health-row-expiring = Expiring soon
health-row-references-unknown = Where used not known
health-row-changed = Changed since published
health-row-missing-required = Required value missing
# Health's check stopped by the person (issue 78: a check of a large folder can be stopped).
health-stop = Stop
health-stopping = Stopping…
health-stopped = The check was stopped before its end: nothing more was asked of AEM, and nothing is reported. Check again to start over.
