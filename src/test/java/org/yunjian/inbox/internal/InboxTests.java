package org.yunjian.inbox.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.other;
import static org.yunjian.party.PartyTestSupport.runAs;
import static org.yunjian.party.PartyTestSupport.user;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;
import org.yunjian.shared.work.WorkAddressee;
import org.yunjian.shared.work.WorkClosed;
import org.yunjian.shared.work.WorkOpened;
import org.yunjian.shared.work.WorkSnapshot;
import org.yunjian.shared.work.WorkSource;
import org.yunjian.shared.work.WorkTask;

/**
 * The inbox as a read model over {@link WorkSnapshot}s (published here directly, as a module does inside its
 * change's transaction): what opens and closes, for whom, in which language; the rebuild from the sources.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
@Import(InboxTests.Sources.class)
@Tag("database")
class InboxTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    ApplicationEvents events;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestSource source;

    @Autowired
    InboxRebuild rebuild;

    /** A module's work source, as the rebuild finds it. */
    static class TestSource implements WorkSource {
        final List<WorkSnapshot> all = new ArrayList<>();

        @Override
        public void publishAll() {
            all.forEach(s -> publisherOf.publishEvent(s));
        }

        ApplicationEventPublisher publisherOf;
    }

    @TestConfiguration
    static class Sources {
        @Bean
        TestSource testWorkSource(ApplicationEventPublisher events) {
            TestSource s = new TestSource();
            s.publisherOf = events;
            return s;
        }
    }

    /** Publishes {@code s} in a transaction of its own, as {@code actor} (null: no one signed in). */
    void publish(WorkSnapshot s, CurrentUser actor) {
        Runnable r = () -> tx.executeWithoutResult(t -> publisher.publishEvent(s));
        if (actor == null) {
            r.run();
        } else {
            runAs(actor, () -> {
                r.run();
                return null;
            });
        }
    }

    static WorkTask task(String key, String name, WorkAddressee to, LocalDate due) {
        return new WorkTask(
                key,
                "exitproject.work.deletion",
                List.of(name, "msg:exitproject.status.HANDOVER"),
                "/exit-projects/" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)) + "#deletion-record",
                to,
                due);
    }

    String json(CurrentUser u, String language) throws Exception {
        return mvc.perform(
                        get("/api/my-work").header("Accept-Language", language).with(as(u)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    List<String> texts(CurrentUser u) throws Exception {
        return JsonPath.read(json(u, "zh-CN"), "$.items[*].text");
    }

    @Test
    void aTaskOpensOnceForItsOrganisationInTheReadersLanguageAndClosesWhenNoLongerListed() throws Exception {
        UUID org = UUID.randomUUID();
        CurrentUser reader = user(org);
        CurrentUser actor = user(UUID.randomUUID());
        String scope = "test:" + UUID.randomUUID();
        WorkSnapshot snapshot =
                new WorkSnapshot(scope, List.of(task("delete", "门户退出", WorkAddressee.organization(org), null)));
        publish(snapshot, actor);

        assertThat(texts(reader)).containsExactly("保留期（至 移交）满后删除数据并记录：门户退出");
        assertThat((List<String>) JsonPath.read(json(reader, "en"), "$.items[*].text"))
                .containsExactly("Delete the data once the retention period ends (Hand-over) and record it: 门户退出");
        assertThat(texts(user(UUID.randomUUID()))).isEmpty();
        List<WorkOpened> opened = events.stream(WorkOpened.class)
                .filter(o -> o.scope().equals(scope))
                .toList();
        assertThat(opened).hasSize(1);
        assertThat(opened.get(0).actor()).isEqualTo(actor.userId());
        String id = JsonPath.read(json(reader, "zh-CN"), "$.items[0].id");
        assertThat(opened.get(0).taskId().toString()).isEqualTo(id);

        // published again (another change of the object, the task still waiting): the same task, no second opening
        publish(snapshot, actor);
        assertThat(events.stream(WorkOpened.class)
                        .filter(o -> o.scope().equals(scope))
                        .count())
                .isEqualTo(1);
        assertThat((String) JsonPath.read(json(reader, "zh-CN"), "$.items[0].id"))
                .isEqualTo(id);

        // done: nothing waits in the scope any more
        publish(WorkSnapshot.nothingWaiting(scope), actor);
        assertThat(texts(reader)).isEmpty();
        assertThat(events.stream(WorkClosed.class)
                        .filter(c -> c.scope().equals(scope))
                        .map(c -> c.taskId().toString()))
                .containsExactly(id);
    }

    @Test
    void theProposerIsNotAddressedAndAdministratorsByTheirRoleOnly() throws Exception {
        UUID org = UUID.randomUUID();
        CurrentUser proposer = user(org);
        CurrentUser second = user(org);
        String name = "风险接受-" + UUID.randomUUID();
        publish(
                new WorkSnapshot(
                        "test:" + UUID.randomUUID(),
                        List.of(
                                task(
                                        "approve",
                                        name,
                                        WorkAddressee.organization(org).except(proposer.userId()),
                                        null),
                                task("admin", name + "-admin", WorkAddressee.administrators("SECURITY_ADMIN"), null),
                                task("mine", name + "-mine", WorkAddressee.user(proposer.userId()), null))),
                proposer);

        assertThat(texts(proposer)).singleElement().asString().endsWith(name + "-mine");
        assertThat(texts(second)).singleElement().asString().endsWith("：" + name);
        assertThat(texts(other(Role.SECURITY_ADMIN)))
                .anyMatch(t -> t.endsWith(name + "-admin"))
                .noneMatch(t -> t.endsWith(name) || t.endsWith(name + "-mine"));
        assertThat(texts(other(Role.SYSTEM_ADMIN))).noneMatch(t -> t.contains(name));
        // an administrator's business role never matches: a user is no "USER" administrator
        assertThat(texts(user(UUID.randomUUID()))).noneMatch(t -> t.contains(name));
    }

    /** An assessment's reviewer and approver both stand aside while their organisation records the items. */
    @Test
    void everyExceptedPersonStandsAsideAndTheRestOfTheOrganisationIsAddressed() throws Exception {
        UUID org = UUID.randomUUID();
        CurrentUser reviewer = user(org);
        CurrentUser approver = user(org);
        CurrentUser tester = user(org);
        String name = "记录测评项-" + UUID.randomUUID();
        publish(
                new WorkSnapshot(
                        "test:" + UUID.randomUUID(),
                        List.of(task(
                                "record",
                                name,
                                WorkAddressee.organization(org).except(reviewer.userId(), approver.userId()),
                                null))),
                tester);

        assertThat(texts(reviewer)).noneMatch(t -> t.contains(name));
        assertThat(texts(approver)).noneMatch(t -> t.contains(name));
        assertThat(texts(tester)).singleElement().asString().endsWith("：" + name);
    }

    @Test
    void aTaskWhoseAddresseeChangedOpensAgainForTheNewPeople() throws Exception {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String scope = "test:" + UUID.randomUUID();
        publish(new WorkSnapshot(scope, List.of(task("t", "甲", WorkAddressee.organization(first), null))), null);
        publish(new WorkSnapshot(scope, List.of(task("t", "甲", WorkAddressee.organization(second), null))), null);
        assertThat(texts(user(first))).isEmpty();
        assertThat(texts(user(second))).hasSize(1);
        assertThat(events.stream(WorkOpened.class)
                        .filter(o -> o.scope().equals(scope))
                        .count())
                .isEqualTo(2);
        assertThat(events.stream(WorkClosed.class)
                        .filter(o -> o.scope().equals(scope))
                        .count())
                .isEqualTo(1);
    }

    @Test
    void theListIsPagedDueFirstAndThePageShowsDatesAndTimesToTheMinute() throws Exception {
        UUID org = UUID.randomUUID();
        CurrentUser reader = user(org);
        WorkAddressee to = WorkAddressee.organization(org);
        publish(
                new WorkSnapshot(
                        "test:" + UUID.randomUUID(),
                        List.of(
                                task("a", "无期限", to, null),
                                task("b", "较晚", to, LocalDate.of(2099, 1, 2)),
                                task("c", "已逾期", to, LocalDate.of(2020, 1, 2)))),
                null);

        mvc.perform(get("/api/my-work").param("size", "2").with(as(reader)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.pages").value(2))
                .andExpect(jsonPath("$.items[0].due").value("2020-01-02"))
                .andExpect(jsonPath("$.items[0].overdue").value(true))
                .andExpect(jsonPath("$.items[1].due").value("2099-01-02"))
                .andExpect(jsonPath("$.items[1].overdue").value(false));
        mvc.perform(get("/api/my-work").param("size", "2").param("page", "2").with(as(reader)))
                .andExpect(jsonPath("$.items[0].text").value(endsWith("无期限")));
        mvc.perform(get("/api/my-work").param("page", "x").with(as(reader)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.page").exists());
        mvc.perform(get("/my-work").param("size", "0").with(as(reader))).andExpect(status().isBadRequest());

        String page = mvc.perform(get("/my-work").with(as(reader)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .contains("id=\"my-work-table\"", "2020-01-02", "已逾期", "#deletion-record")
                .doesNotContain("msg:", ">exitproject.work")
                .containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}<");
        assertThat(mvc.perform(get("/my-work/count").with(as(reader)))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("id=\"my-work-count\"", ">3<");
        assertThat(mvc.perform(get("/my-work/count").with(as(user(UUID.randomUUID()))))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .doesNotContain("my-work-count");
        assertThat(mvc.perform(get("/my-work").with(as(user(UUID.randomUUID()))))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("id=\"my-work-empty\"");
    }

    @Test
    void aRebuildOpensWhatTheSourcesListQuietlyKeepsWhatIsOpenAndClosesWhatNoSourceLists() throws Exception {
        UUID org = UUID.randomUUID();
        CurrentUser reader = user(org);
        WorkAddressee to = WorkAddressee.organization(org);
        String kept = "test:" + UUID.randomUUID();
        String stale = "test:" + UUID.randomUUID();
        String found = "test:" + UUID.randomUUID();
        publish(new WorkSnapshot(kept, List.of(task("k", "保留", to, null))), null);
        publish(new WorkSnapshot(stale, List.of(task("s", "过时", to, null))), null);
        List<String> before = JsonPath.read(json(reader, "zh-CN"), "$.items[?(@.text =~ /.*保留/)].id");
        jdbc.sql("UPDATE work_task SET opened_at = ? WHERE scope IN (?, ?)")
                .params(java.time.OffsetDateTime.now().minusMinutes(5), kept, stale)
                .update();
        source.all.clear();
        source.all.add(new WorkSnapshot(kept, List.of(task("k", "保留", to, null))));
        source.all.add(new WorkSnapshot(found, List.of(task("f", "新发现", to, null))));
        events.clear();

        rebuild.rebuild();

        assertThat(texts(reader)).hasSize(2).anyMatch(t -> t.endsWith("保留")).anyMatch(t -> t.endsWith("新发现"));
        assertThat((List<String>) JsonPath.read(json(reader, "zh-CN"), "$.items[?(@.text =~ /.*保留/)].id"))
                .as("a task still waiting keeps its identity")
                .isEqualTo(before)
                .hasSize(1);
        assertThat(events.stream(WorkOpened.class))
                .as("a rebuild notifies no one")
                .isEmpty();
        assertThat(events.stream(WorkClosed.class).map(WorkClosed::scope))
                .contains(stale)
                .doesNotContain(kept);
        source.all.clear();
    }

    /**
     * Two transactions publishing the first snapshots of one scope at once (two changes of a new object, or a
     * rebuild beside a change): the second waits for the first and finds its task; neither fails, one task opens.
     */
    @Test
    void twoTransactionsOpeningTheSameNewScopeAtOnceBothCommitAndOpenTheTaskOnce() throws Exception {
        UUID org = UUID.randomUUID();
        String scope = "test:" + UUID.randomUUID();
        WorkSnapshot snapshot =
                new WorkSnapshot(scope, List.of(task("t", "并发", WorkAddressee.organization(org), null)));
        java.util.concurrent.CountDownLatch firstPublished = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> tx.executeWithoutResult(t -> {
                publisher.publishEvent(snapshot);
                firstPublished.countDown();
                try {
                    Thread.sleep(500); // holds the scope while the second publishes
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            firstPublished.await();
            var second = pool.submit(() -> tx.executeWithoutResult(t -> publisher.publishEvent(snapshot)));
            first.get(30, java.util.concurrent.TimeUnit.SECONDS);
            second.get(30, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM work_task WHERE scope = ?")
                        .param(scope)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(texts(user(org))).hasSize(1);
    }

    @Test
    void anAdministratorReadsTheirOwnWorkAndNobodyAnonymously() throws Exception {
        mvc.perform(get("/api/my-work").with(as(other(Role.AUDIT_ADMIN))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page").value(1));
        mvc.perform(get("/api/my-work")).andExpect(status().isUnauthorized());
    }
}
