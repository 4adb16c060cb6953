package org.yunjian.security;

import java.util.UUID;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Seeding (the demo data) done as someone: the platform itself for what an administrator would set up, or an
 * account for what a person would record, so every write is authorised and audited as it would be on the web and
 * pages name the person who "recorded" it. The caller's security context is restored afterwards.
 */
public final class SeedActor {

    /** The user name the platform's own seeding writes under. */
    public static final String PLATFORM_NAME = "system:demo-seed";

    private SeedActor() {}

    /** The platform, as a system administrator outside any organisation. */
    public static CurrentUser platform() {
        return new CurrentUser(new UUID(0, 0), PLATFORM_NAME, null, Role.SYSTEM_ADMIN);
    }

    /** An existing account, as it is logged in. */
    public static CurrentUser of(UserView account) {
        return new CurrentUser(account.id(), account.username(), account.organizationId(), account.role());
    }

    /** The account named {@code username} as it is logged in, if it exists. */
    public static java.util.Optional<CurrentUser> account(UserAdministration users, String username) {
        return users.list().stream()
                .filter(u -> u.username().equals(username))
                .findFirst()
                .map(SeedActor::of);
    }

    /** Runs {@code work} as {@code who}. */
    public static void run(CurrentUser who, Runnable work) {
        var saved = SecurityContextHolder.getContext();
        try {
            AccountPrincipal principal = new AccountPrincipal(who, "", true, false, true);
            var ctx = SecurityContextHolder.createEmptyContext();
            ctx.setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
            SecurityContextHolder.setContext(ctx);
            work.run();
        } finally {
            SecurityContextHolder.setContext(saved);
        }
    }
}
