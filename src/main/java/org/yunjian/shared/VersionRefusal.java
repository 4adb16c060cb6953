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
     * The stored version the re-shown form should name, or {@code null} when the refusal does not know it (a form
     * that named none): the page then names the version it reads anew.
     */
    Long formVersion();
}
