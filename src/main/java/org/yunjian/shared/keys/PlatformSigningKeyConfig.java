package org.yunjian.shared.keys;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The platform's signing key, read (or created at first set-up) from {@code yunjian.exit-project.key-dir}. */
@Configuration(proxyBeanMethods = false)
class PlatformSigningKeyConfig {

    @Bean
    PlatformSigningKey platformSigningKey(
            KeyDirectory keys, @Value("${yunjian.exit-project.key-dir:${yunjian.key-dir}}") Path dir) {
        return new PlatformSigningKeyFile(keys.at(dir));
    }
}
