package org.yunjian.responsibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yunjian.responsibility.Fixtures.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.yunjian.catalog.DeploymentModel;
import org.yunjian.catalog.PartyRole;
import org.yunjian.catalog.RequirementId;

/**
 * Issue 36 (R-3, R-4, R-6, JR/T subcontracting): what T/CCIA 004-2024 §5 asks of the agreement work is handed on
 * under, the recorded exceptions to its "原则上" rules, the right rule per violation, and JR/T's ban on subcontracting
 * without the client's permission. Each test quotes the source line (copied from docs/standards, checked there) and
 * the rule the violation cites must be that line's catalog item.
 */
class AgreementRulesTest {

    static final String TCCIA_5_A_2 = "- 2) 云服务提供者原则上不应将所有安全责任实施工作转移至云服务合作方；";
    static final String TCCIA_5_A_3 =
            "- 3) 如因云服务安全运营需要转移安全责任实施工作的，则需确保合同协议中有明确的实施工作责任方，并应明确云服务提供者对实施工作的监督权利和责任，以确保云服务提供者对安全责任的承担。";
    static final String TCCIA_5_B_1 = "- 1) 相关责任的实施工作转移原则上不应超过2层。";
    static final String TCCIA_5_B_2 = "- 2) 实施工作转移至云服务合作者前需签署合同协议，合同协议中应有明确的实施工作划分条款并明确实施工作落实不到位时的问责机制。";
    static final String TCCIA_5_C =
            "c) 客户应履行GB/T 31167-2023 5.2.1 b) 所述的安全管理责任，如将安全管理责任对应的实施工作委托云服务提供者，需确保合同协议中有明确的实施工作划分条款并明确实施工作落实不到位时的问责机制。合同约定不清晰或问责机制不明确造成的损失，由客户承担。";
    static final String JRT_7_3 = "受托方未经委托方许可，不得将云服务再进行外包、转包、分包。";
    static final String JRT_7_4_3 = "- 受托方未经委托方许可，不得将云服务再进行外包、转包、分包；";

    private static final RequirementId DATA_SECURITY = id("TCCIA004-8.2.4-b");
    private static final Accountable THE_PROVIDER = new Accountable(PROVIDER, PartyRole.PROVIDER);
    private static final Accountable THE_CUSTOMER = new Accountable(CUSTOMER, PartyRole.CUSTOMER);
    private static final RequirementId CUSTOMER_DUTY = id("TCCIA004-9.2-a-2");
    private static final RuleCheck.Context GOV = new RuleCheck.Context(DeploymentModel.PUBLIC, false);

    private final RuleCheck ruleCheck = TestCatalog.ruleCheck();

    @BeforeAll
    static void quotesAreTheStandardsOwnLines() throws IOException {
        List<String> tccia =
                Files.readAllLines(Path.of("docs/standards/tccia-004-2024-cloud-responsibility-allocation.txt"));
        List<String> jrt = Files.readAllLines(Path.of("docs/standards/jrt-securities-futures-cloud-security-spec.txt"));
        assertThat(tccia).contains(TCCIA_5_A_2, TCCIA_5_A_3, TCCIA_5_B_1, TCCIA_5_B_2, TCCIA_5_C);
        assertThat(jrt).contains(JRT_7_3, JRT_7_4_3);
    }

    // --- the agreement's contents

    @Test
    @DisplayName("5 a) 3): a hand-over under an agreement stating no provider supervision is refused — \""
            + "并应明确云服务提供者对实施工作的监督权利和责任" + "\"")
    void rejectsHandOverWhoseAgreementStatesNoSupervision_5a3() {
        ResponsibilityMatrix m = replace(
                        clean(), new Agreement("Security services", PROVIDER, SECURITY, SIGNED, null, "4.3", null))
                .delegate(DATA_SECURITY, THE_PROVIDER, SECURITY, "Security services", "3.1", Fixtures.HANDED_OVER);

        Violation v = only(ruleCheck.check(m, GOV), Check.AGREEMENT_WITHOUT_SUPERVISION);

        assertThat(v.rule()).isEqualTo(id("TCCIA004-5-a-3"));
        assertQuotes(v, TCCIA_5_A_3);
        assertThat(v.message().text(Locale.SIMPLIFIED_CHINESE))
                .contains("Security services")
                .contains("监督权利和责任");
    }

