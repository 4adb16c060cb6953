package org.yunjian.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yunjian.shared.Jdbc;

/**
 * Issue 58, "notifications that ask someone to act, once": a fresh demo told {@code customer} 82 times in the
 * application and 53 times by e-mail — one per duty acceptance, the same subject three times. Now each demo person
 * gets at most {@value #LIMIT} notifications and {@value #LIMIT} e-mails in all, read or not, as the demo stood when
 * it was ready (the classes sharing this context act on it afterwards); the dozens of acceptances the seeding opened
 * and closed leave the customer one notification per system at most; and every notification still unread asks its
 * reader to act — its task waits in 我的待办 — or is news of a change they rely on.
 */
@Tag("database")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "yunjian.demo=true")
@org.yunjian.support.OnePass
class DemoNotificationCountTests {

    static final int LIMIT = 15;

    /** News that waits for nobody's action but tells of a change its reader relies on ({@code shared.work.Notice}). */
    static final String NEWS = """
            'work.membership.assigned', 'work.monitoring.recovered', 'work.monitoring.reportIssued',
            'work.monitoring.reportRevised', 'work.monitoring.reported', 'work.monitoring.told', 'work.party.request.accepted', 'work.party.request.declined'""";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationAvailability availability;

    Instant ready() {
        return Instant.ofEpochMilli(
                availability.getLastChangeEvent(ReadinessState.class).getTimestamp());
    }

    Map<String, Long> perPerson(String sql) {
        return jdbc
                .sql(sql)
                .param(Jdbc.utc(ready()))
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Test
    void aFreshDemoTellsEachPersonAtMostFifteenTimesInTheApplicationAndByMail() {
        Map<String, Long> notifications = perPerson("""
                SELECT u.username, COUNT(*) FROM notification n JOIN user_account u ON u.id = n.user_id
                WHERE n.created_at <= ? GROUP BY u.username""");
        Map<String, Long> mails = perPerson("""
                SELECT u.username, COUNT(*) FROM notification_delivery d JOIN user_account u ON u.id = d.user_id
                WHERE d.channel IN ('EMAIL', 'DIGEST') AND d.created_at <= ? GROUP BY u.username""");
        assertThat(notifications).containsKeys("customer", "provider", "assessor");
        assertThat(notifications)
                .allSatisfy((person, n) -> assertThat(n).as(person).isLessThanOrEqualTo(LIMIT));
        assertThat(mails).containsKey("customer");
        assertThat(mails).allSatisfy((person, n) -> assertThat(n).as(person).isLessThanOrEqualTo(LIMIT));
    }

    @Test
    void theDutiesTheDemoCompletedAndAcceptedLeaveTheCustomerOneNotificationPerSystemAtMost() {
        // the demo's seeding completes and accepts its duties one by one: each acceptance opened a task for the
        // customer and closed it again; the group's next task takes the unread notification over
        assertThat(jdbc.sql("""
                        SELECT COUNT(*) FROM notification n JOIN user_account u ON u.id = n.user_id
                        WHERE u.username = 'customer' AND n.kind IN ('work.lifecycle.duty.accept',
                        'work.lifecycle.duty.waive') AND n.created_at <= ?""").param(Jdbc.utc(ready())).query(Long.class).single())
                .isLessThanOrEqualTo(jdbc.sql("SELECT COUNT(DISTINCT system_id) FROM lifecycle_plan")
                        .query(Long.class)
                        .single());
    }

    @Test
    void everyUnreadNotificationOfTheFreshDemoAsksItsReaderToAct() {
        assertThat(jdbc.sql("""
                        SELECT n.kind FROM notification n WHERE n.read_at IS NULL AND n.created_at <= ?
                        AND NOT EXISTS (SELECT 1 FROM work_task t WHERE t.id = n.task_id)
                        AND n.kind NOT IN (%s)""".formatted(NEWS))
                        .param(Jdbc.utc(ready()))
                        .query(String.class)
                        .list())
                .as("unread notifications whose task no longer waits")
                .isEmpty();
    }
}
