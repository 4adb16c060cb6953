package org.yunjian.responsibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.yunjian.responsibility.Fixtures.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.yunjian.catalog.PartyRole;
import org.yunjian.catalog.RequirementId;
import org.yunjian.party.ServiceModel;

/**
 * One violating matrix per §5 check: it yields that check's violation, quoting the catalog item of the rule, and the
 * version is refused approval by either side with that rule named.
 */
class RuleCheckTest {

    private static final RequirementId DATA_SECURITY = id("TCCIA004-8.2.4-b");
    private static final Accountable THE_PROVIDER = new Accountable(PROVIDER, PartyRole.PROVIDER);

    private final RuleCheck ruleCheck = TestCatalog.ruleCheck();

    @Test
    void aCleanMatrixHasNoViolationAndCanBeApproved() {
        RuleCheck.Result result = ruleCheck.check(clean());

        assertThat(result.violations()).isEmpty();
        assertThat(result.approvable()).isTrue();
    }

    @Test
    void delegatingTwoLevelsUnderAgreementsIsAllowed() {
        ResponsibilityMatrix m = clean().delegate(
                        DATA_SECURITY, THE_PROVIDER, SECURITY, "Security services", "3.1", Fixtures.HANDED_OVER)
                .delegate(DATA_SECURITY, THE_PROVIDER, SUB1, "Security subcontract", "2.4", Fixtures.HANDED_OVER);

        assertThat(ruleCheck.check(m).violations()).isEmpty();
        assertThat(m.row(DATA_SECURITY).orElseThrow().assignments().get(0).implementer())
                .isEqualTo(SUB1);
    }

    @Test
    void aDutyWithoutItsAccountablePartyIsRefused() {
        MatrixRow row = clean().row(id("TCCIA004-6.2-b")).orElseThrow();
        ResponsibilityMatrix m = clean().withRow(row.withAssignments(List.of()));

        Violation v = only(m, Check.ACCOUNTABLE_MISSING);

        assertThat(v.duty()).isEqualTo(id("TCCIA004-6.2-b"));
        assertThat(v.rule()).isEqualTo(id("TCCIA004-5-a-1"));
    }

    @Test
    void aRoleNobodyHoldsIsAGap() {
        List<Participant> withoutSecurityFirm = new ArrayList<>(participants());
        withoutSecurityFirm.removeIf(p -> p.organisation().equals(SECURITY));
        ResponsibilityMatrix m = ResponsibilityMatrix.generate(
                        TestCatalog.duties(), SYSTEM, ServiceModel.IAAS, withoutSecurityFirm)
                .withAgreement(new Agreement("Software licence", PROVIDER, SOFTWARE))
                .withAgreement(new Agreement("Hardware supply", PROVIDER, HARDWARE))
                .withAgreement(new Agreement("O&M agreement", PROVIDER, OM));

        RuleCheck.Result result = ruleCheck.check(m);

        assertThat(result.approvable()).isFalse();
        assertThat(result.violations()).allSatisfy(v -> {
            assertThat(v.check()).isEqualTo(Check.ROLE_GAP);
            assertThat(v.rule()).isEqualTo(id("TCCIA004-5-a"));
        });
        assertThat(result.violations())
                .extracting(Violation::duty)
                .contains(id("TCCIA004-6.5-c-4"), id("TCCIA004-8.2.3-c-2"));
        assertThat(result.violations().get(0).message().text(Locale.ENGLISH))
                .contains("Security service provider (partner)");
    }

    @Test
    void theProvidersDutyCannotBeMadeTheCustomers() {
        ResponsibilityMatrix m = withAccountable("TCCIA004-6.2-b", new Accountable(CUSTOMER, PartyRole.CUSTOMER));

        RuleCheck.Result result = ruleCheck.check(m);

        assertThat(result.violations())
                .extracting(Violation::check)
                .containsExactlyInAnyOrder(Check.ACCOUNTABLE_ROLE_NOT_NAMED, Check.ACCOUNTABLE_MISSING);
        Violation v = only(m, Check.ACCOUNTABLE_ROLE_NOT_NAMED);
        assertThat(v.rule()).isEqualTo(id("TCCIA004-5-a-1"));
        assertThat(v.organisation()).isEqualTo(CUSTOMER);
        assertThat(v.message().text(Locale.SIMPLIFIED_CHINESE))
                .contains("Service hall")
                .contains("责任本身不能转移");
    }

