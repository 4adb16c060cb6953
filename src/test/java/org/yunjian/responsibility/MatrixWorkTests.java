package org.yunjian.responsibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
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
import org.yunjian.party.Organization;
import org.yunjian.security.CurrentUser;
import org.yunjian.shared.Texts;
import org.yunjian.shared.work.WorkAddressee;
import org.yunjian.shared.work.WorkSnapshot;
import org.yunjian.shared.work.WorkSource;
import org.yunjian.shared.work.WorkTask;
import org.yunjian.support.IfMatch;

/**
 * The matrix's hand-offs reach the party that must act (issue 35: the customer's sign-off did not reach the provider):
 * after the real actions through the REST API, the {@link WorkSnapshot} published inside the change names the
 * provider's organisation once the customer signed (and the customer's once the provider signed first), the task is
 * gone once both signed, roles still to confirm wait on the customer, and a rebuild ({@link WorkSource#publishAll})
 * publishes exactly what the changes published.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({Fixtures.class, PublishedWork.class})
@Tag("database")
@org.yunjian.support.OnePass
class MatrixWorkTests {

    static final String PROVIDER_ROW = "TCCIA004-6.2-b";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PublishedWork work;

    @Autowired
    List<WorkSource> sources;

    Fixtures.World w;
    MatrixPartners partners;
    CurrentUser customer;
    CurrentUser provider;
    String base;

    @BeforeEach
    void world() {
        w = fixtures.world();
        partners = MatrixPartners.of(fixtures, w);
        customer = user(w.customer().id());
        provider = user(w.provider().id());
        base = "/api/systems/" + w.system().id() + "/responsibility";
        work.clear();
    }

    ResultActions send(MockHttpServletRequestBuilder b, CurrentUser u, String json) throws Exception {
        return mvc.perform(b.with(IfMatch.currentMatrix(jdbc, w.system().id()))
                .with(as(u))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    String scope() {
        return "responsibility-matrix:"
                + jdbc.sql("SELECT id FROM responsibility_matrix WHERE system_id = ?")
                        .param(w.system().id())
                        .query(UUID.class)
                        .single();
    }

    List<WorkTask> open(String keyPrefix) {
        return work.of(scope()).orElseThrow().open().stream()
                .filter(t -> t.key().startsWith(keyPrefix))
                .toList();
    }

    /** A matrix the rule check lets both sides sign: the agreements, the provider's work handed to its partner. */
    void cleanMatrix() throws Exception {
        mvc.perform(post(base).with(as(customer))).andExpect(status().isCreated());
        agreement(customer, "云服务合同", w.customer().id(), w.provider().id());
        for (Organization partner :
                List.of(partners.software(), partners.hardware(), partners.om(), partners.security())) {
            agreement(provider, partner.name() + " 协议", w.provider().id(), partner.id());
        }
        send(put(base + "/rows/{duty}", PROVIDER_ROW), provider, """
                {"assignments":[{"organisation":"%s","role":"PROVIDER","chain":[{"to":"%s","agreement":"%s","clause":"7.3",
                "handedOverOn":"2020-02-03"}]}]}""".formatted(
                                w.provider().id(),
                                partners.security().id(),
                                partners.security().name() + " 协议"))
                .andExpect(status().isOk());
    }

    /** Signed, stating the supervision and accountability clauses T/CCIA 004-2024 §5 a) 3), b) 2) ask for. */
    void agreement(CurrentUser u, String name, UUID a, UUID b) throws Exception {
        send(post(base + "/agreements"), u, """
                {"name":"%s","partyA":"%s","partyB":"%s","clauses":["3.1","7.3","9.1"],"signedOn":"2020-01-06",
                 "supervisionClause":"7.3","accountabilityClause":"9.1"}""".formatted(name, a, b)).andExpect(status().isCreated());
    }

    ResultActions signOff(CurrentUser u, String side) throws Exception {
        return send(post(base + "/sign-offs"), u, "{\"side\":\"" + side + "\"}");
    }

    @Test
    void theCustomersSignOffWaitsOnTheProviderAndTheProvidersClosesIt() throws Exception {
        cleanMatrix();
        assertThat(open("sign-off:"))
                .as("a draft nobody signed waits on no sign-off")
                .isEmpty();

        signOff(customer, "CUSTOMER").andExpect(status().isOk());
        int version = jdbc.sql("SELECT current_version FROM responsibility_matrix WHERE system_id = ?")
                .param(w.system().id())
                .query(Integer.class)
                .single();
        List<WorkTask> signOff = open("sign-off:");
        assertThat(signOff).singleElement().satisfies(t -> {
            assertThat(t.to())
                    .isEqualTo(WorkAddressee.organization(
                            w.provider().id(), w.system().id()));
            assertThat(t.kind()).isEqualTo("work.responsibility.signOff");
            assertThat(t.href()).isEqualTo("/systems/" + w.system().id() + "/responsibility#sign-offs");
            assertThat(t.args())
                    .containsExactly(w.system().name(), String.valueOf(version), "msg:enum.SignOffSide.CUSTOMER");
        });
        String zh = org.yunjian.shared.Msg.of(
                        signOff.get(0).kind(),
                        w.system().name(),
                        version,
                        org.yunjian.shared.Msg.of(SignOffSide.CUSTOMER))
                .text(Texts.CHINESE);
        assertThat(zh)
                .contains(w.system().name(), "客户已签认")
                .doesNotContain("{", w.system().id().toString());

        signOff(provider, "PROVIDER")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.details.status").value("APPROVED"));
        assertThat(work.of(scope()).orElseThrow().open())
                .as("an approved version waits on nobody")
                .isEmpty();
    }

    @Test
    void eitherSideMaySignFirstAndAnEditTakesTheWaitingSignOffBack() throws Exception {
        cleanMatrix();
        signOff(provider, "PROVIDER").andExpect(status().isOk());
        assertThat(open("sign-off:"))
                .singleElement()
                .extracting(WorkTask::to)
                .isEqualTo(
                        WorkAddressee.organization(w.customer().id(), w.system().id()));

        agreement(customer, "补充协议", w.customer().id(), w.provider().id()); // a new draft: signed by nobody
        assertThat(open("sign-off:")).isEmpty();
    }

    @Test
    void rolesStillToConfirmWaitOnTheCustomerUntilItConfirmsThem() throws Exception {
        mvc.perform(post(base).with(as(customer))).andExpect(status().isCreated());
        List<WorkTask> roles = open("roles:");
        assertThat(roles)
                .extracting(WorkTask::key)
                .contains(
                        "roles:" + w.provider().id(),
                        "roles:" + partners.security().id());
        assertThat(roles).allSatisfy(t -> {
            assertThat(t.to())
                    .isEqualTo(WorkAddressee.organization(
                            w.customer().id(), w.system().id()));
            assertThat(t.kind()).isEqualTo("work.responsibility.roles");
            assertThat(t.href()).startsWith("/systems/" + w.system().id() + "/responsibility/participants/");
        });
        assertThat(roles)
                .filteredOn(t -> t.key().equals("roles:" + w.provider().id()))
                .singleElement()
                .satisfies(t -> assertThat(t.args())
                        .containsExactly(w.provider().name(), w.system().name()));

        send(put(base + "/participants/{org}/roles", w.provider().id()), customer, """
                {"behaviours":["PROVIDE_CLOUD_SERVICE","SELECT_PLATFORM_SOFTWARE","MANAGE_PLATFORM_OM",
                "CONTROL_UNDERLYING_HARDWARE","DECIDE_SECURITY_CAPABILITY","PROVIDE_PLATFORM_SOFTWARE"]}""")
                .andExpect(status().isOk());
        assertThat(open("roles:"))
                .extracting(WorkTask::key)
                .doesNotContain("roles:" + w.provider().id())
                .contains("roles:" + partners.security().id());
    }

    @Test
    void aRebuildPublishesWhatTheChangesPublished() throws Exception {
        cleanMatrix();
        signOff(customer, "CUSTOMER").andExpect(status().isOk());
        WorkSnapshot afterChange = work.of(scope()).orElseThrow();
        assertThat(afterChange.open()).isNotEmpty();

        work.clear();
        sources.forEach(WorkSource::publishAll);
        assertThat(work.of(scope())).contains(afterChange);
    }
}
