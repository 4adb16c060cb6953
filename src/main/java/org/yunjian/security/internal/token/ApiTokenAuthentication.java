package org.yunjian.security.internal.token;

import java.util.UUID;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.yunjian.security.AccountPrincipal;
import org.yunjian.security.ApiTokenScope;

/**
 * A request authenticated by an API token: the owner's account as it is now (role, organisation), for this request
 * only — never stored in a session.
 */
public final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final AccountPrincipal principal;
    private final UUID tokenId;
    private final String tokenName;
    private final ApiTokenScope scope;

    ApiTokenAuthentication(AccountPrincipal principal, UUID tokenId, String tokenName, ApiTokenScope scope) {
        super(principal.getAuthorities());
        this.principal = principal;
        this.tokenId = tokenId;
        this.tokenName = tokenName;
        this.scope = scope;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public AccountPrincipal getPrincipal() {
        return principal;
    }

    public UUID tokenId() {
        return tokenId;
    }

    /** The name its owner gave the token (never its value). */
    public String tokenName() {
        return tokenName;
    }

    public ApiTokenScope scope() {
        return scope;
    }

    /** Whether the current request came with an API token rather than a login session. */
    public static boolean current() {
        return org.springframework.security.core.context.SecurityContextHolder.getContext()
                        .getAuthentication()
                instanceof ApiTokenAuthentication;
    }
}
