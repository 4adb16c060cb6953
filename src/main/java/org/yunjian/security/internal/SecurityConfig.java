package org.yunjian.security.internal;

import java.time.Clock;
import java.util.Arrays;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.yunjian.security.AccountPrincipal;
import org.yunjian.security.PasswordHashing;
import org.yunjian.security.Role;
import org.yunjian.security.internal.directory.DirectoryMembership;
import org.yunjian.security.internal.directory.DirectorySignIn;
import org.yunjian.security.internal.login.AddressThrottle;
import org.yunjian.security.internal.login.LoginSuccessHandler;
import org.yunjian.security.internal.login.LoginThrottleFilter;
import org.yunjian.security.internal.password.PasswordPolicy;
import org.yunjian.security.internal.session.SessionPolicyFilter;
import org.yunjian.security.internal.session.SessionRevocations;
import org.yunjian.security.internal.token.ApiTokenFilter;
import org.yunjian.security.internal.token.ApiTokens;
import org.yunjian.security.internal.token.InteractiveOnlyRoutes;
import org.yunjian.security.internal.token.MonitoringTokenFilter;
import org.yunjian.shared.AuditableEvent;

/**
 * Method security, password hashing and authorisation events everywhere (the CLI too); the HTTP
 * filter chain only in the web application.
 */
