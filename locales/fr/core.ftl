# Messages du cœur de Metadesk (crates/core) : erreurs, « Tester la connexion », formats.
# Partagés par la fenêtre et la CLI. Chaque message a son jumeau anglais dans ../en/core.ftl,
# avec les mêmes variables ; les tests du catalogue le vérifient.

## Formats (les motifs suivent le langage de description de format de la crate `time`)

format-month-short = { $month ->
    [1] janv.
    [2] févr.
    [3] mars
    [4] avr.
    [5] mai
    [6] juin
    [7] juil.
    [8] août
    [9] sept.
    [10] oct.
    [11] nov.
   *[12] déc.
}
format-date = [day padding:none] { $month } [year]
format-datetime-utc = [day padding:none] { $month } [year] à [hour]:[minute] UTC
format-duration-under-a-minute = moins d’une minute
format-duration-days = { $days } jours
format-duration-hours-minutes = { $hours ->
    [0] { $minutes } min
   *[other] { $minutes ->
        [0] { $hours } h
       *[other] { $hours } h { $minutes } min
    }
}

## Erreurs

error-io = { $context } : { $detail }
error-internal = une erreur interne s’est produite dans Metadesk ({ $detail }) ; le fichier journal contient les détails
error-connection-gone = Cette connexion n’existe plus.
error-console-busy = Une autre fenêtre ou commande Metadesk modifie l’historique de la console de cette connexion et n’a pas terminé. Réessayez dans un instant.
error-no-such-connection = Aucune connexion ne s’appelle « { $name } ».

aem-unreachable = Impossible de joindre { $host } : { $detail }. Vérifiez la connexion réseau (et le proxy éventuel), puis réessayez.
aem-timeout = { $host } n’a pas répondu à temps. Le serveur est peut-être occupé ; réessayez dans un instant.
aem-status = AEM a répondu { $status } pour { $what }.
aem-bad-response = La réponse d’AEM pour { $what } est illisible ({ $detail }).

ims-wrong-client = Adobe IMS n’a pas accepté l’ID client { $clientId } avec son secret client{ $detail }. Les identifiants ont peut-être été supprimés, leur secret renouvelé, ou ils appartiennent à un autre environnement IMS. Téléchargez à nouveau les identifiants et réimportez-les.
ims-signature-mismatch = Adobe IMS n’a pas pu associer la signature au certificat de ce compte technique{ $detail }. La clé privée ou le certificat a probablement été remplacé, révoqué ou a expiré. Dans la Console développeur AEM, téléchargez les identifiants de service actuels (ou ajoutez un nouveau certificat) et réimportez-les.
ims-scope-not-allowed = Adobe IMS a refusé les portées demandées ({ $scopes }){ $detail }. Réimportez le fichier d’identifiants tel que la Console développeur le fournit ; s’il est à jour, le compte technique n’a pas droit à ces portées.
ims-jwt-expired = Adobe IMS a rejeté la requête signée, qu’il juge expirée{ $detail }. Vérifiez l’horloge de cet ordinateur : la date, l’heure et le fuseau horaire doivent être justes (le réglage automatique est préférable), puis réessayez.
ims-malformed = Adobe IMS a rejeté la demande de jeton, qu’il juge mal formée ({ $code }{ $detail }). Le problème vient sans doute de Metadesk ou d’un fichier d’identifiants endommagé ; réimportez le fichier et signalez le problème s’il persiste.
ims-rejected = Adobe IMS a refusé de délivrer un jeton (HTTP { $status }{ $detail }).
ims-server-trouble = Adobe IMS ({ $host }) rencontre des difficultés (réponse HTTP { $status }, y compris après { $attempts } tentatives). Le problème se situe chez Adobe ; réessayez dans quelques minutes.
ims-throttled = Adobe IMS ({ $host }) limite le nombre de jetons que ces identifiants peuvent demander{ $wait }. Patientez un moment avant de réessayer.
ims-unreachable = Impossible de joindre Adobe IMS ({ $host }) ({ $detail }). Vérifiez que cet ordinateur est en ligne et, si votre réseau passe par un proxy, qu’il laisse passer { $host }.
ims-timeout = Adobe IMS ({ $host }) n’a pas répondu à temps. Vérifiez le réseau et réessayez.
ims-redirected = Adobe IMS ({ $host }) a répondu par une redirection vers { $location }. Metadesk ne suit pas les redirections avec des identifiants ; vérifiez l’adresse IMS de cette connexion.
ims-bad-response = Adobe IMS ({ $host }) a donné une réponse inutilisable par Metadesk ({ $detail }).

