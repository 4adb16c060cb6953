package org.yunjian.responsibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.yunjian.responsibility.Fixtures.*;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yunjian.catalog.Layer;
import org.yunjian.catalog.PartyRole;
import org.yunjian.catalog.Requirement;
import org.yunjian.catalog.RequirementFilter;
import org.yunjian.catalog.RequirementKind;
import org.yunjian.party.ServiceModel;

/** The duties of §6–§9 and the first matrix generated from them. */
class MatrixGenerationTest {

    private final Duties duties = TestCatalog.duties();

    @Test
    void everyItemOfClauses6To9IsADutyOfItsLayer() {
        List<Requirement> items = TestCatalog.catalog()
                .find(RequirementFilter.items().standard("TCCIA004"))
                .stream()
                .filter(r -> r.kind() == RequirementKind.ITEM && r.clause().matches("[6-9].*"))
                .toList();
        assertThat(duties.all())
                .extracting(Duty::id)
                .containsExactlyElementsOf(items.stream().map(Requirement::id).toList());
        assertThat(duties.all()).allSatisfy(d -> {
            assertThat(d.roles()).as(d.id().value()).isNotEmpty();
            assertThat(d.layer()).isNotNull();
        });
        assertThat(duties.get(id("TCCIA004-7.1.2-c-2")).orElseThrow().layer()).isEqualTo(Layer.INFRASTRUCTURE);
        assertThat(duties.ofClause("7.1.2"))
                .extracting(d -> d.id().value())
                .contains("TCCIA004-7.1.2-a", "TCCIA004-7.1.2-c-2");
    }

