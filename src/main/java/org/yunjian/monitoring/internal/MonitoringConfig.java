package org.yunjian.monitoring.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yunjian.monitoring.probe.Fetcher;

/** The probes' one HTTP client, with a bounded number of threads, closed with the application. */
@Configuration(proxyBeanMethods = false)
class MonitoringConfig {

    @Bean(destroyMethod = "close")
    Fetcher monitoringFetcher(@Value("${yunjian.monitoring.fetch-threads:4}") int threads) {
        return new Fetcher(null, threads);
    }
}
