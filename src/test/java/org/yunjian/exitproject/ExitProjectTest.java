package org.yunjian.exitproject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.yunjian.shared.ConflictException;

class ExitProjectTest {

    static final ExitClauses CLAUSES = new ExitClauses(org.yunjian.catalog.internal.CatalogLoading.fromClasspath());

    static final ExitProject.Facts NOTHING = new ExitProject.Facts(false, 0, false, false);
    static final ExitProject.Facts ALL = new ExitProject.Facts(true, 1, true, true);

    @Test
    void walksForwardWhenEachPreconditionHolds() {
        ExitProject p = new ExitProject(ExitStatus.PLANNING, CLAUSES);
        for (ExitStatus s :
                new ExitStatus[] {ExitStatus.HANDOVER, ExitStatus.VERIFICATION, ExitStatus.DELETION, ExitStatus.CLOSED
                }) {
            p.moveTo(s, ALL);
            assertThat(p.status()).isEqualTo(s);
        }
        assertThat(ExitStatus.CLOSED.next()).isEmpty();
    }

    @Test
    void rejectsSkippingAPhaseAsIllegalTransition() {
        assertThatThrownBy(() -> new ExitProject(ExitStatus.PLANNING, CLAUSES).moveTo(ExitStatus.DELETION, ALL))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("exit-illegal-transition"));
    }

    @Test
    void namesEveryMissingPreconditionAndChangesNothing() {
        ExitProject p = new ExitProject(ExitStatus.HANDOVER, CLAUSES);
        assertThatThrownBy(() -> p.moveTo(ExitStatus.VERIFICATION, NOTHING))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("exit-precondition");
                    assertThat(e.text().text(java.util.Locale.ENGLISH)).contains("not approved", "no signed manifest");
                });
        assertThat(p.status()).isEqualTo(ExitStatus.HANDOVER);
        assertThatThrownBy(() -> new ExitProject(ExitStatus.VERIFICATION, CLAUSES).moveTo(ExitStatus.DELETION, NOTHING))
                .isInstanceOfSatisfying(
                        ConflictException.class,
                        e -> assertThat(e.text().text(java.util.Locale.ENGLISH)).contains("clean"));
        assertThatThrownBy(() -> new ExitProject(ExitStatus.DELETION, CLAUSES).moveTo(ExitStatus.CLOSED, NOTHING))
                .isInstanceOfSatisfying(
                        ConflictException.class,
                        e -> assertThat(e.text().text(java.util.Locale.ENGLISH)).contains("certificate"));
    }

    @Test
    void sendsAFailedHandOverBackAndChecksPhases() {
        ExitProject p = new ExitProject(ExitStatus.VERIFICATION, CLAUSES).moveTo(ExitStatus.HANDOVER, NOTHING);
        assertThat(p.status()).isEqualTo(ExitStatus.HANDOVER);
        p.requirePhase("The inventory", ExitStatus.PLANNING, ExitStatus.HANDOVER);
        assertThatThrownBy(() -> p.requirePhase("Media sanitisation", ExitStatus.DELETION))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("exit-wrong-phase"));
    }

    /** Issue 36 fin-small: a precondition names its clause as ClauseLabel labels the catalog item. */
    @Test
    void aMissingPreconditionNamesItsClauseAsClauseLabelDoes() {
        assertThatThrownBy(() -> new ExitProject(ExitStatus.VERIFICATION, CLAUSES).moveTo(ExitStatus.DELETION, NOTHING))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.text().text(java.util.Locale.SIMPLIFIED_CHINESE))
                                .contains("尚无通过的完整性核验（GB/T 31167 9.3）"));
        assertThatThrownBy(() -> new ExitProject(ExitStatus.HANDOVER, CLAUSES).moveTo(ExitStatus.VERIFICATION, NOTHING))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(
                                e.text().text(java.util.Locale.ENGLISH))
                        .contains("inventory ("
                                + CLAUSES.cited(ExitClauses.DATA_LIST_APPROVAL).text(java.util.Locale.ENGLISH) + ")")
                        .contains("JR/T securities and futures cloud specification 8.1.3 ¶2"));
    }
}
