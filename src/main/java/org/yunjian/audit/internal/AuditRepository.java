package org.yunjian.audit.internal;

import static org.yunjian.shared.Jdbc.instant;
import static org.yunjian.shared.Jdbc.utc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and appends the audit tables. Deliberately has no update or delete of entries or anchors: the
 * only row ever updated is {@code audit_head}.
 */
@Repository
public class AuditRepository {

    private static final String COLUMNS = "seq, occurred_at, username, organization_id, source_address, action, "
            + "object_type, object_id, outcome, detail, prev_mac, mac, api_token_id, api_token_name";
    /** One page of a search, newest first: the page size and the offset are the last two parameters. */
    private static final String NEWEST_FIRST_PAGE = """
            \sORDER BY seq DESC LIMIT ? OFFSET ?""";

    /** Columns, an optional {@code WHERE} fragment, an optional order and page. */
    private static final String SEARCH = """
            SELECT %s FROM audit_event%s%s""";

    private static final String COUNT = """
            COUNT(*)""";
    private static final String WHERE = """
            \sWHERE %s""";
    private static final String IN_SEQUENCE = """
            \sORDER BY seq""";

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the head row until the transaction ends; serialises appends across processes. */
    HeadWitness.Head lockHead() {
        return jdbc.sql("""
                SELECT last_seq, last_mac FROM audit_head WHERE id = 1 FOR UPDATE""")
                .query((rs, n) -> new HeadWitness.Head(rs.getLong(1), rs.getString(2)))
                .single();
    }

    public Optional<HeadWitness.Head> head() {
        return jdbc.sql("""
                SELECT last_seq, last_mac FROM audit_head WHERE id = 1""")
                .query((rs, n) -> new HeadWitness.Head(rs.getLong(1), rs.getString(2)))
                .optional();
    }

    void advanceHead(long seq, String mac) {
        jdbc.sql("""
                UPDATE audit_head SET last_seq = ?, last_mac = ? WHERE id = 1""").params(seq, mac).update();
    }

    void insert(AuditEntry e) {
        jdbc.sql("""
                INSERT INTO audit_event (%s) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)""".formatted(COLUMNS))
                .params(
                        e.seq(),
                        utc(e.occurredAt()),
                        e.username(),
                        e.organizationId(),
                        e.sourceAddress(),
                        e.action(),
                        e.objectType(),
                        e.objectId(),
                        e.outcome(),
                        e.detail(),
                        e.prevMac(),
                        e.mac(),
                        e.apiTokenId(),
                        e.apiTokenName())
                .update();
    }

    void insert(AuditAnchor a) {
        jdbc.sql("""
                INSERT INTO audit_anchor (seq, mac, created_at, key_id, signature) VALUES (?,?,?,?,?)""")
                .params(a.seq(), a.mac(), utc(a.createdAt()), a.keyId(), a.signature())
                .update();
    }

    /** All entries in stored sequence order. */
    public List<AuditEntry> allEntries() {
        return jdbc.sql("""
                SELECT %s FROM audit_event ORDER BY seq""".formatted(COLUMNS)).query(ENTRY).list();
    }

    List<AuditEntry> entriesAfter(long seq) {
        return jdbc.sql("""
                SELECT %s FROM audit_event WHERE seq > ? ORDER BY seq""".formatted(COLUMNS)).param(seq).query(ENTRY).list();
    }

    Optional<AuditEntry> entry(long seq) {
        return jdbc.sql("""
                SELECT %s FROM audit_event WHERE seq = ?""".formatted(COLUMNS)).param(seq).query(ENTRY).optional();
    }

    public List<AuditAnchor> anchors() {
        return jdbc.sql("""
                SELECT seq, mac, created_at, key_id, signature FROM audit_anchor ORDER BY seq""")
                .query((rs, n) -> new AuditAnchor(
                        rs.getLong("seq"),
                        rs.getString("mac"),
                        instant(rs, "created_at"),
                        rs.getString("key_id"),
                        rs.getString("signature")))
                .list();
    }

    public Optional<AuditAnchor> lastAnchor() {
        List<AuditAnchor> last = jdbc.sql("""
                        SELECT seq, mac, created_at, key_id, signature FROM audit_anchor
                        WHERE seq = (SELECT MAX(seq) FROM audit_anchor)""")
                .query((rs, n) -> new AuditAnchor(
                        rs.getLong("seq"),
                        rs.getString("mac"),
                        instant(rs, "created_at"),
                        rs.getString("key_id"),
                        rs.getString("signature")))
                .list();
        return last.stream().findFirst();
    }

    /** Search criteria; null fields do not filter. {@code from} inclusive, {@code to} exclusive. */
    public record Filter(String action, String username, String outcome, Instant from, Instant to) {
        public static Filter none() {
            return new Filter(null, null, null, null, null);
        }
    }

    /** One page of entries, newest first. */
    public List<AuditEntry> search(Filter f, int page, int size) {
        List<Object> params = new ArrayList<>();
        String where = where(f, params);
        params.add(size);
        params.add((long) page * size);
        return jdbc.sql(SEARCH.formatted(COLUMNS, where, NEWEST_FIRST_PAGE))
                .params(params)
                .query(ENTRY)
                .list();
    }

    public long count(Filter f) {
        List<Object> params = new ArrayList<>();
        String where = where(f, params);
        return jdbc.sql(SEARCH.formatted(COUNT, where, ""))
                .params(params)
                .query(Long.class)
                .single();
    }

    /** Every matching entry in sequence order, for export. */
    public List<AuditEntry> all(Filter f) {
        List<Object> params = new ArrayList<>();
        String where = where(f, params);
        return jdbc.sql(SEARCH.formatted(COLUMNS, where, IN_SEQUENCE))
                .params(params)
                .query(ENTRY)
                .list();
    }

    private static String where(Filter f, List<Object> params) {
        List<String> clauses = new ArrayList<>();
        if (f.action() != null) {
            clauses.add("action = ?");
            params.add(f.action());
        }
        if (f.username() != null) {
            clauses.add("username = ?");
            params.add(f.username());
        }
        if (f.outcome() != null) {
            clauses.add("outcome = ?");
            params.add(f.outcome());
        }
        if (f.from() != null) {
            clauses.add("occurred_at >= ?");
            params.add(utc(f.from()));
        }
        if (f.to() != null) {
            clauses.add("occurred_at < ?");
            params.add(utc(f.to()));
        }
        return clauses.isEmpty() ? "" : WHERE.formatted(String.join("""
                \sAND\s""", clauses));
    }

    private static final RowMapper<AuditEntry> ENTRY = (rs, n) -> new AuditEntry(
            rs.getLong("seq"),
            instant(rs, "occurred_at"),
            rs.getString("username"),
            rs.getObject("organization_id", UUID.class),
            rs.getString("source_address"),
            rs.getString("action"),
            rs.getString("object_type"),
            rs.getString("object_id"),
            rs.getString("outcome"),
            rs.getString("detail"),
            rs.getString("prev_mac"),
            rs.getString("mac"),
            rs.getObject("api_token_id", UUID.class),
            rs.getString("api_token_name"));

    /**
     * Whether nothing was ever logged here: no entry and no chain head. Fails with {@code BadSqlGrammarException} before the audit tables exist.
     */
    boolean neverLogged() {
        long entries = jdbc.sql("""
                SELECT COUNT(*) FROM audit_event""").query(Long.class).single();
        long head = jdbc.sql("""
                SELECT COALESCE(MAX(last_seq), 0) FROM audit_head""").query(Long.class).single();
        return entries == 0 && head == 0;
    }
}
