package org.yunjian.security.internal;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.yunjian.demo.DemoData;
import org.yunjian.security.OrganizationDirectory;
import org.yunjian.security.Role;
import org.yunjian.security.UserAdministration;

/**
 * In demo mode, creates one demo account per role (after the party module has seeded the demo
 * organisations). Demo accounts carry the {@code demo} flag; the production profile refuses demo mode.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "yunjian.demo", havingValue = "true")
public class DemoAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private final UserAdministration users;
    private final OrganizationDirectory directory;

    DemoAccounts(UserAdministration users, OrganizationDirectory directory) {
        this.users = users;
        this.directory = directory;
    }

    @Override
    public void run(ApplicationArguments args) {
        Map<String, UUID> orgIds = directory.all().stream()
                .collect(Collectors.toMap(
                        OrganizationDirectory.OrganizationRef::name,
                        OrganizationDirectory.OrganizationRef::id,
                        (a, b) -> a));
        for (DemoData.Account a : DemoData.ACCOUNTS) {
            UUID org = a.organization() == null
                    ? null
                    : orgIds.get(a.organization().name());
            if (a.organization() != null && org == null) {
                throw new org.yunjian.shared.LocalizedException(
                        "security.demo.error.organizationMissing",
                        a.organization().name());
            }
            users.createDemoAccount(
                    a.username(), a.displayName(), Role.valueOf(a.role()), org, DemoData.PASSWORD, a.totpSecret());
        }
        log.warn(
                "DEMO MODE: demo accounts {} with password {} (administrators use the TOTP secrets shown on the "
                        + "login page)",
                DemoData.ACCOUNTS.stream().map(DemoData.Account::username).collect(Collectors.joining(", ")),
                DemoData.PASSWORD);
    }
}
