package org.yunjian.exit.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import org.yunjian.crypto.Hex;
import org.yunjian.crypto.Pem;
import org.yunjian.exit.FileEntry;
import org.yunjian.exit.HashAlgorithm;
import org.yunjian.exit.Keys;
import org.yunjian.exit.ManifestHeader;
import org.yunjian.exit.internal.ManifestWriter;

/**
 * Writes the signed SM3 manifest of {@code synthetic://N} straight from the store's arithmetic, for
 * {@code bench/manifest-scale.sh}: the same entries {@code exit manifest build} records (it is checked against a
 * real build in {@link SyntheticStoreTest}), without the media-type sniffing that makes building 100 million
 * entries take hours. Usage: {@code ManifestScale N manifest public-key-pem}.
 */
public final class ManifestScale {

    private ManifestScale() {}

    public static void main(String[] args) throws Exception {
        long n = Long.parseLong(args[0]);
        Path out = Path.of(args[1]);
        KeyPair pair = Keys.generate();
        Files.writeString(Path.of(args[2]), Pem.writePublicKey(pair.getPublic()));
        write(n, out, pair);
    }

    static void write(long n, Path out, KeyPair pair) throws java.io.IOException {
        ManifestHeader header = new ManifestHeader(
                ManifestHeader.VERSION_1,
                HashAlgorithm.SM3,
                "synthetic://" + n,
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                ManifestHeader.TOOL,
                false);
        try (ManifestWriter w = new ManifestWriter(out, header, pair.getPrivate(), false)) {
            for (long i = 0; i < n; i++) {
                byte[] b = SyntheticStore.content(i);
                HashAlgorithm.Hasher h = HashAlgorithm.SM3.newHasher();
                h.update(b, 0, b.length);
                w.write(new FileEntry(
                        SyntheticStore.path(i),
                        null,
                        null,
                        b.length,
                        Hex.encode(h.finish()),
                        "application/octet-stream",
                        org.yunjian.exit.Sensitivity.SENSITIVE,
                        null,
                        null));
            }
        }
    }
}
