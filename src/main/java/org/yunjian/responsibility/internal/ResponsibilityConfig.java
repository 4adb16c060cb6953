package org.yunjian.responsibility.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yunjian.catalog.Catalog;
import org.yunjian.responsibility.Duties;
import org.yunjian.responsibility.RoleAssistant;
import org.yunjian.responsibility.RuleCheck;

/** The domain types, built once from the catalog. */
@Configuration(proxyBeanMethods = false)
class ResponsibilityConfig {

    @Bean
    Duties responsibilityDuties(Catalog catalog) {
        return Duties.of(catalog);
    }

    @Bean
    RoleAssistant responsibilityRoleAssistant(Catalog catalog) {
        return RoleAssistant.of(catalog);
    }

    @Bean
    RuleCheck responsibilityRuleCheck(Catalog catalog) {
        return RuleCheck.of(catalog);
    }
}
