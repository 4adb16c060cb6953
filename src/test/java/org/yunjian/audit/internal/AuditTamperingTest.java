package org.yunjian.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yunjian.audit.internal.AuditTestSupport.cli;
import static org.yunjian.audit.internal.AuditTestSupport.publish;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yunjian.audit.internal.AuditTestSupport.CliResult;
import org.yunjian.cli.CliRunner;
import org.yunjian.crypto.Hex;
import org.yunjian.shared.Texts;
import org.yunjian.shared.keys.OwnerOnlyFiles;

/**
 * Tampering with the stored log through raw SQL, the way someone with database access could, and what
 * {@code yunjian audit verify} says about it: the right kind, the right entry number, exit code 1.
 */
@org.yunjian.support.CommonContext
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

    @Autowired
    AuditVerifier verifier;

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

    /** The codes of the findings, first problem first, as REST and {@code --json} give them. */
    private List<Finding.Kind> kinds() {
        return verifier.verify().findings().stream().map(Finding::kind).toList();
    }

    private String mac(long seq) {
        return jdbc.sql("SELECT mac FROM audit_event WHERE seq = ?")
                .param(seq)
                .query(String.class)
                .single();
    }

    @Test
    void untamperedLogVerifies() {
        CliResult r = verify();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("OK: 10 entries, 0 anchors verified");
    }

    @Test
    void reportsModifiedField() {
        jdbc.sql("UPDATE audit_event SET detail = 'nothing to see' WHERE seq = 5")
                .update();
        CliResult r = verify();
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out())
                .contains("first problem: entry 5 modified: its MAC does not verify, but entry 6 still links to it");
        assertThat(kinds()).containsExactly(Finding.Kind.MODIFIED);
    }

    @Test
    void reportsModifiedUserOfTheLastEntry() {
        jdbc.sql("UPDATE audit_event SET username = 'someone-else' WHERE seq = 10")
                .update();
        CliResult r = verify();
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out())
                .contains("first problem: entry 10 modified: its MAC does not verify, but the head witness names it");
        assertThat(kinds()).containsExactly(Finding.Kind.MODIFIED);
    }

    @Test
    void reportsDeletedRow() {
        jdbc.sql("DELETE FROM audit_event WHERE seq = 5").update();
        CliResult r = verify();
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("first problem: entry 5 deleted: entry 6 does not link to entry 4");
        assertThat(kinds()).containsExactly(Finding.Kind.DELETED);
    }

    @Test
    void reportsForgedRowInsertedInTheMiddle() {
        jdbc.sql("UPDATE audit_event SET seq = seq + 1000000 WHERE seq >= 5").update();
        jdbc.sql("UPDATE audit_event SET seq = seq - 999999 WHERE seq > 1000000")
                .update();
        jdbc.sql("INSERT INTO audit_event (seq, occurred_at, username, action, outcome, detail, prev_mac, mac) "
                        + "SELECT 5, occurred_at, username, 'user.delete', 'SUCCESS', 'forged', mac, ? "
                        + "FROM audit_event WHERE seq = 4")
                .param("ab".repeat(32))
                .update();
        CliResult r = verify();
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out())
                .contains("first problem: entry inserted at 5: its MAC does not verify and no entry links to "
                        + "it; entry 5 is stored as 6 and links to entry 4");
        assertThat(kinds()).containsExactly(Finding.Kind.INSERTED);
    }

    @Test
    void reportsReorderedRows() {
        jdbc.sql("UPDATE audit_event SET seq = -1 WHERE seq = 5").update();
        jdbc.sql("UPDATE audit_event SET seq = 5 WHERE seq = 6").update();
        jdbc.sql("UPDATE audit_event SET seq = 6 WHERE seq = -1").update();
        CliResult r = verify();
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out())
                .contains("first problem: entries 5..6 reordered: stored 5 holds entry 6, stored 6 holds entry 5");
        assertThat(kinds()).containsExactly(Finding.Kind.REORDERED);
    }

    @Test
    void reportsEmptiedLog() {
        jdbc.sql("DELETE FROM audit_event").update();
        CliResult r = verify();
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out())
                .contains("first problem: truncated: entries 1..10 missing after entry 0 (the head witness "
                        + "confirms entry 10 was committed, the head row names entry 10)");
        assertThat(kinds()).containsExactly(Finding.Kind.TRUNCATED);
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
        jdbc.sql("UPDATE audit_head SET last_seq = 6, last_mac = ?")
                .param(mac(6))
                .update();
        CliResult r = verify();
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out())
                .contains("first problem: truncated: entries 7..10 missing after entry 6 "
                        + "(the head witness confirms entry 10 was committed)");
        assertThat(kinds()).containsExactly(Finding.Kind.TRUNCATED);
    }

    @Test
    void reportsTruncationBelowTheLastAnchorEvenWithoutTheWitness() throws Exception {
        assertThat(cli(cliRunner, "audit", "anchor").exitCode()).isZero();
        jdbc.sql("DELETE FROM audit_event WHERE seq > 7").update();
        jdbc.sql("UPDATE audit_head SET last_seq = 7, last_mac = ?")
                .param(mac(7))
                .update();
        Files.delete(properties.keyDir().resolve(HeadWitness.FILE));
        CliResult r = verify();
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out())
                .contains("first problem: truncated: entries 8..10 missing after entry 7 "
                        + "(the last anchor is at entry 10)")
                .contains("also: head witness missing: truncation after the last anchor cannot be ruled out");
        assertThat(kinds()).containsExactly(Finding.Kind.TRUNCATED, Finding.Kind.WITNESS);
    }

    @Test
    void reportsTamperedAnchorSignature() {
        assertThat(cli(cliRunner, "audit", "anchor").exitCode()).isZero();
        assertThat(verify().exitCode()).isZero();
        String sig = jdbc.sql("SELECT signature FROM audit_anchor WHERE seq = 10")
                .query(String.class)
                .single();
        byte[] b = Hex.decode(sig);
        b[b.length - 1] ^= 1;
        jdbc.sql("UPDATE audit_anchor SET signature = ? WHERE seq = 10")
                .param(Hex.encode(b))
                .update();
        CliResult r = verify();
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("first problem: anchor at entry 10: bad signature");
        assertThat(kinds()).containsExactly(Finding.Kind.ANCHOR_SIGNATURE);
    }

    @Test
    void reportsAnchorWhoseMacDoesNotMatchItsEntry() {
        assertThat(cli(cliRunner, "audit", "anchor").exitCode()).isZero();
        jdbc.sql("UPDATE audit_anchor SET mac = ? WHERE seq = 10").param(mac(9)).update();
        CliResult r = verify();
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out())
                .contains("first problem: anchor at entry 10: bad signature")
                .contains("also: anchor at entry 10: its MAC does not match entry 10");
        assertThat(kinds()).containsExactly(Finding.Kind.ANCHOR_SIGNATURE, Finding.Kind.ANCHOR_MISMATCH);
    }

    @Test
    void listsEveryProblemAfterTheFirst() {
        jdbc.sql("UPDATE audit_event SET detail = 'x' WHERE seq = 8").update();
        jdbc.sql("DELETE FROM audit_event WHERE seq = 3").update();
        CliResult r = verify();
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out())
                .contains("FAILED: 2 problem(s) in 9 entries, 0 anchors")
                .contains("first problem: entry 3 deleted: entry 4 does not link to entry 2")
                .contains("also: entry 8 modified: its MAC does not verify, but entry 9 still links to it");
        assertThat(kinds()).containsExactly(Finding.Kind.DELETED, Finding.Kind.MODIFIED);
    }

    @Test
    void reportsTheProblemsInChineseUnlessEnglishIsAskedFor() {
        jdbc.sql("UPDATE audit_event SET detail = 'x' WHERE seq = 8").update();
        jdbc.sql("DELETE FROM audit_event WHERE seq = 3").update();
        CliResult r = cli(cliRunner, Texts.CHINESE, "audit", "verify");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out())
                .contains("校验失败：9 条记录、0 个锚点中发现 2 个问题")
                .contains("第一个问题：第 3 条记录被删除：第 4 条记录没有链接到第 2 条记录")
                .contains("另一个问题：第 8 条记录被修改：其 MAC 校验不通过，但第 9 条记录仍链接到它")
                .doesNotContain("entry");
    }

    @Test
    void printsJsonOnRequest() {
        jdbc.sql("DELETE FROM audit_event WHERE seq = 2").update();
        CliResult r = cli(cliRunner, "audit", "verify", "--json");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out())
                .contains("\"ok\":false")
                .contains("\"kind\":\"DELETED\"")
                .contains("\"from\":2")
                .contains("\"message\":\"entry 2 deleted: entry 3 does not link to entry 1\"")
                .contains("\"summary\":\"FAILED: 1 problem(s) in 9 entries, 0 anchors; first: entry 2 deleted");
        CliResult zh = cli(cliRunner, Texts.CHINESE, "audit", "verify", "--json");
        assertThat(zh.out())
                .contains("\"kind\":\"DELETED\"")
                .contains("\"message\":\"第 2 条记录被删除：第 3 条记录没有链接到第 1 条记录\"");
    }

    @Test
    void refusesAnAnchorExportWithALineThatIsNotAnAnchorNamingTheLine(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws Exception {
        assertThat(cli(cliRunner, "audit", "anchor").exitCode()).isZero();
        Path export = tmp.resolve("anchors.jsonl");
        Files.writeString(export, "\n{\"seq\": \"not an anchor\"}\n");
        CliResult en = cli(cliRunner, "audit", "verify", "--anchors", export.toString());
        assertThat(en.exitCode()).isEqualTo(2);
        assertThat(en.out()).isEqualTo("Anchor export " + export + ", line 2: not an exported anchor\n");
        CliResult zh = cli(cliRunner, Texts.CHINESE, "audit", "verify", "--anchors", export.toString());
        assertThat(zh.out()).isEqualTo("锚点导出文件 " + export + " 第 2 行不是导出的锚点\n");
        CliResult missing = cli(
                cliRunner,
                "audit",
                "verify",
                "--anchors",
                tmp.resolve("none.jsonl").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.out()).startsWith("Cannot read the anchor export " + tmp.resolve("none.jsonl"));
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
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_anchor")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
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
