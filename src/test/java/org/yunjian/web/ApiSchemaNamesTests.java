package org.yunjian.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * springdoc names a schema of the OpenAPI document by the class's simple name, so two request or response types
 * called alike (two {@code PlanInput}s of different modules) share one schema unless one is given its own name with
 * {@code @Schema(name = …)}: the document then describes one
 * endpoint's body with the other's fields, and clients and {@link FreeTextAcceptanceTests} are misled. Every type
 * reachable from a REST handler's body or answer therefore has a simple name of its own.
 */
@org.yunjian.support.CommonContext
class ApiSchemaNamesTests {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void everyTypeOfTheRestApiHasASimpleNameOfItsOwn() {
        Map<String, Set<String>> byName = new TreeMap<>();
        Set<Class<?>> seen = new HashSet<>();
        for (HandlerMethod m : mapping.getHandlerMethods().values()) {
            for (MethodParameter p : m.getMethodParameters()) {
                if (p.hasParameterAnnotation(RequestBody.class)) {
                    walk(p.getGenericParameterType(), byName, seen);
                }
            }
            walk(m.getMethod().getGenericReturnType(), byName, seen);
        }
        assertThat(seen).as("types found behind the REST handlers").hasSizeGreaterThan(50);
        Map<String, Set<String>> clashes = new TreeMap<>();
        byName.forEach((name, classes) -> {
            if (classes.size() > 1) {
                clashes.put(name, classes);
            }
        });
        assertThat(clashes)
                .as("simple names shared by different types in the OpenAPI document")
                .isEmpty();
    }

    private void walk(Type type, Map<String, Set<String>> byName, Set<Class<?>> seen) {
        if (type instanceof ParameterizedType p) {
            walk(p.getRawType(), byName, seen);
            for (Type a : p.getActualTypeArguments()) {
                walk(a, byName, seen);
            }
        } else if (type instanceof GenericArrayType a) {
            walk(a.getGenericComponentType(), byName, seen);
        } else if (type instanceof Class<?> c) {
            if (c.isArray()) {
                walk(c.getComponentType(), byName, seen);
                return;
            }
            if (!c.getName().startsWith("org.yunjian.") || !seen.add(c)) {
                return;
            }
            if (c.isEnum()) {
                return; // springdoc writes an enum's values in place, never as a named schema
            }
            Schema named = c.getAnnotation(Schema.class);
            String name = named != null && !named.name().isBlank() ? named.name() : c.getSimpleName();
            byName.computeIfAbsent(name, k -> new TreeSet<>()).add(c.getName());
            if (c.isRecord()) {
                for (RecordComponent rc : c.getRecordComponents()) {
                    walk(rc.getGenericType(), byName, seen);
                }
            }
        }
    }
}
