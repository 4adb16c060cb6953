package org.yunjian.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * Two writers that read the same version of a record send their updates at the same moment (a barrier releases
 * both threads together): optimistic locking lets exactly one through and refuses the other — 412 when it named the
 * version it read in {@code If-Match} and the winner committed first, 409 when the database refused the second write.
 */
public final class OneWriterWins {

    private OneWriterWins() {}

    /**
     * Sends {@code first} and {@code second} at once and asserts that one got {@code success} and the other was refused
     * as stale (412) or as a conflict (409).
     *
     * @return whether {@code first} was the one that won
     */
    public static boolean race(MockMvc mvc, int success, RequestBuilder first, RequestBuilder second) throws Exception {
        int[] got = statuses(mvc, first, second);
        boolean firstWon = got[0] == success;
        assertThat(got[firstWon ? 0 : 1]).isEqualTo(success);
        assertThat(got[firstWon ? 1 : 0]).as("the loser's status").isIn(409, 412);
        return firstWon;
    }

    /**
     * Sends {@code first} and {@code second} at once and returns their statuses, for two different writes of one
     * record (a deletion and a change) whose winner and loser answer differently: the caller asserts them.
     */
    public static int[] statuses(MockMvc mvc, RequestBuilder first, RequestBuilder second) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (RequestBuilder request : List.of(first, second)) {
                results.add(pool.submit(() -> {
                    start.await();
                    return mvc.perform(request).andReturn().getResponse().getStatus();
                }));
            }
            return new int[] {results.get(0).get(), results.get(1).get()};
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@link #race(MockMvc, int, RequestBuilder, RequestBuilder)} of two updates answered 200 when they win. */
    public static boolean race(MockMvc mvc, RequestBuilder first, RequestBuilder second) throws Exception {
        return race(mvc, 200, first, second);
    }
}
