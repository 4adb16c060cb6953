/**
 * Acquiring the cloud service of a system (the guides' 采购 duties): the needs analysis, the provider selection with
 * its criteria and judgements, and the review of the contract, SLA and NDA clauses, each kept, exported as Word and
 * closing the plan's gate.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Procurement",
        allowedDependencies = {
            "catalog",
            "demo",
            "documents",
            "lifecycle",
            "lifecycle :: cli",
            "party",
            "responsibility",
            "security",
            "shared",
            "vault"
        })
package org.yunjian.procurement;
