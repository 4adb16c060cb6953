package org.yunjian.support.sqlcoverage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Writes the pass's statements when its tests are done and, in the PostgreSQL pass of a whole build (the pom sets
 * {@value #COMPARE}), names every statement the H2 pass sent that the PostgreSQL pass did not:
 * {@value #MISSING} in the coverage directory, which the build's enforcer refuses (the PostgreSQL pass runs only the
 * classes with PostgreSQL-specific risk, so a statement none of them sends is a statement never tried on
 * PostgreSQL). Origins that send H2-only statements by design are listed with their reasons in
 * {@code src/test/resources/sql-coverage/h2-only.txt}.
 */
public final class SqlCoverageSession implements LauncherSessionListener {

    static final String COMPARE = "yunjian.test.sql-coverage.compare";
    static final String MISSING = "missing-on-postgres.txt";

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (SqlCoverage.enabled() && SqlCoverage.pass().equals("postgres")) {
            try {
                Files.deleteIfExists(SqlCoverage.directory().resolve(MISSING));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (!SqlCoverage.enabled()) {
            return;
        }
        Map<String, String> sent = SqlCoverage.statements();
        Path dir = SqlCoverage.directory();
        SqlCoverage.write(dir.resolve(SqlCoverage.pass() + ".tsv"), sent);
        Map<String, java.util.Set<String>> byClass = SqlCoverage.classes();
        if (!byClass.isEmpty()) {
            Map<String, String> lines = new TreeMap<>();
            byClass.forEach((sql, classes) -> lines.put(sql, String.join(",", new java.util.TreeSet<>(classes))));
            SqlCoverage.write(dir.resolve(SqlCoverage.pass() + "-classes.tsv"), lines);
        }
        Path h2 = dir.resolve("h2.tsv");
        if (SqlCoverage.pass().equals("postgres") && Boolean.getBoolean(COMPARE) && Files.exists(h2)) {
            Map<String, String> missing = missing(SqlCoverage.read(h2), sent.keySet(), h2Only());
            if (!missing.isEmpty()) {
                Map<String, String> senders = senders(dir.resolve("h2-classes.tsv"));
                String report = missing.entrySet().stream()
                        .map(e -> e.getValue() + "\t" + e.getKey()
                                + (senders.containsKey(e.getKey())
                                        ? "\n\tsent in the H2 pass by " + senders.get(e.getKey())
                                        : ""))
                        .collect(Collectors.joining("\n", "", "\n"));
                try {
                    Files.writeString(dir.resolve(MISSING), report, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                System.out.println("SQL sent in the H2 pass but never on PostgreSQL (" + missing.size()
                        + "): tag a class that sends it @Tag(\"database\")\n" + report);
            }
        }
    }

    /** Statement → the classes that sent it in the H2 pass, where that pass noted them. */
    private static Map<String, String> senders(Path file) {
        return Files.exists(file) ? SqlCoverage.read(file) : Map.of();
    }

    /** The H2 pass's statements the PostgreSQL pass did not send, except those of H2-only origins. */
    static Map<String, String> missing(Map<String, String> h2, Set<String> postgres, Set<String> h2Only) {
        Map<String, String> missing = new TreeMap<>();
        h2.forEach((sql, origin) -> {
            if (!postgres.contains(sql) && !h2Only.contains(origin)) {
                missing.put(sql, origin);
            }
        });
        return missing;
    }

    /** Origins ({@code class#method}) whose statements are H2's own; a line's text after {@code #} … is its reason. */
    static Set<String> h2Only() {
        try (var in = SqlCoverageSession.class.getResourceAsStream("/sql-coverage/h2-only.txt")) {
            if (in == null) {
                return Set.of();
            }
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            return lines.stream()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("//"))
                    .map(l -> l.split("\\s+", 2)[0])
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
