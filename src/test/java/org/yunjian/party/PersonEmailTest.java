package org.yunjian.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.yunjian.party.PersonEmail.Change;

/** The rules of asking for a reminder address (issue 56): what takes effect, what waits, what mails a link. */
class PersonEmailTest {

    static final Instant NOW = Instant.parse("2026-12-07T01:30:00Z");

    static PersonEmail waiting(String confirmed, String pending, Instant requested) {
        return new PersonEmail(confirmed, pending, requested, requested.plus(PersonEmail.LINK_VALIDITY));
    }

    @Test
    void aNewAddressWaitsForConfirmationAndMailsALink() {
        assertThat(PersonEmail.NONE.change("a@example.cn", NOW)).isEqualTo(Change.REQUEST_CONFIRMATION);
        assertThat(new PersonEmail("a@example.cn", null, null, null).change("b@example.cn", NOW))
                .isEqualTo(Change.REQUEST_CONFIRMATION);
    }

    @Test
    void theSameAddressAgainChangesNothingWhileItsLinkWorksAndMailsANewOneAfter() {
        PersonEmail w = waiting(null, "b@example.cn", NOW.minusSeconds(3600));
        assertThat(w.awaitingConfirmation(NOW)).isTrue();
        assertThat(w.change("b@example.cn", NOW)).isEqualTo(Change.UNCHANGED);
        Instant later = NOW.plus(PersonEmail.LINK_VALIDITY);
        assertThat(w.pendingExpired(later)).isTrue();
        assertThat(w.change("b@example.cn", later)).isEqualTo(Change.REQUEST_CONFIRMATION);
    }

    @Test
    void theConfirmedAddressAgainWithdrawsTheWaitingOneAndBlankRemovesBoth() {
        PersonEmail w = waiting("a@example.cn", "b@example.cn", NOW);
        assertThat(w.change("a@example.cn", NOW)).isEqualTo(Change.CANCEL_PENDING);
        assertThat(new PersonEmail("a@example.cn", null, null, null).change("a@example.cn", NOW))
                .isEqualTo(Change.UNCHANGED);
        assertThat(w.change(" ", NOW)).isEqualTo(Change.REMOVE);
        assertThat(PersonEmail.NONE.change("", NOW)).isEqualTo(Change.UNCHANGED);
    }

    @Test
    void oneConfirmationMailAMinute() {
        assertThat(PersonEmail.tooSoonForAnotherMail(null, NOW)).isFalse();
        assertThat(PersonEmail.tooSoonForAnotherMail(NOW.minusSeconds(30), NOW)).isTrue();
        assertThat(PersonEmail.tooSoonForAnotherMail(NOW.minusSeconds(60), NOW)).isFalse();
    }

    @Test
    void refusesAWaitingAddressWithoutItsTimes() {
        assertThatThrownBy(() -> new PersonEmail(null, "b@example.cn", null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
