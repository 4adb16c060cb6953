package org.yunjian.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The error responses of each operation, documented where they can happen rather than all on every operation (issue
 * 60; springdoc's generic responses from the controller advices are off, {@code springdoc.override-with-generic-response}):
 *
 * <ul>
 *   <li>400 where the request carries input — parameters or a body;
 *   <li>403 on every operation that needs credentials: the role or the caller's relation to the object refuses, or a
 *       change with the session cookie lacks its CSRF header (401 is {@link ApiDocsConventions}');
 *   <li>404 where a path names an object (an object of an unrelated organisation is not disclosed either);
 *   <li>409 on every change (a state that forbids it, a stale version in the body, a concurrent change);
 *   <li>412 and 428 where the operation takes {@code If-Match}: a stale version, or none named; 428 also where the
 *       body carries the {@code version} it replaces;
 *   <li>503 everywhere: the database was too busy to answer in time ({@code LockContentionAdvice});
 *   <li>and any of these an operation's own summary or description names (a read that refuses with 409 until a record
 *       exists, a 404 without a path id).
 * </ul>
 *
 * Each is a shared response under {@code components/responses}, typed as an RFC 9457 problem.
 */
final class ApiErrorResponses {

    /** A response shared under {@code components/responses}: its name and description. */
    record Shared(String name, String description) {}

    /** Status → its shared response, in the order documented. */
    static final Map<String, Shared> SHARED = shared();

    private static Map<String, Shared> shared() {
        Map<String, Shared> m = new LinkedHashMap<>();
        m.put("400", new Shared("BadRequest", "The input was refused; errors names each refused field"));
        m.put("403", new Shared("Forbidden", "The caller's role or relation to the object does not allow this"));
        m.put("404", new Shared("NotFound", "No such object, or one of an organisation the caller has no part in"));
        m.put("409", new Shared("Conflict", "The object's state does not allow this, or it changed meanwhile"));
        m.put("412", new Shared("PreconditionFailed", "The version named in If-Match is no longer the stored one"));
        m.put("428", new Shared("PreconditionRequired", "No version named: send If-Match (or the version field)"));
        m.put("503", new Shared("Busy", "The database was too busy to answer in time; retry"));
        return Collections.unmodifiableMap(m);
    }

    private static final Pattern NAMED = Pattern.compile("\\b(4\\d\\d)\\b");

    private ApiErrorResponses() {}

    /** Declares the shared responses in {@code components} and refers each operation to those that apply to it. */
    static void apply(OpenAPI openApi, Components components) {
        SHARED.values()
                .forEach(r -> components.addResponses(
                        r.name(),
                        new ApiResponse().description(r.description()).content(ApiDocsConventions.problem())));
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().values().forEach(item -> item.readOperationsMap()
                .forEach((method, op) -> describe(method, op, components)));
    }

    private static void describe(PathItem.HttpMethod method, Operation op, Components components) {
        List<Parameter> params = op.getParameters() == null ? List.of() : op.getParameters();
        boolean open = op.getSecurity() != null && op.getSecurity().isEmpty();
        boolean change = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        boolean ifMatch =
                params.stream().anyMatch(p -> "header".equals(p.getIn()) && "If-Match".equalsIgnoreCase(p.getName()));
        String text = (op.getSummary() == null ? "" : op.getSummary()) + " "
                + (op.getDescription() == null ? "" : op.getDescription());
        ApiResponses responses = op.getResponses() == null ? new ApiResponses() : op.getResponses();
        op.setResponses(responses);
        add(responses, "400", !params.isEmpty() || op.getRequestBody() != null);
        add(responses, "403", !open);
        add(
                responses,
                "404",
                params.stream().anyMatch(p -> "path".equals(p.getIn())) || bodyNamesAnObject(op, components));
        add(responses, "409", change);
        add(responses, "412", ifMatch);
        add(responses, "428", ifMatch || (change && bodyNamesAVersion(op, components)));
        add(responses, "503", true);
        Matcher m = NAMED.matcher(text);
        while (m.find()) {
            add(responses, m.group(1), true);
        }
    }

    private static void add(ApiResponses responses, String code, boolean applies) {
        Shared shared = SHARED.get(code);
        if (applies && shared != null && !responses.containsKey(code)) {
            responses.addApiResponse(code, new ApiResponse().$ref("#/components/responses/" + shared.name()));
        }
    }

    private static boolean bodyNamesAVersion(Operation op, Components components) {
        return bodyProperties(op, components).keySet().stream().anyMatch("version"::equals);
    }

    /** A body naming another object by its id ({@code systemId}, a UUID): an unknown one is 404. */
    private static boolean bodyNamesAnObject(Operation op, Components components) {
        return bodyProperties(op, components).entrySet().stream()
                .anyMatch(p -> p.getKey().endsWith("Id")
                        || p.getKey().endsWith("Ids")
                        || "uuid".equals(p.getValue().getFormat()));
    }

    private static Map<String, Schema> bodyProperties(Operation op, Components components) {
        Map<String, Schema> all = new LinkedHashMap<>();
        if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
            for (MediaType type : op.getRequestBody().getContent().values()) {
                Schema<?> s = resolve(type.getSchema(), components);
                if (s != null && s.getProperties() != null) {
                    all.putAll(s.getProperties());
                }
            }
        }
        return all;
    }

    private static Schema<?> resolve(Schema<?> s, Components components) {
        if (s == null || s.get$ref() == null || components.getSchemas() == null) {
            return s;
        }
        return components.getSchemas().get(s.get$ref().substring(s.get$ref().lastIndexOf('/') + 1));
    }
}
