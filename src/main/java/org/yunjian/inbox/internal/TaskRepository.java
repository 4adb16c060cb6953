package org.yunjian.inbox.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunjian.shared.Jdbc;
import org.yunjian.shared.paging.PageQueries;
import org.yunjian.shared.paging.PageRequest;
import org.yunjian.shared.paging.Paged;
import org.yunjian.shared.work.WorkAddressee;
import org.yunjian.shared.work.WorkTask;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The open tasks ({@code work_task}) and the per-scope lock ({@code work_scope}), in SQL the same on H2 and PostgreSQL. */
@Repository
class TaskRepository {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    /** A stored open task. */
    record Stored(UUID id, String scope, WorkTask task, Instant openedAt) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate separately;
    private final JsonMapper json = JsonMapper.builder().build();

    TaskRepository(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Locks the scope's row until the current transaction ends, so that snapshots of one scope apply one after
     * another. The row of a scope seen for the first time is inserted in a transaction of its own (committed at
     * once), so two first snapshots of a scope never collide on the insert inside the publishers' transactions.
     */
    void lockScope(String scope, Instant now) {
        if (touch(scope, now)) {
            return;
        }
        try {
            separately.executeWithoutResult(s ->
                    jdbc.sql("""
                            INSERT INTO work_scope (scope, changed_at) SELECT ?,
                            CAST(? AS TIMESTAMP WITH TIME ZONE) WHERE NOT EXISTS (SELECT 1 FROM work_scope WHERE scope = ?)""").param(scope).param(Jdbc.utc(now)).param(scope).update());
        } catch (DataIntegrityViolationException anotherTransactionInsertedFirst) {
            // the row exists now: lock it below
        }
        if (!touch(scope, now)) {
            throw new IllegalStateException("work_scope: " + scope);
        }
    }

    private boolean touch(String scope, Instant now) {
        return jdbc.sql("""
                UPDATE work_scope SET changed_at = ? WHERE scope = ?""").param(Jdbc.utc(now)).param(scope).update() == 1;
    }

    List<Stored> open(String scope) {
        return jdbc.sql("""
                SELECT * FROM work_task WHERE scope = ?""").param(scope).query(this::row).list();
    }

    void insert(UUID id, String scope, WorkTask t, Instant openedAt) {
        WorkAddressee to = t.to();
        jdbc.sql("""
                        INSERT INTO work_task (id, scope, task_key, kind, args, href, to_user, to_organization, to_role,
                        except_users, due, opened_at, to_system) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .param(id)
                .param(scope)
                .param(t.key())
                .param(t.kind())
                .param(json.writeValueAsString(t.args()))
                .param(t.href())
                .param(to.user())
                .param(to.organization())
                .param(to.administratorRole())
                .param(to.exceptText())
                .param(t.due())
                .param(Jdbc.utc(openedAt))
                .param(to.system())
                .update();
    }

    /** The text, link and due date of a task that still waits for the same people. */
    void update(UUID id, WorkTask t) {
        jdbc.sql("""
                UPDATE work_task SET kind = ?, args = ?, href = ?, due = ? WHERE id = ?""")
                .param(t.kind())
                .param(json.writeValueAsString(t.args()))
                .param(t.href())
                .param(t.due())
                .param(id)
                .update();
    }

    void delete(UUID id) {
        jdbc.sql("""
                DELETE FROM work_task WHERE id = ?""").param(id).update();
    }

    /** The scopes holding a task opened before {@code before}. */
    List<String> scopesOpenedBefore(Instant before) {
        return jdbc.sql("""
                SELECT DISTINCT scope FROM work_task WHERE opened_at < ?""").param(Jdbc.utc(before)).query(String.class).list();
    }

    /** One page of the tasks waiting for {@code who}: due first (soonest first), then the newest. */
    Paged<Stored> waitingFor(Reader who, PageRequest page) {
        return PageQueries.query(jdbc, "*", "work_task", where(who), """
                CASE WHEN due IS NULL THEN 1 ELSE 0 END, due,
                opened_at DESC, id""", page, spec -> spec.query(this::row)
                .list());
    }

    long countFor(Reader who) {
        PageQueries.Where w = where(who);
        return jdbc.sql("""
                SELECT COUNT(*) FROM work_task%s""".formatted(w.sql()))
                .params(w.params())
                .query(Long.class)
                .single();
    }

    /**
     * The person asking: addressed as themselves, as a business user of their organisation, or by their role; {@code
     * systems}: the systems they are limited to (need to know), {@code null} when they see all of their organisation's.
     */
    record Reader(UUID user, UUID organization, String administratorRole, java.util.Set<UUID> systems) {}

    private static PageQueries.Where where(Reader who) {
        List<String> any = new ArrayList<>();
        PageQueries.Where w = new PageQueries.Where();
        any.add("to_user = :me");
        if (who.organization() != null) {
            if (who.systems() == null) {
                any.add("to_organization = :org");
            } else if (who.systems().isEmpty()) {
                // AND binds before the ORs that join the addressees
                any.add("""
                        to_organization = :org AND to_system IS NULL""");
            } else {
                any.add("""
                        to_organization = :org AND (to_system IS NULL OR to_system IN (:mine))""");
                w.param("mine", who.systems());
            }
            w.param("org", who.organization());
        }
        if (who.administratorRole() != null) {
            any.add("to_role = :role");
            w.param("role", who.administratorRole());
        }
        return w.and("(" + String.join("""
                \sOR\s""", any) + ")", "me", who.user())
                // the excepted people, stored as their ids joined by commas (a UUID holds no LIKE wildcard)
                .and("""
                        (except_users IS NULL OR except_users NOT LIKE :meAnywhere)""", "meAnywhere", "%" + who.user() + "%");
    }

    private Stored row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        UUID user = rs.getObject("to_user", UUID.class);
        UUID org = rs.getObject("to_organization", UUID.class);
        String role = rs.getString("to_role");
        WorkAddressee to = new WorkAddressee(
                user,
                org,
                role,
                WorkAddressee.exceptOf(rs.getString("except_users")),
                rs.getObject("to_system", UUID.class));
        LocalDate due = rs.getObject("due", LocalDate.class);
        WorkTask task = new WorkTask(
                rs.getString("task_key"),
                rs.getString("kind"),
                json.readValue(rs.getString("args"), STRINGS),
                rs.getString("href"),
                to,
                due);
        return new Stored(rs.getObject("id", UUID.class), rs.getString("scope"), task, Jdbc.instant(rs, "opened_at"));
    }
}
