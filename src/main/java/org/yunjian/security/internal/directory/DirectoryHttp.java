package org.yunjian.security.internal.directory;

import java.time.Duration;
import java.util.List;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.yunjian.shared.outbound.OutboundHttp;
import org.yunjian.shared.outbound.OutboundPolicies;

/**
 * Every connection the platform makes to an organisation's directory goes through the directories' outbound address
 * policy ({@code yunjian.outbound.directories.allowed-ranges}; {@code yunjian.outbound.allowed-ranges} for every
 * purpose): OpenID Connect discovery, the token endpoint, the key set and the user-info endpoint over one HTTP client
 * whose sockets the policy judges ({@link OutboundHttp}), LDAP over {@link DirectorySockets} ({@link LdapDirectories}). Nothing private is
 * reachable unless an administrator allows its range; redirects are not followed.
 */
@Component
class DirectoryHttp implements DisposableBean {

    static final Duration CONNECT = Duration.ofSeconds(5);
    static final Duration READ = Duration.ofSeconds(10);

    private final CloseableHttpClient client;
    private final RestTemplate rest;
    private final RestTemplate userInfo;
    private final RestClient tokens;

    DirectoryHttp(OutboundPolicies policies) {
        this.client = OutboundHttp.client(policies.directories(), null, OutboundHttp.Resolver.SYSTEM, 20, CONNECT);
        HttpComponentsClientHttpRequestFactory factory = new HttpComponentsClientHttpRequestFactory(client);
        factory.setReadTimeout(READ);
        this.rest = new RestTemplate(factory);
        this.userInfo = new RestTemplate(factory);
        this.userInfo.setErrorHandler(new OAuth2ErrorResponseErrorHandler());
        this.tokens = RestClient.builder()
                .requestFactory(factory)
                .messageConverters(
                        List.of(new FormHttpMessageConverter(), new OAuth2AccessTokenResponseHttpMessageConverter()))
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build();
    }

    /** Discovery and the key set. */
    RestTemplate rest() {
        return rest;
    }

    /** The user-info endpoint (an error answer becomes an OAuth 2.0 error). */
    RestTemplate userInfo() {
        return userInfo;
    }

    /** The token endpoint (the authorisation code and the refresh token). */
    RestClient tokens() {
        return tokens;
    }

    @Override
    public void destroy() throws Exception {
        client.close();
    }
}
