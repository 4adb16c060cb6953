package org.yunjian.exit;

/**
 * How to reach an S3-compatible store and how hard to read it. Null fields fall back to the AWS SDK's defaults
 * (environment variables {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_REGION}, profiles).
 *
 * @param endpoint    e.g. {@code http://127.0.0.1:9000}; null for AWS
 * @param region      signing region, default {@code us-east-1}
 * @param accessKey   access key id, or null
 * @param secretKey   secret key, or null
 * @param concurrency GET requests in flight at once (objects and parts of objects together)
 * @param partSize    bytes per ranged GET of an object larger than this; smaller objects are read in one GET
 * @param memory      bound on the bytes of parts fetched ahead of the hashing, over all objects
 * @param retries     retries of one request after throttling, a server error or a broken connection
 */
public record S3Settings(
        String endpoint,
        String region,
        String accessKey,
        String secretKey,
        int concurrency,
        long partSize,
        long memory,
        int retries)
        implements java.io.Serializable {

    public static final int DEFAULT_CONCURRENCY = 16;
    public static final long DEFAULT_PART_SIZE = 8L << 20;
    public static final long DEFAULT_MEMORY = 128L << 20;
    public static final int DEFAULT_RETRIES = 5;

    public S3Settings {
        if (concurrency < 1 || concurrency > 1024) {
            throw new ManifestException("exit.s3.badConcurrency", (long) concurrency);
        }
        if (partSize < (64 << 10) || partSize > (1L << 30)) {
            throw new ManifestException("exit.s3.badPartSize", partSize);
        }
        if (memory < partSize || memory > Integer.MAX_VALUE) {
            throw new ManifestException("exit.s3.badMemory", memory, partSize);
        }
        if (retries < 0 || retries > 100) {
            throw new ManifestException("exit.s3.badRetries", (long) retries);
        }
    }

    public S3Settings(String endpoint, String region, String accessKey, String secretKey) {
        this(
                endpoint,
                region,
                accessKey,
                secretKey,
                DEFAULT_CONCURRENCY,
                DEFAULT_PART_SIZE,
                DEFAULT_MEMORY,
                DEFAULT_RETRIES);
    }

    public static S3Settings defaults() {
        return new S3Settings(null, null, null, null);
    }

    /** The same store read with other transfer settings. */
    public S3Settings withTransfer(int concurrency, long partSize, long memory, int retries) {
        return new S3Settings(endpoint, region, accessKey, secretKey, concurrency, partSize, memory, retries);
    }

    @Override
    public String toString() {
        return "S3Settings[endpoint=" + endpoint + ", region=" + region + ", accessKey=" + accessKey + ", concurrency="
                + concurrency + ", partSize=" + partSize + ", memory=" + memory + ", retries=" + retries + "]";
    }
}
