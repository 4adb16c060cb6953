package org.yunjian.procurement;

import java.util.Optional;
import org.yunjian.party.CloudSystem;

/** What the contract review records of a system's NDA, for the obligations calendar's renewal (JR/T 6.3.4 / 6.4.4). */
public interface NdaValidities {

    /**
     * The validity of a system's NDA as its review records it, for the obligations calendar's reminder before it runs
     * out; empty when no NDA clause carries dates.
     */
    Optional<ClauseReview> ndaValidity(CloudSystem system);
}
