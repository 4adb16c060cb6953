package org.yunjian.responsibility.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yunjian.catalog.Catalog;
import org.yunjian.responsibility.Liability;

/** The Annex B incidents, built once from the catalog. */
@Configuration(proxyBeanMethods = false)
class IncidentConfig {

    @Bean
    Liability responsibilityLiability(Catalog catalog) {
        return Liability.of(catalog);
    }
}
