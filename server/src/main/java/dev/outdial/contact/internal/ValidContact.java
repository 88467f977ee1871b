package dev.outdial.contact.internal;

import java.util.List;
import java.util.Map;

/** A contact whose every field passed the rules: phones in E.164, blanks as {@code null}. */
public record ValidContact(String name, List<String> phones, String email, String externalId, Long accountManagerId,
                           Map<String, String> fields) {
}
