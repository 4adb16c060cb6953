package org.yunjian.support;

import java.util.Map;
import java.util.stream.Collectors;
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

    private IfMatch() {}

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

    /** The version of the row whose columns have the values of {@code key} (a composite key), read when sent. */
    public static RequestPostProcessor current(JdbcClient jdbc, String table, Map<String, ?> key) {
        return request -> {
            String where = key.keySet().stream().map(c -> c + " = :" + c).collect(Collectors.joining(" AND "));
            long v = jdbc.sql("SELECT version FROM " + table + " WHERE " + where)
                    .params(key)
                    .query(Long.class)
                    .optional()
                    .orElse(0L);
            return version(v).postProcessRequest(request);
        };
    }

    /** {@code If-Match} with the current version of the responsibility matrix of system {@code systemId}. */
    public static RequestPostProcessor currentMatrix(JdbcClient jdbc, Object systemId) {
        return request -> version(jdbc.sql("SELECT current_version FROM responsibility_matrix WHERE system_id = ?")
                        .param(systemId)
                        .query(Long.class)
                        .optional()
                        .orElse(0L))
                .postProcessRequest(request);
    }

    /** A page form's hidden {@code version} field with the row's stored version, read when the form is posted. */
    public static RequestPostProcessor formField(JdbcClient jdbc, String table, Object id) {
        return request -> {
            request.addParameter("version", String.valueOf(stored(jdbc, table, "id", id)));
            return request;
        };
    }

    /** {@code If-Match} with the assessment's stored version (its team, template, review decisions), read when sent. */
    public static RequestPostProcessor assessment(JdbcClient jdbc, Object assessmentId) {
        return current(jdbc, "assessment", uuidIfOne(assessmentId));
    }

    /** The hidden {@code version} field of an assessment's review forms, read when the form is posted. */
    public static RequestPostProcessor assessmentForm(JdbcClient jdbc, Object assessmentId) {
        return formField(jdbc, "assessment", uuidIfOne(assessmentId));
    }

    /** {@link #current(JdbcClient, String, Object)} for an assessment's test item. */
    public static RequestPostProcessor item(JdbcClient jdbc, Object itemId) {
        return current(jdbc, "assessment_item", itemId);
    }

    /** {@link #formField(JdbcClient, String, Object)} for an assessment's test item. */
    public static RequestPostProcessor itemForm(JdbcClient jdbc, Object itemId) {
        return formField(jdbc, "assessment_item", itemId);
    }

    /** {@code If-Match} with the stored version of a risk register entry (its remediation task), read when sent. */
    public static RequestPostProcessor remediation(JdbcClient jdbc, String remediationId) {
        return current(jdbc, "assessment_remediation", java.util.UUID.fromString(remediationId));
    }

    /** The hidden {@code version} field of a risk register entry's forms, read when the form is posted. */
    public static RequestPostProcessor remediationForm(JdbcClient jdbc, String remediationId) {
        return formField(jdbc, "assessment_remediation", java.util.UUID.fromString(remediationId));
    }

    /** {@code If-Match} with the stored version of an evidence request line, read when sent. */
    public static RequestPostProcessor requestLine(JdbcClient jdbc, Object lineId) {
        return current(jdbc, "assessment_evidence_request_line", lineId);
    }

    /** The hidden {@code version} field of an evidence request line's forms, read when the form is posted. */
    public static RequestPostProcessor requestLineForm(JdbcClient jdbc, Object lineId) {
        return formField(jdbc, "assessment_evidence_request_line", lineId);
    }

    /** {@code If-Match} with the stored version of an evidence record (validity, sharing, links), read when sent. */
    public static RequestPostProcessor evidence(JdbcClient jdbc, Object evidenceId) {
        return current(jdbc, "assessment_evidence", evidenceId);
    }

    /** The hidden {@code version} field of an evidence record's forms, read when the form is posted. */
    public static RequestPostProcessor evidenceForm(JdbcClient jdbc, Object evidenceId) {
        return formField(jdbc, "assessment_evidence", evidenceId);
    }

    /**
     * Table mode's hidden {@code version-<n>} fields: the stored versions of the assessment's items numbered
     * {@code numbers} (1-based positions), read when the request is made.
     */
    public static RequestPostProcessor tableRows(JdbcClient jdbc, Object assessmentId, int... numbers) {
        return request -> {
            for (int n : numbers) {
                jdbc.sql("SELECT version FROM assessment_item WHERE assessment_id = ? AND position = ?")
                        .params(java.util.UUID.fromString(assessmentId.toString()), n - 1)
                        .query(Long.class)
                        .optional()
                        .ifPresent(v -> request.addParameter("version-" + n, String.valueOf(v)));
            }
            return request;
        };
    }

    /** The row's stored version; 0 for a row not written yet. A key given as text of a UUID is read as one. */
    public static long stored(JdbcClient jdbc, String table, String keyColumn, Object key) {
        return jdbc.sql("SELECT version FROM " + table + " WHERE " + keyColumn + " = ?")
                .param(uuidIfOne(key))
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    /** PostgreSQL compares a {@code uuid} column with a {@code UUID} parameter only, not with text. */
    private static Object uuidIfOne(Object key) {
        if (key instanceof String s) {
            try {
                return java.util.UUID.fromString(s);
            } catch (IllegalArgumentException notOne) {
                return s;
            }
        }
        return key;
    }
}
