# Messages que le côté Rust de la fenêtre construit (src-tauri) : boîtes de dialogue de fichiers et notifications du bureau.

## L’AEM bac à sable intégré (Connexions, « Essayer avec un AEM bac à sable »)
sandbox-start-failed = Le bac à sable n’a pas pu démarrer ({ $detail }).

## Boîtes de dialogue de fichiers (titres et filtres des boîtes d’ouverture et d’enregistrement du système ; ticket 17)

dialog-credentials-title = Choisir des fichiers d’identifiants
dialog-report-title = Exporter le rapport en CSV
dialog-sheet-export-title = Exporter les métadonnées dans une feuille de calcul
dialog-sheet-import-title = Importer une feuille de calcul
dialog-tags-export-title = Exporter les balises dans une feuille de calcul
dialog-problems-title = Exporter les problèmes en CSV
dialog-list-title = Choisir une liste de ressources
dialog-console-title = Exporter le résultat
dialog-field-report-title = Enregistrer un rapport pour le support
dialog-filter-credentials = Fichiers d’identifiants ({ $extensions })
dialog-filter-csv = Fichiers CSV ({ $extensions })
dialog-filter-json = Fichiers JSON ({ $extensions })
dialog-filter-xlsx = Classeurs Excel ({ $extensions })
dialog-filter-sheets = Feuilles de calcul ({ $extensions })
dialog-filter-lists = Listes ({ $extensions })

## Notifications du bureau

notify-preview-title = Aperçu { $what ->
    [publish] de la publication
    [undo] du retour en arrière
    [retry] de la nouvelle tentative
    [sheet] de l’importation de feuille de calcul
    [tags] de l’import de balises
    [upload] de l’envoi de fichiers
    [move] du déplacement
    [rename] du renommage de balise
   *[edit] de la modification en masse
} prêt
notify-preview-body = { $pending } à modifier, { $unchanged } déjà conformes, { $skipped } ignorées — { $folder }
notify-apply-title = { $what ->
    [publish] Publication
    [undo] Exécution de retour en arrière
    [retry] Nouvelle tentative
    [sheet] Importation de feuille de calcul
    [tags] Importation de balises
    [upload] Mise en ligne de fichiers
    [move] Opération de déplacement
    [rename] Modification du nom de balise
   *[edit] Modification en masse
} { $state ->
    [stopped] arrêtée
    [interrupted] interrompue
   *[finished] terminée
}
notify-apply-body = { notify-apply-title } : { $done }{ $failed ->
    [0] {""}
   *[other] , { $failed } en échec
}{ $pending ->
    [0] {""}
   *[other] , { $pending } pas encore traitées
} — { $folder }
notify-apply-body-with-reason = { notify-apply-title } : { $done }{ $failed ->
    [0] {""}
   *[other] , { $failed } en échec
}{ $pending ->
    [0] {""}
   *[other] , { $pending } pas encore traitées
} ({ $reason }) — { $folder }
# Ce qu’une exécution a fait de ses lignes, nommé par les mots de son résumé (`$words`, un identifiant `count-…`).
notify-done = { $words ->
    [count-moved] { $count ->
        [one] { $count } déplacée
       *[other] { $count } déplacées
    }
    [count-written] { $count ->
        [one] { $count } écrite
       *[other] { $count } écrites
    }
    [count-deleted] { $count ->
        [one] { $count } supprimé
       *[other] { $count } supprimés
    }
    [count-put-back] { $count ->
        [one] { $count } restaurée
       *[other] { $count } restaurées
    }
    [count-uploaded] { $count ->
        [one] { $count } envoyé
       *[other] { $count } envoyés
    }
    [count-published] { $count ->
        [one] { $count } publiée
       *[other] { $count } publiées
    }
    [count-unpublished] { $count ->
        [one] { $count } retirée du site web
       *[other] { $count } retirées du site web
    }
   *[other] { $count ->
        [one] { $count } modifiée
       *[other] { $count } modifiées
    }
}
notify-sheet-has-errors = { $file } contient { $count ->
    [one] { $count } erreur
   *[other] { $count } erreurs
} ; rien n’a été écrit.
notify-upload-preview-body = { $send } à envoyer, { $same } déjà { $same ->
    [one] présent
   *[other] présents
}, { $refused } { $refused ->
    [one] refusé
   *[other] refusés
} — { $folder }
notify-upload-preview-blocked = { $sheet } contient { $count ->
    [one] { $count } erreur
   *[other] { $count } erreurs
} à corriger avant tout envoi — { $folder }
notify-preview-failed-title = Échec de l’aperçu
notify-preview-failed-body = L’aperçu n’a pas pu aboutir : { $reason }
notify-apply-failed-title = Échec de la modification en masse
notify-apply-failed-body = La modification en masse n’a pas pu aboutir : { $reason }

## Windows sans Microsoft Edge WebView2 Runtime (une boîte de message du système au démarrage)

webview2-missing-title = Metadesk ne peut pas ouvrir sa fenêtre
webview2-missing = Metadesk affiche sa fenêtre avec Microsoft Edge WebView2 Runtime, absent de cet ordinateur (Windows 10 et 11 l’ont en général).

    Prenez « Evergreen Bootstrapper » sur la page de téléchargement de Microsoft et exécutez-le, puis relancez Metadesk :
    { $page }
webview2-open-page = Ouvrir la page de téléchargement
webview2-close = Fermer
