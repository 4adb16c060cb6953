package org.yunjian.responsibility;

import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.internal.CatalogLoading;

/** The shipped catalog and the module's catalog-derived types, built once per test JVM without Spring. */
final class TestCatalog {

    private static Catalog catalog;
    private static Duties duties;
    private static RuleCheck ruleCheck;
    private static RoleAssistant assistant;
    private static Liability liability;

    static synchronized Catalog catalog() {
        if (catalog == null) {
            catalog = CatalogLoading.fromClasspath();
        }
        return catalog;
    }

    static synchronized Duties duties() {
        if (duties == null) {
            duties = Duties.of(catalog());
        }
        return duties;
    }

    static synchronized RuleCheck ruleCheck() {
        if (ruleCheck == null) {
            ruleCheck = RuleCheck.of(catalog());
        }
        return ruleCheck;
    }

    static synchronized RoleAssistant assistant() {
        if (assistant == null) {
            assistant = RoleAssistant.of(catalog());
        }
        return assistant;
    }

    static synchronized Liability liability() {
        if (liability == null) {
            liability = Liability.of(catalog());
        }
        return liability;
    }

    private TestCatalog() {
    }
}
