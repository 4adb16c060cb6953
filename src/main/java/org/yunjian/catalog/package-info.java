/**
 * The standards catalog: the five cloud-security standards as faithful, typed requirements with
 * stable {@link org.yunjian.catalog.RequirementId}s, loaded and schema-checked at startup. Other
 * modules read it through {@link org.yunjian.catalog.Catalog}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog")
package org.yunjian.catalog;
