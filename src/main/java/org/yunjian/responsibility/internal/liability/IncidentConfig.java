package org.yunjian.responsibility.internal.liability;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yunjian.catalog.Catalog;

/** The Annex B incidents, built once from the catalog. */
@Configuration(proxyBeanMethods = false)
class IncidentConfig {

    @Bean
    Liability responsibilityLiability(Catalog catalog) {
        return Liability.of(catalog);
    }
}
