package org.yunjian.catalog.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.ForeignControls;

/** Loads the catalog once at startup; a problem in any file stops the application. */
@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CatalogConfiguration.class);

    @Bean
    Catalog catalog(@Value("${yunjian.catalog.location:classpath*:catalog/}") String location) {
        Catalog catalog = CatalogLoading.from(location);
        log.info(
                "Standards catalog loaded: {} standards, {} requirements",
                catalog.standards().size(),
                catalog.size());
        return catalog;
    }

    /** The crosswalk from NIST SP 800-53 rev 5 to the Chinese items, checked against the catalog. */
    @Bean
    ForeignControls foreignControls(Catalog catalog) {
        ForeignControls controls = ForeignControlsLoading.fromClasspath(catalog);
        log.info(
                "Crosswalk loaded: {} {} maps",
                controls.framework(),
                controls.all().size());
        return controls;
    }
}
