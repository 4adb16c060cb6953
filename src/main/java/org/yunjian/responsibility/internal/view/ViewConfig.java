package org.yunjian.responsibility.internal.view;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yunjian.catalog.Catalog;

/** The matrix views, built once from the catalog. */
@Configuration(proxyBeanMethods = false)
class ViewConfig {

    @Bean
    MatrixViews responsibilityMatrixViews(Catalog catalog) {
        return MatrixViews.of(catalog);
    }
}
