package org.yunjian.exit.internal;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.function.Consumer;
import org.yunjian.exit.Finding;
import org.yunjian.exit.ManifestException;
import org.yunjian.exit.Totals;

/**
 * The findings and progress of a verification, appended as JSON lines: an identity line (manifest digest
 * and target), findings, and progress lines saying "everything up to this path is done, with these
 * totals". Resuming keeps what precedes the last progress line and continues after its path; findings
 * written after it are dropped, as those paths are checked again.
 */
public final class Checkpoint implements Closeable {

    private final Path file;
    private final BufferedWriter out;
    private final String through;
    private final Totals restored;

    private Checkpoint(Path file, BufferedWriter out, String through, Totals restored) {
        this.file = file;
        this.out = out;
        this.through = through;
        this.restored = restored;
    }

    /** Opens {@code file}: resumes it if it exists (it must be for the same manifest and target), else starts it. */
    public static Checkpoint open(Path file, String identity, String target) throws IOException {
        if (Files.exists(file) && Files.size(file) > 0) {
            String through = null;
            Totals totals = null;
            long keep = 0;
            long offset = 0;
            boolean first = true;
            try (RawLines lines = new RawLines(Files.newInputStream(file))) {
                while (lines.next()) {
                    offset += lines.length();
                    if (!lines.terminated()) {
                        break;
                    }
                    Map<String, Object> m;
                    try {
                        m = Json.parse(lines.text());
                    } catch (IllegalArgumentException e) {
                        throw new ManifestException("exit.checkpoint.corrupt", String.valueOf(file), lines.number());
                    }
                    if (first) {
                        if (!"checkpoint".equals(m.get("type"))
                                || !identity.equals(m.get("manifest"))
                                || !target.equals(m.get("target"))) {
                            throw new ManifestException("exit.checkpoint.other", String.valueOf(file));
                        }
                        first = false;
                        keep = offset;
                    } else if ("progress".equals(m.get("type"))) {
                        through = (String) m.get("through");
                        Map<String, Object> progress = m;
                        totals = Totals.of(n -> n.equals(Totals.HASHED_THIS_RUN) ? 0 : l(progress, n));
                        keep = offset;
                        if (Boolean.TRUE.equals(m.get("complete"))) {
                            through = "\udbff\udfff";
                        }
                    }
                }
            }
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(keep);
            }
            BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            return new Checkpoint(file, w, through, totals);
        }
        BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        w.write(Json.obj().put("type", "checkpoint").put("manifest", identity).put("target", target) + "\n");
        w.flush();
        return new Checkpoint(file, w, null, null);
    }

    private static long l(Map<String, Object> m, String k) {
        return m.get(k) instanceof Long v ? v : 0;
    }

    public Path file() {
        return file;
    }

    /** The last path completely done by an earlier run, or null; U+10FFFF if that run finished. */
    public String through() {
        return through;
    }

    public Totals restored() {
        return restored;
    }

    public void finding(Finding f) throws IOException {
        out.write(Json.obj()
                        .put("type", "finding")
                        .put("kind", f.kind().name())
                        .put("path", f.path())
                        .put("expected", f.expected())
                        .put("actual", f.actual())
                        .put("detail", f.detail())
                + "\n");
    }

    public void progress(String path, Totals t, boolean complete) throws IOException {
        Json.Obj line = Json.obj().put("type", "progress").put("through", path);
        t.byName(false).forEach(line::put);
        out.write(line.put("complete", complete ? Boolean.TRUE : null) + "\n");
        out.flush();
    }

    /** Streams the findings recorded in a checkpoint or findings file. */
    public static void readFindings(Path file, Consumer<Finding> action) throws IOException {
        try (RawLines lines = new RawLines(Files.newInputStream(file))) {
            while (lines.next()) {
                if (!lines.terminated()) {
                    break;
                }
                Map<String, Object> m = Json.parse(lines.text());
                if ("finding".equals(m.get("type"))) {
                    action.accept(new Finding(
                            Finding.Kind.valueOf((String) m.get("kind")),
                            (String) m.get("path"),
                            (String) m.get("expected"),
                            (String) m.get("actual"),
                            (String) m.get("detail")));
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
