package org.yunjian.security.internal.session;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Session attributes the security module keeps. */
public final class SessionKeys {

    /** {@link java.time.Instant} of login; the absolute session limit counts from it. */
    public static final String STARTED = "yunjian.security.started";
    /** Set while the password must be changed before anything else: "expired" or "required". */
    public static final String PASSWORD_CHANGE = "yunjian.security.passwordChange";
    /** A TOTP secret shown for enrolment but not yet confirmed with a code. */
    public static final String TOTP_ENROLMENT = "yunjian.security.totpEnrolment";

    private SessionKeys() {}

    public static java.util.Optional<Object> currentSessionAttribute(String key) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            var session = attrs.getRequest().getSession(false);
            return java.util.Optional.ofNullable(session == null ? null : session.getAttribute(key));
        }
        return java.util.Optional.empty();
    }

    public static void removeFromCurrentSession(String key) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            var session = attrs.getRequest().getSession(false);
            if (session != null) {
                session.removeAttribute(key);
            }
        }
    }
}
