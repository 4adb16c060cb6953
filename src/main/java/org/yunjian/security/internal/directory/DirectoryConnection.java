package org.yunjian.security.internal.directory;

import java.net.InetAddress;
import java.net.URI;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import org.yunjian.shared.FieldErrors;

/**
 * An organisation's directory: where its people sign in (an OpenID Connect provider or an LDAP / Active Directory
 * server) and which of the directory's people are the organisation's — those holding {@code groupValue} in the claim
 * {@code groupClaim} (OIDC), or the members of {@code groupDn} (LDAP). Built only through {@link #of}, which names
 * every field that is wrong; an invalid connection cannot exist. Secrets are held opened (never shown: see {@link
 * DirectoryConnectionView}).
 *
 * @param loginDomain what people type after their name to find this directory ({@code alice@bank.example}); the local
 *     account of a person is {@code <name>@<loginDomain>}
 */
public record DirectoryConnection(
        UUID id,
        UUID organizationId,
        Kind kind,
        String loginDomain,
        boolean enabled,
        Oidc oidc,
        Ldap ldap,
        Instant updatedAt,
        String updatedBy,
        long version) {

    public enum Kind {
        OIDC,
        LDAP
    }

    /** The provider, the client registered there for this platform, and the claim and value that grant membership. */
    public record Oidc(String issuerUri, String clientId, String clientSecret, String groupClaim, String groupValue) {}

    /**
     * The server, where people are found (a DN pattern such as {@code uid={0},ou=people,dc=bank,dc=example}, or a
     * filter such as {@code (sAMAccountName={0})} under {@code baseDn}), who to bind as to search and to check
     * membership (none: anonymously), and the group whose members are the organisation's people.
     */
    public record Ldap(
            String url,
            String baseDn,
            String userDnPattern,
            String userSearchFilter,
            String bindDn,
            String bindPassword,
            String groupDn) {}

    /** The settings as typed (form or API); a blank secret keeps the one stored. */
    public record Settings(
            String kind,
            String loginDomain,
            Boolean enabled,
            String issuerUri,
            String clientId,
            String clientSecret,
            String groupClaim,
            String groupValue,
            String ldapUrl,
            String baseDn,
            String userDnPattern,
            String userSearchFilter,
            String bindDn,
            String bindPassword,
            String groupDn) {}

    static final Pattern DOMAIN =
            Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");
    static final int MAX_DOMAIN = 40;
    /** A directory name as part of a local user name: letters, digits, dot, underscore, hyphen. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    /** user_account.username's length. */
    static final int MAX_USERNAME = 64;

    /**
     * The connection {@code settings} describe for {@code organizationId}, keeping {@code existing}'s secrets where
     * none is typed; a {@link FieldErrors.ValidationException} naming each wrong field otherwise.
     */
    static DirectoryConnection of(
            UUID id,
            UUID organizationId,
            Settings s,
            DirectoryConnection existing,
            Instant now,
            String by,
            long version) {
        FieldErrors errors = new FieldErrors();
        Kind kind = null;
        try {
            kind = Kind.valueOf(text(s.kind()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add("kind", "directory.error.kind");
        }
        String domain = text(s.loginDomain()).toLowerCase(Locale.ROOT);
        if (domain.length() > MAX_DOMAIN || !DOMAIN.matcher(domain).matches()) {
            errors.add("loginDomain", "directory.error.loginDomain", MAX_DOMAIN);
        }
        Oidc oidc = null;
        Ldap ldap = null;
        if (kind == Kind.OIDC) {
            String issuer = text(s.issuerUri());
            if (!providerAddress(issuer, false)) {
                errors.add("issuerUri", "directory.error.issuerUri");
            }
            String clientId = required(errors, "clientId", s.clientId(), 255);
            String secret = secret(
                    s.clientSecret(),
                    existing == null || existing.oidc() == null
                            ? null
                            : existing.oidc().clientSecret());
            if (secret == null) {
                errors.add("clientSecret", "directory.error.required");
            } else if (secret.length() > 500) {
                errors.add("clientSecret", "directory.error.tooLong", 500);
            }
            String claim = required(errors, "groupClaim", s.groupClaim(), 100);
            String value = required(errors, "groupValue", s.groupValue(), 255);
            oidc = new Oidc(issuer.replaceAll("/+$", ""), clientId, secret, claim, value);
        } else if (kind == Kind.LDAP) {
            String url = text(s.ldapUrl());
            if (!providerAddress(url, true)) {
                errors.add("ldapUrl", "directory.error.ldapUrl");
            }
            String baseDn = dn(errors, "baseDn", s.baseDn(), true);
            String pattern = text(s.userDnPattern());
            String filter = text(s.userSearchFilter());
            if (pattern.isEmpty() == filter.isEmpty()) {
                errors.add("userDnPattern", "directory.error.patternOrFilter");
            } else if (!pattern.isEmpty()
                    && (!pattern.contains("{0}") || dnOrNull(pattern.replace("{0}", "x")) == null)) {
                errors.add("userDnPattern", "directory.error.userDnPattern");
            } else if (!filter.isEmpty()
                    && (!filter.contains("{0}") || !filter.startsWith("(") || !filter.endsWith(")"))) {
                errors.add("userSearchFilter", "directory.error.userSearchFilter");
            }
            String bindDn = dn(errors, "bindDn", s.bindDn(), false);
            String bindPassword = bindDn.isEmpty()
                    ? null
                    : secret(
                            s.bindPassword(),
                            existing == null || existing.ldap() == null
                                    ? null
                                    : existing.ldap().bindPassword());
            if (!bindDn.isEmpty() && bindPassword == null) {
                errors.add("bindPassword", "directory.error.required");
            }
            String groupDn = dn(errors, "groupDn", s.groupDn(), true);
            ldap = new Ldap(url.replaceAll("/+$", ""), baseDn, pattern, filter, bindDn, bindPassword, groupDn);
        }
        errors.throwIfAny();
        return new DirectoryConnection(
                id,
                organizationId,
                kind,
                domain,
                s.enabled() == null ? existing == null || existing.enabled() : s.enabled(),
                oidc,
                ldap,
                now,
                by,
                version);
    }

    /** This connection, switched on or off. */
    DirectoryConnection enabled(boolean on, Instant now, String by) {
        return new DirectoryConnection(id, organizationId, kind, loginDomain, on, oidc, ldap, now, by, version);
    }

    /**
     * Whether the claims an OIDC provider gave say the person is a member: the group claim holds the value (a list
     * containing it, or the value itself).
     */
    boolean grantsMembership(Map<String, Object> claims) {
        Object held = claims == null ? null : claims.get(oidc.groupClaim());
        if (held instanceof Collection<?> values) {
            return values.stream().anyMatch(v -> oidc.groupValue().equals(String.valueOf(v)));
        }
        if (held instanceof String[] values) {
            return java.util.Arrays.asList(values).contains(oidc.groupValue());
        }
        return held != null && oidc.groupValue().equals(String.valueOf(held));
    }

    /** The local user name of the directory's person {@code name}, if it can be one. */
    Optional<String> localUsername(String name) {
        String n = name == null ? "" : name.strip();
        int at = n.indexOf('@');
        if (at >= 0) {
            n = n.substring(0, at); // an e-mail-like name from the provider: its local part
        }
        String username = n + "@" + loginDomain;
        return NAME.matcher(n).matches() && username.length() <= MAX_USERNAME
                ? Optional.of(username)
                : Optional.empty();
    }

    /**
     * A provider address: {@code https} (for OIDC) or {@code ldaps}/{@code ldap} (LDAP; plain {@code ldap} only to a
     * loopback host, as {@code http} for OIDC: a provider on the same machine or a test server). Never credentials, a
     * query or a fragment in it.
     */
    static boolean providerAddress(String text, boolean ldap) {
        if (text.isEmpty() || text.length() > 500) {
            return false;
        }
        try {
            URI u = new URI(text);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (u.getHost() == null || u.getUserInfo() != null || u.getQuery() != null || u.getFragment() != null) {
                return false;
            }
            if (ldap
                    && u.getPath() != null
                    && !u.getPath().isEmpty()
                    && !u.getPath().equals("/")) {
                return false; // the base DN has a field of its own
            }
            String secure = ldap ? "ldaps" : "https";
            String plain = ldap ? "ldap" : "http";
            return scheme.equals(secure) || (scheme.equals(plain) && loopback(u.getHost()));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static boolean loopback(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false; // a name: not resolved here
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }

    private static String required(FieldErrors errors, String field, String value, int max) {
        String v = text(value);
        if (v.isEmpty()) {
            errors.add(field, "directory.error.required");
        } else if (v.length() > max) {
            errors.add(field, "directory.error.tooLong", max);
        }
        return v;
    }

    private static String secret(String typed, String kept) {
        return typed == null || typed.isEmpty() ? kept : typed;
    }

    private static String dn(FieldErrors errors, String field, String value, boolean required) {
        String v = text(value);
        if (v.isEmpty()) {
            if (required) {
                errors.add(field, "directory.error.required");
            }
            return v;
        }
        if (v.length() > 500 || dnOrNull(v) == null) {
            errors.add(field, "directory.error.dn");
        }
        return v;
    }

    static LdapName dnOrNull(String text) {
        try {
            return new LdapName(text);
        } catch (InvalidNameException | IllegalArgumentException e) {
            return null;
        }
    }
}
