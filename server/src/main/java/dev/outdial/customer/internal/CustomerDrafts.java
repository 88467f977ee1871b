package dev.outdial.customer.internal;

import dev.outdial.agent.UserAccount;
import dev.outdial.agent.UserAccounts;
import dev.outdial.business.Businesses;
import dev.outdial.customer.CustomerDraft;
import dev.outdial.customer.NewCustomer;
import dev.outdial.shared.PhoneNumbers;
import dev.outdial.shared.Role;
import dev.outdial.shared.Violations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Turns customers as typed (API bodies, file rows) into drafts: numbers normalised to E.164 with
 * the business's default country, the account manager found among the business's agents, limits
 * checked. A customer that breaks a rule is refused with the reason, never silently dropped.
 */
@Component
public class CustomerDrafts {

    static final int MAX_FIELDS = 50;
    static final int MAX_FIELD_NAME = 100;
    static final int MAX_FIELD_VALUE = 1_000;
    /**
     * The dialing modes a customer may carry instead of its campaign's: preview, shown to an agent
     * before the system dials it inside a progressive or predictive campaign.
     */
    static final List<String> OWN_DIALING_MODES = List.of("PREVIEW");
    static final int MAX_PHONES = 10;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final Businesses businesses;
    private final UserAccounts users;

    CustomerDrafts(Businesses businesses, UserAccounts users) {
        this.businesses = businesses;
        this.users = users;
    }

    /** What a batch of drafts of one business needs, looked up once rather than per row. */
    public Context contextFor(long businessId) {
        Map<String, Long> agents = new HashMap<>();
        for (UserAccount agent : users.list(businessId, Role.AGENT)) {
            if (agent.enabled()) {
                agents.put(agent.email().toLowerCase(Locale.ROOT), agent.id());
                agents.put(String.valueOf(agent.id()), agent.id());
            }
        }
        return new Context(businesses.get(businessId).defaultCountry(), agents);
    }

    public record Context(String defaultCountry, Map<String, Long> agentsByEmailOrId) {
    }

    /** The draft, or the violations (field names relative to the customer) that refuse it. */
    public Result draft(NewCustomer given, Context context, Long contactId, Long groupId) {
        NewCustomer customer = given == null ? new NewCustomer(null, null, null, null, null, null, null) : given;
        Violations violations = new Violations();
        String name = customer.name() == null ? "" : customer.name().strip();
        if (violations.check(!name.isEmpty(), "name", "validation.required")) {
            violations.check(name.length() <= 200, "name", "validation.too-long", 200);
        }
        List<String> typed = new ArrayList<>();
        if (customer.phone() != null && !customer.phone().isBlank()) {
            typed.add(customer.phone());
        }
        if (customer.phones() != null) {
            customer.phones().stream().filter(phone -> phone != null && !phone.isBlank()).forEach(typed::add);
        }
        Set<String> phones = new LinkedHashSet<>();
        if (violations.check(!typed.isEmpty(), "phone", "validation.required")) {
            for (int i = 0; i < typed.size(); i++) {
                String e164 = PhoneNumbers.toE164(typed.get(i), context.defaultCountry(),
                        i == 0 ? "phone" : "phones[" + (i - 1) + "]", violations);
                if (e164 != null) {
                    phones.add(e164);
                }
            }
            violations.check(phones.size() <= MAX_PHONES, "phones", "customer.too-many-phones", MAX_PHONES);
        }
        String email = blankToNull(customer.email());
        if (email != null) {
            violations.check(email.length() <= 254 && EMAIL.matcher(email).matches(), "email",
                    "user.email.invalid");
        }
        String externalId = blankToNull(customer.externalId());
        if (externalId != null) {
            violations.check(externalId.length() <= 100, "externalId", "validation.too-long", 100);
        }
        Long accountManager = null;
        String manager = blankToNull(customer.accountManager());
        if (manager != null) {
            accountManager = context.agentsByEmailOrId().get(manager.toLowerCase(Locale.ROOT));
            violations.check(accountManager != null, "accountManager", "customer.account-manager.unknown", manager);
        }
        Map<String, String> fields = fields(customer.fields(), violations);
        String dialingMode = blankToNull(customer.dialingMode());
        if (dialingMode != null) {
            dialingMode = dialingMode.toUpperCase(Locale.ROOT);
            violations.check(OWN_DIALING_MODES.contains(dialingMode), "dialingMode", "customer.dialing-mode.invalid",
                    String.join(", ", OWN_DIALING_MODES));
        }
        if (!violations.isEmpty()) {
            return new Result(null, violations);
        }
        List<String> numbers = new ArrayList<>(phones);
        return new Result(new CustomerDraft(name, numbers.getFirst(), numbers.subList(1, numbers.size()), email,
                externalId, accountManager, fields, contactId, groupId, dialingMode), violations);
    }

    private static Map<String, String> fields(Map<String, String> given, Violations violations) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (given == null) {
            return fields;
        }
        violations.check(given.size() <= MAX_FIELDS, "fields", "customer.too-many-fields", MAX_FIELDS);
        given.forEach((key, value) -> {
            String name = key == null ? "" : key.strip();
            String text = value == null ? "" : value.strip();
            if (name.isEmpty() || text.isEmpty()) {
                return;
            }
            if (violations.check(name.length() <= MAX_FIELD_NAME && text.length() <= MAX_FIELD_VALUE,
                    "fields." + name, "customer.field.too-long", MAX_FIELD_NAME, MAX_FIELD_VALUE)) {
                fields.put(name, text);
            }
        });
        return fields;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** A draft, or why the customer is refused. */
    public record Result(CustomerDraft draft, Violations violations) {

        /** A draft that needs no checking: it comes from a contact the warehouse already validated. */
        public static Result of(CustomerDraft draft) {
            return new Result(draft, new Violations());
        }

        public boolean isValid() {
            return draft != null;
        }
    }
}
