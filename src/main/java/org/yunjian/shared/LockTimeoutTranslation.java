package org.yunjian.shared;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.SQLExceptionTranslator;

/**
 * PostgreSQL's "lock not available" (SQL state 55P03, raised when {@code lock_timeout} passes) becomes a
 * {@link CannotAcquireLockException} like H2's lock timeout, so a writer that waited too long for a row lock
 * is told to retry (503) instead of getting a 500. Every other error is translated as before.
 */
@Configuration
class LockTimeoutTranslation {

    static final String LOCK_NOT_AVAILABLE = "55P03";

    @Bean
    static BeanPostProcessor lockTimeoutTranslator() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof JdbcTemplate template) {
                    SQLExceptionTranslator standard = template.getExceptionTranslator();
                    template.setExceptionTranslator((task, sql, ex) -> LOCK_NOT_AVAILABLE.equals(ex.getSQLState())
                            ? new CannotAcquireLockException(task + "; " + ex.getMessage(), ex)
                            : standard.translate(task, sql, ex));
                }
                return bean;
            }
        };
    }
}
