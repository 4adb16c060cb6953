package org.yunjian.party.internal;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yunjian.shared.paging.PageQueries;

/**
 * Who looks, as the visibility rule needs it: a business user of {@code org} who sees what they are assigned to
 * or, holding the whole-organisation grant ({@code whole}), everything their organisation takes part in. {@link
 * #organization} stands for the organisation itself, for questions about an organisation rather than a person.
 */
public record Viewer(UUID org, UUID user, boolean whole) {

    /** No account has this id: a viewer standing for an organisation is assigned to nothing. */
    private static final UUID NOBODY = new UUID(0, 0);

    /** The organisation as a whole (what it takes part in), asked of no one in particular. */
    public static Viewer organization(UUID org) {
        return new Viewer(org, null, true);
    }

    /** Binds the rule's parameters ({@code :org}, {@code :viewer}, {@code :whole}) to a statement. */
    JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql) {
        return sql.param("org", org)
                .param("viewer", user == null ? NOBODY : user)
                .param("whole", whole);
    }

    /** Adds {@code condition}, the rule asked in SQL, with its parameters to a page query's filter. */
    PageQueries.Where and(PageQueries.Where where, String condition) {
        return where.and(condition)
                .param("org", org)
                .param("viewer", user == null ? NOBODY : user)
                .param("whole", whole);
    }
}
