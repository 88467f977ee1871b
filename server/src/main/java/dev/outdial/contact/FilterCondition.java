package dev.outdial.contact;

/**
 * One condition of a contact filter. {@code field} is {@code name}, {@code phone}, {@code email},
 * {@code externalId}, {@code accountManagerId}, {@code createdAt} (a date, YYYY-MM-DD, in the
 * business time zone) or {@code fields.<custom field name>}; {@code value} is text, a list of texts
 * for IN, and absent for IS_EMPTY.
 */
public record FilterCondition(String field, FilterOperator operator, Object value) {
}
