/**
 * The shared web shell: layout, navigation, locale switching, global search, error pages and the REST problem advice.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Web shell",
        allowedDependencies = {"assessment", "catalog", "documents", "obligations", "party", "security", "shared"})
package org.yunjian.web;
