package org.yunjian.security.internal.directory;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.RequestEntity;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

/**
 * Asks an OpenID Connect provider whether a person is still the organisation's, without the person: the refresh token
 * stored at sign-in ({@link DirectoryAuthorizedClients}) is redeemed at the token endpoint. A provider that deleted the
 * person, or ended their sessions and grants, answers {@code invalid_grant}: removed. Otherwise the new ID token (or,
 * without one, the user-info endpoint) carries the person's current claims, and the group claim decides. A rotated
 * refresh token replaces the stored one; an {@code invalid_grant} for a token another node rotated meanwhile is asked
 * again with the new one, so two nodes do not take each other's rotation for a removal.
 */
@Component
class OidcMembership {

    private final DirectoryClientRegistrations registrations;
    private final DirectoryIdTokens idTokens;
    private final DirectoryAccountRepository links;
    private final DirectoryHttp http;
    private final OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> refresh;

    OidcMembership(
            DirectoryClientRegistrations registrations,
            DirectoryIdTokens idTokens,
            DirectoryAccountRepository links,
            DirectoryHttp http) {
        this.registrations = registrations;
        this.idTokens = idTokens;
        this.links = links;
        this.http = http;
        RestClientRefreshTokenTokenResponseClient client = new RestClientRefreshTokenTokenResponseClient();
        client.setRestClient(http.tokens());
        this.refresh = client;
    }

    /**
     * Whether the person of {@code link} is still a member; empty when no refresh token is stored (the provider gave
     * none); {@link DirectoryUnreachableException} when the provider cannot be asked.
     */
    Optional<Boolean> isMember(DirectoryConnection c, DirectoryAccountRepository.Link link) {
        if (link.refreshToken() == null) {
            return Optional.empty();
        }
        ClientRegistration registration;
        try {
            registration = registrations.registrationOf(c);
        } catch (RuntimeException e) {
            throw new DirectoryUnreachableException(e.getMessage());
        }
        String used = link.refreshToken();
        for (int attempt = 0; attempt < 2; attempt++) {
            OAuth2AccessTokenResponse response;
            try {
                response = refresh.getTokenResponse(grant(registration, used));
            } catch (OAuth2AuthorizationException e) {
                if (!OAuth2ErrorCodes.INVALID_GRANT.equals(e.getError().getErrorCode())) {
                    throw new DirectoryUnreachableException(e.getError().getErrorCode());
                }
                Optional<String> now = links.find(link.accountId()).map(DirectoryAccountRepository.Link::refreshToken);
                if (now.isPresent() && !now.get().equals(used)) {
                    used = now.get(); // rotated by another node meanwhile
                    continue;
                }
                return Optional.of(false);
            } catch (RestClientException e) {
                throw new DirectoryUnreachableException(e.getMessage());
            }
            if (response.getRefreshToken() != null
                    && !used.equals(response.getRefreshToken().getTokenValue())) {
                links.rotateRefreshToken(
                        link.accountId(), used, response.getRefreshToken().getTokenValue());
            }
            Map<String, Object> claims = claims(registration, response);
            if (claims == null) {
                return Optional.of(true); // the grant was honoured and there is nothing more to ask
            }
            if (!link.subject().equals(String.valueOf(claims.get("sub")))) {
                throw new DirectoryUnreachableException("subject-mismatch");
            }
            return Optional.of(c.grantsMembership(claims));
        }
        return Optional.of(false);
    }

    private static OAuth2RefreshTokenGrantRequest grant(ClientRegistration registration, String refreshToken) {
        Instant now = Instant.now();
        // the access token is not kept: the grant needs one only for its scopes
        OAuth2AccessToken unused = new OAuth2AccessToken(
                OAuth2AccessToken.TokenType.BEARER,
                "unused",
                now.minusSeconds(2),
                now.minusSeconds(1),
                registration.getScopes());
        return new OAuth2RefreshTokenGrantRequest(
                registration, unused, new OAuth2RefreshToken(refreshToken, null), Set.of());
    }

    /** The claims of the new ID token, else of the user-info endpoint, else {@code null}. */
    private Map<String, Object> claims(ClientRegistration registration, OAuth2AccessTokenResponse response) {
        Object idToken = response.getAdditionalParameters().get(OidcParameterNames.ID_TOKEN);
        if (idToken instanceof String value) {
            try {
                Jwt jwt = idTokens.createDecoder(registration).decode(value);
                return jwt.getClaims();
            } catch (JwtException e) {
                throw new DirectoryUnreachableException("id-token-unverified: " + e.getMessage());
            }
        }
        String userInfo =
                registration.getProviderDetails().getUserInfoEndpoint().getUri();
        if (userInfo == null || userInfo.isBlank()) {
            return null;
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(response.getAccessToken().getTokenValue());
        try {
            return http.userInfo()
                    .exchange(
                            new RequestEntity<>(headers, HttpMethod.GET, java.net.URI.create(userInfo)),
                            new ParameterizedTypeReference<Map<String, Object>>() {})
                    .getBody();
        } catch (OAuth2AuthorizationException | RestClientException e) {
            throw new DirectoryUnreachableException(e.getMessage());
        }
    }
}
