package org.yunjian.report.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.assessment.Access;
import org.yunjian.party.Parties;
import org.yunjian.party.SystemQuery;
import org.yunjian.report.ReportSearch;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;
import org.yunjian.shared.Jdbc;
import org.yunjian.shared.paging.ListFilters;
import org.yunjian.shared.paging.PageQueries;
import org.yunjian.shared.paging.PageRequest;
import org.yunjian.shared.paging.Paged;

/**
 * {@link ReportSearch} over the sealed revisions, their assessments and the systems the caller sees: the same
 * visibility as the assessment pages ({@link Access#visibleSql}, {@link Parties#visibleSystemSummariesSql}).
 */
@Component
class ReportSearchQueries implements ReportSearch {

    private static final String SEARCH = """
            WITH vs AS (%s) SELECT %s FROM assessment_report_revision r JOIN assessment a ON a.id = r.assessment_id
            JOIN vs ON vs.id = a.system_id WHERE %s AND LOWER(r.report_number) LIKE :needle ESCAPE '!'""";

    private static final String COLUMNS = """
            r.assessment_id, r.report_number, r.revision, a.name AS assessment_name, vs.name AS system_name, r.approved_at""";

    private static final String COUNT = """
            COUNT(*)""";

    private static final String PAGE = """
            %s ORDER BY r.approved_at DESC, r.id %s""";

    private final Parties parties;
    private final JdbcClient jdbc;

    ReportSearchQueries(Parties parties, JdbcClient jdbc) {
        this.parties = parties;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Paged<Found> byNumber(String q, PageRequest page) {
        Optional<CurrentUser> u = CurrentUser.current().filter(c -> c.is(Role.USER) || c.is(Role.SYSTEM_ADMIN));
        Map<String, Object> params = new HashMap<>();
        Optional<String> systems =
                u.isEmpty() ? Optional.empty() : parties.visibleSystemSummariesSql(SystemQuery.none(), params);
        if (systems.isEmpty() || q == null || q.isBlank()) {
            return Paged.of(List.of(), page, 0);
        }
        params.put("needle", ListFilters.likeContains(q));
        String visible = Access.visibleSql(u.get(), "a", "vs", params);
        long total = jdbc.sql(SEARCH.formatted(systems.get(), COUNT, visible))
                .params(params)
                .query(Long.class)
                .single();
        if (total == 0 || page.offset() >= total) {
            return Paged.of(List.of(), page, total);
        }
        return Paged.of(
                jdbc.sql(PAGE.formatted(SEARCH.formatted(systems.get(), COLUMNS, visible), PageQueries.LIMIT_OFFSET))
                        .params(PageQueries.bind(page, params))
                        .query((rs, n) -> new Found(
                                rs.getObject("assessment_id", UUID.class),
                                rs.getString("report_number"),
                                rs.getInt("revision"),
                                rs.getString("assessment_name"),
                                rs.getString("system_name"),
                                Jdbc.instant(rs, "approved_at")))
                        .list(),
                page,
                total);
    }
}
