package org.yunjian.security;

import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.context.SecurityContextHolder;
import org.yunjian.security.internal.token.ApiTokenAuthentication;

/**
 * The API token the current request came with, as the audit log names it beside the owner: its id and its name
 * (never its value), so that an auditor tells a token's actions from the person's.
 */
public record ActingToken(UUID id, String name) {

    /** The token of the current request, or empty for a login session, the command line and background work. */
    public static Optional<ActingToken> current() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof ApiTokenAuthentication token
                ? Optional.of(new ActingToken(token.tokenId(), token.tokenName()))
                : Optional.empty();
    }
}
