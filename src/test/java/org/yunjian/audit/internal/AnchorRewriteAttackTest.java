package org.yunjian.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yunjian.audit.internal.AuditTestSupport.cli;
import static org.yunjian.audit.internal.AuditTestSupport.publish;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yunjian.audit.internal.AuditTestSupport.CliResult;
import org.yunjian.cli.CliRunner;
import org.yunjian.crypto.Hex;
import org.yunjian.crypto.HmacSm3;
import org.yunjian.crypto.Pem;
import org.yunjian.crypto.Signer;
import org.yunjian.crypto.Sm2;
import org.yunjian.shared.Texts;

/**
 * The penetration test's attack on the audit log (issue 10, finding 4), reproduced: someone holding the
 * database and the HMAC key (but not the SM2 anchor private key) rewrites 423 entries, recomputing every MAC,
 * the head row and the head witness, and deletes the 7 anchors in between. Verification must name it.
 */
@org.yunjian.support.CommonContext
@Tag("database")
class AnchorRewriteAttackTest {

    private static final int ENTRIES = 423;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    CliRunner cliRunner;

    @Autowired
    HeadWitness witness;

    @Autowired
    AuditProperties properties;

    @Autowired
    AuditLog auditLog;

    JdbcClient jdbc;

    @Autowired
    void tamperer(Environment env, JdbcClient app) {
        this.jdbc = AuditTestSupport.tamperer(env, app);
    }

