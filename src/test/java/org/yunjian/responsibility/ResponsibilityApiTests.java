package org.yunjian.responsibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import com.jayway.jsonpath.JsonPath;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yunjian.party.Fixtures;
import org.yunjian.party.Organization;
import org.yunjian.security.CurrentUser;
import org.yunjian.support.IfMatch;

/**
 * A system's responsibility matrix through the REST API, with the real services and database: generated from the
 * system's parties, edited into versions, checked, signed off by both sides, reopened by a later edit, and hidden
 * from organisations that have nothing to do with the system.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
class ResponsibilityApiTests {

    static final String CUSTOMER_ROW = "TCCIA004-6.2-a-1"; // 6.2 a) "客户应：" is a heading (issue 36 C-1)
    static final String PROVIDER_ROW = "TCCIA004-6.2-b";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    Fixtures.World w;
    Organization software;
    Organization hardware;
    Organization om;
    Organization security;
    CurrentUser customer;
    CurrentUser provider;
    CurrentUser stranger;
    String base;

    @BeforeEach
    void world() {
        w = fixtures.world();
        MatrixPartners partners = MatrixPartners.of(fixtures, w);
        software = partners.software();
        hardware = partners.hardware();
        om = partners.om();
        security = partners.security();
        customer = user(w.customer().id());
        provider = user(w.provider().id());
        stranger = user(w.stranger().id());
        base = "/api/systems/" + w.system().id() + "/responsibility";
    }

    /** {@code If-Match} with the matrix's current version, as a client that read it first. */
    RequestPostProcessor matrix() {
        return IfMatch.currentMatrix(jdbc, w.system().id());
    }

    ResultActions send(MockHttpServletRequestBuilder b, CurrentUser u, String json) throws Exception {
        return mvc.perform(b.with(as(u)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    ResultActions call(MockHttpServletRequestBuilder b, CurrentUser u) throws Exception {
        return mvc.perform(b.with(as(u)));
    }

    void generate() throws Exception {
        call(post(base), customer).andExpect(status().isCreated());
    }

    /** An agreement signed in 2020 stating the supervision (7.3) and accountability (9.1) clauses §5 asks for. */
    void agreement(CurrentUser u, String name, UUID a, UUID b) throws Exception {
        send(post(base + "/agreements").with(matrix()), u, """
                {"name":"%s","partyA":"%s","partyB":"%s","clauses":["3.1","7.3","9.1"],"signedOn":"2020-01-06",
                 "supervisionClause":"7.3","accountabilityClause":"9.1"}""".formatted(name, a, b))
                .andExpect(status().isCreated());
    }

    /** The agreements a clean matrix needs: customer–provider, provider–each partner. */
    void agreements() throws Exception {
        agreement(customer, "云服务合同", w.customer().id(), w.provider().id());
        agreement(provider, "软件许可协议", w.provider().id(), software.id());
        agreement(provider, "硬件供货协议", w.provider().id(), hardware.id());
        agreement(provider, "运维服务协议", w.provider().id(), om.id());
        agreement(provider, "安全服务协议", w.provider().id(), security.id());
    }

    /** The provider's row with its work handed on along {@code hops} (organisation ids), each citing an agreement. */
    ResultActions delegate(CurrentUser u, UUID... hops) throws Exception {
        StringBuilder chain = new StringBuilder();
        for (UUID to : hops) {
            chain.append(chain.isEmpty() ? "" : ",")
                    .append( // handed over after the 2020-01-06 signing
                            "{\"to\":\"%s\",\"agreement\":\"安全服务协议\",\"clause\":\"7.3\",\"handedOverOn\":\"2020-02-03\"}"
                                    .formatted(to));
        }
        return send(put(base + "/rows/{duty}", PROVIDER_ROW).with(matrix()), u, """
                {"assignments":[{"organisation":"%s","role":"PROVIDER","chain":[%s]}]}""".formatted(
                        w.provider().id(), chain));
    }

    int currentVersion() throws Exception {
        return JsonPath.read(call(get(base), customer).andReturn().getResponse().getContentAsString(), "$.version");
    }

    @Test
    void generatesTheFirstMatrixFromTheSystemsParties() throws Exception {
        generate();
        String body = call(get(base), customer)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.details.status").value("DRAFT"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> orgs = JsonPath.read(body, "$.participants[*].organisation");
        assertThat(orgs)
                .contains(
                        w.customer().id().toString(),
                        w.provider().id().toString(),
                        software.id().toString(),
                        security.id().toString(),
                        w.agent().id().toString())
                .doesNotContain(w.assessor().id().toString());
        List<String> customerRow =
                JsonPath.read(body, "$.rows[?(@.duty == '" + CUSTOMER_ROW + "')].assignments[*].organisation");
        assertThat(customerRow).containsExactly(w.customer().id().toString());
        List<Object> rows = JsonPath.read(body, "$.rows");
        assertThat(rows).hasSizeGreaterThan(150);
        call(post(base), customer).andExpect(status().isConflict());
    }

    @Test
    void anEditCreatesANewVersionAndTheOldOneStaysReadable() throws Exception {
        generate();
        agreements();
        int before = currentVersion();
        delegate(provider, security.id())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(before + 1))
                .andExpect(jsonPath("$.rows[?(@.duty == '" + PROVIDER_ROW + "')].assignments[0].implementer")
                        .value(hasItem(security.id().toString())));
        call(get(base + "/versions/{v}", before), customer)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(before))
                .andExpect(jsonPath("$.rows[?(@.duty == '" + PROVIDER_ROW + "')].assignments[0].depth")
                        .value(hasItem(0)));
        call(get(base + "/versions"), customer)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].version").value(before + 1))
                .andExpect(jsonPath("$.total").value(before + 1));
        // paged in SQL, newest first: with one version a page, the last page holds version 1
        call(get(base + "/versions").param("size", "1").param("page", String.valueOf(before + 1)), customer)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].version").value(1))
                .andExpect(jsonPath("$.pages").value(before + 1));
        // a stale base version is refused, nothing written
        send(put(base + "/rows/{duty}", PROVIDER_ROW), customer, """
                {"baseVersion":1,"assignments":[{"organisation":"%s","role":"PROVIDER","chain":[]}]}""".formatted(
                                w.provider().id()))
                .andExpect(status().isConflict());
        assertThat(currentVersion()).isEqualTo(before + 1);
    }

    @Test
    void threeLevelDelegationIsRefusedAtSignOffNamingTheRule() throws Exception {
        generate();
        agreements();
        delegate(customer, security.id(), om.id(), w.agent().id()).andExpect(status().isOk());
        call(get(base + "/check"), customer)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.approvable").value(false))
                .andExpect(jsonPath("$.violations[?(@.check == 'DELEGATION_TOO_DEEP')].rule")
                        .value(hasItem("TCCIA004-5-b-1")))
                .andExpect(jsonPath("$.violations[?(@.check == 'DELEGATION_TOO_DEEP')].ruleRef")
                        .value(hasItem("5 b) 1)")))
                .andExpect(jsonPath("$.violations[?(@.check == 'DELEGATION_TOO_DEEP')].ruleText")
                        .value(hasItem("相关责任的实施工作转移原则上不应超过2层。")));
        call(get(base + "/check").header("Accept-Language", "en"), customer)
                .andExpect(jsonPath("$.violations[?(@.check == 'DELEGATION_TOO_DEEP')].message")
                        .value(hasItem(containsString("handed on across 3 levels, more than 2"))))
                .andExpect(jsonPath("$.violations[?(@.check == 'DELEGATION_TOO_DEEP')].ruleText")
                        .value(hasItem(containsString("more than two levels"))));
        int version = currentVersion();
        send(post(base + "/sign-offs").with(matrix()), customer, "{\"side\":\"CUSTOMER\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:yunjian:problem:responsibility-violations"))
                .andExpect(jsonPath("$.violations[*].rule").value(hasItem("TCCIA004-5-b-1")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM responsibility_sign_off s JOIN responsibility_matrix m "
                                + "ON m.id = s.matrix_id WHERE m.system_id = ?")
                        .param(w.system().id())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(currentVersion()).isEqualTo(version);
    }

    @Test
    void bothSignOffsApproveAndALaterEditReopensApproval() throws Exception {
        generate();
        agreements();
        delegate(provider, security.id()).andExpect(status().isOk());
        call(get(base + "/check"), customer).andExpect(jsonPath("$.approvable").value(true));
        int version = currentVersion();
        send(post(base + "/sign-offs").with(matrix()), provider, "{\"side\":\"CUSTOMER\"}")
                .andExpect(status().isForbidden());
        send(post(base + "/sign-offs").with(matrix()), customer, "{\"side\":\"CUSTOMER\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.details.status").value("DRAFT"));
        send(post(base + "/sign-offs").with(matrix()), customer, "{\"side\":\"CUSTOMER\"}")
                .andExpect(status().isConflict());
        send(post(base + "/sign-offs").with(matrix()), provider, "{\"side\":\"PROVIDER\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.details.status").value("APPROVED"))
                .andExpect(jsonPath("$.signOffs.length()").value(2));

        delegate(provider, om.id())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(version + 1))
                .andExpect(jsonPath("$.details.status").value("DRAFT"))
                .andExpect(jsonPath("$.signOffs.length()").value(0));
        call(get(base + "/versions/{v}", version), customer)
                .andExpect(jsonPath("$.details.status").value("APPROVED"));

        UUID matrix = jdbc.sql("SELECT id FROM responsibility_matrix WHERE system_id = ?")
                .param(w.system().id())
                .query(UUID.class)
                .single();
        List<String> actions = jdbc.sql("SELECT action FROM audit_event WHERE object_id = ?")
                .param(matrix.toString())
                .query(String.class)
                .list();
        assertThat(actions)
                .contains(
                        "responsibility.create",
                        "responsibility.agreement.add",
                        "responsibility.row.edit",
                        "responsibility.sign-off",
                        "responsibility.approve");
        assertThat(actions.stream().filter("responsibility.sign-off"::equals)).hasSize(2);
    }

    /**
     * Issue 58: an approved matrix is never edited in place — answering an applicability question on it opens a new
     * draft version (both parties sign again) and the approved version stays byte for byte what documents cite.
     */
    @Test
    void answeringAQuestionOnAnApprovedMatrixOpensADraftAndLeavesTheApprovedVersionAsItWas() throws Exception {
        generate();
        agreements();
        delegate(provider, security.id()).andExpect(status().isOk());
        send(post(base + "/sign-offs").with(matrix()), customer, "{\"side\":\"CUSTOMER\"}")
                .andExpect(status().isOk());
        send(post(base + "/sign-offs").with(matrix()), provider, "{\"side\":\"PROVIDER\"}")
                .andExpect(jsonPath("$.details.status").value("APPROVED"));
        int approved = currentVersion();
        String before = document(approved);

        send(put(base + "/questions/CUSTOMER_RUNS_MACHINE_ROOM").with(matrix()), customer, "{\"answer\":false}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(approved + 1))
                .andExpect(jsonPath("$.details.status").value("DRAFT"))
                .andExpect(jsonPath("$.signOffs.length()").value(0))
                .andExpect(jsonPath("$.rows[?(@.duty == 'TCCIA004-7.2-a')].applicable")
                        .value(false));
        assertThat(document(approved)).isEqualTo(before);
        call(get(base + "/versions/{v}", approved), customer)
                .andExpect(jsonPath("$.details.status").value("APPROVED"))
                .andExpect(jsonPath("$.rows[?(@.duty == 'TCCIA004-7.2-a')].applicable")
                        .value(true));
    }

    String document(int version) {
        return jdbc.sql("SELECT v.document FROM responsibility_matrix_version v JOIN responsibility_matrix m "
                        + "ON m.id = v.matrix_id WHERE m.system_id = ? AND v.version = ?")
                .params(w.system().id(), version)
                .query(String.class)
                .single();
    }

    /** A system with a matrix cannot be deleted from under it: a 409 saying why, and nothing is lost. */
    @Test
    void aSystemWithAMatrixIsNotDeleted() throws Exception {
        String strangers = "/api/systems/" + w.strangersSystem().id();
        call(post(strangers + "/responsibility"), stranger).andExpect(status().isCreated());
        call(delete(strangers).header("Accept-Language", "en"), stranger)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:yunjian:problem:conflict"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("responsibility matrix")));
        call(get(strangers), stranger).andExpect(status().isOk());
        call(get(strangers + "/responsibility"), stranger).andExpect(status().isOk());
    }

    @Test
    void strangerOrganisationGetsNotFound() throws Exception {
        generate();
        call(get(base), stranger).andExpect(status().isNotFound());
        call(get(base + "/check"), stranger).andExpect(status().isNotFound());
        call(get(base + "/versions/1"), stranger).andExpect(status().isNotFound());
        send(post(base + "/sign-offs").with(matrix()), stranger, "{\"side\":\"CUSTOMER\"}")
                .andExpect(status().isNotFound());
        delegate(stranger, security.id()).andExpect(status().isNotFound());
        // the agent and the assessor are parties of the system: they read it
        call(get(base), user(w.agent().id())).andExpect(status().isOk());
        call(get(base), user(w.assessor().id())).andExpect(status().isOk());
    }

    /** A partner sees only the rows that name it, and only the violations about those rows or itself. */
    @Test
    void aPartnerSeesOnlyTheRowsNamingIt() throws Exception {
        generate();
        agreements();
        delegate(provider, security.id()).andExpect(status().isOk());
        CurrentUser partner = user(security.id());
        String body = call(get(base), partner)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> duties = JsonPath.read(body, "$.rows[*].duty");
        assertThat(duties).contains(PROVIDER_ROW).doesNotContain(CUSTOMER_ROW);
        assertThat(duties).hasSizeLessThan(150);
        assertThat(body.contains(security.id().toString())).isTrue();
        List<String> agreementsSeen = JsonPath.read(body, "$.agreements[*].name");
        assertThat(agreementsSeen).containsExactly("安全服务协议");
        // the same for an earlier version, and the whole matrix for the customer and the system's assessor
        List<String> v1 = JsonPath.read(
                call(get(base + "/versions/1"), partner)
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.rows[*].duty");
        assertThat(v1).doesNotContain(CUSTOMER_ROW, PROVIDER_ROW);
        for (CurrentUser whole : List.of(customer, provider, user(w.assessor().id()))) {
            List<String> all = JsonPath.read(
                    call(get(base), whole).andReturn().getResponse().getContentAsString(), "$.rows[*].duty");
            assertThat(all).contains(CUSTOMER_ROW, PROVIDER_ROW).hasSizeGreaterThan(150);
        }
        // a violation about a row the partner does not see is not shown to it
        delegate(customer, security.id(), om.id(), w.agent().id()).andExpect(status().isOk());
        List<String> hidden = JsonPath.read(
                call(get(base + "/check"), user(hardware.id()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.violations[*].duty");
        assertThat(hidden).doesNotContain(PROVIDER_ROW);
        List<String> shown = JsonPath.read(
                call(get(base + "/check"), partner).andReturn().getResponse().getContentAsString(),
                "$.violations[*].duty");
        assertThat(shown).contains(PROVIDER_ROW);
    }

    @Test
    void providerCannotChangeACustomerAccountableRow() throws Exception {
        generate();
        agreements();
        int version = currentVersion();
        send(put(base + "/rows/{duty}", CUSTOMER_ROW).with(matrix()), provider, """
                {"assignments":[{"organisation":"%s","role":"CUSTOMER","chain":[{"to":"%s","agreement":"云服务合同",
                 "clause":"3.1"}]}]}""".formatted(
                                w.customer().id(), w.provider().id()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString(CUSTOMER_ROW)));
        send(put(base + "/rows/{duty}", CUSTOMER_ROW).with(matrix()).header("Accept-Language", "en"), provider, """
                {"assignments":[]}""")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("accountable")));
        assertThat(currentVersion()).isEqualTo(version);
        // the agent reads but does not edit
        delegate(user(w.agent().id()), security.id()).andExpect(status().isForbidden());
    }

    // --- issue 36 agreements

    /**
     * T/CCIA 004-2024 5 a) 3) "并应明确云服务提供者对实施工作的监督权利和责任" and 5 b) 2) "实施工作转移至云服务合作者前需
     * 签署合同协议，合同协议中应有明确的实施工作划分条款并明确实施工作落实不到位时的问责机制。": an agreement recorded with
     * only a name and a clause no longer lets a hand-over pass; recorded with its signing date and both clauses, it does.
     */
    @Test
    void rejectsHandOverUnderAnAgreementWithoutSupervisionAccountabilityOrSigning_5a3_5b2() throws Exception {
        generate();
        agreement(customer, "云服务合同", w.customer().id(), w.provider().id());
        for (Organization p : List.of(software, hardware, om)) {
            agreement(provider, "协议" + p.name(), w.provider().id(), p.id());
        }
        send(post(base + "/agreements").with(matrix()), provider, """
                {"name":"安全服务协议","partyA":"%s","partyB":"%s","clauses":["7.3"]}""".formatted(
                                w.provider().id(), security.id()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.agreements[?(@.name == '安全服务协议')].signedOn")
                        .value(hasItem(org.hamcrest.Matchers.nullValue())));
        delegate(provider, security.id()).andExpect(status().isOk());
        call(get(base + "/check"), customer)
                .andExpect(jsonPath("$.approvable").value(false))
                .andExpect(jsonPath("$.violations[?(@.check == 'AGREEMENT_WITHOUT_SUPERVISION')].rule")
                        .value(hasItem("TCCIA004-5-a-3")))
                .andExpect(jsonPath("$.violations[?(@.check == 'AGREEMENT_WITHOUT_SUPERVISION')].ruleText")
                        .value(hasItem(containsString("并应明确云服务提供者对实施工作的监督权利和责任"))))
                .andExpect(jsonPath("$.violations[?(@.check == 'AGREEMENT_WITHOUT_ACCOUNTABILITY')].rule")
                        .value(hasItem("TCCIA004-5-b-2")))
                .andExpect(jsonPath("$.violations[?(@.check == 'AGREEMENT_NOT_SIGNED_BEFORE')].ruleText")
                        .value(hasItem(containsString("实施工作转移至云服务合作者前需签署合同协议"))));
        // a bad date is the client's error: 400, nothing written
        int version = currentVersion();
        send(post(base + "/agreements").with(matrix()), provider, """
                {"name":"日期","partyA":"%s","partyB":"%s","signedOn":"2026-13-45"}""".formatted(
                                w.provider().id(), security.id()))
                .andExpect(status().isBadRequest());
        assertThat(currentVersion()).isEqualTo(version);
    }

    /**
     * 5 b) 1) "相关责任的实施工作转移原则上不应超过2层。": the customer approves an exception with its reason (audited, a new
     * draft); the check then lists the finding as excepted instead of as a violation. The provider may not approve
     * one, and a rule the standard does not state "原则上" admits none (400 quoting it).
     */
    @Test
    void anExceptionTo5b1IsApprovedByTheCustomerAuditedAndReportedAsSuch() throws Exception {
        generate();
        agreements();
        delegate(customer, security.id(), om.id(), w.agent().id()).andExpect(status().isOk());
        String exception = """
                {"check":"%s","duty":"%s","organisation":"%s","reason":"密码机厂商驻场工程师实施密钥管理"}""";
        send(
                        post(base + "/exceptions").with(matrix()),
                        provider,
                        exception.formatted(
                                "DELEGATION_TOO_DEEP",
                                PROVIDER_ROW,
                                w.provider().id()))
                .andExpect(status().isForbidden());
        send(
                        post(base + "/exceptions").with(matrix()),
                        customer,
                        exception.formatted(
                                "HOP_WITHOUT_AGREEMENT",
                                PROVIDER_ROW,
                                w.provider().id()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.check").value(containsString("原则上")));
        send(
                        post(base + "/exceptions").with(matrix()),
                        customer,
                        exception.formatted(
                                "DELEGATION_TOO_DEEP",
                                PROVIDER_ROW,
                                w.provider().id()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.exceptions[0].check").value("DELEGATION_TOO_DEEP"))
                .andExpect(jsonPath("$.exceptions[0].reason").value("密码机厂商驻场工程师实施密钥管理"))
                .andExpect(jsonPath("$.exceptions[0].approvedBy").isNotEmpty())
                .andExpect(jsonPath("$.exceptions[0].approvedAt").isNotEmpty());
        call(get(base + "/check"), customer)
                .andExpect(jsonPath("$.violations[?(@.check == 'DELEGATION_TOO_DEEP')]")
                        .isEmpty())
                .andExpect(jsonPath("$.excepted[0].finding.rule").value("TCCIA004-5-b-1"))
                .andExpect(jsonPath("$.excepted[0].finding.ruleText").value("相关责任的实施工作转移原则上不应超过2层。"))
                .andExpect(jsonPath("$.excepted[0].exception.reason").value("密码机厂商驻场工程师实施密钥管理"));
        UUID matrix = jdbc.sql("SELECT id FROM responsibility_matrix WHERE system_id = ?")
                .param(w.system().id())
                .query(UUID.class)
                .single();
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE object_id = ?")
                        .param(matrix.toString())
                        .query(String.class)
                        .list())
                .contains("responsibility.exception.approve");
    }
}
