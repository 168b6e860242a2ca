# Les mots de la fenêtre (ui/src). L’interface lit ce fichier à la compilation (Vite `?raw`) ;
# chaque message a son jumeau anglais dans ../en/ui.ftl, avec les mêmes variables.

## Formats

duration-seconds = moins d’une minute
duration-days = { $days } jours
duration-hours-minutes = { $hours ->
    [0] { $minutes } min
   *[other] { $minutes ->
        [0] { $hours } h
       *[other] { $hours } h { $minutes } min
    }
}
assets-count = { $count ->
    [one] { $count } ressource
   *[other] { $count } ressources
}

## Interface générale

window-title = Metadesk
nav-sections = Sections
nav-connections = Connexions
nav-bulk = Modification en masse
nav-activity = Activité
nav-tags = Balises
nav-console = Console d’API
nav-settings = Paramètres
nav-developer-tools = Outils de développement
nav-console-note = Sans aperçu ni retour en arrière
startup-failed-title = La vérification au démarrage n’a pas abouti
checking = Vérification…
check-again = Vérifier à nouveau
interrupted-title = Une modification en masse a été interrompue
interrupted-body = L’exécution sur { $connection } dans { $scope }, lancée le { $started }, n’est pas terminée : { $pending ->
    [one] { $pendingText } n’est pas encore modifiée
   *[other] { $pendingText } ne sont pas encore modifiées
}. Reprendre n’écrit que celles-ci ; l’exécution reste dans Activité si vous la remettez à plus tard.
interrupted-title-elsewhere = Une exécution ne s’est pas terminée
interrupted-body-elsewhere = L’exécution sur { $connection }, lancée le { $started }, a été interrompue avant la fin. Ouvrez-la pour voir ce qu’elle a fait ; Reprendre y vérifie ce que contient AEM et n’écrit que ce qui reste.
interrupted-open = L’ouvrir
scope-with-subfolders = { $folder } et ses sous-dossiers
resume = Reprendre
later = Plus tard
close-run-title = Une modification en masse est en cours. L’annuler et fermer ?
close-run-apply = Écriture sur « { $connection } » : { $done } sur { $total ->
    [one] { $total } ressource traitée
   *[other] { $total } ressources traitées
} pour l’instant.
close-run-preview = Aperçu : { $done } sur { $total ->
    [one] { $total } ressource lue
   *[other] { $total } ressources lues
} pour l’instant.
close-run-listing = Aperçu : { $done ->
    [one] { $done } ressource trouvée
   *[other] { $done } ressources trouvées
} pour l’instant.
close-run-body = Les modifications déjà en cours d’écriture se terminent ; les autres ressources restent telles quelles. Vous pourrez reprendre l’exécution depuis Activité à la prochaine ouverture de Metadesk.
keep-running = Continuer
closing = Fermeture…
cancel-and-close = Annuler l’exécution et fermer
drop-title = Déposez le fichier pour l’ajouter
drop-hint = N’importe où dans cette fenêtre
app-status = État de l’application
keychain-checking = Trousseau : vérification…
keychain-not-checked = Trousseau : non vérifié
keychain-available = Trousseau : disponible ({ $backend })
keychain-locked = Trousseau : verrouillé
keychain-not-working = Trousseau : ne fonctionne pas
app-version = Version { $version }
startup-hide = Masquer la vérification
startup-show = Vérification au démarrage
startup-steps = Vérification au démarrage
startup-step-done = : terminé
startup-step-problem = : problème
startup-checking-system = Vérification de votre système…
startup-checking-next = Vérification de l’élément suivant…
keychain-banner-locked = Le trousseau de votre système est verrouillé
keychain-banner-unusable = Metadesk ne peut pas utiliser le trousseau de votre système
keychain-banner-body = Metadesk conserve les secrets des connexions uniquement dans le trousseau : rien ne peut être enregistré tant que ce problème n’est pas résolu.
status-prefix-warning = Attention
status-prefix-danger = Problème

## Paramètres

settings-title = Paramètres
settings-language = Langue
settings-language-hint = La langue des textes, des dates et des nombres de la fenêtre. Les messages de la ligne de commande suivent la langue de votre système.
settings-language-system = Langue du système ({ $system })
settings-language-saved = Enregistré.
language-en = English
language-fr = Français

## Connexions

kind-serviceCredentials = Identifiants de service AEM
kind-localDevToken = Jeton de développement local AEM
kind-oauthServerToServer = Identifiants OAuth serveur à serveur
kind-localSdk = SDK AEM local
sandbox-label = Bac à sable — un AEM simulé sur cet ordinateur
connections-title = Connexions
connections-list = Connexions
choose-file = Choisir un fichier…
choosing = Sélection…
paste-json = Coller du JSON
add-sdk = Ajouter un SDK AEM local
try-sandbox = Essayer avec un AEM de bac à sable
starting-sandbox = Démarrage du bac à sable…
import-blocked = L’importation est désactivée : { $reason }
sandbox-starting-hint = Démarrage du bac à sable… Il crée ses clés et ses ressources d’exemple ; cela prend quelques secondes.
empty-connections-title = Aucune connexion pour l’instant
empty-connections-lead = Déposez un fichier d’identifiants n’importe où dans cette fenêtre.
empty-connections-body = Utilisez le fichier JSON contenant les identifiants de service de votre Console développeur AEM, un jeton de développement local ou un projet OAuth de l’Adobe Developer Console.
empty-connections-sandbox = Pas de compte Adobe sous la main ? Essayez Metadesk avec un AEM simulé sur cet ordinateur.
drop-anywhere = Ou déposez des fichiers d’identifiants n’importe où dans cette fenêtre.
paste-title = Coller le JSON d’un fichier d’identifiants
paste-label = Texte JSON
paste-hint = Le texte est vérifié avant tout enregistrement ; les secrets vont uniquement dans votre trousseau.
cancel = Annuler
import = Importer
importing = Importation…
sdk-hint = Pour un SDK AEM exécuté sur cet ordinateur. Le mot de passe va dans votre trousseau et n’est plus jamais affiché.
aem-author-address = Adresse de l’instance de création AEM
aem-author-address-optional = Adresse de l’instance de création AEM (facultatif)
user-name = Nom d’utilisateur
password = Mot de passe
type-user-name = Saisissez le nom d’utilisateur.
type-password = Saisissez le mot de passe.
adding = Ajout…
add-connection = Ajouter la connexion
delete-title = Supprimer « { $name } » ?
delete-body = Metadesk oublie cette connexion et retire ses secrets de votre trousseau. Le fichier d’identifiants sur votre ordinateur n’est pas modifié ; vous pourrez l’importer à nouveau plus tard.
delete-sandbox = { sandbox-label } : la supprimer arrête aussi le bac à sable.
delete-production = Il s’agit d’une connexion de production.
deleting = Suppression…
delete-connection = Supprimer la connexion
url-empty = Saisissez l’adresse de l’instance de création AEM, par exemple https://author-p12345-e67890.adobeaemcloud.com.
url-not-web = « { $text } » n’est pas une adresse web.
url-not-https = Utilisez une adresse https. Le http simple n’est autorisé que pour un AEM sur cet ordinateur (localhost).
name-required = Une connexion doit avoir un nom.
badge-production = Production
badge-sandbox = Bac à sable
checking-token = vérification du jeton…
field-kind = Type
field-aem = AEM
field-ims = Service de connexion (IMS)
field-aem-user = L’utilisateur AEM à qui accorder les droits
field-signs-in-as = Se connecte en tant que
field-keychain = Dans votre trousseau
connection-technical = Détails techniques
connection-jwt-note = Adobe range désormais les identifiants de service JWT comme ceux-ci parmi les méthodes anciennes, au profit d’OAuth serveur à serveur. Ils fonctionnent jusqu’à l’expiration du certificat. Quand l’AEM Developer Console vous donne la forme plus récente (un ID client et un secret client, sans clé privée), déposez-la ici : Metadesk l’accepte aussi.
# ticket 17 (les connexions dans la langue de l’utilisateur) : les indices du trousseau sur la carte d’une connexion
secret-hint = { $field ->
    [clientSecret] secret client
    [developmentToken] jeton de développement
   *[password] mot de passe
} { $hint }
secret-hint-private-key = clé privée (RSA { $bits } bits)
sandbox-running = En cours d’exécution sur cet ordinateur. Les modifications de ses ressources ne durent que tant que Metadesk est ouvert.
sandbox-starting = Démarrage du bac à sable… (cela prend quelques secondes)
sandbox-not-running = Arrêté.
start-sandbox = Démarrer le bac à sable
name = Nom
saving = Enregistrement…
save = Enregistrer
testing = Test en cours…
test-connection = Tester la connexion
rename = Renommer
edit-address = Modifier l’adresse
connection-more-actions = Plus d’actions
unmark-production = Retirer la marque production…
mark-production = Marquer comme production…
production-mark-title = Marquer { $name } comme production ?
production-mark-body = Chaque modification sur elle demande alors de taper son nom d’abord, et elle porte un badge Production partout.
production-mark-confirm = Marquer comme production
production-unmark-title = Ne plus traiter { $name } comme production ?
production-unmark-body = Les modifications sur elle ne demanderont plus de taper son nom d’abord. Ne le faites que si ce n’est pas un AEM de production.
production-unmark-confirm = Retirer la marque
delete = Supprimer…
status-ok = OK
status-certificate-valid = Certificat valide jusqu’au { $day }
status-certificate-expired = Certificat expiré le { $day }
status-token-ends = { $actsAs ->
    [none] le jeton expire le { $at }
   *[other] Agit en tant que { $actsAs } · le jeton expire le { $at }
}
status-token-expired = { $actsAs ->
    [none] le jeton a expiré le { $at }
   *[other] Agit en tant que { $actsAs } · le jeton a expiré le { $at }
}
status-token-expires = { $actsAs ->
    [none] le jeton expire bientôt ({ $at })
   *[other] Agit en tant que { $actsAs } · le jeton expire bientôt ({ $at })
}
files-title = { $count ->
    [one] Fichier d’identifiants
   *[other] Fichiers d’identifiants ({ $count })
}
dismiss = Fermer
dismiss-files = Fermer les résultats des fichiers
file-unnamed = un fichier sans nom
file-checking = Vérification de { $file }…
file-added = { $file } : { $name } ajoutée ({ $kind }).
file-name-label = Son nom
file-name-save = Enregistrer le nom
file-updated = { $file } : { $name } mise à jour ; elle utilise désormais les secrets de ce fichier.
file-refused = { $file } n’a pas été importé :
file-replaces = { $file } : { $kind } avec l’ID client de { $name }. Confirmez ci-dessous pour la remplacer.
file-choose = { $file } : { $kind }. Faites votre choix ci-dessous pour l’importer.
local-sdk-file = SDK AEM local
replace-title = Ce fichier remplacerait « { $name } ».
replace-body = Il a le même ID client, mais ce ne sont pas les mêmes identifiants :
replace-advice = Ne la remplacez que si vous vous y attendiez (par exemple après la création d’une nouvelle clé dans la Console développeur).
untrusted-title = { $host } n’est pas l’un des hôtes AEM d’Adobe.
untrusted-body = Le jeton de cette connexion y serait envoyé. Les adresses d’AEM as a Cloud Service d’Adobe ressemblent à author-p12345-e67890.adobeaemcloud.com.
untrusted-stored = Cette connexion n’est pas utilisée tant que vous ne lui faites pas confiance : son jeton y serait envoyé.
untrusted-advice = Ne lui faites confiance que si vous connaissez ce serveur (l’AEM de votre organisation, par exemple) ; une adresse qui imite celle d’Adobe peut voler votre jeton.
trust-host-import = Faire confiance à { $host } et importer
trust-host = Faire confiance à { $host }
pending-aem-user = L’utilisateur AEM à qui accorder les droits : { $email }
which-credential = Quels identifiants ?
url-keep = Laissez vide pour conserver l’adresse de la connexion.
url-unknown = Ce fichier n’indique pas à quel environnement AEM il est destiné.
ims-address = Adresse d’Adobe IMS (facultatif)
ims-hint = L’endroit où ces identifiants obtiennent leurs jetons. Laissez vide pour l’IMS habituel d’Adobe (ims-na1.adobelogin.com). Seules les adresses https se terminant par .adobelogin.com sont acceptées.
replace-named = Remplacer « { $name } »
dont-import = Ne pas importer

## État des jetons et des certificats, test de connexion

