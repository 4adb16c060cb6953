package org.yunjian.monitoring.net;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.yunjian.monitoring.probe.Finding;
import org.yunjian.shared.Msg;

/**
 * What a {@link RdapCheck} found for {@code domain} (the registrable domain, or the host as given when it has none).
 *
 * @param expires the registration's expiration, null unless {@link RdapOutcome#CHECKED}
 * @param expiresOn its date in the check's time zone, as messages show it; null with {@code expires}
 * @param httpStatus the RDAP server's status code, 0 when none was received
 * @param findings the {@code DNS} finding with subject {@code registration}, if any
 */
public record RdapResult(
        String domain,
        RdapOutcome outcome,
        Instant expires,
        LocalDate expiresOn,
        int httpStatus,
        List<Finding> findings) {

    /** The subject of the registration's expiry finding. */
    public static final String REGISTRATION = "registration";

    public RdapResult {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(outcome, "outcome");
        findings = List.copyOf(findings);
    }

    static RdapResult failed(String domain, RdapOutcome outcome, int httpStatus) {
        return new RdapResult(domain, outcome, null, null, httpStatus, List.of());
    }

    /** The outcome said to a person. */
    public Msg message() {
        return Msg.of(outcome.key(), domain, expiresOn == null ? "" : expiresOn.toString(), String.valueOf(httpStatus));
    }

    /** What this lookup judged: the registration's expiry when the registry answered with it. */
    public org.yunjian.monitoring.CheckCoverage coverage() {
        return outcome == RdapOutcome.CHECKED
                ? org.yunjian.monitoring.CheckCoverage.subjects(
                        org.yunjian.monitoring.CheckKind.DNS, List.of(REGISTRATION), findings)
                : org.yunjian.monitoring.CheckCoverage.none(org.yunjian.monitoring.CheckKind.DNS);
    }
}
