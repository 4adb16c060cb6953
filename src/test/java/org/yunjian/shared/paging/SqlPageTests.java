package org.yunjian.shared.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.yunjian.shared.FieldErrors;

/** The shared WHERE builder of the paged lists and the list-parameter parsing; the SQL runs in ListPagingTests. */
class SqlPageTests {

    enum Colour {
        RED,
        GREEN
    }

    @Test
    void buildsOnlyTheConditionsGivenWithTheirParameters() {
        assertThat(new PageQueries.Where()
                        .contains("q", null, "name")
                        .equal("status", "status", null)
                        .sql())
                .isEmpty();
        PageQueries.Where w = new PageQueries.Where()
                .in("system_id", "ids", null)
                .contains("q", "50%_x", "u", "d")
                .equal("role", "role", Colour.RED);
        assertThat(w.sql())
                .isEqualTo(" WHERE (LOWER(u) LIKE :q ESCAPE '!' OR LOWER(d) LIKE :q ESCAPE '!')" + " AND role = :role");
        assertThat(w.params()).containsEntry("q", "%50!%!_x%").containsEntry("role", "RED");
        assertThat(w.matchesNothing()).isFalse();
    }

    @Test
    void anEmptyInListMatchesNothingWithoutAskingTheDatabase() {
        PageQueries.Where w = new PageQueries.Where().in("system_id", "ids", List.of());
        assertThat(w.matchesNothing()).isTrue();
        Paged<String> page = PageQueries.query(null, "*", "t", w, "id", PageRequest.of("2", "10"), s -> List.of("x"));
        assertThat(page.items()).isEmpty();
        assertThat(page.total()).isZero();
        assertThat(page.page()).isEqualTo(2);
        assertThat(new PageQueries.Where()
                        .in("system_id", "ids", List.of(UUID.randomUUID()))
                        .sql())
                .isEqualTo(" WHERE system_id IN (:ids)");
    }

    @Test
    void aListQueryParsesItsFiltersThenItsPage() {
        var q = ListFilters.Query.of(" 云 ", "colour", "green", Colour.class, "3", "20");
        assertThat(q.text()).isEqualTo("云");
        assertThat(q.choice()).isEqualTo(Colour.GREEN);
        assertThat(q.page()).isEqualTo(new PageRequest(3, 20));
        assertThat(q.filters("systemId", null).keySet()).containsExactly("systemId", "q", "colour");
        assertThat(q.filters())
                .containsEntry("q", "云")
                .containsEntry("colour", Colour.GREEN)
                .hasSize(2);
        assertThatThrownBy(() -> ListFilters.Query.of(null, "colour", "blue", Colour.class, "0", null))
                .isInstanceOfSatisfying(FieldErrors.ValidationException.class, e -> assertThat(e.messages())
                        .containsOnlyKeys("colour"));
        assertThatThrownBy(() -> ListFilters.Query.of("x".repeat(201), "colour", null, Colour.class, null, "201"))
                .isInstanceOfSatisfying(FieldErrors.ValidationException.class, e -> assertThat(e.messages())
                        .containsOnlyKeys("q"));
    }
}
