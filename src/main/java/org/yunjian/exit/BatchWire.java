package org.yunjian.exit;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.yunjian.exit.internal.Chunk;
import org.yunjian.exit.internal.ChunkDigests;
import org.yunjian.exit.internal.Source;

/**
 * The serialized form of a {@link Verification.Batch}, as an engine such as Spark sends it to where the data is read:
 * each step's fields written one after another, instead of Java's default form of records in records. The default
 * form cost the first task of each executor JVM about half a second (a method-handle chain spun per record class)
 * and carried each path twice; the batch read back is the one written, so the findings stay the CLI's.
 */
final class BatchWire implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final byte PAIR = 1;
    private static final byte CHUNK = 2;
    private static final byte KNOWN = 3;

    private transient Verification.Batch batch;

    BatchWire(Verification.Batch batch) {
        this.batch = batch;
    }

    @Serial
    private void writeObject(ObjectOutputStream out) throws IOException {
        List<Object> steps = batch.steps();
        out.writeInt(batch.maxSteps());
        out.writeLong(batch.bytes());
        out.writeInt(steps.size());
        for (Object step : steps) {
            if (step instanceof Verification.Batch.Pair p) {
                out.writeByte(PAIR);
                out.writeInt(p.expected().size());
                for (FileEntry e : p.expected()) {
                    writeEntry(out, e);
                }
                out.writeInt(p.found().size());
                String path =
                        p.expected().isEmpty() ? null : p.expected().get(0).path();
                for (Source.Item i : p.found()) {
                    writeString(out, i.path().equals(path) ? null : i.path()); // most often the expected path
                    writeString(out, i.version());
                    writeBoolean(out, i.latest());
                    out.writeLong(i.size());
                    writeString(out, i.error());
                }
            } else if (step instanceof Verification.Batch.ChunkStep c) {
                out.writeByte(CHUNK);
                writeEntry(out, c.entry());
                out.writeObject(c.chunk());
                out.writeBoolean(c.last());
            } else {
                out.writeByte(KNOWN);
                out.writeObject(step); // an outcome already known (missing or extra file): rare, as Java writes it
            }
        }
    }

    @Serial
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        int maxSteps = in.readInt();
        long bytes = in.readLong();
        int count = in.readInt();
        ArrayList<Object> steps = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            byte kind = in.readByte();
            if (kind == PAIR) {
                int n = in.readInt();
                List<FileEntry> expected = new ArrayList<>(n);
                for (int k = 0; k < n; k++) {
                    expected.add(readEntry(in));
                }
                int m = in.readInt();
                List<Source.Item> found = new ArrayList<>(m);
                for (int k = 0; k < m; k++) {
                    String path = readString(in);
                    found.add(new Source.Item(
                            path != null ? path : expected.get(0).path(),
                            readString(in),
                            readBoolean(in),
                            in.readLong(),
                            readString(in)));
                }
                steps.add(new Verification.Batch.Pair(List.copyOf(expected), List.copyOf(found)));
            } else if (kind == CHUNK) {
                steps.add(new Verification.Batch.ChunkStep(readEntry(in), (Chunk) in.readObject(), in.readBoolean()));
            } else if (kind == KNOWN) {
                steps.add(in.readObject());
            } else {
                throw new java.io.InvalidObjectException(ExitTexts.get("exit.batch.unknownStep", kind));
            }
        }
        batch = Verification.Batch.of(maxSteps, bytes, steps);
    }

    @Serial
    private Object readResolve() {
        return batch;
    }

    private static void writeEntry(ObjectOutputStream out, FileEntry e) throws IOException {
        writeString(out, e.path());
        writeString(out, e.version());
        writeBoolean(out, e.latest());
        out.writeLong(e.size());
        writeString(out, e.hash());
        writeString(out, e.format());
        writeString(out, e.sensitivity() == null ? null : e.sensitivity().name());
        writeString(out, e.description());
        writeString(out, e.error());
        out.writeObject(e.chunks());
    }

    private static FileEntry readEntry(ObjectInputStream in) throws IOException, ClassNotFoundException {
        String path = readString(in);
        String version = readString(in);
        Boolean latest = readBoolean(in);
        long size = in.readLong();
        String hash = readString(in);
        String format = readString(in);
        String sensitivity = readString(in);
        String description = readString(in);
        String error = readString(in);
        ChunkDigests chunks = (ChunkDigests) in.readObject();
        return new FileEntry(
                path,
                version,
                latest,
                size,
                hash,
                format,
                sensitivity == null ? null : Sensitivity.valueOf(sensitivity),
                description,
                error,
                chunks);
    }

    /** A string of any length (writeUTF stops at 64 KiB), or null. */
    private static void writeString(ObjectOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(ObjectInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static void writeBoolean(ObjectOutputStream out, Boolean b) throws IOException {
        out.writeByte(b == null ? -1 : b ? 1 : 0);
    }

    private static Boolean readBoolean(ObjectInputStream in) throws IOException {
        byte b = in.readByte();
        return b < 0 ? null : b == 1;
    }
}
