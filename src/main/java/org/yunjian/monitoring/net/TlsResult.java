package org.yunjian.monitoring.net;

import java.util.List;
import java.util.Objects;
import org.yunjian.monitoring.probe.Finding;
import org.yunjian.shared.Msg;

/**
 * What a {@link TlsCheck} found on {@code host:port}.
 *
 * @param protocol the version the first handshake negotiated ({@code TLSv1.3}), null unless {@link TlsOutcome#CHECKED}
 * @param chain the certificates as the server sent them, its own first
 * @param legacyProtocolsTested the versions below TLS 1.2 that were offered to the server on their own (empty when
 *     the JDK refuses to offer any, as JDK 17 does by default)
 * @param findings the {@code TLS} findings, empty unless {@link TlsOutcome#CHECKED}
 */
public record TlsResult(
        String host,
        int port,
        TlsOutcome outcome,
        String protocol,
        List<CertificateDescription> chain,
        List<String> legacyProtocolsTested,
        List<Finding> findings) {

    public TlsResult {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(outcome, "outcome");
        chain = List.copyOf(chain);
        legacyProtocolsTested = List.copyOf(legacyProtocolsTested);
        findings = List.copyOf(findings);
    }

    static TlsResult failed(String host, int port, TlsOutcome outcome) {
        return new TlsResult(host, port, outcome, null, List.of(), List.of(), List.of());
    }

    /** The outcome said to a person ("证书已检查", "无法连接 host:443"). */
    public Msg message() {
        return Msg.of(outcome.key(), host, String.valueOf(port));
    }

    /**
     * What this check judged: when it got a chain, every {@code TLS} subject but the legacy protocol versions it did
     * not offer this time ({@code protocol:<version>} only when tested or negotiated); nothing when it could not
     * connect.
     */
    public org.yunjian.monitoring.CheckCoverage coverage() {
        org.yunjian.monitoring.CheckKind tls = org.yunjian.monitoring.CheckKind.TLS;
        if (outcome != TlsOutcome.CHECKED) {
            return org.yunjian.monitoring.CheckCoverage.none(tls);
        }
        return org.yunjian.monitoring.CheckCoverage.of(
                tls,
                s -> !s.startsWith(PROTOCOL)
                        || legacyProtocolsTested.contains(s.substring(PROTOCOL.length()))
                        || s.substring(PROTOCOL.length()).equals(protocol),
                findings);
    }

    /** The prefix of the subjects of protocol versions below TLS 1.2 ({@code protocol:TLSv1}). */
    static final String PROTOCOL = "protocol:";
}
