package org.yunjian.shared;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The application's {@code MessageSource} is {@link Texts#source()}: one set of bundles for pages, REST and CLI. */
@Configuration
class TextsConfig {
    @Bean
    MessageSource messageSource() {
        return Texts.source();
    }
}
