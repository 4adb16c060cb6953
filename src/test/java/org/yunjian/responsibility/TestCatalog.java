package org.yunjian.responsibility;

import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.internal.CatalogLoading;
import org.yunjian.responsibility.internal.liability.Liability;

/** The shipped catalog and the module's catalog-derived types, built once per test JVM without Spring. */
public final class TestCatalog {

    private static Catalog catalog;
    private static Duties duties;
    private static RuleCheck ruleCheck;
    private static RoleAssistant assistant;
    private static Liability liability;

    public static synchronized Catalog catalog() {
        if (catalog == null) {
            catalog = CatalogLoading.fromClasspath();
        }
        return catalog;
    }

    public static synchronized Duties duties() {
        if (duties == null) {
            duties = Duties.of(catalog());
        }
        return duties;
    }

    public static synchronized RuleCheck ruleCheck() {
        if (ruleCheck == null) {
            ruleCheck = RuleCheck.of(catalog());
        }
        return ruleCheck;
    }

    public static synchronized RoleAssistant assistant() {
        if (assistant == null) {
            assistant = RoleAssistant.of(catalog());
        }
        return assistant;
    }

    public static synchronized Liability liability() {
        if (liability == null) {
            liability = Liability.of(catalog());
        }
        return liability;
    }

    private TestCatalog() {}
}
