package org.yunjian.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The category a platform administrator sees of a failed delivery, read from the reasons the delivery job records
 * ({@link WebhookDelivery}, {@link MailDelivery}, {@link Deliveries}) — the category, never the reason, which names
 * hosts, addresses and receivers' replies.
 */
class FailureCategoryTests {

    @ParameterizedTest(name = "{0} \"{1}\" is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            WEBHOOK | robot removed                                                      | CONFIGURATION
            WEBHOOK | robot address does not open (key file or altered row)              | CONFIGURATION
            EMAIL   | no SMTP server configured (spring.mail.host)                       | CONFIGURATION
            DIGEST  | no e-mail address                                                  | CONFIGURATION
            WEBHOOK | intranet.example: refused by the outbound address policy (10.0.0.1, Private-Use) | ADDRESS_REFUSED
            WEBHOOK | oapi.dingtalk.com: HTTP 500 down                                   | HTTP_ERROR
            WEBHOOK | qyapi.weixin.qq.com: refused {"errcode":93000,"errmsg":"invalid"} | REFUSED_BY_RECEIVER
            WEBHOOK | hooks.example: java.net.ConnectException: Connection refused       | UNREACHABLE
            WEBHOOK | hooks.example: java.net.http.HttpTimeoutException: request timed out | UNREACHABLE
            WEBHOOK | hooks.example: interrupted                                         | UNREACHABLE
            EMAIL   | Mail server connection failed. Failed messages: java.net.ConnectException | UNREACHABLE
            EMAIL   | 550 5.1.1 <zhang@example.gov.cn>: Recipient address rejected       | MAIL_SERVER
            WEBHOOK | java.lang.IllegalStateException: no key                            | OTHER
            EMAIL   | java.lang.NullPointerException                                     | OTHER
            WEBHOOK | something else                                                     | OTHER
            """)
    void readsTheCategoryFromTheRecordedReason(String channel, String reason, FailureCategory expected) {
        assertThat(FailureCategory.of(channel, reason)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"WEBHOOK,", "EMAIL,'  '"})
    void noReasonNoCategory(String channel, String reason) {
        assertThat(FailureCategory.of(channel, reason)).isNull();
    }
}
