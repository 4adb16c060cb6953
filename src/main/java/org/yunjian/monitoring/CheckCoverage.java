package org.yunjian.monitoring;

import java.util.Collection;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.yunjian.monitoring.probe.Finding;

/**
 * What one run of a check judged: of {@code kind}, the subjects it looked at ({@code covers}) and those it found wrong
 * ({@code found}). An alert of a subject the check looked at and did not find again has recovered
 * ({@link Alert#recoveredIn}): the certificate was renewed, the domain answers with approved addresses again, the link
 * answers. A check that could not look (no connection, no DNS answer, its budget spent) covers nothing, so nothing
 * closes on its silence.
 */
public record CheckCoverage(CheckKind kind, Predicate<String> covers, Set<String> found) {

    public CheckCoverage {
        found = Set.copyOf(found);
    }

    /** Every subject of the kind was judged; {@code findings} (of any kind) name those found wrong. */
    public static CheckCoverage all(CheckKind kind, Collection<Finding> findings) {
        return new CheckCoverage(kind, s -> true, subjects(kind, findings));
    }

    /** The subjects {@code covers} accepts were judged. */
    public static CheckCoverage of(CheckKind kind, Predicate<String> covers, Collection<Finding> findings) {
        return new CheckCoverage(kind, covers, subjects(kind, findings));
    }

    /** Exactly {@code subjects} were judged. */
    public static CheckCoverage subjects(CheckKind kind, Collection<String> subjects, Collection<Finding> findings) {
        Set<String> judged = Set.copyOf(subjects);
        return of(kind, judged::contains, findings);
    }

    /** The check could not look: nothing recovers. */
    public static CheckCoverage none(CheckKind kind) {
        return new CheckCoverage(kind, s -> false, Set.of());
    }

    public boolean judged(String subject) {
        return covers.test(subject);
    }

    private static Set<String> subjects(CheckKind kind, Collection<Finding> findings) {
        return findings.stream()
                .filter(f -> f.kind() == kind)
                .map(Finding::subject)
                .collect(Collectors.toSet());
    }
}
