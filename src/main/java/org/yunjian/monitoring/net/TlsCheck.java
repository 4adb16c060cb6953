package org.yunjian.monitoring.net;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.yunjian.monitoring.CheckKind;
import org.yunjian.monitoring.probe.Finding;
import org.yunjian.shared.Msg;
import org.yunjian.shared.outbound.OutboundPolicy;

/**
 * The certificate and protocol check of a TLS server (8.4.1.2 b; the module's {@link CheckKind#TLS}): one handshake
 * whose trust manager only records the chain the server presents, which is then judged on its own against a trust
 * store (the JDK's default, or one given); a second handshake asks the JDK's own endpoint identification (RFC 2818 and
 * RFC 6125: subjectAltName dNSName or iPAddress, a wildcard only as a whole left-most label) whether the certificate
 * covers the host name. Findings, each with a stable subject:
 *
 * <ul>
 *   <li>{@code validity}: the server certificate has expired or is not yet valid;
 *   <li>{@code expiry}: it expires within the warning period (30 days unless configured);
 *   <li>{@code chain}: no path leads from it to a trusted root (the message names the issuer at the top of the chain);
 *   <li>{@code hostname}: it does not cover the host name;
 *   <li>{@code algorithm}: the JDK refuses the certificate's algorithms (an MD5 signature, an RSA key under 1024 bits);
 *   <li>{@code protocol:<version>}: the negotiated version is below TLS 1.2, or the server accepts such a version
 *       offered on its own.
 * </ul>
 *
 * <p>Versions below TLS 1.2: JDK 17 and later disable SSLv3, TLS 1.0 and 1.1 in {@code jdk.tls.disabledAlgorithms}
 * (a JVM-wide security property, not a socket setting), so on such a JDK they cannot be offered and only the
 * negotiated version is judged; where an operator's {@code java.security} enables them again, each is offered on
 * its own and a server accepting it is reported. {@link TlsResult#legacyProtocolsTested()} says which were tried.
 *
 * <p>SM2: the JDK's TLS speaks neither TLCP (GB/T 38636) nor the SM2 signature schemes of RFC 8998, so a server with
 * only SM2 certificates ends in {@link TlsOutcome#HANDSHAKE_FAILED}; an SM2 certificate that reaches this check (or
 * {@link CertificateDescription#read(byte[])}) is described with BouncyCastle, its key named {@code SM2}.
 *
 * <p>Each connection (the check, the host name check, a control handshake when that fails, one per legacy version)
 * has the deadline to connect and complete its handshake; a server that stalls is cut off at the deadline. The host
 * name is resolved by the system resolver unless an address is given ({@link #check(String, InetSocketAddress)},
 * for instance each address {@link DnsCheck} found). Nothing a server does makes this class throw.
 */
public final class TlsCheck {

    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(10);
    public static final int DEFAULT_EXPIRY_WARNING_DAYS = 30;

    private static final List<String> LEGACY = List.of("SSLv3", "TLSv1", "TLSv1.1");
    private static final Map<String, Integer> RANK =
            Map.of("SSLv3", 0, "TLSv1", 1, "TLSv1.1", 2, "TLSv1.2", 3, "TLSv1.3", 4);

    private final Duration deadline;
    private final ChainTrust trust;
    private final int expiryWarningDays;
    private final Clock clock;
    private final OutboundPolicy policy;

    /**
     * Judged against the JDK's default trust store, with the default deadline and warning period, connecting only to
     * globally reachable addresses.
     */
    public TlsCheck() {
        this(DEFAULT_DEADLINE, null, DEFAULT_EXPIRY_WARNING_DAYS, Clock.systemUTC(), OutboundPolicy.publicOnly("tls"));
    }

    /**
     * @param trustStore the roots a chain must lead to; null for the JDK's default trust store ({@code cacerts})
     * @param clock its zone is the one the dates in messages are shown in
     * @param policy where its sockets may connect, judged on the address each connects to
     */
    public TlsCheck(Duration deadline, KeyStore trustStore, int expiryWarningDays, Clock clock, OutboundPolicy policy) {
        if (deadline.isNegative() || deadline.isZero() || expiryWarningDays < 0) {
            throw new IllegalArgumentException("deadline/expiryWarningDays");
        }
        this.deadline = deadline;
        this.trust = ChainTrust.of(trustStore);
        this.expiryWarningDays = expiryWarningDays;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** Connects to {@code host:port}, the host resolved by the system resolver. */
    public TlsResult check(String host, int port) {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException | SecurityException e) {
            return TlsResult.failed(host, port, TlsOutcome.CANNOT_CONNECT);
        }
        return check(host, new InetSocketAddress(address, port));
    }

