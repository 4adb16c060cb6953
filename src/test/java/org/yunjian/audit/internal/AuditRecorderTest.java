package org.yunjian.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.yunjian.shared.AuditableEvent;

/** Who and where, when nobody is logged in. */
class AuditRecorderTest {

    private final java.util.List<AuditLog.Draft> appended = new java.util.ArrayList<>();
    private final AuditLog log = new AuditLog(null, null, null, null, null, null) {
        @Override
        public AuditEntry append(Draft d) {
            appended.add(d);
            return null;
        }
    };
    /** Transactions that hold nothing: the recorder's own, around the append. */
    private final PlatformTransactionManager transactions = new PlatformTransactionManager() {
        @Override
        public org.springframework.transaction.TransactionStatus getTransaction(
                org.springframework.transaction.TransactionDefinition definition) {
            return new org.springframework.transaction.support.SimpleTransactionStatus();
        }

        @Override
        public void commit(org.springframework.transaction.TransactionStatus status) {}

        @Override
        public void rollback(org.springframework.transaction.TransactionStatus status) {}
    };

    @AfterEach
    void clear() {
        RequestContextHolder.resetRequestAttributes();
        SecurityContextHolder.clearContext();
    }

    private AuditLog.Draft record(String profile, AuditableEvent event) {
        MockEnvironment env = new MockEnvironment();
        if (profile != null) {
            env.setActiveProfiles(profile);
        }
        new AuditRecorder(log, env, transactions).on(event);
        assertThat(appended).hasSize(1);
        return appended.get(0);
    }

    @Test
    void namesTheOperatingSystemUserInTheCommandLine() {
        AuditLog.Draft d = record("cli", AuditableEvent.success("system.import", "file", "x.json", (String) null));
        assertThat(d.username()).isEqualTo("cli:" + System.getProperty("user.name"));
        assertThat(d.sourceAddress()).isNull();
    }

    @Test
    void namesTheSystemForBackgroundWork() {
        assertThat(record(null, AuditableEvent.success("job.run", null, null, (String) null))
                        .username())
                .isEqualTo("system");
    }

    @Test
    void recordsTheRemoteAddressOfAnAnonymousWebRequest() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("203.0.113.7");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        AuditLog.Draft d = record(null, AuditableEvent.denied("page.view", null, null, (String) null));
        assertThat(d.username()).isEqualTo("anonymous");
        assertThat(d.sourceAddress()).isEqualTo("203.0.113.7");
        assertThat(d.outcome()).isEqualTo("DENIED");
    }

    @Test
    void prefersTheEventsActorOverAnonymous() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        AuditLog.Draft d = record(
                null,
                AuditableEvent.failure("user.login", "user", null, "bad password")
                        .withActor("bob"));
        assertThat(d.username()).isEqualTo("bob");
        assertThat(appended).containsExactly(d);
    }
}