    @Test
    void anOrganisationNotHoldingTheRoleCannotBeItsAccountableParty() {
        ResponsibilityMatrix m = withAccountable("TCCIA004-6.2-b", new Accountable(OM, PartyRole.PROVIDER));

        Violation v = only(m, Check.ACCOUNTABLE_ROLE_NOT_HELD);

        assertThat(v.duty()).isEqualTo(id("TCCIA004-6.2-b"));
        assertThat(v.rule()).isEqualTo(id("TCCIA004-5-a-1"));
        assertThat(v.message().text(Locale.ENGLISH)).contains("Integrator").contains("Cloud service provider");
    }

    @Test
    void aThreeLevelDelegationIsRefused() {
        ResponsibilityMatrix m = clean().withAgreement(new Agreement("Third level", SUB2, CUSTOMER))
                .delegate(DATA_SECURITY, THE_PROVIDER, SECURITY, "Security services", "3.1", Fixtures.HANDED_OVER)
                .delegate(DATA_SECURITY, THE_PROVIDER, SUB1, "Security subcontract", "2.4", Fixtures.HANDED_OVER)
                .delegate(DATA_SECURITY, THE_PROVIDER, SUB2, "Sub-subcontract", "1", Fixtures.HANDED_OVER);

        Violation v = only(m, Check.DELEGATION_TOO_DEEP);

        assertThat(ruleCheck.maxDepth()).isEqualTo(2);
        assertThat(v.duty()).isEqualTo(DATA_SECURITY);
        assertThat(v.rule()).isEqualTo(id("TCCIA004-5-b-1"));
        assertThat(v.message().text(Locale.ENGLISH)).contains("3 levels, more than 2");
    }

    @Test
    void aHandOverWithoutAgreementClauseIsRefused() {
        ResponsibilityMatrix m =
                clean().delegate(DATA_SECURITY, THE_PROVIDER, SECURITY, "Security services", " ", Fixtures.HANDED_OVER);

        Violation v = only(m, Check.HOP_WITHOUT_AGREEMENT);

        assertThat(v.rule()).isEqualTo(id("TCCIA004-5-a-3"));
        assertThat(v.organisation()).isEqualTo(SECURITY);
    }

    @Test
    void theCustomerHandingOnWorkWithoutAgreementBreaksClause5c() {
        Accountable customer = new Accountable(CUSTOMER, PartyRole.CUSTOMER);
        ResponsibilityMatrix m =
                clean().delegate(id("TCCIA004-9.2-a-2"), customer, PROVIDER, null, null, Fixtures.HANDED_OVER);

        assertThat(only(m, Check.HOP_WITHOUT_AGREEMENT).rule()).isEqualTo(id("TCCIA004-5-c"));
    }

    @Test
    void aPartnerWorksOnlyUnderAnAgreementWithThePartyItServes() {
        ResponsibilityMatrix m =
                clean().delegate(DATA_SECURITY, THE_PROVIDER, SUB1, "O&M agreement", "5", Fixtures.HANDED_OVER);

        Violation v = only(m, Check.HOP_OUTSIDE_AGREEMENT);

        assertThat(v.rule()).isEqualTo(id("TCCIA004-5-d"));
        assertThat(v.message().text(Locale.ENGLISH)).contains("O&M agreement").contains("Subcontractor one");
    }

    @Test
    void aPartnerWithoutAgreementWithTheProviderIsRefused() {
        ResponsibilityMatrix clean = clean();
        List<Agreement> withoutHardware =
                clean.agreements().stream().filter(a -> !a.binds(HARDWARE)).toList();
        ResponsibilityMatrix m = clean.toBuilder().agreements(withoutHardware).build();

        Violation v = only(m, Check.PARTNER_WITHOUT_AGREEMENT);

        assertThat(v.organisation()).isEqualTo(HARDWARE);
        assertThat(v.duty()).isNull();
        assertThat(v.rule()).isEqualTo(id("TCCIA004-5-d"));
    }

