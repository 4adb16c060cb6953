package org.yunjian.exit;

/**
 * How to reach an S3-compatible store. Null fields fall back to the AWS SDK's defaults (environment
 * variables {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_REGION}, profiles).
 *
 * @param endpoint  e.g. {@code http://127.0.0.1:9000}; null for AWS
 * @param region    signing region, default {@code us-east-1}
 * @param accessKey access key id, or null
 * @param secretKey secret key, or null
 */
public record S3Settings(String endpoint, String region, String accessKey, String secretKey)
        implements java.io.Serializable {

    public static S3Settings defaults() {
        return new S3Settings(null, null, null, null);
    }

    @Override
    public String toString() {
        return "S3Settings[endpoint=" + endpoint + ", region=" + region + ", accessKey=" + accessKey + "]";
    }
}
