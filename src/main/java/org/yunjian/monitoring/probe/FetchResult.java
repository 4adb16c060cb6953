package org.yunjian.monitoring.probe;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yunjian.crypto.Sm3;

/**
 * What one fetch got: how it ended, the last answer's HTTP status (0 when none arrived), the address that answered
 * (after redirects), its content type ({@code ""} when none), the body as received up to the limit, how long it took,
 * and the SM3 digest (lower-case hex) of exactly those body bytes — the evidence a probe keeps of what the site said.
 * The digest is computed here (a given one must match), so a result cannot name a digest its body does not have.
 */
public record FetchResult(
        FetchOutcome outcome,
        int status,
        URI finalUri,
        String contentType,
        byte[] body,
        long elapsedMillis,
        String sm3) {

    private static final Pattern CHARSET = Pattern.compile("(?i);\\s*charset\\s*=\\s*\"?([^\";\\s]+)");

    public FetchResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(finalUri, "finalUri");
        contentType = contentType == null ? "" : contentType;
        body = body == null ? new byte[0] : body.clone();
        String digest = Sm3.hex(body);
        if (sm3 != null && !sm3.equals(digest)) {
            throw new IllegalArgumentException("sm3 " + sm3);
        }
        sm3 = digest;
    }

    static FetchResult of(
            FetchOutcome outcome, int status, URI finalUri, String contentType, byte[] body, long elapsedMillis) {
        return new FetchResult(outcome, status, finalUri, contentType, body, elapsedMillis, null);
    }

    static FetchResult failed(FetchOutcome outcome, URI uri, long elapsedMillis) {
        return of(outcome, 0, uri, "", null, elapsedMillis);
    }

    /** A copy of the body bytes as received. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    public int bodyLength() {
        return body.length;
    }

    /** Whether the site answered whole with a 2xx status. */
    public boolean succeeded() {
        return outcome == FetchOutcome.OK && status >= 200 && status < 300;
    }

    /** Whether the content type says HTML ({@code text/html} or {@code application/xhtml+xml}). */
    public boolean isHtml() {
        String type = mediaType();
        return type.equals("text/html") || type.equals("application/xhtml+xml");
    }

    /** The content type without parameters, in lower case: {@code text/html}. */
    public String mediaType() {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .strip()
                .toLowerCase(Locale.ROOT);
    }

    /** The charset the content type names, when it names one this JVM knows. */
    public Optional<Charset> charset() {
        Matcher m = CHARSET.matcher(contentType);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Charset.forName(m.group(1)));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
            return Optional.empty();
        }
    }

    /** The body bytes without copying, for the package's parsers. */
    byte[] bodyBytes() {
        return body;
    }

    FetchResult withElapsed(long millis) {
        return new FetchResult(outcome, status, finalUri, contentType, body, millis, sm3);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FetchResult r
                && outcome == r.outcome
                && status == r.status
                && finalUri.equals(r.finalUri)
                && contentType.equals(r.contentType)
                && Arrays.equals(body, r.body)
                && elapsedMillis == r.elapsedMillis;
    }

    @Override
    public int hashCode() {
        return Objects.hash(outcome, status, finalUri, contentType, sm3, elapsedMillis);
    }

    @Override
    public String toString() {
        return "FetchResult[" + outcome + ", " + status + ", " + finalUri + ", " + contentType + ", " + body.length
                + " bytes, " + elapsedMillis + " ms, sm3=" + sm3 + "]";
    }
}
