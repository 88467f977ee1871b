/**
 * Numbers that are never called (SPEC §7): the business's blacklist and its DNC registry. The
 * dialer and the customers of campaigns ask {@link dev.outdial.compliance.Blacklist} and
 * {@link dev.outdial.compliance.DncRegistry}; changes are published as
 * {@link dev.outdial.compliance.NumbersBlocked} and {@link dev.outdial.compliance.NumbersUnblocked}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Compliance")
package dev.outdial.compliance;
