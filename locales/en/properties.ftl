# The titles people know well-known properties by, read by the core and the CLI (compiled in)
# and by the window (at its build): one table for every face. The core's list of them is
# crates/bulk/src/property_titles.rs, the window's ui/src/features/bulk/editForm.ts. Every
# message here has a French twin in ../fr/properties.ftl.

property-title-dc-title = Title
property-title-dc-description = Description
property-title-dc-rights = Copyright
property-title-dc-subject = Keywords
property-title-dc-creator = Creator
property-title-xmprights-usageterms = Usage terms
property-title-cq-tags = Tags
property-title-prism-expirationdate = Expires
