package org.yunjian.notification.internal;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * In demo mode without an SMTP server of its own ({@code spring.mail.host}), the mail server is the in-memory
 * {@link DemoMailSink} (Spring Boot's own mail sender backs off); a demo given a real server sends through it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "yunjian.demo", havingValue = "true")
@org.springframework.boot.autoconfigure.condition.ConditionalOnExpression("'${spring.mail.host:}'.isEmpty()")
class DemoMailConfig {

    @Bean
    DemoMailSink demoMailSink(Clock clock) {
        return new DemoMailSink(clock);
    }
}
