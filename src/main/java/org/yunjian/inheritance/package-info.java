/**
 * Inherited test items: results of the cloud platform's own assessment (in Yunjian or recorded as a conclusion) taken
 * over by a tenant system's assessment.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Inheritance",
        allowedDependencies = {
            "assessment",
            "catalog",
            "evidence",
            "party",
            "responsibility",
            "security",
            "shared",
            "vault"
        })
package org.yunjian.inheritance;
