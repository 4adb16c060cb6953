package org.yunjian.security.internal.session;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.yunjian.security.internal.SecurityProperties;

/**
 * HTTP sessions kept in the database ({@code yunjian.sessions.store=database}, set by the {@code postgres}
 * profile), so that any application node behind the proxy serves any logged-in user and a session outlives the
 * node that began it. The tables come from the Flyway migration ({@code spring_session},
 * {@code spring_session_attributes}); Boot's own JDBC session set-up is excluded ({@code application.yml}), so
 * the embedded single-node default keeps the servlet container's in-memory sessions.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(name = "yunjian.sessions.store", havingValue = "database")
@EnableJdbcHttpSession
class DatabaseSessions {

    /** The same cookie as the container's sessions: {@code JSESSIONID}, HttpOnly, SameSite=Strict, Secure over TLS. */
    @Bean
    org.springframework.session.web.http.CookieSerializer cookieSerializer() {
        org.springframework.session.web.http.DefaultCookieSerializer cookie =
                new org.springframework.session.web.http.DefaultCookieSerializer();
        cookie.setCookieName("JSESSIONID");
        cookie.setUseHttpOnlyCookie(true);
        cookie.setSameSite("Strict");
        return cookie; // Secure follows the request: TLS here or X-Forwarded-Proto from the trusted proxy
    }

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> idleTimeoutAndRecordAttributes(
            SecurityProperties properties) {
        return repository -> {
            repository.setDefaultMaxInactiveInterval(properties.idleTimeout());
            repository.setConversionService(
                    SessionAttributeSerialization.conversionService(DatabaseSessions.class.getClassLoader()));
        };
    }
}
