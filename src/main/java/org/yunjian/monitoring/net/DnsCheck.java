package org.yunjian.monitoring.net;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import org.yunjian.monitoring.CheckKind;
import org.yunjian.monitoring.probe.Finding;
import org.yunjian.shared.Msg;

/**
 * The 域名及IP合规性 check (8.4.1.2 b; 域名安全 d, "防止域名被恶意篡改"): a name's A, AAAA, CNAME and NS records, asked
 * of one configured server (UDP or TCP) with dnsjava, compared with the {@link ApprovedAddresses} and with the last
 * answer. {@code DNS} findings, each with a stable subject:
 *
 * <ul>
 *   <li>the address itself: an address the customer did not approve, a possible hijacking (the detail lists the
 *       whole answer);
 *   <li>{@code addresses}: with no approved addresses to judge by, the A and AAAA records differ from the last
 *       answer (a possible hijacking too);
 *   <li>{@code region:<address>}: an address outside the allowed regions, or in no region of the table;
 *   <li>{@code cname}, {@code ns}: the CNAME or NS records differ from the last answer;
 *   <li>{@link DnsOutcome#subject()}: no answer, NXDOMAIN, SERVFAIL, another error code, a timeout or an unreachable
 *       server.
 * </ul>
 *
 * <p>NS records usually exist only at the zone's apex: when the name has none, those of its
 * {@link RegistrableDomain} are taken. Changed addresses that are still approved raise nothing (a load balancer's
 * rotation is not a hijacking); without approved addresses every change of them is reported. All queries of one check share its deadline; nothing a server answers makes this
 * class throw.
 */
public final class DnsCheck {

    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(5);

    private final InetSocketAddress server;
    private final boolean tcp;
    private final Duration deadline;

