package org.yunjian.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogSearchTest {

    private final Catalog catalog = TestCatalogs.shipped();

    private List<String> ids(String query, RequirementFilter filter) {
        return catalog.search(query, filter).stream()
                .map(h -> h.requirement().id().value())
                .toList();
    }

    private static final List<String> RESIDUAL_ITEMS = List.of("MLPS-L3-8.2.4.7-a", "MLPS-L3-8.2.4.7-b");

    @Test
    void chinese_residual_information_finds_the_8_2_4_7_items() {
        assertThat(catalog.find(RequirementFilter.items().standard("MLPS-L3")).stream()
                        .filter(r -> r.clause().equals("8.2.4.7"))
                        .map(r -> r.id().value())
                        .toList())
                .isEqualTo(RESIDUAL_ITEMS);
        List<String> hits = ids("剩余信息", RequirementFilter.any());
        assertThat(hits).containsAll(RESIDUAL_ITEMS);
        assertThat(hits.subList(0, 3)).containsAnyElementsOf(RESIDUAL_ITEMS);
    }

    @Test
    void english_residual_information_finds_the_8_2_4_7_items() {
        List<String> hits = ids("residual information", RequirementFilter.any());
        assertThat(hits).containsAll(RESIDUAL_ITEMS);
        assertThat(hits.subList(0, 3)).containsAnyElementsOf(RESIDUAL_ITEMS);
        assertThat(ids("Residual Information", RequirementFilter.items())).containsAll(RESIDUAL_ITEMS);
    }

    @Test
    void chinese_is_matched_by_bigrams_not_by_scattered_characters() {
        // 剩余 and 信息 both occur in many texts; the query needs every bigram, 余信 included
        assertThat(catalog.search("剩余信息", RequirementFilter.any())).allSatisfy(h -> {
            String all = String.join(
                    "\n",
                    String.valueOf(h.requirement().text()),
                    String.valueOf(h.requirement().title()),
                    h.requirement().notes().toString(),
                    String.valueOf(h.requirement().mlps()),
                    h.requirement().id().value());
            assertThat(all.contains("剩余信")
                            || all.contains("余信息")
                            || h.requirement().clause().startsWith("8.2.4.7"))
                    .as(h.requirement().id().value())
                    .isTrue();
        });
        assertThat(catalog.search("数据删除", RequirementFilter.items())).isNotEmpty();
    }

    @Test
    void search_combines_with_the_filters() {
        assertThat(ids("剩余信息", RequirementFilter.items().standard("MLPS-L3")))
                .containsAll(RESIDUAL_ITEMS)
                .allMatch(id -> id.startsWith("MLPS-L3-"));
        List<SearchHit> exit =
                catalog.search("数据", RequirementFilter.items().phase(Phase.EXIT).role(PartyRole.PROVIDER));
        assertThat(exit)
                .isNotEmpty()
                .allMatch(h -> h.requirement().phases().contains(Phase.EXIT)
                        && h.requirement().roles().contains(PartyRole.PROVIDER));
        assertThat(catalog.search("云服务", RequirementFilter.items().layer(Layer.INFRASTRUCTURE)))
                .isNotEmpty()
                .allMatch(h -> h.requirement().layer() == Layer.INFRASTRUCTURE);
        assertThat(catalog.search("cloud", RequirementFilter.items().deploymentModel(DeploymentModel.PRIVATE)))
                .isNotEmpty()
                .allMatch(h -> h.requirement().appliesTo(DeploymentModel.PRIVATE));
    }

    @Test
    void results_are_ranked_and_ids_and_clauses_are_searchable() {
        List<SearchHit> hits = catalog.search("residual information", RequirementFilter.any());
        for (int i = 1; i < hits.size(); i++) {
            assertThat(hits.get(i).score()).isLessThanOrEqualTo(hits.get(i - 1).score());
        }
        assertThat(ids("MLPS-L3-8.2.4.7-a", RequirementFilter.any())).startsWith("MLPS-L3-8.2.4.7-a");
        assertThat(ids("8.2.4.7", RequirementFilter.items())).containsAll(RESIDUAL_ITEMS);
    }

    @Test
    void english_words_are_stemmed_and_blank_or_unknown_queries_find_nothing() {
        assertThat(SearchIndex.stem("information")).isEqualTo(SearchIndex.stem("informs"));
        assertThat(SearchIndex.stem("residual")).isEqualTo(SearchIndex.stem("residue"));
        assertThat(SearchIndex.stem("policies")).isEqualTo(SearchIndex.stem("policy"));
        assertThat(catalog.search("  ", RequirementFilter.any())).isEmpty();
        assertThat(catalog.search("xyzzyplugh", RequirementFilter.any())).isEmpty();
        assertThat(catalog.search("鬱鬱", RequirementFilter.any())).isEmpty();
    }
}
