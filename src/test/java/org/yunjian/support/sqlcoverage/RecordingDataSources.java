package org.yunjian.support.sqlcoverage;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Puts {@link SqlCoverage} under every Hikari pool of every application context the test JVM starts (registered in
 * {@code META-INF/spring.factories}; nothing happens unless the coverage directory is set). The pool keeps its URL,
 * credentials and settings: it only gets its connections from a source that opens them with the same driver and
 * notes the statements sent on them. Set as the pool's {@code dataSource} before its first connection, so other
 * post-processors (the embedded database's password, its URL settings) still see and change the pool itself.
 */
public final class RecordingDataSources implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!SqlCoverage.enabled()) {
            return;
        }
        context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool && pool.getDataSource() == null && !pool.isRunning()) {
                    pool.setDataSource(new Recording(pool));
                }
                return bean;
            }
        });
    }

    /** Opens connections as Hikari's own driver source would, from the pool's settings at the time of opening. */
    private static final class Recording implements DataSource {
        private final HikariDataSource pool;

        Recording(HikariDataSource pool) {
            this.pool = pool;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return getConnection(pool.getUsername(), pool.getPassword());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            Properties properties = new Properties();
            properties.putAll(pool.getDataSourceProperties());
            if (username != null) {
                properties.put("user", username);
            }
            if (password != null) {
                properties.put("password", password);
            }
            Connection connection = driver().connect(pool.getJdbcUrl(), properties);
            if (connection == null) {
                throw new SQLException("no driver accepts " + pool.getJdbcUrl());
            }
            return SqlCoverage.recording(connection);
        }

        private Driver driver() throws SQLException {
            String name = pool.getDriverClassName();
            if (name == null) {
                return DriverManager.getDriver(pool.getJdbcUrl());
            }
            try {
                return (Driver) Class.forName(name, true, Thread.currentThread().getContextClassLoader())
                        .getDeclaredConstructor()
                        .newInstance();
            } catch (ReflectiveOperationException e) {
                throw new SQLException("cannot load " + name, e);
            }
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
