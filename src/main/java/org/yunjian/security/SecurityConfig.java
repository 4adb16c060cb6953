package org.yunjian.security;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.yunjian.shared.AuditableEvent;

/**
 * Method security, password hashing and authorisation events everywhere (the CLI too); the HTTP
 * filter chain only in the web application.
 */
@Configuration
@EnableMethodSecurity
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfig {

    static final String[] PUBLIC = {"/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/login", "/setup",
            "/api/csrf", "/error", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html",
            "/actuator/health", "/api/exit-projects/signing-key"};

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain securityFilterChain(HttpSecurity http, SecurityContextRepository contexts,
                                            AccountRepository accounts, PasswordPolicy policy,
                                            SecurityProperties properties, SessionRevocations revocations,
                                            DenialAuditor denials, Clock clock,
                                            ApplicationEventPublisher events, AddressThrottle throttle,
                                            org.springframework.context.MessageSource messages) throws Exception {
        String[] roles = java.util.Arrays.stream(Role.values()).map(Role::authority).toArray(String[]::new);
        LogoutHandler auditLogout = (request, response, auth) -> {
            if (auth != null && auth.getPrincipal() instanceof AccountPrincipal p) {
                events.publishEvent(AuditableEvent.success("user.logout", "user", p.user().userId(), null)
                        .withActor(p.getUsername()));
            }
        };
        http.securityContext(c -> c.securityContextRepository(contexts))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(PUBLIC).permitAll()
                        .requestMatchers("/login/totp", "/api/login/totp").hasAuthority(AccountPrincipal.MFA_PENDING)
                        .anyRequest().hasAnyAuthority(roles))
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(new LoginSuccessHandler(accounts, policy, clock, events))
                        .failureHandler((request, response, ex) -> {
                            if (Problems.wantsJson(request)) {
                                Problems.write(response, 401, "login-failed", "Unauthorized",
                                        "wrong user name or password, or the account is locked");
                            } else {
                                response.sendRedirect(request.getContextPath() + "/login?error");
                            }
                        }).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").addLogoutHandler(auditLogout)
                        .logoutSuccessUrl("/login?logout").invalidateHttpSession(true)
                        .deleteCookies("JSESSIONID").permitAll())
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .addFilterBefore(new SessionPolicyFilter(properties, revocations, clock, events),
                        AuthorizationFilter.class)
                .addFilterBefore(new LoginThrottleFilter(throttle, messages),
                        org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(
                                (request, response, ex) -> Problems.write(response, 401, "unauthorized",
                                        "Unauthorized", "log in first (POST /login with a CSRF token from GET /api/csrf)"),
                                org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher
                                        .withDefaults().matcher("/api/**"))
                        .accessDeniedHandler(denials))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                        + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'"))
                        .frameOptions(f -> f.deny()));
        return http.build();
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
                new HttpSessionSecurityContextRepository());
    }

    /** Makes URL and method security publish {@code AuthorizationDeniedEvent}s, which {@link DenialAuditor} records. */
    @Bean
    AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher publisher) {
        return new SpringAuthorizationEventPublisher(publisher);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    }
}
