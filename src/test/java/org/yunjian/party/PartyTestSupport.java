package org.yunjian.party;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yunjian.security.AccountPrincipal;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;

/** Callers and valid credit codes for party tests. */
public final class PartyTestSupport {

    private static final SecureRandom RANDOM = new SecureRandom();

    private PartyTestSupport() {}

    public static CurrentUser admin() {
        return new CurrentUser(UUID.randomUUID(), "sysadmin", null, Role.SYSTEM_ADMIN);
    }

    /** A member of the organisation holding the whole-organisation grant (the suite's default business user). */
    public static CurrentUser user(UUID organizationId) {
        CurrentUser u = assignedOnly(organizationId);
        org.yunjian.support.WholeOrganizationGrants.grant(u.userId(), organizationId);
        return u;
    }

    /** A member of the organisation without the grant: sees the systems they are assigned to (none, at first). */
    public static CurrentUser assignedOnly(UUID organizationId) {
        return new CurrentUser(
                UUID.randomUUID(), "user-" + organizationId.toString().substring(0, 8), organizationId, Role.USER);
    }

    public static CurrentUser other(Role role) {
        return new CurrentUser(UUID.randomUUID(), role.name().toLowerCase(), null, role);
    }

    public static UsernamePasswordAuthenticationToken token(CurrentUser u) {
        AccountPrincipal p = new AccountPrincipal(u, "n/a", true, false, true);
        return UsernamePasswordAuthenticationToken.authenticated(p, null, p.getAuthorities());
    }

    /** MockMvc post-processor: the request is made by {@code u}, fully authenticated, with a CSRF token. */
    public static RequestPostProcessor as(CurrentUser u) {
        RequestPostProcessor auth = authentication(token(u));
        RequestPostProcessor csrf = csrf();
        return request -> csrf.postProcessRequest(auth.postProcessRequest(request));
    }

    /** Runs {@code work} with {@code u} as the current user of this thread. */
    public static <T> T runAs(CurrentUser u, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(token(u));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void runAs(CurrentUser u, Runnable work) {
        runAs(u, () -> {
            work.run();
            return null;
        });
    }

    /** A fresh valid credit code: registration 9 / type 1, a Beijing division code, random body, computed check. */
    public static String newCreditCode() {
        StringBuilder b = new StringBuilder("91110105");
        for (int i = 0; i < 9; i++) {
            b.append(CreditCode.CHARSET.charAt(RANDOM.nextInt(CreditCode.CHARSET.length())));
        }
        return b.append(CreditCode.checkCharacter(b.toString())).toString();
    }
}
