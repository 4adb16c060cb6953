package org.yunjian.shared;

import java.net.URI;
import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * An update named the version of a record it had read, and someone else has changed the record since: nothing was
 * written. A 409 ({@code urn:yunjian:problem:conflict}) naming when the record was changed; pages re-render the
 * form with the typed input kept and this text, ready to save again over the newer version.
 */
public class StaleVersionException extends ConflictException {

    private final long currentVersion;
    private final Instant changedAt;

    public StaleVersionException(long currentVersion, Instant changedAt) {
        super("conflict", changedAt == null ? Msg.of("locking.stale.noTime")
                : Msg.of("locking.stale", Formats.minute(changedAt)));
        this.currentVersion = currentVersion;
        this.changedAt = changedAt;
    }

    /** The stored version now: a form that keeps the typed input carries it, so saving again is deliberate. */
    public long currentVersion() {
        return currentVersion;
    }

    /** The text a re-rendered form shows: the input is kept and saving again replaces the newer version. */
    public String formText() {
        return changedAt == null ? Texts.get("locking.form.stale.noTime")
                : Texts.get("locking.form.stale", Formats.minute(changedAt));
    }

    /**
     * The RFC 9457 answer: 409 {@code urn:yunjian:problem:conflict} with the stored version and when it changed —
     * the same from every module's problem advice.
     */
    public ProblemDetail problem() {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, getMessage());
        p.setType(URI.create("urn:yunjian:problem:conflict"));
        p.setTitle(Texts.get("locking.stale.title"));
        p.setProperty("currentVersion", currentVersion);
        if (changedAt != null) {
            p.setProperty("changedAt", changedAt.toString());
        }
        return p;
    }

    /** When the record was last changed, or {@code null} where the record keeps no time. */
    public Instant changedAt() {
        return changedAt;
    }
}
