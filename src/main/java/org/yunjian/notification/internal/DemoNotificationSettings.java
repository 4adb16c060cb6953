package org.yunjian.notification.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yunjian.party.EmailAddresses;
import org.yunjian.party.PersonEmail;
import org.yunjian.security.Role;
import org.yunjian.security.SeedActor;
import org.yunjian.security.UserAdministration;
import org.yunjian.security.UserView;

/**
 * In demo mode, right after the demo accounts and before anything opens work for them: every demo business user,
 * the system administrator and the security administrators get e-mail at once, to {@code <user name>@demo.example.gov.cn}:
 * the settings set as each of them (audited like a person's own change), the address confirmed as seeded (a domain no
 * one owns; audited) — so the notifications land in the demo mailbox ({@link DemoMailSink}).
 */
@Component
@Order(21)
@ConditionalOnProperty(name = "yunjian.demo", havingValue = "true")
class DemoNotificationSettings implements ApplicationRunner {

    static final String DOMAIN = "demo.example.gov.cn";

    private final UserAdministration users;
    private final NotificationSettings settings;
    private final NotificationSettingRepository rows;
    private final EmailAddresses addresses;

    DemoNotificationSettings(
            UserAdministration users, NotificationSettings settings, JdbcClient jdbc, EmailAddresses addresses) {
        this.users = users;
        this.settings = settings;
        this.rows = new NotificationSettingRepository(jdbc);
        this.addresses = addresses;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (UserView u : users.list()) {
            if (!u.demo()
                    || !(u.role() == Role.USER || u.role() == Role.SYSTEM_ADMIN || u.role() == Role.SECURITY_ADMIN)) {
                continue;
            }
            String seeded = u.username() + "@" + DOMAIN;
            if (!rows.exists(u.id())) {
                SeedActor.run(SeedActor.of(u), () -> settings.update(EmailMode.IMMEDIATE.name(), "zh-CN", ""));
                addresses.seedDemo(u, seeded);
            } else {
                // a demo database from before addresses were confirmed: its seeded address waits like any other
                PersonEmail now = addresses.stateOf(u.id());
                if (now.confirmed() == null && seeded.equals(now.pending())) {
                    addresses.seedDemo(u, seeded);
                }
            }
        }
    }
}