    @Test
    void theProviderMayNotHandOnAllItsImplementationWork() {
        ResponsibilityMatrix m = clean();
        for (MatrixRow row : clean().rows()) {
            if (row.assignments().stream().anyMatch(a -> a.accountable().equals(THE_PROVIDER))) {
                m = m.delegate(row.duty().id(), THE_PROVIDER, OM, "O&M agreement", "2.1", Fixtures.HANDED_OVER);
            }
        }

        Violation v = only(m, Check.PROVIDER_DELEGATES_ALL_WORK);

        assertThat(v.organisation()).isEqualTo(PROVIDER);
        assertThat(v.rule()).isEqualTo(id("TCCIA004-5-a-2"));
    }

    @Test
    void everyCheckQuotesAnItemOfClause5AndEveryMessageRendersInBothLanguages() {
        for (Check c : Check.values()) {
            for (PartyRole role : PartyRole.values()) {
                RequirementId rule = ruleCheck.rule(c, role);
                if (c.rule() == null) { // JR/T's subcontracting rule (issue 36)
                    assertThat(rule.value()).startsWith("JRT-SF-");
                    continue;
                }
                assertThat(TestCatalog.catalog().requirement(rule).orElseThrow().allocationRules())
                        .anyMatch(r -> r.kind() == c.rule(role));
                assertThat(rule.value()).startsWith("TCCIA004-5-");
            }
            assertThat(c.en()).doesNotStartWith("enum.");
        }
        ResponsibilityMatrix m = clean().withAgreement(new Agreement("Third level", SUB2, CUSTOMER))
                .delegate(DATA_SECURITY, THE_PROVIDER, SECURITY, null, null, Fixtures.HANDED_OVER)
                .delegate(DATA_SECURITY, THE_PROVIDER, SUB1, "Security subcontract", "2.4", Fixtures.HANDED_OVER)
                .delegate(DATA_SECURITY, THE_PROVIDER, SUB2, "O&M agreement", "1", Fixtures.HANDED_OVER);
        List<Violation> violations = ruleCheck
                .check(withAccountable("TCCIA004-6.2-b", new Accountable(OM, PartyRole.CUSTOMER)))
                .violations();
        violations = new ArrayList<>(violations);
        violations.addAll(ruleCheck.check(m).violations());
        assertThat(violations).isNotEmpty().allSatisfy(v -> {
            for (Locale l : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                String text = v.message().text(l);
                assertThat(text)
                        .doesNotContain("{")
                        .doesNotStartWith("responsibility.")
                        .doesNotContain("enum.");
            }
        });
    }

    private ResponsibilityMatrix withAccountable(String duty, Accountable accountable) {
        ResponsibilityMatrix clean = clean();
        MatrixRow row = clean.row(id(duty)).orElseThrow();
        return clean.withRow(row.withAssignments(List.of(Assignment.of(accountable))));
    }

    private Violation only(ResponsibilityMatrix m, Check check) {
        RuleCheck.Result result = ruleCheck.check(m);
        assertThat(result.approvable()).isFalse();
        List<Violation> of =
                result.violations().stream().filter(v -> v.check() == check).toList();
        assertThat(of).as("%s in %s", check, result.violations()).hasSize(1);
        // and the version is refused approval by either side, naming the broken rule
        for (SignOffSide side : SignOffSide.values()) {
            assertThatThrownBy(() -> Approval.draft().signOff(side, result))
                    .isInstanceOfSatisfying(Approval.Refused.class, refused -> {
                        assertThat(refused.reason()).isEqualTo(Approval.Refusal.VIOLATIONS);
                        assertThat(refused.violations())
                                .extracting(Violation::rule)
                                .contains(of.get(0).rule());
                    });
        }
        return of.get(0);
    }
}
