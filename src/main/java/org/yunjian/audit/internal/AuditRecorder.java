package org.yunjian.audit.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.yunjian.security.CurrentUser;
import org.yunjian.shared.AuditableEvent;

/**
 * Records every {@link AuditableEvent} synchronously, inside the publisher's transaction: if the
 * publisher's work rolls back, so does its entry, and if the entry cannot be written the publisher's
 * work fails (a read-only publisher transaction is the exception: the entry gets a transaction of its
 * own, since a read-only one cannot insert). Who acted: the authenticated user, else the event's actor, else {@code cli:<os user>} in
 * the command line or {@code system} for background work.
 */
@Component
class AuditRecorder {

    private final AuditLog log;
    private final boolean cli;
    private final TransactionTemplate separate;

    AuditRecorder(AuditLog log, Environment environment, PlatformTransactionManager transactions) {
        this.log = log;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.cli = environment.acceptsProfiles(Profiles.of("cli"));
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRED)
    public void on(AuditableEvent event) {
        Optional<CurrentUser> user = CurrentUser.current();
        String remote = remoteAddress();
        String who = user.map(CurrentUser::username)
                .or(() -> Optional.ofNullable(event.actor()))
                .orElseGet(() -> remote != null ? "anonymous"
                        : cli ? "cli:" + System.getProperty("user.name", "unknown") : "system");
        UUID org = user.map(CurrentUser::organizationId).orElse(null);
        AuditLog.Draft draft = new AuditLog.Draft(who, org, remote, event.action(), event.objectType(),
                event.objectId(), event.outcome().name(), event.detail());
        if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            // a read-only transaction cannot insert (PostgreSQL enforces it): record in a transaction of its own
            separate.executeWithoutResult(status -> log.append(draft));
        } else {
            log.append(draft);
        }
    }

    private static String remoteAddress() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            return servlet.getRequest().getRemoteAddr();
        }
        return null;
    }
}
