package org.yunjian.shared.version;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;

/**
 * An update named the version of a record it had read, and someone else has changed the record since: nothing was
 * written. A 409 ({@code urn:yunjian:problem:conflict}) naming when the record was changed — a 412
 * ({@code urn:yunjian:problem:precondition-failed}, RFC 9110 13.1.1) when the request named the version in
 * {@code If-Match} ({@code web.ProblemAdvice}); pages re-render the
 * form with the typed input kept and this text, ready to save again over the newer version.
 */
public class StaleVersionException extends ConflictException implements VersionRefusal {

    private final long currentVersion;
    private final Instant changedAt;
    /** The record the texts name first ({@link #naming(Msg)}), or {@code null}. */
    private final Msg record;

    public StaleVersionException(long currentVersion, Instant changedAt) {
        this(
                currentVersion,
                changedAt,
                changedAt == null ? Msg.of("locking.stale.noTime") : Msg.of("locking.stale", Formats.minute(changedAt)),
                null);
    }

    private StaleVersionException(long currentVersion, Instant changedAt, Msg text, Msg record) {
        super("conflict", text);
        this.currentVersion = currentVersion;
        this.changedAt = changedAt;
        this.record = record;
    }

    /**
     * The same refusal with its texts (problem detail and form alert) naming the record first — where the caller
     * changed several records at once (a carry of several files) or the record is not the page's own (the
     * assessment behind a review decision): {@code 测评“年度测评”：在您读取之后……}.
     */
    public StaleVersionException naming(Msg record) {
        return new StaleVersionException(
                currentVersion,
                changedAt,
                Msg.of("locking.named", record, text()),
                this.record == null ? record : Msg.of("locking.named", record, this.record));
    }

    /** The stored version now: a form that keeps the typed input carries it, so saving again is deliberate. */
    public long currentVersion() {
        return currentVersion;
    }

    /** The text a re-rendered form shows: the input is kept and saving again replaces the newer version. */
    @Override
    public String formText() {
        return named(
                changedAt == null
                        ? Msg.of("locking.form.stale.noTime")
                        : Msg.of("locking.form.stale", Formats.minute(changedAt)));
    }

    /** The step was not taken: someone else changed the record after the page was opened. */
    @Override
    public String formText(Action action) {
        return named(action.text(
                changedAt == null
                        ? Msg.of("locking.form.cause.stale.noTime")
                        : Msg.of("locking.form.cause.stale", Formats.minute(changedAt))));
    }

    private String named(Msg form) {
        return (record == null ? form : Msg.of("locking.named", record, form)).text();
    }

    /** {@link #currentVersion()}: the re-shown form names it, so saving again is deliberate. */
    @Override
    public Long formVersion() {
        return currentVersion;
    }

    /** 409 {@code urn:yunjian:problem:conflict}, titled as such, the same from every module. */
    @Override
    public String problemTitle() {
        return Texts.get("locking.stale.title");
    }

    /** The stored version and when it changed. */
    @Override
    public Map<String, Object> problemProperties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("currentVersion", currentVersion);
        if (changedAt != null) {
            p.put("changedAt", changedAt.toString());
        }
        return p;
    }

    /** When the record was last changed, or {@code null} where the record keeps no time. */
    public Instant changedAt() {
        return changedAt;
    }
}
