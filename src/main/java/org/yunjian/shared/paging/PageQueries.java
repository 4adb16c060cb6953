package org.yunjian.shared.paging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One page of a table read in SQL (ADR 009), written once: the {@code COUNT(*)} over the {@link Where}, then — unless
 * the list is empty or the page lies past its end — the {@code SELECT … WHERE … ORDER BY … LIMIT n OFFSET m} of the
 * page's rows, the same SQL on H2 and PostgreSQL.
 */
public final class PageQueries {

    private static final String COUNT = """
            SELECT COUNT(*) FROM %s%s""";
    private static final String PAGE = """
            SELECT %s FROM %s%s ORDER BY %s %s""";
    /** The SQL tail of one page, the same on H2 and PostgreSQL; {@link #bind} sets its two parameters. */
    public static final String LIMIT_OFFSET = """
            LIMIT :pageLimit OFFSET :pageOffset""";

    private static final String WHERE = """
            \sWHERE %s""";
    private static final String AND = """
            \sAND\s""";
    private static final String OR = """
            \sOR\s""";
    private static final String LIKE = """
            LOWER(%s) LIKE :%s ESCAPE '!'""";
    private static final String EQUAL = """
            %s = :%s""";
    private static final String IN = """
            %s IN (:%s)""";
    private static final String PARENTHESES = """
            (%s)""";

    private PageQueries() {}

    /** Binds the page's {@link #LIMIT_OFFSET} in {@code params}; returns them. */
    public static Map<String, Object> bind(PageRequest page, Map<String, Object> params) {
        params.put("pageLimit", page.size());
        params.put("pageOffset", page.offset());
        return params;
    }

    /**
     * {@code columns}: what to select ({@code "o.id, o.name"}); {@code from}: the table with its alias;
     * {@code orderBy}: a total order (end it with the id); {@code rows}: reads the rows of the prepared statement.
     */
    public static <T> Paged<T> query(
            JdbcClient jdbc,
            String columns,
            String from,
            Where where,
            String orderBy,
            PageRequest page,
            Function<JdbcClient.StatementSpec, List<T>> rows) {
        if (where.matchesNothing()) {
            return Paged.of(List.of(), page, 0);
        }
        long total = jdbc.sql(COUNT.formatted(from, where.sql()))
                .params(where.params())
                .query(Long.class)
                .single();
        if (total == 0 || page.offset() >= total) {
            return Paged.of(List.of(), page, total);
        }
        return Paged.of(
                rows.apply(jdbc.sql(PAGE.formatted(columns, from, where.sql(), orderBy, LIMIT_OFFSET))
                        .params(bind(page, new HashMap<>(where.params())))),
                page,
                total);
    }

    /** The conditions of a list's {@code WHERE}, joined by {@code AND}, with their named parameters. */
    public static final class Where {

        private final List<String> conditions = new ArrayList<>();
        private final Map<String, Object> params = new HashMap<>();
        private boolean nothing;

        /** A condition without parameters of its own (bind them with {@link #param}). */
        public Where and(String condition) {
            conditions.add(condition);
            return this;
        }

        /** A condition using {@code :name}, bound to {@code value}. */
        public Where and(String condition, String name, Object value) {
            return and(condition).param(name, value);
        }

        public Where param(String name, Object value) {
            params.put(name, value);
            return this;
        }

        /** {@code column = :name} unless {@code value} is null (no filter); an enum binds its name. */
        public Where equal(String column, String name, Object value) {
            if (value == null) {
                return this;
            }
            return and(EQUAL.formatted(column, name), name, value instanceof Enum<?> e ? e.name() : value);
        }

        /**
         * Any of {@code columns} contains {@code text}, any case ({@link ListFilters#likeContains}), unless
         * {@code text} is null.
         */
        public Where contains(String name, String text, String... columns) {
            if (text == null) {
                return this;
            }
            List<String> likes = new ArrayList<>();
            for (String c : columns) {
                likes.add(LIKE.formatted(c, name));
            }
            String any = String.join(OR, likes);
            return and(columns.length == 1 ? any : PARENTHESES.formatted(any), name, ListFilters.likeContains(text));
        }

        /** {@code column IN (:name)}: {@code null} = no filter, empty = no row. */
        public Where in(String column, String name, Collection<?> values) {
            if (values == null) {
                return this;
            }
            if (values.isEmpty()) {
                nothing = true;
                return this;
            }
            return and(IN.formatted(column, name), name, values);
        }

        /** Whether no row can match (an empty {@link #in}): the page is empty without asking the database. */
        public boolean matchesNothing() {
            return nothing;
        }

        /** {@code ""} or {@code " WHERE a AND b"}. */
        public String sql() {
            return conditions.isEmpty() ? "" : WHERE.formatted(String.join(AND, conditions));
        }

        public Map<String, Object> params() {
            return params;
        }
    }
}
