# Les mots propres à la CLI (crates/cli) : sorties lisibles et résumés d’aide. Les résumés sont
# trouvés par le chemin de la commande (cli-about-connections-import) et l’argument.

cli-error = erreur : { $message }
cli-yes = oui
cli-no = non
cli-report-unwritable = le rapport n’a pas pu être écrit ({ $detail })

# Ce que faisait la CLI quand le système a refusé (ticket 17) : le { $context } de error-io.
io-start = impossible de lancer la commande
io-read-answer = impossible de lire votre réponse
io-print-answer = impossible d’afficher la réponse
io-print-table = impossible d’afficher le tableau
io-print-body = impossible d’afficher le corps de la réponse
io-print-json = impossible d’afficher le JSON
io-print-report = impossible d’afficher le rapport

## Les détails d’une erreur interne : le terminal n’a pas de fichier journal (ticket 17 : erreurs internes)

cli-internal-log = Pour voir les détails, relancez la commande avec METADESK_LOG=error.

## Les mots de clap (ticket 17) : titres de l’aide, --help, --version, la commande help, erreurs d’utilisation

cli-heading-usage = Utilisation :
cli-heading-commands = Commandes
cli-heading-arguments = Arguments
cli-heading-options = Options
# Ce qui sépare un titre des deux-points que clap écrit après lui.
cli-heading-before-colon = {"\u00A0"}
cli-value-command = COMMANDE
cli-help-flag = Afficher l’aide
# clap's notes on an argument (the choices it takes, its default) after its help line.
cli-help-with-choices = { $help } [valeurs possibles : { $values }]
cli-help-with-default = { $help } [par défaut : { $default }]
cli-help-version = Afficher la version
cli-help-command = Afficher ce message ou l’aide de la commande indiquée
cli-help-command-arg = La commande à expliquer
cli-usage-error = erreur : { $problem } (voir --help)
cli-usage-missing = ces arguments obligatoires manquent : { $args }
cli-usage-unknown-arg = argument inconnu : { $arg }
cli-usage-invalid-value = valeur « { $value } » non valable pour { $arg }
cli-usage-unknown-command = commande inconnue : « { $command } »
# Les erreurs d’utilisation que clap signale en plus des courantes ci-dessus (ticket 17).
cli-usage-unknown-arg-like = argument inconnu : { $arg } (vouliez-vous dire { $like } ?)
cli-usage-unknown-command-like = commande inconnue : « { $command } » (vouliez-vous dire « { $like } » ?)
cli-usage-missing-command = une commande est attendue
cli-usage-missing-value = une valeur est attendue après { $arg }
cli-usage-invalid-choice = valeur « { $value } » non valable pour { $arg } (valeurs possibles : { $choices })
cli-usage-repeated = { $arg } ne peut être donné qu’une seule fois
cli-usage-conflict = { $arg } ne peut pas être utilisé avec { $other }
cli-usage-conflict-any = { $arg } ne peut pas être utilisé avec les autres arguments donnés
cli-usage-extra-value = valeur inattendue « { $value } » pour { $arg }
cli-usage-value-count = { $arg } attend { $expected } valeurs, et non { $given }
cli-usage-no-equals = { $arg } attend sa valeur après « = » (--nom=valeur)
cli-usage-not-utf8 = un argument n’est pas un texte valide (UTF-8)
# Les noms des valeurs des arguments dans l’aide et les erreurs d’utilisation (<CONNEXION>).
cli-value-aem = AEM
cli-value-choice = CHOIX
cli-value-condition = CONDITION
cli-value-days = JOURS
cli-value-connection = CONNEXION
cli-value-data = DONNÉES
cli-value-endpoint = POINT_DE_TERMINAISON
cli-value-file = FICHIER
cli-value-files = FICHIERS
cli-value-paired-connection = CONNEXION_ASSOCIÉE
cli-value-folder = DOSSIER
cli-value-tag = BALISE
cli-value-host = HÔTE
cli-value-method = MÉTHODE
cli-value-mime = MIME
cli-value-name = NOM
cli-value-new-name = NOUVEAU_NOM
cli-value-out = FICHIER_DE_SORTIE
cli-value-path = CHEMIN
cli-value-pattern = MOTIF
cli-value-persisted = REQUÊTE_PERSISTANTE
cli-value-property = PROPRIÉTÉ
cli-value-property-value = PROPRIÉTÉ=VALEUR
cli-value-query = REQUÊTE
cli-value-query-file = FICHIER_DE_REQUÊTE
cli-value-import = IMPORT
cli-value-run = EXÉCUTION
cli-value-sheet = FEUILLE
cli-value-state = ÉTAT
cli-value-url = URL
cli-value-user = UTILISATEUR
cli-value-values = VALEURS
cli-value-variables = VARIABLES
cli-value-title = TITRE
cli-value-lang-title = LANGUE=TITRE

## Résumés d’aide

cli-about = Metadesk en ligne de commande.
cli-about-connections = Importer, lister et gérer les connexions à AEM.
cli-about-connections-import = Importer des fichiers d’identifiants (identifiants de service AEM, jeton de développement local ou identifiants OAuth serveur à serveur de l’Adobe Developer Console). Réimporter des identifiants ayant le même ID client met à jour leur connexion ; si leur IMS, leur secret ou leur type diffèrent de ceux enregistrés, il faut --replace.
cli-arg-connections-import-name = Le nom de la connexion (un seul fichier à la fois).
cli-arg-connections-import-aem = L’URL de l’instance de création AEM, quand le fichier ne l’indique pas ou en indique une autre.
cli-arg-connections-import-choice = Quels identifiants retenir dans un fichier de projet qui en contient plusieurs (leur ID, affiché en cas de refus).
cli-arg-connections-import-production = Marquer la connexion comme production.
cli-arg-connections-import-replace = Remplacer une connexion enregistrée ayant le même ID client, même si l’IMS, le secret ou le type de ce fichier diffèrent.
cli-arg-connections-import-ims = L’IMS d’Adobe auprès duquel des identifiants OAuth Server-to-Server obtiennent leurs jetons (un projet de la Developer Console ne le précise jamais) ; par défaut : celui de la connexion, sinon https://ims-na1.adobelogin.com. Uniquement en https sur *.adobelogin.com (ou cet ordinateur).
cli-arg-connections-import-trust_host = Envoyer les jetons de cette connexion à HÔTE bien qu’il ne soit pas l’un des hôtes AEM d’Adobe (author-p…-e….adobeaemcloud.com), cet ordinateur compris pour des identifiants délivrés par Adobe : seulement pour un hôte de confiance.
cli-arg-connections-set-url-trust_host = Faire confiance à l’hôte de la nouvelle URL bien qu’il ne soit pas l’un des hôtes AEM d’Adobe (cet ordinateur compris pour des identifiants délivrés par Adobe).
cli-about-connections-list = Lister les connexions : nom, type, hôte, état.
cli-arg-connections-list-json = Afficher du JSON (la même vue sans secret que l’application) au lieu d’un tableau.
cli-about-connections-show = Afficher une connexion en détail (les secrets seulement sous forme d’indices).
cli-about-connections-remove = Supprimer une connexion et ses entrées du trousseau.
cli-about-connections-rename = Renommer une connexion.
cli-about-connections-set-url = Modifier l’URL de l’instance de création AEM d’une connexion.
cli-about-connections-trust = Faire confiance, par son nom, à l’hôte AEM d’une connexion qui n’est pas l’un de ceux d’Adobe (cet ordinateur compris pour des identifiants délivrés par Adobe) : jusque-là, ses jetons ne vont nulle part et la connexion n’est pas utilisée.
cli-about-connections-production = Marquer une connexion comme production (on) ou non (off).
cli-about-connections-add-sdk = Ajouter un identifiant du SDK AEM local. Le mot de passe est lu sur la première ligne de l’entrée standard.
cli-arg-connections-add-sdk-url = L’adresse du SDK.
cli-about-connections-pair = Associer une connexion OAuth Server-to-Server à la connexion (identifiants de service, jeton de développement ou identifiant du SDK sur le même AEM) qui trouve ses ressources : les modifications en masse l’utilisent alors sans --paired-with, dans l’application comme ici. --none dissocie.
cli-about-connections-test = Tester une connexion : obtenir (ou réutiliser) un jeton, demander à AEM qui nous sommes et lire la racine de la DAM ; avec --deep, vérifier sans rien modifier ce que cet AEM permet.
cli-arg-connections-test-name = Le nom (ou l’ID) de la connexion, tel que `connections list` l’affiche.
cli-arg-connections-test-json = Afficher le rapport en JSON plutôt qu’en texte.
cli-arg-connections-test-deep = Vérifier aussi, sans rien modifier, chaque chemin que Metadesk utilise sur cet AEM (recherches, écritures par lots, droit d’écriture, vignettes, GraphQL) et ce qu’il fait à la place.
cli-arg-connections-test-folder = Avec --deep : le dossier de la DAM où le droit de modifier les métadonnées est vérifié (par défaut : /content/dam).
cli-arg-connections-test-report = Avec --deep : enregistrer aussi dans FILE un rapport de terrain pour le support : comment cet AEM répond à chaque lecture dont Metadesk dépend (statuts, en-têtes, forme des réponses), sans jeton, ni secret, ni valeur de métadonnée.
cli-about-doctor = Vérifier que le trousseau et les dossiers de l’application sont utilisables.
cli-about-bulk = Modifications de métadonnées en masse : définir, ajouter, retirer, effacer, plusieurs à la fois (edit), chercher et remplacer, dates, casse, espaces ; reprendre, revenir en arrière, réessayer.
cli-about-bulk-set = Remplacer la valeur de la propriété : par des valeurs, ou calculée pour chaque ressource d’après un modèle, le nom du fichier ou une autre propriété.
cli-about-bulk-append = Ajouter des valeurs à une propriété multivaluée (sans doublons).
cli-about-bulk-remove = Retirer des valeurs d’une propriété multivaluée.
cli-about-bulk-clear = Supprimer la propriété.
cli-about-bulk-edit = Plusieurs modifications en une exécution, par exemple `--set dc:rights=WKND --append dc:subject=a --append dc:subject=b --remove dc:subject=old --clear xmpRights:UsageTerms`.
cli-about-bulk-resume = Appliquer une exécution prévisualisée, ou terminer une exécution interrompue ou annulée (--dry-run : montrer ce qui reste, sans rien écrire).
cli-about-bulk-undo = Restaurer chaque valeur d’origine modifiée par une exécution (c’est elle-même une exécution, avec aperçu et rapport).
cli-about-bulk-retry = Refaire les modifications d’une exécution sur les ressources en échec (relues d’abord ; c’est elle-même une exécution, avec aperçu et rapport).
cli-about-runs = L’historique des exécutions en masse et leurs rapports.