new-dev-token = Obtenez-en un nouveau dans la Console développeur AEM de cet environnement (Intégrations → Jeton local → Obtenir le jeton de développement local), puis déposez le fichier téléchargé sur cette fenêtre.
token-not-needed = se connecte avec un nom d’utilisateur et un mot de passe (aucun jeton nécessaire)
token-not-yet = pas encore de jeton — il est obtenu à la première utilisation
token-renewing = renouvellement…
token-failed = échec : { $reason }
token-ended = jeton expiré — un nouveau est obtenu à la prochaine utilisation
token-valid = jeton valide pendant { $duration }
dev-token-unknown = jeton de développement (fin inconnue ; il dure au plus 24 h)
dev-token-unknown-advice = Quand AEM ne l’accepte plus : { new-dev-token }
dev-token-ended = jeton de développement expiré
dev-token-ended-advice = Les jetons de développement durent 24 heures et ne peuvent pas être renouvelés. { new-dev-token }
dev-token-ends = le jeton de développement expire dans { $duration }
dev-token-ends-advice = Terminez ou mettez en pause les longues exécutions avant son expiration. Une fois expiré : { new-dev-token }
certificate-valid = Certificat valide jusqu’au { $day }
certificate-expires-days = { $days ->
    [one] Le certificat expire dans 1 jour ({ $day })
   *[other] Le certificat expire dans { $days } jours ({ $day })
}
certificate-expires-in = Le certificat expire dans { $duration } ({ $day })
certificate-expired = Certificat expiré le { $day } — Adobe refuse ces identifiants
fact-host-not-tried = AEM ({ $host }) n’a pas été contacté
fact-host-reached = AEM a répondu à { $host }
fact-host-unreachable = Impossible de joindre AEM ({ $host })
fact-account = AEM indique que vous êtes { $user }
fact-account-unknown = AEM n’indique pas quel compte cette connexion utilise
fact-token-valid = Jeton valide pendant { $duration }
fact-token-ended = Jeton expiré — un nouveau est obtenu à la prochaine utilisation
fact-dam-readable = La DAM est lisible
fact-dam-unreadable = La DAM n’est pas lisible
test-result = Résultat du test
test-can-do = Ce que cette connexion permet
test-technical = Détails techniques
test-untestable = La connexion n’a pas pu être testée : { $message }
test-works-warned = La connexion fonctionne, avec un avertissement. Voir ci-dessous.
test-works = La connexion fonctionne.
test-fails = La connexion ne fonctionne pas encore. Voir ci-dessous.
step-passed = : réussi.
step-warning = : n’a pas fonctionné, mais la connexion fonctionne.
step-failed = : échec.
step-skipped = : non essayé.
test-hide = Masquer le résultat
field-report-save = Enregistrer un rapport pour le support
field-report-saving = Enregistrement du rapport…
field-report-hint = Un fichier qui montre au support comment cet AEM répond à chaque lecture dont Metadesk dépend. Il ne modifie rien dans AEM et ne contient ni jeton, ni secret, ni valeur de métadonnée.
field-report-saved = { $file } enregistré : { $reads } lectures, { $differing ->
    [0] toutes avec la réponse attendue par Metadesk.
    [one] une sans la réponse attendue par Metadesk :
   *[other] { $differing } sans la réponse attendue par Metadesk :
}
field-report-failed = Le rapport n’a pas pu être enregistré : { $message }
checklist-heading = Ce que cet AEM permet
checklist-ok =  : permis.
checklist-not-allowed =  : non permis.
checklist-unavailable =  : indisponible.
checklist-instead = À la place : { $instead }

## Modification en masse

# Bulk edit : tous les mots de la page Modification en masse (ui/src/features/bulk), y compris
# les faits d’une exécution et les lignes de modification affichés dans Activité.

bulk-rate = { $rate ->
    [one] { $rate } ressource/s
   *[other] { $rate } ressources/s
}
bulk-time-left-soon = encore moins d’une minute
bulk-time-left = { $hours ->
    [0] encore environ { $minutes } min
   *[other] { $minutes ->
        [0] encore environ { $hours } h
       *[other] encore environ { $hours } h { $minutes } min
    }
}
bulk-value-not-set = (non définie)
bulk-value-empty-list = (liste vide)
bulk-quoted = « { $value } »
bulk-list-separator = {" ; "}
bulk-changed-since-value = { $property } valait { $before } lors de l’aperçu et vaut maintenant { $now }
bulk-changed-since = Modifiée dans AEM depuis l’aperçu, elle n’a donc pas été écrasée : { $values }. « Relancer les échecs » la planifie de nouveau à partir de la valeur actuelle dans AEM.
bulk-preview-starting = Démarrage de l’aperçu…
bulk-preview-finding = Recherche des ressources… { $count } pour l’instant
bulk-preview-read = { $count ->
    [one] { $count } ressource lue.
   *[other] { $count } ressources lues.
}
bulk-preview-reading = Lecture des valeurs actuelles… { $done } sur { $total }
bulk-sentence-preview-incomplete = L’aperçu ne s’est pas terminé, cette exécution ne peut donc pas être appliquée. Relancez l’aperçu de la modification.
bulk-sentence-previewed = Aperçu établi : rien n’a encore été écrit dans AEM.
bulk-sentence-interrupted = L’application s’est fermée ou a perdu le fil pendant l’application. Reprenez pour écrire les modifications qui restent à faire.
bulk-sentence-cancelled-pending = Annulée : { $count ->
    [one] { $count } ressource est restée telle quelle
   *[other] { $count } ressources sont restées telles quelles
}. Vous pourrez reprendre plus tard.
bulk-sentence-cancelled = Annulée.
bulk-sentence-stopped = Arrêtée avant la fin. Corrigez la cause indiquée ci-dessus, puis reprenez.
bulk-sentence-completed-failures = Terminée, avec des ressources qui n’ont pas pu être modifiées.
bulk-sentence-completed = Terminée.
bulk-sentence-undone = Retour en arrière fait : les valeurs d’avant la modification sont restaurées.
bulk-sentence-undone-failures = Retour en arrière fait, sauf pour des ressources dont les valeurs n’ont pas pu être restaurées.
bulk-outcome-put-back = Restaurées
bulk-outcome-changed = Modifiées
bulk-outcome-unchanged = Déjà conformes
bulk-outcome-skipped = Ignorées
bulk-outcome-failed = En échec
bulk-outcome-pending = Pas encore appliquées
bulk-kind-sheet = Valeurs de la feuille { $file }
bulk-kind-tag-import = Balises de la feuille { $file }
bulk-kind-tag-rename = Renommage de la balise { $from } en { $to }
bulk-kind-upload = Envoi de { $files ->
    [one] { $files } fichier
   *[other] { $files } fichiers
} vers { $folder }
# Le nom d’une exécution dans Activité, quand ce n’est ni un retour en arrière, ni une reprise, ni une feuille, ni une publication.
run-name-edit = Modification en masse
run-name-fragments = Modification en masse de fragments de contenu
run-name-tag = { $command ->
    [merge] Fusion de la balise { $tag } dans { $target }
    [move] Déplacement de la balise { $tag } vers { $target }
   *[delete] Suppression de la balise { $tag }
}
bulk-kind-undo = { $what ->
    [edit] Retour en arrière sur la modification en masse
    [fragments] Retour en arrière sur la modification en masse de fragments de contenu
    [merge] Retour en arrière sur la fusion de la balise { $tag } dans { $target }
    [move] Retour en arrière sur le déplacement de la balise { $tag } vers { $target }
    [delete] Retour en arrière sur la suppression de la balise { $tag }
    [sheet] Retour en arrière sur l’import de la feuille { $file }
    [tag_import] Retour en arrière sur l’import de balises de { $file }
    [tag_rename] Retour en arrière sur le renommage de la balise { $tag }
    [upload] Retour en arrière sur l’envoi de fichiers
    [undo] Retour en arrière sur un retour en arrière
    [retry] Retour en arrière sur la reprise
   *[other] Retour en arrière sur l’exécution
}{ $made ->
    [none] {""}
   *[other] {" "}du { $made }
}{ $folder ->
    [none] {""}
   *[other] {" "}dans { $folder }
}
bulk-kind-retry = { $what ->
    [edit] Reprise des ressources en échec de la modification en masse
    [fragments] Reprise des fragments de contenu en échec de la modification en masse
    [sheet] Reprise des ressources en échec de l’import de la feuille { $file }
    [undo] Reprise des ressources en échec d’un retour en arrière
    [retry] Reprise des ressources en échec de la reprise
   *[other] Reprise des ressources en échec de l’exécution
}{ $made ->
    [none] {""}
   *[other] {" "}du { $made }
}{ $folder ->
    [none] {""}
   *[other] {" "}dans { $folder }
}
bulk-selection-list = { $count ->
    [one] une ressource de votre liste
   *[other] { $count } ressources de votre liste
}
bulk-failures-see-table = { $count ->
    [one] { $count } ressource n’a pas pu être modifiée
   *[other] { $count } ressources n’ont pas pu être modifiées
}. Les raisons figurent dans le tableau ci-dessous.
bulk-failures-all = { $count ->
    [one] { $count } ressource n’a pas pu être modifiée
   *[other] { $count } ressources n’ont pas pu être modifiées
} : { $reason }
bulk-failures-common = { $count ->
    [one] { $count } ressource n’a pas pu être modifiée
   *[other] { $count } ressources n’ont pas pu être modifiées
}. La raison la plus fréquente ({ $times } sur les { $seen } affichées) : { $reason }
bulk-failure-group = { $count ->
    [one] { $count } ressource
   *[other] { $count } ressources
} de { $folders }{ $more ->
    [0] {""}
    [one] {" "}et { $more } autre dossier
   *[other] {" "}et { $more } autres dossiers
} { $count ->
    [one] n’a pas pu être modifiée
   *[other] n’ont pas pu être modifiées
} : { $reason }
bulk-edit-line = { $property } : { $verb ->
    [set] remplacer par { $values }
    [append] ajouter { $values }
    [remove] retirer { $values }
   *[other] effacer
}
bulk-property-label = { $label } ({ $property })
bulk-prop-title-hint = Le titre affiché dans AEM.
bulk-prop-description-hint = Une ou deux phrases sur la ressource.
bulk-prop-rights-hint = Par exemple : © 2026 WKND Adventures.
bulk-prop-subject-hint = Un mot-clé par ligne.
bulk-prop-creator-hint = Un nom par ligne.
bulk-prop-usage-terms-hint = Comment la ressource peut être utilisée.
bulk-prop-tags-hint = Choisissez des balises par leur titre ci-dessous, ou tapez un identifiant de balise par ligne (wknd-shared:activity/surfing).
bulk-action-set = Définir
bulk-action-append = Ajouter des valeurs
bulk-action-remove = Retirer des valeurs
bulk-action-clear = Effacer
bulk-format-images = Images
bulk-format-videos = Vidéos
bulk-format-pdf = Documents PDF
bulk-problem-connection = Choisissez une connexion.
bulk-problem-folder = Choisissez un dossier dans l’arborescence ou saisissez son chemin.
bulk-problem-property = Choisissez une propriété ou saisissez-en une, comme dc:rights.
bulk-problem-value = Saisissez la valeur à définir.
bulk-problem-values = Saisissez au moins une valeur, une par ligne.
bulk-problem-one-value = Cette propriété ne prend qu’une valeur ici : supprimez les lignes en trop.
bulk-problem-one-value-typed = Une seule valeur ici : supprimez les lignes en trop ou cochez « Plusieurs valeurs » pour définir une liste.
bulk-problem-single-valued = { $property } ne contient qu’une valeur : définissez-la ou effacez-la.
bulk-problem-edits = Ajoutez au moins une modification.
bulk-fact-connection = Connexion
bulk-fact-assets = Ressources
bulk-fact-folder = Dossier
# Which AEM as a Cloud Service environment an address is (issue 68); numbers, as AEM names them
aem-place = Programme { $program } · environnement { $environment }
# A connection's name Metadesk made, in the reader's words (issue 77): as the core's name-suggestion-cloud-oauth, and a second connection to one environment told apart by its technical account
connection-auto-name-oauth = { aem-place } (OAuth)
connection-name-account = { $name } · compte { $account }
bulk-fact-where = Conditions
# Which search found a run's assets (issue 15)
bulk-fact-found = Comment elles ont été trouvées
bulk-fact-writes = Écritures
bulk-fact-index = Index de recherche
bulk-found-by = { $how ->
    [listing] Le contenu du dossier, tel qu’AEM le liste
    [listing-via] Le contenu du dossier, listé par « { $connection } »
    [query-builder] Une recherche dans AEM
    [query-builder-via] Une recherche dans AEM, par « { $connection } »
   *[openapi] Une recherche dans AEM, avec cette connexion
}
bulk-fact-run = Exécution
bulk-fact-changes = { $count ->
    [one] Modification
   *[other] Modifications
}
bulk-chart-description = Ressources par résultat : { $parts }
bulk-chart-part = { $label } : { $count }
bulk-empty-title = Connectez-vous d’abord à AEM
bulk-empty-body = Une modification en masse change des propriétés, comme le titre ou la description, des ressources d’un dossier de la DAM. Pour choisir un dossier, Metadesk a d’abord besoin d’une connexion à votre environnement AEM.
bulk-go-to-connections = Aller aux connexions
bulk-steps = Étapes
bulk-step-setup = Choisir et décrire
bulk-step-preview = Aperçu
bulk-step-apply = Application
bulk-step-report = Rapport
bulk-mode-label = Comment indiquer les modifications
bulk-mode-same = La même modification pour toutes les ressources
bulk-mode-same-hint = Définir, compléter ou effacer une propriété sur toutes les ressources d’un dossier.
bulk-mode-sheet = À partir d’un tableur
bulk-mode-sheet-hint = Une valeur par ressource : exportez une feuille, modifiez-la dans Excel, puis importez-la.

