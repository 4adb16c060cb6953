package org.yunjian.responsibility.internal.liability;

import org.yunjian.responsibility.internal.MatrixAccess;
import org.yunjian.shared.Msg;

/**
 * Who may record and see incidents of a system: whoever may see the system's matrix ({@link MatrixAccess}) reads;
 * the customer and the cloud service provider — the two parties of the cloud service contract, who answer to each
 * other for the service — record; system administrators read every incident; anyone else (partners, agents,
 * assessors taking part in the system's engagements) sees only the incidents whose analysis names its organisation,
 * as holder of a liable role, accountable party or implementing party of a row involved.
 */
public record IncidentAccess(MatrixAccess matrix) {

    public boolean mayRecord() {
        return matrix.isCustomer() || matrix.isProvider();
    }

    /** The customer, the provider and system administrators see every incident of the system. */
    public boolean seesAll() {
        return matrix.isCustomer() || matrix.isProvider() || matrix.isAdmin();
    }

    public boolean maySee(LiabilityAnalysis analysis) {
        return seesAll() || analysis.names(matrix.user().organizationId());
    }

    void requireRecorder() {
        if (!mayRecord()) {
            throw new MatrixAccess.EditRefused(Msg.of("responsibility.denied.incidentRecord"));
        }
    }
}
