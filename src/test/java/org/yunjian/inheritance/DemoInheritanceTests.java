package org.yunjian.inheritance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yunjian.demo.DemoData;

/** A newcomer to the demo sees inherited items at once: the demo assessment inherits from a recorded conclusion. */
@SpringBootTest(properties = "yunjian.demo=true")
// the demo context with MockMvc that ContractReviewDemoTests and ObligationPagesTests start: one Spring start
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@Tag("database")
@org.yunjian.support.OnePass
class DemoInheritanceTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDemoAssessmentInheritsSomeCloudPlatformItemsFromTheProvidersRecordedConclusion() {
        List<Map<String, Object>> rows =
                jdbc.sql("""
                SELECT i.side, i.verdict, c.report_number FROM assessment_item_inheritance h
                JOIN assessment_item i ON i.id = h.item_id
                JOIN assessment_external_conclusion c ON c.id = h.conclusion_id
                JOIN assessment a ON a.id = h.assessment_id
                JOIN cloud_system s ON s.id = a.system_id
                WHERE s.name = ?""").param(DemoData.PORTAL_SYSTEM).query().listOfRows();
        assertThat(rows).hasSize(6);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("SIDE") != null ? r.get("SIDE") : r.get("side")).isEqualTo("CLOUD_PLATFORM");
            assertThat(r.get("VERDICT") != null ? r.get("VERDICT") : r.get("verdict"))
                    .isEqualTo("COMPLIANT");
        });
    }
}
