package org.yunjian.responsibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yunjian.catalog.PartyRole;
import org.yunjian.catalog.RequirementId;

/**
 * Issue 36 (finishing): the standard's words the responsibility rules match — the "原则上" of 5 a) 2) and 5 b) 1), the
 * phrases of the §5 items the checks enforce, the conditions of the applicability questions, the bare lead-in — are
 * data in {@code responsibility/standard-words.properties}, each found verbatim in the item it comes from, and the
 * code spells none of them as escapes.
 */
class StandardWordsTest {

    private final RuleCheck ruleCheck = TestCatalog.ruleCheck();

    private static String text(RequirementId id) {
        return TestCatalog.catalog().requirement(id).orElseThrow().text();
    }

    @Test
    void everyWordStandsInTheItemItComesFrom() {
        String inPrinciple = StandardWords.get("in-principle");
        assertThat(text(RequirementId.of("TCCIA004-5-a-2"))).contains(inPrinciple);
        assertThat(text(RequirementId.of("TCCIA004-5-b-1"))).contains(inPrinciple);
        for (Check c : Check.values()) {
            if (c.phrase() != null) {
                assertThat(c.phrase()).as(c.name()).isEqualTo(StandardWords.get("check." + c.name()));
                assertThat(text(ruleCheck.rule(c, PartyRole.PROVIDER)))
                        .as(c.name())
                        .contains(c.phrase());
            }
        }
        for (ApplicabilityQuestion q : ApplicabilityQuestion.values()) {
            assertThat(q.condition()).isEqualTo(StandardWords.get("question." + q.name()));
            assertThat(text(q.duty())).as(q.name()).contains(q.condition());
        }
    }

    @Test
    void theBareLeadInPatternReadFromTheFileTellsHeadingsFromDuties() {
        for (String heading : List.of("客户应：", "云服务提供者应：", "云服务合作者中各角色分工：", "云服务合作者中的硬件提供者应：", "安全服务提供者")) {
            assertThat(Duties.BARE_LEAD_IN.matcher(heading).matches())
                    .as(heading)
                    .isTrue();
        }
        assertThat(Duties.BARE_LEAD_IN.matcher("客户应确保安全组织和人员具备使用云服务所需的安全知识").matches())
                .isFalse();
        assertThat(TestCatalog.duties().all().stream().filter(Duty::heading)).hasSize(34);
    }

    @Test
    void theCodeSpellsNoneOfTheWordsAsEscapes() throws IOException {
        for (String file : List.of("Check.java", "ApplicabilityQuestion.java", "Duties.java", "RuleCheck.java")) {
            String source = Files.readString(Path.of("src/main/java/org/yunjian/responsibility", file));
            assertThat(source).as(file).doesNotContainPattern("\\\\u[4-9][0-9a-fA-F]{3}");
        }
    }
}
