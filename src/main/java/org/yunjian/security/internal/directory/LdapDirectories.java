package org.yunjian.security.internal.directory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.DirContext;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.ldap.DefaultSpringSecurityContextSource;
import org.springframework.security.ldap.authentication.BindAuthenticator;
import org.springframework.security.ldap.search.FilterBasedLdapUserSearch;
import org.springframework.stereotype.Component;

/**
 * An organisation's LDAP or Active Directory server, asked with Spring Security's LDAP support: the password is checked
 * by binding as the person ({@link BindAuthenticator}, the entry found by DN pattern or by search filter), and
 * membership by asking whether the group entry lists the person's DN as {@code member} or {@code uniqueMember}, bound
 * as the configured bind DN (anonymously without one). Every connection goes through {@link DirectorySockets}, so the
 * directories' outbound address policy judges it; referrals are not followed.
 */
@Component
class LdapDirectories {

    /** A person the directory knows: the entry's DN, the name they signed in with, and the name to show. */
    record Person(String dn, String name, String displayName) {}

    static final String READ_TIMEOUT_MS = "10000";

    private final org.yunjian.shared.outbound.OutboundPolicy policy;

    LdapDirectories(org.yunjian.shared.outbound.OutboundPolicies policies) {
        this.policy = policies.directories();
    }

    /**
     * The person {@code name} is, if {@code password} is theirs; {@link BadCredentialsException} if not (or no such
     * person), {@link DirectoryUnreachableException} if the server cannot be asked.
     */
    Person authenticate(DirectoryConnection c, String name, String password) {
        return DirectorySockets.using(policy, () -> bind(c, name, password));
    }

    private Person bind(DirectoryConnection c, String name, String password) {
        DefaultSpringSecurityContextSource source = source(c);
        BindAuthenticator authenticator = new BindAuthenticator(source);
        DirectoryConnection.Ldap l = c.ldap();
        if (!l.userDnPattern().isEmpty()) {
            authenticator.setUserDnPatterns(new String[] {l.userDnPattern()});
        } else {
            authenticator.setUserSearch(new FilterBasedLdapUserSearch(l.baseDn(), l.userSearchFilter(), source));
        }
        DirContextOperations entry;
        try {
            entry = authenticator.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(name, password));
        } catch (UsernameNotFoundException e) {
            throw new BadCredentialsException("unknown person");
        } catch (org.springframework.ldap.NamingException | IllegalStateException e) {
            throw new DirectoryUnreachableException(e.getMessage());
        }
        String display = first(entry, "displayName", "cn");
        return new Person(entry.getNameInNamespace(), name, display == null ? name : display);
    }

    /**
     * Whether the entry {@code dn} still exists and is a member of the connection's group; {@link
     * DirectoryUnreachableException} if the server cannot be asked.
     */
    boolean isMember(DirectoryConnection c, String dn) {
        return DirectorySockets.using(policy, () -> lookUp(c, dn));
    }

    private boolean lookUp(DirectoryConnection c, String dn) {
        DirContext ctx = null;
        try {
            ctx = source(c).getReadOnlyContext();
            try {
                ctx.getAttributes(dn, new String[] {"objectClass"});
            } catch (NameNotFoundException gone) {
                return false;
            }
            SearchControls controls = new SearchControls();
            controls.setSearchScope(SearchControls.OBJECT_SCOPE);
            controls.setReturningAttributes(new String[0]);
            controls.setCountLimit(1);
            NamingEnumeration<SearchResult> found;
            try {
                found = ctx.search(
                        c.ldap().groupDn(), "(|(member={0})(uniqueMember={0}))", new Object[] {dn}, controls);
            } catch (NameNotFoundException noGroup) {
                return false;
            }
            try {
                return found.hasMore();
            } finally {
                found.close();
            }
        } catch (NamingException | org.springframework.ldap.NamingException e) {
            throw new DirectoryUnreachableException(e.getMessage());
        } finally {
            if (ctx != null) {
                try {
                    ctx.close();
                } catch (NamingException ignored) {
                    // closing a connection that failed
                }
            }
        }
    }

    private static DefaultSpringSecurityContextSource source(DirectoryConnection c) {
        DirectoryConnection.Ldap l = c.ldap();
        DefaultSpringSecurityContextSource source = new DefaultSpringSecurityContextSource(List.of(l.url()), "");
        if (!l.bindDn().isEmpty()) {
            source.setUserDn(l.bindDn());
            source.setPassword(l.bindPassword() == null ? "" : l.bindPassword());
        } else {
            source.setAnonymousReadOnly(true);
        }
        source.setPooled(false);
        source.setReferral("ignore");
        Map<String, Object> env = new HashMap<>();
        env.put(
                "java.naming.ldap.factory.socket",
                l.url().regionMatches(true, 0, "ldaps:", 0, 6)
                        ? DirectorySockets.Tls.class.getName()
                        : DirectorySockets.Plain.class.getName());
        env.put("com.sun.jndi.ldap.read.timeout", READ_TIMEOUT_MS);
        source.setBaseEnvironmentProperties(env);
        source.afterPropertiesSet();
        return source;
    }

    private static String first(DirContextOperations entry, String... attributes) {
        for (String a : attributes) {
            String v = entry.getStringAttribute(a);
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
