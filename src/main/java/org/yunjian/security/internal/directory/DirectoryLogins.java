package org.yunjian.security.internal.directory;

import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Finds the OpenID Connect provider of the organisation whose login domain a person typed (or name@domain). */
@Component
public class DirectoryLogins {

    private final DirectoryConnectionRepository connections;
    private final DirectoryClientRegistrations registrations;

    DirectoryLogins(DirectoryConnectionRepository connections, DirectoryClientRegistrations registrations) {
        this.connections = connections;
        this.registrations = registrations;
    }

    /** The registration id to send the person to, if the domain's connection is an enabled, reachable OIDC one. */
    public Optional<String> providerOf(String typed) {
        return oidc(typed)
                .filter(c -> registrations.findByRegistrationId(c.id().toString()) != null)
                .map(c -> c.id().toString());
    }

    /** Why {@link #providerOf} found none. */
    public DirectoryAccounts.Refusal whyNoProvider(String typed) {
        return oidc(typed).isPresent()
                ? DirectoryAccounts.Refusal.UNREACHABLE
                : DirectoryAccounts.Refusal.UNKNOWN_DOMAIN;
    }

    private Optional<DirectoryConnection> oidc(String typed) {
        String t = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        String domain = t.substring(t.lastIndexOf('@') + 1);
        if (domain.isEmpty() || domain.length() > DirectoryConnection.MAX_DOMAIN) {
            return Optional.empty();
        }
        return connections.findByDomain(domain).filter(c -> c.enabled() && c.kind() == DirectoryConnection.Kind.OIDC);
    }
}
