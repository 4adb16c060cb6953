package org.yunjian.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunjian.party.Fixtures;

/**
 * An audited change that cannot get its turn at the audit log in time is told to retry (503 with Retry-After, the
 * "busy" problem), not given a 500, and nothing of it is stored; once the log is free the same request succeeds.
 */
@SpringBootTest(properties = "yunjian.audit.lock-wait=1s")
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
class AuditLockBusyTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AuditLog log;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aWriterWaitingTooLongForTheAuditLogIsToldToRetryAndNothingIsStored() throws Exception {
        Fixtures.World w = fixtures.world();
        String matrix = "/api/systems/" + w.system().id() + "/responsibility";
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // another request's append holds the log until its transaction ends
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> tx.executeWithoutResult(s -> {
            log.append(new AuditLog.Draft("other", null, "127.0.0.1", "test.hold", "test", "1", "SUCCESS", null));
            holding.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        try {
            assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
            mvc.perform(post(matrix).with(as(user(w.customer().id()))))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().exists("Retry-After"))
                    .andExpect(jsonPath("$.type").value("urn:yunjian:problem:busy"));
            assertThat(jdbc.sql("SELECT COUNT(*) FROM responsibility_matrix WHERE system_id = ?")
                            .param(w.system().id())
                            .query(Integer.class)
                            .single())
                    .as("nothing half-stored")
                    .isZero();
        } finally {
            release.countDown();
            other.get(30, TimeUnit.SECONDS);
        }
        mvc.perform(post(matrix).with(as(user(w.customer().id())))).andExpect(status().isCreated());
    }
}
