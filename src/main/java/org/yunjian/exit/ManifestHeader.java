package org.yunjian.exit;

import java.time.Instant;

/**
 * The first line of a manifest.
 *
 * @param version   format version, {@value #VERSION}
 * @param algorithm file checksum algorithm
 * @param root      what was inventoried: a directory or {@code s3://bucket/prefix}
 * @param created   when the manifest was built
 * @param tool      the program that built it
 * @param allVersions whether every object version was recorded
 */
public record ManifestHeader(int version, HashAlgorithm algorithm, String root, Instant created, String tool,
                             boolean allVersions) {
    public static final int VERSION = 1;
    public static final String FORMAT = "yunjian-exit-manifest";
    public static final String TOOL = "yunjian 0.1.0";
}
