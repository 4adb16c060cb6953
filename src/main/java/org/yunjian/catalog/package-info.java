/**
 * The standards catalog: the five cloud-security standards as faithful, typed requirements with stable
 * {@link org.yunjian.catalog.RequirementId}s, loaded and schema-checked at startup and read by other modules through
 * {@link org.yunjian.catalog.Catalog}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Catalog",
        allowedDependencies = {"cli", "demo", "security", "shared"})
package org.yunjian.catalog;
