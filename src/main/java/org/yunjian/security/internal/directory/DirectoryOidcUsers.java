package org.yunjian.security.internal.directory;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * After the provider's answer was verified (ID token signature, issuer, audience, nonce): the person's claims (the ID
 * token's and the user-info endpoint's, fetched through the directories' outbound policy), whether the group claim makes
 * them the organisation's, and the local account they sign in as ({@link DirectoryAccounts#signIn}; a non-member is
 * refused there, audited).
 */
@Component
class DirectoryOidcUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService delegate = new OidcUserService();
    private final DirectoryConnectionRepository connections;
    private final DirectoryAccounts accounts;

    DirectoryOidcUsers(DirectoryHttp http, DirectoryConnectionRepository connections, DirectoryAccounts accounts) {
        DefaultOAuth2UserService userInfo = new DefaultOAuth2UserService();
        userInfo.setRestOperations(http.userInfo());
        delegate.setOauth2UserService(userInfo);
        this.connections = connections;
        this.accounts = accounts;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        Optional<DirectoryConnection> c = connections
                .findById(UUID.fromString(request.getClientRegistration().getRegistrationId()))
                .filter(x -> x.enabled() && x.kind() == DirectoryConnection.Kind.OIDC);
        if (c.isEmpty()) {
            throw accounts.refuse(DirectoryAccounts.Refusal.UNREACHABLE, null, null, null);
        }
        OidcUser user = delegate.loadUser(request);
        Map<String, Object> claims = user.getClaims();
        String name = first(claims, "preferred_username", "email", "sub");
        String display = first(claims, "name", "preferred_username", "sub");
        boolean member = c.get().grantsMembership(claims);
        return new DirectoryOidcUser(
                user, accounts.signIn(c.get(), new DirectoryAccounts.Person(user.getSubject(), name, display, member)));
    }

    private static String first(Map<String, Object> claims, String... names) {
        for (String n : names) {
            Object v = claims.get(n);
            if (v instanceof String s && !s.isBlank()) {
                return s.strip();
            }
        }
        return "";
    }
}
