package org.yunjian.exit.bench;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import org.yunjian.exit.internal.Source;
import org.yunjian.exit.internal.TargetProvider;

/**
 * A store of {@code n} small objects that exists only as arithmetic: {@code synthetic://N} lists
 * {@code dDDDDD/fFFFFFFFFFF} (zero-padded, so canonical order is numeric order), 10,000 per "folder", and object
 * {@code i} holds 1–64 bytes derived from {@code i}. The same store lists and reads the same way every time, so a
 * manifest built from it verifies against it; {@code synthetic://N?damage=K} changes one byte of object {@code K}.
 * For measuring what a manifest of a given number of entries costs in memory, without that many files.
 */
public final class SyntheticStore implements TargetProvider {

    static final String SCHEME = "synthetic://";
    static final int PER_FOLDER = 10_000;

    @Override
    public boolean accepts(String target) {
        return target.startsWith(SCHEME);
    }

    @Override
    public Source open(String target, boolean allVersions) {
        String spec = target.substring(SCHEME.length());
        long damage = -1;
        int q = spec.indexOf("?damage=");
        if (q >= 0) {
            damage = Long.parseLong(spec.substring(q + "?damage=".length()));
            spec = spec.substring(0, q);
        }
        return new Objects(Long.parseLong(spec), damage);
    }

    static String path(long i) {
        return String.format("d%06d/f%011d", i / PER_FOLDER, i);
    }

    static byte[] content(long i) {
        byte[] b = new byte[1 + (int) (Long.remainderUnsigned(i * 0x9E3779B97F4A7C15L, 64))];
        long x = i ^ 0x5DEECE66DL;
        for (int k = 0; k < b.length; k++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            b[k] = (byte) (x >>> 56);
        }
        return b;
    }

    private static final class Objects implements Source {
        private final long n;
        private final long damage;
        private long next;

        Objects(long n, long damage) {
            this.n = n;
            this.damage = damage;
        }

        @Override
        public List<Item> nextGroup() {
            if (next >= n) {
                return null;
            }
            long i = next++;
            return List.of(new Item(path(i), null, null, content(i).length, null));
        }

        @Override
        public InputStream open(Item item) {
            long i = Long.parseLong(item.path().substring(item.path().indexOf("/f") + 2));
            byte[] b = content(i);
            if (i == damage) {
                b[0] ^= 1;
            }
            return new ByteArrayInputStream(b);
        }

        @Override
        public void skipThrough(String path) {
            next = Long.parseLong(path.substring(path.indexOf("/f") + 2)) + 1;
        }
    }
}