## The metadata schema in the change rows
schema-tab-untitled = Onglet sans titre
schema-other-properties = Autres propriétés courantes
schema-option = { $text } ({ $value })
schema-choose = Choisissez une valeur…
schema-option-not-allowed = { $value } (non autorisée ici)
schema-checked = Oui (true)
schema-unchecked = Non (false)
schema-tag-to-add = Balise à ajouter
schema-add-tag = Ajouter la balise
schema-tag-placeholder = Le titre d’une balise, par exemple Surf
schema-tags-chosen = Balises choisies
schema-tag-remove = Retirer { $tag }
schema-hint-one = Une seule valeur.
schema-hint-range = { $min ->
    [none] Jusqu’à { $max }.
   *[other] { $max ->
        [none] { $min } ou plus.
       *[other] De { $min } à { $max }.
    }
}
schema-unavailable-note = { $why } Les propriétés se saisissent par leur nom, et les valeurs ne sont pas vérifiées par rapport au schéma de métadonnées.
schema-in-use = Les propriétés et les valeurs suivent le schéma de métadonnées « { $form } ».
schema-refresh = Relire le schéma
schema-refreshing = Lecture du schéma…

## Find missing metadata
bulk-mode-missing = Trouver les métadonnées manquantes
bulk-mode-missing-hint = Les ressources auxquelles il manque ce que le schéma de métadonnées exige, puis les compléter.
bulk-mode-fragments = Fragments de contenu
bulk-mode-fragments-hint = Définir, compléter, retirer ou effacer un champ des fragments de contenu d’un dossier.
fragments-pick-title = Choisir les fragments de contenu
fragments-connection-hint = Toutes les connexions ne peuvent pas modifier les fragments de contenu : celles qui ne le peuvent pas sont grisées dans la liste.
fragments-connection-technical = Les fragments de contenu se modifient par l’API Sites d’AEM : seules les connexions OAuth Server-to-Server le peuvent.
fragments-option-cannot = ne peut pas modifier de fragments
fragments-no-connection = Aucune de vos connexions ne peut modifier de fragments de contenu
fragments-no-connection-how = Les fragments de contenu se modifient par l’API Sites d’AEM, qui n’accepte que des identifiants OAuth Server-to-Server. Demandez-en à votre administrateur Adobe depuis l’Adobe Developer Console, autorisés pour cet environnement, puis importez-les dans Connexions.
fragments-folder-hint = Ses fragments de contenu et ceux de ses sous-dossiers.
fragments-scope-label = Quels fragments de contenu
fragments-scope-folder = Dossier
fragments-scope-list = Liste de fragments
fragments-list-label = Les fragments de contenu, un chemin par ligne
fragments-list-hint = Chemins de fragments de contenu sous /content/dam, un par ligne ; les lignes vides sont ignorées.
fragments-list-none = Aucun des chemins de la liste n’est un fragment de contenu sous { $folder }.
fragments-list-missing = { $count ->
    [one] { $count } chemin de la liste ne figure pas parmi les fragments de contenu sous { $folder } : l’aperçu dit pourquoi.
   *[other] { $count } chemins de la liste ne figurent pas parmi les fragments de contenu sous { $folder } : l’aperçu dit pourquoi.
}
fragments-model = Modèle
fragments-all-models = Tous les modèles
fragments-model-option = { $title } ({ $count })
fragments-list-failed = Les fragments de contenu n’ont pas pu être listés
fragments-table-title = Fragments de contenu
fragments-count = { $count ->
    [one] { $count } fragment de contenu
   *[other] { $count } fragments de contenu
}
fragments-loading = Lecture des fragments de contenu du dossier…
fragments-empty = Aucun fragment de contenu dans { $folder } ni dans ses sous-dossiers.
fragments-more = Les { $shown } premiers sur { $count } sont affichés ici ; l’aperçu les liste tous.
fragments-col-title = Titre
fragments-col-model = Modèle
fragments-col-status = Sur le site web
fragment-status-new = Jamais publié
fragment-status-draft = Pas sur le site web
fragment-status-published = À jour
fragment-status-modified = Modifié depuis sa publication
fragment-status-unpublished = Retiré du site web
fragments-field = Champ
fragments-choose-field = Choisissez un champ…
fragments-several = plusieurs valeurs
fragments-kind-text = texte
fragments-kind-multiText = texte
fragments-kind-number = nombre
fragments-kind-date = date
fragments-kind-dropdown = choix
fragments-kind-tags = balises
fragments-kind-checkbox = oui ou non
fragments-kind-other = autre
fragments-value = Valeur
fragments-values = Valeurs
fragments-values-lines = Valeurs, une par ligne
fragments-choose-value = Choisissez une valeur…
fragments-find = Rechercher
fragments-replace = Remplacer par
fragments-preview-hint = Lit chaque fragment de contenu et montre ce qui changerait. Rien n’est encore écrit.
fragments-problem-field = Choisissez le champ à modifier.
fragments-problem-action = Ce champ n’accepte pas cette action : choisissez-en une autre.
fragments-problem-value = Saisissez une valeur.
fragments-problem-find = Saisissez le texte à rechercher.
missing-pick-title = Choisissez les ressources à vérifier
missing-title = Métadonnées obligatoires
missing-hint = Chaque ressource est lue et jugée selon le schéma de métadonnées de son dossier. Rien n’est écrit.
missing-run = Trouver les métadonnées manquantes
missing-running = Lecture des ressources…
missing-failed = Les ressources n’ont pas pu être vérifiées
missing-checked = { $count ->
    [one] { $count } ressource vérifiée dans { $folder }.
   *[other] { $count } ressources vérifiées dans { $folder }.
}
missing-unavailable = Non vérifié : { $why }
missing-folder-unlisted = Non vérifié : le dossier { $folder } n’a pas pu être listé.
missing-none-title = Aucune métadonnée obligatoire ne manque
missing-none-body = Chaque ressource vérifiée a une valeur pour chaque champ que son schéma de métadonnées exige.
missing-none-checked = Aucune ressource n’a été vérifiée : la sélection n’en contient aucune, ou leurs schémas de métadonnées n’ont pas pu être lus.
missing-lack = { $count ->
    [one] { $count } ressource sans { $label } (obligatoire)
   *[other] { $count } ressources sans { $label } (obligatoire)
}
missing-show = Afficher les ressources sans
missing-fill = { $count ->
    [one] Renseigner { $label } pour cette ressource…
   *[other] Renseigner { $label } pour ces { $count } ressources…
}
missing-sheet = { $count ->
    [one] Exporter une feuille de cette ressource…
   *[other] Exporter une feuille de ces { $count } ressources…
}
missing-table-label = Ressources sans { $label }
missing-thumbnail = Vignette
missing-asset = Ressource
missing-col-state = État
# An asset's pill in the list of those that lack a required field (amber: to look at)
missing-row-to-fill = À remplir : { $label }
missing-off-schema = { $count ->
    [one] { $count } valeur que le schéma de métadonnées n’autorise pas
   *[other] { $count } valeurs que le schéma de métadonnées n’autorise pas
}
bulk-pick-export-title = Choisir les ressources à exporter
bulk-pick-title = Choisir les ressources à modifier
bulk-change-title = Indiquer les modifications
bulk-preview-title = Aperçu
bulk-preview-undo-title = Aperçu : retour en arrière sur l’exécution
bulk-preview-retry-title = Aperçu de la reprise
bulk-preview-failed = L’aperçu n’a pas fonctionné
bulk-preview-button = Prévisualiser
bulk-fix-fields = Corrigez d’abord les champs signalés ci-dessus.
bulk-preview-hint = Lit les valeurs actuelles et montre l’avant → après de chaque ressource. Rien n’est écrit dans AEM.
bulk-run-facts = Ce que modifie cette exécution
bulk-change-edit = Changer la modification
bulk-new-edit = Nouvelle modification en masse
bulk-did-not-work = Cela n’a pas fonctionné
bulk-rows-left-out = Laissées de côté (lignes en erreur) : { $count ->
    [one] ligne
   *[other] lignes
} { $rows }. Rien n’est écrit pour elles.
bulk-applying-title = Application des modifications
bulk-apply-failed = Les modifications n’ont pas pu être appliquées
bulk-back-to-preview = Revenir à l’aperçu
bulk-open-the-report = Ouvrir le rapport
bulk-notice-preview-cancelled = Aperçu annulé. Rien n’a été écrit dans AEM.
bulk-notice-preview-unfinished = L’aperçu ne s’est pas terminé. Rien n’a été écrit dans AEM ; relancez l’aperçu.
bulk-option-production = PRODUCTION
bulk-option-sandbox = bac à sable
bulk-choose-connection = Choisissez une connexion…
bulk-under-folder = Dans ce dossier
bulk-or-type-path = Ou saisissez son chemin
bulk-include-subfolders = Inclure les sous-dossiers
bulk-name-pattern = Uniquement les fichiers nommés
bulk-optional = (facultatif)
bulk-name-pattern-hint = « * » remplace n’importe quelle suite de caractères, « ? » un seul caractère. Majuscules et minuscules sont équivalentes.
bulk-formats = Uniquement ces formats
bulk-formats-hint = (aucun coché : tous les formats)
bulk-dam-folders = Dossiers de la DAM
bulk-all-of-dam = Toute la DAM
bulk-loading = Chargement…
bulk-show-more-folders = Afficher plus de dossiers
bulk-no-suggestions = Aucune suggestion : { $reason }
bulk-matching-folders = Dossiers correspondants
bulk-values-hint-append = Une valeur par ligne. Les valeurs que la ressource possède déjà ne sont pas ajoutées une seconde fois.
bulk-values-hint-remove = Une valeur par ligne. Les ressources qui n’ont pas ces valeurs restent telles quelles.
bulk-values-hint-several = Une valeur par ligne ; ensemble, elles remplacent les valeurs de la propriété.
bulk-values-hint-one = Une seule valeur. Pour une liste de valeurs, cochez « Plusieurs valeurs ».
bulk-clear-note = { $property ->
    [none] Efface la propriété
   *[other] Efface « { $property } »
} sur toutes les ressources concernées.
bulk-change-n = Modification { $n }
bulk-property = Propriété
bulk-another-property = Autre propriété…
bulk-property-name = Nom de la propriété (préfixe:nom)
bulk-property-name-placeholder = préfixe:nom, par ex. dc:language
bulk-several-values = Plusieurs valeurs
bulk-action = Action
bulk-value = Valeur
bulk-values = Valeurs
bulk-remove-change-n = Supprimer la modification { $n }
bulk-remove = Supprimer
bulk-add-change = + Ajouter une autre modification
bulk-cell-removed = valeur retirée :
bulk-cell-added = valeur ajoutée :
bulk-cell-emptied = vidée
bulk-emptied-required-title = Ces modifications vident des champs que le formulaire de métadonnées exige
bulk-emptied-required-line = { $field } : vidé sur { $count ->
    [one] { $count } ressource
   *[other] { $count } ressources
}
bulk-emptied-required-ack = Les vider quand même : je sais que le formulaire les exige
bulk-cell-becomes = devient
bulk-cell-would-become = deviendrait
bulk-cancelling-preview = Annulation de l’aperçu…
bulk-preview-writes-nothing = Rien n’est écrit dans AEM pendant un aperçu.
bulk-cancel-preview = Annuler l’aperçu
bulk-percent = { $percent } %
bulk-tab-all = Toutes
bulk-tab-will-change = À modifier
bulk-apply-changes = { $count ->
    [one] Appliquer { $count } modification
   *[other] Appliquer { $count } modifications
}
bulk-apply-undo = { $count ->
    [one] Revenir en arrière sur { $count } modification
   *[other] Revenir en arrière sur { $count } modifications
}
bulk-apply-undo-hint = Rien n’a encore été restauré. Revenir en arrière réécrit les valeurs d’avant la modification sur { $count ->
    [one] { $count } ressource
   *[other] { $count } ressources
} ; une ressource modifiée par quelqu’un depuis est laissée telle quelle.
bulk-undo-not-now = Garder la modification
bulk-show-assets = Afficher les ressources
bulk-show-fragments = Afficher les fragments
bulk-preview-rows-error = Les lignes de l’aperçu n’ont pas pu être lues : { $reason }
bulk-col-asset = Ressource
bulk-col-fragment = Fragment de contenu
bulk-col-change = Modification
bulk-row-skipped-reason = ignorée
bulk-row-unchanged = Déjà conforme
bulk-no-assets-here = Aucune ressource ici.
bulk-no-fragments-here = Aucun fragment ici.
bulk-showing = { $shown ->
    [one] { $shown } affichée
   *[other] { $shown } affichées
} sur { $total ->
    [one] { $total } ressource
   *[other] { $total } ressources
}
bulk-showing-fragments = { $shown ->
    [one] { $shown } affiché
   *[other] { $shown } affichés
} sur { $total ->
    [one] { $total } fragment
   *[other] { $total } fragments
}
bulk-showing-problems = { $shown ->
    [one] { $shown } affiché
   *[other] { $shown } affichés
} sur { $total ->
    [one] { $total } problème
   *[other] { $total } problèmes
}
bulk-show-more = Afficher plus
table-full-values = Afficher les valeurs en entier
bulk-nothing-to-change = Rien à modifier : chaque ressource est déjà conforme ou ignorée.
bulk-apply-hint = Rien n’a encore été écrit. L’application écrit les modifications sur { $count ->
    [one] { $count } ressource
   *[other] { $count } ressources
} ; vous pourrez la mettre en pause ou l’arrêter, puis revenir en arrière sur ses modifications plus tard.
bulk-apply-hint-fragments = Rien n’a encore été écrit. L’application écrit les modifications sur { $count ->
    [one] { $count } fragment
   *[other] { $count } fragments
} ; vous pourrez la mettre en pause ou l’arrêter, puis revenir en arrière sur ses modifications plus tard.
bulk-production-title = Modifier des ressources en production ?
bulk-production-applying = L’application écrit les modifications sur { $count ->
    [one] { $count } ressource
   *[other] { $count } ressources
} de { $connection }, une connexion marquée comme production.
bulk-production-resuming = La reprise écrit les modifications sur { $count ->
    [one] { $count } ressource
   *[other] { $count } ressources
} de { $connection }, une connexion marquée comme production.
bulk-production-type-name = Saisissez le nom de la connexion pour confirmer
bulk-production-name-is = Le nom est
bulk-production-resume = Reprendre en production
bulk-production-apply = Appliquer en production
bulk-old-preview-title = Cet aperçu date de { $age }
bulk-old-preview-when = Il a été fait le { $when }, il y a { $age }.
bulk-old-preview-body = Les ressources ont peut-être d’autres valeurs depuis. L’application vérifie d’abord chacune d’elles : une ressource modifiée depuis l’aperçu est laissée telle quelle et signalée dans le rapport. Pour voir les valeurs actuelles, choisissez « Changer la modification » au-dessus de l’aperçu, puis refaites l’aperçu.
bulk-old-preview-open = Revoir l’aperçu d’abord
bulk-old-preview-apply = Appliquer { $count ->
    [one] { $count } modification
   *[other] { $count } modifications
} quand même
bulk-run-ended = Terminée : { $done } sur { $total ->
    [one] { $total } ressource traitée
   *[other] { $total } ressources traitées
}.
bulk-run-cancelling = Annulation… les modifications déjà en cours d’écriture se terminent d’abord.
bulk-run-paused = En pause. Plus rien n’est écrit tant que vous ne reprenez pas.
bulk-run-starting = Démarrage…
bulk-run-throttled = Écriture des modifications… AEM a demandé de ralentir { $count ->
    [one] { $count } fois
   *[other] { $count } fois
} ; Metadesk a ralenti.
bulk-run-writing = Écriture des modifications…
bulk-run-of-total = sur { $total ->
    [one] { $total } ressource
   *[other] { $total } ressources
}
bulk-run-bar = Modifications écrites
bulk-run-so-far = Jusqu’ici
bulk-pause = Mettre en pause
bulk-cancelling = Annulation…
bulk-run-use-rest = Vous pouvez utiliser le reste de Metadesk pendant l’exécution.
bulk-cancel-title = Annuler cette modification en masse ?
bulk-cancel-body = Les modifications déjà en cours d’écriture se terminent ; les autres ressources restent telles quelles.
bulk-cancel-later = Vous pourrez reprendre plus tard depuis le rapport ou depuis Activité, ou revenir en arrière sur ce qui a été modifié.
bulk-cancel-run = Annuler l’exécution
bulk-row-status-changed = Modifiée
bulk-row-status-unchanged = Déjà conforme
bulk-row-status-skipped = Ignorée
bulk-row-status-left-alone = Laissée telle quelle
bulk-row-status-failed = En échec
bulk-row-status-pending = Pas encore appliquée
bulk-apply-strip-label = Les premières ressources, affichées à mesure qu’elles sont écrites
bulk-apply-strip-more = et { $count ->
    [one] une autre ressource
   *[other] { $count } autres ressources
}
bulk-report-applied = appliquée le { $when }
bulk-report-previewed = prévisualisée le { $when }
bulk-report-stopped-after = Arrêtée après { $done } sur { $total ->
    [one] { $total } ressource
   *[other] { $total } ressources
} : { $pending } pas encore modifiées.
bulk-report-resumed = Reprise : { $done } des { $total ->
    [one] { $total } ressource restante a été traitée
   *[other] { $total } ressources restantes ont été traitées
}.
bulk-report-stopped-title = L’exécution s’est arrêtée avant la fin
bulk-report-stopped-unknown = AEM a refusé de continuer
bulk-report-stopped-pending = { $count ->
    [one] { $count } ressource n’a pas encore été modifiée
   *[other] { $count } ressources n’ont pas encore été modifiées
}. Corrigez le problème, puis reprenez : seules celles-ci seront écrites.
bulk-resume-left = Reprendre ({ $count } restantes)
bulk-report-failures-title = Certaines ressources n’ont pas pu être modifiées
bulk-export-csv = Exporter en CSV
# Localized CSV headers toggle (issue 17)
bulk-export-localized-headers = En-têtes de colonnes en toutes lettres (Chemin, Statut…) ; décochez pour les clés techniques, telles que les scripts les lisent
bulk-retry-failed = Relancer les échecs ({ $count })
bulk-undo-run = Revenir en arrière sur cette exécution
bulk-redo-run = Rétablir les modifications que ce retour en arrière a retirées
bulk-saved-file = Enregistré dans { $path }
report-export-failed = Le rapport n’a pas pu être enregistré en CSV : { $message }
report-headers-not-kept = Le choix des en-têtes de colonnes vaut pour cette fenêtre, mais n’a pas pu être gardé pour le prochain démarrage : { $message }
bulk-report-rows-error = Le rapport n’a pas pu être lu : { $reason }
bulk-col-result = Résultat
bulk-preview-table-label = L’aperçu, ressource par ressource
bulk-report-table-label = Le rapport, ressource par ressource
bulk-preview-table-label-fragments = L’aperçu, fragment par fragment
bulk-report-table-label-fragments = Le rapport, fragment par fragment
bulk-issues-table-label = Les problèmes de la feuille
bulk-scope-folder = Un dossier
bulk-scope-folder-hint = Toutes les ressources d’un dossier (et de ses sous-dossiers si vous le souhaitez).
bulk-scope-search = Une recherche
bulk-scope-search-hint = Les ressources d’un dossier qui remplissent les conditions de votre choix.
bulk-scope-list = Une liste
bulk-scope-list-hint = Les ressources d’une liste que vous collez : chemins, liens Assets ou identifiants de ressources.
bulk-subject-property = Une propriété
bulk-subject-tag = Avec la balise
bulk-subject-type = Type de fichier
bulk-subject-modified = Modifiée
bulk-subject-created = Créée
bulk-subject-name = Nom de fichier
bulk-subject-expires = Expire
bulk-test-is-empty = est vide
bulk-test-is-not-empty = n’est pas vide
bulk-test-equals = est
bulk-test-not-equals = n’est pas
bulk-test-contains = contient
bulk-test-not-contains = ne contient pas
bulk-type-choose = Choisissez un type de fichier
bulk-type-any-image = Toute image
bulk-type-jpeg = Image JPEG
bulk-type-png = Image PNG
bulk-type-any-video = Toute vidéo
bulk-type-pdf = Document PDF
bulk-problem-condition-value = Saisissez la valeur à rechercher.
bulk-problem-tag = Choisissez une balise ou saisissez son identifiant, comme wknd:activity/surfing.
bulk-problem-type = Choisissez un type de fichier ou saisissez-en un, comme image/jpeg.
bulk-problem-date = Choisissez une date.
bulk-problem-name = Saisissez un motif de nom, comme *.jpg.
bulk-problem-days = Saisissez un nombre de jours, comme 30.
bulk-problem-conditions = Ajoutez au moins une condition.
bulk-problem-list = Collez la liste : un chemin de la DAM, un lien Assets ou un identifiant de ressource par ligne.
bulk-problem-fix-conditions = Corrigez les conditions signalées ci-dessus.
bulk-problem-save-scope = Choisissez le dossier et complétez la sélection avant de l’enregistrer.
bulk-count-at-least = au moins { $count } ressources
# A folder counted by AEM's OpenAPI search (issue 15: OAuth S2S without a paired connection)
bulk-count-lower-bound = AEM n’a donné qu’un minimum : il peut y en avoir davantage.
bulk-count-before-filters = Comptées par la recherche OpenAPI d’AEM avant les filtres de nom et de type de fichier : l’aperçu vérifie chaque ressource, il peut donc y en avoir moins.
bulk-count-by-search = Compté par la recherche d’AEM, faute de connexion classique associée pour lister ce dossier : les ressources ajoutées ces dernières minutes peuvent ne pas être encore dans son index.
bulk-query-incomplete = Complétez d’abord les conditions : la requête est construite à partir d’elles.
bulk-saved-as = Enregistrée sous « { $name } ».
bulk-sheet-problem-no-property = Cochez au moins une propriété ou saisissez-en une, comme dc:rights.
bulk-sheet-problem-connection = Choisissez une connexion ci-dessus.
bulk-sheet-problem-no-file = Déposez la feuille modifiée sur cette fenêtre ou choisissez-la.
bulk-sheet-summary = { $file } ({ $format }) : { $rows ->
    [one] { $rows } ligne
   *[other] { $rows } lignes
}{ $errors ->
    [0] {""}
    [one] , { $errors } erreur
   *[other] , { $errors } erreurs
}{ $warnings ->
    [0] {""}
    [one] , { $warnings } avertissement
   *[other] , { $warnings } avertissements
}.
bulk-count-filtered-out = { $count ->
    [one] { $count } ressource écartée
   *[other] { $count } ressources écartées
} par le filtre de nom ou de format.
bulk-count-fragments = Aussi { $count ->
    [one] { $count } fragment de contenu, que l’aperçu liste comme ignoré
   *[other] { $count } fragments de contenu, que l’aperçu liste comme ignorés
} (une modification de ressources laisse les fragments de contenu tels quels) : { $total } lignes en tout.
bulk-count-unlisted = { $count ->
    [one] { $count } sous-dossier n’a pas pu être listé, ses ressources ne sont donc pas comptées. L’aperçu le range
   *[other] { $count } sous-dossiers n’ont pas pu être listés, leurs ressources ne sont donc pas comptées. L’aperçu les range
} sous « Ignorées », avec la raison.
bulk-count-subfolders-not-included = Ce dossier contient { $count ->
    [one] { $count } sous-dossier
   *[other] { $count } sous-dossiers
} ; cochez « Inclure les sous-dossiers » pour modifier aussi leurs ressources.
bulk-count-subfolders-included = Décompte fait dans ce dossier et { $count ->
    [one] { $count } sous-dossier
   *[other] { $count } sous-dossiers
}.
folder-bars-count-title = Ressources par sous-dossier
folder-bars-report-title = Résultats par sous-dossier
folder-bars-itself = Ce dossier lui-même
folder-bars-more = { $count ->
    [one] et { $count } autre sous-dossier
   *[other] et { $count } autres sous-dossiers
}
bulk-count-failed = Les ressources de ce dossier n’ont pas pu être comptées
bulk-counting = Décompte en cours…
bulk-so-far = { $count } pour l’instant
bulk-no-assets-in-scope = Aucune ressource concernée.
bulk-no-assets-in-scope-hint = Choisissez un autre dossier, incluez les sous-dossiers ou assouplissez les filtres.
bulk-in-scope = { $count ->
    [one] ressource concernée
   *[other] ressources concernées
}
bulk-list-check-failed = La liste n’a pas pu être vérifiée
bulk-search-count-failed = Les résultats de la recherche n’ont pas pu être comptés
bulk-search-index-hint = Une recherche trouve ce que l’index de recherche d’AEM contient maintenant : les ressources ajoutées ces dernières minutes peuvent ne pas y être encore. Les ressources d’un dossier sont toujours lues en entier.
bulk-checking-list = Vérification de la liste…
bulk-no-match = Aucune ressource ne correspond.
bulk-no-match-hint = Assouplissez une condition, choisissez « Au moins une condition est vraie » ou incluez les sous-dossiers.
bulk-match = { $count ->
    [one] correspond
   *[other] correspondent
}
bulk-found = { $count ->
    [one] trouvée
   *[other] trouvées
}
bulk-found-with-problems = { $count ->
    [one] trouvée
   *[other] trouvées
} ; { $problems ->
    [one] { $problems } entrée ne désigne
   *[other] { $problems } entrées ne désignent
} aucune ressource à modifier (ci-dessous)
bulk-large-title = Cette sélection est très grande
bulk-large-body = { $assets } { $count ->
    [one] correspond
   *[other] correspondent
}. Une modification de cette ampleur se fait mieux avec les outils de modification en masse d’AEM (l’éditeur de métadonnées en masse d’Assets ou un import de métadonnées), qui s’exécutent dans AEM.
bulk-list-problems-caption = Entrées de la liste qui ne désignent aucune ressource à modifier
bulk-col-line = Ligne
bulk-col-entry = Entrée
bulk-col-why-left-out = Raison de l’exclusion
bulk-show-query = Afficher la requête
bulk-hide-query = Masquer la requête
bulk-query-hint = Pour votre administrateur AEM : la requête QueryBuilder que Metadesk envoie (page par page) pour trouver ces ressources.
bulk-which-assets = Quelles ressources
bulk-combine-label = Combinaison des conditions
bulk-combine-all = Toutes les conditions sont vraies
bulk-combine-any = Au moins une condition est vraie
bulk-joiner-and = et
bulk-joiner-or = ou
bulk-condition-subject = Condition { $n } : sur quoi elle porte
bulk-condition-test = Critère
bulk-tag-id = Identifiant de balise
bulk-before-or-after = Avant ou après
bulk-when-before = avant le
bulk-when-after = à partir du
bulk-expires-when = Quand elle expire
bulk-expires-expired = avant aujourd’hui (expirée)
bulk-expires-not-expired = aujourd’hui ou après (non expirée)
bulk-expires-within = d’ici
bulk-days = jours
bulk-date = Date
bulk-name-matches = correspond à
bulk-name-pattern-label = Motif de nom
bulk-remove-condition-n = Supprimer la condition { $n }
bulk-tag-hint-pick = Commencez à saisir pour choisir l’une des { $count } balises d’AEM ; les ressources associées à une balise située en dessous comptent aussi.
bulk-tag-hint-unread = Les balises d’AEM n’ont pas pu être lues : saisissez l’identifiant de la balise tel qu’AEM l’affiche dans ses propriétés.
bulk-tag-hint = L’identifiant de la balise tel qu’AEM l’affiche dans ses propriétés ; les ressources associées à une balise située en dessous comptent aussi.
bulk-wildcards-hint = « * » remplace n’importe quelle suite de caractères, « ? » un seul caractère.
bulk-add-condition = Ajouter une condition
bulk-list-label = Les ressources, une par ligne
bulk-list-hint = Chemins de la DAM, liens copiés depuis la console Assets ou identifiants de ressources urn:aaid:aem: — un par ligne, ou un fichier CSV dont la première colonne les contient.
bulk-list-lines = { $count ->
    [one] { $count } ligne.
   *[other] { $count } lignes.
}
bulk-saved-scopes = Sélections enregistrées
bulk-choose-saved-scope = Choisissez une sélection enregistrée…
bulk-use = Utiliser
bulk-delete = Supprimer
bulk-save-scope-label = Nom sous lequel enregistrer cette { $kind ->
    [list] liste
   *[other] recherche
}
bulk-save-scope-placeholder = Nommez cette { $kind ->
    [list] liste
   *[other] recherche
}, par ex. « Sans copyright »
bulk-save-scope = Enregistrer la { $kind ->
    [list] liste
   *[other] recherche
}
bulk-sheet-export-title = Exporter une feuille à modifier
bulk-sheet-export-hint = Une ligne par ressource choisie ci-dessus (un dossier avec ses filtres, une recherche ou une liste) : le chemin, le nom, la date de dernière modification, puis une colonne par propriété. Modifiez les valeurs dans Excel ou LibreOffice, puis importez le fichier ci-dessous. Une cellule vide laisse la valeur telle quelle ; saisissez #CLEAR pour en supprimer une ; séparez plusieurs valeurs par |.
bulk-sheet-properties = Propriétés
bulk-sheet-others = Autres propriétés
bulk-sheet-others-hint = (préfixe:nom, séparées par des virgules)
bulk-sheet-format = Format
bulk-sheet-xlsx = Classeur Excel (.xlsx)
bulk-sheet-csv = CSV (.csv, UTF-8)
bulk-sheet-exporting = Exportation…
bulk-sheet-export = Exporter…
bulk-sheet-saved = Enregistré dans { $file } : { $count ->
    [one] { $count } ressource
   *[other] { $count } ressources
}.
bulk-sheet-not-in = Absent de la feuille : { $items }.
bulk-sheet-unlisted-folder = { $folder } (n’a pas pu être listé)
bulk-sheet-import-title = Importer la feuille modifiée
bulk-sheet-import-hint = Déposez le fichier n’importe où sur cette fenêtre ou choisissez-le. Metadesk lit ses propres fichiers .xlsx et .csv, un CSV enregistré par Excel dans une autre langue, un fichier .ods de LibreOffice et le CSV d’export des métadonnées d’AEM. Chaque cellule est vérifiée et les modifications sont d’abord prévisualisées ; rien n’est écrit dans AEM avant que vous n’appliquiez.
bulk-sheet-unusable = La feuille n’a pas pu être utilisée
bulk-sheet-none = Aucune feuille pour l’instant.
bulk-sheet-choose = Choisir un fichier…
bulk-sheet-skip-rows = Ignorer les lignes en erreur (prévisualiser et appliquer les autres lignes)
bulk-sheet-check-again = Vérifier de nouveau et prévisualiser
bulk-sheet-check = Vérifier et prévisualiser
bulk-sheet-connection-first = Choisissez d’abord une connexion ci-dessus.
bulk-sheet-blocked = { $count ->
    [one] Cette erreur bloque la feuille : rien n’a été écrit dans AEM. Corrigez-la
   *[other] Ces erreurs bloquent la feuille : rien n’a été écrit dans AEM. Corrigez-les
} dans le fichier et vérifiez de nouveau, ou cochez « Ignorer les lignes en erreur ».
bulk-issues-all = Tous
bulk-issues-errors = Erreurs
bulk-issues-warnings = Avertissements
bulk-issues-show = Afficher les problèmes
bulk-issues-find-label = Rechercher dans les problèmes
bulk-issues-find = Rechercher…
bulk-issues-export = Exporter en CSV…
bulk-issues-saved = Enregistré sous { $path }.
bulk-issues-row = Ligne
bulk-issues-column = Colonne
bulk-issues-problem = Problème et solution
bulk-issue-error = Erreur
bulk-issue-warning = Avertissement
bulk-issues-none = Aucun problème ne correspond.
bulk-issues-find-read = Cherche parmi les { $read } problèmes lus sur { $total } ; effacez la recherche et affichez-en plus pour chercher plus loin.
## Modification en masse › une liste de ressources depuis un fichier, et la recherche qui les a trouvées (ticket 15 : périmètres par liste et recherche OAuth)

