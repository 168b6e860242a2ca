# Les titres sous lesquels on connaît les propriétés courantes, lus par le cœur et la CLI
# (compilés) et par la fenêtre (à sa construction) : une seule table pour toutes les faces. La
# liste du cœur est crates/bulk/src/property_titles.rs, celle de la fenêtre
# ui/src/features/bulk/editForm.ts. Chaque message a son jumeau anglais dans ../en/properties.ftl.

property-title-dc-title = Titre
property-title-dc-description = Description
property-title-dc-rights = Copyright
property-title-dc-subject = Mots-clés
property-title-dc-creator = Créateur
property-title-xmprights-usageterms = Conditions d’utilisation
property-title-cq-tags = Balises
property-title-prism-expirationdate = Date d’expiration
