package org.yunjian.responsibility.internal;

import java.util.List;
import java.util.UUID;
import org.yunjian.party.CloudSystem;
import org.yunjian.responsibility.Agreement;
import org.yunjian.responsibility.Assignment;
import org.yunjian.responsibility.SignOffSide;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;
import org.yunjian.shared.ForbiddenException;
import org.yunjian.shared.Msg;

/**
 * What the caller may do with a system's matrix. Everyone who may see the system ({@code party.Parties}: its
 * customer, provider, agents, the participants of its engagements, system administrators) reads it; the customer
 * generates it, edits any row and records agreements; the provider changes only its own parts of a row (the
 * delegation of work it answers for) and agreements it is party to; each side signs off for itself.
 *
 * @param assessor whether the caller's organisation is a third-party assessor (等级测评机构) of the system, who reads
 *                 the whole matrix to see which side each item falls to
 */
public record MatrixAccess(CloudSystem system, CurrentUser user, boolean assessor) {

    public boolean isCustomer() {
        return user.organizationId() != null && user.belongsTo(system.customerId());
    }

    public boolean isProvider() {
        return user.organizationId() != null && system.providerId() != null && user.belongsTo(system.providerId());
    }

    public boolean isAdmin() {
        return user.is(Role.SYSTEM_ADMIN);
    }

    /**
     * Whether the caller sees the whole matrix: customer, provider, the system's assessors and system
     * administrators do; every other party
     * of the system (partners, agents) sees only the rows that name its organisation
     * ({@link org.yunjian.responsibility.ResponsibilityMatrix#seenBy}).
     */
    public boolean seesWholeMatrix() {
        return isCustomer() || isProvider() || isAdmin() || assessor;
    }

    /** Whether the caller may make edits at all (generate, change rows, record agreements). */
    public boolean mayEdit() {
        return isCustomer() || isProvider();
    }

    public boolean maySignOff(SignOffSide side) {
        return side == SignOffSide.CUSTOMER ? isCustomer() : isProvider();
    }

    void requireCustomer(String duty) {
        if (!isCustomer()) {
            throw new EditRefused(Msg.of("responsibility.denied.customerOnly", Msg.of(duty)));
        }
    }

    public void requireEditor() {
        if (!mayEdit()) {
            throw new EditRefused(Msg.of("responsibility.denied.edit"));
        }
    }

    /**
     * The provider may change the delegation of the parts of a row it answers for, nothing else: the accountable
     * parties stay as they are and every other party's assignment is unchanged.
     */
    public void requireMayChange(String duty, List<Assignment> before, List<Assignment> after) {
        requireEditor();
        if (isCustomer()) {
            return;
        }
        UUID own = system.providerId();
        boolean sameAccountables = before.stream()
                .map(Assignment::accountable)
                .toList()
                .equals(after.stream().map(Assignment::accountable).toList());
        boolean othersUnchanged = sameAccountables
                && java.util.stream.IntStream.range(0, before.size())
                        .allMatch(
                                i -> before.get(i).accountable().organisation().equals(own)
                                        || before.get(i).equals(after.get(i)));
        if (!othersUnchanged) {
            throw new EditRefused(Msg.of("responsibility.denied.providerRow", duty));
        }
    }

    /**
     * {@code next} as the caller may record it over {@code recorded} (null: a new agreement): the customer as stated;
     * anyone else keeps the customer's permission to subcontract as recorded — JR/T 7.3, 7.4.3 make it the
     * 委托方's to give — and is refused for stating another day.
     */
    public Agreement agreementAsRecorded(Agreement recorded, Agreement next) {
        if (isCustomer()) {
            return next;
        }
        try {
            return next.recordedByOtherThanCustomer(recorded);
        } catch (Agreement.ConsentNotTheirs x) {
            throw new EditRefused(Msg.of("responsibility.denied.consentCustomerOnly", x.agreement()));
        }
    }

    void requireSide(SignOffSide side) {
        if (!maySignOff(side)) {
            throw new EditRefused(Msg.of("responsibility.denied.signOff", Msg.of(side)));
        }
    }

    /**
     * A refused change, with the reason for the person: a 403 problem naming it. Not an
     * {@code AccessDeniedException}, whose problem is the generic 403 sentence.
     */
    public static final class EditRefused extends ForbiddenException {
        public EditRefused(Msg text) {
            super(text);
        }
    }
}
