package org.yunjian.security.internal.directory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

/**
 * The OpenID Connect client registrations, one per enabled OIDC directory connection, built from the database when
 * asked (the registration id is the connection's id): the provider's endpoints come from its discovery document
 * ({@code <issuer>/.well-known/openid-configuration}, fetched through the directories' outbound policy, its {@code
 * issuer} required to be the configured one), kept {@value #KEEP_MINUTES} minutes per connection version, so an edit
 * takes effect at once.
 */
@Component
class DirectoryClientRegistrations implements ClientRegistrationRepository {

    static final long KEEP_MINUTES = 10;
    private static final Logger log = LoggerFactory.getLogger(DirectoryClientRegistrations.class);

    private final DirectoryConnectionRepository connections;
    private final DirectoryHttp http;
    private final Cache<String, ClientRegistration> cache = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(KEEP_MINUTES))
            .maximumSize(1_000)
            .build();

    DirectoryClientRegistrations(DirectoryConnectionRepository connections, DirectoryHttp http) {
        this.connections = connections;
        this.http = http;
    }

    /** The registration of an enabled OIDC connection, or {@code null} (unknown, disabled, or the provider unreachable). */
    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        UUID id;
        try {
            id = UUID.fromString(registrationId);
        } catch (IllegalArgumentException e) {
            return null;
        }
        Optional<DirectoryConnection> found = connections
                .findById(id)
                .filter(c -> c.enabled()
                        && c.kind() == DirectoryConnection.Kind.OIDC
                        && c.oidc().clientSecret() != null);
        if (found.isEmpty()) {
            return null;
        }
        DirectoryConnection c = found.get();
        try {
            return cache.get(c.id() + ":" + c.version(), k -> build(c));
        } catch (DirectoryUnreachableException e) {
            log.warn("OpenID Connect provider of {} not usable: {}", c.loginDomain(), e.getMessage());
            return null;
        }
    }

    /** The registration of {@code c}, fetching the provider's metadata; {@link DirectoryUnreachableException} if not. */
    ClientRegistration registrationOf(DirectoryConnection c) {
        return cache.get(c.id() + ":" + c.version(), k -> build(c));
    }

    private ClientRegistration build(DirectoryConnection c) {
        Map<String, Object> meta = discover(c.oidc().issuerUri());
        String authorization = string(meta, "authorization_endpoint");
        String token = string(meta, "token_endpoint");
        String jwks = string(meta, "jwks_uri");
        if (authorization == null || token == null || jwks == null) {
            throw new DirectoryUnreachableException("discovery-without-endpoints");
        }
        return ClientRegistration.withRegistrationId(c.id().toString())
                .clientId(c.oidc().clientId())
                .clientSecret(c.oidc().clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile")
                .authorizationUri(authorization)
                .tokenUri(token)
                .jwkSetUri(jwks)
                .userInfoUri(string(meta, "userinfo_endpoint"))
                .userNameAttributeName("sub")
                .issuerUri(c.oidc().issuerUri())
                .providerConfigurationMetadata(meta)
                .clientName(c.loginDomain())
                .build();
    }

    private Map<String, Object> discover(String issuer) {
        Map<String, Object> meta;
        try {
            meta = http.rest()
                    .exchange(
                            issuer + "/.well-known/openid-configuration",
                            HttpMethod.GET,
                            null,
                            new ParameterizedTypeReference<Map<String, Object>>() {})
                    .getBody();
        } catch (RestClientException e) {
            throw new DirectoryUnreachableException("discovery failed: " + e.getMessage());
        }
        if (meta == null || !issuer.equals(String.valueOf(meta.get("issuer")).replaceAll("/+$", ""))) {
            // OpenID Connect Discovery 1.0, section 4.3: the issuer must be the one asked
            throw new DirectoryUnreachableException("discovery-issuer-mismatch");
        }
        return meta;
    }

    private static String string(Map<String, Object> meta, String key) {
        Object v = meta.get(key);
        return v instanceof String s && !s.isBlank() ? s : null;
    }
}
