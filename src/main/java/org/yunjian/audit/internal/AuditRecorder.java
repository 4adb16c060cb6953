package org.yunjian.audit.internal;

import java.util.Optional;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.yunjian.security.ActingToken;
import org.yunjian.security.CurrentUser;
import org.yunjian.shared.AuditableEvent;

/**
 * Records every {@link AuditableEvent} synchronously. A success is written inside the publisher's
 * transaction: if the publisher's work rolls back, so does its entry, and if the entry cannot be written the
 * publisher's work fails. A refusal or failure ({@code DENIED}, {@code FAILURE}) must survive the rollback
 * of the work that failed, so it gets a transaction of its own ({@code REQUIRES_NEW}) — at once, or, if the
 * publisher's transaction already appended entries and so holds the log's head row, right after that
 * transaction ends. A read-only publisher transaction cannot insert, so there every entry gets its own.
 * Who acted: the authenticated user, else the event's actor, else {@code cli:<os user>} in
 * the command line or {@code system} for background work; and, when the user acted through an API token, which
 * token (its id and name).
 */
@Component
class AuditRecorder {

    private final AuditLog log;
    private final boolean cli;
    private final TransactionTemplate separate;
    private final TransactionTemplate required;
    private static final org.slf4j.Logger logger = org.slf4j.LoggerFactory.getLogger(AuditRecorder.class);

    AuditRecorder(AuditLog log, Environment environment, PlatformTransactionManager transactions) {
        this.log = log;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.required = new TransactionTemplate(transactions);
        this.cli = environment.acceptsProfiles(Profiles.of("cli"));
    }

    @EventListener
    public void on(AuditableEvent event) {
        Optional<CurrentUser> user = CurrentUser.current();
        String remote = remoteAddress();
        String who = user.map(CurrentUser::username)
                .or(() -> Optional.ofNullable(event.actor()))
                .orElseGet(() -> remote != null
                        ? "anonymous"
                        : cli ? "cli:" + System.getProperty("user.name", "unknown") : "system");
        UUID org = user.map(CurrentUser::organizationId).orElse(null);
        Optional<ActingToken> token = ActingToken.current();
        AuditLog.Draft draft = new AuditLog.Draft(
                who,
                org,
                remote,
                event.action(),
                event.objectType(),
                event.objectId(),
                event.outcome().name(),
                event.detail(),
                token.map(ActingToken::id).orElse(null),
                token.map(ActingToken::name).orElse(null));
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            required.executeWithoutResult(status -> log.append(draft));
        } else if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            // a read-only transaction cannot insert (PostgreSQL enforces it): record in a transaction of its own
            separate.executeWithoutResult(status -> log.append(draft));
        } else if (event.outcome() == AuditableEvent.Outcome.SUCCESS) {
            log.append(draft);
        } else if (!log.appendedInThisTransaction()) {
            // a refusal survives the rollback of the work that was refused
            separate.executeWithoutResult(status -> log.append(draft));
        } else {
            // this transaction holds the head row: a transaction of its own would wait for it, so record after it
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    try {
                        separate.executeWithoutResult(s -> log.append(draft));
                    } catch (RuntimeException e) {
                        logger.error(
                                "Could not record audit event {} {} after its transaction ended",
                                draft.action(),
                                draft.outcome(),
                                e);
                    }
                }
            });
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