list-file-choose = Choisir un fichier…
list-file-drop-hint = ou déposez sur la fenêtre un fichier .txt, .csv ou Excel, un chemin, un lien ou un identifiant par ligne.
list-file-reading = Lecture de { $file }…
list-file-loaded = { $count ->
    [one] Une entrée
   *[other] { $count } entrées
    } de { $file }.
list-file-error-title = Ce fichier ne peut pas servir de liste
found-by-openapi = Trouvées par une recherche dans AEM, avec l’identifiant de cette connexion.
found-by-query-builder-via = Trouvées par une recherche dans AEM, par « { $connection } ».
paired-search-answers = Cette connexion trouve ses ressources avec la recherche OpenAPI d’AEM : un dossier, une recherche ou une liste dans Modification en masse. Pour chercher ce que cette recherche ne sait pas demander (« est vide », « contient », une balise et celles placées dessous, au moins une de plusieurs conditions), ou lire les balises d’AEM pour le sélecteur, associez aussi une connexion Service Credentials ou jeton de développement sur cet AEM.
# ticket 17 (les connexions dans la langue de l’utilisateur) : associer une connexion OAuth serveur à serveur sur sa carte
paired-label = Connexion associée
paired-none = Aucune connexion (Modification en masse ne peut pas trouver de ressources)
paired-why = AEM permet à des identifiants OAuth serveur à serveur de parcourir les dossiers et de modifier les ressources, mais pas de lister les ressources d’un dossier ni d’y faire une recherche. La connexion choisie ici trouve les ressources ; les modifications sont toujours écrites par celle-ci.
paired-missing-title = Modification en masse ne peut pas encore trouver de ressources avec cette connexion.
paired-missing-body = AEM permet à des identifiants OAuth serveur à serveur de parcourir les dossiers et de modifier les ressources, mais pas de lister les ressources d’un dossier ni d’y faire une recherche. Importez des identifiants de service AEM (depuis la Console développeur AEM) ou un jeton de développement pour { $host }, puis choisissez la connexion ici.
query-hint-openapi = Pour votre administrateur AEM : la requête de recherche OpenAPI que Metadesk envoie (page par page, en suivant chaque curseur) pour trouver ces ressources.
## API console

