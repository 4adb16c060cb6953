package org.yunjian.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yunjian.audit.internal.AuditTestSupport.cli;
import static org.yunjian.audit.internal.AuditTestSupport.publish;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yunjian.audit.internal.AuditTestSupport.CliResult;
import org.yunjian.cli.CliRunner;
import org.yunjian.crypto.Hex;
import org.yunjian.shared.OwnerOnlyFiles;

/**
 * Tampering with the stored log through raw SQL, the way someone with database access could, and what
 * {@code yunjian audit verify} says about it: the right kind, the right entry number, exit code 1.
 */
@SpringBootTest
@Tag("database")
class AuditTamperingTest {

    @Autowired
    ApplicationEventPublisher events;
    JdbcClient jdbc;
    @Autowired
    CliRunner cliRunner;
    @Autowired
    HeadWitness witness;

    @Autowired
    void tamperer(org.springframework.core.env.Environment env, JdbcClient app) {
        this.jdbc = AuditTestSupport.tamperer(env, app);
    }
    @Autowired
    AuditProperties properties;

    @BeforeEach
    void tenEntries() {
        AuditTestSupport.emptyLog(jdbc, witness);
        publish(events, 10);
    }

    @AfterEach
    void cleanUp() {
        AuditTestSupport.emptyLog(jdbc, witness);
    }

    private CliResult verify() {
        return cli(cliRunner, "audit", "verify");
    }

    private String mac(long seq) {
        return jdbc.sql("SELECT mac FROM audit_event WHERE seq = ?").param(seq).query(String.class).single();
    }

    @Test
    void untamperedLogVerifies() {
        CliResult r = verify();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("OK: 10 entries, 0 anchors verified");
    }

    @Test
    void reportsModifiedField() {
        jdbc.sql("UPDATE audit_event SET detail = 'nothing to see' WHERE seq = 5").update();
        CliResult r = verify();
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("first problem: entry 5 modified");
    }

    @Test
    void reportsModifiedUserOfTheLastEntry() {
        jdbc.sql("UPDATE audit_event SET username = 'someone-else' WHERE seq = 10").update();
        CliResult r = verify();
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("first problem: entry 10 modified");
    }

    @Test
    void reportsDeletedRow() {
        jdbc.sql("DELETE FROM audit_event WHERE seq = 5").update();
        CliResult r = verify();
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("first problem: entry 5 deleted");
    }

    @Test
    void reportsForgedRowInsertedInTheMiddle() {
        jdbc.sql("UPDATE audit_event SET seq = seq + 1000000 WHERE seq >= 5").update();
        jdbc.sql("UPDATE audit_event SET seq = seq - 999999 WHERE seq > 1000000").update();
        jdbc.sql("INSERT INTO audit_event (seq, occurred_at, username, action, outcome, detail, prev_mac, mac) "
                        + "SELECT 5, occurred_at, username, 'user.delete', 'SUCCESS', 'forged', mac, ? "
                        + "FROM audit_event WHERE seq = 4")
                .param("ab".repeat(32)).update();
        CliResult r = verify();
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("first problem: entry inserted at 5");
    }

    @Test
    void reportsReorderedRows() {
        jdbc.sql("UPDATE audit_event SET seq = -1 WHERE seq = 5").update();
        jdbc.sql("UPDATE audit_event SET seq = 5 WHERE seq = 6").update();
        jdbc.sql("UPDATE audit_event SET seq = 6 WHERE seq = -1").update();
        CliResult r = verify();
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("first problem: entries 5..6 reordered: stored 5 holds entry 6, stored 6 holds entry 5");
    }

    @Test
    void reportsEmptiedLog() {
        jdbc.sql("DELETE FROM audit_event").update();
        CliResult r = verify();
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("first problem: truncated: entries 1..10 missing");
    }

