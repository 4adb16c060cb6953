package org.yunjian.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yunjian.shared.paging.PageRequest;

/**
 * Every test item of an assessment as one JSON array, as the tests read it before the list was paged (ADR 009):
 * {@code GET /api/assessments/{id}/items} followed page by page at the largest size, each page a 200.
 */
public final class AssessmentItems {

    private AssessmentItems() {}

    /** {@code filters}: name, value pairs ({@code "side", "CUSTOMER_SYSTEM"}). */
    public static String json(MockMvc mvc, Object assessmentId, RequestPostProcessor who, String... filters)
            throws UnsupportedEncodingException {
        List<Object> all = new ArrayList<>();
        int pages = 1;
        for (int page = 1; page <= pages; page++) {
            MockHttpServletRequestBuilder request = get("/api/assessments/{id}/items", assessmentId)
                    .param("page", String.valueOf(page))
                    .param("size", String.valueOf(PageRequest.MAX_SIZE));
            for (int k = 0; k + 1 < filters.length; k += 2) {
                request.param(filters[k], filters[k + 1]);
            }
            MockHttpServletResponse response;
            try {
                response = mvc.perform(request.with(who)).andReturn().getResponse();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            String body = response.getContentAsString(StandardCharsets.UTF_8);
            if (response.getStatus() != 200) {
                throw new AssertionError("items of " + assessmentId + ": " + response.getStatus() + " " + body);
            }
            all.addAll(JsonPath.<List<Object>>read(body, "$.items"));
            pages = JsonPath.<Integer>read(body, "$.pages");
        }
        return Configuration.defaultConfiguration().jsonProvider().toJson(all);
    }
}