cli-about-graphql = Exécuter une requête GraphQL sur une connexion (code de sortie 1 quand la réponse contient des erreurs GraphQL).
cli-about-request = Envoyer une requête à l’hôte AEM d’une connexion (code de sortie 1 pour un statut autre que 2xx).
cli-about-sheet = Feuilles de calcul : exporter les métadonnées d’un dossier, importer une feuille modifiée (aperçu, application).
cli-about-sheet-export = Écrire une feuille (.xlsx ou .csv, selon l’extension de --out) des ressources d’un dossier, une colonne par propriété.
cli-about-sheet-import = Vérifier une feuille modifiée (.xlsx, .xls, .ods, .csv ; celle de Metadesk ou l’export de métadonnées d’AEM), prévisualiser les cellules qui changent et les appliquer.
cli-about-schema = Schémas de métadonnées : les champs d’un dossier (libellés, types, valeurs permises, obligatoires) et les ressources auxquelles manquent des métadonnées obligatoires.
cli-about-schema-show = Afficher le schéma de métadonnées d’un dossier : ses champs par onglet, avec leurs libellés, propriétés, types, valeurs permises, et s’ils sont obligatoires ou en lecture seule.
cli-about-schema-missing = Lister les ressources auxquelles manque une valeur que leur schéma de métadonnées exige, champ par champ, et les valeurs qu’il ne permet pas (code de sortie 1 s’il y en a).
cli-arg-schema-show-folder = Le dossier de la DAM dont afficher le schéma : `/content/dam/…`.
cli-arg-schema-json = Afficher la réponse en JSON.
cli-arg-schema-missing-list_out = Écrire aussi dans ce fichier les chemins des ressources auxquelles manque une valeur obligatoire, un par ligne, pour `bulk … --list FICHIER` ou `sheet export --list FICHIER`.
cli-about-health = L’état de santé d’un dossier ou d’une recherche, en lecture seule : images sans description, ressources expirées ou qui vont expirer, retraits programmés, pages qui utilisent les ressources, modifications depuis la publication et métadonnées obligatoires manquantes.
cli-arg-health-expiring_within = Compter comme bientôt expirées les ressources qui expirent d’ici ce nombre de jours : 30d, 30 jours.
cli-arg-health-json = Afficher le rapport en JSON.
cli-arg-health-csv = Écrire aussi les listes dans ce fichier CSV : une ligne par liste et par ressource.
cli-health-of = État de santé de { $folder }
cli-health-assets = { $count ->
    [one] 1 ressource
   *[other] { $count } ressources
}
cli-health-without-description = Images sans description (sans texte alternatif) : { $count }
cli-health-expired = Expirées : { $count }
cli-health-expiring = Expirent d’ici { $days } jours : { $count }
cli-health-off-time = Retrait programmé : { $count }
cli-health-used = Utilisées sur des pages : { $count }
cli-health-unused = Utilisées nulle part : { $count }
cli-health-references-unknown = Utilisation inconnue (pas « nulle part ») : { $count }
cli-health-changed = Modifiées depuis leur dernière publication : { $count }
cli-health-missing = Métadonnées obligatoires manquantes : { $count }
cli-about-tags = La taxonomie des balises d’AEM : la lister dans votre langue, l’exporter en feuille de calcul, et fusionner, déplacer ou supprimer une balise en corrigeant chaque ressource qui la porte.
cli-about-tags-list = Lister chaque balise de la taxonomie : son titre dans votre langue, son identifiant et sa description (avec --json, ses titres dans chaque langue).
cli-about-tags-export = Enregistrer la taxonomie en feuille de calcul (.xlsx ou .csv) : une ligne par balise avec son identifiant, son titre, une colonne de titre par langue et sa description.
cli-about-tags-merge = Fusionner une balise (et les balises en dessous) dans une autre : chaque ressource sous --under qui la porte reçoit l’autre à la place (aperçu, puis application), puis AEM fusionne la balise elle-même.
cli-about-tags-move = Déplacer ou renommer une balise (et les balises en dessous) : chaque ressource sous --under qui la porte reçoit le nouvel identifiant (aperçu, puis application), puis AEM déplace la balise elle-même.
cli-about-tags-delete = Supprimer une balise (et les balises en dessous) : retirée d’abord de chaque ressource sous --under (aperçu, puis application), puis supprimée dans AEM.
cli-about-tags-import = Appliquer une feuille de taxonomie (telle que `tags export` l’écrit) : créer les balises qu’elle ajoute et modifier titres, traductions et descriptions (avec un aperçu d’abord ; rien n’est jamais supprimé).
cli-about-tags-undo-import = Revenir en arrière sur un import de balises (ou un renommage, comme undo-rename) : restaurer les titres et supprimer les balises qu’il a créées, sauf si elles ont été modifiées ou utilisées depuis.
cli-arg-tags-import-sheet = La feuille : `.xlsx` ou `.csv`, telle que `tags export` l’écrit.
cli-arg-tags-undo-import-id = L’identifiant de l’import, tel que `tags import` l’a affiché.
cli-arg-tags-list-json = Afficher les balises en JSON.
cli-arg-tags-export-out = Le fichier à écrire : `.xlsx` ou `.csv` (remplacé s’il existe).
cli-arg-tags-list-under = Compter, pour chaque balise, les ressources de ce dossier (et de ses sous-dossiers) qui la portent, elle ou une balise en dessous : `/content/dam/…`.
cli-arg-tags-export-under = Ajouter une colonne comptant, pour chaque balise, les ressources de ce dossier (et de ses sous-dossiers) qui la portent, elle ou une balise en dessous.
cli-arg-tags-tag = La balise : `espace:chemin/de/la/balise`.
cli-arg-tags-merge-into = La balise dans laquelle elle est fusionnée (elle doit exister).
cli-arg-tags-move-to = Son nouvel identifiant (aucune balise ne doit l’avoir déjà).
cli-about-tags-rename = Renommer une balise : changer le titre affiché (et ses titres dans d’autres langues), avec un aperçu d’abord ; son identifiant reste, aucune ressource ne change. Retour en arrière avec tags undo-rename EXÉCUTION.
cli-arg-tags-rename-title = Son nouveau titre.
cli-arg-tags-rename-title_in = Un nouveau titre dans une autre langue, par le nom de locale d’AEM : --title-in fr=Surf (à répéter pour chaque langue).
cli-arg-tags-under = Le dossier dont les ressources (et celles de ses sous-dossiers) qui portent la balise sont corrigées : `/content/dam/…`.
cli-about-runs-list = Toutes les exécutions, de la plus récente à la plus ancienne : date, connexion, dossier, modifications, décomptes, durée, statut.
cli-about-runs-show = Le résumé et le rapport d’une exécution ; `--csv FICHIER` exporte chaque ressource avec son résultat.
cli-arg-runs-list-json = Afficher les exécutions en JSON.
cli-arg-runs-show-run = L’identifiant de l’exécution, tel que `runs list` l’affiche.
cli-arg-runs-show-csv = Écrire le rapport en CSV dans ce fichier (`-` pour la sortie standard). Un fichier existant n’est remplacé qu’avec `--force`.
cli-arg-runs-show-force = Avec --csv : remplacer le fichier s’il existe.
cli-arg-runs-show-localized_headers = Avec --csv : des en-têtes de colonnes dans la langue du terminal (pour les personnes) au lieu des clés lisibles par les machines `path,status,reason,… before,… after`.
cli-arg-runs-show-json = Afficher le résumé de l’exécution en JSON.
cli-arg-runs-show-jsonl = Afficher chaque ressource sous la forme d’un objet JSON par ligne : chemin, statut (pour une exécution prévisualisée, `pending` = va changer), raison, et l’avant → après de chaque propriété modifiée.

