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
error-internal = Une erreur interne s’est produite dans Metadesk. Elle ne vient pas de ce que vous avez fait ; les détails figurent dans le journal des événements de Metadesk.
error-connection-gone = Cette connexion n’existe plus.
error-console-busy = Une autre fenêtre ou commande Metadesk modifie l’historique de la console de cette connexion et n’a pas terminé. Réessayez dans un instant.
error-no-such-connection = Aucune connexion ne s’appelle « { $name } ».
error-connection-ambiguous = Plusieurs connexions correspondent à { $name } : { $names }. Donnez le nom de l’une d’elles.

aem-unreachable = Impossible de joindre { $host } : { $detail }. Vérifiez la connexion réseau (et le proxy éventuel), puis réessayez.
aem-timeout = { $host } n’a pas répondu à temps. Le serveur est peut-être occupé ; réessayez dans un instant.
aem-status = AEM a répondu { $status } pour { $what }.
aem-bad-response = La réponse d’AEM pour { $what } est illisible ({ $detail }).

ims-incomplete-service = Les identifiants de service sont incomplets, il manque : { $missing }. Téléchargez-les à nouveau depuis la Console développeur AEM et réimportez le fichier.
ims-incomplete-oauth = Les identifiants OAuth serveur à serveur sont incomplets, il manque : { $missing }. Copiez-les depuis la page des identifiants dans l’Adobe Developer Console et importez-les à nouveau.
ims-missing-field = { credential-field }
ims-metascope-other-ims = La métaportée « { $name } » désigne un autre IMS que { $ims } ; le fichier d’identifiants semble incohérent.
ims-key-cannot-sign = La clé privée n’a pas pu signer la demande. Réimportez le fichier d’identifiants de service.
ims-key-damaged = La clé privée conservée pour cette connexion est endommagée. Réimportez le fichier d’identifiants de service tel que téléchargé depuis la Console développeur AEM.
ims-wrong-client = Adobe IMS n’a pas accepté l’ID client { $clientId } avec son secret client{ $said }. Les identifiants ont peut-être été supprimés, leur secret renouvelé, ou ils appartiennent à un autre environnement IMS. Téléchargez à nouveau les identifiants et réimportez-les.
ims-signature-mismatch = Adobe IMS n’a pas pu associer la signature au certificat de ce compte technique{ $said }. La clé privée ou le certificat a probablement été remplacé, révoqué ou a expiré. Dans la Console développeur AEM, téléchargez les identifiants de service actuels (ou ajoutez un nouveau certificat) et réimportez-les.
ims-scope-not-allowed = Adobe IMS a refusé les portées demandées ({ $scopes }){ $said }. Réimportez le fichier d’identifiants tel que la Console développeur le fournit ; s’il est à jour, le compte technique n’a pas droit à ces portées.
ims-jwt-expired = Adobe IMS a rejeté la requête signée, qu’il juge expirée{ $said }. Vérifiez l’horloge de cet ordinateur : la date, l’heure et le fuseau horaire doivent être justes (le réglage automatique est préférable), puis réessayez.
ims-malformed = Adobe IMS a rejeté la demande de jeton, qu’il juge mal formée ({ $code }{ $said }). Le problème vient sans doute de Metadesk ou d’un fichier d’identifiants endommagé ; réimportez le fichier et signalez le problème s’il persiste.
ims-rejected = Adobe IMS a refusé de délivrer un jeton (HTTP { $status }{ $code }{ $said }).
ims-server-trouble = Adobe IMS ({ $host }) rencontre des difficultés (réponse HTTP { $status }, y compris après { $attempts } tentatives). Le problème se situe chez Adobe ; réessayez dans quelques minutes.
ims-throttled = Adobe IMS ({ $host }) limite le nombre de jetons que ces identifiants peuvent demander{ $wait ->
    [0] {""}
   *[other] { " " }(il demande d’attendre { $wait } secondes)
}. Patientez un moment avant de réessayer.
ims-unreachable = Impossible de joindre Adobe IMS ({ $host }) ({ $detail }). Vérifiez que cet ordinateur est en ligne et, si votre réseau passe par un proxy, qu’il laisse passer { $host }.
ims-timeout = Adobe IMS ({ $host }) n’a pas répondu à temps. Vérifiez le réseau et réessayez.
ims-redirected = Adobe IMS ({ $host }) a répondu par une redirection vers { $location }. Metadesk ne suit pas les redirections avec des identifiants ; vérifiez l’adresse IMS de cette connexion.
ims-bad-response = Adobe IMS ({ $host }) a donné une réponse inutilisable par Metadesk ({ $detail }).

## Échecs des échanges avec AEM et IMS (ticket 17 : dans la langue du lecteur).
## aem-what-… nomment ce qui était demandé, le { $what } de aem-status, aem-bad-response et
## des messages de la console ; aem-detail-… et aem-body-… disent pourquoi une réponse est illisible.

ims-said = { " " }(Adobe IMS a indiqué : « { $text } »)
ims-code = , { $code }
ims-answer = { $why ->
    [not-json] ce n’est pas du JSON
    [not-object] ce n’est pas un objet JSON
   *[no-token] elle ne contient aucun jeton d’accès
}
ims-expires-in = { $why ->
    [missing] aucune valeur expires_in utilisable : elle est absente
    [negative] sa valeur expires_in est négative ({ $value })
    [not-whole] sa valeur expires_in n’est pas un nombre entier ({ $value })
    [not-whole-positive] sa valeur expires_in n’est pas un nombre entier positif ({ $value })
    [not-number] sa valeur expires_in n’est pas un nombre ({ $value })
   *[zero] sa valeur expires_in vaut 0 : le jeton d’accès serait déjà expiré
}
ims-expires-in-too-long = sa valeur expires_in indique que le jeton d’accès dure { $amount } { $unit ->
    [milliseconds] millisecondes
   *[seconds] secondes
}, plus que les { $days } jours que Metadesk accepte (les jetons IMS durent 24 heures)
ims-answer-past-any-date = le jeton d’accès durerait { $seconds } secondes, au-delà de toute date
aem-url-refused = { url-problem }.
aem-bad-address = « { $address } » n’est pas une adresse valide ({ $detail }).
aem-not-a-path = « { $path } » n’est pas un chemin sur AEM.
aem-bad-path = « { $path } » n’est pas un chemin valide ({ $detail }).
aem-not-an-asset-path = { $path } n’est pas le chemin d’une ressource de la DAM.
aem-other-origin = Envoi des identifiants de cette connexion à { $url } refusé : ce n’est pas { $origin }.
aem-path-control-character = { $path } contient un caractère de contrôle (une tabulation ou un saut de ligne, affichés \t ou \n) : Metadesk n’envoie pas un tel chemin à AEM, qui le lirait comme un autre.
aem-refused-after-renewal = { $host } a refusé les identifiants de la connexion, même après leur renouvellement. Le compte technique ou le jeton d’accès a peut-être été révoqué ; réimportez le fichier d’identifiants, ou vérifiez qu’il correspond bien à cet environnement.
aem-sdk-login-refused = L’AEM local à l’adresse { $url } a refusé le nom d’utilisateur et le mot de passe de « { $name } ». Vérifiez-les (admin/admin par défaut dans le SDK) et ajoutez de nouveau la connexion.
aem-get-new-dev-token = Obtenez-en un nouveau dans la Console développeur AEM de cet environnement (Intégrations → Jeton local → Obtenir un jeton de développement local), téléchargez-le et importez-le à nouveau.
aem-dev-token-ended = Le jeton de développement local de cette connexion a expiré le { $at } ; Adobe ne renouvelle pas ces jetons. { aem-get-new-dev-token }
aem-dev-token-refused = AEM a refusé le jeton de développement local de cette connexion. Il a peut-être expiré plus tôt que prévu, ou appartient à un autre environnement. { aem-get-new-dev-token }
aem-what-path = { $path }
aem-what-thumbnail = la vignette de { $path }
aem-what-graphql-endpoint = le point de terminaison GraphQL de « { $config } »
aem-what-schema = le schéma de « { $config } »
aem-what-persisted-list = la liste des requêtes persistantes
aem-what-persisted-query = la requête persistante /{ $config }/{ $name }
aem-what-saving-persisted = l’enregistrement de la requête persistante /{ $config }/{ $name }
aem-detail-status = { $status } : { $text }
aem-detail-status-only = { $status }
aem-detail-not-graphql = ce n’est pas une réponse GraphQL : { $text }
aem-detail-not-graphql-untitled = ce n’est pas une réponse GraphQL
aem-detail-no-schema = aucun schéma n’a été envoyé
aem-body-too-large = la réponse dépasse { $limit } Mo, bien plus que ce qu’une telle réponse contient
aem-body-cut = la réponse a été interrompue ({ $detail })
console-graphql-forbidden = AEM a refusé { $known ->
    [none] au compte de cette connexion
   *[other] au compte { $account }
} l’accès pour { $what } (403). Un administrateur AEM doit donner à { $known ->
    [none] ce compte
   *[other] { $account }
} l’accès au point de terminaison GraphQL : un compte technique ne l’obtient pas automatiquement.
console-graphql-not-enabled = { $host } n’a pas activé { $what } ({ $answer }). Un administrateur AEM crée les points de terminaison GraphQL dans Outils → Général → GraphQL ; choisissez une autre configuration en attendant.
console-slowed-down = AEM a demandé à Metadesk de ralentir ({ $status }) en lisant { $what }. Réessayez dans une minute.
console-endpoints-unlisted = AEM n’a pas listé ses points de terminaison GraphQL ({ $why }) ; saisissez le nom d’une configuration si ce n’est pas global.
console-endpoints-status = { $path } a répondu { $status }
console-endpoints-not-json = { $path } n’a pas renvoyé de JSON ({ $detail })
console-endpoints-what = la liste { $path }

## Échecs des API Assets (ticket 17) : les mots d’un appel qui n’a pas abouti, aussi le
## { $detail } des messages de dossier, de recherche et de raison.

