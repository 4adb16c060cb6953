package org.yunjian.security.internal.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;
import org.yunjian.security.internal.Account;
import org.yunjian.security.internal.AccountRepository;
import org.yunjian.security.internal.Messages;
import org.yunjian.security.internal.session.SessionRevocations;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.ForbiddenException;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.paging.PageRequest;
import org.yunjian.shared.paging.Paged;
import org.yunjian.shared.work.WorkAddressee;
import org.yunjian.shared.work.WorkSnapshot;
import org.yunjian.shared.work.WorkSource;
import org.yunjian.shared.work.WorkTask;

/**
 * The two-person rule for administrators (三权分立): creating an account with an administrator role, or
 * giving an account one, only files a request; the account cannot log in (new account) or keeps its old
 * role (promotion) until a second security administrator approves. Nobody approves a request they made
 * or one about their own account. On the command line the operator of the installation decides, as
 * {@code cli:<os user>}, and cannot approve a request made from the command line by the same OS user.
 * The first security administrator, created with the one-time set-up token, and demo accounts are the
 * only administrators that need no approval. A refusal names the rule (403), a request decided meanwhile is a
 * conflict (409).
 *
 * <p>A pending request waits for the other security administrators: after every change of a request (filed,
 * decided, its account deleted) the account's {@link WorkSnapshot} is published — one task addressed to every
 * security administrator but the requester — by {@link #waiting}, the same method {@link #publishAll} uses.
 */
@Service
public class AdministratorApprovals implements WorkSource {

    /** Who asks or decides: a logged-in administrator, or the command-line operator (no account id). */
    record Actor(String name, UUID id) {
        static Actor current() {
            return CurrentUser.current()
                    .map(u -> new Actor(u.username(), u.userId()))
                    .orElseGet(() -> new Actor("cli:" + System.getProperty("user.name", "operator"), null));
        }
    }

    private final AdminRequestRepository requests;
    private final AccountRepository accounts;
    private final SessionRevocations revocations;
    private final Messages messages;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    AdministratorApprovals(
            AdminRequestRepository requests,
            AccountRepository accounts,
            SessionRevocations revocations,
            Messages messages,
            TransactionTemplate tx,
            Clock clock,
            ApplicationEventPublisher events) {
        this.requests = requests;
        this.accounts = accounts;
        this.revocations = revocations;
        this.messages = messages;
        this.tx = tx;
        this.clock = clock;
        this.events = events;
    }

    public List<AdminRequest> pending() {
        return requests.pending();
    }

    /** One page of the pending requests, oldest first, read in SQL with their total. */
    public Paged<AdminRequest> pending(PageRequest page) {
        return requests.pending(page);
    }

    public Optional<AdminRequest> pendingFor(UUID accountId) {
        return requests.pendingFor(accountId).map(AdminRequestRepository.Stored::request);
    }

    /** Files a request (inside the caller's transaction); refused if one is pending for the account already. */
    public AdminRequest file(Account subject, AdminRequest.Kind kind, Role role) {
        if (requests.pendingFor(subject.id()).isPresent()) {
            throw new FieldErrors.ValidationException("role", "security.adminRequest.error.pending");
        }
        Actor by = Actor.current();
        AdminRequest r = new AdminRequest(
                UUID.randomUUID(),
                subject.id(),
                subject.username(),
                kind,
                role,
                kind == AdminRequest.Kind.PROMOTE ? subject.role() : null,
                by.name(),
                clock.instant(),
                AdminRequest.Status.PENDING,
                null,
                null);
        requests.insert(r, by.id());
        publishWaiting(subject.id());
        events.publishEvent(AuditableEvent.success(
                "user.admin.request",
                "user",
                subject.id(),
                Msg.of(
                        "security.audit.approval.requested." + kind.name(),
                        by.name(),
                        subject.username(),
                        Msg.of("security.role." + role.name()))));
        return r;
    }

    /** Approves as the current administrator (web, REST) or the command-line operator. */
    public AdminRequest approve(UUID requestId) {
        return decide(requestId, AdminRequest.Status.APPROVED);
    }

    public AdminRequest reject(UUID requestId) {
        return decide(requestId, AdminRequest.Status.REJECTED);
    }

