package dev.outdial.customer;

import dev.outdial.engine.customer.DialType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * A customer as typed into the API or a file row: numbers in any common format (normalised with
 * the business's default country), the account manager as an agent's e-mail address or id, and
 * optionally a dialing mode of its own (SPEC §4.3: "e.g. preview inside a predictive campaign").
 */
public record NewCustomer(String name, String phone, List<String> phones, String externalId, String email,
                          String accountManager, Map<String, String> fields,
                          @Schema(implementation = DialType.class) String dialingMode) {

    /** A customer dialed as its campaign says. */
    public NewCustomer(String name, String phone, List<String> phones, String externalId, String email,
                       String accountManager, Map<String, String> fields) {
        this(name, phone, phones, externalId, email, accountManager, fields, null);
    }
}