console-title = Console d’API
tags-title = Balises
tags-intro = Les balises d’AEM, dans votre langue : chacune avec son identifiant, tel que les ressources le portent, et sa description.
tags-connection = Connexion
tags-search = Rechercher des balises
tags-search-placeholder = Un titre dans n’importe quelle langue, un identifiant ou une description
tags-loading = Lecture des balises d’AEM…
tags-count = { $total ->
    [one] Une balise
   *[other] { $total } balises
}
tags-found = { $found } balises sur { $total }
tags-empty = AEM n’a encore aucune balise.
tags-no-match = Aucune balise ne correspond à « { $query } ».
tags-no-connection = Les balises sont lues dans AEM avec une connexion : ajoutez-en d’abord une.
tags-merge = Fusionner dans…
tags-move = Déplacer…
tags-delete = Supprimer
tags-merge-label = Fusionner dans une autre balise : { $title }
tags-move-label = Déplacer { $title } vers un nouvel identifiant
tags-delete-label = Supprimer { $title }
tags-rename = Renommer…
tags-rename-label = Renommer { $title }
tags-rename-title = Renommer « { $title } »
tags-rename-intro = La balise garde son identifiant, aucune ressource ne change : seul le titre affiché (et ses titres dans d’autres langues) change.
tags-rename-new-title = Nouveau titre
tags-rename-new-title-in = Nouveau titre ({ $lang })
tags-rename-missing = Saisissez le titre que la balise doit afficher.
tags-rename-refused = Non renommée
tags-rename-will = La balise { $from } sera renommée { $to } :
tags-rename-change = { $what } : { $before } → { $after }
tags-rename-hint = Revenir en arrière remet ces titres, sauf si quelqu’un les change entre-temps.
tags-rename-apply = Renommer
tags-rename-done = { $from } renommée en { $to }
tags-rename-changed-since = Laissé tel quel : { $what } a été modifié dans AEM depuis l’aperçu ; il vaut { $now }.
tags-rename-undo = Revenir en arrière sur le renommage
tags-rename-undone = { $count ->
    [one] Retour en arrière fait : { $count } titre remis.
   *[other] Retour en arrière fait : { $count } titres remis.
}
tags-rename-production = Renommer { $id } sur { $connection }, une connexion de production.
tags-rename-production-undo = Remettre les titres de { $id } sur { $connection }, une connexion de production.
tags-fold = Replier { $title }
tags-unfold = Déplier { $title }
tags-merge-title = Fusionner « { $title } » dans une autre balise
tags-move-title = Déplacer « { $title } »
tags-delete-title = Supprimer « { $title } »
tags-merge-intro = Chaque ressource du dossier qui porte cette balise, ou une balise en dessous, reçoit l’autre balise à la place (une seule fois). Une fois toutes à jour, AEM fusionne la balise elle-même.
tags-move-intro = Chaque ressource du dossier qui porte cette balise, ou une balise en dessous, reçoit le nouvel identifiant. Une fois toutes à jour, AEM déplace la balise elle-même.
tags-delete-intro = Cette balise et celles en dessous sont retirées de chaque ressource du dossier. Une fois toutes à jour, AEM supprime la balise elle-même.
tags-change-into = Fusionner dans
tags-change-choose-into = Choisissez une balise…
tags-change-to = Nouvel identifiant
tags-change-to-hint = Un identifiant de balise comme wknd-shared:sport/surfing, qu’AEM n’a pas encore.
tags-change-parent = Déplacer sous
tags-change-choose-parent = Choisissez la balise sous laquelle la déplacer
tags-change-name = Son nom dans l’identifiant
tags-change-folder = Ressources du dossier
tags-change-folder-hint = Ses sous-dossiers aussi. Les ressources ailleurs gardent l’ancien identifiant.
tags-change-republish = Puis republier les ressources modifiées qui étaient sur le site
tags-change-need-into = Choisissez la balise dans laquelle fusionner.
tags-change-need-to = Saisissez le nouvel identifiant de la balise.
tags-change-need-folder = Saisissez le dossier dont les ressources portent la balise.
tags-change-preview = Aperçu
tags-change-refused = Ce changement ne peut pas être fait
tags-change-merge-instead = Fusionner plutôt dans { $title }
tags-select-hint = Choisissez une balise dans la liste pour la fusionner, la déplacer ou la supprimer.
tags-change-unused = Aucune ressource de { $folder } ne porte { $id } : AEM peut modifier la balise tout de suite.
tags-change-merge-now = Fusionner la balise maintenant
tags-change-move-now = Déplacer la balise maintenant
tags-change-delete-now = Supprimer la balise maintenant
tags-change-merged = AEM a fusionné la balise.
tags-change-moved = AEM a déplacé la balise.
tags-change-deleted = AEM a supprimé la balise.
tags-change-activated = Elle était sur le site : sa nouvelle place est publiée aussi.
tags-change-close = Fermer
tags-change-kept = La balise { $id } sera conservée : { $count ->
    [one] { $count } ressource qui peut la porter est laissée
   *[other] { $count } ressources qui peuvent la porter sont laissées
} de côté par l’aperçu, et AEM ne modifie une balise qu’une fois réécrites toutes les ressources qui la portent. Les lignes ignorées de l’aperçu disent pourquoi.
tags-change-show-preview = Voir l’aperçu
tags-change-not-changed = La balise { $id } n’a pas été modifiée
tags-change-in-doubt = La modification a été interrompue : AEM ne l’a peut-être pas faite. Ouvrez son exécution depuis Activité : son rapport propose Réessayer.
tags-change-production-title = Modifier la balise « { $title } » dans la taxonomie d’AEM en production ?
tags-change-production-merge = AEM fusionne la balise « { $title } » dans « { $target } » dans la taxonomie de { $connection }, une connexion marquée comme production.
tags-change-production-move = AEM déplace la balise « { $title } » vers { $target } dans la taxonomie de { $connection }, une connexion marquée comme production.
tags-change-production-delete = AEM supprime la balise « { $title } » de la taxonomie de { $connection }, une connexion marquée comme production.
tags-change-production-held = { $count ->
    [0] Aucune ressource sous { $folder } ne la porte.
    [one] Une ressource sous { $folder } la porte.
   *[other] { $count } ressources sous { $folder } la portent.
}
bulk-tag-then-merge = Puis AEM fusionne la balise { $id } dans { $target }.
bulk-tag-then-move = Puis AEM déplace la balise { $id } vers { $target }.
bulk-tag-then-delete = Puis AEM supprime la balise { $id }.
# Ce qu’Appliquer fera, en mots, au-dessus du tableau d’un aperçu (ticket 68).
bulk-will-unpublish = { $count ->
    [one] { $count } ressource sera retirée
   *[other] { $count } ressources seront retirées
} { $tier ->
    [preview] du niveau d’aperçu d’AEM
   *[publish] du site web
}.
bulk-will-publish = { $count ->
    [one] { $count } ressource sera publiée
   *[other] { $count } ressources seront publiées
} { $tier ->
    [preview] sur le niveau d’aperçu d’AEM
   *[publish] sur le site web
} : il montrera leurs valeurs actuelles.
bulk-will-publish-back = { $count ->
    [one] { $count } ressource sera remise
   *[other] { $count } ressources seront remises
} { $tier ->
    [preview] sur le niveau d’aperçu d’AEM
   *[publish] sur le site web
}.
bulk-will-republish = { $count ->
    [one] { $count } ressource { $tier ->
        [preview] du niveau d’aperçu d’AEM
       *[publish] du site web
    } sera publiée
   *[other] { $count } ressources { $tier ->
        [preview] du niveau d’aperçu d’AEM
       *[publish] du site web
    } seront publiées
} de nouveau : il montrera leurs nouvelles valeurs.
bulk-will-change = { $count ->
    [one] { $count } ressource recevra
   *[other] { $count } ressources recevront
} de nouvelles valeurs.
bulk-will-change-fragments = { $count ->
    [one] { $count } fragment de contenu recevra
   *[other] { $count } fragments de contenu recevront
} de nouvelles valeurs.
bulk-will-undo = { $count ->
    [one] { $count } ressource retrouvera
   *[other] { $count } ressources retrouveront
} les valeurs d’avant la modification.
bulk-will-retag = { $count ->
    [one] { $count } ressource portera
   *[other] { $count } ressources porteront
} { $target } au lieu de { $tag }.
bulk-will-untag = { $count ->
    [one] { $count } ressource ne portera
   *[other] { $count } ressources ne porteront
} plus { $tag }.
bulk-will-stay-old = { $count ->
    [one] { $count } d’entre elles est sur le site web, qui montre ses anciennes valeurs tant qu’elle n’est pas republiée.
   *[other] { $count } d’entre elles sont sur le site web, qui montre leurs anciennes valeurs tant qu’elles ne sont pas republiées.
}
bulk-will-republish-after = { $count ->
    [one] Puis celle qui est sur le site web sera republiée.
   *[other] Puis les { $count } qui sont sur le site web seront republiées.
}
bulk-tag-then-undo = { $command ->
    [delete] Revenir en arrière rend aux ressources leurs balises, pas la balise.
   *[other] AEM garde { $id } comme pointeur masqué vers { $target } ; revenir en arrière rend aux ressources leurs balises, pas la balise.
}
bulk-tag-then-activate = Elle est sur le site : sa nouvelle place est publiée aussi.
bulk-tag-will-keep = La balise { $id } sera conservée : { $count ->
    [one] { $count } ressource qui peut la porter est laissée
   *[other] { $count } ressources qui peuvent la porter sont laissées
} de côté (voir les lignes ignorées), et AEM ne modifie une balise qu’une fois réécrites toutes les ressources qui la portent.
bulk-tag-merged = AEM a fusionné la balise { $id } dans { $target }.
bulk-tag-moved = AEM a déplacé la balise { $id } vers { $target }.
bulk-tag-deleted = AEM a supprimé la balise { $id }.
bulk-tag-kept = La balise { $id } a été conservée : { $count ->
    [one] { $count } ressource qui peut la porter n’a pas été réécrite
   *[other] { $count } ressources qui peuvent la porter n’ont pas été réécrites
} (laissées de côté, non lues ou en échec). Corrigez-les, puis relancez la modification : elle sera terminée.
bulk-tag-waiting = La balise { $id } est modifiée une fois toutes les ressources traitées : reprenez l’exécution pour la terminer.
bulk-tag-refused-title = Les ressources sont à jour, mais la balise { $id } n’a pas été modifiée
bulk-tag-in-doubt-title = La modification de la balise { $id } a été interrompue
bulk-tag-in-doubt = AEM ne l’a peut-être pas faite. Réessayez : seul ce qui reste est envoyé.
bulk-tag-undo-merge = Les ressources portent de nouveau { $id }. AEM garde { $id } comme pointeur masqué vers { $target } : le retour en arrière laisse la fusion elle-même, et les pages affichent toujours { $target } à sa place.
bulk-tag-undo-move = Les ressources portent de nouveau { $id }. AEM garde { $id } comme pointeur masqué vers { $target } : le retour en arrière laisse le déplacement lui-même. Pour remettre la balise à sa place, prévisualisez-le comme une modification à part dans la page Balises (Déplacer… sur { $target }, vers { $id }).
bulk-tag-undo-delete = Les ressources portent de nouveau { $id }, mais AEM a supprimé cette balise : elles n’en affichent aucun titre tant qu’une balise { $id } n’existe pas de nouveau (un import de taxonomie peut la créer).
bulk-tag-move-back = Remettre la balise à sa place…
bulk-tag-production-title = Modifier la balise { $id } dans la taxonomie d’AEM en production ?
bulk-tag-production-sentence = Réessayer envoie ce qui reste de la commande d’AEM sur la balise { $id } à { $connection }, une connexion marquée comme production.
tags-counts-folder = Compter les ressources du dossier
tags-counts-hint = Ses sous-dossiers aussi. Chaque balise indique alors combien de ressources y portent cette balise ou une balise en dessous.
tags-counts-count = Compter les ressources
tags-counts-counting-button = Comptage…
tags-counts-counting = Comptage des ressources de { $folder }…
tags-counts-need-folder = Saisissez le dossier dont compter les ressources.
tags-counts-failed = Les ressources n’ont pas pu être comptées
tags-counts-empty = Aucun comptage pour l’instant : choisissez un dossier et appuyez sur Compter les ressources.
tags-counts-done = { $assets ->
    [one] Une ressource de { $folder } comptée.
   *[other] { $assets } ressources de { $folder } comptées.
}
tags-counts-unlisted = { $count ->
    [one] Un dossier n’a pas pu être listé : ses ressources ne sont pas comptées.
   *[other] { $count } dossiers n’ont pas pu être listés : leurs ressources ne sont pas comptées.
}
tags-counts-unread = { $count ->
    [one] Une ressource n’a pas pu être lue : elle n’est pas comptée.
   *[other] { $count } ressources n’ont pas pu être lues : elles ne sont pas comptées.
}
tags-counts-uses = { $count ->
    [0] aucune ressource
    [one] 1 ressource
   *[other] { $count } ressources
}
tags-sheet-title = La taxonomie en feuille de calcul
tags-export = Exporter…
tags-exporting = Export en cours…
tags-export-hint = Enregistre toutes les balises, une par ligne, en .xlsx ou .csv : son identifiant, son titre, une colonne de titre par langue et sa description. Modifiez-la dans Excel, puis importez-la.
tags-export-hint-counted = Enregistre toutes les balises, une par ligne, en .xlsx ou .csv, avec une colonne comptant les ressources de { $folder } qui la portent.
tags-exported = { $tags ->
    [one] 1 balise enregistrée
   *[other] { $tags } balises enregistrées
} dans { $file }.
tags-exported-counted = { $tags ->
    [one] 1 balise enregistrée
   *[other] { $tags } balises enregistrées
} dans { $file }, avec les ressources de { $folder } comptées.
tags-export-failed = Les balises n’ont pas pu être exportées
tags-import-choose = Choisir un fichier…
tags-import-hint = Importez une feuille telle qu’Exporter… l’écrit, ou déposez-la sur cette page : les nouvelles lignes créent des balises, les titres, traductions et descriptions modifiés sont écrits après un aperçu. Aucune balise n’est supprimée, mais revenir en arrière sur l’import retire les balises qu’il a créées.
tags-import-reading = Lecture de { $file }…
tags-import-refused = { $file } ne peut pas être importé
tags-import-refused-file = La feuille ne peut pas être importée
tags-import-dismiss = Fermer
tags-import-set-aside = { $file } n’a pas été ouvert
tags-import-set-aside-why = Une étape de l’import est en cours : attendez qu’elle soit finie, puis déposez de nouveau la feuille.
tags-import-nothing = { $file } ne change rien aux balises d’AEM : toutes ses valeurs y sont déjà.
tags-import-preview = { $file } : { $created ->
    [0] aucune nouvelle balise
    [one] 1 nouvelle balise
   *[other] { $created } nouvelles balises
}, { $changed ->
    [0] aucune valeur modifiée
    [one] 1 valeur modifiée
   *[other] { $changed } valeurs modifiées
}
tags-import-created-list = Balises créées
tags-import-changed-list = Valeurs modifiées
tags-import-create = Nouvelle balise { $id }, intitulée { $title }
tags-import-create-value = { $what } : { $value }
tags-import-col-tag = Balise
tags-import-col-what = Valeur
tags-import-col-before = Actuellement dans AEM
tags-import-col-after = D’après la feuille
tags-import-col-was = Avant
tags-import-col-became = Après
tags-import-applied-title = Importé
tags-import-applied-heading = Importé depuis { $file } : { $created ->
    [0] aucune nouvelle balise
    [one] 1 nouvelle balise
   *[other] { $created } nouvelles balises
}, { $changed ->
    [0] aucune valeur modifiée
    [one] 1 valeur modifiée
   *[other] { $changed } valeurs modifiées
}
tags-import-what-title = le titre
tags-import-what-title-in = le titre ({ $lang })
tags-import-what-description = la description
tags-import-quoted = « { $text } »
tags-import-no-value = (aucune)
tags-import-apply = Appliquer { $count ->
    [one] 1 modification
   *[other] { $count } modifications
}
tags-import-applying = Application en cours…
tags-import-failed = L’import s’est arrêté
tags-import-interrupted = L’import ne s’est pas terminé
tags-import-interrupted-why = Il a été interrompu (l’application a été fermée, ou l’ordinateur s’est arrêté) avant la fin. Reprendre vérifie ce que contient AEM et n’écrit que ce qui reste.
tags-import-done = { $created ->
    [one] 1 balise créée
   *[other] { $created } balises créées
} et { $changed ->
    [one] 1 valeur modifiée
   *[other] { $changed } valeurs modifiées
}.
tags-import-left-alone = { $count ->
    [one] 1 modification laissée de côté : AEM l’a changée depuis l’aperçu
   *[other] { $count } modifications laissées de côté : AEM les a changées depuis l’aperçu
}
tags-import-changed-since = Dans AEM, { $what } de { $id } a changé depuis l’aperçu (l’aperçu montrait { $shown }, AEM contient maintenant { $now }).
tags-import-exists-now = { $id } a été créée dans AEM depuis l’aperçu : elle n’est pas recréée.
tags-production-title = Modifier les balises en production ?
tags-production-applying = L’application écrit { $count ->
    [one] 1 modification
   *[other] { $count } modifications
} dans les balises de { $connection }, une connexion marquée comme production.
tags-production-undoing = Revenir en arrière sur l’import remet ce qu’il a écrit dans les balises de { $connection }, une connexion marquée comme production : jusqu’à { $count ->
    [one] 1 modification
   *[other] { $count } modifications
}.
tags-production-undo = Revenir en arrière en production
tags-import-undo = Revenir en arrière sur cet import
tags-import-undoing = Retour en arrière sur l’import…
tags-import-resume = Reprendre l’import
tags-import-resuming = Reprise de l’import…
tags-import-undo-failed = Le retour en arrière sur l’import n’a pas abouti
tags-import-undone = Retour en arrière sur l’import fait : { $restored ->
    [one] 1 valeur remise
   *[other] { $restored } valeurs remises
}, { $removed ->
    [one] 1 balise supprimée
   *[other] { $removed } balises supprimées
}.
tags-import-kept = { $count ->
    [one] 1 élément conservé
   *[other] { $count } éléments conservés
}
tags-import-kept-value = { $known ->
    [yes] Dans AEM, { $what } de { $tag } a changé après que Metadesk y a écrit { $wrote } : la valeur { $now } est gardée.
   *[no] Dans AEM, { $what } de { $tag } a changé après l’écriture de Metadesk : la valeur { $now } est gardée.
}
tags-import-kept-changed = { $tag } a changé dans AEM après l’écriture de Metadesk : elle est conservée.
tags-import-kept-children = { $tag } a des balises en dessous que l’import n’a pas créées : elle est conservée.
tags-import-kept-assets = Des ressources portent { $tag } : elle est conservée (Supprimer, sur la balise, la retire d’abord des ressources).
tags-import-kept-unchecked = { $tag } est conservée, car tout le contenu qui peut la porter n’a pas pu être lu ({ $detail }).
tags-import-not-done = Pas encore fait : { $tag } ({ $detail }). Reprenez le retour en arrière depuis Activité pour réessayer.
console-no-undo-title = Sans aperçu, et sans retour en arrière possible.
console-no-undo-body = Une requête envoyée d’ici modifie AEM aussitôt, et l’application ne peut pas revenir en arrière. Pour modifier de nombreuses ressources, utilisez Modification en masse : elle montre d’abord un aperçu et permet de revenir en arrière.
console-connection = Connexion
console-connection-production = { $name } (production)
console-tabs = Console
console-tab-graphql = GraphQL
console-tab-requests = Requêtes
console-no-connection = Ajoutez d’abord une connexion : la console appelle AEM avec les identifiants enregistrés d’une connexion.
console-run = Exécuter
console-cancel = Annuler
console-endpoint = Point de terminaison
console-variables = Variables (JSON)
console-variables-not-object = Les variables doivent former un objet JSON.
console-not-json = JSON non valide : { $detail }
console-completion-off = Complétion désactivée : { $detail }
console-query-label = Requête GraphQL
console-history-back = La requête est de retour dans l’éditeur ; exécutez-la quand vous êtes prêt.
console-history-persisted-chosen = { $path } est sélectionnée dans Requêtes persistantes ; exécutez-la quand vous êtes prêt.
console-history-persisted-gone = { $path } ne figure plus dans la liste d’AEM.
console-persisted = Requêtes persistantes ({ $count })
console-persisted-query = Requête persistante
console-choose = Choisir…
console-persisted-show = Afficher son texte
console-persisted-run = L’exécuter avec les variables
console-save-as = Enregistrer la requête sous
console-name-placeholder = nom
console-replace-existing = remplacer une requête existante
console-production-type-to-save = Cette connexion est en production : saisissez « { $name } » pour enregistrer
console-save-in = Enregistrer dans { $config }
console-persisted-saved = { $path } enregistrée.
console-persisted-replaced = { $path } remplacée.
console-history = Historique ({ $count })
console-history-persisted = requête persistante { $config }/{ $name }
console-history-saved-as = enregistrée sous { $path }
console-result = Résultat
console-millis = { $millis } ms
console-rows = { $count ->
    [one] { $count } ligne
   *[other] { $count } lignes
}
console-graphql-errors = { $count ->
    [one] { $count } erreur
   *[other] { $count } erreurs
}
console-view-label = Afficher le résultat en
console-view-table = Tableau
console-view-json = JSON
console-export-csv = Exporter en CSV…
console-export-json = Exporter en JSON…
console-saved-as = Enregistré sous { $file }.
console-error-at = Ligne { $line }, colonne { $column } : { $message }
console-method = Méthode
console-host-title = L’instance AEM de la connexion : les requêtes ne partent jamais ailleurs
console-path = Chemin
console-send = Envoyer
console-copy-curl = Copier en commande curl
console-examples = Exemples :
console-example-dam-root = Liste de la racine de la DAM
console-example-metadata = Les métadonnées d’une ressource
console-example-current-user = Utilisateur actuel
console-copied = Copiée. Définissez d’abord AEM_TOKEN dans votre terminal ; Metadesk n’affiche jamais le jeton d’accès.
console-clipboard-refused = Le presse-papiers du système a refusé la commande curl ({ $detail }).
console-headers = En-têtes ({ $count })
console-header-name = Nom de l’en-tête
console-header-value = Valeur de l’en-tête
console-name = Nom
console-value = Valeur
console-remove-header = Supprimer l’en-tête
console-add-header = Ajouter un en-tête
console-authorization-note = L’en-tête Authorization est ajouté par Metadesk et ne peut pas être défini ici.
console-body = Corps
console-body-text = JSON ou texte
console-body-form = Champs de formulaire
console-body-checked = Corps (le JSON est vérifié)
console-form-note = Envoyé en application/x-www-form-urlencoded, comme l’attend le servlet Sling POST d’AEM (./dc:title définit une propriété du nœud situé au chemin). Metadesk encode les valeurs.
console-field-name = Nom du champ { $number }
console-field-value = Valeur du champ { $number }
console-field-name-placeholder = Nom, par exemple ./dc:title
console-remove-field = Supprimer le champ { $number }
console-add-field = Ajouter un champ
console-field-without-name = La valeur « { $value } » n’a pas de nom de champ.
console-production-type-to-send = Cette connexion est en production : saisissez « { $name } » pour envoyer un { $method }
console-response = Réponse
console-bytes = { $size ->
    [one] { $size } octet
   *[other] { $size } octets
}
console-bytes-cut = { $size ->
    [one] { $size } octet (tronqué)
   *[other] { $size } octets (tronqué)
}
console-response-headers = En-têtes de la réponse ({ $count })
console-response-image = La réponse
console-binary-body = { $size ->
    [one] Un corps binaire de { $size } octet.
   *[other] Un corps binaire de { $size } octets.
}
console-no-body = Aucun corps.
console-saved-requests = Requêtes enregistrées ({ $count })
console-saved-name = Nom de la requête enregistrée
console-keep-response = conserver le corps de la dernière réponse
console-save-request = Enregistrer cette requête
console-request-saved = « { $name } » enregistrée.
console-delete-saved = Supprimer { $name }
console-saved-response = Réponse enregistrée
console-not-sent = non envoyée
console-json-items = { $count ->
    [one] { $count } élément
   *[other] { $count } éléments
}
# Folder assets (Bulk edit, the chosen folder's thumbnail strip)

