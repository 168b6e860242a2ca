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

## Vérifications au démarrage

health-folders = Dossiers de l’application
health-folders-ready = prêts dans { $folder }
health-keychain = Trousseau du système
health-keychain-available = disponible ({ $backend })
