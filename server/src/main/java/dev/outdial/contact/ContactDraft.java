package dev.outdial.contact;

import java.util.List;
import java.util.Map;

/**
 * A contact as typed: phones in any usual shape (normalised with the business's country), custom
 * fields by name. A change replaces the whole contact, so an absent field becomes empty.
 */
public record ContactDraft(String name, List<String> phones, String email, String externalId, Long accountManagerId,
                           Map<String, String> fields) {
}