assets-slow-down = AEM a demandé à Metadesk de ralentir ({ $status })
assets-forbidden = AEM a refusé la modification (403) : { $detail }
assets-forbidden-untold = AEM a refusé la modification (403)
assets-not-found = la ressource n’existe plus (404)
assets-conflict = la ressource a été modifiée dans AEM depuis sa lecture (412)
assets-rejected = AEM a répondu { $status } : { $detail }
assets-rejected-untold = AEM a répondu { $status }
assets-server-failed = AEM a répondu { $status } ({ $detail })
assets-not-json = la réponse n’est pas du JSON ({ $detail })
assets-too-large-to-render = AEM n’a pas voulu montrer { $path }, même sur un niveau (trop grand)
assets-no-path = l’adresse de la connexion ne peut pas recevoir de chemin
assets-metadata-not-object = les métadonnées ne sont pas un objet JSON
assets-listing-bad-child = la liste de { $folder } contient un élément { $why ->
    [empty] sans nom
    [dots] dont le nom désigne le dossier parent ou le dossier lui-même
    [slash] dont le nom contient une /
   *[control] dont le nom contient un caractère de contrôle
} ({ $name }) ; Metadesk n’utilise pas une liste à laquelle il ne peut pas se fier
assets-listing-stopped-early = la liste de { $folder } s’est arrêtée trop tôt : AEM a donné { $count } éléments à partir de la position { $offset }, alors que la page en contient { $pageSize } et le dossier { $total }
assets-batch-too-large = une écriture par lot de { $parameters } paramètres n’a pas été envoyée : AEM ignorerait ceux au-delà de sa limite ; ses ressources sont écrites une à une
error-untrusted-host = { $place ->
    [here] { $host } est sur cet ordinateur, où n’importe quel programme peut écouter, et ces identifiants sont délivrés par Adobe : leurs jetons y seraient envoyés. Seuls le bac à sable, une connexion à un AEM SDK local et les identifiants d’un IMS situé sur cet ordinateur y vont sans qu’on vous le demande. Ne l’importez que si vous faites confiance à ce qui écoute sur { $host } (dans la fenêtre, confirmez l’hôte ; en ligne de commande, ajoutez --trust-host { $host }).
   *[elsewhere] { $host } n’est ni l’un des hôtes AEM d’Adobe (author-p…-e….adobeaemcloud.com) ni cet ordinateur : vos jetons y seraient envoyés. Ne l’importez que si vous faites confiance à { $host } (dans la fenêtre, confirmez l’hôte ; en ligne de commande, ajoutez --trust-host { $host }).
}
error-host-not-trusted = { $place ->
    [here] La connexion « { $name } » pointe vers { $host }, sur cet ordinateur, où n’importe quel programme peut écouter, et ses identifiants sont délivrés par Adobe : elle n’est pas utilisée tant que vous ne faites pas confiance à cet hôte (dans la fenêtre, sur sa carte ; en ligne de commande, connections trust « { $name } » { $host }).
   *[elsewhere] La connexion « { $name } » pointe vers { $host }, qui n’est ni l’un des hôtes AEM d’Adobe ni cet ordinateur : elle n’est pas utilisée tant que vous ne faites pas confiance à cet hôte (dans la fenêtre, sur sa carte ; en ligne de commande, connections trust « { $name } » { $host }).
}
assets-cannot-read-tags = cette connexion ne peut pas lire les balises
assets-cannot-read-references = cette connexion ne peut pas demander où les ressources sont utilisées
assets-references-not-list = la recherche de références d’AEM a répondu autre chose qu’une liste de pages
assets-references-unnamed = interrogée sur cette seule ressource, la recherche de références d’AEM a répondu des pages d’une autre ressource
assets-cannot-read-schema = cette connexion ne peut pas lire les schémas de métadonnées
schema-options-and-more = { $options } … et { $more } autres
schema-value-not-option = « { $value } » n’est pas une des valeurs que permet { $label } ({ $property }) : { $options }
schema-value-not-number = « { $value } » n’est pas un nombre, alors que { $label } ({ $property }) attend un nombre
schema-value-out-of-range = « { $value } » sort de ce que { $label } ({ $property }) accepte : { $min ->
    [none] jusqu’à { $max }
   *[other] { $max ->
        [none] { $min } ou plus
       *[other] de { $min } à { $max }
    }
}
schema-value-not-date = « { $value } » n’est pas une date, alors que { $label } ({ $property }) attend une date comme 2026-03-31
schema-value-not-boolean = « { $value } » n’est ni true ni false, alors que { $label } ({ $property }) est une case à cocher
schema-field-read-only = { $label } ({ $property }) est en lecture seule dans le schéma de métadonnées : Metadesk ne le modifie pas
schema-unavailable-missing = Le schéma de métadonnées { $form } n’existe plus dans AEM : les propriétés se saisissent par leur nom et les valeurs ne sont pas vérifiées.
schema-unavailable-forbidden = Cette connexion ne peut pas lire le schéma de métadonnées { $form } (AEM : { $detail }) : les propriétés se saisissent par leur nom et les valeurs ne sont pas vérifiées.
schema-unavailable = Le schéma de métadonnées { $form } n’a pas pu être lu ({ $detail }) : les propriétés se saisissent par leur nom et les valeurs ne sont pas vérifiées.
schema-unavailable-folder = Le dossier { $folder } n’a pas pu être lu pour trouver son schéma de métadonnées ({ $detail }) : les propriétés se saisissent par leur nom et les valeurs ne sont pas vérifiées.
schema-unavailable-oauth = Une connexion OAuth serveur à serveur ne peut pas lire les schémas de métadonnées (AEM refuse son jeton sur /conf) sans connexion associée qui trouve les ressources : les propriétés se saisissent par leur nom et les valeurs ne sont pas vérifiées.
error-schema-refused = Le schéma de métadonnées de { $folder } ne permet pas ces valeurs : { $problems }. Rien n’a été prévisualisé ni écrit.
error-fragment-edits-refused = Les champs des fragments de contenu ne peuvent pas prendre ces modifications : { $problems }. Rien n’a été prévisualisé ni écrit.
fragments-field-unknown = aucun fragment ici n’a de champ { $field } (leurs champs : { $fields })
fragments-field-single = { $label } ({ $field }) prend une seule valeur, pas plusieurs
fragments-field-not-multiple = { $label } ({ $field }) contient une seule valeur : définissez-la ou videz-la (ajouter ou retirer des valeurs vaut pour les champs qui en contiennent plusieurs)
fragments-reference-not-a-path = { $label } prend une référence à un contenu, un chemin comme /content/dam/…, pas « { $value } »
error-fragments-need-oauth = { $name } ne peut pas modifier de fragments de contenu : l’API Sites d’AEM n’accepte que des identifiants OAuth Server-to-Server autorisés pour cet environnement. Rien n’a été envoyé. Importez des identifiants OAuth Server-to-Server depuis l’Adobe Developer Console et utilisez cette connexion pour les fragments de contenu.
error-fragments-forbidden = AEM a refusé de montrer les fragments de contenu de { $folder } à cette connexion (403). Demandez à un administrateur AEM d’autoriser ces identifiants OAuth Server-to-Server sur l’API Sites pour cet environnement.
error-fragments-failed = Impossible de lire les fragments de contenu de { $folder } : { $detail }. Rien n’a été écrit.
error-fragments-no-such-model = Aucun fragment de contenu sous { $folder } ne suit le modèle « { $model } » (leurs modèles : { $models }).
error-fragments-list-cancelled = La liste des fragments de contenu de { $folder } a été annulée. Rien n’a été écrit.
job-list-fragments = la liste des fragments de contenu de { $folder }
error-apply-empties-required = Cette exécution laisse vides des champs que le formulaire de métadonnées exige : { $fields }. Rien n’a été écrit. Indiquez que vous les voulez vides pour l’appliquer.
emptied-required-field = { $label } ({ $property })
job-missing-metadata = la vérification des métadonnées obligatoires de { $folder }
job-health = la lecture de l’état de santé de { $folder }
error-health-bad-duration = « { $duration } » n’est pas un nombre de jours : écrivez un nombre entier de 1 à 3650, par exemple 30d ou 30 jours.
health-off-time-unknown = Les heures de retrait ne sont pas connues : cette connexion ne peut pas chercher dans AEM (QueryBuilder).
health-publication-unknown = Les modifications depuis la publication ne sont pas connues : cette connexion ne peut pas lire l’état des ressources sur le site.
references-unknown-assets = { $count ->
    [one] On ne sait pas où une ressource est utilisée
   *[other] On ne sait pas où { $count } ressources sont utilisées
} (ce qui ne veut pas dire « utilisées nulle part ») : { $reason }.
references-not-asked-cancelled = pas demandé : la tâche a été annulée
assets-fragments-no-preview = L’API Sites d’AEM publie les fragments de contenu sur le niveau de publication seulement, pas sur Aperçu
assets-fragment-not-published = AEM n’a pas publié { $path } ({ $status })
assets-cannot-search = cette connexion ne peut pas effectuer de recherche
assets-search-failed = la recherche a échoué
assets-search-no-hits = la réponse de la recherche ne contient pas de liste de résultats
assets-search-hit-without-path = la recherche d’AEM a donné un résultat sans chemin
assets-search-kept-changing = les résultats de la recherche d’AEM ont changé pendant toute leur lecture ({ $passes } passages)
assets-same-cursor = AEM a donné deux fois le même curseur de page
assets-endless-pages = AEM a continué à donner des pages au-delà de { $pages }
assets-no-child-folders = la réponse d’AEM pour { $folder } ne contient pas de liste de sous-dossiers
assets-child-folder-unnamed = AEM a indiqué un sous-dossier de { $folder } sans chemin ni nom
assets-no-asset-id = { $path } n’a pas d’identifiant de ressource
assets-no-metadata = la réponse d’AEM pour { $path } ne contient pas d’objet assetMetadata : ses métadonnées actuelles sont inconnues
assets-no-uuid = AEM n’a pas donné le jcr:uuid de la ressource
fragments-answer-unusable = la réponse d’AEM sur les fragments de contenu est inutilisable (pas de { $what })
fragments-value-refused = le champ { $field } de { $path } ne peut pas prendre « { $value } »
fragments-no-such-field = le fragment de contenu { $path } n’a pas de champ { $field }
fragments-same-cursor = AEM a donné deux fois le même curseur de page : la liste a été arrêtée plutôt que de tourner sans fin
fragments-too-many-pages = AEM donnait encore des pages après { $pages } pages ({ $fragments } fragments) : la liste a été arrêtée ; choisissez un dossier plus petit
fragments-etag-too-long = AEM a donné au fragment de contenu { $path } un ETag de { $bytes } octets, plus long que les { $most } octets qu’accepte Metadesk : il n’est pas modifié (un ETag aussi long ne peut pas être renvoyé à AEM sans risque)
fragments-etag-refused-old-aem = AEM a refusé la modification de { $path } (412) alors que personne ne l’a modifié depuis sa lecture : les versions d’AEM antérieures à la 21331 (juin 2025) refusent l’ETag qu’elles viennent de donner. Mettez AEM à jour vers la version 21331 ou ultérieure, puis réessayez ; rien d’autre n’a été tenté

keychain-unavailable = Cet ordinateur n’a pas de trousseau de clés utilisable par Metadesk ({ $detail }). { $fixKind ->
    [linux] Installez et démarrez un trousseau de clés du bureau, comme GNOME Keyring ou KWallet (par exemple `sudo apt install gnome-keyring`), ouvrez une session de bureau, puis redémarrez Metadesk.
    [desktop] Vérifiez que vous êtes connecté à une session de bureau normale, puis redémarrez Metadesk.
   *[other] { $fix }
} Metadesk conserve les secrets uniquement dans le trousseau du système : rien ne peut être enregistré d’ici là.
keychain-locked = Le trousseau du système est verrouillé. Déverrouillez-le (sous Linux : ouvrez « Mots de passe et clés » et déverrouillez le trousseau « Connexion » ; sous macOS : Trousseau d’accès), puis réessayez.
keychain-access-denied = Le trousseau du système a refusé l’accès ({ $detail }). Autorisez Metadesk à l’utiliser, puis réessayez.
keychain-too-large = L’entrée est trop volumineuse pour le trousseau de ce système ({ $size } octets, la limite est de { $limit }).
keychain-failed = Le trousseau du système a échoué : { $detail }

## Échecs d’entrée-sortie et connexions remplacées (ticket 17 : leurs mots dans la langue de
## l’utilisateur). Les io-… disent ce que faisait Metadesk : le { $context } de error-io.

error-io-detail = { $kind ->
    [not-found] le fichier ou le dossier n’existe pas
    [permission-denied] permission refusée
    [already-exists] un fichier ou un dossier de ce nom existe déjà
    [storage-full] le disque est plein
    [read-only] le disque est en lecture seule
    [is-a-directory] c’est un dossier, pas un fichier
    [not-a-directory] une partie du chemin n’est pas un dossier
    [directory-not-empty] le dossier n’est pas vide
    [busy] le fichier est en cours d’utilisation
    [invalid-data] son contenu est illisible
    [unexpected-eof] le fichier se termine trop tôt
    [timed-out] le système n’a pas répondu à temps
    [quota-exceeded] le quota de disque est dépassé
    [file-too-large] le fichier est trop volumineux
    [invalid-filename] ce nom de fichier n’est pas valide ici
    [broken-pipe] le programme qui lisait la sortie s’est arrêté
   *[other] { $detail }
}
io-read = impossible de lire { $path }
io-write = impossible d’écrire { $path }
io-remove = impossible de supprimer { $path }
io-lock = impossible de verrouiller { $path }
io-create-folder = impossible de créer le dossier { $path }
io-save-connections = impossible d’enregistrer les connexions dans { $path }
io-temp-folder = impossible de créer un dossier temporaire
error-needs-replace = Ce fichier a l’identifiant client de la connexion « { $name } », mais ce ne sont pas les mêmes identifiants : { $differences } Rien n’a été modifié ; le remplacement doit être confirmé.
replace-kind = Son type est « { $kind } » ; celui de la connexion est « { $previous } ».
replace-ims = Ce fichier utilise l’IMS { $host }, et non { $previous }.
replace-no-ims = aucun IMS
replace-secret = Le champ « { credential-field } » diffère.
error-ims-only-for-oauth = Une adresse IMS ne peut être indiquée que pour des identifiants OAuth serveur à serveur ; ce fichier ({ $kind }) indique lui-même l’IMS qu’il utilise.
error-ims-address = L’adresse IMS est inutilisable : { url-problem }.

## Connexions : enregistrement, renommage, association (ticket 17 : leurs mots dans la langue de
## l’utilisateur)

error-aem-address = L’adresse AEM est inutilisable : { url-problem }.
error-no-aem-address = Ce fichier ({ $kind }) n’indique pas à quel environnement AEM il est destiné. Indiquez l’adresse de l’instance de création AEM, par exemple https://author-p12345-e67890.adobeaemcloud.com.
error-sandbox-not-production = Une connexion au bac à sable est un AEM simulé sur cet ordinateur ; elle ne peut pas être marquée comme production.
error-no-other-connection = Aucune autre connexion ne s’appelle « { $name } ».
error-keychain-missing = Le trousseau ne contient pas le champ « { credential-field } » de « { $name } ». Importez à nouveau son fichier d’identifiants.
error-connection-missing-part = Il manque le champ « { credential-field } » à la connexion « { $name } ». Importez à nouveau son fichier d’identifiants.
error-connection-changed-outside = La destination des identifiants de « { $name } » a été modifiée en dehors de Metadesk : son fichier de connexions indique maintenant { $url }, ce que Metadesk n’a pas enregistré, donc rien n’a été envoyé. Si c’est vous qui avez fait ce changement, saisissez de nouveau l’adresse dans Metadesk (Modifier l’adresse sur sa carte, ou metadesk-cli connections set-url « { $name } » ADRESSE) ; sinon, un autre programme de cet ordinateur a modifié le fichier.
error-connection-not-bound = « { $name } » a été enregistrée par une version antérieure de Metadesk et envoie ses identifiants à { $url }, qui n’est pas un hôte d’Adobe : Metadesk ne peut pas savoir si un autre programme a écrit cette adresse, donc rien n’a été envoyé. Pour l’utiliser, saisissez de nouveau l’adresse dans Metadesk (Modifier l’adresse sur sa carte, ou metadesk-cli connections set-url « { $name } » ADRESSE).
error-connection-import-again = « { $name } » a été enregistrée par une version antérieure de Metadesk avec l’adresse IMS { $ims }, qui n’est pas celle d’Adobe : Metadesk ne peut pas savoir si un autre programme l’a écrite. Importez de nouveau son fichier d’identifiants pour l’utiliser.
error-connections-busy = Une autre fenêtre ou commande Metadesk modifie les connexions et n’a pas terminé. Réessayez dans un instant.
error-name-empty = Une connexion doit avoir un nom.
error-name-too-long = Le nom est trop long ({ $max } caractères au plus).
error-name-taken = Une connexion s’appelle déjà « { $name } ». Choisissez un autre nom.
error-paired-not-needed = « { $name } » trouve elle-même les ressources : seule une connexion OAuth serveur à serveur est associée à une autre connexion.
error-paired-cannot-find = « { $name } » ne peut pas non plus trouver de ressources : choisissez une connexion créée à partir d’identifiants de service AEM, d’un jeton de développement ou d’une connexion à un SDK local.
error-paired-other-aem = « { $paired } » est une connexion à { $pairedUrl }, mais « { $name } » est sur { $url } : la connexion qui trouve les ressources doit être sur le même AEM.
error-connections-damaged = Le fichier des connexions { $path } est endommagé ({ $detail }). Déplacez-le pour repartir de zéro, ou restaurez-le depuis une sauvegarde.
error-connections-no-version = Le fichier des connexions { $path } est endommagé (il n’indique pas de version de format). Déplacez-le pour repartir de zéro, ou restaurez-le depuis une sauvegarde.
error-connections-newer = Le fichier des connexions { $path } a été écrit par une version plus récente de Metadesk (format { $version }). Mettez Metadesk à jour pour l’utiliser ; cette version ne le modifiera pas.
error-confirm-production = Cette connexion est marquée comme production : saisissez son nom, « { $name } », pour appliquer.

## Connexions : l’état d’une connexion, la santé de son jeton et le nom proposé, tels que la CLI
## et la fenêtre les lisent (ticket 17 : les connexions dans la langue de l’utilisateur)

connection-status-ok = OK
connection-status-expired = expirée le { $date }
connection-status-expires-days = expire dans { $days ->
    [one] { $days } jour
   *[other] { $days } jours
}
connection-status-expires-hours = { $hours ->
    [0] expire dans moins d’une heure
    [one] expire dans 1 heure
   *[other] expire dans { $hours } heures
}
health-sdk = se connecte avec un nom d’utilisateur et un mot de passe
health-renewing = renouvellement…
health-failed = échec : { $reason }
health-token-valid = jeton valide encore { $duration }
health-no-token = pas encore de jeton ; il sera demandé au besoin
health-dev-token-end-unknown = jeton de développement (fin inconnue ; il dure au plus 24 h)
health-dev-token-ended = jeton de développement expiré
health-dev-token-ends = le jeton de développement expire dans { $duration }
health-dev-token-valid = jeton de développement valide encore { $duration }
health-with-certificate = { $summary } ; { $certificate }
health-certificate = { $state ->
    [expired] certificat expiré
    [today] le certificat expire aujourd’hui
   *[days] le certificat expire dans { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    }
}
health-advice-dev-token-end-unknown = Quand AEM ne l’acceptera plus, obtenez-en un nouveau dans la Console développeur AEM de cet environnement (Intégrations → Jeton local → Obtenir le jeton de développement local), téléchargez-le et importez-le à nouveau.
health-advice-dev-token-ended = Les jetons de développement durent 24 heures et ne peuvent pas être renouvelés. Obtenez-en un nouveau dans la Console développeur AEM de cet environnement (Intégrations → Jeton local → Obtenir le jeton de développement local), téléchargez-le et importez-le à nouveau.
health-advice-dev-token-ending = Terminez ou mettez en pause les longues exécutions avant qu’il n’expire. Obtenez-en un nouveau dans la Console développeur AEM de cet environnement (Intégrations → Jeton local → Obtenir le jeton de développement local), téléchargez-le et importez-le à nouveau.
name-suggestion-local-sdk = SDK AEM local ({ $host })
name-suggestion-dev-token = Jeton de développement ({ $user })
name-suggestion-dev-token-anonymous = Jeton de développement
# Identifiant d’un environnement Cloud Service : son programme et son environnement en mots (ticket 68)
name-suggestion-cloud = Programme { $program } · environnement { $environment }
name-suggestion-cloud-oauth = Programme { $program } · environnement { $environment } (OAuth)

