package org.yunjian.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunjian.security.AccountPrincipal;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;
import org.yunjian.shared.AuditableEvent;

/**
 * Refused and failed actions leave an audit entry that survives the rollback of the refused work: denials,
 * a 404 on an object the caller may not see (the cross-tenant probe), refused uploads.
 */
@SpringBootTest
@AutoConfigureMockMvc
// the suite's common context (MockMvc and the party fixtures): one Spring start for all such classes
@org.springframework.context.annotation.Import(org.yunjian.party.Fixtures.class)
@Tag("database")
@org.yunjian.support.OnePass
class RefusedActionsAuditTest {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    HeadWitness witness;

    @Autowired
    AuditRepository repository;

    @Autowired
    AuditVerifier verifier;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MockMvc mvc;

    JdbcClient jdbc;

    @Autowired
    void tamperer(org.springframework.core.env.Environment env, JdbcClient app) {
        this.jdbc = AuditTestSupport.tamperer(env, app);
    }

    @BeforeEach
    @AfterEach
    void emptyLog() {
        SecurityContextHolder.clearContext();
        AuditTestSupport.emptyLog(jdbc, witness);
    }

    /**
     * The entries the test's own actions wrote: the shared context's notification delivery runs in the background and
     * may audit a delivery queued by an earlier class meanwhile (seen once in an H2 pass).
     */
    private List<AuditEntry> ours() {
        return repository.allEntries().stream()
                .filter(e -> !e.action().startsWith("notification.delivery."))
                .toList();
    }

    private static Authentication as(Role role) {
        UUID org = role == Role.USER ? UUID.randomUUID() : null;
        AccountPrincipal p = new AccountPrincipal(
                new CurrentUser(UUID.randomUUID(), role.name().toLowerCase() + "1", org, role), "x", true, false, true);
        return new UsernamePasswordAuthenticationToken(p, null, p.getAuthorities());
    }

    @Test
    void aDenialSurvivesTheRollbackOfTheRefusedWork() {
        try {
            transactions.executeWithoutResult(tx -> {
                events.publishEvent(AuditableEvent.denied(
                        "assessment.evidence.upload", "assessment-item", 7, "file type not allowed"));
                throw new IllegalStateException("refused");
            });
        } catch (IllegalStateException expected) {
            // the refused work rolled back
        }
        List<AuditEntry> all = ours();
        assertThat(all).extracting(AuditEntry::action).containsExactly("assessment.evidence.upload");
        assertThat(all.get(0).outcome()).isEqualTo("DENIED");
        assertThat(verifier.verify().ok()).isTrue();
    }

    @Test
    void aFailureAfterEntriesOfTheSameTransactionIsRecordedWhenItRollsBack() {
        transactions.executeWithoutResult(tx -> {
            events.publishEvent(AuditableEvent.success("thing.create", "thing", 1, (String) null));
            events.publishEvent(AuditableEvent.failure("thing.import", "thing", 1, "file rejected"));
            tx.setRollbackOnly();
        });
        List<AuditEntry> all = ours();
        assertThat(all).extracting(AuditEntry::action).containsExactly("thing.import");
        // no gap: the rolled-back success gave its number back (the log holds 1..n, whoever else wrote meanwhile)
        List<AuditEntry> log = repository.allEntries();
        assertThat(log)
                .extracting(AuditEntry::seq)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, log.size())
                        .boxed()
                        .toList());
        assertThat(verifier.verify().ok()).isTrue();
    }

    @Test
    void aProbeForAnObjectTheCallerMayNotSeeIsRecordedWithTheRequestedId() throws Exception {
        UUID someoneElses = UUID.randomUUID();
        mvc.perform(get("/api/assessments/" + someoneElses).with(authentication(as(Role.USER))))
                .andExpect(status().isNotFound());
        List<AuditEntry> all = repository.allEntries();
        assertThat(all).extracting(AuditEntry::action).contains("object.not-visible");
        AuditEntry probe = all.stream()
                .filter(e -> e.action().equals("object.not-visible"))
                .findFirst()
                .orElseThrow();
        assertThat(probe.objectId()).isEqualTo(someoneElses.toString());
        assertThat(probe.outcome()).isEqualTo("DENIED");
        assertThat(probe.username()).isEqualTo("user1");
        assertThat(org.yunjian.shared.Msg.decode(probe.detail()).text(java.util.Locale.ENGLISH))
                .startsWith("The object asked for does not exist or is not visible");
    }

    @Test
    void aRefusedImportIsRecorded() throws Exception {
        MockMultipartFile junk = new MockMultipartFile("file", "orgs.csv", "text/csv", new byte[] {0, 1, 2, 3});
        int status = mvc.perform(multipart("/api/import/organizations")
                        .file(junk)
                        .param("format", "csv")
                        .with(csrf())
                        .with(authentication(as(Role.SYSTEM_ADMIN))))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(status).isBetween(400, 499);
        assertThat(repository.allEntries()).extracting(AuditEntry::action).contains("upload.refused");
        assertThat(repository.allEntries())
                .filteredOn(e -> e.action().equals("upload.refused"))
                .extracting(AuditEntry::objectId)
                .containsExactly("POST /api/import/organizations");
    }

    @Test
    void aDeniedRequestIsRecorded() throws Exception {
        mvc.perform(get("/api/audit/events").with(authentication(as(Role.USER))))
                .andExpect(status().isForbidden());
        assertThat(repository.allEntries()).extracting(AuditEntry::action).contains("access.denied");
    }
}
