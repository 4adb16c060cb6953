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
}