keychain-unavailable = Cet ordinateur n’a pas de trousseau de clés utilisable par Metadesk ({ $detail }). { $fix } Metadesk conserve les secrets uniquement dans le trousseau du système : rien ne peut être enregistré d’ici là.
keychain-locked = Le trousseau du système est verrouillé. Déverrouillez-le (sous Linux : ouvrez « Mots de passe et clés » et déverrouillez le trousseau « Connexion » ; sous macOS : Trousseau d’accès), puis réessayez.
keychain-access-denied = Le trousseau du système a refusé l’accès ({ $detail }). Autorisez Metadesk à l’utiliser, puis réessayez.
keychain-too-large = L’entrée est trop volumineuse pour le trousseau de ce système ({ $size } octets, la limite est de { $limit }).
keychain-failed = Le trousseau du système a échoué : { $detail }

## Listes de ressources dans un fichier, déposées ou choisies dans Modification en masse (ticket 15)

list-file-not-text = { $file } n’est pas un fichier texte : une liste de ressources est un fichier .txt ou .csv avec un chemin DAM, un lien Assets ou un identifiant de ressource par ligne, ou un classeur dont la première colonne les contient.
list-file-unreadable = { $file } n’a pas pu être lu comme une liste de ressources ({ $detail }).
list-file-empty = { $file } ne contient aucune entrée : écrivez un chemin DAM, un lien Assets ou un identifiant de ressource par ligne.
list-file-too-large = { $file } fait { $size } Mo : un fichier de liste fait au plus { $limit } Mo (environ 50 000 entrées). Découpez-le, ou utilisez les outils de masse d’AEM pour une modification de cette taille.
list-file-columns = { $file } a { $columns } colonnes à la ligne { $line } : un fichier de liste n’a qu’une colonne (un chemin DAM, un lien Assets ou un identifiant de ressource par ligne). Ne gardez que cette colonne, ou copiez-la et collez-la dans la liste.
list-file-gone = Ce fichier n’est plus disponible ; déposez-le de nouveau sur la liste, ou choisissez-le.

## Trouver des ressources avec la recherche OpenAPI d’AEM (ticket 15 : connexions OAuth Server-to-Server)

