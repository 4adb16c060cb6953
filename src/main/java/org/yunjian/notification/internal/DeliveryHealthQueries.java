package org.yunjian.notification.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.OrganizationDirectory;
import org.yunjian.security.Role;
import org.yunjian.shared.ForbiddenException;
import org.yunjian.shared.Jdbc;
import org.yunjian.shared.Msg;

/**
 * Whether notifications reach people, as the platform's system and security administrators see it (issue 56, 三权分立):
 * per organisation and overall, how many deliveries wait, wait to be retried, were delivered or finally failed, when
 * the last one failed and the category of its failure — never a task's text, a recipient, a robot or its address,
 * nor the recorded error, which are the organisation's business ({@link DeliveryRecordQueries}, for its 组织管理员).
 */
@Service
public class DeliveryHealthQueries {

    /** The platform's operators who see it. */
    static final Set<Role> READERS = EnumSet.of(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN);

    /**
     * Counts of deliveries by state: {@code pending} not tried yet, {@code retrying} failed at least once and due
     * again, {@code sent}, {@code failed} for good; the last final failure's time and category.
     */
    public record Counts(
            long pending, long retrying, long sent, long failed, Instant lastFailureAt, FailureCategory lastFailure) {

        static final Counts NONE = new Counts(0, 0, 0, 0, null, null);

        Counts plus(Counts o) {
            boolean theirs =
                    o.lastFailureAt != null && (lastFailureAt == null || o.lastFailureAt.isAfter(lastFailureAt));
            return new Counts(
                    pending + o.pending,
                    retrying + o.retrying,
                    sent + o.sent,
                    failed + o.failed,
                    theirs ? o.lastFailureAt : lastFailureAt,
                    theirs ? o.lastFailure : lastFailure);
        }
    }

    /** One organisation's deliveries (e-mail to its people and its robots' messages), by name. */
    public record OrganizationHealth(UUID organizationId, String organizationName, Counts counts) {}

    /**
     * The whole platform: the total, the organisations that have deliveries (those with final failures first, then by
     * name), the deliveries of no organisation (the administrators' e-mail and every daily digest) and the final
     * failures by category.
     */
    public record HealthOverview(
            Counts total,
            List<OrganizationHealth> organizations,
            Counts withoutOrganization,
            Map<FailureCategory, Long> failuresByCategory) {}

    private final JdbcClient jdbc;
    private final ObjectProvider<OrganizationDirectory> organizations;

    DeliveryHealthQueries(JdbcClient jdbc, ObjectProvider<OrganizationDirectory> organizations) {
        this.jdbc = jdbc;
        this.organizations = organizations;
    }

    /** The overview; a caller other than a system or security administrator is refused with the reason. */
    @Transactional(readOnly = true)
    public HealthOverview overview() {
        CurrentUser u = CurrentUser.require();
        if (!READERS.contains(u.role())) {
            throw new ForbiddenException(Msg.of("notification.health.error.notPlatformOperator"));
        }
        Map<Optional<UUID>, long[]> states = new HashMap<>();
        jdbc.sql("""
                        SELECT organization_id, status, CASE WHEN last_error IS NULL THEN 0 ELSE 1 END AS tried,
                        COUNT(*) AS n FROM notification_delivery
                        GROUP BY organization_id, status, CASE WHEN last_error IS NULL THEN 0 ELSE 1 END""").query(rs -> {
            long[] c = states.computeIfAbsent(
                    Optional.ofNullable(rs.getObject("organization_id", UUID.class)), k -> new long[4]);
            long n = rs.getLong("n");
            switch (rs.getString("status")) {
                case "PENDING" -> c[rs.getInt("tried") == 0 ? 0 : 1] += n;
                case "SENT" -> c[2] += n;
                case "FAILED" -> c[3] += n;
                default -> {}
            }
        });
        Map<Optional<UUID>, Counts> last = new HashMap<>();
        Map<FailureCategory, Long> byCategory = new EnumMap<>(FailureCategory.class);
        jdbc.sql("""
                        SELECT organization_id, channel, last_error, COUNT(*) AS n, MAX(finished_at) AS at
                        FROM notification_delivery WHERE status = 'FAILED'
                        GROUP BY organization_id, channel, last_error""").query(rs -> {
            FailureCategory category = Optional.ofNullable(
                            FailureCategory.of(rs.getString("channel"), rs.getString("last_error")))
                    .orElse(FailureCategory.OTHER);
            byCategory.merge(category, rs.getLong("n"), Long::sum);
            Instant at = rs.getObject("at") == null ? null : Jdbc.instant(rs, "at");
            last.merge(
                    Optional.ofNullable(rs.getObject("organization_id", UUID.class)),
                    new Counts(0, 0, 0, 0, at, category),
                    Counts::plus);
        });
        Map<UUID, String> names = names();
        List<OrganizationHealth> rows = new ArrayList<>();
        Counts total = Counts.NONE;
        Counts none = Counts.NONE;
        for (Map.Entry<Optional<UUID>, long[]> e : states.entrySet()) {
            long[] c = e.getValue();
            Counts counts =
                    new Counts(c[0], c[1], c[2], c[3], null, null).plus(last.getOrDefault(e.getKey(), Counts.NONE));
            total = total.plus(counts);
            if (e.getKey().isEmpty()) {
                none = counts;
            } else {
                UUID org = e.getKey().get();
                rows.add(new OrganizationHealth(org, names.getOrDefault(org, ""), counts));
            }
        }
        rows.sort(Comparator.comparing((OrganizationHealth h) -> h.counts().failed() == 0)
                .thenComparing(OrganizationHealth::organizationName));
        return new HealthOverview(total, List.copyOf(rows), none, byCategory);
    }

    private Map<UUID, String> names() {
        OrganizationDirectory directory = organizations.getIfAvailable();
        Map<UUID, String> names = new HashMap<>();
        if (directory != null) {
            directory.all().forEach(o -> names.put(o.id(), o.name()));
        }
        return names;
    }
}
