package org.yunjian.shared;

/**
 * An update of a stored record that did not say which version it replaces (no {@code If-Match}, no {@code version}
 * field): 428 Precondition Required (RFC 6585), so a client that never read the record cannot overwrite it blindly.
 */
public class PreconditionRequiredException extends LocalizedException implements VersionRefusal {

    public PreconditionRequiredException() {
        super(Msg.of("locking.required"), null);
    }

    /** The page form's alert: it named no version, so nothing was saved; the typed input is kept below. */
    @Override
    public String formText() {
        return Texts.get("locking.form.versionMissing");
    }

    /** The step was not taken: the form named no version. */
    @Override
    public String formText(Action action) {
        return action.text(Msg.of("locking.form.cause.versionMissing")).text();
    }

    /** Unknown: the page names the version it reads anew. */
    @Override
    public Long formVersion() {
        return null;
    }
}
