package org.yunjian.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.yunjian.catalog.internal.CatalogLoading;
import org.yunjian.catalog.internal.ForeignControlsLoading;

class ForeignControlsTest {

    private static final Catalog CATALOG = CatalogLoading.fromClasspath();

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
