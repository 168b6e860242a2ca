# Envois comme exécutions (issue 65) : la ligne de l’exécution, les mots de la CLI, le retour en arrière

run-upload = { $files ->
    [one] envoi de { $files } fichier vers { $folder }
   *[other] envoi de { $files } fichiers vers { $folder }
}
job-upload = envoi de fichiers vers { $folder }
error-run-of-upload = L’exécution { $run } est un envoi : reprenez-la pour renvoyer ce qui a échoué (metadesk-cli bulk resume { $run }) ; un retour en arrière supprime ce qu’elle a créé (metadesk-cli bulk undo { $run }).
error-not-an-upload = L’exécution { $run } n’est pas un envoi.
cli-upload-run = Exécution { $run } : { $uploaded } envoyés, { $failed } en échec, { $left } laissés tels quels, { $pending } pas encore envoyés.
cli-upload-changed-since = {"  "}laissé tel quel : { $path } (un autre fichier y est depuis l’aperçu)
cli-upload-last-refusal = {"  "}dernier refus : { $detail }
cli-upload-nothing-to-send = Rien à envoyer : 0 envoyé, 0 en échec.
cli-upload-undone = Envoi { $run } annulé : { $deleted } supprimées, { $gone } déjà absentes, { $kept } gardées.
cli-upload-undo-planned = Retour en arrière sur l’envoi { $run } : { $files ->
    [one] { $files } fichier qu’il a créé à supprimer
   *[other] { $files } fichiers qu’il a créés à supprimer
}, chacun seulement si personne ne l’a modifié depuis.
cli-arg-upload-metadata = Une feuille de valeurs pour les fichiers : une colonne Fichier (le chemin sous le dossier donné) et une colonne par propriété, | entre les valeurs d’une liste.
cli-upload-no-row = {"  "}aucune ligne dans la feuille : { $path } (envoyé sans métadonnées)
cli-upload-sheet-stops = Rien n’a été envoyé : corrigez d’abord la feuille.
upload-sheet-no-file-column = La feuille { $file } n’a pas de colonne Fichier : elle nomme chaque fichier par son chemin sous le dossier donné.
upload-sheet-bad-column = La colonne « { $header } » de { $file } ne nomme aucune propriété (donnez-en une comme dc:title).
upload-sheet-no-such-file = Ligne { $row } : { $file } ne fait pas partie des fichiers à envoyer.
upload-sheet-refused-value = Ligne { $row } : { $property } ne peut pas prendre cette valeur : { $detail }
upload-processing-failed = AEM n’a pas pu traiter { $path } : ses métadonnées n’ont pas été écrites.
upload-processing-unfinished = Valeurs pas encore écrites pour { $path } : AEM n’a pas fini de le traiter. Reprenez l’exécution pour les écrire (vérifiées d’abord, comme toujours).
upload-processing-failed-renditions = AEM n’a pas pu traiter { $path } (les rendus en échec : { $renditions }) : ses métadonnées n’ont pas été écrites.
upload-in-doubt-unsettled = Rien n’a été envoyé vers { $path } : la réponse d’un essai précédent a été perdue, et AEM n’a pas fini de traiter ce qui s’y trouve, on ne peut donc pas encore savoir à qui est ce fichier. Reprenez l’exécution pour le savoir.
upload-unsettled-there = Rien n’a été envoyé vers { $path } : AEM n’a pas fini de traiter le fichier qui s’y trouve, on ne peut donc pas encore savoir si c’est toujours celui de l’aperçu. Reprenez l’exécution pour le savoir.

cli-upload-metadata-left-alone = {"  "}valeurs non écrites : { $path } (quelqu’un l’a modifiée après son traitement par AEM ; les valeurs de la feuille auraient remplacé les siennes)
upload-metadata-changed-since = Quelqu’un a modifié { $path } après son traitement par AEM : ses valeurs de la feuille n’ont pas été écrites.
# Les messages de la page Envoi venus du cœur et des commandes de la fenêtre
upload-kept-changed = gardé : quelqu’un l’a modifié depuis l’envoi
upload-kept-unchecked = gardé : la fin de son traitement n’a pas été vue, donc une modification depuis ne se distingue pas de celles d’AEM
upload-kept-not-given-back = gardé : il est entré comme nouvelle version d’un autre fichier, ou en a remplacé un ; AEM ne rend pas le fichier d’avant
upload-undo-gone = déjà absent : quelqu’un l’a supprimé, ou un retour en arrière précédent l’a fait
dialog-upload-files-title = Choisir des fichiers à envoyer
dialog-upload-folder-title = Choisir un dossier à envoyer
error-upload-files-gone = Les fichiers choisis ne sont plus disponibles : déposez-les ou choisissez-les de nouveau.
error-upload-no-files = Choisissez d’abord des fichiers ou un dossier à envoyer.
error-upload-preview-gone = Cet aperçu n’est plus disponible : refaites l’aperçu.
error-upload-sheet-errors = Rien n’a été envoyé : corrigez d’abord la feuille.
error-upload-nothing-to-send = Rien à envoyer : chaque fichier est déjà là ou refusé.
error-run-of-upload-undo = L’exécution { $run } est le retour en arrière sur l’envoi { $upload } : elle ne se réapplique pas, et on ne revient pas sur elle. Revenez de nouveau en arrière sur l’envoi pour supprimer ce qui reste (metadesk-cli bulk undo { $upload }) ; envoyez de nouveau les fichiers pour les retrouver.
error-resume-of-undone-upload = On est revenu en arrière sur l’envoi { $run } (exécution { $undo }) : il n’est pas repris, car cela renverrait des fichiers que ce retour en arrière a supprimés. Envoyez plutôt de nouveau les fichiers.

# Ce que la réponse au début d’un téléversement doit donner avant l’envoi des octets (assets/upload.rs)
upload-initiate-no-max-part = la réponse d’AEM au début du téléversement ne donne pas la taille maximale d’une partie (maxPartSize) : rien de ce fichier n’a été envoyé
upload-initiate-too-many-uris = la réponse d’AEM au début du téléversement donne { $uris } adresses de stockage pour ce fichier, plus que les 10 000 qu’accepte Metadesk : rien n’en a été envoyé
upload-initiate-parts-disagree = la réponse d’AEM au début du téléversement donne des parties d’au moins { $least } octets et d’au plus { $most } octets, ce qui ne peut pas former un fichier : rien n’en a été envoyé
