package org.yunjian.exit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yunjian.crypto.Sm3Kernel;

/** SM3 verification with the multi-lane hasher switched on gives the same results as the scalar path. */
class LaneVerificationTest {

    @TempDir
    Path tmp;
    final KeyPair pair = Keys.generate();

    @AfterEach
    void off() {
        System.clearProperty("yunjian.sm3.lanes");
    }

    @Test
    void manyFilesOfUnevenSizesVerifyCleanAndChangesAreFound() throws Exception {
        assumeTrue(Sm3Kernel.available(), "jdk.incubator.vector is not in this JVM");
        Path tree = tmp.resolve("tree");
        Random rnd = new Random(5);
        for (int i = 0; i < 60; i++) {
            Path f = tree.resolve("d" + i % 4).resolve("f" + i + ".bin");
            Files.createDirectories(f.getParent());
            byte[] b = new byte[i == 7 ? (int) (org.yunjian.exit.internal.LaneHasher.MAX_SIZE + 100) : rnd.nextInt(3000)];
            rnd.nextBytes(b);
            Files.write(f, b);
        }
        Path m = tmp.resolve("m.jsonl");
        ManifestBuilder.build(tree.toString(), m, pair.getPrivate(), new ManifestBuilder.Options(HashAlgorithm.SM3,
                new Labels(Sensitivity.SENSITIVE), List.of(), false, false, 2, S3Settings.defaults()));

        System.setProperty("yunjian.sm3.lanes", "true");
        assertThat(Sm3Kernel.enabled()).isTrue();
        VerificationReport clean = Verification.verify(m, pair.getPublic(), tree.toString(), Verification.Options.defaults());
        assertThat(clean.clean()).as(clean.findings().toString()).isTrue();
        assertThat(clean.totals().ok()).isEqualTo(60);

        byte[] changed = Files.readAllBytes(tree.resolve("d1/f5.bin"));
        changed[changed.length / 2] ^= 1;
        Files.write(tree.resolve("d1/f5.bin"), changed);
        VerificationReport r = Verification.verify(m, pair.getPublic(), tree.toString(), Verification.Options.defaults());
        assertThat(r.findings()).extracting(f -> f.kind() + " " + f.path()).containsExactly("HASH_MISMATCH d1/f5.bin");
    }
}
