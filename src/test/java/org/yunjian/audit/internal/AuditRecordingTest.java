package org.yunjian.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yunjian.security.AccountPrincipal;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;
import org.yunjian.shared.AuditableEvent;

/** What gets recorded, by whom it can be read, and that nobody can change it through the application. */
@SpringBootTest
@AutoConfigureMockMvc
// the suite's common context (MockMvc and the party fixtures): one Spring start for all such classes
@org.springframework.context.annotation.Import(org.yunjian.party.Fixtures.class)
@Tag("database")
class AuditRecordingTest {

    private static final UUID ORG = UUID.randomUUID();

    @Autowired
    ApplicationEventPublisher events;

    JdbcClient jdbc;

    @Autowired
    HeadWitness witness;

    @Autowired
    void tamperer(org.springframework.core.env.Environment env, JdbcClient app) {
        this.jdbc = AuditTestSupport.tamperer(env, app);
    }

    @Autowired
    AuditRepository repository;

    @Autowired
    AuditVerifier verifier;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MockMvc mvc;

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping") // not the actuator's
    RequestMappingHandlerMapping handlerMapping;

    @Autowired
    AnchorScheduler scheduler;

    @BeforeEach
    @AfterEach
    void emptyLog() {
        SecurityContextHolder.clearContext();
        AuditTestSupport.emptyLog(jdbc, witness);
    }

    private static Authentication as(Role role) {
        UUID org = role == Role.USER ? ORG : null;
        AccountPrincipal p = new AccountPrincipal(
                new CurrentUser(UUID.randomUUID(), role.name().toLowerCase() + "1", org, role), "x", true, false, true);
        return new UsernamePasswordAuthenticationToken(p, null, p.getAuthorities());
    }

    private AuditEntry last() {
        List<AuditEntry> all = repository.allEntries();
        return all.get(all.size() - 1);
    }

    @Test
    void recordsTheAuthenticatedUserAndOrganisation() {
        SecurityContextHolder.getContext().setAuthentication(as(Role.USER));
        events.publishEvent(AuditableEvent.success("organization.update", "organization", ORG, "name changed"));
        AuditEntry e = last();
        assertThat(e.seq()).isEqualTo(1);
        assertThat(e.prevMac()).isEqualTo(Canonical.GENESIS);
        assertThat(e.username()).isEqualTo("user1");
        assertThat(e.organizationId()).isEqualTo(ORG);
        assertThat(e.action()).isEqualTo("organization.update");
        assertThat(e.objectId()).isEqualTo(ORG.toString());
        assertThat(e.outcome()).isEqualTo("SUCCESS");
        assertThat(e.detail()).isEqualTo("name changed");
    }

    @Test
    void recordsTheEventsActorWhenNobodyIsLoggedIn() {
        // outside a web request (the test framework binds a mock request to the test thread)
        org.springframework.web.context.request.RequestContextHolder.resetRequestAttributes();
        events.publishEvent(AuditableEvent.failure("user.login", "user", null, "bad password")
                .withActor("mallory"));
        events.publishEvent(AuditableEvent.success("system.job", null, null, (String) null));
        List<AuditEntry> all = repository.allEntries();
        assertThat(all).extracting(AuditEntry::username).containsExactly("mallory", "system");
        assertThat(all).extracting(AuditEntry::outcome).containsExactly("FAILURE", "SUCCESS");
        assertThat(all.get(1).prevMac()).isEqualTo(all.get(0).mac());
    }

    @Test
    void entryRollsBackWithThePublishersTransactionWithoutLeavingAGap() {
        transactions.executeWithoutResult(tx -> {
            events.publishEvent(AuditableEvent.success("thing.create", "thing", 1, (String) null));
            tx.setRollbackOnly();
        });
        assertThat(repository.allEntries()).isEmpty();
        events.publishEvent(AuditableEvent.success("thing.create", "thing", 2, (String) null));
        assertThat(last().seq()).isEqualTo(1);
        assertThat(verifier.verify().ok()).isTrue();
    }

