package org.yunjian.notification.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yunjian.security.Role;
import org.yunjian.security.SeedActor;
import org.yunjian.security.UserAdministration;
import org.yunjian.security.UserView;

/**
 * In demo mode, right after the demo accounts and before anything opens work for them: every demo business user,
 * the system administrator and the security administrators get e-mail at once, to {@code <user name>@demo.example.gov.cn}, set as each of them
 * (audited like a person's own change) — so the notifications land in the demo mailbox ({@link DemoMailSink}).
 */
@Component
@Order(21)
@ConditionalOnProperty(name = "yunjian.demo", havingValue = "true")
class DemoNotificationSettings implements ApplicationRunner {

    static final String DOMAIN = "demo.example.gov.cn";

    private final UserAdministration users;
    private final NotificationSettings settings;
    private final NotificationSettingRepository rows;

    DemoNotificationSettings(UserAdministration users, NotificationSettings settings, JdbcClient jdbc) {
        this.users = users;
        this.settings = settings;
        this.rows = new NotificationSettingRepository(jdbc);
    }

    @Override
    public void run(ApplicationArguments args) {
        for (UserView u : users.list()) {
            boolean chosen = rows.exists(u.id());
            if (!u.demo()
                    || chosen
                    || !(u.role() == Role.USER || u.role() == Role.SYSTEM_ADMIN || u.role() == Role.SECURITY_ADMIN)) {
                continue;
            }
            SeedActor.run(
                    SeedActor.of(u),
                    () -> settings.update(EmailMode.IMMEDIATE.name(), "zh-CN", u.username() + "@" + DOMAIN));
        }
    }
}
