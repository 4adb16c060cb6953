package org.yunjian.exitproject;

import org.yunjian.shared.ConflictException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExitProjectTest {

    static final ExitProject.Facts NOTHING = new ExitProject.Facts(false, 0, false, false);
    static final ExitProject.Facts ALL = new ExitProject.Facts(true, 1, true, true);

    @Test
    void walksForwardWhenEachPreconditionHolds() {
        ExitProject p = new ExitProject(ExitStatus.PLANNING);
        for (ExitStatus s : new ExitStatus[] {ExitStatus.HANDOVER, ExitStatus.VERIFICATION, ExitStatus.DELETION,
                ExitStatus.CLOSED}) {
            p.moveTo(s, ALL);
            assertThat(p.status()).isEqualTo(s);
        }
        assertThat(ExitStatus.CLOSED.next()).isEmpty();
    }

    @Test
    void rejectsSkippingAPhaseAsIllegalTransition() {
        assertThatThrownBy(() -> new ExitProject(ExitStatus.PLANNING).moveTo(ExitStatus.DELETION, ALL))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("exit-illegal-transition"));
    }

    @Test
    void namesEveryMissingPreconditionAndChangesNothing() {
        ExitProject p = new ExitProject(ExitStatus.HANDOVER);
        assertThatThrownBy(() -> p.moveTo(ExitStatus.VERIFICATION, NOTHING))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("exit-precondition");
                    assertThat(e.text().text(java.util.Locale.ENGLISH)).contains("not approved", "no signed manifest");
                });
        assertThat(p.status()).isEqualTo(ExitStatus.HANDOVER);
        assertThatThrownBy(() -> new ExitProject(ExitStatus.VERIFICATION).moveTo(ExitStatus.DELETION, NOTHING))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.text().text(java.util.Locale.ENGLISH)).contains("clean"));
        assertThatThrownBy(() -> new ExitProject(ExitStatus.DELETION).moveTo(ExitStatus.CLOSED, NOTHING))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.text().text(java.util.Locale.ENGLISH)).contains("certificate"));
    }

    @Test
    void sendsAFailedHandOverBackAndChecksPhases() {
        ExitProject p = new ExitProject(ExitStatus.VERIFICATION).moveTo(ExitStatus.HANDOVER, NOTHING);
        assertThat(p.status()).isEqualTo(ExitStatus.HANDOVER);
        p.requirePhase("The inventory", ExitStatus.PLANNING, ExitStatus.HANDOVER);
        assertThatThrownBy(() -> p.requirePhase("Media sanitisation", ExitStatus.DELETION))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("exit-wrong-phase"));
    }
}
