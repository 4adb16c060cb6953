package org.yunjian.catalog;

import org.yunjian.catalog.internal.CatalogLoading;

/** The catalog as shipped, loaded once per test JVM without Spring. */
final class TestCatalogs {

    private static Catalog shipped;

    static synchronized Catalog shipped() {
        if (shipped == null) {
            shipped = CatalogLoading.fromClasspath();
        }
        return shipped;
    }

    private TestCatalogs() {}
}
