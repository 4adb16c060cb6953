package org.yunjian.shared;

/**
 * A page form not saved because of its version: someone else changed the record after the form was opened
 * ({@link StaleVersionException}, 409), or the form named no version at all ({@link PreconditionRequiredException},
 * 428 — a page from before versions, a hand-made request). Every page answers both the same way: the clear alert of
 * {@code web/locking :: stale} with {@link #formText()}, the typed input kept, the form carrying the current version,
 * so the person sees what happened and saves again deliberately. Pages catch
 * {@code StaleVersionException | PreconditionRequiredException e} and use {@code e} as this type.
 */
public interface VersionRefusal {

    /** The alert's text over the re-shown form, in the reader's language. */
    String formText();

    /**
     * The alert's text after a form that only takes something away ({@code removal}: a deletion, a withdrawal…) was
     * refused: the person typed nothing to keep and nothing was taken away, so the alert says that and to do it again
     * over the current record if it should still happen — not that an input is kept.
     */
    String formText(Removal removal);

    /**
     * The stored version the re-shown form should name, or {@code null} when the refusal does not know it (a form
     * that named none): the page then names the version it reads anew.
     */
    Long formVersion();

    /**
     * What a refused form would have taken away, in the words of its button: its alert's sentence
     * ({@code locking.form.<name>}, the cause as its argument).
     */
    enum Removal {
        /** Deleting a record (evidence, a milestone). */
        DELETE("locking.form.deleted"),
        /** Withdrawing an inheritance. */
        WITHDRAW("locking.form.withdrawn"),
        /** Taking back the last hand-on of a responsibility matrix row. */
        TAKE_BACK("locking.form.takenBack"),
        /** Removing a candidate from a selection. */
        REMOVE("locking.form.removed"),
        /** Unlinking evidence from an item. */
        UNLINK("locking.form.unlinked");

        private final String key;

        Removal(String key) {
            this.key = key;
        }

        /** The alert: {@code cause} (why nothing was taken away), then what to do. */
        Msg text(Msg cause) {
            return Msg.of(key, cause);
        }
    }
}
