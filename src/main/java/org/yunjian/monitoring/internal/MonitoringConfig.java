package org.yunjian.monitoring.internal;

import java.io.IOException;
import java.io.InputStream;
import java.security.KeyStore;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.yunjian.monitoring.net.TrustMaterial;
import org.yunjian.monitoring.probe.Fetcher;

/**
 * The probes' one HTTP client, connecting only where the monitoring purpose of the outbound address policy allows,
 * closed with the application; and the certificates
 * the monitors trust: the JDK's roots and those of {@code yunjian.monitoring.trust-store} (a PEM file of certificates
 * or a PKCS#12 trust store, {@code file:} or {@code classpath:}, with {@code trust-store-password}), for the page
 * fetches and the certificate check alike.
 */
@Configuration(proxyBeanMethods = false)
class MonitoringConfig {

    /** The roots the monitors trust. */
    record Trust(KeyStore store) {}

    @Bean
    Trust monitoringTrust(
            ResourceLoader resources,
            @Value("${yunjian.monitoring.trust-store:}") String location,
            @Value("${yunjian.monitoring.trust-store-password:}") String password)
            throws IOException {
        if (location == null || location.isBlank()) {
            return new Trust(TrustMaterial.withDefaults(List.of()));
        }
        Resource r = resources.getResource(location.strip());
        try (InputStream in = r.getInputStream()) {
            return new Trust(TrustMaterial.withDefaults(
                    TrustMaterial.read(in.readAllBytes(), password.isEmpty() ? null : password.toCharArray())));
        }
    }

    @Bean(destroyMethod = "close")
    Fetcher monitoringFetcher(
            Trust trust, AddressPolicy addresses, @Value("${yunjian.monitoring.fetch-threads:4}") int threads) {
        return new Fetcher(TrustMaterial.context(trust.store()), threads, addresses.policy(), addresses.resolver());
    }
}
