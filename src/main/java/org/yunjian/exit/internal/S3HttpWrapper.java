package org.yunjian.exit.internal;

import java.util.List;
import java.util.ServiceLoader;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * Wraps the HTTP client of every S3 source, found with {@link ServiceLoader}. Production declares none; the tests
 * declare a fault injector (broken bodies, refused requests, store checksum headers) that acts on buckets named
 * {@code flaky-…}, so the reading code meets real failures on the HTTP layer it reads from (content GETs bypass the
 * SDK's request pipeline, where such a hook used to sit).
 */
public interface S3HttpWrapper {

    SdkHttpClient wrap(SdkHttpClient client);

    /** {@code client} wrapped by every declared wrapper, in class-path order. */
    static SdkHttpClient wrapAll(SdkHttpClient client) {
        SdkHttpClient c = client;
        for (S3HttpWrapper w : Loaded.ALL) {
            c = w.wrap(c);
        }
        return c;
    }

    /** Looked up once per JVM. */
    final class Loaded {
        static final List<S3HttpWrapper> ALL = ServiceLoader.load(S3HttpWrapper.class).stream()
                .map(ServiceLoader.Provider::get)
                .toList();

        private Loaded() {}
    }
}
