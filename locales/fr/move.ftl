# Déplacer et renommer des ressources et des dossiers (ticket 76) : les mots de l’exécution, ses
# refus et ses erreurs, pour toutes les faces.

run-move = { $count ->
    [one] Déplace 1 ressource ou dossier
   *[other] Déplace { $count } ressources ou dossiers
}
run-move-to = { $count ->
    [one] Déplace 1 ressource dans { $folder }
   *[other] Déplace { $count } ressources dans { $folder }
}
run-move-undo = Remet en place ce que l’exécution { $run } a déplacé

move-rule-unknown = « { $part } » n’est pas une règle de renommage. Utilisez lowercase, dashes, replace:AVANT=APRÈS, prefix:TEXTE, suffix:TEXTE ou number:DÉBUT:CHIFFRES, séparés par des virgules.
move-rule-replace = « { $part } » ne dit pas quoi remplacer : écrivez replace:AVANT=APRÈS (AVANT ne peut pas être vide).
move-rule-number = « { $part } » n’est pas une numérotation : écrivez number, number:DÉBUT ou number:DÉBUT:CHIFFRES (12 chiffres au plus).

move-refused-no-name = La règle de renommage laisse « { $path } » sans nom.
move-refused-same-path = « { $path } » resterait à sa place.
move-refused-gone = « { $path } » n’est plus là.
move-refused-same-target = Une autre ressource, « { $other } », arriverait aussi sur « { $path } » (les noms sont comparés sans tenir compte des majuscules).
move-refused-taken = « { $path } » est pris : une ressource ou un dossier s’y trouve déjà, et un déplacement ne l’écrase jamais.
move-refused-into-moving = « { $path } » est dans un dossier qui est déplacé aussi : déplacez le dossier ou ses ressources, pas les deux.
move-refused-no-write = Ce compte ne peut pas modifier le dossier « { $path } ».
move-refused-no-uuid = AEM n’a pas donné d’identifiant (jcr:uuid) à « { $path } » : il ne pourrait pas être retrouvé après une réponse perdue, il n’est donc pas déplacé.
move-refused-pages-unknown = AEM n’a pas pu dire quelles pages utilisent « { $path } » : le déplacer pourrait laisser une page pointer vers rien, il n’est donc pas déplacé.

move-left-taken = Laissé tel quel : « { $path } » a été pris par une autre ressource depuis l’aperçu.
move-left-gone = Laissé tel quel : « { $path } » n’est plus là (déplacé ou supprimé depuis).
move-left-replaced = Laissé tel quel : une autre ressource est maintenant à « { $path } ».
move-left-changed = Laissé tel quel : « { $path } » a été modifié depuis son déplacement.

error-move-oauth = Cette connexion ne peut pas déplacer de ressources : c’est une connexion OAuth Server-to-Server, et le déplacement d’AEM est une requête classique. Rien n’a été envoyé. Déplacez avec des identifiants de service de l’AEM Developer Console ou un jeton de développement local.
error-move-nothing = Rien à déplacer : le dossier, la liste ou la feuille ne contient aucune ressource.
error-move-read-only = Le compte { $account } ne peut pas modifier « { $folder } », donc rien ne peut y être déplacé. Rien n’a été envoyé.
error-move-unlisted = Le dossier « { $folder } » n’a pas pu être listé en entier, donc son contenu n’est pas connu : rien n’a été planifié. Réessayez.
error-move-sheet-columns = « { $file } » n’a pas de colonnes « Path » et « New path » (ou « Chemin » et « Nouveau chemin ») : la première ligne doit les nommer.
error-move-sheet-path = Ligne { $row } : { $problem } (« { $path } »). Rien n’a été lu ni enregistré.
error-move-cancelled = L’aperçu du déplacement a été annulé : rien n’a été enregistré.
error-move-read = AEM n’a pas répondu pour « { $path } » : { $detail }
error-retry-of-move = L’exécution { $run } est un déplacement : reprenez-la pour déplacer ce qui a échoué (metadesk-cli bulk resume { $run }).

