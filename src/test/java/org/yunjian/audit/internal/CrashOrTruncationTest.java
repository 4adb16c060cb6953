package org.yunjian.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yunjian.audit.internal.AuditTestSupport.cli;
import static org.yunjian.audit.internal.AuditTestSupport.publish;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunjian.audit.internal.AuditTestSupport.CliResult;
import org.yunjian.cli.CliRunner;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.Texts;

/**
 * After a crash, {@code audit verify} tells entries that were never committed (the process died between
 * writing them and their commit) from committed entries removed later (truncation): the head witness
 * confirms only committed entries and records the ones being committed as pending.
 */
@org.yunjian.support.CommonContext
@Tag("database")
class CrashOrTruncationTest {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    CliRunner cliRunner;

    @Autowired
    HeadWitness witness;

    @Autowired
    PlatformTransactionManager transactions;

    JdbcClient jdbc;

    @Autowired
    void tamperer(Environment env, JdbcClient app) {
        this.jdbc = AuditTestSupport.tamperer(env, app);
    }

    @BeforeEach
    void tenCommittedEntries() {
        AuditTestSupport.emptyLog(jdbc, witness);
        publish(events, 10);
    }

    @AfterEach
    void cleanUp() {
        AuditTestSupport.emptyLog(jdbc, witness);
    }

    @Test
    void witnessConfirmsOnlyCommittedEntriesAndLeavesNothingPending() {
        assertThat(witness.read()).get().extracting(HeadWitness.Head::seq).isEqualTo(10L);
        assertThat(witness.pending()).isEmpty();
    }

    @Test
    void entriesOfACommitThatNeverCompletedAreReportedAsNeverCommittedNotAsTruncation() {
        // the process dies after the witness recorded entries 11..12 as pending and before the commit completed:
        // simulated by a commit that fails after the pending record (the afterCompletion clean-up is what a
        // crash never gets to run, so the test puts the pending line back as the crash would have left it)
        TransactionTemplate tx = new TransactionTemplate(transactions);
        try {
            tx.executeWithoutResult(status -> {
                events.publishEvent(AuditableEvent.success("thing.update", "thing", "t11", "change 11"));
                events.publishEvent(AuditableEvent.success("thing.update", "thing", "t12", "change 12"));
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void beforeCommit(boolean readOnly) {
                        // the audit log's own beforeCommit ran first: the witness names 11..12 as pending
                        assertThat(witness.pending()).hasValue(12);
                        assertThat(witness.read())
                                .get()
                                .extracting(HeadWitness.Head::seq)
                                .isEqualTo(10L);
                        throw new IllegalStateException("power cut");
                    }
                });
            });
        } catch (IllegalStateException expected) {
            // the commit never happened
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event")
                        .query(Long.class)
                        .single())
                .isEqualTo(10);
        witness.pending(12);

        CliResult r = cli(cliRunner, "audit", "verify");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out())
                .contains("OK: 10 entries, 0 anchors verified; "
                        + "Entries 11–12 were never committed: the process stopped while committing (not tampering)");
        assertThat(cli(cliRunner, Texts.CHINESE, "audit", "verify").out())
                .contains("完整：已校验 10 条记录、0 个锚点；第 11–12 条记录从未提交：进程在提交过程中停止（并非篡改）");
    }

    @Test
    void committedEntriesDeletedAfterTheirCommitAreTruncation() {
        witness.pending(12); // even with a crash afterwards, entries 9 and 10 were confirmed as committed
        jdbc.sql("DELETE FROM audit_event WHERE seq > 8").update();
        jdbc.sql("UPDATE audit_head SET last_seq = 8, last_mac = (SELECT mac FROM audit_event WHERE seq = 8)")
                .update();

        CliResult r = cli(cliRunner, "audit", "verify");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out())
                .contains("first problem: truncated: entries 9..10 missing after entry 8 "
                        + "(the head witness confirms entry 10 was committed)");
    }

    @Test
    void aFailedCommitLeavesNothingPending() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        try {
            tx.executeWithoutResult(status -> {
                events.publishEvent(AuditableEvent.success("thing.update", "thing", "t11", "change 11"));
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void beforeCommit(boolean readOnly) {
                        throw new IllegalStateException("refused");
                    }
                });
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertThat(witness.pending()).isEmpty();
        assertThat(cli(cliRunner, "audit", "verify").out()).doesNotContain("never committed");
    }
}
