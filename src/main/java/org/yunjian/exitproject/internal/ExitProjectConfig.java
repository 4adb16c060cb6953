package org.yunjian.exitproject.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExitProjectProperties.class)
class ExitProjectConfig {}
