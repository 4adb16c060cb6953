package org.yunjian.notification.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.yunjian.shared.cluster.ClusterJobs;

/**
 * Every {@code yunjian.notifications.delivery-interval}, on one node of the cluster ({@link ClusterJobs}): opens the
 * digests when a digest interval began, then tries the due deliveries.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
class DeliveryScheduler implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(DeliveryScheduler.class);

    private final Deliveries deliveries;
    private final MailDelivery mail;
    private final NotificationProperties properties;
    private final ClusterJobs jobs;

    DeliveryScheduler(Deliveries deliveries, MailDelivery mail, NotificationProperties properties, ClusterJobs jobs) {
        this.deliveries = deliveries;
        this.mail = mail;
        this.properties = properties;
        this.jobs = jobs;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(
                new FixedDelayTask(this::tick, properties.deliveryInterval(), properties.deliveryInterval()));
    }

    void tick() {
        try {
            jobs.runOncePerInterval("notification-digest", properties.digestInterval(), mail::openDigests);
            jobs.runOncePerInterval("notification-deliveries", properties.deliveryInterval(), () -> {
                int sent = deliveries.runDue();
                if (sent > 0) {
                    log.debug("Sent {} notification(s)", sent);
                }
            });
        } catch (RuntimeException e) {
            log.error("Notification delivery job failed", e);
        }
    }
}
