package org.yunjian.shared.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yunjian.shared.FieldErrors;

class PageRequestTests {

    @Test
    void aListComputedInJavaIsFilteredLikeTheSqlOne() {
        assertThat(ListFilters.contains(null, "anything")).isTrue();
        assertThat(ListFilters.contains("mlps", null, "MLPS-L3:8.1.1")).isTrue();
        assertThat(ListFilters.contains("身份鉴别", "访问控制", null)).isFalse();
        assertThat(ListFilters.contains("50%", "50% done")).isTrue();
        assertThat(ListFilters.contains("50%", "500 done")).isFalse();
    }

    @Test
    void defaultsToTheFirstPageOfFifty() {
        assertThat(PageRequest.of(null, " ")).isEqualTo(new PageRequest(1, 50));
        assertThat(PageRequest.of("3", "20").offset()).isEqualTo(40);
        // the page's LIMIT and OFFSET are bound parameters, no longer numbers written into the SQL
        assertThat(PageQueries.bind(PageRequest.of("3", "20"), new java.util.HashMap<>()))
                .containsEntry("pageLimit", 20)
                .containsEntry("pageOffset", 40L);
        assertThat(PageQueries.LIMIT_OFFSET).isEqualTo("LIMIT :pageLimit OFFSET :pageOffset");
    }

    @Test
    void capsThePageSizeAtTwoHundred() {
        assertThat(PageRequest.of("1", "200").size()).isEqualTo(200);
        assertThatThrownBy(() -> PageRequest.of("1", "201"))
                .isInstanceOfSatisfying(FieldErrors.ValidationException.class, e -> assertThat(e.messages())
                        .containsOnlyKeys("size"));
    }

    @Test
    void namesEachBadParameter() {
        for (String bad : List.of("0", "-1", "abc", "1.5", "99999999999", "1e3")) {
            assertThatThrownBy(() -> PageRequest.of(bad, bad))
                    .isInstanceOfSatisfying(FieldErrors.ValidationException.class, e -> assertThat(e.messages())
                            .containsOnlyKeys("page", "size"));
        }
    }

    @Test
    void countsPagesFromTheTotal() {
        Paged<Integer> p = Paged.of(List.of(1, 2), new PageRequest(2, 20), 1005);
        assertThat(p.pages()).isEqualTo(51);
        assertThat(p.hasPrevious()).isTrue();
        assertThat(p.hasNext()).isTrue();
        assertThat(Paged.of(List.of(), PageRequest.first(), 0).pages()).isEqualTo(1);
        assertThat(Paged.slice(List.of(1, 2, 3, 4, 5), new PageRequest(2, 2)).items())
                .containsExactly(3, 4);
        assertThat(Paged.slice(List.of(1, 2, 3), new PageRequest(9, 2)).items()).isEmpty();
    }

    @Test
    void pagerLinksKeepTheFilters() {
        Pager pager = Pager.of(
                Paged.of(List.of(), new PageRequest(2, 20), 1005),
                "/systems",
                new java.util.LinkedHashMap<>(Map.of("q", "政务 云", "level", 3)));
        assertThat(pager.next())
                .startsWith("/systems?")
                .contains("page=3")
                .contains("size=20")
                .contains("level=3")
                .contains("q=%E6%94%BF%E5%8A%A1%20%E4%BA%91");
        assertThat(pager.first()).contains("page=1");
        assertThat(pager.last()).contains("page=51");
        Pager only = Pager.of(Paged.of(List.of(), PageRequest.first(), 3), "/systems", Map.of("q", ""));
        assertThat(only.next()).isNull();
        assertThat(only.previous()).isNull();
    }
}
