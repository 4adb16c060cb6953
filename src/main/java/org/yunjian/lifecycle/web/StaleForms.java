package org.yunjian.lifecycle.web;

import org.yunjian.shared.LocalizedException;
import org.yunjian.shared.StaleVersionException;
import org.yunjian.shared.Texts;

/**
 * The refusal a lifecycle page shows over a form that was not saved because of its version: someone else changed
 * the record after the form was opened (409), or the form named no version at all (428, a page from before versions
 * or a hand-made request). Both come back the same way — the clear alert of {@code web/locking :: stale}, the typed
 * input kept, the form carrying the current version — so the person sees what happened and saves again deliberately.
 */
final class StaleForms {

    private StaleForms() {
    }

    /** The alert's text for a stale version or a missing one. */
    static String text(LocalizedException e) {
        return e instanceof StaleVersionException stale ? stale.formText()
                : Texts.get("lifecycle.form.versionMissing");
    }
}
