package org.yunjian.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.yunjian.shared.AuditableEvent;

/** Who and where, when nobody is logged in. */
class AuditRecorderTest {

    private final AuditLog log = mock(AuditLog.class);

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
        new AuditRecorder(log, env, mock(PlatformTransactionManager.class)).on(event);
        ArgumentCaptor<AuditLog.Draft> draft = ArgumentCaptor.forClass(AuditLog.Draft.class);
        verify(log).append(draft.capture());
        return draft.getValue();
    }

    @Test
    void namesTheOperatingSystemUserInTheCommandLine() {
        AuditLog.Draft d = record("cli", AuditableEvent.success("system.import", "file", "x.json", (String) null));
        assertThat(d.username()).isEqualTo("cli:" + System.getProperty("user.name"));
        assertThat(d.sourceAddress()).isNull();
    }

    @Test
    void namesTheSystemForBackgroundWork() {
        assertThat(record(null, AuditableEvent.success("job.run", null, null, (String) null)).username()).isEqualTo("system");
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
        AuditLog.Draft d = record(null, AuditableEvent.failure("user.login", "user", null, "bad password").withActor("bob"));
        assertThat(d.username()).isEqualTo("bob");
        assertThat(d).isNotNull();
        verify(log).append(any());
    }
}
