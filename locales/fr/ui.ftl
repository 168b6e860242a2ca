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
interrupted-body = L’exécution sur { $connection } dans { $scope }, lancée { $started }, n’est pas terminée : { $pending ->
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
status-prefix-ok = OK
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
