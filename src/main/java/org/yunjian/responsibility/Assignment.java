package org.yunjian.responsibility;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One accountable party of a duty and who implements it: the accountable organisation itself, or the last
 * organisation of the delegation chain. The chain is contiguous — the first hop starts at the accountable
 * organisation, each next hop at the previous one's receiver — so the implementing party (实施方) is never out of
 * step with it.
 */
public record Assignment(Accountable accountable, List<Hop> chain) {

    public Assignment {
        Objects.requireNonNull(accountable, "accountable");
        chain = List.copyOf(chain);
        UUID at = accountable.organisation();
        for (Hop hop : chain) {
            if (!hop.from().equals(at)) {
                throw new IllegalArgumentException("chain: " + hop.from() + " != " + at);
            }
            at = hop.to();
        }
    }

    /** Accountable and implementing at once, nothing delegated. */
    public static Assignment of(Accountable accountable) {
        return new Assignment(accountable, List.of());
    }

    /** The implementing party (实施方). */
    public UUID implementer() {
        return chain.isEmpty()
                ? accountable.organisation()
                : chain.get(chain.size() - 1).to();
    }

    /** Levels the implementation work has been handed on. */
    public int depth() {
        return chain.size();
    }

    /** Whether {@code organisation} answers for this part, implements it or hands it on. */
    public boolean names(UUID organisation) {
        return accountable.organisation().equals(organisation)
                || chain.stream().anyMatch(h -> h.from().equals(organisation) || h.to().equals(organisation));
    }

    public boolean delegated() {
        return !chain.isEmpty();
    }

    /**
     * A fingerprint of the delegation chain (receivers, agreements, clauses, hand-over days): equal chains give equal
     * fingerprints.
     * An exported workbook carries it per row, so a re-import can tell whether the platform's row changed since.
     */
    public String fingerprint() {
        StringBuilder s = new StringBuilder(accountable.organisation().toString())
                .append('|')
                .append(accountable.role().name());
        for (Hop h : chain) {
            s.append('\n')
                    .append(h.to())
                    .append('\u001f')
                    .append(h.agreement() == null ? "" : h.agreement())
                    .append('\u001f')
                    .append(h.clause() == null ? "" : h.clause())
                    .append('\u001f')
                    .append(h.handedOverOn() == null ? "" : h.handedOverOn().toString());
        }
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(s.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** This assignment with the work handed on once more, from the current implementing party, on {@code day}. */
    public Assignment delegate(UUID to, String agreement, String clause, java.time.LocalDate day) {
        List<Hop> next = new ArrayList<>(chain);
        next.add(new Hop(implementer(), to, agreement, clause, day));
        return new Assignment(accountable, next);
    }
}
