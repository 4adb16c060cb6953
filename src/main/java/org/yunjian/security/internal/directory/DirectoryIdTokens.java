package org.yunjian.security.internal.directory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.converter.ClaimTypeConverter;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;

/**
 * Decoders of the ID tokens a directory's provider issues, as Spring Security's {@link OidcIdTokenDecoderFactory}
 * builds them (signature by the provider's key set, issuer, audience, expiry, the standard claim types) except that the
 * key set is fetched through the directories' outbound policy ({@link DirectoryHttp}). Asymmetric signatures only
 * (RS256, ES256, PS256); one decoder per registration and key set address, kept ten minutes.
 */
@Component
class DirectoryIdTokens implements JwtDecoderFactory<ClientRegistration> {

    private final DirectoryHttp http;
    private final Cache<String, JwtDecoder> decoders = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(10))
            .maximumSize(1_000)
            .build();

    DirectoryIdTokens(DirectoryHttp http) {
        this.http = http;
    }

    @Override
    public JwtDecoder createDecoder(ClientRegistration registration) {
        String jwks = registration.getProviderDetails().getJwkSetUri();
        return decoders.get(registration.getRegistrationId() + " " + jwks + " " + registration.getClientId(), k -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwks)
                    .restOperations(http.rest())
                    .jwsAlgorithms(a -> {
                        a.add(SignatureAlgorithm.RS256);
                        a.add(SignatureAlgorithm.ES256);
                        a.add(SignatureAlgorithm.PS256);
                    })
                    .build();
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                    new JwtTimestampValidator(), new OidcIdTokenValidator(registration)));
            decoder.setClaimSetConverter(
                    new ClaimTypeConverter(OidcIdTokenDecoderFactory.createDefaultClaimTypeConverters()));
            return decoder;
        });
    }
}