    @Test
    @DisplayName("5 b) 2): a hand-over to a partner under an agreement stating no accountability mechanism is refused")
    void rejectsHandOverWhoseAgreementStatesNoAccountability_5b2() {
        ResponsibilityMatrix m = replace(
                        clean(), new Agreement("Security services", PROVIDER, SECURITY, SIGNED, "4.1", null, null))
                .delegate(DATA_SECURITY, THE_PROVIDER, SECURITY, "Security services", "3.1", Fixtures.HANDED_OVER);

        Violation v = only(ruleCheck.check(m, GOV), Check.AGREEMENT_WITHOUT_ACCOUNTABILITY);

        assertThat(v.rule()).isEqualTo(id("TCCIA004-5-b-2"));
        assertQuotes(v, TCCIA_5_B_2);
    }

    @Test
    @DisplayName(
            "5 c): the customer's hand-over to the provider under an agreement stating no accountability mechanism breaks 5 c)")
    void rejectsCustomerHandOverWithoutAccountability_5c() {
        ResponsibilityMatrix m = replace(
                        clean(), new Agreement("Cloud service contract", CUSTOMER, PROVIDER, SIGNED, null, null, null))
                .delegate(CUSTOMER_DUTY, THE_CUSTOMER, PROVIDER, "Cloud service contract", "7.3", Fixtures.HANDED_OVER);

        RuleCheck.Result r = ruleCheck.check(m, GOV);

        Violation v = only(r, Check.AGREEMENT_WITHOUT_ACCOUNTABILITY);
        assertThat(v.rule()).isEqualTo(id("TCCIA004-5-c"));
        assertQuotes(v, TCCIA_5_C);
        // the provider's supervision (5 a) 3)) is asked of the provider side's hand-overs, not of the customer's
        assertThat(r.violations()).extracting(Violation::check).doesNotContain(Check.AGREEMENT_WITHOUT_SUPERVISION);
    }

    @Test
    @DisplayName("5 b) 2): \"实施工作转移至云服务合作者前需签署合同协议\" — an agreement signed after the hand-over, or never, is refused")
    void rejectsAgreementSignedAfterTheHandOverOrNotAtAll_5b2() {
        Hop early = new Hop(PROVIDER, SECURITY, "Security services", "3.1", LocalDate.of(2025, 12, 1));
        ResponsibilityMatrix m = withChain(clean(), DATA_SECURITY, THE_PROVIDER, List.of(early));

        Violation v = only(ruleCheck.check(m, GOV), Check.AGREEMENT_NOT_SIGNED_BEFORE);
        assertThat(v.rule()).isEqualTo(id("TCCIA004-5-b-2"));
        assertQuotes(v, TCCIA_5_B_2);

        Hop onTheDay = new Hop(PROVIDER, SECURITY, "Security services", "3.1", SIGNED);
        assertThat(ruleCheck
                        .check(withChain(clean(), DATA_SECURITY, THE_PROVIDER, List.of(onTheDay)), GOV)
                        .violations())
                .isEmpty();

        ResponsibilityMatrix unsigned = replace(
                        clean(), new Agreement("Security services", PROVIDER, SECURITY, null, "4.1", "4.3", null))
                .delegate(DATA_SECURITY, THE_PROVIDER, SECURITY, "Security services", "3.1", Fixtures.HANDED_OVER);
        assertThat(only(ruleCheck.check(unsigned, GOV), Check.AGREEMENT_NOT_SIGNED_BEFORE)
                        .rule())
                .isEqualTo(id("TCCIA004-5-b-2"));
    }

    @Test
    @DisplayName(
            "5 b) 2): \"实施工作转移至云服务合作者前需签署合同协议\" — a hand-over without its day is a finding naming the hop; the check takes no day for it")
    void reportsAHandOverWithoutItsDayNamingTheHop_5b2() {
        ResponsibilityMatrix m =
                clean().delegate(DATA_SECURITY, THE_PROVIDER, SECURITY, "Security services", "3.1", null);

        Violation v = only(ruleCheck.check(m, GOV), Check.HOP_WITHOUT_HANDOVER_DAY);

        assertThat(v.rule()).isEqualTo(id("TCCIA004-5-b-2"));
        assertQuotes(v, TCCIA_5_B_2);
        assertThat(v.duty()).isEqualTo(DATA_SECURITY);
        assertThat(v.organisation()).isEqualTo(SECURITY);
        assertThat(v.message().text(Locale.ENGLISH))
                .contains("Gov cloud", "Security firm", "Security services")
                .doesNotContain("{");
        assertThat(v.message().text(Locale.SIMPLIFIED_CHINESE)).contains("未登记转移日期");
        // the same hop with its day, after the signing date: nothing to report
        assertThat(ruleCheck
                        .check(
                                clean().delegate(
                                                DATA_SECURITY,
                                                THE_PROVIDER,
                                                SECURITY,
                                                "Security services",
                                                "3.1",
                                                HANDED_OVER),
                                GOV)
                        .violations())
                .isEmpty();
    }

