package org.yunjian.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yunjian.catalog.internal.CatalogLoading;
import org.yunjian.catalog.internal.ForeignControlsLoading;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ForeignControlsTest {

    private static final Catalog CATALOG = CatalogLoading.fromClasspath();
    private static final Path SHARED = Path.of("../shared/oscal");

    @Test
    void everySpellingOfAControlIdIsOne() {
        assertThat(ForeignControls.normalised("AC-2(1)")).contains("ac-2.1");
        assertThat(ForeignControls.normalised("ac-02.01")).contains("ac-2.1");
        assertThat(ForeignControls.normalised(" au-1 ")).contains("au-1");
        assertThat(ForeignControls.normalised("ac-2_smt.a")).isEmpty();
        assertThat(ForeignControls.normalised("MLPS-L3-8.2.1.1")).isEmpty();
        assertThat(ForeignControls.normalised(null)).isEmpty();
    }

    @Test
    void theShippedCrosswalkLoadsAgainstTheCatalogAndAnswersBothWays() {
        ForeignControls controls = ForeignControlsLoading.fromClasspath(CATALOG);
        assertThat(controls.framework()).isEqualTo("NIST SP 800-53 Rev. 5");
        assertThat(controls.isMapped("AC-2")).isTrue();
        assertThat(controls.mapsOf("zz-1")).isEmpty();
        for (ControlMap m : controls.all()) {
            assertThat(CATALOG.requirement(m.item())).as(m.item().value()).isPresent();
            assertThat(controls.mapsTo(m.item())).contains(m);
            assertThat(m.rationale()).isNotBlank();
            assertThat(m.rationaleZh()).isNotBlank();
        }
    }

    @Test
    void everyLevel3ItemIsMappedOrListedAsUnmappedWithItsReasonNeverBoth() {
        ForeignControls controls = ForeignControlsLoading.fromClasspath(CATALOG);
        List<Requirement> items = CATALOG.find(RequirementFilter.items().standard("MLPS-L3"));
        assertThat(items).hasSize(46);
        int mapped = 0;
        for (Requirement r : items) {
            boolean isMapped = !controls.mapsTo(r.id()).isEmpty();
            Optional<UnmappedItem> unmapped = controls.unmapped(r.id());
            assertThat(isMapped ^ unmapped.isPresent())
                    .as("%s mapped or listed as unmapped, not both", r.id().value())
                    .isTrue();
            unmapped.ifPresent(u -> {
                assertThat(u.reason()).isNotBlank();
                assertThat(u.reasonZh()).isNotBlank();
            });
            mapped += isMapped ? 1 : 0;
        }
        assertThat(mapped).isEqualTo(40);
        assertThat(controls.unmappedItems()).hasSize(6);
        assertThat(controls.review().scope()).containsExactly("MLPS-L3");
        assertThat(controls.review().method()).isEqualTo("human");
    }

    @Test
    void everyMapIsReviewedWithConfidenceRationaleAndGapInBothLanguages() {
        ForeignControls controls = ForeignControlsLoading.fromClasspath(CATALOG);
        for (ControlMap m : controls.all()) {
            String where = m.controlId() + " → " + m.item().value();
            assertThat(m.confidence()).as(where).isBetween(1, 100);
            assertThat(m.relationship())
                    .as("%s: no two texts here say the same thing", where)
                    .isEqualTo(ControlMap.Relationship.INTERSECTS_WITH);
            assertThat(m.gap()).as(where).isNotBlank();
            assertThat(m.gapZh()).as(where).isNotBlank();
            assertThat(m.rationaleZh()).as(where).containsPattern("\\p{IsHan}");
            assertThat(m.rationale().split("(?<=[.])\\s+(?=[A-Z])").length)
                    .as("%s: one or two sentences", where)
                    .isLessThanOrEqualTo(2);
        }
    }

    @Test
    void theControlsOfNistsPublishedExamplesAreMappedToTcciaItems() {
        ForeignControls controls = ForeignControlsLoading.fromClasspath(CATALOG);
        for (String control : List.of("ac-2", "AC-6(1)", "au-1")) {
            assertThat(controls.mapsOf(control)).as(control).isNotEmpty().anySatisfy(m -> assertThat(
                            m.item().value())
                    .startsWith("TCCIA004-"));
        }
    }

    @Test
    void everyControlIdIsOneNistPublishes() throws Exception {
        // the rev 5 HIGH baseline, plus rev 4 for the few named controls outside it (same ids, e.g. sa-9.5, au-6.4)
        Set<String> published = new HashSet<>();
        for (String file : List.of(
                "NIST_SP-800-53_rev5_HIGH-baseline-resolved-profile_catalog-min.json",
                "NIST_SP-800-53_rev4_catalog-min.json")) {
            JsonNode doc = JsonMapper.builder().build().readTree(Files.readAllBytes(SHARED.resolve(file)));
            collectIds(doc.path("catalog"), published);
        }
        ForeignControls controls = ForeignControlsLoading.fromClasspath(CATALOG);
        assertThat(controls.controlIds()).isNotEmpty().allSatisfy(id -> assertThat(published)
                .contains(id));
    }

    private static void collectIds(JsonNode node, Set<String> ids) {
        for (String field : List.of("groups", "controls")) {
            for (JsonNode n : node.path(field)) {
                if (field.equals("controls")) {
                    ids.add(n.path("id").asString(""));
                }
                collectIds(n, ids);
            }
        }
    }

    @Test
    void anItemLeftOutOfTheScopeOrBothMappedAndUnmappedIsRefused() {
        String scoped = "{\"framework\":{\"title\":\"t\",\"version\":\"v\"},\"review\":{\"method\":\"human\","
                + "\"matchingRationale\":\"semantic\",\"status\":\"draft\",\"scope\":[\"MLPS-L3\"]},\"maps\":[]}";
        assertThatThrownBy(
                        () -> ForeignControlsLoading.read("x.json", scoped.getBytes(StandardCharsets.UTF_8), CATALOG))
                .hasMessageContaining("neither mapped nor listed as unmapped")
                .hasMessageContaining("MLPS-L3-8.2.1.1");
        String both = "{\"framework\":{\"title\":\"t\",\"version\":\"v\"},\"maps\":[{\"control\":\"sa-9.5\","
                + "\"item\":\"MLPS-L3-8.2.1.1\",\"relationship\":\"intersects-with\",\"confidence\":50,"
                + "\"rationale\":\"r\",\"rationaleZh\":\"理\",\"gap\":\"g\",\"gapZh\":\"差\"}],"
                + "\"unmapped\":[{\"item\":\"MLPS-L3-8.2.1.1\",\"reason\":\"r\",\"reasonZh\":\"因\"}]}";
        assertThatThrownBy(() -> ForeignControlsLoading.read("x.json", both.getBytes(StandardCharsets.UTF_8), CATALOG))
                .hasMessageContaining("unmapped[0]")
                .hasMessageContaining("mapped and listed as unmapped");
        String noGap = both.replace("\"gap\":\"g\",", "").replaceAll(",\"unmapped\".*", "}");
        assertThatThrownBy(() -> ForeignControlsLoading.read("x.json", noGap.getBytes(StandardCharsets.UTF_8), CATALOG))
                .hasMessageContaining("intersects-with needs the gap");
    }

    @Test
    void aMapToAnUnknownItemOrWithAnUnknownRelationshipIsRefusedNamingTheEntry() {
        assertThatThrownBy(
                        () -> ForeignControlsLoading.read("x.json", json("ac-2", "MLPS-L3-9.9.9", "equal-to"), CATALOG))
                .hasMessageContaining("x.json: maps[0]")
                .hasMessageContaining("unknown item");
        assertThatThrownBy(() ->
                        ForeignControlsLoading.read("x.json", json("ac-2", "MLPS-L3-8.2.1.1", "similar"), CATALOG))
                .hasMessageContaining("maps[0]")
                .hasMessageContaining("relationship similar");
        assertThatThrownBy(() ->
                        ForeignControlsLoading.read("x.json", json("2-ac", "MLPS-L3-8.2.1.1", "equal-to"), CATALOG))
                .hasMessageContaining("not an SP 800-53 control id");
    }

    private static byte[] json(String control, String item, String relationship) {
        return ("{\"framework\":{\"title\":\"t\",\"version\":\"v\"},\"maps\":[{\"control\":\"" + control
                        + "\",\"item\":\"" + item + "\",\"relationship\":\"" + relationship
                        + "\",\"confidence\":50,\"rationale\":\"r\",\"rationaleZh\":\"r\"}]}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
