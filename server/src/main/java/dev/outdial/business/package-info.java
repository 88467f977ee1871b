/**
 * Businesses (tenants), created by the platform operator with a first admin. Other modules ask
 * {@link dev.outdial.business.Businesses} for a business's time zone, country and call limit.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Businesses")
package dev.outdial.business;
