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

    @Test
    void theH2OnlyListNamesOriginsWithReasons() {
        assertThat(SqlCoverageSession.h2Only())
                .allSatisfy(origin -> assertThat(origin).matches("org\\.yunjian\\.[\\w.]+#\\w+"));
    }
}
