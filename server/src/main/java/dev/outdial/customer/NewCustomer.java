package dev.outdial.customer;

import java.util.List;
import java.util.Map;

/**
 * A customer as typed into the API or a file row: numbers in any common format (normalised with
 * the business's default country), the account manager as an agent's e-mail address or id.
 */
public record NewCustomer(String name, String phone, List<String> phones, String externalId, String email,
                          String accountManager, Map<String, String> fields) {
}
