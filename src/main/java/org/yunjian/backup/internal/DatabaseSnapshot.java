package org.yunjian.backup.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.yunjian.backup.BackupException;

/**
 * A consistent copy of the database taken by the process that holds it: H2's {@code BACKUP TO} (a copy of the store
 * file) through the application's own data source and credentials, while no other transaction is open
 * ({@link QuietPool}); on PostgreSQL
 * {@code pg_dump --format=custom} (one repeatable-read snapshot) as the schema owner Flyway uses.
 */
@Component
class DatabaseSnapshot {

    static final String H2_FILE = "yunjian.zip";
    static final String PG_FILE = "yunjian.pgdump";

    private final DataSource dataSource;
    private final String pgDump;
    private final String ownerUrl;
    private final String ownerUser;
    private final String ownerPassword;
    private final Duration quietTimeout;

    DatabaseSnapshot(
            DataSource dataSource,
            @Value("${yunjian.backup.pg-dump:pg_dump}") String pgDump,
            @Value("${spring.flyway.url:${spring.datasource.url}}") String ownerUrl,
            @Value("${spring.flyway.user:${spring.datasource.username:}}") String ownerUser,
            @Value("${spring.flyway.password:${spring.datasource.password:}}") String ownerPassword,
            @Value("${yunjian.backup.quiet-timeout:30s}") Duration quietTimeout) {
        this.dataSource = dataSource;
        this.pgDump = pgDump;
        this.ownerUrl = ownerUrl;
        this.ownerUser = ownerUser;
        this.ownerPassword = ownerPassword;
        this.quietTimeout = quietTimeout;
    }

    /** Writes the snapshot into {@code dir} and returns the database kind ({@code h2} or {@code postgresql}). */
    String take(Path dir) throws IOException {
        Files.createDirectories(dir);
        String product;
        String url;
        try (Connection c = dataSource.getConnection()) {
            product = c.getMetaData().getDatabaseProductName();
            url = c.getMetaData().getURL();
            if ("H2".equalsIgnoreCase(product)) {
                if (url.contains(":mem:")) {
                    throw new BackupException("backup.error.in-memory");
                }
                // the copy's own connection, and the caller's transaction if it runs in one: it runs no statement
                // while this thread copies
                int own = TransactionSynchronizationManager.getResource(dataSource) == null ? 1 : 2;
                try (QuietPool still = QuietPool.hold(dataSource, own, quietTimeout);
                        Statement s = c.createStatement()) {
                    s.execute("BACKUP TO '"
                            + dir.resolve(H2_FILE).toAbsolutePath().toString().replace("'", "''") + "'");
                }
                return "h2";
            }
        } catch (SQLException e) {
            throw new BackupException(e, "backup.error.database", e.getMessage());
        }
        if (product.toLowerCase().contains("postgres")) {
            pgDump(dir.resolve(PG_FILE));
            return "postgresql";
        }
        throw new BackupException("backup.error.database-kind", product);
    }

    /** {@code pg_dump} from the PATH, else the newest Debian server package's ({@code /usr/lib/postgresql/N/bin}). */
    static String executable(String configured) {
        if (!"pg_dump".equals(configured)) {
            return configured;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "pg_dump"))) {
                return configured;
            }
        }
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin/pg_dump"))
                    .filter(Files::isExecutable)
                    .max(java.util.Comparator.comparingInt(
                            p -> version(p.getParent().getParent())))
                    .map(Path::toString)
                    .orElse(configured);
        } catch (IOException e) {
            return configured;
        }
    }

    private static int version(Path dir) {
        try {
            return Integer.parseInt(dir.getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void pgDump(Path out) throws IOException {
        if (!ownerUrl.startsWith("jdbc:postgresql:")) {
            throw new BackupException("backup.error.database", ownerUrl);
        }
        List<String> cmd = new ArrayList<>(List.of(
                executable(pgDump),
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                "--file=" + out.toAbsolutePath(),
                "--dbname=" + ownerUrl.substring("jdbc:".length()),
                // sessions are bearer credentials and end with a restore; heartbeats and throttles are the moment's
                "--exclude-table-data=*.spring_session",
                "--exclude-table-data=*.spring_session_attributes",
                "--exclude-table-data=*.cluster_node",
                "--exclude-table-data=*.login_throttle"));
        if (!ownerUser.isBlank()) {
            cmd.add("--username=" + ownerUser);
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("PGPASSWORD", ownerPassword);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new BackupException(e, "backup.error.pg-dump-missing", pgDump);
        }
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(1, TimeUnit.HOURS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new BackupException("backup.error.pg-dump", output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new BackupException(e, "backup.error.pg-dump", "interrupted");
        }
    }
}
