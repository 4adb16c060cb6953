package org.yunjian.exitproject.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExitProjectProperties.class)
class ExitProjectConfig {

    @Bean
    CertificateKeys certificateKeys(ExitProjectProperties properties, org.yunjian.shared.keys.KeyDirectory keys) {
        return new CertificateKeys(keys.at(properties.keyDir()));
    }
}
