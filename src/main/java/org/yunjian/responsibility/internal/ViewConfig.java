package org.yunjian.responsibility.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yunjian.catalog.Catalog;
import org.yunjian.responsibility.MatrixViews;

/** The matrix views, built once from the catalog. */
@Configuration(proxyBeanMethods = false)
class ViewConfig {

    @Bean
    MatrixViews responsibilityMatrixViews(Catalog catalog) {
        return MatrixViews.of(catalog);
    }
}