    @Test
    void onlyTheIaasPaasAndSaasItemsOf9_1bAreRestrictedToTheirServiceModel() {
        assertThat(duties.all().stream().filter(d -> d.serviceModel() != null))
                .extracting(d -> d.id().value(), Duty::serviceModel)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("TCCIA004-9.1-b-1", ServiceModel.IAAS),
                        org.assertj.core.groups.Tuple.tuple("TCCIA004-9.1-b-2", ServiceModel.PAAS),
                        org.assertj.core.groups.Tuple.tuple("TCCIA004-9.1-b-3", ServiceModel.SAAS));
        for (Duty d : duties.all()) {
            String text =
                    TestCatalog.catalog().requirement(d.id()).orElseThrow().text();
            for (ServiceModel model : ServiceModel.values()) {
                String name = model.name().charAt(0) + "aa" + model.name().charAt(3);
                assertThat(text.contains(name))
                        .as("%s mentions %s", d.id().value(), name)
                        .isEqualTo(d.serviceModel() == model);
            }
        }
    }

    @Test
    void eachDutyGoesToTheOrganisationsHoldingItsRoles() {
        ResponsibilityMatrix m = ResponsibilityMatrix.generate(duties, SYSTEM, ServiceModel.IAAS, participants());

        assertThat(m.rows()).hasSameSizeAs(duties.all());
        MatrixRow customerDuty = m.row(id("TCCIA004-6.2-a-1")).orElseThrow();
        assertThat(customerDuty.assignments())
                .containsExactly(Assignment.of(new Accountable(CUSTOMER, PartyRole.CUSTOMER)));
        assertThat(customerDuty.assignments().get(0).implementer()).isEqualTo(CUSTOMER);
        assertThat(m.row(id("TCCIA004-7.2-a")).orElseThrow().assignments())
                .extracting(a -> a.accountable().organisation())
                .containsExactly(CUSTOMER, PROVIDER, SOFTWARE, HARDWARE, OM, SECURITY);
        assertThat(m.row(id("TCCIA004-6.5-a")).orElseThrow().assignments())
                .extracting(a -> a.accountable().role())
                .containsExactly(PartyRole.CUSTOMER, PartyRole.PROVIDER);
    }

    @Test
    void dutiesForOtherServiceModelsDoNotApply() {
        ResponsibilityMatrix iaas = ResponsibilityMatrix.generate(duties, SYSTEM, ServiceModel.IAAS, participants());

        assertThat(iaas.row(id("TCCIA004-9.1-b-1")).orElseThrow().applicable()).isTrue();
        MatrixRow paas = iaas.row(id("TCCIA004-9.1-b-2")).orElseThrow();
        assertThat(paas.applicable()).isFalse();
        assertThat(paas.assignments()).isEmpty();
        assertThat(paas.notApplicable().text(Locale.ENGLISH)).contains("(PaaS)").contains("(IaaS)");
        assertThat(iaas.row(id("TCCIA004-9.1-b-3")).orElseThrow().applicable()).isFalse();

        ResponsibilityMatrix unknown = ResponsibilityMatrix.generate(duties, SYSTEM, null, participants());
        // every duty applies where the model is not known; the bare lead-ins are headings (issue 36 C-1), never duties;
        // 7.1.2 b) 2), for a system designated CII only, waits for that answer (issue 59)
        assertThat(unknown.rows())
                .filteredOn(r -> r.duty().condition() != ApplicabilityQuestion.SYSTEM_IS_CII)
                .allMatch(r -> r.applicable() != r.heading());
        assertThat(unknown.withAnswer(ApplicabilityQuestion.SYSTEM_IS_CII, true).rows())
                .allMatch(r -> r.applicable() != r.heading());
    }

    @Test
    void jointProvidersBothAnswerForProviderDuties() {
        List<Participant> joint = List.of(
                new Participant(CUSTOMER, "G", Set.of(PartyRole.CUSTOMER)),
                new Participant(PROVIDER, "A", Set.of(PartyRole.PROVIDER)),
                new Participant(SOFTWARE, "B", Set.of(PartyRole.PROVIDER, PartyRole.PARTNER_SOFTWARE)));

        ResponsibilityMatrix m = ResponsibilityMatrix.generate(duties, SYSTEM, ServiceModel.IAAS, joint);

        assertThat(m.row(id("TCCIA004-8.2.4-b")).orElseThrow().assignments())
                .extracting(Assignment::accountable)
                .containsExactly(
                        new Accountable(PROVIDER, PartyRole.PROVIDER), new Accountable(SOFTWARE, PartyRole.PROVIDER));
        assertThat(m.holders(PartyRole.PARTNER_SOFTWARE))
                .extracting(Participant::organisation)
                .containsExactly(SOFTWARE);
    }

    @Test
    void aDelegationChainIsContiguousAndEndsAtTheImplementingParty() {
        Assignment a = Assignment.of(new Accountable(PROVIDER, PartyRole.PROVIDER))
                .delegate(SECURITY, "Security services", "4.2", Fixtures.HANDED_OVER)
                .delegate(SUB1, "Security subcontract", "2", Fixtures.HANDED_OVER);

        assertThat(a.implementer()).isEqualTo(SUB1);
        assertThat(a.depth()).isEqualTo(2);
        assertThat(a.chain()).extracting(Hop::from).containsExactly(PROVIDER, SECURITY);
        assertThatThrownBy(() -> new Assignment(
                        new Accountable(PROVIDER, PartyRole.PROVIDER),
                        List.of(new Hop(SECURITY, SUB1, "x", "1", null))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Hop(PROVIDER, PROVIDER, "x", "1", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMatrixRefusesDuplicateParticipantsAndDuties() {
        Participant p = participants().get(0);
        assertThatThrownBy(() -> ResponsibilityMatrix.builder(SYSTEM, null)
                        .participants(List.of(p, p))
                        .build())
                .isInstanceOf(IllegalArgumentException.class);
        MatrixRow row = clean().rows().get(0);
        assertThatThrownBy(() -> ResponsibilityMatrix.builder(SYSTEM, null)
                        .participants(participants())
                        .rows(List.of(row, row))
                        .build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
