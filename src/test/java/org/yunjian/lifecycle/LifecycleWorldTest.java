package org.yunjian.lifecycle;

import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yunjian.party.Fixtures;
import org.yunjian.security.CurrentUser;

/**
 * The shared fixture of the lifecycle module's REST and page tests: a fresh {@link Fixtures.World} per test (a
 * government website with its customer, provider, integrator agent, third-party assessor and a stranger), a user of
 * each, the API base of the part under test ({@link #part()}) and JSON requests sent as one of them. Database tests:
 * H2, and PostgreSQL with the tag.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
public abstract class LifecycleWorldTest {

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected Fixtures fixtures;

    @Autowired
    protected JdbcClient jdbc;

    protected Fixtures.World w;
    protected CurrentUser customer;
    protected CurrentUser provider;
    protected CurrentUser integrator;
    protected CurrentUser assessor;
    protected CurrentUser stranger;
    /** {@code /api/systems/{id}/lifecycle} and the part under test. */
    protected String base;

    /** The part of {@code /api/systems/{id}/lifecycle} the test is about ("" for the plan, "/migration", …). */
    protected abstract String part();

    @BeforeEach
    protected void world() {
        w = fixtures.world();
        customer = user(w.customer().id());
        provider = user(w.provider().id());
        integrator = user(w.agent().id());
        assessor = user(w.assessor().id());
        stranger = user(w.stranger().id());
        base = "/api/systems/" + w.system().id() + "/lifecycle" + part();
    }

    /** {@code b} sent as {@code u} with {@code json} as its body. */
    protected ResultActions send(MockHttpServletRequestBuilder b, CurrentUser u, String json) throws Exception {
        return mvc.perform(b.with(as(u)).contentType(MediaType.APPLICATION_JSON).content(json));
    }
}
