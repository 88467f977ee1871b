package dev.outdial.contact.internal;

import static dev.outdial.contact.FilterOperator.CONTAINS;
import static dev.outdial.contact.FilterOperator.EQUALS;
import static dev.outdial.contact.FilterOperator.IN;
import static dev.outdial.contact.FilterOperator.IS_EMPTY;
import static dev.outdial.contact.FilterOperator.STARTS_WITH;

import dev.outdial.contact.FilterOperator;
import java.util.EnumSet;
import java.util.Set;

/**
 * The fields a contact filter may name, each with the one column it reads and the operators that
 * make sense for it. This whitelist is the only way a column name gets into a filter's SQL.
 */
enum FilterField {
    NAME("name", "c.name", EnumSet.allOf(FilterOperator.class)),
    PHONE("phone", "p.number", EnumSet.allOf(FilterOperator.class)),
    EMAIL("email", "c.email", EnumSet.allOf(FilterOperator.class)),
    EXTERNAL_ID("externalId", "c.external_id", EnumSet.allOf(FilterOperator.class)),
    ACCOUNT_MANAGER_ID("accountManagerId", "c.account_manager_id", EnumSet.of(EQUALS, IN, IS_EMPTY)),
    /** A day in the business time zone; a contact always has one, so it is never empty. */
    CREATED_AT("createdAt", "c.created_at", EnumSet.of(EQUALS, IN)),
    CUSTOM("fields.", "f.field_value", EnumSet.of(EQUALS, CONTAINS, STARTS_WITH, IN, IS_EMPTY));

    static final String CUSTOM_PREFIX = "fields.";

    final String apiName;
    final String column;
    final Set<FilterOperator> operators;

    FilterField(String apiName, String column, Set<FilterOperator> operators) {
        this.apiName = apiName;
        this.column = column;
        this.operators = operators;
    }

    /** The field a condition names, or {@code null}; {@code fields.<name>} is a custom field. */
    static FilterField of(String field) {
        if (field == null) {
            return null;
        }
        if (field.startsWith(CUSTOM_PREFIX)) {
            String name = field.substring(CUSTOM_PREFIX.length()).strip();
            return name.isEmpty() || name.length() > ContactRules.MAX_FIELD_NAME ? null : CUSTOM;
        }
        for (FilterField candidate : values()) {
            if (candidate != CUSTOM && candidate.apiName.equals(field)) {
                return candidate;
            }
        }
        return null;
    }
}
