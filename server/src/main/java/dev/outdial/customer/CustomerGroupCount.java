package dev.outdial.customer;

/**
 * The customer list shown by customer group (SPEC §4.3): how many customers of the campaign came
 * from each group; {@code groupId} null counts those added otherwise (file, API, single contacts).
 */
public record CustomerGroupCount(Long groupId, String groupName, long customers) {
}
