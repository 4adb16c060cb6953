package org.yunjian.exit.internal;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.yunjian.exit.S3Settings;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * GETs of object content, signed (AWS Signature Version 4, path-style, payload not signed) and sent on the HTTP
 * client directly, not through the SDK's request pipeline. A verification makes one GET per object; measured on
 * 5,000 small objects, the pipeline's interceptors, marshalling and response handling cost about a millisecond of
 * CPU per request, more than hashing the object (docs/performance.md, "S3 at 1.5× rclone"). Listing and HEAD stay
 * with the SDK. An error answer becomes the {@link S3Exception} the SDK would have thrown (status, error code and
 * message from the body), so retrying and reporting are unchanged.
 */
final class SignedGets {

    /** The most bytes of an error answer read for its code and message. */
    private static final int ERROR_BODY_LIMIT = 64 << 10;

    private static final XMLInputFactory XML = xmlFactory();

    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final URI endpoint;
    private final String region;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    SignedGets(SdkHttpClient http, S3Settings settings, AwsCredentialsProvider credentials) {
        this.http = http;
        this.credentials = credentials;
        this.region = settings.region() == null ? "us-east-1" : settings.region();
        String e = settings.endpoint() != null ? settings.endpoint() : "https://s3." + region + ".amazonaws.com";
        this.endpoint = URI.create(e.endsWith("/") ? e.substring(0, e.length() - 1) : e);
    }

    /**
     * Bytes {@code from}–{@code to} (inclusive; {@code to < 0}: to the end; {@code from == 0 && to < 0}: the whole
     * object) of an object version, only while its ETag is {@code etag} when given; with {@code checksums} the store is
     * asked for its checksum headers.
     */
    Body get(String bucket, String key, String version, String etag, long from, long to, boolean checksums)
            throws IOException {
        String path = (endpoint.getRawPath() == null ? "" : endpoint.getRawPath()) + "/"
                + SdkHttpUtils.urlEncode(bucket) + "/" + SdkHttpUtils.urlEncodeIgnoreSlashes(key);
        SdkHttpRequest.Builder r = SdkHttpRequest.builder()
                .method(SdkHttpMethod.GET)
                .protocol(endpoint.getScheme())
                .host(endpoint.getHost())
                .port(endpoint.getPort() < 0 ? null : endpoint.getPort())
                .encodedPath(path);
        if (version != null) {
            r.putRawQueryParameter("versionId", version);
        }
        if (from > 0 || to >= 0) {
            r.putHeader("Range", "bytes=" + from + "-" + (to >= 0 ? String.valueOf(to) : ""));
        }
        if (etag != null) {
            r.putHeader("If-Match", etag);
        }
        if (checksums) {
            r.putHeader("x-amz-checksum-mode", "ENABLED");
        }
        SdkHttpRequest signed = signer.sign(s -> s.identity(credentials.resolveCredentials())
                        .request(r.build())
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                        .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                        .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                        .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false))
                .request();
        HttpExecuteResponse answer = http.prepareRequest(
                        HttpExecuteRequest.builder().request(signed).build())
                .call();
        SdkHttpResponse response = answer.httpResponse();
        AbortableInputStream body = answer.responseBody().orElseGet(AbortableInputStream::createEmpty);
        if (!response.isSuccessful()) {
            byte[] detail;
            try {
                detail = body.readNBytes(ERROR_BODY_LIMIT);
            } finally {
                body.abort();
            }
            throw error(response, detail);
        }
        return new Body(response, body);
    }

    /** The exception the SDK makes of an error answer: its status, and the code and message of its XML body. */
    static S3Exception error(SdkHttpResponse response, byte[] body) {
        String code = null;
        String message = null;
        try {
            XMLStreamReader x = XML.createXMLStreamReader(new ByteArrayInputStream(body));
            while (x.hasNext() && (code == null || message == null)) {
                if (x.next() == XMLStreamConstants.START_ELEMENT
                        && x.getLocalName().equals("Code")) {
                    code = x.getElementText().strip();
                } else if (x.getEventType() == XMLStreamConstants.START_ELEMENT
                        && x.getLocalName().equals("Message")) {
                    message = x.getElementText().strip();
                }
            }
        } catch (XMLStreamException | RuntimeException notXml) {
            // a HEAD-like answer without body, or a proxy's HTML page: status only
        }
        AwsErrorDetails details = AwsErrorDetails.builder()
                .errorCode(code)
                .errorMessage(message)
                .serviceName("S3")
                .sdkHttpResponse(response)
                .build();
        return (S3Exception) S3Exception.builder()
                .statusCode(response.statusCode())
                .awsErrorDetails(details)
                .requestId(response.firstMatchingHeader("x-amz-request-id").orElse(null))
                .message(message)
                .build();
    }

    private static XMLInputFactory xmlFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f;
    }

    /** An answer's bytes and headers: read to the end and closed (the connection is kept), or aborted. */
    static final class Body extends FilterInputStream {
        private final SdkHttpResponse response;
        private final AbortableInputStream stream;

        Body(SdkHttpResponse response, AbortableInputStream stream) {
            super(stream);
            this.response = response;
            this.stream = stream;
        }

        /** The length the answer announces, or null. */
        Long contentLength() {
            return response.firstMatchingHeader("Content-Length")
                    .map(Long::valueOf)
                    .orElse(null);
        }

        String eTag() {
            return response.firstMatchingHeader("ETag").orElse(null);
        }

        Optional<String> header(String name) {
            return response.firstMatchingHeader(name);
        }

        /** Drops the connection instead of reading the rest of the answer. */
        void abort() {
            stream.abort();
        }
    }
}
