package org.yunjian.inbox.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.yunjian.shared.cluster.ClusterJobs;

/** The inbox rebuild at start never keeps a server from starting: the inbox is derived data. */
class InboxRebuildAtStartTest {

    @Test
    @DisplayName(
            "a rebuild that fails at start is logged, and the start goes on (a thrown error would stop the server)")
    void aFailingRebuildDoesNotStopTheStart() {
        AtomicInteger asked = new AtomicInteger();
        ClusterJobs jobs = new ClusterJobs(null, Clock.systemUTC()) {
            @Override
            public boolean acquire(String name, Instant until) {
                asked.incrementAndGet();
                throw new DataAccessResourceFailureException("the lease table cannot be reached");
            }
        };
        InboxRebuild rebuild = new InboxRebuild(null, null, jobs, Clock.systemUTC());

        assertThatCode(rebuild::atStart).doesNotThrowAnyException();
        assertThat(asked).hasValue(1);
    }
}