    /**
     * Connects to {@code address}, presenting {@code host} as the server name (SNI) and checking the certificate
     * against it.
     */
    public TlsResult check(String host, InetSocketAddress address) {
        int port = address.getPort();
        if (address.isUnresolved()) {
            return TlsResult.failed(host, port, TlsOutcome.CANNOT_CONNECT);
        }
        Handshakes.Recorder recorder = Handshakes.recording();
        Handshakes.Attempt first =
                Handshakes.attempt(policy.socket(), host, address, deadline, recorder, List.of(), false);
        switch (first.kind()) {
            case CANNOT_CONNECT:
                return TlsResult.failed(host, port, TlsOutcome.CANNOT_CONNECT);
            case TIMED_OUT:
                return TlsResult.failed(host, port, TlsOutcome.TIMED_OUT);
            case FAILED:
                return TlsResult.failed(host, port, TlsOutcome.HANDSHAKE_FAILED);
            default:
                break;
        }
        List<X509Certificate> chain = first.chain();
        List<Finding> findings = new ArrayList<>();
        if (!chain.isEmpty()) {
            X509Certificate server = chain.get(0);
            validity(server, findings);
            if (!trust.trusted(chain.toArray(X509Certificate[]::new), clock.instant())) {
                X509Certificate top = chain.get(chain.size() - 1);
                findings.add(new Finding(
                        CheckKind.TLS,
                        "chain",
                        Msg.of(
                                "monitoring.net.tls.untrusted",
                                top.getIssuerX500Principal().getName()),
                        chain.stream()
                                .map(c -> c.getSubjectX500Principal().getName() + " <- "
                                        + c.getIssuerX500Principal().getName())
                                .collect(Collectors.joining("\n"))));
            }
            hostName(host, address, server, findings);
        }
        List<String> tested = protocols(host, address, first.protocol(), findings);
        return new TlsResult(
                host,
                port,
                TlsOutcome.CHECKED,
                first.protocol(),
                chain.stream().map(CertificateDescription::of).toList(),
                tested,
                findings);
    }

    /** The versions below TLS 1.2 this JDK can still offer (none on a default JDK 17 or later). */
    public static List<String> legacyProtocolsOffered() {
        return Legacy.OFFERED;
    }

    private void validity(X509Certificate server, List<Finding> findings) {
        Instant now = clock.instant();
        Instant notBefore = server.getNotBefore().toInstant();
        Instant notAfter = server.getNotAfter().toInstant();
        if (now.isAfter(notAfter)) {
            findings.add(
                    new Finding(CheckKind.TLS, "validity", Msg.of("monitoring.net.tls.expired", date(notAfter)), null));
        } else if (now.isBefore(notBefore)) {
            findings.add(new Finding(
                    CheckKind.TLS, "validity", Msg.of("monitoring.net.tls.notYetValid", date(notBefore)), null));
        } else if (notAfter.isBefore(now.plus(Duration.ofDays(expiryWarningDays)))) {
            findings.add(new Finding(
                    CheckKind.TLS,
                    "expiry",
                    Msg.of(
                            "monitoring.net.tls.expiring",
                            date(notAfter),
                            String.valueOf(ChronoUnit.DAYS.between(now, notAfter))),
                    null));
        }
    }

    /**
     * The JDK's endpoint identification, in a handshake of its own; when that handshake fails over the certificate,
     * a control handshake without it tells a name that does not match from a certificate the JDK refuses anyway.
     */
    private void hostName(String host, InetSocketAddress address, X509Certificate server, List<Finding> findings) {
        Handshakes.Attempt named = Handshakes.attempt(
                policy.socket(), host, address, deadline, Handshakes.acceptingUnderJdkChecks(), List.of(), true);
        if (named.kind() != Handshakes.Kind.FAILED || !named.certificateRefused()) {
            return; // matched, or the connection failed this time: nothing known about the name
        }
        Handshakes.Attempt control = Handshakes.attempt(
                policy.socket(), host, address, deadline, Handshakes.acceptingUnderJdkChecks(), List.of(), false);
        String names = String.join(", ", CertificateDescription.of(server).subjectAlternativeNames());
        if (control.kind() == Handshakes.Kind.DONE) {
            findings.add(new Finding(CheckKind.TLS, "hostname", Msg.of("monitoring.net.tls.hostname", host), names));
        } else if (control.kind() == Handshakes.Kind.FAILED && control.certificateRefused()) {
            findings.add(new Finding(
                    CheckKind.TLS,
                    "algorithm",
                    Msg.of("monitoring.net.tls.algorithmRefused", server.getSigAlgName()),
                    null));
        }
    }

    private List<String> protocols(String host, InetSocketAddress address, String negotiated, List<Finding> findings) {
        if (below12(negotiated)) {
            findings.add(new Finding(
                    CheckKind.TLS,
                    "protocol:" + negotiated,
                    Msg.of("monitoring.net.tls.protocolNegotiated", negotiated),
                    null));
        }
        List<String> tested = new ArrayList<>();
        for (String legacy : legacyProtocolsOffered()) {
            tested.add(legacy);
            if (legacy.equals(negotiated)) {
                continue;
            }
            Handshakes.Attempt a = Handshakes.attempt(
                    policy.socket(), host, address, deadline, Handshakes.recording(), List.of(legacy), false);
            if (a.kind() == Handshakes.Kind.DONE && legacy.equals(a.protocol())) {
                findings.add(new Finding(
                        CheckKind.TLS,
                        "protocol:" + legacy,
                        Msg.of("monitoring.net.tls.protocolAccepted", legacy),
                        null));
            }
        }
        return tested;
    }

    static boolean below12(String protocol) {
        Integer rank = protocol == null ? null : RANK.get(protocol);
        return rank != null && rank < RANK.get("TLSv1.2");
    }

    private String date(Instant instant) {
        return LocalDate.ofInstant(instant, clock.getZone()).toString();
    }

    /** Asked once per JVM: the security property that decides it is read when the JDK's TLS starts. */
    private static final class Legacy {
        static final List<String> OFFERED =
                LEGACY.stream().filter(Handshakes::canOffer).toList();
    }
}
