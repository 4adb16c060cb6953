package org.yunjian.security.internal.directory;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.stereotype.Component;

/**
 * Keeps what a sign-in through an OpenID Connect provider yields for later: the refresh token only (sealed, on the
 * account's {@code directory_account} row), with which {@link OidcMembership} asks the provider again whether the
 * person is still the organisation's. The access token is not kept: the platform calls no API of the provider on the
 * person's behalf. A provider that gives no refresh token clears the one kept.
 */
@Component
class DirectoryAuthorizedClients implements OAuth2AuthorizedClientRepository {

    private final DirectoryAccountRepository links;

    DirectoryAuthorizedClients(DirectoryAccountRepository links) {
        this.links = links;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(
            String registrationId, Authentication principal, HttpServletRequest request) {
        return null;
    }

    @Override
    public void saveAuthorizedClient(
            OAuth2AuthorizedClient client,
            Authentication principal,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (principal != null && principal.getPrincipal() instanceof DirectoryOidcUser user) {
            links.storeRefreshToken(
                    user.account().user().userId(),
                    client.getRefreshToken() == null
                            ? null
                            : client.getRefreshToken().getTokenValue());
        }
    }

    @Override
    public void removeAuthorizedClient(
            String registrationId, Authentication principal, HttpServletRequest request, HttpServletResponse response) {
        // nothing is kept per request
    }
}
