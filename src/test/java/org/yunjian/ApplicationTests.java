package org.yunjian;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application starts on the configured database with every migration applied and none failed (whatever other
 * tests sharing this context have stored since).
 */
@org.yunjian.support.CommonContext
@org.junit.jupiter.api.Tag("database")
class ApplicationTests {

    @Autowired
    JdbcClient jdbc;
    /** Migrations in Java (they need a key outside the database, e.g. sealing private notes), beside the SQL files. */
    @Autowired
    List<org.flywaydb.core.api.migration.JavaMigration> javaMigrations;

    @Test
    void migratesTheSchema() throws IOException {
        List<String> files;
        try (Stream<Path> s = Files.list(Path.of("src/main/resources/db/migration"))) {
            files = Stream.concat(
                            s.map(p -> p.getFileName().toString())
                                    .filter(n -> n.matches("V\\d+__.+\\.sql"))
                                    .map(n -> n.substring(1, n.indexOf("__"))),
                            javaMigrations.stream().map(m -> m.getVersion().getVersion()))
                    .sorted()
                    .toList();
        }
        List<String> applied = jdbc.sql("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" "
                        + "AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"")
                .query(String.class)
                .list();
        assertThat(applied).as("every migration applied, in order").containsExactlyElementsOf(files);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE NOT \"success\"")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM user_account")
                        .query(Long.class)
                        .single())
                .isNotNegative();
    }
}
