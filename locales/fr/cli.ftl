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