    @Test
    void aHandOverUnderASignedAgreementStatingBothClausesPasses() {
        ResponsibilityMatrix m = clean().delegate(
                        DATA_SECURITY, THE_PROVIDER, SECURITY, "Security services", "3.1", Fixtures.HANDED_OVER);

        assertThat(ruleCheck.check(m, GOV).violations()).isEmpty();
    }

    // --- the right rule per violation

    @Test
    @DisplayName(
            "5 c): a customer hop citing an agreement not between the customer and the provider breaks 5 c), not 5 d) — \"如将安全管理责任对应的实施工作委托云服务提供者，需确保合同协议中有明确的实施工作划分条款\"")
    void customerHopOutsideItsAgreementBreaks5cNot5d() {
        ResponsibilityMatrix m =
                clean().delegate(CUSTOMER_DUTY, THE_CUSTOMER, PROVIDER, "O&M agreement", "2.1", Fixtures.HANDED_OVER);

        Violation v = only(ruleCheck.check(m, GOV), Check.HOP_OUTSIDE_AGREEMENT);

        assertThat(v.rule()).isEqualTo(id("TCCIA004-5-c"));
        assertQuotes(v, TCCIA_5_C);
        // the provider side's hop outside its agreement still breaks the partner rule 5 d)
        ResponsibilityMatrix p =
                clean().delegate(DATA_SECURITY, THE_PROVIDER, SUB1, "O&M agreement", "5", Fixtures.HANDED_OVER);
        assertThat(only(ruleCheck.check(p, GOV), Check.HOP_OUTSIDE_AGREEMENT).rule())
                .isEqualTo(id("TCCIA004-5-d"));
    }

    // --- recorded, approved exceptions to the "原则上" rules

    @Test
    @DisplayName("5 b) 1) \"相关责任的实施工作转移原则上不应超过2层。\" — an approved exception is reported as such, not as a violation")
    void anApprovedExceptionTo5b1IsReportedAsAnExceptionNotAViolation() {
        ResponsibilityMatrix deep = clean().delegate(
                        DATA_SECURITY, THE_PROVIDER, SECURITY, "Security services", "3.1", Fixtures.HANDED_OVER)
                .delegate(DATA_SECURITY, THE_PROVIDER, SUB1, "Security subcontract", "2.4", Fixtures.HANDED_OVER)
                .delegate(DATA_SECURITY, THE_PROVIDER, SUB2, "Sub-subcontract", "1", Fixtures.HANDED_OVER);
        assertQuotes(only(ruleCheck.check(deep, GOV), Check.DELEGATION_TOO_DEEP), TCCIA_5_B_1);

        RuleException e = new RuleException(
                Check.DELEGATION_TOO_DEEP,
                DATA_SECURITY,
                PROVIDER,
                "Key management needs the HSM vendor's field engineer",
                "customer1",
                Instant.parse("2026-05-01T08:00:00Z"));
        RuleCheck.Result r = ruleCheck.check(deep.withException(e), GOV);

        assertThat(r.violations()).isEmpty();
        assertThat(r.approvable()).isTrue();
        assertThat(r.excepted()).singleElement().satisfies(x -> {
            assertThat(x.finding().check()).isEqualTo(Check.DELEGATION_TOO_DEEP);
            assertThat(x.finding().rule()).isEqualTo(id("TCCIA004-5-b-1"));
            assertThat(x.exception()).isEqualTo(e);
        });
        // another duty's three-level chain is not covered by this exception
        RequirementId other = id("TCCIA004-6.2-b");
        ResponsibilityMatrix twoDeep = deep.withException(e)
                .delegate(other, THE_PROVIDER, SECURITY, "Security services", "3.1", Fixtures.HANDED_OVER)
                .delegate(other, THE_PROVIDER, SUB1, "Security subcontract", "2.4", Fixtures.HANDED_OVER)
                .delegate(other, THE_PROVIDER, SUB2, "Sub-subcontract", "1", Fixtures.HANDED_OVER);
        assertThat(only(ruleCheck.check(twoDeep, GOV), Check.DELEGATION_TOO_DEEP)
                        .duty())
                .isEqualTo(other);
        // and the one-more-hop operation lets the excepted chain through
        Assignment a = deep.row(DATA_SECURITY).orElseThrow().assignments().stream()
                .filter(x -> x.accountable().equals(THE_PROVIDER))
                .findFirst()
                .orElseThrow();
        Duty duty = deep.row(DATA_SECURITY).orElseThrow().duty();
        assertThat(ruleCheck.handOnRefusal(duty, a)).isPresent();
        assertThat(ruleCheck.handOnRefusal(duty, a, List.of(e))).isEmpty();
    }

