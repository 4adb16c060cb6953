package org.yunjian.security.internal.directory;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AbstractAuthenticationProcessingFilter;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.yunjian.security.AccountPrincipal;

/**
 * {@code POST /login/directory/ldap}: a person of an organisation whose directory is LDAP or Active Directory signs in
 * with {@code <name>@<login domain>} and the directory's password. The login domain finds the organisation's
 * connection; Spring Security's {@code BindAuthenticator} checks the password against that directory
 * ({@link LdapDirectories}); the group decides membership; {@link DirectoryAccounts#signIn} gives the local account.
 * The session id changes, as at a local login; the throttle of failed logins applies ({@code LoginThrottleFilter}).
 */
final class DirectoryLdapLoginFilter extends AbstractAuthenticationProcessingFilter {

    private final DirectoryConnectionRepository connections;
    private final LdapDirectories ldap;
    private final DirectoryAccounts accounts;

    DirectoryLdapLoginFilter(
            DirectoryConnectionRepository connections,
            LdapDirectories ldap,
            DirectoryAccounts accounts,
            SecurityContextRepository contexts,
            DirectorySignInHandlers handlers) {
        super(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login/directory/ldap"));
        this.connections = connections;
        this.ldap = ldap;
        this.accounts = accounts;
        setSecurityContextRepository(contexts);
        setSessionAuthenticationStrategy(new ChangeSessionIdAuthenticationStrategy());
        setAuthenticationSuccessHandler(handlers);
        setAuthenticationFailureHandler(handlers);
        setAuthenticationManager(a -> {
            throw new IllegalStateException("not-used");
        });
    }

    @Override
    public Authentication attemptAuthentication(HttpServletRequest request, HttpServletResponse response) {
        String typed = param(request, "username").strip();
        String password = param(request, "password");
        int at = typed.lastIndexOf('@');
        String name = at > 0 ? typed.substring(0, at) : "";
        String domain = at > 0 ? typed.substring(at + 1).toLowerCase(Locale.ROOT) : "";
        Optional<DirectoryConnection> found = domain.isEmpty()
                ? Optional.empty()
                : connections
                        .findByDomain(domain)
                        .filter(c -> c.enabled() && c.kind() == DirectoryConnection.Kind.LDAP);
        if (found.isEmpty() || name.isEmpty()) {
            throw accounts.refuse(DirectoryAccounts.Refusal.UNKNOWN_DOMAIN, typed, null, null);
        }
        DirectoryConnection c = found.get();
        if (password.isEmpty()) {
            throw accounts.refuse(DirectoryAccounts.Refusal.BAD_CREDENTIALS, typed, null, c);
        }
        LdapDirectories.Person person;
        boolean member;
        try {
            person = ldap.authenticate(c, name, password);
            member = ldap.isMember(c, person.dn());
        } catch (BadCredentialsException e) {
            throw accounts.refuse(DirectoryAccounts.Refusal.BAD_CREDENTIALS, typed, null, c);
        } catch (DirectoryUnreachableException e) {
            throw accounts.refuse(DirectoryAccounts.Refusal.UNREACHABLE, typed, null, c);
        }
        AccountPrincipal principal = accounts.signIn(
                c, new DirectoryAccounts.Person(person.dn(), person.name(), person.displayName(), member));
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }

    private static String param(HttpServletRequest request, String name) {
        String v = request.getParameter(name);
        return v == null ? "" : v;
    }
}
