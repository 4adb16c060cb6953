package org.yunjian.web;

import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Text;
import org.yunjian.shared.TextRules;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdScalarSerializer;

/**
 * JSON in and out of the REST API under {@link Text}'s rule.
 *
 * <p>In: every string of every request body — record components, list elements, map keys and values, at any
 * depth — passes the rule for multi-line text before the controller runs: NUL and other controls (but
 * TAB/LF/CR), lone surrogates ({@code "\ud800"}) and noncharacters are refused with a 400 problem naming the field
 * by its JSON path ({@code participants[0].role}). A new endpoint is covered without doing anything; the stricter
 * single-line rule for names is checked by each module, which knows which fields are names.
 *
 * <p>Out: every string is written through {@link Text#safe}, so a row stored before the rule (or around it) is
 * answered with U+FFFD in place of a character UTF-8 cannot carry, never with a 500. Spring Boot registers the
 * {@link Output} module with the application's JSON mapper.
 */
@ControllerAdvice
class FreeTextJson extends RequestBodyAdviceAdapter {

    private static final int MAX_DEPTH = 32;

    private final TextRules rules;

    FreeTextJson(TextRules rules) {
        this.rules = rules;
    }

    @Override
    public boolean supports(
            MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(
            Object body,
            HttpInputMessage inputMessage,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        check(body, "", 0);
        return body;
    }

    private void check(Object value, String path, int depth) {
        if (value == null || depth > MAX_DEPTH) {
            return;
        }
        if (value instanceof CharSequence s) {
            String field = path.isEmpty() ? "body" : Text.safe(path);
            Text.violation(s, Text.Kind.LINES).ifPresent(v -> {
                throw new FieldErrors.ValidationException(field, rules.describe(field, v));
            });
        } else if (value instanceof Optional<?> o) {
            o.ifPresent(x -> check(x, path, depth + 1));
        } else if (value instanceof Collection<?> c) {
            int i = 0;
            for (Object x : c) {
                check(x, path + "[" + i++ + "]", depth + 1);
            }
        } else if (value instanceof Object[] a) {
            for (int i = 0; i < a.length; i++) {
                check(a[i], path + "[" + i + "]", depth + 1);
            }
        } else if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String name = join(path, String.valueOf(e.getKey()));
                check(e.getKey(), name, depth + 1);
                check(e.getValue(), name, depth + 1);
            }
        } else if (value instanceof Record r) {
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                try {
                    c.getAccessor().setAccessible(true);
                    check(c.getAccessor().invoke(r), join(path, c.getName()), depth + 1);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + c, e);
                }
            }
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** Writes {@link Text#safe}'s form of every string: the same string unless it holds an unwritable character. */
    @Component
    static class Output extends SimpleModule {

        Output() {
            super("yunjian-safe-text");
            addSerializer(String.class, new Safe());
        }
    }

    static final class Safe extends StdScalarSerializer<String> {

        Safe() {
            super(String.class);
        }

        @Override
        public void serialize(String value, JsonGenerator gen, SerializationContext provider) throws JacksonException {
            gen.writeString(Text.safe(value));
        }
    }
}
