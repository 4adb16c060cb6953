package org.yunjian.monitoring;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.yunjian.crypto.Hex;
import org.yunjian.crypto.Signer;
import org.yunjian.crypto.Verifier;

/**
 * The signed checkpoint of a monitor's probe chain kept outside the database (issue 56): the newest probe the chain
 * was seen to hold (its number and seal), written after each probe's commit and signed with the platform's SM2 key, so
 * a writer of the database who deletes the newest probes and rewinds the head on the monitor row is caught — the chain
 * no longer holds the probe the checkpoint names. Its text, one field a line, the signature over the lines before it:
 *
 * <pre>
 * yunjian-probe-checkpoint/1
 * monitor 3f2a7c1e-…
 * head 7 5f0c…e1
 * cut 7 9            (optional: the chain lost probe 7, found when probe 9 was appended; carried on)
 * forged 9           (optional instead: the checkpoint failed its signature when probe 9 was appended)
 * sm2 3045…
 * </pre>
 *
 * A finding is carried on by every later write, so the server probing on over a cut never hides it. Spring-free: the
 * platform writes and reads it with it.
 */
public final class ProbeCheckpoint {

    /** The text's version, its first line (and so part of what is signed). */
    public static final String FORMAT = "yunjian-probe-checkpoint/1";

    private static final String SIGNATURE = "sm2 ";

    private ProbeCheckpoint() {}

    /** Whether a checkpoint was found and verified. */
    public enum Status {
        /** No checkpoint is kept for the chain (probed before this version, or by another node only). */
        NONE,
        /** The checkpoint's signature verifies with the platform's key. */
        CONFIRMED,
        /** The checkpoint is unreadable, names another monitor or fails its signature: changed without the key. */
        INVALID
    }

    /** What a write found and every later write carries on. */
    public enum Kind {
        /** The chain no longer held the probe the checkpoint named: the newest probes were removed. */
        CUT,
        /** The checkpoint failed its signature: it was rewritten without the key. */
        FORGED
    }

    /**
     * A finding: {@link Kind#CUT} of probe {@code seq}, or {@link Kind#FORGED} ({@code seq} = {@code foundAt}); found
     * when probe {@code foundAt} was appended.
     */
    public record Finding(Kind kind, long seq, long foundAt) {
        public Finding {
            Objects.requireNonNull(kind, "kind");
        }

        public static Finding cut(long seq, long foundAt) {
            return new Finding(Kind.CUT, seq, foundAt);
        }

        public static Finding forged(long foundAt) {
            return new Finding(Kind.FORGED, foundAt, foundAt);
        }
    }

    /** A checkpoint's content: the monitor, the newest probe seen in its chain, the finding carried (or null). */
    public record Checkpoint(UUID monitorId, ProbeChain.Head head, Finding finding) {
        public Checkpoint {
            Objects.requireNonNull(monitorId, "monitorId");
            Objects.requireNonNull(head, "head");
        }
    }

    /** A checkpoint as read: its status and, when {@link Status#CONFIRMED}, its content. */
    public record Read(Status status, Checkpoint checkpoint) {
        public static final Read NONE = new Read(Status.NONE, null);
        public static final Read INVALID = new Read(Status.INVALID, null);

        public static Read confirmed(Checkpoint c) {
            return new Read(Status.CONFIRMED, Objects.requireNonNull(c, "checkpoint"));
        }

        /** The number of the probe the checkpoint names, 0 when there is none it vouches for. */
        public long seq() {
            return checkpoint == null ? 0 : checkpoint.head().seq();
        }
    }

    /** The checkpoint's text, signed by {@code signer}. */
    public static String write(Checkpoint c, Signer signer) {
        String body = body(c);
        return body + SIGNATURE + Hex.encode(signer.sign(body.getBytes(StandardCharsets.UTF_8))) + "\n";
    }

    private static String body(Checkpoint c) {
        StringBuilder b = new StringBuilder()
                .append(FORMAT)
                .append('\n')
                .append("monitor ")
                .append(c.monitorId())
                .append('\n')
                .append("head ")
                .append(c.head().seq())
                .append(' ')
                .append(c.head().seal())
                .append('\n');
        Finding f = c.finding();
        if (f != null && f.kind() == Kind.CUT) {
            b.append("cut ").append(f.seq()).append(' ').append(f.foundAt()).append('\n');
        } else if (f != null) {
            b.append("forged ").append(f.foundAt()).append('\n');
        }
        return b.toString();
    }

    /**
     * Reads the checkpoint of {@code monitorId} from {@code text} ({@code null}: none kept): {@link Status#CONFIRMED}
     * only if it is in this exact form, names this monitor and its signature verifies with {@code verifier}.
     */
    public static Read read(UUID monitorId, String text, Verifier verifier) {
        if (text == null) {
            return Read.NONE;
        }
        try {
            int at = text.lastIndexOf("\n" + SIGNATURE);
            if (at < 0 || !text.endsWith("\n")) {
                return Read.INVALID;
            }
            String body = text.substring(0, at + 1);
            String hex = text.substring(at + 1 + SIGNATURE.length(), text.length() - 1);
            if (!hex.matches("[0-9a-f]+")) {
                return Read.INVALID; // only the spelling it is written in
            }
            byte[] signature = Hex.decode(hex);
            if (!verifier.verify(body.getBytes(StandardCharsets.UTF_8), signature)) {
                return Read.INVALID;
            }
            Checkpoint c = parse(body);
            // written again from what was read: nothing else, no other spelling, passes
            return c.monitorId().equals(monitorId) && body(c).equals(body) ? Read.confirmed(c) : Read.INVALID;
        } catch (RuntimeException notACheckpoint) {
            return Read.INVALID;
        }
    }

    private static Checkpoint parse(String body) {
        List<String> lines = body.lines().toList();
        if (lines.size() < 3 || lines.size() > 4 || !lines.get(0).equals(FORMAT)) {
            throw new IllegalArgumentException();
        }
        UUID monitor = UUID.fromString(field(lines.get(1), "monitor", 1)[0]);
        String[] head = field(lines.get(2), "head", 2);
        Finding finding = null;
        if (lines.size() == 4) {
            String line = lines.get(3);
            if (line.startsWith("cut ")) {
                String[] f = field(line, "cut", 2);
                finding = Finding.cut(Long.parseLong(f[0]), Long.parseLong(f[1]));
            } else {
                finding = Finding.forged(Long.parseLong(field(line, "forged", 1)[0]));
            }
        }
        return new Checkpoint(monitor, new ProbeChain.Head(Long.parseLong(head[0]), head[1]), finding);
    }

    private static String[] field(String line, String name, int values) {
        String[] parts = line.split(" ", -1);
        if (parts.length != values + 1 || !parts[0].equals(name)) {
            throw new IllegalArgumentException(name);
        }
        return java.util.Arrays.copyOfRange(parts, 1, parts.length);
    }
}
