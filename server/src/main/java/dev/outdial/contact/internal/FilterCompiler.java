package dev.outdial.contact.internal;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.outdial.contact.FilterCondition;
import dev.outdial.contact.FilterMatch;
import dev.outdial.contact.FilterOperator;
import dev.outdial.shared.PhoneNumbers;
import dev.outdial.shared.PhoneSearch;
import dev.outdial.shared.SqlLike;
import dev.outdial.shared.SqlTime;
import dev.outdial.shared.Violations;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a contact filter and compiles it to one parameterised condition on contacts. Column
 * names come only from {@link FilterField}; every value the user typed is a bound parameter, so a
 * value such as {@code '; drop table contact; --} is just text that matches nothing.
 */
public final class FilterCompiler {

    public static final int MAX_CONDITIONS = 20;
    public static final int MAX_VALUES = 1_000;
    public static final int MAX_VALUE_LENGTH = 500;

    /** What a filter is read with: numbers in the business's country, dates in its time zone. */
    public record Context(String country, ZoneId zone) {
    }

    private final Context context;
    private final Violations violations;
    private final Map<String, Object> params = new HashMap<>();

    private FilterCompiler(Context context, Violations violations) {
        this.context = context;
        this.violations = violations;
    }

    /** The filter's condition, or {@code null} after recording each broken rule under {@code conditions[i]...}. */
    public static ContactWhere compile(FilterMatch match, List<FilterCondition> conditions, Context context,
                                       Violations violations) {
        violations.check(match != null, "match", "validation.required");
        List<FilterCondition> all = conditions == null ? List.of() : conditions;
        if (!violations.check(all.size() <= MAX_CONDITIONS, "conditions", "contact-filter.too-many", MAX_CONDITIONS)) {
            return null;
        }
        FilterCompiler compiler = new FilterCompiler(context, violations);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            parts.add(compiler.condition(i, all.get(i)));
        }
        if (!violations.isEmpty()) {
            return null;
        }
        if (parts.isEmpty()) {
            return ContactWhere.everyContact();
        }
        String joiner = match == FilterMatch.ANY ? ") or (" : ") and (";
        return new ContactWhere("(" + String.join(joiner, parts) + ")", compiler.params);
    }

    private String condition(int i, FilterCondition condition) {
        String at = "conditions[" + i + "]";
        if (!violations.check(condition != null, at, "validation.required")) {
            return null;
        }
        FilterField field = FilterField.of(condition.field());
        FilterOperator operator = condition.operator();
        boolean known = violations.check(field != null, at + ".field", "contact-filter.field.unknown",
                String.valueOf(condition.field()));
        known &= violations.check(operator != null, at + ".operator", "validation.required");
        if (!known || !violations.check(field.operators.contains(operator), at + ".operator",
                "contact-filter.operator.not-for-field", operator, condition.field())) {
            return null;
        }
        List<String> values = FilterValues.read(condition.value(), operator, at + ".value", violations);
        if (values == null) {
            return null;
        }
        String p = "f" + i;
        return switch (field) {
            case PHONE -> phone(operator, values, p, at + ".value");
            case CUSTOM -> custom(condition.field().substring(FilterField.CUSTOM_PREFIX.length()).strip(), operator,
                    values, p);
            case ACCOUNT_MANAGER_ID -> accountManager(operator, values, p, at + ".value");
            case CREATED_AT -> createdOn(values, p, at + ".value");
            default -> text(field.column, operator, values, p);
        };
    }

    /** Text compares without regard to case; "is empty" is no value or an empty one. */
    private String text(String column, FilterOperator operator, List<String> values, String p) {
        List<String> lower = values.stream().map(value -> value.toLowerCase(Locale.ROOT)).toList();
        return switch (operator) {
            case EQUALS -> bind(p, lower.getFirst(), "lower(" + column + ") = :" + p);
            case CONTAINS -> bind(p, SqlLike.contains(values.getFirst()), "lower(" + column + ") like :" + p + " escape '\\'");
            case STARTS_WITH -> bind(p, SqlLike.startsWith(values.getFirst()), "lower(" + column + ") like :" + p + " escape '\\'");
            case IN -> bind(p, lower, "lower(" + column + ") in (:" + p + ")");
            case IS_EMPTY -> "(" + column + " is null or " + column + " = '')";
        };
    }

    /** A custom field that is empty is not stored, so "is empty" means the contact has no such row. */
    private String custom(String name, FilterOperator operator, List<String> values, String p) {
        String row = "select 1 from contact_field f where f.contact_id = c.id and f.field_name = :" + bind(p + "n", name, p + "n");
        if (operator == FilterOperator.IS_EMPTY) {
            return "not exists (" + row + ")";
        }
        return "exists (" + row + " and " + text(FilterField.CUSTOM.column, operator, values, p) + ")";
    }

    /** A whole number is normalised as it was when stored; a prefix or a fragment is matched on digits. */
    private String phone(FilterOperator operator, List<String> values, String p, String at) {
        String row = "select 1 from contact_phone p where p.contact_id = c.id";
        String match = switch (operator) {
            case EQUALS, IN -> {
                List<String> numbers = new ArrayList<>();
                for (int j = 0; j < values.size(); j++) {
                    numbers.add(PhoneNumbers.toE164(values.get(j), context.country(),
                            operator == FilterOperator.IN ? at + "[" + j + "]" : at, violations));
                }
                yield bind(p, numbers, "p.number in (:" + p + ")");
            }
            case CONTAINS -> {
                String digits = PhoneSearch.of(values.getFirst(), context.country()).digitsPattern();
                violations.check(digits != null, at, "contact-filter.value.digits");
                yield bind(p, digits, "p.number like :" + p);
            }
            case STARTS_WITH -> bind(p, phonePrefix(values.getFirst(), at), "p.number like :" + p);
            case IS_EMPTY -> null;
        };
        return match == null ? "not exists (" + row + ")" : "exists (" + row + " and " + match + ")";
    }

    /**
     * "+8491", "008491" and the national "091" all mean numbers starting +8491 in Vietnam: digits
     * without either prefix are read as national too, after the country code.
     */
    private String phonePrefix(String typed, String at) {
        String digits = typed.replaceAll("\\D", "");
        if (!violations.check(!digits.isEmpty() && typed.strip().matches("[\\d\\s+().\\-]+"), at,
                "contact-filter.value.digits")) {
            return null;
        }
        if (typed.strip().startsWith("+")) {
            return "+" + digits + "%";
        }
        if (digits.startsWith("00")) {
            return "+" + digits.substring(2) + "%";
        }
        String national = digits.startsWith("0") ? digits.substring(1) : digits;
        return "+" + PhoneNumberUtil.getInstance().getCountryCodeForRegion(context.country()) + national + "%";
    }

    private String accountManager(FilterOperator operator, List<String> values, String p, String at) {
        if (operator == FilterOperator.IS_EMPTY) {
            return "c.account_manager_id is null";
        }
        List<Long> ids = new ArrayList<>();
        for (String value : values) {
            try {
                ids.add(Long.valueOf(value));
            } catch (NumberFormatException notAnId) {
                violations.add(at, "contact-filter.value.id", value);
            }
        }
        return bind(p, ids, "c.account_manager_id in (:" + p + ")");
    }

    /** A contact created on a day: from that midnight to the next, in the business time zone. */
    private String createdOn(List<String> values, String p, String at) {
        List<String> days = new ArrayList<>();
        for (int j = 0; j < values.size(); j++) {
            try {
                LocalDate day = LocalDate.parse(values.get(j));
                params.put(p + "from" + j, SqlTime.toSql(day.atStartOfDay(context.zone()).toInstant()));
                params.put(p + "to" + j, SqlTime.toSql(day.plusDays(1).atStartOfDay(context.zone()).toInstant()));
                days.add("(c.created_at >= :" + p + "from" + j + " and c.created_at < :" + p + "to" + j + ")");
            } catch (DateTimeException notADate) {
                violations.add(at, "contact-filter.value.date", values.get(j));
            }
        }
        return "(" + String.join(" or ", days) + ")";
    }

    private String bind(String name, Object value, String sql) {
        params.put(name, value);
        return sql;
    }
}
