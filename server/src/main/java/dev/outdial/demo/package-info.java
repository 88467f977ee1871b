/** The demo business of {@code ./outdial demo}: people, settings and, as the product grows, campaigns. */
@org.springframework.modulith.ApplicationModule(displayName = "Demo")
package dev.outdial.demo;
