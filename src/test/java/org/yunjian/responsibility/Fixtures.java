package org.yunjian.responsibility;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.yunjian.catalog.PartyRole;
import org.yunjian.catalog.RequirementId;
import org.yunjian.party.ServiceModel;

/** A government website on public IaaS with one organisation per T/CCIA role, and a clean first matrix. */
public final class Fixtures {

    public static final UUID SYSTEM = UUID.fromString("00000000-0000-0000-0000-000000000001");
    public static final UUID CUSTOMER = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    public static final UUID PROVIDER = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    public static final UUID SOFTWARE = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    public static final UUID HARDWARE = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
    public static final UUID OM = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    public static final UUID SECURITY = UUID.fromString("00000000-0000-0000-0000-0000000000f1");
    /** Subcontractors without a T/CCIA role of their own. */
    public static final UUID SUB1 = UUID.fromString("00000000-0000-0000-0000-000000000011");

    public static final UUID SUB2 = UUID.fromString("00000000-0000-0000-0000-000000000012");

    public static List<Participant> participants() {
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

    /** The day every agreement of {@link #clean()} was signed. */
    public static final LocalDate SIGNED = LocalDate.of(2026, 1, 5);
    /** The day the tests' hops hand the work over: after {@link #SIGNED}. */
    public static final LocalDate HANDED_OVER = LocalDate.of(2026, 1, 20);

    /**
     * The generated matrix with the agreements a clean matrix needs: customer–provider, provider–each partner, each
     * signed and stating the supervision and accountability clauses §5 a) 3), b) 2), c) ask for.
     */
    public static ResponsibilityMatrix clean() {
        return ResponsibilityMatrix.generate(TestCatalog.duties(), SYSTEM, ServiceModel.IAAS, participants())
                .withAgreement(agreement("Cloud service contract", CUSTOMER, PROVIDER))
                .withAgreement(agreement("Software licence", PROVIDER, SOFTWARE))
                .withAgreement(agreement("Hardware supply", PROVIDER, HARDWARE))
                .withAgreement(agreement("O&M agreement", PROVIDER, OM))
                .withAgreement(agreement("Security services", PROVIDER, SECURITY))
                .withAgreement(agreement("Security subcontract", SECURITY, SUB1))
                .withAgreement(agreement("Sub-subcontract", SUB1, SUB2));
    }

    /** A signed agreement stating supervision (clause 4.1) and accountability (clause 4.3). */
    public static Agreement agreement(String name, UUID a, UUID b) {
        return new Agreement(name, a, b, SIGNED, "4.1", "4.3", null);
    }

    public static RequirementId id(String value) {
        return RequirementId.of(value);
    }

    private Fixtures() {}
}
