package org.yunjian.support.sqlcoverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SqlCoverageTest {

    @Test
    void oneSpellingPerStatement() {
        assertThat(SqlCoverage.normalise("""
                SELECT id, name
                  FROM party_system
                 WHERE organization_id IN (?, ?, ?) AND status = 'ACTIVE'
                 LIMIT 50"""))
                .isEqualTo(
                        "SELECT id, name FROM party_system WHERE organization_id IN (?, …) AND status = '…' LIMIT 0");
        assertThat(SqlCoverage.normalise("SELECT 1 FROM t WHERE a IN (?,?)"))
                .isEqualTo(SqlCoverage.normalise("SELECT 1 FROM t WHERE a IN (?, ?, ?, ?)"))
                .isEqualTo(SqlCoverage.normalise("SELECT 1 FROM t WHERE a in ( ? )"));
        assertThat(SqlCoverage.normalise("SELECT LOWER(?) FROM t")).isEqualTo("SELECT LOWER(?) FROM t");
        assertThat(SqlCoverage.normalise("INSERT INTO t (a, b) VALUES (?, ?), (?, ?), (?, ?)"))
                .isEqualTo(SqlCoverage.normalise("INSERT INTO t (a, b) VALUES (?, ?), (?, ?)"))
                .isNotEqualTo(SqlCoverage.normalise("INSERT INTO t (a, b) VALUES (?, ?)"));
        assertThat(SqlCoverage.normalise("SELECT * FROM t WHERE a = ?"))
                .isNotEqualTo(SqlCoverage.normalise("SELECT * FROM t WHERE a = ? AND b = ?"));
        assertThat(SqlCoverage.normalise("SELECT v2 FROM t2 WHERE note = 'it''s 3'"))
                .isEqualTo("SELECT v2 FROM t2 WHERE note = '…'");
    }

    @Test
    void whatTheH2PassSentAndPostgresDidNotIsMissingUnlessItsOriginIsH2Only() {
        Map<String, String> h2 = Map.of(
                "SELECT a FROM t",
                "org.yunjian.x.ARepository#find",
                "SELECT b FROM t",
                "org.yunjian.x.ARepository#other",
                "BACKUP TO '…'",
                "org.yunjian.backup.internal.DatabaseSnapshot#take");
        assertThat(SqlCoverageSession.missing(
                        h2,
                        Set.of("SELECT a FROM t", "SELECT pg_only()"),
                        Set.of("org.yunjian.backup.internal.DatabaseSnapshot#take")))
                .containsExactly(Map.entry("SELECT b FROM t", "org.yunjian.x.ARepository#other"));
        assertThat(SqlCoverageSession.missing(h2, h2.keySet(), Set.of())).isEmpty();
    }

    /**
     * The classes whose risk is PostgreSQL's own (locking, storage, SQL-computed results, the server itself) run in
     * the PostgreSQL pass: none of them may be marked {@code @OnePass}, however well other classes cover its
     * statements.
     */
    @Test
    void theClassesWhoseRiskIsTheDatabasesRunOnPostgres() throws java.io.IOException {
        java.util.List<String> names;
        try (var in = SqlCoverageTest.class.getResourceAsStream("/sql-coverage/postgres-risk.txt")) {
            names = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .toList();
        }
        Map<String, java.nio.file.Path> sources;
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/test/java"))) {
            sources = files.filter(f -> f.toString().endsWith(".java"))
                    .collect(java.util.stream.Collectors.toMap(
                            f -> f.getFileName().toString().replace(".java", ""), f -> f, (a, b) -> a));
        }
        assertThat(names).hasSizeGreaterThan(30).allSatisfy(name -> {
            assertThat(sources).as("a test class named %s", name).containsKey(name);
            String className = java.nio.file.Path.of("src/test/java")
                    .relativize(sources.get(name))
                    .toString()
                    .replace(".java", "")
                    .replace(java.io.File.separatorChar, '.');
            Class<?> type = Class.forName(className);
            assertThat(org.junit.platform.commons.support.AnnotationSupport.isAnnotated(
                            type, org.yunjian.support.OnePass.class))
                    .as("%s is PostgreSQL-specific risk and may not be @OnePass", name)
                    .isFalse();
        });
    }

    @Test
    void theH2OnlyListNamesOriginsWithReasons() {
        assertThat(SqlCoverageSession.h2Only())
                .allSatisfy(origin -> assertThat(origin).matches("org\\.yunjian\\.[\\w.]+#\\w+"));
    }
}
