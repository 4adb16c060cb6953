package org.yunjian.support;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultMatcher;

/**
 * What a stale REST update is answered: 412 (RFC 9110 13.1.1: the version named in {@code If-Match} is not the stored
 * one), an RFC 9457 problem saying when the record changed and the stored version.
 */
public final class StaleProblem {

    private StaleProblem() {}

    /** The English answer (the request asked {@code lang=en}) naming {@code currentVersion}. */
    public static ResultMatcher inEnglish(long currentVersion) {
        return all(
                status().isPreconditionFailed(),
                content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON),
                jsonPath("$.type").value("urn:yunjian:problem:precondition-failed"),
                jsonPath("$.title").value("Record changed by someone else"),
                jsonPath("$.detail").value(containsString("Someone else changed this record at 20")),
                jsonPath("$.currentVersion").value(currentVersion));
    }

    private static ResultMatcher all(ResultMatcher... matchers) {
        return result -> {
            for (ResultMatcher m : matchers) {
                m.match(result);
            }
        };
    }

    /** The Chinese answer (the default language). */
    public static ResultMatcher inChinese() {
        return all(
                status().isPreconditionFailed(),
                jsonPath("$.title").value("记录已被他人修改"),
                jsonPath("$.detail").value(containsString("他人已于 20")));
    }

    /**
     * The English answer to an update that named its version in the body ({@code "version":n}, as older clients do)
     * instead of {@code If-Match}: no precondition failed, so the RFC 9457 conflict problem, 409.
     */
    public static ResultMatcher bodyVersionInEnglish(long currentVersion) {
        return all(
                status().isConflict(),
                content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON),
                jsonPath("$.type").value("urn:yunjian:problem:conflict"),
                jsonPath("$.title").value("Record changed by someone else"),
                jsonPath("$.currentVersion").value(currentVersion));
    }

    /** The Chinese answer to an update that named its version in the body: 409. */
    public static ResultMatcher bodyVersionInChinese() {
        return all(
                status().isConflict(),
                jsonPath("$.type").value("urn:yunjian:problem:conflict"),
                jsonPath("$.title").value("记录已被他人修改"));
    }
}