    @BeforeEach
    void fourHundredTwentyThreeEntriesAndSevenAnchors() throws Exception {
        AuditTestSupport.emptyLog(jdbc, witness);
        Files.deleteIfExists(properties.anchorExport());
        // anchors at 100, 200, 300, 400 (anchor-every) and three more on the time interval
        publish(events, 150);
        auditLog.anchorNow();
        publish(events, 130);
        auditLog.anchorNow();
        publish(events, 140);
        auditLog.anchorNow();
        publish(events, ENTRIES - 420);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_anchor")
                        .query(Long.class)
                        .single())
                .isEqualTo(7);
        assertThat(cli(cliRunner, "audit", "verify").exitCode()).isZero();
    }

    @AfterEach
    void cleanUp() {
        AuditTestSupport.emptyLog(jdbc, witness);
    }

    @Test
    void rewritingTheWholeChainWithTheHmacKeyAndDeletingTheAnchorsIsDetected() throws Exception {
        assertThat(Files.readAllLines(properties.anchorExport(), StandardCharsets.UTF_8))
                .hasSize(7);
        rewriteEveryEntryWithTheStolenHmacKey();
        jdbc.sql("DELETE FROM audit_anchor").update();

        CliResult r = cli(cliRunner, "audit", "verify");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out())
                .contains("first problem: anchor at entry 100 missing: an anchor signed by the anchor key is "
                        + "required every 100 entries (deleted anchors, or the chain was rewritten)")
                .contains("also: anchor at entry 200 missing")
                .contains("also: anchor at entry 400 missing")
                .doesNotContain("modified"); // every MAC verifies: only the anchors can tell

        // the anchors exported to the append-only file still pin the original entries
        CliResult withExport = cli(
                cliRunner,
                "audit",
                "verify",
                "--anchors",
                properties.anchorExport().toString());
        assertThat(withExport.exitCode()).isEqualTo(1);
        assertThat(withExport.out())
                .contains("anchor at entry 100 is in the anchor export but not in the database (deleted)")
                .contains("anchor at entry 100: its MAC does not match entry 100")
                .contains("anchor at entry 420 is in the anchor export but not in the database (deleted)");
        CliResult zh = cli(
                cliRunner,
                Texts.CHINESE,
                "audit",
                "verify",
                "--anchors",
                properties.anchorExport().toString());
        assertThat(zh.out())
                .contains("第一个问题：第 100 条记录处的锚点与该记录不符：锚点中的 MAC 不是第 100 条记录的 MAC")
                .contains("另一个问题：第 100 条记录处的锚点在锚点导出文件中存在，但数据库中已没有（被删除）");
    }

    @Test
    void anchorsReSignedWithAnotherKeyAreRefused() throws Exception {
        rewriteEveryEntryWithTheStolenHmacKey();
        KeyPair attacker = Sm2.generateKeyPair();
        Signer forger = Signer.of(attacker.getPrivate());
        String attackerKeyId = AuditKeys.keyIdOf(attacker.getPublic());
        String genuineKeyId = jdbc.sql("SELECT key_id FROM audit_anchor WHERE seq = 100")
                .query(String.class)
                .single();
        for (AuditAnchor a : new AuditRepository(jdbc).anchors()) {
            String mac = jdbc.sql("SELECT mac FROM audit_event WHERE seq = ?")
                    .param(a.seq())
                    .query(String.class)
                    .single();
            // one anchor claims the genuine key id, the others admit the attacker's
            String keyId = a.seq() == 100 ? genuineKeyId : attackerKeyId;
            String signature = Hex.encode(forger.sign(Canonical.anchor(a.seq(), mac, a.createdAt(), keyId)));
            jdbc.sql("UPDATE audit_anchor SET mac = ?, key_id = ?, signature = ? WHERE seq = ?")
                    .params(mac, keyId, signature, a.seq())
                    .update();
        }

        CliResult r = cli(cliRunner, "audit", "verify");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out())
                .contains("first problem: anchor at entry 100: bad signature")
                .contains("anchor at entry 200: bad signature (signed by unknown key " + attackerKeyId + ")");
    }

    @Test
    void anAuditorPinsThePublicKeyAndRefusesAnchorsOfAnyOtherKey(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws Exception {
        Path genuine = properties.keyDir().resolve(AuditKeys.PUBLIC_FILE);
        assertThat(cli(cliRunner, "audit", "verify", "--public-key", genuine.toString())
                        .exitCode())
                .isZero();

        Path other = tmp.resolve("other.pub.pem");
        Files.writeString(other, Pem.writePublicKey(Sm2.generateKeyPair().getPublic()));
        CliResult r = cli(cliRunner, "audit", "verify", "--public-key", other.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("first problem: anchor at entry 100: bad signature (signed by unknown key");

        // an anchor changed in the database differs from its exported copy
        jdbc.sql("UPDATE audit_anchor SET created_at = ? WHERE seq = 200")
                .param(java.time.OffsetDateTime.parse("2020-01-01T00:00:00Z"))
                .update();
        CliResult changed = cli(
                cliRunner,
                "audit",
                "verify",
                "--anchors",
                properties.anchorExport().toString());
        assertThat(changed.exitCode()).isEqualTo(1);
        assertThat(changed.out())
                .contains("anchor at entry 200 differs from its copy in the anchor export")
                .contains("anchor at entry 200: bad signature");
    }

    /** The attacker's rewrite: entry 5 says something else, and every MAC from there on is recomputed. */
    private void rewriteEveryEntryWithTheStolenHmacKey() throws Exception {
        HmacSm3 stolen = HmacSm3.withKey(
                Hex.decode(Files.readString(properties.keyDir().resolve(AuditKeys.HMAC_FILE), StandardCharsets.UTF_8)
                        .strip()));
        List<AuditEntry> entries = new AuditRepository(jdbc).allEntries();
        assertThat(entries).hasSize(ENTRIES);
        String prev = Canonical.GENESIS;
        for (AuditEntry e : entries) {
            String detail = e.seq() == 5 ? "nothing happened here" : e.detail();
            AuditEntry changed = new AuditEntry(
                    e.seq(),
                    e.occurredAt(),
                    e.username(),
                    e.organizationId(),
                    e.sourceAddress(),
                    e.action(),
                    e.objectType(),
                    e.objectId(),
                    e.outcome(),
                    detail,
                    prev,
                    null);
            String mac = Hex.encode(stolen.mac(Canonical.entry(changed)));
            jdbc.sql("UPDATE audit_event SET detail = ?, prev_mac = ?, mac = ? WHERE seq = ?")
                    .params(detail, prev, mac, e.seq())
                    .update();
            prev = mac;
        }
        jdbc.sql("UPDATE audit_head SET last_mac = ? WHERE id = 1").param(prev).update();
        witness.reset();
        witness.advance(new HeadWitness.Head(ENTRIES, prev)); // the key directory is in the stolen data directory too
    }
}
