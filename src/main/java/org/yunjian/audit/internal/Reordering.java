package org.yunjian.audit.internal;

import static org.yunjian.audit.internal.Finding.joined;
import static org.yunjian.audit.internal.Finding.number;

import java.util.ArrayList;
import java.util.List;
import org.yunjian.shared.Msg;

/** The reordering phase of {@link ChainVerifier}: original numbers must rise along the stored order. */
final class Reordering {

    private Reordering() {}

    /**
     * Entries whose original number is not the one their place in the stored order calls for (comparing
     * with the original numbers sorted), grouped into the smallest runs that are permutations of their
     * sorted selves. Shifts caused by insertions or deletions keep the order and are not reported.
     */
    static void find(List<long[]> placed, List<Finding> findings) {
        int m = placed.size();
        long[] sorted = placed.stream().mapToLong(p -> p[1]).sorted().toArray();
        long runMax = Long.MIN_VALUE;
        int runStart = 0;
        for (int i = 0; i < m; i++) {
            runMax = Math.max(runMax, placed.get(i)[1]);
            if (runMax != sorted[i]) {
                continue;
            }
            List<Msg> moves = new ArrayList<>();
            long first = -1;
            long last = -1;
            for (int k = runStart; k <= i; k++) {
                if (placed.get(k)[1] != sorted[k]) {
                    moves.add(Msg.of(
                            "audit.finding.detail.reordered.move", number(placed.get(k)[0]), number(placed.get(k)[1])));
                    first = first < 0 ? placed.get(k)[0] : first;
                    last = placed.get(k)[0];
                }
            }
            if (!moves.isEmpty()) {
                findings.add(Finding.of(
                        Finding.Kind.REORDERED, first, last, "reordered", number(first), number(last), joined(moves)));
            }
            runStart = i + 1;
            runMax = Long.MIN_VALUE;
        }
    }
}
