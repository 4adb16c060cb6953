package org.yunjian.exit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch sent to another engine (the Spark job) travels in {@link BatchWire}'s compact form: read back, it compares
 * exactly as the batch that was written — matches, a changed file, missing and extra files, a size mismatch, an
 * unreadable file and a damaged chunk give the same report as the batches run where they were made.
 */
@ExtendWith(InEnglish.class)
class BatchWireTest {

    @TempDir
    Path tmp;

    /** Runs each batch after a round trip through Java serialization, on this thread, in order. */
    static final class RoundTrip implements Verification.Workers {
        final List<Integer> sizes = new ArrayList<>();

        @Override
        public Verification.Pipeline start(
                Verification.Run run, java.util.function.Consumer<Verification.Outcome> sink) {
            return new Verification.Pipeline() {
                @Override
                public void submit(Verification.Batch batch) {
                    Verification.Batch back = roundTrip(batch);
                    Verification.Outcome there = back.run(run.algorithm(), run.source());
                    assertThat(there).isEqualTo(batch.run(run.algorithm(), run.source()));
                    sink.accept(there);
                }

                @Override
                public void drain() {}

                @Override
                public void close() {}
            };
        }

        Verification.Batch roundTrip(Verification.Batch batch) {
            try {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                    out.writeObject(batch);
                }
                sizes.add(bytes.size());
                try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                    return (Verification.Batch) in.readObject();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void aBatchReadBackComparesAsTheBatchWritten() throws Exception {
        ExitFixture fx = new ExitFixture(tmp);
        byte[] big = new byte[(3 << 20) + 12_345];
        new Random(7).nextBytes(big);
        Files.write(fx.tree.resolve("docs/big.bin"), big);
        Files.writeString(fx.tree.resolve("docs/长文件名-" + "很".repeat(30) + ".txt"), "内容\n");
        Path manifest = fx.build("--chunk-size", "1M", "--chunk-threshold", "2MiB");

        Files.writeString(fx.tree.resolve("a.txt"), "HELLO\n"); // same size, other content
        Files.delete(fx.tree.resolve("docs/readme.md")); // missing
        Files.writeString(fx.tree.resolve("extra.txt"), "not in the manifest\n"); // extra
        Files.writeString(fx.tree.resolve("docs/sub/data.csv"), "id,name\n"); // size mismatch
        big[(2 << 20) + 5] ^= 1; // the third chunk damaged
        Files.write(fx.tree.resolve("docs/big.bin"), big);

        Verification.Options options = Verification.Options.defaults();
        var key = Keys.readPublicKey(fx.pub);
        String local =
                text(Verification.verify(manifest, key, fx.tree.toString(), options, Verification.Workers.LOCAL));
        RoundTrip wire = new RoundTrip();
        String sent = text(Verification.verify(manifest, key, fx.tree.toString(), options, wire));

        assertThat(sent).isEqualTo(local);
        assertThat(local)
                .contains("HASH_MISMATCH")
                .contains("MISSING")
                .contains("EXTRA")
                .contains("SIZE_MISMATCH")
                .contains("big.bin")
                .contains("2097152-3145727");
        assertThat(wire.sizes).as("batches sent").isNotEmpty();
    }

    private static String text(VerificationReport r) {
        StringWriter w = new StringWriter();
        r.printText(new PrintWriter(w));
        return w.toString();
    }
}
