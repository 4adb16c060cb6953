package org.yunjian.support;

import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yunjian.shared.AuditableEvent;

/**
 * The suite's business accounts hold the whole-organisation grant (need to know, issue 57), as the suite's tests
 * written before need to know assume of the people they create: an account created in a test context (an audited
 * {@code user.create}) is given it in the same transaction — but in the demo (whose people are assigned as the demo
 * says) and for accounts a test about need to know takes it from again ({@code DELETE FROM visibility_grant}).
 */
public final class GrantAccountsCreatedInTests implements ApplicationListener<ApplicationEvent> {

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (!(event instanceof PayloadApplicationEvent<?> p)
                || !(p.getPayload() instanceof AuditableEvent e)
                || !"user.create".equals(e.action())
                || e.objectId() == null
                || !(event.getSource() instanceof ApplicationContext context)
                || "true".equals(context.getEnvironment().getProperty("yunjian.demo"))) {
            return;
        }
        JdbcClient jdbc = context.getBeanProvider(JdbcClient.class).getIfAvailable();
        if (jdbc == null) {
            return;
        }
        UUID id = UUID.fromString(e.objectId());
        jdbc.sql("""
                INSERT INTO visibility_grant (user_id, organization_id, granted_at)
                SELECT id, organization_id, CURRENT_TIMESTAMP FROM user_account
                WHERE id = ? AND role = 'USER' AND organization_id IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM visibility_grant g WHERE g.user_id = ?)""").params(id, id).update();
    }
}
