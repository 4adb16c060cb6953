package org.yunjian.security.internal.directory;

import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.yunjian.security.internal.login.AddressThrottle;
import org.yunjian.security.internal.login.LoginThrottleFilter;

/**
 * Directory sign-in in the HTTP filter chain ({@code SecurityConfig} calls {@link #configure}): Spring Security's
 * {@code oauth2Login} over the registrations of the database's OIDC connections ({@code /oauth2/authorization/<id>},
 * back at {@code /login/oauth2/code/<id>}; authorisation code with PKCE, the token endpoint and the key set through the
 * directories' outbound policy), and the LDAP form ({@code POST /login/directory/ldap}). Both end in {@link
 * DirectorySignInHandlers}; the page that offers them is {@code /login/directory}.
 */
@Component
public class DirectorySignIn {

    private final DirectoryClientRegistrations registrations;
    private final DirectoryAuthorizedClients authorizedClients;
    private final DirectoryOidcUsers users;
    private final DirectoryConnectionRepository connections;
    private final LdapDirectories ldap;
    private final DirectoryAccounts accounts;
    private final DirectoryMembership membership;
    private final DirectoryHttp http;
    private final AddressThrottle throttle;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    DirectorySignIn(
            DirectoryClientRegistrations registrations,
            DirectoryAuthorizedClients authorizedClients,
            DirectoryOidcUsers users,
            DirectoryConnectionRepository connections,
            LdapDirectories ldap,
            DirectoryAccounts accounts,
            DirectoryMembership membership,
            DirectoryHttp http,
            AddressThrottle throttle,
            Clock clock,
            ApplicationEventPublisher events) {
        this.registrations = registrations;
        this.authorizedClients = authorizedClients;
        this.users = users;
        this.connections = connections;
        this.ldap = ldap;
        this.accounts = accounts;
        this.membership = membership;
        this.http = http;
        this.throttle = throttle;
        this.clock = clock;
        this.events = events;
    }

    /** Adds directory sign-in to {@code security}, after its local login and login throttle are configured. */
    public void configure(HttpSecurity security, SecurityContextRepository contexts) throws Exception {
        DirectorySignInHandlers handlers = new DirectorySignInHandlers(contexts, membership, throttle, clock, events);
        RestClientAuthorizationCodeTokenResponseClient tokens = new RestClientAuthorizationCodeTokenResponseClient();
        tokens.setRestClient(http.tokens());
        security.oauth2Login(o -> o.loginPage("/login/directory")
                .clientRegistrationRepository(registrations)
                .authorizedClientRepository(authorizedClients)
                .authorizationEndpoint(a -> a.authorizationRequestResolver(resolver()))
                .tokenEndpoint(t -> t.accessTokenResponseClient(tokens))
                .userInfoEndpoint(u -> u.oidcUserService(users))
                .successHandler(handlers)
                .failureHandler(handlers));
        security.addFilterAfter(
                new DirectoryLdapLoginFilter(connections, ldap, accounts, contexts, handlers),
                LoginThrottleFilter.class);
    }

    /** Spring's resolver with PKCE; an unknown or unusable registration is no redirect (the request goes on: 404). */
    private OAuth2AuthorizationRequestResolver resolver() {
        DefaultOAuth2AuthorizationRequestResolver resolver =
                new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        return new OAuth2AuthorizationRequestResolver() {
            @Override
            public OAuth2AuthorizationRequest resolve(jakarta.servlet.http.HttpServletRequest request) {
                try {
                    return resolver.resolve(request);
                } catch (IllegalArgumentException unknown) {
                    return null;
                }
            }

            @Override
            public OAuth2AuthorizationRequest resolve(
                    jakarta.servlet.http.HttpServletRequest request, String registrationId) {
                try {
                    return resolver.resolve(request, registrationId);
                } catch (IllegalArgumentException unknown) {
                    return null;
                }
            }
        };
    }
}