folder-assets-heading = Dans ce dossier
folder-assets-list = Ressources de { $folder }
folder-assets-loading = Lecture des ressources du dossier…
folder-assets-error = Les ressources de ce dossier n’ont pas pu être affichées
folder-assets-empty = Aucune ressource directement dans ce dossier.
folder-assets-more = et { $count } de plus
folder-assets-at-least = et au moins { $count } de plus : le dossier n’a pas été lu jusqu’au bout
folder-assets-not-all = Toutes les ressources ne sont pas affichées : le dossier n’a pas été lu jusqu’au bout.
folder-assets-subfolders-note = Seules les ressources propres à ce dossier sont affichées, pas celles de ses sous-dossiers.

## Activité

elapsed-minutes = { $minutes ->
    [0] { $seconds } s
   *[other] { $seconds ->
        [0] { $minutes } min
       *[other] { $minutes } min { $seconds } s
    }
}
elapsed-hours = { $minutes ->
    [0] { $hours } h
   *[other] { $hours } h { $minutes } min
}
activity-title = Activité
runs-error = L’historique des exécutions n’a pas pu être lu
try-again = Réessayer
empty-activity-title = Aucune exécution pour l’instant
empty-activity-body = Chaque modification en masse que vous appliquez figurera ici, avec son rapport et la possibilité de revenir en arrière.
runs-busy = Une modification en masse est en cours. Les autres exécutions pourront être ouvertes une fois celle-ci terminée.
runs-list = Exécutions
took = durée : { $duration }
show-progress = Afficher la progression
open-report = Ouvrir le rapport
open-import = Ouvrir dans la page Balises
open-preview = Ouvrir l’aperçu
apply = Appliquer
undo = Revenir en arrière
redo = Rétablir
activity-undone-on = Retour en arrière le { $when } →
activity-redone-on = Rétablie le { $when } →
activity-undoes = Retour en arrière sur l’exécution du { $when } →
activity-redoes = Rétablit l’exécution du { $when } →
run-technical = Détails techniques
count-to-change = { $count ->
    [one] { $count } à modifier
   *[other] { $count } à modifier
}
count-unchanged = { $count ->
    [one] { $count } déjà conforme
   *[other] { $count } déjà conformes
}
count-skipped = { $count ->
    [one] { $count } ignorée
   *[other] { $count } ignorées
}
count-changed = { $count ->
    [one] { $count } modifiée
   *[other] { $count } modifiées
}
count-failed = { $count ->
    [one] { $count } en échec
   *[other] { $count } en échec
}
count-pending = { $count ->
    [one] { $count } pas encore appliquée
   *[other] { $count } pas encore appliquées
}
count-put-back = { $count ->
    [one] { $count } restaurée
   *[other] { $count } restaurées
}
run-status-running = En cours
run-status-preview-incomplete = Aperçu inachevé
run-status-previewed = Prévisualisée, non appliquée
run-status-interrupted = Interrompue
run-status-cancelled = Annulée
run-status-stopped = Arrêtée
run-status-completed = Terminée
run-status-completed-with-failures = Terminée avec des échecs

