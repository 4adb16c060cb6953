package org.yunjian.report.internal;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.yunjian.assessment.Assessments;
import org.yunjian.assessment.ReportTemplate;
import org.yunjian.demo.DemoData;
import org.yunjian.shared.Formats;

/**
 * Demo: the demo assessment's contract was signed a month ago, so its report follows the 2025 template with the
 * 符合 / 基本符合 / 不符合 conclusion and prints the 委托日期 on the cover. Runs after {@link DemoAssessment}.
 */
@Component
@Order(32)
@ConditionalOnProperty(name = "yunjian.demo", havingValue = "true")
class DemoReportTemplate implements ApplicationRunner {

    private final Assessments assessments;
    private final Clock clock;

    DemoReportTemplate(Assessments assessments, Clock clock) {
        this.assessments = assessments;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        LocalDate signed = LocalDate.now(clock.withZone(Formats.zone())).minusMonths(1);
        String name = org.yunjian.shared.Msg.of("demo.assessment.name", DemoData.PORTAL_SYSTEM)
                .text(org.yunjian.shared.Texts.CHINESE);
        assessments.all().stream()
                .filter(a -> a.name().equals(name))
                .forEach(a -> assessments.recordContractIfNone(a.id(), ReportTemplate.T2025, signed));
    }
}
