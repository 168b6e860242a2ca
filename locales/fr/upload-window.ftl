# Les mots de la page Envoi de la fenêtre (issue 65)

nav-upload = Envoi
upload-title = Envoyer des fichiers
upload-intro = Déposez des fichiers ou un dossier (avec ses sous-dossiers) sur cette page, ou choisissez-les. Choisissez le dossier où ils vont et, si vous voulez, une feuille de leurs métadonnées. Rien n’est envoyé avant que vous appuyiez sur Envoyer.
upload-no-connection-title = Pas encore de connexion
upload-no-connection-body = Ajoutez d’abord une connexion à AEM : les fichiers sont envoyés par elle.
upload-files-title = Fichiers
upload-no-files-title = Pas encore de fichiers
upload-no-files-body = Déposez des fichiers ou un dossier n’importe où sur cette page, ou choisissez-les ci-dessous.
upload-held-folder = { $name } (dossier, avec ses sous-dossiers)
upload-choose-files = Choisir des fichiers…
upload-choose-folder = Choisir un dossier…
upload-clear = Retirer tous les fichiers
upload-where-title = Où ils vont
upload-folder = Dossier dans AEM
upload-folder-hint = Les fichiers vont dans ce dossier, qui doit exister ; les sous-dossiers d’un dossier déposé y sont créés.
upload-when-different = Là où un autre fichier est déjà à la place d’un fichier
upload-when-new-version = Garder cet élément et lui ajouter ce fichier comme nouvelle version
upload-when-replace = Remplacer cet élément par ce fichier
upload-sheet-title = Métadonnées (facultatif)
upload-sheet-named = Feuille : { $name }
upload-no-sheet = Pas de feuille : les fichiers partent sans métadonnées. Une feuille a une colonne Fichier (le chemin sous le dossier déposé) et une colonne par propriété, comme dc:title, avec | entre les valeurs d’une liste. Déposez-la sur cette page ou choisissez-la.
upload-choose-sheet = Choisir une feuille…
upload-remove-sheet = Retirer la feuille
upload-preview = Aperçu
upload-preview-again = Refaire l’aperçu
upload-previewing = Lecture de ce que contient AEM…
upload-failed = L’envoi n’a pas pu continuer
upload-preview-title = Ce que fait l’envoi
upload-summary = { $files ->
    [one] { $files } fichier
   *[other] { $files } fichiers
} pour { $folder } : { $new } nouveaux, { $same } déjà là, { $different } différents, { $refused } refusés. Rien n’a été envoyé.
upload-folders-made = { $count ->
    [one] Le dossier { $folders } est d’abord créé.
   *[other] Ces dossiers sont d’abord créés : { $folders }.
}
upload-sheet-problems = Problèmes dans la feuille
upload-sheet-stops = Rien ne peut être envoyé avant que la feuille soit corrigée.
upload-without-row = { $count ->
    [one] Un fichier n’a pas de ligne dans la feuille : il part sans métadonnées.
   *[other] { $count } fichiers n’ont pas de ligne dans la feuille : ils partent sans métadonnées.
}
upload-references-unknown = AEM n’a pas pu dire où sont utilisés les éléments remplacés
upload-rows-empty = Aucun fichier à envoyer.
upload-col-file = Fichier
upload-col-size = Taille
upload-col-what = Ce qui se passe
upload-col-metadata = Métadonnées
upload-intent-new = Nouveau
upload-intent-same = Le même fichier est déjà là.
upload-intent-new-version = Un autre fichier est là : il reçoit celui-ci comme nouvelle version
upload-intent-replace = Un autre fichier est là : remplacé par celui-ci
upload-intent-refused = Non envoyé
# A file\'s pill in the preview (issue 77: one meaning per colour; the sentence above says the rest)
upload-will-same = Laissé tel quel
upload-will-new-version = Nouvelle version
upload-will-replace = Remplacement
upload-used-on = { $pages ->
    [one] Utilisé sur { $pages } page
   *[other] Utilisé sur { $pages } pages
}
upload-send = { $files ->
    [one] Envoyer { $files } fichier
   *[other] Envoyer { $files } fichiers
}
upload-nothing-to-send = Rien à envoyer : chaque fichier est déjà là ou refusé.
upload-sending = Envoi en cours…
upload-report-title = Rapport d’envoi
upload-report-undone-title = Retour en arrière sur l’envoi
upload-report-counts = Dans { $folder } : { $uploaded } envoyés, { $failed } en échec, { $left } laissés tels quels, { $same } déjà là, { $refused } refusés.
upload-report-reason = Dernier refus : { $reason }
upload-report-changed = Laissés tels quels : un autre fichier est là depuis l’aperçu
upload-undo = Revenir en arrière sur cet envoi
upload-undoing = Annulation…
upload-undone = Envoi annulé : { $deleted } supprimés, { $gone } déjà absents, { $kept } gardés.
upload-undo-unfinished = pas encore supprimé : le retour en arrière s’est arrêté avant lui ; reprenez son exécution
upload-again = Nouvel envoi
open-upload = Ouvrir sur la page Envoi
upload-col-outcome = Résultat
upload-state-uploaded = Envoyé
upload-state-pending = Pas terminé : reprenez l’exécution pour l’envoyer
upload-state-failed = En échec
upload-state-left-alone = Laissé tel quel : un autre fichier est là depuis l’aperçu
upload-over-another = par-dessus le fichier qui était là (un retour en arrière ne le rend pas)
upload-production-title = Envoyer en production ?
upload-production-sending = L’envoi met { $files ->
    [one] { $files } fichier
   *[other] { $files } fichiers
} dans { $connection }, une connexion marquée production.
upload-production-send = Envoyer en production
upload-production-undo-title = Revenir en arrière sur cet envoi en production ?
upload-production-undoing = Revenir en arrière supprime { $files ->
    [one] le fichier
   *[other] les { $files } fichiers
} que cet envoi a mis dans { $connection }, une connexion marquée production, sauf ceux modifiés depuis.
upload-production-undo = Supprimer en production
upload-report-metadata-left-alone = Valeurs non écrites : quelqu’un les a modifiées après leur traitement par AEM, et les valeurs de la feuille auraient remplacé les siennes
upload-folder-typed = Ou saisissez son chemin
upload-resume = Reprendre cet envoi
# La taille d’un fichier, son nombre déjà écrit à la manière de la langue (ticket 77 : ko, pas kB).
upload-size-bytes = { $size } o
upload-size-kb = { $size } ko
upload-size-mb = { $size } Mo
upload-size-gb = { $size } Go
# Une valeur d’un fichier d’après la feuille, sa propriété par son titre (ticket 77).
upload-metadata-line = { $property } : { $values }
