/**
 * Reports (SPEC §6, issue 8): per campaign and per agent over a range of days in the business's
 * time zone — calls, contacts, talk and handle time, classifications, abandon rate, dials per hour
 * and quota use — computed from the call records' sums the {@code call} module answers and the
 * customers agents received ({@code dialing}); it reads no table of its own.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reports")
package dev.outdial.report;