    @Test
    void concurrentPublishersGetDenseSequenceNumbersAndAnAnchorAtOneHundred() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        events.publishEvent(
                                AuditableEvent.success("thing.update", "thing", thread + "-" + i, (String) null));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(repository.allEntries())
                .extracting(AuditEntry::seq)
                .containsExactlyElementsOf(
                        java.util.stream.LongStream.rangeClosed(1, 100).boxed().toList());
        assertThat(repository.anchors()).extracting(AuditAnchor::seq).containsExactly(100L);
        VerificationReport report = verifier.verify();
        assertThat(report.findings()).isEmpty();
        assertThat(report.summary().text(java.util.Locale.ENGLISH)).isEqualTo("OK: 100 entries, 1 anchors verified");
        assertThat(witness.read())
                .contains(new HeadWitness.Head(
                        100, repository.allEntries().get(99).mac()));
    }

    @Test
    void auditorListsFiltersAndVerifiesEntries() throws Exception {
        AuditTestSupport.publish(events, 3);
        events.publishEvent(AuditableEvent.denied("thing.delete", "thing", "t9", "not allowed")
                .withActor("eve"));
        mvc.perform(get("/api/audit/events").param("size", "2").with(authentication(as(Role.AUDIT_ADMIN))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(4))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].seq").value(4));
        mvc.perform(get("/api/audit/events")
                        .param("outcome", "denied")
                        .param("user", "eve")
                        .with(authentication(as(Role.AUDIT_ADMIN))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].action").value("thing.delete"));
        mvc.perform(get("/api/audit/events").param("action", "thing.delete").with(authentication(as(Role.AUDIT_ADMIN))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].username").value("eve"));
        mvc.perform(get("/api/audit/events")
                        .param("from", "2000-01-01")
                        .param("to", "2000-01-02")
                        .with(authentication(as(Role.AUDIT_ADMIN))))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/audit/verify").with(authentication(as(Role.AUDIT_ADMIN))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ok").value(true))
                .andExpect(jsonPath("$.entries").value(4))
                // the configured export lies in the key directory: no off-site copy was checked, and it says so
                .andExpect(jsonPath("$.offSite").value(false))
                .andExpect(jsonPath("$.notes[0]").value(org.hamcrest.Matchers.startsWith("本次校验没有核对异地锚点副本")));
        AuditEntry verification = last();
        assertThat(verification.action()).isEqualTo("audit.verify");
        assertThat(verification.username()).isEqualTo("audit_admin1");
        assertThat(org.yunjian.shared.Msg.decode(verification.detail()).text(java.util.Locale.ENGLISH))
                .isEqualTo("Intact: 4 entries and 0 anchors verified");
        assertThat(org.yunjian.shared.Msg.decode(verification.detail()).text(org.yunjian.shared.Texts.CHINESE))
                .isEqualTo("完整：已校验 4 条记录、0 个锚点");
    }

    @Test
    void scheduledAnchoringSignsOnlyWhenThereIsSomethingNew() {
        scheduler.anchor();
        assertThat(repository.anchors()).isEmpty();
        AuditTestSupport.publish(events, 3);
        scheduler.anchor();
        scheduler.anchor();
        assertThat(repository.anchors()).extracting(AuditAnchor::seq).containsExactly(3L);
        assertThat(verifier.verify().summary().text(java.util.Locale.ENGLISH))
                .isEqualTo("OK: 3 entries, 1 anchors verified");
    }

    @Test
    void recordsEventsPublishedInReadOnlyTransactions() {
        transactions.setReadOnly(true);
        try {
            transactions.executeWithoutResult(
                    tx -> events.publishEvent(AuditableEvent.success("report.view", "report", 1, (String) null)));
        } finally {
            transactions.setReadOnly(false);
        }
        assertThat(last().action()).isEqualTo("report.view");
    }

    @Test
    void rejectsInvalidFiltersNamingTheField() throws Exception {
        mvc.perform(get("/api/audit/events")
                        .param("outcome", "MAYBE")
                        .param("from", "yesterday")
                        .param("size", "0")
                        .with(authentication(as(Role.AUDIT_ADMIN))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.outcome").exists())
                .andExpect(jsonPath("$.errors.from").exists())
                .andExpect(jsonPath("$.errors.size").exists());
    }

    @Test
    void verificationFailureIsReportedOverRest() throws Exception {
        AuditTestSupport.publish(events, 3);
        jdbc.sql("UPDATE audit_event SET action = 'x' WHERE seq = 2").update();
        mvc.perform(get("/api/audit/verify").with(authentication(as(Role.AUDIT_ADMIN))))
                .andExpect(jsonPath("$.ok").value(false))
                .andExpect(jsonPath("$.findings[0].kind").value("MODIFIED"))
                .andExpect(jsonPath("$.findings[0].from").value(2))
                .andExpect(jsonPath("$.findings[0].message").value("第 2 条记录被修改：其 MAC 校验不通过，但第 3 条记录仍链接到它"))
                .andExpect(jsonPath("$.findings[0].text").value("第 2 条记录被修改"));
        mvc.perform(get("/api/audit/verify").header("Accept-Language", "en").with(authentication(as(Role.AUDIT_ADMIN))))
                .andExpect(jsonPath("$.findings[0].kind").value("MODIFIED"))
                .andExpect(jsonPath("$.findings[0].message")
                        .value("entry 2 modified: its MAC does not verify, but entry 3 still links to it"))
                .andExpect(jsonPath("$.findings[0].text").value("Entry 2 was modified"));
    }

    @Test
    void exportIsCsvAndIsItselfAudited() throws Exception {
        AuditTestSupport.publish(events, 2);
        String csv = mvc.perform(get("/api/audit/export").with(authentication(as(Role.AUDIT_ADMIN))))
                .andExpect(status().isOk())
                .andExpect(
                        header().string("Content-Disposition", org.hamcrest.Matchers.containsString("audit-log.csv")))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFseq,occurred_at,username");
        assertThat(csv.lines()).hasSize(4);
        AuditEntry export = last();
        assertThat(export.action()).isEqualTo("audit.export");
        assertThat(export.username()).isEqualTo("audit_admin1");
        assertThat(export.sourceAddress()).isEqualTo("127.0.0.1");
        assertThat(org.yunjian.shared.Msg.decode(export.detail()).text(java.util.Locale.ENGLISH))
                .contains("2 entries");
    }

    @Test
    void nonAuditorsCannotReadTheLog() throws Exception {
        for (Role role : List.of(Role.USER, Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN)) {
            for (String path : List.of(
                    "/api/audit/events",
                    "/api/audit/verify",
                    "/api/audit/export",
                    "/audit",
                    "/audit/rows",
                    "/audit/verify")) {
                mvc.perform(get(path).with(authentication(as(role)))).andExpect(status().isForbidden());
            }
        }
        mvc.perform(get("/api/audit/events")).andExpect(status().isUnauthorized());
    }

    @Test
    void theApplicationOffersNoWayToChangeOrDeleteEntries() throws Exception {
        handlerMapping.getHandlerMethods().forEach((info, method) -> {
            boolean audit = info.getPatternValues().stream()
                    .anyMatch(p -> p.startsWith("/audit") || p.startsWith("/api/audit"));
            if (audit) {
                assertThat(info.getMethodsCondition().getMethods())
                        .as(info.toString())
                        .containsOnly(RequestMethod.GET);
            }
        });
        AuditTestSupport.publish(events, 1);
        mvc.perform(
                        delete("/api/audit/events/1")
                                .with(authentication(as(Role.AUDIT_ADMIN)))
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is4xxClientError());
        mvc.perform(
                        post("/api/audit/events")
                                .with(authentication(as(Role.AUDIT_ADMIN)))
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is4xxClientError());
        assertThat(repository.allEntries()).hasSize(1);
    }

    @Test
    void auditPageListsNewestFirstAndShowsTheVerificationResult() throws Exception {
        AuditTestSupport.publish(events, 3);
        String html = mvc.perform(get("/audit").with(authentication(as(Role.AUDIT_ADMIN))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html).contains("id=\"audit-verify\"").contains("id=\"audit-entry-3\"");
        assertThat(html.indexOf("audit-entry-3")).isLessThan(html.indexOf("audit-entry-1"));
        mvc.perform(get("/audit/verify").with(authentication(as(Role.AUDIT_ADMIN))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"verify-ok\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("本次校验没有核对异地锚点副本")))
                // a caveat, set apart from the green "intact" above it, not one more reassurance in the same colour
                .andExpect(content().string(org.hamcrest.Matchers.containsString("class=\"caution verify-note\"")));
        jdbc.sql("DELETE FROM audit_event WHERE seq = 2").update();
        mvc.perform(get("/audit/verify").with(authentication(as(Role.AUDIT_ADMIN))))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("entry 2 deleted"))))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("第 2 条记录被删除：第 3 条记录没有链接到第 1 条记录")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-kind=\"DELETED\"")));
        mvc.perform(get("/audit/verify").param("lang", "en").with(authentication(as(Role.AUDIT_ADMIN))))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString(
                                "entry 2 deleted: entry 3 does not link to entry 1")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("第"))));
        assertThat(last().outcome()).isEqualTo("FAILURE");
        mvc.perform(get("/audit/rows").param("outcome", "SUCCESS").with(authentication(as(Role.AUDIT_ADMIN))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"audit-rows\"")));
    }

    @Test
    void auditPageNamesTheActionInTheReadersLanguageAndNeverShowsItsKey() throws Exception {
        events.publishEvent(AuditableEvent.success(
                "user.admin.approve", "user", UUID.randomUUID(), org.yunjian.shared.Msg.of("audit.detail.csrf")));
        String zh = mvc.perform(get("/audit").with(authentication(as(Role.AUDIT_ADMIN))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(zh)
                .contains(">批准管理员操作申请</td>")
                .contains("表单已过期或缺少防伪令牌（CSRF）")
                .doesNotContain(">user.admin.approve<")
                .doesNotContain("title=\"user.admin.approve\"")
                .doesNotContain("{&quot;msg&quot;");
        String en = mvc.perform(get("/audit").param("lang", "en").with(authentication(as(Role.AUDIT_ADMIN))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(en)
                .contains(">Administrator request approved</td>")
                .contains("The form had expired or lacked its anti-forgery token (CSRF)")
                .doesNotContain(">user.admin.approve<")
                .contains("lang=en");
    }

    @Test
    void csvExportKeepsTheStoredColumnsAndAddsTheEntryInWordsInTheRequestedLanguage() throws Exception {
        SecurityContextHolder.getContext().setAuthentication(as(Role.USER));
        events.publishEvent(AuditableEvent.success(
                "user.admin.approve", "user", ORG, org.yunjian.shared.Msg.of("audit.detail.verify.ok", 4, 0)));
        SecurityContextHolder.clearContext();
        AuditEntry stored = last();
        for (String[] lang : new String[][] {
            {"zh", "批准管理员操作申请", "完整：已校验 4 条记录、0 个锚点", "成功"},
            {"en", "Administrator request approved", "Intact: 4 entries and 0 anchors verified", "Success"}
        }) {
            String csv = mvc.perform(
                            get("/api/audit/export").param("lang", lang[0]).with(authentication(as(Role.AUDIT_ADMIN))))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            List<String> lines = csv.lines().toList();
            assertThat(lines.get(0))
                    .isEqualTo("\uFEFFseq,occurred_at,username,organization_id,source_address,action,object_type,"
                            + "object_id,outcome,detail,prev_mac,mac,api_token_id,api_token_name,"
                            + "time_local,person,action_text,object_text,outcome_text,detail_text");
            String row = lines.get(1);
            // the stored values as the MAC covers them, first and unchanged
            assertThat(row)
                    .startsWith("\"1\",\"" + stored.occurredAt() + "\",\"user1\",\"" + ORG + "\"")
                    .contains(CsvExport.cell(stored.detail()))
                    .contains("\"" + stored.mac() + "\"")
                    // then the same entry in words, in the requested language
                    .endsWith("\"" + org.yunjian.shared.Formats.second(stored.occurredAt()) + "\",\"user1\",\""
                            + lang[1] + "\",\""
                            + AuditPresentation.object(
                                    "user",
                                    lang[0].equals("en") ? java.util.Locale.ENGLISH : org.yunjian.shared.Texts.CHINESE)
                            + "\",\"" + lang[3] + "\",\"" + lang[2] + "\"");
        }
        mvc.perform(get("/api/audit/export").param("lang", "fr").with(authentication(as(Role.AUDIT_ADMIN))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.lang").exists());
    }
}
