package org.yunjian.security.internal;

import java.time.Clock;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.UserAdministration;
import org.yunjian.security.UserView;
import org.yunjian.security.internal.password.PasswordService;
import org.yunjian.security.internal.session.SessionKeys;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Msg;

/** What every logged-in account may do for itself: see its profile and change its password. */
@Service
public class AccountSelfService {

    /** The form's labels of the fields a refused change names in the audit log (not the parameter names). */
    private static final java.util.Map<String, String> FIELD_LABELS = java.util.Map.of(
            "currentPassword",
            "security.password.current",
            "newPassword",
            "security.password.new",
            "confirmPassword",
            "security.password.confirm");

    private final AccountRepository accounts;
    private final PasswordService passwords;
    private final UserAdministration users;
    private final Messages messages;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    AccountSelfService(
            AccountRepository accounts,
            PasswordService passwords,
            UserAdministration users,
            Messages messages,
            Clock clock,
            ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.users = users;
        this.messages = messages;
        this.clock = clock;
        this.events = events;
    }

    public UserView profile() {
        return users.get(CurrentUser.require().userId());
    }

    /** Why this session must change the password before anything else ("expired" or "required"), if it must. */
    public java.util.Optional<String> pendingPasswordChange() {
        return SessionKeys.currentSessionAttribute(SessionKeys.PASSWORD_CHANGE).map(Object::toString);
    }

    /**
     * Changes the caller's password after checking the current one and the policy (including the
     * history). Ends the obligation to change it that an expired or administrator-set password imposes.
     */
    @Transactional(noRollbackFor = FieldErrors.ValidationException.class)
    public void changePassword(String currentPassword, String newPassword, String confirmation) {
        CurrentUser me = CurrentUser.require();
        Account a = accounts.findById(me.userId())
                .orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("account gone"));
        FieldErrors errors = new FieldErrors();
        if (!passwords.matches(currentPassword, a.passwordHash())) {
            errors.add("currentPassword", messages.get("security.password.error.current"));
        }
        passwords.check(errors, "newPassword", a.username(), a, newPassword, null, clock.instant());
        if (confirmation != null && !confirmation.equals(newPassword)) {
            errors.add("confirmPassword", messages.get("security.password.error.confirm"));
        }
        if (!errors.isEmpty()) {
            events.publishEvent(AuditableEvent.failure(
                    "user.password.change",
                    "user",
                    a.id(),
                    Msg.of(
                            "security.audit.password.changeRejected",
                            Msg.joined(errors.asMap().keySet().stream()
                                    .map(field -> Msg.of(FIELD_LABELS.get(field)))
                                    .toList()))));
            errors.throwIfAny();
        }
        Instant now = clock.instant();
        passwords.store(a, newPassword, false, now);
        SessionKeys.removeFromCurrentSession(SessionKeys.PASSWORD_CHANGE);
        events.publishEvent(AuditableEvent.success(
                "user.password.change", "user", a.id(), Msg.of("security.audit.password.changed")));
    }
}
