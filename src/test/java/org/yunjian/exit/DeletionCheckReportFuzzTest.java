package org.yunjian.exit;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.yunjian.exit.BucketDeletionCheck.Report;

/**
 * Uploaded {@code exit check-deleted --json} reports are untrusted input to {@link Report#parse(String)}.
 * Seed corpus: {@code src/test/resources/org/yunjian/exit/DeletionCheckReportFuzzTestInputs/} — a report in
 * UTF-8 followed by one byte (even: the file is the report; odd: a prefix of {@link #SEED} and then the text).
 */
class DeletionCheckReportFuzzTest {

    private static final AtomicInteger PARSED = new AtomicInteger();
    private static final AtomicInteger REFUSED = new AtomicInteger();

    static final String SEED = "{\"target\":\"s3://b/p\",\"remaining\":[{\"key\":\"p/a\",\"versionId\":\"v1\","
            + "\"kind\":\"NON_CURRENT\",\"size\":3,\"lastModified\":\"2026-11-21T10:00:00Z\"}],\"bucket\":\"b\","
            + "\"prefix\":\"p/\",\"empty\":false,\"checkedAt\":\"2026-11-21T10:00:01Z\",\"totals\":{\"current\":0,"
            + "\"nonCurrent\":1,\"deleteMarkers\":0,\"multipartUploads\":0,\"bytes\":3}}";

    /** Whatever the input, parsing returns a self-consistent report or names the problem — nothing else. */
    @FuzzTest(maxDuration = "60s")
    void eitherAConsistentReportOrANamedProblem(FuzzedDataProvider data) {
        String input =
                data.consumeBoolean() ? SEED.substring(0, data.consumeInt(0, SEED.length())) + text(data) : text(data);
        try {
            Report r = Report.parse(input);
            PARSED.incrementAndGet();
            assertThat(r.remaining()).hasSize((int) r.total());
            assertThat(r.target()).startsWith("s3://" + r.bucket());
        } catch (IllegalArgumentException expected) {
            REFUSED.incrementAndGet();
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    private static String text(FuzzedDataProvider data) {
        return new String(data.consumeRemainingAsBytes(), StandardCharsets.UTF_8);
    }

    /** The seeds reach both outcomes: reports that parse (and are checked) and reports refused with a reason. */
    @AfterAll
    static void seedsReachBothOutcomes() {
        assertThat(PARSED).as("reports parsed").hasPositiveValue();
        assertThat(REFUSED).as("reports refused").hasPositiveValue();
    }
}