## Modifications calculées (issue 30)
bulk-action-replace = Chercher et remplacer
bulk-action-template = D’après un modèle
bulk-action-from-name = D’après le nom du fichier
bulk-action-copy = Copier une autre propriété
bulk-action-case = Changer la casse
bulk-action-trim = Retirer les espaces
bulk-action-shift-date = Décaler les dates
bulk-action-set-date = Fixer les dates
bulk-rule-where = Quelles ressources
bulk-rule-where-all = Toutes
bulk-rule-only-not-empty = Seulement là où la propriété n’est pas vide
bulk-rule-pattern = Motif du nom de fichier
bulk-rule-pattern-placeholder = ^(?<sku>\d+)_(?<title>.+)\.
bulk-rule-whole-path = Comparer le chemin entier
bulk-rule-from-name-hint = Les groupes nommés comme (?<sku>…) deviennent des champs du modèle : {"{"}sku{"}"}. Une ressource dont le nom ne correspond pas est ignorée, avec la raison.
bulk-rule-copy-from = Propriété à copier
bulk-rule-copy-hint = Chaque ressource reçoit sa propre valeur de cette propriété ; une ressource qui ne l’a pas est ignorée, avec la raison.
bulk-rule-case = Casse
bulk-rule-case-upper = MAJUSCULES
bulk-rule-case-lower = minuscules
bulk-rule-case-title = Majuscule À Chaque Mot
bulk-rule-case-sentence = Majuscule en début de phrase
bulk-rule-case-hint = Change la casse de chaque valeur ; l’aperçu montre l’avant → après de chaque ressource.
bulk-rule-collapse = Réduire aussi les suites d’espaces à un seul
bulk-rule-trim-hint = Retire les espaces au début et à la fin de chaque valeur.
bulk-rule-by = Décaler de
bulk-rule-by-placeholder = 7d, -1w, +2h30m
bulk-rule-shift-date-hint = w semaines, d jours, h heures, m minutes, s secondes ; un signe moins recule. Chaque date garde son fuseau.
bulk-rule-date = Nouvelle date
bulk-rule-date-placeholder = 2024-05-01 ou 2024-05-01T09:00
bulk-rule-set-date-hint = Un jour, une heure locale ou une heure avec son fuseau (2024-05-01T09:00:00+02:00).
bulk-rule-pattern-empty = Saisissez le motif du nom de fichier.
bulk-rule-copy-empty = Saisissez la propriété à copier.
bulk-rule-find = Chercher
bulk-rule-replace = Remplacer par
bulk-rule-regex = Expression régulière
bulk-rule-ignore-case = Ignorer la casse
bulk-rule-whole-word = Mots entiers
bulk-rule-only-empty = Seulement là où la propriété est vide
bulk-rule-template = Modèle
bulk-rule-template-placeholder = {"{"}Titre{"}"} — {"{"}name{"}"}
bulk-rule-replace-hint = Remplacé dans chaque valeur ; l’aperçu montre l’avant → après de chaque ressource.
bulk-rule-regex-hint = $1 ou ${"{"}name{"}"} dans « Remplacer par » remettent ce qu’un groupe a trouvé.
bulk-rule-template-hint = Nommez un champ comme le formulaire l’affiche, par exemple {"{"}Titre{"}"} ou {"{"}City{"}"} (ou par sa propriété, comme {"{"}dc:title{"}"}) ; {"{"}name{"}"} est le nom du fichier, {"{"}folder{"}"} son dossier, {"{"}path{"}"} son chemin. Une ressource sans une valeur nommée par le modèle est ignorée, avec la raison.
bulk-rule-find-empty = Saisissez le texte à chercher.
bulk-rule-template-empty = Saisissez le modèle.
bulk-edit-line-rule = { $property } : { $rule }
bulk-rule-words-replace = remplacer « { $find } » par « { $replace } »{ $regex ->
    [yes] { " " }(expression régulière)
   *[no] {""}
}
bulk-rule-words-template = d’après le modèle « { $template } »
bulk-rule-words-template-copy = copié depuis le champ { $property } de chaque ressource
bulk-rule-words-from-name = d’après le nom du fichier par « { $pattern } » comme « { $template } »
bulk-rule-words-retag = { $from } et les balises en dessous deviennent { $to }
bulk-rule-words-untag = retirer { $from } et les balises en dessous
bulk-rule-words-copy = copier { $from }
bulk-rule-words-case = { $to ->
    [upper] en majuscules
    [lower] en minuscules
    [title] une majuscule à chaque mot
   *[sentence] une majuscule au premier mot
}
bulk-rule-words-trim = { $collapse ->
    [yes] retirer les espaces aux extrémités et les espaces répétées
   *[no] retirer les espaces aux extrémités
}
bulk-rule-words-shift-date = décaler les dates de { $by }
bulk-rule-words-set-date = mettre les dates au { $date }
bulk-rule-words-where = { $rule } { $is ->
    [empty] (seulement là où elle est vide)
   *[not_empty] (seulement là où elle n’est pas vide)
}

## The edit rows' live example on the first assets of the scope.
bulk-sample-title = Exemple sur les premières ressources
bulk-sample-hint = Chaque modification sur les premières ressources de la sélection, pendant la saisie. Rien n’est écrit ; l’aperçu vérifie chaque ressource.
bulk-sample-waiting = Choisissez quoi modifier et remplissez une modification pour la voir ici sur les premières ressources.
bulk-sample-reading = Lecture des premières ressources…
bulk-sample-empty = La sélection n’a aucune ressource sur laquelle montrer un exemple.
bulk-sample-refused = { $property } : { $problem }
bulk-sample-skipped = Serait ignorée : { $reason }

