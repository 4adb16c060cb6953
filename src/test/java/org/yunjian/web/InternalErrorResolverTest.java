package org.yunjian.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.ModelAndView;
import org.yunjian.shared.AuditableEvent;

/** Every 500 gets a correlation ID that the user sees and that the audit entry and the log carry. */
class InternalErrorResolverTest {

    private final List<Object> published = new ArrayList<>();
    private final InternalErrorResolver resolver = new InternalErrorResolver(published::add);

    @Test
    void anApiFailureAnswersAProblemWithTheCorrelationIdAndIsAudited() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/assessments");
        MockHttpServletResponse response = new MockHttpServletResponse();
        ModelAndView mav = resolver.resolveException(request, response, null, new IllegalStateException("boom"));
        assertThat(mav).isNotNull();
        String id = (String) request.getAttribute(InternalErrorResolver.CORRELATION_ID);
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString())
                .contains("\"correlationId\":\"" + id + "\"")
                .contains("\"status\":500")
                .doesNotContain("boom")
                .doesNotContain("IllegalStateException");
        AuditableEvent event = (AuditableEvent) published.get(0);
        assertThat(event.action()).isEqualTo("request.failed");
        assertThat(event.outcome()).isEqualTo(AuditableEvent.Outcome.FAILURE);
        assertThat(event.objectId()).isEqualTo("POST /api/assessments");
        assertThat(event.detail()).contains(id).doesNotContain("IllegalStateException");
    }

    @Test
    void aPageFailureShowsTheErrorPageWithTheCorrelationId() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/assessments/1");
        ModelAndView mav = resolver.resolveException(
                request, new MockHttpServletResponse(), null, new IllegalStateException("boom"));
        assertThat(mav.getViewName()).isEqualTo("web/error");
        assertThat(mav.getModel().get("correlationId"))
                .isEqualTo(request.getAttribute(InternalErrorResolver.CORRELATION_ID));
        assertThat(mav.getStatus().value()).isEqualTo(500);
        assertThat(((AuditableEvent) published.get(0)).detail())
                .contains((String) mav.getModel().get("correlationId"));
    }
}
