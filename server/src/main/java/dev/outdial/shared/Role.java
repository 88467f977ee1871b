package dev.outdial.shared;

/**
 * Who a user is to Outdial (SPEC §1). The operator runs the platform and sees no business data;
 * the other three belong to exactly one business.
 */
public enum Role {
    OPERATOR,
    ADMIN,
    SUPERVISOR,
    AGENT;

    /** The authority Spring Security checks with {@code hasRole(...)}. */
    public String authority() {
        return "ROLE_" + name();
    }

    public boolean belongsToABusiness() {
        return this != OPERATOR;
    }
}
