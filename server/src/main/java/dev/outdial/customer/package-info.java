/**
 * Customers of campaigns (SPEC §4.3): adding them (one by one, from contacts, groups, filters, or
 * a CSV/Excel file), their dialing state and statuses, the customer list, and duplicates. The
 * contact warehouse they may come from is the {@code contact} module's.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Campaign customers")
package dev.outdial.customer;
