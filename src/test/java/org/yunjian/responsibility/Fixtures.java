package org.yunjian.responsibility;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.yunjian.catalog.RequirementId;
import org.yunjian.party.PartyRole;
import org.yunjian.party.ServiceModel;

/** A government website on public IaaS with one organisation per T/CCIA role, and a clean first matrix. */
final class Fixtures {

    static final UUID SYSTEM = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID CUSTOMER = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    static final UUID PROVIDER = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    static final UUID SOFTWARE = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    static final UUID HARDWARE = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
    static final UUID OM = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    static final UUID SECURITY = UUID.fromString("00000000-0000-0000-0000-0000000000f1");
    /** Subcontractors without a T/CCIA role of their own. */
    static final UUID SUB1 = UUID.fromString("00000000-0000-0000-0000-000000000011");
    static final UUID SUB2 = UUID.fromString("00000000-0000-0000-0000-000000000012");

    static List<Participant> participants() {
        return List.of(
                new Participant(CUSTOMER, "Service hall", Set.of(PartyRole.CUSTOMER)),
                new Participant(PROVIDER, "Gov cloud", Set.of(PartyRole.PROVIDER)),
                new Participant(SOFTWARE, "Platform vendor", Set.of(PartyRole.PARTNER_SOFTWARE)),
                new Participant(HARDWARE, "Server maker", Set.of(PartyRole.PARTNER_HARDWARE)),
                new Participant(OM, "Integrator", Set.of(PartyRole.PARTNER_OM_SERVICE)),
                new Participant(SECURITY, "Security firm", Set.of(PartyRole.PARTNER_SECURITY_SERVICE)),
                new Participant(SUB1, "Subcontractor one", Set.of()),
                new Participant(SUB2, "Subcontractor two", Set.of()));
    }

    /** The generated matrix with the agreements a clean matrix needs: customer–provider, provider–each partner. */
    static ResponsibilityMatrix clean() {
        return ResponsibilityMatrix.generate(TestCatalog.duties(), SYSTEM, ServiceModel.IAAS, participants())
                .withAgreement(new Agreement("Cloud service contract", CUSTOMER, PROVIDER))
                .withAgreement(new Agreement("Software licence", PROVIDER, SOFTWARE))
                .withAgreement(new Agreement("Hardware supply", PROVIDER, HARDWARE))
                .withAgreement(new Agreement("O&M agreement", PROVIDER, OM))
                .withAgreement(new Agreement("Security services", PROVIDER, SECURITY))
                .withAgreement(new Agreement("Security subcontract", SECURITY, SUB1))
                .withAgreement(new Agreement("Sub-subcontract", SUB1, SUB2));
    }

    static RequirementId id(String value) {
        return RequirementId.of(value);
    }

    private Fixtures() {
    }
}
