package org.yunjian.security.internal.directory;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

/**
 * A real OpenID Connect provider for the tests: Spring Authorization Server in a Spring context of its own, on a random
 * port of 127.0.0.1 (the application under test runs on {@code localhost}, so the two keep their cookies apart). People
 * sign in on its login form; the ID tokens it issues (also on refresh) carry a {@code groups} claim read from {@link
 * #groups} at that moment. {@link #remove} does what removing a person at a real provider does: the person can no
 * longer sign in, and every grant they hold (refresh tokens) is revoked.
 */
final class OidcProviderServer implements AutoCloseable {

    static final String CLIENT_SECRET = "provider-client-secret-" + UUID.randomUUID();

    private final ConfigurableApplicationContext context;
    private final State state;

    /** What the provider knows, shared with its beans. */
    static final class State {
        final InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        final Map<String, Set<String>> groups = new ConcurrentHashMap<>();
        final InMemoryRegisteredClientRepository clients;
        final InMemoryOAuth2AuthorizationService authorizations = new InMemoryOAuth2AuthorizationService();
        final Map<String, Set<String>> authorizationIds = new ConcurrentHashMap<>();

        State() {
            // the repository refuses to start empty: a client nobody uses
            clients = new InMemoryRegisteredClientRepository(
                    RegisteredClient.withId(UUID.randomUUID().toString())
                            .clientId("unused")
                            .clientSecret("{noop}unused")
                            .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                            .build());
        }
    }

    private OidcProviderServer(ConfigurableApplicationContext context, State state) {
        this.context = context;
        this.state = state;
    }

    static OidcProviderServer start() {
        State state = new State();
        ProviderConfig.next = state;
        SpringApplication app = new SpringApplication(ProviderConfig.class);
        app.setWebApplicationType(WebApplicationType.SERVLET);
        // none of the application's listeners and initializers (spring.factories): this is another program
        app.setListeners(java.util.List.of());
        app.setInitializers(java.util.List.of());
        app.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
        app.setDefaultProperties(Map.of("spring.config.location", "optional:classpath:/no-such-config/"));
        ConfigurableApplicationContext context = app.run();
        return new OidcProviderServer(context, state);
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    String issuer() {
        return "http://127.0.0.1:" + port();
    }

    /** A client of the provider for the platform, sending people back to {@code redirectUri}. */
    void register(String clientId, String redirectUri) {
        state.clients.save(RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(clientId)
                .clientSecret("{noop}" + CLIENT_SECRET)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri(redirectUri)
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder()
                        .requireAuthorizationConsent(false)
                        .build())
                .build());
    }

    void person(String username, String password, String... groups) {
        state.users.createUser(User.withUsername(username)
                .password("{noop}" + password)
                .roles("PERSON")
                .build());
        state.groups.put(username, Set.of(groups));
    }

    void groups(String username, String... groups) {
        state.groups.put(username, Set.of(groups));
    }

    /** The person is deleted at the provider: no sign-in, and their grants (refresh tokens) revoked. */
    void remove(String username) {
        state.users.deleteUser(username);
        state.groups.remove(username);
        for (String id : state.authorizationIds.getOrDefault(username, Set.of())) {
            OAuth2Authorization a = state.authorizations.findById(id);
            if (a != null) {
                state.authorizations.remove(a);
            }
        }
    }

    @Override
    public void close() {
        context.close();
    }

    // no @Configuration: the application's component scan must not find it (the provider's own context registers it)
    @EnableWebSecurity
    @EnableWebMvc
    static class ProviderConfig {

        static volatile State next;

        private final State state = next;
        private final KeyPair keys = rsa();

        private static KeyPair rsa() {
            try {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(2048);
                return g.generateKeyPair();
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        @Bean
        TomcatServletWebServerFactory providerServer() throws Exception {
            TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
            factory.setAddress(java.net.InetAddress.getByName("127.0.0.1"));
            factory.getSettings().getSession().getCookie().setName("PROVIDERSESSION");
            return factory;
        }

        @Bean
        DispatcherServlet dispatcherServlet() {
            return new DispatcherServlet();
        }

        @Bean
        @Order(1)
        SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
            http.oauth2AuthorizationServer(as -> {
                        http.securityMatcher(as.getEndpointsMatcher());
                        as.registeredClientRepository(state.clients)
                                .authorizationService(authorizationService())
                                .oidc(Customizer.withDefaults());
                    })
                    .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                    .oauth2ResourceServer(rs -> rs.jwt(Customizer.withDefaults()))
                    .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                            new LoginUrlAuthenticationEntryPoint("/login"),
                            new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain people(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(a -> a.anyRequest().authenticated()).formLogin(Customizer.withDefaults());
            return http.build();
        }

        @Bean
        OAuth2AuthorizationService authorizationService() {
            return new OAuth2AuthorizationService() {
                @Override
                public void save(OAuth2Authorization authorization) {
                    state.authorizations.save(authorization);
                    state.authorizationIds
                            .computeIfAbsent(authorization.getPrincipalName(), k -> ConcurrentHashMap.newKeySet())
                            .add(authorization.getId());
                }

                @Override
                public void remove(OAuth2Authorization authorization) {
                    state.authorizations.remove(authorization);
                }

                @Override
                public OAuth2Authorization findById(String id) {
                    return state.authorizations.findById(id);
                }

                @Override
                public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
                    return state.authorizations.findByToken(token, tokenType);
                }
            };
        }

        @Bean
        UserDetailsService users() {
            return state.users;
        }

        @Bean
        JWKSource<SecurityContext> jwkSource() {
            RSAKey key = new RSAKey.Builder((RSAPublicKey) keys.getPublic())
                    .privateKey((RSAPrivateKey) keys.getPrivate())
                    .keyID(UUID.randomUUID().toString())
                    .build();
            return new ImmutableJWKSet<>(new JWKSet(key));
        }

        @Bean
        JwtDecoder jwtDecoder() {
            return NimbusJwtDecoder.withPublicKey((RSAPublicKey) keys.getPublic())
                    .build();
        }

        @Bean
        AuthorizationServerSettings authorizationServerSettings() {
            return AuthorizationServerSettings.builder().build();
        }

        /** The person's groups, as the provider knows them when the ID token is made (at sign-in and on refresh). */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> groupsClaim() {
            return context -> {
                if ("id_token".equals(context.getTokenType().getValue())) {
                    context.getClaims()
                            .claim(
                                    "groups",
                                    List.copyOf(state.groups.getOrDefault(
                                            context.getPrincipal().getName(), Set.of())));
                    context.getClaims()
                            .claim("preferred_username", context.getPrincipal().getName());
                }
            };
        }
    }
}
