package org.yunjian.security.internal.admin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunjian.security.Role;
import org.yunjian.shared.Jdbc;
import org.yunjian.shared.paging.PageQueries;
import org.yunjian.shared.paging.PageRequest;
import org.yunjian.shared.paging.Paged;

/** Persistence of {@link AdminRequest}s. */
@Repository
public class AdminRequestRepository {

    private static final String COLUMNS = "r.id, r.account_id, u.username, r.kind, r.requested_role, "
            + "r.previous_role, r.requested_by, r.requested_by_id, r.requested_at, r.status, r.decided_by, "
            + "r.decided_at";
    private static final String FROM = """
            admin_request r JOIN user_account u ON u.id = r.account_id""";
    private static final String SELECT = """
            SELECT %s FROM %s""".formatted(COLUMNS, FROM);

    /** A request with the requester's account id, which only the rule needs. */
    record Stored(AdminRequest request, UUID requestedById) {}

    private final JdbcClient jdbc;

    AdminRequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(AdminRequest r, UUID requestedById) {
        jdbc.sql("""
                        INSERT INTO admin_request (id, account_id, kind, requested_role, previous_role, requested_by,
                        requested_by_id, requested_at, status) VALUES (?,?,?,?,?,?,?,?,?)""")
                .params(
                        r.id(),
                        r.accountId(),
                        r.kind().name(),
                        r.requestedRole().name(),
                        r.previousRole() == null ? null : r.previousRole().name(),
                        r.requestedBy(),
                        requestedById,
                        Jdbc.utc(r.requestedAt()),
                        r.status().name())
                .update();
    }

    Optional<Stored> find(UUID id) {
        return jdbc.sql("""
                %s WHERE r.id = ?""".formatted(SELECT)).param(id).query(MAPPER).optional();
    }

    Optional<Stored> pendingFor(UUID accountId) {
        return jdbc.sql("""
                %s WHERE r.account_id = ? AND r.status = 'PENDING'""".formatted(SELECT)).param(accountId).query(MAPPER).optional();
    }

    List<AdminRequest> pending() {
        return jdbc.sql("""
                %s WHERE r.status = 'PENDING' ORDER BY r.requested_at, r.id""".formatted(SELECT)).query(MAPPER).list().stream()
                .map(Stored::request)
                .toList();
    }

    /** One page of the pending requests, oldest first, with their total (ADR 009). */
    Paged<AdminRequest> pending(PageRequest page) {
        return PageQueries.query(
                jdbc,
                COLUMNS,
                FROM,
                new PageQueries.Where().and("r.status = 'PENDING'"),
                "r.requested_at, r.id",
                page,
                statement -> statement.query(MAPPER).list().stream()
                        .map(Stored::request)
                        .toList());
    }

    /** Decides a pending request, atomically: {@code false} if it was decided meanwhile. */
    boolean decide(UUID id, AdminRequest.Status status, String by, UUID byId, Instant at) {
        return jdbc.sql("""
                        UPDATE admin_request SET status = ?, decided_by = ?, decided_by_id = ?, decided_at = ?
                        WHERE id = ? AND status = 'PENDING'""").params(status.name(), by, byId, Jdbc.utc(at), id).update() == 1;
    }

    private static final RowMapper<Stored> MAPPER = (rs, n) -> new Stored(
            new AdminRequest(
                    rs.getObject("id", UUID.class),
                    rs.getObject("account_id", UUID.class),
                    rs.getString("username"),
                    AdminRequest.Kind.valueOf(rs.getString("kind")),
                    Role.valueOf(rs.getString("requested_role")),
                    rs.getString("previous_role") == null ? null : Role.valueOf(rs.getString("previous_role")),
                    rs.getString("requested_by"),
                    Jdbc.instant(rs, "requested_at"),
                    AdminRequest.Status.valueOf(rs.getString("status")),
                    rs.getString("decided_by"),
                    Jdbc.instant(rs, "decided_at")),
            rs.getObject("requested_by_id", UUID.class));
}
