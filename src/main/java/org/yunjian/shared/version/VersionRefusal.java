package org.yunjian.shared.version;

import org.yunjian.shared.Msg;

/**
 * A page form not saved because of its version: someone else changed the record after the form was opened
 * ({@link StaleVersionException}, 409), or the form named no version at all ({@link PreconditionRequiredException},
 * 428 — a page from before versions, a hand-made request). Every page answers both the same way: the clear alert of
 * {@code web/locking :: stale} with {@link #formText()}, the typed input kept, the form carrying the current version,
 * so the person sees what happened and saves again deliberately. Pages leave the catching to
 * {@code shared.refusal.PageRefusal}, which hands them the refusal as this type.
 */
public interface VersionRefusal {

    /** The alert's text over the re-shown form, in the reader's language. */
    String formText();

    /**
     * The same refusal with its texts naming {@code record} first (the assessment behind a review decision, one file
     * of several): one call for a stale form and one naming no version alike.
     */
    RuntimeException naming(Msg record);

    /**
     * The alert's text after a refused form that typed nothing and only takes one step ({@code action}: a deletion,
     * a withdrawal, a sign-off…): there is no input to keep and the step did not happen, so the alert says that and
     * to review the current record and take the step again if it should still happen.
     */
    String formText(Action action);

    /**
     * The stored version the re-shown form should name, or {@code null} when the refusal does not know it (a form
     * that named none): the page then names the version it reads anew.
     */
    Long formVersion();

    /**
     * {@link #formVersion()}, or the version {@code stored} reads anew when the refusal does not know it: the version
     * the re-shown form names, so that saving again is deliberate.
     */
    default long formVersionOr(java.util.function.LongSupplier stored) {
        Long known = formVersion();
        return known != null ? known : stored.getAsLong();
    }

    /**
     * The step a refused form would have taken, in the words of its button: its alert's sentence
     * ({@code locking.form.<name>}, the cause as its argument).
     */
    enum Action {
        /** Deleting a record (evidence, a milestone). */
        DELETE("locking.form.deleted"),
        /** Withdrawing an inheritance. */
        WITHDRAW("locking.form.withdrawn"),
        /** Taking back the last hand-on of a responsibility matrix row. */
        TAKE_BACK("locking.form.takenBack"),
        /** Removing a candidate from a selection. */
        REMOVE("locking.form.removed"),
        /** Unlinking evidence from an item. */
        UNLINK("locking.form.unlinked"),
        /** Signing off a version of the responsibility matrix: the version now current is one not yet read. */
        SIGN_OFF("locking.form.notSigned"),
        /** Importing an uploaded file over a record (an SSP, a catalog version): the file is not kept. */
        IMPORT("locking.form.notImported"),
        /** Moving a record to another phase or step (an exit project). */
        MOVE("locking.form.notMoved"),
        /** Approving (an exit inventory, a risk acceptance, a review or a report with no comment typed). */
        APPROVE("locking.form.notApproved"),
        /** Submitting an assessment for review. */
        SUBMIT("locking.form.notSubmitted"),
        /** Marking a review comment resolved. */
        RESOLVE("locking.form.notResolved"),
        /** Accepting submitted evidence, or a duty done or not applicable. */
        ACCEPT("locking.form.notAccepted"),
        /** Sending an evidence request to the other party. */
        READDRESS("locking.form.notReaddressed"),
        /** Sharing evidence with the provider, or no longer. */
        SHARE("locking.form.sharingUnchanged"),
        /** Marking a task done, or reopening it. */
        SET_STATUS("locking.form.statusUnchanged");

        private final String key;

        Action(String key) {
            this.key = key;
        }

        /** The alert: {@code cause} (why the step was not taken), then what to do. */
        Msg text(Msg cause) {
            return Msg.of(key, cause);
        }
    }
}
