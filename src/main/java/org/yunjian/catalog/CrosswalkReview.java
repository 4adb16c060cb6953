package org.yunjian.catalog;

import java.util.List;
import java.util.Set;

/**
 * How a crosswalk was made, in the terms of OSCAL 1.2's mapping provenance.
 *
 * @param method            {@code human} or {@code automation}
 * @param matchingRationale {@code syntactic}, {@code semantic} or {@code functional}
 * @param status            {@code complete}, {@code not-complete}, {@code draft}, {@code deprecated} or
 *                          {@code superseded}
 * @param description       the context, method and intended use (English)
 * @param reviewedAgainst   the texts the maps were read against
 * @param scope             codes of the standards whose every item is either mapped or listed as unmapped
 */
public record CrosswalkReview(
        String method,
        String matchingRationale,
        String status,
        String description,
        List<String> reviewedAgainst,
        List<String> scope) {

    public static final Set<String> METHODS = Set.of("human", "automation");
    public static final Set<String> MATCHING = Set.of("syntactic", "semantic", "functional");
    public static final Set<String> STATUSES = Set.of("complete", "not-complete", "draft", "deprecated", "superseded");

    public CrosswalkReview {
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("method " + method);
        }
        if (!MATCHING.contains(matchingRationale)) {
            throw new IllegalArgumentException("matchingRationale " + matchingRationale);
        }
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("status " + status);
        }
        reviewedAgainst = List.copyOf(reviewedAgainst);
        scope = List.copyOf(scope);
    }

    /** A review of which nothing is known: a draft by hand, read for meaning, with no scope. */
    public static CrosswalkReview unknown() {
        return new CrosswalkReview("human", "semantic", "draft", "", List.of(), List.of());
    }
}
