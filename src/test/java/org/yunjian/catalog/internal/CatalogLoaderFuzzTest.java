package org.yunjian.catalog.internal;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.yunjian.catalog.CatalogLoadException;

/**
 * Whatever bytes a catalog file holds, the loader either loads it or fails with a
 * {@link CatalogLoadException} naming the place: never another exception, never a half result.
 * The input is a shipped file with a fuzzed splice, so most runs reach schema and consistency checks.
 * Seed corpus: {@code src/test/resources/org/yunjian/catalog/internal/CatalogLoaderFuzzTestInputs/} — the
 * splice in UTF-8, then one byte for how many characters it replaces (0–40) and two bytes (little-endian) for
 * where ({@code tools/fuzz-seeds.py} writes them).
 */
class CatalogLoaderFuzzTest {

    private static final AtomicInteger LOADED = new AtomicInteger();
    private static final AtomicInteger REFUSED = new AtomicInteger();

    private static final CatalogLoader LOADER = new CatalogLoader(read("catalog.schema.json"));
    private static final byte[] BASE = read("gbt31167-s9.json").content();

    private static CatalogLoader.Source read(String name) {
        try (InputStream in = CatalogLoaderFuzzTest.class.getResourceAsStream("/catalog/" + name)) {
            return new CatalogLoader.Source(name, in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @FuzzTest(maxDuration = "20s")
    void loaderLoadsOrNamesTheProblem(FuzzedDataProvider data) {
        String base = new String(BASE, StandardCharsets.UTF_8);
        int at = data.consumeInt(0, base.length());
        int cut = data.consumeInt(0, Math.min(40, base.length() - at));
        String splice = new String(data.consumeRemainingAsBytes(), StandardCharsets.UTF_8);
        String mutated = base.substring(0, at) + splice + base.substring(at + cut);
        try {
            LOADER.load(List.of(new CatalogLoader.Source("fuzzed.json", mutated.getBytes(StandardCharsets.UTF_8))));
            LOADED.incrementAndGet();
        } catch (CatalogLoadException e) {
            REFUSED.incrementAndGet();
            if (!e.getMessage().startsWith("fuzzed.json:")) {
                throw new AssertionError("problem not located in the file: " + e.getMessage(), e);
            }
        }
    }

    /** The seeds reach both outcomes: a catalog that still loads and one refused with its place named. */
    @AfterAll
    static void seedsReachBothOutcomes() {
        if (LOADED.get() == 0 || REFUSED.get() == 0) {
            throw new AssertionError("seed corpus reached loaded=" + LOADED + " refused=" + REFUSED);
        }
    }
}
