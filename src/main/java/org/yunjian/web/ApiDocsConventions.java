package org.yunjian.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * What every operation of the OpenAPI document says alike (issue 60: a generator or a linter reads it): how a caller
 * authenticates — an API token as {@code Authorization: Bearer …}, or the session cookie with the CSRF header
 * {@code X-CSRF-TOKEN} on changes — and that an operation open to anyone ({@code @PreAuthorize("permitAll()")}) needs
 * neither; 401 on every other operation; every error as {@code application/problem+json} (RFC 9457, the
 * {@code Problem} schema) as {@link ProblemAdvice} sends it, not a string of any type; each tag declared once; every
 * handler taking a {@code MultipartFile} a {@code multipart/form-data} upload; the other error statuses where they
 * can happen ({@link ApiErrorResponses}). 201 and 204 come from each handler's {@code @ResponseStatus}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(name = "springdoc.api-docs.enabled", matchIfMissing = true)
class ApiDocsConventions {

    static final String BEARER = "apiToken";
    static final String SESSION = "sessionCookie";
    static final String CSRF = "csrfHeader";
    static final String PROBLEM = "application/problem+json";
    static final String MULTIPART = "multipart/form-data";

    @Bean
    OperationCustomizer yunjianOperations() {
        return (operation, handler) -> {
            PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
            if (rule == null) {
                rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
            }
            boolean open = rule != null && rule.value().replace(" ", "").equals("permitAll()");
            uploads(operation, handler);
            operation.setOperationId(operationId(handler));
            if (open) {
                operation.setSecurity(List.of()); // no credentials asked
            } else {
                responses(operation)
                        .addApiResponse("401", new ApiResponse().$ref("#/components/responses/Unauthenticated"));
            }
            return operation;
        };
    }

    @Bean
    OpenApiCustomizer yunjianDocument() {
        return openApi -> {
            Components c = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            c.addSecuritySchemes(
                    BEARER,
                    new SecurityScheme()
                            .type(SecurityScheme.Type.HTTP)
                            .scheme("bearer")
                            .description("An API token (yj_…) made on the account page or with `yunjian api token`"));
            c.addSecuritySchemes(
                    SESSION,
                    new SecurityScheme()
                            .type(SecurityScheme.Type.APIKEY)
                            .in(SecurityScheme.In.COOKIE)
                            .name("JSESSIONID")
                            .description("The session of a signed-in browser"));
            c.addSecuritySchemes(
                    CSRF,
                    new SecurityScheme()
                            .type(SecurityScheme.Type.APIKEY)
                            .in(SecurityScheme.In.HEADER)
                            .name("X-CSRF-TOKEN")
                            .description(
                                    "With the session cookie on every change: the value of the XSRF-TOKEN cookie"));
            c.addSchemas(
                    "Problem",
                    new ObjectSchema()
                            .description("RFC 9457 problem details")
                            .addProperty("type", new StringSchema().format("uri"))
                            .addProperty("title", new StringSchema())
                            .addProperty("status", new IntegerSchema())
                            .addProperty("detail", new StringSchema())
                            .addProperty("instance", new StringSchema().format("uri"))
                            .addProperty(
                                    "errors",
                                    new ObjectSchema()
                                            .description("For 400: each refused field and why")
                                            .additionalProperties(new StringSchema())));
            c.addResponses(
                    "Unauthenticated",
                    new ApiResponse()
                            .description("Not signed in: no session and no valid API token")
                            .content(problem()));
            openApi.setComponents(c);
            // relative: the host that serves the document serves the API (not springdoc's guess from the request)
            openApi.setServers(List.of(new Server().url("/").description("This Yunjian server")));
            openApi.getInfo()
                    .title("Yunjian")
                    .description("Security governance for cloud services across their whole life");
            ApiErrorResponses.apply(openApi, c);
            openApi.setSecurity(List.of(
                    new SecurityRequirement().addList(BEARER),
                    new SecurityRequirement().addList(SESSION).addList(CSRF)));
            if (openApi.getPaths() != null) {
                openApi.getPaths().values().forEach(item -> item.readOperations()
                        .forEach(ApiDocsConventions::errors));
            }
            openApi.setTags(uniqueTags(openApi.getTags()));
        };
    }

