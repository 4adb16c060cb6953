package org.yunjian.storage;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yunjian.shared.keys.KeyDirectory;

/**
 * The embedded H2 database ({@code jdbc:h2:file:…}) opens with a generated password kept in the key directory
 * ({@code db.password}), never with the empty one. A database created by an earlier version with the empty
 * password is switched over on its first start ({@code ALTER USER … SET PASSWORD}). After opening, the database
 * files are narrowed to 0600. A database held by another process (a running server) is reported as
 * {@link DatabaseInUseException}. PostgreSQL and in-memory URLs are left alone, except for one setting every H2 URL
 * gets ({@link #withoutResultReuse}).
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedH2 {

    static final String PASSWORD_FILE = "db.password";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedH2.class);
    /** H2's error code for "Database may be already in use" (another process holds the file lock). */
    static final int DATABASE_ALREADY_OPEN = 90020;
    /** H2's error code for a wrong user name or password. */
    static final int WRONG_USER_OR_PASSWORD = 28000;

    @Bean
    static BeanPostProcessor embeddedH2Password(ObjectProvider<KeyDirectory> keys) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource ds && ds.getJdbcUrl() != null) {
                    ds.setJdbcUrl(withAbsoluteFile(withoutResultReuse(ds.getJdbcUrl())));
                    if (databaseDirectory(ds.getJdbcUrl()) != null) {
                        // the backup holds the pool still while H2 copies the store file (backup.internal.QuietPool)
                        ds.setAllowPoolSuspension(true);
                    }
                    if (databaseDirectory(ds.getJdbcUrl()) != null
                            && (ds.getPassword() == null || ds.getPassword().isEmpty())) {
                        ds.setPassword(open(ds.getJdbcUrl(), ds.getUsername(), keys.getObject()));
                    }
                }
                return bean;
            }
        };
    }

    private static final java.util.regex.Pattern RESULT_REUSE =
            java.util.regex.Pattern.compile(";OPTIMIZE_REUSE_RESULTS=[^;]*", java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * An H2 URL with H2's reuse of a query's previous result switched off ({@code OPTIMIZE_REUSE_RESULTS=FALSE}, also
     * where the URL asked for it); any other URL unchanged. H2 answers a query again with its previous result when no
     * table changed and the parameters it compares are the same — but it does not compare the parameters inside a
     * {@code WITH} clause (h2database issues 3534 and 4228). The dashboard's page of systems, whose parameters (the
     * caller's organisation) are all inside {@code WITH}, answered a provider with the page its customer had been shown
     * just before: another party's systems. Every query is evaluated anew instead; PostgreSQL has no such cache.
     */
    static String withoutResultReuse(String url) {
        if (!url.startsWith("jdbc:h2:")) {
            return url;
        }
        return RESULT_REUSE.matcher(url).replaceAll("") + ";OPTIMIZE_REUSE_RESULTS=FALSE";
    }

    /**
     * An embedded file database's URL with its file as an absolute path; any other URL unchanged. H2 refuses a path
     * relative to the working directory unless it begins with {@code ./} ("implicitly relative … is not allowed"), so
     * {@code --yunjian.data-dir=data} or {@code YUNJIAN_DATA_DIR=data} stopped the start; {@code ~/…} is H2's own and
     * kept.
     */
    static String withAbsoluteFile(String url) {
        if (url == null || !url.startsWith("jdbc:h2:file:")) {
            return url;
        }
        String file = file(url);
        if (file.startsWith("~")) {
            return url;
        }
        return "jdbc:h2:file:" + Path.of(file).toAbsolutePath().normalize()
                + url.substring("jdbc:h2:file:".length() + file.length());
    }

    /** The directory of an embedded file database's URL, or null for any other URL. */
    static Path databaseDirectory(String url) {
        if (url == null || !url.startsWith("jdbc:h2:file:")) {
            return null;
        }
        return Path.of(file(url)).toAbsolutePath().getParent();
    }

    /** The file part of an embedded file database's URL: what lies between its prefix and the first {@code ;}. */
    private static String file(String url) {
        String rest = url.substring("jdbc:h2:file:".length());
        int semicolon = rest.indexOf(';');
        return semicolon < 0 ? rest : rest.substring(0, semicolon);
    }

    /**
     * Opens the database once with the generated password (creating the database or switching an old one over
     * from the empty password) and returns the password for the pool.
     */
    static String open(String url, String user, KeyDirectory keys) {
        if (user == null || !user.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new IllegalStateException(StorageMessages.get("storage.username.invalid", user));
        }
        // the password may be generated for a database that does not exist yet, or for one an earlier version
        // created with the empty password; a password-protected database whose db.password is gone is an error
        String password = keys.secret(
                PASSWORD_FILE,
                EmbeddedH2::generate,
                () -> !Files.exists(databaseFile(url)) || opensWithEmptyPassword(url, user));
        try {
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                c.isValid(1);
            } catch (SQLException e) {
                if (e.getErrorCode() != WRONG_USER_OR_PASSWORD) {
                    throw e;
                }
                // created by an earlier version with the empty password: switch it over once
                try (Connection c = DriverManager.getConnection(url, user, "");
                        Statement s = c.createStatement()) {
                    s.execute("ALTER USER " + user + " SET PASSWORD '" + password + "'");
                }
                log.warn(StorageMessages.get("storage.password.migrated", keys.resolve(PASSWORD_FILE)));
            }
        } catch (SQLException e) {
            if (inUse(e)) {
                throw new DatabaseInUseException(StorageMessages.get("storage.database.inUse"), e);
            }
            throw new IllegalStateException(StorageMessages.get("storage.database.unopenable", url, e.getMessage()), e);
        }
        DataDirectoryGuard.narrowDatabaseFiles(databaseDirectory(url));
        return password;
    }

    /** The MVStore file of an embedded file database's URL. */
    static Path databaseFile(String url) {
        String file = url.substring("jdbc:h2:file:".length());
        int semicolon = file.indexOf(';');
        return Path.of((semicolon < 0 ? file : file.substring(0, semicolon)) + ".mv.db");
    }

    private static boolean opensWithEmptyPassword(String url, String user) {
        try (Connection c = DriverManager.getConnection(url + ";IFEXISTS=TRUE", user, "")) {
            return c.isValid(1);
        } catch (SQLException e) {
            return false;
        }
    }

    static boolean inUse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == DATABASE_ALREADY_OPEN) {
                return true;
            }
        }
        return false;
    }

    private static String generate() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
