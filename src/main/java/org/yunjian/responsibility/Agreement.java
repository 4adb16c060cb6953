package org.yunjian.responsibility;

import static org.yunjian.shared.FieldValues.stripped;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * A contract or cooperation agreement (合同协议) between two organisations of the system, under which one does
 * work for the other; hops cite it by name. What T/CCIA 004-2024 §5 asks an agreement that work is handed on under
 * to state is recorded with it, so the rule check can tell whether it does (null: not recorded):
 *
 * @param signedOn             the day it was signed — §5 b) 2) "实施工作转移至云服务合作者前需签署合同协议"
 * @param supervisionClause    its clause stating the provider's right and duty to supervise the work — §5 a) 3)
 *                             "并应明确云服务提供者对实施工作的监督权利和责任"
 * @param accountabilityClause its clause stating the accountability mechanism when the work falls short — §5 b) 2)
 *                             and c) "明确实施工作落实不到位时的问责机制"
 * @param customerConsentOn    the day the customer (委托方) permitted the provider to subcontract under it — JR/T 7.3,
 *                             7.4.3 "受托方未经委托方许可，不得将云服务再进行外包、转包、分包"
 */
public record Agreement(
        String name,
        UUID partyA,
        UUID partyB,
        LocalDate signedOn,
        String supervisionClause,
        String accountabilityClause,
        LocalDate customerConsentOn) {

    public Agreement {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name");
        }
        name = name.strip();
        Objects.requireNonNull(partyA, "partyA");
        Objects.requireNonNull(partyB, "partyB");
        if (partyA.equals(partyB)) {
            throw new IllegalArgumentException("agreement: partyA == partyB");
        }
        supervisionClause = stripped(supervisionClause);
        accountabilityClause = stripped(accountabilityClause);
    }

    /** An agreement of which nothing but the parties is recorded. */
    public Agreement(String name, UUID partyA, UUID partyB) {
        this(name, partyA, partyB, null, null, null, null);
    }

    /** Whether the agreement binds {@code x} and {@code y}, in either order. */
    public boolean between(UUID x, UUID y) {
        return partyA.equals(x) && partyB.equals(y) || partyA.equals(y) && partyB.equals(x);
    }

    public boolean binds(UUID organisation) {
        return partyA.equals(organisation) || partyB.equals(organisation);
    }

    /** This agreement with the day the customer (委托方) permitted subcontracting under it (JR/T 7.3, 7.4.3). */
    public Agreement withCustomerConsentOn(LocalDate day) {
        return new Agreement(name, partyA, partyB, signedOn, supervisionClause, accountabilityClause, day);
    }

    /**
     * This agreement as recorded by a party other than the customer, over what {@code recorded} (null: none) holds: the
     * customer's permission to subcontract stays as the customer recorded it. JR/T 7.3 / 7.4.3
     * "受托方未经委托方许可，不得将云服务再进行外包、转包、分包" makes that permission the 委托方's to give; left out, the
     * recorded day is kept; stated otherwise, it is refused.
     *
     * @throws ConsentNotTheirs if it states a permission day other than the recorded one
     */
    public Agreement recordedByOtherThanCustomer(Agreement recorded) {
        LocalDate kept = recorded == null ? null : recorded.customerConsentOn();
        if (customerConsentOn == null) {
            return withCustomerConsentOn(kept);
        }
        if (!customerConsentOn.equals(kept)) {
            throw new ConsentNotTheirs(name);
        }
        return this;
    }

    /** A party other than the customer (委托方) stated the customer's permission to subcontract (JR/T 7.3, 7.4.3). */
    public static final class ConsentNotTheirs extends IllegalStateException {
        private final String agreement;

        ConsentNotTheirs(String agreement) {
            super("customer consent recorded by another party: " + agreement);
            this.agreement = agreement;
        }

        public String agreement() {
            return agreement;
        }
    }

    /** Whether it was signed on or before {@code day} (any signing date, for {@code day} null). */
    public boolean signedBy(LocalDate day) {
        return signedOn != null && (day == null || !signedOn.isAfter(day));
    }
}
