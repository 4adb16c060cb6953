package org.yunjian.exit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.yunjian.exit.ExitTexts;
import org.yunjian.exit.FileEntry;
import org.yunjian.exit.ManifestException;
import org.yunjian.exit.S3Settings;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * An S3-compatible bucket (path-style addressing) listed one "directory" level at a time with the
 * delimiter '/', each level sorted into the canonical order — so memory is bounded by the widest level,
 * not by the bucket. With {@code allVersions} every object version is listed (newest first within a key);
 * delete markers are not content and are left out. Keys that are not valid manifest paths
 * ({@code ..}, empty segments) are reported as unreadable items.
 */
public final class S3Source implements Source {

    private final S3Client s3;
    private final S3Reads reads;
    private final SdkHttpClient http;
    private final String bucket;
    private final String prefix;
    private final boolean allVersions;
    private final Deque<Cursor> stack = new ArrayDeque<>();
    /** Listings of "folders" ahead of the walk, started concurrently (at most {@link #listingsAhead}). */
    private final Map<String, Future<List<Node>>> listed = new HashMap<>();

    private final int listingsAhead;
    private static final int LISTINGS_AHEAD = 8;
    private ExecutorService lister;
    private String skipThrough;

    private record Node(String rel, boolean dir, List<Item> versions) {}

    /** A level being walked: the next node to return and the next one whose listing may be started. */
    private static final class Cursor {
        final List<Node> nodes;
        int next;
        int ahead;

        Cursor(List<Node> nodes) {
            this.nodes = nodes;
        }
    }

    private S3Source(
            SdkHttpClient http, S3Client s3, S3Reads reads, String bucket, String prefix, boolean allVersions) {
        this.http = http;
        this.s3 = s3;
        this.reads = reads;
        this.listingsAhead = Math.min(LISTINGS_AHEAD, reads.settings().concurrency());
        this.bucket = bucket;
        this.prefix = prefix;
        this.allVersions = allVersions;
    }

    public static S3Source open(String target, S3Settings settings, boolean allVersions) {
        Location at = Location.parse(target);
        SdkHttpClient http = httpClient(settings, settings.concurrency() + LISTINGS_AHEAD + 1);
        AwsCredentialsProvider credentials = credentials(settings); // one chain resolved for listing and reading
        S3Client client = client(settings, http, credentials);
        try {
            requireBucket(client, at.bucket());
        } catch (RuntimeException e) {
            http.close();
            throw e;
        }
        S3Source source = new S3Source(
                http, client, new S3Reads(http, settings, credentials), at.bucket(), at.prefix(), allVersions);
        source.push(source.level(""));
        return source;
    }

    /** Bucket and key prefix of {@code s3://bucket/prefix}; a non-empty prefix always ends with '/'. */
    public record Location(String bucket, String prefix) {
        public static Location parse(String target) {
            if (!target.startsWith("s3://")) {
                throw new ManifestException("exit.s3.notAddress", target);
            }
            String rest = target.substring("s3://".length());
            int slash = rest.indexOf('/');
            String bucket = slash < 0 ? rest : rest.substring(0, slash);
            String prefix = slash < 0 ? "" : rest.substring(slash + 1);
            if (!prefix.isEmpty() && !prefix.endsWith("/")) {
                prefix += "/";
            }
            if (bucket.isEmpty()) {
                throw new ManifestException("exit.s3.noBucket", target);
            }
            return new Location(bucket, prefix);
        }
    }