    @Test
    @DisplayName("5 a) 2) \"云服务提供者原则上不应将所有安全责任实施工作转移至云服务合作方；\" — an approved exception is reported as such")
    void anApprovedExceptionTo5a2IsReportedAsAnExceptionNotAViolation() {
        ResponsibilityMatrix m = clean();
        for (MatrixRow row : clean().rows()) {
            if (row.assignments().stream().anyMatch(a -> a.accountable().equals(THE_PROVIDER))) {
                m = m.delegate(row.duty().id(), THE_PROVIDER, OM, "O&M agreement", "2.1", Fixtures.HANDED_OVER);
            }
        }
        assertQuotes(only(ruleCheck.check(m, GOV), Check.PROVIDER_DELEGATES_ALL_WORK), TCCIA_5_A_2);

        RuleException e = new RuleException(
                Check.PROVIDER_DELEGATES_ALL_WORK,
                null,
                PROVIDER,
                "Reseller model: the platform is run entirely by the O&M partner",
                "customer1",
                Instant.EPOCH);
        RuleCheck.Result r = ruleCheck.check(m.withException(e), GOV);

        assertThat(r.violations()).isEmpty();
        assertThat(r.excepted())
                .extracting(x -> x.finding().check())
                .containsExactly(Check.PROVIDER_DELEGATES_ALL_WORK);
    }

    @Test
    void onlyTheRulesStatedInPrincipleAdmitAnException() {
        for (Check c : Check.values()) {
            boolean inPrinciple = c == Check.DELEGATION_TOO_DEEP || c == Check.PROVIDER_DELEGATES_ALL_WORK;
            assertThat(ruleCheck.admitsException(c)).as(c.name()).isEqualTo(inPrinciple);
        }
        // an exception recorded for a rule that admits none excuses nothing
        ResponsibilityMatrix m = clean().delegate(
                        DATA_SECURITY, THE_PROVIDER, SECURITY, "Security services", " ", Fixtures.HANDED_OVER)
                .withException(new RuleException(
                        Check.HOP_WITHOUT_AGREEMENT, DATA_SECURITY, SECURITY, "no", "customer1", Instant.EPOCH));
        assertThat(ruleCheck.check(m, GOV).violations())
                .extracting(Violation::check)
                .contains(Check.HOP_WITHOUT_AGREEMENT);
    }

    // --- JR/T 7.3, 7.4.3: no subcontracting without the client's permission

    @Test
    @DisplayName("JR/T 7.4.3 \"受托方未经委托方许可，不得将云服务再进行外包、转包、分包；\" — on a public-cloud securities system")
    void rejectsProviderHopToAPartnerWithoutTheClientsPermissionOnAPublicSecuritiesCloud_Jrt743() {
        ResponsibilityMatrix m = clean().delegate(
                        DATA_SECURITY, THE_PROVIDER, SECURITY, "Security services", "3.1", Fixtures.HANDED_OVER);
        RuleCheck.Context jrtPublic = new RuleCheck.Context(DeploymentModel.PUBLIC, true);

        Violation v = only(ruleCheck.check(m, jrtPublic), Check.SUBCONTRACT_WITHOUT_CONSENT);

        assertThat(v.rule()).isEqualTo(id("JRT-SF-7.4.3-1-6"));
        assertQuotes(v, JRT_7_4_3.substring(2));
        assertThat(v.organisation()).isEqualTo(SECURITY);
        // not on a system outside the securities and futures industry
        assertThat(ruleCheck.check(m, GOV).violations()).isEmpty();
        // nor with the client's permission recorded on the agreement by the hand-over
        ResponsibilityMatrix permitted = replace(
                        clean(), new Agreement("Security services", PROVIDER, SECURITY, SIGNED, "4.1", "4.3", SIGNED))
                .delegate(DATA_SECURITY, THE_PROVIDER, SECURITY, "Security services", "3.1", Fixtures.HANDED_OVER);
        assertThat(ruleCheck.check(permitted, jrtPublic).violations()).isEmpty();
    }

