package org.yunjian.monitoring.net;

import java.util.List;
import java.util.Objects;
import org.yunjian.monitoring.probe.Finding;
import org.yunjian.shared.Msg;

/**
 * What a {@link DnsCheck} found for {@code name}. Store {@link #answer()} as the next check's last answer only when
 * the outcome is {@link DnsOutcome#ANSWERED}: a failure says nothing about the records, and a change is judged against
 * the last real answer.
 *
 * @param rcode the DNS response code's mnemonic for {@link DnsOutcome#ERROR} ({@code REFUSED}), else null
 */
public record DnsResult(String name, DnsOutcome outcome, String rcode, DnsAnswer answer, List<Finding> findings) {

    public DnsResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(answer, "answer");
        findings = List.copyOf(findings);
    }

    /** The outcome said to a person. */
    public Msg message() {
        return Msg.of(outcome.key(), name, rcode == null ? "" : rcode);
    }

    /** The subjects of the changes since the last answer: events, not states, so a later answer does not undo them. */
    static final java.util.Set<String> CHANGES = java.util.Set.of("addresses", "cname", "ns");

    /**
     * What this answer judged: once the server answered, every address and region it judged and every failure
     * (NXDOMAIN, a timeout …) it no longer shows; a definite failure only the other failures; a timeout or an
     * unreachable server nothing. Never the changes since the last answer (a hijacking stays until a person closes it)
     * nor the registration (the RDAP lookup's).
     */
    public org.yunjian.monitoring.CheckCoverage coverage() {
        org.yunjian.monitoring.CheckKind dns = org.yunjian.monitoring.CheckKind.DNS;
        if (outcome == DnsOutcome.TIMEOUT || outcome == DnsOutcome.UNREACHABLE) {
            return org.yunjian.monitoring.CheckCoverage.none(dns);
        }
        java.util.Set<String> failures = java.util.Arrays.stream(DnsOutcome.values())
                .filter(o -> o != DnsOutcome.ANSWERED)
                .map(DnsOutcome::subject)
                .collect(java.util.stream.Collectors.toSet());
        if (outcome != DnsOutcome.ANSWERED) {
            return org.yunjian.monitoring.CheckCoverage.subjects(dns, failures, findings);
        }
        return org.yunjian.monitoring.CheckCoverage.of(
                dns, s -> !CHANGES.contains(s) && !RdapResult.REGISTRATION.equals(s), findings);
    }
}