open-search-cannot-express = La recherche OpenAPI d’AEM ne sait pas demander « { $condition } » : { $why ->
    [presence] elle ne sait pas dire si une propriété est vide ou renseignée.
    [negation] elle ne sait pas écarter les ressources qui correspondent (« n’est pas », « ne contient pas »).
    [contains] elle compare des valeurs entières, pas une partie de valeur.
    [tag-tree] elle compare une balise exacte, pas les balises placées dessous.
    [type-family] elle compare un type de fichier exact, pas une famille comme image/*.
    [name-pattern] elle compare un nom exact, sans * ni ?.
    [any] elle combine les conditions par « toutes » seulement, pas par « au moins une ».
   *[other] elle n’a aucun moyen de le demander.
    } Modifiez la condition, ou cherchez avec une connexion Service Credentials ou jeton de développement sur cet AEM : choisissez-la sous « Trouve les ressources avec » sur la carte de « { $connection } ».
open-search-none = « { $connection } » est une connexion OAuth Server-to-Server, et cet AEM ne répond pas à sa recherche OpenAPI ({ $detail }), seul moyen pour une telle connexion de trouver des ressources. Importez des identifiants de service AEM (AEM Developer Console) ou un jeton de développement pour le même AEM, puis choisissez-le sous « Trouve les ressources avec » sur la carte de cette connexion (en ligne de commande : ajoutez --list-with CONNEXION).
open-search-refused = AEM a refusé la recherche OpenAPI de cette connexion (403 : { $detail }). Son client id doit être autorisé sur cet environnement (allowedClientIDs dans la configuration d’API d’AEM) et son profil de produit doit donner l’accès en lecture aux ressources.
open-search-failed = La recherche OpenAPI d’AEM a échoué : { $detail }.
open-search-cut-short = La recherche OpenAPI d’AEM s’est arrêtée après { $read } ressources ({ $detail }). Une partie des ressources n’est jamais prise pour le tout : rien n’a été planifié. Réessayez.
open-search-outside = La recherche OpenAPI d’AEM a répondu { $path }, qui n’est pas dans { $folder } : elle n’a pas appliqué la requête telle qu’envoyée, sa réponse n’est donc pas utilisée.
## Erreurs des exécutions en masse

error-run-locked = Cette exécution est en cours d’application dans une autre fenêtre ou commande Metadesk.
error-job-running = Une modification en masse est déjà en cours ({ $job }). Attendez qu’elle se termine ou annulez-la, puis réessayez.
error-no-job = Aucune modification en masse n’est en cours.
error-no-such-run = Il n’existe pas d’exécution { $run }.
error-file-exists = { $file } existe déjà ; choisissez un autre nom de fichier, ou remplacez-le.
error-needs-finder = « { $name } » est une connexion OAuth Server-to-Server : AEM lui permet de parcourir les dossiers, de rechercher (recherche OpenAPI d’AEM) et de modifier les ressources, mais pas de lister toutes les ressources d’un dossier (AEM refuse son jeton d’accès sur les API qui le font, et aucun point de terminaison OpenAPI ne les liste) ; choisissez plutôt une recherche ou une liste. Importez des identifiants de service AEM (AEM Developer Console) ou un jeton de développement pour la même instance AEM, { $connection ->
    [stored] puis choisissez-la sous « Trouve les ressources avec » sur la carte de cette connexion (en ligne de commande : ajoutez --list-with CONNEXION).
   *[file] puis, en ligne de commande : ajoutez --list-with CONNEXION.
}
error-say-which-aem = Indiquez quelle instance AEM utiliser : --connection NOM, ou --aem URL --file IDENTIFIANTS.json.
error-run-action = { $to ->
    [apply] l’appliquer
    [resume] la reprendre
    [undo] l’annuler
    [retry] la relancer
   *[other] l’utiliser
}
error-run-on-other-aem = La connexion « { $name } » pointe désormais vers { $now }, mais cette exécution a été faite sur { $was }. Rétablissez l’adresse de la connexion sur { $was } pour { error-run-action }.
error-run-used-a-file = Cette exécution a utilisé le fichier d’identifiants { $file } ; indiquez-le de nouveau avec --aem URL --file FICHIER pour { error-run-action }.
error-run-connection-gone = Cette exécution a été faite avec la connexion « { $name } », qui n’existe plus. Importez de nouveau son fichier d’identifiants sous ce nom pour { error-run-action }.

## Feuilles : lecture d’une feuille et problèmes trouvés dedans (ticket 17 : messages de vérification des feuilles)

sheet-issue = { $problem }
sheet-issue-at-row = Ligne { $row } : { $problem }
sheet-issue-at-column = Colonne { $column } : { $problem }
sheet-issue-at-row-column = Ligne { $row }, colonne { $column } : { $problem }
error-sheet-empty-file = { $file } est vide.
error-sheet-not-a-workbook = { $file } n’est pas un classeur que Metadesk sait lire (un .xlsx, .xls ou .ods, ou un .csv) ; ouvrez-le dans Excel ou LibreOffice et enregistrez-le au format .xlsx.
error-sheet-no-worksheet = { $file } ne contient aucune feuille de calcul.
error-sheet-not-a-sheet = { $file } n’est pas une feuille : ce n’est ni un classeur (.xlsx, .xls, .ods) ni un texte tel qu’un .csv. Exportez de nouveau les métadonnées, ou enregistrez votre feuille au format .xlsx ou .csv.
error-sheet-bad-csv = { $file } n’a pas pu être lu comme CSV vers la ligne { $line } : { $detail }.
error-sheet-empty-header = La première ligne de { $file } est vide. Elle nomme les colonnes : Path (ou assetPath), puis une colonne par propriété, par exemple Title (dc:title).
error-sheet-no-path-column = { $file } n’a pas de colonne de chemin : ses lignes ne peuvent pas être rapprochées des ressources. La première ligne doit nommer une colonne Path (comme l’export de Metadesk) ou assetPath (comme l’export d’AEM) ; exportez de nouveau les métadonnées du dossier pour repartir d’une feuille qui en a une.
error-sheet-no-change = { $file } ne demande aucune modification : toutes les cellules de propriété sont vides (une cellule vide laisse la valeur telle quelle). Saisissez les nouvelles valeurs, ou #CLEAR pour en supprimer une.
sheet-key-column-repeated = cette colonne clé répète la colonne { $first } ; supprimez l’une des deux.
sheet-property-column-repeated = { $property } a déjà la colonne { $first } ; gardez une seule colonne par propriété.
sheet-column-without-header = la colonne a des valeurs (à partir de la ligne { $row }) mais pas d’en-tête ; nommez la propriété en ligne 1, par exemple Title (dc:title), ou supprimez la colonne.
sheet-header-bad-brackets = L’en-tête « { $header } » a « { $inside } » entre parenthèses, qui n’est pas un nom de propriété ; écrivez la propriété sous la forme préfixe:nom, par exemple Title (dc:title).
sheet-header-bad-property = L’en-tête « { $header } » n’est pas un nom de propriété ; écrivez-le sous la forme préfixe:nom (lettres, chiffres, _ - .), par exemple dc:title, ou Title (dc:title).
sheet-header-no-property = L’en-tête « { $header } » ne nomme aucune propriété ; écrivez-le sous la forme Mots (préfixe:nom), par exemple Title (dc:title), ou supprimez la colonne.
sheet-aem-header-bad = L’en-tête « { $header } » { $why ->
    [unclosed] a un {"{{"} ou un {"}}"} non fermé
    [text-after] a du texte après ses {"}}"}
    [no-property] ne commence pas par un nom de propriété
   *[option] a après son type une option autre que multi
} ; la forme d’AEM est nom {"{{"}Type{"}}"} ou nom {"{{"}Type: multi{"}}"}, par exemple dc:subject {"{{"}String: multi{"}}"}.
sheet-aem-header-bad-type = L’en-tête « { $header } » a le type « { $type } », qu’AEM ne connaît pas (String, Date, Long, Double, Decimal, Boolean) ; la forme d’AEM est nom {"{{"}Type{"}}"} ou nom {"{{"}Type: multi{"}}"}, par exemple dc:subject {"{{"}String: multi{"}}"}.
sheet-row-without-path = la ligne a des valeurs mais pas de chemin de ressource ; renseignez le chemin (par exemple /content/dam/dossier/photo.jpg) ou supprimez la ligne.
sheet-path-outside-dam = « { $path } » n’est pas dans la DAM (les chemins commencent par { $root }/) ; corrigez le chemin ou supprimez la ligne.
sheet-duplicate-path = { $path } figure déjà en ligne { $first } ; gardez une ligne par ressource (réunissez les valeurs des deux lignes en une et supprimez l’autre).
sheet-bad-export-time = « { $text } » n’est pas l’heure exportée par Metadesk : les modifications faites dans AEM depuis l’export ne peuvent pas être détectées pour cette ligne ; remettez l’heure exportée, ou laissez-la telle quelle pour l’accepter.
sheet-cell-error = la cellule affiche l’erreur { $text } ; corrigez-la ou saisissez la valeur.
sheet-cell-error-formula = la cellule affiche l’erreur { $text } (formule { $formula }) ; corrigez-la ou saisissez la valeur.
sheet-cell-formula = la cellule contient la formule { $formula } ; sa valeur affichée « { $text } » est utilisée. Pour être sûr de ce qui sera écrit, copiez la colonne et collez-la en valeurs.
sheet-holds-one-value = { $property } n’a qu’une valeur, mais la cellule en a { $count } séparées par | ; gardez-en une, ou écrivez \| pour un | qui fait partie du texte.
sheet-holds-one-value-in-aem = { $property } n’a qu’une valeur dans AEM, mais la cellule en a { $count } séparées par | ; gardez-en une, ou écrivez \| pour un | qui fait partie du texte. Rien n’est écrit pour cette ligne.
sheet-value-too-long = la valeur fait { $length } caractères ; Metadesk écrit au plus { $limit } caractères dans une propriété ; raccourcissez-la.
sheet-not-a-date = « { $value } » n’est pas une date que Metadesk sait lire ; écrivez-la sous la forme 2026-03-26 ou 2026-03-26T11:26:00+01:00 (année-mois-jour).
sheet-not-a-whole-number = « { $value } » n’est pas un nombre entier ; n’écrivez que des chiffres, par exemple 42.
sheet-not-a-number = « { $value } » n’est pas un nombre ; écrivez-le comme 3.5.
sheet-not-a-boolean = « { $value } » n’est ni true ni false ; écrivez true ou false.
sheet-not-a-boolean-date-cell = « { $value } » n’est ni true ni false.
sheet-outside-folder = { $path } est hors du dossier exporté { $folder } ; cette ressource sera modifiée elle aussi. Supprimez la ligne si ce n’est pas voulu.
sheet-openapi-no-modified = { $connection } passe par l’API OpenAPI Assets, qui ne dit pas quand une ressource a changé pour la dernière fois : les modifications faites dans AEM depuis l’export ne peuvent pas être détectées. Chaque valeur est tout de même comparée à la valeur actuelle d’AEM dans l’aperçu.
sheet-row-changed-since-export = { $path } : { $reason }.
sheet-row-no-asset = il n’y a pas de ressource à { $path } dans { $connection } ; corrigez le chemin (copiez-le depuis AEM) ou supprimez la ligne. Rien n’est écrit pour cette ligne.
sheet-row-not-read = { $path } n’a pas pu être lu dans AEM ({ $reason }) ; corrigez le chemin (copiez-le depuis AEM) ou supprimez la ligne. Rien n’est écrit pour cette ligne.

## La console : comment une requête s’est passée, tel que son historique le garde (ticket 17)

console-outcome-status = { $status }
console-outcome-graphql-errors = { $count ->
    [one] { $count } erreur GraphQL
   *[other] { $count } erreurs GraphQL
}
console-outcome-created = créée
console-outcome-replaced = remplacée
console-outcome-failed = échec : { $error }

## Certificats des identifiants de service

certificate-expired = Le certificat de ces identifiants de service a expiré le { $date } ; Adobe IMS ne les accepte plus. Dans la Console développeur AEM (Intégrations → Comptes techniques), ajoutez un nouveau certificat ou une nouvelle clé privée pour ce compte, téléchargez les identifiants et importez-les à nouveau.
certificate-urgent = Le certificat de ces identifiants de service expire le { $date } (dans { $duration }). Dans la Console développeur AEM (Intégrations → Comptes techniques), ajoutez un nouveau certificat ou une nouvelle clé privée pour ce compte, téléchargez les identifiants et importez-les à nouveau.
certificate-soon = Le certificat de ces identifiants de service expire le { $date } (dans { $days } jours). Dans la Console développeur AEM (Intégrations → Comptes techniques), ajoutez un nouveau certificat ou une nouvelle clé privée pour ce compte, téléchargez les identifiants et importez-les à nouveau.
certificate-ok = Le certificat est valide jusqu’au { $date }.

## Tester la connexion

test-step-credentials-sdk = Utiliser le nom d’utilisateur et le mot de passe
test-step-credentials-dev-token = Utiliser le jeton de développement
test-step-credentials-token = Obtenir un jeton d’accès
test-step-who = Demander à AEM qui nous sommes
test-step-read-classic = Lire la racine de la DAM (/content/dam)
test-step-read-openapi = Lire la racine de la DAM avec l’API Folders
test-basic-auth = Authentification de base ; aucun jeton n’est nécessaire.
test-token-valid-for = Jeton valide pendant { $duration }.
test-token-ready = Jeton prêt (sa date de fin est inconnue).
test-skipped = Non essayé : les identifiants ne sont pas utilisables.
test-who-known = AEM connaît cette connexion sous le nom { $user }.
test-who-unknown = AEM a répondu, sans préciser de quel utilisateur il s’agit.
test-who-auxiliary = { $detail } Cela n’empêche pas Metadesk de fonctionner : le jeton est accepté et la DAM est lisible ; seul le nom de l’utilisateur AEM reste inconnu.
test-who-auxiliary-hidden = { $detail } Cette instance AEM ne publie pas /libs/granite/security/currentuser.json (un Dispatcher ou un CDN placé devant la masque souvent). Cela n’empêche pas Metadesk de fonctionner : le jeton est accepté et la DAM est lisible ; seul le nom de l’utilisateur AEM reste inconnu.
test-what-current-user = l’utilisateur actuel{ $said }
test-what-dam-root = une lecture de la racine de la DAM{ $said }
test-what-folders-api = l’API Folders{ $said }
test-aem-said = ; AEM a indiqué : « { $text } »
test-dam-readable = La DAM est lisible.
test-dam-readable-openapi = La DAM est lisible. (Cette API n’indique pas sous quel utilisateur elle agit.)
test-this-user = l’utilisateur de cette connexion
test-dam-forbidden = AEM n’autorise pas { $who } à lire /content/dam (HTTP { $status }{ $said }). Demandez à un administrateur AEM de donner à cet utilisateur l’accès en lecture à la DAM, par exemple en l’ajoutant au groupe DAM Users.
test-openapi-not-allowed = AEM n’a pas accepté ces identifiants OAuth serveur à serveur pour ses API OpenAPI (HTTP { $status }){ $said }. Le plus souvent, l’environnement n’a pas mis en liste autorisée l’ID client des identifiants : un administrateur AEM l’ajoute sous allowedClientIDs dans config/api.yaml et le déploie avec un pipeline de configuration. Vérifiez aussi que le profil de produit des identifiants inclut le service AEM Assets API Users.

## Raisons dans les rapports (exécutions en masse) : pourquoi une ressource a été ignorée, a
## échoué ou a été retenue, pourquoi une exécution s’est arrêtée. Le journal garde l’id et les
## arguments. { $who } est au datif (au compte technique…, à l’utilisateur…).

reason-who = { $kind ->
    [technical] au compte technique { $account }
    [user] à l’utilisateur { $account }
   *[none] au compte de cette connexion
}
reason-value-not-set = (non défini)
reason-cancelled = vérification annulée
reason-changed-since-export = modifiée dans AEM après l’export de la feuille (modifiée le { $now }, exportée le { $exported }) ; ses cellules qui diffèrent de la valeur actuelle dans AEM ne sont pas écrites, afin de conserver cette modification. Exportez de nouveau la feuille pour modifier cette ressource
reason-holds-one-value = plusieurs valeurs pour une propriété qu’AEM stocke comme une valeur unique ({ $properties }) ; gardez une seule valeur dans chacune, ou écrivez \| pour un | qui fait partie du texte
reason-change-not-checked = modifiée dans AEM après l’export de la feuille ? Metadesk n’a pas pu le vérifier ({ $detail }) ; ses cellules ne sont pas écrites. Prévisualisez de nouveau la feuille
reason-forbidden-write = cette connexion peut lire les ressources mais pas les modifier : demandez à un administrateur AEM d’accorder l’accès en écriture { $who }, par exemple via le groupe DAM Users ou un profil de produit doté des droits d’écriture
reason-cannot-write = { $refused ->
    [one] AEM a refusé la première modification (403)
   *[other] AEM a refusé les { $refused } premières modifications (403)
}, l’exécution s’est donc arrêtée : cette connexion peut lire les ressources mais pas les modifier. Demandez à un administrateur AEM d’accorder l’accès en écriture { $who }, par exemple via le groupe DAM Users ou un profil de produit doté des droits d’écriture, puis reprenez l’exécution pour modifier les ressources restantes.
reason-forbidden-read = cette connexion n’a pas le droit de lire cette ressource (403) : demandez à un administrateur AEM d’accorder l’accès en lecture { $who }
reason-not-found = la ressource n’existe plus (404) : elle a été déplacée ou supprimée après l’aperçu
reason-conflict = AEM a refusé la modification à chaque tentative, car quelqu’un d’autre modifiait la ressource au même moment (412) ; elle n’a donc pas été écrasée. Relancez les ressources en échec pour la planifier de nouveau à partir des valeurs actuelles dans AEM
reason-content-fragment = fragment de contenu : Metadesk ne modifie jamais les fragments de contenu
reason-already-as-wanted = déjà comme souhaité lors de l’aperçu
reason-already-as-wanted-at-write = déjà comme souhaité au moment de l’écriture
reason-changed-the-same-way = déjà comme souhaité : modifiée de la même façon dans AEM après l’aperçu
reason-not-applied-yet = pas encore appliquée
reason-changed-since-preview = modifiée depuis l’aperçu : { $values } ; elle n’a donc pas été écrasée. Relancez les ressources en échec pour la planifier de nouveau à partir de la valeur actuelle dans AEM
reason-changed-value = { $property } valait { $preview } lors de l’aperçu et vaut maintenant { $now }
reason-changed-since-run = { $property } a été modifiée dans AEM après l’exécution { $run } (elle vaut maintenant { $now }), elle a donc été laissée telle quelle
reason-throttled-write = { $what } et la ressource n’a pas été écrite ; relancez les ressources en échec plus tard
reason-not-confirmed = { $what } ; AEM n’a pas confirmé la modification. Relancez les ressources en échec pour réessayer.
reason-rejected = AEM a refusé la modification ({ $status }) : { $detail }
reason-slow-down = AEM a demandé à plusieurs reprises à Metadesk de ralentir ({ $status })
reason-network-failure = défaillance du réseau ou du serveur après { $attempts ->
    [one] { $attempts } tentative
   *[other] { $attempts } tentatives
} ({ $detail })
reason-unreachable = Impossible de joindre { $host } : { $detail } ({ $attempts ->
    [one] { $attempts } tentative
   *[other] { $attempts } tentatives
})
reason-timeout = { $host } n’a pas répondu à temps ({ $attempts ->
    [one] { $attempts } tentative
   *[other] { $attempts } tentatives
})
reason-disappeared = la ressource a disparu pendant l’aperçu (404)
reason-not-read = { $what }, la ressource n’a donc pas pu être lue ; prévisualisez de nouveau pour l’inclure
reason-folder-not-listed = ce dossier n’a pas pu être listé, ses ressources et ses sous-dossiers ne font donc pas partie de cette exécution ({ $why }) ; relancez la modification sur ce dossier plus tard
reason-folder-forbidden = cette connexion n’a pas le droit de le lire (403) : demandez à un administrateur AEM d’accorder l’accès en lecture { $who }
reason-folder-gone = il n’existe plus (404)
reason-list-line = ligne { $line } : { $problem }
reason-list-dot-segments = un chemin contenant des segments . ou ..
reason-list-dam-root = la racine de la DAM, pas une ressource
reason-list-bad-asset-id = un identifiant de ressource non valide (urn:aaid:aem: suivi d’un UUID)
reason-list-bad-link = un lien illisible
reason-list-link-outside-dam = un lien qui ne mène pas à une ressource sous /content/dam
reason-list-not-an-entry = ni un chemin de la DAM (/content/dam/…), ni un lien Assets, ni un identifiant de ressource (urn:aaid:aem:…)
reason-list-duplicate = un doublon de la ligne { $line }
reason-list-not-found = introuvable dans AEM (ou invisible pour cette connexion)
reason-list-same-asset = la même ressource que la ligne { $line }
reason-list-folder = un dossier, pas une ressource (choisissez-le comme dossier pour modifier ses ressources)
reason-list-content-fragment = un fragment de contenu (Metadesk ne les modifie jamais)

## Les modifications d’une exécution, telles que son résumé les liste

run-edit = { $property } : { $op ->
    [set] remplacer par { $values }
    [set-list] remplacer par la liste { $values }
    [append] ajouter { $values }
    [remove] retirer { $values }
   *[clear] effacer
}
run-edit-undo = annulation de l’exécution { $run }
run-edit-retry = nouvel essai des ressources en échec de l’exécution { $run }
run-edit-sheet = valeurs de la feuille { $file }

## Les conditions d’une recherche, telles que le résumé d’une exécution les montre (ticket 17)

condition-is-empty = { $property } est vide
condition-is-not-empty = { $property } n’est pas vide
condition-equals = { $property } est { $value }
condition-not-equals = { $property } n’est pas { $value }
condition-contains = { $property } contient { $value }
condition-not-contains = { $property } ne contient pas { $value }
condition-tagged = la balise est { $tag }
condition-file-type = le type est { $format }
condition-modified-before = modifié avant le { $date }
condition-modified-after = modifié après le { $date }
condition-created-before = créé avant le { $date }
condition-created-after = créé après le { $date }
condition-name-matches = le nom correspond à { $pattern }
condition-all = { $first } et { $rest }
condition-any = { $first } ou { $rest }

## En-têtes du rapport CSV (seulement quand l’utilisateur demande des en-têtes dans sa langue)

report-csv-path = Chemin
report-csv-status = Statut
report-csv-reason = Raison
report-csv-before = { $property } avant
report-csv-after = { $property } après

## Vérifications au démarrage

health-folders = Dossiers de l’application
health-folders-ready = prêts dans { $folder }
health-keychain = Trousseau du système
health-keychain-available = disponible ({ $backend })
