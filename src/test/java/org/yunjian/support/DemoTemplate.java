package org.yunjian.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.yunjian.Application;

/**
 * The demo, seeded once per test JVM and copied for each class that asks for a demo database of its own
 * ({@link TestDatabases#freshDemo}): seeding the demo is the larger part of such a class's start (issue 37, "CI with
 * margin"). The application seeds it itself, as on a newcomer's first start (the demo runners), in a context that is
 * closed again before any copy is made; a copy is the database (H2: its {@code SCRIPT}, run into the class's
 * in-memory database; PostgreSQL: {@code CREATE DATABASE … TEMPLATE}) and the data directory that belongs to it (its
 * keys, the audit head witness, stored evidence). A class's context then finds the demo in place and seeds nothing,
 * as on a second start.
 */
final class DemoTemplate {

    private static DemoTemplate seeded;

    private final Path dataDir;
    /** H2: the script of the seeded database; PostgreSQL: null. */
    private final Path script;
    /** PostgreSQL: the seeded database; H2: null. */
    private final String database;

    private DemoTemplate(Path dataDir, Path script, String database) {
        this.dataDir = dataDir;
        this.script = script;
        this.database = database;
    }

    static synchronized DemoTemplate get() {
        if (seeded == null) {
            seeded = seed();
        }
        return seeded;
    }

    private static DemoTemplate seed() {
        // as command-line arguments: they outrank the system properties the PostgreSQL pass sets for the shared
        // database
        List<String> args = new ArrayList<>();
        TestDatabases.Database db = TestDatabases.create("demo_template", (k, v) -> args.add("--" + k + "=" + v));
        args.add("--yunjian.demo=true");
        args.add("--spring.main.banner-mode=off");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
                .web(WebApplicationType.NONE)
                .run(args.toArray(String[]::new))) {
            context.getId();
        }
        if (System.getProperty(PostgresForTests.ADMIN_URL) != null) {
            String name = db.url().substring(db.url().lastIndexOf('/') + 1);
            return new DemoTemplate(db.dataDir(), null, name);
        }
        Path script = Scratch.track(db.dataDir().resolveSibling(db.dataDir().getFileName() + ".sql"));
        try (Connection c = DriverManager.getConnection(db.url(), "yunjian", "");
                Statement s = c.createStatement()) {
            s.execute("SCRIPT TO '" + script.toAbsolutePath().toString().replace("'", "''") + "'");
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the demo template's script", e);
        }
        return new DemoTemplate(db.dataDir(), script, null);
    }

    /** Puts the seeded demo into the class's new (empty) database and data directory. */
    void copyInto(TestDatabases.Database target, String adminUrl) {
        copyTree(dataDir, target.dataDir());
        if (script != null) {
            try (Connection c = DriverManager.getConnection(target.url(), "yunjian", target.ownerPassword());
                    Statement s = c.createStatement()) {
                s.execute(
                        "RUNSCRIPT FROM '" + script.toAbsolutePath().toString().replace("'", "''") + "'");
                if (target.url().startsWith("jdbc:h2:file:")) {
                    s.execute("SHUTDOWN"); // closed and its file lock gone before a server process opens it
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not copy the demo into " + target.url(), e);
            }
            return;
        }
        String name = target.url().substring(target.url().lastIndexOf('/') + 1);
        try (Connection c = DriverManager.getConnection(adminUrl, "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE " + name);
            SQLException last = null;
            for (int attempt = 0; attempt < 50; attempt++) {
                try {
                    s.execute("CREATE DATABASE " + name + " TEMPLATE " + database + " OWNER " + PostgresForTests.OWNER);
                    return;
                } catch (SQLException e) {
                    // the template's last connections may still be closing ("being accessed by other users")
                    last = e;
                    Thread.sleep(100);
                }
            }
            throw last;
        } catch (SQLException e) {
            throw new IllegalStateException("could not copy the demo into " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
