package org.yunjian.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The cross-references: the obligations the issue names line up across the standards. */
class CatalogMappingsTest {

    private final Catalog catalog = TestCatalogs.shipped();

    private Set<String> standardsOf(String topic) {
        return catalog.mappings().stream()
                .filter(m -> m.topic().equals(topic))
                .flatMap(m -> Stream.of(m.from(), m.to()))
                .map(RequirementId::standardCode)
                .collect(Collectors.toSet());
    }

    @Test
    void exitDataReturnAndDeletionLineUpAcrossAllFiveStandards() {
        Set<String> all = catalog.standards().stream().map(Standard::code).collect(Collectors.toSet());
        assertThat(all).hasSize(5);
        assertThat(standardsOf("EXIT_DATA_RETURN")).isEqualTo(all);
        assertThat(standardsOf("EXIT_DATA_DELETION")).isEqualTo(all);
    }

    @Test
    void providerSelectionLinesUpInAtLeastThreeStandards() {
        assertThat(standardsOf("PROVIDER_SELECTION")).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void everyMappingJoinsDifferentStandardsOnceWithARationale() {
        List<Mapping> mappings = catalog.mappings();
        assertThat(mappings).isNotEmpty().allSatisfy(m -> {
            assertThat(catalog.requirement(m.from())).isPresent();
            assertThat(catalog.requirement(m.to())).isPresent();
            assertThat(m.from().standardCode()).isNotEqualTo(m.to().standardCode());
            assertThat(m.rationale()).isNotBlank();
            assertThat(m.rationaleZh()).containsPattern("\\p{IsHan}");
        });
        assertThat(mappings.stream().map(m -> Set.of(m.from(), m.to())).distinct())
                .hasSameSizeAs(mappings);
    }

    @Test
    void aRequirementFindsItsCounterparts() {
        RequirementId residual = RequirementId.of("MLPS-L3-8.2.4.7-a");
        assertThat(catalog.mappings(residual))
                .extracting(m -> m.other(residual).value())
                .contains("TCCIA004-8.3-b-2");
        RequirementId revoke = RequirementId.of("GBT31167-9.1-d");
        assertThat(catalog.mappings(revoke)).extracting(Mapping::relation).containsOnly(Mapping.Relation.EQUAL);
    }
}