## Publication (issue 39)
bulk-publish-scope-hint = Ou publiez les ressources de la portée telles quelles, sans les modifier : l’aperçu montre où en est chacune.
bulk-publish-button = Publier…
bulk-unpublish-button = Dépublier…
bulk-publish-to-preview = Sur le niveau d’aperçu d’AEM plutôt que sur le site web
bulk-publish-apply = { $what ->
    [unpublish] { $count ->
        [one] Dépublier { $count } ressource
       *[other] Dépublier { $count } ressources
    }
   *[publish] { $count ->
        [one] Publier { $count } ressource
       *[other] Publier { $count } ressources
    }
}
bulk-republish-after-apply = Puis republier les ressources modifiées qui sont sur le site web (jamais une qui n’y est pas)
}
bulk-col-publication = Publication
bulk-col-publication-before = Publication avant
bulk-publication-never-published = Jamais publiée
bulk-publication-modified = Modifiée depuis sa publication
bulk-publication-up-to-date = À jour
bulk-publication-unpublished = Retirée du site web
bulk-kind-publish = { $what ->
    [unpublish] Dépublication { $tier ->
        [preview] du niveau d’aperçu d’AEM
       *[publish] du site web
    }
   *[publish] Publication { $tier ->
        [preview] sur le niveau d’aperçu d’AEM
       *[publish] sur le site web
    }
}
# Ce qu’une republication publie : les valeurs changées par l’exécution qu’elle suit (ou, après un retour en arrière, remises en place).
bulk-kind-republish = { $what ->
    [undo] Republication après le retour en arrière
    [sheet] Republication après l’import de la feuille { $file }
    [edit] Republication après la modification en masse
   *[other] Republication après l’exécution
}{ $made ->
    [none] {""}
   *[other] {" "}du { $made }
}
# Retour en arrière sur une publication : laquelle (sur une dépublication, il publie de nouveau).
bulk-kind-publish-undo = { $what ->
    [republish] Retour en arrière sur la republication
    [unpublish] Retour en arrière sur la dépublication
   *[publish] Retour en arrière sur la publication
}{ $made ->
    [none] {""}
   *[other] {" "}du { $made }
}
bulk-publication-count-never = { $count ->
    [one] { $count } jamais publiée
   *[other] { $count } jamais publiées
}
bulk-publication-count-modified = { $count ->
    [one] { $count } modifiée depuis sa publication
   *[other] { $count } modifiées depuis leur publication
}
bulk-publication-count-up-to-date = { $count } à jour
bulk-publication-count-unpublished = { $count ->
    [one] { $count } retirée du site web
   *[other] { $count } retirées du site web
}
# L’état des ressources sur le site web, et ce qu’une republication publie (ticket 53)
bulk-on-website = Sur le site web
bulk-col-on-website = Sur le site web
bulk-publication-unknown = Inconnu
bulk-republish-after-apply-count = { $count ->
    [one] Puis republier celle qui est sur le site web (jamais une qui n’y est pas)
   *[other] Puis republier les { $count } qui sont sur le site web (jamais une qui n’y est pas)
}
bulk-nothing-live-to-republish = Aucune des ressources à modifier n’est sur le site web : il n’y a rien à republier.
bulk-then-republish = { $count ->
    [one] Puis republie celle qui est sur le site web
   *[other] Puis republie les { $count } qui sont sur le site web
}
bulk-then-republish-unknown = Puis republie les ressources modifiées qui sont sur le site web
bulk-website-title = Sur le site web
bulk-republish-explain = { $count ->
    [one] Une des ressources modifiées est sur le site web, qui montre ses anciennes valeurs tant qu’elle n’est pas republiée.
   *[other] { $count } des ressources modifiées sont sur le site web, qui montre leurs anciennes valeurs tant qu’elles ne sont pas republiées.
}
bulk-republish-explain-unknown = Le site web montre les anciennes valeurs des ressources modifiées qui y sont, tant qu’elles ne sont pas republiées.
# A content fragments' run: its live fragments, republished through AEM's Sites API (issue 68)
bulk-fragments-live-explain = { $count ->
    [one] Un des fragments de contenu modifiés est en ligne : le site web montre ses anciennes valeurs tant qu’il n’est pas republié.
   *[other] { $count } des fragments de contenu modifiés sont en ligne : le site web montre leurs anciennes valeurs tant qu’ils ne sont pas republiés.
}
bulk-will-stay-old-fragments = { $count ->
    [one] { $count } d’entre eux est en ligne sur le site web, qui montre ses anciennes valeurs tant qu’il n’est pas republié.
   *[other] { $count } d’entre eux sont en ligne sur le site web, qui montre leurs anciennes valeurs tant qu’ils ne sont pas republiés.
}
bulk-fact-fragments = Fragments
bulk-selection-fragment-list = { $count ->
    [one] une liste d’un fragment
   *[other] une liste de { $count } fragments
}
bulk-republish-on-website = { $count ->
    [one] Republier celle qui est sur le site web…
   *[other] Republier les { $count } qui sont sur le site web…
}
bulk-republish-on-website-unknown = Republier celles qui sont sur le site web…
bulk-republished-line = Publiées : { $published } · absentes du site web, laissées telles quelles : { $left }
bulk-outcome-published = Publiées
# Les ressources qu’une publication a laissées telles quelles à raison (pas sur le site web, pour une republication) : neutre, pas un avertissement.
bulk-outcome-left-alone = Laissées telles quelles
bulk-outcome-unpublished = Dépubliées
bulk-production-name-loose = Les espaces et la ponctuation ne comptent pas.
bulk-production-name-ok = Le nom correspond.
tags-import-kept-pages = Des pages utilisent { $tag }, dont { $page } : elle est conservée (retirez-la-leur d’abord).

## What a row's colour means, on every table (issue 77: lib/outcomes.ts, OutcomeLegend.svelte)
legend-title = Ce que disent les couleurs
legend-done = Fait ou déjà conforme
legend-left-alone = Laissé tel quel à dessein
legend-attention = À vérifier
legend-failed = En échec ou refusé

## A report whose run was undone: its heading, and what the undo did to each row (UndoneHeading.svelte)
report-undone-title = Retour en arrière le { $when }
report-undone-rows = Chaque ligne dit ce que le retour en arrière a fait en dernier.
row-undone-given-back = Restaurée
row-undone-already = Déjà comme avant
row-undone-kept = Gardée : modifiée depuis
row-undone-failed = Pas restaurée
row-undone-pending = Retour en arrière pas encore fait
row-undone-deleted = Supprimé
row-undone-gone = Déjà supprimé
row-undone-unpublished = Retirée du site web
row-undone-published = Publiée à nouveau
row-kept-changed-since = Laissée telle quelle : modifiée depuis l’aperçu
bulk-row-status-published = Publiée
bulk-row-status-unpublished = Retirée du site web
bulk-row-status-put-back = Restaurée

## A publish preview's row: what Apply will do to it, and where it stands now
bulk-row-will-publish = Sera publiée
bulk-row-will-unpublish = Sera retirée du site web
bulk-row-will-publish-back = Sera publiée à nouveau
bulk-row-will-republish = Sera republiée
bulk-row-now = maintenant : { $state }

## Activity's cards (issue 77): a title that says what the run did, its counts in the run's own words
run-title = { $name } : { $what ->
    [fragments] { $count ->
        [one] { $count } fragment de contenu
       *[other] { $count } fragments de contenu
    }
   *[assets] { $count ->
        [one] { $count } ressource
       *[other] { $count } ressources
    }
} dans { $folder }
activity-undone-pill = Retour en arrière fait
count-uploaded = { $count ->
    [one] { $count } envoyé
   *[other] { $count } envoyés
}
count-deleted = { $count ->
    [one] { $count } supprimé
   *[other] { $count } supprimés
}
count-moved = { $count ->
    [one] { $count } déplacée
   *[other] { $count } déplacées
}
count-written = { $count ->
    [one] { $count } écrite
   *[other] { $count } écrites
}
count-published = { $count ->
    [one] { $count } publiée
   *[other] { $count } publiées
}
count-unpublished = { $count ->
    [one] { $count } retirée du site web
   *[other] { $count } retirées du site web
}
count-left-alone = { $count ->
    [one] { $count } laissée telle quelle
   *[other] { $count } laissées telles quelles
}

## A tag import's rows once applied, and once undone
tags-import-undone-heading = Retour en arrière sur l’import de { $file }
tags-import-col-now = Ce qui s’est passé
row-tag-created = Créée
row-tag-removed = Supprimée

## Déplacer et renommer des ressources (ticket 76) : le panneau Déplacer de la page Modification en masse.
move-panel-open = Déplacer…
move-panel-open-sheet = Déplacements depuis une feuille…
move-panel-scope-hint = Déplacez les ressources choisies ci-dessus dans un autre dossier, ou renommez-les ; ou préparez toute une réorganisation dans une feuille.
move-panel-title = Déplacer et renommer des ressources
move-panel-from-scope = Les ressources choisies ci-dessus : { $scope }
move-panel-from-sheet = Déplacements de la feuille { $name }
move-panel-to = Dossier de destination
move-panel-to-hint = Saisissez le chemin du dossier, par exemple /content/dam/archive ; les dossiers qui n’existent pas encore sont créés.
move-panel-layout = Sous-dossiers
move-panel-keep-subfolders = Garder les sous-dossiers
move-panel-flatten = Tout mettre dans le dossier
move-panel-rename = Renommer (facultatif)
move-panel-lowercase = En minuscules
move-panel-dashes = Espaces en tirets
move-panel-find = Rechercher
move-panel-replace-with = Remplacer par
move-panel-prefix = Préfixe
move-panel-suffix = Suffixe
move-panel-number = Les numéroter
move-panel-number-start = À partir de
move-panel-number-digits = Chiffres
move-panel-example = Exemple : { $before } → { $after }
move-panel-example-empty = Exemple : { $before } → plus aucun nom (refusé)
move-panel-republish = Republier ce qui était sur le site web
move-panel-sheet-hint = La feuille doit avoir une colonne Path et une colonne New path, une ressource ou un dossier par ligne.
move-panel-choose-sheet = Choisir une autre feuille…
move-panel-no-sheet = Aucune feuille choisie pour l’instant. Choisissez-en une, ou déposez-la sur la fenêtre.
move-panel-preview = Prévisualiser le déplacement
move-panel-preview-again = Prévisualiser de nouveau
move-panel-previewing = Lecture des ressources et des pages qui les utilisent…
move-panel-failed = Le déplacement n’a pas pu être fait
move-panel-close = Fermer
move-panel-preview-title = Ce que fera le déplacement
move-panel-report-title = Ce qu’a fait le déplacement
move-panel-undo-title = Retour à l’emplacement d’origine
move-panel-counts = { $planned } à déplacer · { $refused } refusées · { $pages ->
    [one] { $pages } page sera corrigée
   *[other] { $pages } pages seront corrigées
}
move-panel-report-counts = { $done } déplacées · { $failed } en échec · { $left } laissées telles quelles · { $refused } refusées · { $pending } pas encore faites
move-panel-folders-made = { $count ->
    [one] { $count } dossier est créé d’abord.
   *[other] { $count } dossiers sont créés d’abord.
}
move-panel-pages-left = { $count ->
    [one] { $count } page garde le lien vers l’ancien chemin.
   *[other] { $count } pages gardent le lien vers l’ancien chemin.
}
move-panel-nothing-previewed = Rien à afficher pour l’instant : choisissez où vont les ressources, puis prévisualisez.
move-panel-rows-empty = Aucune ressource à déplacer.
move-panel-col-path = Ancien → nouveau chemin
move-panel-col-state = Ce qui se passe
move-panel-col-pages = Pages qui l’utilisent
move-panel-folder = Dossier
move-panel-on-website = Sur le site web
move-panel-not-on-website = Pas sur le site web
move-panel-no-pages = Aucune page ne l’utilise.
move-panel-page-kept = non corrigée
move-panel-page-fix = Corriger { $page } (décochez pour la laisser pointer vers l’ancien chemin)
move-panel-state-refused = Refusée
move-panel-state-planned = À déplacer
move-panel-state-in_doubt = Incertaine
move-panel-state-moved = Déplacée
move-panel-state-left_alone = Laissée telle quelle
move-panel-state-failed = En échec
move-panel-apply = { $count ->
    [one] Déplacer { $count } ressource
   *[other] Déplacer { $count } ressources
}
move-panel-applying = Déplacement en cours…
move-panel-undo = Revenir en arrière sur le déplacement
move-panel-undoing = Préparation du retour en arrière…
move-panel-production-title = Déplacer sur une connexion de production
move-panel-production-sentence = { $count ->
    [one] { $count } ressource sera déplacée sur { $connection }.
   *[other] { $count } ressources seront déplacées sur { $connection }.
}
move-panel-production-button = Déplacer
move-panel-listed = { $count ->
    [one] { $count } ressource de votre liste
   *[other] { $count } ressources de votre liste
}
bulk-kind-move = Déplacement de { $items ->
    [one] { $items } élément
   *[other] { $items } éléments
} vers { $to }
bulk-kind-move-undo = Retour en arrière sur le déplacement{ $made ->
    [none] {""}
   *[other] {" "}du { $made }
} ({ $items ->
    [one] { $items } élément
   *[other] { $items } éléments
})
move-panel-nothing-title = Aucun déplacement prévisualisé pour l’instant
