package org.yunjian.exit.internal;

import java.nio.file.Path;
import org.yunjian.exit.ManifestException;
import org.yunjian.exit.S3Settings;

/** Opens a directory or {@code s3://bucket/prefix} as a {@link Source}. */
public final class Targets {

    private Targets() {}

    public static boolean isS3(String target) {
        return target.startsWith("s3://");
    }

    public static Source open(String target, S3Settings s3, boolean allVersions) {
        if (target.contains("://") && !isS3(target)) {
            for (TargetProvider p : java.util.ServiceLoader.load(TargetProvider.class)) {
                if (p.accepts(target)) {
                    return p.open(target, allVersions);
                }
            }
        }
        if (isS3(target)) {
            return S3Source.open(target, s3 == null ? S3Settings.defaults() : s3, allVersions);
        }
        if (allVersions) {
            throw new ManifestException("exit.target.allVersionsS3");
        }
        return new DirectorySource(Path.of(target));
    }
}
