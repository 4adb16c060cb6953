package org.yunjian.support;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultMatcher;

/** What a stale REST update is answered: 409, the RFC 9457 conflict problem, saying when and the stored version. */
public final class StaleProblem {

    private StaleProblem() {}

    /** The English answer (the request asked {@code lang=en}) naming {@code currentVersion}. */
    public static ResultMatcher inEnglish(long currentVersion) {
        return all(
                status().isConflict(),
                content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON),
                jsonPath("$.type").value("urn:yunjian:problem:conflict"),
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
                status().isConflict(),
                jsonPath("$.title").value("记录已被他人修改"),
                jsonPath("$.detail").value(containsString("他人已于 20")));
    }
}