    /**
     * An operation id that stays when other operations come and go (springdoc's own is the method name with {@code _1},
     * {@code _2} … by discovery order, so a generated client's method names shifted): the controller's name without
     * {@code ApiController}/{@code Api}/{@code Controller}, then the method's name; a method name declared more than
     * once on the controller adds its parameter types. {@code ApiDocsConventionsTests} checks they are unique.
     */
    static String operationId(org.springframework.web.method.HandlerMethod handler) {
        String type = handler.getBeanType().getSimpleName();
        for (String suffix : List.of("ApiController", "Controller", "Api")) {
            if (type.endsWith(suffix) && type.length() > suffix.length()) {
                type = type.substring(0, type.length() - suffix.length());
                break;
            }
        }
        java.lang.reflect.Method m = handler.getMethod();
        StringBuilder id = new StringBuilder(Character.toLowerCase(type.charAt(0)) + type.substring(1))
                .append(Character.toUpperCase(m.getName().charAt(0)))
                .append(m.getName().substring(1));
        long sameName = java.util.Arrays.stream(handler.getBeanType().getDeclaredMethods())
                .filter(o -> o.getName().equals(m.getName()) && !o.isSynthetic() && !o.isBridge())
                .count();
        if (sameName > 1) {
            id.append("With");
            for (Class<?> p : m.getParameterTypes()) {
                id.append(p.getSimpleName());
            }
        }
        return id.toString();
    }

    /**
     * A handler taking a {@code MultipartFile} is a {@code multipart/form-data} upload with a binary property per file,
     * whatever springdoc inferred from a mapping without {@code consumes} (a JSON body, or no body at all).
     */
    static void uploads(Operation op, org.springframework.web.method.HandlerMethod handler) {
        ObjectSchema form = new ObjectSchema();
        for (org.springframework.core.MethodParameter p : handler.getMethodParameters()) {
            if (p.getParameterType() != org.springframework.web.multipart.MultipartFile.class) {
                continue;
            }
            org.springframework.web.bind.annotation.RequestParam param =
                    p.getParameterAnnotation(org.springframework.web.bind.annotation.RequestParam.class);
            String name = param == null || param.name().isEmpty() ? p.getParameterName() : param.name();
            form.addProperty(name, new StringSchema().format("binary"));
            if (param != null && param.required()) {
                form.addRequiredItem(name);
            }
        }
        if (form.getProperties() == null) {
            return;
        }
        io.swagger.v3.oas.models.parameters.RequestBody body = op.getRequestBody();
        if (body != null && body.getContent() != null && body.getContent().containsKey(MULTIPART)) {
            return; // springdoc described it from consumes = multipart/form-data
        }
        op.setRequestBody(new io.swagger.v3.oas.models.parameters.RequestBody()
                .content(new Content().addMediaType(MULTIPART, new MediaType().schema(form))));
        if (op.getParameters() != null) {
            op.getParameters()
                    .removeIf(p -> form.getProperties().containsKey(p.getName()) && "query".equals(p.getIn()));
        }
    }

    /** Every 4xx and 5xx response of {@code op} described as a problem, whatever springdoc inferred. */
    private static void errors(Operation op) {
        ApiResponses responses = op.getResponses();
        if (responses == null) {
            return;
        }
        responses.forEach((code, r) -> {
            if (r.get$ref() == null && (code.startsWith("4") || code.startsWith("5"))) {
                r.setContent(problem());
            }
        });
    }

    static Content problem() {
        return new Content()
                .addMediaType(PROBLEM, new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")));
    }

    private static ApiResponses responses(Operation op) {
        if (op.getResponses() == null) {
            op.setResponses(new ApiResponses());
        }
        return op.getResponses();
    }

    /** The tags once each by name, a description kept from the first declaration that has one. */
    static List<Tag> uniqueTags(List<Tag> tags) {
        if (tags == null) {
            return null;
        }
        Map<String, Tag> byName = new LinkedHashMap<>();
        for (Tag t : tags) {
            Tag kept = byName.get(t.getName());
            if (kept == null) {
                byName.put(t.getName(), t);
            } else if (kept.getDescription() == null && t.getDescription() != null) {
                byName.put(t.getName(), t);
            }
        }
        return new ArrayList<>(byName.values());
    }
}
