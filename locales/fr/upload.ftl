# Envois comme exécutions (issue 65) : la ligne de l’exécution, les mots de la CLI, l’annulation

run-upload = { $files ->
    [one] envoi de { $files } fichier vers { $folder }
   *[other] envoi de { $files } fichiers vers { $folder }
}
job-upload = envoi de fichiers vers { $folder }
error-run-of-upload = L’exécution { $run } est un envoi : reprenez-la pour renvoyer ce qui a échoué (metadesk-cli bulk resume { $run }) ; son annulation supprime ce qu’elle a créé (metadesk-cli bulk undo { $run }).
error-not-an-upload = L’exécution { $run } n’est pas un envoi.
cli-upload-run = Exécution { $run } : { $uploaded } envoyés, { $failed } en échec, { $left } laissés tels quels, { $pending } pas encore envoyés.
cli-upload-changed-since = {"  "}laissé tel quel : { $path } (un autre fichier y est depuis l’aperçu)
cli-upload-last-refusal = {"  "}dernier refus : { $detail }
cli-upload-nothing-to-send = Rien à envoyer : 0 envoyé, 0 en échec.
cli-upload-undo-needs-yes = Rien n’a été supprimé : ajoutez --yes pour annuler l’envoi { $run } (il supprime les ressources qu’il a créées).
cli-upload-undone = Envoi { $run } annulé : { $deleted } supprimées, { $gone } déjà absentes, { $kept } gardées.
cli-upload-kept-changed = gardée : quelqu’un l’a modifiée depuis l’envoi
cli-upload-kept-unchecked = gardée : la fin de son traitement n’a pas été vue, une modification depuis ne peut donc pas être distinguée de celle d’AEM
cli-upload-kept-not-given-back = gardée : elle est arrivée comme nouvelle version d’un autre fichier, ou l’a remplacé ; AEM ne rend pas le fichier précédent
