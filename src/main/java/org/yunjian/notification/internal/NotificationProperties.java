package org.yunjian.notification.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code yunjian.notifications.*}. The base URL of the links ({@code yunjian.notifications.base-url}) and the sender
 * ({@code yunjian.mail.from}) are {@link org.yunjian.shared.PublicAddress}'s, which every mail and robot message
 * shares.
 *
 * @param deliveryInterval     how often pending deliveries are tried
 * @param maxAttempts          tries before a delivery is recorded as failed
 * @param firstRetry           delay before the second try, doubling with each further one
 * @param digestInterval       how often the digest e-mails go out (epoch-aligned: daily = 08:00 Beijing time)
 * @param timeout              connect and answer timeout of a webhook call
 */
@ConfigurationProperties("yunjian.notifications")
public record NotificationProperties(
        @DefaultValue("30s") Duration deliveryInterval,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("1m") Duration firstRetry,
        @DefaultValue("1d") Duration digestInterval,
        @DefaultValue("10s") Duration timeout) {}