    private AdminRequest decide(UUID requestId, AdminRequest.Status outcome) {
        Actor by = Actor.current();
        String action = outcome == AdminRequest.Status.APPROVED ? "user.admin.approve" : "user.admin.reject";
        AdminRequestRepository.Stored stored =
                requests.find(requestId).orElseThrow(() -> new NotFoundException("admin request", requestId));
        AdminRequest r = stored.request();
        CurrentUser caller = CurrentUser.current().orElse(null);
        String refusal = null;
        if (caller != null && caller.role() != Role.SECURITY_ADMIN) {
            refusal = "security.error.approval.notSecurityAdmin";
        } else if (outcome == AdminRequest.Status.APPROVED
                && (by.id() != null
                        ? by.id().equals(stored.requestedById())
                        : by.name().equals(r.requestedBy()))) {
            refusal = "security.error.approval.ownRequest";
        } else if (outcome == AdminRequest.Status.APPROVED
                && by.id() != null
                && by.id().equals(r.accountId())) {
            refusal = "security.error.approval.ownAccount";
        }
        if (refusal != null) {
            events.publishEvent(AuditableEvent.failure(
                    action,
                    "user",
                    r.accountId(),
                    Msg.of("security.audit.approval.refused", by.name(), r.requestedBy(), Msg.of(refusal))));
            throw new ForbiddenException(Msg.of(refusal));
        }
        Instant now = clock.instant();
        Boolean done = tx.execute(status -> {
            if (!requests.decide(r.id(), outcome, by.name(), by.id(), now)) {
                return false;
            }
            Account a =
                    accounts.findById(r.accountId()).orElseThrow(() -> new NotFoundException("user", r.accountId()));
            if (outcome == AdminRequest.Status.APPROVED && r.kind() == AdminRequest.Kind.CREATE) {
                accounts.setAwaitingApproval(a.id(), false);
            } else if (outcome == AdminRequest.Status.APPROVED) {
                accounts.update(new Account(
                        a.id(),
                        a.username(),
                        a.displayName(),
                        r.requestedRole(),
                        null,
                        a.passwordHash(),
                        a.passwordChangedAt(),
                        a.mustChangePassword(),
                        a.failedAttempts(),
                        a.lockedUntil(),
                        a.totpSecret(),
                        a.enabled(),
                        a.demo(),
                        a.createdAt(),
                        a.awaitingApproval()));
                revocations.revoke(a.id(), now);
                events.publishEvent(AuditableEvent.success(
                        "user.role.change",
                        "user",
                        a.id(),
                        Msg.of(
                                "security.audit.user.roleChanged",
                                a.username(),
                                Msg.of("security.role." + a.role().name()),
                                Msg.of("security.role." + r.requestedRole().name()))));
            } else if (r.kind() == AdminRequest.Kind.CREATE) {
                accounts.update(new Account(
                        a.id(),
                        a.username(),
                        a.displayName(),
                        a.role(),
                        a.organizationId(),
                        a.passwordHash(),
                        a.passwordChangedAt(),
                        a.mustChangePassword(),
                        a.failedAttempts(),
                        a.lockedUntil(),
                        a.totpSecret(),
                        false,
                        a.demo(),
                        a.createdAt(),
                        true));
            }
            events.publishEvent(AuditableEvent.success(
                    action,
                    "user",
                    a.id(),
                    Msg.of(
                            "security.audit.approval." + outcome.name() + "."
                                    + r.kind().name(),
                            by.name(),
                            a.username(),
                            Msg.of("security.role." + r.requestedRole().name()),
                            r.requestedBy())));
            publishWaiting(a.id());
            return true;
        });
        if (!Boolean.TRUE.equals(done)) {
            throw new ConflictException("admin-request-decided", "security.adminRequest.error.decided");
        }
        return requests.find(r.id()).orElseThrow().request();
    }

    /** Publishes what waits on the account's administrator request (nothing, once decided or gone). */
    public void publishWaiting(UUID accountId) {
        events.publishEvent(waiting(accountId));
    }

    /** Every pending request's task (the inbox's rebuild). */
    @Override
    public void publishAll() {
        requests.pending().forEach(r -> publishWaiting(r.accountId()));
    }

    /**
     * What waits on the account's administrator request: while it is pending, its approval by a security
     * administrator other than the requester (the two-person rule; a request from the command line has no requester)
     * and other than the account it is about (never one's own request).
     */
    WorkSnapshot waiting(UUID accountId) {
        String scope = "admin-request:" + accountId;
        return requests.pendingFor(accountId)
                .map(stored -> {
                    AdminRequest r = stored.request();
                    WorkTask task = new WorkTask(
                            "approve",
                            "security.work.adminRequest",
                            List.of(
                                    r.username(),
                                    "msg:security.adminRequest.kind." + r.kind().name(),
                                    "msg:security.role." + r.requestedRole().name(),
                                    r.requestedBy()),
                            "/admin/users/requests",
                            WorkAddressee.administrators(Role.SECURITY_ADMIN.name())
                                    .except(stored.requestedById(), accountId),
                            null);
                    return new WorkSnapshot(scope, List.of(task));
                })
                .orElseGet(() -> WorkSnapshot.nothingWaiting(scope));
    }
}
