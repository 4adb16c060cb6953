/**
 * Findings and plans of action from another tool: OSCAL assessment results and POA&amp;M files imported into an
 * assessment, each finding placed on the Chinese items its NIST SP 800-53 control maps to (the catalog's crosswalk),
 * for the assessor to adopt into the item's record or dismiss; the imported file is kept as sealed evidence.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Imported findings",
        allowedDependencies = {"assessment", "catalog", "party", "risk", "security", "shared", "vault"})
package org.yunjian.findings;
