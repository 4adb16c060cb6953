package org.yunjian.procurement.internal;

import java.util.UUID;
import org.springframework.stereotype.Component;
import org.yunjian.lifecycle.PlanAccess;
import org.yunjian.lifecycle.PlanAccesses;
import org.yunjian.shared.Msg;

/**
 * Who may read and keep the acquisition documents of a system (needs analysis, provider selection, contract
 * review): the customer keeps them; the provider, the system's assessors and administrators read them; any other
 * organisation of the system is refused with the reason (403); a stranger does not learn the system exists (404).
 */
@Component
public class ContractDocumentAccess {

    private final PlanAccesses accesses;

    ContractDocumentAccess(PlanAccesses accesses) {
        this.accesses = accesses;
    }

    /** The caller's access for reading the documents. */
    public PlanAccess read(UUID systemId) {
        PlanAccess a = accesses.of(systemId);
        if (!a.seesWholePlan()) {
            throw new PlanAccess.Refused(Msg.of("lifecycle.doc.denied.wholePlanOnly"));
        }
        return a;
    }

    /** The caller's access for changing them: the customer only. */
    public PlanAccess write(UUID systemId) {
        PlanAccess a = read(systemId);
        if (!a.isCustomer()) {
            throw new PlanAccess.Refused(Msg.of("lifecycle.doc.denied.customerKeeps"));
        }
        return a;
    }
}
