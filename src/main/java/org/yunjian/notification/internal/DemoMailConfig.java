package org.yunjian.notification.internal;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** In demo mode the mail server is the in-memory {@link DemoMailSink} (Spring Boot's own mail sender backs off). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "yunjian.demo", havingValue = "true")
class DemoMailConfig {

    @Bean
    DemoMailSink demoMailSink(Clock clock) {
        return new DemoMailSink(clock);
    }
}
