/**
 * The customer warehouse (SPEC §3): contacts with their phone numbers and custom fields, customer
 * groups and contact filters. Campaigns take customers from here through
 * {@link dev.outdial.contact.Contacts}, {@link dev.outdial.contact.ContactGroups} and
 * {@link dev.outdial.contact.ContactFilters}, which stream contacts in batches.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Contacts")
package dev.outdial.contact;
