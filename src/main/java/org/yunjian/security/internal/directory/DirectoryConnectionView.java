package org.yunjian.security.internal.directory;

import java.time.Instant;
import java.util.UUID;

/**
 * A directory connection as its administrators see it: every setting but the secrets, of which only whether one is
 * stored ({@code clientSecretSet}, {@code bindPasswordSet}); the secrets are never shown back.
 */
public record DirectoryConnectionView(
        UUID id,
        UUID organizationId,
        String organizationName,
        String kind,
        String loginDomain,
        boolean enabled,
        String issuerUri,
        String clientId,
        boolean clientSecretSet,
        String groupClaim,
        String groupValue,
        String ldapUrl,
        String baseDn,
        String userDnPattern,
        String userSearchFilter,
        String bindDn,
        boolean bindPasswordSet,
        String groupDn,
        Instant updatedAt,
        String updatedBy,
        long version,
        long accounts) {

    static DirectoryConnectionView of(DirectoryConnection c, String organizationName, String updatedBy, long accounts) {
        DirectoryConnection.Oidc o = c.oidc();
        DirectoryConnection.Ldap l = c.ldap();
        return new DirectoryConnectionView(
                c.id(),
                c.organizationId(),
                organizationName,
                c.kind().name(),
                c.loginDomain(),
                c.enabled(),
                o == null ? null : o.issuerUri(),
                o == null ? null : o.clientId(),
                o != null && o.clientSecret() != null,
                o == null ? null : o.groupClaim(),
                o == null ? null : o.groupValue(),
                l == null ? null : l.url(),
                l == null ? null : l.baseDn(),
                l == null ? null : l.userDnPattern(),
                l == null ? null : l.userSearchFilter(),
                l == null ? null : l.bindDn(),
                l != null && l.bindPassword() != null,
                l == null ? null : l.groupDn(),
                c.updatedAt(),
                updatedBy,
                c.version(),
                accounts);
    }
}
