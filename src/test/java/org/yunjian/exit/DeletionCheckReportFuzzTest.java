package org.yunjian.exit;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import org.yunjian.exit.BucketDeletionCheck.Report;

/** Uploaded {@code exit check-deleted --json} reports are untrusted input to {@link Report#parse(String)}. */
class DeletionCheckReportFuzzTest {

    static final String SEED = "{\"target\":\"s3://b/p\",\"remaining\":[{\"key\":\"p/a\",\"versionId\":\"v1\","
            + "\"kind\":\"NON_CURRENT\",\"size\":3,\"lastModified\":\"2026-11-21T10:00:00Z\"}],\"bucket\":\"b\","
            + "\"prefix\":\"p/\",\"empty\":false,\"checkedAt\":\"2026-11-21T10:00:01Z\",\"totals\":{\"current\":0,"
            + "\"nonCurrent\":1,\"deleteMarkers\":0,\"multipartUploads\":0,\"bytes\":3}}";

    /** Whatever the input, parsing returns a self-consistent report or names the problem — nothing else. */
    @FuzzTest(maxDuration = "60s")
    void eitherAConsistentReportOrANamedProblem(FuzzedDataProvider data) {
        String input = data.consumeBoolean() ? SEED.substring(0, data.consumeInt(0, SEED.length()))
                + data.consumeRemainingAsString() : data.consumeRemainingAsString();
        try {
            Report r = Report.parse(input);
            assertThat(r.remaining()).hasSize((int) r.total());
            assertThat(r.target()).startsWith("s3://" + r.bucket());
        } catch (IllegalArgumentException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}
