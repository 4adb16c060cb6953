package org.yunjian.obligations.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs the reminder job every {@code yunjian.lifecycle.reminders.interval} — it sends only when there is a mail
 * sender (an SMTP server, {@code spring.mail.host}; in the demo, the demo mailbox); without one each run does nothing.
 */
@Configuration(proxyBeanMethods = false)
class ReminderScheduler implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ReminderScheduler.class);

    private final ReminderService reminders;
    private final ObligationConfig.ReminderProperties properties;

    ReminderScheduler(ReminderService reminders, ObligationConfig.ReminderProperties properties) {
        this.reminders = reminders;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::run, properties.interval(), properties.interval()));
    }

    void run() {
        if (!reminders.mailConfigured()) {
            return;
        }
        try {
            int sent = reminders.sendDue();
            if (sent > 0) {
                log.info("Sent {} obligation reminder(s)", sent);
            }
        } catch (RuntimeException e) {
            log.error("Reminder job failed", e);
        }
    }
}
