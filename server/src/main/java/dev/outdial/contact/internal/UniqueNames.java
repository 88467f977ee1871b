package dev.outdial.contact.internal;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "Is this name taken in the business?" for the named objects of the warehouse (groups, filters):
 * ignoring case, since "VIP" and "vip" are one name to an admin.
 */
final class UniqueNames {

    private UniqueNames() {
    }

    /** {@code table} is one of this package's constants, never user input. */
    static boolean taken(JdbcClient db, String table, long businessId, String name, Long exceptId) {
        return db.sql("""
                select count(*) from %s
                where business_id = :business and lower(name) = lower(:name) and (cast(:except as bigint) is null or id <> :except)
                """.formatted(table))
                .param("business", businessId).param("name", name).param("except", exceptId)
                .query(Long.class).single() > 0;
    }
}
