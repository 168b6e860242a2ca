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
nav-console = Console API
nav-settings = Paramètres
startup-failed-title = La vérification au démarrage n’a pas abouti
checking = Vérification…
check-again = Vérifier à nouveau
interrupted-title = Une modification en masse a été interrompue
interrupted-body = L’exécution sur { $connection } dans { $scope }, lancée le { $started }, n’est pas terminée : { $pending ->
    [one] { $pendingText } n’est pas encore modifiée
   *[other] { $pendingText } ne sont pas encore modifiées
}. Reprendre n’écrit que celles-ci ; l’exécution reste dans Activité si vous la remettez à plus tard.
scope-with-subfolders = { $folder } et ses sous-dossiers
resume = Reprendre
later = Plus tard
close-run-title = Une modification en masse est en cours. L’annuler et fermer ?
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
field-aem-user = L’utilisateur AEM auquel donner les autorisations
field-signs-in-as = Se connecte en tant que
field-keychain = Dans votre trousseau
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
not-production = Pas en production
mark-production = Marquer comme production
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
file-updated = { $file } : { $name } mise à jour ; elle utilise désormais les secrets de ce fichier.
file-refused = { $file } n’a pas été importé :
file-replaces = { $file } : { $kind } avec l’ID client de { $name }. Confirmez ci-dessous pour la remplacer.
file-choose = { $file } : { $kind }. Faites votre choix ci-dessous pour l’importer.
local-sdk-file = SDK AEM local
replace-title = Ce fichier remplacerait « { $name } ».
replace-body = Il a le même ID client, mais ce ne sont pas les mêmes identifiants :
replace-advice = Ne la remplacez que si vous vous y attendiez (par exemple après la création d’une nouvelle clé dans la Console développeur).
pending-aem-user = L’utilisateur AEM auquel donner les autorisations : { $email }
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
fact-host-reached = AEM joint ({ $host })
fact-host-unreachable = Impossible de joindre AEM ({ $host })
fact-account = AEM indique que vous êtes { $user }
fact-account-unknown = L’API Folders n’indique pas de quel compte il s’agit
fact-token-valid = Jeton valide pendant { $duration }
fact-token-ended = Jeton expiré — un nouveau est obtenu à la prochaine utilisation
fact-dam-readable = La DAM est lisible
fact-dam-unreadable = La DAM n’est pas lisible
test-result = Résultat du test
test-untestable = La connexion n’a pas pu être testée : { $message }
test-works-warned = La connexion fonctionne, avec un avertissement. Voir ci-dessous.
test-works = La connexion fonctionne.
test-fails = La connexion ne fonctionne pas encore. Voir ci-dessous.
step-passed = : réussi.
step-warning = : n’a pas fonctionné, mais la connexion fonctionne.
step-failed = : échec.
step-skipped = : non essayé.
test-hide = Masquer le résultat

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
empty-activity-body = Chaque modification en masse que vous appliquez figurera ici, avec son rapport et la possibilité de l’annuler.
runs-busy = Une modification en masse est en cours. Les autres exécutions pourront être ouvertes une fois celle-ci terminée.
runs-list = Exécutions
took = durée : { $duration }
show-progress = Afficher la progression
open-report = Ouvrir le rapport
open-preview = Ouvrir l’aperçu
apply = Appliquer
undo = Annuler les modifications
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
run-status-running = En cours
run-status-preview-incomplete = Aperçu inachevé
run-status-previewed = Prévisualisée, non appliquée
run-status-interrupted = Interrompue
run-status-cancelled = Annulée
run-status-stopped = Arrêtée
run-status-completed = Terminée
run-status-completed-with-failures = Terminée avec des échecs
