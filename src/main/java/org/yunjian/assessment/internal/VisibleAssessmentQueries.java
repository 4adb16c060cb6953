package org.yunjian.assessment.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.assessment.Access;
import org.yunjian.assessment.AssessmentDirectory;
import org.yunjian.assessment.AssessmentService;
import org.yunjian.assessment.AssessmentStatus;
import org.yunjian.party.Parties;
import org.yunjian.party.SystemQuery;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;
import org.yunjian.shared.paging.ListFilters;
import org.yunjian.shared.paging.PageQueries;
import org.yunjian.shared.paging.PageRequest;
import org.yunjian.shared.paging.Paged;

/** {@link AssessmentDirectory} over the service's own visibility rules. */
@Component
class VisibleAssessmentQueries implements AssessmentDirectory {

    /** The visible assessments whose name or system's name contains {@code :needle}: systems, columns, access. */
    private static final String SEARCH = """
            WITH vs AS (%s) SELECT %s FROM assessment a JOIN vs ON vs.id = a.system_id
            WHERE %s AND (LOWER(a.name) LIKE :needle ESCAPE '!' OR LOWER(vs.name) LIKE :needle ESCAPE '!')""";

    private static final String MATCH_COLUMNS = """
            a.id, a.name, a.system_id, vs.name AS system_name, a.status""";
    private static final String SEARCH_PAGE = """
            %s ORDER BY a.created_at DESC, a.id %s""";

    private final AssessmentService service;
    private final Parties parties;
    private final JdbcClient jdbc;

    VisibleAssessmentQueries(AssessmentService service, Parties parties, JdbcClient jdbc) {
        this.service = service;
        this.parties = parties;
        this.jdbc = jdbc;
    }

    private static Optional<CurrentUser> reader() {
        return CurrentUser.current().filter(u -> u.is(Role.USER) || u.is(Role.SYSTEM_ADMIN));
    }

    @Override
    public List<Summary> visible(UUID systemId) {
        if (reader().isEmpty()) {
            return List.of();
        }
        return service.list(systemId).stream()
                .map(a -> new Summary(
                        a.id(), a.name(), a.systemId(), a.status(), a.completedAt(), a.assessorKind(), a.scope()))
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Paged<Match> search(String q, PageRequest page) {
        Optional<CurrentUser> u = reader();
        Map<String, Object> params = new HashMap<>();
        Optional<String> systems =
                u.isEmpty() ? Optional.empty() : parties.visibleSystemSummariesSql(SystemQuery.none(), params);
        if (systems.isEmpty()) {
            return Paged.of(List.of(), page, 0);
        }
        params.put("needle", ListFilters.likeContains(q));
        String visible = Access.visibleSql(u.get(), "a", "vs", params);
        long total = jdbc.sql(SEARCH.formatted(systems.get(), """
                COUNT(*)""", visible))
                .params(params)
                .query(Long.class)
                .single();
        if (total == 0 || page.offset() >= total) {
            return Paged.of(List.of(), page, total);
        }
        return Paged.of(
                jdbc.sql(SEARCH_PAGE.formatted(
                                SEARCH.formatted(systems.get(), MATCH_COLUMNS, visible), PageQueries.LIMIT_OFFSET))
                        .params(PageQueries.bind(page, params))
                        .query((rs, n) -> new Match(
                                rs.getObject("id", UUID.class),
                                rs.getString("name"),
                                rs.getObject("system_id", UUID.class),
                                rs.getString("system_name"),
                                AssessmentStatus.valueOf(rs.getString("status"))))
                        .list(),
                page,
                total);
    }
}
