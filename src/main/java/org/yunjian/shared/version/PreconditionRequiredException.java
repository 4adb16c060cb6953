package org.yunjian.shared.version;

import org.yunjian.shared.Msg;
import org.yunjian.shared.ProblemException;
import org.yunjian.shared.Texts;

/**
 * An update of a stored record that did not say which version it replaces (no {@code If-Match}, no {@code version}
 * field): 428 Precondition Required (RFC 6585), so a client that never read the record cannot overwrite it blindly.
 */
public class PreconditionRequiredException extends ProblemException implements VersionRefusal {

    /** The record the texts name first ({@link #naming(Msg)}), or {@code null}. */
    private final Msg record;

    public PreconditionRequiredException() {
        this(Msg.of("locking.required"), null);
    }

    private PreconditionRequiredException(Msg text, Msg record) {
        super(428, "precondition-required", text);
        this.record = record;
    }

    @Override
    public String problemTitle() {
        return Texts.get("locking.required.title");
    }

    /**
     * The same refusal with its texts (problem detail and form alert) naming the record first, as
     * {@link StaleVersionException#naming(Msg)} does for a stale one — where the record is not the page's own (the
     * assessment behind a review decision) or the page shows several: {@code 测评“年度测评”：此表单没有说明……}.
     */
    public PreconditionRequiredException naming(Msg record) {
        return new PreconditionRequiredException(
                Msg.of("locking.named", record, text()),
                this.record == null ? record : Msg.of("locking.named", record, this.record));
    }

    /** The page form's alert: it named no version, so nothing was saved; the typed input is kept below. */
    @Override
    public String formText() {
        return named(Msg.of("locking.form.versionMissing"));
    }

    /** The step was not taken: the form named no version. */
    @Override
    public String formText(Action action) {
        return named(action.text(Msg.of("locking.form.cause.versionMissing")));
    }

    private String named(Msg form) {
        return (record == null ? form : Msg.of("locking.named", record, form)).text();
    }

    /** Unknown: the page names the version it reads anew. */
    @Override
    public Long formVersion() {
        return null;
    }
}