    @Test
    void reportsTailDeletedAfterTheLastAnchorThroughTheWitness() {
        jdbc.sql("DELETE FROM audit_event").update();
        AuditTestSupport.emptyLog(jdbc, witness);
        publish(events, 6);
        assertThat(cli(cliRunner, "audit", "anchor").out()).contains("Anchored entry 6");
        publish(events, 4);
        // a careful attacker also rolls the head row back
        jdbc.sql("DELETE FROM audit_event WHERE seq > 6").update();
        jdbc.sql("UPDATE audit_head SET last_seq = 6, last_mac = ?").param(mac(6)).update();
        CliResult r = verify();
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("first problem: truncated: entries 7..10 missing").contains("head witness");
    }

    @Test
    void reportsTruncationBelowTheLastAnchorEvenWithoutTheWitness() throws Exception {
        assertThat(cli(cliRunner, "audit", "anchor").exitCode()).isZero();
        jdbc.sql("DELETE FROM audit_event WHERE seq > 7").update();
        jdbc.sql("UPDATE audit_head SET last_seq = 7, last_mac = ?").param(mac(7)).update();
        Files.delete(properties.keyDir().resolve(HeadWitness.FILE));
        CliResult r = verify();
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("first problem: truncated: entries 8..10 missing")
                .contains("the last anchor is at entry 10").contains("head witness missing");
    }

    @Test
    void reportsTamperedAnchorSignature() {
        assertThat(cli(cliRunner, "audit", "anchor").exitCode()).isZero();
        assertThat(verify().exitCode()).isZero();
        String sig = jdbc.sql("SELECT signature FROM audit_anchor WHERE seq = 10").query(String.class).single();
        byte[] b = Hex.decode(sig);
        b[b.length - 1] ^= 1;
        jdbc.sql("UPDATE audit_anchor SET signature = ? WHERE seq = 10").param(Hex.encode(b)).update();
        CliResult r = verify();
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("first problem: anchor at entry 10: bad signature");
    }

    @Test
    void reportsAnchorWhoseMacDoesNotMatchItsEntry() {
        assertThat(cli(cliRunner, "audit", "anchor").exitCode()).isZero();
        jdbc.sql("UPDATE audit_anchor SET mac = ? WHERE seq = 10").param(mac(9)).update();
        CliResult r = verify();
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("anchor at entry 10: bad signature")
                .contains("anchor at entry 10: its MAC does not match entry 10");
    }

    @Test
    void listsEveryProblemAfterTheFirst() {
        jdbc.sql("UPDATE audit_event SET detail = 'x' WHERE seq = 8").update();
        jdbc.sql("DELETE FROM audit_event WHERE seq = 3").update();
        CliResult r = verify();
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("FAILED: 2 problem(s)").contains("first problem: entry 3 deleted")
                .contains("also: entry 8 modified");
    }

    @Test
    void printsJsonOnRequest() {
        jdbc.sql("DELETE FROM audit_event WHERE seq = 2").update();
        CliResult r = cli(cliRunner, "audit", "verify", "--json");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("\"ok\":false").contains("\"kind\":\"DELETED\"");
    }

    @Test
    void anchorsOnlyWhenThereAreNewEntriesAndNeverATamperedTail() {
        assertThat(cli(cliRunner, "audit", "anchor").out()).contains("Anchored entry 10");
        assertThat(cli(cliRunner, "audit", "anchor").out()).contains("Nothing anchored");
        publish(events, 2);
        jdbc.sql("UPDATE audit_event SET detail = 'x' WHERE seq = 11").update();
        CliResult refused = cli(cliRunner, "audit", "anchor");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.out()).contains("does not verify");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_anchor").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void keysLiveOutsideTheDatabaseWithOwnerOnlyPermissions() throws Exception {
        Path key = properties.keyDir().resolve(AuditKeys.HMAC_FILE);
        assertThat(key).exists();
        assertThat(properties.keyDir().resolve(AuditKeys.PRIVATE_FILE)).exists();
        assertThat(properties.keyDir().resolve(AuditKeys.PUBLIC_FILE)).exists();
        if (OwnerOnlyFiles.posix(key)) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                    .isEqualTo("rw-------");
        }
    }
}
