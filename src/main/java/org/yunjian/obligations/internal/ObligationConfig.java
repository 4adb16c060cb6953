package org.yunjian.obligations.internal;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yunjian.obligations.ObligationPolicy;

/**
 * The obligations calendar's settings: the default intervals the standards do not state, the reminder job's
 * interval and sender. {@code yunjian.lifecycle.obligations.*}, {@code yunjian.lifecycle.reminders.*}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ObligationConfig.ObligationProperties.class, ObligationConfig.ReminderProperties.class})
class ObligationConfig {

    /**
     * @param assessmentMonths 等保 assessment interval by protection level (not in the standards given)
     * @param kindMonths       default interval of the other kinds the standards name without a number (issue 36)
     * @param ndaLeadDays      days before the recorded NDA runs out that its renewal is due (JR/T 6.3.4 / 6.4.4 state
     *                         none: a configurable default)
     */
    @ConfigurationProperties("yunjian.lifecycle.obligations")
    record ObligationProperties(
            Map<Integer, Integer> assessmentMonths,
            @DefaultValue("12") int drillMonths,
            @DefaultValue("1") int reportMonths,
            @DefaultValue("12") int evaluationMonths,
            @DefaultValue("12") int reviewMonths,
            Map<org.yunjian.obligations.ObligationKind, Integer> kindMonths,

            @DefaultValue("" + ObligationPolicy.DEFAULT_NDA_LEAD_DAYS)
            int ndaLeadDays) {}

    /**
     * @param interval how often the job looks for overdue obligations (it runs only when {@code spring.mail.host} is
     *                 set); the sender is {@code yunjian.mail.from} ({@link org.yunjian.shared.PublicAddress})
     */
    @ConfigurationProperties("yunjian.lifecycle.reminders")
    record ReminderProperties(@DefaultValue("1h") Duration interval) {}

    @Bean
    ObligationPolicy obligationPolicy(ObligationProperties p) {
        Map<Integer, Integer> assessment =
                p.assessmentMonths() == null || p.assessmentMonths().isEmpty()
                        ? ObligationPolicy.DEFAULT.assessmentMonths()
                        : p.assessmentMonths();
        return new ObligationPolicy(
                assessment,
                p.drillMonths(),
                p.reportMonths(),
                p.evaluationMonths(),
                p.reviewMonths(),
                p.kindMonths(),
                p.ndaLeadDays());
    }
}