@Configuration
@EnableMethodSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfig {

    /** Stylesheets, scripts and icons: public, and no session rule applies to them ({@link SessionPolicyFilter}). */
    static final String[] STATIC = {"/css/**", "/js/**", "/webjars/**", "/favicon.ico"};

    static final String[] PUBLIC = Stream.concat(
                    Arrays.stream(STATIC),
                    Stream.of(
                            "/login",
                            "/setup",
                            "/api/csrf",
                            "/error",
                            "/api/exit-projects/signing-key",
                            // the sample government website the demo's monitors probe (served in demo mode only:
                            // monitoring.internal.MonitoringDemo); elsewhere nothing answers there
                            "/demo-site/**",
                            // health for load balancers and orchestrators: the status only, details to
                            // MONITORING_READERS
                            "/actuator/health",
                            "/actuator/health/liveness",
                            "/actuator/health/readiness",
                            // a user's calendar feed: calendar applications cannot log in; the secret token in the path
                            // guards it
                            "/lifecycle/calendar/*.ics",
                            // a regulator checks an approved report without an account (rate-limited like logins)
                            "/report-check",
                            "/report-check/signing-key.pem",
                            "/api/report-check",
                            // an invitee opens the e-mailed link before having an account; the single-use secret in the
                            // path guards it
                            "/invitation/*",
                            // an organisation's directory sign-in (security.internal.directory): the page, and the
                            // step that sends a person to their organisation's OpenID Connect provider
                            "/login/directory",
                            "/login/directory/oidc"))
            .toArray(String[]::new);

    /** Whether {@code path} (without the context path) is one of {@link #STATIC}. */
    public static boolean isStatic(String path) {
        for (String pattern : STATIC) {
            boolean match = pattern.endsWith("/**")
                    ? path.startsWith(pattern.substring(0, pattern.length() - 2))
                    : path.equals(pattern);
            if (match) {
                return true;
            }
        }
        return false;
    }

    /** The OpenAPI document and Swagger UI: public unless {@code yunjian.security.public-api-docs=false} (production). */
    static final String[] API_DOCS = {
        "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html"
    };

    /** {@code /api/**} as Spring routes it (decoded, path parameters removed): where a bearer token may be used. */
    public static final RequestMatcher API_PATHS =
            PathPatternRequestMatcher.withDefaults().matcher("/api/**");
    /** {@code /actuator/**} as Spring routes it: the monitoring credential's, not an API token's. */
    public static final RequestMatcher ACTUATOR_PATHS =
            PathPatternRequestMatcher.withDefaults().matcher("/actuator/**");

    /** Who reads metrics and health details: system administrators and the monitoring credential. */
    static final String[] MONITORING_READERS = {Role.SYSTEM_ADMIN.authority(), MonitoringTokenFilter.AUTHORITY};

    /** Browser features the application never uses, refused to every page (and to anything injected into one). */
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "serial=(), bluetooth=(), hid=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), "
            + "display-capture=(), screen-wake-lock=(), xr-spatial-tracking=(), interest-cohort=()";

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            SecurityContextRepository contexts,
            AccountRepository accounts,
            PasswordPolicy policy,
            SecurityProperties properties,
            SessionRevocations revocations,
            DenialAuditor denials,
            Clock clock,
            ApplicationEventPublisher events,
            AddressThrottle throttle,
            org.springframework.context.MessageSource messages,
            ApiTokens tokens,
            ObjectProvider<RequestMappingInfoHandlerMapping> handlerMappings,
            DirectorySignIn directorySignIn,
            DirectoryMembership directoryMembership,
            @Value("${yunjian.security.public-api-docs:true}") boolean publicApiDocs,
            @Value("${yunjian.monitoring.token-sha256:}") String monitoringToken)
            throws Exception {
        InteractiveOnlyRoutes interactiveOnly = new InteractiveOnlyRoutes(handlerMappings);
        String[] roles =
                java.util.Arrays.stream(Role.values()).map(Role::authority).toArray(String[]::new);
        LogoutHandler auditLogout = (request, response, auth) -> {
            if (auth != null && auth.getPrincipal() instanceof AccountPrincipal p) {
                events.publishEvent(
                        AuditableEvent.success("user.logout", "user", p.user().userId(), (String) null)
                                .withActor(p.getUsername()));
            }
        };
        http.securityContext(c -> c.securityContextRepository(contexts))
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers(PUBLIC).permitAll();
                    if (publicApiDocs) {
                        auth.requestMatchers(API_DOCS).permitAll();
                    }
                    auth.requestMatchers("/actuator/**").hasAnyAuthority(MONITORING_READERS);
                    auth.requestMatchers("/login/totp", "/api/login/totp")
                            .hasAuthority(AccountPrincipal.MFA_PENDING)
                            .anyRequest()
                            .hasAnyAuthority(roles);
                })
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(new LoginSuccessHandler(accounts, policy, clock, events))
                        .failureHandler((request, response, ex) -> {
                            if (Problems.wantsJson(request)) {
                                Problems.write(response, 401, "login-failed", "security.problem.loginFailed");
                            } else {
                                response.sendRedirect(request.getContextPath() + "/login?error");
                            }
                        })
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout")
                        .addLogoutHandler(auditLogout)
                        .logoutSuccessUrl("/login?logout")
                        .invalidateHttpSession(true)
                        .deleteCookies("JSESSIONID")
                        .permitAll())
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                // no server session for anonymous visitors: the CSRF token travels in a cookie (the session
                // begins at login), and a request that needs a login is remembered only in an existing session
                .csrf(c -> c.csrfTokenRepository(csrfTokens())
                        // a bearer token is not sent by a browser on its own, so it cannot be ridden cross-site
                        .ignoringRequestMatchers(ApiTokenFilter::presentsToken))
                .requestCache(c -> c.requestCache(requestCache()))
                .addFilterBefore(
                        new ApiTokenFilter(tokens, throttle, events, interactiveOnly, directoryMembership),
                        org.springframework.security.web.csrf.CsrfFilter.class)
                .addFilterBefore(
                        new SessionPolicyFilter(properties, revocations, clock, events, directoryMembership),
                        AuthorizationFilter.class)
                .addFilterBefore(new MonitoringTokenFilter(monitoringToken, events), AuthorizationFilter.class)
                .addFilterBefore(
                        new LoginThrottleFilter(throttle, messages),
                        org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                                (request, response, ex) ->
                                        Problems.write(response, 401, "unauthorized", "security.problem.unauthorized"),
                                API_PATHS)
                        .defaultAuthenticationEntryPointFor(
                                (request, response, ex) -> Problems.write(
                                        response, 401, "unauthorized", "cluster.problem.monitoringLogin"),
                                ACTUATOR_PATHS)
                        .accessDeniedHandler(denials))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                        + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'"))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(p -> p.policy(PERMISSIONS_POLICY))
                        // sent on secure requests only: TLS here or X-Forwarded-Proto from a trusted proxy
                        .httpStrictTransportSecurity(
                                hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
        directorySignIn.configure(http, contexts);
        return http.build();
    }

    private static CsrfTokenRepository csrfTokens() {
        CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
        tokens.setHeaderName("X-CSRF-TOKEN"); // as before, for API clients and htmx
        tokens.setCookieCustomizer(c -> c.httpOnly(true).sameSite("Strict"));
        return tokens;
    }

    private static RequestCache requestCache() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setCreateSessionAllowed(false);
        return cache;
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new DelegatingSecurityContextRepository(
                new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
    }

    /** Makes URL and method security publish {@code AuthorizationDeniedEvent}s, which {@link DenialAuditor} records. */
    @Bean
    AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher publisher) {
        return new SpringAuthorizationEventPublisher(publisher);
    }

    @Bean
    PasswordEncoder passwordEncoder(
            @Value("${yunjian.security.password-hash.memory-kib:" + PasswordHashing.DEFAULT_MEMORY_KIB + "}")
                    int memoryKib,
            @Value("${yunjian.security.password-hash.iterations:" + PasswordHashing.DEFAULT_ITERATIONS + "}")
                    int iterations) {
        return new PasswordHashing(memoryKib, iterations).encoder();
    }
}
