package org.yunjian.security.internal;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The 组织管理员 flag of business accounts ({@code user_account.org_admin}) and the people search of the pickers: kept
 * apart from {@link AccountRepository}, whose account record does not carry the flag.
 */
@Repository
public class OrganizationAdminRepository {

    private final JdbcClient jdbc;

    OrganizationAdminRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isOrgAdmin(UUID userId) {
        return userId != null
                && Boolean.TRUE.equals(jdbc.sql("""
                SELECT org_admin FROM user_account WHERE id = ?
                AND role = 'USER' AND enabled = TRUE""")
                        .param(userId)
                        .query(Boolean.class)
                        .optional()
                        .orElse(false));
    }

    public void setOrgAdmin(UUID userId, boolean orgAdmin) {
        jdbc.sql("""
                UPDATE user_account SET org_admin = ?, version = version + 1 WHERE id = ? AND role = 'USER'""").params(orgAdmin, userId).update();
    }

    /** The ids of the organisation administrators among the accounts of {@code organizationId}. */
    public Set<UUID> orgAdminsOf(UUID organizationId) {
        return Set.copyOf(jdbc.sql("""
                SELECT id FROM user_account WHERE organization_id = ? AND org_admin = TRUE""").param(organizationId).query(UUID.class).list());
    }

    /** A row of the people search: who, of which organisation. */
    public record Found(UUID id, String username, String displayName, UUID organizationId) {}

    /**
     * Enabled accounts whose display name or user name contains {@code q} (any case), by display name, at most
     * {@code limit}: of the given organisations, or any account when {@code organizations} is {@code null}.
     */
    public List<Found> search(String q, Set<UUID> organizations, int limit) {
        if (organizations != null && organizations.isEmpty()) {
            return List.of();
        }
        String like = "%"
                + (q == null
                        ? ""
                        : q.strip()
                                .toLowerCase(java.util.Locale.ROOT)
                                .replace("\\", "\\\\")
                                .replace("%", "\\%")
                                .replace("_", "\\_"))
                + "%";
        var params = new java.util.HashMap<String, Object>();
        params.put("q", like);
        params.put("limit", limit);
        if (organizations != null) {
            params.put("orgs", organizations);
        }
        return jdbc.sql("""
                        SELECT id, username, display_name, organization_id FROM user_account WHERE \
                        enabled = TRUE AND awaiting_approval = FALSE AND (LOWER(display_name) LIKE :q ESCAPE '\\'
                        OR LOWER(username) LIKE :q ESCAPE '\\')%s
                        ORDER BY display_name, username LIMIT :limit""".formatted(organizations == null ? "" : """
                        \sAND organization_id IN (:orgs)"""))
                .params(params)
                .query((rs, n) -> new Found(
                        rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class)))
                .list();
    }
}
