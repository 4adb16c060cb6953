package org.yunjian.support;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * The suite's business users hold the whole-organisation grant (need to know, issue 57) unless a test says
 * otherwise: {@code PartyTestSupport.user(org)} stands for a member who sees every system the organisation takes
 * part in, as every test before need to know assumed. Tests of need to know itself use {@code
 * PartyTestSupport.assignedOnly(org)} (no grant) or real accounts.
 *
 * <p>The grant is a row of {@code visibility_grant} in the database of the test running on this thread (the test
 * context's, set here before the class and each test), written only if the organisation exists there.
 */
public final class WholeOrganizationGrants implements TestExecutionListener {

    private static final ThreadLocal<JdbcClient> DATABASE = new ThreadLocal<>();

    @Override
    public void beforeTestClass(TestContext context) {
        if (context.hasApplicationContext()) { // never loads it: extensions (GreenMail) start their servers first
            remember(context);
        }
    }

    @Override
    public void prepareTestInstance(TestContext context) {
        remember(context);
    }

    @Override
    public void beforeTestMethod(TestContext context) {
        remember(context);
    }

    @Override
    public void afterTestClass(TestContext context) {
        DATABASE.remove();
    }

    private static void remember(TestContext context) {
        try {
            context.getApplicationContext().getBeanProvider(JdbcClient.class).ifAvailable(DATABASE::set);
        } catch (IllegalStateException e) { // a context that failed to load: its test fails on that already
            DATABASE.remove();
        }
    }

    /** Gives {@code userId} of {@code organizationId} the grant, in this thread's test database if there is one. */
    public static void grant(UUID userId, UUID organizationId) {
        JdbcClient jdbc = DATABASE.get();
        if (jdbc == null || organizationId == null) {
            return;
        }
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM organization WHERE id = ?")
                        .param(organizationId)
                        .query(Long.class)
                        .single()
                > 0;
        if (exists) {
            jdbc.sql("DELETE FROM visibility_grant WHERE user_id = ?")
                    .param(userId)
                    .update();
            jdbc.sql(
                            "INSERT INTO visibility_grant (user_id, organization_id, granted_at) VALUES (?, ?, CURRENT_TIMESTAMP)")
                    .params(userId, organizationId)
                    .update();
        }
    }
}
