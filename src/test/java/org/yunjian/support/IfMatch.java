package org.yunjian.support;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * MockMvc post-processors that name the version an update replaces ({@code If-Match}), as a client that read the
 * record first would.
 */
public final class IfMatch {

    private IfMatch() {
    }

    /** {@code If-Match: "v"}. */
    public static RequestPostProcessor version(long v) {
        return request -> {
            request.addHeader("If-Match", "\"" + v + "\"");
            return request;
        };
    }

    /**
     * {@code If-Match} with the {@code ETag} a GET of {@code url} answers now, read with {@code reader} (the caller's
     * authentication): a client that reads the record before it updates it. Fails if the GET sends no {@code ETag}.
     */
    public static RequestPostProcessor read(MockMvc mvc, String url, RequestPostProcessor... reader) throws Exception {
        MockHttpServletRequestBuilder get = MockMvcRequestBuilders.get(url).accept(MediaType.APPLICATION_JSON);
        for (RequestPostProcessor r : reader) {
            get.with(r);
        }
        String etag = mvc.perform(get).andReturn().getResponse().getHeader(HttpHeaders.ETAG);
        if (etag == null) {
            throw new AssertionError("GET " + url + " answered no ETag");
        }
        return request -> {
            request.addHeader(HttpHeaders.IF_MATCH, etag);
            return request;
        };
    }

    /** The row's stored version, read when the request is made ({@code keyColumn} = {@code id} usually). */
    public static RequestPostProcessor current(JdbcClient jdbc, String table, String keyColumn, Object key) {
        return request -> version(stored(jdbc, table, keyColumn, key)).postProcessRequest(request);
    }

    /** {@link #current(JdbcClient, String, String, Object)} for a table keyed by {@code id}. */
    public static RequestPostProcessor current(JdbcClient jdbc, String table, Object id) {
        return current(jdbc, table, "id", id);
    }

    /** The row's stored version; 0 for a row not written yet. */
    public static long stored(JdbcClient jdbc, String table, String keyColumn, Object key) {
        return jdbc.sql("SELECT version FROM " + table + " WHERE " + keyColumn + " = ?").param(key)
                .query(Long.class).optional().orElse(0L);
    }
}
