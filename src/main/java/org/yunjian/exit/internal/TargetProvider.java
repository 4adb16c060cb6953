package org.yunjian.exit.internal;

/**
 * A kind of target other than a directory or {@code s3://}, found with {@link java.util.ServiceLoader}: a target
 * written {@code scheme://…} is opened by the first provider that accepts it. The benchmarks plug in a synthetic
 * store this way (a manifest of 100 million entries needs no 100 million files to verify); a deployment could plug
 * in another store the same way.
 */
public interface TargetProvider {

    /** Whether this provider opens {@code target}. */
    boolean accepts(String target);

    /** The target as a source listed in canonical order. */
    Source open(String target, boolean allVersions);
}
