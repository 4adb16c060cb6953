package org.yunjian.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.yunjian.assessment.RemediationStatus;
import org.yunjian.assessment.RiskLevel;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.FieldErrors;

/** The register's rules, without Spring: {@link RiskEntry} and {@link RiskAcceptance}. */
class RiskRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    static final UUID CUSTOMER = UUID.randomUUID();
    static final UUID PROVIDER = UUID.randomUUID();
    static final UUID PROPOSER = UUID.randomUUID();
    static final UUID COLLEAGUE = UUID.randomUUID();

    static RiskAcceptance proposed(LocalDate expires) {
        return new RiskAcceptance("门禁管控", expires, PROPOSER, null, null);
    }

    static String key(FieldErrors e, String field) {
        return e.messages().containsKey(field) ? e.messages().get(field).key() : null;
    }

    @Test
    void acceptanceIsApprovedByAnotherUserOfTheCustomerWithTodaysDate() {
        RiskAcceptance a = proposed(TODAY.plusDays(30)).approve(COLLEAGUE, CUSTOMER, CUSTOMER, TODAY);
        assertThat(a.approvedBy()).isEqualTo(COLLEAGUE);
        assertThat(a.approvedOn()).isEqualTo(TODAY);
        assertThat(a.state(TODAY)).isEqualTo(RiskAcceptance.State.ACCEPTED);
    }

    @Test
    void proposerCannotApproveTheirOwnAcceptance() {
        assertThatThrownBy(() -> proposed(TODAY.plusDays(30)).approve(PROPOSER, CUSTOMER, CUSTOMER, TODAY))
                .isInstanceOf(ConflictException.class)
                .extracting(e -> ((ConflictException) e).code())
                .isEqualTo("acceptance-own-proposal");
    }

    @Test
    void onlyAUserOfTheCustomerApprovesAnAcceptance() {
        assertThatThrownBy(() -> proposed(TODAY.plusDays(30)).approve(COLLEAGUE, PROVIDER, CUSTOMER, TODAY))
                .isInstanceOf(ConflictException.class)
                .extracting(e -> ((ConflictException) e).code())
                .isEqualTo("acceptance-not-risk-owner");
        assertThatThrownBy(() -> proposed(TODAY.plusDays(30)).approve(COLLEAGUE, null, CUSTOMER, TODAY))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void anExpiredProposalCannotBeApproved() {
        assertThatThrownBy(() -> proposed(TODAY.minusDays(1)).approve(COLLEAGUE, CUSTOMER, CUSTOMER, TODAY))
                .isInstanceOf(ConflictException.class)
                .extracting(e -> ((ConflictException) e).code())
                .isEqualTo("acceptance-expired");
    }

    @Test
    void acceptanceNeedsAnExpiryDateAfterToday() {
        FieldErrors missing = new FieldErrors();
        RiskAcceptance.checkProposal(missing, RiskLevel.LOW, null, null, TODAY);
        assertThat(key(missing, "acceptanceExpiresOn")).isEqualTo("risk.error.expiry.required");
        FieldErrors today = new FieldErrors();
        RiskAcceptance.checkProposal(today, RiskLevel.LOW, null, TODAY, TODAY);
        assertThat(key(today, "acceptanceExpiresOn")).isEqualTo("risk.error.expiry.future");
        FieldErrors tomorrow = new FieldErrors();
        RiskAcceptance.checkProposal(tomorrow, RiskLevel.LOW, null, TODAY.plusDays(1), TODAY);
        assertThat(tomorrow.isEmpty()).as("a low risk needs no reason").isTrue();
    }

    @Test
    void highRiskIsAcceptedOnlyWithAStatedReason() {
        FieldErrors none = new FieldErrors();
        RiskAcceptance.checkProposal(none, RiskLevel.HIGH, "  ", TODAY.plusDays(10), TODAY);
        assertThat(key(none, "acceptanceReason")).isEqualTo("risk.error.acceptance.highReason");
        FieldErrors stated = new FieldErrors();
        RiskAcceptance.checkProposal(stated, RiskLevel.HIGH, "业务连续性优先，已有补偿措施", TODAY.plusDays(10), TODAY);
        assertThat(stated.isEmpty()).isTrue();
    }

    @Test
    void acceptedFindingIsNotOpenUntilItsAcceptanceExpiresAndThenCountsAsOpenAgain() {
        RiskAcceptance approved = proposed(TODAY.plusDays(30)).approve(COLLEAGUE, CUSTOMER, CUSTOMER, TODAY);
        RiskEntry e = new RiskEntry(RiskTreatment.ACCEPT, RemediationStatus.OPEN, null, approved);
        assertThat(e.open(TODAY)).isFalse();
        assertThat(e.open(TODAY.plusDays(30)))
                .as("valid through its expiry day")
                .isFalse();
        assertThat(e.state(TODAY)).isEqualTo(RiskState.ACCEPTED);
        assertThat(e.open(TODAY.plusDays(31))).isTrue();
        assertThat(e.state(TODAY.plusDays(31))).isEqualTo(RiskState.ACCEPTANCE_EXPIRED);
        assertThat(approved.state(TODAY.plusDays(31))).isEqualTo(RiskAcceptance.State.EXPIRED);
    }

    @Test
    void aProposedAcceptanceStillCountsAsOpen() {
        RiskEntry e = new RiskEntry(RiskTreatment.ACCEPT, RemediationStatus.OPEN, null, proposed(TODAY.plusDays(30)));
        assertThat(e.open(TODAY)).isTrue();
        assertThat(e.state(TODAY)).isEqualTo(RiskState.ACCEPTANCE_PROPOSED);
        assertThat(e.unplanned(TODAY)).as("an acceptance needs no due date").isFalse();
    }

    @Test
    void plannedRemediationNeedsADueDate() {
        FieldErrors e = new FieldErrors();
        RiskEntry.checkPlan(e, RiskLevel.MEDIUM, RiskTreatment.REMEDIATE, null, CUSTOMER, null, null, null, TODAY);
        assertThat(key(e, "dueDate")).isEqualTo("risk.error.due.required");
        FieldErrors ok = new FieldErrors();
        RiskEntry.checkPlan(
                ok, RiskLevel.MEDIUM, RiskTreatment.REMEDIATE, TODAY.plusDays(60), CUSTOMER, null, null, null, TODAY);
        assertThat(ok.isEmpty()).isTrue();
        FieldErrors noTreatment = new FieldErrors();
        RiskEntry.checkPlan(noTreatment, RiskLevel.MEDIUM, null, TODAY, CUSTOMER, null, null, null, TODAY);
        assertThat(key(noTreatment, "treatment")).isEqualTo("risk.error.treatment.required");
    }

    @Test
    void transferNamesAnOrganisationOtherThanTheOwner() {
        FieldErrors none = new FieldErrors();
        RiskEntry.checkPlan(
                none, RiskLevel.LOW, RiskTreatment.TRANSFER, TODAY.plusDays(5), CUSTOMER, null, null, null, TODAY);
        assertThat(key(none, "transferOrgId")).isEqualTo("risk.error.transfer.required");
        FieldErrors self = new FieldErrors();
        RiskEntry.checkPlan(
                self, RiskLevel.LOW, RiskTreatment.TRANSFER, TODAY.plusDays(5), CUSTOMER, CUSTOMER, null, null, TODAY);
        assertThat(key(self, "transferOrgId")).isEqualTo("risk.error.transfer.owner");
        FieldErrors ok = new FieldErrors();
        RiskEntry.checkPlan(
                ok, RiskLevel.LOW, RiskTreatment.TRANSFER, TODAY.plusDays(5), CUSTOMER, PROVIDER, null, null, TODAY);
        assertThat(ok.isEmpty()).isTrue();
    }

    @Test
    void findingWithoutDueDateIsUnplannedAndNeverOverdue() {
        RiskEntry unplanned = new RiskEntry(RiskTreatment.REMEDIATE, RemediationStatus.OPEN, null, null);
        assertThat(unplanned.unplanned(TODAY)).isTrue();
        assertThat(unplanned.overdue(TODAY)).isFalse();
        assertThat(unplanned.state(TODAY)).isEqualTo(RiskState.UNPLANNED);
        RiskEntry late =
                new RiskEntry(RiskTreatment.REMEDIATE, RemediationStatus.IN_PROGRESS, TODAY.minusDays(1), null);
        assertThat(late.overdue(TODAY)).isTrue();
        assertThat(new RiskEntry(RiskTreatment.REMEDIATE, RemediationStatus.OPEN, TODAY, null).overdue(TODAY))
                .as("due today is not overdue")
                .isFalse();
        assertThat(new RiskEntry(RiskTreatment.REMEDIATE, RemediationStatus.DONE, TODAY.minusDays(9), null).open(TODAY))
                .isFalse();
    }
}
