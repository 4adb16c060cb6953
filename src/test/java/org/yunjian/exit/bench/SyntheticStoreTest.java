package org.yunjian.exit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yunjian.crypto.Pem;
import org.yunjian.exit.Keys;
import org.yunjian.exit.cli.ExitCli;

/**
 * The synthetic store of the manifest-scale benchmark ({@code bench/manifest-scale.sh}), through the real CLI: a
 * manifest built from it verifies against it, and a changed object, a missing one and an extra one are found — so
 * the benchmark measures a verification that would have found a difference.
 */
class SyntheticStoreTest {

    /** Entries of the store: across the boundary of its first two "folders" of 10,000, and no more (the CLI's cost). */
    private static final int N = SyntheticStore.PER_FOLDER + 100;

    @TempDir
    Path dir;

    private String out;

    private int cli(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = "--lang=en";
        int rc = ExitCli.run(new PrintWriter(o, true), new PrintWriter(e, true), all);
        out = o + e.toString();
        return rc;
    }

    @Test
    void aManifestOfTheSyntheticStoreVerifiesAndEveryKindOfDifferenceIsFound() throws Exception {
        KeyPair pair = Keys.generate();
        Path key = Files.writeString(dir.resolve("k.pem"), Pem.writePrivateKey(pair.getPrivate()));
        Path pub = Files.writeString(dir.resolve("k.pub.pem"), Pem.writePublicKey(pair.getPublic()));
        Path m = dir.resolve("m.jsonl");
        assertThat(cli("exit", "manifest", "build", "synthetic://" + N, "--out", m.toString(), "--key", key.toString()))
                .as(out)
                .isZero();
        assertThat(Files.readString(m)).contains("\"d000001/f00000010099\"").doesNotContain("f00000010100");

        assertThat(cli("exit", "verify", "synthetic://" + N, "--manifest", m.toString(), "--pubkey", pub.toString()))
                .as(out)
                .isZero();
        assertThat(out).contains(N + " expected, " + N + " ok");

        assertThat(cli(
                        "exit",
                        "verify",
                        "synthetic://" + N + "?damage=10050",
                        "--manifest",
                        m.toString(),
                        "--pubkey",
                        pub.toString()))
                .as(out)
                .isEqualTo(1);
        assertThat(out).contains("d000001/f00000010050").contains("1 hash mismatch");

        assertThat(cli(
                        "exit",
                        "verify",
                        "synthetic://" + (N - 1),
                        "--manifest",
                        m.toString(),
                        "--pubkey",
                        pub.toString()))
                .as(out)
                .isEqualTo(1);
        assertThat(out).contains("1 missing");

        assertThat(cli(
                        "exit",
                        "verify",
                        "synthetic://" + (N + 1),
                        "--manifest",
                        m.toString(),
                        "--pubkey",
                        pub.toString()))
                .as(out)
                .isEqualTo(1);
        assertThat(out).contains("1 extra");

        // the benchmark's directly written manifest holds the same entries, so it verifies against the same store
        Path direct = dir.resolve("direct.jsonl");
        Path directPub = dir.resolve("direct.pub.pem");
        ManifestScale.main(new String[] {String.valueOf(N), direct.toString(), directPub.toString()});
        assertThat(cli(
                        "exit",
                        "verify",
                        "synthetic://" + N,
                        "--manifest",
                        direct.toString(),
                        "--pubkey",
                        directPub.toString()))
                .as(out)
                .isZero();
        assertThat(out).contains(N + " expected, " + N + " ok");
        assertThat(cli(
                        "exit",
                        "verify",
                        "synthetic://" + N + "?damage=7",
                        "--manifest",
                        direct.toString(),
                        "--pubkey",
                        directPub.toString()))
                .as(out)
                .isEqualTo(1);
    }
}
