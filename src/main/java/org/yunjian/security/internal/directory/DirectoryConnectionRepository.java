package org.yunjian.security.internal.directory;

import static org.yunjian.shared.Jdbc.instant;
import static org.yunjian.shared.Jdbc.utc;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.keys.KeyDirectory;
import org.yunjian.shared.keys.SealedText;

/**
 * Persistence of {@link DirectoryConnection}s ({@code directory_connection}). The client secret and the bind password
 * are sealed with SM4-GCM under {@value #KEY_FILE} in the key directory, the connection's id and the column's purpose
 * bound in, so a copy of the database alone reveals neither and a sealed value moved to another row does not open.
 */
@Repository
class DirectoryConnectionRepository {

    static final String KEY_FILE = "directory.key";

    private static final String COLUMNS = "id, organization_id, kind, login_domain, enabled, issuer_uri, client_id, "
            + "client_secret_sealed, group_claim, group_value, ldap_url, base_dn, user_dn_pattern, user_search_filter, "
            + "bind_dn, bind_password_sealed, group_dn, updated_at, updated_by, version";

    private final JdbcClient jdbc;
    private final SealedText clientSecrets;
    private final SealedText bindPasswords;
    private final RowMapper<DirectoryConnection> mapper;

    DirectoryConnectionRepository(JdbcClient jdbc, KeyDirectory keys) {
        this.jdbc = jdbc;
        // a new key is safe while nothing is sealed under it
        this.clientSecrets =
                new SealedText(keys, KEY_FILE, "yunjian.directory.client-secret", () -> nothingSealed(jdbc));
        this.bindPasswords =
                new SealedText(keys, KEY_FILE, "yunjian.directory.bind-password", () -> nothingSealed(jdbc));
        this.mapper = (rs, n) -> {
            UUID id = rs.getObject("id", UUID.class);
            DirectoryConnection.Kind kind = DirectoryConnection.Kind.valueOf(rs.getString("kind"));
            DirectoryConnection.Oidc oidc = kind == DirectoryConnection.Kind.OIDC
                    ? new DirectoryConnection.Oidc(
                            rs.getString("issuer_uri"),
                            rs.getString("client_id"),
                            clientSecrets
                                    .openIfIntact(id, rs.getString("client_secret_sealed"))
                                    .orElse(null),
                            rs.getString("group_claim"),
                            rs.getString("group_value"))
                    : null;
            DirectoryConnection.Ldap ldap = kind == DirectoryConnection.Kind.LDAP
                    ? new DirectoryConnection.Ldap(
                            rs.getString("ldap_url"),
                            rs.getString("base_dn"),
                            emptyIfNull(rs.getString("user_dn_pattern")),
                            emptyIfNull(rs.getString("user_search_filter")),
                            emptyIfNull(rs.getString("bind_dn")),
                            rs.getString("bind_password_sealed") == null
                                    ? null
                                    : bindPasswords
                                            .openIfIntact(id, rs.getString("bind_password_sealed"))
                                            .orElse(null),
                            rs.getString("group_dn"))
                    : null;
            return new DirectoryConnection(
                    id,
                    rs.getObject("organization_id", UUID.class),
                    kind,
                    rs.getString("login_domain"),
                    rs.getBoolean("enabled"),
                    oidc,
                    ldap,
                    instant(rs, "updated_at"),
                    rs.getString("updated_by"),
                    rs.getLong("version"));
        };
    }

    private static boolean nothingSealed(JdbcClient jdbc) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM directory_connection WHERE client_secret_sealed IS NOT NULL
                OR bind_password_sealed IS NOT NULL""").query(Long.class).single() == 0;
    }

    private static String emptyIfNull(String s) {
        return s == null ? "" : s;
    }

    Optional<DirectoryConnection> findById(UUID id) {
        return jdbc.sql("""
                SELECT %s FROM directory_connection WHERE id = ?""".formatted(COLUMNS)).param(id).query(mapper).optional();
    }

    Optional<DirectoryConnection> findByOrganization(UUID organizationId) {
        return jdbc.sql("""
                SELECT %s FROM directory_connection WHERE organization_id = ?""".formatted(COLUMNS))
                .param(organizationId)
                .query(mapper)
                .optional();
    }

    Optional<DirectoryConnection> findByDomain(String loginDomain) {
        return jdbc.sql("""
                SELECT %s FROM directory_connection WHERE login_domain = ?""".formatted(COLUMNS)).param(loginDomain).query(mapper).optional();
    }

    List<DirectoryConnection> findAll() {
        return jdbc.sql("""
                SELECT %s FROM directory_connection ORDER BY login_domain""".formatted(COLUMNS)).query(mapper).list();
    }

    /** Whether another organisation's connection uses {@code loginDomain}. */
    boolean domainTakenByOther(String loginDomain, UUID organizationId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM directory_connection WHERE login_domain = ? AND organization_id <> ?""")
                        .params(loginDomain, organizationId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void insert(DirectoryConnection c) {
        jdbc.sql("""
                INSERT INTO directory_connection (%s) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0)""".formatted(COLUMNS)).params(values(c)).update();
    }

    /** Writes {@code c} if the row is still at {@code c.version()}; a {@link ConflictException} otherwise. */
    void update(DirectoryConnection c) {
        Object[] v = values(c);
        // SET takes every column but the id, in order; then the id and the version expected
        Object[] all = java.util.Arrays.copyOf(java.util.Arrays.copyOfRange(v, 1, v.length), v.length + 1);
        all[v.length - 1] = c.id();
        all[v.length] = c.version();
        int n = jdbc.sql("""
                        UPDATE directory_connection SET organization_id = ?, kind = ?, login_domain = ?, enabled = ?,
                        issuer_uri = ?, client_id = ?, client_secret_sealed = ?, group_claim = ?, group_value = ?,
                        ldap_url = ?, base_dn = ?, user_dn_pattern = ?, user_search_filter = ?, bind_dn = ?,
                        bind_password_sealed = ?, group_dn = ?, updated_at = ?, updated_by = ?, version = version + 1
                        WHERE id = ? AND version = ?""").params(all).update();
        if (n == 0) {
            throw new ConflictException("directory-stale", "directory.error.stale");
        }
    }

    private Object[] values(DirectoryConnection c) {
        DirectoryConnection.Oidc o = c.oidc();
        DirectoryConnection.Ldap l = c.ldap();
        return new Object[] {
            c.id(),
            c.organizationId(),
            c.kind().name(),
            c.loginDomain(),
            c.enabled(),
            o == null ? null : o.issuerUri(),
            o == null ? null : o.clientId(),
            o == null ? null : clientSecrets.seal(c.id(), o.clientSecret()),
            o == null ? null : o.groupClaim(),
            o == null ? null : o.groupValue(),
            l == null ? null : l.url(),
            l == null ? null : l.baseDn(),
            l == null ? null : org.yunjian.shared.FieldValues.nullIfBlank(l.userDnPattern()),
            l == null ? null : org.yunjian.shared.FieldValues.nullIfBlank(l.userSearchFilter()),
            l == null ? null : org.yunjian.shared.FieldValues.nullIfBlank(l.bindDn()),
            l == null ? null : bindPasswords.seal(c.id(), l.bindPassword()),
            l == null ? null : l.groupDn(),
            utc(c.updatedAt()),
            c.updatedBy()
        };
    }
}
