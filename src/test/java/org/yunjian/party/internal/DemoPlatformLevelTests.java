package org.yunjian.party.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yunjian.catalog.DeploymentModel;
import org.yunjian.demo.DemoData;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Industry;

/**
 * Issue 59 on the demo data: every demo system keeps the platform-level rules the platform now enforces — 等保 8.2.2.1
 * a) "应保证云计算平台不承载高于其安全保护等级的业务应用系统" and JR/T 7.3 "行业云应符合JR/T 0060中的第三级或以上安全要求。" (the
 * demo securities company's trading system on the provider's 行业云, level 3 on a level-3 platform).
 */
@SpringBootTest(properties = "yunjian.demo=true")
// the demo context with MockMvc that DemoInheritanceTests, ContractReviewDemoTests and ObligationPagesTests start
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@Tag("database")
@org.yunjian.support.OnePass
class DemoPlatformLevelTests {

    @Autowired
    JdbcClient jdbc;

    record Row(String name, int level, String model, String industry, Integer platform) {}

    private List<Row> systems() {
        return jdbc.sql("SELECT name, protection_level, deployment_model, industry, platform_level FROM cloud_system")
                .query((rs, i) -> new Row(
                        rs.getString(1),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, Integer.class)))
                .list();
    }

    @Test
    void everyDemoSystemKeepsThePlatformLevelRules_MLPS_8_2_2_1_a_JRT_7_2_to_7_4() {
        List<Row> all = systems();
        assertThat(all).extracting(Row::name).contains(DemoData.PORTAL_SYSTEM, DemoData.SECURITIES_SYSTEM);
        for (Row s : all) {
            Industry industry = Industry.valueOf(s.industry());
            DeploymentModel model = DeploymentModel.valueOf(s.model());
            assertThat(CloudSystem.platformBelowSystem(s.level(), s.platform()))
                    .as(s.name())
                    .isFalse();
            assertThat(CloudSystem.PlatformMinimum.breachedBy(industry, model, s.platform()))
                    .as(s.name())
                    .isEmpty();
        }
        Row securities = all.stream()
                .filter(s -> s.name().equals(DemoData.SECURITIES_SYSTEM))
                .findFirst()
                .orElseThrow();
        assertThat(securities)
                .extracting(Row::model, Row::industry, Row::platform)
                .containsExactly("COMMUNITY", "SECURITIES_FUTURES", 3);
    }
}
