package org.yunjian.monitoring.net;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * A DNS server on loopback (UDP and TCP on one port) answering from a map the test changes: the records of a name, a
 * CNAME followed one step as a recursive resolver would, NXDOMAIN for a name it does not hold, SERVFAIL or silence
 * for the names it is told to fail.
 */
public final class LoopbackDnsServer implements AutoCloseable {

    private final Map<Name, List<Record>> records = new ConcurrentHashMap<>();
    private final Set<Name> servfail = ConcurrentHashMap.newKeySet();
    private final Set<Name> silent = ConcurrentHashMap.newKeySet();
    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "loopback-dns");
        t.setDaemon(true);
        return t;
    });

    public LoopbackDnsServer() throws IOException {
        DatagramSocket u = null;
        ServerSocket t = null;
        for (int attempt = 0; t == null && attempt < 20; attempt++) {
            u = new DatagramSocket(new InetSocketAddress(TestPki.loopback(), 0));
            try {
                t = new ServerSocket(u.getLocalPort(), 50, TestPki.loopback());
            } catch (IOException portTakenForTcp) {
                u.close();
            }
        }
        if (t == null) {
            throw new IOException("no port free for both UDP and TCP");
        }
        udp = u;
        tcp = t;
        pool.execute(this::serveUdp);
        pool.execute(this::acceptTcp);
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(TestPki.loopback(), udp.getLocalPort());
    }

    /** Replaces every record of {@code name} with {@code rs}. */
    public void set(String name, Record... rs) {
        records.put(name(name), List.of(rs));
    }

    void remove(String name) {
        records.remove(name(name));
    }

    void failWithServfail(String name) {
        servfail.add(name(name));
    }

    void neverAnswer(String name) {
        silent.add(name(name));
    }

    public static Name name(String name) {
        try {
            return Name.fromString(name.endsWith(".") ? name : name + ".");
        } catch (TextParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The reply to {@code query}, or null for none. */
    private byte[] answer(byte[] query) throws IOException {
        Message q = new Message(query);
        Record question = q.getQuestion();
        Message r = new Message(q.getHeader().getID());
        r.getHeader().setFlag(Flags.QR);
        r.getHeader().setFlag(Flags.RA);
        if (q.getHeader().getFlag(Flags.RD)) {
            r.getHeader().setFlag(Flags.RD);
        }
        r.addRecord(question, Section.QUESTION);
        Name name = question.getName();
        if (silent.contains(name)) {
            return null;
        }
        List<Record> held = records.get(name);
        if (servfail.contains(name)) {
            r.getHeader().setRcode(Rcode.SERVFAIL);
        } else if (held == null) {
            r.getHeader().setRcode(Rcode.NXDOMAIN);
        } else {
            for (Record rec : matching(held, question.getType())) {
                r.addRecord(rec, Section.ANSWER);
            }
        }
        return r.toWire(65535);
    }

    private List<Record> matching(List<Record> held, int type) {
        List<Record> out = new ArrayList<>();
        for (Record rec : held) {
            if (rec.getType() == type) {
                out.add(rec);
            }
        }
        if (out.isEmpty() && type != Type.CNAME) {
            for (Record rec : held) {
                if (rec.getType() == Type.CNAME) {
                    out.add(rec);
                    for (Record target : records.getOrDefault(((CNAMERecord) rec).getTarget(), List.of())) {
                        if (target.getType() == type) {
                            out.add(target);
                        }
                    }
                }
            }
        }
        return out;
    }

    private void serveUdp() {
        byte[] buffer = new byte[65535];
        while (!udp.isClosed()) {
            try {
                DatagramPacket p = new DatagramPacket(buffer, buffer.length);
                udp.receive(p);
                byte[] query = java.util.Arrays.copyOf(p.getData(), p.getLength());
                byte[] reply = answer(query);
                if (reply != null) {
                    udp.send(new DatagramPacket(reply, reply.length, p.getSocketAddress()));
                }
            } catch (IOException | RuntimeException e) {
                if (udp.isClosed()) {
                    return;
                }
            }
        }
    }

    private void acceptTcp() {
        while (!tcp.isClosed()) {
            try {
                Socket s = tcp.accept();
                pool.execute(() -> serveTcp(s));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serveTcp(Socket s) {
        try (s) {
            DataInputStream in = new DataInputStream(s.getInputStream());
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            while (true) {
                byte[] query = new byte[in.readUnsignedShort()];
                in.readFully(query);
                byte[] reply = answer(query);
                if (reply != null) {
                    out.writeShort(reply.length);
                    out.write(reply);
                    out.flush();
                }
            }
        } catch (IOException | RuntimeException closed) {
            // the client is done
        }
    }

    @Override
    public void close() throws IOException {
        udp.close();
        tcp.close();
        pool.shutdownNow();
    }
}
