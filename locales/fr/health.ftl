# La page Santé (ticket 66) et « utilisée sur N pages » dans les aperçus.
nav-health = Santé
health-empty-title = Aucune connexion pour l’instant
health-empty-body = Ajoutez une connexion à AEM pour vérifier l’état de ses dossiers.
health-pick-title = Vérifier un dossier
health-pick-hint = Compte les images sans description, les ressources expirées ou qui vont expirer, les pages qui les utilisent et ce qui a changé depuis la publication. Rien n’est écrit dans AEM.
health-connection = Connexion
health-connection-choose = Choisissez une connexion
health-folder = Dossier
health-days = Expirent d’ici (jours)
health-recursive = Inclure les sous-dossiers
health-check = Vérifier
health-check-again = Vérifier à nouveau
health-checking = Vérification…
health-checking-what = Lecture de chaque ressource de { $folder } : descriptions, dates d’expiration, publication et pages qui les utilisent.
health-failed = Le dossier n’a pas pu être vérifié
health-summary = { $count ->
    [one] 1 ressource
   *[other] { $count } ressources
} dans { $folder }, vérifiées le { $at }.
health-partial-title = Une partie n’a pas pu être vérifiée
health-unlisted = { $folder } n’a pas pu être listé : ses ressources ne sont pas comptées.
health-not-checked-title = Rien n’a encore été vérifié
health-not-checked-body = Choisissez un dossier ci-dessus et cliquez sur Vérifier : chaque compte s’affiche ici avec une barre par sous-dossier, et ce qu’il faut faire.
health-count-assets = Ressources
health-count-without-description = Images sans description (sans texte alternatif sur les pages)
health-count-expired = Expirées
health-count-expiring = Expirent d’ici { $days } jours
health-count-with-off-time = Retrait programmé
health-count-used-on-pages = Utilisées sur des pages
health-count-used-nowhere = Utilisées nulle part
health-count-references-unknown = Utilisation inconnue
health-count-changed = Modifiées depuis leur dernière publication
health-count-missing-required = Métadonnées obligatoires manquantes
health-fix-fill-descriptions = Remplir les descriptions
health-fix-extend-expiry = Prolonger l’expiration
health-fix-unpublish-expired = Dépublier les expirées
health-fix-republish-changed = Republier les modifiées
health-fix-fill-from-sheet = Remplir depuis une feuille…
health-sheet-exporting = Enregistrement de la feuille…
health-sheet-failed = La feuille n’a pas pu être enregistrée
health-sheet-saved = Enregistré dans { $file } : { $count ->
    [one] 1 image sans description
   *[other] { $count } images sans description
}.
health-sheet-next = Tapez la description de chaque image dans sa colonne Description (son titre est à côté) et enregistrez le fichier, puis importez-le dans Modification en masse, À partir d’un tableur : chaque cellule est vérifiée et les changements sont prévisualisés avant toute écriture dans AEM. Une cellule vide laisse son image telle quelle.
health-sheet-import = L’importer dans Modification en masse
health-bars-caption = { $label }, par sous-dossier
health-bars-folder = Sous-dossier
health-bars-count = Ressources
health-list-label = Les ressources : { $label }
health-list-empty = Aucune : rien à faire ici.
health-col-pages = Utilisée sur
references-used-on = { $count ->
    [one] Utilisée sur 1 page
   *[other] Utilisée sur { $count } pages
}
references-col = Utilisée sur des pages
references-not-used = Aucune page
references-published = publiée
references-warning-title = Des pages publiées utilisent certaines de ces ressources
references-warning-body = { $count ->
    [one] 1 ressource est utilisée sur des pages publiées : la dépublier casse son image sur ces pages.
   *[other] { $count } ressources sont utilisées sur des pages publiées : les dépublier casse leurs images sur ces pages.
}
references-not-asked = { $count ->
    [one] 1 autre ressource n’a pas été demandée
   *[other] { $count } autres ressources n’ont pas été demandées
} (au plus { $max } par aperçu).
references-unknown-title = On ne sait pas où ces ressources sont utilisées
health-none = Aucune : rien à faire.
# A card's pill, and each asset's in the list of a card to look at (issue 77: amber, the legend's "needs your attention")
health-to-look-at = À examiner
health-row-without-description = Sans description
health-row-expired = Expirée
health-row-expiring = Expire bientôt
health-row-references-unknown = Utilisation inconnue
health-row-changed = Modifiée depuis sa publication
health-row-missing-required = Valeur obligatoire manquante
# La vérification de Santé arrêtée par la personne (ticket 78 : celle d’un grand dossier peut être arrêtée).
health-stop = Arrêter
health-stopping = Arrêt…
health-stopped = La vérification a été arrêtée avant sa fin : rien de plus n’a été demandé à AEM, et rien n’est rapporté. Vérifiez de nouveau pour recommencer.