    /**
     * @param server the resolver asked (the organisation's own, or a public one), an address literal and port
     * @param tcp whether to ask over TCP (else UDP, with dnsjava's fallback to TCP for a truncated reply)
     */
    public DnsCheck(InetSocketAddress server, boolean tcp, Duration deadline) {
        this.server = Objects.requireNonNull(server, "server");
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline");
        }
        this.tcp = tcp;
        this.deadline = deadline;
    }

    /**
     * Resolves {@code name} and judges it.
     *
     * @param approved the approved addresses; null when the customer approved none (then a change of the addresses
     *     since {@code last} is reported instead)
     * @param last the last {@link DnsOutcome#ANSWERED} answer, or null for the first check (no change is judged)
     * @throws IllegalArgumentException if {@code name} is not a domain name (configuration, not a server's doing)
     */
    public DnsResult check(String name, ApprovedAddresses approved, DnsAnswer last) {
        Name query = parse(name);
        long end = System.nanoTime() + deadline.toNanos();
        SimpleResolver resolver = new SimpleResolver(server);
        resolver.setTCP(tcp);
        List<Reply> replies = new ArrayList<>();
        for (int type : new int[] {Type.A, Type.AAAA, Type.CNAME, Type.NS}) {
            Reply r = ask(resolver, query, type, end);
            if (r.failure() != null) {
                return failed(name, r);
            }
            replies.add(r);
        }
        Reply ns = replies.get(3);
        Optional<RegistrableDomain> zone = RegistrableDomain.of(name);
        if (ns.records().stream().noneMatch(NSRecord.class::isInstance)
                && zone.isPresent()
                && !zone.get().name().equals(bare(name))) {
            ns = ask(resolver, parse(zone.get().name()), Type.NS, end);
            if (ns.failure() != null) {
                return failed(name, ns);
            }
        }
        List<InetAddress> addresses = new ArrayList<>();
        List<String> a = new ArrayList<>();
        List<String> aaaa = new ArrayList<>();
        List<String> cname = new ArrayList<>();
        List<String> nameServers = new ArrayList<>();
        for (Record r : replies.get(0).records()) {
            if (r instanceof ARecord ar) {
                addresses.add(ar.getAddress());
                a.add(ar.getAddress().getHostAddress());
            }
        }
        for (Record r : replies.get(1).records()) {
            if (r instanceof AAAARecord ar) {
                addresses.add(ar.getAddress());
                aaaa.add(ar.getAddress().getHostAddress());
            }
        }
        for (Record r : replies.get(2).records()) {
            if (r instanceof CNAMERecord cr && cr.getName().equals(query)) {
                cname.add(cr.getTarget().toString());
            }
        }
        for (Record r : ns.records()) {
            if (r instanceof NSRecord nr) {
                nameServers.add(nr.getTarget().toString());
            }
        }
        DnsAnswer answer = new DnsAnswer(a, aaaa, cname, nameServers);
        if (a.isEmpty() && aaaa.isEmpty() && cname.isEmpty()) {
            return failed(name, new Reply(DnsOutcome.NO_ANSWER, null, List.of()));
        }
        return new DnsResult(name, DnsOutcome.ANSWERED, null, answer, judge(answer, addresses, approved, last));
    }

    private static List<Finding> judge(
            DnsAnswer answer, List<InetAddress> addresses, ApprovedAddresses approved, DnsAnswer last) {
        String detail = answer.serialize().strip();
        List<Finding> findings = new ArrayList<>();
        for (InetAddress address : approved == null ? List.<InetAddress>of() : addresses) {
            String text = address.getHostAddress();
            if (!approved.networks().isEmpty() && !approved.approves(address)) {
                findings.add(new Finding(CheckKind.DNS, text, Msg.of("monitoring.net.dns.unapproved", text), detail));
            }
            if (approved.checksRegions()) {
                Optional<String> region = approved.region(address);
                if (region.isEmpty()) {
                    findings.add(new Finding(
                            CheckKind.DNS,
                            "region:" + text,
                            Msg.of(
                                    "monitoring.net.dns.outsideRegions",
                                    text,
                                    Msg.joined(
                                            "monitoring.net.dns.regionJoin",
                                            new java.util.TreeSet<>(approved.allowedRegions())
                                                    .stream()
                                                            .map(r -> Msg.of(org.yunjian.shared.Texts.VERBATIM, r))
                                                            .toList())),
                            detail));
                } else if (!approved.allowedRegions().contains(region.get())) {
                    findings.add(new Finding(
                            CheckKind.DNS,
                            "region:" + text,
                            Msg.of("monitoring.net.dns.regionNotAllowed", text, region.get()),
                            detail));
                }
            }
        }
        if (last != null) {
            if (approved == null) {
                changed(
                        "addresses",
                        "monitoring.net.dns.addressesChanged",
                        last.addresses(),
                        answer.addresses(),
                        detail,
                        findings);
            }
            changed("cname", "monitoring.net.dns.cnameChanged", last.cname(), answer.cname(), detail, findings);
            changed("ns", "monitoring.net.dns.nsChanged", last.ns(), answer.ns(), detail, findings);
        }
        return findings;
    }

    private static void changed(
            String subject, String key, List<String> before, List<String> now, String detail, List<Finding> findings) {
        if (!before.equals(now)) {
            findings.add(new Finding(CheckKind.DNS, subject, Msg.of(key, listed(before), listed(now)), detail));
        }
    }

    private static Object listed(List<String> values) {
        return values.isEmpty() ? Msg.of("monitoring.net.dns.none") : String.join(", ", values);
    }

    private static DnsResult failed(String name, Reply reply) {
        return new DnsResult(
                name,
                reply.failure(),
                reply.rcode(),
                DnsAnswer.EMPTY,
                List.of(new Finding(
                        CheckKind.DNS,
                        reply.failure().subject(),
                        Msg.of(reply.failure().key(), name, reply.rcode() == null ? "" : reply.rcode()),
                        null)));
    }

    /** One question, within what is left of the check's deadline. */
    private static Reply ask(SimpleResolver resolver, Name name, int type, long end) {
        long left = end - System.nanoTime();
        if (left <= 0) {
            return new Reply(DnsOutcome.TIMEOUT, null, List.of());
        }
        resolver.setTimeout(Duration.ofNanos(left));
        CompletableFuture<Message> pending;
        try {
            pending = resolver.sendAsync(Message.newQuery(Record.newRecord(name, type, DClass.IN)))
                    .toCompletableFuture();
        } catch (RuntimeException e) {
            return new Reply(DnsOutcome.UNREACHABLE, null, List.of());
        }
        Message response;
        try {
            response = pending.get(left, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            return new Reply(DnsOutcome.TIMEOUT, null, List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.cancel(true);
            return new Reply(DnsOutcome.TIMEOUT, null, List.of());
        } catch (ExecutionException e) {
            return new Reply(timedOut(e) ? DnsOutcome.TIMEOUT : DnsOutcome.UNREACHABLE, null, List.of());
        } catch (RuntimeException e) {
            return new Reply(DnsOutcome.UNREACHABLE, null, List.of());
        }
        int rcode = response.getRcode();
        if (rcode == Rcode.NOERROR) {
            return new Reply(null, null, response.getSection(Section.ANSWER));
        }
        if (rcode == Rcode.NXDOMAIN) {
            return new Reply(DnsOutcome.NXDOMAIN, null, List.of());
        }
        if (rcode == Rcode.SERVFAIL) {
            return new Reply(DnsOutcome.SERVFAIL, null, List.of());
        }
        return new Reply(DnsOutcome.ERROR, Rcode.string(rcode), List.of());
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SocketTimeoutException || t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static Name parse(String name) {
        try {
            return Name.fromString(bare(name), Name.root);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("DnsCheck: " + name, e);
        }
    }

    private static String bare(String name) {
        String n = name.strip();
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }

    /** A reply's records, or why there are none ({@code failure} null for NOERROR). */
    private record Reply(DnsOutcome failure, String rcode, List<Record> records) {}
}
