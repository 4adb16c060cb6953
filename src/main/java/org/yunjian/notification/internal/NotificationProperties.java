package org.yunjian.notification.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code yunjian.notifications.*}.
 *
 * @param from                 sender address of notification e-mails
 * @param baseUrl              the address people reach the application at ({@code https://yunjian.example.gov.cn}),
 *                             put before the links of e-mails and robot messages; blank = paths only
 * @param deliveryInterval     how often pending deliveries are tried
 * @param maxAttempts          tries before a delivery is recorded as failed
 * @param firstRetry           delay before the second try, doubling with each further one
 * @param digestInterval       how often the digest e-mails go out (epoch-aligned: daily = 08:00 Beijing time)
 * @param timeout              connect and answer timeout of a webhook call
 */
@ConfigurationProperties("yunjian.notifications")
public record NotificationProperties(
        @DefaultValue("yunjian@localhost") String from,
        @DefaultValue("") String baseUrl,
        @DefaultValue("30s") Duration deliveryInterval,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("1m") Duration firstRetry,
        @DefaultValue("1d") Duration digestInterval,
        @DefaultValue("10s") Duration timeout) {

    /** {@code path} as a link people can follow from outside the application. */
    public String link(String path) {
        String base = baseUrl == null ? "" : baseUrl.strip();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) + path : base + path;
    }
}
