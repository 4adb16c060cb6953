package org.yunjian.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.springframework.boot.SpringApplication;

/**
 * When the run asks for PostgreSQL ({@code -Dyunjian.test.db=postgres}, the Maven {@code postgres}
 * execution), starts a throw-away PostgreSQL cluster from the installed Debian binaries on a free
 * loopback port, creates the schema-owner and application roles the production profile uses, and
 * points Spring at it through system properties. Without PostgreSQL binaries the run's tests are
 * skipped with a notice — or, under {@code CI=true}, the run fails.
 */
public class PostgresForTests implements LauncherSessionListener {

    public static final String UNAVAILABLE = "yunjian.test.pg.unavailable";
    /** Superuser JDBC URL of the test cluster's maintenance database, for tests that need databases of their own. */
    public static final String ADMIN_URL = "yunjian.test.pg.admin-url";

    static final String OWNER = "yunjian_owner";
    static final String APP = "yunjian_app";

    private Path dir;
    private Path pgBin;

    public static boolean requested() {
        return "postgres".equals(System.getProperty("yunjian.test.db"));
    }

    static boolean mandatory() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!requested() || System.getProperty("spring.datasource.url") != null) {
            return;
        }
        pgBin = findPgBin();
        if (pgBin == null) {
            String msg = "PostgreSQL binaries (initdb, pg_ctl) not found: install Debian package 'postgresql'.";
            if (mandatory()) {
                throw new IllegalStateException(msg + " CI=true makes the PostgreSQL tests mandatory.");
            }
            System.err.println("\n*** NOTICE: " + msg + " The PostgreSQL run of the suite is SKIPPED. ***\n");
            System.setProperty(UNAVAILABLE, "true");
            return;
        }
        try {
            start();
        } catch (IOException | InterruptedException | SQLException e) {
            throw new IllegalStateException("Could not start a PostgreSQL server for the tests: " + e.getMessage(), e);
        }
    }

    private void start() throws IOException, InterruptedException, SQLException {
        dir = Files.createTempDirectory("yunjian-pg-");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            UserPrincipalLookupService lookup = dir.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(dir, lookup.lookupPrincipalByName("postgres"));
        }
        Path data = dir.resolve("data");
        int port = ChildPorts.free();
        run(
                root,
                pgBin.resolve("initdb").toString(),
                "-D",
                data.toString(),
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync");
        run(
                root,
                pgBin.resolve("pg_ctl").toString(),
                "-D",
                data.toString(),
                "-w",
                "-t",
                "60",
                "-l",
                dir.resolve("server.log").toString(),
                "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=400",
                "start");
        // stopped by Spring Boot's shutdown hook after it has closed the suite's contexts: stopped beside them (at the
        // end of the launcher session, or in a JVM hook of its own), the server went first, and a context's last
        // database work (the node leaving cluster_node) waited for a connection until surefire killed the JVM, 30
        // seconds after the last test
        SpringApplication.getShutdownHandlers().add(this::stop);

        String base = "jdbc:postgresql://127.0.0.1:" + port + "/";
        try (Connection c = DriverManager.getConnection(base + "postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + OWNER + " LOGIN PASSWORD 'owner'");
            s.execute("CREATE ROLE " + APP + " LOGIN PASSWORD 'app'");
            s.execute("CREATE DATABASE yunjian OWNER " + OWNER + " ENCODING 'UTF8'");
        }
        String url = base + "yunjian";
        System.setProperty(ADMIN_URL, base + "postgres");
        System.setProperty("spring.datasource.url", url);
        System.setProperty("spring.datasource.username", APP);
        System.setProperty("spring.datasource.password", "app");
        System.setProperty("spring.flyway.url", url);
        System.setProperty("spring.flyway.user", OWNER);
        System.setProperty("spring.flyway.password", "owner");
        System.setProperty("yunjian.db.app-role", APP);
        System.setProperty("yunjian.test.pg.owner-url", url);
        System.setProperty("yunjian.test.pg.owner-user", OWNER);
        System.setProperty("yunjian.test.pg.owner-password", "owner");
        System.setProperty("yunjian.test.pg.app-url", url);
        System.setProperty("yunjian.test.pg.app-user", APP);
        System.setProperty("yunjian.test.pg.app-password", "app");
        System.err.println("PostgreSQL test server started at " + url);
    }

    private synchronized void stop() {
        if (dir == null) {
            return;
        }
        try {
            boolean root = "root".equals(System.getProperty("user.name"));
            run(
                    root,
                    pgBin.resolve("pg_ctl").toString(),
                    "-D",
                    dir.resolve("data").toString(),
                    "-m",
                    "immediate",
                    "-w",
                    "stop");
        } catch (IOException | InterruptedException | RuntimeException e) {
            System.err.println("Could not stop the PostgreSQL test server: " + e.getMessage());
        }
        keepLog(dir.resolve("server.log"));
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temp dir; the OS cleans it eventually
        }
        dir = null;
    }

    /**
     * Keeps the server's log as {@code target/postgres-server.log} and names its FATAL lines (a client refused, e.g.
     * "too many clients already"): a context that could not connect shows only "Failed to load ApplicationContext".
     */
    private static void keepLog(Path log) {
        try {
            if (!Files.isRegularFile(log) || !Files.isDirectory(Path.of("target"))) {
                return;
            }
            Path kept = Path.of("target", "postgres-server.log");
            Files.copy(log, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            try (Stream<String> lines = Files.lines(kept, java.nio.charset.StandardCharsets.UTF_8)) {
                List<String> fatal = lines.filter(l -> l.contains("FATAL:")
                                && !l.contains("terminating connection due to administrator command"))
                        .toList();
                if (!fatal.isEmpty()) {
                    System.err.println("PostgreSQL test server: " + fatal.size() + " FATAL line(s) in " + kept
                            + ", first: " + fatal.get(0));
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            System.err.println("Could not keep the PostgreSQL test server's log: " + e.getMessage());
        }
    }

    private static void run(boolean asPostgres, String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (asPostgres) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.addAll(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out);
        }
    }

    /** A PostgreSQL client program ({@code pg_restore}, {@code psql}) of the newest installed server package. */
    public static String pgTool(String name) {
        Path bin = findPgBin();
        return bin == null ? name : bin.resolve(name).toString();
    }

    static Path findPgBin() {
        Path lib = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> versions = Files.list(lib)) {
                return versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                        .max(Comparator.comparing(b -> Integer.parseInt(
                                b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                        .orElse(null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return null;
    }

    /**
     * A new, empty database of the running test cluster named {@code prefix_<random>}, as {@code -D} properties for a
     * server or CLI process ({@link ServerProcess}): its URL, the test users and the application role.
     */
    public static Map<String, String> newDatabase(String prefix) throws SQLException {
        String adminUrl = System.getProperty(ADMIN_URL);
        String name = prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = DriverManager.getConnection(adminUrl, "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " OWNER " + System.getProperty("yunjian.test.pg.owner-user")
                    + " ENCODING 'UTF8'");
        }
        String url = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name;
        Map<String, String> props = new LinkedHashMap<>();
        props.put("spring.datasource.url", url);
        props.put("spring.datasource.username", System.getProperty("spring.datasource.username"));
        props.put("spring.datasource.password", System.getProperty("spring.datasource.password"));
        props.put("spring.flyway.url", url);
        props.put("spring.flyway.user", System.getProperty("spring.flyway.user"));
        props.put("spring.flyway.password", System.getProperty("spring.flyway.password"));
        props.put("yunjian.db.app-role", System.getProperty("yunjian.db.app-role"));
        return props;
    }
}