## Listes de ressources dans un fichier, déposées ou choisies dans Modification en masse (ticket 15)

list-file-not-text = { $file } n’est pas un fichier texte : une liste de ressources est un fichier .txt ou .csv avec un chemin DAM, un lien Assets ou un identifiant de ressource par ligne, ou un classeur dont la première colonne les contient.
list-file-unreadable = { $file } n’a pas pu être lu comme une liste de ressources ({ $detail }).
list-file-empty = { $file } ne contient aucune entrée : écrivez un chemin DAM, un lien Assets ou un identifiant de ressource par ligne.
list-file-too-large = { $file } fait { $size } Mo : un fichier de liste fait au plus { $limit } Mo (environ 50 000 entrées). Découpez-le, ou utilisez les outils de masse d’AEM pour une modification de cette taille.
list-file-columns = { $file } a { $columns } colonnes à la ligne { $line } : un fichier de liste n’a qu’une colonne (un chemin DAM, un lien Assets ou un identifiant de ressource par ligne). Ne gardez que cette colonne, ou copiez-la et collez-la dans la liste.
list-file-gone = Ce fichier n’est plus disponible ; déposez-le de nouveau sur la liste, ou choisissez-le.

## Trouver des ressources avec la recherche OpenAPI d’AEM (ticket 15 : connexions OAuth Server-to-Server)

