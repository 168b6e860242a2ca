# Les mots propres à la CLI (crates/cli) : sorties lisibles et résumés d’aide. Les résumés sont
# trouvés par le chemin de la commande (cli-about-connections-import) et l’argument.

cli-error = erreur : { $message }
cli-yes = oui
cli-no = non
cli-report-unwritable = le rapport n’a pas pu être écrit ({ $detail })

## Résumés d’aide

cli-about = Metadesk en ligne de commande.
cli-about-connections = Importer, lister et gérer les connexions à AEM.
cli-about-connections-import = Importer des fichiers d’identifiants (identifiants de service AEM, jeton de développement local ou identifiants OAuth serveur à serveur de l’Adobe Developer Console). Réimporter des identifiants ayant le même ID client met à jour leur connexion ; si leur IMS, leur secret ou leur type diffèrent de ceux enregistrés, il faut --replace.
cli-arg-connections-import-name = Le nom de la connexion (un seul fichier à la fois).
cli-arg-connections-import-aem = L’URL de l’instance de création AEM, quand le fichier ne l’indique pas ou en indique une autre.
cli-arg-connections-import-choice = Quels identifiants retenir dans un fichier de projet qui en contient plusieurs (leur ID, affiché en cas de refus).
cli-arg-connections-import-production = Marquer la connexion comme production.
cli-arg-connections-import-replace = Remplacer une connexion enregistrée ayant le même ID client, même si l’IMS, le secret ou le type de ce fichier diffèrent.
cli-about-connections-list = Lister les connexions : nom, type, hôte, état.
cli-about-connections-show = Afficher une connexion en détail (les secrets seulement sous forme d’indices).
cli-about-connections-remove = Supprimer une connexion et ses entrées du trousseau.
cli-about-connections-rename = Renommer une connexion.
cli-about-connections-set-url = Modifier l’URL de l’instance de création AEM d’une connexion.
cli-about-connections-production = Marquer une connexion comme production (on) ou non (off).
cli-about-connections-add-sdk = Ajouter un identifiant du SDK AEM local. Le mot de passe est lu sur la première ligne de l’entrée standard.
cli-about-connections-test = Tester une connexion : obtenir (ou réutiliser) un jeton, demander à AEM qui nous sommes et lire la racine de la DAM.
cli-arg-connections-test-name = Le nom (ou l’ID) de la connexion, tel que `connections list` l’affiche.
cli-arg-connections-test-json = Afficher le rapport en JSON plutôt qu’en texte.
cli-about-doctor = Vérifier que le trousseau et les dossiers de l’application sont utilisables.
cli-about-bulk = Modifications de métadonnées en masse : définir, ajouter, retirer, effacer, plusieurs à la fois (edit) ; reprendre, annuler, réessayer.
cli-about-bulk-set = Remplacer la valeur de la propriété.
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
cli-about-sheet-import = Vérifier une feuille modifiée (.xlsx, .xls, .ods, .csv ; celle de Metadesk ou l’export de métadonnées d’AEM), prévisualiser les cellules qui changent et les appliquer.
cli-about-runs-list = Toutes les exécutions, de la plus récente à la plus ancienne : date, connexion, dossier, modifications, décomptes, durée, statut.
cli-about-runs-show = Le résumé et le rapport d’une exécution ; `--csv FICHIER` exporte chaque ressource avec son résultat.
cli-arg-runs-list-json = Afficher les exécutions en JSON.
cli-arg-runs-show-csv = Écrire le rapport en CSV dans ce fichier (`-` pour la sortie standard). Un fichier existant n’est remplacé qu’avec `--force`.
cli-arg-runs-show-force = Avec --csv : remplacer le fichier s’il existe.
cli-arg-runs-show-localized_headers = Avec --csv : des en-têtes de colonnes dans la langue du terminal (pour les personnes) au lieu des clés lisibles par les machines `path,status,reason,… before,… after`.
cli-arg-runs-show-json = Afficher le résumé de l’exécution en JSON.
cli-arg-runs-show-jsonl = Afficher chaque ressource sous la forme d’un objet JSON par ligne : chemin, statut (pour une exécution prévisualisée, `pending` = va changer), raison, et l’avant → après de chaque propriété modifiée.

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
cli-bulk-failed-asset = {"  "}échec { $path } : { $reason }
cli-bulk-report-hint = {"  "}rapport : metadesk-cli runs show { $run } (--csv FICHIER pour chaque ressource)
cli-bulk-finish-hint = {"  "}pour la terminer : metadesk-cli bulk resume { $run }
cli-bulk-preview-cancelled = L’aperçu a été annulé ; rien n’a été écrit.
cli-bulk-nothing-to-change = Rien à modifier.
cli-bulk-dry-run = Simulation : rien n’a été écrit. L’avant → après de chaque ressource : metadesk-cli runs show { $run } --jsonl (ou --csv FICHIER). Pour appliquer exactement ceci : metadesk-cli bulk resume { $run }
cli-bulk-dry-run-resume = Simulation : rien n’a été écrit.
cli-bulk-not-applied = Non appliquée. Pour l’appliquer plus tard : metadesk-cli bulk resume { $run }
cli-runs-none = Aucune exécution pour l’instant.
cli-runs-counts = { $changed } modifiées, { $unchanged } inchangées, { $skipped } ignorées, { $failed } en échec, { $pending } à traiter
cli-runs-duration = , { $seconds } s
cli-runs-problem = {"  "}{ $status ->
    [skipped] ignorée
    [failed] échec
    [pending] en attente
    [changed] modifiée
   *[unchanged] inchangée
} { $path } : { $reason }
cli-runs-report-written = Rapport écrit dans { $file }.
cli-runs-report-exists = erreur : { $file } existe déjà ; choisissez un autre nom de fichier, ou ajoutez --force pour le remplacer.

## connections

kind-service-credentials = identifiants de service AEM
kind-local-dev-token = jeton de développement local AEM
kind-oauth-s2s = identifiants OAuth serveur à serveur
kind-local-sdk = SDK AEM local
cli-name-one-file = --name ne s’utilise qu’avec un seul fichier à la fois
cli-removed = « { $name } » et ses entrées du trousseau ont été supprimés
cli-renamed = renommée en « { $name } »
cli-url-set = « { $name } » utilise désormais { $url }
cli-finder-set = « { $name } » trouve ses ressources avec « { $finder } »
cli-finder-unset = « { $name } » n’est plus associée à une connexion qui trouve ses ressources
cli-production-on = « { $name } » est marquée comme production
cli-production-off = « { $name } » n’est plus marquée comme production
cli-import-imported = importé { $file } : « { $name } » ({ $kind }, { $host })
cli-import-updated = mis à jour { $file } : « { $name } » ({ $kind }, { $host })
cli-import-note = {"  "}remarque : { $note }
cli-import-aem-user = {"  "}utilisateur AEM auquel donner les autorisations : { $email }
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
cli-show-aem-user = Utilisateur AEM auquel donner les autorisations
cli-show-acts-as = Agit en tant que
cli-show-org = Organisation
cli-show-certificate-expires = Expiration du certificat
cli-show-token-expires = Expiration du jeton
cli-show-scopes = Portées
cli-show-secrets = Secrets
cli-show-id = ID
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

## doctor

cli-doctor-line = { $mark } { $label } : { $detail }
