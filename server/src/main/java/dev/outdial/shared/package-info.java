/**
 * The few types every module speaks: the signed-in user and their role, and the exceptions that
 * the web layer turns into RFC 9457 problem details (404, 409, 400 with field errors).
 */
package dev.outdial.shared;