    /**
     * A path-style client for the settings (static credentials if given, else the SDK's default chain) whose
     * requests the SDK retries {@code retries} times: for listing and other small requests.
     */
    public static S3Client client(S3Settings settings) {
        return builder(settings, credentials(settings))
                .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(settings.retries() + 1)))
                .build();
    }

    /** The same on a given HTTP client, which the caller closes. */
    static S3Client client(S3Settings settings, SdkHttpClient http, AwsCredentialsProvider credentials) {
        return builder(settings, credentials)
                .httpClient(http)
                .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(settings.retries() + 1)))
                .build();
    }

    /**
     * A client for the HEAD of a large object read in parts, on a given HTTP client: the SDK neither retries ({@link
     * S3Reads} does) nor validates checksums itself ({@link StoreChecksum} does, and reports a mismatch as a finding).
     */
    static S3Client dataClient(S3Settings settings, SdkHttpClient http, AwsCredentialsProvider credentials) {
        return builder(settings, credentials)
                .httpClient(http)
                .overrideConfiguration(
                        c -> c.retryStrategy(software.amazon.awssdk.retries.DefaultRetryStrategy.doNotRetry()))
                .responseChecksumValidation(
                        software.amazon.awssdk.core.checksums.ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    /**
     * One connection pool for listing and reading, sized to the requests in flight. A plain {@code http://} endpoint
     * never needs TLS, so its client skips loading the trust store (a measured part of the start-up).
     */
    static SdkHttpClient httpClient(S3Settings settings, int connections) {
        var b = software.amazon.awssdk.http.apache5.Apache5HttpClient.builder().maxConnections(connections);
        if (settings.endpoint() != null && settings.endpoint().regionMatches(true, 0, "http://", 0, 7)) {
            b.tlsSocketStrategy(PLAIN_ONLY);
        }
        return S3HttpWrapper.wrapAll(b.build());
    }

    /** For a plain-HTTP endpoint: an upgrade to TLS (a redirect to https) is refused, not made with no trust set up. */
    private static final org.apache.hc.client5.http.ssl.TlsSocketStrategy PLAIN_ONLY =
            (socket, host, port, attachment, context) -> {
                throw new javax.net.ssl.SSLException(ExitTexts.get("exit.s3.noTlsForPlainEndpoint", host));
            };

    private static software.amazon.awssdk.services.s3.S3ClientBuilder builder(
            S3Settings settings, AwsCredentialsProvider credentials) {
        var b = S3Client.builder()
                .forcePathStyle(true)
                .region(Region.of(settings.region() == null ? "us-east-1" : settings.region()));
        if (settings.endpoint() != null) {
            b.endpointOverride(URI.create(settings.endpoint()));
        }
        return b.credentialsProvider(credentials);
    }

    /** The settings' static credentials if given, else the SDK's default chain. */
    static AwsCredentialsProvider credentials(S3Settings settings) {
        return settings.accessKey() != null
                ? StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()))
                : DefaultCredentialsProvider.builder().build();
    }

    /**
     * Checks that the bucket exists and is accessible; otherwise closes the client and throws a
     * {@link ManifestException} naming the problem (missing bucket, denied access, unreachable endpoint).
     */
    public static void requireBucket(S3Client client, String bucket) {
        try {
            client.headBucket(r -> r.bucket(bucket));
        } catch (NoSuchBucketException e) {
            client.close();
            throw new ManifestException("exit.s3.noSuchBucket", bucket);
        } catch (S3Exception e) {
            client.close();
            throw problem(e, bucket);
        } catch (SdkException e) {
            client.close();
            if (String.valueOf(e.getMessage()).startsWith("Unable to load credentials")) {
                throw new ManifestException(e, "exit.s3.noCredentials", bucket);
            }
            throw new ManifestException(e, "exit.s3.unreachable", bucket, String.valueOf(e.getMessage()));
        }
    }

    /** A one-line error for an S3 error answer about {@code bucket}. */
    public static ManifestException problem(S3Exception e, String bucket) {
        if (e.statusCode() == 404) {
            return new ManifestException(e, "exit.s3.noSuchBucket", bucket);
        }
        String detail = e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
                ? e.awsErrorDetails().errorMessage()
                : "HTTP " + e.statusCode();
        if (e.statusCode() == 403) {
            return new ManifestException(e, "exit.s3.denied", bucket, detail);
        }
        return new ManifestException(e, "exit.s3.failed", bucket, detail);
    }

    @Override
    public void skipThrough(String path) {
        this.skipThrough = path;
    }

    @Override
    public List<Item> nextGroup() throws IOException {
        while (!stack.isEmpty()) {
            Cursor c = stack.peek();
            if (c.next >= c.nodes.size()) {
                stack.pop();
                continue;
            }
            Node n = c.nodes.get(c.next++);
            if (n.dir()) {
                Future<List<Node>> ahead = listed.remove(n.rel());
                if (skipped(n)) {
                    if (ahead != null) {
                        ahead.cancel(true);
                    }
                    continue;
                }
                List<Node> children;
                try {
                    children = ahead == null ? level(n.rel() + "/") : ahead.get();
                } catch (SdkException e) {
                    throw cannotList(n, e);
                } catch (ExecutionException e) {
                    throw cannotList(n, e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted");
                }
                listAhead(c);
                push(children);
                continue;
            }
            if (skipThrough != null && ManifestPaths.compare(n.rel(), skipThrough) <= 0) {
                continue;
            }
            if (!n.versions().isEmpty()) {
                return n.versions();
            }
        }
        return null;
    }

    private ManifestException cannotList(Node n, Throwable e) {
        return new ManifestException(
                e, "exit.s3.cannotList", bucket, prefix + n.rel() + "/", String.valueOf(e.getMessage()));
    }

    private boolean skipped(Node n) {
        return skipThrough != null
                && ManifestPaths.compare(n.rel(), skipThrough) < 0
                && !skipThrough.startsWith(n.rel() + "/");
    }

    private void push(List<Node> nodes) {
        Cursor c = new Cursor(nodes);
        stack.push(c);
        listAhead(c);
    }

    /**
     * Starts the listings of the next "folders" of a level while the walk is still before them: one request per folder,
     * so a bucket of many small folders would otherwise pay one round trip at a time.
     */
    private void listAhead(Cursor c) {
        c.ahead = Math.max(c.ahead, c.next);
        while (listed.size() < listingsAhead && c.ahead < c.nodes.size()) {
            Node n = c.nodes.get(c.ahead++);
            if (n.dir() && !skipped(n)) {
                if (lister == null) {
                    lister = Executors.newFixedThreadPool(listingsAhead, r -> {
                        Thread t = new Thread(r, "yunjian-s3-list");
                        t.setDaemon(true);
                        return t;
                    });
                }
                listed.put(n.rel(), lister.submit(() -> level(n.rel() + "/")));
            }
        }
    }

    /** One level under {@code rel} (relative to the prefix), sorted canonically; files before a same-named directory. */
    private List<Node> level(String rel) {
        String p = prefix + rel;
        Map<String, Node> files = new LinkedHashMap<>();
        List<Node> nodes = new ArrayList<>();
        if (allVersions) {
            for (var page : s3.listObjectVersionsPaginator(
                    r -> r.bucket(bucket).prefix(p).delimiter("/"))) {
                for (ObjectVersion v : page.versions()) {
                    String name = v.key().substring(p.length());
                    Node node = files.computeIfAbsent(name, k -> new Node(rel + k, false, new ArrayList<>()));
                    node.versions().add(item(rel + name, v.versionId(), v.isLatest(), v.size()));
                }
                for (CommonPrefix cp : page.commonPrefixes()) {
                    nodes.add(dir(rel, cp.prefix().substring(p.length())));
                }
            }
        } else {
            for (var page :
                    s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(p).delimiter("/"))) {
                for (S3Object o : page.contents()) {
                    String name = o.key().substring(p.length());
                    files.put(name, new Node(rel + name, false, List.of(item(rel + name, null, null, o.size()))));
                }
                for (CommonPrefix cp : page.commonPrefixes()) {
                    nodes.add(dir(rel, cp.prefix().substring(p.length())));
                }
            }
        }
        for (Node f : files.values()) {
            if (f.rel().equals(rel) || f.rel().isEmpty()) {
                continue; // the "folder" marker object of this level itself
            }
            nodes.add(f);
        }
        nodes.sort((a, b) -> {
            int c = ManifestPaths.compare(a.rel(), b.rel());
            return c != 0 ? c : Boolean.compare(a.dir(), b.dir());
        });
        return nodes;
    }

    private static Node dir(String rel, String name) {
        String n = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        return new Node(rel + n, true, List.of());
    }

    private static Item item(String rel, String version, Boolean latest, Long size) {
        String v = version; // "null" is the real id of an object stored before versioning was enabled
        if (!ManifestPaths.isValid(rel)) {
            String safe = "invalid-key-" + Integer.toHexString(rel.hashCode());
            return new Item(
                    safe, v, latest, -1, FileEntry.error(FileEntry.INVALID_KEY, rel.replaceAll("\\p{Cntrl}", "?")));
        }
        return new Item(rel, v, v == null ? null : latest, size == null ? -1 : size, null);
    }

    @Override
    public InputStream open(Item item) throws IOException {
        return reads.open(bucket, prefix + item.path(), item.version(), item.size());
    }

    /** As many readers as GET requests may be in flight: reading objects waits on the network, not the cores. */
    @Override
    public int threads(int requested) {
        return Math.max(requested, reads.settings().concurrency());
    }

    /** One object per task: a task waits on the network, so handing over is cheap by comparison. */
    @Override
    public int batchSize() {
        return 1;
    }

    /** The transfers of this source (for tests: the peak of memory held). */
    public S3Reads reads() {
        return reads;
    }

    /**
     * A chunk: ranged GETs of a part each, fetched concurrently as for a large object when the chunk is longer than a
     * part, resumed at the byte where a broken read stopped.
     */
    @Override
    public InputStream open(Item item, long offset, long length) throws IOException {
        return reads.openRange(bucket, prefix + item.path(), item.version(), offset, length);
    }

    @Override
    public void close() {
        if (lister != null) {
            lister.shutdownNow();
        }
        try (SdkHttpClient pool = http;
                S3Client data = reads.client();
                S3Client meta = s3) {
            reads.close();
        }
    }
}
