package org.yunjian.responsibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Whose sign-off a matrix version waits on (issue 35): the other side once one side signed, nobody otherwise. */
class ApprovalTest {

    @Test
    void oneSidesSignOffWaitsOnTheOtherSideWhicheverSignedFirst() {
        assertThat(new Approval(Set.of(SignOffSide.CUSTOMER)).awaited()).containsExactly(SignOffSide.PROVIDER);
        assertThat(new Approval(Set.of(SignOffSide.PROVIDER)).awaited()).containsExactly(SignOffSide.CUSTOMER);
    }

    @Test
    void aDraftNobodySignedAndAnApprovedVersionWaitOnNobody() {
        assertThat(Approval.draft().awaited()).isEmpty();
        assertThat(new Approval(Set.of(SignOffSide.CUSTOMER, SignOffSide.PROVIDER)).awaited())
                .isEmpty();
    }
}