cli-arg-bulk-property = La propriété de métadonnées, `préfixe:nom` (par exemple dc:rights ; `metadata/dc:rights` fonctionne aussi).
cli-arg-bulk-values = La ou les valeurs ; répétez l’option pour en donner plusieurs.
cli-arg-bulk-connection = Une connexion enregistrée (nom ou id ; voir `metadesk-cli connections list`).
cli-arg-bulk-aem = L’URL de l’instance d’auteur AEM, avec `--file` (la forme des scripts d’exemple d’Adobe).
cli-arg-bulk-file = Un fichier d’identifiants (identifiants de service, jeton de développement local, OAuth S2S), utilisé pour cette exécution seulement.
cli-arg-bulk-trust_host = Avec --aem : envoyer les jetons du fichier à HÔTE bien qu’il ne soit pas l’un des hôtes AEM d’Adobe (author-p…-e….adobeaemcloud.com), cet ordinateur compris pour des identifiants délivrés par Adobe : seulement pour un hôte de confiance.
cli-arg-bulk-paired_with = OAuth S2S seulement (avec --connection ou --file) : une connexion enregistrée sur la même instance AEM qui peut utiliser l’API classique (identifiants de service, jeton de développement ou connexion au SDK), utilisée pour lister les dossiers et chercher ce que la recherche OpenAPI d’AEM ne sait pas demander (sans elle, les ressources d’un dossier sont trouvées avec cette recherche là où AEM y répond).
cli-arg-bulk-folder = Le dossier de la DAM : `/content/dam/…` (la forme de l’exemple sans `/content/dam` fonctionne aussi).
cli-arg-bulk-under = Rechercher sous ce dossier (avec --where) ; identique à --folder.
cli-arg-bulk-conditions = Seulement les ressources qui remplissent cette condition ; répétez l’option pour plusieurs conditions, par exemple --where 'dc:rights est vide' --where 'balise est wknd:activity/surfing'. Formes : PROP est vide | n’est pas vide | est VALEUR | n’est pas VALEUR | contient TEXTE | ne contient pas TEXTE, balise est TAG, type est MIME (image/* pour une famille), modifié|créé avant|après AAAA-MM-JJ, nom correspond à MOTIF. Les mots anglais (is empty, contains, tag is, modified after…) sont toujours acceptés.
cli-arg-bulk-any = Les ressources qui remplissent l’une des conditions --where (par défaut : toutes).
cli-arg-bulk-list = Les ressources d’une liste : chemins de la DAM, liens Assets ou identifiants urn:aaid:aem:, un par ligne ou un CSV d’une colonne. Les entrées qui ne désignent aucune ressource sont signalées, les autres modifiées.
cli-arg-bulk-scope = Une portée enregistrée pour la connexion (dans Modification en masse, dans la fenêtre).
cli-arg-bulk-recursive = Inclure les ressources des sous-dossiers.
cli-arg-bulk-name = Seulement les ressources dont le nom correspond (`*` et `?`).
cli-arg-bulk-formats = Seulement les ressources dont le dc:format correspond (par exemple `image/*`) ; peut être répétée.
cli-arg-bulk-dry_run = Aperçu seulement : montrer ce qui changerait, sans rien écrire.
cli-arg-bulk-yes = Appliquer sans demander.
cli-arg-bulk-confirm_production = Sur une connexion marquée comme production : son nom, pour appliquer sans le saisir à une invite (nécessaire avec --yes ou sans terminal).
cli-arg-bulk-empty_required = Appliquer même là où les modifications laissent vides des champs que le formulaire de métadonnées exige (l’aperçu les nomme).
cli-bulk-emptied-required = Attention : { $label } ({ $property }) est exigé par le formulaire de métadonnées, et ces modifications le laissent vide sur { $count ->
    [one] { $count } ressource
   *[other] { $count } ressources
}. Ajoutez --empty-required pour les appliquer quand même.
cli-arg-bulk-json = Afficher le résultat en JSON (sans barre de progression).
cli-arg-bulk-run = L’id de l’exécution (voir `metadesk-cli runs list`).
cli-arg-bulk-edit-set = Remplacer la valeur d’une propriété : PROPRIÉTÉ=VALEUR (répétez avec la même propriété pour une propriété à plusieurs valeurs).
cli-arg-bulk-edit-append = Ajouter une valeur à une propriété à plusieurs valeurs (sans doublon) : PROPRIÉTÉ=VALEUR, peut être répétée.
cli-arg-bulk-edit-remove = Retirer une valeur d’une propriété : PROPRIÉTÉ=VALEUR, peut être répétée.
cli-arg-bulk-edit-clear = Supprimer une propriété : PROPRIÉTÉ, peut être répétée.
cli-arg-graphql-connection = La connexion enregistrée (nom ou id).
cli-arg-graphql-endpoint = La configuration dont le point de terminaison exécute la requête.
cli-arg-graphql-query_file = Un fichier contenant la requête.
cli-arg-graphql-query = Le texte de la requête.
cli-arg-graphql-persisted = Une requête persistante, sous la forme CONFIG/NOM.
cli-arg-graphql-variables = Les variables, sous la forme d’un objet JSON.
cli-arg-graphql-table = Afficher la première liste d’éléments sous forme de tableau.
cli-arg-graphql-json = Afficher la réponse en JSON (par défaut).
cli-arg-graphql-csv = Écrire la première liste d’éléments en CSV dans FICHIER.
cli-arg-request-connection = La connexion enregistrée (nom ou id).
cli-arg-request-method = GET, HEAD, POST, PUT, PATCH ou DELETE.
cli-arg-request-path = Le chemin dans AEM, avec sa requête (par exemple /content/dam.1.json).
cli-arg-request-data = Le corps : TEXTE, ou @FICHIER pour le lire dans un fichier.
cli-arg-request-form = Un champ de formulaire, sous la forme C=V (peut être répété) : le corps est envoyé encodé pour URL (application/x-www-form-urlencoded), comme l’attend le servlet Sling POST d’AEM. Pas avec --data.
cli-arg-request-headers = Un en-tête, sous la forme « Nom: valeur » (peut être répété).
cli-arg-request-out = Écrire le corps dans FICHIER au lieu de la sortie standard.
cli-arg-request-confirm_production = Le nom de la connexion, obligatoire pour écrire (tout sauf GET/HEAD) sur une connexion de production.
cli-arg-sheet-export-properties = Une propriété à exporter, `préfixe:nom` (par exemple dc:title) ; répétez l’option pour plusieurs.
cli-arg-sheet-export-out = Le fichier à écrire : `.xlsx` ou `.csv`.
cli-arg-sheet-import-sheet = La feuille de calcul à importer : .xlsx, .xlsm, .xls, .ods ou .csv.
cli-arg-sheet-import-skip_invalid_rows = Laisser de côté les lignes en erreur et prévisualiser les autres (les erreurs dans les en-têtes ou le fichier arrêtent toujours l’import).

## bulk et runs : sortie pour les personnes

cli-run-status = { $status ->
    [preview-incomplete] aperçu incomplet
    [previewed] prévisualisée
    [interrupted] interrompue
    [cancelled] annulée
    [stopped] arrêtée
   *[completed] terminée
}
cli-summary-heading = Exécution { $run } ({ $status }) sur { $connection } — { $folder }
cli-summary-edits = {"  "}modifications : { $edits }
cli-summary-counts = {"  "}{ $assets ->
    [one] { $assets } ressource
   *[other] { $assets } ressources
} : { $changed } modifiées, { $unchanged } inchangées, { $skipped } ignorées, { $failed } en échec, { $pending } restant à traiter
cli-summary-duration = {"  "}durée : { $seconds } s
cli-summary-stopped = {"  "}arrêtée parce que : { $reason }
# Which search found a run's assets (issue 15)
cli-summary-found = {"  "}ressources : { $how }
cli-summary-by-folder = {"  "}Par sous-dossier :
cli-summary-folder = {"    "}{ $folder } : { $changed } modifiées, { $unchanged } inchangées, { $skipped } ignorées, { $failed } en échec, { $pending } restant à traiter
cli-summary-folder-itself = (le dossier lui-même)
cli-summary-more-folders = {"    "}et { $count ->
    [one] un autre sous-dossier
   *[other] { $count } autres sous-dossiers
}
cli-progress-preview = aperçu
cli-progress-apply = application
cli-progress-counts = { $done }/{ $total } modifiées { $changed } inchangées { $unchanged } ignorées { $skipped } en échec { $failed } · { $rate }/s · { $concurrency } en parallèle
cli-progress-eta = {" "}fin estimée dans { $seconds } s
cli-progress-paused = {" "}EN PAUSE
cli-bulk-scope = Portée : { $scope }
cli-bulk-stopping = Arrêt : les écritures en cours se terminent… (Ctrl-C de nouveau pour quitter tout de suite)
cli-bulk-more-changes = {"  "}… et { $count ->
    [one] { $count } autre
   *[other] { $count } autres
} (runs show { $run } --csv FICHIER)
cli-bulk-failure-group = {"  "}{ $count ->
    [one] { $count } ressource en échec
   *[other] { $count } ressources en échec
} : { $reason }. Dans { $folders }
cli-bulk-more-folders = (et { $count ->
    [one] { $count } autre dossier)
   *[other] { $count } autres dossiers)
}
cli-bulk-skipped-entry = {"  "}ignorée { $path } : { $reason }
cli-bulk-more-skipped = {"  "}… et { $count ->
    [one] { $count } autre ignorée
   *[other] { $count } autres ignorées
} (runs show { $run } --csv FICHIER, ou --json)
cli-bulk-report-hint = {"  "}rapport : metadesk-cli runs show { $run } (--csv FICHIER pour chaque ressource)
cli-bulk-finish-hint = {"  "}pour la terminer : metadesk-cli bulk resume { $run }
cli-bulk-preview-cancelled = L’aperçu a été annulé ; rien n’a été écrit.
cli-bulk-nothing-to-change = Rien à modifier.
cli-bulk-dry-run = Simulation : rien n’a été écrit. L’avant → après de chaque ressource : metadesk-cli runs show { $run } --jsonl (ou --csv FICHIER). Pour appliquer exactement ceci : metadesk-cli bulk resume { $run }
cli-bulk-dry-run-resume = Simulation : rien n’a été écrit.
cli-bulk-not-applied = Non appliquée. Pour l’appliquer plus tard : metadesk-cli bulk resume { $run }
cli-runs-none = Aucune exécution pour l’instant.
cli-runs-counts = { $changed } modifiées, { $unchanged } inchangées, { $skipped } ignorées, { $failed } en échec, { $pending } à traiter
cli-runs-counts-rows = { $done } faites, { $left } laissées telles quelles, { $failed } en échec, { $pending } à faire
cli-runs-undone-by = , retour en arrière par { $run }
cli-runs-redone-by = , rétablie par { $run }
cli-runs-duration = , { $seconds } s
cli-runs-problem = {"  "}{ $status ->
    [skipped] ignorée
    [failed] échec
    [pending] en attente
    [changed] modifiée
   *[unchanged] inchangée
} { $path } : { $reason }
cli-runs-failed-asset = {"  "}échec { $path }
cli-runs-report-written = Rapport écrit dans { $file }.
cli-runs-report-exists = erreur : { $file } existe déjà ; choisissez un autre nom de fichier, ou ajoutez --force pour le remplacer.

# Demander avant d’écrire (ticket 17 : les questions dans la langue de l’utilisateur)
cli-confirm-change = Modifier { $count ->
    [one] { $count } ressource
   *[other] { $count } ressources
} ?
cli-yes-no-choices = [o/N]
# Ce qui vaut oui en plus de y et yes (acceptés dans toutes les langues), séparé par des virgules.
cli-yes-answers = o, oui
cli-not-applying-without-confirmation = Rien n’est appliqué sans confirmation : ajoutez --yes (ou --dry-run pour seulement prévisualiser).
cli-which-folder = Indiquez le dossier : --folder ou --under.
cli-sheet-out-format = { $file } doit se terminer par .xlsx ou .csv : c’est le format écrit.
cli-edit-no-value = { $flag } { $raw } n’a pas de valeur : écrivez-la sous la forme PROPRIÉTÉ=VALEUR, par exemple { $flag } dc:rights=WKND.
cli-edit-clear-takes-name = --clear { $raw } : --clear ne prend qu’un nom de propriété (il supprime la propriété), par exemple --clear xmpRights:UsageTerms.
cli-edit-nothing = Indiquez quoi modifier : --set, --append ou --remove PROPRIÉTÉ=VALEUR, ou --clear PROPRIÉTÉ.
cli-production-prompt = « { $name } » est marquée comme production. Pour modifier { $count ->
    [one] { $count } ressource
   *[other] { $count } ressources
}, saisissez son nom :
cli-production-wrong-name = --confirm-production « { $typed } » n’est pas le nom de cette connexion. { $refusal }
cli-production-needs-flag = { $refusal } Sans terminal (ou avec --yes), indiquez-le avec --confirm-production « { $name } ».

## sheet : sortie pour les personnes (ticket 17)
cli-sheet-wrote = { $count ->
    [one] { $count } ressource écrite
   *[other] { $count } ressources écrites
} dans { $file }.
cli-sheet-folder-unlisted = avertissement : le dossier { $folder } n’a pas pu être listé ; ses ressources ne sont pas dans la feuille.
cli-sheet-unread = avertissement : absente de la feuille (illisible) : { $reason }
cli-sheet-issue = { $severity ->
    [error] erreur
   *[warning] avertissement
} : { $message }
cli-sheet-has-errors = { $file } contient { $count ->
    [one] { $count } erreur
   *[other] { $count } erreurs
} ; rien n’a été écrit. Corrigez-les, ou ajoutez --skip-invalid-rows pour laisser ces lignes de côté.
cli-sheet-rows-left-out = Laissées de côté (erreurs) : { $count ->
    [one] ligne
   *[other] lignes
} { $rows }.

## graphql et request : sortie pour les personnes

cli-console-persisted-form = --persisted « { $given } » doit être de la forme CONFIG/NOM, par exemple wknd/adventures-all.
cli-console-no-query = Indiquez la requête avec --query, --query-file ou --persisted.
cli-console-header-form = --header « { $given } » doit être de la forme « Nom: valeur ».
cli-console-form-form = --form « { $given } » doit être de la forme NOM=VALEUR, par exemple --form ./dc:title=Summer.

cli-graphql-error-at = Erreur GraphQL ligne { $line }, colonne { $column } : { $message }
cli-graphql-error = Erreur GraphQL : { $message }
cli-graphql-no-list = La réponse ne contient aucune liste d’éléments ; elle est affichée en JSON.
cli-graphql-no-table = La réponse ne contient aucune liste d’éléments : il n’y a donc pas de tableau à écrire en CSV ; utilisez --json.
cli-graphql-rows = { $count ->
    [one] { $count } ligne
   *[other] { $count } lignes
}
cli-graphql-rows-written = { $count ->
    [one] { $count } ligne écrite dans { $file }
   *[other] { $count } lignes écrites dans { $file }
}
cli-request-status = { $status } { $outcome ->
    [ok] OK
   *[failed] échec
} ({ $millis } ms, { $cut ->
    [yes] { $size } octets, tronqué
   *[no] { $size } octets
})
cli-request-binary = Le corps est binaire ; utilisez --out FICHIER pour le conserver.

## connections

kind-service-credentials = identifiants de service AEM
kind-local-dev-token = jeton de développement local AEM
kind-oauth-s2s = identifiants OAuth serveur à serveur
kind-local-sdk = SDK AEM local
cli-name-one-file = --name ne s’utilise qu’avec un seul fichier à la fois
cli-removed = « { $name } » et ses entrées du trousseau ont été supprimés
cli-renamed = renommée en « { $name } »
cli-host-trusted = « { $name } » peut désormais envoyer ses jetons à { $host }
cli-list-untrusted-host = { $host } (pas d’Adobe, non approuvé : pas utilisé)
cli-url-set = « { $name } » utilise désormais { $url }
cli-paired-set = « { $name } » est associée à « { $paired } », qui trouve ses ressources
cli-paired-unset = « { $name } » n’est plus associée à une connexion qui trouve ses ressources
cli-production-on = « { $name } » est marquée comme production
cli-production-off = « { $name } » n’est plus marquée comme production
cli-import-imported = importé { $file } : « { $name } » ({ $kind }, { $host })
cli-import-updated = mis à jour { $file } : « { $name } » ({ $kind }, { $host })
cli-import-note = {"  "}remarque : { $note }
cli-note-paired-with-unused = remarque : --paired-with ne sert qu’aux connexions OAuth Server-to-Server ; « { $name } » liste les dossiers elle-même.
cli-import-aem-user = {"  "}utilisateur AEM à qui accorder les droits : { $email }
cli-refused = refusé { $file } : { $message }
cli-refused-hint-aem = refusé { $file } : { $message } Utilisez --aem URL.
cli-refused-hint-replace = refusé { $file } : { $message } Ajoutez --replace pour la remplacer.
cli-list-empty = Aucune connexion pour l’instant. Importez-en une avec : metadesk-cli connections import FICHIER
cli-list-production = { $name } [production]
cli-list-name = NOM
cli-list-kind = TYPE
cli-list-host = HÔTE
cli-list-status = ÉTAT
cli-show-row = { $label } : { $value }
cli-show-name = Nom
cli-show-kind = Type
cli-show-aem = AEM
cli-show-status = État
cli-show-production = Production
cli-show-ims = IMS
cli-show-client-id = ID client
cli-show-aem-user = Utilisateur AEM à qui accorder les droits
cli-show-acts-as = Agit en tant que
cli-show-org = Organisation
cli-show-certificate-expires = Expiration du certificat
cli-show-token-expires = Expiration du jeton
cli-show-scopes = Portées
cli-show-secrets = Secrets
cli-show-id = ID
# ticket 17 (les connexions dans la langue de l’utilisateur) : la santé du jeton dans `connections show`
cli-show-access = Accès
cli-show-advice = À faire
cli-password-unreadable = impossible de lire le mot de passe : { $detail }
cli-sdk-added = ajouté « { $name } » ({ $url })
cli-sdk-updated = mis à jour « { $name } » ({ $url })

## connections test

cli-test-heading = Test de « { $name } » ({ $kind }) sur { $host }
cli-test-step = {"  "}[{ $mark }] { $label } : { $detail }
cli-test-mark-ok = ok{"  "}
cli-test-mark-warn = avert.
cli-test-mark-fail = ÉCHEC
cli-test-mark-skip = ignoré
cli-test-acting-as = Agit en tant que : { $user }
cli-test-token-until = Jeton valide jusqu’au : { $at }
cli-test-certificate = Certificat : { $message }
cli-test-dam-readable = DAM lisible : { $answer }
cli-test-result-warned = Résultat : la connexion fonctionne (avec un avertissement, voir ci-dessus).
cli-test-result-ok = Résultat : la connexion fonctionne.
cli-test-result-failed = Résultat : la connexion ne fonctionne pas encore (voir ci-dessus).
cli-field-report-heading = Rapport de terrain : { $reads } lectures, { $differing } sans la réponse attendue par Metadesk.
cli-field-report-read = {"  "}[{ $mark }] { $method } { $path } : { $answer }
cli-field-report-answer = { $status } en { $millis } ms
cli-field-report-unsent = non envoyée ({ $code })
cli-field-report-mark-other = info
cli-field-report-difference = {"         "}{ $text }
cli-field-report-saved = Le rapport est dans { $file }. Il ne contient ni jeton, ni secret, ni valeur de métadonnée : vous pouvez l’envoyer tel quel au support.
cli-allows-heading = Ce que cet AEM permet :
cli-can-do-heading = Ce que cette connexion permet :
cli-can-do = {"  "}[{ $mark }] { $text }
cli-allows-mark-ok = ok{"  "}
cli-allows-mark-refused = non{" "}
cli-allows-mark-unavailable = indisp.
cli-allows-instead = {"         "}À la place : { $instead }

## doctor

cli-doctor-line = { $mark } { $label } : { $detail }

# Modifications calculées (issue 30)
cli-about-bulk-replace = Chercher et remplacer dans chaque valeur de la propriété : texte simple ou expression régulière.
cli-about-bulk-date = Décaler ou fixer les dates de la propriété, en gardant le fuseau horaire et la forme de chaque valeur.
cli-about-bulk-case = Changer la casse de chaque valeur de la propriété.
cli-about-bulk-trim = Retirer les espaces aux extrémités de chaque valeur de la propriété (et réduire celles de l’intérieur).
cli-arg-bulk-only_where = Seulement les ressources où la propriété est vide (combler les manques : empty), ou seulement là où elle ne l’est pas (not-empty).
cli-arg-bulk-set-template = Remplir d’après un modèle : {"{"}Titre{"}"} (le libellé d’un champ, tel que le formulaire l’affiche) ou {"{"}dc:title{"}"} est la valeur d’une propriété, {"{"}name{"}"} le nom du fichier sans son extension, {"{"}filename{"}"}, {"{"}extension{"}"}, {"{"}folder{"}"} (le nom du dossier), {"{"}path{"}"} ; {"{{"} et {"}}"} écrivent une accolade. Une ressource sans une valeur nommée est ignorée, avec la raison.
cli-arg-bulk-set-from_name = Avec --template : une expression régulière appliquée au nom du fichier, dont le modèle nomme les groupes ({"{"}sku{"}"} pour (?<sku>…), {"{"}1{"}"} pour le premier groupe). Une ressource dont le nom ne correspond pas est ignorée, avec la raison.
cli-arg-bulk-set-whole_path = Avec --from-name : appliquer le motif au chemin entier plutôt qu’au nom du fichier.
cli-arg-bulk-set-copy_from = Copier la valeur d’une autre propriété (une valeur ou une liste, telle quelle).
cli-arg-bulk-replace-find = Le texte à chercher (une expression régulière avec --regex).
cli-arg-bulk-replace-replace = Ce qui le remplace (vide pour supprimer ce qui est trouvé) ; avec --regex, $1 ou ${"{"}name{"}"} remettent ce qu’un groupe a trouvé.
cli-arg-bulk-replace-regex = --find est une expression régulière.
cli-arg-bulk-replace-ignore_case = Trouver WKND, Wknd et wknd de la même façon.
cli-arg-bulk-replace-whole_word = Seulement là où --find est un mot entier (pas à l’intérieur d’un mot plus long).
cli-arg-bulk-date-shift = Décaler chaque date d’une durée : 7d, -1w, +2h30m (w semaines, d jours, h heures, m minutes, s secondes), dans le fuseau horaire de la valeur.
cli-arg-bulk-date-to = Fixer chaque date : un jour (2025-01-31 : son heure et son fuseau gardés), un jour et une heure (2025-01-31T09:00 : son fuseau gardé) ou un instant avec son fuseau (2025-01-31T09:00:00Z).
cli-arg-bulk-case-to = La casse : upper (majuscules), lower (minuscules), title (une majuscule à chaque mot) ou sentence (au premier mot).
cli-arg-bulk-trim-collapse = Réduire aussi chaque suite d’espaces intérieures à une seule.
cli-value-case = CASSE
cli-value-date = DATE
cli-value-duration = DURÉE
cli-value-template = MODÈLE
cli-value-text = TEXTE
cli-value-where = OÙ
cli-examples-bulk-replace = Exemples :
  metadesk-cli bulk replace --connection wknd --folder /content/dam/wknd --property dc:title --find 'WKND (\w+)' --replace 'Wknd $1' --regex
  metadesk-cli bulk replace --connection wknd --folder /content/dam/wknd --property dc:subject --find surf --replace surfing --whole-word --ignore-case --dry-run
cli-examples-bulk-set = Exemples :
  metadesk-cli bulk set --connection wknd --folder /content/dam/wknd --property dc:title --template '{"{"}name{"}"} — {"{"}folder{"}"}' --only-where empty
  metadesk-cli bulk set --connection wknd --folder /content/dam/wknd --property dc:identifier --from-name '^(?<sku>\d+)_' --template 'SKU-{"{"}sku{"}"}'
  metadesk-cli bulk set --connection wknd --folder /content/dam/wknd --property dc:description --copy-from dc:title
cli-examples-bulk-date = Exemples :
  metadesk-cli bulk date --connection wknd --folder /content/dam/wknd --property prism:expirationDate --shift 7d
  metadesk-cli bulk date --connection wknd --folder /content/dam/wknd --property prism:expirationDate --to 2025-12-31
cli-examples-bulk-remove = Exemple (retirer un tag, par son identifiant) :
  metadesk-cli bulk remove --connection wknd --folder /content/dam/wknd --property cq:tags --value wknd:activity/surfing
## schema : sortie pour les personnes (ticket 31)
cli-schema-warning = avertissement : { $message }
cli-schema-form-mapped = Formulaire { $form } (choisi par { $folder })
cli-schema-form-default = Formulaire { $form } (celui par défaut : aucun dossier au-dessus n’en nomme un)
cli-schema-mime = Seulement pour { $mime } :
cli-schema-field = { $label } ({ $property }) : { $kind }
cli-tags-line = { $title } ({ $id })
cli-tags-description = {" "}— { $description }
cli-tags-none = La taxonomie ne contient aucune balise.
cli-tags-count = {" "}· { $count ->
    [one] { $count } ressource
   *[other] { $count } ressources
}
cli-tags-folder-unlisted = avertissement : le dossier { $folder } n’a pas pu être listé ; ses ressources ne sont pas comptées.
cli-tags-unread = avertissement : non comptée (illisible) : { $reason }
cli-tags-exported = { $tags } balises enregistrées dans { $path }.
cli-tags-then = Après l’application, AEM modifierait ensuite la balise { $id } elle-même.
cli-tags-merged = { $id } fusionnée dans { $target }.
cli-tags-moved = { $id } déplacée vers { $target }.
cli-tags-deleted = { $id } supprimée.
cli-tags-step-will-keep = La balise { $id } sera conservée : { $count ->
    [one] { $count } ressource qui peut la porter est laissée
   *[other] { $count } ressources qui peuvent la porter sont laissées
} de côté (voir l’aperçu), et AEM ne modifie une balise qu’une fois réécrites toutes les ressources qui la portent.
cli-tags-step-kept = La balise { $id } a été conservée : { $count ->
    [one] { $count } ressource qui peut la porter n’a pas été réécrite
   *[other] { $count } ressources qui peuvent la porter n’ont pas été réécrites
} (laissées de côté, non lues ou en échec : metadesk-cli runs show { $run }). Corrigez-les, puis relancez cette commande.
cli-tags-step-refused = Les ressources sont à jour, mais la balise { $id } n’a pas été modifiée : { $reason } Réessayez avec : metadesk-cli bulk resume { $run }
cli-tags-step-in-doubt = La modification de la balise { $id } a été interrompue ; terminez-la avec : metadesk-cli bulk resume { $run }
cli-tags-step-waiting = La balise { $id } est modifiée une fois toutes les ressources traitées ; terminez l’exécution avec : metadesk-cli bulk resume { $run }
cli-tags-confirm-at-once = Aucune ressource du dossier ne porte { $id } : modifier maintenant la balise elle-même dans AEM ?
cli-production-prompt-tag = « { $name } » est marquée comme production. Pour modifier la balise { $id } dans sa taxonomie, saisissez son nom :
cli-tags-undo-keeps-merge = Les ressources portent de nouveau { $id }. AEM garde { $id } comme pointeur masqué vers { $target } : le retour en arrière laisse la fusion elle-même, et les pages affichent toujours { $target } à sa place.
cli-tags-undo-keeps-move = Les ressources portent de nouveau { $id }. AEM garde { $id } comme pointeur masqué vers { $target } : le retour en arrière laisse le déplacement lui-même. Pour remettre la balise à sa place, prévisualisez-le comme une modification à part : metadesk-cli tags move { $target } --to { $id } --under DOSSIER
cli-tags-undo-keeps-delete = Les ressources portent de nouveau { $id }, mais AEM a supprimé cette balise : elles n’en affichent aucun titre tant qu’une balise { $id } n’existe pas de nouveau (tags import peut la créer).
cli-tags-import-preview = { $file } : { $created ->
    [one] { $created } balise à créer
   *[other] { $created } balises à créer
}, { $changed ->
    [one] { $changed } valeur à modifier
   *[other] { $changed } valeurs à modifier
}.
cli-tags-import-create = {"  "}nouvelle balise { $id }, intitulée { $title }
cli-tags-import-create-value = {"    "}{ $what } : { $value }
cli-tags-import-change = {"  "}{ $what } de { $id } : { $before } → { $after }
cli-tags-import-what-title = titre
cli-tags-import-what-title-in = titre ({ $lang })
cli-tags-import-what-description = description
cli-tags-import-quoted = « { $text } »
cli-tags-import-no-value = (aucun)
cli-tags-import-nothing = { $file } ne modifie rien dans les balises d’AEM : chacune de ses valeurs y est déjà.
cli-tags-import-dry-run = Simulation : rien n’a été écrit. Pour appliquer exactement ceci : metadesk-cli bulk resume { $run }
cli-tags-import-confirm = Apporter { $count ->
    [one] cette modification
   *[other] ces { $count } modifications
} aux balises d’AEM ?
cli-tags-import-not-applied = Rien n’a été écrit.
cli-tags-import-done = { $created ->
    [one] { $created } balise créée
   *[other] { $created } balises créées
} et { $changed ->
    [one] { $changed } valeur modifiée
   *[other] { $changed } valeurs modifiées
} (import { $id }). Pour revenir en arrière : metadesk-cli tags undo-import { $id }
cli-tags-import-resume = Pour finir l’import une fois la cause réglée : metadesk-cli bulk resume { $id }
cli-tags-import-changed-since = Laissé tel quel, car modifié dans AEM depuis l’aperçu : { $what } de { $id } (l’aperçu montrait { $shown }, AEM contient maintenant { $now }).
cli-tags-rename-preview = Renommage de la balise { $from } en { $to } ({ $id }) : son identifiant reste le même, aucune ressource ne change.
cli-tags-rename-confirm = Renommer la balise { $from } en { $to } ?
cli-tags-renamed = { $id } renommée. Pour revenir en arrière : metadesk-cli tags undo-rename { $run }
cli-tags-import-exists-now = Non créée : { $id } a été créée dans AEM depuis l’aperçu.
cli-tags-undo-dry-run = Simulation : rien n’a été écrit ; sans --dry-run, les valeurs que l’import { $id } a modifiées sont restaurées et les balises qu’il a créées supprimées, sauf celles modifiées ou utilisées depuis.
cli-tags-undo-confirm = Revenir en arrière sur l’import de balises { $id } ?
cli-tags-undo-rename-confirm = Revenir en arrière sur le renommage de { $tag } ({ $from } → { $to }) et remettre ses titres ?
cli-tags-undo-planned = Le retour en arrière sur { $id } restaurerait { $values ->
    [one] { $values } valeur
   *[other] { $values } valeurs
} et supprimerait { $tags ->
    [one] { $tags } balise créée par l’import
   *[other] { $tags } balises créées par l’import
}, chacune seulement si AEM la garde telle que l’import l’a laissée.
cli-tags-undone = Retour en arrière sur { $id } fait : { $restored ->
    [one] { $restored } valeur restaurée
   *[other] { $restored } valeurs restaurées
}, { $removed ->
    [one] { $removed } balise supprimée
   *[other] { $removed } balises supprimées
}.
cli-tags-undo-unfinished = Le retour en arrière sur { $id } n’est pas allé au bout : { $restored ->
    [one] { $restored } valeur restaurée
   *[other] { $restored } valeurs restaurées
}, { $removed ->
    [one] { $removed } balise supprimée
   *[other] { $removed } balises supprimées
} jusqu’ici. Terminez-le avec : metadesk-cli bulk resume { $run }
cli-tags-undo-kept-value = { $known ->
    [yes] Conservé, car modifié dans AEM après que Metadesk y a écrit { $wrote } : { $what } de { $tag } (maintenant { $now }).
   *[no] Conservé, car modifié dans AEM après l’écriture de Metadesk : { $what } de { $tag } (maintenant { $now }).
}
cli-tags-undo-kept-changed = Conservée : { $tag } a été modifiée dans AEM après l’écriture de Metadesk.
cli-tags-undo-kept-children = Conservée : { $tag } a en dessous d’elle des balises que l’import n’a pas créées.
cli-tags-undo-kept-assets = Conservée : des ressources portent { $tag } ; retirez-la-leur d’abord (tags delete fait les deux).
cli-tags-undo-kept-unchecked = Conservée : { $tag }, car tout le contenu qui peut la porter n’a pas pu être lu ({ $detail }).
cli-tags-undo-not-done = Pas encore fait : { $tag } ({ $detail }). Reprendre le retour en arrière (metadesk-cli bulk resume) le tente à nouveau.
cli-schema-kind = { $kind ->
    [text] texte
    [multi-text] plusieurs textes
    [number] nombre
    [date] date
    [dropdown] liste déroulante
    [tags] balises
    [checkbox] case à cocher
   *[other] non vérifié par Metadesk
}
cli-schema-required = obligatoire
cli-schema-read-only = lecture seule
cli-schema-options = ; valeurs permises : { $options }
cli-schema-not-covered = Non pris en compte : les règles en cascade (champs obligatoires, affichés ou proposés sous conditions), les options tenues dans un fichier JSON et les formulaires de la vue Assets.
cli-schema-checked = { $count ->
    [one] { $count } ressource vérifiée
   *[other] { $count } ressources vérifiées
} dans { $folder }.
cli-schema-lacking = { $count ->
    [one] { $count } ressource sans
   *[other] { $count } ressources sans
} { $label } ({ $property }, obligatoire) :
cli-schema-off = { $count ->
    [one] { $count } valeur que le schéma ne permet pas :
   *[other] { $count } valeurs que le schéma ne permet pas :
}
cli-schema-all-filled = Chaque champ obligatoire est rempli et chaque valeur est permise.
cli-schema-folder-unlisted = avertissement : le dossier { $folder } n’a pas pu être listé ; ses ressources ne sont pas dans le rapport.
cli-schema-unread = avertissement : non vérifiée (illisible) : { $reason }

## Publication (issue 39)
cli-about-publish = Publier les ressources d’une portée (un dossier, une recherche ou une liste) sur le site web, ou sur le niveau d’aperçu d’AEM avec --agent preview.
cli-about-unpublish = Dépublier les ressources d’une portée du site web (ou du niveau d’aperçu d’AEM).
cli-arg-publish-agent = Où publier : publish (le site web) ou preview (le niveau d’aperçu d’AEM).
cli-arg-unpublish-agent = D’où dépublier : publish (le site web) ou preview (le niveau d’aperçu d’AEM).
cli-arg-bulk-republish = Après l’application, republier les ressources modifiées qui étaient déjà publiées (jamais une qui ne l’était pas), pour que le site web montre les nouvelles valeurs.
cli-value-agent = NIVEAU
cli-summary-publication = {"  "}publication : { $states }
# Les ressources d’une modification selon leur état sur le site web à l’aperçu (ticket 53)
cli-summary-on-website = {"  "}sur le site web : { $states }
# Le résultat d’une republication, dans les mots de la fenêtre (ticket 53)
cli-summary-republished = {"  "}publiées : { $published } · absentes du site web, laissées telles quelles : { $left }
cli-republish-start = Republication de ce que l’exécution { $run } a modifié (seulement les ressources déjà publiées) :
cli-about-bulk-republish = Republier ce qu’une exécution appliquée a modifié, sur les ressources qui étaient publiées avant elle (jamais une qui ne l’était pas ; c’est elle-même une exécution, avec aperçu et rapport).
cli-arg-bulk-republish-agent = Où republier : publish (le site web) ou preview (le niveau d’aperçu d’AEM).
cli-examples-bulk-republish = Exemples :
  metadesk-cli bulk republish 20260131-091500-ab12 --dry-run
  metadesk-cli bulk republish 20260131-091500-ab12 --agent preview --yes
cli-examples-publish = Exemples :
  metadesk-cli publish --connection wknd --folder /content/dam/wknd-shared/en --recursive --dry-run
  metadesk-cli publish --connection wknd --list changed.txt --yes
  metadesk-cli publish --connection wknd --folder /content/dam/wknd-shared/en --agent preview
cli-examples-unpublish = Exemples :
  metadesk-cli unpublish --connection wknd --list withdrawn.txt --dry-run

cli-arg-fragments-connection = Une connexion enregistrée (nom ou id ; voir `metadesk-cli connections list`).
cli-arg-fragments-aem = L’URL de l’instance d’auteur AEM, avec `--file` (la forme des scripts d’exemple d’Adobe).
cli-arg-fragments-file = Un fichier d’identifiants (identifiants de service, jeton de développement local, OAuth S2S), utilisé pour cette exécution seulement.
cli-arg-fragments-trust_host = Avec --aem : envoyer les jetons du fichier à HÔTE bien qu’il ne soit pas l’un des hôtes AEM d’Adobe (author-p…-e….adobeaemcloud.com), cet ordinateur compris pour des identifiants délivrés par Adobe : seulement pour un hôte de confiance.
cli-arg-fragments-paired_with = OAuth S2S seulement (avec --connection ou --file) : une connexion enregistrée sur la même instance AEM qui peut utiliser l’API classique (identifiants de service, jeton de développement ou connexion au SDK), utilisée pour lister les dossiers et chercher ce que la recherche OpenAPI d’AEM ne sait pas demander (sans elle, les ressources d’un dossier sont trouvées avec cette recherche là où AEM y répond).
cli-arg-fragments-dry_run = Aperçu seulement : montrer ce qui changerait, sans rien écrire.
cli-arg-fragments-yes = Appliquer sans demander.
cli-arg-fragments-confirm_production = Sur une connexion marquée comme production : son nom, pour appliquer sans le saisir à une invite (nécessaire avec --yes ou sans terminal).
cli-arg-fragments-empty_required = Appliquer même là où les modifications laissent vides des champs que le formulaire de métadonnées exige (l’aperçu les nomme).
cli-arg-fragments-json = Afficher le résultat en JSON (sans barre de progression).
cli-arg-fragments-replace-find = Le texte à chercher (une expression régulière avec --regex).
cli-arg-fragments-replace-replace = Ce qui le remplace (vide pour supprimer ce qui est trouvé) ; avec --regex, $1 ou ${"{"}name{"}"} remettent ce qu’un groupe a trouvé.
cli-arg-fragments-replace-regex = --find est une expression régulière.
cli-arg-fragments-replace-ignore_case = Trouver WKND, Wknd et wknd de la même façon.
cli-arg-fragments-replace-whole_word = Seulement là où --find est un mot entier (pas à l’intérieur d’un mot plus long).
cli-about-fragments = Les champs des fragments de contenu en masse (API Sites d’AEM, connexions OAuth Server-to-Server) : lister, définir, ajouter, retirer, vider, chercher et remplacer.
cli-about-fragments-list = Lister les fragments de contenu d’un dossier : titre, modèle, état, et les champs que donnent leurs modèles (nom, type, une valeur ou plusieurs, valeurs permises).
cli-about-fragments-set = Remplacer la valeur d’un champ.
cli-about-fragments-append = Ajouter des valeurs à un champ qui en contient plusieurs (sans doublons).
cli-about-fragments-remove = Retirer des valeurs d’un champ qui en contient plusieurs.
cli-about-fragments-clear = Vider un champ.
cli-about-fragments-replace = Chercher et remplacer dans un champ de texte (texte enrichi : son texte seulement, son balisage gardé).
cli-arg-fragments-folder = Le dossier dont les fragments de contenu sont modifiés (ou listés), avec ceux de ses sous-dossiers.
cli-arg-fragments-model = Seulement les fragments de ce modèle (son nom ou son titre, tels que `fragments list` les montre).
cli-arg-fragments-list = Les fragments de contenu d’une liste : leurs chemins (ou des liens vers eux), un par ligne.
cli-arg-fragments-field = Le champ, par son nom (`fragments list` les montre) ; jcr:title et jcr:description sont le titre et la description du fragment lui-même.
cli-arg-fragments-values = La ou les valeurs ; répétez pour plusieurs (un champ qui contient plusieurs valeurs).
cli-value-model = MODÈLE
cli-fragments-count = { $count ->
    [one] { $count } fragment de contenu
   *[other] { $count } fragments de contenu
} sous { $folder } :
cli-fragments-fields = Champs qu’une modification peut changer :
cli-value-field = CHAMP
cli-tags-undo-kept-pages = Conservée : des pages utilisent { $tag }, dont { $page } ; retirez-la-leur d’abord.

# Retour en arrière sur une modification republiée, et sur la republication elle-même (ticket 63, point 6)
cli-undo-republishes = {"  "}puis republiées : { $count } de ces ressources, sur le site web, pour qu’il montre aussi les valeurs rendues (l’exécution { $run } avait été republiée)
cli-undo-row-republished = puis republiée
cli-undo-of-republish = L’exécution { $run } a republié ce que l’exécution { $edit } a modifié : AEM ne peut pas rendre une publication plus ancienne, revenir en arrière sur elle laisse donc le site tel quel et ne rend rien dans l’auteur. Pour rendre à ces ressources leurs valeurs, dans l’auteur et sur le site, revenez en arrière sur la modification : { $command }

## upload (crates/cli/src/upload.rs)
cli-upload-plan = { $files ->
    [one] { $files } fichier
   *[other] { $files } fichiers
} pour { $folder } : { $new } nouveaux, { $same } déjà présents (ignorés), { $different } différents, { $refused } refusés
cli-upload-intent = { $intent ->
    [new] nouveau
    [same] identique
    [new-version] version
    [replace] remplacé
   *[refused] refusé
}
cli-upload-needs-yes = Rien n’a été envoyé : ajoutez --yes pour téléverser (--dry-run montre seulement le plan).
cli-about-upload = Téléverser des fichiers et des dossiers dans un dossier de la DAM (téléversement binaire direct d’AEM) : le plan d’abord (nouveaux, déjà présents, différents, refusés), envoyé avec --yes.
cli-arg-upload-paths = Les fichiers et dossiers à téléverser ; le contenu d’un dossier est envoyé avec ses sous-dossiers.
cli-arg-upload-to = Le dossier de la DAM où ils vont (il doit exister).
cli-arg-upload-when_different = Là où un autre fichier est déjà au chemin d’un fichier : donner une nouvelle version à cette ressource, ou la remplacer par une nouvelle ressource.
cli-arg-upload-dry_run = Montrer le plan seulement, ne rien envoyer.
cli-arg-upload-yes = Téléverser sans demander.
cli-arg-upload-confirm_production = Sur une connexion marquée production : son nom, pour confirmer le téléversement (nécessaire avec --yes).
cli-arg-upload-json = Afficher le plan et le résultat en JSON.
cli-arg-upload-connection = Une connexion enregistrée (nom ou id ; voir `metadesk-cli connections list`).
cli-arg-upload-aem = L’URL de l’instance d’auteur AEM, avec `--file` (la forme des scripts d’exemple d’Adobe).
cli-arg-upload-file = Un fichier d’identifiants (Service Credentials, jeton de développement local), utilisé pour cette exécution seulement.
cli-arg-upload-trust_host = Avec --aem : envoyer les jetons du fichier à HÔTE bien qu’il ne soit pas l’un des hôtes AEM d’Adobe (author-p…-e….adobeaemcloud.com), cet ordinateur compris pour des identifiants délivrés par Adobe : seulement pour un hôte de confiance.
cli-arg-upload-paired_with = Inutile pour les téléversements (les connexions OAuth Server-to-Server ne peuvent pas téléverser).
cli-value-when-different = QUAND_DIFFÉRENT
cli-references-asset = { $path } : utilisée sur { $count ->
    [one] 1 page
   *[other] { $count } pages
}
cli-references-published = (publiée)
cli-references-not-published = (non publiée)
cli-references-none = { $count ->
    [one] Aucune page n’utilise cette ressource
   *[other] Aucune page n’utilise ces { $count } ressources
}.
cli-references-not-asked = { $count ->
    [one] 1 autre ressource n’a pas été demandée
   *[other] { $count } autres ressources n’ont pas été demandées
} (au plus { $max } par aperçu).
cli-references-unpublish-warning = Attention : { $count ->
    [one] 1 ressource est utilisée
   *[other] { $count } ressources sont utilisées
} sur des pages publiées : les dépublier casse leurs images sur le site.
cli-references-failed = Impossible de demander où les ressources sont utilisées : { $message }
