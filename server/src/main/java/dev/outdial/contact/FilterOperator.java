package dev.outdial.contact;

/** What a condition asks of a field; text comparisons ignore case. */
public enum FilterOperator {
    EQUALS,
    CONTAINS,
    STARTS_WITH,
    /** The value is a list; the field equals one of them. */
    IN,
    /** The field has no value; the condition takes no value. */
    IS_EMPTY
}
