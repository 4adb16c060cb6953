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
 * {@code Problem} schema) as {@link ProblemAdvice} sends it, not a string of any type; each tag declared once.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(name = "springdoc.api-docs.enabled", matchIfMissing = true)
class ApiDocsConventions {

    static final String BEARER = "apiToken";
    static final String SESSION = "sessionCookie";
    static final String CSRF = "csrfHeader";
    static final String PROBLEM = "application/problem+json";

    @Bean
    OperationCustomizer yunjianOperations() {
        return (operation, handler) -> {
            PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
            if (rule == null) {
                rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
            }
            boolean open = rule != null && rule.value().replace(" ", "").equals("permitAll()");
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

    private static Content problem() {
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