    @Test
    @DisplayName("JR/T 7.3 \"受托方未经委托方许可，不得将云服务再进行外包、转包、分包。\" — on an industry cloud (行业云)")
    void rejectsProviderHopToAPartnerWithoutTheClientsPermissionOnAnIndustryCloud_Jrt73() {
        ResponsibilityMatrix m = clean().delegate(
                        DATA_SECURITY, THE_PROVIDER, SECURITY, "Security services", "3.1", Fixtures.HANDED_OVER);

        Violation v = only(
                ruleCheck.check(m, new RuleCheck.Context(DeploymentModel.COMMUNITY, true)),
                Check.SUBCONTRACT_WITHOUT_CONSENT);

        assertThat(v.rule()).isEqualTo(id("JRT-SF-7.3-5"));
        assertQuotes(v, JRT_7_3);
        assertThat(v.message().text(Locale.ENGLISH)).contains("Security firm").doesNotContain("{");
    }

    @Test
    @DisplayName("JR/T 7.3 \"受托方未经委托方许可，不得将云服务再进行外包、转包、分包。\" — the 许可 is the 委托方's to record")
    void partyOtherThanTheClientCannotStateTheClientsPermissionToSubcontract_Jrt73() {
        Agreement recorded = new Agreement("Security services", PROVIDER, SECURITY, SIGNED, "4.1", "4.3", SIGNED);
        // the provider stating a permission day the client has not recorded: refused
        Agreement claimed = new Agreement("Security services", PROVIDER, SECURITY, SIGNED, "4.1", "4.3", SIGNED);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> claimed.recordedByOtherThanCustomer(null))
                .isInstanceOf(Agreement.ConsentNotTheirs.class);
        Agreement otherDay =
                new Agreement("Security services", PROVIDER, SECURITY, SIGNED, "4.1", "4.3", SIGNED.plusDays(1));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> otherDay.recordedByOtherThanCustomer(recorded))
                .isInstanceOf(Agreement.ConsentNotTheirs.class)
                .extracting(x -> ((Agreement.ConsentNotTheirs) x).agreement())
                .isEqualTo("Security services");
        // leaving it out keeps the client's day; restating the client's day changes nothing
        Agreement silent = new Agreement("Security services", PROVIDER, SECURITY, SIGNED, "4.1", "4.9", null);
        assertThat(silent.recordedByOtherThanCustomer(recorded).customerConsentOn())
                .isEqualTo(SIGNED);
        assertThat(silent.recordedByOtherThanCustomer(recorded).accountabilityClause())
                .isEqualTo("4.9");
        assertThat(silent.recordedByOtherThanCustomer(null).customerConsentOn()).isNull();
        assertThat(claimed.recordedByOtherThanCustomer(recorded)).isEqualTo(recorded);
    }

    private static void assertQuotes(Violation v, String sourceLine) {
        String quoted = RuleQuote.of(v.rule(), TestCatalog.catalog()).original();
        String line = sourceLine.replaceFirst("^- \\d\\) ", "").replaceFirst("^[a-z]\\) ", "");
        assertThat(line).as("the source line of %s", v.rule()).contains(quoted.replaceAll("[；。]$", ""));
    }

    private static ResponsibilityMatrix replace(ResponsibilityMatrix m, Agreement a) {
        List<Agreement> next = new java.util.ArrayList<>(m.agreements());
        next.replaceAll(x -> x.name().equals(a.name()) ? a : x);
        return m.toBuilder().agreements(next).build();
    }

    private static ResponsibilityMatrix withChain(
            ResponsibilityMatrix m, RequirementId duty, Accountable who, List<Hop> chain) {
        MatrixRow row = m.row(duty).orElseThrow();
        List<Assignment> next = row.assignments().stream()
                .map(a -> a.accountable().equals(who) ? new Assignment(who, chain) : a)
                .toList();
        return m.withRow(row.withAssignments(next));
    }

    private static Violation only(RuleCheck.Result r, Check check) {
        List<Violation> of =
                r.violations().stream().filter(v -> v.check() == check).toList();
        assertThat(of).as("%s in %s", check, r.violations()).hasSize(1);
        assertThat(r.approvable()).isFalse();
        return of.get(0);
    }
}
