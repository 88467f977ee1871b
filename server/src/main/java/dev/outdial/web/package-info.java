/**
 * Shared web pieces: security, problem details, error pages, languages, the page layout.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package dev.outdial.web;
