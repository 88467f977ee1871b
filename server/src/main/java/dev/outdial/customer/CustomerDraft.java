package dev.outdial.customer;

import java.util.List;
import java.util.Map;

/**
 * A customer ready to be added: numbers in E.164 (the first is the one dialed), the account manager
 * resolved to an agent, and where it came from (a contact, a customer group, an import).
 */
public record CustomerDraft(String name, String phone, List<String> otherPhones, String email, String externalId,
                            Long accountManagerId, Map<String, String> fields, Long contactId, Long customerGroupId,
                            String dialingMode) {

    /** A customer dialed as its campaign says ({@code dialingMode} null). */
    public CustomerDraft(String name, String phone, List<String> otherPhones, String email, String externalId,
                         Long accountManagerId, Map<String, String> fields, Long contactId, Long customerGroupId) {
        this(name, phone, otherPhones, email, externalId, accountManagerId, fields, contactId, customerGroupId, null);
    }
}
