package org.yunjian.monitoring.probe;

import java.net.URI;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.yunjian.crypto.Sm3;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A page as approved (guide 8.4.1.3 b: 篡改 is measured against a baseline): its normalised visible text (kept whole,
 * so a later change can be shown as a diff), the SM3 of that text, and for each resource it loads what its bytes were.
 * Made by {@link TamperCheck#baseline}; stored as JSON ({@link #toJson()}, {@link #fromJson(String)}).
 */
public record Baseline(URI page, String text, String textSm3, Map<URI, Resource> resources) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Whether and how a resource's bytes were taken. */
    public enum State {
        /** Fetched with a 2xx answer: {@code sm3} is the digest of its body. */
        FETCHED,
        /** Fetched, but no 2xx answer came: {@code outcome} and {@code status} say what came instead. */
        FAILED,
        /** On another host: listed, not fetched (another site's file is not this page's to vouch for). */
        OTHER_HOST,
        /** Beyond the number of resources fetched per page: listed, not fetched. */
        OVER_LIMIT
    }

    /**
     * One resource: its {@link State}; the SM3 of its body when {@code FETCHED} (else null); the fetch's outcome and
     * status when it was fetched.
     */
    public record Resource(State state, String sm3, FetchOutcome outcome, int status) {

        public Resource {
            Objects.requireNonNull(state, "state");
            if ((state == State.FETCHED) != (sm3 != null)) {
                throw new IllegalArgumentException("sm3 " + state);
            }
        }

        static Resource of(FetchResult fetched) {
            return fetched.succeeded()
                    ? new Resource(State.FETCHED, fetched.sm3(), fetched.outcome(), fetched.status())
                    : new Resource(State.FAILED, null, fetched.outcome(), fetched.status());
        }

        static Resource unfetched(State why) {
            return new Resource(why, null, null, 0);
        }
    }

    public Baseline {
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(text, "text");
        String digest = Sm3.digest(text).hex();
        if (textSm3 != null && !textSm3.equals(digest)) {
            throw new IllegalArgumentException("textSm3 " + textSm3);
        }
        textSm3 = digest;
        resources = Collections.unmodifiableMap(new TreeMap<>(resources));
    }

    /** This baseline as JSON, for storage. */
    public String toJson() {
        return JSON.writeValueAsString(this);
    }

    /**
     * A baseline stored with {@link #toJson()}; a text that is not one (damaged storage) is an {@link
     * IllegalArgumentException}, as is one whose text no longer matches its digest.
     */
    public static Baseline fromJson(String json) {
        try {
            return JSON.readValue(json, Baseline.class);
        } catch (JacksonException unreadable) {
            throw new IllegalArgumentException(unreadable.getOriginalMessage(), unreadable);
        }
    }
}