cli-move-what = Dites ce qui est déplacé : une portée (--folder, --where ou --list) avec --to DOSSIER, ou une feuille avec --sheet FICHIER.
cli-move-counts = { $planned } à déplacer : { $moved } déplacées, { $refused } refusées, { $left } laissées telles quelles, { $failed } en échec, { $pending } pas encore déplacées · { $pages } pages corrigées · { $folders } dossiers créés
cli-move-pages-left = { $count ->
    [one] 1 page garde l’ancien chemin (décochée).
   *[other] { $count } pages gardent l’ancien chemin (décochées).
}
cli-move-state-refused = refusée
cli-move-state-planned = à déplacer
cli-move-state-in-doubt = incertaine : vérifiée avant tout nouvel envoi
cli-move-state-moved = déplacée
cli-move-state-left-alone = laissée telle quelle
cli-move-state-failed = en échec
cli-move-on-website = sur le site : un déplacement l’en retire, sauf republication
cli-move-page-adjusted = page { $page } : corrigée
cli-move-page-adjusted-live = page { $page } (sur le site) : corrigée
cli-move-page-kept = page { $page } : garde l’ancien chemin
cli-move-more = … et { $count } de plus (--json les liste toutes).

# L’aide de la commande (`metadesk-cli move --help`).
cli-about-move = Déplacer et renommer des ressources et des dossiers, chaque page qui les utilise corrigée (le déplacement d’AEM) : les ressources d’un dossier, d’une recherche ou d’une liste dans un dossier, renommées par une règle, ou les colonnes Path et New path d’une feuille ; aperçu d’abord, appliqué avec --yes, retour en arrière avec bulk undo.
cli-arg-move-connection = Une connexion enregistrée (nom ou id ; voir `metadesk-cli connections list`).
cli-arg-move-aem = L’URL de l’instance d’auteur AEM, avec `--file` (la forme des scripts d’exemple d’Adobe).
cli-arg-move-file = Un fichier d’identifiants (Service Credentials, jeton de développement local), utilisé pour cette exécution seulement.
cli-arg-move-trust_host = Avec --aem : envoyer les jetons du fichier à HÔTE bien qu’il ne soit pas l’un des hôtes AEM d’Adobe (author-p…-e….adobeaemcloud.com), cet ordinateur compris pour des identifiants délivrés par Adobe : seulement pour un hôte de confiance.
cli-arg-move-paired_with = Inutile pour les déplacements (les connexions OAuth Server-to-Server ne peuvent pas déplacer de ressources).
cli-arg-move-folder = Le dossier de la DAM dont les ressources sont déplacées (avec --where : la recherche se fait dessous).
cli-arg-move-recursive = Inclure les ressources de ses sous-dossiers.
cli-arg-move-conditions = Seulement les ressources qui remplissent cette condition (comme `bulk --where`) ; à répéter pour en donner plusieurs.
cli-arg-move-any = Les ressources qui remplissent l’une des conditions --where (par défaut : toutes).
cli-arg-move-list = Les ressources d’une liste : chemins de la DAM, liens Assets ou identifiants, un par ligne ou un CSV d’une colonne.
cli-arg-move-sheet = Une feuille (.xlsx ou .csv) dont les colonnes Path et New path disent où va chaque ressource ou dossier ; pas avec les options de portée.
cli-arg-move-to = Le dossier de la DAM où vont les ressources de la portée.
cli-arg-move-flatten = Mettre chaque ressource directement dans --to, sans garder ses sous-dossiers.
cli-arg-move-rename = Renommer chaque ressource : lowercase, dashes, replace:AVANT=APRÈS, prefix:TEXTE, suffix:TEXTE, number[:DÉBUT[:CHIFFRES]], séparés par des virgules (\, \= et \\ pour une virgule, un signe égal ou une barre oblique inverse dans TEXTE).
cli-arg-move-republish = Après le déplacement, republier ce qui était sur le site (ressources déplacées et pages).
cli-arg-move-keep_pages = Une page laissée sur l’ancien chemin (non corrigée) ; peut être répétée.
cli-arg-move-dry_run = Aperçu seulement : montrer ce qui serait déplacé, ne rien déplacer.
cli-arg-move-yes = Déplacer sans demander.
cli-arg-move-confirm_production = Sur une connexion marquée production : son nom, pour déplacer sans le saisir à une invite (nécessaire avec --yes ou sans terminal).
cli-arg-move-empty_required = Inutile pour les déplacements (un déplacement ne change aucune valeur).
cli-arg-move-json = Afficher le résultat en JSON.
cli-value-page = PAGE
cli-value-rule = RÈGLE