open-search-cannot-express = La recherche OpenAPI d’AEM ne sait pas demander « { $condition } » : { $why ->
    [presence] elle ne sait pas dire si une propriété est vide ou renseignée.
    [negation] elle ne sait pas écarter les ressources qui correspondent (« n’est pas », « ne contient pas »).
    [contains] elle compare des valeurs entières, pas une partie de valeur.
    [tag-tree] elle compare une balise exacte, pas les balises placées dessous.
    [type-family] elle compare un type de fichier exact, pas une famille comme image/*.
    [name-pattern] elle compare un nom exact, sans * ni ?.
    [any] elle combine les conditions par « toutes » seulement, pas par « au moins une ».
   *[other] elle n’a aucun moyen de le demander.
    } Modifiez la condition, ou cherchez avec une connexion Service Credentials ou jeton de développement sur cet AEM : choisissez-la comme « Connexion associée » sur la carte de « { $connection } ».
open-search-none = « { $connection } » est une connexion OAuth Server-to-Server, et cet AEM ne répond pas à sa recherche OpenAPI ({ $detail }), seul moyen pour une telle connexion de trouver des ressources. Importez des identifiants de service AEM (AEM Developer Console) ou un jeton de développement pour le même AEM, puis choisissez-le sous « Trouve les ressources avec » sur la carte de cette connexion (en ligne de commande : ajoutez --paired-with CONNEXION).
open-search-refused = AEM a refusé la recherche OpenAPI de cette connexion (403 : { $detail }). Son client id doit être autorisé sur cet environnement (allowedClientIDs dans la configuration d’API d’AEM) et son profil de produit doit donner l’accès en lecture aux ressources.
open-search-failed = La recherche OpenAPI d’AEM a échoué : { $detail }.
open-search-cut-short = La recherche OpenAPI d’AEM s’est arrêtée après { $read } ressources ({ $detail }). Une partie des ressources n’est jamais prise pour le tout : rien n’a été planifié. Réessayez.
open-search-outside = La recherche OpenAPI d’AEM a répondu { $path }, qui n’est pas dans { $folder } : elle n’a pas appliqué la requête telle qu’envoyée, sa réponse n’est donc pas utilisée.
## Erreurs des exécutions en masse

error-run-locked = Cette exécution est en cours d’application dans une autre fenêtre ou commande Metadesk.
error-job-running = Une modification en masse est déjà en cours ({ $job }). Attendez qu’elle se termine ou annulez-la, puis réessayez.
error-no-job = Aucune modification en masse n’est en cours.
error-no-such-run = Il n’existe pas d’exécution { $run }.
error-file-exists = { $file } existe déjà ; choisissez un autre nom de fichier, ou remplacez-le.
error-needs-paired = { $named ->
    [yes] « { $name } » est
   *[no] Cette connexion est
} une connexion OAuth Server-to-Server, et cet AEM ne répond pas à sa recherche OpenAPI : elle ne peut donc pas trouver les ressources d’un dossier (AEM refuse son jeton d’accès sur les API qui les listent, et aucun point de terminaison OpenAPI ne les liste). Importez des identifiants de service AEM (AEM Developer Console) ou un jeton de développement pour la même instance AEM, { $connection ->
    [stored] puis choisissez-la comme « Connexion associée » sur la carte de cette connexion (en ligne de commande : ajoutez --paired-with CONNEXION).
   *[file] puis, en ligne de commande : ajoutez --paired-with CONNEXION.
}
error-say-which-aem = Indiquez quelle instance AEM utiliser : --connection NOM, ou --aem URL --file IDENTIFIANTS.json.
error-run-action = { $to ->
    [apply] l’appliquer
    [resume] la reprendre
    [undo] revenir en arrière sur elle
    [republish] republier ce qu’elle a modifié
   *[retry] la relancer
}
error-run-on-other-aem = La connexion « { $name } » pointe désormais vers { $now }, mais cette exécution a été faite sur { $was }. Remettez l’adresse de la connexion sur { $was } pour { error-run-action }.
error-run-used-a-file = Cette exécution a utilisé le fichier d’identifiants { $file } ; indiquez-le de nouveau avec --aem URL --file FICHIER pour { error-run-action }.
error-run-connection-gone = Cette exécution a été faite avec la connexion « { $name } », qui n’existe plus. Importez de nouveau son fichier d’identifiants sous ce nom pour { error-run-action }.

## La tâche en masse en cours, telle que error-job-running la nomme (ticket 17 : libellés des tâches dans la langue de l’utilisateur)

job-count-folder = le comptage des ressources de { $folder }
job-count-search = le comptage d’une recherche dans { $folder }
job-check-list = la vérification d’une liste de ressources
job-preview = un aperçu de { $folder }
job-preview-of-run = un aperçu { $kind ->
    [undo] pour revenir en arrière sur une exécution
   *[retry] de la nouvelle tentative
} dans { $folder }
job-preview-sheet = un aperçu de la feuille { $file }
job-export-sheet = l’export des métadonnées de { $folder }
job-count-tags = le comptage des balises sous { $folder }
job-apply = l’application des modifications à { $folder }
job-tag-import = l’import des balises de { $file }
job-tag-rename = le renommage de la balise { $id } en { $title }

## Fichiers d’identifiants : pourquoi l’un ne peut pas être importé, et ce qu’il est (ticket 17 :
## les identifiants dans la langue de l’utilisateur). { credential-field }, { pem-problem } et
## { url-problem } sont des parties d’autres messages : ils lisent $field, $problem et $text.

credential-field = { $field ->
    [client-id] identifiant client
    [client-secret] secret client
    [scopes] portées
    [metascopes] métaportées
    [technical-account-id] identifiant du compte technique
    [technical-account-email] adresse e-mail du compte technique
    [organisation-id] identifiant d’organisation
    [ims-address] adresse IMS
    [private-key] clé privée
    [certificate] certificat
    [access-token] jeton d’accès
    [development-token] jeton de développement
    [user-name] nom d’utilisateur
    [password] mot de passe
    [project-title] titre du projet
    [project-name] nom du projet
   *[other] { $field }
}
pem-problem = { $problem ->
    [not-base64] ne contient pas de base64 valide entre ses lignes « -----BEGIN » et « -----END »
    [no-begin] n’a pas de ligne « -----BEGIN »
    [broken-begin] a une ligne « -----BEGIN » abîmée
    [cut-off] est tronqué (aucune ligne « -----END » correspondante)
    [passphrase] est protégé par une phrase secrète, ce que Metadesk ne prend pas en charge
    [empty] est vide entre ses lignes « -----BEGIN » et « -----END »
    [bad-characters] contient des caractères qui n’ont pas leur place dans un bloc PEM
    [unreadable-key] ne contient pas de clé privée RSA lisible
    [not-rsa-key] ne contient pas de clé privée RSA lisible (seules les clés RSA sont prises en charge)
    [certificate-not-key] contient un certificat, pas une clé privée
    [not-key] ne contient pas de clé privée
    [not-certificate] ne contient pas de certificat
    [unreadable-certificate] ne contient pas de certificat lisible
    [bad-dates] contient des dates que Metadesk ne sait pas lire
    [not-rsa-certificate] ne contient pas de clé publique RSA
   *[other] est illisible
}
url-problem = { $problem ->
    [no-host] « { $text } » n’a pas de nom d’hôte
    [plain-http] « { $text } » utilise http simple ; Metadesk n’envoie d’identifiants que par https (http simple n’est admis que pour les adresses de cet ordinateur, comme un SDK AEM local)
    [not-web] « { $text } » n’est pas une adresse web
    [credentials-in-url] « { $text } » ne doit contenir ni nom d’utilisateur ni mot de passe
    [aem-path] « { $text } » contient un chemin ; indiquez seulement l’adresse du serveur, par exemple https://author-p12345-e67890.adobeaemcloud.com
    [no-ims] aucune adresse IMS n’est indiquée
    [bad-host] « { $text } » n’est ni un nom d’hôte ni une adresse web valide
    [ims-path] « { $text } » doit être un nom d’hôte comme ims-na1.adobelogin.com, sans chemin
    [not-ims] « { $text } » n’est pas Adobe IMS ; Metadesk n’envoie de secrets qu’à Adobe IMS (un hôte se terminant par .adobelogin.com, comme ims-na1.adobelogin.com) ou à cet ordinateur
   *[other] « { $text } » est inutilisable
}
refusal-folder = C’est un dossier, pas un fichier. Choisissez le fichier d’identifiants lui-même (un fichier .json).
refusal-missing-file = Le fichier n’existe pas.
refusal-not-allowed = Metadesk n’a pas le droit de lire ce fichier.
refusal-unreadable = Le fichier n’a pas pu être lu ({ $detail }).
refusal-not-regular = Ce n’est pas un fichier ordinaire (c’est un périphérique, un tube ou un socket, ou un lien vers l’un d’eux). Choisissez le fichier d’identifiants lui-même (un fichier .json).
refusal-too-large = Le fichier est trop volumineux pour être un fichier d’identifiants ({ $size } Mo ; un fichier d’identifiants fait quelques kilo-octets).
refusal-too-deep = Le JSON du fichier est bien trop imbriqué pour être un fichier d’identifiants.
refusal-not-json = Le fichier n’est pas du JSON valide (ligne { $line }, colonne { $column }). Les fichiers d’identifiants sont en JSON ; téléchargez-le à nouveau plutôt que de le modifier à la main.
refusal-json-list = Le fichier contient une liste (un tableau JSON), pas des identifiants. Importez un fichier d’identifiants à la fois.
refusal-json-value = Le fichier contient une simple valeur JSON, pas des identifiants.
refusal-empty = Le fichier est vide.
refusal-utf16 = Le fichier est enregistré en texte UTF-16 (« Unicode »). Enregistrez-le en UTF-8, ou téléchargez-le à nouveau depuis la console sans l’ouvrir dans un éditeur.
refusal-binary = Le fichier n’est pas un fichier texte (il ressemble à un fichier binaire, une image ou une archive). Les fichiers d’identifiants sont du texte JSON.
refusal-console-error = Le fichier est une réponse d’erreur de la Console développeur AEM (sa valeur « ok » est false), pas des identifiants. Téléchargez à nouveau les identifiants.
refusal-token-answer = Le fichier contient un jeton d’accès issu d’une demande de jeton, pas des identifiants. Importez plutôt les identifiants qui ont servi à obtenir ce jeton.
refusal-unknown-file = Metadesk ne reconnaît pas ce fichier. Il accepte les identifiants de service AEM ou un jeton de développement local (tous deux issus de la Console développeur AEM), ainsi que les identifiants OAuth serveur à serveur de l’Adobe Developer Console.
refusal-retired-jwt = Ce sont des identifiants JWT (compte de service) de l’Adobe Developer Console. Adobe les a retirés en 2025. Dans l’Adobe Developer Console, ajoutez des identifiants OAuth serveur à serveur au projet, ou utilisez les identifiants de service de la Console développeur AEM.
refusal-field-not-group = Le champ { $path } devrait être un groupe de champs, mais ne l’est pas.
refusal-field-missing = Il manque au fichier le champ { $path } ({ credential-field }).
refusal-field-empty = Le champ { $path } ({ credential-field }) est vide.
refusal-field-not-text = Le champ { $path } ({ credential-field }) devrait contenir du texte, mais n’en contient pas.
refusal-ims-address = L’adresse IMS ({ $path }) est inutilisable : { url-problem }.
refusal-aem-address = L’adresse AEM est inutilisable : { url-problem }.
refusal-pem = Le champ { $path } ({ credential-field }) { pem-problem }.
refusal-key-certificate-mismatch = La clé privée ({ $key }) ne correspond pas au certificat ({ $certificate }). Téléchargez à nouveau les identifiants : une clé et un certificat issus de téléchargements différents ne fonctionnent pas ensemble.
refusal-certificate-expired = Le certificat a expiré le { $date }. Dans la Console développeur AEM, ouvrez ce compte technique, ajoutez un nouveau certificat et téléchargez à nouveau les identifiants.
refusal-incomplete = Le fichier est incomplet.
refusal-key-reencode = La clé privée du fichier n’a pas pu être réencodée pour le trousseau.
refusal-oauth-form = Metadesk l’a lu comme un compte technique de la Console développeur AEM sans clé privée (la forme OAuth plus récente), qui exige un identifiant client, un secret client, des portées et l’adresse IMS. S’il s’agit d’identifiants de service JWT, téléchargez-les à nouveau : la clé privée manque.
refusal-token-unreadable = Le jeton d’accès (accessToken) n’est pas un jeton lisible. Téléchargez un nouveau jeton de développement local depuis la Console développeur AEM.
refusal-token-expired = Ce jeton de développement a expiré ({ $date }). Téléchargez-en un nouveau depuis la Console développeur AEM (Intégrations → Jeton local).
refusal-no-s2s = Ce projet de l’Adobe Developer Console n’a pas d’identifiants OAuth serveur à serveur. Ajoutez-en à l’espace de travail du projet, téléchargez à nouveau le JSON du projet et importez-le à nouveau.
refusal-user-empty = Le nom d’utilisateur est vide.
refusal-password-empty = Le mot de passe est vide.
refusal-no-credential = Le fichier ne contient aucun identifiant.
refusal-no-such-choice = Le fichier ne contient pas d’identifiants « { $key } ». Choisissez parmi : { $keys }.

import-pasted-text = Texte collé
error-import-gone = Ce fichier n’attend plus d’être importé. Déposez-le ou choisissez-le à nouveau.
import-summary-service = Identifiants de service AEM issus de la Console développeur AEM.
import-summary-service-at = Identifiants de service AEM pour le programme { $program }, environnement { $environment }, issus de la Console développeur AEM.
import-summary-oauth-form = Un compte technique de la Console développeur AEM{ $place } avec un identifiant client et un secret client, mais sans clé privée : la forme OAuth plus récente. Metadesk obtient ses jetons d’accès auprès de { $host } avec l’identifiant et le secret client (sans JWT), et modifie les ressources par l’OpenAPI d’AEM. Si AEM le refuse pour lister les dossiers et rechercher, associez-le à une connexion qui trouve les ressources.
import-place = { " " }pour le programme { $program }, environnement { $environment },
import-summary-oauth = Des identifiants OAuth serveur à serveur de l’Adobe Developer Console.
import-summary-dev-token = Un jeton de développement local AEM. Il agit en tant que { $who } { $until }.
import-summary-dev-token-no-end = Un jeton de développement local AEM. Il agit en tant que { $who }.
import-summary-sdk = Le SDK AEM à l’adresse { $url }, connecté en tant que { $user }.
import-token-creator = la personne qui l’a créé
import-until = { $hours ->
    [0] { $minutes ->
        [0] pendant encore moins de deux minutes
       *[other] pendant encore { $minutes } minutes
    }
   *[other] pendant encore environ { $hours } heures
} (jusqu’au { $at })
import-works-classic = Fonctionne avec les API AEM classiques : l’API HTTP Assets (/api/assets) et GraphQL.
import-works-openapi = Fonctionne avec les API d’AEM basées sur OpenAPI (/adobe/assets, /adobe/folders) dès qu’un administrateur autorise son identifiant client pour l’environnement.
import-not-classic = Ne fonctionne pas avec l’API HTTP Assets classique (/api/assets) ; pour celle-ci, utilisez des identifiants de service de la Console développeur AEM.
import-works-sdk = Fonctionne avec les API AEM classiques du SDK AEM de cet ordinateur.
import-acts-as-technical-account = Agit en tant que compte technique { $email } : c’est l’utilisateur AEM à qui accorder des droits (un nouveau compte technique ne peut que lire).
import-acts-as = Agit en tant que { $user } { $until }.
import-certificate-until = Son certificat est valide jusqu’au { $date }.
import-secret-hint = { credential-field } { $hint }
import-key-hint = clé privée (RSA { $bits } bits)
import-choice = { $name } (identifiant client { $client })
import-choice-unnamed = Identifiants { $number } (identifiant client { $client })
import-warning-no-email = Le fichier ne contient pas l’adresse e-mail du compte technique : Metadesk ne peut donc pas vous dire à quel utilisateur AEM donner des droits.
import-warning-no-email-at = Le fichier ne contient pas l’adresse e-mail du compte technique ({ $path }) : Metadesk ne peut donc pas vous dire à quel utilisateur AEM donner des droits.
import-warning-not-yet-valid = Le certificat n’est valide qu’à partir du { $date } ; vérifiez la date de cet ordinateur.
import-warning-no-certificate = Le fichier ne contient pas de certificat ({ $path }) : Metadesk ne peut donc pas savoir quand il expire.
import-warning-certificate-expires = Le certificat expire dans { $days ->
    [0] moins d’un jour
    [one] 1 jour
   *[other] { $days } jours
} (le { $date }). Ajoutez un nouveau certificat dans la Console développeur AEM d’ici là.
import-warning-token-not-renewable = Un jeton de développement ne peut pas être renouvelé : quand celui-ci arrive à échéance, téléchargez-en un nouveau depuis la Console développeur AEM et importez-le à nouveau.
import-warning-token-end-unknown = Metadesk ne peut pas savoir quand ce jeton expire (il dure en général 24 heures).
import-warning-other-credentials = D’autres identifiants de ce fichier sont inutilisables : { $problems }

## Feuilles : lecture d’une feuille et problèmes trouvés dedans (ticket 17 : messages de vérification des feuilles)

sheet-issue = { $problem }
sheet-issue-at-row = Ligne { $row } : { $problem }
sheet-issue-at-column = Colonne { $column } : { $problem }
sheet-issue-at-row-column = Ligne { $row }, colonne { $column } : { $problem }
error-sheet-empty-file = { $file } est vide.
error-sheet-not-a-workbook = { $file } n’est pas un classeur que Metadesk sait lire (un .xlsx, .xls ou .ods, ou un .csv) ; ouvrez-le dans Excel ou LibreOffice et enregistrez-le au format .xlsx.
error-sheet-too-many-cells = { $file } s’étend sur { $rows } lignes et { $columns } colonnes, plus que les { $limit } cellules que Metadesk lit dans un fichier ; rien n’a été lu. Supprimez les cellules très en dessous ou à droite de vos données (ou répartissez la feuille), puis enregistrez-la de nouveau.
error-sheet-too-many-texts = { $file } contient plus de { $limit } textes différents, plus que les cellules que Metadesk lit dans un fichier ; rien n’a été lu. Répartissez la feuille en plusieurs.
error-sheet-part-too-large = { $file } se décompresse en plus de { $limit } Mo dans une de ses parties ; rien n’a été lu. Ouvrez-le dans Excel ou LibreOffice, supprimez ce qui n’est pas utile et enregistrez-le de nouveau, ou répartissez-le.
error-sheet-xlsb = { $file } est un classeur binaire Excel (.xlsb), que Metadesk ne lit pas ; enregistrez-le au format .xlsx dans Excel.
error-sheet-no-worksheet = { $file } ne contient aucune feuille de calcul.
error-sheet-not-a-sheet = { $file } n’est pas une feuille : ce n’est ni un classeur (.xlsx, .xls, .ods) ni un texte tel qu’un .csv. Exportez de nouveau les métadonnées, ou enregistrez votre feuille au format .xlsx ou .csv.
error-sheet-bad-csv = { $file } n’a pas pu être lu comme CSV vers la ligne { $line } : { $detail }.
error-sheet-empty-header = La première ligne de { $file } est vide. Elle nomme les colonnes : Chemin (ou Path, assetPath), puis une colonne par propriété, par exemple Titre (dc:title).
error-sheet-no-path-column = { $file } n’a pas de colonne de chemin : ses lignes ne peuvent pas être rapprochées des ressources. La première ligne doit nommer une colonne Chemin ou Path (comme l’export de Metadesk) ou assetPath (comme l’export d’AEM) ; exportez de nouveau les métadonnées du dossier pour repartir d’une feuille qui en a une.
error-sheet-no-change = { $file } ne demande aucune modification : toutes les cellules de propriété sont vides (une cellule vide laisse la valeur telle quelle). Saisissez les nouvelles valeurs, ou #CLEAR pour en supprimer une.
sheet-key-column-repeated = cette colonne clé répète la colonne { $first } ; supprimez l’une des deux.
sheet-property-column-repeated = { $property } a déjà la colonne { $first } ; gardez une seule colonne par propriété.
sheet-column-without-header = la colonne a des valeurs (à partir de la ligne { $row }) mais pas d’en-tête ; nommez la propriété en ligne 1, par exemple Titre (dc:title), ou supprimez la colonne.
sheet-header-bad-brackets = L’en-tête « { $header } » a « { $inside } » entre parenthèses, qui n’est pas un nom de propriété ; écrivez la propriété sous la forme préfixe:nom, par exemple Titre (dc:title).
sheet-header-bad-property = L’en-tête « { $header } » n’est pas un nom de propriété ; écrivez-le sous la forme préfixe:nom (lettres, chiffres, _ - .), par exemple dc:title, ou Titre (dc:title).
sheet-header-no-property = L’en-tête « { $header } » ne nomme aucune propriété ; écrivez-le sous la forme Mots (préfixe:nom), par exemple Titre (dc:title), ou supprimez la colonne.
sheet-aem-header-bad = L’en-tête « { $header } » { $why ->
    [unclosed] a un {"{{"} ou un {"}}"} non fermé
    [text-after] a du texte après ses {"}}"}
    [no-property] ne commence pas par un nom de propriété
   *[option] a après son type une option autre que multi
} ; la forme d’AEM est nom {"{{"}Type{"}}"} ou nom {"{{"}Type: multi{"}}"}, par exemple dc:subject {"{{"}String: multi{"}}"}.
sheet-aem-header-bad-type = L’en-tête « { $header } » a le type « { $type } », qu’AEM ne connaît pas (String, Date, Long, Double, Decimal, Boolean) ; la forme d’AEM est nom {"{{"}Type{"}}"} ou nom {"{{"}Type: multi{"}}"}, par exemple dc:subject {"{{"}String: multi{"}}"}.
sheet-row-without-path = la ligne a des valeurs mais pas de chemin de ressource ; renseignez le chemin (par exemple /content/dam/dossier/photo.jpg) ou supprimez la ligne.
sheet-duplicate-path = { $path } figure déjà en ligne { $first } ; gardez une ligne par ressource (réunissez les valeurs des deux lignes en une et supprimez l’autre).
sheet-bad-export-time = « { $text } » n’est pas l’heure exportée par Metadesk : les modifications faites dans AEM depuis l’export ne peuvent pas être détectées pour cette ligne ; remettez l’heure exportée, ou laissez-la telle quelle pour l’accepter.
sheet-bad-export-codes = Les valeurs exportées de cette ligne ne sont plus celles écrites par Metadesk : les modifications faites dans AEM depuis l’export ne peuvent pas être détectées pour elle ; remettez la cellule, ou laissez-la telle quelle pour l’accepter.
sheet-cell-error = la cellule affiche l’erreur { $text } ; corrigez-la ou saisissez la valeur.
sheet-cell-error-formula = la cellule affiche l’erreur { $text } (formule { $formula }) ; corrigez-la ou saisissez la valeur.
sheet-cell-formula = la cellule contient la formule { $formula } ; sa valeur affichée « { $text } » est utilisée. Pour être sûr de ce qui sera écrit, copiez la colonne et collez-la en valeurs.
sheet-holds-one-value = { $property } n’a qu’une valeur, mais la cellule en a { $count } séparées par | ; gardez-en une, ou écrivez \| pour un | qui fait partie du texte.
sheet-holds-one-value-in-aem = { $property } n’a qu’une valeur dans AEM, mais la cellule en a { $count } séparées par | ; gardez-en une, ou écrivez \| pour un | qui fait partie du texte. Rien n’est écrit pour cette ligne.
sheet-value-too-long = la valeur fait { $length } caractères ; Metadesk écrit au plus { $limit } caractères dans une propriété ; raccourcissez-la.
sheet-not-a-date = « { $value } » n’est pas une date que Metadesk sait lire ; écrivez-la sous la forme 2026-03-26 ou 2026-03-26T11:26:00+01:00 (année-mois-jour).
sheet-not-a-whole-number = « { $value } » n’est pas un nombre entier ; n’écrivez que des chiffres, par exemple 42.
sheet-not-a-number = « { $value } » n’est pas un nombre ; écrivez-le comme 3.5.
sheet-not-a-boolean = « { $value } » n’est ni true ni false ; écrivez true ou false.
sheet-not-a-boolean-date-cell = « { $value } » n’est ni true ni false.
sheet-outside-folder = { $path } est hors du dossier exporté { $folder } ; cette ressource sera modifiée elle aussi. Supprimez la ligne si ce n’est pas voulu.
sheet-openapi-no-modified = { $connection } passe par l’API OpenAPI Assets, qui ne dit pas quand une ressource a changé pour la dernière fois : les modifications faites dans AEM depuis l’export ne peuvent pas être détectées. Chaque valeur est tout de même comparée à la valeur actuelle d’AEM dans l’aperçu.
sheet-row-changed-since-export = { $path } : { $reason }.
sheet-row-no-asset = il n’y a pas de ressource à { $path } dans { $connection } ; corrigez le chemin (copiez-le depuis AEM) ou supprimez la ligne. Rien n’est écrit pour cette ligne.
sheet-row-not-read = { $path } n’a pas pu être lu dans AEM ({ $reason }) ; corrigez le chemin (copiez-le depuis AEM) ou supprimez la ligne. Rien n’est écrit pour cette ligne.
sheet-export-unread = { $path } : { $why }
sheet-export-unread-line = ligne { $line } ({ $entry }) : { $why }

## Une feuille exportée par Metadesk, dans la langue de qui l’exporte : ses en-têtes de colonnes et
## sa feuille « À propos de cet export » (ticket 17). Une feuille se relit dans toutes les langues :
## les mots des colonnes clés avant la parenthèse, le nom de la feuille « À propos » et sa ligne
## du dossier sont reconnus dans chacune. L’en-tête d’une propriété doit garder ({ $property }) ;
## celui d’une propriété à plusieurs valeurs doit garder le |.
sheet-column-path = Chemin (clé)
sheet-column-name = Nom (non écrit)
sheet-column-modified = Dernière modification (ne pas changer)
sheet-column-exported = Valeurs à l’export (ne pas changer)
sheet-column-property = { $label } ({ $property })
sheet-column-property-multi = { $label } ({ $property }) — valeurs séparées par |
sheet-tags-id = ID de la balise
sheet-tags-title = Titre
sheet-tags-title-in = Titre ({ $lang })
sheet-tags-description = Description
sheet-tags-count = Ressources dans { $folder }
sheet-tags-sheet-name = Balises
sheet-guide-list = Choisissez une des valeurs que permet le schéma de métadonnées (la liste), ou laissez la cellule vide.
sheet-guide-date = Une date, par exemple 2026-03-31.
sheet-guide-number = Un nombre.
sheet-guide-checkbox = true ou false.
sheet-guide-required = Obligatoire selon le schéma de métadonnées. { $rule }
sheet-about-required = Colonnes marquées *
sheet-about-required-means = Obligatoires selon le schéma de métadonnées d’AEM : chaque ressource devrait avoir une valeur.
sheet-data-name = Métadonnées
sheet-about-name = À propos de cet export
sheet-about-exported-by = Exporté par
sheet-about-connection = Connexion
sheet-about-folder = Dossier
sheet-about-subfolders = Sous-dossiers
sheet-about-subfolders-value = { $included ->
    [yes] inclus
   *[no] non inclus
}
sheet-about-exported-at = Exporté le
sheet-about-empty-cell = Cellule vide
sheet-about-empty-cell-means = laisse la propriété telle quelle
sheet-about-clear-means = dans une cellule, supprime la propriété
sheet-about-several-values = Plusieurs valeurs
sheet-about-several-values-means = séparées par | ; écrivez \| pour un | à l’intérieur d’une valeur

## Le type de fichier d’une feuille, affiché à l’étape de la feuille et par `sheet import` (ticket 17 : formats des feuilles)

sheet-format = { $kind ->
    [xlsx] classeur Excel (.xlsx)
    [xlsb] classeur Excel binaire (.xlsb)
    [xls] classeur Excel 97-2003 (.xls)
   *[ods] feuille de calcul OpenDocument (.ods)
}
sheet-format-csv = CSV { $separator ->
    [tab] séparé par des tabulations
   *[other] séparé par « { $separator } »
}, { $encoding }

## La console : comment une requête s’est passée, tel que son historique le garde (ticket 17)

console-outcome-status = { $status }
console-outcome-graphql-errors = { $count ->
    [one] { $count } erreur GraphQL
   *[other] { $count } erreurs GraphQL
}
console-outcome-created = créée
console-outcome-replaced = remplacée
console-outcome-failed = échec : { $error }

## Erreurs des exécutions, des modifications, des conditions et des listes (ticket 17)

error-io-read = Impossible de lire { $file } : { $detail }
error-io-write = Impossible d’écrire { $file } : { $detail }
error-report-not-written = Impossible d’écrire le rapport CSV : { $detail }
error-no-journal = Il n’y a pas de journal d’exécution à { $file }.
error-bad-run-id = « { $run } » n’est pas un identifiant d’exécution.
error-run-other-api = Cette exécution utilise l’API Assets { $run }, mais la connexion indiquée utilise l’API { $connection }.
error-plan-with = { $kind ->
    [undo] Utilisez la commande `undo` pour préparer le retour en arrière sur l’exécution.
    [retry] Utilisez « réessayer » pour préparer une nouvelle tentative sur les ressources en échec.
   *[sheet] Importez la feuille pour préparer ses valeurs.
}
error-nothing-to-undo = L’exécution { $run } n’a modifié aucune ressource : il n’y a pas de retour en arrière à faire.
error-not-a-tag-import = L’exécution { $run } n’est pas un import de balises.
error-run-of-tag-import = L’exécution { $run } a importé des balises de { $file } : un import de balises ne se relance pas. Un import arrêté en cours de route se termine en le reprenant ; pour écrire la feuille à nouveau, importez-la à nouveau.
error-run-of-tag-rename = L’exécution { $run } a renommé la balise { $id } : un renommage ne se relance pas. Un renommage arrêté en cours de route se termine en le reprenant.
error-retry-of-sheet = L’exécution { $run } a appliqué la feuille { $file } ; pour réessayer ses ressources en échec, importez de nouveau la feuille (les cellules déjà écrites apparaissent inchangées).
error-retry-of-undo = L’exécution { $run } est un retour en arrière ; pour restaurer les ressources qu’elle n’a pas pu restaurer, préparez de nouveau le retour en arrière sur l’exécution { $undone } (les ressources déjà restaurées restent telles quelles).
error-nothing-to-retry = Aucune ressource n’a échoué dans l’exécution { $run } : il n’y a rien à réessayer.
error-run-complete = L’exécution { $run } est déjà terminée.
error-run-preview-unfinished = L’aperçu de l’exécution { $run } ne s’est pas terminé : elle ne peut pas être appliquée. Relancez l’aperçu.
error-edit-none = Indiquez quoi modifier : aucune modification n’a été donnée.
error-edit-no-value = La modification de { $property } demande au moins une valeur.
error-edit-empty-value = La modification de { $property } a une valeur vide ; saisissez la valeur, ou utilisez « effacer » pour supprimer la propriété.
error-edit-twice = { $property } est modifiée deux fois dans la même exécution ; réunissez les deux modifications en une.
error-protected-property = { $name } est tenue par le référentiel d’AEM lui-même (le type, l’identité ou la création du nœud) et ne peut pas être modifiée ; choisissez une propriété de métadonnées comme dc:title
error-bad-property-name = « { $name } » n’est pas un nom de propriété de métadonnées ; utilisez la forme préfixe:nom, par exemple dc:rights, dc:subject, xmpRights:UsageTerms ou cq:tags.
error-bad-field-name = « { $name } » n’est pas un nom de champ de fragment de contenu ; utilisez le nom d’un champ tel que la liste des fragments le montre (price, main), ou jcr:title et jcr:description pour le titre et la description du fragment.
error-list-empty = La liste est vide : donnez un chemin DAM, un lien Assets ou un identifiant de ressource par ligne.
error-list-unreadable = La liste n’a pas pu être lue comme lignes ou comme CSV : { $detail }.
error-condition-unknown = « { $words } » n’est pas une condition que Metadesk connaît. Écrivez par exemple : dc:rights is empty · dc:rights is not empty · dc:title is "Summer" · dc:title contains beach · dc:title does not contain draft · tag is wknd:activity/surfing · type is image/* · modified after 2026-03-01 · created before 2025-01-01 · expires before today · expires within 30 days · name matches *.jpg
error-condition-bad-date = « { $date } » n’est pas une date : écrivez-la sous la forme année-mois-jour, par exemple 2026-03-01.
error-condition-bad-days = « { $days } » n’est pas un nombre de jours : écrivez un nombre entier de 1 à { $most }, par exemple expire d’ici 30 jours.
error-condition-missing = { $what ->
    [value] La valeur est manquante.
    [text] Le texte à chercher est manquant.
   *[pattern] Le motif de nom est manquant.
}
error-condition-bad-tag = « { $tag } » n’est pas un identifiant de balise : écrivez-le sous la forme espace:chemin, par exemple wknd:activity/surfing.
error-condition-bad-type = « { $format } » n’est pas un type de fichier : écrivez un type MIME tel que image/jpeg, ou image/* pour toutes les images.
error-condition-pattern-is-path = « { $pattern } » est un chemin : un motif de nom ne s’applique qu’aux noms de fichiers.

## Erreurs des dossiers et des recherches dans AEM (ticket 17)

error-folder-outside-dam = « { $folder } » n’est pas un dossier de la DAM : il doit commencer par { $root }/.
error-folder-control-character = « { $folder } » contient un caractère de contrôle (une tabulation ou un saut de ligne, affichés \t ou \n) : aucun chemin de dossier d’AEM n’en contient. Saisissez de nouveau le dossier, sans ce caractère.
error-folder-dot-segments = « { $folder } » contient des segments « . » ou « .. ».
error-no-such-folder = Le dossier { $folder } n’existe pas dans AEM, ou cette connexion ne peut pas le voir.
error-list-folder-oauth = Impossible de lister { $folder } : les identifiants OAuth Server-to-Server de cette connexion ne peuvent pas lister les ressources d’un dossier (AEM n’accepte leur jeton d’accès que sur les API basées sur OpenAPI, qui listent les sous-dossiers mais pas les ressources d’un dossier). Ajoutez une connexion avec des identifiants de service pour le même environnement et utilisez-la pour les modifications en masse.
error-list-folder-forbidden = Impossible de lister { $folder } : cette connexion n’a pas le droit de le lire (403). Demandez à un administrateur AEM d’accorder l’accès en lecture { reason-who }.
error-list-folder-throttled = Impossible de lister { $folder } : AEM a demandé à plusieurs reprises à Metadesk de ralentir ({ $status }). Réessayez dans une minute.
error-list-folder-transient = Impossible de lister { $folder } : { $detail }. Réessayez dans un instant.
error-list-folder-rejected = Impossible de lister { $folder } : AEM a répondu { $status } ({ $detail }).
error-list-folder-failed = Impossible de lister { $folder } : { $detail }.
error-subfolders-partial = Seule une partie des sous-dossiers de { $folder } a pu être lue ({ $read } avant qu’AEM ne s’arrête : { $detail }) ; aucun n’est donc affiché, la liste serait incomplète. Réessayez dans un instant.
error-subfolders-forbidden = Impossible de lister les sous-dossiers de { $folder } : AEM a refusé cette connexion OAuth Server-to-Server sur son API Folders (403 : { $detail }). Son identifiant client doit être autorisé pour cet environnement (allowedClientIDs dans le fichier config/api.yaml de Cloud Manager) et son profil de produit doit donner accès à AEM Assets.
error-search-too-wide = AEM a arrêté cette recherche : y répondre lirait trop de ressources (AEM en lit au plus 100 000 par recherche). Choisissez un dossier plus petit, ou ajoutez une condition sur une propriété qu’AEM indexe (type de fichier, titre, balises).
error-search-forbidden = AEM a refusé la recherche de cette connexion (403). La recherche demande une connexion avec des identifiants de service ou un jeton de développement local sur cet AEM, avec l’accès en lecture au dossier ; les identifiants OAuth Server-to-Server ne peuvent pas utiliser la recherche d’AEM.
error-search-throttled = AEM a demandé à plusieurs reprises à Metadesk de ralentir ({ $status }) pendant la recherche. Réessayez dans une minute.
error-search-not-answered = Cet AEM ne répond pas aux recherches (/bin/querybuilder.json est introuvable).
error-search-failed = La recherche a échoué : { $detail }.

## Erreurs de la console (ticket 17)

error-console-bad-path = « { $path } » n’est pas un chemin sur l’AEM de cette connexion : { $why ->
    [empty] il est vide ; commencez par /, par exemple /content/dam.1.json.
    [no-slash] un chemin commence par / (l’hôte est toujours celui de la connexion).
    [double-slash] // désignerait un autre hôte.
    [backslash] les barres obliques inverses ne sont pas permises (écrivez / ou %5C).
    [at] @ n’est pas permis (écrivez-le %40).
    [space] les espaces et les caractères de contrôle doivent être encodés (une espace s’écrit %20).
   *[hash] # ne serait pas envoyé ; encodez-le en %23.
}
error-console-bad-method = « { $method } » n’est pas une méthode que la console envoie (GET, HEAD, POST, PUT, PATCH, DELETE).
error-console-refused-header = L’en-tête { $name } ne peut pas être défini ici : Metadesk ajoute lui-même les identifiants de la connexion et n’envoie qu’à l’hôte de la connexion.
error-console-bad-header-name = « { $name } » n’est pas un nom d’en-tête.
error-console-bad-header-value = La valeur de { $name } n’est pas une valeur d’en-tête valide.
error-console-body-and-form = Envoyez soit un corps, soit des champs de formulaire, pas les deux.
error-console-body-not-json = Le corps n’est pas du JSON valide (ligne { $line }, colonne { $column } : { $detail }).
error-console-body-on-read = Une requête { $method } n’a pas de corps ; utilisez POST, PUT ou PATCH pour en envoyer un.
error-console-variables-not-object = Les variables doivent être un objet JSON, par exemple {"{"}"path": "/content/dam/…"{"}"}.
error-console-variables-not-json = Les variables ne sont pas du JSON valide (ligne { $line }, colonne { $column } : { $detail }).
error-console-query-empty = La requête est vide.
error-console-bad-variable-name = « { $name } » n’est pas un nom de variable GraphQL.
error-console-semicolon-in-variable = La valeur de « { $name } » contient « ; », que l’adresse d’une requête persistante ne peut pas porter. Exécutez plutôt le texte de la requête (ouvrez-la dans l’éditeur et exécutez-la).
error-console-no-persisted-query = Il n’y a pas de requête persistante /{ $config }/{ $name } sur { $host } (404), ou sa configuration n’a pas de point de terminaison GraphQL.
error-console-persisted-exists = Une requête persistante /{ $config }/{ $name } existe déjà. Choisissez « remplacer » pour l’écraser, ou un autre nom.
error-console-query-not-saved = AEM n’a pas enregistré la requête : { $detail }
error-console-save-forbidden = AEM a refusé d’enregistrer /{ $config }/{ $name } (403) : { $known ->
    [none] le compte de cette connexion
   *[other] { $account }
} n’a pas le droit d’écrire les requêtes persistantes de « { $config } ». Un administrateur AEM peut le lui accorder.
error-console-bad-name = « { $name } » n’est pas un nom { $what ->
    [configuration] de configuration
    [connection-id] d’identifiant de connexion
   *[persisted-query] de requête persistante
} valide : utilisez des lettres, des chiffres, « - », « _ » et « . ».
error-console-saved-needs-name = Donnez un nom à la requête enregistrée.
error-console-nul = La requête contient un caractère NUL, qu’un shell ne peut pas transmettre.
error-console-invalid-path = « { $path } » n’est pas un chemin valide ({ $detail }).
error-file-damaged = { $file } n’a pas pu être lu ({ $detail }) ; déplacez-le ailleurs pour en commencer un nouveau.
error-csv-not-written = Impossible d’écrire le fichier CSV : { $detail }

## Erreurs des périmètres enregistrés, des feuilles et des exports (ticket 17)

error-no-such-scope = Aucun périmètre nommé « { $name } » n’est enregistré pour cette connexion.
error-no-such-scope-saved = Aucun périmètre nommé « { $name } » n’est enregistré pour cette connexion. Enregistrés : { $saved }.
error-scope-name-length = Donnez au périmètre un nom de 1 à { $max } caractères.
error-query-of-search-only = Seule une recherche a une requête à montrer.
error-console-oauth-graphql = « { $name } » est une connexion OAuth Server-to-Server : AEM n’accepte son jeton d’accès que sur les API Assets basées sur OpenAPI, pas sur GraphQL. Utilisez une connexion avec des identifiants de service ou un jeton de développement local vers le même AEM.
error-console-cancelled = Annulé.
error-console-bad-aem-address = L’adresse AEM de la connexion n’est pas valide ({ $detail }).
error-console-export-not-json = Le résultat à exporter n’est pas du JSON ({ $detail }).
error-console-no-table = Ce résultat ne contient aucune liste d’éléments : il n’a pas de tableau à exporter en CSV. Exportez-le plutôt en JSON.
error-sheet-gone = Cette feuille n’est plus disponible ; déposez-la de nouveau sur la fenêtre, ou choisissez-la.
error-sheet-issues-gone = Les problèmes de cette vérification ne sont plus disponibles ; vérifiez de nouveau la feuille.
error-sheet-preview-not-removed = Impossible de supprimer l’aperçu de la feuille : { $detail }
error-sheet-no-properties = Indiquez les propriétés que contient la feuille, par exemple dc:title et dc:subject.
error-job-cancelled = Annulé avant la fin.
error-sheet-too-large = { $file } fait { $size } Mo, trop pour une feuille (au plus { $limit } Mo) ; répartissez-la en plusieurs feuilles.
error-file-is-folder = { $file } est un dossier ; choisissez un fichier dedans.
error-file-not-regular = { $file } n’est pas un fichier ordinaire (c’est un périphérique, un tube ou un socket, ou un lien vers l’un d’eux) ; choisissez le fichier lui-même.
error-sheet-problems-not-written = Impossible d’écrire les problèmes : { $detail }
error-sheet-not-written = La feuille n’a pas pu être écrite : { $detail }.
error-sheet-cell-too-long = { $path } a, dans la colonne { $column }, une valeur plus longue que ce qu’Excel tient dans une cellule ({ $limit } caractères) ; exportez plutôt en .csv, ou laissez cette propriété de côté.

## Le journal d’une exécution sur le disque (ticket 17). io-journal… sont le { $context } de
## error-io, qui y ajoute ce qui s’est mal passé dans les mots de l’utilisateur.

io-journal = impossible { $doing ->
    [create] de créer
    [open] d’ouvrir
    [write] d’écrire
   *[read] de lire
} le journal d’exécution { $file }
io-journal-writer = impossible de commencer l’écriture du journal d’exécution

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
test-skipped-unreachable = Non essayé : AEM est injoignable.
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

## Ce que cet AEM permet (le « Tester la connexion » approfondi : une ligne par chemin utilisé)

allows-label-classic-read = Lire les ressources (API Assets)
allows-label-folders-api = Parcourir les dossiers (API Folders)
allows-label-querybuilder = Recherche (QueryBuilder)
allows-label-openapi-search = Recherche (recherche OpenAPI)
allows-label-write-permission = Droit de modifier les métadonnées
allows-label-batch-writes = Écritures par lots
allows-label-renditions = Vignettes (rendus)
allows-label-graphql-endpoints = Points de terminaison GraphQL
allows-label-graphql-schema = Schéma GraphQL (introspection)
allows-label-persisted = Requêtes persistantes (liste)
allows-label-fragments = Fragments de contenu (API Sites)
allows-ok-fragments = L’API Sites d’AEM liste les fragments de contenu pour cette connexion.
allows-instead-fragments = Demandez à un administrateur AEM d’autoriser ces identifiants OAuth Server-to-Server sur l’API Sites pour cet environnement ; d’ici là, les fragments de contenu ne peuvent pas être modifiés avec eux.
can-fragments-yes = Peut modifier les fragments de contenu
can-fragments-no = Ne peut pas modifier les fragments de contenu
allows-label-tag-changes = Modifier les balises (commande de balises)
allows-ok-tag-changes = AEM permet à ce compte de modifier ses balises : les fusionner, les déplacer, les supprimer et les importer.
allows-instead-tag-changes = Ce compte peut toujours baliser des ressources, mais fusionner, déplacer, supprimer ou importer des balises est refusé avant toute écriture. Demandez à un administrateur AEM de l’ajouter au groupe des administrateurs des balises (Tag Administrators).
can-tags-yes = Peut modifier les balises
can-tags-no = Ne peut pas modifier les balises d’AEM (fusion, déplacement, suppression, import)
can-metadata-change = Peut lire et modifier les métadonnées
can-metadata-read-only = Peut lire les métadonnées, mais pas les modifier
can-metadata-read-unsure = Peut lire les métadonnées ; la première modification dira si elle peut les modifier
can-metadata-none = Ne peut pas lire les ressources
can-search-yes = Peut trouver des ressources d’après leurs métadonnées
can-search-no = Ne peut pas trouver de ressources d’après leurs métadonnées
can-thumbnails-yes = Peut montrer les images des ressources
can-thumbnails-no = Ne peut pas montrer les images des ressources
can-graphql-yes = Peut exécuter des requêtes GraphQL
can-graphql-no = Ne peut pas exécuter de requêtes GraphQL
can-publish-yes = Peut publier les ressources sur le site
can-publish-no = Ne peut pas publier les ressources sur le site
allows-refused = AEM le refuse à ce compte (HTTP { $status }).
allows-missing = AEM ne le propose pas ici (HTTP { $status }).
allows-answered = AEM a répondu HTTP { $status }.
allows-refused-plain = AEM le refuse à ce compte.
allows-missing-plain = AEM ne le propose pas ici.
allows-graphql-unlisted = AEM n’a pas listé ses points de terminaison GraphQL.
allows-ok-querybuilder = QueryBuilder répond aux recherches.
allows-ok-openapi-search = AEM répond à la recherche OpenAPI de cette connexion.
allows-ok-write = La vérification des droits d’AEM indique que ce compte peut modifier les métadonnées dans { $folder }.
allows-write-refused = La vérification des droits d’AEM indique que { $who } ne peut pas modifier les métadonnées dans { $folder }. Demandez à un administrateur AEM de lui donner le droit d’écriture à cet endroit (par exemple le groupe DAM Users).
allows-write-unknown = La vérification des droits d’AEM n’a pas répondu pour { $folder } (cette vérification n’est pas confirmée sur tous les AEM).
allows-write-unchecked = Les droits sur { $folder } n’ont pas pu être vérifiés : { $why }
allows-ok-batch = AEM accepte le POST Sling qu’envoient les écritures par lots (essayé avec un POST qui ne change rien) : plusieurs ressources sont écrites en une requête.
allows-batch-remembered = AEM a refusé les écritures par lots (HTTP { $status }) plus tôt sur cette connexion, lors d’une exécution ou de « Tester la connexion ».
allows-batch-refused = AEM a refusé un POST Sling qui ne change rien, comme il refuserait une écriture par lots : { $why }
allows-batch-untried = Un POST Sling qui ne change rien n’a pas pu être essayé : { $why } La première application essaie les écritures par lots et, si AEM les refuse, écrit chaque ressource à part.
allows-ok-renditions = Une vignette a été lue ({ $asset }).
allows-no-asset = Non essayé : aucune image n’a été trouvée pour en lire la vignette.
allows-no-thumbnail = AEM n’a pas de vignette pour { $asset }, ou ne la montre pas à ce compte.
allows-ok-graphql-endpoints = { $count ->
    [one] { $count } configuration : { $names }.
   *[other] { $count } configurations : { $names }.
}
allows-ok-graphql-schema = Le schéma de « { $config } » peut être lu.
allows-graphql-not-tried = Non essayé : aucun point de terminaison GraphQL n’est listé.
allows-ok-persisted = { $count ->
    [one] { $count } requête persistante listée.
   *[other] { $count } requêtes persistantes listées.
}
allows-instead-read = Rien ne peut être modifié tant qu’AEM ne laisse pas ce compte lire la DAM.
allows-instead-folders = Les dossiers ne peuvent pas être parcourus avec cette connexion tant qu’AEM ne l’accepte pas.
allows-instead-querybuilder = Les périmètres par recherche ou par liste ne sont pas disponibles ; les dossiers sont lus par l’API Assets, et chaque ressource est relue seule avant d’être écrite (plus lent).
allows-instead-openapi-search-paired = Les ressources sont trouvées avec QueryBuilder par la connexion associée « { $paired } ».
allows-instead-openapi-search-unpaired = Associez une connexion classique sur cette carte : c’est elle qui trouve les ressources à modifier.
allows-instead-write = Les aperçus fonctionnent ; AEM refusera les modifications tant que le droit n’est pas donné.
allows-instead-write-unknown = Les modifications sont tentées ; tout refus d’AEM est signalé ressource par ressource.
allows-instead-batch = Chaque ressource est écrite seule (plus lent). Metadesk s’en souvient pour cette connexion pendant 30 jours.
allows-instead-renditions = Les tableaux n’affichent pas de vignettes.
allows-instead-graphql-endpoints = La console API propose « global » ; saisissez le nom d’une autre configuration si vous le connaissez.
allows-instead-graphql-schema = L’éditeur de requêtes fonctionne sans complétion tirée du schéma.
allows-instead-persisted = La console API ne peut pas lister les requêtes persistantes ; lancez-en une par son chemin dans une requête.
error-allows-folder = « { $folder } » n’est pas un dossier de la DAM : donnez un chemin sous /content/dam.

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
reason-tag-held-by-path = porte { $id } par son chemin ({ $value }), que Metadesk ne réécrit pas : remplacez-le par l’identifiant { $id } dans AEM, puis relancez l’aperçu ; d’ici là, la balise elle-même est conservée
reason-changed-since-export = modifiée dans AEM après l’export de la feuille (modifiée le { $now }, exportée le { $exported }) ; ses cellules qui diffèrent de la valeur actuelle dans AEM ne sont pas écrites, afin de conserver cette modification. Exportez de nouveau la feuille pour modifier cette ressource
reason-changed-since-export-values = modifiée dans AEM après l’export de la feuille ({ $properties }) ; ses cellules qui diffèrent de la valeur actuelle dans AEM ne sont pas écrites, afin de conserver cette modification. Exportez de nouveau la feuille pour modifier cette ressource
reason-holds-one-value = plusieurs valeurs pour une propriété qu’AEM stocke comme une valeur unique ({ $properties }) ; gardez une seule valeur dans chacune, ou écrivez \| pour un | qui fait partie du texte
reason-change-not-checked = modifiée dans AEM après l’export de la feuille ? Metadesk n’a pas pu le vérifier ({ $detail }) ; ses cellules ne sont pas écrites. Prévisualisez de nouveau la feuille
reason-forbidden-write = AEM a refusé la modification (403) : cette connexion ne peut pas modifier les ressources de ce dossier
reason-unknown = aucune raison n’a été enregistrée
advice-write-access = Demandez à un administrateur AEM de donner le droit d’écrire dans ces dossiers { $who } (par exemple par le groupe DAM Users), puis relancez les ressources en échec.
reason-cannot-write = { $refused ->
    [one] AEM a refusé la première modification (403)
   *[other] AEM a refusé les { $refused } premières modifications (403)
}, l’exécution s’est donc arrêtée : cette connexion ne peut pas modifier les ressources qu’elle a essayées. Demandez à un administrateur AEM d’accorder l’accès en écriture { $who } dans leurs dossiers, par exemple via le groupe DAM Users ou un profil de produit doté des droits d’écriture, puis reprenez l’exécution pour modifier les ressources restantes.
reason-folder-refuses-writes = AEM a refusé toutes les modifications essayées dans { $folder } (403) : la connexion { $connection } ne peut pas modifier les ressources de ce dossier ; ses autres ressources n’ont donc pas été essayées et l’exécution a continué dans les autres dossiers. Demandez à un administrateur AEM d’accorder l’accès en écriture { $who } dans { $folder }, puis modifiez de nouveau ce dossier
reason-op-cannot-write = { $refused ->
    [one] AEM a refusé la première requête (403)
   *[other] AEM a refusé les { $refused } premières requêtes (403)
} sans en accepter aucune, l’exécution s’est donc arrêtée : cette connexion ne peut pas écrire là où l’exécution écrit. Demandez à un administrateur AEM d’accorder l’accès en écriture { $who } dans ces dossiers, puis reprenez l’exécution pour faire le reste.
reason-op-folder-refuses = AEM a refusé toutes les requêtes essayées dans { $folder } (403) : la connexion { $connection } ne peut pas écrire dans ce dossier ; rien d’autre n’y a donc été essayé et l’exécution a continué dans les autres dossiers. Demandez à un administrateur AEM d’accorder l’accès en écriture { $who } dans { $folder }, puis reprenez l’exécution.
reason-move-folder-refuses = AEM a refusé tous les déplacements essayés depuis { $folder } (403) : la connexion { $connection } ne peut pas écrire dans ce dossier ou dans un dossier où ses ressources sont déplacées (un déplacement demande les deux, et AEM ne dit pas lequel manque) ; rien d’autre n’en a donc été essayé et l’exécution a continué dans les autres dossiers. Demandez à un administrateur AEM d’accorder l’accès en écriture { $who } dans { $folder } et dans les dossiers où ses ressources sont déplacées, puis reprenez l’exécution.
reason-forbidden-read = cette connexion n’a pas le droit de lire cette ressource (403) : demandez à un administrateur AEM d’accorder l’accès en lecture { $who }
reason-not-found = la ressource n’existe plus (404) : elle a été déplacée ou supprimée après l’aperçu
reason-conflict = AEM a refusé la modification à chaque tentative, car quelqu’un d’autre modifiait la ressource au même moment (412) ; elle n’a donc pas été écrasée. Relancez les ressources en échec pour la planifier de nouveau à partir des valeurs actuelles dans AEM
reason-content-fragment = fragment de contenu : une modification de ressources le laisse tel quel (les fragments de contenu ont leur propre modification : « Fragments de contenu » dans Modification en masse)
reason-already-as-wanted = déjà comme souhaité lors de l’aperçu
reason-already-as-wanted-at-write = déjà comme souhaité au moment de l’écriture
reason-changed-the-same-way = déjà comme souhaité : modifiée de la même façon dans AEM après l’aperçu
reason-not-applied-yet = pas encore appliquée
reason-changed-since-preview = modifiée depuis l’aperçu : { $values } ; elle n’a donc pas été écrasée. Relancez les ressources en échec pour la planifier de nouveau à partir de la valeur actuelle dans AEM
reason-put-back-since-write = modifiée dans AEM après l’envoi de l’écriture de cette exécution (l’écriture a pu aboutir, puis quelqu’un a remis les valeurs) : cette modification est conservée et rien n’a été réécrit. Modifiez de nouveau cette ressource si elle doit encore changer
reason-written-again-unverifiable = écrite de nouveau : ses valeurs étaient encore celles de l’aperçu, mais l’API de cette connexion ne permet pas de savoir si une écriture précédente de cette exécution avait abouti et si quelqu’un a remis les valeurs depuis. Vérifiez cette ressource si un collègue a pu remettre ses anciennes valeurs
reason-changed-value = { $property } valait { $preview } lors de l’aperçu et vaut maintenant { $now }
reason-changed-since-run = { $property } a été modifiée dans AEM après l’exécution { $run } (elle vaut maintenant { $now }), elle a donc été laissée telle quelle
reason-throttled-write = { $what } et la ressource n’a pas été écrite ; relancez les ressources en échec plus tard
reason-not-confirmed = { $what } ; AEM n’a pas confirmé la modification. Relancez les ressources en échec pour réessayer.
reason-throttled-part = { $what }, et rien n’a été envoyé ; reprenez l’exécution plus tard pour l’envoyer
reason-not-confirmed-part = { $what } ; AEM ne l’a pas confirmé. Reprenez l’exécution pour le savoir et l’envoyer à nouveau s’il n’a pas abouti.
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
reason-not-read = { $what }, la ressource n’a donc pas pu être lue ; prévisualisez de nouveau pour l’inclure
reason-folder-not-listed = ce dossier n’a pas pu être listé, ses ressources et ses sous-dossiers ne font donc pas partie de cette exécution ({ $why }) ; relancez la modification sur ce dossier plus tard
reason-folder-forbidden = cette connexion n’a pas le droit de le lire (403) : demandez à un administrateur AEM d’accorder l’accès en lecture { $who }
reason-folder-gone = il n’existe plus (404)
path-outside-dam = « { $path } » n’est pas dans la DAM (les chemins des ressources commencent par /content/dam/)
path-dam-root = { $path } est la racine de la DAM, pas une ressource
path-dot-segment = « { $path } » contient un segment . ou .. : AEM le résoudrait vers un autre nœud, il n’est donc pas utilisé ; écrivez le chemin de la ressource tel qu’AEM l’affiche
path-empty-segment = « { $path } » contient un segment vide (//) : écrivez le chemin de la ressource tel qu’AEM l’affiche
path-control-character = « { $path } » contient un caractère de contrôle (un saut de ligne ou une tabulation) : écrivez le chemin de la ressource tel qu’AEM l’affiche
path-untrimmed = « { $path } » a des espaces ou une / à une extrémité : écrivez le chemin de la ressource tel qu’AEM l’affiche
reason-aem-created-node = AEM a créé un nouveau nœud à { $path } au lieu de modifier les métadonnées de cette ressource : supprimez ce nœud dans AEM et vérifiez la ressource
reason-aem-created-stray-node = AEM a créé un nœud à { $path }{ $more ->
    [0] {""}
   *[other] {" "}(et { $more } autres nœuds)
}, qui n’est aucune des ressources de ce lot, en écrivant cette ressource avec d’autres en une seule requête : on ne sait pas si elle a été modifiée comme prévu, elle n’est donc pas comptée comme modifiée ; vérifiez-la et supprimez ce nœud dans AEM
reason-value-too-long = la règle calcule une valeur de { $chars } caractères, plus longue que les { $limit } que Metadesk écrit dans une propriété ; la ressource reste telle quelle
reason-list-line = ligne { $line } : { $problem }
reason-list-bad-asset-id = un identifiant de ressource non valide (urn:aaid:aem: suivi d’un UUID)
reason-list-bad-link = un lien illisible
reason-list-link-outside-dam = un lien qui ne mène pas à une ressource sous /content/dam
reason-list-not-an-entry = ni un chemin de la DAM (/content/dam/…), ni un lien Assets, ni un identifiant de ressource (urn:aaid:aem:…)
reason-list-duplicate = un doublon de la ligne { $line }
reason-list-not-found = introuvable dans AEM (ou invisible pour cette connexion)
reason-list-same-asset = la même ressource que la ligne { $line }
reason-list-folder = un dossier, pas une ressource (choisissez-le comme dossier pour modifier ses ressources)
reason-list-content-fragment = un fragment de contenu (une modification de ressources le laisse tel quel ; modifiez les fragments de contenu avec leur propre modification)
reason-list-fragment-id = un identifiant de ressource : désignez un fragment de contenu par son chemin (/content/dam/…)

## Les modifications d’une exécution, telles que son résumé les liste

run-edit = { $property } : { $op ->
    [set] remplacer par { $values }
    [set-list] remplacer par la liste { $values }
    [append] ajouter { $values }
    [remove] retirer { $values }
   *[clear] effacer
}
run-per-asset-writes = Écriture ressource par ressource : cet AEM a refusé d’écrire plusieurs ressources en une requête ({ $status }), chaque ressource a donc été écrite par sa propre requête (plus lent ; le résultat est le même). Metadesk s’en souvient pour cette connexion.
run-per-asset-writes-remembered = Écriture ressource par ressource : cet AEM a refusé d’écrire plusieurs ressources en une requête ({ $status }) plus tôt sur cette connexion (lors d’une exécution ou de « Tester la connexion »), chaque ressource a donc été écrite par sa propre requête (plus lent ; le résultat est le même).
run-unindexed = { $count ->
    [one] 1 ressource n’est pas encore dans l’index de recherche d’AEM (ajoutée ces dernières minutes) ; Metadesk l’a lue à part.
   *[other] { $count } ressources ne sont pas encore dans l’index de recherche d’AEM (ajoutées ces dernières minutes) ; Metadesk les a lues une par une.
}
run-searched-index = Une recherche trouve ce que l’index de recherche d’AEM contient : ces ressources sont celles qu’il contenait le { $at }. Les ressources ajoutées dans les minutes précédentes peuvent ne pas y être encore, et ne sont pas dans cette exécution.
run-searched-folder = Aucune connexion classique n’est associée pour lister ce dossier : la recherche d’AEM a donc trouvé ses ressources telles que son index les contenait le { $at }. Des ressources ajoutées dans les minutes précédentes peuvent manquer. Associez une connexion classique pour lire le dossier en entier.
run-index-notices = { $notices }
run-edit-undo = retour en arrière sur l’exécution { $run }
run-edit-retry = nouvel essai des ressources en échec de l’exécution { $run }
run-edit-sheet = valeurs de la feuille { $file }
run-tag-import = balises de la feuille { $file }
run-tag-rename = renommage de la balise { $from } en { $to } ({ $tag })

## Which search found a run's assets (issue 15: the journal records it; `runs show`)
run-found-by = { $how ->
    [listing] trouvées dans le contenu du dossier, tel qu’AEM le liste
    [listing-via] trouvées dans le contenu du dossier, listé par « { $connection } »
    [query-builder] trouvées par une recherche dans AEM
    [query-builder-via] trouvées par une recherche dans AEM, par « { $connection } »
   *[openapi] trouvées par une recherche dans AEM, avec l’identifiant de la connexion
}
error-tags-unread = Les balises d’AEM n’ont pas pu être lues avec cette connexion ({ $detail }) ; saisissez plutôt l’identifiant d’une balise, par exemple wknd:activity/surfing.

## Les conditions d’une recherche, telles que le résumé d’une exécution les montre (ticket 17)

condition-is-empty = { $property } est vide
condition-is-not-empty = { $property } n’est pas vide
condition-equals = { $property } est { $value }
condition-not-equals = { $property } n’est pas { $value }
condition-contains = { $property } contient { $value }
condition-not-contains = { $property } ne contient pas { $value }
condition-tagged = la balise est { $tag }
condition-file-kind = le fichier est { $kind }
condition-file-type = le type du fichier est { $format }
file-kind-image = une image
file-kind-jpeg = une image JPEG
file-kind-png = une image PNG
file-kind-gif = une image GIF
file-kind-tiff = une image TIFF
file-kind-webp = une image WebP
file-kind-svg = une image SVG
file-kind-pdf = un PDF
file-kind-video = une vidéo
file-kind-mp4 = une vidéo MP4
file-kind-audio = un fichier audio
condition-modified-before = modifié avant le { $date }
condition-modified-after = modifié après le { $date }
condition-created-before = créé avant le { $date }
condition-created-after = créé après le { $date }
condition-expires-before = expire avant le { $date }
condition-expires-after = expire après le { $date }
condition-expires-before-today = expire avant aujourd’hui
condition-expires-after-today = expire aujourd’hui ou après
condition-expires-within = expire d’ici { $days } jours
condition-expires-within-a-day = expire d’ici un jour
condition-name-matches = le nom correspond à { $pattern }
condition-all = { $first } et { $rest }
condition-any = { $first } ou { $rest }

## Ce qu’un périmètre sélectionne, tel qu’un périmètre enregistré l’affiche (ticket 17 : mots des
## périmètres). { $conditions } sont les mots des conditions ci-dessus ; { $place } un dossier, ou
## scope-with-subfolders.

scope-folder = les ressources de { $place }
scope-search = les ressources de { $place } où { $conditions }
scope-with-subfolders = { $folder } et ses sous-dossiers
scope-fragments = les fragments de contenu sous { $folder }
scope-fragments-of-model = les fragments de contenu du modèle { $model } sous { $folder }
scope-fragment-list = une liste de { $count ->
    [one] { $count } fragment de contenu
   *[other] { $count } fragments de contenu
}
scope-list = { $count ->
    [one] une ressource de votre liste
   *[other] { $count } ressources de votre liste
}

## En-têtes du rapport CSV (seulement quand l’utilisateur demande des en-têtes dans sa langue)

report-csv-path = Chemin
report-csv-status = Statut
report-csv-reason = Raison
report-csv-before = { $property } avant
report-csv-after = { $property } après
report-csv-publication-before = Publication avant

## Vérifications au démarrage

health-folders = Dossiers de l’application
health-folders-ready = prêts dans { $folder }
health-keychain = Trousseau du système
health-keychain-available = disponible ({ $backend })

## Fichiers nommés par l’utilisateur (rapports CSV, exports de feuilles, résultats enregistrés) : règles de Windows, sur tous les systèmes
error-file-name-device = Impossible d’enregistrer { $file } : Windows réserve le nom { $device } à un périphérique, quelle que soit son extension. Choisissez un autre nom de fichier.
error-file-name-ends = Impossible d’enregistrer { $file } : son nom se termine par un point ou une espace, que Windows supprime. Choisissez un autre nom de fichier.
error-file-name-character = Impossible d’enregistrer { $file } : Windows n’accepte pas « { $character } » dans un nom de fichier. Choisissez un autre nom de fichier.
error-file-path-too-long = Impossible d’enregistrer { $file } : son chemin compte { $length } caractères, et les programmes Windows comme Excel ne peuvent pas ouvrir un chemin de 260 caractères ou plus. Choisissez un nom ou un dossier plus court.
error-file-name-empty = { $file } ne désigne aucun fichier. Choisissez un nom de fichier.

## Modifications calculées (issue 30)
run-edit-replace = { $property } : remplacer « { $find } » par « { $replace } »{ $regex ->
    [yes] { " " }(expression régulière
   *[no] { " " }(texte simple
}{ $ignoreCase ->
    [yes] , sans tenir compte de la casse
   *[no] {""}
}{ $wholeWord ->
    [yes] , mots entiers)
   *[no] )
}
run-edit-template = { $property } : remplir d’après le modèle « { $template } »
run-edit-from-name = { $property } : remplir d’après { $wholePath ->
    [yes] le chemin
   *[no] le nom du fichier
} par « { $pattern } » comme « { $template } »
run-edit-copy = { $property } : copier { $from }
run-edit-retag = { $property } : { $from } et les balises en dessous deviennent { $to }
run-edit-untag = { $property } : retirer { $from } et les balises en dessous
run-edit-case = { $property } : { $to ->
    [upper] en majuscules
    [lower] en minuscules
    [title] une majuscule à chaque mot
   *[sentence] une majuscule au premier mot
}
run-edit-trim = { $property } : { $collapse ->
    [yes] retirer les espaces aux extrémités et les espaces répétées
   *[no] retirer les espaces aux extrémités
}
run-edit-shift-date = { $property } : décaler les dates de { $by }
run-edit-set-date = { $property } : mettre les dates au { $date }
run-edit-where = { $edit } { $is ->
    [empty] (seulement là où elle est vide)
   *[not_empty] (seulement là où elle n’est pas vide)
}
error-rule-regex = Le motif de { $property }, « { $pattern } », n’est pas une expression régulière valide : { $problem ->
    [group-unclosed] un groupe ouvert par ( n’est pas fermé
    [group-unopened] une ) ne ferme aucun groupe
    [class-unclosed] un [ n’est pas fermé par ]
    [nothing-to-repeat] un *, un + ou un point d’interrogation n’a rien avant lui à répéter
    [repetition-count] un nombre de répétitions entre {"{"}{"}"} n’est pas fermé ou n’est pas un nombre
    [escape] un \ est suivi d’un caractère qu’il ne peut pas échapper
    [group-name-twice] deux groupes portent le même nom
    [group-name] un nom de groupe n’est pas valide
    [too-big] il est trop grand pour être exécuté
   *[other] il ne peut pas être lu
} (au caractère { $position }).
error-rule-find-empty = Le remplacement de { $property } demande le texte à chercher.
error-rule-copy-itself = { $property } ne peut pas être copiée dans elle-même ; choisissez une autre propriété à copier.
error-rule-retag-itself = Une balise ne peut pas devenir elle-même ; choisissez une autre balise.
error-tag-missing = AEM n’a pas de balise { $id } ; vérifiez son identifiant dans la liste des balises. Rien n’a été modifié.
error-tag-rename-empty = Le nouveau titre de { $id } est vide : saisissez le titre que la balise doit afficher. Rien n’a été modifié.
error-tag-rename-same = La balise { $id } s’intitule déjà « { $title } » : il n’y a rien à renommer. Rien n’a été modifié.
error-tag-rename-too-long = Un titre de { $id } dépasse { $limit } caractères. Rien n’a été modifié.
error-tag-into-itself = { $id } ne peut pas aller dans { $target }, qui est la balise elle-même ou l’une de ses balises enfants. Rien n’a été modifié.
error-tag-move-onto = { $target } existe déjà : fusionnez-y la balise au lieu de la déplacer dessus. Rien n’a été modifié.
error-tag-no-rights = Le compte de { $connection } peut baliser des ressources, mais pas modifier les balises d’AEM elles-mêmes (il faut un administrateur des balises). Rien n’a été modifié.
error-tag-unchecked = AEM n’a pas dit si ce compte peut modifier ses balises ({ $detail }). Rien n’a été modifié.
error-tag-not-a-tag-run = L’exécution { $run } ne fusionne, ne déplace ni ne supprime de balise.
error-tag-assets-first = Des ressources portent encore { $id } : appliquez d’abord l’aperçu ; la balise elle-même est modifiée une fois qu’elles sont à jour.
error-tag-read-not-whole = La balise { $id } est conservée : { $count ->
    [one] { $count } ressource du dossier qui peut la porter n’a pas été lue ou est laissée
   *[other] { $count } ressources du dossier qui peuvent la porter n’ont pas été lues ou sont laissées
} de côté (voir l’aperçu). Rien n’a été modifié.
tag-step-needs-classic = Cette connexion ne peut pas modifier les balises dans AEM : c’est une connexion OAuth serveur à serveur, et la commande de balise d’AEM est une requête classique. Rien n’a été écrit.
tag-step-tag-gone = AEM n’a plus la balise { $id } : quelqu’un l’a modifiée ou supprimée depuis l’aperçu, la commande d’AEM n’a donc pas été envoyée.
tag-step-target-gone = { $target } a été supprimée d’AEM depuis l’aperçu : la fusion de { $id } dans celle-ci n’a pas été envoyée (un déplacement la recréerait).
tag-step-target-exists = { $target } a été créée dans AEM depuis l’aperçu : le déplacement de { $id } vers celle-ci n’a pas été envoyé.
op-done-later = Fait par AEM en arrière-plan : il a pris la requête comme une tâche, et ce qu’il contient a été relu.
op-still-later = AEM a pris la requête comme une tâche en arrière-plan et ne l’avait pas faite après { $minutes } min : elle n’est pas comptée comme faite. Reprenez l’exécution plus tard : elle relit d’abord ce qu’AEM contient et ne renvoie rien à l’aveugle.
op-not-checked = Non vérifié : ce qu’AEM contient pour lui n’a pas été lu. Rien n’a été envoyé ; reprenez l’exécution pour le vérifier à nouveau.
error-tags-sheet-no-id = { $file } n’a pas de colonne d’identifiants de balise (intitulée « ID de la balise », comme dans une taxonomie exportée par Metadesk). Rien n’a été modifié.
error-tags-sheet-same-column = { $file } a deux colonnes intitulées « { $header } » ; gardez-en une. Rien n’a été modifié.
error-tags-sheet-no-rows = { $file } ne contient aucune balise sous son en-tête. Rien n’a été modifié.
error-tags-import-no-id = La ligne { $row } a des valeurs mais pas d’identifiant de balise. Rien n’a été modifié.
error-tags-import-twice = Ligne { $row } : { $id } figure déjà à la ligne { $first } ; gardez une ligne par balise. Rien n’a été modifié.
error-tags-import-no-parent = Ligne { $row } : { $id } irait sous { $parent }, qu’AEM n’a pas et que le fichier ne crée pas. Ajoutez une ligne pour { $parent } ou corrigez l’identifiant. Rien n’a été modifié.
error-tags-import-too-long = Ligne { $row } : une valeur de { $id } dépasse { $limit } caractères. Rien n’a été modifié.
error-tags-import-unknown = Il n’y a pas d’import de balises { $id } sur cet ordinateur (son identifiant est affiché quand l’import est appliqué).
error-tags-import-other-connection = L’import de balises { $id } a été fait sur { $connection } ; revenez en arrière sur lui avec cette connexion.
tags-import-left-exists = Laissée telle quelle : quelqu’un a créé la balise dans AEM après l’aperçu.
tags-import-left-value = Laissée telle quelle : sa propriété { $property } a été modifiée dans AEM après l’aperçu (elle vaut maintenant « { $now } »).
tags-import-stopped = AEM n’a pas pris la modification de { $id } ({ $detail }) : l’import s’est arrêté là. Ce qui a été écrit avant reste : reprenez l’exécution pour finir l’import, ou revenez en arrière sur lui pour restaurer ce qui a été écrit.
error-rule-duration = Le décalage de date de { $property }, « { $by } », n’est pas une durée ; écrivez un nombre et une unité, par exemple 7d, -1w, +2h30m (w semaines, d jours, h heures, m minutes, s secondes).
error-rule-date = La date pour { $property }, « { $date } », n’est pas une date ; écrivez 2025-01-31, 2025-01-31T09:00 ou 2025-01-31T09:00:00+01:00.
error-rule-where-twice = La modification de { $property } est limitée deux fois ; gardez un seul « seulement là où ».
error-rule-template-empty = Le modèle de { $property } est vide.
error-rule-template-brace = Le modèle de { $property } ne peut pas être lu : { $problem ->
    [unclosed] une {"{"} n’est pas fermée par une {"}"}
    [unopened] une {"}"} ne ferme aucune {"{"} ; écrivez {"}}"} pour le caractère lui-même
   *[empty] {"{}"} ne nomme aucun champ
} (au caractère { $position }).
error-rule-template-field = Le modèle de { $property } nomme {"{"}{ $field }{"}"}, qui n’est pas un champ ici : utilisez le libellé d’un champ tel que le formulaire l’affiche, comme {"{"}Titre{"}"}, une propriété comme {"{"}dc:title{"}"}, {"{"}name{"}"}, {"{"}filename{"}"}, {"{"}extension{"}"}, {"{"}folder{"}"}, {"{"}path{"}"}, ou un groupe du motif du nom de fichier.
reason-rule-unreadable = la règle n’a pas pu être lue pour cette ressource
reason-name-no-match = son nom « { $name } » ne correspond pas à « { $pattern } »
reason-field-missing = elle n’a pas de { $field }
reason-not-a-date = « { $value } » n’est pas une date
reason-date-shift = « { $value } » ne contient qu’un jour, qui se décale par jours entiers, ou sortirait des dates possibles
reason-date-none = elle n’a pas de date dont garder l’heure et le fuseau ; donnez une date complète avec son fuseau (2025-01-31T09:00:00+01:00)

## Publication (issue 39)
error-publish-oauth = Cette connexion ne peut pas publier : c’est une connexion OAuth Server-to-Server, et le servlet de réplication d’AEM n’accepte que les identifiants de service (comptes techniques JWT) et les jetons de développement local. Rien n’a été envoyé. Publiez avec une connexion de l’un de ces types, par exemple la connexion classique associée à celle-ci.
error-nothing-to-republish = L’exécution { $run } n’a modifié aucune ressource : il n’y a rien à republier.
error-republish-of-publish = L’exécution { $run } publie ou dépublie : seul ce qu’une modification a changé est republié. Pour publier de nouveau ses ressources, publiez-les à part.
error-retry-of-publish = L’exécution { $run } publie ou dépublie ; pour refaire ce qu’elle n’a pas pu faire, reprenez-la ou préparez-la de nouveau.
reason-publish-kept = était publiée avant cette exécution : elle garde sa version publiée actuelle (AEM ne peut pas rendre une publication plus ancienne)
reason-publish-unknown-before = Metadesk n’a pas pu savoir si elle était publiée avant cette exécution : revenir en arrière sur l’exécution la laisse donc telle quelle (publiez-la ou dépubliez-la à part si besoin)
reason-publish-not-before = n’était pas publiée : une modification de métadonnées ne la rend jamais publique, elle reste non publiée
reason-publish-no-longer = n’était plus publiée quand l’exécution l’a atteinte : elle n’a pas été republiée
reason-publish-already-unpublished = déjà dépubliée
reason-publish-forbidden = Ce compte technique n’a pas le droit de publier sous { $folder } : demandez à un administrateur AEM d’accorder le droit Replicate à { $account }
reason-publish-undo-not-published-before = n’était pas publiée avant cette exécution : revenir en arrière sur l’exécution la laisse donc non publiée
reason-publish-undo-not-up-to-date = avant cette exécution, ses valeurs dans l’auteur étaient plus récentes que celles du site : la publier maintenant rendrait publiques des modifications qui ne l’ont jamais été, revenir en arrière sur l’exécution la laisse donc non publiée
reason-publish-undo-not-done = la demande de cette exécution pour elle n’a pas abouti : revenir en arrière sur l’exécution la laisse donc telle quelle
reason-publish-undo-not-confirmed = Metadesk n’a pas pu vérifier que ce que le site montre d’elle vient toujours de cette exécution : revenir en arrière sur l’exécution la laisse donc telle quelle (reprenez d’abord l’exécution si elle a été interrompue)
reason-publish-undo-modified-since = modifiée dans l’auteur depuis sa dernière publication ({ $modified }) : la publier maintenant rendrait publiques des modifications qui ne l’ont jamais été, revenir en arrière sur l’exécution la laisse donc non publiée
reason-publish-undo-edited-since = ses métadonnées ont été modifiées dans l’auteur après son retrait du site : la publier maintenant rendrait publiques des modifications qui ne l’ont jamais été, revenir en arrière sur l’exécution la laisse donc non publiée
reason-publish-published-since = publiée de nouveau après cette exécution, par { $by } le { $at } : cette publication reste telle quelle
reason-publish-unpublished-since = dépubliée après la demande de cette exécution, par { $by } le { $at } : elle reste non publiée
reason-publish-state-unread = { $what } ; Metadesk n’a pas pu savoir où elle en est sur le site, rien n’a donc été envoyé pour elle (relancez plus tard les ressources en échec)
publication-never-published = { $count } jamais publiées
publication-modified = { $count } modifiées depuis leur publication
publication-up-to-date = { $count } à jour
publication-unpublished = { $count } dépubliées
publication-state-never-published = jamais publiée
publication-state-modified = modifiée depuis sa publication
publication-state-up-to-date = à jour
publication-state-unpublished = dépubliée
run-publish = { $what ->
    [unpublish] dépublier { $tier ->
        [preview] du niveau d’aperçu d’AEM
       *[publish] du site web
    }
   *[publish] publier { $tier ->
        [preview] sur le niveau d’aperçu d’AEM
       *[publish] sur le site web
    }
}
run-republish = republier ce que l’exécution { $run } a modifié { $tier ->
    [preview] sur le niveau d’aperçu d’AEM
   *[publish] sur le site web
}
run-publish-undo = retour en arrière sur l’exécution { $run } ({ $what ->
    [unpublish] dépublier ce qu’elle a publié pour la première fois
   *[publish] republier ce qu’elle a dépublié
})
allows-label-publish-permission = Droit de publier
## Le rapport de terrain (connections test --deep --report, « Enregistrer un rapport pour le support »)
field-report-not-sent = La requête n’a pas pu être faite.
field-report-answered = AEM a répondu { $status }.
field-report-not-json = La réponse n’est pas du JSON.
field-report-missing = { $at } manque.
field-report-other-type = { $at } est { $found } là où Metadesk lit { $expected }.
field-report-type-object = un objet
field-report-type-list = une liste
field-report-type-string = une chaîne
field-report-type-number = un nombre
field-report-type-boolean = vrai ou faux
field-report-type-null = null
allows-ok-publish = La vérification des droits d’AEM indique que ce compte peut publier dans { $folder }.
allows-publish-refused = La vérification des droits d’AEM indique que { $who } ne peut pas publier dans { $folder }. Demandez à un administrateur AEM de lui accorder le droit Replicate à cet endroit.
allows-publish-unknown = La vérification des droits d’AEM n’a pas répondu sur la publication dans { $folder } (cette vérification n’est pas confirmée sur tous les AEM).
allows-publish-unchecked = Le droit de publier dans { $folder } n’a pas pu être vérifié : { $why }
allows-instead-publish = Les modifications fonctionnent ; la publication et la republication seront refusées tant que le droit n’est pas donné.
allows-publish-oauth = Une connexion OAuth Server-to-Server ne peut pas publier : le servlet de réplication d’AEM n’accepte que les identifiants de service et les jetons de développement local.
allows-instead-publish-oauth = Publiez avec une connexion classique (identifiants de service ou jeton de développement local), par exemple celle associée à cette connexion.
error-tags-import-other-aem = L’import de balises { $id } a été fait sur { $was }, mais cette connexion mène à { $now } : le retour en arrière ne peut se faire que sur { $was }. Rien n’a été lu ni écrit.
tags-undo-unlisted = { $count ->
    [one] le dossier { $folder } n’a pas pu être listé
   *[other] { $count } dossiers n’ont pas pu être listés, dont { $folder }
}
tags-undo-unread = { $count ->
    [one] une ressource n’a pas pu être lue : { $first }
   *[other] { $count } ressources n’ont pas pu être lues, la première : { $first }
}
tags-undo-pages-unknown = AEM n’a pas dit quelles pages l’utilisent : { $detail }
tags-undo-already = Déjà comme avant l’import : rien à remettre.
tags-undo-gone = La balise n’existe déjà plus : rien sur quoi revenir en arrière.
tags-undo-kept-value = Conservée : sa propriété { $property } a été modifiée dans AEM après l’import (elle vaut maintenant « { $now } »).
tags-undo-kept-tag-changed = Conservée : la balise a été modifiée dans AEM après sa création par l’import.
tags-undo-kept-children = Conservée : des balises que l’import n’a pas créées sont placées dessous.
tags-undo-kept-assets = Conservée : des ressources portent la balise ; retirez-la d’abord.
tags-undo-kept-pages = Conservée : des pages utilisent la balise, comme { $page } ; retirez-la d’abord.
tags-undo-unchecked = Pas supprimée pour l’instant : tout le contenu qui peut porter la balise n’a pas pu être lu ({ $detail }). Reprendre le retour en arrière la vérifie à nouveau.
assets-tag-pages-not-list = la réponse d’AEM n’était pas une liste de pages

# Retour en arrière sur une republication (ticket 63, point 6) : ce qui rend les valeurs à la place
reason-republish-undo-kept = était sur le site avant cette republication : elle garde donc sa version publiée (AEM ne peut pas rendre une publication plus ancienne) ; pour lui rendre ses valeurs, dans l’auteur et sur le site, revenez en arrière sur l’exécution { $run }, la modification que cette exécution a republiée : ce retour en arrière les republie
reason-republish-undo-published-since = publiée par quelqu’un d’autre depuis la modification sur laquelle on est revenu en arrière, pas par sa republication : revenir en arrière sur elle lui rend ses valeurs dans l’auteur seulement et laisse cette publication telle quelle (republiez-la à part si besoin)
# Tag ids and tag property names, checked before anything is sent (assets/tag_names.rs).
tag-id-refused = « { $id } » n’est pas un identifiant de balise : { $problem ->
        [empty] il est vide.
        [control] il contient un caractère de contrôle.
        [space] il contient une espace.
        [address] il contient « ? », « # » ou « % », qui l’enverraient à une autre adresse.
        [namespace] son espace de noms (avant les deux-points) est vide ou contient une barre oblique.
        [colon] il contient un second deux-points.
        [empty-part] une de ses parties est vide (deux barres obliques de suite, ou une barre oblique à une extrémité).
        [outside] c’est un chemin hors des balises d’AEM (/content/cq:tags).
       *[dot-part] une de ses parties est « . » ou « .. », qu’AEM lirait comme une autre balise.
    } Un identifiant de balise ressemble à wknd-shared:activity/surfing.
tag-property-refused = « { $name } » n’est pas une propriété de balise que Metadesk écrit : { $problem ->
        [language] « { $lang } » n’est pas un code de langue comme fr, de ou pt_br.
       *[other] seuls le titre d’une balise (jcr:title), ses titres dans d’autres langues (jcr:title.fr) et sa description (jcr:description) le sont.
    }
error-tags-import-row = Ligne { $row } : { $problem } Rien n’a été modifié.
error-tags-sheet-bad-header = { $file }, colonne « { $header } » : { $problem } Rien n’a été modifié.

## Téléversements (bulk/upload_plan.rs, assets/upload.rs, core/app/uploads.rs)
upload-refused-name = AEM n’accepte pas le nom « { $name } » : il contient un caractère qu’AEM refuse dans les noms, ou commence par un point
upload-refused-empty = le fichier est vide, et AEM ne crée aucune ressource d’un fichier de zéro octet
upload-refused-link = un lien : Metadesk téléverse les fichiers du dossier choisi, pas ce vers quoi pointe un lien
upload-refused-special = { $kind ->
        [pipe] un tube, pas un fichier ordinaire
        [socket] un socket, pas un fichier ordinaire
        [device] un périphérique, pas un fichier ordinaire
       *[other] pas un fichier ordinaire
    } : Metadesk ne téléverse que des fichiers ordinaires
upload-refused-unreadable = le fichier ne peut pas être lu ({ $detail })
upload-refused-case = son nom dans AEM ne diffère que par la casse de celui de { $other }, aucun des deux n’est donc envoyé
upload-not-enabled = la réponse d’AEM au début du téléversement ne donne aucune adresse de stockage : le téléversement binaire direct n’est pas activé sur cet environnement
upload-too-large = le fichier ({ $size } octets) est trop grand pour les { $parts } parties données par AEM, de { $most } octets au plus chacune
error-upload-oauth = Cette connexion ne peut pas téléverser : c’est une connexion OAuth Server-to-Server, et Adobe ne prend pas en charge ces identifiants pour l’API de téléversement d’AEM. Rien n’a été envoyé. Téléversez avec des identifiants de service de l’AEM Developer Console (un compte technique) ou un jeton de développement local.
error-upload-failed = Rien de plus n’a été envoyé : { $detail }

## A move or rename checked before AEM is asked (assets/moves.rs).
move-no-source = Rien à déplacer : choisissez au moins une ressource ou un dossier.
move-too-many-sources = { $count } ressources ou dossiers dans une seule demande de déplacement ; AEM en reçoit au plus { $most } à la fois.
move-name-refused = « { $name } » n’est pas un nom qu’AEM accepte : un nom ne peut pas être vide, commencer par un point, ni contenir * / : [ ] | \ # % {"{"} {"}"} ? & ou "
move-one-name-one-source = Un nouveau nom ne peut être donné qu’à une ressource ou un dossier à la fois.
move-into-itself = « { $path } » ne peut pas être déplacé dans lui-même ni dans un dossier qu’il contient.
